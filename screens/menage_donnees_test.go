package screens

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMenageDonnees_LimiterExporterEffacer runs the three rights from the
// sheet: restriction (the title says so), export (two files), erasure of a
// household no closed session names (it leaves the list).
func TestMenageDonnees_LimiterExporterEffacer(t *testing.T) {
	m := readyMain(t, 20, 10)
	s := m.menages()
	s.list.Select(0)
	f := s.fiche
	id := f.loaded
	if id == "" {
		t.Fatal("aucun ménage ouvert")
	}
	limiterDonnees(f, true)
	tapButton(t, m.win.Canvas().Overlays().Top(), "Limiter")
	if !strings.Contains(f.title.Text, "traitement limité") {
		t.Fatalf("titre %q", f.title.Text)
	}
	exporterDonnees(f)
	tapButton(t, m.win.Canvas().Overlays().Top(), "Exporter")
	dir := dossierDonnees(m.app)
	for _, ext := range []string{".json", ".pdf"} {
		if _, err := os.Stat(filepath.Join(dir, id+ext)); err != nil {
			t.Errorf("export %s : %v", ext, err)
		}
	}
	if top := m.win.Canvas().Overlays().Top(); top == nil || !strings.Contains(labelTexts(top), id+".json") {
		t.Fatal("les fichiers écrits ne sont pas montrés")
	}
	tapButton(t, m.win.Canvas().Overlays().Top(), "Fermer")
	effacerDonnees(f)
	top := m.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(labelTexts(top), "supprimés entièrement") {
		t.Fatalf("explication absente : %q", labelTexts(top))
	}
	tapButton(t, top, "Effacer")
	if _, err := m.app.OpenMenage(id); err == nil {
		t.Fatal("le ménage existe encore")
	}
	if top := m.win.Canvas().Overlays().Top(); top == nil || !strings.Contains(labelTexts(top), "supprimés entièrement") {
		t.Fatal("compte rendu absent")
	}
}
