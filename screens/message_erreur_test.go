package screens

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"logis/app"
	"logis/storage"
)

// A damaged base gives long messages (what is wrong, then how to restore):
// neither the dashboard's message nor the status line may make the window
// wider than a laptop's screen (1366 pixels), which hid the end of the
// message and the « Verrouiller » button.
func TestMessageLong_NeElargitPasLaFenetre(t *testing.T) {
	m := newTestMain(t, 0, 0)
	long := "La base « logis.db » est endommagée (fichier tronqué ou abîmé : copie interrompue, synchronisation incomplète, secteur défectueux). " +
		strings.Repeat("Restaurez une sauvegarde (logis restaurer SAUVEGARDE, ou « Restaurer une sauvegarde… » dans Paramètres). ", 3)
	m.status.SetText("L'index de recherche n'a pas pu être chargé : " + long)
	s := m.screens[0].(*Tableau)
	s.setBody(messageErreur("Les chiffres n'ont pas pu être calculés : " + long))
	if w := m.root.MinSize().Width; w > 1366 {
		t.Errorf("window's minimum width %.0f px > 1366 px with a long message", w)
	}
	if got := strings.Join(texts(s.body), ""); !strings.Contains(got, "Restaurez une sauvegarde") {
		t.Errorf("the whole message must stay readable on the dashboard: %q", got)
	}
}

// When the search index cannot be built (here: the base is closed under the
// window, as a damaged one fails), the status line says so and the progress
// bar goes away instead of staying at « 0 % » as if still loading.
func TestIndexEnEchec_CacheLaProgression(t *testing.T) {
	db, err := storage.Open(filepath.Join(t.TempDir(), "t.db"), storage.Options{User: "test", Password: "mot-de-passe-de-test", CheapKeys: true})
	if err != nil {
		t.Fatal(err)
	}
	a := app.New(db)
	db.Close()
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	m := NewMain(w, a)
	m.waitCatalogue()
	if s, ok := m.screens[0].(idler); ok {
		s.waitIdle()
	}
	var status string
	var visible bool
	done := make(chan struct{})
	fyne.Do(func() { status, visible = m.status.Text, m.progressBox.Visible(); close(done) })
	<-done
	if !strings.HasPrefix(status, "L'index de recherche n'a pas pu être chargé") {
		t.Fatalf("status %q: the index was expected to fail on a closed base", status)
	}
	if visible {
		t.Error("progress bar still shown after the index failed")
	}
}
