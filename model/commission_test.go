package model_test

import (
	"strings"
	"testing"

	"logis/model"
)

var sessionDay = model.NewDate(2026, 12, 3)

func TestDecision_Validate(t *testing.T) {
	facts := "Revenu fiscal de référence 2024 au-dessus du plafond PLUS."
	cases := []struct {
		name string
		d    model.Decision
		want string // "" = valid; else a fragment of the message
	}{
		{"attribution", model.Decision{Type: model.Attribution}, ""},
		{"classement with rank", model.Decision{Type: model.AttributionClassee, Rang: 2}, ""},
		{"classement without rank", model.Decision{Type: model.AttributionClassee}, "le rang de classement est obligatoire"},
		{"condition suspensive", model.Decision{Type: model.ConditionSuspensive, Pieces: []string{model.PiecesJustificatives[0]}, DateLimite: sessionDay.AddDays(15)}, ""},
		{"condition suspensive without document", model.Decision{Type: model.ConditionSuspensive, DateLimite: sessionDay.AddDays(15)}, "pièces manquantes"},
		{"condition suspensive without deadline", model.Decision{Type: model.ConditionSuspensive, Pieces: []string{model.PiecesJustificatives[1]}}, "la date limite"},
		{"condition suspensive deadline on the session day", model.Decision{Type: model.ConditionSuspensive, Pieces: []string{model.PiecesJustificatives[1]}, DateLimite: sessionDay}, "doit suivre la date de la commission"},
		{"condition suspensive with a document outside the list", model.Decision{Type: model.ConditionSuspensive, Pieces: []string{"lettre de motivation"}, DateLimite: sessionDay.AddDays(15)}, "« lettre de motivation » n'est pas une pièce de la liste limitative"},
		{"non-attribution with reason and facts", model.Decision{Type: model.NonAttribution, Motifs: []string{"typologie"}, Precisions: "Ménage de 5 personnes pour un T2."}, ""},
		{"non-attribution with facts only", model.Decision{Type: model.NonAttribution, Precisions: "Ménage de 5 personnes pour un T2."}, ""},
		{"non-attribution without reasons", model.Decision{Type: model.NonAttribution}, "les motifs en fait et en droit sont obligatoires"},
		{"non-attribution with a bare label", model.Decision{Type: model.NonAttribution, Motifs: []string{"effort"}}, "un motif seul n'est pas une motivation suffisante"},
		{"non-attribution with an unknown reason", model.Decision{Type: model.NonAttribution, Motifs: []string{"capacite_insertion"}, Precisions: facts}, "motif inconnu « capacite_insertion »"},
		{"non-attribution with a reason of irrecevabilité", model.Decision{Type: model.NonAttribution, Motifs: []string{"plafond"}, Precisions: facts}, "motif inconnu « plafond »"},
		{"irrecevabilité", model.Decision{Type: model.Irrecevabilite, Motifs: []string{"plafond"}, Precisions: facts}, ""},
		{"irrecevabilité without reasons", model.Decision{Type: model.Irrecevabilite}, "les motifs en fait et en droit sont obligatoires"},
		{"no type", model.Decision{}, "choisissez l'une des cinq décisions"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.d.Validate(sessionDay)
			if c.want == "" {
				if err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				return
			}
			wantInvalid(t, err, "Décision : ", c.want)
		})
	}
	if len(model.TypesDecision) != 5 {
		t.Errorf("%d decisions, R.441-3 has five", len(model.TypesDecision))
	}
	for _, typ := range model.TypesDecision {
		if typ.Label() == string(typ) {
			t.Errorf("decision %q has no French label", typ)
		}
	}
	for _, list := range [][]model.Motif{model.MotifsNonAttribution, model.MotifsIrrecevabilite} {
		for _, m := range list {
			if m.Code == "" || m.Libelle == "" || m.Droit == "" {
				t.Errorf("reason without its fact or legal basis: %+v", m)
			}
		}
	}
}

func cand(nur string, d *model.Decision) model.Candidat {
	return model.Candidat{NUR: nur, Menage: "M-" + nur, Decision: d}
}

func TestDossierLogement_ControleDecisions(t *testing.T) {
	att := &model.Decision{Type: model.Attribution}
	cs := &model.Decision{Type: model.ConditionSuspensive, Pieces: []string{"x"}, DateLimite: sessionDay.AddDays(10)}
	non := &model.Decision{Type: model.NonAttribution, Precisions: "Le logement est trop petit."}
	cl := func(r int) *model.Decision { return &model.Decision{Type: model.AttributionClassee, Rang: r} }
	cases := []struct {
		name  string
		cands []model.Candidat
		final bool
		want  string
		benef string
	}{
		{"one attribution", []model.Candidat{cand("1", att), cand("2", non), cand("3", non)}, true, "", "1"},
		{"condition suspensive", []model.Candidat{cand("1", non), cand("2", cs), cand("3", nil)}, false, "", "2"},
		{"missing decision at closing", []model.Candidat{cand("1", cs), cand("2", nil)}, true, "la demande 2 n'a pas de décision", "1"},
		{"two attributions", []model.Candidat{cand("1", att), cand("2", cs)}, false, "qu'à un seul candidat", "1"},
		{"attribution and classement", []model.Candidat{cand("1", att), cand("2", cl(2))}, false, "ne se combine pas", "1"},
		{"classement", []model.Candidat{cand("1", cl(2)), cand("2", cl(1)), cand("3", cl(3))}, true, "", "2"},
		{"same rank twice", []model.Candidat{cand("1", cl(1)), cand("2", cl(1))}, false, "le rang 1 est donné à 2 candidats", "1"},
		{"rank gap at closing", []model.Candidat{cand("1", cl(1)), cand("2", cl(3))}, true, "rang 2 absent", "1"},
		{"rank gap while entering", []model.Candidat{cand("1", cl(1)), cand("2", cl(3))}, false, "", "1"},
		{"nothing allocated", []model.Candidat{cand("1", non)}, true, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := &model.DossierLogement{Logement: "ARC-1", Candidats: c.cands}
			err := d.ControleDecisions(c.final)
			if c.want == "" && err != nil {
				t.Fatalf("unexpected %v", err)
			}
			if c.want != "" {
				wantInvalid(t, err, "Logement ARC-1 : ", c.want)
			}
			b := d.Beneficiaire()
			if got := ""; b != nil {
				got = b.NUR
				if got != c.benef {
					t.Errorf("beneficiary %q, want %q", got, c.benef)
				}
			} else if c.benef != "" {
				t.Errorf("no beneficiary, want %q", c.benef)
			}
		})
	}
}

func TestTroisCandidats(t *testing.T) {
	prefet := model.Candidat{NUR: "1", Profil: &model.ProfilCandidat{DALO: true, DALOPrefet: true}}
	cases := []struct {
		name      string
		n         int
		exception string
		extra     []model.Candidat
		want      model.Resultat
		fragment  string
	}{
		{"three", 3, "", nil, model.Conforme, "3 candidats sont présentés"},
		{"two without exception", 2, "", nil, model.Alerte, "au moins trois candidats, sauf insuffisance de candidats"},
		{"not enough candidates", 1, model.ExceptionsTroisCandidats[0], nil, model.Conforme, "exception retenue : insuffisance du nombre des candidats"},
		{"DALO designated by the préfet", 0, model.ExceptionsTroisCandidats[1], []model.Candidat{prefet}, model.Conforme, "exception retenue"},
		{"DALO exception without such a candidate", 1, model.ExceptionsTroisCandidats[1], nil, model.Alerte, "aucun candidat présenté n'est un DALO désigné par le préfet"},
		{"D.331-25-1 dwelling", 1, model.ExceptionsTroisCandidats[2], nil, model.Conforme, "D.331-25-1"},
		{"unknown exception", 1, "urgence", nil, model.Alerte, "n'est pas une exception prévue"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := &model.DossierLogement{Logement: "ARC-1", Exception: c.exception}
			for i := 0; i < c.n; i++ {
				d.Candidats = append(d.Candidats, model.Candidat{NUR: string(rune('a' + i))})
			}
			d.Candidats = append(d.Candidats, c.extra...)
			v := model.TroisCandidats(d)
			wantResultat(t, v, c.want)
			if !strings.Contains(v.Explication, c.fragment) || v.Source != "Art. R.441-3 CCH" {
				t.Errorf("explication %q lacks %q (source %q)", v.Explication, c.fragment, v.Source)
			}
		})
	}
}

func TestCommission_Quorum(t *testing.T) {
	m := func(voix, present bool) model.Membre { return model.Membre{Nom: "X", Voix: voix, Present: present} }
	cases := []struct {
		name    string
		membres []model.Membre
		want    model.Resultat
		valeur  string
	}{
		{"no voting member", []model.Membre{m(false, true)}, model.Incomplet, "0 membre(s) à voix délibérative présent(s) sur 0"},
		{"half of six", []model.Membre{m(true, true), m(true, true), m(true, true), m(true, false), m(true, false), m(true, false), m(false, true)}, model.Conforme, "3 membre(s) à voix délibérative présent(s) sur 6"},
		{"below half of seven", []model.Membre{m(true, true), m(true, true), m(true, true), m(true, false), m(true, false), m(true, false), m(true, false)}, model.Alerte, "3 membre(s) à voix délibérative présent(s) sur 7"},
		{"advisory members do not count", []model.Membre{m(true, false), m(true, false), m(false, true), m(false, true)}, model.Alerte, "0 membre(s) à voix délibérative présent(s) sur 2"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := &model.Commission{Membres: c.membres}
			v := s.Quorum()
			if v.Resultat != c.want || v.Valeur != c.valeur || v.Explication == "" || v.Source == "" {
				t.Errorf("quorum %+v, want %s %q", v, c.want.Label(), c.valeur)
			}
		})
	}
}

func TestCommission_Validate(t *testing.T) {
	ok := model.Commission{ID: "C2026-001", Date: sessionDay, Lieu: "Siège", Type: model.CommissionMixte, Membres: []model.Membre{{Nom: "A"}}}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	bad := ok
	bad.ID, bad.Date, bad.Lieu, bad.Type = " ", 0, "", "autre"
	bad.Membres = []model.Membre{{Nom: " "}}
	wantInvalid(t, bad.Validate(), "l'identifiant est obligatoire", "la date est obligatoire", "le lieu est obligatoire", "le type doit être", "le nom du membre n° 1")
	for _, typ := range []model.TypeCommission{model.CommissionAttribution, model.CommissionOccupation, model.CommissionMixte} {
		if typ.Label() == "" {
			t.Errorf("no label for %q", typ)
		}
	}
	if model.Close.Label() != "close" || model.EnPreparation.Label() != "en préparation" {
		t.Errorf("status labels")
	}
}

func TestCommission_ProblemesCloture(t *testing.T) {
	att := &model.Decision{Type: model.Attribution}
	non := &model.Decision{Type: model.NonAttribution, Motifs: []string{"autre_candidat"}, Precisions: "Attribué au candidat DALO."}
	complete := func() *model.Commission {
		return &model.Commission{ID: "C2026-001", Date: sessionDay, Lieu: "Siège", Type: model.CommissionMixte,
			Membres: []model.Membre{{Nom: "A", Voix: true, Present: true}, {Nom: "B", Voix: true}},
			Logements: []model.DossierLogement{
				{Logement: "L1", Candidats: []model.Candidat{cand("1", att), cand("2", non), cand("3", non)}},
				{Logement: "L2", Exception: model.ExceptionsTroisCandidats[0], Candidats: []model.Candidat{cand("4", att)}},
			},
			Occupation: []model.DossierOccupation{{Menage: "M9", Logement: "L9", Constat: "Sous-occupation constatée.", LogementAdapte: "T2"}},
		}
	}
	if p := complete().ProblemesCloture(); len(p) != 0 {
		t.Fatalf("complete session: %q", p)
	}
	cases := []struct {
		name   string
		change func(c *model.Commission)
		want   string
	}{
		{"quorum", func(c *model.Commission) { c.Membres[0].Present = false }, "Le quorum n'est pas atteint"},
		{"no candidate", func(c *model.Commission) { c.Logements[1].Candidats = nil }, "Le logement L2 n'a aucun candidat"},
		{"fewer than three", func(c *model.Commission) { c.Logements[1].Exception = "" }, "Logement L2 : 1 candidat(s) seulement"},
		{"missing decision", func(c *model.Commission) { c.Logements[0].Candidats[2].Decision = nil }, "la demande 3 n'a pas de décision"},
		{"invalid decision", func(c *model.Commission) {
			c.Logements[0].Candidats[2].Decision = &model.Decision{Type: model.NonAttribution}
		}, "Logement L1, demande 3 : Décision : les motifs"},
		{"two dwellings for one applicant", func(c *model.Commission) { c.Logements[1].Candidats[0].NUR = "1" }, "La demande 1 reçoit le logement L1 et le logement L2"},
		{"occupancy without finding", func(c *model.Commission) { c.Occupation[0].LogementAdapte = " " }, "Le ménage M9 (examen de l'occupation) n'a pas de constat"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := complete()
			c.change(s)
			p := s.ProblemesCloture()
			if !strings.Contains(strings.Join(p, "\n"), c.want) {
				t.Errorf("problems %q lack %q", p, c.want)
			}
		})
	}
}
