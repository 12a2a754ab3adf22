package app

import (
	"testing"
	"time"

	"logis/model"
)

func TestEnregistrerRefus(t *testing.T) {
	d := func(y, m, j int) model.Date { return model.NewDate(y, time.Month(m), j) }
	r := model.DefaultRegles()
	penalise := model.Demande{RefusAdapte: d(2026, 3, 1), MotifRefus: "quartier"}
	for name, x := range map[string]struct {
		avant   model.Demande
		s       model.SuiteOffre
		change  bool
		legitim bool
		motif   string
	}{
		"FirstRefusal":         {model.Demande{}, model.SuiteOffre{Reponse: model.OffreRefusee, Date: d(2026, 5, 1), Motif: "étage"}, true, false, "étage"},
		"NoAnswer":             {model.Demande{}, model.SuiteOffre{Reponse: model.OffreSansReponse, Date: d(2026, 5, 1)}, true, false, "sans réponse dans le délai (vaut refus, art. R.441-10 CCH)"},
		"LegitimeHidesNothing": {penalise, model.SuiteOffre{Reponse: model.OffreRefusee, Date: d(2026, 5, 1), Motif: "santé", Legitime: true}, false, false, "quartier"},
		"LegitimeAfterTheYear": {penalise, model.SuiteOffre{Reponse: model.OffreRefusee, Date: d(2027, 3, 2), Motif: "santé", Legitime: true}, true, true, "santé"},
		"NewPenalty":           {penalise, model.SuiteOffre{Reponse: model.OffreRefusee, Date: d(2026, 5, 1), Motif: "loin"}, true, false, "loin"},
		"OlderRecordedLate":    {penalise, model.SuiteOffre{Reponse: model.OffreRefusee, Date: d(2026, 2, 1), Motif: "loin"}, false, false, "quartier"},
	} {
		dem := x.avant
		if got := enregistrerRefus(&dem, &x.s, r); got != x.change || dem.RefusLegitime != x.legitim || dem.MotifRefus != x.motif {
			t.Errorf("%s: changed %v, %+v", name, got, dem)
		}
	}
}
