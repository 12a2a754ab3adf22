package screens

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"logis/app"
	"logis/model"
)

// nopCloser is a buffer the export writes to.
type nopCloser struct{ bytes.Buffer }

func (*nopCloser) Close() error { return nil }

func occupationScreen(t *testing.T, m *Main) *Occupation {
	t.Helper()
	m.Show("Examen d'occupation")
	s, ok := m.screens[m.current].(*Occupation)
	if !ok {
		t.Fatalf("current screen is %T", m.screens[m.current])
	}
	return s
}

func TestOccupation_RunFillsCounts(t *testing.T) {
	m := newTestMain(t, 300, 200)
	s := occupationScreen(t, m)
	s.date.SetText("")
	test.Type(s.date, "22/11/2026")
	test.Tap(s.runBtn)
	s.waitIdle()
	if s.rv == nil {
		t.Fatalf("no review; status %q", s.status.Text)
	}
	total := 0
	for _, code := range app.SituationCodes {
		total += s.rv.Comptes[code]
	}
	if total == 0 {
		t.Fatal("no situation counted on the demo data")
	}
	if !strings.Contains(s.status.Text, "Examen au 22/11/2026") {
		t.Errorf("status = %q", s.status.Text)
	}
	// The list shows every household in at least one situation.
	if len(s.rows) != s.count("toutes") || len(s.rows) == 0 {
		t.Errorf("%d rows, want %d", len(s.rows), s.count("toutes"))
	}
	// Choosing a situation shows its households only.
	s.filtres.Select(2) // sous_occupation (after 1° sur-occupation)
	if len(s.rows) != s.rv.Comptes["sous_occupation"] {
		t.Errorf("sous-occupation: %d rows, want %d", len(s.rows), s.rv.Comptes["sous_occupation"])
	}
	if !strings.HasPrefix(s.listHead.Text, "2° Sous-occupation : ") {
		t.Errorf("list head = %q", s.listHead.Text)
	}
	// Searching narrows the list; Ctrl+F goes to the search.
	s.filtres.Select(0)
	all := len(s.rows)
	first := s.rv.Examens[s.rows[0]]
	s.focusSearch()
	if m.win.Canvas().Focused() != s.search {
		t.Error("Ctrl+F does not focus the search")
	}
	test.Type(s.search, first.Menage)
	if len(s.rows) != 1 || s.rv.Examens[s.rows[0]].Menage != first.Menage || !strings.Contains(s.listHead.Text, "pour « "+first.Menage+" »") {
		t.Errorf("search %q: %d rows, head %q", first.Menage, len(s.rows), s.listHead.Text)
	}
	s.search.SetText(strings.ToLower(first.Commune))
	if len(s.rows) == 0 || len(s.rows) >= all {
		t.Errorf("search by commune: %d rows of %d", len(s.rows), all)
	}
	s.search.SetText("")
	if len(s.rows) != all {
		t.Errorf("search cleared: %d rows, want %d", len(s.rows), all)
	}
	// The export asks where to write, in French.
	m.win.Resize(fyne.NewSize(1280, 800))
	s.onExport()
	dlg := strings.Join(overlayTexts(m.win), "\n")
	if !strings.Contains(dlg, "Enregistrer") || !strings.Contains(dlg, "Annuler") || strings.Contains(dlg, "Cancel") {
		t.Errorf("export dialog:\n%s", dlg)
	}
	m.win.Canvas().Overlays().Remove(m.win.Canvas().Overlays().Top())
	// Export writes the command line's CSV.
	var buf nopCloser
	s.exportTo(&buf, "x.csv")
	s.waitIdle()
	var want bytes.Buffer
	_ = s.rv.WriteCSV(&want)
	if buf.Len() == 0 || buf.String() != want.String() {
		t.Errorf("export: %d bytes, want %d", buf.Len(), want.Len())
	}
}

func TestOccupation_BadDate(t *testing.T) {
	m := newTestMain(t, 30, 20)
	s := occupationScreen(t, m)
	s.date.SetText("31/02/2026")
	test.Tap(s.runBtn)
	s.waitIdle()
	if s.rv != nil || !s.dateErr.Visible() || !strings.Contains(s.dateErr.Text, "n'existe pas dans le calendrier") {
		t.Errorf("review %v, message %q", s.rv != nil, s.dateErr.Text)
	}
}

func TestOccupation_MarkPersists(t *testing.T) {
	m := newTestMain(t, 300, 200)
	s := occupationScreen(t, m)
	test.Tap(s.runBtn)
	s.waitIdle()
	if len(s.rows) == 0 {
		t.Fatal("no household in a situation")
	}
	s.menages.Select(0)
	id := s.selected().Menage
	if !strings.HasPrefix(s.markBtn.Text, "Marquer") {
		t.Fatalf("button = %q", s.markBtn.Text)
	}
	test.Tap(s.markBtn)
	s.waitIdle()
	fresh, err := m.app.RevueOccupation(m.app.Today(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !fresh.Presente[id] || !s.rv.Presente[id] {
		t.Errorf("%s not marked in the base (%v) or on screen (%v)", id, fresh.Presente[id], s.rv.Presente[id])
	}
	if s.markBtn.Text != "Retirer de la présentation en commission" {
		t.Errorf("button after marking = %q", s.markBtn.Text)
	}
	j, _ := m.app.DB.Journal(1)
	if len(j) != 1 || !strings.Contains(j[0].Action, "à présenter en commission") {
		t.Errorf("journal = %+v", j)
	}
	test.Tap(s.markBtn)
	s.waitIdle()
	fresh, _ = m.app.RevueOccupation(m.app.Today(), nil)
	if fresh.Presente[id] {
		t.Error("unmarking not written")
	}
}

// Issue 9, item 9: the review limited to the households due before a date.
func TestOccupation_EcheanceAvant(t *testing.T) {
	m := newTestMain(t, 300, 200)
	s := occupationScreen(t, m)
	s.date.SetText("22/11/2026")
	test.Tap(s.runBtn)
	s.waitIdle()
	all := len(s.rv.Examens)
	s.echeance.SetText("01/06/2027")
	test.Tap(s.runBtn)
	s.waitIdle()
	due := len(s.rv.Examens)
	if due == 0 || due >= all {
		t.Fatalf("due before 01/06/2027: %d of %d", due, all)
	}
	for _, e := range s.rv.Examens {
		if !e.ProchainExamen.IsZero() && e.ProchainExamen >= model.NewDate(2027, 6, 1) {
			t.Errorf("%s due %s kept", e.Menage, e.ProchainExamen)
		}
	}
	if !strings.Contains(s.status.Text, "dont l'examen triennal est dû avant le 01/06/2027") {
		t.Errorf("status %q", s.status.Text)
	}
	s.echeance.SetText("31/02/2027")
	test.Tap(s.runBtn)
	if !s.dateErr.Visible() || !strings.HasPrefix(s.dateErr.Text, "Échéance : ") {
		t.Errorf("bad due date: %q", s.dateErr.Text)
	}
}

// essai-12 F10: the export's and the marking's confirmations go to the
// status line; the review's summary stays (its count of marked follows).
func TestOccupation_ConfirmationsDansLaLigneEtat(t *testing.T) {
	m := newTestMain(t, 300, 200)
	s := occupationScreen(t, m)
	test.Tap(s.runBtn)
	s.waitIdle()
	if len(s.rows) == 0 || !strings.HasPrefix(s.status.Text, "Examen au ") {
		t.Fatalf("review: %d rows, summary %q", len(s.rows), s.status.Text)
	}
	resume := s.status.Text
	var buf nopCloser
	s.exportTo(&buf, "examen.csv")
	s.waitIdle()
	if s.status.Text != resume {
		t.Errorf("summary replaced by %q", s.status.Text)
	}
	if !strings.HasPrefix(m.status.Text, "Examen exporté dans « examen.csv » (") || !strings.Contains(m.status.Text, " à ") {
		t.Errorf("status line = %q", m.status.Text)
	}
	avant := len(s.rv.Presente)
	for i := range s.rows {
		s.menages.Select(i)
		if strings.HasPrefix(s.markBtn.Text, "Marquer") {
			break
		}
	}
	test.Tap(s.markBtn)
	s.waitIdle()
	if !strings.HasPrefix(s.status.Text, "Examen au ") || !strings.Contains(s.status.Text, fmt.Sprintf(", %d marqués à présenter", avant+1)) {
		t.Errorf("summary after marking = %q", s.status.Text)
	}
	if !strings.HasPrefix(m.status.Text, "1 ménage(s) marqué(s) à présenter en commission à ") {
		t.Errorf("status line after marking = %q", m.status.Text)
	}
}
