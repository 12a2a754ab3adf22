package screens

import (
	"strings"
	"testing"

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
