package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A new user's path: the stock from the RPLS file, then the residences'
// fragility and a G-rated dwelling's candidate list.
func TestCLI_RPLSFragilite(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "test.db")
	code, out, errOut := runCLI(t, "--db", db, "import", "rpls", filepath.Join("testdata", "rpls", "exemple.csv"))
	if code != 0 || !strings.Contains(out, "Import RPLS : 300 ligne(s), 245 création(s)") || !strings.Contains(out, "hors des communes de l'Office ignoré(s)") {
		t.Fatalf("import rpls: code %d, out %q, err %q", code, out, errOut)
	}
	csvPath := filepath.Join(dir, "fragilite.csv")
	code, out, errOut = runCLI(t, "--db", db, "fragilite", "--date", "2026-11-22", "--out", csvPath)
	if code != 0 || !strings.Contains(out, "résidence(s)") {
		t.Fatalf("fragilite: code %d, out %q, err %q", code, out, errOut)
	}
	b, _ := os.ReadFile(csvPath)
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) < 2 || !strings.HasPrefix(lines[0], "residence;nom;commune;qpv;menages;part_ressources;") || !strings.Contains(lines[1], "Aucun ménage locataire") {
		t.Fatalf("fragilite CSV:\n%s", b)
	}
	// VLD-00007 is classed G in the example.
	code, out, errOut = runCLI(t, "--db", db, "candidats", "VLD-00007", "--date", "2026-11-22", "--out", filepath.Join(dir, "c.csv"))
	if code != 0 || !strings.Contains(out, "Attention : Logement classé G au DPE") {
		t.Fatalf("candidats: code %d, out %q, err %q", code, out, errOut)
	}
	if code, _, errOut := runCLI(t, "--db", db, "fragilite", "en trop"); code != 2 || !strings.Contains(errOut, "fragilite") {
		t.Errorf("bad usage: code %d, %q", code, errOut)
	}
}
