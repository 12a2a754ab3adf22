package app

import (
	"strings"
	"testing"
)

func TestCommandes(t *testing.T) {
	p := `C:\Users\agent\Documents\C2026-001_courriers.pdf`
	if got := strings.Join(commandeOuvrir("windows", p), " "); got != `rundll32 url.dll,FileProtocolHandler `+p {
		t.Errorf("ouvrir windows : %s", got)
	}
	if got := commandeOuvrir("linux", "/tmp/a.pdf"); got[0] != "xdg-open" || got[1] != "/tmp/a.pdf" {
		t.Errorf("ouvrir linux : %q", got)
	}
	w := commandeImprimer("windows", `C:\Dossier d'agent\a.pdf`)
	if w[0] != "powershell" || !strings.Contains(w[len(w)-1], `Start-Process -FilePath 'C:\Dossier d''agent\a.pdf' -Verb Print`) {
		t.Errorf("imprimer windows : %q", w)
	}
	if got := commandeImprimer("linux", "/tmp/a.pdf"); got[0] != "lp" || got[len(got)-1] != "/tmp/a.pdf" {
		t.Errorf("imprimer linux : %q", got)
	}
	if err := OuvrirFichier("/nonexistent/x.pdf"); err == nil {
		t.Error("fichier absent accepté")
	}
}
