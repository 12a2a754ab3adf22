package app_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"logis/app"
	"logis/model"
	"logis/storage"
)

// closedSession runs a session on ARC-T3 to its end: the three default
// candidates, an attribution to the DALO household, two non-attributions.
func closedSession(t *testing.T, a *app.App) string {
	t.Helper()
	c, err := a.NouvelleCommission(date(2026, 11, 19), "Siège, salle du conseil", "Arcueil", model.CommissionAttribution)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.SetMembres(c.ID, membres(3)); err != nil {
		t.Fatal(err)
	}
	if _, err := a.AjouterLogement(c.ID, "ARC-T3", nil, ""); err != nil {
		t.Fatal(err)
	}
	for nur, d := range map[string]model.Decision{nurDALO: {Type: model.Attribution}, nurPRIO: nonAttribution(), nurCESF: nonAttribution()} {
		if _, err := a.Decider(c.ID, "ARC-T3", nur, d); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := a.Cloturer(c.ID); err != nil {
		t.Fatal(err)
	}
	return c.ID
}

func pvBytes(t *testing.T, a *app.App, id string) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := a.PV(id, &b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestApp_InstantaneCloture: closing stores what the commission saw; a later
// import of the dwelling (rent 999 €, QPV) and of a household's members
// changes neither the snapshot nor the minutes, byte for byte.
func TestApp_InstantaneCloture(t *testing.T) {
	a := sessionFixtures(t)
	id := closedSession(t, a)
	c, err := a.Commission(id)
	if err != nil {
		t.Fatal(err)
	}
	s := c.Instantane
	if s == nil || s.Reprise || !s.Pris.Equal(c.Cloture) {
		t.Fatalf("instantané %+v", s)
	}
	if l := s.Logement("ARC-T3"); l == nil || l.Loyer != model.Euros(600) || l.QPV {
		t.Fatalf("logement de l'instantané %+v", l)
	}
	if s.Logement("ARC-OLD2") == nil { // the CESF candidate's current dwelling (mutation)
		t.Error("le logement actuel du candidat en mutation manque")
	}
	if m := s.Menage("M-DALO"); m == nil || len(m.Personnes) != 2 || m.Ressources.RevenuFiscal != model.Euros(20000) {
		t.Fatalf("ménage de l'instantané %+v", m)
	}
	if d := s.Demande(nurDALO); d == nil || !d.DALO {
		t.Fatalf("demande de l'instantané %+v", d)
	}
	if e := s.Examen("ARC-T3", nurPRIO); e == nil || len(e.Verdicts) != 7 || e.Verdicts[0].Regle == "" {
		t.Fatalf("verdicts de l'instantané %+v", e)
	}

	avant := pvBytes(t, a, id)
	p := pvTexte(t, a, id)
	if !strings.Contains(p, "loyer 600,00") || strings.Contains(p, "quartier prioritaire") || !strings.Contains(p, "Camille DURAND") {
		t.Fatalf("PV avant import :\n%s", p)
	}

	mustImport(t, a, "logements", "reference;residence;adresse;code_postal;commune;qpv;typologie;pieces;surface;etage;ascenseur;pmr;financement;loyer;charges;contingent\n"+
		"ARC-T3;R1;3 rue Émile Raspail;94110;Arcueil;oui;T3;3;65;2;non;non;PLUS;999;100;\n")
	mustImport(t, a, "personnes", "menage;lien;nom;prenom;date_naissance;handicap\nM-DALO;titulaire;Nouveaunom;Alix;01/03/1991;non\n")
	if l, _ := a.Logement("ARC-T3"); l == nil || l.Loyer != model.Euros(999) || !l.QPV {
		t.Fatalf("l'import n'a pas changé le logement : %+v", l)
	}

	apres := pvBytes(t, a, id)
	if !bytes.Equal(avant, apres) {
		t.Errorf("le PV de la séance close a changé après les imports :\n%s", pvTexte(t, a, id))
	}
	c2, _ := a.Commission(id)
	if l := c2.Instantane.Logement("ARC-T3"); l.Loyer != model.Euros(600) || l.QPV {
		t.Errorf("l'instantané a changé : %+v", l)
	}

	// The letters too: the rent the commission saw, but today's postal
	// address (the tenant's dwelling ARC-OLD2 renumbered since).
	mustImport(t, a, "logements", "reference;residence;adresse;code_postal;commune;qpv;typologie;pieces;surface;etage;ascenseur;pmr;financement;loyer;charges;contingent\n"+
		"ARC-OLD2;R1;7 allée des Tilleuls;94110;Arcueil;non;T2;2;40;2;non;non;PLUS;600;100;\n")
	// The external applicants get a postal address (letters need one).
	for _, mid := range []string{"M-DALO", "M-PRIO"} {
		var m *model.Menage
		err := a.DB.View(func(tx *storage.Tx) (err error) { m, err = tx.Menage(mid); return err })
		if err != nil || m == nil {
			t.Fatalf("ménage %s : %v", mid, err)
		}
		m.Adresse = &model.AdressePostale{Voie: "12 rue des Lilas", CodePostal: "94110", Commune: "Arcueil"}
		if _, err := a.SaveMenage(m, nil); err != nil {
			t.Fatal(err)
		}
	}
	r, err := a.CourriersRapport(id, t.TempDir(), app.OptionsCourriers{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var lettre string
	for _, p := range r.Fichiers {
		if strings.Contains(p, nurCESF) {
			lettre = pdftotextApp(t, p)
		}
	}
	for _, w := range []string{"loyer 600,00 € + provisions pour charges 100,00 €", "7 allée des Tilleuls", "94110 ARCUEIL"} {
		if !strings.Contains(lettre, w) {
			t.Errorf("courrier du candidat en mutation : « %s » manque\n%s", w, lettre)
		}
	}
	if strings.Contains(lettre, "999") || strings.Contains(lettre, "quartier prioritaire") {
		t.Errorf("le courrier reprend le logement réimporté :\n%s", lettre)
	}
	if !bytes.Equal(avant, pvBytesSansEnvoi(t, a, id)) {
		t.Error("le PV a changé (hors notification des courriers)")
	}
}

// pvBytesSansEnvoi is the minutes without the record of the letters' printing
// (which the minutes state once the letters are printed).
func pvBytesSansEnvoi(t *testing.T, a *app.App, id string) []byte {
	t.Helper()
	if err := a.DB.Update("test : sans envois", func(tx *storage.Tx) error {
		c, err := tx.Commission(id)
		if err != nil {
			return err
		}
		c.Envois = nil
		return tx.PutCommission(c)
	}); err != nil {
		t.Fatal(err)
	}
	return pvBytes(t, a, id)
}

// pvTexte lays the minutes out as data (the snapshot's words).
func pvTexte(t *testing.T, a *app.App, id string) string {
	t.Helper()
	p, err := a.MiseEnPagePV(id)
	if err != nil {
		t.Fatal(err)
	}
	return p.Texte()
}

// TestApp_InstantaneAmendement: an amendment keeps the snapshot and adds what
// it brings (a candidate), saying so in its record.
func TestApp_InstantaneAmendement(t *testing.T) {
	a := sessionFixtures(t)
	id := closedSession(t, a)
	mustImport(t, a, "logements", "reference;residence;adresse;code_postal;commune;qpv;typologie;pieces;surface;etage;ascenseur;pmr;financement;loyer;charges;contingent\n"+
		"ARC-T3;R1;3 rue Émile Raspail;94110;Arcueil;oui;T3;3;65;2;non;non;PLUS;999;100;\n")
	am, err := a.Amender(id, "Erreur de saisie du motif en séance.", app.ChangerDecision("ARC-T3", nurPRIO,
		model.Decision{Type: model.NonAttribution, Motifs: []string{"typologie"}, Precisions: "La composition ne correspond pas au T3."}))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(am.Objet, "instantané") {
		t.Errorf("un changement de décision ne complète pas l'instantané : %q", am.Objet)
	}
	add := func(c *model.Commission) error {
		d := c.Dossier("ARC-T3")
		d.Candidats = append(d.Candidats, model.Candidat{NUR: nurNEW, Menage: "M-NEW",
			Decision: &model.Decision{Type: model.NonAttribution, Motifs: []string{"autre_candidat"}, Precisions: "Candidat examiné en séance, oublié à la saisie."}})
		return nil
	}
	am, err = a.Amender(id, "Candidat examiné en séance mais non saisi.", add)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(am.Objet, "instantané complété (ménage M-NEW") {
		t.Errorf("objet de l'amendement %q", am.Objet)
	}
	c, _ := a.Commission(id)
	if c.Instantane.Menage("M-NEW") == nil || c.Instantane.Examen("ARC-T3", nurNEW) == nil {
		t.Error("le candidat ajouté n'est pas dans l'instantané")
	}
	if l := c.Instantane.Logement("ARC-T3"); l.Loyer != model.Euros(600) {
		t.Errorf("l'amendement a repris le logement déjà photographié : %+v", l)
	}
}

// TestApp_InstantaneRepris: a session closed by an earlier version (no
// snapshot) gets one at its first printing, marked « repris », and the
// minutes say so.
func TestApp_InstantaneRepris(t *testing.T) {
	a := MustOpenApp(t)
	c := seedSession(t, a, model.Close)
	if c.Instantane != nil {
		t.Fatal("la séance de test a déjà un instantané")
	}
	p := pvTexte(t, a, c.ID)
	got, _ := a.Commission(c.ID)
	ids := map[string]bool{c.Occupation[0].Menage: true}
	for _, k := range c.Logements[0].Candidats {
		ids[k.Menage] = true
	}
	if got.Instantane == nil || !got.Instantane.Reprise || len(got.Instantane.Menages) != len(ids) || len(got.Instantane.Examens) != 5 {
		t.Fatalf("instantané repris : %v", got.Instantane != nil)
	}
	if !strings.Contains(p, "enregistrés le 22/11/2026 (instantané repris") {
		t.Errorf("le PV ne dit pas que l'instantané a été repris :\n%s", p)
	}
}

// BenchmarkApp_Cloture60x5 closes a session of 60 dwellings × 5 candidates,
// the snapshot taken (dwellings, households, applications, verdicts) and
// stored in the same transaction.
func BenchmarkApp_Cloture60x5(b *testing.B) {
	a := MustOpenApp(b)
	c := setupCloture(b, a)
	rouvrir := func() {
		if err := a.DB.Update("bench : réouverture", func(tx *storage.Tx) error {
			s, err := tx.Commission(c.ID)
			if err != nil {
				return err
			}
			s.Statut, s.Instantane = model.EnPreparation, nil
			return tx.PutCommission(s)
		}); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	var cpu time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		rouvrir()
		b.StartTimer()
		start := cpuTime()
		s, err := a.Cloturer(c.ID)
		cpu += cpuTime() - start
		if err != nil || s.Instantane == nil || len(s.Instantane.Examens) != 300 {
			b.Fatalf("clôture : %v", err)
		}
	}
	b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
}

// setupCloture stores a session of 60 dwellings × 5 ranked candidates, in
// preparation, every decision taken.
func setupCloture(b testing.TB, a *app.App) *model.Commission {
	if _, err := a.Demo(app.DemoOptions{Menages: 1000, Logements: 200}, nil); err != nil {
		b.Fatal(err)
	}
	c := &model.Commission{ID: "C2026-950", Date: date(2026, 11, 19), Lieu: "Siège", Commune: "Arcueil", Type: model.CommissionAttribution,
		Statut: model.EnPreparation, Membres: []model.Membre{{Nom: "A", Qualite: "Administrateur", Voix: true, Present: true}}}
	err := a.DB.Update("bench", func(tx *storage.Tx) error {
		var refs []string
		if err := tx.ForEachLogement(func(l *model.Logement) error {
			if len(refs) < 60 {
				refs = append(refs, l.Reference)
			}
			return nil
		}); err != nil {
			return err
		}
		var dem []model.Demande
		if err := tx.ForEachDemande(func(d *model.Demande) error {
			if len(dem) < 300 {
				dem = append(dem, *d)
			}
			return nil
		}); err != nil {
			return err
		}
		if len(refs) < 60 || len(dem) < 300 {
			b.Fatalf("%d logements, %d demandes", len(refs), len(dem))
		}
		for i, ref := range refs {
			dl := model.DossierLogement{Logement: ref}
			for k := 0; k < 5; k++ {
				d := dem[i*5+k]
				dl.Candidats = append(dl.Candidats, model.Candidat{NUR: d.NUR, Menage: d.Menage, RangPropo: k + 1,
					Decision: &model.Decision{Type: model.AttributionClassee, Rang: k + 1}})
			}
			c.Logements = append(c.Logements, dl)
		}
		return tx.PutCommission(c)
	})
	if err != nil {
		b.Fatal(err)
	}
	return c
}
