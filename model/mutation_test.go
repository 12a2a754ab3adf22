package model_test

import (
	"strings"
	"testing"

	"logis/model"
)

// tenant returns a household of a couple and one child renting a T3 of
// 3 rooms and 60 m² since 2020, meeting every transfer condition, with
// its active application.
func tenant() (*model.Menage, *model.Demande, *model.Logement) {
	m := couple(40, 38, 10)
	m.Bail = &model.Bail{Logement: "ARC-0101", DateEntree: model.NewDate(2020, 3, 15), VisiteFaite: true, DateVisite: model.NewDate(2026, 10, 5)}
	d := &model.Demande{NUR: "1111023517879GDPUB", Menage: m.ID, DateDepot: model.NewDate(2025, 1, 10), Active: true}
	l := &model.Logement{Reference: "ARC-0101", Commune: "Arcueil", Typologie: 3, Pieces: 3, Surface: 60, Financement: model.PLUS}
	return m, d, l
}

// condition returns the verdict of one condition by its code.
func condition(t *testing.T, mu model.Mutation, code string) model.Verdict {
	t.Helper()
	for _, v := range mu.Conditions {
		if string(v.Regle) == code {
			return v
		}
	}
	t.Fatalf("no condition %q in %+v", code, mu.Conditions)
	return model.Verdict{}
}

var mutationConditions = []string{"demande_active", "anciennete", "impayes", "visite", "troubles", "violence"}

func TestConditionsMutation(t *testing.T) {
	r := model.DefaultRegles()

	t.Run("all conditions met", func(t *testing.T) {
		m, d, l := tenant()
		mu := model.ConditionsMutation(m, d, l, ref, r)
		wantResultat(t, mu.Verdict, model.Conforme)
		if len(mu.Conditions) != len(mutationConditions) {
			t.Fatalf("%d conditions, want %d", len(mu.Conditions), len(mutationConditions))
		}
		for i, v := range mu.Conditions {
			if string(v.Regle) != mutationConditions[i] {
				t.Errorf("condition %d is %q, want %q (the policy's order)", i, v.Regle, mutationConditions[i])
			}
			wantResultat(t, v, model.Conforme)
		}
		if len(mu.Motifs) != 0 {
			t.Errorf("Motifs = %q, want none", mu.Motifs)
		}
		if a := condition(t, mu, "anciennete"); a.Valeur != "80 mois" {
			t.Errorf("seniority Valeur = %q", a.Valeur)
		}
		if v := condition(t, mu, "visite"); v.Valeur != "faite le 05/10/2026" {
			t.Errorf("visit Valeur = %q", v.Valeur)
		}
	})

	alone := []struct {
		name  string
		edit  func(m *model.Menage, d **model.Demande)
		code  string
		title string
	}{
		{"inactive application", func(m *model.Menage, d **model.Demande) { (*d).Active = false }, "demande_active", "demande active"},
		{"no application", func(m *model.Menage, d **model.Demande) { *d = nil }, "demande_active", "demande active"},
		{"11 months in the dwelling", func(m *model.Menage, d **model.Demande) { m.Bail.DateEntree = model.NewDate(2025, 11, 23) }, "anciennete", "un an dans le logement"},
		{"arrears without CESF report", func(m *model.Menage, d **model.Demande) { m.Bail.Impayes = true }, "impayes", "pas d'impayé"},
		{"no prior home visit", func(m *model.Menage, d **model.Demande) { m.Bail.VisiteFaite, m.Bail.DateVisite = false, 0 }, "visite", "visite préalable du logement"},
		{"neighbourhood troubles", func(m *model.Menage, d **model.Demande) { m.Bail.Troubles = true }, "troubles", "pas de troubles de voisinage"},
		{"violent behaviour blocks the transfer", func(m *model.Menage, d **model.Demande) { m.Bail.ComportementViolent = true }, "violence", "pas de comportement violent"},
	}
	for _, tc := range alone {
		t.Run(tc.name+" fails alone", func(t *testing.T) {
			m, d, l := tenant()
			tc.edit(m, &d)
			mu := model.ConditionsMutation(m, d, l, ref, r)
			wantResultat(t, mu.Verdict, model.Alerte)
			for _, v := range mu.Conditions {
				want := model.Conforme
				if string(v.Regle) == tc.code {
					want = model.Alerte
				}
				wantResultat(t, v, want)
			}
			if mu.Valeur != "1 condition(s) non remplie(s)" {
				t.Errorf("Valeur = %q", mu.Valeur)
			}
			if want := "Conditions non remplies : " + tc.title + "."; mu.Explication != want {
				t.Errorf("Explication = %q, want %q", mu.Explication, want)
			}
		})
	}

	t.Run("exactly 12 months in the dwelling is enough", func(t *testing.T) {
		m, d, l := tenant()
		m.Bail.DateEntree = model.NewDate(2025, 11, 22)
		mu := model.ConditionsMutation(m, d, l, ref, r)
		wantResultat(t, condition(t, mu, "anciennete"), model.Conforme)
		wantResultat(t, mu.Verdict, model.Conforme)
	})

	t.Run("several failures are all listed", func(t *testing.T) {
		m, d, l := tenant()
		m.Bail.Troubles, m.Bail.ComportementViolent, d.Active = true, true, false
		mu := model.ConditionsMutation(m, d, l, ref, r)
		wantResultat(t, mu.Verdict, model.Alerte)
		if mu.Valeur != "3 condition(s) non remplie(s)" {
			t.Errorf("Valeur = %q", mu.Valeur)
		}
		for _, x := range []string{"demande active", "pas de troubles de voisinage", "pas de comportement violent"} {
			if !strings.Contains(mu.Explication, x) {
				t.Errorf("Explication %q lacks %q", mu.Explication, x)
			}
		}
	})

	t.Run("seniority under 12 months is waived by sous-occupation", func(t *testing.T) {
		m, d, l := tenant()
		m.Personnes = m.Personnes[:1] // one person in 3 rooms
		m.Bail.DateEntree = model.NewDate(2026, 5, 22)
		mu := model.ConditionsMutation(m, d, l, ref, r)
		a := condition(t, mu, "anciennete")
		wantResultat(t, a, model.Conforme)
		if !strings.Contains(a.Explication, "ne peut pas être opposée") {
			t.Errorf("Explication = %q", a.Explication)
		}
		wantResultat(t, mu.Verdict, model.Conforme)
		if len(mu.Motifs) != 1 || mu.Motifs[0] != "sous-occupation" {
			t.Errorf("Motifs = %q", mu.Motifs)
		}
		if !strings.Contains(mu.Explication, "Motifs de priorité : sous-occupation.") {
			t.Errorf("Explication = %q", mu.Explication)
		}
	})

	t.Run("seniority under 12 months is waived by critical sur-occupation", func(t *testing.T) {
		m, d, l := tenant()
		m.Personnes = append(m.Personnes, pers(model.Enfant, 3)) // 4 persons
		l.Surface = 33.99                                        // below 34 m²
		l.Typologie, l.Pieces = 4, 4                             // not over-occupied by typology
		m.Bail.DateEntree = model.NewDate(2026, 8, 1)
		mu := model.ConditionsMutation(m, d, l, ref, r)
		wantResultat(t, condition(t, mu, "anciennete"), model.Conforme)
		wantResultat(t, mu.Verdict, model.Conforme)
		if len(mu.Motifs) != 1 || mu.Motifs[0] != "sur-occupation critique" {
			t.Errorf("Motifs = %q", mu.Motifs)
		}
	})

	t.Run("seniority under 12 months is NOT waived by ordinary sur-occupation", func(t *testing.T) {
		m, d, l := tenant()
		m.Personnes = append(m.Personnes, pers(model.Enfant, 3)) // couple + 2 children
		l.Typologie, l.Pieces, l.Surface = 2, 2, 50              // T2: over-occupied, 50 m² ≥ 34
		m.Bail.DateEntree = model.NewDate(2026, 8, 1)
		mu := model.ConditionsMutation(m, d, l, ref, r)
		a := condition(t, mu, "anciennete")
		wantResultat(t, a, model.Alerte)
		if a.Valeur != "3 mois" {
			t.Errorf("Valeur = %q", a.Valeur)
		}
		wantResultat(t, mu.Verdict, model.Alerte)
		if len(mu.Motifs) != 1 || mu.Motifs[0] != "sur-occupation" {
			t.Errorf("Motifs = %q", mu.Motifs)
		}
	})

	t.Run("arrears with a CESF report are accepted", func(t *testing.T) {
		m, d, l := tenant()
		m.Bail.Impayes, m.Bail.RapportCESF = true, true
		mu := model.ConditionsMutation(m, d, l, ref, r)
		i := condition(t, mu, "impayes")
		wantResultat(t, i, model.Conforme)
		if !strings.Contains(i.Explication, "CESF") {
			t.Errorf("Explication = %q", i.Explication)
		}
		wantResultat(t, mu.Verdict, model.Conforme)
		if len(mu.Motifs) != 1 || mu.Motifs[0] != "prévention des impayés" {
			t.Errorf("Motifs = %q", mu.Motifs)
		}
	})

	t.Run("a CESF report without arrears is no priority", func(t *testing.T) {
		m, d, l := tenant()
		m.Bail.RapportCESF = true
		if mu := model.ConditionsMutation(m, d, l, ref, r); len(mu.Motifs) != 0 {
			t.Errorf("Motifs = %q", mu.Motifs)
		}
	})

	t.Run("violent behaviour blocks even with every priority", func(t *testing.T) {
		m, d, l := tenant()
		m.Personnes = m.Personnes[:1]
		m.Personnes[0].Handicap = true
		m.Bail.ComportementViolent = true
		mu := model.ConditionsMutation(m, d, l, ref, r)
		wantResultat(t, mu.Verdict, model.Alerte)
		wantResultat(t, condition(t, mu, "violence"), model.Alerte)
		if !strings.Contains(condition(t, mu, "violence").Explication, "bloque la mutation") {
			t.Errorf("violence Explication = %q", condition(t, mu, "violence").Explication)
		}
	})

	t.Run("priority grounds in the policy's order", func(t *testing.T) {
		m, d, l := tenant()
		m.Personnes = m.Personnes[:1]
		m.Personnes[0].Handicap = true
		m.Bail.Impayes, m.Bail.RapportCESF = true, true
		d.RelogementTravaux, d.RenouvellementUrbain = true, true
		mu := model.ConditionsMutation(m, d, l, ref, r)
		want := []string{"sous-occupation", "situation de handicap", "prévention des impayés", "relogement pour travaux de l'Office", "relogement issu d'une opération de renouvellement urbain"}
		if strings.Join(mu.Motifs, "|") != strings.Join(want, "|") {
			t.Errorf("Motifs = %q, want %q", mu.Motifs, want)
		}
	})

	t.Run("refusal of an adapted offer less than a year ago is mentioned", func(t *testing.T) {
		m, d, l := tenant()
		d.RefusAdapte = model.NewDate(2026, 5, 2)
		mu := model.ConditionsMutation(m, d, l, ref, r)
		if !strings.Contains(mu.Explication, "Refus d'une proposition adaptée le 02/05/2026") || !strings.Contains(mu.Explication, "12 mois") {
			t.Errorf("Explication = %q", mu.Explication)
		}
	})
	t.Run("refusal a year ago or more is no longer mentioned", func(t *testing.T) {
		m, d, l := tenant()
		d.RefusAdapte = model.NewDate(2025, 11, 22)
		if mu := model.ConditionsMutation(m, d, l, ref, r); strings.Contains(mu.Explication, "Refus") {
			t.Errorf("Explication = %q", mu.Explication)
		}
	})

	notTenant := []struct {
		name string
		edit func(m *model.Menage, l **model.Logement)
	}{
		{"no lease", func(m *model.Menage, l **model.Logement) { m.Bail = nil }},
		{"lease without dwelling", func(m *model.Menage, l **model.Logement) { m.Bail.Logement = "" }},
		{"current dwelling unknown", func(m *model.Menage, l **model.Logement) { *l = nil }},
	}
	for _, tc := range notTenant {
		t.Run(tc.name+": not a tenant is NonApplicable", func(t *testing.T) {
			m, d, l := tenant()
			tc.edit(m, &l)
			mu := model.ConditionsMutation(m, d, l, ref, r)
			wantResultat(t, mu.Verdict, model.NonApplicable)
			if len(mu.Conditions) != 0 || mu.Valeur != "pas locataire de l'Office" {
				t.Errorf("Conditions %d, Valeur %q", len(mu.Conditions), mu.Valeur)
			}
		})
	}

	t.Run("an edited seniority is used", func(t *testing.T) {
		r := model.DefaultRegles()
		r.AncienneteMutationMois = 6
		m, d, l := tenant()
		m.Bail.DateEntree = model.NewDate(2026, 5, 22)
		mu := model.ConditionsMutation(m, d, l, ref, r)
		wantResultat(t, condition(t, mu, "anciennete"), model.Conforme)
		if !strings.Contains(condition(t, mu, "anciennete").Seuil, "au moins 6 mois") {
			t.Errorf("Seuil = %q", condition(t, mu, "anciennete").Seuil)
		}
	})
}
