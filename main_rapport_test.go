package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestCLI_DecisionsSuite imports the templates, then the past decisions,
// and records the follow-up of the offer from the command line.
func TestCLI_DecisionsSuite(t *testing.T) {
	db := filepath.Join(t.TempDir(), "rapport.db")
	for _, kind := range []string{"logements", "menages", "personnes", "demandes", "decisions"} {
		code, out, errOut := runCLI(t, "--db", db, "import", kind, filepath.Join("testdata", "modeles", kind+".csv"))
		if code != 0 || !strings.Contains(out, "Import "+kind) {
			t.Fatalf("import %s: code %d, out %q, err %q", kind, code, out, errOut)
		}
	}
	code, out, _ := runCLI(t, "--db", db, "import", "decisions", filepath.Join("testdata", "modeles", "decisions.csv"))
	if code != 0 || !strings.Contains(out, "0 création(s)") {
		t.Fatalf("re-import: code %d, out %q", code, out)
	}
	code, out, _ = runCLI(t, "--db", db, "commissions")
	if code != 0 || !strings.Contains(out, "CAL-2026-03;2026-03-12;attribution;close") {
		t.Fatalf("sessions: %q", out)
	}
	code, _, errOut := runCLI(t, "--db", db, "suite", "CAL-2026-03", "0942400000002GDPUB", "accepte", "--date", "2026-03-20")
	if code == 0 || !strings.Contains(errOut, "ne détient pas l'offre") {
		t.Fatalf("rank 2 before rank 1: code %d, err %q", code, errOut)
	}
	code, out, errOut = runCLI(t, "--db", db, "suite", "CAL-2026-03", "0942300000001GDPUB", "refus", "--date", "2026-03-20", "--motif", "logement sans ascenseur", "--legitime")
	if code != 0 || !strings.Contains(out, "L'offre passe au rang 2 : demande 0942400000002GDPUB") || strings.Contains(out, "priorisée") {
		t.Fatalf("refusal: code %d, out %q, err %q", code, out, errOut)
	}
	code, out, errOut = runCLI(t, "--db", db, "suite", "CAL-2026-03", "0942400000002GDPUB", "bail", "--date", "2026-04-01")
	if code != 0 || !strings.Contains(out, "radiée au 01/04/2026") {
		t.Fatalf("lease: code %d, out %q, err %q", code, out, errOut)
	}
	code, _, errOut = runCLI(t, "--db", db, "suite", "CAL-2026-03", "0942400000002GDPUB", "peut-etre")
	if code == 0 || !strings.Contains(errOut, "n'est pas une suite d'offre") {
		t.Fatalf("bad answer: code %d, err %q", code, errOut)
	}
	if code, out, errOut := runCLI(t, "--db", db, "verify"); code != 0 {
		t.Fatalf("verify: %d %q %q", code, out, errOut)
	}
}
