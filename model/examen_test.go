package model_test

import (
	"math"
	"testing"

	"logis/model"
)

func TestExaminerOccupation(t *testing.T) {
	r := model.DefaultRegles()

	t.Run("large family in a T3 of Gentilly", func(t *testing.T) {
		// Couple + 3 children (16, 10 and a disabled 2-year-old) in a T3 of
		// 3 rooms and 55 m², not PMR, PLUS, Gentilly.
		m := household(pers(model.Titulaire, 45), pers(model.Conjoint, 43), pers(model.Enfant, 16), pers(model.Enfant, 10), handi(pers(model.Enfant, 2)))
		m.ID = "M-042"
		m.Ressources = model.Ressources{RevenuFiscal: model.Euros(60000), Mensuelles: model.Euros(3000), APL: model.Euros(100)}
		l := &model.Logement{Reference: "GEN-0305", Commune: "Gentilly", Typologie: 3, Pieces: 3, Surface: 55,
			Financement: model.PLUS, Loyer: model.Euros(700), Charges: model.Euros(150)}
		e := model.ExaminerOccupation(m, l, ref, r)

		if e.Menage != "M-042" || e.Logement != "GEN-0305" || e.Commune != "Gentilly" || e.Personnes != 5 {
			t.Errorf("header %q %q %q %d", e.Menage, e.Logement, e.Commune, e.Personnes)
		}
		if math.Abs(e.UC-2.6) > 1e-9 {
			t.Errorf("UC = %v, want 2.6", e.UC)
		}
		wantResultat(t, e.SousOccupation, model.Conforme)
		wantResultat(t, e.SurOccupationCritique, model.Conforme) // 55 m² ≥ 43 m²
		wantResultat(t, e.SurOccupation, model.Alerte)           // couple + 3 → T4 and more
		wantResultat(t, e.LogementAdapteSansHandicap, model.NonApplicable)
		wantResultat(t, e.HandicapSansLogementAdapte, model.Alerte)
		wantResultat(t, e.DepassementPlafond.Verdict, model.Conforme)
		wantResultat(t, e.Effort.Verdict, model.Conforme)

		// 5 persons with one disabled: category 6, 84 304 € PLUS in Gentilly.
		if e.DepassementPlafond.Categorie != 6 || e.DepassementPlafond.Montant != model.Euros(84304) {
			t.Errorf("plafond: category %d, %s", e.DepassementPlafond.Categorie, e.DepassementPlafond.Montant)
		}
		if e.DepassementPlafond.Regle != "depassement_plafond" || e.DepassementPlafond.Titre != "Ressources au-dessus du plafond (L.442-5-2 5°)" {
			t.Errorf("plafond Regle %q Titre %q", e.DepassementPlafond.Regle, e.DepassementPlafond.Titre)
		}
		// (700 + 150 − 100) ÷ 3 000 = 25 %.
		if math.Abs(e.Effort.Taux-0.25) > 1e-9 {
			t.Errorf("Taux = %v", e.Effort.Taux)
		}
		if !e.AnySituation() {
			t.Error("AnySituation = false")
		}
		// The typology indicator of the policy is not a legal situation:
		// only the disability (4°) is a motive.
		motifs := e.Motifs()
		if len(motifs) != 1 || motifs[0] != e.HandicapSansLogementAdapte.Explication {
			t.Errorf("Motifs = %q", motifs)
		}
		if n := len(e.Situations()); n != 5 {
			t.Errorf("%d situations, want the 5 of L.442-5-2", n)
		}
		vs := e.Verdicts()
		if len(vs) != 8 || vs[7].Regle != model.RegleEffort {
			t.Errorf("Verdicts = %d, last %q", len(vs), vs[len(vs)-1].Regle)
		}
		codes := map[model.CodeRegle]bool{}
		for _, v := range vs {
			checkExplained(t, v)
			if codes[v.Regle] {
				t.Errorf("code %q appears twice", v.Regle)
			}
			codes[v.Regle] = true
		}
	})

	t.Run("household in no situation", func(t *testing.T) {
		m := couple(40, 38, 10)
		m.Ressources = model.Ressources{RevenuFiscal: model.Euros(30000), Mensuelles: model.Euros(2500), APL: 0}
		l := &model.Logement{Reference: "ARC-0101", Commune: "Arcueil", Typologie: 3, Pieces: 3, Surface: 60,
			Financement: model.PLUS, Loyer: model.Euros(600), Charges: model.Euros(100)}
		e := model.ExaminerOccupation(m, l, ref, r)
		if e.AnySituation() || len(e.Motifs()) != 0 {
			t.Errorf("AnySituation %v, Motifs %q", e.AnySituation(), e.Motifs())
		}
		for _, v := range e.Verdicts() {
			if v.Flag() {
				t.Errorf("%s flagged: %s", v.Regle, v.Explication)
			}
			checkExplained(t, v)
		}
	})

	t.Run("each of the situations is flagged", func(t *testing.T) {
		tests := []struct {
			name string
			m    *model.Menage
			l    model.Logement
			pick func(e *model.Examen) model.Verdict
		}{
			{"sous-occupation", single(70), model.Logement{Typologie: 4, Pieces: 4, Surface: 80},
				func(e *model.Examen) model.Verdict { return e.SousOccupation }},
			{"critical sur-occupation", couple(40, 40, 3, 5), model.Logement{Typologie: 4, Pieces: 4, Surface: 30},
				func(e *model.Examen) model.Verdict { return e.SurOccupationCritique }},
			{"adapted dwelling without disabled occupant", couple(40, 40), model.Logement{Typologie: 2, Pieces: 2, Surface: 50, PMR: true},
				func(e *model.Examen) model.Verdict { return e.LogementAdapteSansHandicap }},
			{"resources above the ceiling", couple(40, 40), model.Logement{Typologie: 2, Pieces: 2, Surface: 50},
				func(e *model.Examen) model.Verdict { return e.DepassementPlafond.Verdict }},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				tc.l.Reference, tc.l.Commune, tc.l.Financement = "VIL-1", "Villejuif", model.PLUS
				tc.m.Ressources.Mensuelles = model.Euros(2000)
				tc.m.Ressources.RevenuFiscal = model.Euros(20000)
				if tc.name == "resources above the ceiling" {
					tc.m.Ressources.RevenuFiscal = model.Euros(40234) // category 2: 40 233 €
				}
				e := model.ExaminerOccupation(tc.m, &tc.l, ref, r)
				wantResultat(t, tc.pick(&e), model.Alerte)
				if !e.AnySituation() || len(e.Motifs()) != 1 {
					t.Errorf("AnySituation %v, Motifs %q", e.AnySituation(), e.Motifs())
				}
			})
		}
	})

	t.Run("the effort rate alone is not a situation", func(t *testing.T) {
		m := single(40)
		m.Ressources = model.Ressources{RevenuFiscal: model.Euros(12000), Mensuelles: model.Euros(1000)}
		l := &model.Logement{Reference: "CAC-1", Commune: "Cachan", Typologie: 2, Pieces: 2, Surface: 40, Financement: model.PLAI, Loyer: model.Euros(500), Charges: model.Euros(100)}
		e := model.ExaminerOccupation(m, l, ref, r)
		wantResultat(t, e.Effort.Verdict, model.Alerte)
		if e.AnySituation() {
			t.Errorf("AnySituation = true: %q", e.Motifs())
		}
	})

	t.Run("missing data gives incomplete verdicts, never alerts", func(t *testing.T) {
		e := model.ExaminerOccupation(household(), &model.Logement{Reference: "X", Commune: "Paris"}, ref, r)
		for _, v := range e.Verdicts() {
			if v.Flag() {
				t.Errorf("%s flagged on an empty file: %s", v.Regle, v.Explication)
			}
			checkExplained(t, v)
		}
		if e.SousOccupation.Resultat != model.Incomplet || e.DepassementPlafond.Resultat != model.Incomplet || e.Effort.Resultat != model.Incomplet {
			t.Errorf("sous %s, plafond %s, effort %s", e.SousOccupation.Resultat.Label(), e.DepassementPlafond.Resultat.Label(), e.Effort.Resultat.Label())
		}
	})
}

// TestVerdicts_AreExplained runs every rule over a range of cases and checks
// that each verdict carries its title, explanation and source, and its
// figures and threshold whenever the rule applied: the commission must be
// able to read why.
func TestVerdicts_AreExplained(t *testing.T) {
	r := model.DefaultRegles()
	households := map[string]*model.Menage{
		"single":           single(40),
		"senior":           single(80),
		"young couple":     couple(25, 25),
		"couple + 3":       couple(40, 40, 2, 9, 15),
		"single + 1 handi": household(pers(model.Titulaire, 35), handi(pers(model.Enfant, 8))),
		"7 persons":        couple(40, 40, 1, 3, 5, 8, 12),
		"empty":            household(),
	}
	dwellings := []model.Logement{
		{Reference: "GEN-1", Commune: "Gentilly", Typologie: 1, Pieces: 1, Surface: 20, Financement: model.PLAI, Loyer: model.Euros(300), Charges: model.Euros(50)},
		{Reference: "ARC-1", Commune: "Arcueil", Typologie: 3, Pieces: 3, Surface: 24.99, Financement: model.PLUS, Loyer: model.Euros(650), Charges: model.Euros(120), PMR: true},
		{Reference: "VIT-1", Commune: "Vitry-sur-Seine", Typologie: 5, Pieces: 5, Surface: 95, Financement: model.PLS, Loyer: model.Euros(1100), Charges: model.Euros(200)},
		{Reference: "VIL-1", Commune: "Villejuif", Typologie: 6, Pieces: 7, Surface: 120, Financement: model.PLI, Loyer: model.Euros(1500), Charges: model.Euros(250)},
		{Reference: "XXX-1", Commune: "Paris", Financement: model.PLUS},
	}
	resources := []model.Ressources{
		{},
		{RevenuFiscal: model.Euros(15000), Mensuelles: model.Euros(1200), APL: model.Euros(250)},
		{RevenuFiscal: model.Euros(90000), RevenuN1: model.Euros(50000), Mensuelles: model.Euros(6000)},
	}
	n := 0
	for name, base := range households {
		for _, l := range dwellings {
			for _, res := range resources {
				m := *base
				m.Ressources = res
				m.Bail = &model.Bail{Logement: l.Reference, DateEntree: model.NewDate(2026, 6, 1)}
				e := model.ExaminerOccupation(&m, &l, ref, r)
				_, uc := model.UnitesConsommation(&m, ref, r)
				mu := model.ConditionsMutation(&m, &model.Demande{Active: true}, &l, ref, r)
				c := model.Compose(&m, ref, r)
				all := append(e.Verdicts(), uc, mu.Verdict, model.TypologieAdaptee(l.Typologie, c, r))
				all = append(all, mu.Conditions...)
				for _, v := range all {
					n++
					t.Run(name+"/"+l.Reference+"/"+string(v.Regle), func(t *testing.T) { checkExplained(t, v) })
				}
			}
		}
	}
	if n < 500 {
		t.Errorf("only %d verdicts checked", n)
	}
}

func TestResultat_Label(t *testing.T) {
	want := map[model.Resultat]string{model.NonApplicable: "sans objet", model.Conforme: "conforme", model.Alerte: "alerte", model.Incomplet: "données manquantes"}
	for r, w := range want {
		if got := r.Label(); got != w {
			t.Errorf("Label(%d) = %q, want %q", r, got, w)
		}
	}
	if (model.Verdict{Resultat: model.Alerte}).Flag() != true || (model.Verdict{Resultat: model.Incomplet}).Flag() {
		t.Error("Flag is true only for Alerte")
	}
}

func TestRound1(t *testing.T) {
	for x, want := range map[float64]float64{34.75: 34.8, 34.74: 34.7, 0: 0, -1.25: -1.3} {
		if got := model.Round1(x); math.Abs(got-want) > 1e-9 {
			t.Errorf("Round1(%v) = %v, want %v", x, got, want)
		}
	}
}
