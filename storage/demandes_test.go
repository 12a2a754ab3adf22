package storage_test

import (
	"testing"

	"logis/model"
	"logis/storage"
)

func nursOf(t *testing.T, db *storage.DB, id string) []string {
	t.Helper()
	var nurs []string
	err := db.View(func(tx *storage.Tx) error {
		ds, err := tx.DemandesOfMenage(id)
		for _, d := range ds {
			nurs = append(nurs, d.NUR)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return nurs
}

func TestDB_PutDemande(t *testing.T) {
	const nur = "1111023517879GDPUB"
	setup := func(t *testing.T) *storage.DB {
		db := MustOpenDB(t)
		MustUpdate(t, db, "Préparation", func(tx *storage.Tx) error {
			for _, id := range []string{"M1", "M2"} {
				if err := tx.PutMenage(newMenage(id, "", 1)); err != nil {
					return err
				}
			}
			return nil
		})
		return db
	}

	t.Run("OK", func(t *testing.T) {
		db := setup(t)
		d := newDemande(nur, "M1")
		d.DALO, d.Priorites = true, []int{7}
		MustUpdate(t, db, "Nouvelle demande", func(tx *storage.Tx) error { return tx.PutDemande(d) })
		_ = db.View(func(tx *storage.Tx) error {
			got, err := tx.Demande(nur)
			if err != nil || !equalJSON(t, got, d) {
				t.Fatalf("got %+v, %v", got, err)
			}
			return nil
		})
		if got := nursOf(t, db, "M1"); len(got) != 1 || got[0] != nur {
			t.Fatalf("demandes of M1 = %v", got)
		}
	})

	t.Run("ErrInvalid", func(t *testing.T) {
		db := setup(t)
		for name, d := range map[string]*model.Demande{
			"BadNUR":   newDemande("12AB", "M1"),
			"NoMenage": newDemande(nur, ""),
			"NoDate":   func() *model.Demande { d := newDemande(nur, "M1"); d.DateDepot = 0; return d }(),
			"Nil":      nil,
		} {
			err := db.Update("Nouvelle demande", func(tx *storage.Tx) error { return tx.PutDemande(d) })
			if model.ErrorCode(err) != model.EINVALID {
				t.Errorf("%s: err = %v", name, err)
			}
		}
	})

	t.Run("ChangeMenage", func(t *testing.T) {
		db := setup(t)
		MustUpdate(t, db, "Nouvelle demande", func(tx *storage.Tx) error { return tx.PutDemande(newDemande(nur, "M1")) })
		MustUpdate(t, db, "Rattachement", func(tx *storage.Tx) error { return tx.PutDemande(newDemande(nur, "M2")) })
		if got := nursOf(t, db, "M1"); len(got) != 0 {
			t.Fatalf("demandes of M1 = %v", got)
		}
		if got := nursOf(t, db, "M2"); len(got) != 1 {
			t.Fatalf("demandes of M2 = %v", got)
		}
		if c := MustCounts(t, db); c.Demandes != 1 {
			t.Fatalf("demandes = %d", c.Demandes)
		}
		// Deleting M1 leaves the demande, now M2's.
		MustUpdate(t, db, "Suppression", func(tx *storage.Tx) error { return tx.DeleteMenage("M1") })
		if c := MustCounts(t, db); c.Demandes != 1 {
			t.Fatalf("demandes = %d", c.Demandes)
		}
	})
}

func TestDB_DeleteDemande(t *testing.T) {
	const nur = "1111023517879GDPUB"
	t.Run("OK", func(t *testing.T) {
		db := MustOpenDB(t)
		MustUpdate(t, db, "Préparation", func(tx *storage.Tx) error {
			if err := tx.PutMenage(newMenage("M1", "", 1)); err != nil {
				return err
			}
			return tx.PutDemande(newDemande(nur, "M1"))
		})
		MustUpdate(t, db, "Radiation", func(tx *storage.Tx) error { return tx.DeleteDemande(nur) })
		if got := nursOf(t, db, "M1"); len(got) != 0 {
			t.Fatalf("demandes of M1 = %v", got)
		}
		if c := MustCounts(t, db); c.Demandes != 0 || c.Menages != 1 {
			t.Fatalf("counts = %+v", c)
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		db := MustOpenDB(t)
		err := db.Update("Radiation", func(tx *storage.Tx) error { return tx.DeleteDemande(nur) })
		if model.ErrorCode(err) != model.ENOTFOUND {
			t.Fatalf("err = %v", err)
		}
	})
}

func TestDB_ForEachDemande(t *testing.T) {
	db := MustOpenDB(t)
	MustUpdate(t, db, "Import", func(tx *storage.Tx) error {
		if err := tx.PutMenage(newMenage("M1", "", 1)); err != nil {
			return err
		}
		a := newDemande("1111023517879GDPUB", "M1")
		a.Priorites = []int{3, 13}
		b := newDemande("1111023517880GDPUB", "M1")
		b.Typologies, b.Communes = nil, nil
		for _, d := range []*model.Demande{b, a} {
			if err := tx.PutDemande(d); err != nil {
				return err
			}
		}
		return nil
	})
	var kept []model.Demande
	_ = db.View(func(tx *storage.Tx) error {
		return tx.ForEachDemande(func(d *model.Demande) error { kept = append(kept, *d); return nil })
	})
	if len(kept) != 2 || len(kept[0].Priorites) != 2 || kept[1].Priorites != nil || kept[1].Typologies != nil {
		t.Fatalf("got %+v", kept)
	}
}
