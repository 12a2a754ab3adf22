package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"logis/model"
)

// relayoutWin lays the window out again, as its next frame would.
func relayoutWin(m *Main) {
	m.win.Resize(fyne.NewSize(1366, 767))
	m.win.Resize(fyne.NewSize(1366, 768))
}

// N7 (essai-12b): in the Décision dialog, ticking a reason shows its legal
// basis without moving the « Précisions » field under the mouse.
func TestDecision_FondementNeDeplacePasPrecisions(t *testing.T) {
	m := newTestMain(t, 400, 200)
	m.win.Resize(fyne.NewSize(1366, 768))
	s := commissionsScreen(t, m)
	_, d := seanceDuJour(t, m, s)
	p := s.seance.logements
	p.openDecision(d.Candidats[0].NUR)
	f := p.lastDecision
	f.typ.SetSelected(model.NonAttribution.Label())
	relayoutWin(m)
	f.scroll.Refresh()
	f.body.Refresh()
	avant := absPos(f.precisions.Entry)
	if f.droit.Visible() {
		t.Fatalf("a legal basis before any reason: %q", f.droit.Text)
	}
	f.motifs.SetSelected([]string{model.MotifsNonAttribution[0].Libelle, model.MotifsNonAttribution[1].Libelle})
	relayoutWin(m)
	f.scroll.Refresh() // the dialog's next frame
	f.body.Refresh()
	if !f.droit.Visible() || f.droit.Text == "" {
		t.Fatal("the legal basis of the reasons ticked is not shown")
	}
	if got := absPos(f.precisions.Entry); got != avant {
		t.Errorf("« Précisions » moved from %v to %v when a reason was ticked", avant, got)
	}
	if absPos(f.droit).Y <= avant.Y {
		t.Errorf("the legal basis (y=%v) is above « Précisions » (y=%v)", absPos(f.droit).Y, avant.Y)
	}
}

// N7 (essai-12b): the header of a closed session keeps its height while
// it is amended: the tabs stay under the mouse before, during and after an
// amendment.
func TestSeance_EnteteStableAuFilDesAmendements(t *testing.T) {
	m := newTestMain(t, 400, 200)
	m.win.Resize(fyne.NewSize(1366, 768))
	s := commissionsScreen(t, m)
	c, d := seanceDuJour(t, m, s)
	closeSession(t, m, s, c, d)
	e := s.seance
	relayoutWin(m)
	avant := absPos(e.tabs)
	if !e.amendLbl.Visible() || e.amendLbl.Text != "Aucun amendement." {
		t.Errorf("closed session: %q (visible %v)", e.amendLbl.Text, e.amendLbl.Visible())
	}
	etape := func(quoi string) {
		t.Helper()
		relayoutWin(m)
		if got := absPos(e.tabs); got != avant {
			t.Errorf("%s: the tabs moved from %v to %v (amendments line %q)", quoi, avant, got, e.amendLbl.Text)
		}
	}
	e.onAmender()
	test.Type(e.lastAmend.Entry, "Erreur de saisie constatée à la relecture du procès-verbal, les précisions étaient incomplètes et devaient être reprises entièrement.")
	test.Tap(amendStartButton(t, m))
	if e.motif() == "" {
		t.Fatal("no amendment started")
	}
	etape("amendment started")
	decide(t, e.logements, d.Candidats[1].NUR, func(f *decisionForm) {
		f.precisions.Entry.SetText("")
		test.Type(f.precisions.Entry, "Le logement a été attribué au candidat classé premier au regard de la priorité DALO.")
	})
	etape("amendment recorded")
	test.Tap(e.finAmend)
	etape("amendment ended")
	if e.amendLbl.Text == "Aucun amendement." || e.motif() != "" {
		t.Errorf("after the amendment: %q", e.amendLbl.Text)
	}
}

// N7 (essai-12b): Paramètres › Identité de l'Office: the reminder shown
// beside « Enregistrer » after a save does not shrink the form above it.
func TestParametres_RappelIdentiteNeReduitPasLeFormulaire(t *testing.T) {
	m := readyMain(t, 5, 5)
	m.win.Resize(fyne.NewSize(1366, 768))
	m.Show("Paramètres")
	s := m.screens[m.current].(*Parametres)
	s.tabs.SelectIndex(0)
	relayoutWin(m)
	hauteur, bouton := s.officeFields.Size().Height, absPos(s.office.Save)
	s.nom.Entry.SetText(s.nom.Entry.Text + " ")
	test.Tap(s.office.Save)
	if !strings.Contains(s.officeInfo.Text, "À compléter avant d'imprimer les courriers") {
		t.Fatalf("no reminder after saving: %q", s.officeInfo.Text)
	}
	relayoutWin(m)
	if got := s.officeFields.Size().Height; got != hauteur {
		t.Errorf("the form went from %v to %v px high when the reminder appeared", hauteur, got)
	}
	if got := absPos(s.office.Save); got != bouton {
		t.Errorf("Enregistrer moved from %v to %v", bouton, got)
	}
}
