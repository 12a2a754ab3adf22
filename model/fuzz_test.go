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
