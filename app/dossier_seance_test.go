package app_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"logis/model"
)

// TestApp_DossierSeance: one page per dwelling, the candidates in
// presentation mode (no full name nor NUR), the ranks and reasons, the
// member's name as watermark; journaled per copy; a non-member is refused.
func TestApp_DossierSeance(t *testing.T) {
	a := sessionFixtures(t)
	renommer(t, a, "M-DALO", "Quastrelli", "Zélie")
	id := closedSession(t, a)
	path := filepath.Join(t.TempDir(), "dossier.pdf")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.DossierSeance(id, "membre b", f); err != nil {
		t.Fatal(err)
	}
	f.Close()
	txt := pdftotextApp(t, path)
	for _, want := range []string{"Membre B", "Logement ARC-T3", "Z. Q.", "…DPUB", "rang proposé 1", "Raison du rang", "entre 20 000 et 30 000 €"} {
		if !strings.Contains(txt, want) {
			t.Errorf("dossier sans %q :\n%s", want, txt)
		}
	}
	for _, bad := range []string{"Quastrelli", "QUASTRELLI", "Zélie", nurDALO, nurPRIO, "20 000,00"} {
		if strings.Contains(txt, bad) {
			t.Errorf("dossier avec %q", bad)
		}
	}
	// The watermark (drawn rotated: pdftotext scatters it) is in the layout.
	r, nom, err := a.MiseEnPageDossierSeance(id, "Membre B")
	if err != nil || r.Filigrane != "CONFIDENTIEL\nMembre B" || nom != "Membre B" || !r.SautParSection || len(r.Sections) != 1 {
		t.Fatalf("mise en page %+v %v", r, err)
	}
	j, _ := a.DB.Journal(1)
	if !strings.Contains(j[0].Action, "Dossier de séance "+id+" : exemplaire de Membre B") {
		t.Errorf("journal %q", j[0].Action)
	}
	if err := a.DossierSeance(id, "Inconnu", &strings.Builder{}); model.ErrorCode(err) != model.EINVALID {
		t.Errorf("non-membre : %v", err)
	}
}

// TestApp_DossierSeanceNomImprime: the member is found by the name printed on
// the minutes (with civilité, any case or spacing); another name is refused.
func TestApp_DossierSeanceNomImprime(t *testing.T) {
	a := sessionFixtures(t)
	c, err := a.NouvelleCommission(date(2026, 11, 19), "Siège", "Arcueil", model.CommissionAttribution)
	if err != nil {
		t.Fatal(err)
	}
	id := c.ID
	ms := membres(3)
	ms[0].Civilite = model.Madame
	if _, err := a.SetMembres(id, ms); err != nil {
		t.Fatal(err)
	}
	if _, err := a.AjouterLogement(id, "ARC-T3", nil, ""); err != nil {
		t.Fatal(err)
	}
	for _, saisi := range []string{"Mme Membre A", "madame  membre a", "Mme\u00a0Membre A", "Membre A"} {
		_, nom, err := a.MiseEnPageDossierSeance(id, saisi)
		if err != nil || nom != "Mme\u00a0Membre A" {
			t.Errorf("%q : %q, %v", saisi, nom, err)
		}
	}
	if _, _, err := a.MiseEnPageDossierSeance(id, "Mme Membre Z"); err == nil {
		t.Error("un non-membre est accepté")
	}
}
