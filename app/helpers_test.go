package app_test

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"logis/app"
	"logis/model"
	"logis/storage"
)

// testOptions create or open a test base as « test » (responsable of the
// bases it creates), with the cheap key cost allowed to tests only.
func testOptions() storage.Options {
	return storage.Options{User: "test", Password: "mot-de-passe-de-test", CheapKeys: true, LockTimeout: 500 * time.Millisecond}
}

// MustOpenApp opens the use cases over a new database in a temporary folder;
// the database is checked and closed at cleanup.
func MustOpenApp(tb testing.TB) *app.App {
	tb.Helper()
	db, err := storage.Open(filepath.Join(tb.TempDir(), "logis.db"), testOptions())
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		if probs, err := db.Check(); err != nil || len(probs) > 0 {
			tb.Errorf("check: %v %v", err, probs)
		}
		db.Close()
	})
	a := app.New(db)
	a.Now = func() time.Time { return time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC) }
	return a
}

// mustImport imports a CSV text and fails the test on refusal.
func mustImport(tb testing.TB, a *app.App, kind, text string) app.ImportReport {
	tb.Helper()
	rep, err := a.Import(kind, kind+".csv", strings.NewReader(text), nil)
	if err != nil {
		tb.Fatalf("import %s: %v", kind, err)
	}
	return rep
}

func date(y, m, d int) model.Date { return model.NewDate(y, time.Month(m), d) }
