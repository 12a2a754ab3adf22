package app_test

import (
	"testing"

	"logis/app"
)

// The whole office ranked (dashboard, logis fragilite) and one residence
// (its sheet, the commission), on the 50 000-dwelling / 100 000-household
// demo.
func BenchmarkApp_Fragilites100k(b *testing.B) {
	a := MustOpenApp(b)
	if _, err := a.Demo(app.DemoOptions{Menages: 100_000, Logements: 50_000}, nil); err != nil {
		b.Fatal(err)
	}
	list, err := a.Fragilites(0)
	if err != nil || len(list) == 0 {
		b.Fatal(err)
	}
	code := list[0].Residence.Code
	b.Run("Toutes", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := a.Fragilites(0); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("UneResidence", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := a.Fragilite(code, 0); err != nil {
				b.Fatal(err)
			}
		}
	})
}
