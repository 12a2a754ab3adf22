package model_test

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"logis/model"
)

func TestTauxEffort(t *testing.T) {
	r := model.DefaultRegles()
	eur := model.Euros
	tests := []struct {
		name                 string
		quittance, apl, mens model.Cents
		uc                   float64
		want                 model.Resultat
		solvable             bool
		taux, rav            float64
		valeur               string
		explication          []string
	}{
		{"exactly 35\u00a0% is conforme", eur(700), 0, eur(2000), 1, model.Conforme, true, 0.35, 43.33,
			"taux d'effort 35,0" + nbsp + "% ; reste à vivre 43,33" + nbsp + "€ par UC et par jour",
			[]string{"(loyer et charges 700,00" + nbsp + "€ − APL 0,00" + nbsp + "€) ÷ ressources 2" + nbsp + "000,00" + nbsp + "€ = 35,0" + nbsp + "%", "dans la limite de 35,0" + nbsp + "%"}},
		{"APL brings the effort down to 35\u00a0%", eur(900), eur(200), eur(2000), 1.5, model.Conforme, true, 0.35, 28.89,
			"taux d'effort 35,0" + nbsp + "% ; reste à vivre 28,89" + nbsp + "€ par UC et par jour",
			[]string{"APL 200,00" + nbsp + "€"}},
		{"below 35\u00a0%", eur(500), 0, eur(2000), 1, model.Conforme, true, 0.25, 50, "taux d'effort 25,0" + nbsp + "%", nil},
		{"above 35\u00a0% with reste à vivre above 20 € is examinable", eur(800), 0, eur(2000), 1, model.Conforme, true, 0.40, 40,
			"taux d'effort 40,0" + nbsp + "% ; reste à vivre 40,00" + nbsp + "€ par UC et par jour",
			[]string{"au-delà de 35,0" + nbsp + "%", "(2" + nbsp + "000,00" + nbsp + "€ − 800,00" + nbsp + "€) ÷ 1,00\u00a0UC ÷ 30 jours = 40,00" + nbsp + "€", "peut être examinée"}},
		{"above 35\u00a0% with reste à vivre of exactly 20 € is an alert", eur(800), 0, eur(1400), 1, model.Alerte, false, 800.0 / 1400, 20,
			"taux d'effort 57,1" + nbsp + "% ; reste à vivre 20,00" + nbsp + "€ par UC et par jour",
			[]string{"au-delà de 35,0" + nbsp + "%", "= 20,00" + nbsp + "€, pas plus de 20,00" + nbsp + "€"}},
		{"above 35\u00a0% with reste à vivre of 20,01 € is examinable", eur(800), 0, eur(1400) + 30, 1, model.Conforme, true, 80000.0 / 140030, 20.01,
			"reste à vivre 20,01" + nbsp + "€", []string{"peut être examinée"}},
		{"reste à vivre of exactly 20 € per UC with 1.5\u00a0UC", eur(1100), 0, eur(2000), 1.5, model.Alerte, false, 0.55, 20,
			"reste à vivre 20,00" + nbsp + "€", []string{"1,50\u00a0UC"}},
		{"rent above resources", eur(1200), 0, eur(1000), 1, model.Alerte, false, 1.2, -200.0 / 30,
			"taux d'effort 120,0" + nbsp + "%", nil},
		{"APL larger than the rent counts no negative expense", eur(500), eur(600), eur(1000), 2, model.Conforme, true, 0, 1000.0 / 2 / 30,
			"taux d'effort 0,0" + nbsp + "% ; reste à vivre 16,67" + nbsp + "€", []string{"APL 600,00" + nbsp + "€"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := model.TauxEffort(tc.quittance, tc.apl, tc.mens, tc.uc, r)
			wantResultat(t, e.Verdict, tc.want)
			if e.Solvable != tc.solvable {
				t.Errorf("Solvable = %v", e.Solvable)
			}
			if math.Abs(e.Taux-tc.taux) > 1e-9 {
				t.Errorf("Taux = %v, want %v", e.Taux, tc.taux)
			}
			if math.Abs(e.ResteAVivreUCJour-tc.rav) > 0.005 {
				t.Errorf("ResteAVivreUCJour = %v, want %v", e.ResteAVivreUCJour, tc.rav)
			}
			if !strings.Contains(e.Valeur, tc.valeur) {
				t.Errorf("Valeur = %q, want it to contain %q", e.Valeur, tc.valeur)
			}
			for _, x := range tc.explication {
				if !strings.Contains(e.Explication, x) {
					t.Errorf("Explication = %q\nwant it to contain %q", e.Explication, x)
				}
			}
			if want := "taux d'effort au plus 35,0" + nbsp + "%, ou reste à vivre supérieur à 20,00" + nbsp + "€ par UC et par jour"; e.Seuil != want {
				t.Errorf("Seuil = %q", e.Seuil)
			}
			if e.Regle != "taux_effort" || e.Source != model.SourceEffort {
				t.Errorf("Regle %q Source %q", e.Regle, e.Source)
			}
		})
	}
	for _, tc := range []struct {
		name string
		mens model.Cents
		uc   float64
	}{
		{"zero resources is incomplete", 0, 1.5},
		{"negative resources is incomplete", -100, 1.5},
		{"zero UC is incomplete", eur(2000), 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := model.TauxEffort(eur(700), eur(100), tc.mens, tc.uc, r)
			wantResultat(t, e.Verdict, model.Incomplet)
			if e.Solvable || !math.IsNaN(e.Taux) || !math.IsNaN(e.ResteAVivreUCJour) {
				t.Errorf("Solvable %v, Taux %v, RAV %v; want false, NaN, NaN", e.Solvable, e.Taux, e.ResteAVivreUCJour)
			}
			if !strings.Contains(e.Valeur, "dépense nette 600,00"+nbsp+"€") {
				t.Errorf("Valeur = %q", e.Valeur)
			}
		})
	}
	t.Run("edited thresholds are used", func(t *testing.T) {
		r := model.DefaultRegles()
		r.TauxEffortMax, r.ResteAVivreMinUCJour = 0.30, model.Euros(45)
		e := model.TauxEffort(eur(660), 0, eur(2000), 1, r) // 33 %, 44,67 €
		wantResultat(t, e.Verdict, model.Alerte)
		if !strings.Contains(e.Seuil, "30,0"+nbsp+"%") || !strings.Contains(e.Seuil, "45,00"+nbsp+"€") {
			t.Errorf("Seuil = %q", e.Seuil)
		}
		r.JoursParMois = 28 // 1 340 / 28 = 47,86 €
		wantResultat(t, model.TauxEffort(eur(660), 0, eur(2000), 1, r).Verdict, model.Conforme)
	})
}

// ceilingHousehold returns a household of category cat (1 to 6, then 7 and
// 8 persons for 6 + 1 and 6 + 2), made of a couple and children, never
// young, never disabled.
func ceilingHousehold(persons int) *model.Menage {
	if persons == 1 {
		return single(40)
	}
	children := make([]int, persons-2)
	for i := range children {
		children[i] = 2 + i
	}
	return couple(40, 42, children...)
}

func TestPlafondRessources(t *testing.T) {
	r := model.DefaultRegles()
	communes := map[model.Zone][]string{
		model.ZoneParisLimitrophes: {"Gentilly"},
		model.ZoneResteIDF:         {"Arcueil", "Cachan", "Villejuif", "Vitry-sur-Seine"},
	}
	for _, c := range domainCeilings {
		for _, fin := range []model.Financement{c.fin, model.PLS} {
			if fin == model.PLS && c.fin != model.PLUS {
				continue
			}
			for _, commune := range communes[c.zone] {
				for persons := 1; persons <= 8; persons++ {
					// Expected ceiling in cents, from the table of DOMAIN.md.
					cat, extra := persons, 0
					if persons > 6 {
						cat, extra = 6, persons-6
					}
					want := model.Euros(c.cats[cat-1] + int64(extra)*c.cats[6])
					if fin == model.PLS {
						want = model.Cents(int64(want) * 130 / 100) // PLS = PLUS × 1.30
					}
					name := fmt.Sprintf("%s %s %d person(s)", fin, commune, persons)
					t.Run(name+": exactly at the ceiling is within", func(t *testing.T) {
						m := ceilingHousehold(persons)
						m.Ressources.RevenuFiscal = want
						p := model.PlafondRessources(m, fin, commune, ref, r)
						wantResultat(t, p.Verdict, model.Conforme)
						if p.Montant != want || p.Categorie != cat || p.Revenu != want {
							t.Errorf("Montant %s (want %s), Categorie %d (want %d), Revenu %s", p.Montant, want, p.Categorie, cat, p.Revenu)
						}
						if !strings.Contains(p.Seuil, c.zone.Label()) || !strings.Contains(p.Seuil, want.Amount()) || !strings.Contains(p.Seuil, fmt.Sprintf("plafond %s 2026", fin)) {
							t.Errorf("Seuil = %q", p.Seuil)
						}
						if extra > 0 && !strings.Contains(p.Seuil, fmt.Sprintf("catégorie 6 + %d personne(s) supplémentaire(s)", extra)) {
							t.Errorf("Seuil = %q, want the extra persons", p.Seuil)
						}
					})
					t.Run(name+": one euro above is above", func(t *testing.T) {
						m := ceilingHousehold(persons)
						m.Ressources.RevenuFiscal = want + model.Euros(1)
						p := model.PlafondRessources(m, fin, commune, ref, r)
						wantResultat(t, p.Verdict, model.Alerte)
						if !strings.Contains(p.Explication, "au-dessus du plafond") {
							t.Errorf("Explication = %q", p.Explication)
						}
					})
				}
			}
		}
	}

	t.Run("cat 3 PLUS is 52 740 € in Gentilly and 48 362 € in Arcueil", func(t *testing.T) {
		m := ceilingHousehold(3)
		m.Ressources.RevenuFiscal = model.Euros(50000)
		g := model.PlafondRessources(m, model.PLUS, "Gentilly", ref, r)
		a := model.PlafondRessources(m, model.PLUS, "Arcueil", ref, r)
		wantResultat(t, g.Verdict, model.Conforme)
		wantResultat(t, a.Verdict, model.Alerte)
		if g.Montant != model.Euros(52740) || a.Montant != model.Euros(48362) {
			t.Errorf("Gentilly %s, Arcueil %s", g.Montant, a.Montant)
		}
		if want := "plafond PLUS 2026, Paris et communes limitrophes, catégorie 3 : 52" + nbsp + "740" + nbsp + "€"; g.Seuil != want {
			t.Errorf("Seuil = %q, want %q", g.Seuil, want)
		}
		if want := "revenu fiscal de référence N-2 : 50" + nbsp + "000" + nbsp + "€"; a.Valeur != want {
			t.Errorf("Valeur = %q, want %q", a.Valeur, want)
		}
	})

	t.Run("category follows the household: a disabled person alone is category 2", func(t *testing.T) {
		m := household(handi(pers(model.Titulaire, 50)))
		m.Ressources.RevenuFiscal = model.Euros(30000)
		p := model.PlafondRessources(m, model.PLUS, "Cachan", ref, r)
		wantResultat(t, p.Verdict, model.Conforme)
		if p.Categorie != 2 || p.Montant != model.Euros(40233) {
			t.Errorf("Categorie %d, Montant %s", p.Categorie, p.Montant)
		}
	})

	n1 := []struct {
		name       string
		rfr, n1    int64 // euros
		revenu     int64
		want       model.Resultat
		usesN1Text bool
	}{
		{"N-1 exactly 10\u00a0% lower is used", 29000, 26100, 26100, model.Conforme, true},
		{"N-1 less than 10\u00a0% lower is not used", 29000, 26101, 29000, model.Alerte, false},
		{"N-1 much lower is used", 40000, 20000, 20000, model.Conforme, true},
		{"N-1 higher is not used", 20000, 30000, 20000, model.Conforme, false},
		{"no N-1", 29000, 0, 29000, model.Alerte, false},
	}
	for _, tc := range n1 {
		t.Run(tc.name, func(t *testing.T) {
			m := single(40) // category 1: 26 920 €
			m.Ressources.RevenuFiscal, m.Ressources.RevenuN1 = model.Euros(tc.rfr), model.Euros(tc.n1)
			p := model.PlafondRessources(m, model.PLUS, "Villejuif", ref, r)
			wantResultat(t, p.Verdict, tc.want)
			if p.Revenu != model.Euros(tc.revenu) {
				t.Errorf("Revenu = %s, want %d €", p.Revenu, tc.revenu)
			}
			if got := strings.Contains(p.Valeur, "ressources N-1"); got != tc.usesN1Text {
				t.Errorf("Valeur = %q", p.Valeur)
			}
		})
	}

	incomplete := []struct {
		name    string
		m       *model.Menage
		fin     model.Financement
		commune string
		at      model.Date
		expl    string
	}{
		{"unknown commune", single(40), model.PLUS, "Paris", ref, "« Paris » n'a pas de zone de plafonds"},
		{"empty commune", single(40), model.PLUS, "", ref, "n'a pas de zone"},
		{"PLI without table", single(40), model.PLI, "Arcueil", ref, "Données manquantes : plafonds 2026 non saisis (PLI"},
		{"year without table", single(40), model.PLUS, "Arcueil", model.NewDate(2023, 12, 31), "Données manquantes : plafonds 2023 non saisis (PLUS"},
		// R.441-1: the table of the review's year, never the previous one.
		{"15/01/2027 without a 2027 table", single(40), model.PLUS, "Arcueil", model.NewDate(2027, 1, 15), "Données manquantes : plafonds 2027 non saisis"},
		{"no member", household(), model.PLUS, "Arcueil", ref, "catégorie du ménage est inconnue"},
	}
	for _, tc := range incomplete {
		t.Run(tc.name+" is incomplete", func(t *testing.T) {
			tc.m.Ressources.RevenuFiscal = model.Euros(10000)
			p := model.PlafondRessources(tc.m, tc.fin, tc.commune, tc.at, r)
			wantResultat(t, p.Verdict, model.Incomplet)
			if !strings.Contains(p.Explication, tc.expl) {
				t.Errorf("Explication = %q, want %q", p.Explication, tc.expl)
			}
			if p.Montant != 0 {
				t.Errorf("Montant = %s", p.Montant)
			}
		})
	}

	t.Run("each year its own official table", func(t *testing.T) {
		// A single person with 26 500 €: above the 2024 ceiling (26 044 €),
		// under the 2025 one (26 687 €).
		m := single(40)
		m.Ressources.RevenuFiscal = model.Euros(26500)
		p := model.PlafondRessources(m, model.PLUS, "Arcueil", model.NewDate(2025, 6, 16), r)
		wantResultat(t, p.Verdict, model.Conforme)
		if p.Montant != model.Euros(26687) || !strings.Contains(p.Seuil, "PLUS 2025") {
			t.Errorf("16/06/2025: Montant %s Seuil %q", p.Montant, p.Seuil)
		}
		p = model.PlafondRessources(m, model.PLUS, "Arcueil", model.NewDate(2024, 12, 31), r)
		wantResultat(t, p.Verdict, model.Alerte)
		if p.Montant != model.Euros(26044) {
			t.Errorf("31/12/2024: Montant %s", p.Montant)
		}
	})
	t.Run("a year without a table says données manquantes", func(t *testing.T) {
		m := single(40)
		m.Ressources.RevenuFiscal = model.Euros(10000)
		p := model.PlafondRessources(m, model.PLUS, "Arcueil", model.NewDate(2027, 1, 15), r)
		if p.Valeur != "données manquantes : plafonds 2027 non saisis" || p.Montant != 0 {
			t.Errorf("Valeur %q Montant %s", p.Valeur, p.Montant)
		}
	})
	t.Run("derived PLAI figures say so", func(t *testing.T) {
		m := single(40)
		m.Ressources.RevenuFiscal = model.Euros(10000)
		p := model.PlafondRessources(m, model.PLAI, "Arcueil", ref, r)
		if !strings.Contains(p.Seuil, "dérivé, non officiel") || !strings.Contains(p.Explication, "dérivés, non officiels") {
			t.Errorf("Seuil %q Explication %q", p.Seuil, p.Explication)
		}
		if p := model.PlafondRessources(m, model.PLUS, "Arcueil", ref, r); strings.Contains(p.Explication, "dérivé") {
			t.Errorf("official PLUS said derived: %q", p.Explication)
		}
	})
	t.Run("commune spelling does not matter", func(t *testing.T) {
		m := single(40)
		m.Ressources.RevenuFiscal = model.Euros(26920)
		wantResultat(t, model.PlafondRessources(m, model.PLUS, "VITRY SUR SEINE", ref, r).Verdict, model.Conforme)
	})
	t.Run("an edited table changes the verdict", func(t *testing.T) {
		r := model.DefaultRegles()
		r.Baremes[5].Categories[0] = model.Euros(25000) // PLUS 2026 rest of IdF, category 1
		m := single(40)
		m.Ressources.RevenuFiscal = model.Euros(26000)
		wantResultat(t, model.PlafondRessources(m, model.PLUS, "Arcueil", ref, r).Verdict, model.Alerte)
		wantResultat(t, model.PlafondRessources(m, model.PLUS, "Gentilly", ref, r).Verdict, model.Conforme)
	})
}

func TestRessourcesParUC(t *testing.T) {
	m := couple(40, 40, 5)
	m.Ressources.RevenuFiscal = model.Euros(18000)
	if got := model.RessourcesParUC(m, 1.8); got != model.Euros(10000) {
		t.Errorf("RessourcesParUC = %s, want 10 000 €", got)
	}
	if got := model.RessourcesParUC(m, 0); got != 0 {
		t.Errorf("RessourcesParUC with 0\u00a0UC = %s", got)
	}
}
