package model

import (
	"strings"
	"time"
)

// Office is the identity printed on documents (set in Paramètres).
type Office struct {
	Nom        string   `json:"nom"`
	Adresse    []string `json:"adresse"` // lines, the last one « 94110 ARCUEIL »
	Telephone  string   `json:"telephone"`
	Courriel   string   `json:"courriel,omitempty"`
	Signataire string   `json:"signataire"`
	Titre      string   `json:"titre"` // signatory's title
	Ville      string   `json:"ville"` // where letters are written from
	DPO        string   `json:"dpo"`   // data-protection contact
	Logo       []byte   `json:"logo,omitempty"`
}

// DefaultOffice is a placeholder identity the office replaces in Paramètres.
func DefaultOffice() *Office {
	return &Office{
		Nom:        "Office Public de l'Habitat",
		Adresse:    []string{"Direction de la gestion locative", "1 place de l'Hôtel de Ville", "94110 ARCUEIL"},
		Telephone:  "01 00 00 00 00",
		Signataire: "La directrice de la gestion locative",
		Titre:      "Pour le Président de la CALEOL",
		Ville:      "Arcueil",
		DPO:        "le délégué à la protection des données de l'Office",
	}
}

// Validate checks the identity before it is saved.
func (o *Office) Validate() error {
	var errs []string
	if strings.TrimSpace(o.Nom) == "" {
		errs = append(errs, "le nom de l'Office est obligatoire")
	}
	if len(o.Adresse) == 0 || len(o.Adresse) > 6 {
		errs = append(errs, "l'adresse compte de 1 à 6 lignes")
	}
	for _, l := range o.Adresse {
		if len([]rune(l)) > 38 {
			errs = append(errs, "chaque ligne d'adresse compte au plus 38 caractères (norme postale)")
			break
		}
	}
	if strings.TrimSpace(o.Signataire) == "" {
		errs = append(errs, "le signataire est obligatoire")
	}
	if strings.TrimSpace(o.Ville) == "" {
		errs = append(errs, "la ville d'où partent les courriers est obligatoire")
	}
	if len(o.Logo) > 2<<20 {
		errs = append(errs, "le logo ne doit pas dépasser 2 Mo")
	}
	if len(errs) > 0 {
		return Errorf(EINVALID, "Identité de l'Office : %s.", strings.Join(errs, " ; "))
	}
	return nil
}

// Changement is one object touched by a write, named by kind and key; the
// names of the changed fields are kept, never their values.
type Changement struct {
	Type   string   `json:"type"` // logement, residence, menage, demande, parametres…
	Cle    string   `json:"cle"`
	Op     string   `json:"op"` // création, modification, suppression
	Champs []string `json:"champs,omitempty"`
}

// Evenement is one entry of the audit journal: one user action.
type Evenement struct {
	Seq         uint64         `json:"seq"`
	Quand       time.Time      `json:"quand"`
	Utilisateur string         `json:"utilisateur"`
	Action      string         `json:"action"`
	Changements []Changement   `json:"changements,omitempty"`
	Totaux      map[string]int `json:"totaux,omitempty"` // « menage création » → n, for large actions
	Prec        string         `json:"prec,omitempty"`   // SHA-256 (hex) of the previous entry: the chain verify checks
	// SansEcriture: the action wrote no record (an export, a backup, a
	// failed sign-in); caches need not reload.
	SansEcriture bool `json:"sans_ecriture,omitempty"`
}
