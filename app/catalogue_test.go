package app_test

import (
	"sync"
	"testing"

	"logis/app"
	"logis/model"
)

// smallStock: two residences, three dwellings, three households.
func smallStock(tb testing.TB) *app.App {
	tb.Helper()
	a := MustOpenApp(tb)
	mustImport(tb, a, "logements", `reference;residence;adresse;code_postal;commune;qpv;typologie;pieces;surface;etage;ascenseur;pmr;financement;loyer;charges;contingent
L-A1;RA;12 rue de l'Église;94110;Arcueil;oui;T3;3;65;2;oui;non;PLUS;500;100;bailleur
L-A2;RA;12 rue de l'Église;94110;Arcueil;oui;T2;2;45;1;oui;oui;PLAI;380;80;bailleur
L-V1;RV;5 avenue Jean Jaurès;94400;Vitry-sur-Seine;non;T4;4;80;3;non;non;PLS;700;120;préfecture
`)
	mustImport(tb, a, "menages", `menage;logement;date_entree;revenu_fiscal_reference;ressources_mensuelles;apl
M1;L-A1;01/01/2015;20000;2000;0
M2;;;15000;1300;0
M3;;;30000;2500;0
`)
	mustImport(tb, a, "personnes", `menage;lien;nom;prenom;date_naissance;handicap
M1;titulaire;Lefèvre;Hélène;01/01/1970;non
M2;titulaire;Durand;Éric;01/01/1985;non
M2;enfant;Durand;Zoé;01/01/2015;non
M3;titulaire;Martin;Paul;01/01/1990;non
`)
	mustImport(tb, a, "demandes", `nur;menage;date_depot;typologies;communes;dalo;priorites;motif
1111023517879GDPUB;M1;01/03/2025;T2;Cachan;non;;
2222023517879GDPUB;M2;01/01/2020;T3,T4;Vitry-sur-Seine,Arcueil;oui;;
3333023517879GDPUB;M3;01/10/2026;T2;Gentilly;non;4;
`)
	if err := a.BuildCatalogue(nil); err != nil {
		tb.Fatal(err)
	}
	return a
}

func refs(rows []*app.LogementRow) []string {
	out := []string{}
	for _, r := range rows {
		out = append(out, r.Reference)
	}
	return out
}

func ids(rows []*app.MenageRow) []string {
	out := []string{}
	for _, r := range rows {
		out = append(out, r.ID)
	}
	return out
}

func TestCatalogue_SearchLogements(t *testing.T) {
	a := smallStock(t)
	c := a.Catalogue()
	tests := []struct {
		name string
		f    app.LogementFiltre
		want string
	}{
		{"all", app.LogementFiltre{}, "L-A1 L-A2 L-V1"},
		{"address without accent", app.LogementFiltre{Texte: "eglise"}, "L-A1 L-A2"},
		{"two words", app.LogementFiltre{Texte: "jaures VITRY"}, "L-V1"},
		{"reference", app.LogementFiltre{Texte: "l-a2"}, "L-A2"},
		{"commune filter", app.LogementFiltre{Commune: "vitry sur seine"}, "L-V1"},
		{"typology", app.LogementFiltre{Typologie: 2}, "L-A2"},
		{"qpv no", app.LogementFiltre{QPV: app.Non}, "L-V1"},
		{"pmr", app.LogementFiltre{PMR: app.Oui}, "L-A2"},
		{"occupied", app.LogementFiltre{Etat: model.Occupe}, "L-A1"},
		{"vacant", app.LogementFiltre{Etat: model.Vacant}, "L-A2 L-V1"},
		{"financing", app.LogementFiltre{Financement: model.PLS}, "L-V1"},
		{"nothing", app.LogementFiltre{Texte: "zzz"}, ""},
		{"typology typed (issue 12)", app.LogementFiltre{Texte: "T4"}, "L-V1"},
		{"typology and commune typed", app.LogementFiltre{Texte: "t2 arcueil"}, "L-A2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := join(refs(c.SearchLogements(tt.f))); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	if rs := c.SearchResidences("arcueil", ""); len(rs) != 1 || rs[0].Code != "RA" || rs[0].Logements != 2 {
		t.Errorf("residences = %+v", rs)
	}
}

func TestCatalogue_SearchMenages(t *testing.T) {
	a := smallStock(t)
	c := a.Catalogue()
	tests := []struct {
		name string
		f    app.MenageFiltre
		want string
	}{
		{"all by name", app.MenageFiltre{}, "M2 M1 M3"},
		{"first name without accent", app.MenageFiltre{Texte: "helene"}, "M1"},
		{"member name", app.MenageFiltre{Texte: "zoe"}, "M2"},
		{"name first name", app.MenageFiltre{Texte: "eric durand"}, "M2"},
		{"NUR", app.MenageFiltre{Texte: "3333023"}, "M3"},
		{"dwelling", app.MenageFiltre{Texte: "L-A1"}, "M1"},
		{"wished commune", app.MenageFiltre{Commune: "Arcueil"}, "M2"},
		{"wished typology", app.MenageFiltre{Typologie: 2}, "M1 M3"},
		{"priority", app.MenageFiltre{Prioritaire: app.Oui}, "M2 M3"},
		{"mutation", app.MenageFiltre{Mutation: app.Oui}, "M1"},
		{"not mutation", app.MenageFiltre{Mutation: app.Non}, "M2 M3"},
		{"seniority 5 years", app.MenageFiltre{AncienneteMin: 60}, "M2"},
		{"seniority under 1 year", app.MenageFiltre{AncienneteMax: 12}, "M3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := join(ids(c.SearchMenages(tt.f))); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestCatalogue_ConcurrentSearch(t *testing.T) {
	a := smallStock(t)
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				a.Catalogue().SearchMenages(app.MenageFiltre{Texte: "du"})
			}
		}()
	}
	for j := 0; j < 20; j++ {
		if err := a.SaveLogement(&model.Logement{Reference: "X" + string(rune('A'+j)), Commune: "Cachan", Typologie: 2, Pieces: 2, Surface: 40, Financement: model.PLUS}, true); err != nil {
			t.Fatal(err)
		}
	}
	wg.Wait()
	if n := len(a.Catalogue().SearchLogements(app.LogementFiltre{Commune: "Cachan"})); n != 20 {
		t.Errorf("%d dwellings in Cachan, want 20", n)
	}
}

func join(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += " "
		}
		out += x
	}
	return out
}

func TestCatalogue_Stale(t *testing.T) {
	a := smallStock(t)
	if a.CatalogueStale() {
		t.Fatal("fresh catalogue")
	}
	if err := a.SaveLogement(&model.Logement{Reference: "L-OWN", Commune: "Cachan", Typologie: 2, Pieces: 2, Surface: 40, Financement: model.PLUS}, true); err != nil {
		t.Fatal(err)
	}
	if err := a.SaveWindowSize(1000, 700); err != nil {
		t.Fatal(err)
	}
	if a.CatalogueStale() {
		t.Error("own saves and settings do not make the catalogue stale")
	}
	mustImport(t, a, "menages", "menage;logement;date_entree;revenu_fiscal_reference;ressources_mensuelles;apl\nM9;;;1000;100;0\n")
	if !a.CatalogueStale() {
		t.Error("an import makes the catalogue stale")
	}
	if err := a.BuildCatalogue(nil); err != nil {
		t.Fatal(err)
	}
	if a.CatalogueStale() || a.Catalogue().Menage("M9") == nil {
		t.Error("rebuilt catalogue")
	}
}
