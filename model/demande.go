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
	Priorites  []int    `json:"priorites,omitempty"`   // annex-1 categories (1–15)
	Motif      string   `json:"motif,omitempty"`
	Active     bool     `json:"active"`
	// Mutation facts (the household already rents from the office).
	ViolencesFamiliales bool `json:"violences_familiales,omitempty"`
	RelogementTravaux   bool `json:"relogement_travaux,omitempty"` // renovation or urban renewal
	RefusAdapte         Date `json:"refus_adapte,omitempty"`       // last refusal of an adapted offer without legitimate reason
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
		if p < 1 || p > 15 {
			errs = append(errs, "les priorités sont les catégories 1 à 15 de l'annexe 1")
			break
		}
	}
	for _, t := range d.Typologies {
		if t < 1 || t > 6 {
			errs = append(errs, "les typologies souhaitées vont de T1 à T6")
			break
		}
	}
	if len(errs) > 0 {
		return Errorf(EINVALID, "Demande %s : %s.", d.NUR, strings.Join(errs, " ; "))
	}
	return nil
}

// Prioritaire reports whether the applicant is DALO or in an annex-1 category.
func (d *Demande) Prioritaire() bool { return d.DALO || len(d.Priorites) > 0 }

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

// PrioriteLabels are the 15 categories of annex 1 (L.441-1 CCH), shortened.
var PrioriteLabels = [16]string{"",
	"Personne en situation de handicap ou ménage ayant à charge une telle personne",
	"Sortie d'appartement de coordination thérapeutique",
	"Personne mal logée ou défavorisée, difficultés financières ou d'insertion",
	"Hébergement ou logement temporaire",
	"Reprise d'activité après un chômage de longue durée",
	"Exposition à un habitat indigne",
	"Violences au sein du couple ou menace de mariage forcé",
	"Victime de viol ou d'agression sexuelle au domicile",
	"Interdictions imposées à l'auteur (contacts, lieux)",
	"Parcours de sortie de la prostitution",
	"Victime de traite des êtres humains ou de proxénétisme",
	"Enfant mineur à charge en logement suroccupé ou indécent",
	"Personne dépourvue de logement, y compris hébergée par des tiers",
	"Menace d'expulsion sans relogement",
	"Jeune de moins de 21 ans sortant de l'aide sociale à l'enfance",
}
