package storage_test

import (
	"testing"

	"logis/model"
	"logis/storage"
)

func occupants(t *testing.T, db *storage.DB, ref string) []string {
	t.Helper()
	var ids []string
	err := db.View(func(tx *storage.Tx) error {
		ms, err := tx.OccupantsOf(ref)
		for _, m := range ms {
			ids = append(ids, m.ID)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

func TestDB_PutMenage(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		db := MustOpenDB(t)
		MustUpdate(t, db, "Nouveau ménage", func(tx *storage.Tx) error {
			if err := tx.PutLogement(newLogement("L1", "")); err != nil {
				return err
			}
			return tx.PutMenage(newMenage("M1", "L1", 3))
		})
		if got := occupants(t, db, "L1"); len(got) != 1 || got[0] != "M1" {
			t.Fatalf("occupants = %v", got)
		}
		if c := MustCounts(t, db); c.Menages != 1 || c.Personnes != 3 {
			t.Fatalf("counts = %+v", c)
		}
	})

	t.Run("ErrInvalid", func(t *testing.T) {
		db := MustOpenDB(t)
		bad := newMenage("M1", "", 2)
		bad.Personnes[1].Nom = ""
		for name, m := range map[string]*model.Menage{
			"NoID":     newMenage("", "", 1),
			"NoName":   bad,
			"Negative": func() *model.Menage { m := newMenage("M2", "", 1); m.Ressources.APL = -1; return m }(),
			"Nil":      nil,
		} {
			err := db.Update("Nouveau ménage", func(tx *storage.Tx) error { return tx.PutMenage(m) })
			if model.ErrorCode(err) != model.EINVALID {
				t.Errorf("%s: err = %v", name, err)
			}
		}
		if c := MustCounts(t, db); c.Menages != 0 || c.Personnes != 0 {
			t.Fatalf("counts = %+v", c)
		}
	})

	t.Run("MoveDwelling", func(t *testing.T) {
		db := MustOpenDB(t)
		MustUpdate(t, db, "Préparation", func(tx *storage.Tx) error {
			for _, ref := range []string{"L1", "L2"} {
				if err := tx.PutLogement(newLogement(ref, "")); err != nil {
					return err
				}
			}
			if err := tx.PutMenage(newMenage("M1", "L1", 2)); err != nil {
				return err
			}
			return tx.PutMenage(newMenage("M2", "L1", 1)) // colocation
		})
		if got := occupants(t, db, "L1"); len(got) != 2 {
			t.Fatalf("occupants of L1 = %v", got)
		}
		MustUpdate(t, db, "Mutation", func(tx *storage.Tx) error { return tx.PutMenage(newMenage("M1", "L2", 2)) })
		if got := occupants(t, db, "L1"); len(got) != 1 || got[0] != "M2" {
			t.Fatalf("occupants of L1 = %v", got)
		}
		if got := occupants(t, db, "L2"); len(got) != 1 || got[0] != "M1" {
			t.Fatalf("occupants of L2 = %v", got)
		}
		MustUpdate(t, db, "Fin de bail", func(tx *storage.Tx) error { return tx.PutMenage(newMenage("M2", "", 1)) })
		if got := occupants(t, db, "L1"); len(got) != 0 {
			t.Fatalf("occupants of L1 = %v", got)
		}
		db = MustReopenDB(t, db)
		if got := occupants(t, db, "L2"); len(got) != 1 || got[0] != "M1" {
			t.Fatalf("after reopen, occupants of L2 = %v", got)
		}
	})

	t.Run("PersonnesCounter", func(t *testing.T) {
		db := MustOpenDB(t)
		MustUpdate(t, db, "Import", func(tx *storage.Tx) error {
			for i, n := range []int{1, 2, 3, 4} {
				if err := tx.PutMenage(newMenage(string(rune('A'+i)), "", n)); err != nil {
					return err
				}
			}
			return nil
		})
		if c := MustCounts(t, db); c.Personnes != 10 || c.Menages != 4 {
			t.Fatalf("counts = %+v", c)
		}
		MustUpdate(t, db, "Naissance", func(tx *storage.Tx) error { return tx.PutMenage(newMenage("A", "", 2)) })
		MustUpdate(t, db, "Départ", func(tx *storage.Tx) error { return tx.PutMenage(newMenage("D", "", 1)) })
		if c := MustCounts(t, db); c.Personnes != 8 {
			t.Fatalf("personnes = %d, want 8", c.Personnes)
		}
		MustUpdate(t, db, "Suppression", func(tx *storage.Tx) error { return tx.DeleteMenage("C") })
		db = MustReopenDB(t, db)
		if c := MustCounts(t, db); c.Personnes != 5 || c.Menages != 3 {
			t.Fatalf("counts = %+v, want 5 personnes, 3 ménages", c)
		}
	})
}

func TestDB_DeleteMenage(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		db := MustOpenDB(t)
		MustUpdate(t, db, "Préparation", func(tx *storage.Tx) error {
			if err := tx.PutLogement(newLogement("L1", "")); err != nil {
				return err
			}
			if err := tx.PutMenage(newMenage("M1", "L1", 2)); err != nil {
				return err
			}
			if err := tx.PutMenage(newMenage("M2", "", 1)); err != nil {
				return err
			}
			for _, d := range []*model.Demande{newDemande("1111023517879GDPUB", "M1"), newDemande("1111023517880GDPUB", "M1"), newDemande("1111023517881GDPUB", "M2")} {
				if err := tx.PutDemande(d); err != nil {
					return err
				}
			}
			return nil
		})
		MustUpdate(t, db, "Suppression", func(tx *storage.Tx) error { return tx.DeleteMenage("M1") })
		if c, want := MustCounts(t, db), (storage.Counts{Logements: 1, Menages: 1, Personnes: 1, Demandes: 1}); c != want {
			t.Fatalf("counts = %+v, want %+v", c, want)
		}
		if got := occupants(t, db, "L1"); len(got) != 0 {
			t.Fatalf("occupants = %v", got)
		}
		// The dwelling is free again.
		MustUpdate(t, db, "Suppression", func(tx *storage.Tx) error { return tx.DeleteLogement("L1") })
		j, _ := db.Journal(2)
		if len(j[1].Changements) != 3 {
			t.Fatalf("journal of the deletion = %+v", j[1].Changements)
		}
	})

	t.Run("ErrNotFound", func(t *testing.T) {
		db := MustOpenDB(t)
		err := db.Update("Suppression", func(tx *storage.Tx) error { return tx.DeleteMenage("M9") })
		if model.ErrorCode(err) != model.ENOTFOUND {
			t.Fatalf("err = %v", err)
		}
	})
}

func TestDB_ForEachMenage(t *testing.T) {
	db := MustOpenDB(t)
	MustUpdate(t, db, "Import", func(tx *storage.Tx) error {
		a := newMenage("A", "L1", 3)
		a.Adresse = model.AdresseDeLignes("Chez M. Dupont", "94110 ARCUEIL")
		a.APresenter = true
		for _, m := range []*model.Menage{a, newMenage("B", "", 1)} {
			if err := tx.PutMenage(m); err != nil {
				return err
			}
		}
		return tx.PutLogement(newLogement("L1", ""))
	})
	var kept []model.Menage
	_ = db.View(func(tx *storage.Tx) error {
		return tx.ForEachMenage(func(m *model.Menage) error {
			kept = append(kept, *m) // shallow copy
			return nil
		})
	})
	if len(kept) != 2 {
		t.Fatalf("%d ménages", len(kept))
	}
	a, b := kept[0], kept[1]
	if a.ID != "A" || len(a.Personnes) != 3 || a.Bail == nil || a.Bail.Logement != "L1" || a.Adresse == nil || a.Adresse.Voie != "Chez M. Dupont" || a.Adresse.CodePostal != "94110" || !a.APresenter {
		t.Fatalf("A = %+v", a)
	}
	if b.ID != "B" || len(b.Personnes) != 1 || b.Bail != nil || b.Adresse != nil || b.APresenter {
		t.Fatalf("fields of A leaked into B: %+v", b)
	}
	if a.Personnes[0].Prenom != "P0" || a.Personnes[0].Lien != model.Titulaire {
		t.Fatalf("the shallow copy of A was overwritten: %+v", a.Personnes[0])
	}
}
