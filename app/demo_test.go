package app_test

import (
	"testing"

	"logis/app"
	"logis/model"
	"logis/storage"
)

func TestApp_Demo(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		a := MustOpenApp(t)
		rep, err := a.Demo(app.DemoOptions{Menages: 600, Logements: 400}, nil)
		if err != nil {
			t.Fatal(err)
		}
		c, _ := a.DB.Counts()
		if c.Menages != 600 || c.Logements != 400 || c.Personnes != rep.Personnes || c.Demandes != rep.Demandes || c.Residences != rep.Residences {
			t.Fatalf("counts %+v vs report %+v", c, rep)
		}
		// Households of every shape, tenants and applicants, valid data.
		shapes := map[string]int{}
		communes := map[string]bool{}
		a.DB.View(func(tx *storage.Tx) error {
			return tx.ForEachMenage(func(m *model.Menage) error {
				if err := m.Validate(); err != nil {
					t.Errorf("invalid demo household: %v", err)
				}
				n := len(m.Personnes)
				switch {
				case n == 1:
					shapes["seul"]++
				case n >= 5:
					shapes["grande famille"]++
				}
				if m.HasHandicap() {
					shapes["handicap"]++
				}
				if m.Loge() {
					shapes["locataire"]++
					l, err := tx.Logement(m.Bail.Logement)
					if err != nil {
						t.Errorf("tenant of an unknown dwelling: %v", err)
					} else {
						communes[l.Commune] = true
					}
				} else {
					shapes["demandeur"]++
				}
				return nil
			})
		})
		for _, s := range []string{"seul", "grande famille", "handicap", "locataire", "demandeur"} {
			if shapes[s] == 0 {
				t.Errorf("no household of shape %q: %v", s, shapes)
			}
		}
		if len(communes) != 5 {
			t.Errorf("communes = %v, want the five", communes)
		}
		rv, err := a.RevueOccupation(a.Today(), nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, code := range app.SituationCodes {
			if rv.Comptes[code] == 0 {
				t.Errorf("the demo has no household in situation %s", code)
			}
		}
	})
	t.Run("ErrNotEmpty", func(t *testing.T) {
		a := MustOpenApp(t)
		if _, err := a.Demo(app.DemoOptions{Menages: 10, Logements: 10}, nil); err != nil {
			t.Fatal(err)
		}
		if _, err := a.Demo(app.DemoOptions{Menages: 10, Logements: 10}, nil); model.ErrorCode(err) != model.ECONFLICT {
			t.Fatalf("err = %v, want ECONFLICT", err)
		}
	})
}

// BenchmarkApp_Demo100k measures `logis demo` at the benchmark size.
func BenchmarkApp_Demo100k(b *testing.B) {
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		a := MustOpenApp(b)
		b.StartTimer()
		if _, err := a.Demo(app.DemoOptions{Menages: 100_000, Logements: 50_000}, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkApp_RevueOccupation100k measures the occupancy review over the
// benchmark data set (100 000 households, 50 000 dwellings).
func BenchmarkApp_RevueOccupation100k(b *testing.B) {
	a := MustOpenApp(b)
	if _, err := a.Demo(app.DemoOptions{Menages: 100_000, Logements: 50_000}, nil); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := a.RevueOccupation(a.Today(), nil); err != nil {
			b.Fatal(err)
		}
	}
}
