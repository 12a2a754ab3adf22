package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"logis/model"
)

// TestMenages_Situations: the sheet shows the §1.3 block, its fields are
// saved with the application and shown again when it is reopened.
func TestMenages_Situations(t *testing.T) {
	m := readyMain(t, 60, 40)
	s := m.menages()
	s.fDem.SetSelected("Demande active")
	s.fMut.SetSelected("Hors mutation")
	if len(s.rows) == 0 {
		t.Fatal("no application in the demo")
	}
	s.list.Select(0)
	f := s.fiche
	txt := labelTexts(f.fields)
	for _, want := range []string{"Situations particulières (politique d'attribution §1.3)", "Justification (motif social ou de santé)",
		"Décohabitation : ménage d'origine", "Procédure d'urgence : date", "aucune ne modifie le rang proposé"} {
		if !strings.Contains(txt, want) {
			t.Errorf("sheet lacks %q", want)
		}
	}
	if !strings.Contains(f.violences.Check.Text, "critère de priorité") {
		t.Errorf("violence box %q", f.violences.Check.Text)
	}
	b := f.sit
	test.Tap(b.cotit.Check)
	test.Type(b.motifCotit.Entry, "parent et enfant, santé")
	b.salarie.Check.SetChecked(true) // as a click on the box
	b.avisCIAL.Select.SetSelected("favorable")
	test.Type(b.dateCIAL.Entry, "15/09/2026")
	test.Type(b.urgDate.Entry, "03/11/2026")
	b.urgMotif.Select.SetSelected("incendie")
	if !f.form.Dirty() {
		t.Fatal("the sheet is not marked changed")
	}
	nur := f.nur.Text()
	if !f.onSave() {
		msg := ""
		if top := m.win.Canvas().Overlays().Top(); top != nil {
			msg = labelTexts(top)
		}
		t.Fatalf("not saved: %v %s", f.form.Errors(), msg)
	}
	fiche, err := m.app.OpenMenage(f.loaded)
	if err != nil {
		t.Fatal(err)
	}
	d := fiche.Demande()
	if d == nil || d.NUR != nur || !d.Cotitularite || d.MotifCotitularite != "parent et enfant, santé" || !d.OrienteCIAL() ||
		d.DateAvisCIAL != model.NewDate(2026, 9, 15) || d.Urgence == nil || d.Urgence.Motif != "incendie" {
		t.Fatalf("saved %+v", d)
	}
	// Shown again after reopening.
	f.open(f.loaded)
	if !b.cotit.Check.Checked || b.motifCotit.Text() != "parent et enfant, santé" || b.avisCIAL.Value() != "favorable" || b.urgMotif.Value() != "incendie" {
		t.Errorf("reopened: cotit %v %q avis %q urgence %q", b.cotit.Check.Checked, b.motifCotit.Text(), b.avisCIAL.Value(), b.urgMotif.Value())
	}
	// A refused lease transfer this application follows is shown.
	if _, err := m.app.EnregistrerTransfert(model.TransfertBail{Date: model.NewDate(2026, 10, 1), De: "Rose LENOIR", Vers: "Théo LENOIR",
		Decision: model.TransfertRefuse, Motif: "plafonds dépassés", CohabitationDepuis: model.NewDate(2023, 5, 1), NUR: nur}); err != nil {
		t.Fatal(err)
	}
	f.open(f.loaded)
	if !b.transfert.Visible() || !strings.Contains(b.transfert.Text, "parcours de relogement à privilégier") {
		t.Errorf("transfer on the sheet: visible %v %q", b.transfert.Visible(), b.transfert.Text)
	}
	// A co-tenancy without its justification is refused with the reason.
	b.motifCotit.SetText("")
	f.form.Touch()
	if err := m.app.SaveDemande(f.demande(), false); err == nil || !strings.Contains(err.Error(), "justifiée") {
		t.Errorf("unjustified co-tenancy: %v", err)
	}
}
