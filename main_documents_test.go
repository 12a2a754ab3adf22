package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"logis/model"
)

// TestCLI_Documents prints the minutes and the letters of the demo's
// sessions: C2026-001 is closed, C2026-002 in preparation.
func TestCLI_Documents(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	if code, _, errOut := runCLI(t, "--db", db, "demo", "--menages", "400", "--logements", "300"); code != 0 {
		t.Fatalf("demo: %d %s", code, errOut)
	}
	pv := filepath.Join(dir, "pv.pdf")
	code, out, errOut := runCLI(t, "--db", db, "pv", "C2026-001", "--out", pv)
	if code != 0 || !strings.Contains(out, "Procès-verbal écrit dans") {
		t.Fatalf("pv: code %d, out %q, err %q", code, out, errOut)
	}
	if b, err := os.ReadFile(pv); err != nil || !strings.HasPrefix(string(b), "%PDF-") {
		t.Fatalf("pv.pdf: %v", err)
	}
	// A session in preparation gives a draft of minutes, but no letters.
	if code, _, errOut := runCLI(t, "--db", db, "pv", "--out", filepath.Join(dir, "projet.pdf"), "C2026-002"); code != 0 {
		t.Errorf("pv projet: code %d, err %q", code, errOut)
	}
	if code, _, errOut := runCLI(t, "--db", db, "courriers", "C2026-002", "--out", filepath.Join(dir, "x")); code != 1 || !strings.Contains(errOut, "n'est pas close") {
		t.Errorf("courriers d'une séance non close : code %d, err %q", code, errOut)
	}
	cour := filepath.Join(dir, "courriers")
	code, out, errOut = runCLI(t, "--db", db, "courriers", "C2026-001", "--out", cour)
	if code != 0 || !strings.Contains(out, "C2026-001_courriers.pdf") || !strings.Contains(out, "Attention : Identité de l'Office à compléter") {
		t.Fatalf("courriers: code %d, out %q, err %q", code, out, errOut)
	}
	files, _ := filepath.Glob(filepath.Join(cour, "*.pdf"))
	kinds := map[string]bool{}
	for _, f := range files {
		base := strings.TrimSuffix(filepath.Base(f), ".pdf")
		if parts := strings.Split(base, "_"); len(parts) >= 3 {
			kinds[parts[2]] = true
		}
	}
	for _, k := range []string{"attribution", "classement", "condition-suspensive", "non-attribution", "irrecevabilite", "occupation"} {
		if !kinds[k] {
			t.Errorf("aucun courrier %s parmi %d fichiers", k, len(files))
		}
	}
	// Errors: unknown session (1), malformed command (2).
	if code, _, errOut := runCLI(t, "--db", db, "pv", "C2026-404", "--out", filepath.Join(dir, "y.pdf")); code != 1 || !strings.Contains(errOut, "introuvable") {
		t.Errorf("séance inconnue : code %d, err %q", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "y.pdf")); err == nil {
		t.Error("un PDF a été écrit pour une séance inconnue")
	}
	for _, args := range [][]string{{"pv", "C2026-001"}, {"pv", "--out", "a.pdf"}, {"courriers", "C2026-001", "C2026-002", "--out", "d"}} {
		if code, _, _ := runCLI(t, append([]string{"--db", db}, args...)...); code != 2 {
			t.Errorf("%v : code %d, want 2", args, code)
		}
	}
}

func TestCLI_CourriersDates(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	if code, _, errOut := runCLI(t, "--db", db, "demo", "--menages", "400", "--logements", "300"); code != 0 {
		t.Fatalf("demo: %d %s", code, errOut)
	}
	cour := filepath.Join(dir, "c")
	today := model.Today()
	if code, _, errOut := runCLI(t, "--db", db, "courriers", "C2026-001", "--out", cour, "--date", today.ISO(), "--notification", today.AddDays(3).ISO()); code != 0 {
		t.Fatalf("courriers datés : code %d, err %q", code, errOut)
	}
	if code, _, errOut := runCLI(t, "--db", db, "courriers", "C2026-001", "--out", cour, "--date", today.ISO(), "--notification", today.AddDays(-1).ISO()); code != 1 || !strings.Contains(errOut, "ne peut pas précéder") {
		t.Errorf("notification avant la date : code %d, err %q", code, errOut)
	}
	if code, _, errOut := runCLI(t, "--db", db, "courriers", "C2026-001", "--out", cour, "--mode", "main-propre"); code != 0 {
		t.Errorf("courriers remis en main propre : code %d, err %q", code, errOut)
	}
	if code, _, errOut := runCLI(t, "--db", db, "courriers", "C2026-001", "--out", cour, "--mode", "pigeon"); code != 2 || !strings.Contains(errOut, "main-propre, recommande ou courrier") {
		t.Errorf("mode inconnu : code %d, err %q", code, errOut)
	}
	if code, out, errOut := runCLI(t, "--db", db, "pv", "C2026-001", "--out", filepath.Join(dir, "pv-envoi.pdf")); code != 0 || errOut != "" {
		t.Errorf("pv après envoi : code %d, out %q, err %q", code, out, errOut)
	}
	if code, _, _ := runCLI(t, "--db", db, "courriers", "C2026-001", "--out", cour, "--date", "18/13/2027"); code != 1 {
		t.Errorf("date invalide : code %d", code)
	}
	if code, _, _ := runCLI(t, "--db", db, "pv", "C2026-001", "--out", filepath.Join(dir, "p.pdf"), "--date", "2027-03-18"); code != 2 {
		t.Errorf("pv --date : code %d, want 2", code)
	}
}
