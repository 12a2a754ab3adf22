package storage_test

import (
	"encoding/json"
	"strings"
	"testing"

	"logis/model"
	"logis/storage"
)

// equalJSON compares two values by their JSON form.
func equalJSON(tb testing.TB, a, b any) bool {
	tb.Helper()
	ja, err := json.Marshal(a)
	if err != nil {
		tb.Fatal(err)
	}
	jb, err := json.Marshal(b)
	if err != nil {
		tb.Fatal(err)
	}
	return string(ja) == string(jb)
}

func TestDB_PutLogement(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		db := MustOpenDB(t)
		l := newLogement("ARC-001-0012", "R1")
		MustUpdate(t, db, "Nouveau logement", func(tx *storage.Tx) error { return tx.PutLogement(l) })
		_ = db.View(func(tx *storage.Tx) error {
			got, err := tx.Logement("ARC-001-0012")
			if err != nil {
				t.Fatal(err)
			}
			if !equalJSON(t, got, l) {
				t.Errorf("got %+v, want %+v", got, l)
			}
			got.Loyer = 0 // a copy: the store is untouched
			again, _ := tx.Logement("ARC-001-0012")
			if again.Loyer != l.Loyer {
				t.Error("the returned value aliases the store")
			}
			return nil
		})
	})

	t.Run("UpdateSameReference", func(t *testing.T) {
		db := MustOpenDB(t)
		MustUpdate(t, db, "Nouveau logement", func(tx *storage.Tx) error { return tx.PutLogement(newLogement("L1", "R1")) })
		l := newLogement("L1", "R2")
		l.Loyer = model.Euros(600)
		MustUpdate(t, db, "Modification", func(tx *storage.Tx) error { return tx.PutLogement(l) })
		if c := MustCounts(t, db); c.Logements != 1 {
			t.Fatalf("logements = %d, want 1", c.Logements)
		}
		n := 0
		_ = db.View(func(tx *storage.Tx) error {
			return tx.ForEachLogement(func(got *model.Logement) error {
				n++
				if got.Loyer != model.Euros(600) || got.Residence != "R2" {
					t.Errorf("got %+v", got)
				}
				return nil
			})
		})
		if n != 1 {
			t.Fatalf("%d logements listed", n)
		}
		// The residence index followed: R1 is empty and can go, R2 cannot.
		MustUpdate(t, db, "Résidences", func(tx *storage.Tx) error {
			if err := tx.PutResidence(newResidence("R1")); err != nil {
				return err
			}
			if err := tx.PutResidence(newResidence("R2")); err != nil {
				return err
			}
			return tx.DeleteResidence("R1")
		})
		err := db.Update("Suppression", func(tx *storage.Tx) error { return tx.DeleteResidence("R2") })
		if model.ErrorCode(err) != model.ECONFLICT {
			t.Fatalf("err = %v", err)
		}
	})

	t.Run("ErrInvalid", func(t *testing.T) {
		db := MustOpenDB(t)
		for name, l := range map[string]*model.Logement{
			"NoReference": newLogement("", ""),
			"Surface":     func() *model.Logement { l := newLogement("L1", ""); l.Surface = 0; return l }(),
			"NulInKey":    newLogement("L\x001", ""),
			"Nil":         nil,
		} {
			err := db.Update("Nouveau logement", func(tx *storage.Tx) error { return tx.PutLogement(l) })
			if model.ErrorCode(err) != model.EINVALID {
				t.Errorf("%s: err = %v", name, err)
			}
		}
		if c := MustCounts(t, db); c.Logements != 0 {
			t.Fatalf("logements = %d", c.Logements)
		}
	})

	t.Run("ErrNotFound", func(t *testing.T) {
		db := MustOpenDB(t)
		err := db.View(func(tx *storage.Tx) error { _, err := tx.Logement("L404"); return err })
		if model.ErrorCode(err) != model.ENOTFOUND || !strings.Contains(model.ErrorMessage(err), "« L404 »") {
			t.Fatalf("err = %v", err)
		}
	})
}

func TestDB_DeleteLogement(t *testing.T) {
	setup := func(t *testing.T) *storage.DB {
		db := MustOpenDB(t)
		MustUpdate(t, db, "Préparation", func(tx *storage.Tx) error {
			if err := tx.PutResidence(newResidence("R1")); err != nil {
				return err
			}
			for _, ref := range []string{"L1", "L2"} {
				if err := tx.PutLogement(newLogement(ref, "R1")); err != nil {
					return err
				}
			}
			return tx.PutMenage(newMenage("M1", "L1", 2))
		})
		return db
	}

	t.Run("OK", func(t *testing.T) {
		db := setup(t)
		MustUpdate(t, db, "Suppression", func(tx *storage.Tx) error { return tx.DeleteLogement("L2") })
		if c := MustCounts(t, db); c.Logements != 1 {
			t.Fatalf("logements = %d", c.Logements)
		}
	})

	t.Run("ErrOccupied", func(t *testing.T) {
		db := setup(t)
		err := db.Update("Suppression", func(tx *storage.Tx) error { return tx.DeleteLogement("L1") })
		if model.ErrorCode(err) != model.ECONFLICT || !strings.Contains(model.ErrorMessage(err), "M1") {
			t.Fatalf("err = %v", err)
		}
		// Once the household has left, the dwelling can go.
		MustUpdate(t, db, "Départ", func(tx *storage.Tx) error {
			m, err := tx.Menage("M1")
			if err != nil {
				return err
			}
			m.Bail = nil
			if err := tx.PutMenage(m); err != nil {
				return err
			}
			return tx.DeleteLogement("L1")
		})
	})

	t.Run("ErrNotFound", func(t *testing.T) {
		db := setup(t)
		err := db.Update("Suppression", func(tx *storage.Tx) error { return tx.DeleteLogement("L9") })
		if model.ErrorCode(err) != model.ENOTFOUND {
			t.Fatalf("err = %v", err)
		}
	})
}

func TestDB_DeleteResidence(t *testing.T) {
	t.Run("ErrConflict", func(t *testing.T) {
		db := MustOpenDB(t)
		MustUpdate(t, db, "Préparation", func(tx *storage.Tx) error {
			if err := tx.PutResidence(newResidence("R1")); err != nil {
				return err
			}
			for _, ref := range []string{"L1", "L2", "L3", "L4", "L5"} {
				if err := tx.PutLogement(newLogement(ref, "R1")); err != nil {
					return err
				}
			}
			return nil
		})
		err := db.Update("Suppression", func(tx *storage.Tx) error { return tx.DeleteResidence("R1") })
		if model.ErrorCode(err) != model.ECONFLICT {
			t.Fatalf("err = %v", err)
		}
		if msg := model.ErrorMessage(err); !strings.Contains(msg, "5 logements en font partie (L1, L2, L3…)") {
			t.Fatalf("message = %q", msg)
		}
	})

	t.Run("ErrNotFound", func(t *testing.T) {
		db := MustOpenDB(t)
		err := db.Update("Suppression", func(tx *storage.Tx) error { return tx.DeleteResidence("R9") })
		if model.ErrorCode(err) != model.ENOTFOUND {
			t.Fatalf("err = %v", err)
		}
	})
}

func TestDB_PutResidence(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		db := MustOpenDB(t)
		MustUpdate(t, db, "Nouvelle résidence", func(tx *storage.Tx) error { return tx.PutResidence(newResidence("R1")) })
		_ = db.View(func(tx *storage.Tx) error {
			r, err := tx.Residence("R1")
			if err != nil || r.Commune != "Arcueil" {
				t.Fatalf("%+v %v", r, err)
			}
			return nil
		})
	})
	t.Run("ErrInvalid", func(t *testing.T) {
		db := MustOpenDB(t)
		err := db.Update("Nouvelle résidence", func(tx *storage.Tx) error {
			return tx.PutResidence(&model.Residence{Code: "R1"})
		})
		if model.ErrorCode(err) != model.EINVALID {
			t.Fatalf("err = %v", err)
		}
	})
}

func TestDB_ForEachLogement(t *testing.T) {
	db := MustOpenDB(t)
	MustUpdate(t, db, "Import", func(tx *storage.Tx) error {
		for _, ref := range []string{"C", "A", "B"} {
			l := newLogement(ref, "")
			if ref == "A" {
				l.Contingent = "prefecture"
			}
			if err := tx.PutLogement(l); err != nil {
				return err
			}
		}
		return nil
	})
	var refs, contingents []string
	_ = db.View(func(tx *storage.Tx) error {
		return tx.ForEachLogement(func(l *model.Logement) error {
			refs = append(refs, l.Reference)
			contingents = append(contingents, l.Contingent)
			return nil
		})
	})
	if got := strings.Join(refs, ","); got != "A,B,C" {
		t.Fatalf("order = %s", got)
	}
	if got := strings.Join(contingents, ","); got != "prefecture,," {
		t.Fatalf("a field leaked from one record to the next: %q", got)
	}
}
