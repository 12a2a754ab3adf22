package model_test

import (
	"errors"
	"math"
	"testing"

	"logis/model"
)

func TestParseDecimal(t *testing.T) {
	ok := []struct {
		name, in string
		want     float64
	}{
		{"French grouping and comma", "1 234,56", 1234.56},
		{"decimal point", "1234.56", 1234.56},
		{"no-break space", "1\u00a0234,56", 1234.56},
		{"narrow no-break space", "1\u202f234,56", 1234.56},
		{"millions", "1 234 567,8", 1234567.8},
		{"square metres", "12,5 m²", 12.5},
		{"euro sign", "600 €", 600},
		{"integer", "42", 42},
		{"surrounding spaces", "  42  ", 42},
		{"negative", "-12,5", -12.5},
		{"explicit plus", "+3", 3},
		{"leading comma", ",5", 0.5},
		{"zero", "0", 0},
		{"at the limit", "1000000000000", 1e12},
		{"comma then three digits (French decimals)", "64,500", 64.5},
		{"zero point three digits", "0.500", 0.5},
		{"four digits before the point", "1234.567", 1234.567},
	}
	for _, tc := range ok {
		t.Run(tc.name, func(t *testing.T) {
			got, err := model.ParseDecimal(tc.in)
			if err != nil {
				t.Fatalf("ParseDecimal(%q): %v", tc.in, err)
			}
			if math.Abs(got-tc.want) > 1e-9 {
				t.Errorf("ParseDecimal(%q) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
	bad := []struct {
		name, in, msg string
	}{
		{"comma and point together", "1,234.5", "1,234.5 : écrire 1234,5 ou 1 234,5"},
		{"point and comma together", "1.234,56", "1.234,56 : écrire 1234,56 ou 1 234,56"},
		{"a point then three digits", "45.000", "45.000 : écrire 45000 ou 45"},
		{"a point then three digits, decimal reading", "64.500", "64.500 : écrire 64500 ou 64,5"},
		{"points grouping thousands", "1.234.567", "1.234.567 : écrire 1234567 ou 1 234 567"},
		{"spaces misplaced", "45 00", "« 45 00 » : espaces de milliers mal placées"},
		{"letters", "abc", "« abc » n'est pas un nombre"},
		{"exponent overflowing", "1e400", "n'est pas un nombre"},
		{"exponent", "1e5", "n'est pas un nombre"},
		{"empty", "", "valeur vide"},
		{"blank", " \u00a0 ", "valeur vide"},
		{"unit only", "€", "valeur vide"},
		{"two commas", "1,2,3", "n'est pas un nombre"},
		{"two points", "1.2.3", "n'est pas un nombre"},
		{"inner minus", "12-3", "n'est pas un nombre"},
		{"double sign", "+-1", "n'est pas un nombre"},
		{"NaN", "NaN", "n'est pas un nombre"},
		{"infinity", "Inf", "n'est pas un nombre"},
		{"hexadecimal", "0x10", "n'est pas un nombre"},
		{"underscore", "1_000", "n'est pas un nombre"},
		{"point alone", ".", "n'est pas un nombre"},
		{"sign alone", "-", "n'est pas un nombre"},
		{"above 10^12", "2000000000000", "n'est pas un nombre"},
	}
	for _, tc := range bad {
		t.Run(tc.name+" is refused", func(t *testing.T) {
			_, err := model.ParseDecimal(tc.in)
			wantInvalid(t, err, tc.msg)
		})
	}
}

func TestParseCents(t *testing.T) {
	ok := []struct {
		in   string
		want model.Cents
	}{
		{"1 234,56", 123456},
		{"512.3", 51230},
		{"600 €", 60000},
		{"1\u00a0234,56\u00a0€", 123456},
		{"0,29", 29}, // 0.29 × 100 is 28.999… in floating point
		{"0,1", 10},
		{"19,99", 1999},
		{"-12,34", -1234},
		{"0", 0},
	}
	for _, tc := range ok {
		t.Run(tc.in, func(t *testing.T) {
			got, err := model.ParseCents(tc.in)
			if err != nil {
				t.Fatalf("ParseCents(%q): %v", tc.in, err)
			}
			if got != tc.want {
				t.Errorf("ParseCents(%q) = %d, want %d", tc.in, got, tc.want)
			}
		})
	}
	for _, tc := range []struct{ in, msg string }{
		{"45.000", "45.000 : écrire 45000 ou 45 000"},
		{"45,000", "45,000 : écrire 45000 ou 45 000"},
		{"1.234.567", "1.234.567 : écrire 1234567 ou 1 234 567"},
		{"1,234.5", "1,234.5 : écrire 1234,5 ou 1 234,5"},
	} {
		t.Run(tc.in+" is ambiguous", func(t *testing.T) {
			_, err := model.ParseCents(tc.in)
			if !errors.Is(err, model.ErrAmbigu) || model.ErrorMessage(err) != tc.msg {
				t.Fatalf("ParseCents(%q) = %v, want %q (ErrAmbigu)", tc.in, err, tc.msg)
			}
		})
	}
	t.Run("three decimals after zero", func(t *testing.T) {
		_, err := model.ParseCents("0,005")
		wantInvalid(t, err, "« 0,005 » n'est pas un montant en euros (2 décimales au plus)")
	})
	for _, in := range []string{"abc", "", " douze "} {
		t.Run(in+" is refused", func(t *testing.T) {
			_, err := model.ParseCents(in)
			wantInvalid(t, err, "n'est pas un montant en euros")
		})
	}
	t.Run("the message quotes the trimmed input", func(t *testing.T) {
		_, err := model.ParseCents("  douze ")
		wantInvalid(t, err, "« douze » n'est pas un montant en euros")
	})
}

func TestCents_Format(t *testing.T) {
	tests := []struct {
		c          model.Cents
		str, whole string
		float      float64
	}{
		{123456, "1" + nbsp + "234,56" + nbsp + "€", "1" + nbsp + "235" + nbsp + "€", 1234.56},
		{0, "0,00" + nbsp + "€", "0" + nbsp + "€", 0},
		{5, "0,05" + nbsp + "€", "0" + nbsp + "€", 0.05},
		{-5, "-0,05" + nbsp + "€", "0" + nbsp + "€", -0.05}, // never « -0 € »
		{model.Euros(26920), "26" + nbsp + "920,00" + nbsp + "€", "26" + nbsp + "920" + nbsp + "€", 26920},
		{model.Euros(1234567), "1" + nbsp + "234" + nbsp + "567,00" + nbsp + "€", "1" + nbsp + "234" + nbsp + "567" + nbsp + "€", 1234567},
		{-123456, "-1" + nbsp + "234,56" + nbsp + "€", "-1" + nbsp + "235" + nbsp + "€", -1234.56},
		{99999, "999,99" + nbsp + "€", "1" + nbsp + "000" + nbsp + "€", 999.99},
	}
	for _, tc := range tests {
		t.Run(tc.str, func(t *testing.T) {
			if got := tc.c.String(); got != tc.str {
				t.Errorf("Cents(%d).String() = %q, want %q", tc.c, got, tc.str)
			}
			if got := tc.c.Whole(); got != tc.whole {
				t.Errorf("Cents(%d).Whole() = %q, want %q", tc.c, got, tc.whole)
			}
			if got := tc.c.Float(); math.Abs(got-tc.float) > 1e-9 {
				t.Errorf("Cents(%d).Float() = %v", tc.c, got)
			}
		})
	}
	if got := model.Euros(12); got != 1200 {
		t.Errorf("Euros(12) = %d", got)
	}
}

func TestFormatDecimal(t *testing.T) {
	tests := []struct {
		x     float64
		n     int
		group bool
		want  string
	}{
		{1234.5, 1, false, "1234,5"},
		{1234.5, 2, true, "1" + nbsp + "234,50"},
		{999, 0, true, "999"},
		{1000, 0, true, "1" + nbsp + "000"},
		{-1234567.891, 2, true, "-1" + nbsp + "234" + nbsp + "567,89"},
		{-0.001, 2, true, "0,00"},
		{-0.4, 0, false, "0"},
		{math.Copysign(0, -1), 1, false, "0,0"},
		{0.125, 2, false, "0,12"}, // round half to even, as strconv
		{1.5, 2, false, "1,50"},
		{math.NaN(), 2, true, ""},
		{math.Inf(1), 2, true, ""},
	}
	for _, tc := range tests {
		if got := model.FormatDecimal(tc.x, tc.n, tc.group); got != tc.want {
			t.Errorf("FormatDecimal(%v, %d, %v) = %q, want %q", tc.x, tc.n, tc.group, got, tc.want)
		}
	}
}

func TestFormatPercent(t *testing.T) {
	tests := []struct {
		ratio float64
		want  string
	}{
		{0.347, "34,7" + nbsp + "%"},
		{0.35, "35,0" + nbsp + "%"},
		{1, "100,0" + nbsp + "%"},
		{0, "0,0" + nbsp + "%"},
		{0.3333333, "33,3" + nbsp + "%"},
		{-0.0001, "0,0" + nbsp + "%"},
	}
	for _, tc := range tests {
		if got := model.FormatPercent(tc.ratio); got != tc.want {
			t.Errorf("FormatPercent(%v) = %q, want %q", tc.ratio, got, tc.want)
		}
	}
}

func TestParseBool(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"oui", true}, {"Oui", true}, {"OUI", true}, {"O", true}, {"o", true},
		{"1", true}, {"vrai", true}, {"VRAI", true}, {"x", true}, {"yes", true}, {"true", true},
		{" oui ", true},
		{"non", false}, {"Non", false}, {"N", false}, {"n", false}, {"0", false},
		{"faux", false}, {"Faux", false}, {"no", false}, {"false", false},
		{"", false}, {"   ", false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := model.ParseBool(tc.in)
			if err != nil {
				t.Fatalf("ParseBool(%q): %v", tc.in, err)
			}
			if got != tc.want {
				t.Errorf("ParseBool(%q) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
	for _, in := range []string{"peut-être", "2", "ouii", "si", "-1"} {
		t.Run(in+" is refused", func(t *testing.T) {
			got, err := model.ParseBool(in)
			wantInvalid(t, err, "« "+in+" » n'est ni « oui » ni « non »")
			if got {
				t.Errorf("ParseBool(%q) = true with an error", in)
			}
		})
	}
	if model.OuiNon(true) != "oui" || model.OuiNon(false) != "non" {
		t.Errorf("OuiNon = %q/%q", model.OuiNon(true), model.OuiNon(false))
	}
}
