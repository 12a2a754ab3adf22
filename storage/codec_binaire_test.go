package storage_test

import (
	"encoding/json"
	"testing"

	"logis/model"
	"logis/storage"
)

func TestBinaryRecords(t *testing.T) {
	t.Run("SameValuesAsJSON", func(t *testing.T) {
		db := MustOpenDB(t)
		m := newMenage("M1", "L1", 3)
		m.Personnes[1].Handicap = true
		r, l, d := newResidence("R1"), newLogement("L1", "R1"), newDemande("0940123400001GD94A", "M1")
		MustUpdate(t, db, "x", func(tx *storage.Tx) error {
			for _, f := range []func() error{
				func() error { return tx.PutResidence(r) }, func() error { return tx.PutLogement(l) },
				func() error { return tx.PutMenage(m) }, func() error { return tx.PutDemande(d) },
			} {
				if err := f(); err != nil {
					return err
				}
			}
			return nil
		})
		db = MustReopenDB(t, db)
		_ = db.View(func(tx *storage.Tx) error {
			gm, err1 := tx.Menage("M1")
			gl, err2 := tx.Logement("L1")
			gd, err3 := tx.Demande("0940123400001GD94A")
			gr, err4 := tx.Residence("R1")
			for _, err := range []error{err1, err2, err3, err4} {
				if err != nil {
					t.Fatal(err)
				}
			}
			for _, p := range [][2]any{{gm, m}, {gl, l}, {gd, d}, {gr, r}} {
				if !equalJSON(t, p[0], p[1]) {
					a, _ := json.Marshal(p[0])
					b, _ := json.Marshal(p[1])
					t.Errorf("read back:\n%s\nwant\n%s", a, b)
				}
			}
			return nil
		})
	})

	t.Run("JSONRecordOfEarlierVersion", func(t *testing.T) {
		db := MustOpenDB(t)
		MustUpdate(t, db, "x", func(tx *storage.Tx) error { return tx.PutMenage(newMenage("M1", "", 2)) })
		old, _ := json.Marshal(newMenage("M1", "", 2))
		if err := storage.PutRaw(db, "menages", "M1", old); err != nil { // sealed JSON, as before
			t.Fatal(err)
		}
		m := newMenage("M1", "", 2)
		m.Ressources.RevenuFiscal = model.Euros(30000)
		MustUpdate(t, db, "Ressources", func(tx *storage.Tx) error {
			got, err := tx.Menage("M1")
			if err != nil || len(got.Personnes) != 2 {
				t.Fatalf("JSON record read: %+v %v", got, err)
			}
			return tx.PutMenage(m)
		})
		j := MustLastWrites(t, db, 1)
		if ch := j[0].Changements; len(ch) != 1 || len(ch[0].Champs) != 1 || ch[0].Champs[0] != "ressources" {
			t.Fatalf("changes = %+v", ch)
		}
		// Saved again unchanged: nothing is written.
		MustUpdate(t, db, "Rien", func(tx *storage.Tx) error { return tx.PutMenage(m) })
		if j := MustLastWrites(t, db, 1); len(j[0].Changements) != 0 {
			t.Fatalf("identical save journaled %+v", j[0].Changements)
		}
	})
}
