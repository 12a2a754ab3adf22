package app_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"logis/app"
	"logis/model"
)

// plafonds2027 is a complete PLUS table for 2027, both zones (fictitious
// figures: the arrêté of December 2026 is not known yet).
const plafonds2027 = `annee;financement;zone;categorie;montant
2027;PLUS;paris_limitrophes;1;27 500
2027;PLUS;paris_limitrophes;2;41 000
2027;PLUS;paris_limitrophes;3;53 800
2027;PLUS;paris_limitrophes;4;64 200
2027;PLUS;paris_limitrophes;5;76 400
2027;PLUS;paris_limitrophes;6;86 000
2027;PLUS;paris_limitrophes;personne_sup;9 580
2027;PLUS;idf;1;27500
2027;PLUS;idf;2;41000
2027;PLUS;idf;3;49300
2027;PLUS;idf;4;59100
2027;PLUS;idf;5;69950
2027;PLUS;idf;6;78700
2027;PLUS;idf;personne_sup;8770,50
`

func TestApp_ImportPlafonds(t *testing.T) {
	a := MustOpenApp(t)
	rep, err := a.Import("plafonds", "plafonds-2027.csv", strings.NewReader(plafonds2027), nil)
	if err != nil || rep.Lignes != 14 || rep.Crees != 2 {
		t.Fatalf("rep %+v err %v", rep, err)
	}
	r, _ := a.Regles()
	b, ok := r.Bareme(2027, model.ZoneResteIDF, model.PLUS)
	if !ok || b.Categories[2] != model.Euros(49300) || b.ParPersonne != 877050 || b.Derive {
		t.Errorf("2027 idf = %+v, %v", b, ok)
	}
	if b, _ := r.Bareme(2027, model.ZoneParisLimitrophes, model.PLS); b.Categories[0] != model.Euros(35750) {
		t.Errorf("PLS 2027 derived from the imported PLUS = %s", b.Categories[0])
	}
	// Importing again updates.
	if rep, err := a.Import("plafonds", "plafonds-2027.csv", strings.NewReader(plafonds2027), nil); err != nil || rep.Modifies != 2 || rep.Crees != 0 {
		t.Errorf("again: %+v %v", rep, err)
	}

	t.Run("all or nothing, every bad line reported", func(t *testing.T) {
		a := MustOpenApp(t)
		before, _ := a.Regles()
		bad := strings.Replace(plafonds2027, "2027;PLUS;idf;3;49300", "2027;PLUS;zone_b1;3;49300", 1)
		bad = strings.Replace(bad, "2027;PLUS;idf;6;78700", "2027;PLUS;idf;7;78700", 1)
		bad += "2027;HLM;idf;1;-3\n"
		_, err := a.Import("plafonds", "bad.csv", strings.NewReader(bad), nil)
		var ie *app.ImportErrors
		if !errors.As(err, &ie) {
			t.Fatalf("err = %v", err)
		}
		for _, want := range []string{"colonne zone : « zone_b1 » n'est pas une zone (paris_limitrophes ou idf)",
			"colonne categorie : « 7 » n'est pas une catégorie (1 à 6 ou personne_sup)",
			"colonne financement : « HLM »", "colonne montant : « -3 » n'est pas un montant positif",
			"plafonds PLUS 2027 (reste de l'Île-de-France) incomplets : catégorie(s) 3, 6 manquante(s)"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("report lacks %q:\n%s", want, err)
			}
		}
		after, _ := a.Regles()
		if len(after.Baremes) != len(before.Baremes) {
			t.Error("something was written")
		}
	})
	t.Run("decreasing ceilings refused", func(t *testing.T) {
		a := MustOpenApp(t)
		bad := strings.Replace(plafonds2027, "2027;PLUS;idf;2;41000", "2027;PLUS;idf;2;10000", 1)
		if _, err := a.Import("plafonds", "bad.csv", strings.NewReader(bad), nil); model.ErrorCode(err) != model.EINVALID || !strings.Contains(model.ErrorMessage(err), "croître avec la catégorie") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("an imported PLAI table is no longer derived", func(t *testing.T) {
		a := MustOpenApp(t)
		plai := strings.ReplaceAll(strings.ReplaceAll(plafonds2027, "2027;PLUS", "2026;PLAI"), "annee;financement", "annee;financement")
		if _, err := a.Import("plafonds", "plai.csv", strings.NewReader(plai), nil); err != nil {
			t.Fatal(err)
		}
		r, _ := a.Regles()
		if b, _ := r.Bareme(2026, model.ZoneResteIDF, model.PLAI); b.Derive || b.Categories[0] != model.Euros(27500) {
			t.Errorf("PLAI 2026 = %+v", b)
		}
	})
}

func TestApp_ImportQuartilesEtExport(t *testing.T) {
	a := MustOpenApp(t)
	if _, err := a.Import("quartiles", "q.csv", strings.NewReader("annee;seuil\n2026;13 000\n2026;14000\n"), nil); err == nil || !strings.Contains(err.Error(), "« 2026 » figure déjà ligne 2") {
		t.Errorf("duplicate year: %v", err)
	}
	rep, err := a.Import("quartiles", "q.csv", strings.NewReader("annee;seuil\n2025;12 500\n2026;13000\n"), nil)
	if err != nil || rep.Crees != 2 {
		t.Fatalf("%+v %v", rep, err)
	}
	r, _ := a.Regles()
	if q, y, ok := r.PremierQuartile(2026); !ok || y != 2026 || q != model.Euros(13000) {
		t.Errorf("2026 = %s %d %v", q, y, ok)
	}
	if _, _, ok := r.PremierQuartile(2027); ok {
		t.Error("2027 found without being entered")
	}

	// Export, then import on a new laptop: the same figures.
	dir := filepath.Join(t.TempDir(), "regles")
	paths, err := a.ExportRegles(dir)
	if err != nil || len(paths) != 2 {
		t.Fatalf("%v %v", paths, err)
	}
	p, _ := os.ReadFile(filepath.Join(dir, "plafonds.csv"))
	q, _ := os.ReadFile(filepath.Join(dir, "quartiles.csv"))
	if !strings.HasPrefix(string(p), "annee;financement;zone;categorie;montant\n2024;PLUS;paris_limitrophes;1;26044\n") || strings.Contains(string(p), "PLAI") {
		t.Errorf("plafonds.csv (derived PLAI left out):\n%s", p)
	}
	if string(q) != "annee;seuil\n2025;12500\n2026;13000\n" {
		t.Errorf("quartiles.csv = %q", q)
	}
	b := MustOpenApp(t)
	if _, err := b.Import("plafonds", "plafonds.csv", strings.NewReader(string(p)), nil); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Import("quartiles", "quartiles.csv", strings.NewReader(string(q)), nil); err != nil {
		t.Fatal(err)
	}
	rb, _ := b.Regles()
	for _, y := range []int{2024, 2025, 2026} {
		x, _ := r.Bareme(y, model.ZoneParisLimitrophes, model.PLUS)
		z, _ := rb.Bareme(y, model.ZoneParisLimitrophes, model.PLUS)
		if x != z {
			t.Errorf("%d: %+v != %+v", y, x, z)
		}
	}
	if rb.PremierQuart[2025] != model.Euros(12500) {
		t.Errorf("quartile 2025 on the new laptop = %s", rb.PremierQuart[2025])
	}
}

// Issue 9, item 3: 9 alone is refused with the reason, 8 accepted (g bis).
func TestApp_ImportPriorites9(t *testing.T) {
	a := MustOpenApp(t)
	mustImport(t, a, "menages", "menage;logement;date_entree;revenu_fiscal_reference;ressources_mensuelles;apl\nM-1;;;10000;900;0\n")
	head := "nur;menage;date_depot;typologies;communes;dalo;priorites;motif\n"
	_, err := a.Import("demandes", "d.csv", strings.NewReader(head+"0942500000001GDPUB;M-1;01/06/2025;T2;Arcueil;non;9;\n"), nil)
	if err == nil || !strings.Contains(err.Error(), "colonne priorites : « 9 » n'est pas une catégorie de l'article L.441-1") || !strings.Contains(err.Error(), "saisissez 8") {
		t.Errorf("9 alone: %v", err)
	}
	mustImport(t, a, "demandes", head+"0942500000001GDPUB;M-1;01/06/2025;T2;Arcueil;non;8;\n")
	f, err := a.OpenMenage("M-1")
	if err != nil || len(f.Demandes) != 1 || f.Demandes[0].Priorites[0] != 8 || !f.Demandes[0].Prioritaire() {
		t.Errorf("%+v %v", f, err)
	}
}

// Issue 9, items 5, 7, 8, 10: the new optional columns.
func TestApp_ImportNouvellesColonnes(t *testing.T) {
	a := MustOpenApp(t)
	mustImport(t, a, "menages", "menage;logement;date_entree;revenu_fiscal_reference;ressources_mensuelles;apl\nM-1;;;10000;900;0\n")
	mustImport(t, a, "personnes", "menage;lien;nom;prenom;date_naissance;handicap;perte_autonomie;droit_de_visite\nM-1;titulaire;A;A;01/01/1950;non;oui;non\nM-1;enfant;A;B;01/01/2018;non;non;oui\n")
	mustImport(t, a, "demandes", "nur;menage;date_depot;typologies;communes;dalo;priorites;motif;renouvellement_urbain;refus_adapte;motif_refus;refus_legitime\n0942500000001GDPUB;M-1;01/06/2025;T2;Arcueil;non;;;oui;02/05/2026;logement inaccessible;oui\n")
	f, err := a.OpenMenage("M-1")
	if err != nil {
		t.Fatal(err)
	}
	p := f.Menage.Personnes
	if !p[0].PerteAutonomie || p[0].DroitDeVisite || !p[1].DroitDeVisite {
		t.Errorf("personnes %+v", p)
	}
	d := f.Demandes[0]
	if !d.RenouvellementUrbain || d.RelogementTravaux || d.MotifRefus != "logement inaccessible" || !d.RefusLegitime {
		t.Errorf("demande %+v", d)
	}
	// A visiting-rights adult is refused.
	_, err = a.Import("personnes", "p.csv", strings.NewReader("menage;lien;nom;prenom;date_naissance;handicap;droit_de_visite\nM-1;conjoint;A;C;01/01/1960;non;oui\n"), nil)
	if err == nil || !strings.Contains(err.Error(), "ne concerne qu'un enfant") {
		t.Errorf("visiting adult: %v", err)
	}
}
