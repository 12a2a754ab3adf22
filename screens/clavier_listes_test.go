package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
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

// Commissions › Logements (essai-12b N3): Entrée on the vacant dwelling
// marked with Down examines it; a click on a row of the proposed
// candidates' table gives the table the keyboard.
func TestCommissions_ClavierLogementsVacants(t *testing.T) {
	m := newTestMain(t, 400, 200)
	s := commissionsScreen(t, m)
	c := m.win.Canvas()
	cs, err := m.app.NouvelleCommission(m.app.Today(), "Salle du conseil", "Vitry-sur-Seine", model.CommissionAttribution)
	if err != nil {
		t.Fatal(err)
	}
	s.reload(cs.ID)
	s.waitIdle()
	s.seance.tabs.Select(s.seance.tabLog)
	p := s.seance.logements
	p.filterVacants()
	if len(p.vac.rows) < 2 {
		t.Fatalf("%d vacant dwellings offered", len(p.vac.rows))
	}
	ref := p.vac.rows[1].Reference
	c.Focus(p.refEntry)
	p.refEntry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	p.vacList.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if c.Focused() != p.vacList || p.vacList.marquee() != 1 {
		t.Fatalf("Down, Down: focus %T, mark %d", c.Focused(), p.vacList.marquee())
	}
	p.vacList.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	s.waitIdle()
	got, err := m.app.Commission(cs.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Dossier(ref) == nil || len(got.Logements) != 1 {
		t.Fatalf("Entrée on %s examined %d dwelling(s): %q", ref, len(got.Logements), p.addErr.Text)
	}
	// The dwelling examined is shown with its proposed candidates.
	p.tabs.Select(p.tabProp)
	p.loadPropositions()
	s.waitIdle()
	if p.props.Length() < 3 {
		t.Fatalf("%d candidates proposed", p.props.Length())
	}
	c.Focus(p.refEntry)
	m.win.Resize(fyne.NewSize(1920, 1080))
	m.win.Content().Refresh()
	ligne := ligneDeListe(p.props, 1)
	if ligne == nil {
		t.Fatalf("the table shows no second row (size %v)", p.props.Size())
	}
	test.Tap(ligne) // a click: Fyne's driver unfocuses, then taps
	if c.Focused() != p.props {
		t.Fatalf("click on a candidate: focus %T, want the table", c.Focused())
	}
	clique := p.propSel
	if clique < 0 || p.props.marquee() != clique {
		t.Fatalf("click: row chosen %d, mark %d", clique, p.props.marquee())
	}
	p.props.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	p.props.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if p.propSel != clique+1 {
		t.Errorf("Down, Entrée after the click: row %d, want %d", p.propSel, clique+1)
	}
}

// ligneDeListe is the row object drawn for row i of l, nil when not drawn.
func ligneDeListe(l *liste, i widget.ListItemID) *ligneListe {
	var found *ligneListe
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if found != nil || o == nil {
			return
		}
		if r, ok := o.(*ligneListe); ok && r.l == l && r.id == i && r.Visible() {
			found = r
			return
		}
		switch o := o.(type) {
		case *fyne.Container:
			for _, ch := range o.Objects {
				walk(ch)
			}
		case fyne.Widget:
			for _, ch := range test.WidgetRenderer(o).Objects() {
				walk(ch)
			}
		}
	}
	walk(l)
	return found
}

// Ctrl+S, Ctrl+E… typed in a field with a list of usual values
// (« Logement adapté » of a constat) reach the window (essai-12b N4).
func TestCommissions_RaccourcisDansLogementAdapte(t *testing.T) {
	m := newTestMain(t, 400, 200)
	s := commissionsScreen(t, m)
	c := m.win.Canvas()
	cs, _ := seanceDuJour(t, m, s)
	e := s.seance
	e.tabs.Select(e.tabOcc)
	test.Tap(e.occupation.addBtn)
	if len(e.occupation.cards) == 0 {
		t.Fatal("no household to examine in the demo")
	}
	card := e.occupation.cards[0]
	test.Type(card.constat.Entry, "Sous-occupation constatée.")
	c.Focus(card.adapte)
	card.adapte.SetText("T3")
	card.adapte.TypedShortcut(ctrlE)
	if c.Focused() != card.form.Save {
		t.Errorf("Ctrl+E in « Logement adapté »: focus %T, want Enregistrer", c.Focused())
	}
	c.Focus(card.adapte)
	card.adapte.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault})
	got, err := m.app.Commission(cs.ID)
	if err != nil {
		t.Fatal(err)
	}
	if d := got.DossierOccupationDe(card.menage); d == nil || d.LogementAdapte != "T3" || d.Constat == "" {
		t.Fatalf("Ctrl+S in « Logement adapté » saved %+v", d)
	}
	// The field's own shortcuts still work: select all, then cut.
	card.adapte.TypedShortcut(&fyne.ShortcutSelectAll{})
	if card.adapte.SelectedText() != "T3" {
		t.Errorf("Ctrl+A in « Logement adapté » selects %q", card.adapte.SelectedText())
	}
}

// Every text field of the screens passes the window's shortcuts on: no
// Fyne entry of another kind (it would swallow Ctrl+S, Ctrl+F…). Every
// screen, every tab of Paramètres and of a session with members and a
// constat are walked.
func TestClavier_ChampsPassentLesRaccourcis(t *testing.T) {
	m := newTestMain(t, 400, 200)
	s := commissionsScreen(t, m)
	seanceDuJour(t, m, s)
	test.Tap(s.seance.occupation.addBtn)
	var walk func(where string, o fyne.CanvasObject)
	walk = func(where string, o fyne.CanvasObject) {
		switch o.(type) {
		case *entree, *saisieChoix:
			return
		case fyne.Shortcutable:
			if _, ok := o.(fyne.Focusable); ok {
				t.Errorf("%s: a %T swallows the window's shortcuts", where, o)
			}
		}
		switch o := o.(type) {
		case *fyne.Container:
			for _, ch := range o.Objects {
				walk(where, ch)
			}
		case fyne.Widget:
			for _, ch := range test.WidgetRenderer(o).Objects() {
				walk(where, ch)
			}
		}
	}
	for _, it := range s.seance.tabs.Items {
		walk("séance, "+it.Text, it.Content)
	}
	par := parametresScreen(t, m)
	for _, it := range par.tabs.Items {
		walk("Paramètres, "+it.Text, it.Content)
	}
	for _, name := range []string{"Ménages et demandes", "Patrimoine", "Examen d'occupation"} {
		m.Show(name)
		walk(name, m.win.Content())
	}
}

// A password field is an entree (the window's shortcuts work from it)
// whose eye shows and hides the text.
func TestClavier_MotDePasse(t *testing.T) {
	test.NewTempApp(t)
	e := newMotDePasse()
	w := test.NewWindow(e)
	defer w.Close()
	test.Type(e, "secret")
	o, ok := e.ActionItem.(*oeil)
	if !ok || !e.Password || e.Text != "secret" {
		t.Fatalf("password field: eye %v, hidden %v, text %q", ok, e.Password, e.Text)
	}
	test.Tap(o)
	if e.Password {
		t.Error("the eye does not show the text")
	}
	test.Tap(o)
	if !e.Password {
		t.Error("the eye does not hide the text again")
	}
}

var ctrlS = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}

// After Ctrl+S the keyboard stays in the field the agent was in, and Tab
// goes on to the next field, on the household sheet (rebuilt by its save),
// the dwelling's and the residence's (essai-12b N6).
func TestClavier_CtrlSGardeLeChamp(t *testing.T) {
	m := readyMain(t, 10, 10)
	c := m.win.Canvas()
	check := func(name string, form *Form, field func() *entree, change string) {
		t.Helper()
		f0 := field()
		c.Focus(f0)
		c.FocusNext()
		suivant := indexFocusable(c.Content(), c.Focused().(fyne.CanvasObject))
		c.Focus(f0)
		place := indexFocusable(c.Content(), f0)
		test.Type(f0, change)
		c.(fyne.Shortcutable).TypedShortcut(ctrlS)
		if form.Dirty() {
			t.Fatalf("%s: Ctrl+S did not save: %v", name, form.Errors())
		}
		got, ok := c.Focused().(*entree)
		if !ok || got != field() || indexFocusable(c.Content(), got) != place {
			t.Fatalf("%s: after Ctrl+S the focus is on %T (place %d), want the field (place %d)", name, c.Focused(), indexFocusable(c.Content(), got), place)
		}
		if !strings.Contains(got.Text, change) {
			t.Errorf("%s: the field focused holds %q", name, got.Text)
		}
		c.FocusNext()
		if n := indexFocusable(c.Content(), c.Focused().(fyne.CanvasObject)); n != suivant {
			t.Errorf("%s: Tab after Ctrl+S goes to %T (place %d), want place %d", name, c.Focused(), n, suivant)
		}
	}
	s := m.menages()
	s.list.Select(0)
	check("ménage", s.fiche.form, func() *entree { return s.fiche.membres[0].prenom.Entry }, "-Paul")

	p := m.patrimoine()
	p.list.Select(0)
	check("logement", p.form.form, func() *entree { return p.form.contingent.Entry }, "x")

	p.tabs.SelectIndex(1)
	p.res.list.Select(0)
	check("résidence", p.rform.form, func() *entree { return p.rform.nom.Entry }, "Z")
}

// The file browser (essai-12b N11): Tab goes « Dossier parent », the usual
// folders, the list, then « Annuler » and « Choisir ce fichier »; the list
// focused shows the amber frame.
func TestParcourir_ListeAvantLesBoutons(t *testing.T) {
	home := arbre(t, "Bureau/", "Bureau/a.csv", "b.csv")
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	m := newTestMain(t, 0, 0)
	c := m.win.Canvas()
	p := parcourirDossiers(m.win, choixFichier{Titre: "Essai", Mode: choixOuvrir, Extensions: []string{".csv"}}, home, "", func(string) {})
	defer p.d.Hide()
	if c.Focused() != p.liste || !p.liste.cadre.Visible() {
		t.Fatalf("the browser opens with the focus on %T, frame shown %v", c.Focused(), p.liste.cadre.Visible())
	}
	var ordre []string
	c.Focus(p.parentBtn)
	for range 12 {
		c.FocusNext()
		switch f := c.Focused().(type) {
		case *listeFichiers:
			ordre = append(ordre, "liste")
		case *bouton:
			ordre = append(ordre, f.Text)
		default:
			ordre = append(ordre, "?")
		}
		if c.Focused() == p.parentBtn {
			break
		}
	}
	t.Logf("Tab: %v", ordre)
	iListe, iAnnuler, iChoisir := -1, -1, -1
	for i, o := range ordre {
		switch o {
		case "liste":
			iListe = i
		case "Annuler":
			iAnnuler = i
		case "Choisir ce fichier":
			iChoisir = i
		}
	}
	if iListe < 0 || iAnnuler < 0 || iChoisir < 0 || iListe > iAnnuler || iAnnuler > iChoisir || ordre[iAnnuler-1] != "liste" {
		t.Errorf("Tab from « Dossier parent »: %v; want the shortcuts, the list, « Annuler », « Choisir ce fichier »", ordre)
	}
	c.Focus(p.parentBtn)
	if p.liste.cadre.Visible() {
		t.Error("the frame stays when the list loses the focus")
	}
}
