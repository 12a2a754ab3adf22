package model

import (
	"fmt"
	"math"
)

// The yearly allocation objectives of the policy (§1.1 and §1.2), reported
// to the board each year (R.441-9 CCH). They are computed from what the
// commission decided, never from the program's proposals.

// LigneObjectif is one candidate examined by a session, as the objectives
// count it.
type LigneObjectif struct {
	Commission string
	Logement   string
	QPV        bool // the dwelling is in a quartier prioritaire
	NUR        string
	Profil     *ProfilCandidat // nil when the applicant's situation was not recorded
	Attribue   bool            // the dwelling is allocated to this candidate (DossierLogement.Beneficiaire)
	Bail       bool            // the follow-up records the lease signed by this candidate (LignesObjectifsSuivies)
}

// LignesObjectifs lists the candidates of a session: every candidate
// presented (a designation) and, for each dwelling, the one it is allocated
// to, if any.
func LignesObjectifs(c *Commission) []LigneObjectif {
	var out []LigneObjectif
	for i := range c.Logements {
		d := &c.Logements[i]
		b := d.Beneficiaire()
		for j := range d.Candidats {
			k := &d.Candidats[j]
			out = append(out, LigneObjectif{Commission: c.ID, Logement: d.Logement, QPV: d.QPV, NUR: k.NUR,
				Profil: k.Profil, Attribue: b != nil && b.NUR == k.NUR})
		}
	}
	return out
}

// Objectif is the verdict of one yearly objective with its figures.
type Objectif struct {
	Verdict
	Numerateur   int
	Denominateur int
	Part         float64 // Numerateur ÷ Denominateur; NaN when nothing to count
	Cible        float64 // the share to reach (0.25…)
	Inconnus     int     // lines left out: applicant's situation or resources unknown
	// Outside QPV the policy counts allocations « suivies de baux signés »:
	// of the allocations counted, Baux have their lease signed (follow-up
	// of the offers), BauxAtteints of them to first-quartile or
	// urban-renewal households (0 when the threshold is missing), EnAttente
	// still without a lease. Zero for the other objectives.
	// BauxInconnus of the Baux have the applicant's situation or
	// resources unknown (left out of the leases' share).
	Baux, BauxAtteints, BauxInconnus, EnAttente int
}

// Sources of the objectives.
const (
	SourceObjectifPrioritaires = "Politique d'attribution §1.1 ; art. L.441-1 CCH (DALO et publics prioritaires) ; bilan annuel, art. R.441-9 CCH"
	SourceObjectifQuartile     = "Politique d'attribution §1.1 ; art. L.441-1 CCH (premier quartile fixé chaque année par arrêté ministériel) ; bilan annuel, art. R.441-9 CCH"
	SourceObjectifMutations    = "Politique d'attribution §1.2 (20\u00a0% des attributions aux mutations internes) ; bilan annuel, art. R.441-9 CCH"
)

// BilanObjectifs returns the four objectives of year annee, in the policy's
// order: priority publics, first quartile outside QPV, above the first
// quartile in QPV, internal transfers.
func BilanObjectifs(lignes []LigneObjectif, annee int, r *Regles) []Objectif {
	return []Objectif{
		ObjectifPrioritaires(lignes, annee, r),
		ObjectifQuartileHorsQPV(lignes, annee, r),
		ObjectifAuDessusQuartileQPV(lignes, annee, r),
		ObjectifMutations(lignes, annee, r),
	}
}

// ObjectifPrioritaires: 25 % of the year's designations (the candidates the
// office presents to the commission) go to DALO households or to the
// priority publics of L.441-1 (annex 1, domestic violence included).
func ObjectifPrioritaires(lignes []LigneObjectif, annee int, r *Regles) Objectif {
	o := Objectif{Cible: r.Objectifs.Prioritaires}
	o.Regle, o.Titre, o.Source = RegleObjectifPrioritaires, RegleObjectifPrioritaires.Titre(), SourceObjectifPrioritaires
	for _, l := range lignes {
		if l.Profil == nil {
			o.Inconnus++
			continue
		}
		o.Denominateur++
		if l.Profil.DALO || l.Profil.Prioritaire {
			o.Numerateur++
		}
	}
	return conclure(o, annee, "désignation(s) (candidats présentés à la commission)", "aux ménages DALO ou aux publics prioritaires")
}

// ObjectifQuartileHorsQPV: outside QPV, at least 25 % of the allocations go
// to first-quartile applicants (declared monthly resources × 12 ÷ UC below
// the year's ministerial threshold, RessourcesParUCQuartile) or to
// households rehoused by an urban-renewal operation (NPNRU / ANRU; the
// office's own works do not count). Without the year's threshold, the
// verdict says so.
func ObjectifQuartileHorsQPV(lignes []LigneObjectif, annee int, r *Regles) Objectif {
	o := Objectif{Cible: r.Objectifs.Q1HorsQPV}
	o.Regle, o.Titre, o.Source = RegleObjectifQ1HorsQPV, RegleObjectifQ1HorsQPV.Titre(), SourceObjectifQuartile
	seuil, ok := r.PremierQuart[annee]
	attributions := 0
	for _, l := range lignes {
		if !l.Attribue || l.QPV {
			continue
		}
		attributions++
		atteint, inconnu := false, false
		switch {
		case l.Profil == nil:
			o.Inconnus++
			inconnu = true
		case l.Profil.RenouvellementUrbain:
			o.Denominateur++
			atteint = true
		case !l.Profil.QuartileConnu:
			o.Inconnus++
			inconnu = true
		default:
			o.Denominateur++
			atteint = ok && l.Profil.QuartileUC < seuil
		}
		if atteint {
			o.Numerateur++
		}
		if l.Bail {
			o.Baux++
			if atteint {
				o.BauxAtteints++
			}
			if inconnu {
				o.BauxInconnus++
			}
		} else {
			o.EnAttente++
		}
	}
	if !ok || seuil <= 0 {
		o = quartileManquant(o, annee, attributions, "hors QPV")
		o.BauxAtteints = 0
		o.Explication += " " + suiviBaux(o, attributions, false)
		return o
	}
	what := fmt.Sprintf("à des demandeurs du premier quartile (ressources mensuelles déclarées × 12 ÷ UC inférieures à %s) ou relogés dans le cadre d'une opération de renouvellement urbain (NPNRU / ANRU)", seuil)
	o = conclure(o, annee, "attribution(s) hors QPV (décisions de la commission, lues avec la suite des offres)", what)
	if attributions > 0 {
		o.Explication += " " + suiviBaux(o, attributions, true)
	}
	return o
}

// suiviBaux says how many of the allocations outside QPV are followed by a
// signed lease (« suivies de baux signés ») and how many still wait for
// one; seuil tells whether the first-quartile part of the leases is known.
func suiviBaux(o Objectif, attributions int, seuil bool) string {
	if attributions == 0 {
		return "Suivi des baux : aucune attribution hors QPV."
	}
	s := fmt.Sprintf("Suivi des baux (suite des offres) : %s sur %s hors QPV", pluriel(o.Baux, "bail signé", "baux signés"), pluriel(attributions, "attribution", "attributions"))
	if seuil && o.Baux > 0 {
		s += fmt.Sprintf(", dont %d au premier quartile ou en renouvellement urbain", o.BauxAtteints)
		if n := o.Baux - o.BauxInconnus; n > 0 {
			s += fmt.Sprintf(" (%s des baux signés dont les ressources sont connues)", FormatPercent(float64(o.BauxAtteints)/float64(n)))
		}
	}
	return s + fmt.Sprintf(" ; %s.", pluriel(o.EnAttente, "en attente de signature", "en attente de signature"))
}

// pluriel writes « 1 bail signé », « 0 bail signé », « 2 baux signés ».
func pluriel(n int, un, plusieurs string) string {
	if n > 1 {
		return fmt.Sprintf("%d %s", n, plusieurs)
	}
	return fmt.Sprintf("%d %s", n, un)
}

// ObjectifAuDessusQuartileQPV: in QPV, at least 50 % of the allocations go
// to applicants whose resources are above the first quartile.
func ObjectifAuDessusQuartileQPV(lignes []LigneObjectif, annee int, r *Regles) Objectif {
	o := Objectif{Cible: r.Objectifs.AuDessusQ1EnQPV}
	o.Regle, o.Titre, o.Source = RegleObjectifQ1QPV, RegleObjectifQ1QPV.Titre(), SourceObjectifQuartile
	seuil, ok := r.PremierQuart[annee]
	attributions := 0
	for _, l := range lignes {
		if !l.Attribue || !l.QPV {
			continue
		}
		attributions++
		if l.Profil == nil || !l.Profil.QuartileConnu {
			o.Inconnus++
			continue
		}
		o.Denominateur++
		if ok && l.Profil.QuartileUC >= seuil {
			o.Numerateur++
		}
	}
	if !ok || seuil <= 0 {
		return quartileManquant(o, annee, attributions, "en QPV")
	}
	return conclure(o, annee, "attribution(s) en QPV (décisions de la commission)",
		fmt.Sprintf("à des demandeurs au-dessus du premier quartile (ressources mensuelles déclarées × 12 ÷ UC d'au moins %s)", seuil))
}

// ObjectifMutations: 20 % of the allocations go to the office's tenants
// (internal transfers).
func ObjectifMutations(lignes []LigneObjectif, annee int, r *Regles) Objectif {
	o := Objectif{Cible: r.Objectifs.MutationsInterne}
	o.Regle, o.Titre, o.Source = RegleObjectifMutations, RegleObjectifMutations.Titre(), SourceObjectifMutations
	for _, l := range lignes {
		if !l.Attribue {
			continue
		}
		if l.Profil == nil {
			o.Inconnus++
			continue
		}
		o.Denominateur++
		if l.Profil.Mutation {
			o.Numerateur++
		}
	}
	return conclure(o, annee, "attribution(s) (décisions de la commission)", "à des locataires de l'Office (mutations internes)")
}

// quartileManquant is the verdict when the year's threshold is not entered.
func quartileManquant(o Objectif, annee, attributions int, where string) Objectif {
	o.Numerateur, o.Part = 0, math.NaN()
	o.Resultat = Incomplet
	o.Valeur = fmt.Sprintf("%d attribution(s) %s en %d", attributions, where, annee)
	o.Seuil = fmt.Sprintf("au moins %s ; seuil du premier quartile %d non saisi", FormatPercent(o.Cible), annee)
	o.Explication = fmt.Sprintf("Le seuil du premier quartile %d (ressources annuelles par unité de consommation, fixé par arrêté ministériel) n'est pas saisi dans les Paramètres : l'objectif ne peut pas être calculé. Saisissez le seuil de l'année ; Logis ne le devine pas.", annee)
	return o
}

// conclure compares the share with the target and writes the explanation.
func conclure(o Objectif, annee int, what, to string) Objectif {
	o.Seuil = "au moins " + FormatPercent(o.Cible)
	inconnus := ""
	if o.Inconnus > 0 {
		inconnus = fmt.Sprintf(" %d dossier(s) dont la situation ou les ressources ne sont pas connues ne sont pas comptés.", o.Inconnus)
	}
	if o.Denominateur == 0 {
		o.Part = math.NaN()
		o.Resultat = NonApplicable
		o.Valeur = fmt.Sprintf("aucune %s en %d", trimPlural(what), annee)
		o.Explication = fmt.Sprintf("Aucune %s en %d : l'objectif ne peut pas encore être mesuré.%s", trimPlural(what), annee, inconnus)
		return o
	}
	o.Part = float64(o.Numerateur) / float64(o.Denominateur)
	o.Valeur = fmt.Sprintf("%d sur %d, soit %s", o.Numerateur, o.Denominateur, FormatPercent(o.Part))
	verb := "sont allées"
	if o.Numerateur <= 1 {
		verb = "est allée"
	}
	constat := fmt.Sprintf("En %d, sur %d %s, %d %s %s, soit %s", annee, o.Denominateur, what, o.Numerateur, verb, to, FormatPercent(o.Part))
	if float64(o.Numerateur) >= o.Cible*float64(o.Denominateur)-1e-9 {
		o.Resultat = Conforme
		o.Explication = fmt.Sprintf("%s : l'objectif d'au moins %s est atteint.%s", constat, FormatPercent(o.Cible), inconnus)
	} else {
		manque := int(math.Ceil(o.Cible*float64(o.Denominateur)-1e-9)) - o.Numerateur
		o.Resultat = Alerte
		o.Explication = fmt.Sprintf("%s : en dessous de l'objectif d'au moins %s (il en manque %d à ce jour).%s", constat, FormatPercent(o.Cible), manque, inconnus)
	}
	return o
}

// trimPlural turns « attribution(s) hors QPV (…) » into « attribution hors QPV (…) ».
func trimPlural(s string) string {
	out := []rune{}
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		if i+2 < len(rs) && rs[i] == '(' && rs[i+1] == 's' && rs[i+2] == ')' {
			i += 2
			continue
		}
		out = append(out, rs[i])
	}
	return string(out)
}
