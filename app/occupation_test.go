package app_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
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
	// The streamed file (logis occupation) is the same, byte for byte,
	// with the same counts, and keeps no examination.
	var flux bytes.Buffer
	srv, err := a.WriteOccupationCSV(&flux, date(2026, 11, 22), 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	if flux.String() != buf.String() {
		t.Errorf("streamed CSV differs:\n%s\nwant:\n%s", flux.String(), buf.String())
	}
	if srv.Nombre != len(rv.Examens) || rv.Nombre != len(rv.Examens) || srv.Legales != rv.Legales ||
		fmt.Sprint(srv.Comptes) != fmt.Sprint(rv.Comptes) || len(srv.Examens) != 0 {
		t.Errorf("streamed review: %d examined, %d legal, %v, %d kept; want %d, %d, %v, 0",
			srv.Nombre, srv.Legales, srv.Comptes, len(srv.Examens), len(rv.Examens), rv.Legales, rv.Comptes)
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
		{"M-SUR", "examen_l442_5_2", "oui"},
		{"M-SOUS", "examen_l442_5_2", "oui"},
		{"M-SOUS", "prochain_examen", "01/01/2027"}, // every three years from 01/01/2000
		{"M-SUR", "prochain_examen", "01/01/2027"},
		{"M-HANDI", "prochain_examen", "01/01/2027"},
		{"M-PMR", "prochain_examen", "01/01/2028"},
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
	if rv.Legales != 5 {
		t.Errorf("%d households in a legal situation, want 5", rv.Legales)
	}

	// On 15/01/2027, without the 2027 ceilings: depassement_plafond is
	// empty and the motifs say what is missing, never the 2026 figures.
	rv, err = a.RevueOccupation(date(2027, 1, 15), nil)
	if err != nil {
		t.Fatal(err)
	}
	buf.Reset()
	if err := rv.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	cr = csv.NewReader(&buf)
	cr.Comma = ';'
	if recs, err = cr.ReadAll(); err != nil {
		t.Fatal(err)
	}
	for _, r := range recs[1:] {
		if r[col["depassement_plafond"]] != "" || r[col["plafond"]] != "" || !strings.Contains(r[col["motifs"]], "Données manquantes : plafonds 2027 non saisis") {
			t.Errorf("%s: depassement %q plafond %q motifs %q", r[0], r[col["depassement_plafond"]], r[col["plafond"]], r[col["motifs"]])
		}
	}

	// Limited to the households due before a date: four are due on
	// 01/01/2027, M-PMR (lease of 01/01/2010) on 01/01/2028.
	rv, err = a.RevueOccupationAvant(date(2026, 11, 22), date(2027, 1, 1), nil)
	if err != nil || len(rv.Examens) != 0 {
		t.Errorf("due before 01/01/2027: %d households, %v", len(rv.Examens), err)
	}
	rv, err = a.RevueOccupationAvant(date(2026, 11, 22), date(2027, 1, 2), nil)
	if err != nil || len(rv.Examens) != 4 {
		t.Errorf("due before 02/01/2027: %d households, %v", len(rv.Examens), err)
	}
	flux.Reset()
	srv, err = a.WriteOccupationCSV(&flux, date(2026, 11, 22), date(2027, 1, 2), nil)
	if err != nil || srv.Nombre != 4 || strings.Count(flux.String(), "\n") != 5 {
		t.Errorf("streamed, due before 02/01/2027: %d households, %d lines, %v", srv.Nombre, strings.Count(flux.String(), "\n"), err)
	}
}

// The couple with one child in a 45 m² T2 of Gentilly: the policy's
// indicator, not a situation of L.442-5-2 (issue 9, item 1).
func TestApp_RevueOccupation_IndicateurTypologie(t *testing.T) {
	a := MustOpenApp(t)
	mustImport(t, a, "logements", `reference;residence;adresse;code_postal;commune;qpv;typologie;pieces;surface;etage;ascenseur;pmr;financement;loyer;charges;contingent
GEN-T2;R1;1 rue A;94250;Gentilly;non;T2;2;45;2;oui;non;PLUS;500;100;bailleur
`)
	mustImport(t, a, "menages", `menage;logement;date_entree;revenu_fiscal_reference;ressources_mensuelles;apl
M-T2;GEN-T2;01/03/2020;30000;2500;0
`)
	mustImport(t, a, "personnes", `menage;lien;nom;prenom;date_naissance;handicap
M-T2;titulaire;A;A;01/01/1990;non
M-T2;conjoint;A;B;01/01/1991;non
M-T2;enfant;A;C;01/01/2022;non
`)
	rv, err := a.RevueOccupation(date(2026, 11, 22), nil)
	if err != nil {
		t.Fatal(err)
	}
	if rv.Legales != 0 || rv.Comptes["sur_occupation"] != 1 || rv.Comptes["sur_occupation_critique"] != 0 {
		t.Errorf("legal %d, counts %v", rv.Legales, rv.Comptes)
	}
	var buf bytes.Buffer
	if err := rv.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if !strings.Contains(lines[1], ";non;01/03/2029") || !strings.Contains(lines[1], "Indicateur de la politique (hors L.442-5-2)") {
		t.Errorf("row = %q", lines[1])
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
