package app_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"logis/app"
	"logis/model"
	"logis/storage"
)

// seedFragilite writes residence RQ (Arcueil, QPV) with four let dwellings
// and a vacant one, and residence RV with no tenant.
func seedFragilite(t *testing.T, a *app.App) {
	t.Helper()
	p := func(l model.Lien, age int, act model.Activite) model.Personne {
		return model.Personne{Lien: l, Nom: "Martin", Prenom: "Sam", DateNaissance: date(2026-age, 1, 1), Activite: act}
	}
	err := a.DB.Update("fixtures", func(tx *storage.Tx) error {
		for _, r := range []*model.Residence{{Code: "RQ", Nom: "Les Tilleuls", Commune: "Arcueil", QPV: true}, {Code: "RV", Nom: "Le Val", Commune: "Arcueil"}} {
			if err := tx.PutResidence(r); err != nil {
				return err
			}
		}
		for i, ref := range []string{"Q1", "Q2", "Q3", "Q4", "Q5", "V1"} {
			l := logementT3(ref)
			l.Residence = "RQ"
			if i == 5 {
				l.Residence = "RV"
			}
			if err := tx.PutLogement(l); err != nil {
				return err
			}
		}
		ms := []*model.Menage{
			// single parent, two children, 20 000 € (cat. 4, 60 % = 34 758 €): low; employed
			{ID: "T1", Personnes: []model.Personne{p(model.Titulaire, 40, model.EnEmploi), p(model.Enfant, 10, ""), p(model.Enfant, 8, "")}},
			// couple, three children, 45 000 € (cat. 5): not low; one employed, one other
			{ID: "T2", Personnes: []model.Personne{p(model.Titulaire, 45, model.EnEmploi), p(model.Conjoint, 43, model.AutreInactif),
				p(model.Enfant, 15, ""), p(model.Enfant, 12, ""), p(model.Enfant, 9, "")}},
			// retired alone, 15 000 € (cat. 1, 60 % = 16 152 €): low
			{ID: "T3", Personnes: []model.Personne{p(model.Titulaire, 70, model.Retraite)}},
			// couple, 30 000 € (cat. 2): not low; a job-seeker and one not recorded
			{ID: "T4", Personnes: []model.Personne{p(model.Titulaire, 30, model.DemandeurEmploi), p(model.Conjoint, 29, "")}},
			// applicant: single parent, 12 000 €, employed
			{ID: "C1", Personnes: []model.Personne{p(model.Titulaire, 30, model.EnEmploi), p(model.Enfant, 3, "")}},
		}
		rfr := []int64{20000, 45000, 15000, 30000, 12000}
		for i, m := range ms {
			m.Ressources.RevenuFiscal = model.Euros(rfr[i])
			if i < 4 {
				m.Bail = &model.Bail{Logement: []string{"Q1", "Q2", "Q3", "Q4"}[i], DateEntree: date(2020, 1, 1)}
			}
			if err := tx.PutMenage(m); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestApp_Fragilite(t *testing.T) {
	a := MustOpenApp(t)
	seedFragilite(t, a)
	f, err := a.Fragilite("RQ", at)
	if err != nil {
		t.Fatal(err)
	}
	p := f.Indice.Parts
	if f.Indice.Menages != 4 || p[0].Num != 2 || p[0].Denom != 4 || p[1].Num != 1 || p[2].Num != 1 ||
		p[3].Num != 3 || p[3].Denom != 4 || p[3].Manquants != 1 {
		t.Fatalf("indice = %+v", f.Indice)
	}
	// (0,5 + 0,25 + 0,25 + 0,25) / 4 = 31,25
	if !f.Indice.ScoreConnu || f.Indice.Score != 31.25 {
		t.Errorf("score = %v (%s)", f.Indice.Score, f.Indice.Explication)
	}

	t.Run("RankedAndCSV", func(t *testing.T) {
		list, err := a.Fragilites(at)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 2 || list[0].Residence.Code != "RQ" || list[1].Indice.ScoreConnu {
			t.Fatalf("list = %+v", list)
		}
		var b bytes.Buffer
		if err := app.WriteFragiliteCSV(&b, list); err != nil {
			t.Fatal(err)
		}
		r := csv.NewReader(&b)
		r.Comma = ';'
		recs, err := r.ReadAll()
		if err != nil || len(recs) != 3 {
			t.Fatalf("csv: %v, %d rows", err, len(recs))
		}
		row := map[string]string{}
		for i, h := range recs[0] {
			row[h] = recs[1][i]
		}
		if row["residence"] != "RQ" || row["qpv"] != "oui" || row["part_ressources"] != "50" || row["menages_ressources_basses"] != "2" ||
			row["taux_activite"] != "75" || row["adultes_18_64_non_renseignes"] != "1" || row["score"] != "31,2" {
			t.Errorf("row = %v", row)
		}
		if recs[2][0] != "RV" || recs[2][len(recs[2])-3] != "" || !strings.Contains(recs[2][len(recs[2])-1], "Aucun ménage") {
			t.Errorf("empty residence row = %v", recs[2])
		}
	})
	t.Run("Candidate", func(t *testing.T) {
		e, err := a.FragiliteCandidat("Q5", "C1", at)
		if err != nil {
			t.Fatal(err)
		}
		got := strings.ReplaceAll(e.Effet.Lignes()[0], "\u00a0", " ")
		if e.Residence.Code != "RQ" || got != "après cette attribution : 50 % → 60 % de ménages sous 60 % du plafond PLUS" {
			t.Errorf("effet = %q", got)
		}
		if _, err := a.FragiliteCandidat("Q5", "NOPE", at); model.ErrorCode(err) != model.ENOTFOUND {
			t.Errorf("unknown household: %v", err)
		}
	})
	t.Run("Weights", func(t *testing.T) {
		if w, _ := a.PoidsFragilite(); w != model.DefaultPoidsFragilite() {
			t.Errorf("default weights = %+v", w)
		}
		if err := a.SavePoidsFragilite(model.PoidsFragilite{}); model.ErrorCode(err) != model.EINVALID {
			t.Errorf("zero weights: %v", err)
		}
		if err := a.SavePoidsFragilite(model.PoidsFragilite{Ressources: 1}); err != nil {
			t.Fatal(err)
		}
		f, _ := a.Fragilite("RQ", at)
		if f.Indice.Score != 50 {
			t.Errorf("score with resources only = %v", f.Indice.Score)
		}
	})
}

func TestApp_ImportPersonnesActivite(t *testing.T) {
	a := MustOpenApp(t)
	mustImport(t, a, "menages", "menage;logement;date_entree;revenu_fiscal_reference;ressources_mensuelles;apl\nM1;;;20000;1800;0\n")
	mustImport(t, a, "personnes", "menage;lien;nom;prenom;date_naissance;handicap;activite\n"+
		"M1;titulaire;Petit;Lou;01/02/1980;non;Salariée\nM1;conjoint;Petit;Max;01/02/1979;non;demandeur d'emploi\nM1;enfant;Petit;Noa;01/02/2015;non;\n")
	a.DB.View(func(tx *storage.Tx) error {
		m, _ := tx.Menage("M1")
		if m.Personnes[0].Activite != model.EnEmploi || m.Personnes[1].Activite != model.DemandeurEmploi || m.Personnes[2].Activite != "" {
			t.Errorf("activites = %+v", m.Personnes)
		}
		return nil
	})
	_, err := a.Import("personnes", "p.csv", strings.NewReader("menage;lien;nom;prenom;date_naissance;handicap;activite\nM1;titulaire;Petit;Lou;01/02/1980;non;astronaute\n"), nil)
	if err == nil || !strings.Contains(err.Error(), "colonne activite") || strings.Contains(err.Error(), "astronaute") {
		t.Errorf("err = %v (the value must not be quoted)", err)
	}
}
