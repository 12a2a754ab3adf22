package model_test

import (
	"strings"
	"testing"

	"logis/model"
)

// Cases found by review: each verdict's text must agree with its result.
func TestRegressions(t *testing.T) {
	r := model.DefaultRegles()
	t.Run("T6 et + round-trips", func(t *testing.T) {
		if got, err := model.ParseTypologie(model.TypologieLabel(6)); err != nil || got != 6 {
			t.Fatalf("ParseTypologie(%q) = %d, %v", model.TypologieLabel(6), got, err)
		}
	})
	t.Run("cotitulaires are not a young couple", func(t *testing.T) {
		m := household(pers(model.Titulaire, 25), pers(model.Cotitulaire, 27))
		if cat, _, _ := model.Categorie(m, ref, r); cat != 2 {
			t.Fatalf("category = %d, want 2 (the young-couple rule needs a conjoint)", cat)
		}
		m = household(pers(model.Titulaire, 25), pers(model.Conjoint, 27))
		if cat, _, _ := model.Categorie(m, ref, r); cat != 3 {
			t.Fatalf("category = %d, want 3 (young couple)", cat)
		}
	})
	t.Run("effort rate compared as shown", func(t *testing.T) {
		e := model.TauxEffort(model.Cents(35040), 0, model.Euros(1000), 1, r) // 35,04 % shows as 35,0 %
		if e.Resultat != model.Conforme || !strings.Contains(e.Explication, "35,0") {
			t.Fatalf("%v: %s", e.Resultat.Label(), e.Explication)
		}
		e = model.TauxEffort(model.Cents(35060), 0, model.Euros(1000), 1, r) // 35,06 % shows as 35,1 %
		if e.Resultat == model.Conforme && e.ResteAVivreUCJour <= 20 {
			t.Fatalf("35,1 %% accepted: %s", e.Explication)
		}
	})
	t.Run("ceiling with cents is written with cents", func(t *testing.T) {
		m := household(pers(model.Titulaire, 40), pers(model.Enfant, 10), pers(model.Enfant, 8)) // single + 2 = cat. 4
		m.Ressources.RevenuFiscal = model.Cents(7530900)                                         // 75 309 €
		p := model.PlafondRessources(m, model.PLS, "Arcueil", ref, r)                            // 57 930 × 1,30 = 75 309 €
		if p.Resultat != model.Conforme || !strings.Contains(p.Explication, "75\u00a0309\u00a0€") {
			t.Fatalf("%v: %s", p.Resultat.Label(), p.Explication)
		}
		m.Ressources.RevenuFiscal = model.Cents(6287100) // 62 871 € against 62 870,60 € (3 persons)
		m.Personnes = m.Personnes[:2]
		p = model.PlafondRessources(m, model.PLS, "Arcueil", ref, r) // single + 1 = cat. 3
		if p.Resultat != model.Alerte || !strings.Contains(p.Explication, "62\u00a0870,60\u00a0€") {
			t.Fatalf("%v: %s", p.Resultat.Label(), p.Explication)
		}
	})
}
