package model

import (
	"strings"
)

// ModeNotification is how the letters of a session reach the applicants:
// the ten days to answer an offer run from the day after receipt (art.
// R.441-10 CCH), so the receipt date depends on it.
type ModeNotification string

const (
	MainPropre     ModeNotification = "main-propre" // handed over against a signed receipt
	Recommande     ModeNotification = "recommande"  // registered letter with acknowledgement of receipt
	CourrierSimple ModeNotification = "courrier"    // ordinary post
)

// ModesNotification lists the modes in the order offered.
var ModesNotification = []ModeNotification{Recommande, CourrierSimple, MainPropre}

// DelaiPostalDefaut is the postal delay (days) when Paramètres gives none.
const DelaiPostalDefaut = 3

// Label is the mode in French, as written in the letters and the minutes.
func (m ModeNotification) Label() string {
	switch m {
	case MainPropre:
		return "remise en main propre contre décharge"
	case Recommande:
		return "lettre recommandée avec accusé de réception"
	case CourrierSimple:
		return "courrier simple"
	}
	return string(m)
}

// ParseModeNotification reads « main-propre », « recommande » or
// « courrier » (any case, accents and « recommandé » accepted).
func ParseModeNotification(s string) (ModeNotification, error) {
	v := strings.ToLower(strings.TrimSpace(s))
	v = strings.NewReplacer("é", "e", "_", "-", " ", "-").Replace(v)
	switch v {
	case "main-propre", "mainpropre", "remise":
		return MainPropre, nil
	case "recommande", "lrar", "ar":
		return Recommande, nil
	case "courrier", "simple", "courrier-simple", "lettre-simple":
		return CourrierSimple, nil
	}
	return "", Errorf(EINVALID, "« %s » n'est pas un mode de notification (main-propre, recommande ou courrier)", clip(s))
}

// ReceptionPrevue is the day a letter dated envoi is expected to reach its
// reader: the same day when handed over, else envoi plus the postal delay
// (days; DelaiPostalDefaut when not positive), moved past Sundays and public
// holidays, when no post is delivered.
func ReceptionPrevue(envoi Date, mode ModeNotification, delaiPostal int) Date {
	if mode == MainPropre {
		return envoi
	}
	if delaiPostal <= 0 {
		delaiPostal = DelaiPostalDefaut
	}
	d := envoi.AddDays(delaiPostal)
	for d.Weekday() == 0 || JourFerie(d) != "" {
		d = d.AddDays(1)
	}
	return d
}

// Envoi records one printing of a session's letters: their date, how they
// are notified and the receipt the deadlines were computed from. The
// minutes of the session state it.
type Envoi struct {
	Date      Date             `json:"date"`
	Mode      ModeNotification `json:"mode"`
	Reception Date             `json:"reception"`
	Courriers int              `json:"courriers"`
}
