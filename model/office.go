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
	Signataire string   `json:"signataire"` // the signatory's capacity (qualité): « La directrice de la gestion locative »
	Titre      string   `json:"titre"`      // the delegation above it: « Pour le Président de la CALEOL »
	// The signatory's first name and name, printed under the signature
	// (art. L.212-1 CRPA: prénom, nom et qualité).
	SignatairePrenom string `json:"signataire_prenom,omitempty"`
	SignataireNom    string `json:"signataire_nom,omitempty"`
	Ville            string `json:"ville"` // where letters are written from
	DPO              string `json:"dpo"`   // data-protection officer's contact (postal or e-mail address)
	// Destinataires are the recipients of the applicants' data (RGPD art.
	// 13); DestinatairesDefaut when empty.
	Destinataires string `json:"destinataires,omitempty"`
	Logo          []byte `json:"logo,omitempty"`
	// DelaiPostal is the days a letter sent by post takes to arrive (the
	// offers' ten days run from the day after receipt); 0 means
	// DelaiPostalDefaut.
	DelaiPostal int `json:"delai_postal,omitempty"`
}

// DestinatairesDefaut are the usual recipients of an application's data.
const DestinatairesDefaut = "les services de l'Office chargés des attributions et de la gestion locative, les membres de la CALEOL, le réservataire du logement le cas échéant, et les services de l'État par le système national d'enregistrement (SNE)"

// DestinatairesDonnees is the recipients of the data, as printed.
func (o *Office) DestinatairesDonnees() string {
	if d := strings.TrimSpace(o.Destinataires); d != "" {
		return d
	}
	return DestinatairesDefaut
}

// SignataireNomComplet is « Prénom NOM » of the signatory, empty when unset.
func (o *Office) SignataireNomComplet() string {
	return strings.TrimSpace(strings.TrimSpace(o.SignatairePrenom) + " " + strings.ToUpper(strings.TrimSpace(o.SignataireNom)))
}

// IdentiteProvisoire lists, in French, what of the identity printed on the
// letters is still the placeholder of DefaultOffice or missing: the
// telephone, the data-protection officer's contact (a generic phrase is no
// contact), the signatory's first name and name (art. L.212-1 CRPA). Empty
// when the identity is configured.
func (o *Office) IdentiteProvisoire() []string {
	def := DefaultOffice()
	var out []string
	if t := strings.TrimSpace(o.Telephone); t == "" || t == def.Telephone {
		out = append(out, "le téléphone est celui de l'exemple (« "+def.Telephone+" »)")
	}
	if d := strings.TrimSpace(o.DPO); d == "" || d == def.DPO || !strings.ContainsAny(d, "@0123456789") {
		out = append(out, "le contact du délégué à la protection des données n'est ni une adresse électronique ni une adresse postale")
	}
	if strings.TrimSpace(o.SignatairePrenom) == "" || strings.TrimSpace(o.SignataireNom) == "" {
		out = append(out, "le prénom et le nom du signataire manquent (art. L.212-1 du code des relations entre le public et l'administration)")
	}
	if o.Nom == def.Nom {
		out = append(out, "le nom de l'Office est celui de l'exemple")
	}
	return out
}

// DelaiPostalJours is the postal delay in days (DelaiPostalDefaut when unset).
func (o *Office) DelaiPostalJours() int {
	if o.DelaiPostal <= 0 {
		return DelaiPostalDefaut
	}
	return o.DelaiPostal
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
	if o.DelaiPostal < 0 || o.DelaiPostal > 15 {
		errs = append(errs, "le délai d'acheminement du courrier compte de 1 à 15 jours")
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
