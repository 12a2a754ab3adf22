package screens

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"logis/app"
	"logis/storage"
)

// newTestMain opens a demo database and the main window on Fyne's test driver.
func newTestMain(t *testing.T, menages, logements int) *Main {
	t.Helper()
	db, err := storage.Open(filepath.Join(t.TempDir(), "t.db"), storage.Options{User: "test", Password: "mot-de-passe-de-test", CheapKeys: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	a := app.New(db)
	if menages > 0 {
		if _, err := a.Demo(app.DemoOptions{Menages: menages, Logements: logements}, nil); err != nil {
			t.Fatal(err)
		}
	}
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	m := NewMain(w, a)
	t.Cleanup(m.attendreTout) // background jobs must be done before the base and the app close
	if s, ok := m.screens[0].(idler); ok {
		s.waitIdle() // the dashboard's figures load in the background: let them land first
	}
	return m
}

func TestMain_Navigation(t *testing.T) {
	m := newTestMain(t, 30, 20)
	if m.win.Title() != "Logis" {
		t.Errorf("title = %q", m.win.Title())
	}
	for _, title := range []string{"Tableau de bord", "Patrimoine", "Ménages et demandes", "Examen d'occupation", "Paramètres"} {
		m.Show(title)
		if got := m.screens[m.current].title(); got != title {
			t.Errorf("Show(%q) shows %q", title, got)
		}
		// A shown screen may load in the background; under Fyne's test
		// driver its UI updates run on that goroutine: let them land.
		if s, ok := m.screens[m.current].(idler); ok {
			s.waitIdle()
		}
	}
}
