package screens

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"logis/app"
	"logis/storage"
)

func TestMain_ShowsCounts(t *testing.T) {
	db, err := storage.Open(filepath.Join(t.TempDir(), "t.db"), storage.Options{User: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	a := app.New(db)
	if _, err := a.Demo(app.DemoOptions{Menages: 30, Logements: 20}, nil); err != nil {
		t.Fatal(err)
	}
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	defer w.Close()
	m := NewMain(w, a)
	if w.Title() != "Logis" {
		t.Errorf("title = %q", w.Title())
	}
	if got := m.counts.Text; !strings.Contains(got, "20 logements") || !strings.Contains(got, "30 ménages") {
		t.Errorf("counts = %q", got)
	}
}
