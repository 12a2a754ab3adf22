package screens

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// sheetFields are the first and last focusable widgets in the scrolled
// part of a sheet (in the focus order), the scroll holding field.
func sheetFields(t *testing.T, field fyne.CanvasObject) (first, last fyne.Focusable) {
	t.Helper()
	path := enclosingScrolls(field)
	if len(path) == 0 {
		t.Fatal("the field is in no scroll container")
	}
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		if f, ok := o.(fyne.Focusable); ok {
			if d, ok := o.(fyne.Disableable); !ok || !d.Disabled() {
				if first == nil {
					first = f
				}
				last = f
			}
		}
		for _, c := range enfants(o) {
			walk(c)
		}
	}
	walk(path[len(path)-1].Content)
	if last == nil {
		t.Fatal("no field in the sheet")
	}
	return first, last
}

// tabsTo counts the Tab presses from field from to button b (-1: never).
func tabsTo(c fyne.Canvas, from fyne.Focusable, b *bouton) int {
	c.Focus(from)
	for i := 1; i <= 300; i++ {
		c.FocusNext()
		if c.Focused() == b {
			return i
		}
	}
	return -1
}

var ctrlE = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault}

// Item 11: from a field, « Enregistrer » is one key away: Ctrl+E from any
// field, Tab from the last field of the sheet.
func TestClavier_EnregistrerEnUneTouche(t *testing.T) {
	m := readyMain(t, 10, 10)
	c := m.win.Canvas()
	check := func(name string, form *Form, field *entree, change string) {
		t.Helper()
		first, last := sheetFields(t, field)
		// Nothing changed: Enregistrer is grey, Ctrl+E leaves the focus alone.
		c.Focus(field)
		field.TypedShortcut(ctrlE)
		if c.Focused() != field {
			t.Errorf("%s: Ctrl+E with nothing to save moved the focus to %T", name, c.Focused())
		}
		test.Type(field, change)
		if form.Save.Disabled() {
			t.Fatalf("%s: Enregistrer grey after a valid change: %v", name, form.Errors())
		}
		if n := tabsTo(c, last, form.Save); n != 1 {
			t.Errorf("%s: %d Tab from the last field to Enregistrer, want 1", name, n)
		}
		for _, from := range []fyne.Focusable{first, field, last} {
			c.Focus(from)
			if sc, ok := from.(fyne.Shortcutable); ok {
				sc.TypedShortcut(ctrlE)
			} else {
				c.(fyne.Shortcutable).TypedShortcut(ctrlE)
			}
			if c.Focused() != form.Save {
				t.Errorf("%s: Ctrl+E from %T focuses %T, not Enregistrer", name, from, c.Focused())
			}
		}
		test.Tap(form.Save) // saved: the next screen opens without a question
		if form.Dirty() {
			t.Fatalf("%s: not saved: %v", name, form.Errors())
		}
	}

	s := m.menages()
	s.list.Select(0)
	check("ménage", s.fiche.form, s.fiche.membres[0].nom.Entry, "x")

	p := m.patrimoine()
	p.list.Select(0)
	check("logement", p.form.form, p.form.contingent.Entry, "x")

	par := parametresScreen(t, m)
	par.tabs.SelectIndex(0)
	check("identité de l'Office", par.office, par.nom.Entry, " bis")
}

// Ctrl+E in a dialog goes to the dialog's Enregistrer, not the sheet's.
func TestClavier_EnregistrerDansUneBoite(t *testing.T) {
	m := readyMain(t, 10, 10)
	s := m.menages()
	s.list.Select(0)
	test.Type(s.fiche.membres[0].nom.Entry, "x")
	e := newEntree()
	save := newBouton("Enregistrer", func() {})
	d := dialog.NewCustomWithoutButtons("Essai", container.NewVBox(e, save), m.win)
	showDialog(d)
	defer d.Hide()
	c := m.win.Canvas()
	c.Focus(e)
	e.TypedShortcut(ctrlE)
	if c.Focused() != save {
		t.Errorf("Ctrl+E in a dialog focuses %T", c.Focused())
	}
}
