package model_test

import (
	"math/rand/v2"
	"strings"
	"testing"

	"logis/model"
)

// dwellingT3 is a T3 PLUS of Arcueil, 65 m², 600 € + 100 € a month.
func dwellingT3() *model.Logement {
	return &model.Logement{Reference: "ARC-T3", Commune: "Arcueil", Typologie: 3, Pieces: 3, Surface: 65,
		Financement: model.PLUS, Loyer: model.Euros(600), Charges: model.Euros(100)}
}

// currentT2 is the T2 of 40 m² a tenant rents.
func currentT2() *model.Logement {
	return &model.Logement{Reference: "ARC-T2", Commune: "Arcueil", Typologie: 2, Pieces: 2, Surface: 40, Financement: model.PLUS}
}

// applicant is a couple with a child of 8: 3 persons, 1,8 UC, category 3;
// 30 000 € of revenu fiscal, 2 800 € a month.
func applicant() (*model.Menage, *model.Demande) {
	m := couple(38, 36, 8)
	m.Ressources = model.Ressources{RevenuFiscal: model.Euros(30000), Mensuelles: model.Euros(2800)}
	d := &model.Demande{NUR: "0942400000001GDPUB", Menage: m.ID, DateDepot: model.NewDate(2024, 1, 10), Active: true}
	return m, d
}

// asTenant makes the household a tenant of currentT2 since 2018 meeting
// every transfer condition.
func asTenant(m *model.Menage) {
	m.Bail = &model.Bail{Logement: "ARC-T2", DateEntree: model.NewDate(2018, 1, 1), VisiteFaite: true, DateVisite: model.NewDate(2026, 9, 1)}
}

func TestEvaluerCandidat(t *testing.T) {
	r := model.DefaultRegles()
	cases := []struct {
		name    string
		setup   func(l *model.Logement, m *model.Menage, d *model.Demande)
		exclu   bool
		motif   string // fragment of one motif ("" = no motif at all)
		regle   string // the verdict that decides
		verdict model.Resultat
	}{
		{"eligible", nil, false, "", "plafond", model.Conforme},
		{"above the PLUS ceiling", func(l *model.Logement, m *model.Menage, d *model.Demande) {
			m.Ressources.RevenuFiscal = model.Euros(60000)
		},
			true, "au-dessus du plafond PLUS de 48\u00a0362\u00a0€", "plafond", model.Alerte},
		{"N-1 resources 10\u00a0% lower", func(l *model.Logement, m *model.Menage, d *model.Demande) {
			m.Ressources.RevenuFiscal, m.Ressources.RevenuN1 = model.Euros(60000), model.Euros(40000)
		}, false, "", "plafond", model.Conforme},
		{"PLI ceiling not entered", func(l *model.Logement, m *model.Menage, d *model.Demande) { l.Financement = model.PLI },
			false, "À vérifier — Plafond de ressources", "plafond", model.Incomplet},
		{"typology too small", func(l *model.Logement, m *model.Menage, d *model.Demande) { l.Typologie, l.Pieces = 2, 2 },
			true, "Le T2 ne fait pas partie des typologies adaptées à ce ménage (T3)", "typologie_adaptee", model.Alerte},
		{"typology too big for a single person", func(l *model.Logement, m *model.Menage, d *model.Demande) {
			m.Personnes = m.Personnes[:1]
		}, true, "Le T3 ne fait pas partie des typologies adaptées à ce ménage (T1 ou T2)", "typologie_adaptee", model.Alerte},
		{"critical overcrowding", func(l *model.Logement, m *model.Menage, d *model.Demande) { l.Surface = 24 },
			true, "en dessous du minimum de 25\u00a0m²", "sur_occupation_critique", model.Alerte},
		{"PMR without CMI nor senior", func(l *model.Logement, m *model.Menage, d *model.Demande) { l.PMR = true },
			true, "réservé aux titulaires de la CMI invalidité ou aux séniors", "pmr_ok", model.Alerte},
		{"PMR for a CMI holder", func(l *model.Logement, m *model.Menage, d *model.Demande) {
			l.PMR = true
			m.Personnes[2].Handicap = true
		},
			false, "", "pmr_ok", model.Conforme},
		{"PMR for a senior", func(l *model.Logement, m *model.Menage, d *model.Demande) {
			l.PMR, l.Typologie = true, 2
			m.Personnes = []model.Personne{pers(model.Titulaire, 72)}
			m.Ressources.RevenuFiscal = model.Euros(20000)
		}, false, "", "pmr_ok", model.Conforme},
		{"effort too high and reste à vivre too low", func(l *model.Logement, m *model.Menage, d *model.Demande) {
			m.Ressources.Mensuelles = model.Euros(1300)
		},
			true, "reste à vivre", "taux_effort", model.Alerte},
		{"effort above 35\u00a0% but reste à vivre above 20 €", func(l *model.Logement, m *model.Menage, d *model.Demande) {
			m.Personnes = m.Personnes[:1]
			m.Personnes = append(m.Personnes, pers(model.Enfant, 6))
			m.Ressources = model.Ressources{RevenuFiscal: model.Euros(21000), Mensuelles: model.Euros(1900)}
		}, false, "", "taux_effort", model.Conforme},
		{"resources missing", func(l *model.Logement, m *model.Menage, d *model.Demande) { m.Ressources.Mensuelles = 0 },
			false, "À vérifier — Taux d'effort et reste à vivre", "taux_effort", model.Incomplet},
		{"inactive application", func(l *model.Logement, m *model.Menage, d *model.Demande) { d.Active = false },
			true, "La demande n'est pas active.", "plafond", model.Conforme},
		{"transfer: all conditions met", func(l *model.Logement, m *model.Menage, d *model.Demande) { asTenant(m) },
			false, "", "mutation", model.Conforme},
		{"transfer: arrears without CESF report", func(l *model.Logement, m *model.Menage, d *model.Demande) { asTenant(m); m.Bail.Impayes = true },
			true, "Mutation : Le ménage est en situation d'impayé sans rapport de la CESF", "mutation", model.Alerte},
		{"transfer: arrears with CESF report", func(l *model.Logement, m *model.Menage, d *model.Demande) {
			asTenant(m)
			m.Bail.Impayes, m.Bail.RapportCESF = true, true
		}, false, "", "mutation", model.Conforme},
		{"transfer: no prior visit", func(l *model.Logement, m *model.Menage, d *model.Demande) { asTenant(m); m.Bail.VisiteFaite = false },
			true, "Mutation : La visite préalable du logement actuel", "mutation", model.Alerte},
		{"transfer: troubles", func(l *model.Logement, m *model.Menage, d *model.Demande) { asTenant(m); m.Bail.Troubles = true },
			true, "troubles de voisinage", "mutation", model.Alerte},
		{"transfer: violence", func(l *model.Logement, m *model.Menage, d *model.Demande) {
			asTenant(m)
			m.Bail.ComportementViolent = true
		},
			true, "Un comportement violent", "mutation", model.Alerte},
		{"transfer: less than a year", func(l *model.Logement, m *model.Menage, d *model.Demande) {
			asTenant(m)
			m.Bail.DateEntree = model.NewDate(2026, 3, 1)
		}, true, "moins des 12 mois requis", "mutation", model.Alerte},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := dwellingT3()
			m, d := applicant()
			if c.setup != nil {
				c.setup(l, m, d)
			}
			var actuel *model.Logement
			if m.Loge() {
				actuel = currentT2()
			}
			e := model.EvaluerCandidat(l, m, d, actuel, ref, r)
			if e.Exclu != c.exclu {
				t.Errorf("Exclu = %v, want %v (motifs %q)", e.Exclu, c.exclu, e.Motifs)
			}
			if c.motif == "" && len(e.Motifs) > 0 {
				t.Errorf("motifs %q, want none", e.Motifs)
			}
			if c.motif != "" && !strings.Contains(strings.Join(e.Motifs, "\n"), c.motif) {
				t.Errorf("motifs %q lack %q", e.Motifs, c.motif)
			}
			found := false
			for _, v := range e.Verdicts() {
				if string(v.Regle) == c.regle {
					found = true
					wantResultat(t, v, c.verdict)
				}
				if v.Regle == "" || v.Source == "" || v.Explication == "" {
					t.Errorf("verdict not explained: %+v", v)
				}
			}
			if !found {
				t.Errorf("no verdict %q", c.regle)
			}
			if e.Niveau < 1 || e.Niveau > 4 || e.NiveauLibelle == "" {
				t.Errorf("tier %d %q", e.Niveau, e.NiveauLibelle)
			}
			// The cheap pre-selection never drops an application the full
			// examination would allow.
			if !model.Preselection(l, m, d, actuel, ref, r) && !e.Exclu {
				t.Errorf("Preselection drops an allowed candidate")
			}
		})
	}
}

func TestClasserCandidats(t *testing.T) {
	r := model.DefaultRegles()
	l := dwellingT3()
	type app struct {
		id    string
		nur   string
		depot model.Date
		setup func(m *model.Menage, d *model.Demande)
	}
	apps := []app{
		{"F-OLD", "0941500000006GDPUB", model.NewDate(2015, 3, 1), nil},
		{"H-RICH-DALO", "0942500000008GDPUB", model.NewDate(2010, 1, 1), func(m *model.Menage, d *model.Demande) {
			d.DALO = true
			m.Ressources.RevenuFiscal = model.Euros(90000)
		}},
		{"E-REFUS", "0942200000005GDPUB", model.NewDate(2022, 5, 1), func(m *model.Menage, d *model.Demande) {
			asTenant(m)                               // over-occupied T2: a priority transfer…
			d.RefusAdapte = model.NewDate(2026, 5, 1) // …but an adapted offer refused within the year
		}},
		{"D-MUTATION", "0942300000004GDPUB", model.NewDate(2023, 1, 1), func(m *model.Menage, d *model.Demande) { asTenant(m) }},
		{"C-VIOLENCES", "0942600000003GDPUB", model.NewDate(2026, 2, 1), func(m *model.Menage, d *model.Demande) { d.ViolencesFamiliales = true }},
		{"G-OLD-SAME-DAY", "0941500000007GDPUB", model.NewDate(2015, 3, 1), nil},
		{"B-ANNEXE1", "0942400000002GDPUB", model.NewDate(2024, 6, 1), func(m *model.Menage, d *model.Demande) { d.Priorites = []int{13} }},
		{"A-DALO", "0942500000001GDPUB", model.NewDate(2025, 6, 1), func(m *model.Menage, d *model.Demande) { d.DALO, d.DALOPrefet = true, true }},
	}
	var list []model.Eligibilite
	demandes := map[string]*model.Demande{}
	for _, a := range apps {
		m, d := applicant()
		m.ID, d.Menage, d.NUR, d.DateDepot = a.id, a.id, a.nur, a.depot
		if a.setup != nil {
			a.setup(m, d)
		}
		var actuel *model.Logement
		if m.Loge() {
			actuel = currentT2()
		}
		list = append(list, model.EvaluerCandidat(l, m, d, actuel, ref, r))
		demandes[d.NUR] = d
	}
	for _, dm := range []map[string]*model.Demande{nil, demandes} { // with or without the applications
		l := append([]model.Eligibilite(nil), list...)
		model.ClasserCandidats(l, dm, ref, r)
		var got []string
		for _, e := range l {
			got = append(got, e.Menage)
		}
		want := "A-DALO,B-ANNEXE1,C-VIOLENCES,D-MUTATION,F-OLD,G-OLD-SAME-DAY,E-REFUS,H-RICH-DALO"
		if strings.Join(got, ",") != want {
			t.Fatalf("order %s\nwant  %s", strings.Join(got, ","), want)
		}
		raisons := map[string]string{
			"A-DALO":         "rang 1 : DALO, demande déposée le 01/06/2025",
			"B-ANNEXE1":      "rang 2 : public prioritaire",
			"C-VIOLENCES":    "rang 3 : public prioritaire",
			"D-MUTATION":     "rang 4 : mutation prioritaire (sur-occupation)",
			"F-OLD":          "rang 5 : sans priorité particulière, demande déposée le 01/03/2015 (140 mois d'ancienneté)",
			"G-OLD-SAME-DAY": "rang 6 : sans priorité particulière",
			"E-REFUS":        "rang 7 : sans priorité particulière",
			"H-RICH-DALO":    "exclu : Ménage de catégorie 3",
		}
		for i, e := range l {
			if !strings.HasPrefix(e.Raison, raisons[e.Menage]) {
				t.Errorf("%s: raison %q, want prefix %q", e.Menage, e.Raison, raisons[e.Menage])
			}
			if wantRang := i + 1; e.Menage != "H-RICH-DALO" && e.Rang != wantRang || e.Menage == "H-RICH-DALO" && e.Rang != 0 {
				t.Errorf("%s: rang %d", e.Menage, e.Rang)
			}
		}
		for _, e := range l {
			switch e.Menage {
			case "E-REFUS":
				if !strings.Contains(e.Prioritaire.Valeur, "non priorisée : offre adaptée refusée le 01/05/2026") {
					t.Errorf("refusal not explained: %q", e.Prioritaire.Valeur)
				}
			case "A-DALO":
				wantResultat(t, e.Prioritaire, model.Conforme)
				if !strings.Contains(e.Prioritaire.Valeur, "reconnu DALO (désigné par le préfet)") {
					t.Errorf("DALO priority %q", e.Prioritaire.Valeur)
				}
			case "F-OLD":
				wantResultat(t, e.Prioritaire, model.NonApplicable)
			}
		}
	}
}

// TestPreselection_NeverDropsAllowed draws households, applications and
// dwellings and checks that the pre-selection only drops applications the
// full examination excludes, and that it drops most of them.
func TestPreselection_NeverDropsAllowed(t *testing.T) {
	r := model.DefaultRegles()
	rnd := rand.New(rand.NewPCG(4, 2026))
	dropped, excluded := 0, 0
	for i := 0; i < 20000; i++ {
		typ := 1 + rnd.IntN(6)
		l := &model.Logement{Reference: "L", Commune: []string{"Arcueil", "Gentilly", "Vitry-sur-Seine"}[rnd.IntN(3)], Typologie: typ, Pieces: typ,
			Surface: float64(8 + rnd.IntN(110)), PMR: rnd.IntN(5) == 0, Financement: model.Financements[rnd.IntN(4)],
			Loyer: model.Euros(int64(200 + rnd.IntN(900))), Charges: model.Euros(int64(rnd.IntN(200)))}
		m := household(pers(model.Titulaire, 19+rnd.IntN(70)))
		if rnd.IntN(2) == 0 {
			m.Personnes = append(m.Personnes, pers(model.Conjoint, 19+rnd.IntN(70)))
		}
		for k := rnd.IntN(6); k > 0; k-- {
			m.Personnes = append(m.Personnes, pers(model.Enfant, rnd.IntN(24)))
		}
		switch rnd.IntN(12) {
		case 0:
			m.Personnes = append(m.Personnes, pers(model.Ascendant, 60+rnd.IntN(30)))
		case 1:
			m.Personnes = append(m.Personnes, pers(model.Cotitulaire, 19+rnd.IntN(50)))
		case 2:
			m.Personnes[0].DateNaissance = born(rnd.IntN(14)) // no adult titulaire
		}
		if rnd.IntN(10) == 0 {
			m.Personnes[rnd.IntN(len(m.Personnes))].Handicap = true
		}
		m.Ressources = model.Ressources{RevenuFiscal: model.Euros(int64(rnd.IntN(90000))), Mensuelles: model.Euros(int64(rnd.IntN(6000))),
			APL: model.Euros(int64(rnd.IntN(3) * rnd.IntN(400)))}
		if rnd.IntN(4) == 0 {
			m.Ressources.RevenuN1 = m.Ressources.RevenuFiscal * model.Cents(50+rnd.IntN(60)) / 100
		}
		d := &model.Demande{NUR: "0942400000001GDPUB", Menage: m.ID, DateDepot: model.NewDate(2020, 1, 1), Active: rnd.IntN(20) != 0}
		var actuel *model.Logement
		if rnd.IntN(3) == 0 {
			m.Bail = &model.Bail{Logement: "ARC-T2", DateEntree: model.NewDate(2015+rnd.IntN(12), 1, 1), Impayes: rnd.IntN(4) == 0,
				RapportCESF: rnd.IntN(2) == 0, VisiteFaite: rnd.IntN(4) != 0, Troubles: rnd.IntN(8) == 0, ComportementViolent: rnd.IntN(16) == 0}
			actuel = currentT2()
		}
		e := model.EvaluerCandidat(l, m, d, actuel, ref, r)
		if e.Exclu {
			excluded++
		}
		if !model.Preselection(l, m, d, actuel, ref, r) {
			dropped++
			if !e.Exclu {
				t.Fatalf("case %d: pre-selection drops an allowed candidate: %+v %+v %q", i, l, m, e.Motifs)
			}
		}
	}
	// It drops most of what the full examination excludes.
	if dropped < excluded*8/10 {
		t.Errorf("the pre-selection dropped %d of the %d excluded", dropped, excluded)
	}
}

// BenchmarkEvaluerCandidat: one application examined with every text.
func BenchmarkEvaluerCandidat(b *testing.B) {
	r := model.DefaultRegles()
	l := dwellingT3()
	m, d := applicant()
	asTenant(m)
	actuel := currentT2()
	for i := 0; i < b.N; i++ {
		model.EvaluerCandidat(l, m, d, actuel, ref, r)
	}
}

// BenchmarkPreselection: the numeric pre-selection of one application
// (prepared once for the dwelling).
func BenchmarkPreselection(b *testing.B) {
	r := model.DefaultRegles()
	l := dwellingT3()
	m, d := applicant()
	s := model.NouvelleSelection(l, ref, r)
	for i := 0; i < b.N; i++ {
		s.Garde(m, d, nil)
	}
}
