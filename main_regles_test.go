package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A new user on 2 January 2027: the review says « données manquantes »
// until the 2027 ceilings are imported from a file, then applies them.
func TestCLI_Plafonds2027(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "test.db")
	for _, kind := range []string{"logements", "menages", "personnes", "demandes"} {
		if code, _, errOut := runCLI(t, "--db", db, "import", kind, filepath.Join("testdata", "modeles", kind+".csv")); code != 0 {
			t.Fatalf("import %s: %s", kind, errOut)
		}
	}
	occ := func(name string, extra ...string) string {
		t.Helper()
		p := filepath.Join(dir, name)
		args := append([]string{"--db", db, "occupation", "--date", "2027-01-02", "--out", p}, extra...)
		if code, _, errOut := runCLI(t, args...); code != 0 {
			t.Fatalf("occupation: %s", errOut)
		}
		b, _ := os.ReadFile(p)
		return string(b)
	}
	before := occ("avant.csv")
	if !strings.Contains(before, "Données manquantes : plafonds 2027 non saisis") || !strings.Contains(before, ";examen_l442_5_2;prochain_examen\n") {
		t.Fatalf("before the import:\n%s", before)
	}
	// The 2027 file: the 2026 template with the year changed and figures raised.
	tpl, _ := os.ReadFile(filepath.Join("testdata", "modeles", "plafonds.csv"))
	f2027 := strings.ReplaceAll(string(tpl), "2026;", "2027;")
	f2027 = strings.Replace(f2027, "2027;PLUS;idf;1;26920", "2027;PLUS;idf;1;27500", 1)
	f2027 = strings.Replace(f2027, "2027;PLUS;idf;3;48362", "2027;PLUS;idf;3;49300", 1)
	p := filepath.Join(dir, "plafonds-2027.csv")
	if err := os.WriteFile(p, []byte(f2027), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := runCLI(t, "--db", db, "import", "plafonds", p); code != 0 || !strings.Contains(out, "Import plafonds : 14 ligne(s), 2 création(s)") {
		t.Fatalf("import plafonds: %q %q", out, errOut)
	}
	after := occ("apres.csv")
	// M001, category 3 in Arcueil: the 2027 ceiling of the file.
	if strings.Contains(after, "plafonds 2027 non saisis") || !strings.Contains(after, ";non;24,3;;Arcueil;31,1;49300,00;") {
		t.Fatalf("after the import:\n%s", after)
	}
	// Due-date filter: the template's lease of 15/03/2019 is due on 15/03/2028.
	if due := occ("due.csv", "--echeance-avant", "2028-03-15"); strings.Count(strings.TrimSpace(due), "\n") != 0 {
		t.Errorf("due before 15/03/2028:\n%s", due)
	}
	if due := occ("due2.csv", "--echeance-avant", "2028-03-16"); strings.Count(strings.TrimSpace(due), "\n") != 1 {
		t.Errorf("due before 16/03/2028:\n%s", due)
	}
	// Export, for the next laptop.
	out := filepath.Join(dir, "regles")
	if code, _, errOut := runCLI(t, "--db", db, "export", "regles", "--out", out); code != 0 {
		t.Fatalf("export: %s", errOut)
	}
	b, _ := os.ReadFile(filepath.Join(out, "plafonds.csv"))
	if !strings.Contains(string(b), "2027;PLUS;idf;1;27500\n") {
		t.Errorf("plafonds.csv:\n%s", b)
	}
	if code, _, _ := runCLI(t, "--db", db, "export", "tout", "--out", out); code != 2 {
		t.Errorf("export tout: code %d, want 2 (usage)", code)
	}
}
