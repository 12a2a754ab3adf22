package storage_test

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"logis/storage"
)

// TestDB_ResumerJournal: the entries before the date become counts per
// month and action; the chain from the summary to the head stays
// verifiable, and removing the first kept entry afterwards is still seen.
func TestDB_ResumerJournal(t *testing.T) {
	now := time.Date(2020, 1, 15, 9, 0, 0, 0, time.UTC)
	o := testOptions()
	o.Now = func() time.Time { return now }
	path := filepath.Join(t.TempDir(), "logis.db")
	db, err := storage.Open(path, o)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	put := func(id string) {
		MustUpdate(t, db, "Suppression du ménage "+id, func(tx *storage.Tx) error { return tx.PutMenage(newMenage(id, "", 1)) })
	}
	put("M1")
	put("M2")
	now = time.Date(2021, 3, 2, 9, 0, 0, 0, time.UTC)
	put("M3")
	now = time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	put("M4")
	n, err := db.ResumerJournal(time.Date(2023, 11, 22, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if n != 4 { // the creation, M1, M2, M3
		t.Fatalf("%d entrées résumées", n)
	}
	if probs, err := db.Check(); err != nil || len(probs) > 0 {
		t.Fatalf("check: %v %v", err, probs)
	}
	r, err := db.ResumeDuJournal()
	if err != nil || r == nil {
		t.Fatal(err)
	}
	if r.Comptes["2020-01"]["Suppression du ménage"] != 2 || r.Comptes["2021-03"]["Suppression du ménage"] != 1 || r.Jusqua != 4 {
		t.Fatalf("résumé %+v", r)
	}
	j, _ := db.Journal(0)
	if len(j) != 2 || !strings.Contains(j[0].Action, "Résumé du journal : 4 entrée(s)") || j[1].Action != "Suppression du ménage M4" {
		t.Fatalf("journal %+v", j)
	}
	if len(j[0].Changements) != 0 {
		t.Errorf("le résumé nomme des objets : %+v", j[0].Changements)
	}
	// A second summary adds to the first.
	now = time.Date(2030, 1, 1, 9, 0, 0, 0, time.UTC)
	if n, err := db.ResumerJournal(time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil || n != 2 {
		t.Fatalf("second résumé : %d %v", n, err)
	}
	if probs, err := db.Check(); err != nil || len(probs) > 0 {
		t.Fatalf("check: %v %v", err, probs)
	}
	r, _ = db.ResumeDuJournal()
	if r.Comptes["2020-01"]["Suppression du ménage"] != 2 || r.Comptes["2026-11"]["Suppression du ménage"] != 1 || r.Jusqua != 6 {
		t.Fatalf("résumé cumulé %+v", r)
	}
	// Removing the first kept entry breaks the chain from the summary.
	if err := storage.DeleteStored(db, "journal", string([]byte{0, 0, 0, 0, 0, 0, 0, 7})); err != nil {
		t.Fatal(err)
	}
	probs, err := db.Check()
	if err != nil || len(probs) == 0 || !strings.Contains(strings.Join(probs, " "), "supprimées") {
		t.Fatalf("suppression non vue : %v %v", err, probs)
	}
}
