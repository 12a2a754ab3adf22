package model_test

import (
	"fmt"
	"strings"
	"testing"

	"logis/model"
)

func TestSousOccupation(t *testing.T) {
	tests := []struct {
		name              string
		pieces, personnes int
		want              model.Resultat
	}{
		{"rooms = occupants + 1 is not under-occupied", 3, 2, model.Conforme},
		{"rooms = occupants + 2 is under-occupied", 4, 2, model.Alerte},
		{"rooms = occupants is not under-occupied", 2, 2, model.Conforme},
		{"fewer rooms than occupants is not under-occupied", 2, 5, model.Conforme},
		{"single person in 2 rooms", 2, 1, model.Conforme},
		{"single person in 3 rooms", 3, 1, model.Alerte},
		{"5 rooms for 2", 5, 2, model.Alerte},
		{"no occupant recorded", 3, 0, model.Incomplet},
		{"no rooms recorded", 0, 2, model.Incomplet},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := model.SousOccupation(tc.pieces, tc.personnes, 0)
			wantResultat(t, v, tc.want)
			if v.Regle != "sous_occupation" || v.Source != model.SourceSousOccupation {
				t.Errorf("Regle %q, Source %q", v.Regle, v.Source)
			}
			if want := fmt.Sprintf("%d pièce(s) pour %d occupant(s)", tc.pieces, tc.personnes); v.Valeur != want {
				t.Errorf("Valeur = %q, want %q", v.Valeur, want)
			}
			if want := fmt.Sprintf("plus de %d pièces", tc.personnes+1); !strings.Contains(v.Seuil, want) {
				t.Errorf("Seuil = %q, want %q", v.Seuil, want)
			}
			if v.Flag() != (tc.want == model.Alerte) {
				t.Errorf("Flag() = %v", v.Flag())
			}
		})
	}
}

func TestSurOccupationCritique(t *testing.T) {
	r := model.DefaultRegles()
	// DOMAIN.md: below 9 m² (1 person), 16 (2), 25 (3), 34 (4), 43 (5), 52 (6), 61 (7), 70 (8 and more).
	thresholds := map[int]float64{1: 9, 2: 16, 3: 25, 4: 34, 5: 43, 6: 52, 7: 61, 8: 70, 9: 70, 12: 70}
	for n, min := range thresholds {
		t.Run(fmt.Sprintf("%d person(s): exactly %v m² is not over-occupied", n, min), func(t *testing.T) {
			v := model.SurOccupationCritique(min, n, r)
			wantResultat(t, v, model.Conforme)
			if want := fmt.Sprintf("au moins %v\u00a0m² pour %d personne(s)", min, n); v.Seuil != want {
				t.Errorf("Seuil = %q, want %q", v.Seuil, want)
			}
		})
		t.Run(fmt.Sprintf("%d person(s): 0.01\u00a0m² below %v is over-occupied", n, min), func(t *testing.T) {
			v := model.SurOccupationCritique(min-0.01, n, r)
			wantResultat(t, v, model.Alerte)
			if want := model.FormatDecimal(min-0.01, 2, false) + "\u00a0m²"; !strings.HasPrefix(v.Valeur, want) {
				t.Errorf("Valeur = %q, want it to start with %q", v.Valeur, want)
			}
			if !strings.Contains(v.Explication, "sur-occupation critique") {
				t.Errorf("Explication = %q", v.Explication)
			}
		})
	}
	t.Run("French decimals in the figures", func(t *testing.T) {
		v := model.SurOccupationCritique(24.5, 3, r)
		wantResultat(t, v, model.Alerte)
		if v.Valeur != "24,5\u00a0m² pour 3 personne(s)" {
			t.Errorf("Valeur = %q", v.Valeur)
		}
	})
	t.Run("missing surface is incomplete", func(t *testing.T) {
		wantResultat(t, model.SurOccupationCritique(0, 3, r), model.Incomplet)
	})
	t.Run("missing occupants is incomplete", func(t *testing.T) {
		wantResultat(t, model.SurOccupationCritique(40, 0, r), model.Incomplet)
	})
	t.Run("an edited table changes the verdict", func(t *testing.T) {
		r := model.DefaultRegles()
		r.SurfacesMin = []float64{10, 20, 30}
		wantResultat(t, model.SurOccupationCritique(9.5, 1, r), model.Alerte)
		wantResultat(t, model.SurOccupationCritique(29, 5, r), model.Alerte) // last row applies beyond
		wantResultat(t, model.SurOccupationCritique(30, 5, r), model.Conforme)
	})
}

// compo builds the composition of a couple or single head plus `autres` children.
func compo(isCouple bool, autres int, r *model.Regles) model.Composition {
	ages := make([]int, autres)
	for i := range ages {
		ages[i] = 2 + i
	}
	if isCouple {
		return model.Compose(couple(40, 40, ages...), ref, r)
	}
	return model.Compose(single(40, ages...), ref, r)
}

func TestSurOccupationTypologie(t *testing.T) {
	r := model.DefaultRegles()
	tests := []struct {
		name      string
		couple    bool
		autres    int
		typologie int
		want      model.Resultat
		seuil     string
	}{
		{"couple without child in T1 is not over-occupied", true, 0, 1, model.Conforme, "T1 ou T2"},
		{"couple without child in T2", true, 0, 2, model.Conforme, "T1 ou T2"},
		{"single without child in T1", false, 0, 1, model.Conforme, "T1 ou T2"},
		{"single without child in T4 is not over-occupied", false, 0, 4, model.Conforme, "T1 ou T2"},
		{"couple + 1 child in T2 is over-occupied", true, 1, 2, model.Alerte, "T3"},
		{"couple + 1 child in T3", true, 1, 3, model.Conforme, "T3"},
		{"single + 1 child in T2 is over-occupied", false, 1, 2, model.Alerte, "T3"},
		{"couple + 2 children in T3 is not over-occupied", true, 2, 3, model.Conforme, "T3 ou T4"},
		{"couple + 2 children in T2 is over-occupied", true, 2, 2, model.Alerte, "T3 ou T4"},
		{"single + 2 children in T3", false, 2, 3, model.Conforme, "T3 ou T4"},
		{"single + 3 children in T3 is over-occupied", false, 3, 3, model.Alerte, "T4 et +"},
		{"single + 3 children in T4", false, 3, 4, model.Conforme, "T4 et +"},
		{"couple + 4 children in T3 is over-occupied", true, 4, 3, model.Alerte, "T4 et +"},
		{"couple + 4 children in T4", true, 4, 4, model.Conforme, "T4 et +"},
		{"couple + 5 children in T4 is over-occupied", true, 5, 4, model.Alerte, "T5 et +"},
		{"couple + 5 children in T5", true, 5, 5, model.Conforme, "T5 et +"},
		{"couple + 7 children in T6", true, 7, 6, model.Conforme, "T5 et +"},
		{"no typology recorded", true, 2, 0, model.Incomplet, "T3 ou T4"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := compo(tc.couple, tc.autres, r)
			v := model.SurOccupationTypologie(tc.typologie, c, r)
			wantResultat(t, v, tc.want)
			if want := "typologies adaptées : " + tc.seuil; v.Seuil != want {
				t.Errorf("Seuil = %q, want %q", v.Seuil, want)
			}
			head := "personne seule"
			if tc.couple {
				head = "couple"
			}
			if tc.typologie > 0 {
				if want := fmt.Sprintf("%s pour %s + %d personne(s)", model.TypologieLabel(tc.typologie), head, tc.autres); v.Valeur != want {
					t.Errorf("Valeur = %q, want %q", v.Valeur, want)
				}
			}
			if v.Regle != "sur_occupation" || v.Source != model.SourceSurOccTypologie {
				t.Errorf("Regle %q, Source %q", v.Regle, v.Source)
			}
		})
	}
	t.Run("empty household is incomplete", func(t *testing.T) {
		wantResultat(t, model.SurOccupationTypologie(3, model.Composition{}, r), model.Incomplet)
	})
	t.Run("an edited table changes the verdict", func(t *testing.T) {
		r := model.DefaultRegles()
		c := compo(true, 2, r)
		wantResultat(t, model.SurOccupationTypologie(3, c, r), model.Conforme)
		r.Typologies[1].Max = 1 // « + 1 enfant » only: a couple + 2 children now needs a T4
		v := model.SurOccupationTypologie(3, c, r)
		wantResultat(t, v, model.Alerte)
		if v.Seuil != "typologies adaptées : T4" {
			t.Errorf("Seuil = %q", v.Seuil)
		}
		r.Typologies[0].TypoMin = 2 // childless households in T2 only
		wantResultat(t, model.SurOccupationTypologie(1, compo(false, 0, r), r), model.Alerte)
	})
	t.Run("a composition the table does not cover is incomplete", func(t *testing.T) {
		r := model.DefaultRegles()
		r.Typologies = r.Typologies[:2] // up to 2 children only
		v := model.SurOccupationTypologie(3, compo(true, 3, r), r)
		wantResultat(t, v, model.Incomplet)
		if !strings.Contains(v.Explication, "Paramètres") {
			t.Errorf("Explication = %q", v.Explication)
		}
	})
}

func TestTypologieAdaptee(t *testing.T) {
	r := model.DefaultRegles()
	tests := []struct {
		name      string
		couple    bool
		autres    int
		typologie int
		want      model.Resultat
	}{
		{"couple in T2 fits", true, 0, 2, model.Conforme},
		{"couple in T3 is too large", true, 0, 3, model.Alerte},
		{"couple + 2 children in T4 fits", true, 2, 4, model.Conforme},
		{"couple + 2 children in T5 is too large", true, 2, 5, model.Alerte},
		{"single + 3 children in T3 is too small", false, 3, 3, model.Alerte},
		{"single + 5 children in T6 fits", false, 5, 6, model.Conforme},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			wantResultat(t, model.TypologieAdaptee(tc.typologie, compo(tc.couple, tc.autres, r), r), tc.want)
		})
	}
	t.Run("empty household is incomplete", func(t *testing.T) {
		wantResultat(t, model.TypologieAdaptee(3, model.Composition{}, r), model.Incomplet)
	})
}

func TestTypologiesAdaptees(t *testing.T) {
	r := model.DefaultRegles()
	tests := []struct {
		autres, min, max, lignes int
	}{
		{0, 1, 2, 1}, {1, 3, 3, 1}, {2, 3, 4, 2}, {3, 4, 99, 2}, {4, 4, 99, 2}, {5, 5, 99, 1}, {9, 5, 99, 1},
	}
	for _, tc := range tests {
		min, max, lignes := model.TypologiesAdaptees(tc.autres, r)
		if min != tc.min || max != tc.max || len(lignes) != tc.lignes {
			t.Errorf("TypologiesAdaptees(%d) = %d, %d, %q; want %d, %d and %d row(s)", tc.autres, min, max, lignes, tc.min, tc.max, tc.lignes)
		}
	}
}

func TestTypologieRange(t *testing.T) {
	tests := []struct {
		min, max int
		want     string
	}{
		{0, 0, "aucune"}, {1, 2, "T1 ou T2"}, {3, 3, "T3"}, {3, 4, "T3 ou T4"},
		{2, 5, "T2 à T5"}, {4, 99, "T4 et +"}, {5, 99, "T5 et +"}, {6, 99, "T6 et +"}, {6, 6, "T6 et +"},
	}
	for _, tc := range tests {
		if got := model.TypologieRange(tc.min, tc.max); got != tc.want {
			t.Errorf("TypologieRange(%d, %d) = %q, want %q", tc.min, tc.max, got, tc.want)
		}
	}
}

func TestLogementAdapte(t *testing.T) {
	r := model.DefaultRegles()
	withHandicap := household(pers(model.Titulaire, 50), handi(pers(model.Enfant, 12)))
	without := household(pers(model.Titulaire, 50), pers(model.Enfant, 12))
	pmr := &model.Logement{Reference: "GEN-001", PMR: true}
	plain := &model.Logement{Reference: "GEN-002"}
	tests := []struct {
		name         string
		l            *model.Logement
		m            *model.Menage
		adapteSans   model.Resultat // LogementAdapteSansHandicap
		handicapSans model.Resultat // HandicapSansLogementAdapte
		valeurAdapte string
		valeurHandi  string
	}{
		{"PMR dwelling, disabled occupant", pmr, withHandicap, model.Conforme, model.Conforme, "logement PMR, occupant handicapé", "occupant handicapé, logement PMR"},
		{"PMR dwelling, no disabled occupant", pmr, without, model.Alerte, model.NonApplicable, "logement PMR, aucun occupant handicapé", "aucun occupant handicapé"},
		{"ordinary dwelling, disabled occupant", plain, withHandicap, model.NonApplicable, model.Alerte, "logement non adapté", "occupant handicapé, logement non adapté"},
		{"ordinary dwelling, no disabled occupant", plain, without, model.NonApplicable, model.NonApplicable, "logement non adapté", "aucun occupant handicapé"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := model.LogementAdapteSansHandicap(tc.l, tc.m, ref, r)
			wantResultat(t, a, tc.adapteSans)
			if a.Valeur != tc.valeurAdapte || a.Seuil == "" || a.Source != model.SourcePMR {
				t.Errorf("LogementAdapteSansHandicap: Valeur %q Seuil %q Source %q", a.Valeur, a.Seuil, a.Source)
			}
			h := model.HandicapSansLogementAdapte(tc.l, tc.m)
			wantResultat(t, h, tc.handicapSans)
			if h.Valeur != tc.valeurHandi || h.Seuil == "" || h.Source != model.SourcePMR {
				t.Errorf("HandicapSansLogementAdapte: Valeur %q Seuil %q Source %q", h.Valeur, h.Seuil, h.Source)
			}
		})
	}
	t.Run("a senior kept at home is pointed out to the commission", func(t *testing.T) {
		v := model.LogementAdapteSansHandicap(pmr, household(pers(model.Titulaire, 78)), ref, r)
		wantResultat(t, v, model.Alerte)
		if !strings.Contains(v.Explication, "65 ans ou plus") || !strings.Contains(v.Explication, "maintien à domicile") {
			t.Errorf("Explication = %q", v.Explication)
		}
	})
	t.Run("no senior, no such mention", func(t *testing.T) {
		v := model.LogementAdapteSansHandicap(pmr, household(pers(model.Titulaire, 64)), ref, r)
		if strings.Contains(v.Explication, "séniors") {
			t.Errorf("Explication = %q", v.Explication)
		}
	})
}
