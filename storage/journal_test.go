package storage_test

import (
	"bytes"
	"fmt"
	"strconv"
	"testing"

	"logis/model"
	"logis/storage"
)

func TestDB_Journal(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		db := MustOpenDB(t)
		MustUpdate(t, db, "Nouveau ménage", func(tx *storage.Tx) error {
			if err := tx.PutLogement(newLogement("L1", "")); err != nil {
				return err
			}
			return tx.PutMenage(newMenage("M1", "L1", 2))
		})
		j, err := db.Journal(0)
		if err != nil {
			t.Fatal(err)
		}
		if len(j) != 2 {
			t.Fatalf("%d entries", len(j))
		}
		e := j[0] // newest first
		if e.Action != "Nouveau ménage" || e.Utilisateur != "agent.test" || !e.Quand.Equal(fixedNow) || e.Seq != 2 {
			t.Fatalf("entry = %+v", e)
		}
		want := []model.Changement{
			{Type: "logement", Cle: "L1", Op: "création"},
			{Type: "menage", Cle: "M1", Op: "création"},
		}
		if !equalJSON(t, e.Changements, want) {
			t.Fatalf("changes = %+v", e.Changements)
		}
		if j, _ := db.Journal(1); len(j) != 1 || j[0].Seq != 2 {
			t.Fatalf("limit 1: %+v", j)
		}
	})

	t.Run("FieldNamesNotValues", func(t *testing.T) {
		db := MustOpenDB(t)
		MustUpdate(t, db, "Nouveau ménage", func(tx *storage.Tx) error { return tx.PutMenage(newMenage("M1", "", 2)) })
		const income = 3141593 // 31 415,93 €, found nowhere else
		m := newMenage("M1", "", 2)
		m.Ressources.RevenuFiscal = model.Cents(income)
		m.Personnes[1].Handicap = true
		MustUpdate(t, db, "Mise à jour des ressources", func(tx *storage.Tx) error { return tx.PutMenage(m) })

		j, _ := db.Journal(1)
		want := []model.Changement{{Type: "menage", Cle: "M1", Op: "modification", Champs: []string{"personnes", "ressources"}}}
		if !equalJSON(t, j[0].Changements, want) {
			t.Fatalf("changes = %+v", j[0].Changements)
		}
		raw, err := storage.RawJournal(db)
		if err != nil {
			t.Fatal(err)
		}
		_ = db.View(func(tx *storage.Tx) error {
			if got, err := tx.Menage("M1"); err != nil || got.Ressources.RevenuFiscal != income {
				t.Fatalf("the income should be stored in the record: %+v %v", got, err)
			}
			return nil
		})
		for _, secret := range []string{strconv.Itoa(income), "Martin", "handicap", "P1"} {
			if bytes.Contains(raw, []byte(secret)) {
				t.Errorf("the journal holds %q: %s", secret, raw)
			}
		}
	})

	t.Run("IdenticalPutRecordsNothing", func(t *testing.T) {
		db := MustOpenDB(t)
		MustUpdate(t, db, "Nouveau logement", func(tx *storage.Tx) error { return tx.PutLogement(newLogement("L1", "")) })
		MustUpdate(t, db, "Enregistrer", func(tx *storage.Tx) error { return tx.PutLogement(newLogement("L1", "")) })
		j, _ := db.Journal(1)
		if j[0].Action != "Enregistrer" || len(j[0].Changements) != 0 || len(j[0].Totaux) != 0 {
			t.Fatalf("entry = %+v", j[0])
		}
	})

	t.Run("TotalsBeyond500", func(t *testing.T) {
		db := MustOpenDB(t)
		MustUpdate(t, db, "Import", func(tx *storage.Tx) error {
			for i := 0; i < 600; i++ {
				if err := tx.PutLogement(newLogement(fmt.Sprintf("L%04d", i), "")); err != nil {
					return err
				}
			}
			for i := 0; i < 10; i++ {
				if err := tx.DeleteLogement(fmt.Sprintf("L%04d", i)); err != nil {
					return err
				}
			}
			return nil
		})
		j, _ := db.Journal(1)
		if len(j[0].Changements) != 0 {
			t.Fatalf("%d changes listed", len(j[0].Changements))
		}
		if want := map[string]int{"logement création": 600, "logement suppression": 10}; !equalJSON(t, j[0].Totaux, want) {
			t.Fatalf("totals = %v", j[0].Totaux)
		}
		if c := MustCounts(t, db); c.Logements != 590 {
			t.Fatalf("logements = %d", c.Logements)
		}
	})
}
