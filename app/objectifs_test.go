package app_test

import (
	"math"
	"strings"
	"testing"

	"logis/model"
	"logis/storage"
)

func TestApp_Objectifs(t *testing.T) {
	a := sessionFixtures(t)
	c, err := a.NouvelleCommission(date(2026, 11, 19), "Siège", "Arcueil", model.CommissionAttribution)
	if err != nil {
		t.Fatal(err)
	}
	id := c.ID
	must := func(_ any, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(a.SetMembres(id, membres(4)))
	must(a.AjouterLogement(id, "ARC-T3", nil, ""))                                  // DALO, PRIO, CESF
	must(a.AjouterLogement(id, "ARC-T3B", []string{nurOLD, nurNEW, nurEFFORT}, "")) // three without priority
	must(a.Decider(id, "ARC-T3", nurDALO, model.Decision{Type: model.Attribution}))

	// While the session is prepared: its effect, the year without it.
	eff, err := a.ObjectifsSession(id)
	if err != nil {
		t.Fatal(err)
	}
	if eff.Annee != 2026 || len(eff.Session) != 4 || eff.Avant[3].Resultat != model.NonApplicable {
		t.Fatalf("effect %+v", eff)
	}
	prio := eff.Session[0]
	if prio.Numerateur != 2 || prio.Denominateur != 6 || prio.Resultat != model.Conforme || !strings.Contains(prio.Valeur, "33,3") {
		t.Errorf("priority designations %+v", prio)
	}
	if q := eff.Session[1]; q.Resultat != model.Incomplet || !strings.Contains(q.Explication, "premier quartile 2026") || !strings.Contains(q.Explication, "n'est pas saisi") {
		t.Errorf("without the threshold: %+v", q)
	}
	if m := eff.Apres[3]; m.Numerateur != 0 || m.Denominateur != 1 || m.Resultat != model.Alerte {
		t.Errorf("mutations %+v", m)
	}

	// The year's threshold entered, on its own basis (monthly resources × 12 ÷ UC):
	// DALO household 2 200 € × 12 ÷ 1,3 UC = 20 308 € per UC.
	err = a.DB.Update("seuil", func(tx *storage.Tx) error {
		r, err := tx.Regles()
		if err != nil {
			return err
		}
		r.PremierQuart[2026] = model.Euros(19000)
		return tx.PutRegles(r)
	})
	if err != nil {
		t.Fatal(err)
	}
	must(a.Decider(id, "ARC-T3", nurPRIO, nonAttribution()))
	must(a.Decider(id, "ARC-T3", nurCESF, nonAttribution()))
	must(a.Decider(id, "ARC-T3B", nurOLD, model.Decision{Type: model.AttributionClassee, Rang: 1}))
	must(a.Decider(id, "ARC-T3B", nurNEW, model.Decision{Type: model.AttributionClassee, Rang: 2}))
	must(a.Decider(id, "ARC-T3B", nurEFFORT, nonAttribution()))

	year, err := a.ObjectifsAnnee(2026)
	if err != nil || year[0].Resultat != model.NonApplicable || !math.IsNaN(year[0].Part) {
		t.Fatalf("a session in preparation counts in the year: %+v %v", year, err)
	}
	must(a.Cloturer(id))
	year, err = a.ObjectifsAnnee(2026)
	if err != nil {
		t.Fatal(err)
	}
	// Out of QPV: DALO (20 308 €/UC) above 19 000 €, the first of the
	// classement (2 800 × 12 ÷ 1,8 = 18 667 €/UC) below: 1 of 2. On the
	// revenu fiscal (15 385 and 16 667 €/UC) both would wrongly be below.
	if q := year[1]; q.Numerateur != 1 || q.Denominateur != 2 || q.Resultat != model.Conforme || !strings.Contains(q.Seuil, "25,0") {
		t.Errorf("first quartile out of QPV %+v", q)
	}
	if q := year[2]; q.Resultat != model.NonApplicable {
		t.Errorf("no allocation in QPV: %+v", q)
	}
	if m := year[3]; m.Numerateur != 0 || m.Denominateur != 2 || m.Resultat != model.Alerte || !strings.Contains(m.Explication, "il en manque 1") {
		t.Errorf("mutations %+v", m)
	}
	if other, _ := a.ObjectifsAnnee(2027); other[0].Denominateur != 0 {
		t.Errorf("2027 counts 2026 sessions: %+v", other[0])
	}
}
