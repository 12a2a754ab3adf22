package app_test

import (
	"reflect"
	"strings"
	"testing"

	"logis/app"
	"logis/model"
	"logis/storage"
)

// Files as Excel and LibreOffice write them (issue 7): each test is a kind,
// with the value stored or the exact refusal.

const logementsHeader = "reference;residence;adresse;code_postal;commune;qpv;typologie;pieces;surface;etage;ascenseur;pmr;financement;loyer;charges;contingent"

func importErr(t *testing.T, a *app.App, kind, text string) string {
	t.Helper()
	_, err := a.Import(kind, kind+".csv", strings.NewReader(text), nil)
	if err == nil {
		t.Fatalf("import %s accepted:\n%s", kind, text)
	}
	return err.Error()
}

func TestImportCSV_UnbalancedQuoteRefusesTheFile(t *testing.T) {
	a := MustOpenApp(t)
	mustImport(t, a, "logements", logementsCSV)
	mustImport(t, a, "menages", menagesCSV)
	text := "nur;menage;date_depot;typologies;communes;dalo;priorites;motif\n" +
		"0942300000001GDPUB;M2;02/05/2023;T1;Arcueil;non;;\"Logement trop petit\n" +
		"0942400000002GDPUB;M3;10/01/2024;T2;Arcueil;oui;;DALO\n"
	msg := importErr(t, a, "demandes", text)
	if !strings.Contains(msg, "ligne 2 : un guillemet ouvre une cellule sans jamais la refermer") {
		t.Fatalf("msg = %s", msg)
	}
	if c, _ := a.DB.Counts(); c.Demandes != 0 {
		t.Fatalf("demandes written: %d", c.Demandes)
	}
}

func TestImportCSV_UTF8FileWithOneWindows1252Line(t *testing.T) {
	a := MustOpenApp(t)
	mustImport(t, a, "logements", logementsCSV)
	mustImport(t, a, "menages", menagesCSV)
	text := "menage;lien;nom;prenom;date_naissance;handicap\n" +
		"M1;titulaire;Exemple;Hélène;04/06/1985;non\n" +
		"M1;enfant;Exemple;No\xe9;22/11/2012;non\n" // Noé typed in a Windows-1252 tool
	mustImport(t, a, "personnes", text)
	a.DB.View(func(tx *storage.Tx) error {
		m, _ := tx.Menage("M1")
		if m.Personnes[0].Prenom != "Hélène" || m.Personnes[1].Prenom != "Noé" {
			t.Errorf("prénoms = %q, %q", m.Personnes[0].Prenom, m.Personnes[1].Prenom)
		}
		return nil
	})
	// A line mixing both encodings cannot be read safely: refused, named.
	mixed := "menage;lien;nom;prenom;date_naissance;handicap\n" +
		"M1;titulaire;Exemple;Hélène;04/06/1985;non\n" +
		"M1;enfant;Ex\xe9mple;Noé;22/11/2012;non\n"
	msg := importErr(t, a, "personnes", mixed)
	if !strings.Contains(msg, "ligne 3 : encodage incertain") || strings.Contains(msg, "mple") {
		t.Fatalf("msg = %s", msg)
	}
	// Text already garbled by another tool is refused, never stored.
	garbled := "menage;lien;nom;prenom;date_naissance;handicap\nM1;titulaire;Exemple;HÃ©lÃ¨ne;04/06/1985;non\n"
	msg = importErr(t, a, "personnes", garbled)
	if !strings.Contains(msg, "ligne 2 (ménage M1), colonne prenom : la valeur contient un texte mal converti") {
		t.Fatalf("msg = %s", msg)
	}
}

func TestImportCSV_UTF16AndMacintoshLineEnds(t *testing.T) {
	row := "L9;R9;3 allée des Cèdres;94250;Gentilly;oui;T2;2;45,5;1;non;non;PLUS;380,5;90;préfecture"
	tab := strings.ReplaceAll(logementsHeader+"\r\n"+row+"\r\n", ";", "\t")
	var le []byte
	le = append(le, 0xff, 0xfe)
	for _, r := range tab {
		le = append(le, byte(r), byte(r>>8))
	}
	for name, data := range map[string]string{
		"UTF-16 LE tab (Texte Unicode)": string(le),
		"CR only (CSV Macintosh)":       logementsHeader + "\r" + row + "\r",
	} {
		t.Run(name, func(t *testing.T) {
			a := MustOpenApp(t)
			if _, err := a.Import("logements", "l.txt", strings.NewReader(data), nil); err != nil {
				t.Fatal(err)
			}
			a.DB.View(func(tx *storage.Tx) error {
				l, err := tx.Logement("L9")
				if err != nil || l.Adresse != "3 allée des Cèdres" || l.Surface != 45.5 || l.Loyer != 38050 || l.Contingent != "préfecture" {
					t.Errorf("L9 = %+v, %v", l, err)
				}
				return nil
			})
		})
	}
}

func TestImportCSV_LineBreakInACell(t *testing.T) {
	a := MustOpenApp(t)
	// An address cell: each line is an address line, in the cell's order on the envelope.
	text := logementsHeader + "\n" + "L1;R1;\"12 rue du Maréchal Foch\nBâtiment B\";94110;Arcueil;non;T3;3;64,5;2;oui;non;PLUS;452,30;118;bailleur\n"
	mustImport(t, a, "logements", text)
	a.DB.View(func(tx *storage.Tx) error {
		l, _ := tx.Logement("L1")
		if l.Adresse != "Bâtiment B, 12 rue du Maréchal Foch" {
			t.Errorf("adresse = %q", l.Adresse)
		}
		return nil
	})
	long := logementsHeader + "\n" + "L2;R1;\"12 rue du Maréchal de Lattre de Tassigny\nBâtiment B\";94110;Arcueil;non;T3;3;64,5;2;oui;non;PLUS;452,30;118;bailleur\n"
	if msg := importErr(t, a, "logements", long); !strings.Contains(msg, "ligne 2 (logement L2), colonne adresse : la ligne 1 de la cellule compte 40 caractères ; 38 au plus (norme postale)") {
		t.Fatalf("msg = %s", msg)
	}
	// Elsewhere a line break is refused.
	other := logementsHeader + "\n" + "L3;R1;1 rue A;94110;Arcueil;non;T3;3;64,5;2;oui;non;PLUS;452,30;118;\"bail\nleur\"\n"
	if msg := importErr(t, a, "logements", other); !strings.Contains(msg, "ligne 2 (logement L3), colonne contingent : la cellule contient un retour à la ligne") {
		t.Fatalf("msg = %s", msg)
	}
}

func TestImportCSV_RowsAsExcelShowsThem(t *testing.T) {
	a := MustOpenApp(t)
	text := logementsHeader + "\n" +
		"ARC0001-0003;R1;\"1 rue A\nBât C\";94110;Arcueil;non;T3;3;64,5;2;oui;non;PLUS;452,30;118;bailleur\n" +
		"\n" +
		"ARC0001-0004;R1;1 rue A;94110;Arcueil;non;T3;3;grand;2;oui;non;PLUS;452,30;118;bailleur\n"
	msg := importErr(t, a, "logements", text)
	if !strings.Contains(msg, "\nligne 4 (logement ARC0001-0004), colonne surface : « grand » n'est pas une surface") {
		t.Fatalf("msg = %s", msg)
	}
}

func TestImportCSV_ControlCharactersAndLength(t *testing.T) {
	a := MustOpenApp(t)
	mustImport(t, a, "logements", logementsCSV)
	mustImport(t, a, "menages", menagesCSV)
	head := "menage;lien;nom;prenom;date_naissance;handicap\n"
	msg := importErr(t, a, "personnes", head+"M1;titulaire;Exe\x00mple;Claire;04/06/1985;non\n")
	if !strings.Contains(msg, "ligne 2 (ménage M1), colonne nom : la valeur contient un caractère de contrôle invisible (U+0000)") || strings.Contains(msg, "mple") {
		t.Fatalf("msg = %s", msg)
	}
	msg = importErr(t, a, "personnes", head+"M1;titulaire;"+strings.Repeat("A", 1<<20)+";Claire;04/06/1985;non\n")
	if !strings.Contains(msg, "ligne 2 (ménage M1), colonne nom : la valeur compte 1\u00a0048\u00a0576 caractères ; 60 au plus") {
		t.Fatalf("msg = %.300s", msg)
	}
	if c, _ := a.DB.Counts(); c.Personnes != 0 {
		t.Fatalf("personnes written: %d", c.Personnes)
	}
}

func TestImportCSV_FieldRules(t *testing.T) {
	a := MustOpenApp(t) // today is 22/11/2026
	mustImport(t, a, "logements", logementsCSV)
	row := func(ref, cp, commune, loyer string) string {
		return logementsHeader + "\n" + ref + ";R1;1 rue A;" + cp + ";" + commune + ";non;T3;3;64,5;2;oui;non;PLUS;" + loyer + ";118;bailleur\n"
	}
	for _, tc := range []struct{ name, text, want string }{
		{"amount with a point then three digits", row("X1", "94110", "Arcueil", "45.000"), "ligne 2 (logement X1), colonne loyer : 45.000 : écrire 45000 ou 45 000"},
		{"surface 64.500", strings.Replace(row("X1", "94110", "Arcueil", "450"), "64,5", "64.500", 1), "ligne 2 (logement X1), colonne surface : 64.500 : écrire 64500 ou 64,5"},
		{"commune outside the office", row("X1", "75013", "Paris", "450"), "ligne 2 (logement X1), colonne commune : « Paris » n'est pas une commune de l'Office : Arcueil, Cachan, Gentilly, Villejuif, Vitry-sur-Seine"},
		{"commune misspelt", row("X1", "94110", "Arceuil", "450"), "ligne 2 (logement X1), colonne commune : « Arceuil » n'est pas une commune de l'Office (vouliez-vous dire Arcueil ?)"},
		{"postal code of another commune", row("X1", "94110", "Cachan", "450"), "ligne 2 (logement X1), colonne code_postal : le code postal 94110 n'est pas celui de Cachan (94230)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if msg := importErr(t, a, "logements", tc.text); !strings.Contains(msg, tc.want) {
				t.Fatalf("msg = %s\nwant %s", msg, tc.want)
			}
		})
	}
	t.Run("income 45.000 refused without being quoted", func(t *testing.T) {
		msg := importErr(t, a, "menages", "menage;logement;date_entree;revenu_fiscal_reference;ressources_mensuelles;apl\nM1;;;45.000;100;0\n")
		if !strings.Contains(msg, "ligne 2 (ménage M1), colonne revenu_fiscal_reference : la valeur est un montant ambigu") || strings.Contains(msg, "45.000") {
			t.Fatalf("msg = %s", msg)
		}
	})
	t.Run("entry date in the future", func(t *testing.T) {
		msg := importErr(t, a, "menages", "menage;logement;date_entree;revenu_fiscal_reference;ressources_mensuelles;apl\nM1;L1;01/12/2026;1000;100;0\n")
		if !strings.Contains(msg, "ligne 2 (ménage M1), colonne date_entree : la date d'entrée (01/12/2026) est dans le futur") {
			t.Fatalf("msg = %s", msg)
		}
	})
	mustImport(t, a, "menages", menagesCSV)
	t.Run("birth dates", func(t *testing.T) {
		head := "menage;lien;nom;prenom;date_naissance;handicap\n"
		msg := importErr(t, a, "personnes", head+"M1;titulaire;Exemple;Claire;23/11/2026;non\nM2;titulaire;Fictif;Paul;31/12/1899;non\n")
		for _, want := range []string{
			"ligne 2 (ménage M1), colonne date_naissance : la date de naissance est dans le futur",
			"ligne 3 (ménage M2), colonne date_naissance : la date de naissance est antérieure à 1900",
		} {
			if !strings.Contains(msg, want) {
				t.Errorf("msg lacks %q:\n%s", want, msg)
			}
		}
		if strings.Contains(msg, "1899") || strings.Contains(msg, "23/11/2026") {
			t.Errorf("a birth date is quoted back:\n%s", msg)
		}
	})
	head := "nur;menage;date_depot;typologies;communes;dalo;priorites;motif\n"
	t.Run("filing date in the future, wished commune outside", func(t *testing.T) {
		msg := importErr(t, a, "demandes", head+"0942501000123GD94A;M2;23/11/2026;T2;Paris;non;;\n")
		for _, want := range []string{
			"ligne 2 (demande 0942501000123GD94A), colonne date_depot : la date de dépôt (23/11/2026) est dans le futur",
			"ligne 2 (demande 0942501000123GD94A), colonne communes : « Paris » n'est pas une commune de l'Office",
		} {
			if !strings.Contains(msg, want) {
				t.Errorf("msg lacks %q:\n%s", want, msg)
			}
		}
	})
	t.Run("NUR with an alphanumeric counter code", func(t *testing.T) {
		mustImport(t, a, "demandes", head+"0942501000123 gd94a;M2;02/05/2025;T2;Arcueil;non;;\n")
		a.DB.View(func(tx *storage.Tx) error {
			if _, err := tx.Demande("0942501000123GD94A"); err != nil {
				t.Errorf("demande: %v", err)
			}
			return nil
		})
		msg := importErr(t, a, "demandes", head+"0942501000123-GD94A;M2;02/05/2025;T2;Arcueil;non;;\n")
		if !strings.Contains(msg, "ligne 2 (demande 0942501000123-GD94A), colonne nur : « 0942501000123-GD94A » n'est pas un numéro unique (NUR)") {
			t.Fatalf("msg = %s", msg)
		}
	})
	t.Run("communes set in Paramètres", func(t *testing.T) {
		list := append(model.DefaultCommunes(), model.CommuneOffice{Nom: "Paris", CodePostal: "75013"})
		if err := a.SaveCommunes(list); err != nil {
			t.Fatal(err)
		}
		mustImport(t, a, "logements", row("P1", "75013", "paris", "450"))
		a.DB.View(func(tx *storage.Tx) error {
			if l, err := tx.Logement("P1"); err != nil || l.Commune != "Paris" {
				t.Errorf("P1 = %+v, %v", l, err)
			}
			return nil
		})
		if err := a.SaveCommunes([]model.CommuneOffice{{Nom: "Paris", CodePostal: "7513"}}); model.ErrorCode(err) != model.EINVALID {
			t.Errorf("bad list saved: %v", err)
		}
	})
}

func TestImportCSV_AdressesPostales(t *testing.T) {
	a := MustOpenApp(t)
	mustImport(t, a, "logements", logementsCSV)
	head := "menage;logement;date_entree;revenu_fiscal_reference;ressources_mensuelles;apl;adresse_complement;adresse_voie;adresse_lieu_dit;adresse_code_postal;adresse_commune\n"
	text := head +
		"M1;L1;15/03/2019;21500;1850;120;;;;;\n" + // a tenant: the dwelling's address
		"M2;;;14200;1250;0;\"Chez Mme Dupont\nBâtiment B\";12 avenue du Maréchal de Lattre de Tassigny;;94250;Gentilly\n" +
		"M3;;;9000;900;0;;1 rue des Écoles;Les Hautes-Bruyères;77000;Melun\n"
	mustImport(t, a, "menages", text)
	a.DB.View(func(tx *storage.Tx) error {
		m1, _ := tx.Menage("M1")
		if m1.Adresse != nil {
			t.Errorf("M1 adresse = %+v", m1.Adresse)
		}
		m2, _ := tx.Menage("M2")
		want := model.AdressePostale{Complement: []string{"Chez Mme Dupont", "Bâtiment B"}, Voie: "12 avenue du Maréchal de Lattre de Tassigny", CodePostal: "94250", Commune: "Gentilly"}
		if m2.Adresse == nil || !reflect.DeepEqual(*m2.Adresse, want) {
			t.Errorf("M2 adresse = %+v", m2.Adresse)
		}
		m3, _ := tx.Menage("M3")
		if m3.Adresse == nil || m3.Adresse.LieuDit != "Les Hautes-Bruyères" || m3.Adresse.Commune != "Melun" {
			t.Errorf("M3 adresse = %+v", m3.Adresse)
		}
		return nil
	})
	// A file without the address columns keeps the stored addresses.
	mustImport(t, a, "menages", "menage;logement;date_entree;revenu_fiscal_reference;ressources_mensuelles;apl\nM2;;;15000;1250;0\n")
	a.DB.View(func(tx *storage.Tx) error {
		if m2, _ := tx.Menage("M2"); m2.Adresse == nil || m2.Adresse.Voie == "" || m2.Ressources.RevenuFiscal != 1500000 {
			t.Errorf("M2 = %+v", m2)
		}
		return nil
	})
	bad := head +
		"M4;;;1000;100;0;;12 rue du Professeur Jean-Baptiste Lamarck-Dupuis;;94110;Arcueil\n" +
		"M5;;;1000;100;0;;1 rue A;;9411;Arcueil\n" +
		"M6;;;1000;100;0;;1 rue A;;94230;Arcueil\n" +
		"M7;;;1000;100;0;\"a\nb\nc\";1 rue A;;94110;Arcueil\n" +
		"M8;;;1000;100;0;;1 rue A;;;\n" +
		"M9;;;1000;100;0;\"Apt 12\nBât C\";\"12 rue de la Résistance et de la\nDéportation\";;94110;Arcueil\n"
	msg := importErr(t, a, "menages", bad)
	for _, want := range []string{
		"ligne 2 (ménage M4), colonne adresse_voie : la voie compte 41 caractères même abrégée ; 38 au plus (norme postale)",
		"ligne 3 (ménage M5), colonne adresse_code_postal : le code postal n'a pas 5 chiffres",
		"ligne 4 (ménage M6), colonne adresse_code_postal : le code postal 94230 n'est pas celui d'Arcueil (94110)",
		"ligne 5 (ménage M7), colonne adresse_complement : le complément d'adresse compte 3 lignes ; 2 au plus",
		"ligne 6 (ménage M8), colonne adresse_code_postal : le code postal manque",
		"ligne 6 (ménage M8), colonne adresse_commune : la commune manque",
		"ligne 7 (ménage M9), colonne adresse_voie : la voie sur 2 lignes et le complément sur 2 ligne(s) font 3 lignes avant la voie ; 2 au plus",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("msg lacks %q:\n%s", want, msg)
		}
	}
}

func TestImportCSV_AdresseDuLogementSurLEnveloppe(t *testing.T) {
	a := MustOpenApp(t)
	text := logementsHeader + "\n" + "L1;R1;12 rue du Professeur Jean-Baptiste Lamarck-Dupuis, bât. A;94110;Arcueil;non;T3;3;64,5;2;oui;non;PLUS;452,30;118;bailleur\n"
	if msg := importErr(t, a, "logements", text); !strings.Contains(msg, "ligne 2 (logement L1), colonne adresse : la voie compte 41 caractères même abrégée ; 38 au plus") {
		t.Fatalf("msg = %s", msg)
	}
	mustImport(t, a, "logements", strings.Replace(text, "Professeur Jean-Baptiste", "Pr J.-B.", 1))
}
