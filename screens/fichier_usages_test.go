package screens

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// topChoix is the chooser last opened in w, checked to be on top.
func topChoix(t *testing.T, w fyne.Window, titre string) {
	t.Helper()
	txt := strings.Join(textesOverlay(w), "|")
	if !strings.Contains(txt, "Parcourir…") || !strings.Contains(txt, "Annuler") {
		t.Errorf("%s: no French chooser on top: %s", titre, txt)
	}
	for _, en := range []string{"Open", "Save", "Cancel", "Home", "Computer"} {
		if strings.Contains(txt, "|"+en) {
			t.Errorf("%s: English %q: %s", titre, en, txt)
		}
	}
	closeTopDialog()
}

// Every place of Logis that asks for a file or a folder shows the chooser.
func TestChoix_EveryCallSite(t *testing.T) {
	m := newTestMain(t, 30, 20)
	m.win.Resize(fyne.NewSize(1366, 768))
	s := parametresScreen(t, m)
	for titre, f := range map[string]func(){
		"logo": s.onChooseLogo, "import": func() { s.onImport("logements") }, "sauvegarde": s.onBackup,
		"restauration": s.onRestore, "export des règles": s.regles.onExportRegles, "import des règles": func() { s.regles.onImportRegles("plafonds") },
	} {
		f()
		topChoix(t, m.win, titre)
	}
	var bg sync.WaitGroup
	r := newRapportPanel(m.win, m.app, m.app.Log, &bg)
	r.annee.Selected = "2026"
	r.onSave(true)
	topChoix(t, m.win, "rapport")
	d := newDocumentsPanel(m.win, t.TempDir(), &bg, nil, nil)
	d.onChoisirDossier()
	topChoix(t, m.win, "dossier des documents")
	bg.Wait()
}

// An import goes from the typed path to the base; the folder is
// remembered for the next import.
func TestChoix_ImportThroughChooser(t *testing.T) {
	m := newTestMain(t, 0, 0)
	m.win.Resize(fyne.NewSize(1366, 768))
	s := parametresScreen(t, m)
	dir := t.TempDir()
	csv := "reference;residence;adresse;code_postal;commune;qpv;typologie;pieces;surface;etage;ascenseur;pmr;financement;loyer;charges;contingent\n" +
		"L1;R1;1 rue A;94110;Arcueil;non;T2;2;40;1;oui;non;PLUS;400;100;bailleur\n"
	path := filepath.Join(dir, "logements.csv")
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	s.onImport("logements")
	var ch *choix
	visit(m.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if e, ok := o.(*entree); ok && ch == nil {
			ch = &choix{chemin: e}
		}
	})
	if ch == nil {
		t.Fatal("no path field")
	}
	ch.chemin.SetText(path)
	tapButton(t, m.win.Canvas().Overlays().Top(), "Importer")
	s.waitIdle()
	if c, _ := m.app.DB.Counts(); c.Logements != 1 || !strings.HasPrefix(s.importStatus.Text, "Import logements : 1 ligne(s)") {
		t.Errorf("import: %+v, %q", c, s.importStatus.Text)
	}
	if dossierRetenu(usageImports) != dir {
		t.Errorf("folder remembered: %q", dossierRetenu(usageImports))
	}
}

// The review's export writes the CSV where the agent said.
func TestChoix_OccupationExportThroughChooser(t *testing.T) {
	m := newTestMain(t, 300, 200)
	m.win.Resize(fyne.NewSize(1366, 768))
	s := occupationScreen(t, m)
	test.Tap(s.runBtn)
	s.waitIdle()
	dir := t.TempDir()
	retenirDossier(usageExports, dir)
	s.onExport()
	tapButton(t, m.win.Canvas().Overlays().Top(), "Enregistrer")
	s.waitIdle()
	want := filepath.Join(dir, "examen-occupation-"+s.rv.Date.ISO()+".csv")
	b, err := os.ReadFile(want)
	if err != nil || !strings.Contains(string(b), ";") {
		t.Errorf("export %s: %v, %d bytes", want, err, len(b))
	}
}
