package screens

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"logis/model"
)

// TestFiche_RetourALaValeurChargee (essai-12 F3): a field brought back to
// its stored value (Ctrl+Z, a box ticked then unticked) leaves the sheet
// clean: Enregistrer grey, no question on leaving.
func TestFiche_RetourALaValeurChargee(t *testing.T) {
	m := readyMain(t, 20, 10)
	s := m.menages()
	s.list.Select(0)
	f := s.fiche
	if f.form.Dirty() || len(f.membres) == 0 {
		t.Fatalf("household just opened: dirty %v, %d members", f.form.Dirty(), len(f.membres))
	}
	e := f.membres[0].prenom.Entry
	avant := e.Text
	m.win.Canvas().Focus(e)
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
	test.Type(e, "Jules")
	if !f.form.Dirty() || f.form.Save.Disabled() {
		t.Fatalf("first name changed: dirty %v, Enregistrer disabled %v", f.form.Dirty(), f.form.Save.Disabled())
	}
	e.TypedShortcut(&fyne.ShortcutUndo{})
	if e.Text != avant {
		t.Fatalf("Ctrl+Z gives %q, want %q", e.Text, avant)
	}
	if f.form.Dirty() || !f.form.Save.Disabled() {
		t.Errorf("back to %q: dirty %v, Enregistrer disabled %v", avant, f.form.Dirty(), f.form.Save.Disabled())
	}
	// A box ticked then unticked, a select changed back.
	c := f.communes.checks[0]
	c.SetChecked(!c.Checked)
	if !f.form.Dirty() {
		t.Fatal("commune ticked: not dirty")
	}
	c.SetChecked(!c.Checked)
	f.active.Check.SetChecked(!f.active.Check.Checked)
	f.active.Check.SetChecked(!f.active.Check.Checked)
	if f.form.Dirty() || !f.form.Save.Disabled() {
		t.Errorf("boxes back: dirty %v, Enregistrer disabled %v", f.form.Dirty(), f.form.Save.Disabled())
	}
	// Leaving asks nothing.
	asked := true
	f.form.ConfirmLeave(m.win, func() bool { return true }, func() { asked = false })
	if asked {
		t.Error("leaving a sheet back to its values asks « Enregistrer les modifications ? »")
	}
	// A member added is a change until saved, even with nothing typed.
	f.addMembre(model.Personne{Lien: model.Enfant}) // what « Ajouter un membre » does
	f.form.Touch()
	if !f.form.Dirty() {
		t.Error("member added: not dirty")
	}
}
