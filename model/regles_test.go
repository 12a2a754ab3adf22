package model_test

import (
	"testing"

	"logis/model"
)

// domainCeilings is the table of DOMAIN.md (« Resource ceilings … 2026 »),
// in euros, categories 1 to 6 then the amount per additional person. It is
// copied here on purpose: the defaults must match the document.
var domainCeilings = []struct {
	zone model.Zone
	fin  model.Financement
	cats [7]int64
}{
	{model.ZoneParisLimitrophes, model.PLUS, [7]int64{26920, 40233, 52740, 62968, 74919, 84304, 9394}},
	{model.ZoneResteIDF, model.PLUS, [7]int64{26920, 40233, 48362, 57930, 68577, 77171, 8598}},
	{model.ZoneParisLimitrophes, model.PLAI, [7]int64{14811, 24140, 31642, 34637, 41204, 46369, 5165}},
	{model.ZoneResteIDF, model.PLAI, [7]int64{14811, 24140, 29017, 31861, 37719, 42444, 4727}},
}

// officialPLUS is the table of issue 9 (arrêtés of December 2023, 2024 and
// 2025), € per year, categories 1 to 6 then the additional person.
var officialPLUS = []struct {
	annee int
	zone  model.Zone
	cats  [7]int64
}{
	{2024, model.ZoneParisLimitrophes, [7]int64{26044, 38925, 51025, 60921, 72482, 81562, 9089}},
	{2024, model.ZoneResteIDF, [7]int64{26044, 38925, 46789, 56046, 66347, 74662, 8319}},
	{2025, model.ZoneParisLimitrophes, [7]int64{26687, 39885, 52284, 62424, 74271, 83575, 9313}},
	{2025, model.ZoneResteIDF, [7]int64{26687, 39885, 47944, 57429, 67984, 76504, 8524}},
	{2026, model.ZoneParisLimitrophes, [7]int64{26920, 40233, 52740, 62968, 74919, 84304, 9394}},
	{2026, model.ZoneResteIDF, [7]int64{26920, 40233, 48362, 57930, 68577, 77171, 8598}},
}

func TestBaremesOfficiels(t *testing.T) {
	r := model.DefaultRegles()
	for _, o := range officialPLUS {
		b, ok := r.Bareme(o.annee, o.zone, model.PLUS)
		if !ok || b.Derive {
			t.Errorf("PLUS %d %s: ok %v, derived %v", o.annee, o.zone, ok, b.Derive)
			continue
		}
		for i := 0; i < 6; i++ {
			if b.Categories[i] != model.Euros(o.cats[i]) {
				t.Errorf("PLUS %d %s category %d = %s, want %d €", o.annee, o.zone, i+1, b.Categories[i], o.cats[i])
			}
		}
		if b.ParPersonne != model.Euros(o.cats[6]) {
			t.Errorf("PLUS %d %s per person = %s", o.annee, o.zone, b.ParPersonne)
		}
	}
	for _, z := range []model.Zone{model.ZoneParisLimitrophes, model.ZoneResteIDF} {
		if b, ok := r.Bareme(2026, z, model.PLAI); !ok || !b.Derive {
			t.Errorf("PLAI 2026 %s: ok %v, must be marked derived", z, ok)
		}
	}
	t.Run("CompleterOfficiels adds what is missing, changes nothing entered", func(t *testing.T) {
		r := model.DefaultRegles()
		r.Baremes = r.Baremes[4:] // a database of before: 2026 only
		r.Baremes[0].Categories[0] = model.Euros(1)
		if n := r.CompleterOfficiels(); n != 4 {
			t.Errorf("added %d tables, want 4", n)
		}
		if b, _ := r.Bareme(2026, model.ZoneParisLimitrophes, model.PLUS); b.Categories[0] != model.Euros(1) {
			t.Errorf("an entered table was changed: %s", b.Categories[0])
		}
		if _, ok := r.Bareme(2024, model.ZoneResteIDF, model.PLUS); !ok {
			t.Error("2024 not added")
		}
		if n := r.CompleterOfficiels(); n != 0 {
			t.Errorf("second call added %d", n)
		}
	})
}

func TestDefaultRegles_MatchDomain(t *testing.T) {
	r := model.DefaultRegles()
	if err := r.Validate(); err != nil {
		t.Fatalf("the defaults do not validate: %v", err)
	}
	t.Run("thresholds of the policy", func(t *testing.T) {
		if r.TauxEffortMax != 0.35 || r.ResteAVivreMinUCJour != model.Euros(20) || r.JoursParMois != 30 {
			t.Errorf("effort: %v, %v, %d", r.TauxEffortMax, r.ResteAVivreMinUCJour, r.JoursParMois)
		}
		if r.UCPremierAdulte != 1 || r.UCAutre14 != 0.5 || r.UCEnfant != 0.3 || r.AgeUC != 14 {
			t.Errorf("UC: %v, %v, %v, %d", r.UCPremierAdulte, r.UCAutre14, r.UCEnfant, r.AgeUC)
		}
		if r.AgeJeuneCpl != 55 || r.CoefPLS != 1.30 || r.AncienneteMutationMois != 12 || r.NonPrioriteRefusMois != 12 {
			t.Errorf("young couple %d, PLS %v, seniority %d, refusal %d", r.AgeJeuneCpl, r.CoefPLS, r.AncienneteMutationMois, r.NonPrioriteRefusMois)
		}
		if o := r.Objectifs; o.Prioritaires != 0.25 || o.Q1HorsQPV != 0.25 || o.AuDessusQ1EnQPV != 0.50 || o.MutationsInterne != 0.20 {
			t.Errorf("objectives %+v", o)
		}
	})
	t.Run("surfaces of R.822-25", func(t *testing.T) {
		want := []float64{9, 16, 25, 34, 43, 52, 61, 70}
		if len(r.SurfacesMin) != len(want) {
			t.Fatalf("SurfacesMin = %v", r.SurfacesMin)
		}
		for i := range want {
			if r.SurfacesMin[i] != want[i] {
				t.Errorf("SurfacesMin[%d] = %v, want %v", i, r.SurfacesMin[i], want[i])
			}
		}
	})
	t.Run("2026 ceilings", func(t *testing.T) {
		for _, c := range domainCeilings {
			b, ok := r.Bareme(2026, c.zone, c.fin)
			if !ok {
				t.Errorf("no %s table for %s", c.fin, c.zone.Label())
				continue
			}
			for i := 0; i < 6; i++ {
				if b.Categories[i] != model.Euros(c.cats[i]) {
					t.Errorf("%s %s category %d = %s, want %d €", c.fin, c.zone.Label(), i+1, b.Categories[i].Whole(), c.cats[i])
				}
			}
			if b.ParPersonne != model.Euros(c.cats[6]) {
				t.Errorf("%s %s per person = %s, want %d €", c.fin, c.zone.Label(), b.ParPersonne.Whole(), c.cats[6])
			}
		}
	})
	t.Run("communes and zones", func(t *testing.T) {
		tests := []struct {
			commune string
			zone    model.Zone
			ok      bool
		}{
			{"Gentilly", model.ZoneParisLimitrophes, true},
			{"GENTILLY", model.ZoneParisLimitrophes, true},
			{"Arcueil", model.ZoneResteIDF, true},
			{"Cachan", model.ZoneResteIDF, true},
			{"Villejuif", model.ZoneResteIDF, true},
			{"Vitry-sur-Seine", model.ZoneResteIDF, true},
			{"vitry sur seine", model.ZoneResteIDF, true},
			{" Vitry-Sur-Seine ", model.ZoneResteIDF, true},
			{"Paris", "", false},
			{"", "", false},
		}
		for _, tc := range tests {
			z, ok := r.ZoneOf(tc.commune)
			if z != tc.zone || ok != tc.ok {
				t.Errorf("ZoneOf(%q) = %q, %v; want %q, %v", tc.commune, z, ok, tc.zone, tc.ok)
			}
		}
	})
}

func TestZone_Label(t *testing.T) {
	if got := model.ZoneParisLimitrophes.Label(); got != "Paris et communes limitrophes" {
		t.Errorf("Label = %q", got)
	}
	if got := model.ZoneResteIDF.Label(); got != "reste de l'Île-de-France" {
		t.Errorf("Label = %q", got)
	}
	if got := model.Zone("zone_b1").Label(); got != "zone_b1" {
		t.Errorf("Label = %q", got)
	}
}

func TestRegles_Bareme(t *testing.T) {
	cats := func(base int64) [6]model.Cents {
		var c [6]model.Cents
		for i := range c {
			c[i] = model.Euros(base + int64(i)*1000)
		}
		return c
	}
	r := model.DefaultRegles()
	r.Baremes = append(r.Baremes,
		model.Bareme{Annee: 2028, Zone: model.ZoneResteIDF, Financement: model.PLUS, Categories: cats(30000), ParPersonne: model.Euros(300)},
	)
	tests := []struct {
		name  string
		annee int
		fin   model.Financement
		want  int // year of the table, 0 = none
		cat1  model.Cents
	}{
		{"exact year", 2026, model.PLUS, 2026, model.Euros(26920)},
		{"2027 without its table: none, never 2026's", 2027, model.PLUS, 0, 0},
		{"an entered table applies to its year", 2028, model.PLUS, 2028, model.Euros(30000)},
		{"and to that year only", 2035, model.PLUS, 0, 0},
		{"official 2025", 2025, model.PLUS, 2025, model.Euros(26687)},
		{"official 2024", 2024, model.PLUS, 2024, model.Euros(26044)},
		{"nothing before the first table", 2023, model.PLUS, 0, 0},
		{"PLS derived from PLUS", 2026, model.PLS, 2026, 3499600},
		{"PLS derived from the same year's PLUS", 2028, model.PLS, 2028, model.Euros(39000)},
		{"no PLS without that year's PLUS", 2029, model.PLS, 0, 0},
		{"PLI has no table", 2026, model.PLI, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, ok := r.Bareme(tc.annee, model.ZoneResteIDF, tc.fin)
			if ok != (tc.want != 0) {
				t.Fatalf("Bareme(%d, %s): ok = %v", tc.annee, tc.fin, ok)
			}
			if !ok {
				return
			}
			if b.Annee != tc.want || b.Categories[0] != tc.cat1 || b.Financement != tc.fin || b.Zone != model.ZoneResteIDF {
				t.Errorf("Bareme(%d, %s) = %d %s %s cat. 1 %s, want %d cat. 1 %s", tc.annee, tc.fin, b.Annee, b.Financement, b.Zone, b.Categories[0], tc.want, tc.cat1)
			}
		})
	}
	t.Run("PLS = PLUS × 1.30 for every category and the extra person", func(t *testing.T) {
		r := model.DefaultRegles()
		for _, c := range domainCeilings {
			if c.fin != model.PLUS {
				continue
			}
			b, ok := r.Bareme(2026, c.zone, model.PLS)
			if !ok {
				t.Fatalf("no PLS for %s", c.zone)
			}
			for i := 0; i < 6; i++ {
				if want := model.Cents(c.cats[i] * 130); b.Categories[i] != want {
					t.Errorf("PLS %s category %d = %s, want %s", c.zone.Label(), i+1, b.Categories[i], want)
				}
			}
			if want := model.Cents(c.cats[6] * 130); b.ParPersonne != want {
				t.Errorf("PLS %s per person = %s, want %s", c.zone.Label(), b.ParPersonne, want)
			}
		}
	})
	t.Run("an entered PLS table wins over the derived one of the same year", func(t *testing.T) {
		r := model.DefaultRegles()
		r.Baremes = append(r.Baremes, model.Bareme{Annee: 2026, Zone: model.ZoneResteIDF, Financement: model.PLS, Categories: cats(35000), ParPersonne: model.Euros(11000)})
		b, _ := r.Bareme(2026, model.ZoneResteIDF, model.PLS)
		if b.Categories[0] != model.Euros(35000) {
			t.Errorf("PLS cat. 1 = %s, want the entered 35 000 €", b.Categories[0])
		}
		// The other zone still derives from PLUS.
		b, _ = r.Bareme(2026, model.ZoneParisLimitrophes, model.PLS)
		if b.Categories[2] != model.Cents(52740*130) {
			t.Errorf("PLS Paris cat. 3 = %s", b.Categories[2])
		}
	})
	t.Run("an edited coefficient is used", func(t *testing.T) {
		r := model.DefaultRegles()
		r.CoefPLS = 1.5
		b, _ := r.Bareme(2026, model.ZoneResteIDF, model.PLS)
		if b.Categories[0] != model.Euros(40380) {
			t.Errorf("PLS cat. 1 with 1.5 = %s", b.Categories[0])
		}
	})
	t.Run("unknown zone", func(t *testing.T) {
		if _, ok := model.DefaultRegles().Bareme(2026, "zone_b1", model.PLUS); ok {
			t.Error("a table was found for an unknown zone")
		}
	})
}

func TestRegles_PremierQuartile(t *testing.T) {
	r := model.DefaultRegles()
	if _, _, ok := r.PremierQuartile(2026); ok {
		t.Error("the defaults have no first-quartile threshold, one was found")
	}
	r.PremierQuart = map[int]model.Cents{2024: model.Euros(10000), 2026: model.Euros(11000)}
	// The threshold of the year itself, never an earlier one.
	tests := []struct {
		annee, year int
		want        model.Cents
		ok          bool
	}{
		{2026, 2026, model.Euros(11000), true},
		{2025, 2025, 0, false},
		{2030, 2030, 0, false},
		{2023, 2023, 0, false},
	}
	for _, tc := range tests {
		v, y, ok := r.PremierQuartile(tc.annee)
		if v != tc.want || y != tc.year || ok != tc.ok {
			t.Errorf("PremierQuartile(%d) = %s, %d, %v; want %s, %d, %v", tc.annee, v, y, ok, tc.want, tc.year, tc.ok)
		}
	}
}

func TestRegles_SurfaceMin(t *testing.T) {
	r := model.DefaultRegles()
	want := map[int]float64{-1: 0, 0: 0, 1: 9, 2: 16, 3: 25, 4: 34, 5: 43, 6: 52, 7: 61, 8: 70, 9: 70, 15: 70}
	for n, w := range want {
		if got := r.SurfaceMin(n); got != w {
			t.Errorf("SurfaceMin(%d) = %v, want %v", n, got, w)
		}
	}
	r.SurfacesMin = nil
	if got := r.SurfaceMin(3); got != 0 {
		t.Errorf("SurfaceMin with an empty table = %v", got)
	}
}

func TestRegles_Validate(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(r *model.Regles)
		frags []string
	}{
		{"effort rate of 0", func(r *model.Regles) { r.TauxEffortMax = 0 }, []string{"taux d'effort maximal"}},
		{"effort rate of 100 %", func(r *model.Regles) { r.TauxEffortMax = 1 }, []string{"taux d'effort maximal"}},
		{"negative reste à vivre", func(r *model.Regles) { r.ResteAVivreMinUCJour = -1 }, []string{"reste à vivre minimal"}},
		{"27 days a month", func(r *model.Regles) { r.JoursParMois = 27 }, []string{"jours par mois"}},
		{"32 days a month", func(r *model.Regles) { r.JoursParMois = 32 }, []string{"jours par mois"}},
		{"zero UC weight for the first adult", func(r *model.Regles) { r.UCPremierAdulte = 0 }, []string{"unités de consommation"}},
		{"negative UC weight for children", func(r *model.Regles) { r.UCEnfant = -0.3 }, []string{"unités de consommation"}},
		{"empty surface table", func(r *model.Regles) { r.SurfacesMin = nil }, []string{"surfaces minimales est vide"}},
		{"decreasing surfaces", func(r *model.Regles) { r.SurfacesMin = []float64{9, 16, 15} }, []string{"surfaces minimales doivent croître"}},
		{"empty typology table", func(r *model.Regles) { r.Typologies = nil }, []string{"tableau d'occupation par typologie est vide"}},
		{"row with Max below Min", func(r *model.Regles) { r.Typologies[1].Max = 0 }, []string{"« Couple ou isolé + 1 à 2 enfants » du tableau d'occupation incohérente"}},
		{"row with negative Min", func(r *model.Regles) { r.Typologies[0].Min = -1 }, []string{"incohérente"}},
		{"row with T0", func(r *model.Regles) { r.Typologies[0].TypoMin = 0 }, []string{"incohérente"}},
		{"row with T7", func(r *model.Regles) { r.Typologies[0].TypoMin = 7 }, []string{"incohérente"}},
		{"row with TypoMax below TypoMin", func(r *model.Regles) { r.Typologies[2].TypoMax = 3 }, []string{"incohérente"}},
		{"decreasing ceilings", func(r *model.Regles) { r.Baremes[5].Categories[3] = model.Euros(40000) },
			[]string{"plafonds 2026 PLUS (reste de l'Île-de-France)", "croître avec la catégorie"}},
		{"zero ceiling", func(r *model.Regles) { r.Baremes[4].Categories[0] = 0 }, []string{"plafonds 2026 PLUS (Paris et communes limitrophes)", "positifs"}},
		{"PLS coefficient below 1", func(r *model.Regles) { r.CoefPLS = 0.9 }, []string{"coefficient PLS"}},
		{"several faults are all listed", func(r *model.Regles) { r.TauxEffortMax = 2; r.CoefPLS = 0 },
			[]string{"taux d'effort maximal", " ; ", "coefficient PLS"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := model.DefaultRegles()
			tc.edit(r)
			err := r.Validate()
			wantInvalid(t, err, append([]string{"Paramètres : "}, tc.frags...)...)
		})
	}
	t.Run("coherent edits pass", func(t *testing.T) {
		r := model.DefaultRegles()
		r.TauxEffortMax, r.JoursParMois, r.CoefPLS = 0.33, 31, 1
		r.SurfacesMin = []float64{9, 16, 16, 34}
		r.Typologies = append(r.Typologies, model.LigneTypologie{Libelle: "Personne seule âgée", Min: 0, Max: -1, TypoMin: 1, TypoMax: 1})
		if err := r.Validate(); err != nil {
			t.Errorf("Validate: %v", err)
		}
	})
}
