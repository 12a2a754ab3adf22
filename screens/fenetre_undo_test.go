package screens

import (
	"testing"
	"time"

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

// essai-12b N5: a date typed over the selection in several bursts (Fyne
// keeps them as several undo steps) comes back whole with one Ctrl+Z, never
// through an empty field.
func TestFenetre_UndoAfterReplacingSelectionInBursts(t *testing.T) {
	test.NewTempApp(t)
	c := NewChampDate("Date de naissance", true)
	w := test.NewWindow(c.Object())
	defer w.Close()
	c.SetText("05/05/1966")
	w.Canvas().Focus(c.Entry)
	c.Entry.TypedShortcut(&fyne.ShortcutSelectAll{})
	test.Type(c.Entry, "15/")
	time.Sleep(700 * time.Millisecond) // the agent's pause
	test.Type(c.Entry, "06/1966")
	if c.Entry.Text != "15/06/1966" {
		t.Fatalf("typed over the selection: %q", c.Entry.Text)
	}
	c.Entry.TypedShortcut(&fyne.ShortcutUndo{})
	if c.Entry.Text != "05/05/1966" {
		t.Errorf("one Ctrl+Z gives %q, want « 05/05/1966 »", c.Entry.Text)
	}
}
