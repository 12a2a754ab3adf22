package app_test

import (
	"strings"
	"testing"

	"logis/app"
	"logis/model"
)

func lastJournal(t *testing.T, a *app.App) model.Evenement {
	t.Helper()
	ev, err := a.DB.Journal(1)
	if err != nil || len(ev) == 0 {
		t.Fatalf("journal: %v %v", ev, err)
	}
	return ev[0]
}

func TestApp_SaveLogement(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		a := smallStock(t)
		l := &model.Logement{Reference: "L-NEW", Residence: "RA", Commune: "Arcueil", Typologie: 3, Pieces: 3, Surface: 60, Financement: model.PLUS}
		if err := a.SaveLogement(l, true); err != nil {
			t.Fatal(err)
		}
		if ev := lastJournal(t, a); !strings.Contains(ev.Action, "Création du logement L-NEW") {
			t.Errorf("journal = %+v", ev)
		}
		if r := a.Catalogue().Logement("L-NEW"); r == nil || r.Etat != model.Vacant {
			t.Errorf("catalogue row = %+v", r)
		}
		if r := a.Catalogue().Residence("RA"); r.Logements != 3 {
			t.Errorf("residence counts %d dwellings", r.Logements)
		}
		l.Surface = 62
		if err := a.SaveLogement(l, false); err != nil {
			t.Fatal(err)
		}
		if r := a.Catalogue().Logement("L-NEW"); r.Surface != 62 {
			t.Errorf("surface = %v", r.Surface)
		}
	})
	t.Run("ErrExists", func(t *testing.T) {
		a := smallStock(t)
		err := a.SaveLogement(&model.Logement{Reference: "L-A1", Commune: "Arcueil", Typologie: 3, Pieces: 3, Surface: 60, Financement: model.PLUS}, true)
		if model.ErrorCode(err) != model.ECONFLICT || !strings.Contains(model.ErrorMessage(err), "existe déjà") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("ErrInvalid", func(t *testing.T) {
		a := smallStock(t)
		err := a.SaveLogement(&model.Logement{Reference: "L-BAD", Commune: "Arcueil", Typologie: 3, Pieces: 0, Surface: 60, Financement: model.PLUS}, true)
		if model.ErrorCode(err) != model.EINVALID || !strings.Contains(model.ErrorMessage(err), "pièces") {
			t.Errorf("err = %v", err)
		}
		if a.Catalogue().Logement("L-BAD") != nil {
			t.Error("an invalid dwelling reached the catalogue")
		}
	})
	t.Run("ErrUnknownResidence", func(t *testing.T) {
		a := smallStock(t)
		err := a.SaveLogement(&model.Logement{Reference: "L-X", Residence: "NOPE", Commune: "Arcueil", Typologie: 3, Pieces: 3, Surface: 60, Financement: model.PLUS}, true)
		if model.ErrorCode(err) != model.ENOTFOUND {
			t.Errorf("err = %v", err)
		}
	})
}

func TestApp_DeleteLogement(t *testing.T) {
	a := smallStock(t)
	if err := a.DeleteLogement("L-A1"); model.ErrorCode(err) != model.ECONFLICT {
		t.Errorf("deleting an occupied dwelling: %v", err)
	}
	if err := a.DeleteLogement("L-A2"); err != nil {
		t.Fatal(err)
	}
	if a.Catalogue().Logement("L-A2") != nil || a.Catalogue().Residence("RA").Logements != 1 {
		t.Error("catalogue not updated")
	}
	if err := a.DeleteResidence("RA"); model.ErrorCode(err) != model.ECONFLICT {
		t.Errorf("deleting a residence with dwellings: %v", err)
	}
	if err := a.SaveResidence(&model.Residence{Code: "RX", Commune: "Cachan"}, true); err != nil {
		t.Fatal(err)
	}
	if err := a.DeleteResidence("RX"); err != nil {
		t.Fatal(err)
	}
	if a.Catalogue().Residence("RX") != nil {
		t.Error("residence still in the catalogue")
	}
}

func TestApp_SaveMenage(t *testing.T) {
	t.Run("CreateWithDemande", func(t *testing.T) {
		a := smallStock(t)
		m := &model.Menage{Personnes: []model.Personne{{Lien: model.Titulaire, Nom: "Nouveau", Prenom: "Léa", DateNaissance: date(1991, 5, 4)}},
			Ressources: model.Ressources{RevenuFiscal: model.Euros(18000), Mensuelles: model.Euros(1500)}}
		d := &model.Demande{NUR: "4444023517879gdpub", DateDepot: date(2026, 1, 10), Communes: []string{"Cachan"}, Active: true}
		id, err := a.SaveMenage(m, d)
		if err != nil {
			t.Fatal(err)
		}
		if id == "" || d.Menage != id || d.NUR != "4444023517879GDPUB" {
			t.Fatalf("id %q demande %+v", id, d)
		}
		if ev := lastJournal(t, a); ev.Action != "Création d'un ménage" {
			t.Errorf("journal = %q", ev.Action)
		}
		rows := a.Catalogue().SearchMenages(app.MenageFiltre{Texte: "lea nouveau"})
		if len(rows) != 1 || rows[0].NUR != "4444023517879GDPUB" {
			t.Errorf("catalogue = %+v", rows)
		}
	})
	t.Run("Tenancy", func(t *testing.T) {
		a := smallStock(t)
		f, err := a.OpenMenage("M2")
		if err != nil {
			t.Fatal(err)
		}
		f.Menage.Bail = &model.Bail{Logement: "L-A1", DateEntree: date(2026, 1, 1)}
		if _, err := a.SaveMenage(f.Menage, nil); model.ErrorCode(err) != model.ECONFLICT {
			t.Errorf("two leases on one dwelling: %v", err)
		}
		f.Menage.Bail.Logement = "L-V1"
		if _, err := a.SaveMenage(f.Menage, nil); err != nil {
			t.Fatal(err)
		}
		if r := a.Catalogue().Logement("L-V1"); r.Etat != model.Occupe {
			t.Errorf("L-V1 is %s", r.Etat)
		}
		if r := a.Catalogue().Menage("M2"); !r.Mutation() {
			t.Error("a tenant with an application is a transfer")
		}
		if err := a.DeleteMenage("M2"); err != nil {
			t.Fatal(err)
		}
		if r := a.Catalogue().Logement("L-V1"); r.Etat != model.Vacant {
			t.Errorf("L-V1 is %s after the household left", r.Etat)
		}
	})
	t.Run("ErrInvalid", func(t *testing.T) {
		a := smallStock(t)
		_, err := a.SaveMenage(&model.Menage{Personnes: []model.Personne{{Lien: model.Titulaire, Nom: ""}}}, nil)
		if model.ErrorCode(err) != model.EINVALID || !strings.Contains(model.ErrorMessage(err), "Nouveau ménage") {
			t.Errorf("err = %v", err)
		}
		_, err = a.SaveMenage(&model.Menage{}, nil)
		if model.ErrorCode(err) != model.EINVALID {
			t.Errorf("no member: %v", err)
		}
	})
	t.Run("ErrNURTaken", func(t *testing.T) {
		a := smallStock(t)
		f, _ := a.OpenMenage("M3")
		d := &model.Demande{NUR: "1111023517879GDPUB", DateDepot: date(2026, 1, 1), Active: true}
		if _, err := a.SaveMenage(f.Menage, d); model.ErrorCode(err) != model.ECONFLICT {
			t.Errorf("err = %v", err)
		}
	})
}

func TestApp_SaveDemande(t *testing.T) {
	a := smallStock(t)
	d := &model.Demande{NUR: "5555023517879GDPUB", Menage: "M3", DateDepot: date(2026, 2, 1), DALO: true, Active: true}
	if err := a.SaveDemande(d, true); err != nil {
		t.Fatal(err)
	}
	if err := a.SaveDemande(d, true); model.ErrorCode(err) != model.ECONFLICT {
		t.Errorf("twice: %v", err)
	}
	if r := a.Catalogue().Menage("M3"); !r.DALO || r.NUR != "5555023517879GDPUB" {
		t.Errorf("row = %+v", r)
	}
	if err := a.DeleteDemande("5555023517879GDPUB"); err != nil {
		t.Fatal(err)
	}
	if r := a.Catalogue().Menage("M3"); r.DALO {
		t.Errorf("row = %+v", r)
	}
	if err := a.SaveDemande(&model.Demande{NUR: "bad", Menage: "M3", DateDepot: date(2026, 2, 1)}, true); model.ErrorCode(err) != model.EINVALID {
		t.Errorf("bad NUR: %v", err)
	}
}

func TestApp_WindowSize(t *testing.T) {
	a := MustOpenApp(t)
	if _, _, ok := a.WindowSize(); ok {
		t.Error("no size stored yet")
	}
	if err := a.SaveWindowSize(1200, 800); err != nil {
		t.Fatal(err)
	}
	if w, h, ok := a.WindowSize(); !ok || w != 1200 || h != 800 {
		t.Errorf("size = %v × %v %v", w, h, ok)
	}
	before, _ := a.DB.Journal(0)
	if err := a.SaveWindowSize(1200, 800); err != nil {
		t.Fatal(err)
	}
	if after, _ := a.DB.Journal(0); len(after) != len(before) {
		t.Error("an unchanged size is not written again")
	}
}
