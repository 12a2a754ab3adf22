package model_test

import (
	"strings"
	"testing"
	"time"

	"logis/model"
)

func act(p model.Personne, a model.Activite) model.Personne { p.Activite = a; return p }

// residenceFragile is a hand-built residence of Arcueil (PLUS ceilings 2026,
// « reste de l'Île-de-France ») with five tenant households.
func residenceFragile() []model.Menage {
	rfr := func(m *model.Menage, id string, e int64) model.Menage {
		m.ID, m.Ressources.RevenuFiscal = id, model.Euros(e)
		return *m
	}
	h1 := household(act(pers(model.Titulaire, 40), model.EnEmploi), pers(model.Enfant, 10), pers(model.Enfant, 8))
	h2 := household(act(pers(model.Titulaire, 45), model.EnEmploi), act(pers(model.Conjoint, 43), model.AutreInactif),
		pers(model.Enfant, 15), pers(model.Enfant, 12), pers(model.Enfant, 9))
	h3 := household(act(pers(model.Titulaire, 70), model.Retraite))
	h4 := household(act(pers(model.Titulaire, 30), model.DemandeurEmploi), pers(model.Conjoint, 28))
	h5 := household(act(pers(model.Titulaire, 35), model.Etudiant), act(pers(model.Enfant, 20), model.EnEmploi),
		pers(model.Enfant, 16), pers(model.Enfant, 11), pers(model.Enfant, 5))
	return []model.Menage{
		rfr(h1, "H1", 20000), // cat. 4 (single + 2 dependants): 60 % = 34 758 € → under
		rfr(h2, "H2", 45000), // cat. 5: 60 % = 41 146,20 € → above
		rfr(h3, "H3", 15000), // cat. 1: 60 % = 16 152 € → under
		rfr(h4, "H4", 30000), // cat. 2 (ages 58): 60 % = 24 139,80 € → above
		rfr(h5, "H5", 25000), // cat. 6 (single + 4 dependants): 60 % = 46 302,60 € → under
	}
}

func TestFragilite_HandBuiltResidence(t *testing.T) {
	r := model.DefaultRegles()
	ix := model.Fragilite(residenceFragile(), "Arcueil", ref, r, model.DefaultPoidsFragilite())
	want := []struct {
		num, denom, manquants int
		texte                 string
	}{
		{3, 5, 0, "ménages sous 60 % du plafond PLUS : 60 % (3 sur 5 ménages)"},
		{2, 5, 0, "familles monoparentales : 40 % (2 sur 5 ménages)"},
		{2, 5, 0, "familles nombreuses (3 enfants ou plus) : 40 % (2 sur 5 ménages)"},
		{4, 6, 1, "taux d'activité des 18-64 ans : 67 % (4 sur 6 adultes de 18 à 64 ans ; 1 sans donnée)"},
	}
	if ix.Menages != 5 {
		t.Fatalf("menages = %d", ix.Menages)
	}
	for i, w := range want {
		p := ix.Parts[i]
		if p.Num != w.num || p.Denom != w.denom || p.Manquants != w.manquants {
			t.Errorf("part %d = %+v, want %d/%d (%d missing)", i, p, w.num, w.denom, w.manquants)
		}
		if got := strings.ReplaceAll(p.Texte(), nbsp, " "); got != w.texte {
			t.Errorf("part %d: %q, want %q", i, got, w.texte)
		}
	}
	// (0,6 + 0,4 + 0,4 + (1 − 4/6)) / 4 = 0,4333…
	if !ix.ScoreConnu || ix.Score < 43.33 || ix.Score > 43.34 || ix.ScoreTexte() != "43,3 / 100" {
		t.Errorf("score = %v %v %q (%s)", ix.Score, ix.ScoreConnu, ix.ScoreTexte(), ix.Explication)
	}
	if !strings.Contains(ix.Explication, "moyenne pondérée") || ix.Source == "" {
		t.Errorf("explication = %q", ix.Explication)
	}

	t.Run("Weights", func(t *testing.T) {
		w := model.PoidsFragilite{Ressources: 2, Monoparentales: 0, Nombreuses: 0, Inactivite: 1}
		ix := model.Fragilite(residenceFragile(), "Arcueil", ref, r, w)
		// (2 × 0,6 + 1 × 1/3) / 3 = 0,5111…
		if !ix.ScoreConnu || ix.Score < 51.11 || ix.Score > 51.12 {
			t.Errorf("score = %v (%s)", ix.Score, ix.Explication)
		}
		if err := (model.PoidsFragilite{}).Validate(); err == nil {
			t.Error("all-zero weights accepted")
		}
		if err := (model.PoidsFragilite{Ressources: -1, Inactivite: 1}).Validate(); err == nil {
			t.Error("negative weight accepted")
		}
	})
	t.Run("FirstQuartileWhenEntered", func(t *testing.T) {
		r := model.DefaultRegles()
		r.PremierQuart[2026] = model.Euros(10000)
		ix := model.Fragilite(residenceFragile(), "Arcueil", ref, r, model.DefaultPoidsFragilite())
		// Only H5 (25 000 € / 2,6 UC = 9 615 €) is under 10 000 € per UC.
		p := ix.Parts[model.PartRessources]
		if p.Num != 1 || p.Denom != 5 || !strings.Contains(p.Libelle, "premier quartile") || !strings.Contains(ix.Seuil, "2026") {
			t.Errorf("part = %+v, seuil %q", p, ix.Seuil)
		}
	})
	t.Run("MissingCeilingTable", func(t *testing.T) {
		at := model.NewDate(2027, time.June, 1) // no 2027 ceilings in the defaults
		ix := model.Fragilite(residenceFragile(), "Arcueil", at, r, model.DefaultPoidsFragilite())
		p := ix.Parts[model.PartRessources]
		if p.Connue() || p.Manquants != 5 || !strings.Contains(p.Texte(), "données manquantes") {
			t.Errorf("part = %+v %q", p, p.Texte())
		}
		if ix.ScoreConnu || ix.ScoreTexte() != "données manquantes" || !strings.Contains(ix.Explication, "sous 60\u00a0% du plafond PLUS") {
			t.Errorf("score %v %q %q", ix.ScoreConnu, ix.ScoreTexte(), ix.Explication)
		}
		// With its weight at 0 the score is computed without it.
		w := model.DefaultPoidsFragilite()
		w.Ressources = 0
		if ix := model.Fragilite(residenceFragile(), "Arcueil", at, r, w); !ix.ScoreConnu {
			t.Errorf("score not computed without the resources share: %s", ix.Explication)
		}
	})
	t.Run("NoTenant", func(t *testing.T) {
		ix := model.Fragilite(nil, "Arcueil", ref, r, model.DefaultPoidsFragilite())
		if ix.ScoreConnu || ix.Parts[0].Connue() || !strings.Contains(ix.Explication, "Aucun ménage") {
			t.Errorf("%+v", ix)
		}
	})
}

func TestFragiliteApres(t *testing.T) {
	r := model.DefaultRegles()
	cand := household(act(pers(model.Titulaire, 30), model.EnEmploi), pers(model.Enfant, 3))
	cand.ID, cand.Ressources.RevenuFiscal = "C1", model.Euros(12000)
	e := model.FragiliteApres(residenceFragile(), cand, "Arcueil", ref, r, model.DefaultPoidsFragilite())
	got := strings.ReplaceAll(strings.Join(e.Lignes(), "\n"), nbsp, " ")
	want := "après cette attribution : 60 % → 67 % de ménages sous 60 % du plafond PLUS\n" +
		"après cette attribution : 40 % → 50 % de familles monoparentales\n" +
		"après cette attribution : 40 % → 33 % de familles nombreuses (3 enfants ou plus)\n" +
		"après cette attribution : 67 % → 71 % de taux d'activité des 18-64 ans"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// A tenant of the residence moving inside it is counted once.
	tenants := residenceFragile()
	moving := tenants[0]
	e = model.FragiliteApres(tenants, &moving, "Arcueil", ref, r, model.DefaultPoidsFragilite())
	if e.Apres.Menages != 5 || e.Apres.Parts[0].Num != 3 {
		t.Errorf("transfer inside the residence counted twice: %+v", e.Apres.Parts[0])
	}
}

func TestParseActivite(t *testing.T) {
	for in, want := range map[string]model.Activite{
		"": "", "Employé": model.EnEmploi, "salariée": model.EnEmploi, "CDI": model.EnEmploi, "en emploi": model.EnEmploi,
		"demandeur d'emploi": model.DemandeurEmploi, "Demandeur d’emploi": model.DemandeurEmploi, "chômeur": model.DemandeurEmploi,
		"demandeur_emploi": model.DemandeurEmploi, "retraité(e)": model.Retraite, "Retraitée": model.Retraite,
		"étudiant": model.Etudiant, "ÉTUDIANTE": model.Etudiant, "autre": model.AutreInactif, "au foyer": model.AutreInactif,
	} {
		if got, err := model.ParseActivite(in); err != nil || got != want {
			t.Errorf("ParseActivite(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := model.ParseActivite("astronaute"); err == nil {
		t.Error("unknown situation accepted")
	}
	if !model.DemandeurEmploi.Active() || model.Etudiant.Active() || model.Activite("").Label() != "non renseignée" {
		t.Error("Active / Label")
	}
}
