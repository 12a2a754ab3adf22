package model_test

import (
	"testing"

	"logis/model"
)

func TestPaques(t *testing.T) {
	for y, want := range map[int]model.Date{
		2024: model.NewDate(2024, 3, 31), 2025: model.NewDate(2025, 4, 20), 2026: model.NewDate(2026, 4, 5),
		2027: model.NewDate(2027, 3, 28), 2028: model.NewDate(2028, 4, 16), 2038: model.NewDate(2038, 4, 25),
	} {
		if got := model.Paques(y); got != want {
			t.Errorf("Pâques %d = %s, want %s", y, got, want)
		}
	}
}

func TestJourFerie(t *testing.T) {
	tests := []struct {
		d    model.Date
		want string
	}{
		{model.NewDate(2027, 3, 29), "lundi de Pâques"},
		{model.NewDate(2027, 5, 6), "Ascension"},
		{model.NewDate(2027, 5, 17), "lundi de Pentecôte"},
		{model.NewDate(2027, 5, 1), "fête du Travail"},
		{model.NewDate(2027, 5, 8), "Victoire 1945"},
		{model.NewDate(2027, 7, 14), "fête nationale"},
		{model.NewDate(2026, 8, 15), "Assomption"},
		{model.NewDate(2026, 11, 1), "Toussaint"},
		{model.NewDate(2026, 11, 11), "Armistice 1918"},
		{model.NewDate(2026, 12, 25), "Noël"},
		{model.NewDate(2027, 1, 1), "jour de l'An"},
		{model.NewDate(2027, 3, 28), ""}, // Easter Sunday is a Sunday, not listed as a holiday
		{model.NewDate(2026, 11, 23), ""},
	}
	for _, tc := range tests {
		if got := model.JourFerie(tc.d); got != tc.want {
			t.Errorf("JourFerie(%s) = %q, want %q", tc.d, got, tc.want)
		}
	}
}

// The reply deadline of R.441-10: ten days from the day after notification,
// moved past Saturdays, Sundays and public holidays.
func TestDelaiReponse(t *testing.T) {
	tests := []struct {
		name         string
		notification model.Date
		want         model.Date
		reports      int
	}{
		{"weekday to weekday", model.NewDate(2026, 11, 23), model.NewDate(2026, 12, 3), 0},           // Mon → Thu
		{"falls on Saturday", model.NewDate(2026, 11, 25), model.NewDate(2026, 12, 7), 2},            // Sat 5 → Mon 7
		{"falls on Sunday", model.NewDate(2026, 11, 26), model.NewDate(2026, 12, 7), 1},              // Sun 6 → Mon 7
		{"falls on Christmas", model.NewDate(2026, 12, 15), model.NewDate(2026, 12, 28), 3},          // Fri 25, Sat, Sun → Mon 28
		{"falls on 1 May (Saturday 2027)", model.NewDate(2027, 4, 21), model.NewDate(2027, 5, 3), 2}, // Sat 1 May, Sun → Mon 3
		{"falls on 14 July", model.NewDate(2027, 7, 4), model.NewDate(2027, 7, 15), 1},               // Wed 14 → Thu 15
		{"falls on Easter Monday 2027", model.NewDate(2027, 3, 19), model.NewDate(2027, 3, 30), 1},   // Mon 29 → Tue 30
		{"Saturday then Easter Monday", model.NewDate(2027, 3, 17), model.NewDate(2027, 3, 30), 3},   // Sat 27, Sun, Mon 29 → Tue 30
		{"falls on Ascension 2027", model.NewDate(2027, 4, 26), model.NewDate(2027, 5, 7), 1},        // Thu 6 May → Fri 7
		{"falls on Whit Monday 2027", model.NewDate(2027, 5, 7), model.NewDate(2027, 5, 18), 1},      // Mon 17 → Tue 18
		{"11 November on a Wednesday", model.NewDate(2026, 11, 1), model.NewDate(2026, 11, 12), 1},   // Wed 11 → Thu 12
		{"New Year's Day 2027 (Friday)", model.NewDate(2026, 12, 22), model.NewDate(2027, 1, 4), 3},  // Fri 1, Sat, Sun → Mon 4
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := model.DelaiReponse(tc.notification, 10)
			if d.Echeance != tc.want || len(d.Reports) != tc.reports {
				t.Fatalf("notified %s: deadline %s (%v), want %s with %d postponement(s)", tc.notification.LongAvecJour(), d.Echeance.LongAvecJour(), d.Reports, tc.want.LongAvecJour(), tc.reports)
			}
			if d.Echeance.AddDays(0) < tc.notification.AddDays(10) || !model.JourOuvre(d.Echeance) {
				t.Fatalf("deadline %s is shorter than 10 days or not a working day", d.Echeance)
			}
		})
	}
}
