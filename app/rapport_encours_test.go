package app_test

import (
	"testing"

	"logis/model"
)

func TestApp_ObjectifsEnCours(t *testing.T) {
	a := reportYear(t) // the clock is 22/11/2026
	o, err := a.ObjectifsEnCours()
	if err != nil {
		t.Fatal(err)
	}
	if o.Annee != 2026 || len(o.Actuels) != 4 || o.Projection != nil {
		t.Fatalf("%+v", o)
	}
	if m := o.Actuels[3]; m.Numerateur != 1 || m.Denominateur != 4 {
		t.Errorf("transfers %+v", m)
	}
	// A session in preparation: M-PRIO allocated ARC-T3B so far.
	c, err := a.NouvelleCommission(date(2026, 12, 3), "Siège", "Arcueil", model.CommissionAttribution)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.AjouterLogement(c.ID, "ARC-T3B", []string{nurPRIO}, "insuffisance du nombre des candidats"); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Decider(c.ID, "ARC-T3B", nurPRIO, model.Decision{Type: model.Attribution}); err != nil {
		t.Fatal(err)
	}
	o, _ = a.ObjectifsEnCours()
	if len(o.EnPreparation) != 1 || o.EnPreparation[0] != c.ID || len(o.Projection) != 4 {
		t.Fatalf("%+v", o)
	}
	if now, proj := o.Actuels[0], o.Projection[0]; now.Numerateur != 2 || now.Denominateur != 9 || proj.Numerateur != 3 || proj.Denominateur != 10 {
		t.Errorf("designations now %d/%d, projected %d/%d", now.Numerateur, now.Denominateur, proj.Numerateur, proj.Denominateur)
	}
	if proj := o.Projection[3]; proj.Numerateur != 1 || proj.Denominateur != 5 {
		t.Errorf("transfers projected %+v", proj)
	}
}
