package model

import (
	"math"
)

// Examen is the occupancy review of one household in place (L.442-5-2 CCH).
type Examen struct {
	Menage    string
	Logement  string
	Commune   string
	Personnes int
	UC        float64

	SousOccupation             Verdict
	SurOccupationCritique      Verdict
	SurOccupation              Verdict
	LogementAdapteSansHandicap Verdict
	HandicapSansLogementAdapte Verdict
	DepassementPlafond         Plafond
	Effort                     Effort
}

// Situations returns the five situations of L.442-5-2, critical and typology
// over-occupation counted as two verdicts of the first one.
func (e *Examen) Situations() []Verdict {
	return []Verdict{e.SurOccupationCritique, e.SurOccupation, e.SousOccupation,
		e.LogementAdapteSansHandicap, e.HandicapSansLogementAdapte, e.DepassementPlafond.Verdict}
}

// Verdicts returns every verdict of the review, the effort rate included.
func (e *Examen) Verdicts() []Verdict { return append(e.Situations(), e.Effort.Verdict) }

// AnySituation reports whether the household is in at least one situation
// the commission must examine.
func (e *Examen) AnySituation() bool {
	for _, v := range e.Situations() {
		if v.Flag() {
			return true
		}
	}
	return false
}

// Motifs are the French explanations of the situations found.
func (e *Examen) Motifs() []string {
	var out []string
	for _, v := range e.Situations() {
		if v.Flag() {
			out = append(out, v.Explication)
		}
	}
	return out
}

// ExaminerOccupation reviews a household in its dwelling on date at.
func ExaminerOccupation(m *Menage, l *Logement, at Date, r *Regles) Examen {
	c := Compose(m, at, r)
	uc, _ := UnitesConsommation(m, at, r)
	e := Examen{Menage: m.ID, Logement: l.Reference, Commune: l.Commune, Personnes: c.Personnes, UC: uc}
	e.SousOccupation = SousOccupation(l.Pieces, c.Personnes)
	e.SurOccupationCritique = SurOccupationCritique(l.Surface, c.Personnes, r)
	e.SurOccupation = SurOccupationTypologie(l.Typologie, c, r)
	e.LogementAdapteSansHandicap = LogementAdapteSansHandicap(l, m, at, r)
	e.HandicapSansLogementAdapte = HandicapSansLogementAdapte(l, m)
	e.DepassementPlafond = PlafondRessources(m, l.Financement, l.Commune, at, r)
	e.DepassementPlafond.Regle, e.DepassementPlafond.Titre = "depassement_plafond", "Ressources au-dessus du plafond du logement"
	e.Effort = TauxEffort(l.Quittance(), m.Ressources.APL, m.Ressources.Mensuelles, uc, r)
	return e
}

// Round1 rounds to one decimal, for display and CSV.
func Round1(x float64) float64 { return math.Round(x*10) / 10 }
