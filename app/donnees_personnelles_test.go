package app_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"logis/app"
	"logis/model"
	"logis/storage"
)

// renommer gives the members of household id a distinctive name.
func renommer(t *testing.T, a *app.App, id, nom, prenom string) {
	t.Helper()
	err := a.DB.Update("test : noms", func(tx *storage.Tx) error {
		m, err := tx.Menage(id)
		if err != nil {
			return err
		}
		for i := range m.Personnes {
			m.Personnes[i].Nom, m.Personnes[i].Prenom = nom, prenom
		}
		m.Adresse = model.AdresseDeLignes("12 rue des "+nom, "94110 ARCUEIL")
		return tx.PutMenage(m)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestApp_ExporterMenage: the export of a candidate of a closed session
// holds its members, applications, verdicts, the session's line and the
// journal entries about it, and nothing of the other candidates (compared
// with a second household of the same session).
func TestApp_ExporterMenage(t *testing.T) {
	a := sessionFixtures(t)
	renommer(t, a, "M-DALO", "Quastrelli", "Zélie")
	renommer(t, a, "M-PRIO", "Brandoulet", "Ovide")
	id := closedSession(t, a)
	dir := t.TempDir()
	paths, err := a.ExporterMenage("M-DALO", dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 2 || filepath.Base(paths[0]) != "M-DALO.json" || filepath.Base(paths[1]) != "M-DALO.pdf" {
		t.Fatalf("fichiers %v", paths)
	}
	raw, err := os.ReadFile(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	var d app.DonneesMenage
	if err := json.Unmarshal(raw, &d); err != nil {
		t.Fatal(err)
	}
	if d.Menage.ID != "M-DALO" || len(d.Menage.Personnes) != 2 || len(d.Demandes) != 1 || d.Demandes[0].NUR != nurDALO || len(d.Verdicts) == 0 {
		t.Fatalf("ménage %+v demandes %+v verdicts %d", d.Menage, d.Demandes, len(d.Verdicts))
	}
	if len(d.Seances) != 1 || d.Seances[0].ID != id || len(d.Seances[0].Candidatures) != 1 ||
		d.Seances[0].Candidatures[0].Candidat.Decision == nil || d.Seances[0].Candidatures[0].Candidat.Decision.Type != model.Attribution {
		t.Fatalf("séances %+v", d.Seances)
	}
	snap := d.Seances[0].Instantane
	if snap == nil || len(snap.Menages) != 1 || snap.Menages[0].ID != "M-DALO" || len(snap.Demandes) != 1 || len(snap.Examens) != 1 {
		t.Fatalf("instantané %+v", snap)
	}
	if len(d.Journal) == 0 {
		t.Fatal("aucune entrée de journal")
	}
	for _, e := range d.Journal {
		for _, c := range e.Changements {
			if c.Cle != "M-DALO" && c.Cle != nurDALO {
				t.Errorf("changement d'un autre objet %+v dans %q", c, e.Action)
			}
		}
	}
	text := string(raw)
	for _, want := range []string{"Quastrelli", "Zélie", nurDALO, id, "ARC-T3"} {
		if !strings.Contains(text, want) {
			t.Errorf("export sans %q", want)
		}
	}
	// The second household: its id, NUR, names and address are absent,
	// and so are the others of the session.
	for _, other := range []string{"Brandoulet", "Ovide", "M-PRIO", nurPRIO, nurCESF, "M-CESF", "M-OLD"} {
		if strings.Contains(text, other) {
			t.Errorf("l'export de M-DALO contient %q", other)
		}
	}
	// And the other way round.
	d2, err := a.DonneesDuMenage("M-PRIO")
	if err != nil {
		t.Fatal(err)
	}
	raw2, _ := json.Marshal(d2)
	if !strings.Contains(string(raw2), "Brandoulet") || strings.Contains(string(raw2), "Quastrelli") || strings.Contains(string(raw2), nurDALO) {
		t.Errorf("export de M-PRIO : %s", raw2)
	}
	// The summary names the person, the office and the session.
	txt := pdftotextApp(t, paths[1])
	for _, want := range []string{"Zélie QUASTRELLI", "Données personnelles détenues", nurDALO, id, "Vos droits"} {
		if !strings.Contains(txt, want) {
			t.Errorf("résumé PDF sans %q :\n%s", want, txt)
		}
	}
	if strings.Contains(txt, "Brandoulet") {
		t.Error("le résumé PDF nomme un autre ménage")
	}
	// The rights paragraph reads as French: « au délégué », not « à le
	// délégué », and the default title is not repeated in parentheses.
	flat := strings.Join(strings.Fields(txt), " ")
	if !strings.Contains(flat, "en vous adressant au délégué à la protection des données") || strings.Contains(flat, "à le délégué") || strings.Contains(flat, "(le délégué") {
		t.Errorf("paragraphe des droits mal rédigé :\n%s", flat)
	}
	// Journaled, without names.
	j, err := a.DB.Journal(1)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(j[0].Action, "Export des données du ménage M-DALO") || strings.Contains(j[0].Action, "Quastrelli") {
		t.Errorf("journal %q", j[0].Action)
	}
}

// TestApp_ExporterMenageConsultation: refused to the consultation role.
func TestApp_ExporterMenageConsultation(t *testing.T) {
	a := sessionFixtures(t)
	asConsultation(t, a)
	if _, err := a.ExporterMenage("M-DALO", t.TempDir()); model.ErrorCode(err) != model.EFORBIDDEN {
		t.Fatalf("err %v", err)
	}
	if _, err := a.EffacerMenage("M-DALO"); model.ErrorCode(err) != model.EFORBIDDEN {
		t.Fatalf("effacer : err %v", err)
	}
}

// TestApp_EffacerMenageSeanceClose: erasing a candidate of a closed session
// keeps verify clean, the minutes printable with the decision and the NUR,
// and no byte of the name in the file once compacted; the other households
// are untouched.
func TestApp_EffacerMenageSeanceClose(t *testing.T) {
	a := sessionFixtures(t)
	renommer(t, a, "M-PRIO", "Brandoulet", "Ovide")
	id := closedSession(t, a)
	plan, err := a.PreparerEffacement("M-PRIO")
	if err != nil {
		t.Fatal(err)
	}
	if plan.Complet() || len(plan.Seances) != 1 || plan.Seances[0] != id || !strings.Contains(plan.Explication, "archive") {
		t.Fatalf("plan %+v", plan)
	}
	e, err := a.EffacerMenage("M-PRIO")
	if err != nil {
		t.Fatal(err)
	}
	if e.Neutre == "" || e.Neutre == "M-PRIO" {
		t.Fatalf("identifiant neutre %+v", e)
	}
	if probs, err := a.DB.Check(); err != nil || len(probs) > 0 {
		t.Fatalf("verify : %v %v", err, probs)
	}
	if _, err := a.DB.Check(); err != nil {
		t.Fatal(err)
	}
	// The tombstone and the kept application.
	f, err := a.OpenMenage(e.Neutre)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Menage.Personnes) != 0 || f.Menage.Nom() != "ménage effacé le 22/11/2026" || len(f.Demandes) != 1 || f.Demandes[0].Active || len(f.Demandes[0].Priorites) != 0 {
		t.Fatalf("reste %+v %+v", f.Menage, f.Demandes)
	}
	if _, err := a.OpenMenage("M-PRIO"); model.ErrorCode(err) != model.ENOTFOUND {
		t.Fatalf("ancien identifiant : %v", err)
	}
	c, err := a.Commission(id)
	if err != nil {
		t.Fatal(err)
	}
	sm := c.Instantane.Menage(e.Neutre)
	if sm == nil || len(sm.Personnes) != 3 || sm.Personnes[0].Nom != "" || !sm.Personnes[0].DateNaissance.IsZero() || sm.Ressources.RevenuFiscal == 0 {
		t.Fatalf("instantané %+v", sm)
	}
	if sd := c.Instantane.Demande(nurPRIO); sd == nil || sd.Menage != e.Neutre || len(sd.Priorites) == 0 {
		t.Fatalf("demande de l'instantané %+v", sd)
	}
	if c.Instantane.Examen("ARC-T3", nurPRIO) == nil {
		t.Fatal("vérifications perdues")
	}
	// The minutes still print, with the decision and the NUR.
	pv := pvTexte(t, a, id)
	for _, want := range []string{"ménage effacé le 22/11/2026", nurPRIO, "Non-attribution"} {
		if !strings.Contains(pv, want) {
			t.Errorf("PV sans %q", want)
		}
	}
	if strings.Contains(pv, "BRANDOULET") || strings.Contains(pv, "Brandoulet") {
		t.Error("le PV nomme encore la personne effacée")
	}
	// The letters: the others are written, the erased one is left out.
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
	rc, err := a.CourriersRapport(id, t.TempDir(), app.OptionsCourriers{Date: date(2026, 11, 22)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ecartes := strings.Join(rc.Ecartes, "\n")
	if !strings.Contains(ecartes, "Demande "+nurPRIO+" : ménage effacé le 22/11/2026 (droit à l'effacement), aucun courrier.") || len(rc.Fichiers) < 2 {
		t.Fatalf("courriers %+v", rc)
	}
	// The other candidates keep their names.
	if m, err := a.OpenMenage("M-DALO"); err != nil || len(m.Menage.Personnes) != 2 {
		t.Fatalf("M-DALO : %v", err)
	}
	// The journal says what was done, without names.
	j, _ := a.DB.Journal(0)
	found := false
	for _, e := range j {
		raw, _ := json.Marshal(e)
		if bytes.Contains(raw, []byte("Brandoulet")) {
			t.Errorf("journal %s", raw)
		}
		found = found || strings.Contains(e.Action, "Effacement d'un ménage")
	}
	if !found {
		t.Error("effacement absent du journal")
	}
	// Compaction: no byte of the name in the file.
	if !a.DB.CompactageDu() {
		t.Fatal("compactage non demandé")
	}
	if err := a.DB.Compacter(false); err != nil {
		t.Fatal(err)
	}
	if a.DB.CompactageDu() {
		t.Fatal("compactage toujours dû")
	}
	file, err := os.ReadFile(a.DB.Path())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"Brandoulet", "BRANDOULET", "Ovide"} {
		if bytes.Contains(file, []byte(s)) {
			t.Errorf("« %s » reste dans le fichier", s)
		}
	}
	// And the base, read through its key, has no trace of it either.
	found = false
	_ = a.DB.View(func(tx *storage.Tx) error {
		return tx.ForEachCommission(func(c *model.Commission) error {
			b, _ := json.Marshal(c)
			found = found || bytes.Contains(b, []byte("Brandoulet"))
			return nil
		})
	})
	if found {
		t.Error("une séance garde le nom effacé")
	}
	if _, err := a.EffacerMenage(e.Neutre); model.ErrorCode(err) != model.ECONFLICT {
		t.Errorf("second effacement : %v", err)
	}
}

// TestApp_EffacerMenageComplet: a household no closed session names goes
// entirely with its applications, and leaves the sessions in preparation;
// a tenant of the office is refused.
func TestApp_EffacerMenageComplet(t *testing.T) {
	a := sessionFixtures(t)
	c, err := a.NouvelleCommission(date(2026, 12, 3), "Siège", "Arcueil", model.CommissionAttribution)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.AjouterLogement(c.ID, "ARC-T3", nil, ""); err != nil {
		t.Fatal(err)
	}
	plan, err := a.PreparerEffacement("M-DALO")
	if err != nil {
		t.Fatal(err)
	}
	if !plan.Complet() || len(plan.Retire) != 1 {
		t.Fatalf("plan %+v", plan)
	}
	e, err := a.EffacerMenage("M-DALO")
	if err != nil {
		t.Fatal(err)
	}
	if e.Neutre != "" {
		t.Fatalf("%+v", e)
	}
	if _, err := a.OpenMenage("M-DALO"); model.ErrorCode(err) != model.ENOTFOUND {
		t.Fatal(err)
	}
	got, _ := a.Commission(c.ID)
	if got.Logements[0].Candidat(nurDALO) != nil {
		t.Error("toujours candidat de la séance en préparation")
	}
	if _, err := a.EffacerMenage("M-OCCUPANT"); model.ErrorCode(err) != model.EINVALID {
		t.Errorf("locataire : %v", err)
	}
}

// TestApp_RestreindreMenage: a restricted household is kept, out of the
// candidate lists, and cannot be added by hand; lifting it brings it back.
func TestApp_RestreindreMenage(t *testing.T) {
	a := sessionFixtures(t)
	if err := a.RestreindreMenage("M-DALO", true); err != nil {
		t.Fatal(err)
	}
	lc, err := a.Candidats("ARC-T3", date(2026, 11, 22), true)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := byNUR(lc)[nurDALO]; ok {
		t.Error("ménage limité dans la liste des candidats")
	}
	c, _ := a.NouvelleCommission(date(2026, 12, 3), "Siège", "Arcueil", model.CommissionAttribution)
	if _, err := a.AjouterLogement(c.ID, "ARC-T3", nil, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := a.AjouterCandidat(c.ID, "ARC-T3", nurDALO); model.ErrorCode(err) != model.EINVALID {
		t.Errorf("ajout à la main : %v", err)
	}
	if err := a.RestreindreMenage("M-DALO", false); err != nil {
		t.Fatal(err)
	}
	lc, _ = a.Candidats("ARC-T3", date(2026, 11, 22), true)
	if _, ok := byNUR(lc)[nurDALO]; !ok {
		t.Error("ménage toujours absent après la levée")
	}
}

// asConsultation signs the app's base in again as a new consultation account.
func asConsultation(t *testing.T, a *app.App) {
	t.Helper()
	if err := a.DB.AddAccount(model.Compte{Nom: "c.membre", Role: model.Consultation}, "secret-c.membre"); err != nil {
		t.Fatal(err)
	}
	if err := a.DB.SignIn("c.membre", "secret-c.membre"); err != nil {
		t.Fatal(err)
	}
}

// TestApp_SupprimerMenageSeanceClose: the plain deletion of a household or
// of an application a closed session names is refused (verify would report
// the session's NUR missing and the minutes could not be printed).
func TestApp_SupprimerMenageSeanceClose(t *testing.T) {
	a := sessionFixtures(t)
	id := closedSession(t, a)
	err := a.DeleteMenage("M-PRIO")
	if model.ErrorCode(err) != model.EINVALID || !strings.Contains(model.ErrorMessage(err), id) || !strings.Contains(model.ErrorMessage(err), "Effacer le ménage") {
		t.Fatalf("suppression : %v", err)
	}
	if err := a.DeleteDemande(nurPRIO); model.ErrorCode(err) != model.EINVALID {
		t.Fatalf("suppression de la demande : %v", err)
	}
	if err := a.DeleteMenage("M-VITRY"); err != nil {
		t.Fatalf("ménage hors séance : %v", err)
	}
}

// TestApp_RestreindreMenageRevue: a restricted tenant is left out of the
// occupancy review (and so of its CSV export).
func TestApp_RestreindreMenageRevue(t *testing.T) {
	a := sessionFixtures(t)
	has := func() bool {
		rv, err := a.RevueOccupation(date(2026, 11, 22), nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range rv.Examens {
			if e.Menage == "M-ARR" {
				return true
			}
		}
		return false
	}
	if !has() {
		t.Fatal("M-ARR absent de la revue avant la limitation")
	}
	if err := a.RestreindreMenage("M-ARR", true); err != nil {
		t.Fatal(err)
	}
	if has() {
		t.Error("ménage limité dans la revue d'occupation")
	}
	if err := a.RestreindreMenage("M-ARR", true); model.ErrorCode(err) != model.ECONFLICT {
		t.Errorf("deuxième limitation : %v", err)
	}
}
