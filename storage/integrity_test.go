package storage_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"logis/model"
	"logis/storage"
)

// openUnchecked opens path without the cleanup check of MustOpenDBAt (the
// file is damaged on purpose).
func openUnchecked(t *testing.T, path string, opts storage.Options) *storage.DB {
	t.Helper()
	db, err := storage.Open(path, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestCodec_Integrity(t *testing.T) {
	t.Run("ErrFlippedByte", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "logis.db")
		db, err := storage.Open(path, testOptions())
		if err != nil {
			t.Fatal(err)
		}
		MustUpdate(t, db, "Import", func(tx *storage.Tx) error {
			m := newMenage("M000007", "", 2)
			m.Personnes[0].Nom = "Zorglub-Fictif"
			return tx.PutMenage(m)
		})
		// The value is sealed (the name is not in the file): change one
		// byte of its ciphertext.
		v, err := storage.GetStored(db, "menages", "M000007")
		if err != nil || len(v) < 40 {
			t.Fatal(v, err)
		}
		v[len(v)/2] ^= 0x20
		if err := storage.PutStored(db, "menages", "M000007", v); err != nil {
			t.Fatal(err)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}

		ro := testOptions()
		ro.ReadOnly = true
		db = openUnchecked(t, path, ro)
		problems, err := db.Check()
		if err != nil {
			t.Fatal(err)
		}
		want := "La fiche « M000007 » du compartiment « menages » est endommagée (contrôle d'intégrité en échec)."
		if got := strings.Join(problems, "\n"); !strings.Contains(got, want) || strings.Contains(got, "orglub") {
			t.Fatalf("problems:\n%s", got)
		}
		err = db.View(func(tx *storage.Tx) error { _, err := tx.Menage("M000007"); return err })
		if model.ErrorCode(err) != model.EDAMAGED || !strings.Contains(model.ErrorMessage(err), "logis restaurer SAUVEGARDE") ||
			strings.Contains(model.ErrorMessage(err), "orglub") {
			t.Fatalf("read of the damaged record: %v", err)
		}
	})

	t.Run("ErrMovedValue", func(t *testing.T) {
		db := openUnchecked(t, filepath.Join(t.TempDir(), "logis.db"), testOptions())
		MustUpdate(t, db, "Import", func(tx *storage.Tx) error {
			if err := tx.PutMenage(newMenage("M000001", "", 1)); err != nil {
				return err
			}
			return tx.PutMenage(newMenage("M000002", "", 1))
		})
		v, err := storage.GetStored(db, "menages", "M000001")
		if err != nil || v == nil {
			t.Fatal(v, err)
		}
		if err := storage.PutStored(db, "menages", "M000002", v); err != nil {
			t.Fatal(err)
		}
		problems, err := db.Check()
		if err != nil {
			t.Fatal(err)
		}
		if want := "La fiche « M000002 » du compartiment « menages » est endommagée"; len(problems) == 0 || !strings.HasPrefix(problems[0], want) {
			t.Fatalf("problems: %q", problems)
		}
		// Saving the household again repairs it; the persons counter could
		// not know what the damaged record held, and says so.
		MustUpdate(t, db, "Réparation", func(tx *storage.Tx) error { return tx.PutMenage(newMenage("M000002", "", 1)) })
		if problems, err := db.Check(); err != nil || len(problems) != 1 || !strings.Contains(problems[0], "compteur de personnes") {
			t.Fatalf("after repair: %q %v", problems, err)
		}
	})

	t.Run("ErrOtherBuckets", func(t *testing.T) {
		db := MustOpenDB(t)
		for _, c := range []struct{ bucket, key, want string }{
			{"parametres", "office", "La fiche « office » du compartiment « parametres » est endommagée"},
			{"meta", "compteurs", "La fiche « compteurs » du compartiment « meta » est endommagée"},
			{"reglages", "fenetre", "La fiche « fenetre » du compartiment « reglages » est endommagée"},
			{"journal", "\x00\x00\x00\x00\x00\x00\x00\x01", "Journal : l'entrée n° 1 a été modifiée ou est endommagée."},
		} {
			good, err := storage.GetStored(db, c.bucket, c.key)
			if err != nil {
				t.Fatal(err)
			}
			if err := storage.PutStored(db, c.bucket, c.key, []byte{0x01, '{', '}', 0, 0, 0, 0}); err != nil {
				t.Fatal(err)
			}
			problems, err := db.Check()
			if err != nil || !strings.Contains(strings.Join(problems, "\n"), c.want) {
				t.Errorf("%s/%q: %q %v", c.bucket, c.key, problems, err)
			}
			if good == nil {
				err = storage.DeleteStored(db, c.bucket, c.key)
			} else {
				err = storage.PutStored(db, c.bucket, c.key, good)
			}
			if err != nil {
				t.Fatal(err)
			}
		}
	})

	t.Run("ErrUnknownFormat", func(t *testing.T) {
		db := MustOpenDB(t)
		MustUpdate(t, db, "Import", func(tx *storage.Tx) error { return tx.PutLogement(newLogement("L1", "")) })
		v, _ := storage.GetStored(db, "logements", "L1")
		format := v[0]
		v[0] = 0x7f
		if err := storage.PutStored(db, "logements", "L1", v); err != nil {
			t.Fatal(err)
		}
		err := db.View(func(tx *storage.Tx) error { _, err := tx.Logement("L1"); return err })
		if model.ErrorCode(err) != model.EDAMAGED || !strings.Contains(model.ErrorMessage(err), "« L1 » (compartiment « logements »)") {
			t.Fatalf("err = %v", err)
		}
		v[0] = format
		if err := storage.PutStored(db, "logements", "L1", v); err != nil {
			t.Fatal(err)
		}
	})
}

// An existing base of schema 2 (bare JSON values) is copied beside itself,
// then every value is sealed; the copy is the old file, untouched.
func TestDB_MigrationSchema3(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "office.db")
	db, err := storage.Open(path, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	MustUpdate(t, db, "Import", func(tx *storage.Tx) error {
		if err := tx.PutLogement(newLogement("L1", "")); err != nil {
			return err
		}
		if err := tx.PutMenage(newMenage("M1", "L1", 3)); err != nil {
			return err
		}
		return tx.PutDemande(newDemande("1111023517879GDPUB", "M1"))
	})
	if err := storage.DowngradeToSchema2(db); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)

	// Reading only never migrates.
	_, err = storage.Open(path, storage.Options{ReadOnly: true})
	if model.ErrorCode(err) != model.EINVALID || !strings.Contains(model.ErrorMessage(err), "ancien format (n° 2)") {
		t.Fatalf("read-only open of an old base: %v", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Fatal("the read-only open changed the file")
	}

	db = MustOpenDBAt(t, path)
	copyPath := filepath.Join(dir, "office.avant-chiffrement-20261122.db")
	_, err = storage.Open(copyPath, storage.Options{ReadOnly: true})
	if model.ErrorCode(err) != model.EINVALID || !strings.Contains(model.ErrorMessage(err), "ancien format (n° 2)") {
		t.Fatalf("the dated copy should be the base of schema 2: %v", err)
	}
	if c := MustCounts(t, db); c.Logements != 1 || c.Menages != 1 || c.Personnes != 3 || c.Demandes != 1 {
		t.Fatalf("counts after migration: %+v", c)
	}
	j, err := db.Journal(1)
	if err != nil || len(j) != 1 || j[0].Action != "Chiffrement de la base (format n° 2 → n° 4) ; copie avant chiffrement : office.avant-chiffrement-20261122.db" {
		t.Fatalf("journal: %+v %v", j, err)
	}
	v, _ := storage.GetStored(db, "menages", "M1")
	if len(v) == 0 || v[0] != 0x02 {
		t.Fatalf("value not sealed: %q", v)
	}
	if storage.DatedPath(path, "avant-chiffrement", fixedNow) != filepath.Join(dir, "office.avant-chiffrement-20261122-2.db") {
		t.Fatal("a second copy of the same day must not overwrite the first")
	}
}
