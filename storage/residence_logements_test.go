package storage_test

import (
	"reflect"
	"testing"

	"logis/model"
	"logis/storage"
)

func TestDB_LogementsOfResidence(t *testing.T) {
	db := MustOpenDB(t)
	MustUpdate(t, db, "fixtures", func(tx *storage.Tx) error {
		for _, l := range []*model.Logement{newLogement("B2", "R1"), newLogement("A1", "R1"), newLogement("C3", "R2")} {
			if err := tx.PutLogement(l); err != nil {
				return err
			}
		}
		return nil
	})
	// Moving a dwelling to another residence moves it in the index.
	MustUpdate(t, db, "move", func(tx *storage.Tx) error {
		l := newLogement("C3", "R1")
		return tx.PutLogement(l)
	})
	db.View(func(tx *storage.Tx) error {
		got, err := tx.LogementsOfResidence("R1")
		if err != nil || !reflect.DeepEqual(got, []string{"A1", "B2", "C3"}) {
			t.Errorf("R1 = %v, %v", got, err)
		}
		if got, err := tx.LogementsOfResidence("R2"); err != nil || len(got) != 0 {
			t.Errorf("R2 = %v, %v", got, err)
		}
		if _, err := tx.LogementsOfResidence(""); model.ErrorCode(err) != model.EINVALID {
			t.Errorf("empty code: %v", err)
		}
		return nil
	})
}
