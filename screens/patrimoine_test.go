package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"logis/model"
	"logis/storage"
)

// readyMain is the main window over a demo base, its catalogue built.
func readyMain(t *testing.T, menages, logements int) *Main {
	t.Helper()
	m := newTestMain(t, menages, logements)
	m.waitCatalogue()
	return m
}

func (m *Main) patrimoine() *Patrimoine {
	m.Show("Patrimoine")
	return m.screens[m.current].(*Patrimoine)
}

func TestPatrimoine_SearchAsYouType(t *testing.T) {
	m := readyMain(t, 60, 40)
	s := m.patrimoine()
	if len(s.rows) != 40 || s.count.Text != "40 logements" {
		t.Fatalf("rows %d, count %q", len(s.rows), s.count.Text)
	}
	ref := s.rows[7].Reference
	test.Type(s.search, strings.ToLower(ref))
	if len(s.rows) != 1 || s.rows[0].Reference != ref || s.count.Text != "1 logement" {
		t.Fatalf("search %q: %d rows, %q", ref, len(s.rows), s.count.Text)
	}
	s.search.SetText("")
	s.fCommune.SetSelected("Gentilly")
	for _, r := range s.rows {
		if r.Commune != "Gentilly" {
			t.Fatalf("commune filter let %s through", r.Commune)
		}
	}
	n := len(s.rows)
	s.fEtat.SetSelected("Vacant")
	if len(s.rows) > n {
		t.Error("a second filter cannot widen the list")
	}
	for _, r := range s.rows {
		if r.Etat != model.Vacant {
			t.Fatalf("state filter let %s through", r.Etat)
		}
	}
	s.search.SetText("zzzz")
	if len(s.rows) != 0 || s.count.Text != "Aucun logement" {
		t.Errorf("count %q", s.count.Text)
	}
}

// fillLogement types a valid new dwelling into the form.
func fillLogement(f *logementForm, ref string) {
	test.Type(f.ref.Entry, ref)
	f.commune.Select.SetSelected("Cachan")
	f.typo.Select.SetSelected("T3")
	test.Type(f.pieces.Entry, "3")
	test.Type(f.surface.Entry, "64,5")
	f.fin.Select.SetSelected("PLUS")
	test.Type(f.loyer.Entry, "512,30")
	test.Type(f.cp.Entry, "94230")
}

func TestPatrimoine_CreateLogement(t *testing.T) {
	m := readyMain(t, 20, 10)
	s := m.patrimoine()
	s.create()
	f := s.form
	if !f.fields.Visible() || !f.form.Save.Disabled() {
		t.Fatal("a new form is shown with Enregistrer disabled")
	}
	fillLogement(f, "NEUF-1")
	test.Type(f.surface.Entry, "x")
	f.surface.Entry.FocusLost() // the message waits for a pause or for the field to be left
	if f.surface.Err() == nil || !f.surface.Message.Visible() || !f.form.Save.Disabled() {
		t.Fatal("a bad surface shows a message and blocks saving")
	}
	if !strings.Contains(f.surface.Message.Text, "n'est pas un nombre") {
		t.Errorf("message = %q", f.surface.Message.Text)
	}
	f.surface.SetText("")
	test.Type(f.surface.Entry, "64,5")
	if f.form.Save.Disabled() {
		t.Fatalf("errors: %v", f.form.Errors())
	}
	test.Tap(f.form.Save)
	var got *model.Logement
	m.app.DB.View(func(tx *storage.Tx) (err error) { got, err = tx.Logement("NEUF-1"); return err })
	if got == nil || got.Surface != 64.5 || got.Loyer != 51230 || got.Commune != "Cachan" || got.Typologie != 3 {
		t.Fatalf("stored %+v", got)
	}
	ev, _ := m.app.DB.Journal(1)
	if len(ev) == 0 || ev[0].Action != "Création du logement NEUF-1" {
		t.Errorf("journal %+v", ev)
	}
	if f.form.Dirty() || f.current() != "NEUF-1" || s.selected < 0 || s.rows[s.selected].Reference != "NEUF-1" {
		t.Errorf("after saving: dirty %v, current %q, selected %d", f.form.Dirty(), f.current(), s.selected)
	}
	// Saving again with the same reference is refused with a French message.
	s.create()
	fillLogement(f, "NEUF-1")
	test.Tap(f.form.Save)
	if txt := labelTexts(m.win.Canvas().Overlays().Top()); !strings.Contains(txt, "existe déjà") {
		t.Errorf("dialog = %q", txt)
	}
}

func TestPatrimoine_UnsavedChangesAndDelete(t *testing.T) {
	m := readyMain(t, 20, 10)
	s := m.patrimoine()
	var vacant, other int = -1, -1
	for i, r := range s.rows {
		if r.Etat == model.Vacant && vacant < 0 {
			vacant = i
		} else if other < 0 {
			other = i
		}
	}
	s.list.Select(vacant)
	ref := s.rows[vacant].Reference
	if s.form.current() != ref {
		t.Fatalf("opened %q", s.form.current())
	}
	test.Type(s.form.contingent.Entry, "x")
	s.list.Select(other)
	top := m.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(labelTexts(top), "Enregistrer les modifications ?") {
		t.Fatal("no unsaved-changes question")
	}
	tapButton(t, top, "Annuler")
	if s.form.current() != ref || s.selected != vacant || !s.form.form.Dirty() {
		t.Errorf("Annuler stays: current %q selected %d", s.form.current(), s.selected)
	}
	s.list.Select(other)
	tapButton(t, m.win.Canvas().Overlays().Top(), "Ne pas enregistrer")
	if s.form.current() == ref {
		t.Error("Ne pas enregistrer opens the other dwelling")
	}
	s.list.Select(vacant)
	test.Tap(s.form.del)
	top = m.win.Canvas().Overlays().Top()
	if strings.Join(buttonLabels(top), ",") != "Annuler,Supprimer" {
		t.Errorf("buttons = %v", buttonLabels(top))
	}
	tapButton(t, top, "Supprimer")
	err := m.app.DB.View(func(tx *storage.Tx) error { _, err := tx.Logement(ref); return err })
	if model.ErrorCode(err) != model.ENOTFOUND {
		t.Errorf("still stored: %v", err)
	}
	if m.app.Catalogue().Logement(ref) != nil || len(s.rows) != 9 {
		t.Error("still listed")
	}
}

func TestPatrimoine_OccupantsVerdicts(t *testing.T) {
	m := readyMain(t, 60, 30)
	s := m.patrimoine()
	s.fEtat.SetSelected("Occupé")
	if len(s.rows) == 0 {
		t.Fatal("no occupied dwelling")
	}
	s.list.Select(0)
	txt := labelTexts(s.form.occupants)
	for _, want := range []string{"Occupants et examen de l'occupation", "Sous-occupation", "Source : Art. L.442-5-2 2° et L.621-2 CCH", "Taux d'effort"} {
		if !strings.Contains(txt, want) {
			t.Errorf("occupants panel lacks %q:\n%s", want, txt)
		}
	}
	ref := s.form.current()
	tapButton(t, s.form.occupants, "Ouvrir la fiche du ménage")
	mn, ok := m.screens[m.current].(*Menages)
	if !ok || mn.fiche.logement.Text() != ref || mn.fiche.loaded == "" {
		t.Errorf("the link opens the occupant's sheet: screen %q", m.screens[m.current].title())
	}
}

func TestPatrimoine_Residence(t *testing.T) {
	m := readyMain(t, 10, 10)
	s := m.patrimoine()
	s.tabs.SelectIndex(1)
	s.create()
	f := s.rform
	test.Type(f.code.Entry, "RES-NEUVE")
	test.Type(f.cp.Entry, "9411")
	if f.cp.Err() == nil || !f.form.Save.Disabled() {
		t.Fatal("a 4-digit postal code is refused")
	}
	test.Type(f.cp.Entry, "0")
	f.commune.Select.SetSelected("Arcueil")
	test.Tap(f.form.Save)
	if m.app.Catalogue().Residence("RES-NEUVE") == nil {
		t.Fatal("residence not saved")
	}
	test.Type(s.res.search, "neuve")
	if len(s.res.rows) != 1 {
		t.Errorf("%d rows", len(s.res.rows))
	}
	s.res.search.SetText("")
	code := s.res.rows[0].Code
	s.res.list.Select(0)
	tapButton(t, f.fields, "Voir ses logements")
	if s.tabs.SelectedIndex() != 0 || len(s.rows) == 0 {
		t.Fatalf("tab %d, %d dwellings", s.tabs.SelectedIndex(), len(s.rows))
	}
	for _, r := range s.rows {
		if r.Residence != code {
			t.Errorf("%s is in %s, not %s", r.Reference, r.Residence, code)
		}
	}
}
