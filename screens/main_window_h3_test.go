package screens

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// press sends a Ctrl+key chord to the window.
func press(m *Main, k fyne.KeyName) {
	m.win.Canvas().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault})
}

func TestMain_Shortcuts(t *testing.T) {
	m := readyMain(t, 20, 10)
	p := m.patrimoine()
	press(m, fyne.KeyF)
	if m.win.Canvas().Focused() != p.search {
		t.Error("Ctrl+F focuses the dwellings' search")
	}
	press(m, fyne.KeyN)
	if !p.form.creating || !p.form.fields.Visible() || m.win.Canvas().Focused() != p.form.ref.Entry {
		t.Error("Ctrl+N opens a new dwelling with the focus on its reference")
	}
	// From inside an entry too (an entry would otherwise keep the chord).
	p.form.startNew()
	test.Type(p.form.ref.Entry, "X")
	p.form.ref.Entry.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault})
	if m.win.Canvas().Focused() != p.search {
		t.Error("Ctrl+F from an entry focuses the search")
	}
	m.Show("Ménages et demandes") // the new dwelling is not saved: asked first
	tapButton(t, m.win.Canvas().Overlays().Top(), "Ne pas enregistrer")
	s := m.menages()
	press(m, fyne.KeyF)
	if m.win.Canvas().Focused() != s.search {
		t.Error("Ctrl+F focuses the households' search")
	}
	press(m, fyne.KeyN)
	if s.fiche.title.Text != "Nouveau ménage" || m.win.Canvas().Focused() != s.fiche.membres[0].nom.Entry {
		t.Error("Ctrl+N opens a new household")
	}
}

func TestMain_EscapeClosesDialog(t *testing.T) {
	m := readyMain(t, 10, 10)
	Confirmer(m.win, "Supprimer ?", "Question", "Supprimer", func() { t.Error("Échap is not a confirmation") })
	if m.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no dialog")
	}
	m.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if m.win.Canvas().Overlays().Top() != nil {
		t.Error("Échap (nothing focused) closes the dialog")
	}
	// From a focused entry too.
	p := m.patrimoine()
	p.create()
	Confirmer(m.win, "Supprimer ?", "Question", "Supprimer", func() { t.Error("Échap is not a confirmation") })
	p.form.ref.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if m.win.Canvas().Overlays().Top() != nil {
		t.Error("Échap in an entry closes the dialog")
	}
}

func TestMain_RemembersSize(t *testing.T) {
	m0 := readyMain(t, 0, 0)
	w := test.NewWindow(nil) // closed by onClose
	m := NewMain(w, m0.app)
	m.waitCatalogue()
	m.RestoreSize()
	if sz := w.Canvas().Size(); sz.Width != 1280 || sz.Height != 700 {
		t.Errorf("default size %v", sz)
	}
	w.Resize(fyne.NewSize(1100, 650))
	m.onClose()
	wd, h, ok := m.app.WindowSize()
	if !ok || wd != 1100 || h != 650 {
		t.Errorf("stored %v × %v (%v)", wd, h, ok)
	}
	w2 := test.NewWindow(nil)
	defer w2.Close()
	m2 := NewMain(w2, m.app)
	m2.waitCatalogue()
	m2.RestoreSize()
	if sz := w2.Canvas().Size(); sz.Width != 1100 || sz.Height != 650 {
		t.Errorf("restored %v", sz)
	}
}

func TestMain_EscapeClosesFyneDialog(t *testing.T) {
	m := readyMain(t, 10, 10)
	dialog.ShowInformation("Information", "Texte", m.win) // not shown through showDialog
	if m.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no dialog")
	}
	m.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if m.win.Canvas().Overlays().Top() != nil {
		t.Error("Échap closes Fyne's own dialogs too")
	}
}
