package screens

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"logis/model"
)

// Item 12: every save of a session is confirmed in the status line, with
// the time; the list's counts follow.

// statusSays fails unless the status line confirms want at a time.
func statusSays(t *testing.T, m *Main, want string) {
	t.Helper()
	if st := m.status.Text; !strings.HasPrefix(st, want+" à ") {
		t.Errorf("status line %q, want %q à HH:MM", st, want)
	}
}

// countsCurrent fails unless the sessions list counts what is stored.
func countsCurrent(t *testing.T, m *Main, s *Commissions) {
	t.Helper()
	all, err := m.app.Commissions()
	if err != nil {
		t.Fatal(err)
	}
	prep, closes := 0, 0
	for _, c := range all {
		if c.Statut == model.Close {
			closes++
		} else {
			prep++
		}
	}
	if want := fmt.Sprintf("%d séance(s) : %d en préparation, %d close(s).", len(all), prep, closes); s.status.Text != want {
		t.Errorf("sessions count %q, want %q", s.status.Text, want)
	}
}

func TestCommissions_ConfirmeCreationSuppression(t *testing.T) {
	m := newTestMain(t, 400, 200)
	s := commissionsScreen(t, m)
	s.create()
	f := s.creation
	f.lieu.Entry.SetText("")
	test.Type(f.lieu.Entry, "Salle des fêtes")
	test.Tap(f.form.Save)
	id := s.current
	c, err := m.app.Commission(id)
	if err != nil || c.Lieu != "Salle des fêtes" {
		t.Fatalf("session %q not created: %v", id, err)
	}
	statusSays(t, m, "Séance "+id+" du "+c.Date.String()+" créée")
	countsCurrent(t, m, s)
	if s.seance.id() != id {
		t.Fatalf("editor on %q", s.seance.id())
	}
	s.seance.onSupprimer()
	test.Tap(overlayButton(t, m, "Supprimer"))
	if _, err := m.app.Commission(id); model.ErrorCode(err) != model.ENOTFOUND {
		t.Fatalf("not deleted: %v", err)
	}
	statusSays(t, m, "Séance "+id+" supprimée")
	countsCurrent(t, m, s)
}

func TestCommissions_ConfirmePreparation(t *testing.T) {
	m := newTestMain(t, 400, 200)
	s := commissionsScreen(t, m)
	c, d := seanceDuJour(t, m, s)
	e := s.seance
	in := " (séance " + c.ID + ")"

	e.onEntete()
	e.entete.lieu.Entry.SetText("")
	test.Type(e.entete.lieu.Entry, "Mairie, salle 2")
	test.Tap(e.entete.form.Save)
	statusSays(t, m, "En-tête de la séance "+c.ID+" enregistré")

	test.Tap(e.membres.addBtn)
	test.Type(e.membres.rows[len(e.membres.rows)-1].nom, "C. Nouveau")
	test.Tap(e.membres.form.Save)
	statusSays(t, m, "Membres et présences enregistrés"+in)

	decide(t, e.logements, d.Candidats[0].NUR, func(f *decisionForm) { f.typ.SetSelected(model.Attribution.Label()) })
	statusSays(t, m, "Décision enregistrée, logement "+d.Logement+in)

	if err := e.logements.act.retirer(d.Logement, d.Candidats[2].NUR); err != nil {
		t.Fatal(err)
	}
	statusSays(t, m, "Candidat retiré du logement "+d.Logement+in)
	e.logements.exception.SetSelected(model.ExceptionsTroisCandidats[0])
	statusSays(t, m, "Exception à la règle des trois candidats enregistrée, logement "+d.Logement+in)

	test.Tap(e.occupation.addBtn)
	if len(e.occupation.cards) == 0 {
		t.Fatal("no household to examine in the demo")
	}
	statusSays(t, m, fmt.Sprintf("%d ménage(s) ajouté(s) à l'examen de l'occupation", len(e.occupation.cards))+in)
	card := e.occupation.cards[0]
	test.Type(card.constat.Entry, "Sous-occupation constatée.")
	card.adapte.SetText(LogementsAdaptes[0])
	test.Tap(card.form.Save)
	statusSays(t, m, "Constat enregistré, ménage "+card.menage+in)

	got, err := m.app.Commission(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Lieu != "Mairie, salle 2" || len(got.Membres) != 3 || got.Dossier(d.Logement).Exception == "" || got.DossierOccupationDe(card.menage).Constat == "" {
		t.Errorf("saves not stored: %+v", got)
	}
}

func TestCommissions_ConfirmeClotureAmendementDocuments(t *testing.T) {
	m := newTestMain(t, 400, 200)
	s := commissionsScreen(t, m)
	c, d := seanceDuJour(t, m, s)
	e := s.seance
	closeSession(t, m, s, c, d)
	statusSays(t, m, "Séance "+c.ID+" close")
	countsCurrent(t, m, s)

	e.onAmender()
	test.Type(e.lastAmend.Entry, "Erreur de saisie constatée à la relecture du procès-verbal.")
	test.Tap(amendStartButton(t, m))
	statusSays(t, m, "Amendement de la séance "+c.ID+" commencé")
	decide(t, e.logements, d.Candidats[1].NUR, func(f *decisionForm) {
		f.precisions.Entry.SetText("")
		test.Type(f.precisions.Entry, "Le logement a été attribué au candidat classé premier au regard de la priorité DALO.")
	})
	statusSays(t, m, "Amendement enregistré : décision enregistrée, logement "+d.Logement+" (séance "+c.ID+")")
	test.Tap(e.finAmend)
	statusSays(t, m, "Amendement de la séance "+c.ID+" terminé — 1 amendement(s) inscrit(s)")

	p := e.documents
	dir := filepath.Join(t.TempDir(), "Courriers")
	p.dir = dir
	test.Tap(p.pvBtn)
	s.waitIdle()
	statusSays(t, m, "Procès-verbal de la séance "+c.ID+" enregistré dans « "+dir+" »")
	test.Tap(p.courrierBtn)
	s.waitIdle()
	letters, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	// Written: the minutes, the letters and the file combining them.
	n := len(letters) - 2
	if n < len(d.Candidats) {
		t.Fatalf("%d letters written: %v (%s)", n, letters, p.status.Text)
	}
	statusSays(t, m, fmt.Sprintf("%d courrier(s) enregistré(s) dans « %s » (séance %s)", n, dir, c.ID))

	for m.win.Canvas().Overlays().Top() != nil {
		m.win.Canvas().Overlays().Remove(m.win.Canvas().Overlays().Top())
	}
	e.onDossier()
	tapButton(t, m.win.Canvas().Overlays().Top(), "Éditer")
	if e.dernierDossier == "" {
		t.Fatal("members' file not written")
	}
	statusSays(t, m, "Dossier de séance enregistré dans « "+filepath.Dir(e.dernierDossier)+" » (séance "+c.ID+")")
}

func TestCommissions_ConfirmeSuiteEtInformations(t *testing.T) {
	m := newTestMain(t, 400, 200)
	s := commissionsScreen(t, m)
	var c *model.Commission
	list, _ := m.app.Commissions()
	for i := range list {
		if list[i].Statut == model.Close {
			c = &list[i]
		}
	}
	if c == nil {
		t.Fatal("the demo has no closed session")
	}
	s.open(c.ID)
	s.waitIdle()
	var ref, nur string
	for _, d := range c.Logements {
		if k := c.TitulaireOffre(d.Logement); k != nil && ref == "" {
			ref, nur = d.Logement, k.NUR
		}
	}
	p := s.seance.suites
	p.ouvrir(ref, nur, model.OffreAcceptee)
	p.last.date.SetText(m.app.Today().String())
	p.last.valider()
	s.waitIdle()
	if got, _ := m.app.Commission(c.ID); len(got.Suites) != 1 {
		t.Fatalf("suite not recorded: %q", p.status.Text)
	}
	statusSays(t, m, "Suite de l'offre enregistrée, logement "+ref+" (séance "+c.ID+")")

	e := s.seance
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
	tr, _ := m.app.TransfertsBail()
	id := ""
	for _, x := range tr {
		if x.De == "Odile MARCHAND" {
			id = x.ID
		}
	}
	statusSays(t, m, "Transfert de bail "+id+" enregistré (§1.3.1)")
	if strings.Contains(m.status.Text, "MARCHAND") {
		t.Errorf("a name in the status line: %q", m.status.Text)
	}
}
