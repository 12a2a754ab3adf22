package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
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
	if !f.nur.Message.Visible() || !strings.Contains(f.nur.Message.Text, "communes souhaitées") {
		t.Fatalf("the NUR field names the cause: %q", f.nur.Message.Text)
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
	if !f.form.Save.Disabled() || !strings.Contains(f.logement.Message.Text, "impayés") {
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
