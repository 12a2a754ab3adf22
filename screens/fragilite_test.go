package screens

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"logis/app"
	"logis/model"
)

// fragTexts returns the texts of the labels and cards under o.
func fragTexts(o fyne.CanvasObject) string {
	var b strings.Builder
	for _, x := range test.LaidOutObjects(o) {
		switch v := x.(type) {
		case *widget.Label:
			b.WriteString(v.Text + "\n")
		case *widget.Card:
			b.WriteString(v.Title + "\n")
		}
	}
	return b.String()
}

func TestResidence_FragiliteCard(t *testing.T) {
	m := readyMain(t, 200, 80)
	s := m.patrimoine()
	s.tabs.SelectIndex(1)
	s.res.list.Select(0)
	f := s.rform
	f.fragilite.wg.Wait()
	got := fragTexts(f.fragilite.box)
	for _, want := range []string{"Indice de fragilité : ", "ménages locataires au", "familles monoparentales : ", "taux d'activité des 18-64 ans : ", "la commission décide"} {
		if !strings.Contains(got, want) {
			t.Errorf("card lacks %q:\n%s", want, got)
		}
	}
	s.create()
	if len(f.fragilite.box.Objects) != 0 {
		t.Error("a new residence shows an index")
	}
}

func TestCommission_FragiliteSegments(t *testing.T) {
	lc := &app.ListeCandidats{Logement: model.Logement{Reference: "L1", ClasseDPE: "G"}}
	lc.DPE = model.DecenceEnergetique(&lc.Logement, model.NewDate(2026, time.March, 1))
	r := model.DefaultRegles()
	at := model.NewDate(2026, time.November, 22)
	tenant := model.Menage{ID: "T1", Personnes: []model.Personne{{Lien: model.Titulaire, Nom: "A", DateNaissance: model.NewDate(1980, time.January, 1), Activite: model.EnEmploi}},
		Ressources: model.Ressources{RevenuFiscal: model.Euros(30000)}}
	cand := model.Menage{ID: "C1", Personnes: []model.Personne{{Lien: model.Titulaire, Nom: "B", DateNaissance: model.NewDate(1990, time.January, 1), Activite: model.DemandeurEmploi},
		{Lien: model.Enfant, Nom: "B", DateNaissance: model.NewDate(2020, time.January, 1)}}, Ressources: model.Ressources{RevenuFiscal: model.Euros(9000)}}
	var asked string
	f := func(ref, menage string, d model.Date) (app.EffetCandidat, error) {
		asked = ref + "/" + menage
		return app.EffetCandidat{Residence: model.Residence{Code: "RQ", QPV: true},
			Effet: model.FragiliteApres([]model.Menage{tenant}, &cand, "Arcueil", d, r, model.DefaultPoidsFragilite())}, nil
	}
	var b strings.Builder
	for _, s := range fragiliteSegments(f, lc, "C1", at) {
		b.WriteString(s.(*widget.TextSegment).Text + "\n")
	}
	got := strings.ReplaceAll(b.String(), "\u00a0", " ")
	for _, want := range []string{"classé G au DPE", "Fragilité de la résidence RQ (1 ménage) : score", "résidence en QPV",
		"après cette attribution : 0 % → 50 % de ménages sous 60 % du plafond PLUS",
		"après cette attribution : 0 % → 50 % de familles monoparentales", "la commission"} {
		if !strings.Contains(got, want) {
			t.Errorf("segments lack %q:\n%s", want, got)
		}
	}
	// A residence with no household yet: each figure named, no arrow from
	// « données manquantes » to a score.
	f0 := func(ref, menage string, d model.Date) (app.EffetCandidat, error) {
		return app.EffetCandidat{Residence: model.Residence{Code: "R0"},
			Effet: model.FragiliteApres(nil, &cand, "Arcueil", d, r, model.DefaultPoidsFragilite())}, nil
	}
	b.Reset()
	for _, s := range fragiliteSegments(f0, lc, "C1", at) {
		b.WriteString(s.(*widget.TextSegment).Text + "\n")
	}
	if got := strings.ReplaceAll(b.String(), "\u00a0", " "); !strings.Contains(got, "Fragilité de la résidence R0 (aucun ménage logé) : score aujourd'hui : données manquantes ; après cette attribution : ") || strings.Contains(got, "manquantes →") ||
		!strings.Contains(got, "part de ménages sous 60 % du plafond PLUS : aujourd'hui : données manquantes ; après cette attribution : 100 %") {
		t.Errorf("empty residence:\n%s", got)
	}
	if asked != "L1/C1" {
		t.Errorf("asked %q", asked)
	}
	if segs := fragiliteSegments(nil, nil, "C1", at); len(segs) != 0 {
		t.Errorf("no service, no list: %d segments", len(segs))
	}
}

func TestParametres_PoidsFragilite(t *testing.T) {
	m := newTestMain(t, 0, 0)
	s := parametresScreen(t, m)
	e := s.poids
	if e.ressources.Text() != "1" && e.ressources.Float() != 1 {
		t.Fatalf("default weight shown: %q", e.ressources.Text())
	}
	e.ressources.SetText("2")
	e.ina.SetText("0")
	e.form.Touch()
	test.Tap(e.form.Save)
	w, err := m.app.PoidsFragilite()
	if err != nil || w != (model.PoidsFragilite{Ressources: 2, Monoparentales: 1, Nombreuses: 1, Inactivite: 0}) {
		t.Fatalf("saved weights = %+v, %v", w, err)
	}
	e.ressources.SetText("-3")
	if e.ressources.Err() == nil {
		t.Error("a negative weight is accepted")
	}
}

func TestTableau_FragilesRanked(t *testing.T) {
	m := newTestMain(t, 300, 200)
	s := m.screens[0].(*Tableau)
	s.waitIdle()
	all := strings.Join(texts(s.body), "\n")
	if !strings.Contains(all, "Résidences les plus fragiles") || !strings.Contains(all, "1. ") || !strings.Contains(all, " / 100 · ") {
		t.Fatalf("dashboard lacks the ranking:\n%s", all)
	}
	// Ranked: the first score shown is the highest.
	if len(s.fragiles) < 2 || s.fragiles[0].Indice.ScoreConnu && s.fragiles[1].Indice.ScoreConnu && s.fragiles[0].Indice.Score < s.fragiles[1].Indice.Score {
		t.Errorf("not ranked: %d residences", len(s.fragiles))
	}
}

func TestParametres_ImportRPLS(t *testing.T) {
	m := newTestMain(t, 0, 0)
	s := parametresScreen(t, m)
	found := false
	for _, b := range s.importBtns {
		found = found || b.Text == "Fichier RPLS…"
	}
	if !found {
		t.Fatal("no « Fichier RPLS… » button")
	}
	f, err := os.Open(filepath.Join("..", "testdata", "rpls", "exemple.csv"))
	if err != nil {
		t.Fatal(err)
	}
	s.importFrom("rpls", "exemple.csv", f)
	s.waitIdle()
	if c, _ := m.app.DB.Counts(); c.Logements != 245 || !strings.HasPrefix(s.importStatus.Text, "Import RPLS : 300 ligne(s), 245 création(s)") ||
		!strings.Contains(s.importStatus.Text, "hors des communes de l'Office") {
		t.Errorf("import: %+v, %q", c, s.importStatus.Text)
	}
}
