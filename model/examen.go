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

	// ProchainExamen is the next three-yearly review date (L.442-5-2); zero
	// when the lease date is unknown.
	ProchainExamen Date

	SousOccupation             Verdict // 2°
	SurOccupationCritique      Verdict // 1° (R.822-25 surfaces)
	SurOccupation              Verdict // the policy's typology indicator, not a legal situation
	LogementAdapteSansHandicap Verdict // 3°
	HandicapSansLogementAdapte Verdict // 4°
	DepassementPlafond         Plafond // 5°
	OffresSousOccupation       Verdict // L.442-3-1, when under-occupied
	Effort                     Effort
}

// Situations returns the verdicts of the five situations of L.442-5-2 CCH,
// in the article's order (model.SituationsL44252).
func (e *Examen) Situations() []Verdict {
	return []Verdict{e.SurOccupationCritique, e.SousOccupation,
		e.LogementAdapteSansHandicap, e.HandicapSansLogementAdapte, e.DepassementPlafond.Verdict}
}

// Indicateurs returns the policy's own indicators (model.IndicateursPolitique):
// transfer priorities, never counted as a legal situation.
func (e *Examen) Indicateurs() []Verdict { return []Verdict{e.SurOccupation} }

// Verdicts returns every verdict of the review: the legal situations, the
// policy's indicators, L.442-3-1 and the effort rate.
func (e *Examen) Verdicts() []Verdict {
	return append(append(e.Situations(), e.Indicateurs()...), e.OffresSousOccupation, e.Effort.Verdict)
}

// Verdict returns the verdict of code c (zero Verdict when none).
func (e *Examen) Verdict(c CodeRegle) Verdict {
	for _, v := range e.Verdicts() {
		if v.Regle == c {
			return v
		}
	}
	return Verdict{}
}

// AnySituation reports whether the household is in at least one of the five
// situations of L.442-5-2 the commission must examine (the typology
// indicator of the policy does not count).
func (e *Examen) AnySituation() bool {
	for _, v := range e.Situations() {
		if v.Flag() {
			return true
		}
	}
	return false
}

// Motifs are the French explanations of the legal situations found.
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
	if m.Bail != nil {
		e.ProchainExamen = ProchainExamen(m.Bail.DateEntree, at)
	}
	e.SousOccupation = SousOccupation(l.Pieces, c.Personnes, c.Visite)
	e.SurOccupationCritique = SurOccupationCritique(l.Surface, c.Personnes, r)
	e.SurOccupation = SurOccupationTypologie(l.Typologie, c, r)
	e.LogementAdapteSansHandicap = LogementAdapteSansHandicap(l, m, at, r)
	e.HandicapSansLogementAdapte = HandicapSansLogementAdapte(l, m)
	e.DepassementPlafond = PlafondRessources(m, l.Financement, l.Commune, at, r)
	e.DepassementPlafond.Regle, e.DepassementPlafond.Titre = RegleDepassementPlafond, RegleDepassementPlafond.Titre()
	e.OffresSousOccupation = OffresSousOccupation(m, l, e.SousOccupation, at)
	e.Effort = TauxEffort(l.Quittance(), m.Ressources.APL, m.Ressources.Mensuelles, uc, r)
	return e
}

// Round1 rounds to one decimal, for display and CSV.
func Round1(x float64) float64 { return math.Round(x*10) / 10 }
