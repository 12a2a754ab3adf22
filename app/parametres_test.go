package app_test

import (
	"bytes"
	"image"
	"image/png"
	"strings"
	"testing"

	"logis/app"
	"logis/model"
)

func TestApp_SaveOffice(t *testing.T) {
	a := MustOpenApp(t)
	t.Run("OK", func(t *testing.T) {
		o, err := a.Office()
		if err != nil {
			t.Fatal(err)
		}
		o.Nom = "OPH du Val-de-Bièvre"
		var buf bytes.Buffer
		_ = png.Encode(&buf, image.NewRGBA(image.Rect(0, 0, 4, 4)))
		o.Logo = buf.Bytes()
		if err := a.SaveOffice(o); err != nil {
			t.Fatal(err)
		}
		got, _ := a.Office()
		if got.Nom != "OPH du Val-de-Bièvre" || len(got.Logo) == 0 {
			t.Errorf("stored %q, logo %d bytes", got.Nom, len(got.Logo))
		}
		j, _ := a.DB.Journal(1)
		if len(j) != 1 || j[0].Action != "Paramètres : identité de l'Office" {
			t.Errorf("journal = %+v", j)
		}
	})
	t.Run("ErrLogoNotImage", func(t *testing.T) {
		o, _ := a.Office()
		o.Logo = []byte("pas une image")
		err := a.SaveOffice(o)
		if !strings.Contains(model.ErrorMessage(err), "PNG ou JPEG") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("ErrAddressTooLong", func(t *testing.T) {
		o, _ := a.Office()
		o.Adresse = []string{strings.Repeat("x", 39)}
		if err := a.SaveOffice(o); err == nil || !strings.Contains(model.ErrorMessage(err), "38 caractères") {
			t.Errorf("err = %v", err)
		}
	})
}

func TestApp_SaveRegles(t *testing.T) {
	a := MustOpenApp(t)
	r, err := a.Regles()
	if err != nil {
		t.Fatal(err)
	}
	c, year := app.AjouterAnneeBaremes(r)
	if year != 2027 || len(c.Baremes) != len(r.Baremes)+4 { // the four 2026 tables (PLUS and PLAI, two zones)
		t.Fatalf("year %d, %d tables (from %d)", year, len(c.Baremes), len(r.Baremes))
	}
	if b, ok := c.Bareme(2027, model.ZoneResteIDF, model.PLUS); !ok || b.Annee != 2027 || !b.Derive {
		t.Errorf("2027 PLUS table = %+v, %v", b, ok)
	}
	c.TauxEffortMax = 0.33
	// The copy of 2026 as such is refused: never another year's figures.
	if err := a.SaveRegles(c); err == nil || !strings.Contains(model.ErrorMessage(err), "copie de 2026 non modifiée") {
		t.Fatalf("unedited copy saved: %v", err)
	}
	for i := range c.Baremes {
		if c.Baremes[i].Annee == 2027 {
			c.Baremes[i].ParPersonne += 100 // the 2027 figures typed
		}
	}
	if err := a.SaveRegles(c); err != nil {
		t.Fatal(err)
	}
	got, _ := a.Regles()
	if got.TauxEffortMax != 0.33 || len(got.Baremes) != len(c.Baremes) || len(r.Baremes) != 8 {
		t.Errorf("stored %v with %d tables; original has %d", got.TauxEffortMax, len(got.Baremes), len(r.Baremes))
	}
	j, _ := a.DB.Journal(1)
	if len(j) != 1 || j[0].Action != "Paramètres : tables de règles" {
		t.Errorf("journal = %+v", j)
	}
	bad := app.CopyRegles(got)
	bad.TauxEffortMax = 1.5
	if err := a.SaveRegles(bad); err == nil || !strings.Contains(model.ErrorMessage(err), "taux d'effort") {
		t.Errorf("err = %v", err)
	}
	if again, _ := a.Regles(); again.TauxEffortMax != 0.33 {
		t.Errorf("invalid tables written: %v", again.TauxEffortMax)
	}
}
