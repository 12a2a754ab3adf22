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
	t.Run("StaleTempRemoved", func(t *testing.T) {
		db := MustOpenDB(t)
		dir := t.TempDir()
		stale := filepath.Join(dir, ".copie.db.123456.tmp") // a backup killed half-way
		if err := os.WriteFile(stale, []byte("données personnelles"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := db.Backup(filepath.Join(dir, "copie.db")); err != nil {
			t.Fatal(err)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 1 || entries[0].Name() != "copie.db" {
			t.Fatalf("files: %v", entries)
		}
	})

	t.Run("ErrWriteFails", func(t *testing.T) {
		db := MustOpenDB(t)
		dir := t.TempDir()
		restore := storage.FailCopies()
		err := db.Backup(filepath.Join(dir, "copie.db"))
		restore()
		if model.ErrorCode(err) != model.EINTERNAL || !strings.Contains(model.ErrorMessage(err), "« copie.db » n'a pas pu être écrite") {
			t.Fatalf("err = %v", err)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 0 {
			t.Fatalf("left behind: %v", entries)
		}
	})
}

// A migration whose copy cannot be written does not migrate.
func TestDB_MigrationCopyFails(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "logis.db")
	db, err := storage.Open(path, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	if err := storage.DowngradeToSchema2(db); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before, _ := os.ReadFile(path)
	restore := storage.FailCopies()
	_, err = storage.Open(path, testOptions())
	restore()
	if err == nil || !strings.Contains(model.ErrorMessage(err), "n'a pas pu être écrite ; elle n'a pas été modifiée") {
		t.Fatalf("err = %v", err)
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Fatal("the base was changed")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("left behind: %v", entries)
	}
	MustOpenDBAt(t, path) // migrates now that copies work
}
