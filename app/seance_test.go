package app_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"logis/model"
)

// journalLen is how many events the journal holds.
func journalLen(t *testing.T, n func(int) ([]model.Evenement, error)) int {
	t.Helper()
	j, err := n(1 << 20)
	if err != nil {
		t.Fatal(err)
	}
	return len(j)
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A session in preparation: the handle writes directly, no amendment.
func TestSeance_PreparationEcritDirectement(t *testing.T) {
	a := sessionFixtures(t)
	c, err := a.NouvelleCommission(date(2026, 11, 19), "Siège", "Arcueil", model.CommissionMixte)
	if err != nil {
		t.Fatal(err)
	}
	s := a.Seance(c.ID)
	wantCode(t, s.Amender("Correction après relecture du procès-verbal."), model.EINVALID, "n'est pas close")
	if s.Motif() != "" {
		t.Fatalf("amendment started on a session in preparation: %q", s.Motif())
	}
	got, err := s.Membres(membres(3))
	if err != nil || len(got.Membres) != 4 || got.Quorum().Resultat != model.Conforme {
		t.Fatalf("members %+v, %v", got, err)
	}
	two := membres(3)
	two[0].Maire = true
	_, err = s.Membres(two)
	wantCode(t, err, model.EINVALID, "Un seul membre est le maire")
	if got, err = s.AjouterLogement("ARC-T3", nil, ""); err != nil || len(got.Dossier("ARC-T3").Candidats) != 3 {
		t.Fatalf("dwelling %+v, %v", got, err)
	}
	if got, err = s.Decider("ARC-T3", nurDALO, model.Decision{Type: model.Attribution}); err != nil {
		t.Fatal(err)
	}
	j, _ := a.DB.Journal(1)
	if j[0].Action != "Commission "+c.ID+" : décision pour le logement ARC-T3" {
		t.Errorf("journal %q", j[0].Action)
	}
	added, _, err := s.AjouterOccupation(nil)
	if err != nil || len(added) != 1 || added[0].Menage != "M-OCCUPANT" {
		t.Fatalf("occupation %+v, %v", added, err)
	}
	if _, err := s.Constater("M-OCCUPANT", "Occupation conforme.", "T3 conservé"); err != nil {
		t.Fatal(err)
	}
	stored, err := a.Commission(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if stored.Statut != model.EnPreparation || len(stored.Amendements) != 0 ||
		stored.Dossier("ARC-T3").Candidat(nurDALO).Decision.Type != model.Attribution || stored.DossierOccupationDe("M-OCCUPANT").Constat != "Occupation conforme." {
		t.Fatalf("stored %+v", stored)
	}
}

// A closed session without an amendment in progress: every write of the
// handle is refused in French, and nothing is written — neither the
// session, nor the journal, nor its minutes.
func TestSeance_CloseSansAmendementRefuse(t *testing.T) {
	a := sessionFixtures(t)
	id := closedSession(t, a)
	avant, err := a.Commission(id)
	if err != nil {
		t.Fatal(err)
	}
	pv := pvBytes(t, a, id)
	events := journalLen(t, a.DB.Journal)
	s := a.Seance(id)
	wantCode(t, s.Amender("court"), model.EINVALID, "motif de l'amendement")
	if s.Motif() != "" {
		t.Fatal("a too short reason started an amendment")
	}
	d := model.Decision{Type: model.NonAttribution, Motifs: []string{"autre_candidat"}, Precisions: "Le logement a été attribué au candidat prioritaire DALO."}
	for name, write := range map[string]func() error{
		"membres": func() error { _, err := s.Membres(membres(4)); return err },
		"ajouter logement": func() error {
			_, err := s.AjouterLogement("ARC-T3B", []string{}, model.ExceptionsTroisCandidats[0])
			return err
		},
		"retirer logement":   func() error { _, err := s.RetirerLogement("ARC-T3"); return err },
		"exception":          func() error { _, err := s.Exception("ARC-T3", model.ExceptionsTroisCandidats[0]); return err },
		"ajouter candidat":   func() error { _, err := s.AjouterCandidat("ARC-T3", nurNEW); return err },
		"retirer candidat":   func() error { _, err := s.RetirerCandidat("ARC-T3", nurCESF); return err },
		"décision":           func() error { _, err := s.Decider("ARC-T3", nurPRIO, d); return err },
		"annuler décision":   func() error { _, err := s.AnnulerDecision("ARC-T3", nurPRIO); return err },
		"ajouter occupation": func() error { _, _, err := s.AjouterOccupation(nil); return err },
		"retirer occupation": func() error { _, err := s.RetirerOccupation("M-OCCUPANT"); return err },
		"constat":            func() error { _, err := s.Constater("M-OCCUPANT", "Occupation conforme.", "T3"); return err },
		"en-tête": func() error {
			_, err := s.Entete(date(2026, 11, 20), "Mairie", "Arcueil", model.CommissionAttribution)
			return err
		},
		"suppression": s.Supprimer,
	} {
		err := write()
		if model.ErrorCode(err) != model.ECONFLICT || !strings.Contains(model.ErrorMessage(err), "close") {
			t.Errorf("%s on a closed session: %v (code %s)", name, err, model.ErrorCode(err))
		}
	}
	apres, err := a.Commission(id)
	if err != nil {
		t.Fatal(err)
	}
	if jsonOf(t, avant) != jsonOf(t, apres) {
		t.Errorf("the closed session changed:\n%s\n%s", jsonOf(t, avant), jsonOf(t, apres))
	}
	if n := journalLen(t, a.DB.Journal); n != events {
		t.Errorf("journal: %d events, then %d", events, n)
	}
	if !bytes.Equal(pv, pvBytes(t, a, id)) {
		t.Errorf("the minutes of the closed session changed:\n%s", pvTexte(t, a, id))
	}
}

// A closed session with an amendment in progress: each write is an
// amendment with the reason given when it was started; one that would
// leave the session incomplete is refused; after TerminerAmendement the
// session is read-only again.
func TestSeance_AmendementEnregistre(t *testing.T) {
	a := sessionFixtures(t)
	id := closedSession(t, a)
	pv0 := pvBytes(t, a, id)
	s := a.Seance(id)
	motif := "Erreur de saisie constatée à la relecture du procès-verbal."
	if err := s.Amender("  " + motif + " "); err != nil {
		t.Fatal(err)
	}
	if s.Motif() != motif {
		t.Fatalf("motif %q", s.Motif())
	}
	_, err := s.AnnulerDecision("ARC-T3", nurPRIO)
	wantCode(t, err, model.EINVALID, "incomplète")
	_, err = s.Entete(date(2026, 11, 20), "Mairie", "Arcueil", model.CommissionAttribution)
	wantCode(t, err, model.ECONFLICT, "close")

	d := model.Decision{Type: model.NonAttribution, Motifs: []string{"autre_candidat"}, Precisions: "Le logement a été attribué au candidat prioritaire DALO, reconnu par la commission de médiation."}
	c, err := s.Decider("ARC-T3", nurPRIO, d)
	if err != nil {
		t.Fatal(err)
	}
	if c.Statut != model.Close || len(c.Amendements) != 1 || c.Amendements[0].Motif != motif ||
		!strings.Contains(c.Amendements[0].Objet, "logement ARC-T3, demande "+nurPRIO+" : décision") {
		t.Fatalf("amendment %+v", c.Amendements)
	}
	stored, err := a.Commission(id)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stored.Dossier("ARC-T3").Candidat(nurPRIO).Decision.Precisions, "médiation") || len(stored.Amendements) != 1 {
		t.Fatalf("stored %+v", stored)
	}
	j, _ := a.DB.Journal(1)
	if j[0].Action != "Commission "+id+" : amendement" {
		t.Errorf("journal %q", j[0].Action)
	}
	c, err = s.Membres(membres(4))
	if err != nil || len(c.Amendements) != 2 || c.Amendements[1].Objet != "membres et présences" || c.Amendements[1].Motif != motif {
		t.Fatalf("members amendment %+v, %v", c, err)
	}
	if bytes.Equal(pv0, pvBytes(t, a, id)) || !strings.Contains(pvTexte(t, a, id), motif) {
		t.Errorf("the minutes do not tell the amendment:\n%s", pvTexte(t, a, id))
	}

	s.TerminerAmendement()
	_, err = s.Membres(membres(3))
	wantCode(t, err, model.ECONFLICT, "amendement motivé")
	if c, _ := a.Commission(id); len(c.Amendements) != 2 || len(c.Membres) != 4 || !c.Membres[3].Present {
		t.Errorf("written after the amendment ended: %+v", c)
	}
}

// The previous session's members, and the dwellings a closed session
// allocated.
func TestSeance_MembresPrecedentsEtAttribues(t *testing.T) {
	a := sessionFixtures(t)
	id := closedSession(t, a) // 19/11/2026, four members
	if m, err := a.Seance(id).MembresPrecedents(); err != nil || m.Membres != nil || m.Seance != "" || m.Note != "" {
		t.Fatalf("no other session has members: %+v, %v", m, err)
	}
	apres, err := a.NouvelleCommission(date(2026, 12, 3), "Siège", "Arcueil", model.CommissionAttribution)
	if err != nil {
		t.Fatal(err)
	}
	avant, err := a.NouvelleCommission(date(2026, 10, 1), "Siège", "Arcueil", model.CommissionAttribution)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range []string{apres.ID, avant.ID} { // the one before; first of all: the most recent
		m, err := a.Seance(x).MembresPrecedents()
		if err != nil || len(m.Membres) != 4 || m.Membres[0].Nom != "Membre A" || !m.Membres[2].Maire || m.Seance != id || m.Note != "" {
			t.Errorf("%s: previous members %+v, %v", x, m, err)
		}
	}
	if _, err := a.SetMembres(apres.ID, membres(2)[:2]); err != nil {
		t.Fatal(err)
	}
	if m, _ := a.Seance(avant.ID).MembresPrecedents(); len(m.Membres) != 2 {
		t.Errorf("the first session takes the most recent one's members, got %d", len(m.Membres))
	}
	if m, _ := a.Seance(apres.ID).MembresPrecedents(); len(m.Membres) != 4 {
		t.Errorf("a session takes the previous one's members, got %d", len(m.Membres))
	}
	att, err := a.AttribuesEnSeance()
	if err != nil || len(att) != 1 || att["ARC-T3"] != "attribué en séance du 19/11/2026" {
		t.Fatalf("attribués %v, %v", att, err)
	}
}

// The mayor sits for the dwellings of the commune (R.441-9 CCH): a session
// takes the members of the previous session of the same commune; from
// another commune's session, everyone but its mayor, with a note asking
// for this commune's.
func TestSeance_MembresPrecedentsMemeCommune(t *testing.T) {
	a := sessionFixtures(t)
	nouvelle := func(d model.Date, commune string, ms []model.Membre) string {
		t.Helper()
		c, err := a.NouvelleCommission(d, "Siège", commune, model.CommissionAttribution)
		if err != nil {
			t.Fatal(err)
		}
		if ms != nil {
			if _, err := a.SetMembres(c.ID, ms); err != nil {
				t.Fatal(err)
			}
		}
		return c.ID
	}
	vitry := []model.Membre{
		{Civilite: model.Madame, Nom: "Claire Martin", Qualite: "Administratrice", Voix: true, Present: true},
		{Civilite: model.Madame, Nom: "Anne Rousseau", Qualite: "Représentante du maire de Vitry-sur-Seine", Voix: true, Present: true, Maire: true},
		{Civilite: model.Monsieur, Nom: "Paul Durand", Qualite: "Représentant du préfet", Voix: true},
	}
	cachanAvant := []model.Membre{
		{Nom: "Luc Bernard", Qualite: "Administrateur", Voix: true, Present: true},
		{Nom: "Jeanne Petit", Qualite: "Maire de Cachan", Voix: true, Present: true, Maire: true},
	}
	vitryID := nouvelle(date(2026, 11, 19), "Vitry-sur-Seine", vitry)

	// Only another commune's session: its mayor is not carried over.
	cachan := nouvelle(date(2026, 12, 3), "Cachan", nil)
	got, err := a.Seance(cachan).MembresPrecedents()
	if err != nil {
		t.Fatal(err)
	}
	if got.Seance != vitryID || len(got.Membres) != 2 || got.Membres[0].Nom != "Claire Martin" || got.Membres[1].Nom != "Paul Durand" {
		t.Errorf("from Vitry: %+v", got)
	}
	for _, m := range got.Membres {
		if m.Maire {
			t.Errorf("Vitry's mayor carried into a Cachan session: %+v", m)
		}
	}
	for _, w := range []string{"Anne Rousseau", "Représentante du maire de Vitry-sur-Seine", "Inscrivez le maire de Cachan", "« maire »", vitryID} {
		if !strings.Contains(got.Note, w) {
			t.Errorf("the note %q does not say %q", got.Note, w)
		}
	}

	// A session of the same commune, even older, is preferred, mayor kept.
	cachanID := nouvelle(date(2026, 10, 1), "cachan", cachanAvant) // spelled otherwise: the same commune
	got, err = a.Seance(cachan).MembresPrecedents()
	if err != nil || got.Seance != cachanID || len(got.Membres) != 2 || !got.Membres[1].Maire || got.Membres[1].Nom != "Jeanne Petit" || got.Note != "" {
		t.Errorf("from the previous Cachan session: %+v, %v", got, err)
	}
	// And Vitry's next session takes Vitry's members, mayor included.
	vitry2 := nouvelle(date(2026, 12, 10), "Vitry-sur-Seine", nil)
	got, err = a.Seance(vitry2).MembresPrecedents()
	if err != nil || got.Seance != vitryID || len(got.Membres) != 3 || !got.Membres[1].Maire || got.Note != "" {
		t.Errorf("from the previous Vitry session: %+v, %v", got, err)
	}
}

// EssayerDecision answers as Decider would, and writes nothing.
func TestSeance_EssayerDecision(t *testing.T) {
	a := sessionFixtures(t)
	c, err := a.NouvelleCommission(date(2026, 11, 19), "Siège", "Arcueil", model.CommissionAttribution)
	if err != nil {
		t.Fatal(err)
	}
	s := a.Seance(c.ID)
	got, err := s.AjouterLogement("ARC-T3", nil, "")
	if err != nil {
		t.Fatal(err)
	}
	k := got.Dossier("ARC-T3").Candidats
	if _, err := s.Decider("ARC-T3", k[0].NUR, model.Decision{Type: model.Attribution}); err != nil {
		t.Fatal(err)
	}
	avant := jsonOf(t, lireSeance(t, s))
	n := journalLen(t, a.DB.Journal)
	for _, tc := range []struct {
		nom  string
		d    model.Decision
		code string
		msg  string
	}{
		{"classement next to an attribution", model.Decision{Type: model.AttributionClassee, Rang: 1}, model.EINVALID, "ne se combine pas avec une attribution par classement"},
		{"a second attribution", model.Decision{Type: model.Attribution}, model.EINVALID, "qu'à un seul candidat"},
		{"no rank", model.Decision{Type: model.AttributionClassee}, model.EINVALID, "rang"},
		{"a non-attribution holds", model.Decision{Type: model.NonAttribution, Motifs: []string{model.MotifsNonAttribution[0].Code}, Precisions: "Un autre candidat a été retenu."}, "", ""},
	} {
		err := s.EssayerDecision("ARC-T3", k[1].NUR, tc.d)
		if tc.code == "" {
			if err != nil {
				t.Errorf("%s: %v", tc.nom, err)
			}
			continue
		}
		wantCode(t, err, tc.code, tc.msg)
		// Decider gives the same answer.
		_, derr := s.Decider("ARC-T3", k[1].NUR, tc.d)
		if model.ErrorMessage(derr) != model.ErrorMessage(err) {
			t.Errorf("%s: EssayerDecision %q, Decider %q", tc.nom, model.ErrorMessage(err), model.ErrorMessage(derr))
		}
	}
	if jsonOf(t, lireSeance(t, s)) != avant || journalLen(t, a.DB.Journal) != n {
		t.Error("EssayerDecision wrote the session or the journal")
	}
}

func lireSeance(t *testing.T, s interface {
	Lire() (*model.Commission, error)
}) *model.Commission {
	t.Helper()
	c, err := s.Lire()
	if err != nil {
		t.Fatal(err)
	}
	return c
}
