package app_test

import (
	"bytes"
	"testing"

	"logis/app"
	"logis/model"
)

// TestApp_SuiteRapportDroits: a consultation account reads the report (no
// personal data) but records no follow-up and prints no offer letter;
// nothing is written by the refused attempt.
func TestApp_SuiteRapportDroits(t *testing.T) {
	a := sessionFixtures(t)
	id := closedSuiteSession(t, a)
	if err := a.DB.AddAccount(model.Compte{Nom: "c.lecteur", Role: model.Consultation}, "secret-c.lecteur"); err != nil {
		t.Fatal(err)
	}
	if err := a.DB.SignIn("c.lecteur", "secret-c.lecteur"); err != nil {
		t.Fatal(err)
	}
	_, err := a.SaisirSuite(id, "", nurCESF, model.SuiteOffre{Reponse: model.OffreRefusee, Motif: "trop loin", Date: date(2026, 11, 21)})
	wantCode(t, err, model.EFORBIDDEN, "Refusé : votre rôle (consultation) ne permet pas de préparer ou de clore une commission, ni d'enregistrer la suite de ses offres.")
	if c, _ := a.Commission(id); len(c.Suites) != 0 {
		t.Fatalf("recorded by a consultation account: %+v", c.Suites)
	}
	_, err = a.CourrierOffreSuivante(id, "ARC-T3B", "", t.TempDir(), app.OptionsCourriers{})
	wantCode(t, err, model.EFORBIDDEN, "ne permet pas d'éditer des courriers")

	rep, err := a.Rapport(2026)
	if err != nil || rep.Activite.Seances != 1 || rep.Activite.Attributions != 2 {
		t.Fatalf("report read by consultation: %+v %v", rep, err)
	}
	var buf bytes.Buffer
	if _, err := a.RapportPDF(2026, &buf); err != nil || !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Fatalf("report printed by consultation: %v", err)
	}
	j, err := a.Journal(app.FiltreJournal{Utilisateur: "c.lecteur"})
	if err != nil || len(j) == 0 || j[len(j)-1].Action != "Export : rapport annuel 2026" {
		t.Errorf("journal %+v %v", j, err)
	}

}
