package screens

import (
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"logis/model"
	"logis/storage"
)

// Findings of the new-user trial of issue 12 (essai-12) on the commission
// screen.

// faitsAttendus are the facts of dwelling ref the header must show.
func faitsAttendus(t *testing.T, m *Main, ref string) string {
	t.Helper()
	var l *model.Logement
	if err := m.app.DB.View(func(tx *storage.Tx) error {
		var err error
		l, err = tx.Logement(ref)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return " · " + model.TypologieLabel(l.Typologie) + " · " + model.FormatNumber(l.Surface, 1) + " m² · " + string(l.Financement) + " · " + l.Quittance().String() + " par mois charges comprises · " + l.Adresse
}

// F15: the dwelling's facts stay in its header after a decision, when the
// session is shown again, and once it is closed (from the snapshot).
func TestCommissions_EnTeteLogementGardeSesFaits(t *testing.T) {
	m := newTestMain(t, 400, 200)
	s := commissionsScreen(t, m)
	c, d := seanceDuJour(t, m, s)
	p := s.seance.logements
	faits := faitsAttendus(t, m, d.Logement)
	check := func(when string) {
		t.Helper()
		if got := p.titre.Text; !strings.HasPrefix(got, "Logement "+d.Logement) || !strings.HasSuffix(got, faits) {
			t.Errorf("%s: header %q, want the facts %q", when, got, faits)
		}
	}
	check("first display")
	decide(t, p, d.Candidats[1].NUR, func(f *decisionForm) {
		f.typ.SetSelected(model.NonAttribution.Label())
		f.motifs.SetSelected([]string{model.MotifsNonAttribution[5].Libelle})
		f.precisions.Entry.SetText("Le ménage a retenu une autre offre. ")
	})
	s.waitIdle()
	check("after a decision")
	m.Show("Ménages et demandes")
	m.Show("Commissions")
	s.waitIdle()
	check("shown again")
	p.selectDossier(p.current)
	s.waitIdle()
	check("chosen again")
	closeSession(t, m, s, c, d)
	s.waitIdle()
	check("closed")
	m.Show("Ménages et demandes")
	m.Show("Commissions")
	s.waitIdle()
	check("closed, shown again")
}

// autreSeance creates another session today and shows it.
func autreSeance(t *testing.T, m *Main, s *Commissions) *model.Commission {
	t.Helper()
	c, err := m.app.NouvelleCommission(m.app.Today(), "Mairie annexe", "Vitry-sur-Seine", model.CommissionAttribution)
	if err != nil {
		t.Fatal(err)
	}
	s.reload(c.ID)
	s.waitIdle()
	if s.seance.id() != c.ID {
		t.Fatalf("editor on %q, want %q", s.seance.id(), c.ID)
	}
	return c
}

// F22: the Documents tab of a session shows only its own documents.
func TestCommissions_DocumentsPropresALaSeance(t *testing.T) {
	m := newTestMain(t, 400, 200)
	s := commissionsScreen(t, m)
	c, _ := seanceDuJour(t, m, s)
	p := s.seance.documents
	p.dir = t.TempDir()
	test.Tap(p.pvBtn)
	s.waitIdle()
	if !strings.HasPrefix(p.status.Text, "Terminé") || !strings.Contains(p.status.Text, c.ID) {
		t.Fatalf("minutes of %s: %q", c.ID, p.status.Text)
	}
	autre := autreSeance(t, m, s)
	if strings.Contains(p.status.Text, "Terminé") || strings.Contains(p.status.Text, c.ID) || p.last != "" || p.fichier.Visible() || p.ouvrirBtn.Visible() {
		t.Errorf("session %s shows the documents of %s: %q (fichier %q)", autre.ID, c.ID, p.status.Text, p.fichier.Text)
	}
	if p.status.Text != p.accueil {
		t.Errorf("session %s: status %q, want %q", autre.ID, p.status.Text, p.accueil)
	}
}

// F22: a job still running when another session is shown ends without
// writing its result on that session's tab.
func TestDocumentsPanel_ResultatDUneAutreSeance(t *testing.T) {
	m := newTestMain(t, 400, 200)
	var bg sync.WaitGroup
	p := newDocumentsPanel(m.win, t.TempDir(), &bg, nil, nil)
	release := make(chan struct{})
	pv := func(dir string, progress func(int, int)) (string, string, error) {
		<-release
		return filepath.Join(dir, "A_proces-verbal.pdf"), "procès-verbal « A_proces-verbal.pdf » écrit", nil
	}
	today := m.app.Today()
	p.setProducers("A", pv, nil, true, today, today)
	test.Tap(p.pvBtn)
	p.setProducers("B", pv, nil, true, today, today)
	close(release)
	bg.Wait()
	if strings.Contains(p.status.Text, "A_proces-verbal") || p.last != "" || p.ouvrirBtn.Visible() {
		t.Errorf("session B shows A's minutes: %q, last %q", p.status.Text, p.last)
	}
	if p.running || p.pvBtn.Disabled() {
		t.Errorf("after A's job: running %v, minutes button disabled %v", p.running, p.pvBtn.Disabled())
	}
}

// F23: « Avant la clôture » unfolded in one session is folded when another
// session is opened (it stays open while the same session is saved).
func TestCommissions_AvantClotureRepliee(t *testing.T) {
	m := newTestMain(t, 400, 200)
	s := commissionsScreen(t, m)
	c, d := seanceDuJour(t, m, s)
	e := s.seance
	e.probAcc.Open(0)
	decide(t, e.logements, d.Candidats[0].NUR, func(f *decisionForm) { f.typ.SetSelected(model.Attribution.Label()) })
	if !e.probItem.Open {
		t.Errorf("%s: « %s » folded by a save of the same session", c.ID, e.probItem.Title)
	}
	autre := autreSeance(t, m, s)
	if e.probItem.Open {
		t.Errorf("%s: « %s » still unfolded from %s", autre.ID, e.probItem.Title, c.ID)
	}
}

// F18: Échap in the « Décision » dialog asks before dropping what was
// typed; unchanged, it closes at once.
func TestDecision_EchapDemandeAvantDePerdre(t *testing.T) {
	m := newTestMain(t, 400, 200)
	s := commissionsScreen(t, m)
	c, d := seanceDuJour(t, m, s)
	p := s.seance.logements
	nur := d.Candidats[0].NUR
	echap := func(f *decisionForm) {
		f.precisions.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	}
	overlays := func() int { return len(m.win.Canvas().Overlays().List()) }

	p.openDecision(nur)
	echap(p.lastDecision)
	if n := overlays(); n != 0 {
		t.Fatalf("unchanged decision: %d dialog(s) left after Échap", n)
	}

	p.openDecision(nur)
	f := p.lastDecision
	test.Type(f.precisions.Entry, "Le ménage a visité le logement.")
	echap(f)
	if n := overlays(); n != 2 {
		t.Fatalf("typed Précisions: %d dialog(s) after Échap, want the decision and the question", n)
	}
	if labels := strings.Join(buttonLabels(m.win.Canvas().Overlays().Top()), ","); labels != "Annuler,Ne pas enregistrer,Enregistrer" {
		t.Fatalf("question buttons = %s", labels)
	}
	echap(f) // Échap on the question: back to the decision, text kept
	if n := overlays(); n != 1 || !strings.Contains(f.precisions.Entry.Text, "visité") {
		t.Fatalf("Échap on the question: %d dialog(s), précisions %q", n, f.precisions.Entry.Text)
	}
	echap(f)
	tapButton(t, m.win.Canvas().Overlays().Top(), "Ne pas enregistrer")
	if n := overlays(); n != 0 {
		t.Errorf("Ne pas enregistrer: %d dialog(s) left", n)
	}
	got, err := m.app.Commission(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if k := got.Dossier(d.Logement).Candidat(nur); k.Decision != nil {
		t.Errorf("decision stored without Enregistrer: %+v", k.Decision)
	}
}
