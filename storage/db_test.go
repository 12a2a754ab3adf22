package storage_test

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"logis/model"
	"logis/storage"
)

// fixedNow is the clock of the test databases.
var fixedNow = time.Date(2026, 11, 22, 10, 30, 0, 0, time.UTC)

// testPassword is the password of the test account « agent.test ».
const testPassword = "mot-de-passe-de-test"

// testOptions open or create a base as « agent.test » (responsable of the
// bases it creates), with the cheap key cost allowed to tests only.
func testOptions() storage.Options {
	return storage.Options{LockTimeout: 200 * time.Millisecond, User: "agent.test", Password: testPassword,
		CheapKeys: true, Now: func() time.Time { return fixedNow }}
}

// MustOpenDB opens a new database in a temporary directory. At cleanup it is
// checked (structure and consistency) and closed.
func MustOpenDB(tb testing.TB) *storage.DB {
	tb.Helper()
	return MustOpenDBAt(tb, filepath.Join(tb.TempDir(), "logis.db"))
}

// MustOpenDBAt opens the database at path, checked and closed at cleanup.
func MustOpenDBAt(tb testing.TB, path string) *storage.DB {
	tb.Helper()
	db, err := storage.Open(path, testOptions())
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { MustCloseDB(tb, db) })
	return db
}

// MustCloseDB checks then closes db (closing twice is harmless).
func MustCloseDB(tb testing.TB, db *storage.DB) {
	tb.Helper()
	if problems, err := db.Check(); err != nil && model.ErrorCode(err) != model.EINTERNAL {
		tb.Fatal(err)
	} else if len(problems) > 0 {
		tb.Fatalf("check: %s", strings.Join(problems, "\n"))
	}
	if err := db.Close(); err != nil {
		tb.Fatal(err)
	}
}

// MustReopenDB closes db and opens the same file again.
func MustReopenDB(tb testing.TB, db *storage.DB) *storage.DB {
	tb.Helper()
	MustCloseDB(tb, db)
	return MustOpenDBAt(tb, db.Path())
}

// MustLastWrites returns the n newest journal entries that are not
// sign-ins (every Open journals one).
func MustLastWrites(tb testing.TB, db *storage.DB, n int) []model.Evenement {
	tb.Helper()
	all, err := db.Journal(0)
	if err != nil {
		tb.Fatal(err)
	}
	var out []model.Evenement
	for _, e := range all {
		if e.Action != "Connexion" && len(out) < n {
			out = append(out, e)
		}
	}
	return out
}

// MustUpdate runs fn in an Update and fails the test on error.
func MustUpdate(tb testing.TB, db *storage.DB, action string, fn func(tx *storage.Tx) error) {
	tb.Helper()
	if err := db.Update(action, fn); err != nil {
		tb.Fatal(err)
	}
}

// MustCounts returns db.Counts or fails.
func MustCounts(tb testing.TB, db *storage.DB) storage.Counts {
	tb.Helper()
	c, err := db.Counts()
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

func newResidence(code string) *model.Residence {
	return &model.Residence{Code: code, Nom: "Les Tilleuls", Commune: "Arcueil"}
}

func newLogement(ref, residence string) *model.Logement {
	return &model.Logement{Reference: ref, Residence: residence, Adresse: "3 rue des Tilleuls", CodePostal: "94110",
		Commune: "Arcueil", Typologie: 3, Pieces: 3, Surface: 64.5, Etage: 2, Ascenseur: true,
		Financement: model.PLUS, Loyer: model.Euros(520), Charges: model.Euros(110)}
}

func newMenage(id, logement string, personnes int) *model.Menage {
	m := &model.Menage{ID: id, Ressources: model.Ressources{RevenuFiscal: model.Euros(23456), Mensuelles: model.Euros(1950)}}
	for i := 0; i < personnes; i++ {
		lien := model.Enfant
		if i == 0 {
			lien = model.Titulaire
		}
		m.Personnes = append(m.Personnes, model.Personne{Lien: lien, Nom: "Martin", Prenom: fmt.Sprint("P", i),
			DateNaissance: model.NewDate(1980+i, time.March, 1+i)})
	}
	if logement != "" {
		m.Bail = &model.Bail{Logement: logement, DateEntree: model.NewDate(2019, time.June, 1)}
	}
	return m
}

func newDemande(nur, menage string) *model.Demande {
	return &model.Demande{NUR: nur, Menage: menage, DateDepot: model.NewDate(2024, time.January, 15),
		Typologies: []int{3, 4}, Communes: []string{"Arcueil"}, Active: true}
}

func TestOpen(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "nouveau", "dossier", "logis.db")
		db := MustOpenDBAt(t, path)
		if db.Path() != path {
			t.Fatalf("Path = %q, want %q", db.Path(), path)
		}
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if perm := fi.Mode().Perm(); perm != 0o600 {
			t.Errorf("file mode = %o, want 600", perm)
		}
		di, err := os.Stat(filepath.Dir(path))
		if err != nil {
			t.Fatal(err)
		}
		if perm := di.Mode().Perm(); perm != 0o700 {
			t.Errorf("dir mode = %o, want 700", perm)
		}
		if c := MustCounts(t, db); c != (storage.Counts{}) {
			t.Errorf("counts of a new database = %+v", c)
		}
		j, err := db.Journal(0)
		if err != nil {
			t.Fatal(err)
		} else if len(j) != 1 || j[0].Action != "Création de la base" {
			t.Fatalf("journal of a new database = %+v", j)
		}
	})

	t.Run("ErrLocked", func(t *testing.T) {
		db := MustOpenDB(t)
		opts := testOptions()
		start := time.Now()
		_, err := storage.Open(db.Path(), opts)
		elapsed := time.Since(start)
		assertLocked(t, err, db.Path())
		t.Logf("refused after %v", elapsed)
		if elapsed > opts.LockTimeout+time.Second {
			t.Errorf("refused after %v", elapsed)
		}
		// The handle that holds it still works.
		if _, err := db.Counts(); err != nil {
			t.Fatal(err)
		}
	})

	t.Run("ErrLockedByOtherProcess", func(t *testing.T) {
		if testing.Short() {
			t.Skip("starts a process")
		}
		path := filepath.Join(t.TempDir(), "partagee.db")
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperHoldDB$")
		cmd.Env = append(os.Environ(), "LOGIS_TEST_HOLD_DB="+path)
		stdin, err := cmd.StdinPipe()
		if err != nil {
			t.Fatal(err)
		}
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		defer func() { _ = stdin.Close(); _ = cmd.Wait() }()
		line, err := bufio.NewReader(stdout).ReadString('\n')
		if err != nil || strings.TrimSpace(line) != "ready" {
			t.Fatalf("helper: %q, %v", line, err)
		}

		opts := testOptions()
		start := time.Now()
		_, err = storage.Open(path, opts)
		elapsed := time.Since(start)
		assertLocked(t, err, path)
		t.Logf("refused after %v", elapsed)
		if elapsed > opts.LockTimeout+time.Second {
			t.Errorf("refused after %v", elapsed)
		}

		// A restore is refused while the other process holds it.
		if err := storage.InUse(path); model.ErrorCode(err) != model.ELOCKED {
			t.Errorf("InUse while held by another process: %v", err)
		}

		// Once the other process has closed it, the file opens.
		_ = stdin.Close()
		if err := cmd.Wait(); err != nil {
			t.Fatal(err)
		}
		if err := storage.InUse(path); err != nil {
			t.Errorf("InUse once released: %v", err)
		}
		MustOpenDBAt(t, path)
	})

	t.Run("ReopenAfterClose", func(t *testing.T) {
		db := MustOpenDB(t)
		db = MustReopenDB(t, db)
		if j, err := db.Journal(0); err != nil || len(j) != 2 || j[0].Action != "Connexion" || j[0].Utilisateur != "agent.test" {
			t.Fatalf("journal after reopen: %+v, %v", j, err)
		}
	})

	t.Run("ErrNotADatabase", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "notes.txt")
		if err := os.WriteFile(path, []byte(strings.Repeat("Ceci n'est pas une base.\n", 1000)), 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := storage.Open(path, testOptions())
		if code := model.ErrorCode(err); code != model.EDAMAGED {
			t.Fatalf("code = %q (%v)", code, err)
		}
		if msg := model.ErrorMessage(err); !strings.Contains(msg, "« notes.txt » n'est pas une base Logis") {
			t.Fatalf("message = %q", msg)
		}
		if cause := errors.Unwrap(err); cause == nil || strings.Contains(model.ErrorMessage(err), cause.Error()) {
			t.Fatalf("the technical cause should be kept apart from the message: %v", cause)
		}
	})

	t.Run("ErrSchemaNewer", func(t *testing.T) {
		db := MustOpenDB(t)
		path := db.Path()
		if err := storage.SetSchemaVersion(db, storage.SchemaVersion+1); err != nil {
			t.Fatal(err)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
		_, err := storage.Open(path, testOptions())
		if code := model.ErrorCode(err); code != model.EINVALID {
			t.Fatalf("code = %q (%v)", code, err)
		}
		want := fmt.Sprintf("format n° %d ; ce programme lit jusqu'au format n° %d", storage.SchemaVersion+1, storage.SchemaVersion)
		if msg := model.ErrorMessage(err); !strings.Contains(msg, "version plus récente de Logis") || !strings.Contains(msg, want) {
			t.Fatalf("message = %q", msg)
		}
		// The refusal released the file.
		db2, err := storage.Open(path, testOptions())
		if model.ErrorCode(err) != model.EINVALID || db2 != nil {
			t.Fatalf("second attempt: %v", err)
		}
	})
}

// multiError is an error type that cannot be compared with ==.
type multiError []string

func (e multiError) Error() string { return strings.Join(e, "; ") }

// assertLocked checks the error of opening a database held elsewhere.
func assertLocked(t *testing.T, err error, path string) {
	t.Helper()
	if code := model.ErrorCode(err); code != model.ELOCKED {
		t.Fatalf("code = %q (%v), want %q", code, err, model.ELOCKED)
	}
	want := "La base « " + filepath.Base(path) + " » est déjà ouverte dans une autre fenêtre de Logis ou par un autre programme. Fermez cette fenêtre puis relancez Logis."
	if msg := model.ErrorMessage(err); msg != want {
		t.Fatalf("message = %q\nwant      %q", msg, want)
	}
	if strings.Contains(err.Error(), "timeout") {
		t.Fatalf("bbolt's bare error reaches the user: %q", err.Error())
	}
}

// TestHelperHoldDB is not a test: run by ErrLockedByOtherProcess, it holds a
// database until its standard input is closed.
func TestHelperHoldDB(t *testing.T) {
	path := os.Getenv("LOGIS_TEST_HOLD_DB")
	if path == "" {
		t.Skip("helper process only")
	}
	db, err := storage.Open(path, testOptions())
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	fmt.Println("ready")
	_, _ = io.Copy(io.Discard, os.Stdin)
	if err := db.Close(); err != nil {
		os.Exit(1)
	}
	os.Exit(0)
}

func TestDB_Update(t *testing.T) {
	t.Run("ErrNothingWritten", func(t *testing.T) {
		db := MustOpenDB(t)
		MustUpdate(t, db, "Préparation", func(tx *storage.Tx) error {
			return tx.PutLogement(newLogement("L1", ""))
		})
		before := MustCounts(t, db)
		journal, _ := db.Journal(0)

		boom := model.Errorf(model.EINVALID, "refusé")
		err := db.Update("Import", func(tx *storage.Tx) error {
			if err := tx.PutLogement(newLogement("L2", "")); err != nil {
				return err
			}
			if err := tx.PutMenage(newMenage("M1", "L2", 3)); err != nil {
				return err
			}
			if err := tx.PutDemande(newDemande("1111023517879GDPUB", "M1")); err != nil {
				return err
			}
			if _, err := tx.NextID("menage"); err != nil {
				return err
			}
			if c, err := tx.Counts(); err != nil {
				return err
			} else if c.Logements != 2 || c.Menages != 1 || c.Personnes != 3 || c.Demandes != 1 {
				t.Errorf("counts inside the transaction = %+v", c)
			}
			return boom
		})
		if err != boom {
			t.Fatalf("err = %v, want the function's own error", err)
		}
		if after := MustCounts(t, db); after != before {
			t.Fatalf("counts %+v, want %+v", after, before)
		}
		if j, _ := db.Journal(0); len(j) != len(journal) {
			t.Fatalf("journal has %d entries, want %d", len(j), len(journal))
		}
		_ = db.View(func(tx *storage.Tx) error {
			if _, err := tx.Logement("L2"); model.ErrorCode(err) != model.ENOTFOUND {
				t.Errorf("L2: %v", err)
			}
			if occ, err := tx.OccupantsOf("L2"); err != nil || len(occ) != 0 {
				t.Errorf("occupants of L2: %v %v", occ, err)
			}
			return nil
		})
		// The sequence was rolled back too.
		MustUpdate(t, db, "Nouveau ménage", func(tx *storage.Tx) error {
			id, err := tx.NextID("menage")
			if id != "M000001" {
				t.Errorf("NextID = %q", id)
			}
			return err
		})
	})

	t.Run("ErrUncomparable", func(t *testing.T) {
		db := MustOpenDB(t)
		want := multiError{"a", "b"}
		err := db.Update("Test", func(tx *storage.Tx) error { return want })
		if got, ok := err.(multiError); !ok || len(got) != 2 {
			t.Fatalf("err = %#v", err)
		}
		err = db.View(func(tx *storage.Tx) error { return want })
		if _, ok := err.(multiError); !ok {
			t.Fatalf("err = %#v", err)
		}
	})

	t.Run("ErrWriteInView", func(t *testing.T) {
		db := MustOpenDB(t)
		err := db.View(func(tx *storage.Tx) error { return tx.PutLogement(newLogement("L1", "")) })
		if model.ErrorCode(err) != model.EINTERNAL {
			t.Fatalf("err = %v", err)
		}
	})

	t.Run("ErrTxUsedAfterward", func(t *testing.T) {
		db := MustOpenDB(t)
		var kept *storage.Tx
		MustUpdate(t, db, "Test", func(tx *storage.Tx) error { kept = tx; return nil })
		if _, err := kept.Logement("L1"); model.ErrorCode(err) != model.EINTERNAL {
			t.Fatalf("err = %v", err)
		}
		if err := kept.PutLogement(newLogement("L1", "")); model.ErrorCode(err) != model.EINTERNAL {
			t.Fatalf("err = %v", err)
		}
		if _, err := kept.Counts(); model.ErrorCode(err) != model.EINTERNAL {
			t.Fatalf("err = %v", err)
		}
	})

	t.Run("ErrWriteWhileIterating", func(t *testing.T) {
		db := MustOpenDB(t)
		MustUpdate(t, db, "Préparation", func(tx *storage.Tx) error { return tx.PutLogement(newLogement("L1", "")) })
		err := db.Update("Test", func(tx *storage.Tx) error {
			return tx.ForEachLogement(func(l *model.Logement) error {
				l.Loyer++
				return tx.PutLogement(l)
			})
		})
		if model.ErrorCode(err) != model.EINTERNAL {
			t.Fatalf("err = %v", err)
		}
	})
}

func TestDB_Persistence(t *testing.T) {
	db := MustOpenDB(t)
	MustUpdate(t, db, "Saisie", func(tx *storage.Tx) error {
		if err := tx.PutResidence(newResidence("R1")); err != nil {
			return err
		}
		if err := tx.PutLogement(newLogement("L1", "R1")); err != nil {
			return err
		}
		if err := tx.PutMenage(newMenage("M1", "L1", 2)); err != nil {
			return err
		}
		return tx.PutDemande(newDemande("1111023517879GDPUB", "M1"))
	})
	db = MustReopenDB(t, db)
	if c, want := MustCounts(t, db), (storage.Counts{Residences: 1, Logements: 1, Menages: 1, Personnes: 2, Demandes: 1}); c != want {
		t.Fatalf("counts = %+v, want %+v", c, want)
	}
	err := db.View(func(tx *storage.Tx) error {
		m, err := tx.Menage("M1")
		if err != nil {
			return err
		}
		if want := newMenage("M1", "L1", 2); !equalJSON(t, m, want) {
			t.Errorf("ménage = %+v", m)
		}
		occ, err := tx.OccupantsOf("L1")
		if err != nil || len(occ) != 1 || occ[0].ID != "M1" {
			t.Errorf("occupants = %+v, %v", occ, err)
		}
		ds, err := tx.DemandesOfMenage("M1")
		if err != nil || len(ds) != 1 || ds[0].NUR != "1111023517879GDPUB" {
			t.Errorf("demandes = %+v, %v", ds, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
