package model

import (
	"fmt"
	"math"
)

// Indicateur is one figure of the annual report, as the CSV export writes
// it (indicateur;numerateur;denominateur;taux;cible;atteint).
type Indicateur struct {
	Code         string
	Libelle      string
	Numerateur   int
	Denominateur int     // -1 for a count (no denominator)
	Taux         float64 // NaN when none
	Cible        float64 // NaN when none
	Atteint      string  // « oui », « non », « données manquantes », « sans objet » or "" for a count
	Manquant     bool    // the numerator is unknown (threshold missing)
}

// Decompte returns an indicator that is a plain count.
func compteIndicateur(code, libelle string, n int) Indicateur {
	return Indicateur{Code: code, Libelle: libelle, Numerateur: n, Denominateur: -1, Taux: math.NaN(), Cible: math.NaN()}
}

// Codes of the four objectives in the CSV, in the policy's order.
var CodesObjectifs = [4]string{
	"designations_prioritaires",
	"attributions_premier_quartile_hors_qpv",
	"attributions_au_dessus_quartile_qpv",
	"attributions_mutations",
}

// Indicateurs lists every figure of the report, one per CSV row: the four
// objectives, the signed leases outside QPV, the activity, the follow-up of
// the offers, the breakdowns, the seniority and the months.
func (r *Rapport) Indicateurs() []Indicateur {
	var out []Indicateur
	for i, o := range r.Objectifs {
		in := Indicateur{Code: CodesObjectifs[i], Libelle: o.Titre, Numerateur: o.Numerateur, Denominateur: o.Denominateur, Taux: o.Part, Cible: o.Cible}
		switch o.Resultat {
		case Conforme:
			in.Atteint = "oui"
		case Alerte:
			in.Atteint = "non"
		case Incomplet:
			in.Atteint, in.Manquant = Incomplet.Label(), true
		default:
			in.Atteint = NonApplicable.Label()
		}
		out = append(out, in)
	}
	s := r.Suites
	baux := Indicateur{Code: "baux_signes_premier_quartile_hors_qpv", Libelle: "Baux signés hors QPV au premier quartile ou en renouvellement urbain",
		Numerateur: s.BauxHorsQPVQuartile, Denominateur: s.BauxHorsQPV - s.BauxHorsQPVInconnus, Taux: math.NaN(), Cible: r.cibleQ1()}
	switch {
	case !r.SeuilConnu:
		baux.Atteint, baux.Manquant = Incomplet.Label(), true
	case baux.Denominateur <= 0:
		baux.Atteint = NonApplicable.Label()
	default:
		baux.Taux = float64(baux.Numerateur) / float64(baux.Denominateur)
		baux.Atteint = OuiNon(float64(baux.Numerateur) >= baux.Cible*float64(baux.Denominateur)-1e-9)
	}
	out = append(out, baux,
		compteIndicateur("baux_en_attente_hors_qpv", "Attributions hors QPV dont le bail n'est pas encore signé", s.BauxHorsQPVEnAttente))

	a := r.Activite
	out = append(out,
		compteIndicateur("seances", "Séances closes de l'année", a.Seances),
		compteIndicateur("seances_importees", "dont séances importées", a.SeancesImportees),
		compteIndicateur("logements_examines", "Logements examinés", a.LogementsExamines),
		compteIndicateur("candidats_examines", "Candidats examinés", a.CandidatsExamines),
		compteIndicateur("attributions", "Attributions (logements attribués, suite des offres comprise)", a.Attributions),
	)
	for _, c := range a.Decisions {
		out = append(out, compteIndicateur("decisions_"+c.Code, "Décisions : "+c.Libelle, c.N))
	}
	for _, c := range a.MotifsNonAttrib {
		out = append(out, compteIndicateur("motif_non_attribution_"+c.Code, "Motif de non-attribution : "+c.Libelle, c.N))
	}
	for _, c := range a.MotifsIrrecev {
		out = append(out, compteIndicateur("motif_irrecevabilite_"+c.Code, "Motif d'irrecevabilité : "+c.Libelle, c.N))
	}
	trois := Indicateur{Code: "logements_trois_candidats", Libelle: "Logements examinés avec au moins trois candidats",
		Numerateur: a.TroisCandidats, Denominateur: a.LogementsExamines, Taux: math.NaN(), Cible: math.NaN()}
	if a.LogementsExamines > 0 {
		trois.Taux = float64(a.TroisCandidats) / float64(a.LogementsExamines)
	}
	out = append(out, trois)
	for _, c := range a.Exceptions {
		out = append(out, compteIndicateur(c.Code, "Exception à la règle des trois candidats : "+c.Libelle, c.N))
	}
	out = append(out,
		compteIndicateur("logements_moins_de_trois_sans_exception", "Logements à moins de trois candidats sans exception enregistrée", a.SansException),
		compteIndicateur("examens_occupation", "Ménages examinés au titre de l'occupation", a.ExamensOccupation),
		compteIndicateur("examens_occupation_constats", "dont avec le constat de la commission", a.Constats))
	for _, c := range a.Situations {
		out = append(out, compteIndicateur("situation_"+c.Code, "Situation d'occupation : "+c.Libelle, c.N))
	}
	out = append(out,
		compteIndicateur("offres", "Logements offerts (attribution, condition suspensive ou classement)", s.Offres),
		compteIndicateur("offres_acceptees", "Offres acceptées (bail signé compris)", s.Acceptees),
		compteIndicateur("offres_refusees", "Offres refusées", s.Refusees),
		compteIndicateur("offres_refusees_motif_legitime", "dont avec un motif légitime", s.Legitimes),
		compteIndicateur("offres_sans_reponse", "Offres sans réponse dans le délai", s.SansReponse),
		compteIndicateur("baux_signes", "Baux signés", s.Baux),
		compteIndicateur("baux_en_attente", "Attributions dont le bail n'est pas encore signé", s.EnAttente),
		compteIndicateur("penalites_refus", "Refus sans motif légitime d'une mutation (non priorisée un an)", s.Penalites))
	for _, p := range r.Parts {
		for _, c := range p.Lignes {
			out = append(out, compteIndicateur("attributions_"+p.Code+"_"+c.Code, "Attributions "+p.Titre+" : "+c.Libelle, c.N))
		}
	}
	if r.Anciennete.N > 0 {
		out = append(out, compteIndicateur("anciennete_mediane_mois", "Ancienneté médiane de la demande à l'attribution (mois)", r.Anciennete.Mediane))
	}
	for _, c := range r.Anciennete.Tranches {
		out = append(out, compteIndicateur("anciennete_"+c.Code, "Ancienneté à l'attribution : "+c.Libelle, c.N))
	}
	if r.Anciennete.Inconnues > 0 {
		out = append(out, compteIndicateur("anciennete_inconnue", "Ancienneté à l'attribution inconnue", r.Anciennete.Inconnues))
	}
	for _, m := range r.Mois {
		out = append(out, compteIndicateur(fmt.Sprintf("attributions_mois_%02d", int(m.Mois)), "Attributions en "+MonthName(m.Mois), m.Attributions))
	}
	return out
}

func (r *Rapport) cibleQ1() float64 {
	if len(r.Objectifs) > 1 {
		return r.Objectifs[1].Cible
	}
	return math.NaN()
}
