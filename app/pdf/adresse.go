package pdf

import (
	"logis/model"
)

// The address window of a French DL envelope (110 × 220 mm, A4 folded in
// three): 110 mm from the left edge, 55 mm from the top, 85 × 33 mm.
const (
	FenetreX = 110.0
	FenetreY = 55.0
	FenetreL = 85.0
	FenetreH = 33.0
)

// Postal address limits (AFNOR XP Z 10-011), as in model.
const (
	AdresseLignesMax = model.AdresseLignesMax
	AdresseCarMax    = model.AdresseCarMax
)

// Adresse is the recipient block of a letter, placed in the envelope window.
type Adresse struct {
	X, Y, L, H float64 // mm from the page's left and top edges
	Lignes     []string
}

// nouvelleAdresse places lines in the window.
func nouvelleAdresse(lignes []string) Adresse {
	return Adresse{X: FenetreX, Y: FenetreY, L: FenetreL, H: FenetreH, Lignes: lignes}
}

// adressePostale writes the postal address of a household with the model's
// formatter (model.AdresseEnvoi): the holders' names (first names as
// initials when needed), then the address it gave or, for a tenant, the
// dwelling of the office it rents (domicile), the last line being postal
// code and town in capitals. At most 6 lines of 38 characters, postal
// abbreviations where needed; what does not fit is refused (EINVALID, with
// every reason), never cut.
func adressePostale(m *model.Menage, domicile *model.Logement) ([]string, error) {
	return model.AdresseEnvoi(m, domicile)
}

func chiffres(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}
