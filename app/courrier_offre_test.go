package app_test

import (
	"path/filepath"
	"strings"
	"testing"

	"logis/app"
	"logis/model"
	"logis/storage"
)

// TestApp_CourrierOffreSuivante: once rank 1 of a classement refuses, the
// offer letter of rank 2 is written from the snapshot, with its own reply
// deadline from the receipt, names no other candidate and is journaled;
// before the refusal, and for an attribution, there is no such letter.
func TestApp_CourrierOffreSuivante(t *testing.T) {
	a := sessionFixtures(t)
	// Rank 2 moved since the session: the letter goes to today's address.
	id := closedSuiteSession(t, a)
	if err := a.DB.Update("adresse", func(tx *storage.Tx) error {
		m, err := tx.Menage("M-DALO")
		if err != nil {
			return err
		}
		m.Adresse = model.AdresseDeLignes("12 allée des Tilleuls", "94110 Arcueil")
		return tx.PutMenage(m)
	}); err != nil {
		t.Fatal(err)
	}
	opt := app.OptionsCourriers{Date: date(2026, 11, 23), Mode: model.MainPropre}

	_, err := a.MiseEnPageOffreSuivante(id, "ARC-T3B", "", opt)
	wantCode(t, err, model.EINVALID, "détient l'offre du logement ARC-T3B depuis la séance")
	_, err = a.MiseEnPageOffreSuivante(id, "ARC-T3", "", opt)
	wantCode(t, err, model.EINVALID, "depuis la séance")

	if _, err := a.SaisirSuite(id, "", nurCESF, model.SuiteOffre{Reponse: model.OffreRefusee, Motif: "trop loin de l'école", Date: date(2026, 11, 21)}); err != nil {
		t.Fatal(err)
	}
	_, err = a.MiseEnPageOffreSuivante(id, "ARC-T3B", nurCESF, opt)
	wantCode(t, err, model.EINVALID, "elle est à la demande "+nurDALO)

	l, err := a.MiseEnPageOffreSuivante(id, "", nurDALO, opt)
	if err != nil {
		t.Fatal(err)
	}
	// Handed over on Monday 23/11/2026: ten days from the 24th end on
	// Thursday 3/12/2026.
	if l.Echeance != date(2026, 12, 3) || l.Delai == nil {
		t.Errorf("deadline %s %+v", l.Echeance, l.Delai)
	}
	want := id + "_" + nurDALO + "_offre-rang-2.pdf"
	if l.Fichier != want {
		t.Errorf("file %q, want %q", l.Fichier, want)
	}
	txt := strings.ReplaceAll(l.Texte(), "\u00a0", " ")
	for _, w := range []string{
		"Objet : proposition de logement (classement, rang n° 2)",
		"Votre candidature est classée au rang n° 2 sur 2 candidats classés.",
		"Le candidat classé au rang n° 1 ayant refusé ce logement ou n'ayant pas répondu dans le délai, le logement vous est désormais proposé",
		"Ce courrier vaut offre de logement.",
		"le logement sera présenté à une prochaine commission d'attribution", // rank 2 is the last
		"remis en main propre le 23 novembre 2026",
		"au plus tard le jeudi 3 décembre 2026",
		"votre silence vaudra refus",
		"droit au logement opposable (DALO)",
		"ARC-T3B",
		"12 allée des Tilleuls",
	} {
		if !strings.Contains(txt, w) {
			t.Errorf("letter lacks %q:\n%s", w, txt)
		}
	}
	for _, no := range []string{nurCESF, "trop loin", "Il vous sera proposé si", "Voies et délais de recours"} {
		if strings.Contains(txt, no) {
			t.Errorf("letter says %q:\n%s", no, txt)
		}
	}

	dir := t.TempDir()
	o, err := a.CourrierOffreSuivante(id, "ARC-T3B", "", dir, app.OptionsCourriers{Date: date(2026, 11, 23)})
	if err != nil {
		t.Fatal(err)
	}
	if o.Fichier != filepath.Join(dir, want) || o.NUR != nurDALO || o.Rang != 2 || o.Logement != "ARC-T3B" || o.Echeance.IsZero() {
		t.Errorf("written %+v", o)
	}
	pdfTxt := pdftotextApp(t, o.Fichier)
	for _, w := range []string{"rang n° 2 sur 2 candidats classés", "le logement vous est désormais proposé", "lettre recommandée avec accusé de réception", "Ce courrier vaut offre de logement."} {
		if !strings.Contains(pdfTxt, w) {
			t.Errorf("PDF lacks %q:\n%s", w, pdfTxt)
		}
	}
	j, err := a.Journal(app.FiltreJournal{})
	if err != nil {
		t.Fatal(err)
	}
	if last := j[len(j)-1].Action; last != "Export : courrier d'offre au rang 2 de la commission "+id+", logement ARC-T3B" {
		t.Errorf("journal %q", last)
	}

	// Once the lease is signed the offer is no longer to send.
	if _, err := a.SaisirSuite(id, "ARC-T3B", nurDALO, model.SuiteOffre{Reponse: model.OffreBailSigne, Date: date(2026, 11, 22)}); err != nil {
		t.Fatal(err)
	}
	_, err = a.MiseEnPageOffreSuivante(id, "ARC-T3B", "", opt)
	wantCode(t, err, model.EINVALID, "bail du logement ARC-T3B est signé")
}
