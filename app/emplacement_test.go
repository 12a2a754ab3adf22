package app

import (
	"os"
	"path/filepath"
	"testing"
)

func envDe(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestCheminBaseParDefaut(t *testing.T) {
	cases := []struct {
		env            map[string]string
		chemin, ancien string
	}{
		{map[string]string{"LOCALAPPDATA": `C:\Users\agent\AppData\Local`, "APPDATA": `C:\Users\agent\AppData\Roaming`},
			`C:\Users\agent\AppData\Local\Logis\logis.db`, `C:\Users\agent\AppData\Roaming\Logis\logis.db`},
		{map[string]string{"LOCALAPPDATA": `D:\Profils\agent\Local\`, "APPDATA": `\\serveur\profils\agent\Roaming`},
			`D:\Profils\agent\Local\Logis\logis.db`, `\\serveur\profils\agent\Roaming\Logis\logis.db`},
		{map[string]string{"USERPROFILE": `C:\Users\agent`, "APPDATA": `C:\Users\agent\AppData\Roaming`},
			`C:\Users\agent\AppData\Local\Logis\logis.db`, `C:\Users\agent\AppData\Roaming\Logis\logis.db`},
		{map[string]string{"APPDATA": `C:\Users\agent\AppData\Roaming`}, `C:\Users\agent\AppData\Roaming\Logis\logis.db`, ""},
	}
	for _, c := range cases {
		chemin, ancien := CheminBaseParDefaut("windows", envDe(c.env))
		if chemin != c.chemin || ancien != c.ancien {
			t.Errorf("%v: %q, %q; want %q, %q", c.env, chemin, ancien, c.chemin, c.ancien)
		}
	}
	if chemin, ancien := CheminBaseParDefaut("linux", envDe(nil)); filepath.Base(chemin) != "logis.db" || filepath.Base(filepath.Dir(chemin)) != "Logis" || ancien != "" {
		t.Errorf("linux: %q, %q", chemin, ancien)
	}
}

func TestDansOneDrive(t *testing.T) {
	env := envDe(map[string]string{"OneDrive": `C:\Users\agent\OneDrive - Office de Valdevy`, "OneDriveConsumer": `C:\Users\agent\Perso`})
	for p, want := range map[string]bool{
		`C:\Users\agent\OneDrive - Office de Valdevy\Documents\logis.db`: true,
		`c:\users\AGENT\onedrive - office de valdevy\logis.db`:           true,
		`C:\Users\agent\Perso\logis.db`:                                  true,
		`C:\Users\agent\Personnel\logis.db`:                              false,
		`C:\Users\agent\OneDrive\Bureau\logis.db`:                        true,
		`D:\Partage\OneDrive - Autre\logis.db`:                           true,
		`C:\Users\agent\AppData\Local\Logis\logis.db`:                    false,
		`C:\Users\agent\Documents\OneDriveNotes\logis.db`:                false,
		`/home/agent/OneDrive/logis.db`:                                  true,
		`/home/agent/.config/Logis/logis.db`:                             false,
	} {
		if got := DansOneDrive(p, env); got != want {
			t.Errorf("%s: %v, want %v", p, got, want)
		}
	}
}

// The former default base moves once, with its log and its backups; an
// existing new base is never replaced.
func TestDeplacerAncienneBase(t *testing.T) {
	dir := t.TempDir()
	ancien := filepath.Join(dir, "Roaming", "Logis", "logis.db")
	nouveau := filepath.Join(dir, "Local", "Logis", "logis.db")
	write := func(p, s string) {
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if moved, err := DeplacerAncienneBase(ancien, nouveau); moved || err != nil {
		t.Fatalf("nothing to move: %v %v", moved, err)
	}
	write(ancien, "base")
	write(filepath.Join(dir, "Roaming", "Logis", "logis.log"), "journal")
	write(filepath.Join(dir, "Roaming", "Logis", "Sauvegardes", "s1.db"), "copie")
	moved, err := DeplacerAncienneBase(ancien, nouveau)
	if !moved || err != nil {
		t.Fatalf("moved %v, %v", moved, err)
	}
	for p, want := range map[string]string{
		nouveau: "base",
		filepath.Join(dir, "Local", "Logis", "logis.log"):            "journal",
		filepath.Join(dir, "Local", "Logis", "Sauvegardes", "s1.db"): "copie",
	} {
		if b, err := os.ReadFile(p); err != nil || string(b) != want {
			t.Errorf("%s: %q %v", p, b, err)
		}
	}
	if _, err := os.Stat(ancien); !os.IsNotExist(err) {
		t.Error("the former base is still there")
	}
	write(ancien, "autre")
	if moved, err := DeplacerAncienneBase(ancien, nouveau); moved || err != nil {
		t.Errorf("an existing base was replaced: %v %v", moved, err)
	}
	if b, _ := os.ReadFile(nouveau); string(b) != "base" {
		t.Errorf("new base changed: %q", b)
	}
}
