package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Length limits of text fields, in characters. They keep a wrong cell (a
// pasted document, a 1 Mo name) out of the base and the documents.
const (
	MaxIdentifiant = 40   // references, household ids, NUR, residence codes
	MaxNom         = 60   // a surname or the first names of a person
	MaxTexte       = 120  // short texts: commune, contingent, residence name, dwelling address
	MaxMotif       = 1000 // free text: an application's reason
)

// CheckTexte checks a text field: no control character (NUL, tab, line
// break…), no text already garbled by a wrong conversion (« Ã© » for « é »)
// and at most max characters. The message never quotes the value (it may be
// personal); it completes « la valeur … ».
func CheckTexte(s string, max int) error {
	if !utf8.ValidString(s) {
		return Errorf(EINVALID, "n'est pas un texte lisible (encodage)")
	}
	for _, r := range s {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || r == '\ufeff' {
			return Errorf(EINVALID, "contient un caractère de contrôle invisible (U+%04X) : retapez la valeur", r)
		}
	}
	if Mojibake(s) {
		return Errorf(EINVALID, "contient un texte mal converti (« Ã© » au lieu de « é ») : le fichier a été enregistré dans un autre encodage ; corrigez la valeur ou enregistrez le fichier en « CSV UTF-8 »")
	}
	if n := utf8.RuneCountInString(s); n > max {
		return Errorf(EINVALID, "compte %s caractères ; %d au plus", FormatDecimal(float64(n), 0, true), max)
	}
	return nil
}

// Mojibake reports text that is UTF-8 read as Windows-1252: « Ã© », « Ã¨ »,
// « Â° », « â‚¬ ». French words never hold these pairs.
func Mojibake(s string) bool {
	prev := rune(0)
	for _, r := range s {
		if (prev == 'Ã' || prev == 'Â') && (r >= 0xa0 && r <= 0xbf || strings.ContainsRune("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ", r)) {
			return true
		}
		if prev == 'â' && (r == '€' || r == '‚') {
			return true
		}
		prev = r
	}
	return false
}
