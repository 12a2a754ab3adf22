package app_test

import (
	"testing"

	"logis/app"
)

// The dashboard on a small stock whose figures are known by hand.
func TestApp_Tableau(t *testing.T) {
	a := MustOpenApp(t)
	mustImport(t, a, "logements", `reference;residence;adresse;code_postal;commune;qpv;typologie;pieces;surface;etage;ascenseur;pmr;financement;loyer;charges;contingent;statut
GRAND;R1;1 rue A;94110;Arcueil;non;T5;5;95;2;oui;non;PLUS;600;150;bailleur;
VIDE1;R1;1 rue A;94110;Arcueil;non;T2;2;40;1;oui;non;PLUS;400;100;bailleur;
VIDE2;R1;1 rue A;94110;Arcueil;non;T3;3;60;1;oui;non;PLUS;400;100;bailleur;vacant
VIDE3;R2;2 rue B;94250;Gentilly;non;T2;2;45;0;non;non;PLAI;350;80;bailleur;
CHANTIER;R2;2 rue B;94250;Gentilly;non;T3;3;65;3;non;non;PLAI;450;100;bailleur;travaux
`)
	mustImport(t, a, "menages", `menage;logement;date_entree;revenu_fiscal_reference;ressources_mensuelles;apl
M-SOUS;GRAND;01/01/2000;20000;2000;0
M-EXT1;;;10000;900;0
M-EXT2;;;10000;900;0
`)
	mustImport(t, a, "personnes", `menage;lien;nom;prenom;date_naissance;handicap
M-SOUS;titulaire;A;A;01/01/1950;non
M-EXT1;titulaire;F;F;01/01/1990;non
M-EXT2;titulaire;G;G;01/01/1990;non
`)
	mustImport(t, a, "demandes", `nur;menage;date_depot;typologies;communes;dalo;priorites;motif
1111000000001GDPUB;M-SOUS;01/06/2026;T2;Arcueil;non;;sous-occupation
1111000000002GDPUB;M-EXT1;01/06/2025;T2;Arcueil;oui;;
1111000000003GDPUB;M-EXT2;01/01/2018;T2;Cachan;non;3;
`)
	if _, err := a.MarquerAPresenter([]string{"M-SOUS"}, true); err != nil {
		t.Fatal(err)
	}
	tb, err := a.Tableau()
	if err != nil {
		t.Fatal(err)
	}
	if tb.Logements != 5 || tb.Vacants != 3 || tb.Travaux != 1 {
		t.Errorf("logements %d vacants %d travaux %d, want 5 3 1", tb.Logements, tb.Vacants, tb.Travaux)
	}
	if len(tb.VacantsParCommune) != 2 || tb.VacantsParCommune[0].Libelle != "Arcueil" || tb.VacantsParCommune[0].N != 2 || tb.VacantsParCommune[1].N != 1 {
		t.Errorf("par commune = %+v", tb.VacantsParCommune)
	}
	if tb.VacantsParTypologie[1].N != 2 || tb.VacantsParTypologie[2].N != 1 || tb.VacantsParTypologie[1].Libelle != "T2" {
		t.Errorf("par typologie = %+v", tb.VacantsParTypologie)
	}
	if tb.DemandesActives != 3 || tb.Mutations != 1 || tb.Prioritaires != 2 {
		t.Errorf("demandes %d mutations %d prioritaires %d, want 3 1 2", tb.DemandesActives, tb.Mutations, tb.Prioritaires)
	}
	want := []int{1, 1, 0, 1}
	for i, c := range tb.Anciennete {
		if c.N != want[i] || c.Libelle != app.AncienneteLabels[i] {
			t.Errorf("ancienneté %d = %+v, want %d", i, c, want[i])
		}
	}
	if tb.Menages != 3 || tb.MenagesLoges != 1 || tb.MenagesEnAlerte != 1 || tb.Situations[1].Code != "sous_occupation" || tb.Situations[1].N != 1 {
		t.Errorf("ménages %d logés %d alerte %d situations %+v", tb.Menages, tb.MenagesLoges, tb.MenagesEnAlerte, tb.Situations)
	}
	if len(tb.APresenter) != 1 || tb.APresenter[0].ID != "M-SOUS" || tb.APresenter[0].Logement != "GRAND" {
		t.Errorf("à présenter = %+v", tb.APresenter)
	}
}

// The dashboard's situation counts are those of the full review.
func TestApp_Tableau_SameCountsAsRevue(t *testing.T) {
	a := MustOpenApp(t)
	if _, err := a.Demo(app.DemoOptions{Menages: 1500, Logements: 900}, nil); err != nil {
		t.Fatal(err)
	}
	tb, err := a.Tableau()
	if err != nil {
		t.Fatal(err)
	}
	rv, err := a.RevueOccupation(a.Today(), nil)
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, c := range tb.Situations {
		total += c.N
		if c.N == 0 {
			t.Errorf("%s: no household in the demo, the comparison proves nothing", c.Code)
		}
		if c.N != rv.Comptes[c.Code] {
			t.Errorf("%s: tableau %d, revue %d", c.Code, c.N, rv.Comptes[c.Code])
		}
	}
	if total == 0 || tb.MenagesLoges != len(rv.Examens) {
		t.Errorf("total %d, logés %d vs %d examens", total, tb.MenagesLoges, len(rv.Examens))
	}
}

// The figures are computed again after a write, not before.
func TestApp_Tableau_ComputedAgainAfterAWrite(t *testing.T) {
	a := MustOpenApp(t)
	if _, err := a.Demo(app.DemoOptions{Menages: 60, Logements: 40}, nil); err != nil {
		t.Fatal(err)
	}
	t1, err := a.Tableau()
	if err != nil {
		t.Fatal(err)
	}
	if t2, _ := a.Tableau(); t2 != t1 {
		t.Error("unchanged base: figures computed again")
	}
	if _, err := a.MarquerAPresenter([]string{"M000001"}, true); err != nil {
		t.Fatal(err)
	}
	t3, err := a.Tableau()
	if err != nil {
		t.Fatal(err)
	}
	if t3 == t1 || len(t3.APresenter) != len(t1.APresenter)+1 {
		t.Errorf("after marking: %d marked, before %d", len(t3.APresenter), len(t1.APresenter))
	}
}

// BenchmarkApp_Tableau100k measures the dashboard's figures over the
// benchmark data set (100 000 households, 50 000 dwellings), computed in full.
func BenchmarkApp_Tableau100k(b *testing.B) {
	a := MustOpenApp(b)
	if _, err := a.Demo(app.DemoOptions{Menages: 100_000, Logements: 50_000}, nil); err != nil {
		b.Fatal(err)
	}
	b.Run("calcul", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := a.CalculerTableau(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("base_inchangee", func(b *testing.B) {
		if _, err := a.Tableau(); err != nil {
			b.Fatal(err)
		}
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if _, err := a.Tableau(); err != nil {
				b.Fatal(err)
			}
		}
	})
}
