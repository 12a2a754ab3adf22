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
	Regle       CodeRegle `json:"regle"` // stable code, e.g. RegleSousOccupation
	Titre       string    `json:"titre"`
	Resultat    Resultat  `json:"resultat"`
	Valeur      string    `json:"valeur"`
	Seuil       string    `json:"seuil"`
	Explication string    `json:"explication"`
	Source      string    `json:"source"`
}

// Flag reports whether the situation is present (the verdict is an alert).
func (v Verdict) Flag() bool { return v.Resultat == Alerte }

// Sources of the rules, quoted next to each verdict.
const (
	SourceUC              = "Politique d'attribution, §1.2, note 1 (unités de consommation)"
	SourceEffort          = "Politique d'attribution, préambule ; règlement intérieur de la CALEOL (taux d'effort 35\u00a0%, reste à vivre 20\u00a0€/jour/UC)"
	SourceSousOccupation  = "Art. L.442-5-2 2° et L.621-2 CCH (enfants en droit de visite et d'hébergement comptés) ; politique d'attribution §1.2.1"
	SourceSurOccCritique  = "Art. L.442-5-2 1°, L.822-10 et R.822-25 CCH (surfaces minimales) ; politique d'attribution §1.2.4"
	SourceSurOccTypologie = "Politique d'attribution §1.2.4, tableau « Occupation des logements » (critère de priorité de mutation de l'Office, hors L.442-5-2)"
	SourcePlafond         = "Art. R.441-1 CCH ; arrêté du 29/07/1987 (catégories de ménage) ; arrêté annuel des plafonds de ressources (révisés au 1er janvier)"
	SourceCategorie       = "Arrêté du 29/07/1987 relatif aux plafonds de ressources (catégories de ménage 1 à 6)"
	SourcePMR             = "Art. L.442-5-2 3° et 4° CCH ; politique d'attribution §1.2.2 (logements PMR)"
	SourceMutation        = "Politique d'attribution §1.2 (conditions de mutation)"
	SourceExamen          = "Art. L.442-5-2 CCH (examen de l'occupation tous les trois ans à compter de la signature du bail)"
	SourceOffresSousOcc   = "Art. L.442-3-1 CCH (sous-occupation : trois offres, perte du droit au maintien dans les lieux)"
	SourceQuartile        = "Art. L.441-1 CCH (seuil du premier quartile fixé chaque année par arrêté, ressources déclarées par UC) ; politique d'attribution §1.1"
)
