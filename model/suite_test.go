package model

import "testing"

func TestParseReponseOffre(t *testing.T) {
	for in, want := range map[string]ReponseOffre{"accepte": OffreAcceptee, "Acceptée": OffreAcceptee, "refus": OffreRefusee,
		"sans-reponse": OffreSansReponse, "sans_réponse": OffreSansReponse, "BAIL": OffreBailSigne} {
		if got, err := ParseReponseOffre(in); err != nil || got != want {
			t.Errorf("%q: %q %v", in, got, err)
		}
	}
	if _, err := ParseReponseOffre("peut-être"); ErrorCode(err) != EINVALID {
		t.Errorf("err %v", err)
	}
}

func TestTitulaireOffre(t *testing.T) {
	ranked := func(r int) *Decision { return &Decision{Type: AttributionClassee, Rang: r} }
	c := &Commission{ID: "C2026-001", Date: NewDate(2026, 3, 2), Statut: Close, Logements: []DossierLogement{
		{Logement: "L1", Candidats: []Candidat{{NUR: "A", Decision: ranked(2)}, {NUR: "B", Decision: ranked(1)}, {NUR: "C", Decision: ranked(3)}}},
		{Logement: "L2", Candidats: []Candidat{{NUR: "D", Decision: &Decision{Type: NonAttribution}}, {NUR: "E", Decision: &Decision{Type: ConditionSuspensive}}}},
	}}
	holder := func(ref string) string {
		if k := c.TitulaireOffre(ref); k != nil {
			return k.NUR
		}
		return ""
	}
	steps := []struct {
		suite      SuiteOffre
		l1, l2     string
		controlErr bool
	}{
		{SuiteOffre{}, "B", "E", false},
		{SuiteOffre{Logement: "L1", NUR: "A", Reponse: OffreAcceptee}, "B", "E", true}, // rank 2 does not hold it yet
		{SuiteOffre{Logement: "L1", NUR: "B", Reponse: OffreRefusee, Motif: "loin"}, "A", "E", false},
		{SuiteOffre{Logement: "L1", NUR: "A", Reponse: OffreSansReponse}, "C", "E", false},
		{SuiteOffre{Logement: "L2", NUR: "E", Reponse: OffreRefusee, Motif: "santé", Legitime: true}, "C", "", false},
		{SuiteOffre{Logement: "L2", NUR: "D", Reponse: OffreAcceptee}, "C", "", true}, // not allocated
	}
	for i, s := range steps {
		if s.suite.NUR != "" {
			s.suite.Date = NewDate(2026, 3, 10)
			err := c.ControleSuite(&s.suite, NewDate(2026, 3, 20))
			if (err != nil) != s.controlErr {
				t.Fatalf("step %d: control %v", i, err)
			}
			if err == nil {
				c.Suites = append(c.Suites, s.suite)
			}
		}
		if holder("L1") != s.l1 || holder("L2") != s.l2 {
			t.Fatalf("step %d: holders %q %q, want %q %q", i, holder("L1"), holder("L2"), s.l1, s.l2)
		}
	}
}

func TestPenaliteRefus(t *testing.T) {
	for _, x := range []struct {
		s        SuiteOffre
		mutation bool
		want     bool
	}{
		{SuiteOffre{Reponse: OffreRefusee}, true, true},
		{SuiteOffre{Reponse: OffreSansReponse}, true, true},
		{SuiteOffre{Reponse: OffreRefusee, Legitime: true}, true, false},
		{SuiteOffre{Reponse: OffreRefusee}, false, false},
		{SuiteOffre{Reponse: OffreAcceptee}, true, false},
		{SuiteOffre{Reponse: OffreBailSigne}, true, false},
	} {
		if got := PenaliteRefus(&x.s, x.mutation); got != x.want {
			t.Errorf("%+v mutation=%v: %v", x.s, x.mutation, got)
		}
	}
}

func TestProblemesCloture_SeanceImportee(t *testing.T) {
	c := &Commission{ID: "CAL-1", Date: NewDate(2026, 2, 1), Statut: Close, Logements: []DossierLogement{
		{Logement: "L1", Candidats: []Candidat{{NUR: "A", Decision: &Decision{Type: Attribution}}}}}}
	if p := c.ProblemesCloture(); len(p) != 2 {
		t.Fatalf("a session held in Logis needs its quorum and three candidates: %q", p)
	}
	c.Import = &ImportSeance{Fichier: "decisions.csv"}
	if p := c.ProblemesCloture(); len(p) != 0 {
		t.Errorf("imported session: %q", p)
	}
	c.Logements[0].Candidats = append(c.Logements[0].Candidats, Candidat{NUR: "B", Decision: &Decision{Type: Attribution}})
	if p := c.ProblemesCloture(); len(p) != 1 {
		t.Errorf("two attributions must still be refused: %q", p)
	}
}
