package screens

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

var entreeKey = &fyne.KeyEvent{Name: fyne.KeyReturn}

// Entrée presses a focused Logis button, as Espace does; never a grey one.
func TestControles_EntreePressesFocusedButton(t *testing.T) {
	m := newTestMain(t, 0, 0)
	n := 0
	b := newBouton("Créer la séance", func() { n++ })
	grey := newBouton("Enregistrer", func() { n += 10 })
	grey.Disable()
	Informer(m.win, "Essai", "Fermer", container.NewVBox(b, grey))
	c := m.win.Canvas()
	c.Focus(b)
	c.Focused().TypedKey(entreeKey)
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnter}) // keypad
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if n != 3 {
		t.Errorf("Entrée, Entrée (pavé), Espace pressed the button %d time(s), want 3", n)
	}
	grey.TypedKey(entreeKey)
	if n != 3 {
		t.Error("Entrée pressed a grey button")
	}
}

// The blue button of a dialog is its default, even when it was shown
// without naming one: Ctrl+S presses it whatever has the focus (a check
// box here, as in « Nouvelle séance »), Ctrl+E puts the focus on it, and
// Entrée pressed on that focus presses it.
func TestControles_DialogDefaultIsTheBlueButton(t *testing.T) {
	m := newTestMain(t, 0, 0)
	n := 0
	annuler := newBouton("Annuler", func() {})
	creer := newBouton("Créer la séance", func() { n++ })
	creer.Importance = widget.HighImportance
	occ := newCase("Examen de l'occupation", nil)
	e := newEntree()
	showDialog(dialog.NewCustomWithoutButtons("Nouvelle séance", container.NewVBox(e, occ, container.NewHBox(annuler, creer)), m.win))
	c := m.win.Canvas()
	sc, ok := c.(interface{ TypedShortcut(fyne.Shortcut) })
	if !ok {
		t.Fatalf("the test canvas %T takes no shortcut", c)
	}
	c.Focus(occ)
	sc.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault})
	if n != 1 {
		t.Fatalf("Ctrl+S with the focus on a check box pressed « Créer la séance » %d time(s)", n)
	}
	c.Focus(e)
	e.TypedShortcut(ctrlE)
	if c.Focused() != creer {
		t.Fatalf("Ctrl+E focused %T, want the blue button", c.Focused())
	}
	c.Focused().TypedKey(entreeKey)
	if n != 2 {
		t.Errorf("Entrée on the focused blue button: %d press(es), want 2", n)
	}
}

// Tab onto a check box, a list or a button below the visible part of the
// household sheet scrolls the sheet to it (item 8: entries did, the other
// widgets did not).
func TestControles_TabScrollsToEveryWidget(t *testing.T) {
	const h = 700
	m := readyMain(t, 10, 10)
	m.win.Resize(fyne.NewSize(1280, h))
	s := m.menages()
	s.create()
	f := s.fiche
	drv := fyne.CurrentApp().Driver()
	visible := func(o fyne.CanvasObject) bool {
		y := drv.AbsolutePositionForObject(o).Y
		return y >= 0 && y+o.Size().Height <= h
	}
	t2, t3 := f.typos.checks[1], f.typos.checks[2]
	scrolls := scrollsTo(m.win.Content(), t3)
	if len(scrolls) == 0 {
		t.Fatal("the typologies are in no scroll container")
	}
	form := scrolls[len(scrolls)-1]
	c := m.win.Canvas()
	c.Focus(t2)
	form.ScrollToTop()
	if visible(t3) {
		t.Fatal("T3 is visible with the sheet at its top: the test proves nothing at this size")
	}
	c.FocusNext()
	if c.Focused() != t3 {
		t.Fatalf("Tab from T2 went to %T", c.Focused())
	}
	if !visible(t3) {
		t.Errorf("Tab onto T3: the box is at y=%.0f, out of the window", drv.AbsolutePositionForObject(t3).Y)
	}
	// The §1.3 block's list and the last commune are below the fold with
	// the sheet at its top; so is « Supprimer la demande » when shown.
	below := map[string]fyne.Focusable{
		"liste (avis de la CIAL)": f.sit.avisCIAL.Select,
		"case (dernière commune)": f.communes.checks[len(f.communes.checks)-1],
	}
	if f.delDemande.Visible() {
		below["bouton (Supprimer la demande)"] = f.delDemande
	}
	for name, o := range below {
		obj := o.(fyne.CanvasObject)
		form.ScrollToTop()
		if visible(obj) {
			t.Fatalf("%s visible with the sheet at its top: the test proves nothing", name)
		}
		c.Focus(o)
		if !visible(obj) {
			t.Errorf("focus on the %s: out of the window (y=%.0f)", name, drv.AbsolutePositionForObject(obj).Y)
		}
	}
}

// Multi-line fields are no keyboard trap: Tab leaves them, Ctrl+E and
// Ctrl+S reach the save of the Paramètres tab shown (the communes' list
// here, a plain Fyne field before, which kept every key to itself).
func TestControles_ChampsMultiLignesEtParametres(t *testing.T) {
	m := readyMain(t, 10, 10)
	p := parametresScreen(t, m)
	p.tabs.SelectIndex(2)
	e := p.communesEntry
	if !e.MultiLine || e.AcceptsTab() {
		t.Fatalf("communes: multi-line %v, keeps Tab %v", e.MultiLine, e.AcceptsTab())
	}
	c := m.win.Canvas()
	c.Focus(e)
	e.CursorRow = len(strings.Split(e.Text, "\n"))
	test.Type(e, "\nFresnes 94260")
	e.TypedShortcut(ctrlE)
	b, ok := c.Focused().(*bouton)
	if !ok || !strings.HasPrefix(b.Text, "Enregistrer les communes") {
		t.Fatalf("Ctrl+E from the communes focused %T", c.Focused())
	}
	c.Focus(e)
	e.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault})
	if !strings.Contains(m.status.Text, "communes enregistrées") {
		t.Errorf("Ctrl+S in Paramètres › Communes: status %q", m.status.Text)
	}
	p.tabs.SelectIndex(0)
	test.Type(p.sigPrenom.Entry, "Claire")
	p.sigPrenom.Entry.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault})
	if !p.office.Save.Disabled() || !strings.HasPrefix(m.status.Text, "Identité de l'Office enregistrée") {
		t.Errorf("Ctrl+S in Paramètres › Identité: status %q", m.status.Text)
	}
}

// The status line has the progress bar's room once nothing loads: a
// session's confirmation is whole at 1366 px, and the counts, apart at its
// right, are whole even after a message too long for the line (essai-12
// F14: the counts were the part cut off).
func TestControles_LigneDEtatEntiere1366(t *testing.T) {
	m := readyMain(t, 10, 10)
	m.win.Resize(fyne.NewSize(1366, 700))
	if m.progressBox.Visible() {
		t.Fatal("the progress bar still shows once the index is built")
	}
	m.confirmer("Logement ARC0002-0023 ajouté à la séance (séance C2026-003)")
	m.win.Content().Refresh()
	need := fyne.MeasureText(m.status.Text, theme.TextSize(), m.status.TextStyle).Width + 2*theme.InnerPadding()
	if need > m.status.Size().Width {
		t.Errorf("status line %q needs %.0f px, has %.0f", m.status.Text, need, m.status.Size().Width)
	}
	m.confirmer(strings.Repeat("Import de « logements-de-la-residence-des-tilleuls.csv » enregistré ", 3))
	m.win.Content().Refresh()
	if !strings.HasSuffix(m.comptes.Text, "10 ménages") || m.comptes.Size().Width < m.comptes.MinSize().Width {
		t.Errorf("counts %q: %.0f px for %.0f needed", m.comptes.Text, m.comptes.Size().Width, m.comptes.MinSize().Width)
	}
	if m.status.Size().Width <= 0 {
		t.Error("no room left for the message")
	}
}

// The folder browser: after a shortcut, the arrows go on in the folder it
// opened (the focus was left on the shortcut); choosing the documents'
// folder creates nothing (the default « Courriers » folder appeared beside
// the base as soon as one looked).
func TestControles_ParcourirApresUnRaccourci(t *testing.T) {
	home := arbre(t, "Bureau/", "Bureau/a.csv")
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	m := newTestMain(t, 0, 0)
	p := parcourirDossiers(m.win, choixFichier{Titre: "Essai", Mode: choixOuvrir, Extensions: []string{".csv"}}, home, "", func(string) {})
	var bureau *bouton
	walk(m.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if b, ok := o.(*bouton); ok && b.Text == "Bureau" {
			bureau = b
		}
	})
	if bureau == nil {
		t.Fatal("no « Bureau » shortcut")
	}
	test.Tap(bureau)
	if f := m.win.Canvas().Focused(); f != p.liste {
		t.Errorf("after the shortcut the focus is on %T, not the list", f)
	}
	p.d.Hide()

	var bg sync.WaitGroup
	courriers := filepath.Join(t.TempDir(), "Courriers")
	d := newDocumentsPanel(m.win, courriers, &bg, nil, nil)
	d.dir = courriers // whatever folder was remembered by another test
	d.onChoisirDossier()
	if _, err := os.Stat(courriers); err == nil {
		t.Error("looking for the documents' folder created it")
	}
}
