package app_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"logis/app"
	"logis/app/pdf"
	"logis/model"
	"logis/storage"
)

// changeDemande edits an application through the use case (validated).
func changeDemande(t *testing.T, a *app.App, nur string, fn func(d *model.Demande)) {
	t.Helper()
	var d *model.Demande
	if err := a.DB.View(func(tx *storage.Tx) (err error) { d, err = tx.Demande(nur); return err }); err != nil {
		t.Fatal(err)
	}
	fn(d)
	if err := a.SaveDemande(d, false); err != nil {
		t.Fatal(err)
	}
}

// situationsFixtures gives the candidates of ARC-T3 the situations of §1.3:
// co-tenancy and a CIAL recommendation (PRIO), a decohabitation from the
// tenant household M-OCCUPANT (CESF), an emergency procedure (OLD, not a
// candidate), a refused transfer followed by PRIO's application and an
// accepted one, both decided before the session of 19/11/2026.
func situationsFixtures(t *testing.T, a *app.App) {
	t.Helper()
	changeDemande(t, a, nurPRIO, func(d *model.Demande) {
		d.Cotitularite, d.MotifCotitularite = true, "frère et sœur, raisons de santé"
		d.SalarieOffice, d.AvisCIAL, d.DateAvisCIAL = true, model.CIALFavorable, date(2026, 9, 15)
	})
	changeDemande(t, a, nurCESF, func(d *model.Demande) { d.MenageOrigine = "M-OCCUPANT" })
	changeDemande(t, a, nurOLD, func(d *model.Demande) {
		d.Urgence = &model.Urgence{Date: date(2026, 11, 3), Motif: "incendie", Logement: "ARC-OLD1"}
	})
	if _, err := a.EnregistrerTransfert(model.TransfertBail{Date: date(2026, 10, 20), De: "Lucienne FABRE", Vers: "Hugo FABRE", Lien: "descendant",
		Decision: model.TransfertRefuse, Motif: "typologie inadaptée", CohabitationDepuis: date(2023, 1, 1), NUR: nurPRIO}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.EnregistrerTransfert(model.TransfertBail{Date: date(2026, 11, 4), Menage: "M-OCCUPANT", De: "Marc VIDAL", Vers: "Inès VIDAL",
		Lien: "conjointe", Decision: model.TransfertAccepte}); err != nil {
		t.Fatal(err)
	}
}

func TestApp_SituationsCandidats(t *testing.T) {
	a := sessionFixtures(t)
	avant, err := a.Candidats("ARC-T3", date(2026, 11, 19), false)
	if err != nil {
		t.Fatal(err)
	}
	situationsFixtures(t, a)
	apres, err := a.Candidats("ARC-T3", date(2026, 11, 19), false)
	if err != nil {
		t.Fatal(err)
	}
	if len(avant.Candidats) != len(apres.Candidats) {
		t.Fatalf("%d candidates before, %d after", len(avant.Candidats), len(apres.Candidats))
	}
	for i := range avant.Candidats {
		b, c := avant.Candidats[i], apres.Candidats[i]
		if b.NUR != c.NUR || b.Rang != c.Rang {
			t.Errorf("rank %d: %s before, %s (rank %d) after: the situations of §1.3 must not change the ranking", b.Rang, b.NUR, c.NUR, c.Rang)
		}
	}
	got := map[string]string{}
	for _, e := range apres.Candidats {
		got[e.NUR] = strings.Join(e.Situations, "\n")
	}
	for nur, want := range map[string][]string{
		nurPRIO: {"Cotitularité demandée à l'entrée dans les lieux", "frère et sœur", "orientation de la CIAL", "avis favorable du 15/09/2026",
			"sans effet sur la priorité", "parcours de relogement à privilégier"},
		nurCESF: {"Décohabitation du ménage M-OCCUPANT"},
	} {
		for _, w := range want {
			if !strings.Contains(got[nur], w) {
				t.Errorf("%s: situations %q lack %q", nur, got[nur], w)
			}
		}
	}
	if got[nurDALO] != "" {
		t.Errorf("no situation for the DALO candidate: %q", got[nurDALO])
	}
}

func TestApp_SituationsPV(t *testing.T) {
	a := sessionFixtures(t)
	situationsFixtures(t, a)
	// An earlier session sets the period's start: the transfer of 20/10 is
	// before it, the one of 04/11 after.
	if _, err := a.NouvelleCommission(date(2026, 10, 25), "Siège", "Arcueil", model.CommissionAttribution); err != nil {
		t.Fatal(err)
	}
	id := closedSession(t, a)
	texte := pvTexte(t, a, id)
	for _, w := range []string{
		"Informations de la commission", // the block's title is in the drawing; the blocks' titles:
		"Transferts de bail décidés par la Direction de la Gestion Locative du 26/10/2026 au 19/11/2026",
		"04/11/2026 : transfert de bail de Marc VIDAL à Inès VIDAL (conjointe), accepté par la Direction de la Gestion Locative",
		"Procédures d'urgence du 26/10/2026 au 19/11/2026",
		"03/11/2026 – ", "convention d'occupation précaire (incendie), logement ARC-OLD1",
		"Cotitularité demandée à l'entrée dans les lieux",
		"Candidat issu d'une orientation de la CIAL",
		"Décohabitation du ménage M-OCCUPANT",
		"parcours de relogement à privilégier",
	} {
		if w == "Informations de la commission" {
			continue // drawn as a section heading, checked in the PDF below
		}
		if !strings.Contains(strings.ReplaceAll(texte, "\u00a0", " "), w) {
			t.Errorf("PV lacks %q", w)
		}
	}
	if strings.Contains(texte, "Lucienne FABRE") {
		t.Error("the transfer of 20/10, before the previous session, belongs to that session's minutes")
	}
	// The snapshot keeps what the session was told: a transfer recorded
	// afterwards in the period changes nothing.
	if _, err := a.EnregistrerTransfert(model.TransfertBail{Date: date(2026, 11, 10), De: "Ana ROSSI", Vers: "Léo ROSSI",
		Decision: model.TransfertAccepte}); err != nil {
		t.Fatal(err)
	}
	if again := pvTexte(t, a, id); again != texte {
		t.Error("the minutes of a closed session changed after a transfer was recorded")
	}
	// The PDF itself, read back.
	path := filepath.Join(t.TempDir(), "pv.pdf")
	if err := os.WriteFile(path, pvBytes(t, a, id), 0o600); err != nil {
		t.Fatal(err)
	}
	pdfText := pdftotextApp(t, path)
	for _, w := range []string{"5. Informations de la commission", "Marc VIDAL à Inès VIDAL", "convention d'occupation précaire (incendie)", "orientation de la CIAL", "Cotitularité"} {
		if !strings.Contains(pdfText, w) {
			t.Errorf("PDF lacks %q", w)
		}
	}
}

func TestApp_Transferts(t *testing.T) {
	a := sessionFixtures(t)
	_, err := a.EnregistrerTransfert(model.TransfertBail{Date: date(2026, 10, 1), De: "A", Vers: "B", Decision: "peut-être"})
	wantCode(t, err, model.EINVALID, "« accepte » ou « refuse »")
	_, err = a.EnregistrerTransfert(model.TransfertBail{Date: date(2026, 10, 1), De: "A", Vers: "B", Decision: model.TransfertAccepte, Menage: "M-INCONNU"})
	wantCode(t, err, model.ENOTFOUND, "")
	tr, err := a.EnregistrerTransfert(model.TransfertBail{Date: date(2026, 10, 1), De: "A", Vers: "B", Decision: model.TransfertAccepte})
	if err != nil || tr.ID == "" {
		t.Fatalf("%v %+v", err, tr)
	}
	tr.Decision, tr.Motif = model.TransfertRefuse, "plafonds dépassés"
	if _, err := a.EnregistrerTransfert(*tr); err != nil {
		t.Fatal(err)
	}
	list, err := a.TransfertsBail()
	if err != nil || len(list) != 1 || list[0].Decision != model.TransfertRefuse {
		t.Fatalf("%v %+v", err, list)
	}
	if err := a.SupprimerTransfert(tr.ID); err != nil {
		t.Fatal(err)
	}
	if list, _ := a.TransfertsBail(); len(list) != 0 {
		t.Errorf("not removed: %+v", list)
	}
}

func TestApp_ImportDemandesSituations(t *testing.T) {
	a := sessionFixtures(t)
	head := "nur;menage;date_depot;typologies;communes;dalo;priorites;motif;cotitularite;motif_cotitularite;salarie_office;avis_cial;date_avis_cial;menage_origine;urgence_date;urgence_motif;urgence_logement\n"
	mustImport(t, a, "demandes", head+
		nurNEW+";M-NEW;01/01/2024;;;non;;;oui;parent et enfant, santé;oui;Favorable;15/09/2026;M-OCCUPANT;03/11/2026;sinistre;\n")
	var d *model.Demande
	if err := a.DB.View(func(tx *storage.Tx) (err error) { d, err = tx.Demande(nurNEW); return err }); err != nil {
		t.Fatal(err)
	}
	if !d.Cotitularite || d.MotifCotitularite != "parent et enfant, santé" || !d.OrienteCIAL() || d.AvisCIAL != model.CIALFavorable ||
		d.MenageOrigine != "M-OCCUPANT" || d.Urgence == nil || d.Urgence.Motif != "sinistre" || d.Urgence.Date != date(2026, 11, 3) {
		t.Errorf("imported %+v", d)
	}
	for _, c := range []struct{ row, col, why string }{
		{"oui;;non;;;;;;", "motif_cotitularite", "obligatoire"},
		{"non;;non;favorable;;;;;", "avis_cial", "salarié de l'Office"},
		{"non;;oui;peut-être;;;;;", "avis_cial", "ni « favorable »"},
		{"non;;non;;;M-INCONNU;;;", "menage_origine", "n'existe pas"},
		{"non;;non;;;;03/11/2026;voisinage;", "urgence_motif", "n'est pas l'un de"},
		{"non;;non;;;;;incendie;", "urgence_date", "obligatoire"},
	} {
		_, err := a.Import("demandes", "demandes.csv", strings.NewReader(head+nurNEW+";M-NEW;01/01/2024;;;non;;;"+c.row+"\n"), nil)
		if err == nil || !strings.Contains(err.Error(), c.col) || !strings.Contains(err.Error(), c.why) {
			t.Errorf("%s: %v, want %s %q", c.row, err, c.col, c.why)
		}
	}
}

func TestApp_RapportTransferts(t *testing.T) {
	a := sessionFixtures(t)
	situationsFixtures(t, a)
	if _, err := a.EnregistrerTransfert(model.TransfertBail{Date: date(2025, 6, 1), De: "X", Vers: "Y", Decision: model.TransfertAccepte}); err != nil {
		t.Fatal(err)
	}
	rep, err := a.Rapport(2026)
	if err != nil {
		t.Fatal(err)
	}
	tr := rep.Transferts
	if len(tr.Liste) != 2 || tr.Acceptes != 1 || tr.Refuses != 1 || tr.Parcours != 1 {
		t.Errorf("2026 transfers: %+v", tr)
	}
	texte := pdf.MiseEnPageRapport(rep, nil, date(2027, 1, 15)).Texte()
	for _, w := range []string{"8. Transferts de bail", "2 transfert(s) de bail", "1 accepté(s), 1 refusé(s), dont 1 ouvrant un parcours de relogement",
		"20/10/2026 |  | descendant | refusé | typologie inadaptée"} {
		if !strings.Contains(texte, w) {
			t.Errorf("report lacks %q", w)
		}
	}
	for _, nom := range []string{"FABRE", "VIDAL"} {
		if strings.Contains(texte, nom) {
			t.Errorf("the report names %s", nom)
		}
	}
	var b bytes.Buffer
	if _, err := a.RapportPDF(2026, &b); err != nil || b.Len() == 0 {
		t.Fatal(err)
	}
}

// TestApp_SituationsAmendement: a candidate an amendment adds brings the
// refused transfer it follows into the snapshot; the other information
// stays as at closing.
func TestApp_SituationsAmendement(t *testing.T) {
	a := sessionFixtures(t)
	id := closedSession(t, a)
	if _, err := a.EnregistrerTransfert(model.TransfertBail{Date: date(2026, 11, 10), De: "Rose LENOIR", Vers: "Théo LENOIR", Decision: model.TransfertRefuse,
		Motif: "plafonds dépassés", CohabitationDepuis: date(2022, 1, 1), NUR: nurNEW}); err != nil {
		t.Fatal(err)
	}
	add := func(c *model.Commission) error {
		d := c.Dossier("ARC-T3")
		d.Candidats = append(d.Candidats, model.Candidat{NUR: nurNEW, Menage: "M-NEW",
			Decision: &model.Decision{Type: model.NonAttribution, Motifs: []string{"autre_candidat"}, Precisions: "Candidat examiné en séance, oublié à la saisie."}})
		return nil
	}
	if _, err := a.Amender(id, "Candidat examiné en séance mais non saisi.", add); err != nil {
		t.Fatal(err)
	}
	c, _ := a.Commission(id)
	if c.Instantane.TransfertDe(nurNEW) == nil {
		t.Fatal("the added candidate's transfer is not in the snapshot")
	}
	texte := pvTexte(t, a, id)
	if !strings.Contains(texte, "parcours de relogement à privilégier") {
		t.Error("the PV does not show the rehousing path of the added candidate")
	}
	if strings.Contains(texte, "Rose LENOIR à Théo LENOIR") {
		t.Error("a transfer recorded after the closing entered the information part")
	}
}

func TestApp_SaveDemandeOrigineInconnue(t *testing.T) {
	a := sessionFixtures(t)
	var d *model.Demande
	if err := a.DB.View(func(tx *storage.Tx) (err error) { d, err = tx.Demande(nurNEW); return err }); err != nil {
		t.Fatal(err)
	}
	d.MenageOrigine = "M-INCONNU"
	wantCode(t, a.SaveDemande(d, false), model.ENOTFOUND, "ménage d'origine « M-INCONNU » n'existe pas")
	d.MenageOrigine = "M-OCCUPANT"
	if err := a.SaveDemande(d, false); err != nil {
		t.Fatal(err)
	}
}
