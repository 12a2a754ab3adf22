package model_test

import (
	"testing"
	"time"

	"logis/model"
)

func TestParseDate(t *testing.T) {
	ok := []struct {
		name, in string
		want     model.Date
	}{
		{"JJ/MM/AAAA", "22/11/2026", model.NewDate(2026, 11, 22)},
		{"J/M/AAAA", "1/5/2027", model.NewDate(2027, 5, 1)},
		{"JJ/M/AAAA", "09/3/2026", model.NewDate(2026, 3, 9)},
		{"AAAA-MM-JJ", "2026-11-22", model.NewDate(2026, 11, 22)},
		{"AAAA-M-J", "2027-5-1", model.NewDate(2027, 5, 1)},
		{"JJ-MM-AAAA", "22-11-2026", model.NewDate(2026, 11, 22)},
		{"JJ.MM.AAAA", "22.11.2026", model.NewDate(2026, 11, 22)},
		{"surrounding spaces", "  22/11/2026\t", model.NewDate(2026, 11, 22)},
		{"29/02 on a leap year", "29/02/2024", model.NewDate(2024, 2, 29)},
		{"29/02 on a century leap year", "29/02/2000", model.NewDate(2000, 2, 29)},
		{"31/12", "31/12/2026", model.NewDate(2026, 12, 31)},
		{"before 1970", "15/03/1950", model.NewDate(1950, 3, 15)},
		{"empty is no date", "", 0},
		{"blank is no date", "   ", 0},
	}
	for _, tc := range ok {
		t.Run(tc.name, func(t *testing.T) {
			got, err := model.ParseDate(tc.in)
			if err != nil {
				t.Fatalf("ParseDate(%q): %v", tc.in, err)
			}
			if got != tc.want {
				t.Errorf("ParseDate(%q) = %s, want %s", tc.in, got.ISO(), tc.want.ISO())
			}
		})
	}

	bad := []struct {
		name, in, msg string
	}{
		{"29/02 on a non-leap year", "29/02/2025", "n'existe pas dans le calendrier"},
		{"29/02 on a non-leap century", "29/02/1900", "n'existe pas dans le calendrier"},
		{"31/04 refused", "31/04/2026", "n'existe pas dans le calendrier"},
		{"ISO 31 April refused", "2026-04-31", "n'existe pas dans le calendrier"},
		{"garbage", "demain", "« demain » n'est pas une date (JJ/MM/AAAA)"},
		{"day 32", "32/01/2026", "n'est pas une date"},
		{"day 0", "00/01/2026", "n'est pas une date"},
		{"month 13", "15/13/2026", "n'est pas une date"},
		{"month 0", "15/00/2026", "n'est pas une date"},
		{"two-digit year", "22/11/26", "n'est pas une date"},
		{"year before 1000", "22/11/0999", "n'est pas une date"},
		{"missing year", "22/11", "n'est pas une date"},
		{"too many parts", "22/11/2026/1", "n'est pas une date"},
		{"mixed separators", "22/11-2026", "n'est pas une date"},
		{"empty part", "22//2026", "n'est pas une date"},
		{"time attached", "2026-11-22T10:00", "n'est pas une date"},
		{"sign", "+1/11/2026", "n'est pas une date"},
		{"non-ASCII digits", "٢٢/١١/٢٠٢٦", "n'est pas une date"},
		{"five-digit year", "22/11/20260", "n'est pas une date"},
	}
	for _, tc := range bad {
		t.Run(tc.name+" is refused", func(t *testing.T) {
			d, err := model.ParseDate(tc.in)
			wantInvalid(t, err, tc.msg)
			if d != 0 {
				t.Errorf("ParseDate(%q) returned %s with an error", tc.in, d.ISO())
			}
		})
	}

	t.Run("long input is clipped in the message", func(t *testing.T) {
		in := "ceci n'est vraiment pas une date, même en cherchant bien"
		_, err := model.ParseDate(in)
		wantInvalid(t, err, "…")
		if msg := model.ErrorMessage(err); len([]rune(msg)) > 100 {
			t.Errorf("message not clipped: %q", msg)
		}
	})
}

func TestDate_Formats(t *testing.T) {
	tests := []struct {
		name            string
		d               model.Date
		str, iso, long_ string
	}{
		{"first of the month", model.NewDate(2027, 5, 1), "01/05/2027", "2027-05-01", "1er mai 2027"},
		{"reference date", ref, "22/11/2026", "2026-11-22", "22 novembre 2026"},
		{"accented month", model.NewDate(2026, 8, 31), "31/08/2026", "2026-08-31", "31 août 2026"},
		{"february", model.NewDate(2024, 2, 29), "29/02/2024", "2024-02-29", "29 février 2024"},
		{"second of the month is not 2e", model.NewDate(2026, 12, 2), "02/12/2026", "2026-12-02", "2 décembre 2026"},
		{"before 1970", model.NewDate(1950, 1, 15), "15/01/1950", "1950-01-15", "15 janvier 1950"},
		{"zero date", 0, "", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.d.String(); got != tc.str {
				t.Errorf("String() = %q, want %q", got, tc.str)
			}
			if got := tc.d.ISO(); got != tc.iso {
				t.Errorf("ISO() = %q, want %q", got, tc.iso)
			}
			if got := tc.d.Long(); got != tc.long_ {
				t.Errorf("Long() = %q, want %q", got, tc.long_)
			}
		})
	}
}

func TestDate_Calendar(t *testing.T) {
	t.Run("YMD round-trips NewDate", func(t *testing.T) {
		for _, c := range [][3]int{{1, 1, 1}, {1950, 3, 15}, {1969, 12, 31}, {1970, 1, 1}, {2024, 2, 29}, {2026, 11, 22}, {9999, 12, 31}} {
			d := model.NewDate(c[0], time.Month(c[1]), c[2])
			y, m, dd := d.YMD()
			if y != c[0] || int(m) != c[1] || dd != c[2] {
				t.Errorf("NewDate%v.YMD() = %d-%d-%d", c, y, m, dd)
			}
			if d.IsZero() {
				t.Errorf("NewDate%v is the zero date", c)
			}
		}
	})
	t.Run("NewDate normalises like time.Date", func(t *testing.T) {
		if got, want := model.NewDate(2025, 2, 29), model.NewDate(2025, 3, 1); got != want {
			t.Errorf("NewDate(2025, 2, 29) = %s, want %s", got, want)
		}
	})
	t.Run("consecutive days differ by one", func(t *testing.T) {
		if d := model.NewDate(2026, 3, 1) - model.NewDate(2026, 2, 28); d != 1 {
			t.Errorf("01/03/2026 − 28/02/2026 = %d days", d)
		}
		if got := ref.AddDays(10); got != model.NewDate(2026, 12, 2) {
			t.Errorf("ref + 10 days = %s", got)
		}
		if got := ref.AddDays(-22); got != model.NewDate(2026, 10, 31) {
			t.Errorf("ref − 22 days = %s", got)
		}
	})
	t.Run("AddYears turns 29 February into 1 March", func(t *testing.T) {
		if got := model.NewDate(2024, 2, 29).AddYears(1); got != model.NewDate(2025, 3, 1) {
			t.Errorf("29/02/2024 + 1 year = %s", got)
		}
		if got := model.NewDate(2024, 2, 29).AddYears(4); got != model.NewDate(2028, 2, 29) {
			t.Errorf("29/02/2024 + 4 years = %s", got)
		}
	})
	t.Run("weekday and year", func(t *testing.T) {
		if ref.Weekday() != time.Sunday {
			t.Errorf("22/11/2026 is a %s, want Sunday", ref.Weekday())
		}
		if ref.Year() != 2026 {
			t.Errorf("Year() = %d", ref.Year())
		}
	})
	t.Run("DateOf keeps the local calendar day", func(t *testing.T) {
		paris := time.FixedZone("CET", 3600)
		late := time.Date(2026, 11, 22, 23, 30, 0, 0, paris) // 22:30 UTC
		if got := model.DateOf(late); got != ref {
			t.Errorf("DateOf(22/11/2026 23:30 CET) = %s", got)
		}
		early := time.Date(2026, 11, 22, 0, 30, 0, 0, paris) // 21/11 23:30 UTC
		if got := model.DateOf(early); got != ref {
			t.Errorf("DateOf(22/11/2026 00:30 CET) = %s", got)
		}
	})
	t.Run("Time is midnight UTC", func(t *testing.T) {
		want := time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)
		if got := ref.Time(); !got.Equal(want) {
			t.Errorf("Time() = %v", got)
		}
	})
	t.Run("text marshalling round-trips", func(t *testing.T) {
		b, err := ref.MarshalText()
		if err != nil || string(b) != "2026-11-22" {
			t.Fatalf("MarshalText = %q, %v", b, err)
		}
		var d model.Date
		if err := d.UnmarshalText(b); err != nil || d != ref {
			t.Errorf("UnmarshalText(%q) = %s, %v", b, d, err)
		}
		if err := d.UnmarshalText([]byte("22/11/2026")); err != nil || d != ref {
			t.Errorf("UnmarshalText(22/11/2026) = %s, %v", d, err)
		}
		d = ref
		wantInvalid(t, d.UnmarshalText([]byte("31/04/2026")), "n'existe pas")
		if d != ref {
			t.Errorf("a failed UnmarshalText changed the date to %s", d)
		}
	})
}

func TestDate_AgeAt(t *testing.T) {
	tests := []struct {
		name      string
		birth, at model.Date
		want      int
	}{
		{"birthday today", model.NewDate(2012, 11, 22), ref, 14},
		{"birthday tomorrow", model.NewDate(2012, 11, 23), ref, 13},
		{"birthday yesterday", model.NewDate(2012, 11, 21), ref, 14},
		{"birthday next month", model.NewDate(1990, 12, 1), ref, 35},
		{"born today", ref, ref, 0},
		{"29 February birth, 28 February of a non-leap year", model.NewDate(2012, 2, 29), model.NewDate(2026, 2, 28), 13},
		{"29 February birth, 1 March of a non-leap year", model.NewDate(2012, 2, 29), model.NewDate(2026, 3, 1), 14},
		{"29 February birth, 29 February of a leap year", model.NewDate(2012, 2, 29), model.NewDate(2024, 2, 29), 12},
		{"29 February birth, 28 February of a leap year", model.NewDate(2012, 2, 29), model.NewDate(2024, 2, 28), 11},
		{"zero birth date", 0, ref, 0},
		{"zero reference date", model.NewDate(1990, 1, 1), 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.birth.AgeAt(tc.at); got != tc.want {
				t.Errorf("%s.AgeAt(%s) = %d, want %d", tc.birth, tc.at, got, tc.want)
			}
		})
	}
}

func TestDate_MonthsUntil(t *testing.T) {
	tests := []struct {
		name     string
		from, at model.Date
		want     int
	}{
		{"exactly one year", model.NewDate(2025, 11, 22), ref, 12},
		{"one day short of a year", model.NewDate(2025, 11, 23), ref, 11},
		{"same day", ref, ref, 0},
		{"at before from", ref, ref.AddDays(-1), 0},
		{"end of month to shorter month", model.NewDate(2026, 1, 31), model.NewDate(2026, 2, 28), 0},
		{"end of month, next day", model.NewDate(2026, 1, 31), model.NewDate(2026, 3, 1), 1},
		{"29 February entry, 28 February next year", model.NewDate(2024, 2, 29), model.NewDate(2025, 2, 28), 11},
		{"29 February entry, 1 March next year", model.NewDate(2024, 2, 29), model.NewDate(2025, 3, 1), 12},
		{"across years", model.NewDate(2020, 3, 15), model.NewDate(2026, 11, 22), 80},
		{"zero from", 0, ref, 0},
		{"zero at", ref, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.from.MonthsUntil(tc.at); got != tc.want {
				t.Errorf("%s.MonthsUntil(%s) = %d, want %d", tc.from, tc.at, got, tc.want)
			}
		})
	}
}

func TestMonthName(t *testing.T) {
	want := []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
	for i, w := range want {
		if got := model.MonthName(time.Month(i + 1)); got != w {
			t.Errorf("MonthName(%d) = %q, want %q", i+1, got, w)
		}
	}
}
