package screens

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"logis/model"
)

// A click on a row of a liste gives the list the keyboard focus and marks
// the row: Down then goes on from it (essai-12b N1, N3).
func TestListe_ClicDonneLeClavier(t *testing.T) {
	test.NewTempApp(t)
	var choisi []widget.ListItemID
	l := newListe(func() int { return 8 }, func() fyne.CanvasObject { return widget.NewLabel("ligne") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText("ligne") })
	l.OnSelected = func(i widget.ListItemID) { choisi = append(choisi, i) }
	e := newEntree()
	w := test.NewWindow(container.NewBorder(e, nil, nil, nil, l))
	w.Resize(fyne.NewSize(300, 500))
	defer w.Close()
	w.Canvas().Focus(e)

	h := l.Size().Height / 8 // rows shown: 8 rows or more fit
	row := widget.NewLabel("ligne").MinSize().Height
	y := l.Position().Y + 2*row + row/2
	test.TapCanvas(w.Canvas(), fyne.NewPos(40, y))
	if w.Canvas().Focused() != l {
		t.Fatalf("after a click on a row: focus on %T, want the list (h %.0f)", w.Canvas().Focused(), h)
	}
	if len(choisi) != 1 {
		t.Fatalf("click selected %v", choisi)
	}
	if l.marquee() != choisi[0] {
		t.Errorf("mark %d, row clicked %d", l.marquee(), choisi[0])
	}
	if !l.cadre.Visible() {
		t.Error("the list focused by a click shows no amber frame")
	}
	l.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	l.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(choisi) != 2 || choisi[1] != choisi[0]+1 {
		t.Errorf("Down then Entrée after the click opened %v, want row %d", choisi, choisi[0]+1)
	}
}

// Examen d'occupation (essai-12b N1): from the search, Down goes to the
// households found (first row marked), Entrée in the search or on the row
// marked shows its detail; Tab from the search goes to the list, not to
// « Marquer toute la liste ».
func TestOccupation_ClavierRecherche(t *testing.T) {
	m := newTestMain(t, 300, 200)
	s := occupationScreen(t, m)
	c := m.win.Canvas()
	test.Tap(s.runBtn)
	s.waitIdle()
	if len(s.rows) < 3 {
		t.Fatalf("%d households in a situation", len(s.rows))
	}
	s.focusSearch()
	if c.Focused() != s.search {
		t.Fatal("Ctrl+F does not focus the search")
	}
	// Entrée in the search shows the first household.
	s.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if s.current != 0 || s.selected() == nil || s.selected().Menage != s.rv.Examens[s.rows[0]].Menage {
		t.Fatalf("Entrée in the search: current %d", s.current)
	}
	if !s.markBtn.Visible() || s.markBtn.Disabled() {
		t.Error("the detail shown, « Marquer » stays grey")
	}
	// Down goes to the list, first row marked; Down, Entrée opens the second.
	s.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if c.Focused() != s.menages || s.menages.marquee() != 0 {
		t.Fatalf("Down from the search: focus %T, mark %d", c.Focused(), s.menages.marquee())
	}
	s.menages.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	s.menages.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if s.current != 1 {
		t.Errorf("Entrée on the second row: current %d", s.current)
	}
	// Up from the first row goes back to the search.
	s.menages.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	s.menages.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	if c.Focused() != s.search {
		t.Errorf("Up from the first row: focus %T", c.Focused())
	}
	// Tab: search, households, then « Marquer toute la liste ».
	c.Focus(s.search)
	c.FocusNext()
	if c.Focused() != s.menages {
		t.Fatalf("Tab from the search: focus %T %v, want the households", c.Focused(), c.Focused())
	}
	c.FocusNext()
	if c.Focused() != s.markAll {
		t.Errorf("Tab from the households: focus %T, want « Marquer toute la liste »", c.Focused())
	}
	// The situations come before the search.
	c.Focus(s.filtres)
	c.FocusNext()
	if c.Focused() != s.search {
		t.Errorf("Tab from the situations: focus %T, want the search", c.Focused())
	}
}

// Commissions (essai-12b N2): Entrée in the session search opens the first
// session found; Down goes to the list, Entrée opens the row marked; Tab
// goes from the search to the list before « Nouvelle séance ».
func TestCommissions_ClavierRecherche(t *testing.T) {
	m := newTestMain(t, 300, 200)
	s := commissionsScreen(t, m)
	c := m.win.Canvas()
	for _, commune := range []string{"Arcueil", "Vitry-sur-Seine"} {
		if _, err := m.app.NouvelleCommission(m.app.Today(), "Salle du conseil", commune, model.CommissionAttribution); err != nil {
			t.Fatal(err)
		}
	}
	s.reload("")
	s.waitIdle()
	if len(s.rows) < 2 {
		t.Fatalf("%d sessions listed", len(s.rows))
	}
	s.focusSearch()
	test.Type(s.search, "arcueil")
	if len(s.rows) == 0 {
		t.Fatal("« arcueil » finds no session")
	}
	want := s.all[s.rows[0]].ID
	s.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	s.waitIdle()
	if s.current != want {
		t.Fatalf("Entrée in the search opened %q, want %q", s.current, want)
	}
	s.search.SetText("")
	if len(s.rows) < 2 {
		t.Fatalf("%d sessions after clearing the search", len(s.rows))
	}
	s.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if c.Focused() != s.list || s.list.marquee() != 0 {
		t.Fatalf("Down from the search: focus %T, mark %d", c.Focused(), s.list.marquee())
	}
	s.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	s.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	s.waitIdle()
	if want := s.all[s.rows[1]].ID; s.current != want {
		t.Errorf("Entrée on the second row opened %q, want %q", s.current, want)
	}
	c.Focus(s.search)
	c.FocusNext()
	if c.Focused() != s.list {
		t.Errorf("Tab from the search: focus %T, want the sessions", c.Focused())
	}
	c.FocusNext()
	if c.Focused() != s.newBtn {
		t.Errorf("Tab from the sessions: focus %T, want « Nouvelle séance »", c.Focused())
	}
}
