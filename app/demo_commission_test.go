package app_test

import (
	"testing"

	"logis/app"
	"logis/model"
)

func TestApp_DemoCommissions(t *testing.T) {
	for _, size := range []app.DemoOptions{{Menages: 600, Logements: 400}, {Menages: 2000, Logements: 1200}} {
		a := MustOpenApp(t)
		if _, err := a.Demo(size, nil); err != nil {
			t.Fatal(err)
		}
		list, err := a.Commissions()
		if err != nil || len(list) != 2 {
			t.Fatalf("%d sessions, %v", len(list), err)
		}
		closed, prep := list[0], list[1]
		if closed.Statut != model.Close || prep.Statut != model.EnPreparation || !(closed.Date < a.Today() && a.Today() < prep.Date) {
			t.Fatalf("sessions %s %s %s / %s %s %s", closed.ID, closed.Statut, closed.Date, prep.ID, prep.Statut, prep.Date)
		}
		types := map[model.TypeDecision]int{}
		for _, d := range closed.Logements {
			for _, k := range d.Candidats {
				types[k.Decision.Type]++
			}
		}
		for _, typ := range model.TypesDecision {
			if types[typ] == 0 {
				t.Errorf("%v: no decision %q in the closed session: %v", size, typ, types)
			}
		}
		if len(closed.Occupation) == 0 || closed.Occupation[0].Constat == "" || len(closed.Occupation[0].Situations) == 0 {
			t.Errorf("%v: occupancy part %+v", size, closed.Occupation)
		}
		if p := closed.ProblemesCloture(); len(p) > 0 {
			t.Errorf("closed session incomplete: %q", p)
		}
		if len(prep.Logements) == 0 || len(prep.Logements[0].Candidats) != app.NombreCandidatsProposes {
			t.Errorf("%v: session in preparation %+v", size, prep.Logements)
		}
		obj, err := a.ObjectifsAnnee(closed.Date.Year())
		if err != nil || obj[1].Resultat == model.Incomplet || obj[0].Denominateur == 0 {
			t.Errorf("%v: objectives %+v %v", size, obj, err)
		}
		r, _ := a.Regles()
		if r.PremierQuart[closed.Date.Year()] != model.Euros(app.DemoPremierQuartile) {
			t.Errorf("demo threshold %v", r.PremierQuart)
		}
	}
}
