package screens

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"logis/model"
)

// TestCommissions_RapportAnnuel opens the « Rapport annuel » tab on the
// demo (one closed session this year): the figures, the charts and the
// objectives are shown, and the PDF and CSV are written.
func TestCommissions_RapportAnnuel(t *testing.T) {
	m := newTestMain(t, 400, 200)
	s := commissionsScreen(t, m)
	s.tabs.SelectIndex(1)
	s.waitIdle()
	p := s.rapport
	if p.rep == nil {
		t.Fatalf("no report; status %q", p.status.Text)
	}
	year := m.app.Today().Year()
	rep, err := m.app.Rapport(year)
	if err != nil {
		t.Fatal(err)
	}
	if p.annee.Selected != strconv.Itoa(year) || p.rep.Activite.Seances != rep.Activite.Seances || rep.Activite.Seances == 0 || p.rep.Activite.Attributions != rep.Activite.Attributions {
		t.Fatalf("year %q, report %+v", p.annee.Selected, p.rep.Activite)
	}
	if !strings.Contains(p.status.Text, strconv.Itoa(rep.Activite.Attributions)+" attribution(s)") {
		t.Errorf("status %q", p.status.Text)
	}
	all := strings.Join(texts(p.content), "\n")
	for _, want := range []string{"Attributions par mois", "Taux cumulé de chaque objectif", "novembre", "Décisions de l'année", "Attributions — Par commune", "Suite des offres"} {
		if !strings.Contains(all, want) {
			t.Errorf("tab lacks %q", want)
		}
	}
	var rich string
	for _, o := range p.content.Objects {
		if r, ok := o.(*widget.RichText); ok {
			rich += r.String()
		}
	}
	if !strings.Contains(rich, "Désignations de ménages DALO ou prioritaires") || !strings.Contains(rich, "Source : ") {
		t.Errorf("objectives missing: %q", rich)
	}
	if p.pdfBtn.Disabled() {
		t.Error("PDF button disabled")
	}

	dir := t.TempDir()
	p.saveTo(year, filepath.Join(dir, "r.pdf"), true)
	s.waitIdle()
	p.saveTo(year, filepath.Join(dir, "r.csv"), false)
	s.waitIdle()
	if b, err := os.ReadFile(filepath.Join(dir, "r.pdf")); err != nil || !strings.HasPrefix(string(b), "%PDF-") {
		t.Errorf("pdf: %v", err)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "r.csv")); err != nil || !strings.HasPrefix(string(b), "indicateur;numerateur;denominateur;taux;cible;atteint\n") {
		t.Errorf("csv: %v", err)
	}
	if !strings.Contains(p.status.Text, "r.csv") {
		t.Errorf("status %q", p.status.Text)
	}
}

// TestCommissions_SuiteDesOffres records the answer to an offer of the
// demo's closed session from its « Suite des offres » tab.
func TestCommissions_SuiteDesOffres(t *testing.T) {
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
	s.waitIdle() // the dwellings tab looks for candidates in the background
	p := s.seance.suites
	var ref, nur string
	for _, d := range c.Logements {
		if k := c.TitulaireOffre(d.Logement); k != nil && ref == "" {
			ref, nur = d.Logement, k.NUR
		}
	}
	all := strings.Join(texts(p.list), "\n")
	if !strings.Contains(all, "Offre détenue par la demande "+nur) {
		t.Fatalf("tab:\n%s", all)
	}
	p.ouvrir(ref, nur, model.OffreRefusee)
	f := p.last
	f.date.SetText("31/02/2026")
	f.valider()
	s.waitIdle()
	if got, _ := m.app.Commission(c.ID); len(got.Suites) != 0 {
		t.Fatal("recorded with a bad date")
	}
	f.date.SetText(m.app.Today().String())
	f.valider() // no reason: refused by the app
	s.waitIdle()
	if got, _ := m.app.Commission(c.ID); len(got.Suites) != 0 {
		t.Fatal("refusal recorded without its reason")
	}
	test.Type(f.motif, "Logement trop éloigné de l'école des enfants")
	f.valider()
	s.waitIdle()
	got, _ := m.app.Commission(c.ID)
	if len(got.Suites) != 1 || got.Suites[0].NUR != nur || got.Suites[0].Reponse != model.OffreRefusee {
		t.Fatalf("suites %+v", got.Suites)
	}
	if !strings.Contains(p.status.Text, "offre refusée") {
		t.Errorf("status %q", p.status.Text)
	}
	all = strings.Join(texts(p.list), "\n")
	if !strings.Contains(all, "demande "+nur+" : offre refusée (motif : Logement trop éloigné") {
		t.Errorf("tab after the refusal:\n%s", all)
	}
}

// TestCommissions_CourrierOffreSuivante: after rank 1 of a classement
// refused, the « Suite des offres » tab offers rank 2's offer letter, writes
// it into the documents folder and says where.
func TestCommissions_CourrierOffreSuivante(t *testing.T) {
	m := newTestMain(t, 400, 200)
	s := commissionsScreen(t, m)
	var c *model.Commission
	var ref, premier, second string
	list, _ := m.app.Commissions()
	for i := range list {
		if list[i].Statut != model.Close {
			continue
		}
		for _, d := range list[i].Logements {
			for _, k := range d.Candidats {
				if k.Decision != nil && k.Decision.Type == model.AttributionClassee && k.Decision.Rang == 2 && ref == "" {
					c, ref, second = &list[i], d.Logement, k.NUR
					premier = list[i].TitulaireOffre(d.Logement).NUR
				}
			}
		}
	}
	if c == nil {
		t.Fatal("the demo has no closed session with a classement")
	}
	s.open(c.ID)
	s.waitIdle() // the dwellings tab looks for candidates in the background
	p := s.seance.suites
	if strings.Contains(strings.Join(buttonLabels(p.list), "\n"), "Courrier d'offre") {
		t.Fatal("an offer letter is offered before any refusal")
	}
	p.ouvrir(ref, premier, model.OffreSansReponse)
	p.last.valider()
	s.waitIdle()
	if !strings.Contains(p.status.Text, "Courrier d'offre (rang 2)") {
		t.Errorf("status after the refusal %q", p.status.Text)
	}
	dir := t.TempDir()
	s.seance.documents.dir = dir
	tapButton(t, p.list, "Courrier d'offre (rang 2)")
	path := filepath.Join(dir, c.ID+"_"+second+"_offre-rang-2.pdf")
	if b, err := os.ReadFile(path); err != nil || !strings.HasPrefix(string(b), "%PDF-") {
		t.Fatalf("letter not written: %v (status %q)", err, p.status.Text)
	}
	if !strings.Contains(p.status.Text, "Courrier d'offre de la demande "+second+" (rang 2, logement "+ref+") écrit dans « "+path+" »") || !p.ouvrir1.Visible() {
		t.Errorf("status %q", p.status.Text)
	}
}

// TestCommissions_SuiteLecture: an account that may not record the
// follow-up reads it without the buttons, and is told why.
func TestCommissions_SuiteLecture(t *testing.T) {
	m := newTestMain(t, 400, 200)
	s := commissionsScreen(t, m)
	list, _ := m.app.Commissions()
	var c *model.Commission
	for i := range list {
		if list[i].Statut == model.Close {
			c = &list[i]
		}
	}
	if c == nil {
		t.Fatal("the demo has no closed session")
	}
	s.open(c.ID)
	s.waitIdle() // the dwellings tab looks for candidates in the background
	p := s.seance.suites
	if b := strings.Join(buttonLabels(p.list), "|"); !strings.Contains(b, "Refusée…") {
		t.Fatalf("responsable without buttons: %s", b)
	}
	p.peut = func() error { return model.Autorise(model.Consultation, model.ActionCommission) }
	p.set(c)
	if b := strings.Join(buttonLabels(p.list), "|"); strings.Contains(b, "Refusée…") || strings.Contains(b, "Acceptée…") {
		t.Errorf("consultation sees %s", b)
	}
	if all := strings.Join(texts(p.list), "\n"); !strings.Contains(all, "votre rôle (consultation) ne permet pas") || !strings.Contains(all, "Offre détenue par la demande") {
		t.Errorf("tab:\n%s", all)
	}
}

// TestCarteObjectif_Baux: the dashboard's card of the objective outside QPV
// tells the signed leases and those pending; the other cards do not.
func TestCarteObjectif_Baux(t *testing.T) {
	test.NewTempApp(t)
	q1 := model.Objectif{Numerateur: 1, Denominateur: 11, Part: 1.0 / 11, Cible: 0.25, Baux: 3, EnAttente: 8}
	q1.Regle, q1.Titre, q1.Resultat = model.RegleObjectifQ1HorsQPV, model.RegleObjectifQ1HorsQPV.Titre(), model.Alerte
	if got := labelTexts(carteObjectif(q1, nil, nil)); !strings.Contains(got, "baux signés : 3 ; en attente de signature : 8") {
		t.Errorf("card:\n%s", got)
	}
	mut := model.Objectif{Numerateur: 0, Denominateur: 14, Cible: 0.2}
	mut.Regle, mut.Titre, mut.Resultat = model.RegleObjectifMutations, model.RegleObjectifMutations.Titre(), model.Alerte
	if got := labelTexts(carteObjectif(mut, nil, nil)); strings.Contains(got, "baux") {
		t.Errorf("transfers card:\n%s", got)
	}
}

// TestChronologique: the sessions list reads by date, imported sessions
// (named by the office) among Logis's own.
func TestChronologique(t *testing.T) {
	all := chronologique([]model.Commission{
		{ID: "C2026-001", Date: model.NewDate(2026, 11, 5)},
		{ID: "C2026-002", Date: model.NewDate(2026, 12, 17)},
		{ID: "CAL-2026-01", Date: model.NewDate(2026, 1, 15)},
		{ID: "CAL-2026-09", Date: model.NewDate(2026, 9, 17)},
		{ID: "B-2026", Date: model.NewDate(2026, 9, 17)},
	})
	var got []string
	for _, c := range all {
		got = append(got, c.ID)
	}
	if strings.Join(got, " ") != "CAL-2026-01 B-2026 CAL-2026-09 C2026-001 C2026-002" {
		t.Errorf("order %v", got)
	}
}
