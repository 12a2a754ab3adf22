package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"logis/model"
	"logis/storage"
)

// seedCLI writes a vacant T3 of Arcueil and three applicants: a DALO one,
// an older ordinary one and one above the PLUS ceiling.
func seedCLI(t *testing.T, path string) {
	t.Helper()
	db, err := storage.Open(path, storage.Options{User: "test", Password: "mot-de-passe-de-test", CheapKeys: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	d := func(y, m, dd int) model.Date { return model.NewDate(y, time.Month(m), dd) }
	err = db.Update("fixtures", func(tx *storage.Tx) error {
		l := &model.Logement{Reference: "ARC-T3", Commune: "Arcueil", CodePostal: "94110", Typologie: 3, Pieces: 3, Surface: 65,
			Financement: model.PLUS, Loyer: model.Euros(600), Charges: model.Euros(100)}
		if err := tx.PutLogement(l); err != nil {
			return err
		}
		for i, f := range []struct {
			id, nur string
			depot   model.Date
			rfr     int64
			dalo    bool
		}{
			{"M1", "0942500000001GDPUB", d(2025, 6, 1), 20000, true},
			{"M2", "0941500000002GDPUB", d(2015, 3, 1), 20000, false},
			{"M3", "0942000000003GDPUB", d(2010, 1, 1), 90000, false},
		} {
			m := &model.Menage{ID: f.id, Personnes: []model.Personne{
				{Lien: model.Titulaire, Nom: "Martin", Prenom: "Lou", DateNaissance: d(1988, 1, 1+i)},
				{Lien: model.Enfant, Nom: "Martin", Prenom: "Léo", DateNaissance: d(2019, 5, 1)}},
				Ressources: model.Ressources{RevenuFiscal: model.Euros(f.rfr), Mensuelles: model.Euros(1900)}}
			if err := tx.PutMenage(m); err != nil {
				return err
			}
			if err := tx.PutDemande(&model.Demande{NUR: f.nur, Menage: f.id, DateDepot: f.depot, Communes: []string{"Arcueil"}, Active: true, DALO: f.dalo}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestCLI_Candidats(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "cand.db")
	seedCLI(t, db)

	t.Run("Stdout", func(t *testing.T) {
		code, out, errOut := runCLI(t, "--db", db, "candidats", "ARC-T3", "--date", "2026-11-22")
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if code != 0 || len(lines) != 3 {
			t.Fatalf("code %d, out %q, err %q", code, out, errOut)
		}
		if !strings.HasPrefix(lines[0], "\ufeffnur;menage;plafond_ok;typologie_adaptee;sur_occupation_critique;pmr_ok;taux_effort;reste_a_vivre_uc_jour;solvable;mutation_ok;prioritaire;anciennete_mois;rang;motifs") {
			t.Errorf("header %q", lines[0])
		}
		// DALO first, then seniority; 700 € for 1 900 €: 36,8 %.
		if !strings.HasPrefix(lines[1], "0942500000001GDPUB;M1;oui;oui;non;;36,8;30,77;oui;;oui;17;1;") ||
			!strings.HasPrefix(lines[2], "0941500000002GDPUB;M2;oui;oui;non;;36,8;30,77;oui;;non;140;2;") {
			t.Errorf("rows:\n%s", out)
		}
	})
	t.Run("TousOut", func(t *testing.T) {
		csvPath := filepath.Join(dir, "cand.csv")
		code, out, errOut := runCLI(t, "--db", db, "candidats", "--tous", "--date", "2026-11-22", "--out", csvPath, "ARC-T3")
		if code != 0 || !strings.Contains(out, "3 demande(s) examinée(s), 2 candidat(s) retenu(s), 1 écarté(s)") {
			t.Fatalf("code %d, out %q, err %q", code, out, errOut)
		}
		b, _ := os.ReadFile(csvPath)
		lines := strings.Split(strings.TrimSpace(string(b)), "\n")
		if len(lines) != 4 || !strings.HasPrefix(lines[3], "0942000000003GDPUB;M3;non;") || !strings.Contains(lines[3], ";;") ||
			!strings.Contains(lines[3], "au-dessus du plafond PLUS") {
			t.Fatalf("csv:\n%s", b)
		}
	})
	t.Run("Errors", func(t *testing.T) {
		if code, _, errOut := runCLI(t, "--db", db, "candidats", "NOPE"); code != 1 || !strings.Contains(errOut, "Le logement « NOPE » est introuvable.") {
			t.Errorf("unknown dwelling: %d %q", code, errOut)
		}
		if code, _, _ := runCLI(t, "--db", db, "candidats"); code != 2 {
			t.Errorf("no reference: code %d", code)
		}
		if code, _, errOut := runCLI(t, "--db", db, "candidats", "ARC-T3", "--date", "31/02/2026"); code != 1 || !strings.Contains(errOut, "n'est pas une date") {
			t.Errorf("bad date: %d %q", code, errOut)
		}
	})
}

func TestCLI_Commissions(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	if code, _, errOut := runCLI(t, "--db", db, "demo", "--menages", "600", "--logements", "400"); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	code, out, errOut := runCLI(t, "--db", db, "commissions")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 3 || lines[0] != "id;date;type;statut" {
		t.Fatalf("code %d, out %q, err %q", code, out, errOut)
	}
	f := strings.Split(lines[1], ";")
	if len(f) != 4 || !strings.HasPrefix(f[0], "C20") || len(f[1]) != 10 || f[1][4] != '-' || f[2] != "mixte" || f[3] != "close" {
		t.Errorf("closed session line %q", lines[1])
	}
	if f := strings.Split(lines[2], ";"); len(f) != 4 || f[2] != "attribution" || f[3] != "preparation" {
		t.Errorf("session in preparation %q", lines[2])
	}
	if code, _, _ := runCLI(t, "--db", db, "commissions", "en-trop"); code != 2 {
		t.Errorf("extra argument: code %d", code)
	}
}
