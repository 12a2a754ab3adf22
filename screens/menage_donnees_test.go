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
	if r := m.app.Catalogue().Menage(id); r == nil || !strings.HasPrefix(s.ligne(r), "Traitement limité") {
		t.Errorf("la liste ne montre pas la limitation")
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

// TestMenageDonnees_DateRadiation: the struck-off date is on the sheet,
// refused with an active application, saved with an inactive one.
func TestMenageDonnees_DateRadiation(t *testing.T) {
	m := readyMain(t, 20, 10)
	s := m.menages()
	for i := range s.rows {
		s.list.Select(i)
		if s.fiche.nur.Text() != "" {
			break
		}
	}
	f := s.fiche
	if f.nur.Text() == "" {
		t.Skip("aucune demande dans la démo")
	}
	f.active.Check.SetChecked(true)
	f.radiation.Entry.SetText("15/03/2022")
	if !strings.Contains(strings.Join(f.extraErrors(), " "), "une demande radiée est inactive") {
		t.Fatalf("erreurs %v", f.extraErrors())
	}
	f.active.Check.SetChecked(false)
	if !f.onSave() {
		t.Fatalf("enregistrement refusé : %v", f.extraErrors())
	}
	fi, err := m.app.OpenMenage(f.loaded)
	if err != nil {
		t.Fatal(err)
	}
	if d := fi.Demande(); d == nil || d.DateRadiation.String() != "15/03/2022" || d.Active {
		t.Fatalf("demande %+v", d)
	}
}
