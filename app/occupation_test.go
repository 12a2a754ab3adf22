package app_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"logis/app"
)

// The review's CSV for a small stock whose situations are known by hand.
func TestApp_RevueOccupation(t *testing.T) {
	a := MustOpenApp(t)
	mustImport(t, a, "logements", `reference;residence;adresse;code_postal;commune;qpv;typologie;pieces;surface;etage;ascenseur;pmr;financement;loyer;charges;contingent
GRAND;R1;1 rue A;94110;Arcueil;non;T5;5;95;2;oui;non;PLUS;600;150;bailleur
PETIT;R1;1 rue A;94110;Arcueil;non;T2;2;30;1;oui;non;PLUS;400;100;bailleur
PMR;R2;2 rue B;94250;Gentilly;non;T2;2;50;0;non;oui;PLAI;350;80;bailleur
HANDI;R2;2 rue B;94250;Gentilly;non;T3;3;65;3;non;non;PLAI;450;100;bailleur
RICHE;R2;2 rue B;94250;Gentilly;non;T3;3;65;3;non;non;PLAI;450;100;bailleur
`)
	mustImport(t, a, "menages", `menage;logement;date_entree;revenu_fiscal_reference;ressources_mensuelles;apl
M-SOUS;GRAND;01/01/2000;20000;2000;0
M-SUR;PETIT;01/01/2015;25000;2100;100
M-PMR;PMR;01/01/2010;12000;1100;150
M-HANDI;HANDI;01/01/2012;15000;1300;100
M-RICHE;RICHE;01/01/2012;45000;4000;0
M-DEMANDEUR;;;10000;900;0
`)
	mustImport(t, a, "personnes", `menage;lien;nom;prenom;date_naissance;handicap
M-SOUS;titulaire;A;A;01/01/1950;non
M-SUR;titulaire;B;B;01/01/1980;non
M-SUR;conjoint;B;C;01/01/1982;non
M-SUR;enfant;B;D;01/01/2010;non
M-SUR;enfant;B;E;01/01/2014;non
M-SUR;enfant;B;F;01/01/2018;non
M-PMR;titulaire;C;C;01/01/1975;non
M-HANDI;titulaire;D;D;01/01/1970;oui
M-HANDI;conjoint;D;E;01/01/1972;non
M-RICHE;titulaire;E;E;01/01/1980;non
M-RICHE;conjoint;E;F;01/01/1980;non
M-DEMANDEUR;titulaire;F;F;01/01/1990;non
`)
	rv, err := a.RevueOccupation(date(2026, 11, 22), nil)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := rv.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte(app.BOM+"menage;")) {
		t.Fatalf("the export does not start with the UTF-8 BOM")
	}
	buf.Next(len(app.BOM))
	cr := csv.NewReader(&buf)
	cr.Comma = ';'
	recs, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 6 {
		t.Fatalf("%d rows, want header + 5 households in place (the applicant is not reviewed)", len(recs))
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[h] = i
	}
	row := map[string][]string{}
	for _, r := range recs[1:] {
		row[r[col["menage"]]] = r
	}
	get := func(m, c string) string { return row[m][col[c]] }
	cases := []struct{ menage, column, want string }{
		{"M-SOUS", "sous_occupation", "oui"}, // 5 rooms for 1 person
		{"M-SOUS", "sur_occupation", "non"},
		{"M-SOUS", "personnes", "1"},
		{"M-SOUS", "uc", "1"},
		{"M-SOUS", "taux_effort", "37,5"},  // 750 / 2000
		{"M-SUR", "sur_occupation", "oui"}, // couple + 3 children in a T2
		{"M-SUR", "sur_occupation_critique", "oui"},
		{"M-SUR", "uc", "2,6"}, // 1 + 0.5 + 0.5 (16 years) + 0.3 (12 years) + 0.3 (8 years)
		{"M-SUR", "sous_occupation", "non"},
		{"M-PMR", "logement_adapte_sans_handicap", "oui"},
		{"M-PMR", "handicap_sans_logement_adapte", "non"},
		{"M-HANDI", "handicap_sans_logement_adapte", "oui"},
		{"M-HANDI", "logement_adapte_sans_handicap", "non"},
		{"M-RICHE", "depassement_plafond", "oui"}, // 45 000 € > PLAI cat. 2 (24 140 €)
		{"M-HANDI", "depassement_plafond", "non"},
		{"M-PMR", "taux_effort", "25,5"}, // (430 − 150) / 1100
	}
	for _, c := range cases {
		if got := get(c.menage, c.column); got != c.want {
			t.Errorf("%s %s = %q, want %q", c.menage, c.column, got, c.want)
		}
	}
	if m := get("M-RICHE", "motifs"); !strings.Contains(m, "au-dessus du plafond PLAI") {
		t.Errorf("motifs of M-RICHE = %q", m)
	}
	if rv.Comptes["sous_occupation"] != 1 || rv.Comptes["depassement_plafond"] != 1 {
		t.Errorf("counts = %v", rv.Comptes)
	}
}

// A cell a spreadsheet would run as a formula is neutralised in the export;
// the export starts with the UTF-8 BOM.
func TestApp_RevueOccupation_CSVInjection(t *testing.T) {
	a := MustOpenApp(t)
	mustImport(t, a, "logements", "reference;residence;adresse;code_postal;commune;qpv;typologie;pieces;surface;etage;ascenseur;pmr;financement;loyer;charges;contingent\n"+
		"=L1;R1;1 rue A;94110;Arcueil;non;T2;2;45;1;oui;non;PLUS;400;100;bailleur\n")
	mustImport(t, a, "menages", "menage;logement;date_entree;revenu_fiscal_reference;ressources_mensuelles;apl\n@M1;=L1;01/01/2020;15000;1200;0\n")
	mustImport(t, a, "personnes", "menage;lien;nom;prenom;date_naissance;handicap\n@M1;titulaire;Exemple;Anne;01/01/1980;non\n")
	rv, err := a.RevueOccupation(date(2026, 11, 22), nil)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := rv.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), app.BOM+"menage;") || !strings.Contains(buf.String(), "\n'@M1;'=L1;1;") {
		t.Fatalf("export:\n%s", buf.String())
	}
}
