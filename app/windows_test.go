//go:build windows

package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"logis/model"
)

// On Windows (run under Wine by make test-windows): the default base is in
// the real %LocalAppData%, the former one in %AppData%.
func TestWindows_CheminBaseParDefaut(t *testing.T) {
	local, roaming := os.Getenv("LOCALAPPDATA"), os.Getenv("APPDATA")
	if local == "" || roaming == "" {
		t.Fatal("LOCALAPPDATA or APPDATA unset")
	}
	chemin, ancien := CheminBaseParDefaut("windows", os.Getenv)
	if chemin != filepath.Join(local, "Logis", "logis.db") || ancien != filepath.Join(roaming, "Logis", "logis.db") {
		t.Errorf("%q, %q (LOCALAPPDATA %q, APPDATA %q)", chemin, ancien, local, roaming)
	}
	t.Logf("base par défaut : %s", chemin)
}

// A PDF with no program to print it: the shell's print verb fails, and the
// document is opened instead with the Ctrl+P message.
func TestWindows_ImprimerSansAssociation(t *testing.T) {
	// not t.TempDir: Wine 8 fails its removal (unlinkat: Invalid function)
	dir, err := os.MkdirTemp("", "logis-imprimer-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	p := filepath.Join(dir, "courriers.pdf")
	if err := os.WriteFile(p, []byte("%PDF-1.4\n%%EOF\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	err = imprimerSysteme(p)
	if err == nil {
		t.Skip("ce poste sait imprimer les PDF : pas de repli à vérifier")
	}
	t.Logf("impression refusée par le système : %v", err)
	var ouvert string
	err = imprimerOuOuvrir(p, imprimerSysteme, func(s string) error { ouvert = s; return nil })
	if ouvert != p || !strings.Contains(model.ErrorMessage(err), "Ctrl+P") {
		t.Errorf("opened %q, %v", ouvert, err)
	}
}
