package model

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Eligibilite is the examination of one application for one dwelling:
// every rule with its verdict, whether the policy allows the candidate, and
// the rank the program proposes. The commission decides.
type Eligibilite struct {
	NUR            string
	Menage         string
	Nom            string
	Personnes      int // the household's size on the day of the evaluation (members living there)
	DateDepot      Date
	AncienneteMois int

	Plafond        Plafond
	Typologie      Verdict
	SurOccCritique Verdict
	PMR            Verdict
	Effort         Effort
	Mutation       Mutation
	Prioritaire    Verdict

	// First quartile on the threshold's basis (RessourcesParUCQuartile) and
	// the L.441-1 categories, for the lists and the yearly objectives.
	QuartileUC           Cents    // monthly resources × 12 ÷ UC, cents per UC per year
	QuartileConnu        bool     // QuartileUC is known
	QuartileSeuil        Cents    // the year's threshold; 0 when not entered
	CategoriesL4411      []string // letters of L.441-1 (« g bis »…)
	RenouvellementUrbain bool     // rehoused by an urban-renewal operation

	Exclu         bool
	Motifs        []string // why the candidate is excluded, or what must be checked
	Niveau        int      // priority tier: 1 DALO, 2 priority public, 3 priority transfer, 4 others
	NiveauLibelle string   // the tier in French: « DALO », « public prioritaire »…
	Rang          int      // proposed rank, 0 when excluded
	Raison        string   // why this rank, or why excluded
	// Situations: the specific situations of §1.3 the commission is told
	// about (co-tenancy, CIAL, decohabitation…), filled by the caller with
	// SituationsCandidat; they never change the rank.
	Situations []string
}

// Verdicts lists the rules applied, in the order they are shown.
func (e *Eligibilite) Verdicts() []Verdict {
	return []Verdict{e.Plafond.Verdict, e.Typologie, e.SurOccCritique, e.PMR, e.Effort.Verdict, e.Mutation.Verdict, e.Prioritaire}
}

// SourcePriorites cites the priorities used to rank candidates.
const SourcePriorites = "Art. L.441-1 CCH, catégories a à m (annexe 1 de la politique) ; politique d'attribution §1.1, §1.2 et §1.3.4"

// EvaluerCandidat applies the policy to an application for dwelling l.
// actuel is the household's current dwelling when it rents from the office.
func EvaluerCandidat(l *Logement, m *Menage, d *Demande, actuel *Logement, at Date, r *Regles) Eligibilite {
	c := Compose(m, at, r)
	uc, _ := UnitesConsommation(m, at, r)
	e := Eligibilite{NUR: d.NUR, Menage: m.ID, Nom: m.Nom(), Personnes: c.Personnes, DateDepot: d.DateDepot, AncienneteMois: d.DateDepot.MonthsUntil(at)}
	e.Plafond = PlafondRessources(m, l.Financement, l.Commune, at, r)
	e.Typologie = TypologieAdaptee(l.Typologie, c, r)
	e.SurOccCritique = SurOccupationCritique(l.Surface, c.Personnes, r)
	e.PMR = PMRAdmis(l, m, c, r)
	e.Effort = TauxEffort(l.Quittance(), m.Ressources.APL, m.Ressources.Mensuelles, uc, r)
	e.Mutation = ConditionsMutation(m, d, actuel, at, r)
	e.Prioritaire = Priorite(d, &e.Mutation, at, r)
	e.QuartileUC, e.QuartileConnu = RessourcesParUCQuartile(m, uc)
	e.QuartileSeuil, _, _ = r.PremierQuartile(at.Year())
	for _, p := range d.Priorites {
		if l, ok := LettreL4411(p); ok {
			e.CategoriesL4411 = append(e.CategoriesL4411, l)
		}
	}
	e.RenouvellementUrbain = d.RenouvellementUrbain

	for _, v := range []Verdict{e.Plafond.Verdict, e.Typologie, e.SurOccCritique, e.PMR, e.Effort.Verdict, e.Mutation.Verdict} {
		switch v.Resultat {
		case Alerte:
			e.Exclu = true
			if v.Regle == e.Mutation.Regle {
				// Each failed transfer condition in its own words.
				for _, c := range e.Mutation.Conditions {
					if c.Flag() {
						e.Motifs = append(e.Motifs, "Mutation : "+c.Explication)
					}
				}
				continue
			}
			e.Motifs = append(e.Motifs, v.Explication)
		case Incomplet:
			e.Motifs = append(e.Motifs, "À vérifier — "+v.Titre+" : "+v.Explication)
		}
	}
	if !d.Active {
		e.Exclu = true
		e.Motifs = append(e.Motifs, "La demande n'est pas active.")
	}
	e.Niveau, e.NiveauLibelle = niveau(d, &e.Mutation, at, r)
	return e
}

// PMRAdmis: PMR dwellings go only to a CMI invalidité holder or to a senior
// kept at home (policy §1.2.2).
func PMRAdmis(l *Logement, m *Menage, c Composition, r *Regles) Verdict {
	v := Verdict{Regle: ReglePMR, Titre: ReglePMR.Titre(), Source: "Politique d'attribution §1.2.2",
		Seuil: fmt.Sprintf("titulaire de la CMI invalidité ou sénior de %d ans ou plus", r.AgeSenior)}
	switch {
	case !l.PMR:
		v.Resultat, v.Valeur, v.Explication = NonApplicable, "logement non adapté", "Le logement n'est pas adapté (PMR) : pas de condition particulière."
	case c.Handicap:
		v.Resultat, v.Valeur, v.Explication = Conforme, "CMI invalidité", "Un membre du ménage est titulaire de la CMI invalidité : le logement PMR peut lui être attribué."
	case c.AgeMax >= r.AgeSenior:
		v.Resultat, v.Valeur = Conforme, fmt.Sprintf("sénior de %d ans", c.AgeMax)
		v.Explication = fmt.Sprintf("Un membre a %d ans : le logement PMR peut être attribué dans une démarche de maintien à domicile.", c.AgeMax)
	default:
		v.Resultat, v.Valeur = Alerte, "ni CMI invalidité ni sénior"
		v.Explication = "Le logement est adapté (PMR) : il est réservé aux titulaires de la CMI invalidité ou aux séniors en maintien à domicile."
	}
	return v
}

// Priorite tells whether the applicant belongs to a priority public and at
// which tier: DALO; annex-1 publics and domestic violence; transfers on the
// policy's priority grounds (unless an adapted offer was refused within the
// year).
func Priorite(d *Demande, mu *Mutation, at Date, r *Regles) Verdict {
	v := Verdict{Regle: ReglePrioritaire, Titre: ReglePrioritaire.Titre(), Source: SourcePriorites,
		Seuil: "DALO, catégories a à m de l'article L.441-1 (annexe 1), violences familiales, mutation prioritaire"}
	var why []string
	if d.DALO {
		w := "reconnu DALO"
		if d.DALOPrefet {
			w += " (désigné par le préfet)"
		}
		why = append(why, w)
	}
	var cats []string
	for _, p := range d.Priorites {
		if l, ok := LettreL4411(p); ok {
			cats = append(cats, l+" (n° "+itoa(p)+")")
		}
	}
	if len(cats) > 0 {
		why = append(why, "catégorie(s) "+strings.Join(cats, ", ")+" de l'article L.441-1 (annexe 1)")
	}
	if w := ViolencesAffichage(d, false); w != "" {
		why = append(why, w)
	}
	refus := refusEnCours(d, at, r)
	if mu != nil && mu.Resultat == Conforme && len(mu.Motifs) > 0 {
		if refus {
			why = append(why, "mutation ("+strings.Join(mu.Motifs, ", ")+") non priorisée : offre adaptée refusée le "+d.RefusAdapte.String())
		} else {
			why = append(why, "mutation prioritaire : "+strings.Join(mu.Motifs, ", "))
		}
	}
	if len(why) == 0 {
		v.Resultat, v.Valeur, v.Explication = NonApplicable, "non", "Le demandeur ne relève d'aucune priorité : il est classé à l'ancienneté."
		return v
	}
	v.Resultat, v.Valeur = Conforme, strings.Join(why, " ; ")
	v.Explication = "Priorité : " + v.Valeur + "."
	return v
}

// niveau returns the priority tier of an application (1 is first).
func niveau(d *Demande, mu *Mutation, at Date, r *Regles) (int, string) {
	if d == nil {
		return 4, "sans priorité particulière"
	}
	refus := refusEnCours(d, at, r)
	switch {
	case d.DALO:
		return 1, "DALO"
	case d.CategoriesL4411() > 0 || d.ViolencesFamiliales:
		return 2, "public prioritaire"
	case mu != nil && mu.Resultat == Conforme && len(mu.Motifs) > 0 && !refus:
		return 3, "mutation prioritaire (" + strings.Join(mu.Motifs, ", ") + ")"
	}
	return 4, "sans priorité particulière"
}

// ClasserCandidats ranks the candidates the policy allows: by priority tier
// (DALO, priority publics and violence, priority transfers, others), then by
// seniority of the application, then by NUR. Excluded ones get no rank.
// The tier is the one EvaluerCandidat found; demandes (may be nil) recomputes
// it for the applications it holds.
func ClasserCandidats(list []Eligibilite, demandes map[string]*Demande, at Date, r *Regles) {
	for i := range list {
		e := &list[i]
		if d := demandes[e.NUR]; d != nil || e.Niveau == 0 {
			e.Niveau, e.NiveauLibelle = niveau(d, &e.Mutation, at, r)
		}
	}
	// Sort indices, then move each record once: an Eligibilite is large.
	idx := make([]int, len(list))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool {
		a, b := &list[idx[i]], &list[idx[j]]
		if a.Exclu != b.Exclu {
			return !a.Exclu
		}
		if a.Niveau != b.Niveau {
			return a.Niveau < b.Niveau
		}
		if a.DateDepot != b.DateDepot {
			return a.DateDepot < b.DateDepot
		}
		return a.NUR < b.NUR
	})
	sorted := make([]Eligibilite, len(list))
	for i, k := range idx {
		sorted[i] = list[k]
	}
	copy(list, sorted)
	rank := 0
	for i := range list {
		e := &list[i]
		if e.Exclu {
			e.Rang, e.Raison = 0, "exclu : "+strings.Join(e.Motifs, " ")
			continue
		}
		rank++
		e.Rang = rank
		// Built without fmt: thousands of candidates are ranked at once.
		e.Raison = "rang " + strconv.Itoa(rank) + " : " + e.NiveauLibelle + ", demande déposée le " + e.DateDepot.String() +
			" (" + strconv.Itoa(e.AncienneteMois) + " mois d'ancienneté)"
	}
}

// Preselection is a cheap numeric test, without any text, run before
// EvaluerCandidat on large pools (NouvelleSelection(l, at, r).Garde for many
// applications). It returns false only when EvaluerCandidat would certainly
// exclude the application. When it returns true the full examination
// decides.
func Preselection(l *Logement, m *Menage, d *Demande, actuel *Logement, at Date, r *Regles) bool {
	return NouvelleSelection(l, at, r).Garde(m, d, actuel)
}

// Selection is the pre-selection for one dwelling on one date: what does
// not depend on the applicant (zone, ceiling table) is found once.
type Selection struct {
	l       *Logement
	at      Date
	r       *Regles
	bareme  Bareme
	plafond bool // a ceiling table applies to the dwelling
}

// NouvelleSelection prepares the pre-selection for dwelling l on date at.
func NouvelleSelection(l *Logement, at Date, r *Regles) *Selection {
	s := &Selection{l: l, at: at, r: r}
	if z, ok := r.ZoneOf(l.Commune); ok {
		s.bareme, s.plafond = r.Bareme(at.Year(), z, l.Financement)
	}
	return s
}

// Garde reports whether the application may be allowed. It is false only
// when the application is inactive, the typology is outside the occupancy
// table, the dwelling would be critically over-occupied, a PMR dwelling
// would go to a household without CMI invalidité or senior, the resources
// are above the ceiling, the effort rate is above the limit with a reste à
// vivre not above the minimum, or a tenant fails a transfer condition that
// needs no computation (arrears without CESF report, no prior visit,
// troubles, violence): the same rules, figures and roundings as
// EvaluerCandidat, without building any text.
func (s *Selection) Garde(m *Menage, d *Demande, actuel *Logement) bool {
	l, r := s.l, s.r
	if !d.Active {
		return false
	}
	c := Compose(m, s.at, r)
	if c.Personnes > 0 {
		if min, max, _ := TypologiesAdaptees(c.Autres, r); min > 0 && (l.Typologie < min || l.Typologie > max) {
			return false
		}
		if l.Surface > 0 && l.Surface < r.SurfaceMin(c.Personnes) {
			return false
		}
	}
	if l.PMR && !c.Handicap && c.AgeMax < r.AgeSenior {
		return false
	}
	if m.Loge() && actuel != nil {
		b := m.Bail
		if b.Impayes && !b.RapportCESF || !b.VisiteFaite || b.Troubles || b.ComportementViolent {
			return false
		}
	}
	if c.Personnes == 0 {
		return true
	}
	// Ceiling: the household's category as Categorie finds it (arrêté of
	// 29/07/1987), the resources as PlafondRessources compares them.
	if s.plafond {
		n := c.Personnes
		eff := n
		if c.Handicap || !c.Couple && c.ACharge > 0 && c.Personnes-c.ACharge == 1 {
			eff = n + 1
		}
		if n == 2 && c.Conjoints && c.ACharge == 0 && c.SommeAgesCp <= r.AgeJeuneCpl && eff < 3 {
			eff = 3
		}
		cat, extra := eff, 0
		if eff > 6 {
			cat, extra = 6, eff-6
		}
		max := s.bareme.Categories[cat-1] + Cents(extra)*s.bareme.ParPersonne
		rev := m.Ressources.RevenuFiscal
		if n1 := m.Ressources.RevenuN1; n1 > 0 && float64(n1) <= 0.9*float64(rev) {
			rev = n1
		}
		if rev > max {
			return false
		}
	}
	// Solvency as TauxEffort computes it; the consumption units as
	// UnitesConsommation counts them (the first adult is aged AgeUC or more
	// unless every member is younger).
	if mens := m.Ressources.Mensuelles; mens > 0 {
		var uc float64
		if c.Moins14 < c.Personnes {
			uc = r.UCPremierAdulte + r.UCAutre14*float64(c.Personnes-1-c.Moins14) + r.UCEnfant*float64(c.Moins14)
		} else {
			uc = r.UCPremierAdulte + r.UCEnfant*float64(c.Personnes-1)
		}
		net := l.Quittance() - m.Ressources.APL
		if net < 0 {
			net = 0
		}
		taux := float64(net) / float64(mens)
		rav := Cents(math.Round(float64(mens-net) / 100 / uc / float64(r.JoursParMois) * 100))
		// A margin of a thousandth and of a cent keeps the test on the safe
		// side of any rounding difference.
		if uc > 0 && math.Round(taux*1000)/1000 > r.TauxEffortMax+0.001 && rav < r.ResteAVivreMinUCJour-1 {
			return false
		}
	}
	return true
}
