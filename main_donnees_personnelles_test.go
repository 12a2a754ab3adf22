package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCLI_DroitsPersonnes exports a household of a closed session, then
// erases it: without --confirmer nothing is written; with it verify stays
// clean, the minutes still print, the name is gone from the file.
func TestCLI_DroitsPersonnes(t *testing.T) {
	db := filepath.Join(t.TempDir(), "droits.db")
	for _, kind := range []string{"logements", "menages", "personnes", "demandes", "decisions"} {
		if code, _, errOut := runCLI(t, "--db", db, "import", kind, filepath.Join("testdata", "modeles", kind+".csv")); code != 0 {
			t.Fatalf("import %s: %s", kind, errOut)
		}
	}
	dir := filepath.Join(t.TempDir(), "export")
	code, out, errOut := runCLI(t, "--db", db, "exporter-menage", "M002", "--out", dir)
	if code != 0 || !strings.Contains(out, "M002.json") || !strings.Contains(out, "M002.pdf") {
		t.Fatalf("export: %d %q %q", code, out, errOut)
	}
	// The NUR printed on the letters names the same household (lower case too).
	byNUR := filepath.Join(t.TempDir(), "par-nur")
	code, out, errOut = runCLI(t, "--db", db, "exporter-menage", "0942300000001gdpub", "--out", byNUR)
	if code != 0 || !strings.Contains(out, "M002.json") {
		t.Fatalf("export par NUR: %d %q %q", code, out, errOut)
	}
	code, _, errOut = runCLI(t, "--db", db, "limiter-menage", "0942399999999GDPUB", "--confirmer")
	if code != 1 || !strings.Contains(errOut, "« 0942399999999GDPUB » introuvable") {
		t.Fatalf("NUR inconnu: %d %q", code, errOut)
	}
	b, err := os.ReadFile(filepath.Join(dir, "M002.json"))
	if err != nil || !strings.Contains(string(b), "Fictif") || !strings.Contains(string(b), "CAL-2026-03") || strings.Contains(string(b), "Exemple") {
		t.Fatalf("json: %v %s", err, b)
	}
	code, out, _ = runCLI(t, "--db", db, "effacer-menage", "M002")
	if code != 0 || !strings.Contains(out, "CAL-2026-03") || !strings.Contains(out, "Rien n'a été effacé") {
		t.Fatalf("sans confirmation: %d %q", code, out)
	}
	code, out, errOut = runCLI(t, "--db", db, "effacer-menage", "M002", "--confirmer")
	if code != 0 || !strings.Contains(out, "ménage effacé") || !strings.Contains(out, "compactée") {
		t.Fatalf("effacement: %d %q %q", code, out, errOut)
	}
	if code, out, errOut := runCLI(t, "--db", db, "verify"); code != 0 {
		t.Fatalf("verify: %d %q %q", code, out, errOut)
	}
	pv := filepath.Join(t.TempDir(), "pv.pdf")
	if code, _, errOut := runCLI(t, "--db", db, "pv", "CAL-2026-03", "--out", pv); code != 0 {
		t.Fatalf("pv: %q", errOut)
	}
	file, _ := os.ReadFile(db)
	if strings.Contains(string(file), "Fictif") {
		t.Error("nom dans le fichier")
	}
	code, _, errOut = runCLI(t, "--db", db, "exporter-menage", "M002", "--out", dir)
	if code == 0 || !strings.Contains(errOut, "introuvable") {
		t.Fatalf("export après effacement: %d %q", code, errOut)
	}
}

// TestCLI_Purge lists then purges a household struck off four years ago.
func TestCLI_Purge(t *testing.T) {
	db := filepath.Join(t.TempDir(), "purge.db")
	dir := t.TempDir()
	dem := filepath.Join(dir, "demandes.csv")
	src, err := os.ReadFile(filepath.Join("testdata", "modeles", "demandes.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(src)), "\n")
	lines[0] += ";active;date_radiation"
	lines[1] += ";non;15/03/2022" // M002: struck off more than three years ago
	lines[2] += ";;"
	if err := os.WriteFile(dem, []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, kind := range []string{"logements", "menages", "personnes"} {
		if code, _, errOut := runCLI(t, "--db", db, "import", kind, filepath.Join("testdata", "modeles", kind+".csv")); code != 0 {
			t.Fatalf("import %s: %s", kind, errOut)
		}
	}
	if code, _, errOut := runCLI(t, "--db", db, "import", "demandes", dem); code != 0 {
		t.Fatalf("import demandes: %s", errOut)
	}
	code, out, errOut := runCLI(t, "--db", db, "purge", "--date", "2026-11-30")
	if code != 0 || !strings.Contains(out, "M002;2022-03-15;1") || !strings.Contains(out, "1 ménage(s)") || !strings.Contains(out, "Rien n'a été effacé") {
		t.Fatalf("liste: %d %q %q", code, out, errOut)
	}
	code, out, errOut = runCLI(t, "--db", db, "purge", "--date", "2026-11-30", "--confirmer")
	if code != 0 || !strings.Contains(out, "1 ménage(s)") {
		t.Fatalf("purge: %d %q %q", code, out, errOut)
	}
	if code, out, _ := runCLI(t, "--db", db, "purge", "--date", "2026-11-30"); code != 0 || !strings.Contains(out, "0 ménage(s)") {
		t.Fatalf("seconde liste: %q", out)
	}
	if code, out, errOut := runCLI(t, "--db", db, "verify"); code != 0 || !strings.Contains(out, "menages: 1") {
		t.Fatalf("verify: %d %q %q", code, out, errOut)
	}
}

// TestCLI_DossierSeance writes a member's file of an imported session...
// whose members are unknown: refused; the message names the session.
func TestCLI_DossierSeance(t *testing.T) {
	db := filepath.Join(t.TempDir(), "dossier.db")
	for _, kind := range []string{"logements", "menages", "personnes", "demandes", "decisions"} {
		if code, _, errOut := runCLI(t, "--db", db, "import", kind, filepath.Join("testdata", "modeles", kind+".csv")); code != 0 {
			t.Fatalf("import %s: %s", kind, errOut)
		}
	}
	out := filepath.Join(t.TempDir(), "d.pdf")
	code, _, errOut := runCLI(t, "--db", db, "dossier-seance", "CAL-2026-03", "--membre", "Mme Martin", "--out", out)
	if code != 1 || !strings.Contains(errOut, "n'est pas un membre de la séance CAL-2026-03") {
		t.Fatalf("membre inconnu: %d %q", code, errOut)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("fichier écrit malgré le refus")
	}
	if code, _, _ := runCLI(t, "--db", db, "dossier-seance", "CAL-2026-03"); code != 2 {
		t.Errorf("sans options: %d", code)
	}
}
