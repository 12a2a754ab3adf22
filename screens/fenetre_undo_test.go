package screens

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// Item 10: Ctrl+Z after select-all and typing restores « Julien ».
func TestFenetre_UndoAfterReplacingSelection(t *testing.T) {
	test.NewTempApp(t)
	c := NewChamp("Prénom", false)
	w := test.NewWindow(c.Object())
	defer w.Close()
	c.SetText("Julien")
	w.Canvas().Focus(c.Entry)
	c.Entry.TypedShortcut(&fyne.ShortcutSelectAll{})
	test.Type(c.Entry, "Paul")
	if c.Entry.Text != "Paul" {
		t.Fatalf("typed over the selection: %q", c.Entry.Text)
	}
	c.Entry.TypedShortcut(&fyne.ShortcutUndo{})
	if c.Entry.Text != "Julien" {
		t.Errorf("one Ctrl+Z gives %q, want « Julien »", c.Entry.Text)
	}
	// An ordinary typing is undone as before (no extra step).
	c.Entry.TypedShortcut(&fyne.ShortcutSelectAll{})
	c.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	test.Type(c.Entry, "ne")
	c.Entry.TypedShortcut(&fyne.ShortcutUndo{})
	if c.Entry.Text != "Julien" {
		t.Errorf("undo of an ordinary typing: %q", c.Entry.Text)
	}
}
