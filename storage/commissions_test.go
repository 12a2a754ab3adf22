package storage_test

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"logis/model"
	"logis/storage"
)

func newCommission(id string) *model.Commission {
	return &model.Commission{ID: id, Date: model.NewDate(2026, time.December, 3), Lieu: "Siège, Arcueil",
		Commune: "Arcueil", Type: model.CommissionAttribution, Statut: model.EnPreparation,
		Membres: []model.Membre{{Nom: "Mme Durand", Qualite: "Administratrice", Voix: true, Present: true}}}
}

func TestDB_PutCommission(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		db := MustOpenDB(t)
		c := newCommission("C2026-001")
		c.Logements = []model.DossierLogement{{Logement: "L1", Candidats: []model.Candidat{{NUR: "1111023517879GDPUB", Menage: "M1", RangPropo: 1,
			Decision: &model.Decision{Type: model.AttributionClassee, Rang: 1}}}}}
		MustUpdate(t, db, "Import", func(tx *storage.Tx) error {
			if err := tx.PutLogement(newLogement("L1", "R1")); err != nil {
				return err
			}
			if err := tx.PutMenage(newMenage("M1", "", 1)); err != nil {
				return err
			}
			return tx.PutDemande(newDemande("1111023517879GDPUB", "M1"))
		})
		MustUpdate(t, db, "Nouvelle commission", func(tx *storage.Tx) error { return tx.PutCommission(c) })
		db = MustReopenDB(t, db)
		var got *model.Commission
		if err := db.View(func(tx *storage.Tx) (err error) { got, err = tx.Commission("C2026-001"); return err }); err != nil {
			t.Fatal(err)
		}
		if got.Lieu != c.Lieu || got.Date != c.Date || len(got.Logements) != 1 || got.Logements[0].Candidats[0].Decision.Rang != 1 {
			t.Fatalf("got %+v", got)
		}
		j, err := MustLastWrites(t, db, 1), error(nil)
		if err != nil || len(j) != 1 || j[0].Action != "Nouvelle commission" || len(j[0].Changements) != 1 ||
			j[0].Changements[0].Type != "commission" || j[0].Changements[0].Cle != "C2026-001" {
			t.Fatalf("journal = %+v, %v", j, err)
		}
	})
	t.Run("ErrInvalid", func(t *testing.T) {
		db := MustOpenDB(t)
		noPlace := newCommission("C2026-001")
		noPlace.Lieu = " "
		for name, c := range map[string]*model.Commission{"Nil": nil, "NoPlace": noPlace, "BadKey": newCommission("C\x00")} {
			err := db.Update("x", func(tx *storage.Tx) error { return tx.PutCommission(c) })
			if model.ErrorCode(err) != model.EINVALID {
				t.Errorf("%s: err = %v", name, err)
			}
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		db := MustOpenDB(t)
		err := db.View(func(tx *storage.Tx) error { _, err := tx.Commission("C2026-009"); return err })
		if model.ErrorCode(err) != model.ENOTFOUND || !strings.Contains(model.ErrorMessage(err), "C2026-009") {
			t.Fatalf("err = %v", err)
		}
	})
}

func TestDB_ForEachCommission(t *testing.T) {
	db := MustOpenDB(t)
	MustUpdate(t, db, "x", func(tx *storage.Tx) error {
		for _, id := range []string{"C2026-002", "C2025-010", "C2026-001"} {
			if err := tx.PutCommission(newCommission(id)); err != nil {
				return err
			}
		}
		return nil
	})
	var ids []string
	var kept []model.Commission
	if err := db.View(func(tx *storage.Tx) error {
		return tx.ForEachCommission(func(c *model.Commission) error {
			ids = append(ids, c.ID)
			kept = append(kept, *c)
			return nil
		})
	}); err != nil {
		t.Fatal(err)
	}
	if strings.Join(ids, ",") != "C2025-010,C2026-001,C2026-002" || kept[0].ID != "C2025-010" || len(kept[2].Membres) != 1 {
		t.Fatalf("ids = %v", ids)
	}
}

func TestDB_DeleteCommission(t *testing.T) {
	db := MustOpenDB(t)
	closed := newCommission("C2026-002")
	closed.Statut = model.Close
	MustUpdate(t, db, "x", func(tx *storage.Tx) error {
		if err := tx.PutCommission(newCommission("C2026-001")); err != nil {
			return err
		}
		return tx.PutCommission(closed)
	})
	t.Run("OK", func(t *testing.T) {
		MustUpdate(t, db, "Suppression", func(tx *storage.Tx) error { return tx.DeleteCommission("C2026-001") })
		err := db.View(func(tx *storage.Tx) error { _, err := tx.Commission("C2026-001"); return err })
		if model.ErrorCode(err) != model.ENOTFOUND {
			t.Fatalf("still there: %v", err)
		}
	})
	t.Run("ErrClosed", func(t *testing.T) {
		err := db.Update("x", func(tx *storage.Tx) error { return tx.DeleteCommission("C2026-002") })
		if model.ErrorCode(err) != model.ECONFLICT || !strings.Contains(model.ErrorMessage(err), "close") {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		err := db.Update("x", func(tx *storage.Tx) error { return tx.DeleteCommission("C2026-404") })
		if model.ErrorCode(err) != model.ENOTFOUND {
			t.Fatalf("err = %v", err)
		}
	})
}

func TestDB_NextCommissionID(t *testing.T) {
	db := MustOpenDB(t)
	var ids []string
	MustUpdate(t, db, "x", func(tx *storage.Tx) error {
		if err := tx.PutCommission(newCommission("C2026-002")); err != nil { // restored from a backup
			return err
		}
		for _, y := range []int{2026, 2026, 2027} {
			id, err := tx.NextCommissionID(y)
			if err != nil {
				return err
			}
			ids = append(ids, id)
			if err := tx.PutCommission(newCommission(id)); err != nil {
				return err
			}
		}
		return nil
	})
	if got := strings.Join(ids, ","); got != "C2026-001,C2026-003,C2027-001" {
		t.Fatalf("ids = %s", got)
	}
	err := db.View(func(tx *storage.Tx) error { _, err := tx.NextCommissionID(2026); return err })
	if err == nil {
		t.Fatal("NextCommissionID in a read transaction")
	}
}

func TestDB_MigrationSchema2(t *testing.T) {
	path := filepath.Join(t.TempDir(), "logis.db")
	if err := storage.MakeClearBase(path, 1, []*model.Logement{newLogement("L1", "")}, nil); err != nil {
		t.Fatal(err)
	}
	db := MustOpenDBAt(t, path)
	MustUpdate(t, db, "Nouvelle commission", func(tx *storage.Tx) error { return tx.PutCommission(newCommission("C2026-001")) })
	j, err := db.Journal(2)
	if err != nil || len(j) != 2 || !strings.Contains(j[1].Action, "format n° 1 → n° ") {
		t.Fatalf("journal = %+v, %v", j, err)
	}
	if c := MustCounts(t, db); c.Logements != 1 {
		t.Fatalf("data lost by the migration: %+v", c)
	}
}
