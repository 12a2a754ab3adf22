package model

import (
	"math"
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

// ParseDecimal reads a number written the French way (« 1 234,56 ») or with
// a decimal point (« 1234.56 »); spaces and no-break spaces group thousands.
func ParseDecimal(s string) (float64, error) {
	orig := s
	s = strings.TrimSpace(s)
	s = strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "", "€", "", "m²", "").Replace(s)
	if s == "" {
		return 0, Errorf(EINVALID, "valeur vide")
	}
	if strings.Count(s, ",") == 1 && !strings.Contains(s, ".") {
		s = strings.Replace(s, ",", ".", 1)
	} else if strings.Contains(s, ",") {
		return 0, Errorf(EINVALID, "« %s » n'est pas un nombre", clip(orig))
	}
	for i, c := range s {
		if !(c >= '0' && c <= '9' || c == '.' || (c == '-' || c == '+') && i == 0) {
			return 0, Errorf(EINVALID, "« %s » n'est pas un nombre", clip(orig))
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) || math.Abs(v) > 1e12 {
		return 0, Errorf(EINVALID, "« %s » n'est pas un nombre", clip(orig))
	}
	return v, nil
}

// ParseCents reads an amount in euros (« 1 234,56 », « 512.3 », « 600 € »).
func ParseCents(s string) (Cents, error) {
	v, err := ParseDecimal(s)
	if err != nil {
		return 0, Errorf(EINVALID, "« %s » n'est pas un montant en euros", clip(strings.TrimSpace(s)))
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
