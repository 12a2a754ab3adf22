package model

import (
	"errors"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// Cents is an amount of money in euro cents.
type Cents int64

// Euros builds an amount from whole euros.
func Euros(e int64) Cents { return Cents(e * 100) }

// Float returns the amount in euros.
func (c Cents) Float() float64 { return float64(c) / 100 }

// String formats as « 1 234,56 € » (no-break spaces).
func (c Cents) String() string { return FormatDecimal(float64(c)/100, 2, true) + "\u00a0€" }

// Whole formats whole euros: « 26 920 € ».
func (c Cents) Whole() string {
	return FormatDecimal(math.Round(float64(c)/100), 0, true) + "\u00a0€"
}

// Amount formats whole euros without cents (« 26 920 € ») and other
// amounts with them (« 62 870,60 € »), so that a figure shown is the figure used.
func (c Cents) Amount() string {
	if c%100 == 0 {
		return c.Whole()
	}
	return c.String()
}

// FormatNumber writes x with at most n decimals, trailing zeros dropped.
func FormatNumber(x float64, n int) string {
	s := FormatDecimal(x, n, true)
	if strings.Contains(s, ",") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ",")
	}
	return s
}

// FormatDecimal writes x with n decimals, a decimal comma and, when group
// is true, no-break spaces between thousands.
func FormatDecimal(x float64, n int, group bool) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return ""
	}
	s := strconv.FormatFloat(x, 'f', n, 64)
	if s == "-0" || strings.HasPrefix(s, "-0.") && strings.Trim(s[3:], "0") == "" {
		s = s[1:]
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	if group && len(intPart) > 3 {
		var b strings.Builder
		for i, c := range intPart {
			if i > 0 && (len(intPart)-i)%3 == 0 {
				b.WriteString("\u00a0")
			}
			b.WriteRune(c)
		}
		intPart = b.String()
	}
	if neg {
		intPart = "-" + intPart
	}
	if frac != "" {
		return intPart + "," + frac
	}
	return intPart
}

// FormatPercent writes a ratio as a percentage with one decimal: « 34,7 % ».
func FormatPercent(ratio float64) string { return FormatDecimal(ratio*100, 1, false) + "\u00a0%" }

// ErrAmbigu marks a number that reads two ways (« 45.000 »: 45 or 45 000).
// Errors returned for it are also *Error (EINVALID); callers that must not
// quote the value test errors.Is(err, ErrAmbigu).
var ErrAmbigu = errors.New("nombre ambigu")

type ambiguError struct{ e *Error }

func (a ambiguError) Error() string   { return a.e.Message }
func (a ambiguError) Unwrap() []error { return []error{a.e, ErrAmbigu} }
func ambigu(format string, args ...any) error {
	return ambiguError{Errorf(EINVALID, format, args...)}
}

var (
	spaceKinds    = strings.NewReplacer("\u00a0", " ", "\u202f", " ", "\t", " ")
	groupedNumber = regexp.MustCompile(`^[+-]?[0-9]{1,3}( [0-9]{3})+([.,][0-9]*)?$`)
	plainNumber   = regexp.MustCompile(`^[+-]?[0-9]*([.,][0-9]*)?$`)
	separators    = regexp.MustCompile(`^[+-]?[0-9]{1,3}([.,][0-9]{3})*[.,][0-9]+$`)
)

// ParseDecimal reads a number written the French way (« 1 234,56 ») or with
// a decimal point (« 1234.56 »); spaces and no-break spaces group thousands
// by three. Shapes that read two ways are refused (ErrAmbigu), naming both
// readings: « 64.500 » (a point then three digits: 64 500 or 64,5),
// « 1.234,56 » (a point and a comma), « 1.234.567 » (points grouping
// thousands). Errors: EINVALID.
func ParseDecimal(s string) (float64, error) {
	orig := strings.TrimSpace(s)
	s = strings.NewReplacer("€", "", "m²", "").Replace(spaceKinds.Replace(s))
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, Errorf(EINVALID, "valeur vide")
	}
	bad := func() (float64, error) { return 0, Errorf(EINVALID, "« %s » n'est pas un nombre", clip(orig)) }
	if strings.Contains(s, " ") {
		if !groupedNumber.MatchString(s) {
			if plainNumber.MatchString(strings.ReplaceAll(s, " ", "")) {
				return 0, Errorf(EINVALID, "« %s » : espaces de milliers mal placées (ex. 1 234 567,89)", clip(orig))
			}
			return bad()
		}
		s = strings.ReplaceAll(s, " ", "")
	}
	commas, points := strings.Count(s, ","), strings.Count(s, ".")
	if commas+points > 1 {
		if !separators.MatchString(s) {
			return bad()
		}
		// The last separator is the decimal one when both are used; points
		// or commas alone grouping thousands make a whole number.
		last := strings.LastIndexAny(s, ".,")
		intPart, frac := strings.NewReplacer(".", "", ",", "").Replace(s[:last]), s[last+1:]
		if commas > 0 && points > 0 {
			return 0, ambigu("%s : écrire %s,%s ou %s,%s", clip(orig), intPart, frac, groupDigits(intPart), frac)
		}
		whole := intPart + frac
		return 0, ambigu("%s : écrire %s ou %s", clip(orig), whole, groupDigits(whole))
	}
	if !plainNumber.MatchString(s) || strings.Trim(s, "+-.,") == "" {
		return bad()
	}
	if points == 1 {
		intPart, frac, _ := strings.Cut(strings.TrimLeft(s, "+-"), ".")
		if len(frac) == 3 && len(intPart) >= 1 && len(intPart) <= 3 && intPart[0] != '0' {
			dec := strings.TrimRight(strings.TrimRight(intPart+","+frac, "0"), ",")
			return 0, ambigu("%s : écrire %s ou %s", clip(orig), intPart+frac, dec)
		}
	}
	v, err := strconv.ParseFloat(strings.Replace(s, ",", ".", 1), 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) || math.Abs(v) > 1e12 {
		return bad()
	}
	return v, nil
}

// groupDigits writes « 45000 » as « 45 000 » (ordinary spaces, as typed).
func groupDigits(d string) string {
	sign := ""
	if strings.HasPrefix(d, "-") || strings.HasPrefix(d, "+") {
		sign, d = d[:1], d[1:]
	}
	var b strings.Builder
	for i, c := range d {
		if i > 0 && (len(d)-i)%3 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(c)
	}
	return sign + b.String()
}

// ParseCents reads an amount in euros (« 1 234,56 », « 512.3 », « 600 € »).
// An amount has at most 2 decimals: three after a point or a comma make it
// ambiguous (« 45.000 : écrire 45000 ou 45 000 », ErrAmbigu), more are
// refused. Errors: EINVALID.
func ParseCents(s string) (Cents, error) {
	v, err := ParseDecimal(s)
	orig := strings.TrimSpace(s)
	if errors.Is(err, ErrAmbigu) && strings.ContainsAny(orig, ",") && strings.ContainsAny(orig, ".") {
		return 0, err
	} else if errors.Is(err, ErrAmbigu) {
		digits := strings.NewReplacer(".", "", ",", "", " ", "", "\u00a0", "", "\u202f", "", "€", "").Replace(orig)
		return 0, ambigu("%s : écrire %s ou %s", clip(orig), digits, groupDigits(digits))
	}
	if err != nil {
		return 0, Errorf(EINVALID, "« %s » n'est pas un montant en euros", clip(orig))
	}
	clean := strings.NewReplacer("€", "", " ", "", "\u00a0", "", "\u202f", "", "\t", "").Replace(orig)
	if i := strings.LastIndexAny(clean, ".,"); i >= 0 {
		intPart, frac := strings.TrimLeft(clean[:i], "+-"), clean[i+1:]
		switch {
		case len(frac) == 3 && intPart != "" && len(intPart) <= 3 && intPart[0] != '0':
			return 0, ambigu("%s : écrire %s ou %s", clip(orig), clean[:i]+frac, groupDigits(clean[:i]+frac))
		case len(frac) > 2:
			return 0, Errorf(EINVALID, "« %s » n'est pas un montant en euros (2 décimales au plus)", clip(orig))
		}
	}
	return Cents(math.Round(v * 100)), nil
}

// ParseBool reads oui/non (also o/n, vrai/faux, 1/0, yes/no, true/false).
// An empty string is false.
func ParseBool(s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "oui", "o", "vrai", "1", "x", "yes", "y", "true":
		return true, nil
	case "non", "n", "faux", "0", "", "no", "false":
		return false, nil
	}
	return false, Errorf(EINVALID, "« %s » n'est ni « oui » ni « non »", clip(strings.TrimSpace(s)))
}

// OuiNon writes a flag as oui/non.
func OuiNon(b bool) string {
	if b {
		return "oui"
	}
	return "non"
}
