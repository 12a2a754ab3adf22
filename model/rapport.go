package model

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
)

// The annual report to the board, the State and the reservation holders
// (R.441-9 CCH; policy, « Un rapport annuel est remis au Conseil
// d'Administration »): every figure is computed here as data, from the
// closed sessions of the civil year and what became of their offers.

// SourceRapport is the legal basis of the report.
const SourceRapport = "Art. R.441-9 CCH (compte rendu annuel de la CALEOL) ; politique d'attribution, « rapport annuel remis au Conseil d'Administration »"

// InfoLogement is what the report needs of a dwelling beyond the session's
// own record: its quota and typology (current stock data).
type InfoLogement struct {
	Contingent string
	Typologie  int // 0 when the dwelling is no longer in the stock
}

// DonneesRapport is the input of the report: the year, its sessions (only
// the closed ones of that year count), the dwellings and the applications'
// filing dates (NUR → date, for the seniority at attribution).
type DonneesRapport struct {
	Annee     int
	Seances   []Commission
	Logements map[string]InfoLogement
	Depots    map[string]Date
	Regles    *Regles
	// Transferts: the lease transfers recorded (any year; §1.3.1).
	Transferts []TransfertBail
}

// Decompte is one counted line of a breakdown.
type Decompte struct {
	Code    string // stable code, for the CSV
	Libelle string // French label
	N       int
}

// Repartition is a breakdown of the year's attributions.
type Repartition struct {
	Code   string // commune, contingent, typologie, qpv
	Titre  string
	Lignes []Decompte
}

// Anciennete is the applicants' seniority at attribution (from the filing
// date to the session), in months.
type Anciennete struct {
	N         int // attributions with a known filing date
	Inconnues int
	Mediane   int // months; meaningful when N > 0
	Tranches  []Decompte
}

// Suites counts what became of the year's offers.
type Suites struct {
	Offres      int // dwellings offered (attribution, condition or classement)
	Acceptees   int // a lease signed counts as accepted
	Refusees    int // refused with a reason
	Legitimes   int // of which with a legitimate reason
	SansReponse int
	Baux        int
	EnAttente   int // offer held, no lease recorded yet
	Penalites   int // §1.2 transfer penalties set
	// Outside QPV, the objective counts signed leases (« suivies de baux
	// signés »): among them, those to first-quartile applicants or urban
	// renewal; NaN rate when the threshold is missing.
	BauxHorsQPV           int
	BauxHorsQPVQuartile   int
	BauxHorsQPVEnAttente  int
	BauxHorsQPVInconnus   int
	BauxHorsQPVSeuilConnu bool
}

// ActiviteAnnuelle is the year's work of the commission.
type ActiviteAnnuelle struct {
	Seances           int
	SeancesImportees  int
	LogementsExamines int
	CandidatsExamines int
	Attributions      int // dwellings with an attributee (after the follow-up)
	Decisions         []Decompte
	MotifsNonAttrib   []Decompte
	MotifsIrrecev     []Decompte
	ExamensOccupation int
	Constats          int // occupancy cases with the commission's finding
	Situations        []Decompte
	TroisCandidats    int        // dwellings with at least three candidates
	Exceptions        []Decompte // legal exceptions used
	SansException     int        // fewer than three without a recorded exception (imported sessions mostly)
}

// MoisRapport is one month of the year: its attributions and each
// objective's running rate at the end of the month (NaN when it cannot be
// measured yet).
type MoisRapport struct {
	Mois         time.Month
	Attributions int
	Taux         [4]float64
}

// Rapport is the annual report, every figure as data.
type Rapport struct {
	Annee      int
	Seuil      Cents // first-quartile threshold of the year (yearly resources per UC)
	SeuilConnu bool
	Objectifs  []Objectif // the four objectives, in the policy's order
	Activite   ActiviteAnnuelle
	Suites     Suites
	Parts      []Repartition
	Anciennete Anciennete
	Mois       [12]MoisRapport
	Transferts TransfertsRapport // lease transfers of the year (§1.3.1)
}

// titulaire returns the candidate holding the offer of d, skipping those
// refused says have refused (see Commission.TitulaireOffre).
func titulaire(d *DossierLogement, refused func(nur string) bool) *Candidat {
	var best *Candidat
	for i := range d.Candidats {
		k := &d.Candidats[i]
		if k.Decision == nil || refused(k.NUR) {
			continue
		}
		switch k.Decision.Type {
		case Attribution, ConditionSuspensive:
			return k
		case AttributionClassee:
			if best == nil || k.Decision.Rang < best.Decision.Rang {
				best = k
			}
		}
	}
	return best
}

// etatsSuites indexes the last event of each offer of a session.
func etatsSuites(c *Commission) map[[2]string]SuiteOffre {
	m := make(map[[2]string]SuiteOffre, len(c.Suites))
	for _, s := range c.Suites {
		m[[2]string{s.Logement, s.NUR}] = s
	}
	return m
}

// LignesObjectifsSuivies lists the candidates of a session as the yearly
// objectives count them, the attributee being the one who holds the offer
// once the follow-up is read (the rank that accepted after a refusal).
func LignesObjectifsSuivies(c *Commission) []LigneObjectif {
	etats := etatsSuites(c)
	var out []LigneObjectif
	for i := range c.Logements {
		d := &c.Logements[i]
		b := titulaire(d, func(nur string) bool { return etats[[2]string{d.Logement, nur}].Reponse.Refus() })
		for j := range d.Candidats {
			k := &d.Candidats[j]
			attribue := b != nil && b.NUR == k.NUR
			out = append(out, LigneObjectif{Commission: c.ID, Logement: d.Logement, QPV: d.QPV, NUR: k.NUR,
				Profil: k.Profil, Attribue: attribue, Bail: attribue && etats[[2]string{d.Logement, k.NUR}].Reponse == OffreBailSigne})
		}
	}
	return out
}

// Tranches of seniority at attribution, in months.
var tranchesAnciennete = []struct {
	code, libelle string
	max           int // exclusive upper bound in months; 0 for none
}{
	{"moins_1_an", "moins d'un an", 12},
	{"1_2_ans", "de 1 à 2 ans", 24},
	{"2_5_ans", "de 2 à 5 ans", 60},
	{"5_10_ans", "de 5 à 10 ans", 120},
	{"10_ans_et_plus", "10 ans et plus", 0},
}

// CalculerRapport computes the annual report of d.Annee.
func CalculerRapport(d DonneesRapport) *Rapport {
	r := d.Regles
	if r == nil {
		r = DefaultRegles()
	}
	rep := &Rapport{Annee: d.Annee, Transferts: TransfertsDeLAnnee(d.Transferts, d.Annee)}
	rep.Seuil, rep.SeuilConnu = r.PremierQuart[d.Annee]
	rep.SeuilConnu = rep.SeuilConnu && rep.Seuil > 0
	var seances []*Commission
	for i := range d.Seances {
		c := &d.Seances[i]
		if c.Statut == Close && c.Annee() == d.Annee {
			seances = append(seances, c)
		}
	}
	sort.SliceStable(seances, func(i, j int) bool { return seances[i].Date < seances[j].Date })

	act := &rep.Activite
	decisions := map[TypeDecision]int{}
	motifsNA, motifsIrr := map[string]int{}, map[string]int{}
	situations := map[string]int{}
	exceptions := map[string]int{}
	communes, contingents, typos := map[string]int{}, map[string]int{}, map[int]int{}
	qpv, horsQPV := 0, 0
	var anciennetes []int
	var lignesParMois [12][]LigneObjectif
	var lignesBaux []LigneObjectif // signed leases outside QPV
	for _, c := range seances {
		act.Seances++
		if c.Import != nil {
			act.SeancesImportees++
		}
		etats := etatsSuites(c)
		mois := int(c.Date.Time().Month()) - 1
		lignesParMois[mois] = append(lignesParMois[mois], LignesObjectifsSuivies(c)...)
		for i := range c.Logements {
			dos := &c.Logements[i]
			act.LogementsExamines++
			act.CandidatsExamines += len(dos.Candidats)
			switch {
			case len(dos.Candidats) >= 3:
				act.TroisCandidats++
			case dos.Exception != "":
				exceptions[dos.Exception]++
			default:
				act.SansException++
			}
			offre := false
			for _, k := range dos.Candidats {
				if k.Decision == nil {
					continue
				}
				decisions[k.Decision.Type]++
				switch k.Decision.Type {
				case Attribution, ConditionSuspensive, AttributionClassee:
					offre = true
				case NonAttribution:
					compterMotifs(motifsNA, k.Decision)
				case Irrecevabilite:
					compterMotifs(motifsIrr, k.Decision)
				}
			}
			if offre {
				rep.Suites.Offres++
			}
			for _, k := range dos.Candidats {
				s, ok := etats[[2]string{dos.Logement, k.NUR}]
				if !ok {
					continue
				}
				switch s.Reponse {
				case OffreAcceptee:
					rep.Suites.Acceptees++
				case OffreRefusee:
					rep.Suites.Refusees++
					if s.Legitime {
						rep.Suites.Legitimes++
					}
				case OffreSansReponse:
					rep.Suites.SansReponse++
				case OffreBailSigne:
					rep.Suites.Baux++
					rep.Suites.Acceptees++
				}
			}
			for _, s := range c.Suites {
				if s.Logement == dos.Logement && s.Penalite {
					rep.Suites.Penalites++
				}
			}
			b := titulaire(dos, func(nur string) bool { return etats[[2]string{dos.Logement, nur}].Reponse.Refus() })
			if b == nil {
				continue
			}
			act.Attributions++
			bail := etats[[2]string{dos.Logement, b.NUR}].Reponse == OffreBailSigne
			if !bail {
				rep.Suites.EnAttente++
			}
			info := d.Logements[dos.Logement]
			commune := dos.Commune
			if commune == "" {
				commune = c.Commune
			}
			communes[commune]++
			contingents[strings.TrimSpace(info.Contingent)]++
			typos[info.Typologie]++
			if dos.QPV {
				qpv++
			} else {
				horsQPV++
				if bail {
					lignesBaux = append(lignesBaux, LigneObjectif{Commission: c.ID, Logement: dos.Logement, NUR: b.NUR, Profil: b.Profil, Attribue: true})
				} else {
					rep.Suites.BauxHorsQPVEnAttente++
				}
			}
			if dep, ok := d.Depots[b.NUR]; ok && !dep.IsZero() && dep <= c.Date {
				anciennetes = append(anciennetes, dep.MonthsUntil(c.Date))
			} else {
				rep.Anciennete.Inconnues++
			}
		}
		for _, o := range c.Occupation {
			act.ExamensOccupation++
			if strings.TrimSpace(o.Constat) != "" {
				act.Constats++
			}
			for _, s := range o.Situations {
				situations[s]++
			}
		}
	}
	// Signed leases outside QPV, counted by the objective's own rule.
	ob := ObjectifQuartileHorsQPV(lignesBaux, d.Annee, r)
	rep.Suites.BauxHorsQPV = len(lignesBaux)
	rep.Suites.BauxHorsQPVQuartile, rep.Suites.BauxHorsQPVInconnus = ob.Numerateur, ob.Inconnus
	rep.Suites.BauxHorsQPVSeuilConnu = rep.SeuilConnu

	// Objectives over the year, and running month by month.
	var cumul []LigneObjectif
	for m := 0; m < 12; m++ {
		cumul = append(cumul, lignesParMois[m]...)
		rep.Mois[m].Mois = time.Month(m + 1)
		for _, l := range lignesParMois[m] {
			if l.Attribue {
				rep.Mois[m].Attributions++
			}
		}
		for i, o := range BilanObjectifs(cumul, d.Annee, r) {
			rep.Mois[m].Taux[i] = o.Part
			if o.Resultat == Incomplet {
				rep.Mois[m].Taux[i] = math.NaN()
			}
		}
	}
	rep.Objectifs = BilanObjectifs(cumul, d.Annee, r) // outside QPV, the leases signed and pending are said by the objective

	for _, t := range TypesDecision {
		act.Decisions = append(act.Decisions, Decompte{Code: string(t), Libelle: t.Label(), N: decisions[t]})
	}
	act.MotifsNonAttrib = comptesMotifs(motifsNA, MotifsNonAttribution)
	act.MotifsIrrecev = comptesMotifs(motifsIrr, MotifsIrrecevabilite)
	for code, n := range situations {
		act.Situations = append(act.Situations, Decompte{Code: code, Libelle: CodeRegle(code).Titre(), N: n})
	}
	sortComptes(act.Situations)
	for i, e := range ExceptionsTroisCandidats {
		if n := exceptions[e]; n > 0 {
			act.Exceptions = append(act.Exceptions, Decompte{Code: fmt.Sprintf("exception_%d", i+1), Libelle: e, N: n})
		}
	}

	var cs []Decompte
	for k, n := range communes {
		cs = append(cs, Decompte{Code: codeLibre(k), Libelle: k, N: n})
	}
	sortComptes(cs)
	rep.Parts = append(rep.Parts, Repartition{Code: "commune", Titre: "Par commune", Lignes: cs})
	cs = nil
	for k, n := range contingents {
		lib := k
		if lib == "" {
			lib = "non renseigné"
		}
		cs = append(cs, Decompte{Code: codeLibre(lib), Libelle: lib, N: n})
	}
	sortComptes(cs)
	rep.Parts = append(rep.Parts, Repartition{Code: "contingent", Titre: "Par contingent (réservataire)", Lignes: cs})
	cs = nil
	for t := 1; t <= 6; t++ {
		if n := typos[t]; n > 0 {
			cs = append(cs, Decompte{Code: fmt.Sprintf("t%d", t), Libelle: TypologieLabel(t), N: n})
		}
	}
	if n := typos[0]; n > 0 {
		cs = append(cs, Decompte{Code: "non_renseigne", Libelle: "non renseignée", N: n})
	}
	rep.Parts = append(rep.Parts, Repartition{Code: "typologie", Titre: "Par typologie", Lignes: cs})
	rep.Parts = append(rep.Parts, Repartition{Code: "qpv", Titre: "Quartiers prioritaires (QPV)", Lignes: []Decompte{
		{Code: "qpv", Libelle: "en QPV", N: qpv}, {Code: "hors_qpv", Libelle: "hors QPV", N: horsQPV}}})

	rep.Anciennete = calculerAnciennete(anciennetes, rep.Anciennete.Inconnues)
	return rep
}

func compterMotifs(m map[string]int, d *Decision) {
	if len(d.Motifs) == 0 {
		m[""]++
	}
	for _, c := range d.Motifs {
		m[c]++
	}
}

// motifsRapport are the reasons as the board reads them (the lists'
// Libelle is worded for the applicant's letter).
var motifsRapport = map[string]string{
	"typologie":      "Composition du ménage inadaptée à la typologie",
	"effort":         "Taux d'effort et reste à vivre insuffisant",
	"pmr":            "Logement PMR réservé (CMI invalidité, maintien à domicile)",
	"mutation":       "Conditions de la mutation interne non réunies",
	"sur_occupation": "Sur-occupation au regard de la surface (R.822-25)",
	"autre_candidat": "Logement attribué à un candidat jugé prioritaire",
	"plafond":        "Ressources au-dessus du plafond",
	"sejour":         "Conditions de séjour non remplies",
	"demande":        "Demande non enregistrée ou inactive",
	"proprietaire":   "Propriétaire d'un logement adapté",
}

// comptesMotifs lists the reasons in the order of their list, then
// « motif rédigé » for decisions whose reasons are only written out.
func comptesMotifs(m map[string]int, list []Motif) []Decompte {
	var out []Decompte
	for _, mo := range list {
		if n := m[mo.Code]; n > 0 {
			lib := motifsRapport[mo.Code]
			if lib == "" {
				lib = mo.Libelle
			}
			out = append(out, Decompte{Code: mo.Code, Libelle: lib, N: n})
		}
	}
	if n := m[""]; n > 0 {
		out = append(out, Decompte{Code: "redige", Libelle: "Motifs rédigés (hors liste)", N: n})
	}
	return out
}

func calculerAnciennete(mois []int, inconnues int) Anciennete {
	a := Anciennete{N: len(mois), Inconnues: inconnues}
	counts := make([]int, len(tranchesAnciennete))
	for _, m := range mois {
		for i, t := range tranchesAnciennete {
			if t.max == 0 || m < t.max {
				counts[i]++
				break
			}
		}
	}
	for i, t := range tranchesAnciennete {
		a.Tranches = append(a.Tranches, Decompte{Code: t.code, Libelle: t.libelle, N: counts[i]})
	}
	if len(mois) > 0 {
		s := append([]int(nil), mois...)
		sort.Ints(s)
		n := len(s)
		if n%2 == 1 {
			a.Mediane = s[n/2]
		} else {
			a.Mediane = (s[n/2-1] + s[n/2]) / 2
		}
	}
	return a
}

func sortComptes(cs []Decompte) {
	sort.SliceStable(cs, func(i, j int) bool {
		if cs[i].N != cs[j].N {
			return cs[i].N > cs[j].N
		}
		return cs[i].Libelle < cs[j].Libelle
	})
}

// codeLibre turns a label into a CSV code: « Vitry-sur-Seine » → vitry_sur_seine.
func codeLibre(s string) string {
	k := strings.ToLower(CommuneKey(s))
	var b strings.Builder
	for _, r := range k {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	return strings.Trim(b.String(), "_")
}
