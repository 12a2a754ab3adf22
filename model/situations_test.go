package model_test

import (
	"strings"
	"testing"

	"logis/model"
)

func TestParcoursRelogement(t *testing.T) {
	base := model.TransfertBail{ID: "T000001", Date: model.NewDate(2026, 3, 12), De: "Jeanne ARNOUX", Vers: "Paul ARNOUX",
		Lien: "descendant", Decision: model.TransfertRefuse, Motif: "plafonds de ressources dépassés"}
	cases := []struct {
		name   string
		set    func(t *model.TransfertBail)
		want   model.Resultat
		phrase string
	}{
		{"accepted", func(t *model.TransfertBail) { t.Decision = model.TransfertAccepte }, model.NonApplicable, "Aucun transfert"},
		{"refused, cohabitation unknown", nil, model.Incomplet, "données manquantes"},
		{"refused, 13 months", func(t *model.TransfertBail) { t.CohabitationDepuis = model.NewDate(2025, 10, 1) }, model.Conforme, "parcours de relogement à privilégier"},
		{"refused, exactly one year", func(t *model.TransfertBail) { t.CohabitationDepuis = ref.AddYears(-1) }, model.Alerte, "ne dépasse pas un an"},
		{"refused, 6 months", func(t *model.TransfertBail) { t.CohabitationDepuis = model.NewDate(2026, 5, 22) }, model.Alerte, "ne dépasse pas un an"},
	}
	for _, c := range cases {
		tr := base
		if c.set != nil {
			c.set(&tr)
		}
		v := model.ParcoursRelogement(&tr, ref)
		wantResultat(t, v, c.want)
		if !strings.Contains(v.Explication, c.phrase) {
			t.Errorf("%s: %q lacks %q", c.name, v.Explication, c.phrase)
		}
	}
	if err := base.Validate(); err != nil {
		t.Errorf("valid transfer refused: %v", err)
	}
	bad := base
	bad.Decision, bad.NUR = model.TransfertAccepte, "0942400000001GDPUB"
	if err := bad.Validate(); err == nil {
		t.Error("a rehousing application after an accepted transfer must be refused")
	}
	if got := base.Resume(false); strings.Contains(got, "ARNOUX") || !strings.Contains(got, "refusé par la Direction de la Gestion Locative") {
		t.Errorf("anonymous summary %q", got)
	}
	if got := base.Resume(true); !strings.Contains(got, "de Jeanne ARNOUX à Paul ARNOUX (descendant)") {
		t.Errorf("nominative summary %q", got)
	}
}

func TestDecohabitation(t *testing.T) {
	r := model.DefaultRegles()
	// The origin household: a couple with four children in a T3 of 50 m²
	// (6 persons: over-occupied by the typology table; surface minimum for
	// 6 is 9 × 2 + 9 × 4 = … see SurfaceMin).
	origine := couple(50, 48, 25, 22, 15, 12)
	origine.ID = "M-ORIG"
	origine.Bail = &model.Bail{Logement: "ORIG-T3", DateEntree: model.NewDate(2010, 1, 1)}
	origine.Personnes[2].Prenom, origine.Personnes[3].Prenom = "Lina", "Noé"
	t3 := &model.Logement{Reference: "ORIG-T3", Typologie: 3, Pieces: 3, Surface: 60}
	// The two eldest leave together.
	partants := household(origine.Personnes[2], origine.Personnes[3])
	partants.Personnes[0].Lien, partants.Personnes[1].Lien = model.Titulaire, model.Cotitulaire
	v := model.Decohabitation(partants, origine, t3, ref, r)
	if v.Resultat != model.Conforme || !strings.Contains(v.Explication, "met fin à la sur-occupation") {
		t.Errorf("6 → 4 persons in a T3: %s %q", v.Resultat.Label(), v.Explication)
	}
	if !strings.Contains(v.Valeur, "6 occupant(s), 4 après le départ de 2 personne(s)") {
		t.Errorf("figures %q", v.Valeur)
	}
	checkExplained(t, v)

	// A widow with her son in a T5 of 5 rooms is already under-occupied
	// (5 > 2 + 1): the son leaving changes nothing.
	mere := single(70, 40)
	mere.ID = "M-VEUVE"
	mere.Bail = &model.Bail{Logement: "T5", DateEntree: model.NewDate(1990, 1, 1)}
	t5 := &model.Logement{Reference: "T5", Typologie: 5, Pieces: 5, Surface: 95}
	fils := household(mere.Personnes[1])
	fils.Personnes[0].Lien = model.Titulaire
	v = model.Decohabitation(fils, mere, t5, ref, r)
	wantResultat(t, v, model.NonApplicable)
	// A couple and their son of 19 in a T4 of 4 rooms (4 ≤ 3 + 1): the son
	// leaving creates an under-occupation (4 > 2 + 1), which the
	// commission is told.
	famille := couple(45, 44, 19)
	famille.ID = "M-FAM"
	famille.Bail = &model.Bail{Logement: "T4", DateEntree: model.NewDate(2005, 1, 1)}
	t4 := &model.Logement{Reference: "T4", Typologie: 4, Pieces: 4, Surface: 75}
	jeune := household(famille.Personnes[2])
	v = model.Decohabitation(jeune, famille, t4, ref, r)
	if v.Resultat != model.Alerte || !strings.Contains(v.Explication, "crée une sous-occupation") {
		t.Errorf("young adult leaving a T4 of 3: %s %q", v.Resultat.Label(), v.Explication)
	}
	// Persons not found in the origin household: their number is removed,
	// and the explanation says so.
	inconnus := household(pers(model.Titulaire, 24), pers(model.Conjoint, 23))
	inconnus.Personnes[0].Nom = "Autre"
	inconnus.Personnes[1].Nom = "Autre"
	v = model.Decohabitation(inconnus, origine, t3, ref, r)
	if !strings.Contains(v.Explication, "leur nombre est retranché") || !strings.Contains(v.Valeur, "4 après") {
		t.Errorf("unknown leavers: %q / %q", v.Explication, v.Valeur)
	}
	// More unknown leavers than occupants other than the holder: the
	// explanation says how many were removed, not that all were.
	seul := household(pers(model.Titulaire, 50))
	seul.ID = "M-SEUL"
	seul.Bail = &model.Bail{Logement: "T3", DateEntree: model.NewDate(2005, 1, 1)}
	v = model.Decohabitation(inconnus, seul, t3, ref, r)
	if strings.Contains(v.Explication, "leur nombre est retranché") || !strings.Contains(v.Explication, "0 occupant(s) retranché(s) sur 2 partant(s)") || !strings.Contains(v.Valeur, "1 après") {
		t.Errorf("leavers outnumbering the origin household: %q / %q", v.Explication, v.Valeur)
	}
	// Unknown origin: missing data, never a guess.
	v = model.Decohabitation(partants, nil, nil, ref, r)
	wantResultat(t, v, model.Incomplet)
	if !strings.Contains(v.Explication, "données manquantes") {
		t.Errorf("missing origin: %q", v.Explication)
	}
}

// The specific situations inform the commission: none of them moves a
// candidate in the ranking, the CIAL's recommendation above all (§1.3.3:
// being an employee is no priority of L.441-1).
func TestSituationsNeChangentPasLeRang(t *testing.T) {
	r := model.DefaultRegles()
	l := dwellingT3()
	build := func(situations bool) []model.Eligibilite {
		var list []model.Eligibilite
		for i, depot := range []model.Date{model.NewDate(2020, 1, 1), model.NewDate(2021, 1, 1), model.NewDate(2022, 1, 1), model.NewDate(2023, 1, 1)} {
			m, d := applicant()
			m.ID = "M-" + string(rune('A'+i))
			d.Menage, d.NUR, d.DateDepot = m.ID, "094240000000"+string(rune('1'+i))+"GDPUB", depot
			if i == 0 {
				d.Priorites = []int{13}
			}
			if situations && i == 3 { // the most recent application, from an employee
				d.SalarieOffice, d.AvisCIAL, d.DateAvisCIAL = true, model.CIALFavorable, model.NewDate(2026, 9, 1)
				d.Cotitularite, d.MotifCotitularite = true, "frère et sœur, raisons de santé"
				d.Urgence = &model.Urgence{Date: model.NewDate(2026, 10, 1), Motif: "incendie"}
				d.MenageOrigine = "M-ORIG"
				if err := d.Validate(); err != nil {
					t.Fatal(err)
				}
			}
			list = append(list, model.EvaluerCandidat(l, m, d, nil, ref, r))
		}
		model.ClasserCandidats(list, nil, ref, r)
		return list
	}
	sans, avec := build(false), build(true)
	for i := range sans {
		if sans[i].NUR != avec[i].NUR || sans[i].Rang != avec[i].Rang || sans[i].Niveau != avec[i].Niveau {
			t.Errorf("position %d: %s rank %d tier %d without, %s rank %d tier %d with the situations",
				i, sans[i].NUR, sans[i].Rang, sans[i].Niveau, avec[i].NUR, avec[i].Rang, avec[i].Niveau)
		}
	}
	if last := avec[len(avec)-1]; last.NUR != "0942400000004GDPUB" || last.Rang != 4 || last.Niveau != 4 {
		t.Errorf("the CIAL candidate must stay last, tier 4: %+v", last.Raison)
	}
}

func TestViolencesCriterePriorite(t *testing.T) {
	r := model.DefaultRegles()
	m, d := applicant()
	d.ViolencesFamiliales = true
	e := model.EvaluerCandidat(dwellingT3(), m, d, nil, ref, r)
	model.ClasserCandidats([]model.Eligibilite{e}, nil, ref, r)
	if e.Niveau != 2 || !strings.Contains(e.Prioritaire.Valeur, "violences familiales (§1.3.4)") {
		t.Errorf("violence must be a priority criterion: tier %d, %q", e.Niveau, e.Prioritaire.Valeur)
	}
	if got := model.ViolencesAffichage(d, true); got != "critère de priorité" {
		t.Errorf("presentation: %q", got)
	}
	lines := model.SituationsCandidat(d, m, model.ContexteSituations{Presentation: true}, ref, r)
	for _, l := range lines {
		if strings.Contains(strings.ToLower(l), "violence") {
			t.Errorf("presentation mode shows the word: %q", l)
		}
	}
	if len(lines) != 1 || !strings.HasPrefix(lines[0], "Critère de priorité") {
		t.Errorf("presentation lines %q", lines)
	}
	// The team's texts, rewritten for a presentation mode.
	for _, txt := range append([]string{e.Prioritaire.Valeur, e.Prioritaire.Explication, e.Prioritaire.Seuil},
		model.SituationsCandidat(d, m, model.ContexteSituations{}, ref, r)...) {
		if got := model.MasquerViolences(txt); strings.Contains(strings.ToLower(got), "violence") {
			t.Errorf("masked text still says it: %q", got)
		}
	}
	if got := model.MasquerViolences(e.Prioritaire.Valeur); !strings.Contains(got, "critère de priorité (§1.3.4)") {
		t.Errorf("masked verdict %q", got)
	}
	d.ViolencesFamiliales = false
	if model.ViolencesAffichage(d, true) != "" || model.ViolencesAffichage(nil, false) != "" {
		t.Error("no flag, nothing shown")
	}
}

func TestValidateSituations(t *testing.T) {
	cases := []struct {
		name string
		set  func(d *model.Demande)
		err  string
	}{
		{"co-tenancy without reason", func(d *model.Demande) { d.Cotitularite = true }, "doit être justifiée"},
		{"CIAL without employee", func(d *model.Demande) { d.AvisCIAL = model.CIALFavorable }, "salarié de l'Office"},
		{"unknown CIAL opinion", func(d *model.Demande) { d.SalarieOffice, d.AvisCIAL = true, "peut-être" }, "« favorable » ou « defavorable »"},
		{"urgency without date", func(d *model.Demande) { d.Urgence = &model.Urgence{Motif: "sinistre"} }, "datée"},
		{"urgency, bad reason", func(d *model.Demande) { d.Urgence = &model.Urgence{Date: ref, Motif: "voisinage"} }, "motif de la procédure d'urgence"},
		{"origin is itself", func(d *model.Demande) { d.MenageOrigine = d.Menage }, "un autre ménage"},
	}
	for _, c := range cases {
		_, d := applicant()
		d.Menage = "M-001"
		c.set(d)
		err := d.Validate()
		if err == nil || !strings.Contains(err.Error(), c.err) {
			t.Errorf("%s: %v, want %q", c.name, err, c.err)
		}
	}
}

func TestPeriodeInformations(t *testing.T) {
	d := model.NewDate(2026, 6, 15)
	depuis, jusqua := model.PeriodeInformations(d, []model.Date{model.NewDate(2026, 3, 10), model.NewDate(2026, 5, 20), model.NewDate(2026, 7, 1), d})
	if depuis != model.NewDate(2026, 5, 21) || jusqua != d {
		t.Errorf("after the previous session: %s – %s", depuis, jusqua)
	}
	depuis, _ = model.PeriodeInformations(d, nil)
	if depuis != model.NewDate(2026, 1, 1) {
		t.Errorf("first session of the year: %s", depuis)
	}
}
