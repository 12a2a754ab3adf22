package model

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"
)

// anneeRapport is a hand-built year 2026: a session held in Logis in
// January (a dwelling outside QPV allocated to a DALO applicant; a QPV
// dwelling ranked, whose rank 1 — a tenant — refused and rank 2 signed;
// an occupancy case), an imported session in March (one dwelling outside
// QPV allocated to a transfer, lease signed), and two sessions that do not
// count (one in preparation, one of 2025).
func anneeRapport() DonneesRapport {
	// Resources per UC on the threshold's basis, written through JSON so
	// that every field the objectives may read (ressources_uc, quartile_uc)
	// holds the same figure.
	prof := func(euros int64, uc float64) *ProfilCandidat {
		p := &ProfilCandidat{}
		js := fmt.Sprintf(`{"ressources_uc":%d,"quartile_uc":%d,"quartile_connu":true,"uc":%g}`, euros*100, euros*100, uc)
		if err := json.Unmarshal([]byte(js), p); err != nil {
			panic(err)
		}
		return p
	}
	k1, k4, k6, k7 := prof(8000, 1.5), prof(14000, 2), prof(30000, 1), prof(20000, 2)
	k1.DALO, k4.Mutation, k6.Prioritaire, k7.Mutation = true, true, true, true
	dec := func(t TypeDecision, rang int, motifs ...string) *Decision {
		return &Decision{Type: t, Rang: rang, Motifs: motifs}
	}
	jan := NewDate(2026, 1, 15)
	a := Commission{ID: "C2026-001", Date: jan, Commune: "Arcueil", Type: CommissionMixte, Statut: Close,
		Logements: []DossierLogement{
			{Logement: "L1", Commune: "Arcueil", Candidats: []Candidat{
				{NUR: "K1", Profil: k1, Decision: dec(Attribution, 0)},
				{NUR: "K2", Profil: prof(15000, 2), Decision: dec(NonAttribution, 0, "autre_candidat")},
				{NUR: "K3", Profil: prof(12000, 2), Decision: dec(NonAttribution, 0, "effort")}}},
			{Logement: "L2", Commune: "Arcueil", QPV: true, Candidats: []Candidat{
				{NUR: "K4", Profil: k4, Decision: dec(AttributionClassee, 1)},
				{NUR: "K5", Profil: prof(9000, 1.8), Decision: dec(AttributionClassee, 2)},
				{NUR: "K6", Profil: k6, Decision: dec(Irrecevabilite, 0, "plafond")}}},
		},
		Occupation: []DossierOccupation{{Menage: "M9", Logement: "L9", Situations: []string{"sous_occupation"}, Constat: "Sous-occupation constatée.", LogementAdapte: "T2"}},
		Suites: []SuiteOffre{
			{Logement: "L2", NUR: "K4", Reponse: OffreRefusee, Date: NewDate(2026, 1, 25), Motif: "quartier", Penalite: true},
			{Logement: "L2", NUR: "K5", Reponse: OffreAcceptee, Date: NewDate(2026, 2, 1)},
			{Logement: "L2", NUR: "K5", Reponse: OffreBailSigne, Date: NewDate(2026, 2, 15)},
		}}
	b := Commission{ID: "IMP-2026-03", Date: NewDate(2026, 3, 10), Commune: "Cachan", Type: CommissionAttribution, Statut: Close,
		Import:    &ImportSeance{Fichier: "decisions.csv", Le: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)},
		Logements: []DossierLogement{{Logement: "L3", Commune: "Cachan", Candidats: []Candidat{{NUR: "K7", Profil: k7, Decision: dec(Attribution, 0)}}}},
		Suites:    []SuiteOffre{{Logement: "L3", NUR: "K7", Reponse: OffreBailSigne, Date: NewDate(2026, 4, 1)}}}
	prep := Commission{ID: "C2026-002", Date: NewDate(2026, 5, 1), Statut: EnPreparation,
		Logements: []DossierLogement{{Logement: "L1", Candidats: []Candidat{{NUR: "K2", Profil: prof(1, 1), Decision: dec(Attribution, 0)}}}}}
	old := Commission{ID: "C2025-009", Date: NewDate(2025, 12, 1), Statut: Close,
		Logements: []DossierLogement{{Logement: "L1", Candidats: []Candidat{{NUR: "K3", Profil: prof(1, 1), Decision: dec(Attribution, 0)}}}}}
	r := DefaultRegles()
	r.PremierQuart[2026] = Euros(10000)
	r.PremierQuart[2025] = Euros(99999) // another year's threshold is never used
	return DonneesRapport{Annee: 2026, Seances: []Commission{old, b, a, prep}, Regles: r,
		Logements: map[string]InfoLogement{"L1": {Contingent: "préfecture", Typologie: 3}, "L2": {Contingent: "bailleur", Typologie: 2}, "L3": {Typologie: 4}},
		Depots:    map[string]Date{"K1": NewDate(2025, 6, 1), "K5": NewDate(2020, 1, 15), "K7": NewDate(2024, 3, 10)}}
}

func TestCalculerRapport(t *testing.T) {
	rep := CalculerRapport(anneeRapport())
	byCode := map[string]Indicateur{}
	for _, in := range rep.Indicateurs() {
		if _, dup := byCode[in.Code]; dup {
			t.Errorf("indicator %s twice", in.Code)
		}
		byCode[in.Code] = in
	}
	nan := math.NaN()
	for _, w := range []struct {
		code      string
		num, den  int
		taux, cib float64
		atteint   string
	}{
		{"designations_prioritaires", 2, 7, 2.0 / 7, 0.25, "oui"},
		{"attributions_premier_quartile_hors_qpv", 1, 2, 0.5, 0.25, "oui"},
		{"attributions_au_dessus_quartile_qpv", 0, 1, 0, 0.5, "non"},
		{"attributions_mutations", 1, 3, 1.0 / 3, 0.2, "oui"},
		{"baux_signes_premier_quartile_hors_qpv", 0, 1, 0, 0.25, "non"},
		{"baux_en_attente_hors_qpv", 1, -1, nan, nan, ""},
		{"seances", 2, -1, nan, nan, ""},
		{"seances_importees", 1, -1, nan, nan, ""},
		{"logements_examines", 3, -1, nan, nan, ""},
		{"candidats_examines", 7, -1, nan, nan, ""},
		{"attributions", 3, -1, nan, nan, ""},
		{"decisions_attribution", 2, -1, nan, nan, ""},
		{"decisions_classement", 2, -1, nan, nan, ""},
		{"decisions_condition_suspensive", 0, -1, nan, nan, ""},
		{"decisions_non_attribution", 2, -1, nan, nan, ""},
		{"decisions_irrecevabilite", 1, -1, nan, nan, ""},
		{"motif_non_attribution_autre_candidat", 1, -1, nan, nan, ""},
		{"motif_non_attribution_effort", 1, -1, nan, nan, ""},
		{"motif_irrecevabilite_plafond", 1, -1, nan, nan, ""},
		{"logements_trois_candidats", 2, 3, 2.0 / 3, nan, ""},
		{"logements_moins_de_trois_sans_exception", 1, -1, nan, nan, ""},
		{"examens_occupation", 1, -1, nan, nan, ""},
		{"examens_occupation_constats", 1, -1, nan, nan, ""},
		{"situation_sous_occupation", 1, -1, nan, nan, ""},
		{"offres", 3, -1, nan, nan, ""},
		{"offres_refusees", 1, -1, nan, nan, ""},
		{"offres_acceptees", 2, -1, nan, nan, ""}, // K5 accepted then signed, K7 signed
		{"baux_signes", 2, -1, nan, nan, ""},
		{"baux_en_attente", 1, -1, nan, nan, ""},
		{"penalites_refus", 1, -1, nan, nan, ""},
		{"attributions_commune_arcueil", 2, -1, nan, nan, ""},
		{"attributions_commune_cachan", 1, -1, nan, nan, ""},
		{"attributions_contingent_prefecture", 1, -1, nan, nan, ""},
		{"attributions_contingent_bailleur", 1, -1, nan, nan, ""},
		{"attributions_contingent_non_renseigne", 1, -1, nan, nan, ""},
		{"attributions_typologie_t2", 1, -1, nan, nan, ""},
		{"attributions_typologie_t4", 1, -1, nan, nan, ""},
		{"attributions_qpv_qpv", 1, -1, nan, nan, ""},
		{"attributions_qpv_hors_qpv", 2, -1, nan, nan, ""},
		{"anciennete_mediane_mois", 24, -1, nan, nan, ""},
		{"anciennete_moins_1_an", 1, -1, nan, nan, ""},
		{"anciennete_1_2_ans", 0, -1, nan, nan, ""},
		{"anciennete_2_5_ans", 1, -1, nan, nan, ""},
		{"anciennete_5_10_ans", 1, -1, nan, nan, ""},
		{"attributions_mois_01", 2, -1, nan, nan, ""},
		{"attributions_mois_02", 0, -1, nan, nan, ""},
		{"attributions_mois_03", 1, -1, nan, nan, ""},
	} {
		in, ok := byCode[w.code]
		if !ok {
			t.Errorf("%s: missing", w.code)
			continue
		}
		if in.Numerateur != w.num || in.Denominateur != w.den || !sameRate(in.Taux, w.taux) || !sameRate(in.Cible, w.cib) || in.Atteint != w.atteint || in.Libelle == "" {
			t.Errorf("%s = %+v, want %d/%d taux %v cible %v atteint %q", w.code, in, w.num, w.den, w.taux, w.cib, w.atteint)
		}
	}
	for i, want := range [][4]float64{
		{2.0 / 6, 1, 0, 0}, {2.0 / 6, 1, 0, 0}, {2.0 / 7, 0.5, 0, 1.0 / 3}, {2.0 / 7, 0.5, 0, 1.0 / 3},
	} {
		for j := range want {
			if !sameRate(rep.Mois[i].Taux[j], want[j]) {
				t.Errorf("month %d objective %d: %v, want %v", i+1, j, rep.Mois[i].Taux[j], want[j])
			}
		}
	}
	if e := rep.Objectifs[1].Explication; !strings.Contains(e, "Suivi des baux (suite des offres) : 1 bail signé sur 2 attributions hors QPV, dont 0 au premier quartile ou en renouvellement urbain (0,0\u00a0% des baux signés dont les ressources sont connues) ; 1 en attente de signature.") || strings.Contains(e, "pas suivie par Logis") {
		t.Errorf("leases not told: %q", e)
	}
	for _, o := range rep.Objectifs {
		if o.Source == "" || o.Explication == "" {
			t.Errorf("objective without source or explanation: %+v", o)
		}
	}
}

func TestCalculerRapport_SeuilManquant(t *testing.T) {
	d := anneeRapport()
	delete(d.Regles.PremierQuart, 2026)
	rep := CalculerRapport(d)
	if rep.SeuilConnu {
		t.Fatal("threshold taken from another year")
	}
	got := map[string]Indicateur{}
	for _, in := range rep.Indicateurs() {
		got[in.Code] = in
	}
	for _, code := range []string{"attributions_premier_quartile_hors_qpv", "attributions_au_dessus_quartile_qpv", "baux_signes_premier_quartile_hors_qpv"} {
		if in := got[code]; in.Atteint != "données manquantes" || !in.Manquant || !math.IsNaN(in.Taux) {
			t.Errorf("%s = %+v", code, in)
		}
	}
	if in := got["attributions_mutations"]; in.Atteint != "oui" || in.Numerateur != 1 {
		t.Errorf("mutations %+v", in)
	}
	if !math.IsNaN(rep.Mois[11].Taux[1]) || !math.IsNaN(rep.Mois[11].Taux[2]) || math.IsNaN(rep.Mois[11].Taux[3]) {
		t.Errorf("december rates %v", rep.Mois[11].Taux)
	}
}

func TestCalculerRapport_AnneeVide(t *testing.T) {
	rep := CalculerRapport(DonneesRapport{Annee: 2030, Seances: anneeRapport().Seances})
	if rep.Activite.Seances != 0 || rep.Activite.Attributions != 0 || rep.Anciennete.N != 0 {
		t.Fatalf("%+v", rep.Activite)
	}
	for _, o := range rep.Objectifs {
		if o.Resultat == Conforme || o.Resultat == Alerte {
			t.Errorf("empty year measured: %+v", o)
		}
	}
}

func sameRate(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Abs(a-b) < 1e-9
}
