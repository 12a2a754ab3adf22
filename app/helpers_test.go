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

// MustOpenApp opens the use cases over a new database in a temporary folder;
// the database is checked and closed at cleanup.
func MustOpenApp(tb testing.TB) *app.App {
	tb.Helper()
	db, err := storage.Open(filepath.Join(tb.TempDir(), "logis.db"), storage.Options{User: "test", LockTimeout: 500 * time.Millisecond})
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
