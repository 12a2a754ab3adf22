package screens

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"logis/model"
	"logis/storage"
)

// commissionsScreen shows the « Commissions » screen of m.
func commissionsScreen(t *testing.T, m *Main) *Commissions {
	t.Helper()
	// Fyne's test driver runs fyne.Do at once on the calling goroutine: let
	// the search index finish (it calls catalogueReady) before using widgets.
	<-m.catDone
	m.Show("Commissions")
	s, ok := m.screens[m.current].(*Commissions)
	if !ok {
		t.Fatalf("current screen is %q", m.screens[m.current].title())
	}
	return s
}

// seanceDuJour creates a session dated today in the commune of the demo's
// sessions, with quorum, and one dwelling with the three candidates the
// program ranks first; it shows it in the editor.
func seanceDuJour(t *testing.T, m *Main, s *Commissions) (*model.Commission, *model.DossierLogement) {
	t.Helper()
	a := m.app
	c, err := a.NouvelleCommission(a.Today(), "Salle du conseil", "Vitry-sur-Seine", model.CommissionMixte)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.SetMembres(c.ID, []model.Membre{{Nom: "A. Membre", Qualite: "Administrateur", Voix: true, Present: true},
		{Nom: "B. Maire", Qualite: "Maire de la commune", Voix: true, Present: true, Maire: true}}); err != nil {
		t.Fatal(err)
	}
	// A dwelling of the commune with at least three candidates today
	// (the program ranks them; the first three are presented).
	var refs []string
	if err := a.DB.View(func(tx *storage.Tx) error {
		return tx.ForEachLogement(func(l *model.Logement) error {
			if model.SameCommune(l.Commune, "Vitry-sur-Seine") && !l.PMR && l.Financement != model.PLI {
				refs = append(refs, l.Reference)
			}
			return nil
		})
	}); err != nil {
		t.Fatal(err)
	}
	for _, ref := range refs {
		lc, err := a.Candidats(ref, c.Date, false)
		if err != nil || lc.Admis < 3 {
			continue
		}
		if _, err := a.AjouterLogement(c.ID, ref, nil, ""); err != nil {
			t.Fatal(err)
		}
		s.reload(c.ID)
		s.waitIdle()
		c = s.seance.c
		return c, c.Dossier(ref)
	}
	t.Fatal("no dwelling with three candidates in the demo")
	return nil, nil
}

func TestCommissions_ListShowsSessions(t *testing.T) {
	m := newTestMain(t, 400, 200)
	s := commissionsScreen(t, m)
	all, err := m.app.Commissions()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 2 {
		t.Fatalf("demo has %d sessions, want a closed one and one in preparation", len(all))
	}
	if s.list.Length() != len(all) {
		t.Errorf("list shows %d sessions, want %d", s.list.Length(), len(all))
	}
	closes := 0
	for _, c := range all {
		if c.Statut == model.Close {
			closes++
		}
	}
	if closes == 0 || !strings.Contains(s.status.Text, "1 close(s)") {
		t.Errorf("status = %q (closed: %d)", s.status.Text, closes)
	}
	// Most recent first; the date is written JJ/MM/AAAA.
	first := s.all[s.rows[0]]
	if first.ID != all[len(all)-1].ID {
		t.Errorf("first row = %s, want %s", first.ID, all[len(all)-1].ID)
	}
	if got := seanceTitre(&first); !strings.HasPrefix(got, first.Date.String()) || !strings.Contains(first.Date.String(), "/") {
		t.Errorf("title = %q", got)
	}
	// The search filters; Ctrl+F's target is the search entry.
	test.Type(s.search, "close")
	if s.list.Length() != closes {
		t.Errorf("search « close » shows %d, want %d", s.list.Length(), closes)
	}
	s.search.SetText("")
	s.focusSearch()
	if m.win.Canvas().Focused() != s.search {
		t.Error("Ctrl+F does not focus the search")
	}
	// Choosing a session opens its editor.
	s.list.Select(0)
	if s.seance.c == nil || s.seance.c.ID != first.ID {
		t.Fatalf("editor shows %v", s.seance.c)
	}
	if !strings.Contains(s.seance.titre.Text, first.Date.String()) {
		t.Errorf("editor title = %q", s.seance.titre.Text)
	}
}

func TestCommissions_CreateThroughForm(t *testing.T) {
	m := newTestMain(t, 400, 200)
	s := commissionsScreen(t, m)
	before := s.list.Length()
	s.create()
	f := s.creation
	if f == nil {
		t.Fatal("Ctrl+N opened no form")
	}
	// The place and commune of the last session are proposed.
	if f.lieu.Text() != s.all[len(s.all)-1].Lieu || f.commune.Value() != s.all[len(s.all)-1].Commune || f.form.Save.Disabled() {
		t.Errorf("defaults: lieu %q, commune %q, save disabled %v", f.lieu.Text(), f.commune.Value(), f.form.Save.Disabled())
	}
	f.lieu.Entry.SetText("")
	if !f.form.Save.Disabled() || !strings.Contains(f.form.Summary.Text, "Lieu : obligatoire.") {
		t.Errorf("without a place: save disabled %v, summary %q", f.form.Save.Disabled(), f.form.Summary.Text)
	}
	f.date.SetText("")
	test.Type(f.date.Entry, "31/02/2027")
	f.date.Entry.FocusLost() // the message waits for a pause or for the field to be left
	if f.date.Err() == nil || !f.date.Message.Visible() {
		t.Error("an impossible date shows no message")
	}
	f.date.Entry.SetText("")
	test.Type(f.date.Entry, "03/12/2026")
	test.Type(f.lieu.Entry, "Mairie de Cachan, salle des mariages")
	f.commune.Select.SetSelected("Cachan")
	f.occupation.SetChecked(true)
	if errs := f.form.Errors(); len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	test.Tap(f.form.Save)
	all, err := m.app.Commissions()
	if err != nil {
		t.Fatal(err)
	}
	var got *model.Commission
	for i := range all {
		if all[i].Lieu == "Mairie de Cachan, salle des mariages" {
			got = &all[i]
		}
	}
	if got == nil {
		t.Fatal("the session is not in the database")
	}
	if got.Date.String() != "03/12/2026" || got.Commune != "Cachan" || got.Type != model.CommissionMixte || got.Statut != model.EnPreparation {
		t.Errorf("session = %+v", got)
	}
	if s.list.Length() != before+1 || s.seance.c == nil || s.seance.c.ID != got.ID {
		t.Errorf("list %d (was %d), editor on %v", s.list.Length(), before, s.seance.c)
	}
}

func TestCommissions_CreateRequiresAKind(t *testing.T) {
	m := newTestMain(t, 0, 0)
	s := commissionsScreen(t, m)
	s.create()
	f := s.creation
	if !f.form.Save.Disabled() {
		t.Error("Créer enabled before the place is typed")
	}
	test.Type(f.lieu.Entry, "Siège")
	f.commune.Select.SetSelected("Arcueil")
	f.attribution.SetChecked(false)
	if !f.form.Save.Disabled() || !strings.Contains(f.form.Summary.Text, "Type de séance") {
		t.Errorf("no kind ticked: save disabled %v, summary %q", f.form.Save.Disabled(), f.form.Summary.Text)
	}
	if all, _ := m.app.Commissions(); len(all) != 0 {
		t.Errorf("%d sessions created", len(all))
	}
}

func TestCommissions_NonAttributionNeedsReasons(t *testing.T) {
	m := newTestMain(t, 400, 200)
	s := commissionsScreen(t, m)
	c, d := seanceDuJour(t, m, s)
	nur := d.Candidats[0].NUR
	p := s.seance.logements
	p.openDecision(nur)
	f := p.lastDecision
	if f == nil {
		t.Fatal("no decision form")
	}
	f.typ.SetSelected(model.NonAttribution.Label())
	if !f.form.Summary.Visible() || !strings.Contains(f.form.Summary.Text, "les motifs en fait et en droit sont obligatoires") {
		t.Errorf("summary = %q (visible %v)", f.form.Summary.Text, f.form.Summary.Visible())
	}
	if !f.form.Save.Disabled() {
		t.Error("Enregistrer is enabled without reasons")
	}
	// A bare reason is not enough either: the facts of the case are required.
	f.motifs.SetSelected([]string{model.MotifsNonAttribution[0].Libelle})
	if !strings.Contains(f.form.Summary.Text, "précisez les faits propres au dossier") || !f.form.Save.Disabled() {
		t.Errorf("a reason without facts: summary %q, disabled %v", f.form.Summary.Text, f.form.Save.Disabled())
	}
	f.form.Save.OnTapped() // even forced, nothing is recorded
	got, err := m.app.Commission(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if k := got.Dossier(d.Logement).Candidat(nur); k.Decision != nil {
		t.Errorf("decision recorded: %+v", k.Decision)
	}
}

// N8 (essai-12b): a decision the session refuses (an attribution mixed
// with a classement, a rank given twice) greys « Enregistrer » while it is
// chosen, with the reason; a decision that holds enables it again.
func TestCommissions_DecisionRefusedWhileChoosing(t *testing.T) {
	m := newTestMain(t, 400, 200)
	s := commissionsScreen(t, m)
	c, d := seanceDuJour(t, m, s)
	p := s.seance.logements
	k := d.Candidats
	if len(k) < 3 {
		t.Fatalf("%d candidates", len(k))
	}
	decide(t, p, k[0].NUR, func(f *decisionForm) { f.typ.SetSelected(model.Attribution.Label()) })

	p.openDecision(k[1].NUR)
	f := p.lastDecision
	f.typ.SetSelected(model.AttributionClassee.Label())
	test.Type(f.rang.Entry, "1")
	if !f.form.Save.Disabled() || !f.form.Summary.Visible() || !strings.Contains(f.form.Summary.Text, "ne se combine pas avec une attribution par classement") {
		t.Errorf("classement next to an attribution: disabled %v, summary %q", f.form.Save.Disabled(), f.form.Summary.Text)
	}
	f.form.Save.OnTapped() // even forced, nothing is recorded
	if got, _ := m.app.Commission(c.ID); got.Dossier(d.Logement).Candidat(k[1].NUR).Decision != nil {
		t.Error("a refused decision was recorded")
	}
	// A non-attribution holds with the attribution: Enregistrer comes back.
	f.typ.SetSelected(model.NonAttribution.Label())
	f.motifs.SetSelected([]string{model.MotifsNonAttribution[5].Libelle})
	test.Type(f.precisions.Entry, "Un autre candidat a été retenu pour ce logement.")
	if f.form.Save.Disabled() || f.form.Summary.Visible() {
		t.Errorf("a decision that holds: disabled %v, summary %q", f.form.Save.Disabled(), f.form.Summary.Text)
	}

	// The first candidate classed instead: two at rank 1 are refused live.
	decide(t, p, k[0].NUR, func(f *decisionForm) {
		f.typ.SetSelected(model.AttributionClassee.Label())
		test.Type(f.rang.Entry, "1")
	})
	p.openDecision(k[1].NUR)
	f = p.lastDecision
	f.typ.SetSelected(model.AttributionClassee.Label())
	test.Type(f.rang.Entry, "1")
	if !f.form.Save.Disabled() || !strings.Contains(f.form.Summary.Text, "le rang 1 est donné à 2 candidats") {
		t.Errorf("rank 1 twice: disabled %v, summary %q", f.form.Save.Disabled(), f.form.Summary.Text)
	}
	f.rang.Entry.SetText("")
	test.Type(f.rang.Entry, "2")
	if f.form.Save.Disabled() {
		t.Errorf("rank 2: %q", f.form.Summary.Text)
	}
}

// decide enters a decision through the form of candidate nur.
func decide(t *testing.T, p *logementsPanel, nur string, fill func(f *decisionForm)) {
	t.Helper()
	p.openDecision(nur)
	f := p.lastDecision
	fill(f)
	if errs := f.form.Errors(); len(errs) > 0 {
		t.Fatalf("%s: %v", nur, errs)
	}
	if f.form.Save.Disabled() {
		t.Fatalf("%s: Enregistrer disabled", nur)
	}
	test.Tap(f.form.Save)
	if f.form.Summary.Visible() {
		t.Fatalf("%s: %s", nur, f.form.Summary.Text)
	}
}

func TestCommissions_FiveDecisions(t *testing.T) {
	m := newTestMain(t, 400, 200)
	s := commissionsScreen(t, m)
	c, d := seanceDuJour(t, m, s)
	p := s.seance.logements
	ref := d.Logement
	k := d.Candidats
	// One dwelling: attribution, non-attribution, irrecevabilité.
	decide(t, p, k[0].NUR, func(f *decisionForm) { f.typ.SetSelected(model.Attribution.Label()) })
	decide(t, p, k[1].NUR, func(f *decisionForm) {
		f.typ.SetSelected(model.NonAttribution.Label())
		f.motifs.SetSelected([]string{model.MotifsNonAttribution[5].Libelle})
		test.Type(f.precisions.Entry, "Un candidat prioritaire DALO a été retenu pour ce logement.")
	})
	decide(t, p, k[2].NUR, func(f *decisionForm) {
		f.typ.SetSelected(model.Irrecevabilite.Label())
		f.motifs.SetSelected([]string{model.MotifsIrrecevabilite[0].Libelle})
		test.Type(f.precisions.Entry, "Le revenu fiscal de référence dépasse le plafond PLUS.")
	})
	got, err := m.app.Commission(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	dd := got.Dossier(ref)
	if x := dd.Candidat(k[0].NUR).Decision; x == nil || x.Type != model.Attribution {
		t.Errorf("attribution: %+v", x)
	}
	if x := dd.Candidat(k[1].NUR).Decision; x == nil || x.Type != model.NonAttribution || len(x.Motifs) != 1 || x.Motifs[0] != "autre_candidat" || !strings.Contains(x.Precisions, "DALO") {
		t.Errorf("non-attribution: %+v", x)
	}
	if x := dd.Candidat(k[2].NUR).Decision; x == nil || x.Type != model.Irrecevabilite || len(x.Motifs) != 1 || x.Motifs[0] != "plafond" {
		t.Errorf("irrecevabilité: %+v", x)
	}
	// Then the same candidates again: classement (ranks 1 and 2) and
	// condition suspensive are recorded too (each replaces the previous one).
	decide(t, p, k[0].NUR, func(f *decisionForm) {
		f.typ.SetSelected(model.ConditionSuspensive.Label())
		f.pieces.SetSelected([]string{model.PiecesJustificatives[0]})
		test.Type(f.dateLimite.Entry, c.Date.AddDays(15).String())
	})
	got, _ = m.app.Commission(c.ID)
	if x := got.Dossier(ref).Candidat(k[0].NUR).Decision; x == nil || x.Type != model.ConditionSuspensive || len(x.Pieces) != 1 || x.DateLimite != c.Date.AddDays(15) {
		t.Errorf("condition suspensive: %+v", x)
	}
	decide(t, p, k[0].NUR, func(f *decisionForm) {
		f.typ.SetSelected(model.AttributionClassee.Label())
		f.rang.SetText("")
		test.Type(f.rang.Entry, "1")
	})
	decide(t, p, k[1].NUR, func(f *decisionForm) {
		f.typ.SetSelected(model.AttributionClassee.Label())
		test.Type(f.rang.Entry, "2")
	})
	got, _ = m.app.Commission(c.ID)
	dd = got.Dossier(ref)
	if x := dd.Candidat(k[0].NUR).Decision; x == nil || x.Type != model.AttributionClassee || x.Rang != 1 {
		t.Errorf("classement 1: %+v", x)
	}
	if x := dd.Candidat(k[1].NUR).Decision; x == nil || x.Type != model.AttributionClassee || x.Rang != 2 {
		t.Errorf("classement 2: %+v", x)
	}
	// The editor shows the decisions and the objectives follow them: the
	// three candidates are designations of the session.
	if txt := presentesText(p); !strings.Contains(txt, "Attribution par classement, rang 2") {
		t.Errorf("presented candidates: %q", txt)
	}
	if txt := s.seance.objectifs.seance.String(); !strings.Contains(txt, "sur 3") {
		t.Errorf("objectives of the session: %q", txt)
	}
	// « Effacer la décision », confirmed, leaves the candidate without one.
	p.openDecision(k[1].NUR)
	f := p.lastDecision
	if f.clearBtn == nil {
		t.Fatal("no « Effacer la décision »")
	}
	test.Tap(f.clearBtn)
	test.Tap(overlayButton(t, m, "Effacer"))
	got, _ = m.app.Commission(c.ID)
	if x := got.Dossier(ref).Candidat(k[1].NUR).Decision; x != nil {
		t.Errorf("decision not cleared: %+v", x)
	}
}

// presentesText is the text of the presented candidates' lines.
func presentesText(p *logementsPanel) string {
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		}
	}
	walk(p.presentes)
	return b.String()
}

// closeSession enters a decision for every candidate and closes c.
func closeSession(t *testing.T, m *Main, s *Commissions, c *model.Commission, d *model.DossierLogement) {
	t.Helper()
	p := s.seance.logements
	decide(t, p, d.Candidats[0].NUR, func(f *decisionForm) { f.typ.SetSelected(model.Attribution.Label()) })
	for _, k := range d.Candidats[1:] {
		decide(t, p, k.NUR, func(f *decisionForm) {
			f.typ.SetSelected(model.NonAttribution.Label())
			f.motifs.SetSelected([]string{model.MotifsNonAttribution[5].Libelle})
			test.Type(f.precisions.Entry, "Le logement a été attribué au candidat classé premier.")
		})
	}
	if p := s.seance.c.ProblemesCloture(); len(p) > 0 {
		t.Fatalf("cannot close: %v", p)
	}
	s.seance.cloturer()
	got, err := m.app.Commission(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Statut != model.Close {
		t.Fatalf("status = %s", got.Statut)
	}
}

func TestCommissions_ClosedIsReadOnly(t *testing.T) {
	m := newTestMain(t, 400, 200)
	s := commissionsScreen(t, m)
	c, d := seanceDuJour(t, m, s)
	closeSession(t, m, s, c, d)
	e := s.seance
	if e.clotureBtn.Visible() || !e.amendBtn.Visible() || e.suppBtn.Visible() {
		t.Errorf("buttons: clôturer %v, amender %v, supprimer %v", e.clotureBtn.Visible(), e.amendBtn.Visible(), e.suppBtn.Visible())
	}
	if e.membres.addBtn.Visible() || e.membres.form.Save.Visible() || !e.membres.rows[0].nom.Disabled() {
		t.Error("members still editable")
	}
	if e.logements.addBox.Visible() || !e.logements.exception.Disabled() {
		t.Error("dwellings still editable")
	}
	e.logements.openDecision(d.Candidats[0].NUR)
	f := e.logements.lastDecision
	if f.form.Save.Visible() || !f.typ.Disabled() || f.typ.Selected != model.Attribution.Label() {
		t.Errorf("decision form of a closed session: save %v, disabled %v, %q", f.form.Save.Visible(), f.typ.Disabled(), f.typ.Selected)
	}
	closeTopDialog()

	// An amendment needs a reason, then changes the decision and is kept.
	e.onAmender()
	motif := e.lastAmend
	if motif == nil {
		t.Fatal("no reason asked")
	}
	if len(openDialogs) == 0 {
		t.Fatal("no dialog")
	}
	test.Type(motif.Entry, "court")
	if e.motif() != "" {
		t.Fatal("amendment started without confirming")
	}
	motif.Entry.SetText("")
	test.Type(motif.Entry, "Erreur de saisie constatée à la relecture du procès-verbal.")
	closeTopDialog()
	if e.motif() != "" {
		t.Fatal("Échap started the amendment")
	}
	e.onAmender()
	test.Type(e.lastAmend.Entry, "Erreur de saisie constatée à la relecture du procès-verbal.")
	start := amendStartButton(t, m)
	test.Tap(start)
	if e.motif() == "" || !e.finAmend.Visible() || e.logements.addBox.Visible() {
		t.Fatalf("amendment mode: motif %q, fin %v", e.motif(), e.finAmend.Visible())
	}
	nur := d.Candidats[1].NUR
	decide(t, e.logements, nur, func(f *decisionForm) {
		f.precisions.Entry.SetText("")
		test.Type(f.precisions.Entry, "Le logement a été attribué au candidat classé premier au regard de la priorité DALO.")
	})
	got, err := m.app.Commission(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Statut != model.Close || len(got.Amendements) != 1 || !strings.Contains(got.Amendements[0].Motif, "relecture") {
		t.Fatalf("amendments = %+v", got.Amendements)
	}
	if x := got.Dossier(d.Logement).Candidat(nur).Decision; !strings.Contains(x.Precisions, "DALO") {
		t.Errorf("decision not amended: %+v", x)
	}
	test.Tap(e.finAmend)
	if e.motif() != "" || !e.amendBtn.Visible() {
		t.Error("amendment not finished")
	}
}

// amendStartButton finds « Commencer l'amendement » in the top dialog.
func amendStartButton(t *testing.T, m *Main) *bouton {
	t.Helper()
	return overlayButton(t, m, "Commencer l'amendement")
}

// overlayButton finds the button labelled text in the dialogs shown.
func overlayButton(t *testing.T, m *Main, text string) *bouton {
	t.Helper()
	var found *bouton
	for _, o := range m.win.Canvas().Overlays().List() {
		var walk func(o fyne.CanvasObject)
		walk = func(o fyne.CanvasObject) {
			switch x := o.(type) {
			case *bouton:
				if x.Text == text {
					found = x
				}
			case *fyne.Container:
				for _, c := range x.Objects {
					walk(c)
				}
			case fyne.Widget:
				r := test.TempWidgetRenderer(t, x)
				for _, c := range r.Objects() {
					walk(c)
				}
			}
		}
		walk(o)
	}
	if found == nil {
		t.Fatalf("no « %s » button", text)
	}
	return found
}

func TestCommissions_Documents(t *testing.T) {
	m := newTestMain(t, 400, 200)
	s := commissionsScreen(t, m)
	c, d := seanceDuJour(t, m, s)
	if p := s.seance.documents; !p.courrierBtn.Disabled() || !p.brouillon.Visible() || p.pvBtn.Disabled() {
		t.Errorf("session in preparation: letters enabled %v, warning %v", !p.courrierBtn.Disabled(), p.brouillon.Visible())
	}
	closeSession(t, m, s, c, d)
	p := s.seance.documents
	if p.courrierBtn.Disabled() || p.brouillon.Visible() || p.dateC.Date() != m.app.Today() {
		t.Errorf("closed session: letters disabled %v, warning %v, date %s", p.courrierBtn.Disabled(), p.brouillon.Visible(), p.dateC.Text())
	}
	// The default folder is « Courriers » next to the database.
	if want := filepath.Join(filepath.Dir(m.app.DB.Path()), "Courriers"); p.dir != want || p.dirLbl.Text != want {
		t.Errorf("default folder %q, want %q", p.dir, want)
	}
	dir := filepath.Join(t.TempDir(), "Courriers")
	p.dir = dir
	if p.ouvrirBtn.Visible() {
		t.Error("Ouvrir shown before any document")
	}
	test.Tap(p.pvBtn)
	s.waitIdle()
	pv := filepath.Join(dir, c.ID+"_proces-verbal.pdf")
	if st, err := os.Stat(pv); err != nil || st.Size() == 0 {
		t.Fatalf("minutes: %v", err)
	}
	if p.last != pv || !p.ouvrirBtn.Visible() || !p.imprimerBtn.Visible() || !strings.Contains(p.status.Text, dir) {
		t.Errorf("after the minutes: last %q, ouvrir %v, status %q", p.last, p.ouvrirBtn.Visible(), p.status.Text)
	}
	// A notification before the letters' date is refused before any work.
	test.Type(p.notif.Entry, m.app.Today().AddDays(-1).String())
	test.Tap(p.courrierBtn)
	s.waitIdle()
	if p.last != pv || !strings.Contains(p.status.Text, "ne peut pas précéder la date des courriers") {
		t.Errorf("notification before the letters: last %q, status %q", p.last, p.status.Text)
	}
	p.notif.Entry.SetText("")
	test.Type(p.notif.Entry, m.app.Today().AddDays(2).String())
	p.mode.SetSelected(majuscule(model.CourrierSimple.Label()))
	test.Tap(p.courrierBtn)
	s.waitIdle()
	if p.last == pv || !strings.HasSuffix(p.last, ".pdf") {
		t.Fatalf("letters: last = %q (%s)", p.last, p.status.Text)
	}
	if !strings.Contains(p.status.Text, "\nAttention : Identité de l'Office à compléter") {
		t.Errorf("placeholder identity not warned: %q", p.status.Text)
	}
	if got, _ := m.app.Commission(c.ID); len(got.Envois) != 1 || got.Envois[0].Mode != model.CourrierSimple || got.Envois[0].Reception != m.app.Today().AddDays(2) {
		t.Errorf("envoi recorded %+v", got.Envois)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	// The minutes, the combined letters and one letter per candidate.
	if len(files) < 2+len(d.Candidats) {
		t.Errorf("%d PDF files: %v", len(files), files)
	}
	if p.progress.Visible() || p.spinner.Visible() || p.pvBtn.Disabled() {
		t.Error("progress still shown or buttons disabled after the work")
	}
}

func TestCommissions_FutureSessionCannotCloseYet(t *testing.T) {
	m := newTestMain(t, 0, 0)
	s := commissionsScreen(t, m)
	c, err := m.app.NouvelleCommission(m.app.Today().AddDays(10), "Salle du conseil", "Arcueil", model.CommissionAttribution)
	if err != nil {
		t.Fatal(err)
	}
	s.reload(c.ID)
	e := s.seance
	if e.c == nil || e.c.ID != c.ID {
		t.Fatalf("editor on %v", e.c)
	}
	if !strings.Contains(e.problemes.Text, "n'a pas encore eu lieu") || !strings.Contains(e.probItem.Title, "point(s) à régler") {
		t.Errorf("header: %q / %q", e.probItem.Title, e.problemes.Text)
	}
	e.onCloturer() // refused with the reasons, nothing asked
	if got, _ := m.app.Commission(c.ID); got.Statut != model.EnPreparation {
		t.Errorf("status = %s", got.Statut)
	}
	// An attribution session has no occupancy part.
	if e.tabOcc.Content == e.occupation.body {
		t.Error("occupancy tab shown for an attribution session")
	}
}

func TestCommissions_OccupancyFinding(t *testing.T) {
	m := newTestMain(t, 400, 200)
	s := commissionsScreen(t, m)
	c, _ := seanceDuJour(t, m, s)
	p := s.seance.occupation
	test.Tap(p.addBtn)
	if len(p.cards) == 0 {
		t.Fatalf("no household marked « à présenter » added: %q", p.head.Text)
	}
	card := p.cards[0]
	if card.form.Summary.Visible() {
		t.Error("a message before anything is typed")
	}
	test.Type(card.constat.Entry, "Sous-occupation constatée.")
	if !card.form.Save.Disabled() || !strings.Contains(card.form.Summary.Text, "Logement adapté : obligatoire.") {
		t.Errorf("without the kind of dwelling: disabled %v, %q", card.form.Save.Disabled(), card.form.Summary.Text)
	}
	card.adapte.SetText(LogementsAdaptes[0])
	test.Tap(card.form.Save)
	got, err := m.app.Commission(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	o := got.DossierOccupationDe(card.menage)
	if o == nil || o.Constat != "Sous-occupation constatée." || o.LogementAdapte != LogementsAdaptes[0] {
		t.Errorf("finding = %+v", o)
	}
}

func TestCommissions_EditHeaderAndRemoveDwelling(t *testing.T) {
	m := newTestMain(t, 400, 200)
	s := commissionsScreen(t, m)
	c, d := seanceDuJour(t, m, s)
	e := s.seance
	e.onEntete()
	f := e.entete
	if f.lieu.Text() != c.Lieu || f.date.Date() != c.Date || !f.attribution.Checked || !f.occupation.Checked {
		t.Fatalf("header form not filled: %q %s", f.lieu.Text(), f.date.Text())
	}
	if !f.form.Save.Disabled() {
		t.Error("Enregistrer enabled before any change")
	}
	f.lieu.Entry.SetText("")
	test.Type(f.lieu.Entry, "Mairie de Vitry, salle 2")
	test.Tap(f.form.Save)
	got, err := m.app.Commission(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Lieu != "Mairie de Vitry, salle 2" || !strings.Contains(e.infos.Text, "Mairie de Vitry, salle 2") {
		t.Errorf("lieu = %q, header %q", got.Lieu, e.infos.Text)
	}
	// Removing the dwelling asks first, then removes it with its candidates.
	e.logements.onRetirerLogement()
	if len(openDialogs) == 0 {
		t.Fatal("no confirmation")
	}
	closeTopDialog() // Échap: nothing removed
	if got, _ := m.app.Commission(c.ID); got.Dossier(d.Logement) == nil {
		t.Fatal("removed without confirmation")
	}
	if err := e.logements.act.retirerL(d.Logement); err != nil {
		t.Fatal(err)
	}
	if got, _ := m.app.Commission(c.ID); got.Dossier(d.Logement) != nil || e.logements.dossiers.Length() != 0 {
		t.Errorf("dwelling still there (list %d)", e.logements.dossiers.Length())
	}
	// The vacant dwellings of the commune are offered; choosing one and
	// « Examiner ce logement » adds it with its proposed candidates.
	<-m.catDone
	p := e.logements
	p.filterVacants()
	if len(p.vac.rows) == 0 {
		t.Fatalf("no vacant dwelling offered: %q", p.vacHead.Text)
	}
	for _, r := range p.vac.rows {
		if r.Etat != model.Vacant || !model.SameCommune(r.Commune, "Vitry-sur-Seine") {
			t.Fatalf("offered %s (%s, %s)", r.Reference, r.Etat, r.Commune)
		}
	}
	// A dwelling allocated by the demo's closed session says so.
	allocated := 0
	for _, o := range s.all {
		if o.Statut != model.Close {
			continue
		}
		for _, dd := range o.Logements {
			if dd.Beneficiaire() != nil {
				allocated++
				if got := p.act.attribue(dd.Logement); !strings.Contains(got, "attribué en séance du "+o.Date.String()) {
					t.Errorf("%s: %q", dd.Logement, got)
				}
			}
		}
	}
	if allocated == 0 {
		t.Error("the demo's closed session allocates no dwelling")
	}
	test.Type(p.refEntry, p.vac.rows[0].Reference)
	if len(p.vac.rows) != 1 {
		t.Errorf("typing a reference leaves %d rows", len(p.vac.rows))
	}
	ref := p.vac.rows[0].Reference
	test.Tap(p.addBtn)
	if got, _ := m.app.Commission(c.ID); got.Dossier(ref) == nil {
		t.Fatalf("dwelling %s not added: %q", ref, p.addErr.Text)
	}
	for _, r := range p.vac.rows {
		if r.Reference == ref {
			t.Error("a dwelling examined is still offered")
		}
	}
}

// N9 (essai-12b): a Cachan session does not take Vitry's mayor, and the
// panel asks for Cachan's.
func TestCommissions_MembersFromAnotherCommune(t *testing.T) {
	m := newTestMain(t, 400, 200)
	s := commissionsScreen(t, m)
	all, err := m.app.Commissions()
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range all {
		if model.SameCommune(o.Commune, "Cachan") && len(o.Membres) > 0 {
			t.Fatalf("the demo has a Cachan session with members (%s): the test needs another commune's", o.ID)
		}
	}
	c, err := m.app.NouvelleCommission(m.app.Today(), "Salle du conseil", "Cachan", model.CommissionAttribution)
	if err != nil {
		t.Fatal(err)
	}
	s.reload(c.ID)
	p := s.seance.membres
	if p.noteMaire.Visible() {
		t.Errorf("a mayor's note before any member: %q", p.noteMaire.Text)
	}
	test.Tap(p.reprendre)
	if len(p.rows) == 0 {
		t.Fatal("nothing copied")
	}
	for _, r := range p.rows {
		if r.maire.Checked || strings.Contains(r.qualite.Text, "maire de") {
			t.Errorf("another commune's mayor copied: %q, %q, maire %v", r.nom.Text, r.qualite.Text, r.maire.Checked)
		}
	}
	if !p.noteMaire.Visible() || !strings.Contains(p.noteMaire.Text, "Inscrivez le maire de Cachan") || !strings.Contains(p.noteMaire.Text, "sauf Mme\u00a0Anne Rousseau") {
		t.Errorf("note: visible %v, %q", p.noteMaire.Visible(), p.noteMaire.Text)
	}
	// Once saved and reloaded, the panel still asks for the mayor (a session
	// opened afresh says no member is « maire »), until one is ticked.
	test.Tap(p.form.Save)
	if got, _ := m.app.Commission(c.ID); len(got.Membres) != len(p.rows) {
		t.Fatalf("not saved: %q", p.form.Summary.Text)
	}
	s.reload(c.ID)
	p = s.seance.membres
	if !p.noteMaire.Visible() || !strings.Contains(p.noteMaire.Text, "maire de Cachan ou son représentant") {
		t.Errorf("after saving: visible %v, %q", p.noteMaire.Visible(), p.noteMaire.Text)
	}
	got, _ := m.app.Commission(c.ID)
	p.set(got.Membres, false)
	if !p.noteMaire.Visible() || !strings.Contains(p.noteMaire.Text, "Aucun membre n'est coché « maire » : inscrivez le maire de Cachan ou son représentant") {
		t.Errorf("opened afresh: visible %v, %q", p.noteMaire.Visible(), p.noteMaire.Text)
	}
	test.Tap(p.rows[0].maire)
	if p.noteMaire.Visible() {
		t.Errorf("the note stays with a mayor ticked: %q", p.noteMaire.Text)
	}
}

func TestCommissions_MembersFromPreviousSession(t *testing.T) {
	m := newTestMain(t, 400, 200)
	s := commissionsScreen(t, m)
	c, err := m.app.NouvelleCommission(m.app.Today(), "Salle du conseil", "Vitry-sur-Seine", model.CommissionAttribution)
	if err != nil {
		t.Fatal(err)
	}
	s.reload(c.ID)
	p := s.seance.membres
	if !p.reprendre.Visible() || !p.emptyHint.Visible() {
		t.Fatal("no offer to copy the previous members")
	}
	test.Tap(p.reprendre)
	prev := p.previous().Membres
	if len(prev) == 0 || len(p.rows) != len(prev) {
		t.Fatalf("%d rows, previous session has %d members", len(p.rows), len(prev))
	}
	if p.reprendre.Visible() || p.form.Save.Disabled() {
		t.Errorf("after copying: offer visible %v, save disabled %v", p.reprendre.Visible(), p.form.Save.Disabled())
	}
	// Presence is the agent's to tick: the quorum is not reached yet.
	if !strings.Contains(p.quorum.String(), "n'est pas atteint") {
		t.Errorf("quorum: %q", p.quorum.String())
	}
	for _, r := range p.rows {
		test.Tap(r.present)
	}
	if !strings.Contains(p.quorum.String(), "est atteint") {
		t.Errorf("quorum after ticking: %q", p.quorum.String())
	}
	test.Tap(p.form.Save)
	got, err := m.app.Commission(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Membres) != len(prev) || !got.Membres[0].Present || got.Membres[0].Nom != prev[0].Nom {
		t.Errorf("members = %+v", got.Membres)
	}
	// An empty name is refused inline.
	test.Tap(p.addBtn)
	if !p.form.Save.Disabled() || !strings.Contains(p.form.Summary.Text, "le nom est obligatoire") {
		t.Errorf("empty name: disabled %v, %q", p.form.Save.Disabled(), p.form.Summary.Text)
	}
}

func TestCommissions_ProposalsAndExcluded(t *testing.T) {
	m := newTestMain(t, 400, 200)
	s := commissionsScreen(t, m)
	_, d := seanceDuJour(t, m, s)
	p := s.seance.logements
	s.waitIdle()
	if p.prop == nil || p.prop.Logement.Reference != d.Logement || len(p.prop.Candidats) < 3 {
		t.Fatalf("proposals: %+v", p.prop)
	}
	for _, e := range p.prop.Candidats {
		if e.Exclu || e.Rang == 0 {
			t.Fatalf("an excluded application listed without « Afficher les exclus »: %s", e.NUR)
		}
	}
	// The first proposal is shown with every rule explained, and is already
	// presented (the first three ranked come with the dwelling).
	p.props.Select(0)
	txt := p.detail.String()
	for _, want := range []string{"Proposition : rang 1", "Plafond de ressources", "Source :"} {
		if !strings.Contains(txt, want) {
			t.Errorf("detail lacks %q: %q", want, txt)
		}
	}
	if !p.propAdd.Disabled() {
		t.Error("a candidate already presented can be added again")
	}
	test.Tap(p.tous)
	s.waitIdle()
	if !p.prop.Tous || p.prop.Exclus == 0 {
		t.Fatalf("with the excluded: tous %v, %d excluded", p.prop.Tous, p.prop.Exclus)
	}
	last := len(p.prop.Candidats) - 1
	if e := p.prop.Candidats[last]; !e.Exclu || len(e.Motifs) == 0 {
		t.Fatalf("last row %s: exclu %v, motifs %v", e.NUR, e.Exclu, e.Motifs)
	}
	p.props.Select(last)
	if !strings.Contains(p.detail.String(), "Exclu par la politique d'attribution") || p.propAdd.Disabled() {
		t.Errorf("excluded detail: %q (add disabled %v)", p.detail.String(), p.propAdd.Disabled())
	}
}

func TestCommissions_TypingSurvivesOtherSaves(t *testing.T) {
	m := newTestMain(t, 400, 200)
	s := commissionsScreen(t, m)
	c, d := seanceDuJour(t, m, s)
	e := s.seance
	// A member being added while a decision is recorded.
	test.Tap(e.membres.addBtn)
	r := e.membres.rows[len(e.membres.rows)-1]
	test.Type(r.nom, "C. Nouveau")
	decide(t, e.logements, d.Candidats[0].NUR, func(f *decisionForm) { f.typ.SetSelected(model.Attribution.Label()) })
	if n := len(e.membres.rows); n != 3 || e.membres.rows[2].nom.Text != "C. Nouveau" || !e.membres.form.Dirty() {
		t.Fatalf("members after a decision: %d rows, dirty %v", n, e.membres.form.Dirty())
	}
	// Two findings: the second one typed survives the first one's save.
	test.Tap(e.occupation.addBtn)
	if len(e.occupation.cards) < 2 {
		t.Skipf("%d household(s) to examine in the demo", len(e.occupation.cards))
	}
	c0, c1 := e.occupation.cards[0], e.occupation.cards[1]
	test.Type(c1.constat.Entry, "Constat en cours de saisie.")
	test.Type(c0.constat.Entry, "Sous-occupation constatée.")
	c0.adapte.SetText(LogementsAdaptes[0])
	test.Tap(c0.form.Save)
	got, _ := m.app.Commission(c.ID)
	if o := got.DossierOccupationDe(c0.menage); o == nil || o.Constat != "Sous-occupation constatée." {
		t.Fatalf("first finding not saved: %+v", o)
	}
	n1 := e.occupation.cards[1]
	if n1.menage != c1.menage || n1.constat.Entry.Text != "Constat en cours de saisie." || !n1.form.Dirty() {
		t.Errorf("second finding lost: %q (dirty %v)", n1.constat.Entry.Text, n1.form.Dirty())
	}
	// Leaving the session now asks first.
	if e.dirtyForm() == nil {
		t.Error("no unsaved form reported")
	}
}

// TestDecisionForm_AlerteDateLimite: a documents deadline on a Sunday, or
// less than eight days after the session, is flagged as it is typed; the
// decision stays valid.
func TestDecisionForm_AlerteDateLimite(t *testing.T) {
	session := model.NewDate(2026, 11, 19) // Thursday
	f := newDecisionForm(nil, session, false, func(model.Decision) error { return nil })
	f.typ.SetSelected(model.ConditionSuspensive.Label())
	f.pieces.SetSelected([]string{model.PiecesJustificatives[0]})
	test.Type(f.dateLimite.Entry, "29/11/2026") // a Sunday, 10 days after
	if !f.alerteDate.Visible() || !strings.Contains(f.alerteDate.Text, "est un dimanche") {
		t.Errorf("dimanche : %v %q", f.alerteDate.Visible(), f.alerteDate.Text)
	}
	f.dateLimite.Entry.SetText("")
	test.Type(f.dateLimite.Entry, "24/11/2026") // Tuesday, 5 days after
	if !f.alerteDate.Visible() || !strings.Contains(f.alerteDate.Text, "moins de 8 jours") {
		t.Errorf("5 jours : %q", f.alerteDate.Text)
	}
	if extra := f.extra(); len(extra) != 0 {
		t.Errorf("the flag refuses the decision: %q", extra)
	}
	f.dateLimite.Entry.SetText("")
	test.Type(f.dateLimite.Entry, "30/11/2026") // Monday, 11 days after
	if f.alerteDate.Visible() {
		t.Errorf("lundi à 11 jours signalé : %q", f.alerteDate.Text)
	}
}

// A closed session shows each dwelling as the commission saw it (the
// snapshot), not as a later import changed it.
func TestCommissions_ClosedShowsSnapshotDwelling(t *testing.T) {
	m := newTestMain(t, 400, 200)
	s := commissionsScreen(t, m)
	c, d := seanceDuJour(t, m, s)
	closeSession(t, m, s, c, d)
	var vu model.Logement
	if err := m.app.DB.Update("Nouveau loyer", func(tx *storage.Tx) error {
		l, err := tx.Logement(d.Logement)
		if err != nil {
			return err
		}
		vu = *l
		l.Loyer = model.Euros(999)
		return tx.PutLogement(l)
	}); err != nil {
		t.Fatal(err)
	}
	s.reload(c.ID)
	s.waitIdle()
	p := s.seance.logements
	p.showDossier(true) // as when the dwelling is chosen in the list
	s.waitIdle()
	got := p.titre.Text
	if !strings.Contains(got, vu.Quittance().String()+" par mois") || strings.Contains(got, "999,00") || strings.Contains(got, (model.Euros(999)+vu.Charges).String()) {
		t.Errorf("title = %q, want the rent and charges seen at the session (%s)", got, vu.Quittance())
	}
}
