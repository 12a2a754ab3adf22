package screens

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"logis/app"
	"logis/storage"
)

func TestMain_CloseWritesDailyBackup(t *testing.T) {
	m0 := readyMain(t, 10, 10)
	m := NewMain(test.NewWindow(nil), m0.app) // its window is closed by onClose
	m.waitCatalogue()
	m.onClose()
	dir := filepath.Join(filepath.Dir(m.app.DB.Path()), "Sauvegardes")
	want := filepath.Join(dir, "t-"+m.app.Now().Format("2006-01-02")+".db")
	if _, err := os.Stat(want); err != nil {
		t.Fatalf("automatic backup: %v", err)
	}
	j, err := m.app.DB.Journal(1)
	if err != nil || !strings.HasPrefix(j[0].Action, "Sauvegarde automatique de la base : Sauvegardes/t-") {
		t.Fatalf("journal: %+v %v", j, err)
	}
}

func TestParametres_Restore(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		m := newTestMain(t, 12, 10)
		m.waitCatalogue()
		s := parametresScreen(t, m)
		s.waitIdle()
		backup := filepath.Join(t.TempDir(), "copie.db")
		if err := m.app.Sauvegarder(backup, false); err != nil {
			t.Fatal(err)
		}
		base := m.app.DB.Path()
		s.restoreFrom(backup, app.Identifiants{Nom: "test", MotDePasse: "mot-de-passe-de-test", CoutReduit: true})
		if got := strings.Join(overlayTexts(m.win), "\n"); !strings.Contains(got, "Sauvegarde « copie.db » vérifiée et restaurée : 10 logement(s), 12 ménage(s)") ||
			!strings.Contains(got, "relancez-le") {
			t.Fatalf("dialog: %s", got)
		}
		kept := storage.DatedPath(base, "avant-restauration", m.app.Now())
		if !strings.HasSuffix(kept, "-2.db") { // the one written exists already
			t.Fatalf("kept base not found beside %s (next free name %s)", base, kept)
		}
		db, err := storage.Open(base, storage.Options{User: "test", Password: "mot-de-passe-de-test", CheapKeys: true, ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		j, _ := db.Journal(1)
		if len(j) != 1 || !strings.HasPrefix(j[0].Action, "Restauration de la sauvegarde « copie.db »") {
			t.Fatalf("journal: %+v", j)
		}
	})

	t.Run("ErrDamagedBackup", func(t *testing.T) {
		m := newTestMain(t, 12, 10)
		m.waitCatalogue()
		s := parametresScreen(t, m)
		s.waitIdle()
		backup := filepath.Join(t.TempDir(), "copie.db")
		if err := os.WriteFile(backup, []byte("pas une base"), 0o600); err != nil {
			t.Fatal(err)
		}
		s.restoreFrom(backup, app.Identifiants{Nom: "test", MotDePasse: "mot-de-passe-de-test", CoutReduit: true})
		t.Cleanup(func() { m.app.DB.Close() })
		if !strings.Contains(s.backupStatus.Text, "Restauration refusée : La sauvegarde « copie.db » est endommagée") {
			t.Fatalf("status: %q", s.backupStatus.Text)
		}
		// The base was reopened as it was and stays usable.
		if c, err := m.app.DB.Counts(); err != nil || c.Menages != 12 {
			t.Fatalf("after a refused restore: %+v %v", c, err)
		}
	})
}
