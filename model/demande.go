package model

import (
	"strings"
)

// Demande is an application for social housing, identified by its NUR.
type Demande struct {
	NUR        string   `json:"nur"`
	Menage     string   `json:"menage"`
	DateDepot  Date     `json:"date_depot"`
	Typologies []int    `json:"typologies,omitempty"` // wished typologies, empty = any
	Communes   []string `json:"communes,omitempty"`   // wished communes, empty = any
	DALO       bool     `json:"dalo,omitempty"`
	DALOPrefet bool     `json:"dalo_prefet,omitempty"` // designated by the préfet
	Priorites  []int    `json:"priorites,omitempty"`   // annex-1 lines as numbered in the policy's seed (1–15, never 9); see LettreL4411
	Motif      string   `json:"motif,omitempty"`
	Active     bool     `json:"active"`
	// Mutation facts (the household already rents from the office).
	ViolencesFamiliales bool `json:"violences_familiales,omitempty"`
	RelogementTravaux   bool `json:"relogement_travaux,omitempty"` // rehousing for the office's own works (policy §1.2 transfer priority only)
	// RenouvellementUrbain: rehousing by an urban-renewal operation (NPNRU /
	// ANRU); counts for the 25 % outside QPV (L.441-1 CCH), unlike the
	// office's own works.
	RenouvellementUrbain bool   `json:"renouvellement_urbain,omitempty"`
	RefusAdapte          Date   `json:"refus_adapte,omitempty"`   // last refusal of an adapted offer
	MotifRefus           string `json:"motif_refus,omitempty"`    // the reason given with that refusal
	RefusLegitime        bool   `json:"refus_legitime,omitempty"` // the reason is legitimate (disability…): no penalty

	DateRadiation Date `json:"date_radiation,omitempty"` // struck off: a lease was signed (SNE)

	// Specific situations of the policy's §1.3 (situations.go); none of
	// them changes the ranking.
	Cotitularite      bool     `json:"cotitularite,omitempty"`       // co-tenancy asked at entry (§1.3.2)
	MotifCotitularite string   `json:"motif_cotitularite,omitempty"` // its social or health justification
	SalarieOffice     bool     `json:"salarie_office,omitempty"`     // an employee of the office (§1.3.3)
	AvisCIAL          AvisCIAL `json:"avis_cial,omitempty"`          // the CIAL's recommendation, "" when none
	DateAvisCIAL      Date     `json:"date_avis_cial,omitempty"`
	MenageOrigine     string   `json:"menage_origine,omitempty"` // household of the stock the applicants leave (§1.3.5)
	Urgence           *Urgence `json:"urgence,omitempty"`        // emergency procedure (§1.3.6)
}

// Validate checks an application.
func (d *Demande) Validate() error {
	var errs []string
	if v, err := ParseNUR(d.NUR); err != nil || v != d.NUR {
		errs = append(errs, "le NUR doit être le numéro unique d'enregistrement (13 chiffres puis les 5 lettres ou chiffres du guichet, ex. 0942501000123GD94A)")
	}
	if strings.TrimSpace(d.Menage) == "" {
		errs = append(errs, "le ménage est obligatoire")
	}
	if d.DateDepot.IsZero() {
		errs = append(errs, "la date de dépôt est obligatoire")
	} else if err := CheckPassee("la date de dépôt", d.DateDepot, Today()); err != nil {
		errs = append(errs, ErrorMessage(err))
	}
	if err := CheckTexte(d.Motif, MaxMotif); err != nil {
		errs = append(errs, "le motif "+ErrorMessage(err))
	}
	for _, c := range d.Communes {
		if err := CheckTexte(c, MaxTexte); err != nil {
			errs = append(errs, "une commune souhaitée "+ErrorMessage(err))
			break
		}
	}
	for _, p := range d.Priorites {
		if err := CheckPriorite(p); err != nil {
			errs = append(errs, err.Error())
			break
		}
	}
	for _, t := range d.Typologies {
		if t < 1 || t > 6 {
			errs = append(errs, "les typologies souhaitées vont de T1 à T6")
			break
		}
	}
	errs = append(errs, d.validateSituations()...)
	if len(errs) > 0 {
		return Errorf(EINVALID, "Demande %s : %s.", d.NUR, strings.Join(errs, " ; "))
	}
	return nil
}

// Prioritaire reports whether the applicant is DALO or in a category of L.441-1.
func (d *Demande) Prioritaire() bool { return d.DALO || d.CategoriesL4411() > 0 }

// CategoriesL4411 counts the application's priorities that are categories
// of L.441-1 (a line « 9) » of the annex, recorded before it was refused, is
// not one).
func (d *Demande) CategoriesL4411() int {
	n := 0
	for _, p := range d.Priorites {
		if _, ok := LettreL4411(p); ok {
			n++
		}
	}
	return n
}

// WantsCommune reports whether the commune is among the wishes (any when none).
func (d *Demande) WantsCommune(c string) bool {
	if len(d.Communes) == 0 {
		return true
	}
	for _, w := range d.Communes {
		if SameCommune(w, c) {
			return true
		}
	}
	return false
}

// SameCommune compares commune names ignoring case, accents and hyphens.
func SameCommune(a, b string) bool { return CommuneKey(a) == CommuneKey(b) }

// CommuneKey normalises a commune name: « Vitry-sur-Seine » → « VITRY SUR SEINE ».
func CommuneKey(s string) string {
	return strings.Join(strings.Fields(communeSeps.Replace(Fold(s))), " ")
}

var communeSeps = strings.NewReplacer("-", " ", "'", " ")

var foldReplacer = strings.NewReplacer(
	"à", "a", "â", "a", "ä", "a", "á", "a", "ç", "c", "é", "e", "è", "e", "ê", "e", "ë", "e",
	"î", "i", "ï", "i", "í", "i", "ô", "o", "ö", "o", "ó", "o", "ù", "u", "û", "u", "ü", "u", "ú", "u",
	"ÿ", "y", "ñ", "n", "œ", "oe", "æ", "ae",
	"À", "a", "Â", "a", "Ä", "a", "Ç", "c", "É", "e", "È", "e", "Ê", "e", "Ë", "e",
	"Î", "i", "Ï", "i", "Ô", "o", "Ö", "o", "Ù", "u", "Û", "u", "Ü", "u", "Œ", "oe", "Æ", "ae")

// Fold returns s in capitals without accents, for searching and comparing.
func Fold(s string) string { return strings.ToUpper(foldReplacer.Replace(s)) }

// lettresL4411: the annex-1 line numbers of the policy's seed → the letter
// of the category in art. L.441-1 CCH (a to m, with g bis). The seed's lines
// « 9) » are the bans attached to g bis, not a category.
var lettresL4411 = [16]string{"", "a", "b", "c", "d", "e", "f", "g", "g bis", "", "h", "i", "j", "k", "l", "m"}

// LettreL4411 returns the letter of L.441-1 for an annex-1 line number of
// the seed (1 → « a », 8 → « g bis », 10 → « h »…); false for 9 and out of range.
func LettreL4411(n int) (string, bool) {
	if n < 1 || n > 15 || lettresL4411[n] == "" {
		return "", false
	}
	return lettresL4411[n], true
}

// CheckPriorite accepts an annex-1 line number that is a category of
// L.441-1; the error (EINVALID) says why 9 is refused.
func CheckPriorite(n int) error {
	if n == 9 {
		return Errorf(EINVALID, "« 9 » n'est pas une catégorie de l'article L.441-1 : dans l'annexe 1, les lignes « 9) » sont les interdictions imposées à l'auteur qui accompagnent la catégorie g bis (victimes de viol ou d'agression sexuelle) ; pour cette catégorie, saisissez 8")
	}
	if _, ok := LettreL4411(n); !ok {
		return Errorf(EINVALID, "les priorités sont les catégories de l'article L.441-1 numérotées comme l'annexe 1 (1 à 8, 10 à 15)")
	}
	return nil
}

// PrioriteLabel is the French name of an annex-1 line: the letter of
// L.441-1 first, the seed's number beside it: « g bis) Victime de viol… (n° 8) ».
func PrioriteLabel(n int) string {
	l, ok := LettreL4411(n)
	if !ok {
		return ""
	}
	return l + ") " + PrioriteLabels[n] + " (n° " + itoa(n) + " de l'annexe 1)"
}

// PrioriteLabels are the categories of L.441-1 CCH, shortened, indexed by
// the seed's annex-1 numbering (index 9 is empty: see LettreL4411).
var PrioriteLabels = [16]string{"",
	"Personne en situation de handicap ou ménage ayant à charge une telle personne",
	"Sortie d'appartement de coordination thérapeutique",
	"Personne mal logée ou défavorisée, difficultés financières ou d'insertion",
	"Hébergement ou logement temporaire",
	"Reprise d'activité après un chômage de longue durée",
	"Exposition à un habitat indigne",
	"Violences au sein du couple ou menace de mariage forcé",
	"Victime de viol ou d'agression sexuelle, interdictions imposées à l'auteur",
	"",
	"Parcours de sortie de la prostitution",
	"Victime de traite des êtres humains ou de proxénétisme",
	"Enfant mineur à charge en logement suroccupé ou indécent",
	"Personne dépourvue de logement, y compris hébergée par des tiers",
	"Menace d'expulsion sans relogement",
	"Jeune de moins de 21 ans sortant de l'aide sociale à l'enfance",
}
