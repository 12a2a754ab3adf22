package model_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"logis/model"
)

// The seed corpus of each fuzz target runs with plain `go test`; run the
// fuzzer with, for example:
//
//	go test -run=^$ -fuzz=FuzzParseDate -fuzztime=20s ./model

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"22/11/2026", "1/5/2027", "2026-11-22", "29/02/2024", "29/02/2025", "31/04/2026",
		"22-11-2026", "22.11.2026", "", "  ", "demain", "00/00/0000", "9999-12-31", "1000-01-01",
		"31/12/9999", "22/11/26", "2026/11/22", "1//2026", "٢٢/١١/٢٠٢٦", "22/11/2026\n", "0022/11/2026",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := model.ParseDate(s)
		if err != nil {
			if d != 0 {
				t.Errorf("ParseDate(%q) = %d with error %v", s, d, err)
			}
			if model.ErrorCode(err) != model.EINVALID || model.ErrorMessage(err) == "" {
				t.Errorf("ParseDate(%q): error %q, code %q", s, model.ErrorMessage(err), model.ErrorCode(err))
			}
			return
		}
		if strings.TrimSpace(s) == "" {
			if d != 0 {
				t.Errorf("ParseDate(%q) = %s, want the zero date", s, d)
			}
			return
		}
		if d.IsZero() {
			t.Fatalf("ParseDate(%q) = zero date without error", s)
		}
		if y := d.Year(); y < 1000 || y > 9999 {
			t.Errorf("ParseDate(%q) = year %d", s, y)
		}
		for _, form := range []string{d.String(), d.ISO()} {
			back, err := model.ParseDate(form)
			if err != nil || back != d {
				t.Errorf("ParseDate(%q) = %s; ParseDate(%q) = %s, %v", s, d.ISO(), form, back.ISO(), err)
			}
		}
		if d.Long() == "" {
			t.Errorf("Long() of %s is empty", d.ISO())
		}
	})
}

func FuzzParseDecimal(f *testing.F) {
	for _, s := range []string{
		"1 234,56", "1234.56", "1\u00a0234,56", "1\u202f234,56", "12,5 m²", "600 €", "-12,5", "+3", ",5",
		"1,234.5", "abc", "1e400", "", "NaN", "Inf", "0x10", "1_000", ".", "-", "-0", "-0,001",
		"999999999,995", "1000000000000", "1000000000001", "0,005", "€€", "m²m²",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := model.ParseDecimal(s)
		if err != nil {
			if model.ErrorCode(err) != model.EINVALID || model.ErrorMessage(err) == "" {
				t.Errorf("ParseDecimal(%q): error %q, code %q", s, model.ErrorMessage(err), model.ErrorCode(err))
			}
			return
		}
		if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > 1e12 {
			t.Fatalf("ParseDecimal(%q) = %v", s, v)
		}
		if math.Abs(v) >= 1e9 {
			return
		}
		for _, group := range []bool{true, false} {
			out := model.FormatDecimal(v, 2, group)
			back, err := model.ParseDecimal(out)
			if err != nil {
				t.Fatalf("ParseDecimal(%q) = %v; FormatDecimal = %q does not parse: %v", s, v, out, err)
			}
			if math.Abs(back-v) > 0.005+1e-9 {
				t.Errorf("ParseDecimal(%q) = %v; FormatDecimal = %q; back %v", s, v, out, back)
			}
		}
	})
}

func FuzzParseCents(f *testing.F) {
	for _, s := range []string{
		"1 234,56", "512.3", "600 €", "0,29", "-12,34", "1\u00a0234,56\u00a0€", "abc", "", "0,005",
		"-0,004", "1000000000000", "99999999999,99", "1,234.5",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := model.ParseCents(s)
		if err != nil {
			if model.ErrorCode(err) != model.EINVALID || !strings.Contains(model.ErrorMessage(err), "n'est pas un montant en euros") && !(errors.Is(err, model.ErrAmbigu) && strings.Contains(model.ErrorMessage(err), " : écrire ")) {
				t.Errorf("ParseCents(%q): error %q, code %q", s, model.ErrorMessage(err), model.ErrorCode(err))
			}
			return
		}
		// Never a third decimal: « 45.000 » or « 0,005 » are refused.
		if i := strings.LastIndexAny(s, ".,"); i >= 0 {
			frac := strings.TrimRight(strings.NewReplacer("€", "", " ", "", "\u00a0", "", "\u202f", "", "\t", "", "\n", "", "\r", "", "\v", "", "\f", "").Replace(s[i+1:]), " ")
			if len(frac) > 2 && strings.Trim(frac, "0123456789") == "" {
				t.Errorf("ParseCents(%q) = %d: a third decimal accepted", s, c)
			}
		}
		str := c.String()
		if !strings.HasSuffix(str, "\u00a0€") || strings.Contains(str, ".") {
			t.Errorf("Cents(%d).String() = %q", c, str)
		}
		back, err := model.ParseCents(str)
		if err != nil || back != c {
			t.Errorf("ParseCents(%q) = %d; String = %q; back %d, %v", s, c, str, back, err)
		}
	})
}

func FuzzParseBool(f *testing.F) {
	for _, s := range []string{"oui", "non", "O", "N", "1", "0", "vrai", "faux", "", " OUI ", "peut-être", "x", "2", "\u00a0oui"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, err := model.ParseBool(s)
		if err != nil {
			if b || model.ErrorCode(err) != model.EINVALID || !strings.Contains(model.ErrorMessage(err), "n'est ni « oui » ni « non »") {
				t.Errorf("ParseBool(%q) = %v, error %q, code %q", s, b, model.ErrorMessage(err), model.ErrorCode(err))
			}
			return
		}
		back, err := model.ParseBool(model.OuiNon(b))
		if err != nil || back != b {
			t.Errorf("ParseBool(%q) = %v; ParseBool(%q) = %v, %v", s, b, model.OuiNon(b), back, err)
		}
	})
}

func FuzzParseNUR(f *testing.F) {
	for _, s := range []string{
		"0942501000123GD94A", "0942501000123 gd94a", "1111023517879GDPUB", "02A2501000123GDPUB", "1111023517879",
		"0942501000123-GD94A", "", " ", "0942501000123GD94\u00c9", "0942501000123\u00a0GD94A", "094250100012394ABC",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := model.ParseNUR(s)
		if err != nil {
			if n != "" || model.ErrorCode(err) != model.EINVALID || !strings.Contains(model.ErrorMessage(err), "n'est pas un numéro unique (NUR)") {
				t.Errorf("ParseNUR(%q) = %q, %v", s, n, err)
			}
			return
		}
		if len(n) != 18 || n != strings.ToUpper(n) || strings.ContainsAny(n, " \t") {
			t.Fatalf("ParseNUR(%q) = %q", s, n)
		}
		for i, r := range n {
			digit := r >= '0' && r <= '9'
			letter := r >= 'A' && r <= 'Z'
			switch {
			case i < 3 && !(digit || i == 2 && (r == 'A' || r == 'B')):
				t.Fatalf("ParseNUR(%q) = %q: territory code", s, n)
			case i >= 3 && i < 13 && !digit:
				t.Fatalf("ParseNUR(%q) = %q: year, month, sequence", s, n)
			case i == 13 && !letter, i > 13 && !(digit || letter):
				t.Fatalf("ParseNUR(%q) = %q: counter code", s, n)
			}
		}
		if again, err := model.ParseNUR(n); err != nil || again != n {
			t.Errorf("ParseNUR(%q) = %q, %v", n, again, err)
		}
		d := model.Demande{NUR: n, Menage: "M1", DateDepot: model.NewDate(2024, 1, 1)}
		if err := d.Validate(); err != nil {
			t.Errorf("NUR %q accepted by ParseNUR, refused by Validate: %v", n, err)
		}
	})
}

// FuzzAdresse: an address accepted for printing has at most 5 lines after
// the name, each of at most 38 characters without control characters, the
// last one the postal code and town; the street keeps every word (it is
// abbreviated word for word, never cut).
func FuzzAdresse(f *testing.F) {
	f.Add("Chez Mme Dupont", "12 avenue du Maréchal de Lattre de Tassigny", "", "94110", "Arcueil")
	f.Add("Appartement 1207, escalier 4, bâtiment C", "123 boulevard Paul Vaillant-Couturier prolongé", "Les Hautes-Bruyères", "94800", "Villejuif Cedex")
	f.Add("", "7 impasse Saint-Vincent-de-Paul des Fontaines", "", "94250", "Saint-Maur-des-Fossés")
	f.Add("a\x00b", "1 rue\nA", "", "9411", "")
	f.Fuzz(func(t *testing.T, compl, voie, lieu, cp, commune string) {
		a := &model.AdressePostale{Voie: voie, LieuDit: lieu, CodePostal: cp, Commune: commune}
		if compl != "" {
			a.Complement = []string{compl}
		}
		lignes, pb := a.Lignes()
		if (a.Validate() == nil) != (len(pb) == 0) {
			t.Fatalf("Validate and Lignes disagree: %v", pb)
		}
		if len(pb) > 0 {
			return
		}
		if len(lignes) == 0 || len(lignes) > 5 {
			t.Fatalf("%d lines", len(lignes))
		}
		for _, l := range lignes {
			if n := len([]rune(l)); n == 0 || n > 38 || model.CheckTexte(l, 38) != nil {
				t.Fatalf("line %q (%d)", l, n)
			}
		}
		if last := lignes[len(lignes)-1]; !strings.HasPrefix(last, cp+" ") {
			t.Fatalf("last line %q", last)
		}
		if w := strings.Fields(voie); len(w) > 0 {
			found := false
			for _, l := range lignes {
				found = found || l == model.AbregerLigne(voie) && len(strings.Fields(l)) == len(w)
			}
			if !found {
				t.Fatalf("street %q lost words: %q", voie, lignes)
			}
		}
	})
}
