package model_test

import (
	"math"
	"strings"
	"testing"
	"time"

	"logis/model"
)

func TestCompose(t *testing.T) {
	r := model.DefaultRegles()
	tests := []struct {
		name string
		m    *model.Menage
		want model.Composition
	}{
		{"single adult", single(40), model.Composition{Personnes: 1, AgeMax: 40, SommeAgesCp: 40}},
		{"couple", couple(30, 32), model.Composition{Personnes: 2, Couple: true, Conjoints: true, AgeMax: 32, SommeAgesCp: 62}},
		{"couple with children under and over 14", couple(40, 42, 16, 13),
			model.Composition{Personnes: 4, Couple: true, Conjoints: true, Autres: 2, Moins14: 1, ACharge: 2, AgeMax: 42, SommeAgesCp: 82}},
		{"child of 25 is no longer a dependant", single(50, 25, 24),
			model.Composition{Personnes: 3, Autres: 2, ACharge: 1, AgeMax: 50, SommeAgesCp: 50}},
		{"disabled ascendant is a dependant", household(pers(model.Titulaire, 45), handi(pers(model.Ascendant, 75))),
			model.Composition{Personnes: 2, Autres: 1, ACharge: 1, Handicap: true, AgeMax: 75, SommeAgesCp: 45}},
		{"disabled conjoint is not a dependant", household(pers(model.Titulaire, 45), handi(pers(model.Conjoint, 47))),
			model.Composition{Personnes: 2, Couple: true, Conjoints: true, Handicap: true, AgeMax: 47, SommeAgesCp: 92}},
		{"cotitulaire forms a couple", household(pers(model.Titulaire, 30), pers(model.Cotitulaire, 31)),
			model.Composition{Personnes: 2, Couple: true, AgeMax: 31, SommeAgesCp: 61}},
		{"no titulaire recorded: the first member heads", household(pers(model.Autre, 30), pers(model.Enfant, 5)),
			model.Composition{Personnes: 2, Autres: 1, Moins14: 1, ACharge: 1, AgeMax: 30}},
		{"empty household", household(), model.Composition{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := model.Compose(tc.m, ref, r); got != tc.want {
				t.Errorf("Compose = %+v\nwant      %+v", got, tc.want)
			}
		})
	}
}

func TestUnitesConsommation(t *testing.T) {
	r := model.DefaultRegles()
	child := func(y int, m time.Month, d int) model.Personne {
		return model.Personne{Lien: model.Enfant, Nom: "Durand", DateNaissance: model.NewDate(y, m, d)}
	}
	tests := []struct {
		name   string
		m      *model.Menage
		want   float64
		valeur string
	}{
		{"single adult = 1", single(40), 1, "1,00\u00a0UC"},
		{"couple = 1.5", couple(40, 38), 1.5, "1,50\u00a0UC"},
		{"couple + child exactly 14 today counts 0.5",
			&model.Menage{Personnes: append(couple(40, 38).Personnes, child(2012, 11, 22))}, 2, "2,00\u00a0UC"},
		{"couple + child turning 14 tomorrow counts 0.3",
			&model.Menage{Personnes: append(couple(40, 38).Personnes, child(2012, 11, 23))}, 1.8, "1,80\u00a0UC"},
		{"single parent + two young children", single(35, 5, 10), 1.6, "1,60\u00a0UC"},
		{"couple + 3 children 16, 10 and 2", couple(45, 43, 16, 10, 2), 2.6, "2,60\u00a0UC"},
		{"newborn", single(30, 0), 1.3, "1,30\u00a0UC"},
		{"titulaire listed after the children", household(pers(model.Enfant, 5), pers(model.Titulaire, 40)), 1.3, "1,30\u00a0UC"},
		{"titulaire under 14: the oldest member is the first adult",
			household(pers(model.Titulaire, 13), pers(model.Ascendant, 40)), 1.3, "1,30\u00a0UC"},
		{"titulaire under 14 alone still counts 1", household(pers(model.Titulaire, 13)), 1, "1,00\u00a0UC"},
		{"titulaire of 14 is the first adult", household(pers(model.Titulaire, 14), pers(model.Ascendant, 70)), 1.5, "1,50\u00a0UC"},
		{"adult ascendant counts 0.5", household(pers(model.Titulaire, 40), pers(model.Ascendant, 70)), 1.5, "1,50\u00a0UC"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			uc, v := model.UnitesConsommation(tc.m, ref, r)
			if math.Abs(uc-tc.want) > 1e-9 {
				t.Errorf("UC = %v, want %v", uc, tc.want)
			}
			wantResultat(t, v, model.Conforme)
			if v.Valeur != tc.valeur {
				t.Errorf("Valeur = %q, want %q", v.Valeur, tc.valeur)
			}
			if !strings.Contains(v.Explication, "au 22/11/2026") || !strings.Contains(v.Explication, strings.TrimSuffix(tc.valeur, "\u00a0UC")) {
				t.Errorf("Explication = %q, want the date and the total", v.Explication)
			}
			if v.Source != model.SourceUC {
				t.Errorf("Source = %q", v.Source)
			}
		})
	}
	t.Run("seuil quotes the weights", func(t *testing.T) {
		_, v := model.UnitesConsommation(single(40), ref, r)
		for _, w := range []string{"1,0 pour le premier adulte", "0,5 par autre personne de 14 ans ou plus", "0,3 par enfant de moins de 14 ans"} {
			if !strings.Contains(v.Seuil, w) {
				t.Errorf("Seuil %q lacks %q", v.Seuil, w)
			}
		}
	})
	t.Run("counts in the explanation", func(t *testing.T) {
		_, v := model.UnitesConsommation(couple(45, 43, 16, 10, 2), ref, r)
		if !strings.Contains(v.Explication, "2 autre(s) personne(s) de 14 ans ou plus et 2 enfant(s) de moins de 14 ans") {
			t.Errorf("Explication = %q", v.Explication)
		}
	})
	t.Run("empty household is incomplete", func(t *testing.T) {
		uc, v := model.UnitesConsommation(household(), ref, r)
		if uc != 0 {
			t.Errorf("UC = %v", uc)
		}
		wantResultat(t, v, model.Incomplet)
	})
	t.Run("edited weights are used", func(t *testing.T) {
		r := model.DefaultRegles()
		r.UCEnfant, r.AgeUC = 0.4, 16
		uc, v := model.UnitesConsommation(couple(40, 38, 15), ref, r)
		if math.Abs(uc-1.9) > 1e-9 || v.Valeur != "1,90\u00a0UC" {
			t.Errorf("UC = %v (%q), want 1.9 with a child of 15 under the age of 16", uc, v.Valeur)
		}
	})
}

func TestCategorie(t *testing.T) {
	r := model.DefaultRegles()
	tests := []struct {
		name       string
		m          *model.Menage
		cat, extra int
		why        string
	}{
		{"1 person", single(40), 1, 0, "1 personne(s)"},
		{"1 disabled person", household(handi(pers(model.Titulaire, 40))), 2, 0, "handicap"},
		{"2 adults not a young couple", couple(40, 45), 2, 0, "2 personne(s)"},
		{"titulaire and adult ascendant", household(pers(model.Titulaire, 40), pers(model.Ascendant, 70)), 2, 0, "2 personne(s)"},
		{"young couple, ages adding up to exactly 55", couple(27, 28), 3, 0, "jeune ménage (somme des âges 55 ans"},
		{"couple, ages adding up to 56", couple(28, 28), 2, 0, "2 personne(s)"},
		{"young couple whose ages reach 56 tomorrow",
			household(pers(model.Titulaire, 27), model.Personne{Lien: model.Conjoint, Nom: "D", DateNaissance: model.NewDate(1998, 11, 23)}), 3, 0, "jeune ménage"},
		{"single parent + 1 child", single(35, 8), 3, 0, "personne seule avec 1 personne(s) à charge"},
		{"2 persons, the titulaire disabled", household(handi(pers(model.Titulaire, 60)), pers(model.Ascendant, 85)), 3, 0, "handicap"},
		{"2 persons, the ascendant disabled", household(pers(model.Titulaire, 45), handi(pers(model.Ascendant, 75))), 3, 0, "handicap"},
		{"couple, one disabled", household(pers(model.Titulaire, 45), handi(pers(model.Conjoint, 50))), 3, 0, "handicap"},
		{"young couple with one disabled stays 3", household(handi(pers(model.Titulaire, 25)), pers(model.Conjoint, 25)), 3, 0, "handicap"},
		{"single parent with one child aged 25 (not a dependant)", single(50, 25), 2, 0, "2 personne(s)"},
		{"couple + 1 child", couple(40, 40, 10), 3, 0, "3 personne(s)"},
		{"single + 2 children", single(35, 5, 8), 4, 0, "personne seule avec 2 personne(s) à charge"},
		{"3 persons with one disabled", household(pers(model.Titulaire, 40), pers(model.Conjoint, 40), handi(pers(model.Enfant, 10))), 4, 0, "handicap"},
		{"single parent + disabled child counts once", household(pers(model.Titulaire, 40), handi(pers(model.Enfant, 10))), 3, 0, "handicap"},
		{"couple + 2 children", couple(40, 40, 5, 8), 4, 0, "4 personne(s)"},
		{"single + 3 children", single(40, 5, 8, 12), 5, 0, "personne seule avec 3"},
		{"couple + 3 children", couple(40, 40, 5, 8, 12), 5, 0, "5 personne(s)"},
		{"4 persons with one disabled", household(pers(model.Titulaire, 40), pers(model.Conjoint, 40), pers(model.Enfant, 5), handi(pers(model.Enfant, 8))), 5, 0, "handicap"},
		{"single + 4 children", single(40, 2, 5, 8, 12), 6, 0, "personne seule avec 4"},
		{"couple + 4 children", couple(40, 40, 2, 5, 8, 12), 6, 0, "6 personne(s)"},
		{"5 persons with one disabled", household(pers(model.Titulaire, 40), pers(model.Conjoint, 40), pers(model.Enfant, 5), pers(model.Enfant, 7), handi(pers(model.Enfant, 8))), 6, 0, "handicap"},
		{"7 persons", couple(40, 40, 1, 3, 5, 8, 12), 6, 1, "7 personne(s)"},
		{"8 persons", couple(40, 40, 1, 3, 5, 8, 12, 15), 6, 2, "8 personne(s)"},
		{"6 persons with one disabled", household(pers(model.Titulaire, 40), pers(model.Conjoint, 40), pers(model.Enfant, 1), pers(model.Enfant, 5), pers(model.Enfant, 7), handi(pers(model.Enfant, 8))), 6, 1, "handicap"},
		{"7 persons with one disabled", household(pers(model.Titulaire, 40), pers(model.Conjoint, 40), pers(model.Enfant, 1), pers(model.Enfant, 3), pers(model.Enfant, 5), pers(model.Enfant, 7), handi(pers(model.Enfant, 8))), 6, 2, "handicap"},
		{"no member", household(), 0, 0, "aucun membre"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cat, extra, why := model.Categorie(tc.m, ref, r)
			if cat != tc.cat || extra != tc.extra {
				t.Errorf("Categorie = %d + %d, want %d + %d (%s)", cat, extra, tc.cat, tc.extra, why)
			}
			if !strings.Contains(why, tc.why) {
				t.Errorf("why = %q, want it to contain %q", why, tc.why)
			}
		})
	}
	t.Run("edited young-couple age limit", func(t *testing.T) {
		r := model.DefaultRegles()
		r.AgeJeuneCpl = 60
		if cat, _, _ := model.Categorie(couple(28, 30), ref, r); cat != 3 {
			t.Errorf("couple of 58 years with a limit of 60: category %d, want 3", cat)
		}
	})
}

func TestJoinNonEmpty(t *testing.T) {
	if got := model.JoinNonEmpty(", ", "", "a", "", "b", ""); got != "a, b" {
		t.Errorf("JoinNonEmpty = %q", got)
	}
	if got := model.JoinNonEmpty(", "); got != "" {
		t.Errorf("JoinNonEmpty() = %q", got)
	}
}
