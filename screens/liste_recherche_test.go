package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// rechercheEssai is a search-list over words, with a record « open » and
// a leave question answered by the test.
type rechercheEssai struct {
	l       *listeRecherche[string]
	mots    []string
	pret    bool
	ouvert  string
	rester  bool // the leave question keeps the record open
	quitter int  // times the leave question was asked
}

func newRechercheEssai() *rechercheEssai {
	e := &rechercheEssai{mots: []string{"T2 Arcueil", "T3 Vitry", "T4 Arcueil", "T4 Ivry"}}
	e.l = newListeRecherche(rechercheOptions[string]{
		aide:    "Mot… (Ctrl+F)",
		modele:  func() fyne.CanvasObject { return widget.NewLabel("T4 Arcueil") },
		remplir: func(r string, o fyne.CanvasObject) { o.(*widget.Label).SetText(r) },
		chercher: func() ([]string, bool) {
			if !e.pret {
				return nil, false
			}
			var out []string
			for _, m := range e.mots {
				if strings.Contains(strings.ToLower(m), strings.ToLower(e.l.search.Text)) {
					out = append(out, m)
				}
			}
			return out, true
		},
		attente: func() string { return "Chargement…" },
		compter: func(n int) string { return pluriel(n, "mot", "mots") },
		cle:     func(r string) string { return r },
		courant: func() string { return e.ouvert },
		quitter: func(ouvrir, rester func()) {
			e.quitter++
			if e.rester {
				rester()
			} else {
				ouvrir()
			}
		},
		ouvrir: func(r string) { e.ouvert = r },
	})
	return e
}

func TestListeRecherche(t *testing.T) {
	test.NewTempApp(t)
	e := newRechercheEssai()
	w := test.NewWindow(container.NewBorder(container.NewVBox(e.l.search, e.l.count), nil, nil, nil, e.l.list))
	defer w.Close()

	// While the index is built: the waiting line, no rows.
	e.l.relancer()
	if e.l.count.Text != "Chargement…" || len(e.l.rows) != 0 {
		t.Fatalf("index not ready: %q, %d rows", e.l.count.Text, len(e.l.rows))
	}
	if e.l.search.PlaceHolder != "Mot… (Ctrl+F)" || !e.l.count.TextStyle.Bold {
		t.Errorf("placeholder %q, bold count %v", e.l.search.PlaceHolder, e.l.count.TextStyle.Bold)
	}
	e.pret = true
	e.l.relancer()
	if e.l.count.Text != "4 mots" || e.l.selected != -1 {
		t.Fatalf("ready: %q, selected %d", e.l.count.Text, e.l.selected)
	}

	// Typing reruns the search and counts.
	test.Type(e.l.search, "t4")
	if e.l.count.Text != "2 mots" || len(e.l.rows) != 2 || e.l.rows[1] != "T4 Ivry" {
		t.Fatalf("« t4 »: %q, rows %v", e.l.count.Text, e.l.rows)
	}

	// The user picks a row: asked to leave, then it opens.
	e.l.list.Select(1)
	if e.quitter != 1 || e.ouvert != "T4 Ivry" || e.l.selected != 1 {
		t.Fatalf("pick: asked %d, open %q, selected %d", e.quitter, e.ouvert, e.l.selected)
	}
	// Another search keeps the open record selected, at its new row,
	// without asking again nor reopening.
	e.l.search.SetText("")
	if e.l.selected != 3 || e.quitter != 1 {
		t.Fatalf("after clearing the box: selected %d, asked %d", e.l.selected, e.quitter)
	}
	// A search that drops the open record selects nothing.
	e.l.search.SetText("arcueil")
	if e.l.selected != -1 || e.l.count.Text != "2 mots" || e.ouvert != "T4 Ivry" {
		t.Fatalf("record out of the rows: selected %d, %q, open %q", e.l.selected, e.l.count.Text, e.ouvert)
	}

	// Entrée on the focused row opens it, as a click does.
	w.Canvas().Focus(e.l.list)
	e.l.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	e.l.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if e.ouvert != "T4 Arcueil" || e.l.selected != 1 || e.quitter != 2 {
		t.Fatalf("Entrée on the second row: open %q, selected %d, asked %d", e.ouvert, e.l.selected, e.quitter)
	}

	// The user stays on the open record (unsaved changes): the selection
	// goes back to where it was.
	e.l.search.SetText("")
	e.rester = true
	e.l.list.Select(0)
	if e.ouvert != "T4 Arcueil" || e.l.selected != 2 || e.quitter != 3 {
		t.Fatalf("stayed: open %q, selected %d, asked %d", e.ouvert, e.l.selected, e.quitter)
	}
	e.l.list.Select(0) // still there: the list shows the row open
	if e.quitter != 4 || e.l.selected != 2 {
		t.Errorf("second try: asked %d, selected %d", e.quitter, e.l.selected)
	}
}

// TestListeRecherche_Clavier: the rows found are reached with the keyboard
// (essai-12 F1): Down from the box marks the first row in the list, Entrée
// opens the marked row; Entrée in the box opens the first row; Up from the
// first row goes back to the box; Tab from the box reaches the list.
func TestListeRecherche_Clavier(t *testing.T) {
	m := readyMain(t, 40, 20)
	s := m.menages()
	c := m.win.Canvas()
	c.Focus(s.search)
	test.Type(s.search, "a")
	if len(s.rows) < 3 {
		t.Fatalf("%d rows for « a »", len(s.rows))
	}
	s.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if c.Focused() != s.list || s.list.marquee() != 0 {
		t.Fatalf("Down in the box: focus %T, row marked %d", c.Focused(), s.list.marquee())
	}
	s.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	s.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := s.o.courant(); got != s.rows[1].ID {
		t.Fatalf("Entrée on the second row opened %q, want %q", got, s.rows[1].ID)
	}
	// Up from the first row goes back to the box.
	s.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	s.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	if c.Focused() != s.search {
		t.Fatalf("Up from the first row: focus %T", c.Focused())
	}
	// A new search, Entrée in the box: the first row found opens.
	s.search.SetText("")
	test.Type(s.search, "e")
	s.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := s.o.courant(); len(s.rows) == 0 || got != s.rows[0].ID {
		t.Fatalf("Entrée in the box opened %q", got)
	}
	// Tab from the box reaches the list (through the filters).
	c.Focus(s.search)
	tc := c.(test.WindowlessCanvas)
	for i := 0; i < 20 && c.Focused() != s.list; i++ {
		tc.FocusNext()
	}
	if c.Focused() != s.list {
		t.Errorf("Tab from the search never reaches the list")
	}
}

// TestNavigation_FocusApresConnexion (essai-12 F2): after sign-in the
// keyboard is in the navigation, and a focused list is framed in amber.
func TestNavigation_FocusApresConnexion(t *testing.T) {
	m := newTestMain(t, 5, 5)
	c := m.win.Canvas()
	if c.Focused() != m.nav {
		t.Fatalf("focus after sign-in: %T", c.Focused())
	}
	if m.nav.cadre == nil || !m.nav.cadre.Visible() || m.nav.cadre.StrokeColor != focusAmber || m.nav.cadre.StrokeWidth < 2 {
		t.Fatalf("focused navigation not framed in amber: %+v", m.nav.cadre)
	}
	if sz := m.nav.cadre.Size(); sz != m.nav.Size() {
		t.Errorf("frame %v, list %v", sz, m.nav.Size())
	}
	// Down then Entrée opens the second screen from the keyboard.
	m.nav.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	m.nav.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if m.current != 1 {
		t.Errorf("Down, Entrée in the navigation: screen %d", m.current)
	}
	c.Focus(nil)
	c.Unfocus()
	if m.nav.cadre.Visible() {
		t.Error("the frame stays once the focus left the list")
	}
}
