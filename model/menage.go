package model

import (
	"strings"
)

// Lien is a person's link to the head of the household.
type Lien string

const (
	Titulaire   Lien = "titulaire"
	Conjoint    Lien = "conjoint"
	Cotitulaire Lien = "cotitulaire"
	Enfant      Lien = "enfant"
	Ascendant   Lien = "ascendant"
	Autre       Lien = "autre"
)

// Liens lists the accepted links.
var Liens = []Lien{Titulaire, Conjoint, Cotitulaire, Enfant, Ascendant, Autre}

// ParseLien reads a link (any case, « conjointe », « fils », « fille » too).
func ParseLien(s string) (Lien, error) {
	v := strings.ToLower(strings.TrimSpace(s))
	switch v {
	case "conjointe", "epoux", "époux", "épouse", "epouse", "concubin", "concubine", "pacs":
		return Conjoint, nil
	case "fils", "fille", "enfants":
		return Enfant, nil
	case "cotitulaire", "co-titulaire":
		return Cotitulaire, nil
	}
	for _, l := range Liens {
		if Lien(v) == l {
			return l, nil
		}
	}
	return "", Errorf(EINVALID, "« %s » n'est pas un lien (titulaire, conjoint, cotitulaire, enfant, ascendant, autre)", clip(s))
}

// Personne is a member of a household.
type Personne struct {
	Lien          Lien   `json:"lien"`
	Nom           string `json:"nom"`
	Prenom        string `json:"prenom"`
	DateNaissance Date   `json:"date_naissance"`
	Handicap      bool   `json:"handicap"` // holds a CMI mention invalidité
	// PerteAutonomie: a recognised loss of autonomy needing an adapted
	// dwelling (L.442-5-2 4° and L.442-3-1 CCH).
	PerteAutonomie bool `json:"perte_autonomie,omitempty"`
	// DroitDeVisite: a child who does not live in the household but is
	// received under visiting and accommodation rights; counted only for the
	// rooms test of under-occupation (L.621-2 CCH), not for the category,
	// the consumption units or the surfaces.
	DroitDeVisite bool     `json:"droit_de_visite,omitempty"`
	Activite      Activite `json:"activite,omitempty"` // situation of an adult, "" when not recorded
}

// NomComplet is « Prénom NOM ».
func (p *Personne) NomComplet() string {
	return strings.TrimSpace(p.Prenom + " " + strings.ToUpper(p.Nom))
}

// Bail is the tenancy of a household housed by the office.
type Bail struct {
	Logement            string `json:"logement"`
	DateEntree          Date   `json:"date_entree"`
	Impayes             bool   `json:"impayes,omitempty"`
	RapportCESF         bool   `json:"rapport_cesf,omitempty"` // a CESF report proposes a move to prevent arrears
	Troubles            bool   `json:"troubles,omitempty"`
	ComportementViolent bool   `json:"comportement_violent,omitempty"`
	VisiteFaite         bool   `json:"visite_faite,omitempty"`
	DateVisite          Date   `json:"date_visite,omitempty"`
}

// Ressources of a household.
type Ressources struct {
	RevenuFiscal Cents `json:"revenu_fiscal"`       // revenu fiscal de référence N-2, per year
	RevenuN1     Cents `json:"revenu_n1,omitempty"` // N-1 or last 12 months, when declared
	Mensuelles   Cents `json:"mensuelles"`          // monthly resources
	APL          Cents `json:"apl"`                 // monthly housing benefit
}

// Menage is a household: its members, resources and, for a tenant, its lease.
type Menage struct {
	ID         string          `json:"id"`
	Personnes  []Personne      `json:"personnes"`
	Ressources Ressources      `json:"ressources"`
	Bail       *Bail           `json:"bail,omitempty"`
	Adresse    *AdressePostale `json:"adresse,omitempty"` // postal address; for a tenant, only when it differs from the dwelling
	APresenter bool            `json:"a_presenter,omitempty"`
	// Efface is the day the household's personal data were erased (right to
	// erasure, RGPD art. 17): a record kept only because a closed session
	// names it; zero for a live household.
	Efface Date `json:"efface,omitempty"`
	// Restreint freezes the household (right to restriction, RGPD art. 18):
	// kept, but out of candidate lists and bulk exports.
	Restreint bool `json:"restreint,omitempty"`
}

// Titulaire returns the head of the household, or the first member.
func (m *Menage) Titulaire() *Personne {
	for i := range m.Personnes {
		if m.Personnes[i].Lien == Titulaire {
			return &m.Personnes[i]
		}
	}
	if len(m.Personnes) > 0 {
		return &m.Personnes[0]
	}
	return nil
}

// Nom is the head's full name, for lists.
func (m *Menage) Nom() string {
	if !m.Efface.IsZero() {
		return "ménage effacé le " + m.Efface.String()
	}
	if t := m.Titulaire(); t != nil {
		return t.NomComplet()
	}
	return "(sans membre)"
}

// Loge reports whether the household rents a dwelling of the office.
func (m *Menage) Loge() bool { return m.Bail != nil && m.Bail.Logement != "" }

// HasHandicap reports whether a member living in the household holds a CMI
// invalidité.
func (m *Menage) HasHandicap() bool {
	for _, p := range m.Personnes {
		if p.Handicap && !p.DroitDeVisite {
			return true
		}
	}
	return false
}

// HasPerteAutonomie reports whether a member living in the household has a
// recognised loss of autonomy.
func (m *Menage) HasPerteAutonomie() bool {
	for _, p := range m.Personnes {
		if p.PerteAutonomie && !p.DroitDeVisite {
			return true
		}
	}
	return false
}

// Validate checks a household.
func (m *Menage) Validate() error {
	if strings.TrimSpace(m.ID) == "" {
		return Errorf(EINVALID, "L'identifiant du ménage est obligatoire.")
	}
	if err := CheckTexte(m.ID, MaxIdentifiant); err != nil {
		return Errorf(EINVALID, "L'identifiant du ménage %s.", ErrorMessage(err))
	}
	var errs []string
	if m.Ressources.RevenuFiscal < 0 || m.Ressources.Mensuelles < 0 || m.Ressources.APL < 0 || m.Ressources.RevenuN1 < 0 {
		errs = append(errs, "les ressources ne peuvent pas être négatives")
	}
	titulaires := 0
	for i, p := range m.Personnes {
		if p.Lien == Titulaire {
			titulaires++
		}
		if strings.TrimSpace(p.Nom) == "" {
			errs = append(errs, "le nom du membre n° "+itoa(i+1)+" est obligatoire")
		} else if err := CheckTexte(p.Nom, MaxNom); err != nil {
			errs = append(errs, "le nom du membre n° "+itoa(i+1)+" "+ErrorMessage(err))
		}
		if err := CheckTexte(p.Prenom, MaxNom); err != nil {
			errs = append(errs, "le prénom du membre n° "+itoa(i+1)+" "+ErrorMessage(err))
		}
		if p.DateNaissance.IsZero() {
			errs = append(errs, "la date de naissance du membre n° "+itoa(i+1)+" est obligatoire")
		} else if err := CheckNaissance(p.DateNaissance, Today()); err != nil {
			errs = append(errs, ErrorMessage(err)+" (membre n° "+itoa(i+1)+")")
		}
		if _, err := ParseLien(string(p.Lien)); err != nil {
			errs = append(errs, "le lien du membre n° "+itoa(i+1)+" est inconnu")
		}
		if p.DroitDeVisite && p.Lien != Enfant {
			errs = append(errs, "le membre n° "+itoa(i+1)+" : le droit de visite et d'hébergement ne concerne qu'un enfant (lien « enfant »)")
		}
	}
	if titulaires > 1 {
		errs = append(errs, "un ménage n'a qu'un titulaire (le second est « cotitulaire » ou « conjoint »)")
	}
	if m.Bail != nil && m.Bail.Logement != "" && m.Bail.DateEntree.IsZero() {
		errs = append(errs, "la date d'entrée dans le logement est obligatoire")
	}
	if m.Bail != nil {
		if err := CheckPassee("la date d'entrée", m.Bail.DateEntree, Today()); err != nil {
			errs = append(errs, ErrorMessage(err))
		}
	}
	if !m.Adresse.Vide() {
		if err := m.Adresse.Validate(); err != nil {
			errs = append(errs, strings.TrimSuffix(strings.Replace(ErrorMessage(err), "Adresse postale : ", "adresse postale : ", 1), "."))
		}
	}
	if len(errs) > 0 {
		return Errorf(EINVALID, "Ménage %s : %s.", m.ID, strings.Join(errs, " ; "))
	}
	return nil
}

func itoa(i int) string { return FormatDecimal(float64(i), 0, false) }
