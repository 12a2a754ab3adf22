package screens

import (
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"logis/model"
)

// Issue 12, item 1: communes ticked on a new household without a NUR are
// never dropped: Enregistrer stays grey and the NUR field says why.
func TestFenetre_CommunesWithoutNURKeepSaveGrey(t *testing.T) {
	m := readyMain(t, 10, 10)
	s := m.menages()
	s.create()
	f := s.fiche
	r := f.membres[0]
	test.Type(r.nom.Entry, "Essai")
	test.Type(r.naissance.Entry, "04/05/1985")
	if f.form.Save.Disabled() {
		t.Fatalf("a household without application can be saved: %v", f.form.Errors())
	}
	test.Tap(f.communes.checks[0])
	if !f.form.Save.Disabled() {
		t.Fatal("a commune ticked without NUR: Enregistrer must stay grey")
	}
	// The line under NUR says why in short, the summary at the foot of the
	// sheet names the fields (essai-12 F4: one line, nothing moves).
	if !f.nur.Message.Visible() || f.nur.Message.Text != "Requis pour la demande saisie" || !strings.Contains(f.form.Summary.Text, "communes souhaitées") {
		t.Fatalf("the NUR field names the cause: %q, summary %q", f.nur.Message.Text, f.form.Summary.Text)
	}
	test.Type(f.nur.Entry, "9999023517879GDPUB")
	test.Type(f.depot.Entry, "15/01/2024")
	if f.form.Save.Disabled() || f.nur.Message.Visible() {
		t.Fatalf("NUR typed: %v", f.form.Errors())
	}
	test.Tap(f.form.Save)
	id := f.loaded
	if id == "" {
		t.Fatalf("not saved: %v", f.form.Errors())
	}
	f.open(id)
	if got := f.communes.selected(); len(got) != 1 || got[0] != f.communes.Options[0] {
		t.Fatalf("commune reopened: %v", got)
	}
	// Unticking the last application field makes the NUR optional again.
	s.create()
	f = s.fiche
	test.Type(f.membres[0].nom.Entry, "Autre")
	test.Type(f.membres[0].naissance.Entry, "04/05/1980")
	test.Tap(f.communes.checks[1])
	test.Tap(f.communes.checks[1])
	if f.form.Save.Disabled() {
		t.Fatalf("nothing of an application left: %v", f.form.Errors())
	}
}

// The same kind on the lease: its facts without the dwelling's reference.
func TestFenetre_LeaseWithoutDwellingKeepsSaveGrey(t *testing.T) {
	m := readyMain(t, 10, 10)
	s := m.menages()
	s.create()
	f := s.fiche
	test.Type(f.membres[0].nom.Entry, "Essai")
	test.Type(f.membres[0].naissance.Entry, "04/05/1985")
	test.Tap(f.impayes.Check)
	if !f.form.Save.Disabled() || f.logement.Message.Text != "Requise pour le bail saisi" || !strings.Contains(f.form.Summary.Text, "impayés") {
		t.Fatalf("arrears without dwelling: save disabled %v, %q", f.form.Save.Disabled(), f.logement.Message.Text)
	}
	test.Tap(f.impayes.Check)
	if f.form.Save.Disabled() {
		t.Fatalf("%v", f.form.Errors())
	}
}

// Item 5: after « Enregistrer le constat » the button is grey and leaving
// the session asks nothing.
func TestFenetre_ConstatSavedIsClean(t *testing.T) {
	m := newTestMain(t, 400, 200)
	s := commissionsScreen(t, m)
	seanceDuJour(t, m, s)
	e := s.seance
	test.Tap(e.occupation.addBtn)
	if len(e.occupation.cards) == 0 {
		t.Fatalf("no household to examine: %q", e.occupation.head.Text)
	}
	c := e.occupation.cards[0]
	test.Type(c.constat.Entry, "Sous-occupation constatée.")
	c.adapte.SetText(LogementsAdaptes[0])
	test.Tap(c.form.Save)
	n := e.occupation.cards[0]
	if n.form.Dirty() || !n.form.Save.Disabled() {
		t.Fatalf("after saving: dirty %v, Enregistrer disabled %v", n.form.Dirty(), n.form.Save.Disabled())
	}
	if f := e.dirtyForm(); f != nil {
		t.Fatal("leaving would ask « Enregistrer les modifications ? » for nothing")
	}
}

// capture writes the window's image to $FENETRE_CAPTURE/name.png when that
// variable is set (to look at a layout; the tests assert geometry).
func capture(t *testing.T, m *Main, name string) {
	dir := os.Getenv("FENETRE_CAPTURE")
	if dir == "" {
		return
	}
	img := m.win.Canvas().Capture()
	fh, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	png.Encode(fh, img)
}

// Item 6: the decision dialog's buttons are below its text at 1366 × 768,
// whatever the decision chosen.
func TestFenetre_DecisionDialogButtonsBelowText(t *testing.T) {
	m := newTestMain(t, 400, 200)
	fyne.CurrentApp().Settings().SetTheme(theme.DefaultTheme()) // the sizes of the real window
	m.win.Resize(fyne.NewSize(1280, 700))                       // the window Logis opens on a 1366 × 768 screen
	s := commissionsScreen(t, m)
	_, d := seanceDuJour(t, m, s)
	p := s.seance.logements
	p.openDecision(d.Candidats[0].NUR)
	f := p.lastDecision
	f.typ.SetSelected(model.NonAttribution.Label())
	drv := fyne.CurrentApp().Driver()
	// The error line sits between the text and the buttons, never under them.
	sum := f.form.Summary
	if !sum.Visible() {
		t.Fatal("no message for a non-attribution without reasons")
	}
	capture(t, m, "decision-1366-erreur")
	top0 := drv.AbsolutePositionForObject(f.form.Save).Y
	min0 := f.content.MinSize()
	f.motifs.SetSelected([]string{model.MotifsNonAttribution[0].Libelle})
	test.Type(f.precisions.Entry, "Le ménage a refusé la visite proposée.")
	capture(t, m, "decision-1366")
	top := drv.AbsolutePositionForObject(f.form.Save).Y
	scroll := f.scroll
	bottom := drv.AbsolutePositionForObject(scroll).Y + scroll.Size().Height
	// The window's driver resizes a dialog to its content's minimum: that
	// minimum must not change as the message comes and goes.
	if min := f.content.MinSize(); min != min0 {
		t.Errorf("the dialog's content changes size with its message: %v then %v", min0, min)
	}
	if top != top0 {
		t.Errorf("the buttons moved from %.0f to %.0f as the message went", top0, top)
	}
	if bottom > top {
		t.Errorf("the text area ends at %.0f, below the buttons' top %.0f", bottom, top)
	}
	if !f.form.Save.Visible() || top+f.form.Save.Size().Height > 700 {
		t.Errorf("Enregistrer off screen: top %.0f", top)
	}
	// One message, not two that contradict each other.
	if f.form.Summary.Visible() {
		t.Errorf("valid decision still shows %q", f.form.Summary.Text)
	}
}

// Item 3: the vacant-dwelling search of a session reads the typology.
func TestFenetre_VacantSearchByTypology(t *testing.T) {
	m := newTestMain(t, 400, 200)
	s := commissionsScreen(t, m)
	seanceDuJour(t, m, s)
	p := s.seance.logements
	if len(p.vac.rows) == 0 {
		t.Fatal("no vacant dwelling")
	}
	typo := p.vac.rows[len(p.vac.rows)-1].Typologie
	want := 0
	for _, r := range p.vac.rows {
		if r.Typologie == typo {
			want++
		}
	}
	test.Type(p.refEntry, model.TypologieLabel(typo))
	if len(p.vac.rows) != want {
		t.Fatalf("« %s »: %d vacant dwellings, want %d", model.TypologieLabel(typo), len(p.vac.rows), want)
	}
	for _, r := range p.vac.rows {
		if r.Typologie != typo {
			t.Errorf("%s is a T%d", r.Reference, r.Typologie)
		}
	}
}

// Items 11, 12: Ctrl+S saves the household sheet from a field; the status
// line confirms in French with the counts read again; the list's count
// follows.
func TestFenetre_CtrlSSavesAndStatusConfirms(t *testing.T) {
	m := readyMain(t, 10, 10)
	s := m.menages()
	before := s.count.Text
	s.create()
	f := s.fiche
	test.Type(f.membres[0].nom.Entry, "Essai")
	test.Type(f.membres[0].naissance.Entry, "04/05/1985")
	f.membres[0].naissance.Entry.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault})
	if f.loaded == "" || f.form.Dirty() {
		t.Fatalf("Ctrl+S did not save: %v", f.form.Errors())
	}
	if st := m.ligneDEtat(); !strings.Contains(st, "Ménage "+f.loaded+" créé à ") || !strings.Contains(st, "11 ménages") {
		t.Errorf("status line %q", st)
	}
	if before != "10 ménages" || s.count.Text != "11 ménages" {
		t.Errorf("count %q then %q", before, s.count.Text)
	}
}

// Item 11: Entrée opens the focused row of a list, and confirms the
// default button of a dialog (never Annuler).
func TestFenetre_EntreeOpensRowAndConfirms(t *testing.T) {
	m := readyMain(t, 10, 10)
	s := m.menages()
	if s.fiche.loaded != "" {
		t.Fatal("a household open before any choice")
	}
	m.win.Canvas().Focus(s.list)
	s.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	s.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if s.fiche.loaded == "" || s.fiche.loaded != s.rows[1].ID {
		t.Fatalf("Entrée on the second row opened %q", s.fiche.loaded)
	}
	ok := false
	Confirmer(m.win, "Supprimer ?", "Question", "Supprimer", func() { ok = true })
	m.win.Canvas().Unfocus()
	m.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !ok || m.win.Canvas().Overlays().Top() != nil {
		t.Errorf("Entrée: confirmed %v, overlay %v", ok, m.win.Canvas().Overlays().Top())
	}
	// The question before losing changes: Entrée is « Enregistrer ».
	saved := false
	ConfirmerModifications(m.win, true, func() bool { saved = true; return true }, func() {})
	m.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEnter})
	if !saved {
		t.Error("Entrée did not run Enregistrer")
	}
}

// Item 12: after closing a session the list's counts are current.
func TestFenetre_SessionCountsAfterClosing(t *testing.T) {
	m := newTestMain(t, 400, 200)
	s := commissionsScreen(t, m)
	c, d := seanceDuJour(t, m, s)
	before := s.status.Text
	closeSession(t, m, s, c, d)
	if s.status.Text == before || !strings.Contains(m.status.Text, "Séance "+c.ID+" close à ") {
		t.Errorf("after closing: %q (before %q), status line %q", s.status.Text, before, m.status.Text)
	}
	all, _ := m.app.Commissions()
	closes := 0
	for _, x := range all {
		if x.Statut == model.Close {
			closes++
		}
	}
	if want := fmt.Sprintf("%d close(s)", closes); !strings.Contains(s.status.Text, want) {
		t.Errorf("%q, want %q", s.status.Text, want)
	}
}

// Item 11: the focus shows on a blue button: the focus colour blended over
// the primary blue differs from it clearly (Fyne's own focus is a blue).
func TestFenetre_FocusVisibleOnBlueButton(t *testing.T) {
	th := Theme()
	for _, v := range []fyne.ThemeVariant{theme.VariantDark, theme.VariantLight} {
		pr, pg, pb, _ := th.Color(theme.ColorNamePrimary, v).RGBA()
		fr, fg, fb, fa := th.Color(theme.ColorNameFocus, v).RGBA()
		// focus over primary (premultiplied alpha)
		blend := func(p, f uint32) float64 { return float64(f) + float64(p)*(1-float64(fa)/0xffff) }
		d := abs(blend(pr, fr)-float64(pr)) + abs(blend(pg, fg)-float64(pg)) + abs(blend(pb, fb)-float64(pb))
		if d < 0.5*0xffff {
			t.Errorf("variant %v: a focused blue button differs by %.2f only", v, d/0xffff)
		}
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// Item 7: no error while typing « 15/ » (the save stays grey all the same);
// the message comes when the agent leaves the field, in a line kept for
// it, so nothing below moves.
func TestFenetre_MessageAfterLeavingNotWhileTyping(t *testing.T) {
	test.NewTempApp(t)
	f := NewForm(func() {})
	d := NewChampDate("Date de dépôt", false)
	f.Add(d)
	obj := d.Object()
	w := test.NewWindow(obj)
	w.Resize(fyne.NewSize(700, 200))
	defer w.Close()
	h0 := obj.MinSize().Height
	test.Type(d.Entry, "15/")
	if d.Err() == nil || !f.Save.Disabled() {
		t.Fatal("« 15/ » is not a date yet: Enregistrer must be grey")
	}
	if d.Message.Visible() {
		t.Fatalf("message while typing: %q", d.Message.Text)
	}
	d.Entry.FocusLost()
	if !d.Message.Visible() || !strings.Contains(d.Message.Text, "15/") {
		t.Fatalf("no message after leaving the field: %q", d.Message.Text)
	}
	if h := obj.MinSize().Height; h != h0 {
		t.Errorf("the field's height changes with its message: %.0f then %.0f", h0, h)
	}
	// Typing again: the line waits again (never a message mid-word).
	test.Type(d.Entry, "0")
	if d.Message.Visible() {
		t.Errorf("message while typing again: %q", d.Message.Text)
	}
	test.Type(d.Entry, "1/2024")
	if d.Err() != nil || d.Message.Visible() {
		t.Errorf("valid date: err %v, message shown %v", d.Err(), d.Message.Visible())
	}
}

// Item 2: the proposed candidates are a table; the rules read in colour.
func TestFenetre_ProposedCandidatesTable(t *testing.T) {
	test.NewTempApp(t)
	e := &model.Eligibilite{NUR: "0942100000635GDPUB", Menage: "M000001", Nom: "Anne ESSAI", Personnes: 4, Rang: 2, NiveauLibelle: "DALO", Raison: "rang 2 : DALO"}
	e.Plafond.Resultat, e.Plafond.Revenu, e.Plafond.Montant = model.Conforme, model.Euros(21000), model.Euros(25000)
	e.Typologie.Resultat = model.Conforme
	e.Effort.Resultat = model.Alerte
	e.PMR.Resultat = model.Incomplet
	row := propLigne()
	setPropLigne(row, e, nil, func(s string) string { return s })
	objs := row.(*fyne.Container).Objects
	if len(objs) != len(propColonnes) || len(objs) != len(propEntete().(*fyne.Container).Objects) {
		t.Fatalf("%d cells for %d columns", len(objs), len(propColonnes))
	}
	if got := objs[0].(*widget.Label).Text; got != "2" {
		t.Errorf("rank %q", got)
	}
	if got := objs[2].(*widget.Label).Text; got != "4" {
		t.Errorf("household %q", got)
	}
	if got := objs[5].(*widget.Label).Text; got != "DALO" {
		t.Errorf("why %q (the rank is not repeated)", got)
	}
	if got := objs[3].(*widget.Label).Text; got != "21\u00a0000 / 25\u00a0000\u00a0€" {
		t.Errorf("resources %q", got)
	}
	segs := objs[colRegles].(*widget.RichText).Segments
	if len(segs) != 2 {
		t.Fatalf("rules %d segments", len(segs))
	}
	if s := segs[0].(*widget.TextSegment); !strings.Contains(s.Text, "✗ effort") || s.Style.ColorName != theme.ColorNameError {
		t.Errorf("failed rule %q %v", s.Text, s.Style.ColorName)
	}
	if s := segs[1].(*widget.TextSegment); !strings.Contains(s.Text, "? PMR") || s.Style.ColorName != theme.ColorNameWarning {
		t.Errorf("missing data %q %v", s.Text, s.Style.ColorName)
	}
	e.Effort.Resultat, e.PMR.Resultat = model.Conforme, model.NonApplicable
	setPropLigne(row, e, nil, func(s string) string { return s })
	if s := objs[colRegles].(*widget.RichText).Segments[0].(*widget.TextSegment); s.Text != "✓ 3/3" || s.Style.ColorName != theme.ColorNameSuccess {
		t.Errorf("all passed %q", s.Text)
	}
}

// Item 8: Tab into a field below the visible part scrolls the sheet to it;
// the Vérifications panel starts at its summary for each household.
func TestFenetre_ScrollFollowsFocusAndVerifTop(t *testing.T) {
	m := readyMain(t, 10, 10)
	m.win.Resize(fyne.NewSize(1280, 700))
	s := m.menages()
	s.list.Select(0)
	f := s.fiche
	drv := fyne.CurrentApp().Driver()
	visible := func(o fyne.CanvasObject) bool {
		y := drv.AbsolutePositionForObject(o).Y
		return y >= 0 && y+o.Size().Height <= 700
	}
	if visible(f.motifRefus.Entry) {
		t.Skip("the sheet fits in the window: nothing to scroll")
	}
	m.win.Canvas().Focus(f.motifRefus.Entry)
	if !visible(f.motifRefus.Entry) {
		t.Errorf("the focused field is at y=%.0f, out of the window", drv.AbsolutePositionForObject(f.motifRefus.Entry).Y)
	}
	f.verifScroll.ScrollToBottom()
	if f.verifScroll.Offset.Y == 0 {
		t.Skip("the Vérifications panel does not scroll at this size")
	}
	s.list.Select(1)
	if f.verifScroll.Offset.Y != 0 {
		t.Errorf("the Vérifications panel kept its position %.0f for another household", f.verifScroll.Offset.Y)
	}
}

// Item 13: a verdict's title has the whole width (no word broken beside the
// result) and « sans objet » is written in the ordinary text colour.
func TestFenetre_VerdictCardReadable(t *testing.T) {
	test.NewTempApp(t)
	card := verdictCard(model.Verdict{Titre: "Unités de consommation", Resultat: model.NonApplicable})
	var labels []*widget.Label
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			labels = append(labels, x)
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		}
	}
	walk(card)
	if len(labels) < 2 || labels[0].Text != "Unités de consommation" || labels[1].Text != "sans objet" {
		t.Fatalf("labels %v", labels)
	}
	if labels[1].Importance == widget.LowImportance {
		t.Error("« sans objet » in the disabled grey")
	}
	w := test.NewWindow(card)
	defer w.Close()
	w.Resize(fyne.NewSize(220, 300))
	if labels[0].Size().Width < 150 {
		t.Errorf("the title has %.0f px of 220", labels[0].Size().Width)
	}
}

// Item 4: a dwelling imported while the window is open is offered in the
// session without visiting Patrimoine first.
func TestFenetre_ImportedDwellingInCommission(t *testing.T) {
	m := newTestMain(t, 400, 200)
	s := commissionsScreen(t, m)
	seanceDuJour(t, m, s)
	m.Show("Paramètres")
	csv := "reference;residence;adresse;code_postal;commune;qpv;typologie;pieces;surface;etage;ascenseur;pmr;financement;loyer;charges;contingent\n" +
		"IMPT-0001;RIMP;1 rue de l'Essai;94400;Vitry-sur-Seine;non;T4;4;80;1;oui;non;PLUS;600;100;bailleur\n"
	if _, err := m.app.Import("logements", "logements.csv", strings.NewReader(csv), nil); err != nil {
		t.Fatal(err)
	}
	m.Show("Commissions")
	m.waitCatalogue()
	p := s.seance.logements
	test.Type(p.refEntry, "IMPT")
	if len(p.vac.rows) != 1 || p.vac.rows[0].Reference != "IMPT-0001" {
		t.Errorf("imported dwelling not offered: %d rows", len(p.vac.rows))
	}
}

// Item 13: the search fields' placeholders are not cut at 1280 × 700 (the
// window Logis opens on a 1366 × 768 screen).
func TestFenetre_SearchPlaceholdersFit(t *testing.T) {
	m := readyMain(t, 10, 10)
	fyne.CurrentApp().Settings().SetTheme(theme.DefaultTheme())
	m.win.Resize(fyne.NewSize(1280, 700))
	for _, c := range []struct {
		screen string
		entry  func() *entree
	}{
		{"Ménages et demandes", func() *entree { return m.menages().search }},
		{"Patrimoine", func() *entree { return m.patrimoine().search }},
		{"Commissions", func() *entree { m.Show("Commissions"); return m.screens[m.current].(*Commissions).search }},
		{"Examen d'occupation", func() *entree { m.Show("Examen d'occupation"); return m.screens[m.current].(*Occupation).search }},
	} {
		e := c.entry()
		m.win.Content().Refresh()
		need := fyne.MeasureText(e.PlaceHolder, theme.TextSize(), fyne.TextStyle{}).Width + 4*theme.Padding()
		if e.Size().Width < need {
			t.Errorf("%s: « %s » needs %.0f px, the field has %.0f", c.screen, e.PlaceHolder, need, e.Size().Width)
		}
	}
}
