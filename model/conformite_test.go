package model_test

import (
	"strings"
	"testing"

	"logis/model"
)

// Issue 9: each item with the value the law gives.

func TestConformite_L44252_TypologieNestPasUneSituation(t *testing.T) {
	// A couple with one child in a 45 m² T2 in Gentilly: 3 persons need
	// 25 m² (R.822-25): not over-occupied in law; the policy's table puts
	// them in a T3 (transfer priority only).
	r := model.DefaultRegles()
	m := couple(35, 33, 4)
	m.Ressources = model.Ressources{RevenuFiscal: model.Euros(30000), Mensuelles: model.Euros(2500)}
	m.Bail = &model.Bail{Logement: "GEN-T2", DateEntree: model.NewDate(2020, 3, 1)}
	l := &model.Logement{Reference: "GEN-T2", Commune: "Gentilly", Typologie: 2, Pieces: 2, Surface: 45, Financement: model.PLUS, Loyer: model.Euros(500)}
	e := model.ExaminerOccupation(m, l, ref, r)
	if e.AnySituation() || len(e.Motifs()) != 0 {
		t.Errorf("counted under L.442-5-2: %q", e.Motifs())
	}
	wantResultat(t, e.SurOccupationCritique, model.Conforme)
	wantResultat(t, e.SurOccupation, model.Alerte) // the policy's indicator is kept
	if !strings.Contains(e.SurOccupation.Explication, "pas une situation de l'article L.442-5-2") {
		t.Errorf("indicator explanation = %q", e.SurOccupation.Explication)
	}
	for _, v := range e.Situations() {
		if v.Regle == model.RegleSurOccupationTypologie || !model.EstSituationL44252(v.Regle) {
			t.Errorf("situation %q is not one of the five", v.Regle)
		}
	}
	if len(e.Situations()) != 5 {
		t.Errorf("%d situations", len(e.Situations()))
	}
}

func TestConformite_Plafonds_AnneeDeLExamen(t *testing.T) {
	r := model.DefaultRegles()
	m := single(40)
	m.Ressources.RevenuFiscal = model.Euros(20000)
	m.Bail = &model.Bail{Logement: "ARC", DateEntree: model.NewDate(2020, 1, 1)}
	l := &model.Logement{Reference: "ARC", Commune: "Arcueil", Typologie: 1, Pieces: 1, Surface: 30, Financement: model.PLUS}
	e := model.ExaminerOccupation(m, l, model.NewDate(2027, 1, 15), r)
	wantResultat(t, e.DepassementPlafond.Verdict, model.Incomplet)
	if e.DepassementPlafond.Valeur != "données manquantes : plafonds 2027 non saisis" {
		t.Errorf("Valeur = %q", e.DepassementPlafond.Valeur)
	}
	e = model.ExaminerOccupation(m, l, model.NewDate(2025, 6, 16), r)
	if e.DepassementPlafond.Montant != model.Euros(26687) {
		t.Errorf("16/06/2025 applies %s, want the 2025 ceiling 26 687 €", e.DepassementPlafond.Montant)
	}
	// The same for the first-quartile threshold.
	r.PremierQuart[2026] = model.Euros(13000)
	m.Ressources.Mensuelles = model.Euros(800)
	q := model.PremierQuartileMenage(m, model.NewDate(2027, 3, 1), r)
	if q.Resultat != model.Incomplet || q.Valeur != "données manquantes : seuil du premier quartile 2027 non saisi" || q.Connu {
		t.Errorf("2027 quartile = %+v", q)
	}
}

func TestConformite_CategoriesL4411(t *testing.T) {
	tests := []struct {
		n      int
		lettre string
		ok     bool
	}{{1, "a", true}, {7, "g", true}, {8, "g bis", true}, {9, "", false}, {10, "h", true}, {15, "m", true}, {0, "", false}, {16, "", false}}
	for _, tc := range tests {
		l, ok := model.LettreL4411(tc.n)
		if l != tc.lettre || ok != tc.ok {
			t.Errorf("LettreL4411(%d) = %q, %v; want %q, %v", tc.n, l, ok, tc.lettre, tc.ok)
		}
	}
	if err := model.CheckPriorite(9); err == nil || !strings.Contains(err.Error(), "saisissez 8") || !strings.Contains(err.Error(), "g bis") {
		t.Errorf("CheckPriorite(9) = %v", err)
	}
	if err := model.CheckPriorite(8); err != nil {
		t.Errorf("CheckPriorite(8) = %v", err)
	}
	if got := model.PrioriteLabel(8); !strings.HasPrefix(got, "g bis) ") || !strings.Contains(got, "(n° 8 de l'annexe 1)") {
		t.Errorf("PrioriteLabel(8) = %q", got)
	}
	// A 9 recorded before the fix is not a priority.
	d := &model.Demande{NUR: "0942500000001GDPUB", Priorites: []int{9}}
	if d.Prioritaire() {
		t.Error("priorites=9 alone is priority")
	}
	r := model.DefaultRegles()
	if v := model.Priorite(d, nil, ref, r); v.Resultat != model.NonApplicable {
		t.Errorf("Priorite = %+v", v)
	}
	d.Priorites = []int{8}
	if v := model.Priorite(d, nil, ref, r); v.Resultat != model.Conforme || !strings.Contains(v.Valeur, "g bis (n° 8)") {
		t.Errorf("Priorite g bis = %+v", v)
	}
}

func TestConformite_PremierQuartile_BaseDuSeuil(t *testing.T) {
	// Revenu fiscal 24 000 €, declared resources 800 €/month, alone (1 UC):
	// 9 600 € per UC on the threshold's basis, under 13 000 €.
	r := model.DefaultRegles()
	r.PremierQuart[2026] = model.Euros(13000)
	m := single(40)
	m.Ressources = model.Ressources{RevenuFiscal: model.Euros(24000), Mensuelles: model.Euros(800)}
	q := model.PremierQuartileMenage(m, ref, r)
	if !q.Connu || !q.Sous || q.ParUC != model.Euros(9600) || q.FiscalParUC != model.Euros(24000) {
		t.Fatalf("quartile = %+v", q)
	}
	for _, want := range []string{"800" + nbsp + "€ × 12 ÷ 1\u00a0UC = 9" + nbsp + "600" + nbsp + "€", "24" + nbsp + "000" + nbsp + "€", "premier quartile"} {
		if !strings.Contains(strings.ReplaceAll(q.Explication, ",00", ""), want) {
			t.Errorf("Explication %q lacks %q", q.Explication, want)
		}
	}
	if par, ok := model.RessourcesParUCQuartile(m, 1); !ok || par != model.Euros(9600) {
		t.Errorf("RessourcesParUCQuartile = %s %v", par, ok)
	}
	m.Ressources.Mensuelles = 0
	if _, ok := model.RessourcesParUCQuartile(m, 1); ok {
		t.Error("unknown monthly resources gave a figure")
	}
}

func TestConformite_RenouvellementUrbain(t *testing.T) {
	// Outside QPV: an applicant above the threshold rehoused for the
	// office's works does not count; one rehoused by an ANRU operation does.
	r := model.DefaultRegles()
	r.PremierQuart[2026] = model.Euros(10000)
	lignes := []model.LigneObjectif{
		{Attribue: true, Profil: &model.ProfilCandidat{UC: 1, QuartileUC: model.Euros(20000), QuartileConnu: true, Mutation: true}},
		{Attribue: true, Profil: &model.ProfilCandidat{UC: 1, QuartileUC: model.Euros(20000), QuartileConnu: true, RenouvellementUrbain: true}},
	}
	o := model.ObjectifQuartileHorsQPV(lignes, 2026, r)
	if o.Numerateur != 1 || o.Denominateur != 2 {
		t.Errorf("%d / %d, want 1 / 2", o.Numerateur, o.Denominateur)
	}
}

func TestConformite_L44231_SousOccupation(t *testing.T) {
	l := &model.Logement{Reference: "ARC-T5", Commune: "Arcueil", Typologie: 5, Pieces: 5, Surface: 90}
	sous := model.SousOccupation(5, 1, 0)
	wantResultat(t, sous, model.Alerte)
	tests := []struct {
		name string
		m    *model.Menage
		qpv  bool
		want model.Resultat
	}{
		{"tenant whose 65th birthday is the review date is not exempt", household(model.Personne{Lien: model.Titulaire, Nom: "Durand", DateNaissance: ref.AddYears(-65)}), false, model.Alerte},
		{"tenant the day after the 65th birthday is exempt", household(model.Personne{Lien: model.Titulaire, Nom: "Durand", DateNaissance: ref.AddYears(-65).AddDays(-1)}), false, model.Conforme},
		{"tenant of 65 and 11 months is exempt", household(model.Personne{Lien: model.Titulaire, Nom: "Durand", DateNaissance: ref.AddYears(-66).AddDays(30)}), false, model.Conforme},
		{"tenant of 64 is not exempt", single(64), false, model.Alerte},
		{"disabled tenant", household(handi(pers(model.Titulaire, 50))), false, model.Conforme},
		{"loss of autonomy", household(func() model.Personne { p := pers(model.Titulaire, 50); p.PerteAutonomie = true; return p }()), false, model.Conforme},
		{"dwelling in QPV", single(50), true, model.Conforme},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := *l
			l.QPV = tc.qpv
			v := model.OffresSousOccupation(tc.m, &l, sous, ref)
			wantResultat(t, v, tc.want)
			if strings.Contains(v.Explication, "congé") || strings.Contains(v.Explication, "préavis") {
				t.Errorf("wording of other landlords: %q", v.Explication)
			}
			if tc.want == model.Alerte && (!strings.Contains(v.Explication, "perd le droit au maintien dans les lieux") || !strings.Contains(v.Explication, "six mois après la notification de la troisième offre")) {
				t.Errorf("Explication = %q", v.Explication)
			}
		})
	}
	if v := model.OffresSousOccupation(single(50), l, model.SousOccupation(2, 1, 0), ref); v.Resultat != model.NonApplicable {
		t.Errorf("without under-occupation: %+v", v)
	}
}

func TestConformite_PerteAutonomie_Situation4(t *testing.T) {
	p := pers(model.Titulaire, 70)
	p.PerteAutonomie = true
	m := household(p)
	plain := &model.Logement{Reference: "L", Commune: "Arcueil", Typologie: 2, Pieces: 2, Surface: 40}
	v := model.HandicapSansLogementAdapte(plain, m)
	wantResultat(t, v, model.Alerte)
	if !strings.Contains(v.Explication, "perte d'autonomie") || !strings.Contains(v.Explication, "4°") {
		t.Errorf("Explication = %q", v.Explication)
	}
	pmr := *plain
	pmr.PMR = true
	wantResultat(t, model.HandicapSansLogementAdapte(&pmr, m), model.Conforme)
	wantResultat(t, model.LogementAdapteSansHandicap(&pmr, m, ref, model.DefaultRegles()), model.Conforme)
}

func TestConformite_DroitDeVisite_L6212(t *testing.T) {
	// A single parent in a T3 of 3 rooms with a child received under
	// visiting rights: 2 occupants for the rooms test (3 ≤ 2 + 1), not
	// under-occupied; without the child, under-occupied. The child is not a
	// household member for the category or the UC.
	r := model.DefaultRegles()
	enfant := pers(model.Enfant, 8)
	enfant.DroitDeVisite = true
	m := household(pers(model.Titulaire, 40), enfant)
	c := model.Compose(m, ref, r)
	if c.Personnes != 1 || c.Visite != 1 {
		t.Fatalf("Compose = %+v", c)
	}
	v := model.SousOccupation(3, c.Personnes, c.Visite)
	wantResultat(t, v, model.Conforme)
	if !strings.Contains(v.Valeur, "dont 1 enfant(s) en droit de visite et d'hébergement") {
		t.Errorf("Valeur = %q", v.Valeur)
	}
	wantResultat(t, model.SousOccupation(3, 1, 0), model.Alerte)
	if uc, _ := model.UnitesConsommation(m, ref, r); uc != 1 {
		t.Errorf("UC = %v, want 1 (the visiting child is not counted)", uc)
	}
	if cat, _, _ := model.Categorie(m, ref, r); cat != 1 {
		t.Errorf("category %d, want 1", cat)
	}
	bad := household(pers(model.Titulaire, 40))
	bad.Personnes[0].DroitDeVisite = true
	if err := bad.Validate(); err == nil || !strings.Contains(err.Error(), "ne concerne qu'un enfant") {
		t.Errorf("Validate = %v", err)
	}
}

func TestConformite_ProchainExamen(t *testing.T) {
	bail := model.NewDate(2019, 4, 14)
	tests := []struct {
		at, want model.Date
	}{
		{model.NewDate(2026, 11, 22), model.NewDate(2028, 4, 14)},
		{model.NewDate(2025, 4, 14), model.NewDate(2025, 4, 14)},
		{model.NewDate(2025, 4, 15), model.NewDate(2028, 4, 14)},
		{model.NewDate(2019, 4, 14), model.NewDate(2022, 4, 14)},
	}
	for _, tc := range tests {
		if got := model.ProchainExamen(bail, tc.at); got != tc.want {
			t.Errorf("ProchainExamen(%s, %s) = %s, want %s", bail, tc.at, got, tc.want)
		}
	}
	if got := model.ProchainExamen(0, ref); !got.IsZero() {
		t.Errorf("unknown lease date gave %s", got)
	}
}

func TestConformite_RefusAdapte(t *testing.T) {
	r := model.DefaultRegles()
	d := &model.Demande{RefusAdapte: model.NewDate(2026, 5, 2), MotifRefus: "logement au 4e étage sans ascenseur"}
	v := model.RefusAdapte(d, ref, r)
	wantResultat(t, v, model.Alerte)
	if !strings.Contains(v.Explication, "jusqu'au 02/05/2027") || !strings.Contains(v.Source, "une durée d'une année") || !strings.Contains(v.Source, "tel que le handicap") {
		t.Errorf("%+v", v)
	}
	d.RefusLegitime, d.MotifRefus = true, "handicap : logement inaccessible"
	v = model.RefusAdapte(d, ref, r)
	wantResultat(t, v, model.Conforme)
	if !strings.Contains(v.Explication, "motif légitime (handicap : logement inaccessible)") {
		t.Errorf("Explication = %q", v.Explication)
	}
	// A year after the refusal, the priority is back (exactly one year).
	d.RefusLegitime = false
	wantResultat(t, model.RefusAdapte(d, model.NewDate(2027, 5, 2), r), model.Conforme)
	wantResultat(t, model.RefusAdapte(d, model.NewDate(2027, 5, 1), r), model.Alerte)
}
