package model

import "testing"

func TestReceptionPrevue(t *testing.T) {
	cases := []struct {
		name  string
		envoi Date
		mode  ModeNotification
		delai int
		want  Date
	}{
		{"main propre : le jour même", NewDate(2026, 11, 26), MainPropre, 3, NewDate(2026, 11, 26)},
		{"courrier, 3 jours", NewDate(2026, 11, 26), CourrierSimple, 3, NewDate(2026, 11, 29).AddDays(1)}, // Sunday 29 → Monday 30
		{"recommandé, délai par défaut", NewDate(2026, 11, 23), Recommande, 0, NewDate(2026, 11, 26)},
		{"samedi distribué", NewDate(2026, 11, 25), Recommande, 3, NewDate(2026, 11, 28)},
		{"jour férié sauté", NewDate(2026, 12, 22), CourrierSimple, 3, NewDate(2026, 12, 26)}, // 25 December
		{"férié puis dimanche", NewDate(2027, 4, 30), CourrierSimple, 1, NewDate(2027, 5, 3)}, // 1 May Saturday holiday, 2 Sunday
	}
	for _, c := range cases {
		if got := ReceptionPrevue(c.envoi, c.mode, c.delai); got != c.want {
			t.Errorf("%s : %s, want %s", c.name, got, c.want)
		}
	}
}

func TestParseModeNotification(t *testing.T) {
	for in, want := range map[string]ModeNotification{"main-propre": MainPropre, "Recommandé": Recommande, "recommande": Recommande, "courrier": CourrierSimple, " COURRIER SIMPLE ": CourrierSimple} {
		if got, err := ParseModeNotification(in); err != nil || got != want {
			t.Errorf("%q : %q, %v", in, got, err)
		}
	}
	if _, err := ParseModeNotification("fax"); ErrorCode(err) != EINVALID {
		t.Errorf("fax : %v", err)
	}
}
