package app_test

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"logis/app"
	"logis/model"
	"logis/storage"
)

// rplsHeader is the open-data layout of the RPLS « données détaillées au
// logement » (same variables as the arrêté du 5 janvier 2010), plus the
// office's identifier IDENTBAIL and the répertoire's RS_ID.
var rplsHeader = strings.Split("REG;DEP;LIBDEP;DEPCOM;CODEPOSTAL;LIBCOM;NUMVOIE;INDREP;TYPVOIE;NOMVOIE;NUMAPPT;NUMBOITE;ESC;COULOIR;ETAGE;COMPLIDENT;ENTREE;BAT;IMMEU;COMPLGEO;LIEUDIT;QPV;TYPECONST;NBPIECE;SURFHAB;CONSTRUCT;LOCAT;PATRIMOINE;ORIGINE;FINAN;FINANAUTRE;CONV;NUMCONV;DATCONV;MODE;CUS;DPEDATE;DPEENERGIE;DPESERRE;LOYERPRINC;LOYERACC;CONTRIB;IDENTBAIL;RS_ID", ";")

// rplsExemple generates a fictitious RPLS file: 60 buildings of 5 dwellings
// (300 lines), 48 in the office's communes and 12 in two other communes.
func rplsExemple() string {
	g := rand.New(rand.NewSource(15))
	type commune struct{ code, cp, nom string }
	communes := []commune{{"94003", "94110", "ARCUEIL"}, {"94016", "94230", "CACHAN"}, {"94037", "94250", "GENTILLY"},
		{"94076", "94800", "VILLEJUIF"}, {"94081", "94400", "VITRY-SUR-SEINE"}, {"94041", "94200", "IVRY-SUR-SEINE"}, {"94043", "94270", "LE KREMLIN-BICETRE"}}
	voies := []string{"DES GLYCINES", "DU PROGRES", "PAUL ELUARD", "DES ECOLES", "DE LA REPUBLIQUE", "JEAN JAURES", "DES TROIS MOULINS", "VICTOR HUGO", "DU 8 MAI 1945", "DES LILAS"}
	types := []string{"RUE", "AVENUE", "ALLEE", "PLACE", "BOULEVARD"}
	finans := []string{"13", "13", "13", "12", "52", "52", "10", "11", "14", "16", "50"}
	dpes := []string{"A", "B", "C", "C", "D", "D", "D", "E", "E", "F", "G", ""}
	var b strings.Builder
	b.WriteString(strings.Join(rplsHeader, ";") + "\n")
	n := 0
	for bat := 0; bat < 60; bat++ {
		c := communes[bat%5]
		if bat%5 == 4 && bat%10 == 9 || bat >= 54 {
			c = communes[5+bat%2]
		}
		if bat >= 54 {
			c = communes[5+bat%2]
		}
		numvoie := fmt.Sprint(1 + g.Intn(120))
		indrep := ""
		if g.Intn(8) == 0 {
			indrep = "B"
		}
		typvoie, nomvoie := types[g.Intn(len(types))], voies[g.Intn(len(voies))]
		qpv := ""
		if g.Intn(3) == 0 {
			qpv = fmt.Sprintf("QP0%s%03d", c.code[:2], 20+g.Intn(9))
		}
		construct := 1930 + g.Intn(92)
		collectif := g.Intn(10) > 0
		finan := finans[g.Intn(len(finans))]
		for k := 0; k < 5; k++ {
			n++
			pieces := 1 + g.Intn(6)
			if g.Intn(40) == 0 {
				pieces = 7
			}
			surf := 14 + pieces*14 + g.Intn(12)
			etage, typeconst := fmt.Sprint(g.Intn(9)), "C"
			if !collectif {
				etage, typeconst = "", "I"
			}
			mode := "1"
			loyer := fmt.Sprint(180 + pieces*75 + g.Intn(60))
			switch g.Intn(20) {
			case 0:
				mode, loyer = "2", "9999"
			case 1:
				mode, loyer = "3", "9999"
			}
			cus := ""
			f := finan
			if g.Intn(25) == 0 {
				f, cus = "54", "14" // ILN: the ceiling comes from the CUS
			}
			dpe := dpes[g.Intn(len(dpes))]
			dpedate := "01/1900"
			if dpe != "" {
				dpedate = fmt.Sprintf("%02d/%d", 1+g.Intn(12), 2015+g.Intn(10))
			}
			cp, lib := c.cp, c.nom
			if n%97 == 0 {
				cp = "" // postal code left empty: the commune's is taken, with a note
			}
			rec := []string{"11", "94", "VAL-DE-MARNE", c.code, cp, lib, numvoie, indrep, typvoie, nomvoie,
				fmt.Sprint(100*k + 1 + g.Intn(30)), fmt.Sprint(k + 1), "A", "", etage, "", "1", "", fmt.Sprintf("IMM%03d", bat+1), "", "", qpv, typeconst,
				fmt.Sprint(pieces), fmt.Sprint(surf), fmt.Sprint(construct), fmt.Sprint(construct + 1), fmt.Sprint(construct + 1), "1",
				f, "", "1", fmt.Sprintf("94/2/%02d/%d/%04d", 1+g.Intn(12), construct, bat), fmt.Sprintf("01/%02d/%d", 1+g.Intn(12), construct+1),
				mode, cus, dpedate, dpe, dpe, loyer, fmt.Sprint(g.Intn(30)), "0", fmt.Sprintf("VLD-%05d", n), fmt.Sprintf("R%09d", 400000+n)}
			b.WriteString(strings.Join(rec, ";") + "\n")
		}
	}
	return b.String()
}

const rplsExemplePath = "../testdata/rpls/exemple.csv"

// The committed example is the generator's output (LOGIS_MAJ_RPLS=1
// rewrites it).
func TestRPLSExemple_AJour(t *testing.T) {
	want := rplsExemple()
	if os.Getenv("LOGIS_MAJ_RPLS") == "1" {
		if err := os.MkdirAll(filepath.Dir(rplsExemplePath), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(rplsExemplePath, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(rplsExemplePath)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, []byte(want)) {
		t.Fatal("testdata/rpls/exemple.csv differs from the generator: LOGIS_MAJ_RPLS=1 go test ./app -run RPLSExemple")
	}
}

func TestApp_ImportRPLS(t *testing.T) {
	text := rplsExemple()
	lines := strings.Split(strings.TrimSpace(text), "\n")[1:]
	t.Run("EveryFieldMappedOrExplained", func(t *testing.T) {
		a := MustOpenApp(t)
		rep := mustImport(t, a, "rpls", text)
		if rep.Lignes != len(lines) || rep.Lignes < 300 {
			t.Fatalf("lignes = %d, want %d (at least 300)", rep.Lignes, len(lines))
		}
		other := 0
		for _, l := range lines {
			if strings.Contains(l, "IVRY") || strings.Contains(l, "KREMLIN") {
				other++
			}
		}
		if other == 0 || rep.Ignores != other || rep.Crees != len(lines)-other || rep.Modifies != 0 {
			t.Fatalf("report = %+v, want %d created and %d skipped", rep, len(lines)-other, other)
		}
		all := strings.Join(rep.Remarques, "\n")
		if !strings.Contains(all, fmt.Sprintf("%d logement(s) hors des communes de l'Office ignoré(s)", other)) || !strings.Contains(all, "IVRY-SUR-SEINE : ") {
			t.Errorf("skipped lines not counted per commune:\n%s", all)
		}
		// Every column is read, or named as not kept.
		used := map[string]bool{"DEPCOM": true, "CODEPOSTAL": true, "LIBCOM": true, "NUMVOIE": true, "INDREP": true, "TYPVOIE": true,
			"NOMVOIE": true, "ETAGE": true, "IMMEU": true, "QPV": true, "TYPECONST": true, "NBPIECE": true, "SURFHAB": true, "CONSTRUCT": true,
			"FINAN": true, "MODE": true, "CUS": true, "DPEDATE": true, "DPEENERGIE": true, "LOYERPRINC": true, "IDENTBAIL": true, "RS_ID": true}
		var notKept string
		for _, r := range rep.Remarques {
			if strings.HasPrefix(r, "Colonnes du RPLS non reprises") {
				notKept = r
			}
		}
		for _, h := range rplsHeader {
			if !used[h] && !strings.Contains(notKept, " "+h+",") && !strings.Contains(notKept, " "+h+".") {
				t.Errorf("column %s neither mapped nor explained: %q", h, notKept)
			}
			if used[h] && strings.Contains(notKept, " "+h+",") {
				t.Errorf("column %s mapped but listed as not kept", h)
			}
		}
		// Each line kept with a default says so: vacant rents, empty postal codes.
		vacant, noCP := 0, 0
		for _, l := range lines {
			f := strings.Split(l, ";")
			if strings.Contains(l, "IVRY") || strings.Contains(l, "KREMLIN") {
				continue
			}
			if f[39] == "9999" {
				vacant++
			}
			if f[4] == "" {
				noCP++
			}
		}
		if vacant == 0 || noCP == 0 || strings.Count(all, "LOYERPRINC vide ou 9999") != vacant || strings.Count(all, "CODEPOSTAL vide") != noCP {
			t.Errorf("notes: %d vacant rents, %d empty postal codes; remarks:\n%s", vacant, noCP, all)
		}
		// Values of a few dwellings, read back.
		err := a.DB.View(func(tx *storage.Tx) error {
			seen := map[model.Financement]int{}
			g := 0
			for i, line := range lines {
				f := strings.Split(line, ";")
				if strings.Contains(line, "IVRY") || strings.Contains(line, "KREMLIN") {
					if _, err := tx.Logement(f[42]); model.ErrorCode(err) != model.ENOTFOUND {
						t.Errorf("line %d of another commune was imported", i+2)
					}
					continue
				}
				l, err := tx.Logement(f[42])
				if err != nil {
					return err
				}
				seen[l.Financement]++
				if l.ClasseDPE == "G" {
					g++
				}
				if l.Pieces == 7 && l.Typologie != 6 || l.Pieces < 7 && l.Typologie != l.Pieces {
					t.Errorf("%s: %d pièces → T%d", l.Reference, l.Pieces, l.Typologie)
				}
				if l.QPV != (f[21] != "") {
					t.Errorf("%s: QPV %q → %v", l.Reference, f[21], l.QPV)
				}
				if f[35] == "14" && l.Financement != model.PLS {
					t.Errorf("%s: ILN with CUS 14 → %s", l.Reference, l.Financement)
				}
				if f[29] == "10" && l.Financement != model.PLAI || f[29] == "52" && l.Financement != model.PLUS {
					t.Errorf("%s: FINAN %s → %s", l.Reference, f[29], l.Financement)
				}
				if f[34] == "3" && l.Statut != model.Travaux {
					t.Errorf("%s: MODE 3 → statut %q", l.Reference, l.Statut)
				}
				if fmt.Sprint(l.AnneeConstruction) != f[25] || l.ClasseDPE != f[37] {
					t.Errorf("%s: construct %d dpe %q, want %s %q", l.Reference, l.AnneeConstruction, l.ClasseDPE, f[25], f[37])
				}
				if want, _ := model.ParseCents(f[39]); f[39] != "9999" && l.Loyer != want {
					t.Errorf("%s: loyer %s, want %s", l.Reference, l.Loyer, f[39])
				}
				if _, err := tx.Residence(l.Residence); err != nil {
					t.Errorf("%s: residence %q: %v", l.Reference, l.Residence, err)
				}
			}
			if seen[model.PLAI] == 0 || seen[model.PLUS] == 0 || seen[model.PLS] == 0 || seen[model.PLI] == 0 || g == 0 {
				t.Errorf("generator too poor: %v, %d G", seen, g)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
	t.Run("ReimportUpdatesAndKeepsLogisFields", func(t *testing.T) {
		a := MustOpenApp(t)
		mustImport(t, a, "rpls", text)
		ref := strings.Split(lines[0], ";")[42]
		err := a.DB.Update("test", func(tx *storage.Tx) error {
			l, err := tx.Logement(ref)
			if err != nil {
				return err
			}
			l.Ascenseur, l.Charges, l.Contingent = true, model.Euros(90), "préfecture"
			return tx.PutLogement(l)
		})
		if err != nil {
			t.Fatal(err)
		}
		rep := mustImport(t, a, "rpls", text)
		if rep.Crees != 0 || rep.Modifies != len(lines)-rep.Ignores {
			t.Fatalf("report = %+v", rep)
		}
		a.DB.View(func(tx *storage.Tx) error {
			l, _ := tx.Logement(ref)
			if !l.Ascenseur || l.Charges != model.Euros(90) || l.Contingent != "préfecture" {
				t.Errorf("Logis-only fields lost: %+v", l)
			}
			return nil
		})
	})
	t.Run("RefusedAllOrNothing", func(t *testing.T) {
		a := MustOpenApp(t)
		bad := strings.Replace(text, ";"+strings.Split(lines[3], ";")[29]+";;1;", ";51;;1;", 1) // PLR/PSR without CUS
		bad = strings.Replace(bad, ";QP0", ";ZZ0", 1)
		_, err := a.Import("rpls", "rpls.csv", strings.NewReader(bad), nil)
		var ie *app.ImportErrors
		if !errors.As(err, &ie) {
			t.Fatalf("err = %v, want a refusal", err)
		}
		msg := err.Error()
		if !strings.Contains(msg, "colonne FINAN : le financement 51 (PLR / PSR) ne dit pas seul le plafond") || !strings.Contains(msg, "colonne QPV : « ZZ") {
			t.Errorf("refusal does not explain: %s", msg)
		}
		if c, _ := a.DB.Counts(); c.Logements != 0 {
			t.Errorf("%d dwellings written by a refused import", c.Logements)
		}
	})
	t.Run("ContingentWhenGiven", func(t *testing.T) {
		a := MustOpenApp(t)
		one := "IDENTBAIL;LIBCOM;NOMVOIE;NBPIECE;SURFHAB;FINAN;QPV;LOYERPRINC;MODE;CONTINGENT\n" +
			"X1;VITRY-SUR-SEINE;RUE A;3;60;13;;500;1;3\nX2;VITRY-SUR-SEINE;RUE A;2;45;13;;400;1;9\n"
		_, err := a.Import("rpls", "rpls.csv", strings.NewReader(one), nil)
		if err == nil || !strings.Contains(err.Error(), "ligne 3, colonne CONTINGENT : « 9 » n'est pas un code de contingent") {
			t.Fatalf("err = %v", err)
		}
		rep := mustImport(t, a, "rpls", strings.Replace(one, ";1;9\n", ";1;7\n", 1))
		if !strings.Contains(strings.Join(rep.Remarques, "\n"), "2 logement(s) loué(s) au 1er janvier selon le RPLS (MODE 1) sans ménage locataire") {
			t.Errorf("remarks = %v", rep.Remarques)
		}
		a.DB.View(func(tx *storage.Tx) error {
			l1, _ := tx.Logement("X1")
			l2, _ := tx.Logement("X2")
			if l1.Contingent != "Action Logement" || l2.Contingent != "bailleur" || l1.CodePostal != "94400" || l1.Residence == "" {
				t.Errorf("X1 = %+v, X2 = %+v", l1, l2)
			}
			return nil
		})
	})
	t.Run("MissingColumns", func(t *testing.T) {
		a := MustOpenApp(t)
		_, err := a.Import("rpls", "rpls.csv", strings.NewReader("NOMVOIE;NBPIECE;SURFHAB;QPV\nRUE A;3;60;\n"), nil)
		if err == nil || !strings.Contains(err.Error(), "IDENTBAIL") || !strings.Contains(err.Error(), "LIBCOM") || !strings.Contains(err.Error(), "FINAN") {
			t.Fatalf("err = %v", err)
		}
	})
}
