package app

import (
	"errors"
	"strings"
	"testing"

	"logis/model"
)

func TestCommandes(t *testing.T) {
	p := `C:\Users\agent\Documents\C2026-001_courriers.pdf`
	if got := strings.Join(commandeOuvrir("windows", p), " "); got != `rundll32 url.dll,FileProtocolHandler `+p {
		t.Errorf("ouvrir windows : %s", got)
	}
	if got := commandeOuvrir("linux", "/tmp/a.pdf"); got[0] != "xdg-open" || got[1] != "/tmp/a.pdf" {
		t.Errorf("ouvrir linux : %q", got)
	}
	if got := commandeImprimer("/tmp/a.pdf"); got[0] != "lp" || got[len(got)-1] != "/tmp/a.pdf" {
		t.Errorf("imprimer linux : %q", got)
	}
	if err := OuvrirFichier("/nonexistent/x.pdf"); err == nil {
		t.Error("fichier absent accepté")
	}
	if err := ImprimerFichier("/nonexistent/x.pdf"); model.ErrorCode(err) != model.ENOTFOUND {
		t.Errorf("impression d'un fichier absent : %v", err)
	}
}

// Printing falls back to opening the document, and says to print it with
// Ctrl+P; nothing to open at all is said too.
func TestImprimerOuOuvrir(t *testing.T) {
	echec := func(string) error { return errors.New("SE_ERR_NOASSOC") }
	var ouvert, imprime string
	ok := func(dst *string) func(string) error { return func(p string) error { *dst = p; return nil } }
	if err := imprimerOuOuvrir("a.pdf", ok(&imprime), ok(&ouvert)); err != nil || imprime != "a.pdf" || ouvert != "" {
		t.Errorf("printed: err %v, printed %q, opened %q", err, imprime, ouvert)
	}
	err := imprimerOuOuvrir("b.pdf", echec, ok(&ouvert))
	if ouvert != "b.pdf" || !strings.Contains(model.ErrorMessage(err), "imprimez-le avec Ctrl+P") {
		t.Errorf("fallback: opened %q, %v", ouvert, err)
	}
	err = imprimerOuOuvrir("c.pdf", echec, echec)
	if !strings.Contains(model.ErrorMessage(err), "ni imprimé ni ouvert") {
		t.Errorf("nothing can open it: %v", err)
	}
}

func TestErreurShell(t *testing.T) {
	for code, ok := range map[uintptr]bool{0: false, 2: false, 5: false, 31: false, 32: false, 33: true, 42: true} {
		if got := erreurShell(code) == nil; got != ok {
			t.Errorf("code %d: success %v, want %v", code, got, ok)
		}
	}
	if !strings.Contains(erreurShell(31).Error(), "SE_ERR_NOASSOC") {
		t.Error("31 is SE_ERR_NOASSOC")
	}
}
