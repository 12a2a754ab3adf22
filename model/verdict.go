package model

// Resultat is the outcome of one rule for one household.
type Resultat int

const (
	NonApplicable Resultat = iota // the rule does not concern this case
	Conforme                      // the condition is met / the situation is absent
	Alerte                        // the condition fails / the situation is present
	Incomplet                     // data is missing to decide
)

// Label is the French word shown next to a verdict.
func (r Resultat) Label() string {
	switch r {
	case Conforme:
		return "conforme"
	case Alerte:
		return "alerte"
	case Incomplet:
		return "données manquantes"
	}
	return "sans objet"
}

// Verdict is the result of one rule with everything needed to explain it:
// the figures used, the threshold, a French sentence and the source.
// A verdict proposes; the commission decides.
type Verdict struct {
	Regle       string   `json:"regle"` // stable code, e.g. "sous_occupation"
	Titre       string   `json:"titre"`
	Resultat    Resultat `json:"resultat"`
	Valeur      string   `json:"valeur"`
	Seuil       string   `json:"seuil"`
	Explication string   `json:"explication"`
	Source      string   `json:"source"`
}

// Flag reports whether the situation is present (the verdict is an alert).
func (v Verdict) Flag() bool { return v.Resultat == Alerte }

// Sources of the rules, quoted next to each verdict.
const (
	SourceUC              = "Politique d'attribution, §1.2, note 1 (unités de consommation)"
	SourceEffort          = "Politique d'attribution, préambule ; règlement intérieur de la CALEOL (taux d'effort 35 %, reste à vivre 20 €/jour/UC)"
	SourceSousOccupation  = "Art. L.621-2 CCH ; politique d'attribution §1.2.1"
	SourceSurOccCritique  = "Art. R.822-25 CCH ; politique d'attribution §1.2.4"
	SourceSurOccTypologie = "Politique d'attribution §1.2.4, tableau « Occupation des logements »"
	SourcePlafond         = "Art. R.441-1 CCH ; arrêté du 29/07/1987 (catégories de ménage) ; plafonds de ressources de l'année"
	SourcePMR             = "Art. L.442-5-2 CCH ; politique d'attribution §1.2.2 (logements PMR)"
	SourceMutation        = "Politique d'attribution §1.2 (conditions de mutation)"
	SourceExamen          = "Art. L.442-5-2 CCH (examen de l'occupation)"
)
