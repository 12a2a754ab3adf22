package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"logis/app"
	"logis/storage"
)

// Test account of the command line; the bases the tests create get the
// cheap key cost, and no terminal is asked.
const (
	testUser     = "test"
	testPassword = "mot-de-passe-de-test"
)

func init() {
	testCheapKeys = true
	terminal = noTerminal{}
}

type noTerminal struct{}

func (noTerminal) ok() bool             { return false }
func (noTerminal) line(string) string   { return "" }
func (noTerminal) hidden(string) string { return "" }

// runCLI runs the command line as a user would, signed in as the test
// account unless the test set LOGIS_UTILISATEUR, and returns its exit code
// and outputs.
func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	if _, set := os.LookupEnv(envUtilisateur); !set {
		t.Setenv(envUtilisateur, testUser)
		t.Setenv(envMotDePasse, testPassword)
	}
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestCLI(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "test.db")
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	t.Run("ImportTemplates", func(t *testing.T) {
		for _, kind := range []string{"logements", "menages", "personnes", "demandes"} {
			code, out, errOut := runCLI(t, "--db", db, "import", kind, filepath.Join("testdata", "modeles", kind+".csv"))
			if code != 0 || !strings.Contains(out, "Import "+app.ImportLibelle(kind)) {
				t.Fatalf("import %s: code %d, out %q, err %q", kind, code, out, errOut)
			}
		}
	})
	t.Run("Verify", func(t *testing.T) {
		code, out, _ := runCLI(t, "--db", db, "verify")
		for _, want := range []string{"logements: 2", "menages: 2", "personnes: 3", "demandes: 2"} {
			if code != 0 || !strings.Contains(out, want+"\n") {
				t.Errorf("verify: code %d, lacks %q in %q", code, want, out)
			}
		}
	})
	t.Run("BadImportRefused", func(t *testing.T) {
		bad := write("bad.csv", "reference;residence;adresse;code_postal;commune;qpv;typologie;pieces;surface;etage;ascenseur;pmr;financement;loyer;charges;contingent\nX1;R;a;94110;Arcueil;non;T2;2;-12;0;non;non;PLUS;1;1;b\nX2;R;a;94110;Arcueil;non;T2;2;40;0;non;non;PLUS;1;1;b\n")
		code, _, errOut := runCLI(t, "--db", db, "import", "logements", bad)
		if code != 1 || !strings.Contains(errOut, "ligne 2 (logement X1), colonne surface : « -12 » n'est pas une surface") {
			t.Fatalf("code %d, stderr %q", code, errOut)
		}
		_, out, _ := runCLI(t, "--db", db, "verify")
		if !strings.Contains(out, "logements: 2\n") {
			t.Fatalf("the refused file wrote something: %q", out)
		}
	})
	t.Run("Occupation", func(t *testing.T) {
		csvPath := filepath.Join(dir, "occ.csv")
		code, _, errOut := runCLI(t, "--db", db, "occupation", "--date", "2026-11-22", "--out", csvPath)
		if code != 0 {
			t.Fatalf("code %d: %s", code, errOut)
		}
		b, _ := os.ReadFile(csvPath)
		lines := strings.Split(strings.TrimSpace(string(b)), "\n")
		if len(lines) != 2 || !strings.HasPrefix(lines[0], "\ufeffmenage;logement;personnes;uc;sous_occupation;") || !strings.HasPrefix(lines[1], "M001;ARC001-0001;2;1,5;") {
			t.Fatalf("occupation CSV:\n%s", b)
		}
	})
	t.Run("Backup", func(t *testing.T) {
		dest := filepath.Join(dir, "copie.db")
		if code, _, errOut := runCLI(t, "--db", db, "sauvegarde", "--out", dest); code != 0 {
			t.Fatalf("sauvegarde: %s", errOut)
		}
		if code, out, _ := runCLI(t, "--db", dest, "verify"); code != 0 || !strings.Contains(out, "menages: 2") {
			t.Fatalf("backup verify: %q", out)
		}
	})
	t.Run("ErrLockedDatabase", func(t *testing.T) {
		held, err := storage.Open(db, storage.Options{User: testUser, Password: testPassword, CheapKeys: true})
		if err != nil {
			t.Fatal(err)
		}
		defer held.Close()
		start := time.Now()
		code, _, errOut := runCLI(t, "--db", db, "verify")
		if code != 1 || !strings.Contains(errOut, "est déjà ouverte dans une autre fenêtre de Logis") || strings.Contains(errOut, "timeout") {
			t.Fatalf("code %d, stderr %q", code, errOut)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Fatalf("refusal took %v", d)
		}
	})
	t.Run("ErrUsage", func(t *testing.T) {
		if code, _, errOut := runCLI(t, "--db", db, "inconnue"); code != 2 || !strings.Contains(errOut, "Commande inconnue") {
			t.Fatalf("code %d, stderr %q", code, errOut)
		}
		if code, _, errOut := runCLI(t, "--db", db, "occupation", "--date", "31/02/2026"); code != 1 || !strings.Contains(errOut, "n'est pas une date") {
			t.Fatalf("code %d, stderr %q", code, errOut)
		}
	})
}
