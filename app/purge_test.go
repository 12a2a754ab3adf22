package app_test

import (
	"bytes"
	"strings"
	"testing"

	"logis/app"
	"logis/model"
	"logis/storage"
)

// radier strikes off every application of household id on day d.
func radier(t *testing.T, a *app.App, id string, d model.Date) {
	t.Helper()
	err := a.DB.Update("test : radiation", func(tx *storage.Tx) error {
		ds, err := tx.DemandesOfMenage(id)
		if err != nil {
			return err
		}
		for _, x := range ds {
			x.Active, x.DateRadiation = false, d
			if err := tx.PutDemande(&x); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestApp_Purge: on 22/11/2026 the households struck off before 22/11/2023
// go; struck off that very day or after, housed by the office, or with an
// active or undated application, they stay. The journal holds counts only.
func TestApp_Purge(t *testing.T) {
	a := sessionFixtures(t)
	radier(t, a, "M-OLD", date(2023, 11, 21))  // just before three years: purged
	radier(t, a, "M-NEW", date(2023, 11, 22))  // exactly three years: kept
	radier(t, a, "M-RICH", date(2023, 11, 23)) // just after: kept
	radier(t, a, "M-ARR", date(2019, 1, 1))    // a tenant of the office: kept
	radier(t, a, "M-SEUL", date(2010, 5, 4))   // long ago: purged
	radier(t, a, "M-VITRY", date(2010, 5, 4))  // long ago but restricted: kept
	if err := a.RestreindreMenage("M-VITRY", true); err != nil {
		t.Fatal(err)
	}
	p, err := a.PreparerPurge(date(2026, 11, 22)) // M-INACTIF: inactive without a date, kept
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, m := range p.Menages {
		ids = append(ids, m.ID)
	}
	if strings.Join(ids, ",") != "M-OLD,M-SEUL" || p.Demandes != 2 || p.Gardes != 0 || p.Limites != 1 || p.Menages[0].Radiation != date(2023, 11, 21) {
		t.Fatalf("purge %+v", p)
	}
	if _, err := a.OpenMenage("M-OLD"); err != nil {
		t.Fatal("la liste a écrit")
	}
	done, err := a.Purger(date(2026, 11, 22))
	if err != nil || len(done.Menages) != 2 {
		t.Fatalf("%+v %v", done, err)
	}
	for _, id := range []string{"M-OLD", "M-SEUL"} {
		if _, err := a.OpenMenage(id); model.ErrorCode(err) != model.ENOTFOUND {
			t.Errorf("%s toujours là : %v", id, err)
		}
	}
	for _, id := range []string{"M-NEW", "M-RICH", "M-ARR", "M-INACTIF", "M-DALO", "M-VITRY"} {
		if _, err := a.OpenMenage(id); err != nil {
			t.Errorf("%s purgé : %v", id, err)
		}
	}
	j, _ := a.DB.Journal(1)
	if !strings.Contains(j[0].Action, "Purge au 22/11/2026") || !strings.Contains(j[0].Action, "2 ménage(s)") || len(j[0].Changements) != 0 || j[0].Totaux["menage suppression"] != 2 {
		t.Fatalf("journal %+v", j[0])
	}
	if strings.Contains(j[0].Action, "M-OLD") {
		t.Error("le journal nomme un ménage purgé")
	}
	if p, _ := a.PreparerPurge(date(2026, 11, 22)); len(p.Menages) != 0 {
		t.Errorf("seconde purge %+v", p)
	}
	// The next day, the household struck off exactly three years before goes.
	if p, _ := a.PreparerPurge(date(2026, 11, 23)); len(p.Menages) != 1 || p.Menages[0].ID != "M-NEW" {
		t.Errorf("lendemain %+v", p)
	}
}

// TestApp_PurgeRapport: a purge erasing candidates of closed sessions keeps
// the annual report of that year byte for byte, and verify clean; an agent
// may not purge.
func TestApp_PurgeRapport(t *testing.T) {
	a := reportYear(t)
	var before bytes.Buffer
	rep, err := a.Rapport(2026)
	if err != nil {
		t.Fatal(err)
	}
	if err := app.WriteRapportCSV(rep, &before); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"M-NEW", "M-EFFORT", "M-DALO", "M-PRIO"} {
		radier(t, a, id, date(2026, 11, 30))
	}
	p, err := a.Purger(date(2030, 1, 1))
	if err != nil {
		t.Fatal(err)
	}
	if p.Gardes == 0 || len(p.Menages) < 3 {
		t.Fatalf("purge %+v", p)
	}
	if probs, err := a.DB.Check(); err != nil || len(probs) > 0 {
		t.Fatalf("verify %v %v", err, probs)
	}
	rep, err = a.Rapport(2026)
	if err != nil {
		t.Fatal(err)
	}
	var after bytes.Buffer
	if err := app.WriteRapportCSV(rep, &after); err != nil {
		t.Fatal(err)
	}
	if before.String() != after.String() {
		t.Fatalf("rapport changé :\n%s\n---\n%s", before.String(), after.String())
	}
	asConsultation(t, a)
	if _, err := a.PreparerPurge(date(2030, 1, 1)); model.ErrorCode(err) != model.EFORBIDDEN {
		t.Errorf("consultation : %v", err)
	}
}
