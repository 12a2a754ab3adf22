package model

import (
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// Field rules shared by the import, the forms and Validate.

// ParseNUR reads a numéro unique d'enregistrement (SNE, art. R.441-2-3 CCH):
// the department or region code (3 characters: « 094 », « 02A »), the year
// (2 digits), the month (2 digits), a sequence number (6 digits), then the
// registering counter's code, 5 letters or digits beginning with a letter
// (« GDPUB », « GD94A »). Case and spaces are ignored: the result is in
// capitals without spaces, 18 characters. Errors: EINVALID naming the shape.
func ParseNUR(s string) (string, error) {
	v := strings.ToUpper(strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "", "\t", "").Replace(s))
	if !nurPattern.MatchString(v) {
		return "", Errorf(EINVALID, "« %s » n'est pas un numéro unique (NUR) : 13 chiffres (département, année, mois, numéro) puis les 5 lettres ou chiffres du guichet, ex. 0942501000123GD94A", clip(strings.TrimSpace(s)))
	}
	return v, nil
}

var nurPattern = regexp.MustCompile(`^([0-9]{3}|02[AB])[0-9]{10}[A-Z][A-Z0-9]{4}$`)

// CheckCodePostal checks a French postal code: 5 digits, the first two a
// department (01 to 95, 97 and 98 overseas; 20 for Corsica).
func CheckCodePostal(cp string) error {
	if len(cp) != 5 || strings.Trim(cp, "0123456789") != "" || cp[:2] == "00" || cp[:2] == "96" || cp[:2] == "99" {
		return Errorf(EINVALID, "« %s » n'est pas un code postal (5 chiffres, ex. 94110)", clip(cp))
	}
	return nil
}

// CommuneOffice is a commune where the office has dwellings, with its
// postal code; the list is set in Paramètres.
type CommuneOffice struct {
	Nom        string `json:"nom"`
	CodePostal string `json:"code_postal"`
}

// DefaultCommunes are the office's five communes (Val-de-Marne).
func DefaultCommunes() []CommuneOffice {
	return []CommuneOffice{
		{"Arcueil", "94110"}, {"Cachan", "94230"}, {"Gentilly", "94250"}, {"Villejuif", "94800"}, {"Vitry-sur-Seine", "94400"},
	}
}

// ValidateCommunes checks the list of Paramètres: at least one commune, each
// named, with a valid postal code, none twice.
func ValidateCommunes(list []CommuneOffice) error {
	if len(list) == 0 {
		return Errorf(EINVALID, "Communes de l'Office : au moins une commune.")
	}
	seen := map[string]bool{}
	for i, c := range list {
		if strings.TrimSpace(c.Nom) == "" {
			return Errorf(EINVALID, "Communes de l'Office, ligne %d : le nom de la commune est obligatoire.", i+1)
		}
		if err := CheckTexte(c.Nom, MaxTexte); err != nil {
			return Errorf(EINVALID, "Communes de l'Office, ligne %d : le nom %s.", i+1, ErrorMessage(err))
		}
		if err := CheckCodePostal(c.CodePostal); err != nil {
			return Errorf(EINVALID, "Communes de l'Office, ligne %d : %s.", i+1, ErrorMessage(err))
		}
		if k := CommuneKey(c.Nom); seen[k] {
			return Errorf(EINVALID, "Communes de l'Office : %s figure deux fois.", c.Nom)
		} else {
			seen[k] = true
		}
	}
	return nil
}

// CommuneDeLOffice finds a commune in the office's list (case, accents and
// hyphens ignored) and returns it as the list spells it. An unknown name is
// refused, with the nearest name of the list when it looks like a typing
// slip (« Arceuil » → Arcueil).
func CommuneDeLOffice(list []CommuneOffice, nom string) (CommuneOffice, error) {
	for _, c := range list {
		if SameCommune(c.Nom, nom) {
			return c, nil
		}
	}
	names := make([]string, len(list))
	best, bestD := "", 3
	for i, c := range list {
		names[i] = c.Nom
		if d := distance(CommuneKey(c.Nom), CommuneKey(nom)); d < bestD {
			best, bestD = c.Nom, d
		}
	}
	hint := ""
	if best != "" {
		hint = " (vouliez-vous dire " + best + " ?)"
	}
	return CommuneOffice{}, Errorf(EINVALID, "« %s » n'est pas une commune de l'Office%s : %s ; la liste se règle dans Paramètres", clip(strings.TrimSpace(nom)), hint, strings.Join(names, ", "))
}

// CheckCommuneOffice checks a commune of the office and its postal code
// together; it returns the commune as the list spells it.
func CheckCommuneOffice(list []CommuneOffice, nom, cp string) (string, error) {
	c, err := CommuneDeLOffice(list, nom)
	if err != nil {
		return "", err
	}
	if cp != "" {
		if err := CheckCodePostal(cp); err != nil {
			return "", err
		}
		if cp != c.CodePostal {
			return "", Errorf(EINVALID, "le code postal %s n'est pas celui %s (%s)", cp, De(c.Nom), c.CodePostal)
		}
	}
	return c.Nom, nil
}

// distance is the edit distance between two short strings (runes).
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// AnneeMin is the earliest plausible birth year.
const AnneeMin = 1900

// CheckNaissance checks a birth date against today: not in the future, not
// before 1900. The message does not quote the date (personal data).
func CheckNaissance(d, today Date) error {
	switch {
	case d.IsZero():
		return nil
	case d > today:
		return Errorf(EINVALID, "la date de naissance est dans le futur")
	case d < NewDate(AnneeMin, time.January, 1):
		return Errorf(EINVALID, "la date de naissance est antérieure à 1900")
	}
	return nil
}

// CheckPassee checks a date that has already happened (entry in a dwelling,
// filing of an application, a visit): not in the future, not before 1900.
// what names the date (« la date d'entrée »).
func CheckPassee(what string, d, today Date) error {
	switch {
	case d.IsZero():
		return nil
	case d > today:
		return Errorf(EINVALID, "%s (%s) est dans le futur", what, d)
	case d < NewDate(AnneeMin, time.January, 1):
		return Errorf(EINVALID, "%s (%s) est antérieure à 1900", what, d)
	}
	return nil
}

// De writes « de » before a name, elided before a vowel: « d'Arcueil »,
// « de Cachan ».
func De(nom string) string {
	if r, _ := utf8.DecodeRuneInString(Fold(nom)); strings.ContainsRune("AEIOUY", r) {
		return "d'" + nom
	}
	return "de " + nom
}
