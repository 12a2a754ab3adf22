package app_test

import (
	"strings"
	"testing"

	"logis/app"
	"logis/model"
)

func verdict(vs []model.Verdict, titre string) *model.Verdict {
	for i := range vs {
		if strings.HasPrefix(vs[i].Titre, titre) {
			return &vs[i]
		}
	}
	return nil
}

func TestApp_Verifications(t *testing.T) {
	a := smallStock(t)
	at := date(2026, 11, 22)
	t.Run("Tenant", func(t *testing.T) {
		vs, err := a.Verifications("M1", at)
		if err != nil {
			t.Fatal(err)
		}
		for _, titre := range []string{"Unités de consommation", "Catégorie de ménage", "Sous-occupation", "Taux d'effort", "Conditions de mutation", "Visite préalable", "Public prioritaire"} {
			v := verdict(vs, titre)
			if v == nil {
				t.Errorf("no verdict %q", titre)
				continue
			}
			if v.Explication == "" || v.Source == "" {
				t.Errorf("%q without explanation or source: %+v", titre, v)
			}
		}
		if v := verdict(vs, "Sous-occupation"); v.Resultat != model.Alerte {
			t.Errorf("one person in 3 rooms: %+v", v)
		}
		if v := verdict(vs, "Plafond de ressources PLAI"); v != nil {
			t.Error("a tenant is checked against its own dwelling's ceiling only")
		}
	})
	t.Run("Applicant", func(t *testing.T) {
		vs, err := a.Verifications("M2", at)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range model.Financements {
			v := verdict(vs, "Plafond de ressources "+string(f)+" (Vitry-sur-Seine)")
			if v == nil {
				t.Fatalf("no ceiling %s for the first wished commune: %+v", f, vs)
			}
		}
		if v := verdict(vs, "Plafond de ressources PLUS"); v.Resultat != model.Conforme {
			t.Errorf("15 000 € under the PLUS ceiling: %+v", v)
		}
		if v := verdict(vs, "Plafond de ressources PLI"); v.Resultat != model.Incomplet {
			t.Errorf("PLI has no default ceiling: %+v", v)
		}
		if verdict(vs, "Sous-occupation") != nil || verdict(vs, "Conditions de mutation") != nil {
			t.Error("no occupancy review for an applicant")
		}
		if v := verdict(vs, "Public prioritaire"); v == nil || !strings.Contains(v.Valeur, "DALO") {
			t.Errorf("priority = %+v", v)
		}
	})
	t.Run("ChildTurning14ChangesUC", func(t *testing.T) {
		f, err := a.OpenMenage("M2")
		if err != nil {
			t.Fatal(err)
		}
		uc := func() string {
			return verdict(app.Verifier(f.Menage, f.Demande(), f.Logement, at, f.Regles), "Unités de consommation").Valeur
		}
		if got := uc(); got != "1,30\u00a0UC" {
			t.Errorf("with a child of 11: %s", got)
		}
		f.Menage.Personnes[1].DateNaissance = date(2012, 1, 1)
		if got := uc(); got != "1,50\u00a0UC" {
			t.Errorf("with a child of 14: %s", got)
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		if _, err := a.Verifications("NOPE", at); model.ErrorCode(err) != model.ENOTFOUND {
			t.Errorf("err = %v", err)
		}
	})
}

func TestApp_OpenLogement(t *testing.T) {
	a := smallStock(t)
	f, err := a.OpenLogement("L-A1", date(2026, 11, 22))
	if err != nil {
		t.Fatal(err)
	}
	if f.Residence == nil || f.Residence.Code != "RA" || len(f.Occupants) != 1 || f.Occupants[0].ID != "M1" || len(f.Examens) != 1 {
		t.Fatalf("fiche = %+v", f)
	}
	if !f.Examens[0].SousOccupation.Flag() {
		t.Error("sous-occupation expected")
	}
}
