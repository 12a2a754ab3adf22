package model

import "strings"

// Activite is an adult's situation towards work, for the activity rate of a
// residence (policy §1.4). "" means not recorded.
type Activite string

const (
	EnEmploi        Activite = "emploi"           // employed, salaried or self-employed, apprentice
	DemandeurEmploi Activite = "demandeur_emploi" // job-seeker
	Retraite        Activite = "retraite"
	Etudiant        Activite = "etudiant" // student, pupil
	AutreInactif    Activite = "autre"    // other inactive: at home, invalidity…
)

// Activites lists the situations in the order of the forms.
var Activites = []Activite{EnEmploi, DemandeurEmploi, Retraite, Etudiant, AutreInactif}

// Active reports whether the situation counts in the activity rate (INSEE
// definition: employed persons and job-seekers are active).
func (a Activite) Active() bool { return a == EnEmploi || a == DemandeurEmploi }

// Label is the French wording of the situation.
func (a Activite) Label() string {
	switch a {
	case EnEmploi:
		return "en emploi"
	case DemandeurEmploi:
		return "demandeur d'emploi"
	case Retraite:
		return "retraité"
	case Etudiant:
		return "étudiant"
	case AutreInactif:
		return "sans activité"
	}
	return "non renseignée"
}

// ParseActivite reads a situation in the spellings an office uses: « employé »,
// « salarié », « en emploi », « CDI », « demandeur d'emploi », « chômeur »,
// « retraité(e) », « étudiant(e) », « autre », « au foyer »… (any case, with
// or without accents); "" is not recorded.
func ParseActivite(s string) (Activite, error) {
	v := strings.ToLower(Fold(strings.TrimSpace(s)))
	v = strings.NewReplacer("’", "'", "-", " ", "_", " ", "(e)", "", "(ne)", "").Replace(v)
	v = strings.Join(strings.Fields(v), " ")
	switch v {
	case "":
		return "", nil
	case "emploi", "en emploi", "employe", "employee", "salarie", "salariee", "actif", "active", "actif occupe", "cdi", "cdd",
		"interim", "interimaire", "independant", "independante", "apprenti", "apprentie", "fonctionnaire", "travaille":
		return EnEmploi, nil
	case "demandeur emploi", "demandeur d'emploi", "demandeuse d'emploi", "demandeur", "chomeur", "chomeuse", "chomage", "au chomage", "de":
		return DemandeurEmploi, nil
	case "retraite", "retraitee", "retraites":
		return Retraite, nil
	case "etudiant", "etudiante", "eleve", "lyceen", "lyceenne", "scolaire":
		return Etudiant, nil
	case "autre", "inactif", "inactive", "au foyer", "sans activite", "invalidite", "parent au foyer":
		return AutreInactif, nil
	}
	return "", Errorf(EINVALID, "« %s » n'est pas une situation d'activité (en emploi, demandeur d'emploi, retraité, étudiant, autre)", clip(s))
}
