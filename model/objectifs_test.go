package model_test

import (
	"math"
	"strings"
	"testing"

	"logis/model"
)

// ligne builds one candidate line of the objectives.
func ligne(qpv, attribue bool, p *model.ProfilCandidat) model.LigneObjectif {
	return model.LigneObjectif{Commission: "C2026-001", Logement: "L", QPV: qpv, NUR: "N", Profil: p, Attribue: attribue}
}

func profilUC(parUC int64) *model.ProfilCandidat {
	return &model.ProfilCandidat{UC: 1.5, QuartileUC: model.Euros(parUC), QuartileConnu: true}
}

func TestBilanObjectifs(t *testing.T) {
	r := model.DefaultRegles()
	r.PremierQuart[2026] = model.Euros(12000)
	dalo := &model.ProfilCandidat{DALO: true, UC: 1, QuartileUC: model.Euros(9000), QuartileConnu: true}
	prio := &model.ProfilCandidat{Prioritaire: true, UC: 2, QuartileUC: model.Euros(15000), QuartileConnu: true}
	mut := &model.ProfilCandidat{Mutation: true, UC: 1.5, QuartileUC: model.Euros(13000), QuartileConnu: true}
	ru := &model.ProfilCandidat{RenouvellementUrbain: true, UC: 1.5, QuartileUC: model.Euros(20000), QuartileConnu: true}

	cases := []struct {
		name     string
		lignes   []model.LigneObjectif
		index    int // objective: 0 priority, 1 Q1 out of QPV, 2 above Q1 in QPV, 3 transfers
		num, den int
		want     model.Resultat
		fragment string
	}{
		{"priority designations reached", []model.LigneObjectif{ligne(false, true, dalo), ligne(false, false, profilUC(20000)), ligne(false, false, profilUC(20000)), ligne(true, false, profilUC(20000))},
			0, 1, 4, model.Conforme, "sur 4 désignation(s) (candidats présentés à la commission), 1 est allée aux ménages DALO ou aux publics prioritaires, soit 25,0\u00a0%"},
		{"priority designations missed", []model.LigneObjectif{ligne(false, true, prio), ligne(false, false, profilUC(20000)), ligne(false, false, profilUC(20000)), ligne(false, false, profilUC(20000)), ligne(false, false, profilUC(20000))},
			0, 1, 5, model.Alerte, "en dessous de l'objectif d'au moins 25,0\u00a0% (il en manque 1 à ce jour)"},
		{"nothing yet", nil, 0, 0, 0, model.NonApplicable, "Aucune désignation"},
		{"first quartile out of QPV", []model.LigneObjectif{ligne(false, true, dalo), ligne(false, true, profilUC(12000)), ligne(false, true, ru), ligne(true, true, dalo), ligne(false, false, dalo)},
			1, 2, 3, model.Conforme, "ressources mensuelles déclarées × 12 ÷ UC inférieures à 12\u00a0000,00\u00a0€"},
		{"first quartile out of QPV missed", []model.LigneObjectif{ligne(false, true, profilUC(12000)), ligne(false, true, profilUC(30000)), ligne(false, true, prio), ligne(false, true, dalo), ligne(false, true, mut)},
			1, 1, 5, model.Alerte, "il en manque 1"},
		{"resources unknown are left out", []model.LigneObjectif{ligne(false, true, dalo), ligne(false, true, &model.ProfilCandidat{}), ligne(false, true, nil)},
			1, 1, 1, model.Conforme, "2 dossier(s) dont la situation ou les ressources ne sont pas connues ne sont pas comptés"},
		{"above the first quartile in QPV", []model.LigneObjectif{ligne(true, true, prio), ligne(true, true, dalo), ligne(true, true, profilUC(12000)), ligne(false, true, profilUC(30000))},
			2, 2, 3, model.Conforme, "ressources mensuelles déclarées × 12 ÷ UC d'au moins 12\u00a0000,00\u00a0€"},
		{"above the first quartile in QPV missed", []model.LigneObjectif{ligne(true, true, prio), ligne(true, true, dalo), ligne(true, true, dalo)},
			2, 1, 3, model.Alerte, "soit 33,3\u00a0%"},
		{"transfers", []model.LigneObjectif{ligne(false, true, mut), ligne(true, true, dalo), ligne(false, true, dalo), ligne(false, true, dalo), ligne(false, true, prio), ligne(false, false, mut)},
			3, 1, 5, model.Conforme, "à des locataires de l'Office (mutations internes), soit 20,0\u00a0%"},
		{"transfers missed", []model.LigneObjectif{ligne(false, true, dalo), ligne(false, false, mut)},
			3, 0, 1, model.Alerte, "0 est allée"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			all := model.BilanObjectifs(c.lignes, 2026, r)
			if len(all) != 4 {
				t.Fatalf("%d objectives", len(all))
			}
			o := all[c.index]
			wantResultat(t, o.Verdict, c.want)
			if o.Numerateur != c.num || o.Denominateur != c.den {
				t.Errorf("%d / %d, want %d / %d", o.Numerateur, o.Denominateur, c.num, c.den)
			}
			if c.den > 0 && math.Abs(o.Part-float64(c.num)/float64(c.den)) > 1e-9 || c.den == 0 && !math.IsNaN(o.Part) {
				t.Errorf("part %v", o.Part)
			}
			if !strings.Contains(o.Explication, c.fragment) {
				t.Errorf("explication %q lacks %q", o.Explication, c.fragment)
			}
			if !strings.Contains(o.Source, "R.441-9") || !strings.Contains(o.Source, "§1.") {
				t.Errorf("source %q", o.Source)
			}
		})
	}
}

// TestObjectifQuartile_Baux: outside QPV, the objective says how many of
// its allocations are followed by a signed lease (and how many of those
// reach the target) and how many still wait — never that Logis does not
// follow the leases.
func TestObjectifQuartile_Baux(t *testing.T) {
	r := model.DefaultRegles()
	r.PremierQuart[2026] = model.Euros(12000)
	bail := func(l model.LigneObjectif) model.LigneObjectif { l.Bail = true; return l }
	q1, haut := profilUC(9000), profilUC(30000)
	cases := []struct {
		name                    string
		seuil                   bool
		lignes                  []model.LigneObjectif
		baux, atteints, attente int
		fragment                string
	}{
		{"leases known", true, []model.LigneObjectif{bail(ligne(false, true, q1)), bail(ligne(false, true, haut)), ligne(false, true, q1), bail(ligne(true, true, q1)), ligne(false, false, q1)},
			2, 1, 1, "Suivi des baux (suite des offres) : 2 baux signés sur 3 attributions hors QPV, dont 1 au premier quartile ou en renouvellement urbain (50,0 % des baux signés dont les ressources sont connues) ; 1 en attente de signature."},
		{"a session in preparation: every lease pending", true, []model.LigneObjectif{ligne(false, true, q1)},
			0, 0, 1, "Suivi des baux (suite des offres) : 0 bail signé sur 1 attribution hors QPV ; 1 en attente de signature."},
		{"unknown resources still count their lease", true, []model.LigneObjectif{bail(ligne(false, true, nil))},
			1, 0, 0, "1 bail signé sur 1 attribution hors QPV, dont 0 au premier quartile ou en renouvellement urbain ; 0 en attente de signature."},
		{"threshold missing: leases counted, their quartile not", false, []model.LigneObjectif{bail(ligne(false, true, q1)), ligne(false, true, haut)},
			1, 0, 1, "Suivi des baux (suite des offres) : 1 bail signé sur 2 attributions hors QPV ; 1 en attente de signature."},
		{"nothing yet", true, nil, 0, 0, 0, "Aucune attribution hors QPV"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			annee := 2026
			if !c.seuil {
				annee = 2027
			}
			o := model.ObjectifQuartileHorsQPV(c.lignes, annee, r)
			if o.Baux != c.baux || o.BauxAtteints != c.atteints || o.EnAttente != c.attente {
				t.Errorf("leases %d (%d reaching), pending %d; want %d (%d), %d", o.Baux, o.BauxAtteints, o.EnAttente, c.baux, c.atteints, c.attente)
			}
			e := strings.ReplaceAll(o.Explication, "\u00a0", " ")
			if !strings.Contains(e, c.fragment) || strings.Contains(e, "pas suivie") {
				t.Errorf("explication %q lacks %q", e, c.fragment)
			}
		})
	}
	for _, o := range model.BilanObjectifs([]model.LigneObjectif{bail(ligne(true, true, haut)), ligne(false, true, q1)}, 2026, r) {
		if strings.Contains(o.Explication, "pas suivie") || o.Regle != model.RegleObjectifQ1HorsQPV && (o.Baux != 0 || o.EnAttente != 0) {
			t.Errorf("%s: %+v", o.Regle, o)
		}
	}
}

func TestBilanObjectifs_QuartileNotEntered(t *testing.T) {
	r := model.DefaultRegles()
	r.PremierQuart[2025] = model.Euros(11000) // last year's threshold is not this year's
	lignes := []model.LigneObjectif{ligne(false, true, profilUC(5000)), ligne(true, true, profilUC(50000))}
	all := model.BilanObjectifs(lignes, 2026, r)
	for _, o := range all[1:3] {
		wantResultat(t, o.Verdict, model.Incomplet)
		if !strings.Contains(o.Explication, "Le seuil du premier quartile 2026") || !strings.Contains(o.Explication, "Logis ne le devine pas") ||
			o.Numerateur != 0 || !math.IsNaN(o.Part) {
			t.Errorf("%s: %+v", o.Regle, o)
		}
	}
	if !strings.Contains(all[1].Valeur, "1 attribution(s) hors QPV en 2026") || !strings.Contains(all[2].Valeur, "1 attribution(s) en QPV") {
		t.Errorf("figures %q / %q", all[1].Valeur, all[2].Valeur)
	}
	// The other two objectives do not need the threshold.
	if all[0].Resultat == model.Incomplet || all[3].Resultat == model.Incomplet {
		t.Errorf("%+v %+v", all[0], all[3])
	}
}

func TestLignesObjectifs(t *testing.T) {
	p := &model.ProfilCandidat{DALO: true, UC: 1}
	c := &model.Commission{ID: "C2026-004", Logements: []model.DossierLogement{
		{Logement: "L1", QPV: true, Candidats: []model.Candidat{
			{NUR: "1", Profil: p, Decision: &model.Decision{Type: model.AttributionClassee, Rang: 2}},
			{NUR: "2", Profil: p, Decision: &model.Decision{Type: model.AttributionClassee, Rang: 1}},
			{NUR: "3", Profil: p}}},
		{Logement: "L2", Candidats: []model.Candidat{{NUR: "4", Decision: &model.Decision{Type: model.NonAttribution}}}},
	}}
	lignes := model.LignesObjectifs(c)
	if len(lignes) != 4 {
		t.Fatalf("%d lines", len(lignes))
	}
	for _, l := range lignes {
		want := l.NUR == "2"
		if l.Attribue != want || l.Commission != "C2026-004" || (l.Logement == "L1") != l.QPV {
			t.Errorf("line %+v", l)
		}
	}
}
