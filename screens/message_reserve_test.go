package screens

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"logis/model"
)

// TestOccupation_MessageNeDeplaceRien (essai-12 F4, the constat's kind): the
// « obligatoire » lines of a household's constat appear in room kept for
// them: the next household's card and its button do not move.
func TestOccupation_MessageNeDeplaceRien(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	defer w.Close()
	p := newOccupationPanel(nil, func() error { return nil }, func(string, string, string) error { return nil })
	p.set([]model.DossierOccupation{
		{Menage: "M000001", Logement: "L1", Situations: []string{"sous_occupation"}},
		{Menage: "M000002", Logement: "L2", Situations: []string{"sous_occupation"}},
	}, false, false)
	w.SetContent(p.body)
	w.Resize(fyne.NewSize(1000, 1400))
	premier, second := p.cards[0], p.cards[1]
	avant := second.form.Save.Position()
	boxAvant := second.box.Position()
	test.Type(premier.constat.Entry, "Deux pièces de trop")
	premier.form.Check()
	if !premier.form.Summary.Visible() || premier.form.Summary.Text == "" {
		t.Fatal("no message for the missing « Logement adapté »")
	}
	w.Content().Refresh()
	if got := second.box.Position(); got != boxAvant {
		t.Errorf("the next household moved from %v to %v", boxAvant, got)
	}
	if got := second.form.Save.Position(); got != avant {
		t.Errorf("its button moved from %v to %v", avant, got)
	}
	// Both messages at once (nothing typed) still fit the room.
	premier.constat.SetText("")
	premier.form.Check()
	w.Content().Refresh()
	if got := second.box.Position(); got != boxAvant {
		t.Errorf("two messages: the next household moved from %v to %v", boxAvant, got)
	}
}

// TestParametres_MessageNePousseRien: in Paramètres › Règles and in the
// office's identity, a message coming does not push « Enregistrer » up (the
// messages sit above the button, which keeps the foot of the page).
func TestParametres_MessageNePousseRien(t *testing.T) {
	m := readyMain(t, 5, 5)
	m.win.Resize(fyne.NewSize(1366, 768))
	m.Show("Paramètres")
	s := m.screens[m.current].(*Parametres)
	relayout := func() { // what the window does at its next frame
		m.win.Resize(fyne.NewSize(1366, 767))
		m.win.Resize(fyne.NewSize(1366, 768))
	}
	for i, f := range []*Form{s.office, s.regles.form} {
		s.tabs.SelectIndex(i)
		relayout()
		avant := absPos(f.Save)
		f.Summary.SetText("Ligne 1 : plafond obligatoire.\nLigne 2 : plafond obligatoire.")
		f.Summary.Show()
		relayout()
		if got := absPos(f.Save); got != avant {
			t.Errorf("tab %d: Enregistrer moved from %v to %v", i, avant, got)
		}
		f.Summary.Hide()
	}
}

// absPos is o's position in its canvas.
func absPos(o fyne.CanvasObject) fyne.Position {
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
}
