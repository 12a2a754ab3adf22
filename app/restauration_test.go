package app_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"logis/app"
	"logis/model"
	"logis/storage"
)

func journalActions(t *testing.T, db *storage.DB, n int) []string {
	t.Helper()
	j, err := db.Journal(n)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range j {
		out = append(out, e.Action)
	}
	return out
}

func TestApp_Sauvegarder(t *testing.T) {
	a := MustOpenApp(t)
	if _, err := a.Demo(app.DemoOptions{Menages: 30, Logements: 20}, nil); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "copie.db")
	if err := a.Sauvegarder(dest, false); err != nil {
		t.Fatal(err)
	}
	if got := journalActions(t, a.DB, 1); got[0] != "Sauvegarde de la base : copie.db" {
		t.Fatalf("journal: %q", got)
	}
	// An existing file is kept unless replacing was asked for.
	before, _ := os.ReadFile(dest)
	err := a.Sauvegarder(dest, false)
	if model.ErrorCode(err) != model.ECONFLICT || !strings.Contains(model.ErrorMessage(err), "--remplacer") {
		t.Fatalf("overwrite without asking: %v", err)
	}
	if after, _ := os.ReadFile(dest); string(after) != string(before) {
		t.Fatal("the existing file was changed")
	}
	if err := a.Sauvegarder(dest, true); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(filepath.Dir(dest))
	if len(entries) != 1 {
		t.Fatalf("files left beside the backup: %v", entries)
	}
}

func TestApp_SauvegardeAuto(t *testing.T) {
	a := MustOpenApp(t)
	dir := filepath.Join(filepath.Dir(a.DB.Path()), app.DossierAuto)
	day := time.Date(2026, 11, 1, 18, 0, 0, 0, time.UTC)
	for i := range 10 {
		a.Now = func() time.Time { return day.AddDate(0, 0, i) }
		got, err := a.SauvegardeAuto()
		if want := filepath.Join(dir, fmt.Sprintf("logis-2026-11-%02d.db", 1+i)); err != nil || got != want {
			t.Fatalf("day %d: %q %v, want %q", i, got, err, want)
		}
		// At most once a day.
		if again, err := a.SauvegardeAuto(); err != nil || again != "" {
			t.Fatalf("second backup of the day %d: %q %v", i, again, err)
		}
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if got := strings.Join(names, ","); got != "logis-2026-11-04.db,logis-2026-11-05.db,logis-2026-11-06.db,logis-2026-11-07.db,logis-2026-11-08.db,logis-2026-11-09.db,logis-2026-11-10.db" {
		t.Fatalf("kept: %s", got)
	}
	if got := journalActions(t, a.DB, 1); got[0] != "Sauvegarde automatique de la base : Sauvegardes/logis-2026-11-10.db" {
		t.Fatalf("journal: %q", got)
	}
	// Another file of the folder is never deleted.
	other := filepath.Join(dir, "logis-copie-manuelle.db")
	os.WriteFile(other, []byte("x"), 0o600)
	a.Now = func() time.Time { return day.AddDate(0, 0, 11) }
	if _, err := a.SauvegardeAuto(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(other); err != nil {
		t.Fatal("a file that is not an automatic backup was deleted")
	}
}

// newBase writes a closed base with n households and returns its path.
func newBase(t *testing.T, dir, name string, n int) string {
	t.Helper()
	path := filepath.Join(dir, name)
	db, err := storage.Open(path, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	a := app.New(db)
	if _, err := a.Demo(app.DemoOptions{Menages: n, Logements: n}, nil); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// testID signs in as the responsable of the bases newBase writes.
var testID = app.Identifiants{Nom: "test", MotDePasse: "mot-de-passe-de-test", CoutReduit: true}

func readOnlyOptions() storage.Options {
	o := testOptions()
	o.ReadOnly = true
	return o
}

func TestRestaurer(t *testing.T) {
	now := func() time.Time { return time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC) }
	t.Run("OK", func(t *testing.T) {
		dir := t.TempDir()
		base := newBase(t, dir, "logis.db", 40)
		backup := newBase(t, t.TempDir(), "sauvegarde.db", 25)
		if err := os.Chmod(backup, 0o400); err != nil { // a backup on read-only media
			t.Fatal(err)
		}
		backupBytes, _ := os.ReadFile(backup)
		r, err := app.Restaurer(base, backup, now, testID)
		if err != nil {
			t.Fatal(err)
		}
		kept := filepath.Join(dir, "logis.avant-restauration-20261130.db")
		if r.Gardee != kept || r.Comptes.Menages != 25 {
			t.Fatalf("restauration = %+v", r)
		}
		if after, _ := os.ReadFile(backup); string(after) != string(backupBytes) {
			t.Fatal("the backup was modified")
		}
		db, err := storage.Open(base, readOnlyOptions())
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if c, _ := db.Counts(); c.Menages != 25 {
			t.Fatalf("restored base counts %+v", c)
		}
		if got := journalActions(t, db, 1); got[0] != "Restauration de la sauvegarde « sauvegarde.db » ; base remplacée gardée : logis.avant-restauration-20261130.db" {
			t.Fatalf("journal: %q", got)
		}
		old, err := storage.Open(kept, readOnlyOptions())
		if err != nil {
			t.Fatal(err)
		}
		defer old.Close()
		if c, _ := old.Counts(); c.Menages != 40 {
			t.Fatalf("kept base counts %+v", c)
		}
		entries, _ := os.ReadDir(dir)
		if len(entries) != 2 {
			t.Fatalf("files beside the base: %v", entries)
		}
	})

	t.Run("ErrDamagedBackup", func(t *testing.T) {
		dir := t.TempDir()
		base := newBase(t, dir, "logis.db", 10)
		baseBytes, _ := os.ReadFile(base)
		backup := newBase(t, t.TempDir(), "sauvegarde.db", 30)
		data, _ := os.ReadFile(backup)
		os.WriteFile(backup, data[:len(data)/2], 0o600)
		_, err := app.Restaurer(base, backup, now, testID)
		if model.ErrorCode(err) != model.EDAMAGED || !strings.Contains(model.ErrorMessage(err), "« sauvegarde.db » est endommagée") {
			t.Fatalf("err = %v", err)
		}
		if after, _ := os.ReadFile(base); string(after) != string(baseBytes) {
			t.Fatal("the base was changed by a refused restore")
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 1 {
			t.Fatalf("files left beside the base: %v", entries)
		}
	})

	t.Run("DamagedBaseReplaced", func(t *testing.T) {
		dir := t.TempDir()
		base := filepath.Join(dir, "logis.db")
		os.WriteFile(base, []byte("abîmé"), 0o600)
		backup := newBase(t, t.TempDir(), "sauvegarde.db", 5)
		if _, err := app.Restaurer(base, backup, now, testID); err != nil {
			t.Fatal(err)
		}
		if kept, _ := os.ReadFile(filepath.Join(dir, "logis.avant-restauration-20261130.db")); string(kept) != "abîmé" {
			t.Fatal("the damaged base was not kept")
		}
	})

	t.Run("ErrBaseOpen", func(t *testing.T) {
		dir := t.TempDir()
		base := newBase(t, dir, "logis.db", 5)
		backup := newBase(t, t.TempDir(), "sauvegarde.db", 5)
		db, err := storage.Open(base, testOptions())
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		_, err = app.Restaurer(base, backup, now, testID)
		if model.ErrorCode(err) != model.ELOCKED || !strings.Contains(model.ErrorMessage(err), "fermez-la") {
			t.Fatalf("err = %v", err)
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 1 {
			t.Fatalf("files beside the base: %v", entries)
		}
	})

	t.Run("ErrNotResponsable", func(t *testing.T) {
		dir := t.TempDir()
		base := newBase(t, dir, "logis.db", 5)
		baseBytes, _ := os.ReadFile(base)
		backup := newBase(t, t.TempDir(), "sauvegarde.db", 5)
		db, err := storage.Open(backup, testOptions())
		if err != nil {
			t.Fatal(err)
		}
		if err := db.AddAccount(model.Compte{Nom: "a.agent", Role: model.Agent, Actif: true}, "secret-a.agent-1"); err != nil {
			t.Fatal(err)
		}
		db.Close()
		_, err = app.Restaurer(base, backup, now, app.Identifiants{Nom: "a.agent", MotDePasse: "secret-a.agent-1", CoutReduit: true})
		if model.ErrorCode(err) != model.EFORBIDDEN {
			t.Fatalf("restore by an agent: %v", err)
		}
		if after, _ := os.ReadFile(base); string(after) != string(baseBytes) {
			t.Fatal("the base was changed by a refused restore")
		}
		if entries, _ := os.ReadDir(dir); len(entries) != 1 {
			t.Fatalf("files left beside the base: %v", entries)
		}
	})
}
