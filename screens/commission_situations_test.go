package screens

import (
	"strings"
	"testing"

	"logis/model"
	"logis/storage"
)

// TestCommissions_Situations: the session shows the §1.3 situations on the
// candidates presented and proposed, and its « Informations (§1.3) » tab
// lists the transfers and emergencies it is told about; a transfer is
// recorded from there.
func TestCommissions_Situations(t *testing.T) {
	m := newTestMain(t, 400, 200)
	s := commissionsScreen(t, m)
	c, d := seanceDuJour(t, m, s)
	a := m.app
	premier, second := d.Candidats[0], d.Candidats[1]
	// A tenant household of the demo, left by the second candidate.
	var origine string
	if err := a.DB.View(func(tx *storage.Tx) error {
		return tx.ForEachMenage(func(mm *model.Menage) error {
			if origine == "" && mm.Loge() && mm.ID != premier.Menage && mm.ID != second.Menage {
				origine = mm.ID
			}
			return nil
		})
	}); err != nil || origine == "" {
		t.Fatalf("no tenant in the demo: %v", err)
	}
	change := func(nur string, fn func(d *model.Demande)) {
		var dd *model.Demande
		if err := a.DB.View(func(tx *storage.Tx) (err error) { dd, err = tx.Demande(nur); return err }); err != nil {
			t.Fatal(err)
		}
		fn(dd)
		if err := a.SaveDemande(dd, false); err != nil {
			t.Fatal(err)
		}
	}
	change(premier.NUR, func(d *model.Demande) {
		d.Cotitularite, d.MotifCotitularite = true, "sœurs, raisons de santé"
		d.SalarieOffice, d.AvisCIAL = true, model.CIALFavorable
	})
	change(second.NUR, func(d *model.Demande) {
		d.MenageOrigine = origine
		d.Urgence = &model.Urgence{Date: c.Date, Motif: "sinistre"}
	})
	s.seance.load(c.ID)
	p := s.seance.logements
	p.loadPropositions()
	s.waitIdle()
	txt := presentesText(p)
	for _, want := range []string{"Situation particulière : Cotitularité demandée à l'entrée dans les lieux, à l'appréciation des membres : sœurs, raisons de santé",
		"Candidat issu d'une orientation de la CIAL", "Décohabitation du ménage " + origine, "Procédure d'urgence : convention d'occupation précaire"} {
		if !strings.Contains(txt, want) {
			t.Errorf("candidates presented lack %q:\n%s", want, txt)
		}
	}
	// The proposals: the row names the situations, the detail says them.
	for i, e := range p.prop.Candidats {
		if e.NUR != premier.NUR {
			continue
		}
		if r := propositionRaison(&e); !strings.Contains(r, "· cotitularité · CIAL") {
			t.Errorf("proposal row %q", r)
		}
		p.props.Select(i)
		if !strings.Contains(p.detail.String(), "Situation particulière : Candidat issu d'une orientation de la CIAL") {
			t.Errorf("proposal detail %q", p.detail.String())
		}
	}
	// The information tab.
	e := s.seance
	for _, tab := range e.tabs.Items {
		if tab.Text == ongletInformations {
			e.tabs.Select(tab)
		}
	}
	info := e.infos13.text.String()
	for _, want := range []string{"Transferts de bail décidés par la Direction de la Gestion Locative",
		"Procédures d'urgence", "demande " + second.NUR + " : convention d'occupation précaire (sinistre)", "Demande " + premier.NUR + " : Cotitularité"} {
		if !strings.Contains(info, want) {
			t.Errorf("information tab lacks %q:\n%s", want, info)
		}
	}
	avant, _ := a.TransfertsBail() // the demo's
	e.infos13.openTransfert(nil)
	f := e.infos13.form
	f.date.SetText(c.Date.String())
	f.decision.SetSelected("refusé")
	f.de.SetText("Odile MARCHAND")
	f.vers.SetText("Jules MARCHAND")
	f.lien.SetText("descendant")
	f.motif.SetText("plafonds de ressources dépassés")
	if !e.infos13.saveTransfert() {
		t.Fatal("transfer not recorded")
	}
	if info := e.infos13.text.String(); !strings.Contains(info, "transfert de bail de Odile MARCHAND à Jules MARCHAND (descendant), refusé par la Direction de la Gestion Locative – motif : plafonds de ressources dépassés") {
		t.Errorf("recorded transfer not listed:\n%s", info)
	}
	// A bad date is refused with its reason, nothing recorded.
	f.date.SetText("31/02/2026")
	if e.infos13.saveTransfert() {
		t.Error("an impossible date was accepted")
	}
	list, _ := a.TransfertsBail()
	if len(list) != len(avant)+1 {
		t.Fatalf("%d transfers recorded, %d before", len(list), len(avant))
	}
	// Corrected through the same form, filled with the record.
	var mien *model.TransfertBail
	for i := range list {
		if list[i].De == "Odile MARCHAND" {
			mien = &list[i]
		}
	}
	e.infos13.openTransfert(mien)
	f = e.infos13.form
	if f.vers.Text != "Jules MARCHAND" || f.decision.Selected != "refusé" {
		t.Fatalf("correction form not filled: %q %q", f.vers.Text, f.decision.Selected)
	}
	f.decision.SetSelected("accepté")
	f.motif.SetText("")
	if !e.infos13.saveTransfert() {
		t.Fatal("correction not recorded")
	}
	if list, _ := a.TransfertsBail(); len(list) != len(avant)+1 {
		t.Errorf("a correction added a transfer: %d", len(list))
	}
	if info := e.infos13.text.String(); !strings.Contains(info, "Jules MARCHAND (descendant), accepté") {
		t.Errorf("corrected transfer not shown:\n%s", info)
	}
}
