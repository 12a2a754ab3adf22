package model

// CodeRegle is the stable code of a rule's verdict (CSV columns, situations
// recorded in sessions, letters). Every verdict carries one; its French title
// is keyed by it (Titre).
type CodeRegle string

// Codes of the rules.
const (
	RegleUC               CodeRegle = "uc"
	RegleCategorie        CodeRegle = "categorie"
	RegleQuartile         CodeRegle = "premier_quartile"
	ReglePlafond          CodeRegle = "plafond"
	RegleEffort           CodeRegle = "taux_effort"
	RegleLogement         CodeRegle = "logement"
	ReglePMR              CodeRegle = "pmr_ok"
	ReglePrioritaire      CodeRegle = "prioritaire"
	RegleTypologieAdaptee CodeRegle = "typologie_adaptee"

	// The five situations of L.442-5-2 CCH (the first counted as critical
	// over-occupation by surface, R.822-25).
	RegleSurOccupationCritique      CodeRegle = "sur_occupation_critique"
	RegleSousOccupation             CodeRegle = "sous_occupation"
	RegleLogementAdapteSansHandicap CodeRegle = "logement_adapte_sans_handicap"
	RegleHandicapSansLogementAdapte CodeRegle = "handicap_sans_logement_adapte"
	RegleDepassementPlafond         CodeRegle = "depassement_plafond"
	// The policy's typology indicator (§1.2.4): a transfer priority, not a
	// situation of L.442-5-2.
	RegleSurOccupationTypologie CodeRegle = "sur_occupation"
	// L.442-3-1 CCH: offers to an under-occupying tenant and their consequence.
	RegleSousOccupationOffres CodeRegle = "sous_occupation_l442_3_1"
	// L.442-5-2 CCH: the three-year rhythm of the review.
	RegleProchainExamen CodeRegle = "prochain_examen"

	RegleMutation      CodeRegle = "mutation"
	RegleDemandeActive CodeRegle = "demande_active"
	RegleAnciennete    CodeRegle = "anciennete"
	RegleImpayes       CodeRegle = "impayes"
	RegleVisite        CodeRegle = "visite"
	RegleTroubles      CodeRegle = "troubles"
	RegleViolence      CodeRegle = "violence"

	// Specific situations (policy §1.3).
	RegleTransfertBail  CodeRegle = "transfert_bail"
	RegleDecohabitation CodeRegle = "decohabitation"
	RegleRefusAdapte    CodeRegle = "refus_adapte"

	RegleQuorum         CodeRegle = "quorum"
	RegleTroisCandidats CodeRegle = "trois_candidats"

	RegleObjectifPrioritaires CodeRegle = "objectif_prioritaires"
	RegleObjectifQ1HorsQPV    CodeRegle = "objectif_q1_hors_qpv"
	RegleObjectifQ1QPV        CodeRegle = "objectif_q1_qpv"
	RegleObjectifMutations    CodeRegle = "objectif_mutations"
)

var titresRegles = map[CodeRegle]string{
	RegleUC:                         "Unités de consommation",
	RegleCategorie:                  "Catégorie de ménage",
	RegleQuartile:                   "Ressources par UC (premier quartile)",
	ReglePlafond:                    "Plafond de ressources",
	RegleEffort:                     "Taux d'effort et reste à vivre",
	RegleLogement:                   "Logement loué",
	ReglePMR:                        "Logement PMR réservé",
	ReglePrioritaire:                "Public prioritaire",
	RegleTypologieAdaptee:           "Typologie adaptée à la composition",
	RegleSurOccupationCritique:      "Sur-occupation (surface, L.442-5-2 1°)",
	RegleSousOccupation:             "Sous-occupation (L.442-5-2 2°)",
	RegleLogementAdapteSansHandicap: "Logement adapté sans occupant handicapé (L.442-5-2 3°)",
	RegleHandicapSansLogementAdapte: "Handicap ou perte d'autonomie dans un logement non adapté (L.442-5-2 4°)",
	RegleDepassementPlafond:         "Ressources au-dessus du plafond (L.442-5-2 5°)",
	RegleSurOccupationTypologie:     "Indicateur de la politique : typologie trop petite (hors L.442-5-2)",
	RegleSousOccupationOffres:       "Offres de relogement en sous-occupation (L.442-3-1)",
	RegleProchainExamen:             "Prochain examen triennal",
	RegleMutation:                   "Conditions de mutation",
	RegleDemandeActive:              "Demande active",
	RegleAnciennete:                 "Un an dans le logement",
	RegleImpayes:                    "Pas d'impayé",
	RegleVisite:                     "Visite préalable du logement",
	RegleTroubles:                   "Pas de troubles de voisinage",
	RegleViolence:                   "Pas de comportement violent",
	RegleTransfertBail:              "Relogement après un transfert de bail refusé",
	RegleDecohabitation:             "Effet de la décohabitation sur le ménage d'origine",
	RegleRefusAdapte:                "Refus d'une proposition adaptée",
	RegleQuorum:                     "Quorum",
	RegleTroisCandidats:             "Trois candidats par logement",
	RegleObjectifPrioritaires:       "Désignations de ménages DALO ou prioritaires",
	RegleObjectifQ1HorsQPV:          "Attributions hors QPV au premier quartile",
	RegleObjectifQ1QPV:              "Attributions en QPV au-dessus du premier quartile",
	RegleObjectifMutations:          "Attributions aux mutations internes",
}

var courtsRegles = map[CodeRegle]string{
	RegleSurOccupationCritique:      "1° Sur-occupation (surface)",
	RegleSousOccupation:             "2° Sous-occupation",
	RegleLogementAdapteSansHandicap: "3° Logement adapté quitté",
	RegleHandicapSansLogementAdapte: "4° Handicap, perte d'autonomie",
	RegleDepassementPlafond:         "5° Au-dessus du plafond",
	RegleSurOccupationTypologie:     "Politique : typologie (hors L.442-5-2)",
}

// Court is a short French label for lists (the review's situations);
// the title when none.
func (c CodeRegle) Court() string {
	if t, ok := courtsRegles[c]; ok {
		return t
	}
	return c.Titre()
}

// Titre is the French title of the rule; the code itself when unknown.
func (c CodeRegle) Titre() string {
	if t, ok := titresRegles[c]; ok {
		return t
	}
	return string(c)
}

// SituationsL44252 are the five situations of art. L.442-5-2 CCH, in the
// order of the article (1° over-occupation as defined by L.822-10, i.e. the
// surfaces of R.822-25; 2° under-occupation, L.621-2; 3° adapted dwelling
// without a disabled occupant; 4° disability or loss of autonomy without an
// adapted dwelling; 5° resources above the ceiling).
var SituationsL44252 = []CodeRegle{RegleSurOccupationCritique, RegleSousOccupation,
	RegleLogementAdapteSansHandicap, RegleHandicapSansLogementAdapte, RegleDepassementPlafond}

// IndicateursPolitique are the policy's own indicators shown by the review
// beside the legal situations (policy §1.2.4: transfer priority only).
var IndicateursPolitique = []CodeRegle{RegleSurOccupationTypologie}

// EstSituationL44252 reports whether the code is one of the five legal situations.
func EstSituationL44252(c CodeRegle) bool {
	for _, s := range SituationsL44252 {
		if s == c {
			return true
		}
	}
	return false
}
