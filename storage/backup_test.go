package storage_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"logis/model"
	"logis/storage"
)

func TestDB_Backup(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		db := MustOpenDB(t)
		MustUpdate(t, db, "Import", func(tx *storage.Tx) error {
			for i := 0; i < 50; i++ {
				ref := fmt.Sprintf("L%03d", i)
				if err := tx.PutLogement(newLogement(ref, "")); err != nil {
					return err
				}
				if err := tx.PutMenage(newMenage(fmt.Sprintf("M%03d", i), ref, 1+i%4)); err != nil {
					return err
				}
			}
			return nil
		})
		dest := filepath.Join(t.TempDir(), "sauvegardes", "logis-2026-11-22.db")
		if err := db.Backup(dest); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(dest + ".tmp"); !os.IsNotExist(err) {
			t.Fatalf("temporary file left: %v", err)
		}
		// The backup can be taken again over the previous one.
		if err := db.Backup(dest); err != nil {
			t.Fatal(err)
		}
		copy := MustOpenDBAt(t, dest)
		if got, want := MustCounts(t, copy), MustCounts(t, db); got != want {
			t.Fatalf("backup counts %+v, want %+v", got, want)
		}
		if got := occupants(t, copy, "L007"); len(got) != 1 || got[0] != "M007" {
			t.Fatalf("occupants in the backup = %v", got)
		}
	})

	t.Run("ErrOpenDatabase", func(t *testing.T) {
		db := MustOpenDB(t)
		err := db.Backup(db.Path())
		if model.ErrorCode(err) != model.EINVALID {
			t.Fatalf("err = %v", err)
		}
	})

	t.Run("ErrUnwritable", func(t *testing.T) {
		db := MustOpenDB(t)
		file := filepath.Join(t.TempDir(), "fichier")
		if err := os.WriteFile(file, nil, 0o600); err != nil {
			t.Fatal(err)
		}
		dest := filepath.Join(file, "logis.db") // a file as directory
		err := db.Backup(dest)
		if model.ErrorCode(err) != model.EINTERNAL || !strings.Contains(model.ErrorMessage(err), "« logis.db » n'a pas pu être écrite") {
			t.Fatalf("err = %v", err)
		}
	})
}
