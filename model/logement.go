package model

import (
	"fmt"
	"strings"
)

// Financement is the kind of state loan a dwelling was built with; it sets
// its resource ceiling.
type Financement string

const (
	PLAI Financement = "PLAI"
	PLUS Financement = "PLUS"
	PLS  Financement = "PLS"
	PLI  Financement = "PLI"
)

// Financements lists the known financings, from the most social.
var Financements = []Financement{PLAI, PLUS, PLS, PLI}

// ParseFinancement reads PLAI, PLUS, PLS or PLI (any case; « PLA-I » too).
func ParseFinancement(s string) (Financement, error) {
	v := Financement(strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(s), "-", "")))
	for _, f := range Financements {
		if v == f {
			return f, nil
		}
	}
	return "", Errorf(EINVALID, "« %s » n'est pas un financement (PLAI, PLUS, PLS ou PLI)", clip(s))
}

// Statut of a dwelling.
type Statut string

const (
	Vacant  Statut = "vacant"
	Occupe  Statut = "occupe"
	Travaux Statut = "travaux"
)

// Label is the French word for the status.
func (s Statut) Label() string {
	switch s {
	case Vacant:
		return "vacant"
	case Occupe:
		return "occupé"
	case Travaux:
		return "en travaux"
	}
	return string(s)
}

// Residence is a group of buildings managed together.
type Residence struct {
	Code       string  `json:"code"`
	Nom        string  `json:"nom,omitempty"`
	Adresse    string  `json:"adresse,omitempty"`
	CodePostal string  `json:"code_postal,omitempty"`
	Commune    string  `json:"commune"`
	QPV        bool    `json:"qpv"`
	Fragilite  float64 `json:"fragilite,omitempty"` // T12 fragility score, 0 when unknown
}

// Validate checks the required fields.
func (r *Residence) Validate() error {
	if strings.TrimSpace(r.Code) == "" {
		return Errorf(EINVALID, "Le code de la résidence est obligatoire.")
	}
	if strings.TrimSpace(r.Commune) == "" {
		return Errorf(EINVALID, "La commune de la résidence %s est obligatoire.", r.Code)
	}
	if r.CodePostal != "" {
		if err := CheckCodePostal(r.CodePostal); err != nil {
			return Errorf(EINVALID, "Résidence %s : %s.", r.Code, ErrorMessage(err))
		}
	}
	for _, f := range []struct{ what, v string }{{"le code", r.Code}, {"le nom", r.Nom}, {"l'adresse", r.Adresse}, {"la commune", r.Commune}} {
		if err := CheckTexte(f.v, MaxTexte); err != nil {
			return Errorf(EINVALID, "Résidence : %s %s.", f.what, ErrorMessage(err))
		}
	}
	return nil
}

// Logement is a dwelling of the housing stock.
type Logement struct {
	Reference   string      `json:"reference"`
	Residence   string      `json:"residence"`
	Adresse     string      `json:"adresse"`
	CodePostal  string      `json:"code_postal"`
	Commune     string      `json:"commune"`
	QPV         bool        `json:"qpv"`
	Typologie   int         `json:"typologie"` // 1 for T1 … 6 for T6 and more
	Pieces      int         `json:"pieces"`    // main habitable rooms
	Surface     float64     `json:"surface"`   // surface habitable, m²
	Etage       int         `json:"etage"`
	Ascenseur   bool        `json:"ascenseur"`
	PMR         bool        `json:"pmr"`
	Financement Financement `json:"financement"`
	Loyer       Cents       `json:"loyer"`   // monthly rent
	Charges     Cents       `json:"charges"` // monthly service charges
	Contingent  string      `json:"contingent,omitempty"`
	Statut      Statut      `json:"statut,omitempty"` // derived from tenancies when empty

	ClasseDPE         string `json:"dpe,omitempty"`                // energy class A to G, "" when unknown
	DateDPE           Date   `json:"date_dpe,omitempty"`           // date of the diagnosis (first of the month from RPLS)
	AnneeConstruction int    `json:"annee_construction,omitempty"` // year the building was completed, 0 when unknown
}

// TypologieLabel writes a typology: « T3 », « T6 et + ».
func TypologieLabel(t int) string {
	if t >= 6 {
		return "T6 et +"
	}
	return fmt.Sprintf("T%d", t)
}

// ParseTypologie reads « T3 », « t3 », « 3 », « F3 » or « studio ».
func ParseTypologie(s string) (int, error) {
	v := strings.ToUpper(strings.TrimSpace(s))
	if v == "STUDIO" {
		return 1, nil
	}
	v = strings.TrimSpace(strings.TrimSuffix(v, "+"))
	v = strings.TrimSpace(strings.TrimSuffix(v, " ET"))
	v = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(v, "T"), "F"))
	if len(v) == 1 && v[0] >= '1' && v[0] <= '9' {
		t := int(v[0] - '0')
		if t > 6 {
			t = 6
		}
		return t, nil
	}
	return 0, Errorf(EINVALID, "« %s » n'est pas une typologie (T1 à T6)", clip(s))
}

// Quittance is the rent plus charges.
func (l *Logement) Quittance() Cents { return l.Loyer + l.Charges }

// Validate checks a dwelling's fields.
func (l *Logement) Validate() error {
	var errs []string
	if strings.TrimSpace(l.Reference) == "" {
		errs = append(errs, "la référence est obligatoire")
	}
	for _, f := range []struct {
		what, v string
		max     int
	}{{"la référence", l.Reference, MaxIdentifiant}, {"la résidence", l.Residence, MaxIdentifiant}, {"l'adresse", l.Adresse, MaxTexte}, {"la commune", l.Commune, MaxTexte}, {"le contingent", l.Contingent, MaxTexte}} {
		if err := CheckTexte(f.v, f.max); err != nil {
			errs = append(errs, f.what+" "+ErrorMessage(err))
		}
	}
	if l.CodePostal != "" {
		if err := CheckCodePostal(l.CodePostal); err != nil {
			errs = append(errs, ErrorMessage(err))
		}
	}
	if strings.TrimSpace(l.Commune) == "" {
		errs = append(errs, "la commune est obligatoire")
	}
	if l.Typologie < 1 || l.Typologie > 6 {
		errs = append(errs, "la typologie doit aller de T1 à T6")
	}
	if l.Pieces < 1 || l.Pieces > 20 {
		errs = append(errs, "le nombre de pièces doit aller de 1 à 20")
	}
	if l.Surface <= 0 || l.Surface > 1000 {
		errs = append(errs, "la surface habitable doit être comprise entre 0 et 1\u00a0000\u00a0m²")
	}
	if l.Etage < -2 || l.Etage > 60 {
		errs = append(errs, "l'étage doit aller de -2 à 60")
	}
	if l.Loyer < 0 || l.Charges < 0 {
		errs = append(errs, "le loyer et les charges ne peuvent pas être négatifs")
	}
	if _, err := ParseClasseDPE(l.ClasseDPE); err != nil {
		errs = append(errs, "la classe énergétique doit aller de A à G")
	}
	if l.AnneeConstruction != 0 && (l.AnneeConstruction < 1800 || l.AnneeConstruction > 2100) {
		errs = append(errs, "l'année de construction doit aller de 1800 à 2100")
	}
	if _, err := ParseFinancement(string(l.Financement)); err != nil {
		errs = append(errs, "le financement doit être PLAI, PLUS, PLS ou PLI")
	}
	if len(errs) > 0 {
		return Errorf(EINVALID, "Logement %s : %s.", l.Reference, strings.Join(errs, " ; "))
	}
	return nil
}
