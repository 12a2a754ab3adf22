package storage_test

import (
	"encoding/json"
	"logis/model"
	"strings"
	"testing"

	"logis/storage"
)

func TestDB_Check(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		db := MustOpenDB(t)
		MustUpdate(t, db, "Import", func(tx *storage.Tx) error {
			if err := tx.PutLogement(newLogement("L1", "R1")); err != nil {
				return err
			}
			if err := tx.PutMenage(newMenage("M1", "L1", 2)); err != nil {
				return err
			}
			return tx.PutDemande(newDemande("1111023517879GDPUB", "M1"))
		})
		if problems, err := db.Check(); err != nil || len(problems) != 0 {
			t.Fatalf("%v %v", problems, err)
		}
	})

	t.Run("Problems", func(t *testing.T) {
		db, err := storage.Open(t.TempDir()+"/logis.db", testOptions())
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		MustUpdate(t, db, "Import", func(tx *storage.Tx) error {
			if err := tx.PutMenage(newMenage("M1", "L1", 2)); err != nil { // L1 absent
				return err
			}
			return tx.PutDemande(newDemande("1111023517879GDPUB", "M9")) // M9 absent
		})
		if err := storage.DeleteOccupantIndex(db, "L1", "M1"); err != nil {
			t.Fatal(err)
		}
		problems, err := db.Check()
		if err != nil {
			t.Fatal(err)
		}
		got := strings.Join(problems, "\n")
		for _, want := range []string{
			"Le ménage « M1 » a un bail sur le logement « L1 », absent de la base.",
			"La demande « 1111023517879GDPUB » appartient au ménage « M9 », absent de la base.",
			"L'index des occupants par logement ne mentionne pas « M1 » sous « L1 ».",
		} {
			if !strings.Contains(got, want) {
				t.Errorf("missing %q in:\n%s", want, got)
			}
		}
		if len(problems) != 3 {
			t.Errorf("%d problems:\n%s", len(problems), got)
		}
	})

	t.Run("Counters", func(t *testing.T) {
		db, err := storage.Open(t.TempDir()+"/logis.db", testOptions())
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		raw, _ := json.Marshal(newResidence("R1"))
		if err := storage.PutRaw(db, "residences", "R1", raw); err != nil {
			t.Fatal(err)
		}
		problems, err := db.Check()
		if err != nil {
			t.Fatal(err)
		}
		if want := "Le compteur de résidences indique 0 alors que la base en contient 1."; len(problems) != 1 || problems[0] != want {
			t.Fatalf("problems = %q", problems)
		}
	})
}

func TestDB_Check_Commissions(t *testing.T) {
	t.Run("ErrMissingDwelling", func(t *testing.T) {
		db := MustOpenDB(t)
		c := &model.Commission{ID: "C2026-001", Date: model.NewDate(2026, 11, 5), Lieu: "Siège", Type: model.CommissionAttribution,
			Statut: model.EnPreparation, Logements: []model.DossierLogement{{Logement: "ABSENT-1"}}}
		if err := db.Update("test", func(tx *storage.Tx) error { return tx.PutCommission(c) }); err != nil {
			t.Fatal(err)
		}
		probs, err := db.Check()
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, p := range probs {
			found = found || strings.Contains(p, "examine le logement « ABSENT-1 », absent de la base")
		}
		if !found {
			t.Fatalf("problems = %q", probs)
		}
		// Remove the session: the database is consistent again for the cleanup check.
		if err := db.Update("test", func(tx *storage.Tx) error { return tx.DeleteCommission("C2026-001") }); err != nil {
			t.Fatal(err)
		}
	})
}
