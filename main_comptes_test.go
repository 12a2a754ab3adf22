package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// Canary values of the encryption test: fictitious, found nowhere else.
const (
	canaryNom    = "Zorglubowska"
	canaryRevenu = "31 415"
	canaryMotif  = "Canari-violences-conjugales"
)

func writeCanaryFiles(t *testing.T, dir string) (menages, personnes, demandes string) {
	t.Helper()
	w := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	menages = w("m.csv", "menage;logement;date_entree;revenu_fiscal_reference;ressources_mensuelles;apl;impayes;troubles;visite\nM001;;;"+canaryRevenu+";1 250;0;;;\n")
	personnes = w("p.csv", "menage;lien;nom;prenom;date_naissance;handicap\nM001;titulaire;"+canaryNom+";Ondine;04/06/1985;oui\n")
	demandes = w("d.csv", "nur;menage;date_depot;typologies;communes;dalo;priorites;motif\n0942300000001GDPUB;M001;02/05/2023;T2;Arcueil;non;1;"+canaryMotif+"\n")
	return
}

// as runs the command line signed in as user.
func as(t *testing.T, user, password string, args ...string) (int, string, string) {
	t.Helper()
	t.Setenv(envUtilisateur, user)
	t.Setenv(envMotDePasse, password)
	return runCLI(t, args...)
}

func TestCLI_Comptes(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "logis.db")
	m, p, d := writeCanaryFiles(t, dir)

	t.Run("ErrMissingBase", func(t *testing.T) {
		code, _, errOut := as(t, testUser, testPassword, "--db", db, "verify")
		if code != 1 || !strings.Contains(errOut, "n'existe pas") || !strings.Contains(errOut, "logis init") {
			t.Fatalf("code %d, stderr %q", code, errOut)
		}
	})
	t.Run("ErrNoCredentials", func(t *testing.T) {
		code, _, errOut := as(t, "", "", "--db", db, "init")
		if code != 1 || !strings.Contains(errOut, "identifiant et mot de passe requis") {
			t.Fatalf("code %d, stderr %q", code, errOut)
		}
		if _, err := os.Stat(db); !os.IsNotExist(err) {
			t.Fatal("a base was created without an account")
		}
	})
	t.Run("ErrWeakPasswordAtCreation", func(t *testing.T) {
		code, _, errOut := as(t, "chef", "court", "--db", db, "init")
		if code != 1 || !strings.Contains(errOut, "au moins 10 caractères") {
			t.Fatalf("code %d, stderr %q", code, errOut)
		}
	})
	t.Run("Init", func(t *testing.T) {
		code, out, errOut := as(t, testUser, testPassword, "--db", db, "init")
		if code != 0 || !strings.Contains(out, "CLÉ DE SECOURS") || !strings.Contains(out, "compte « test » (responsable)") {
			t.Fatalf("code %d, out %q, err %q", code, out, errOut)
		}
		if code, _, errOut := as(t, testUser, testPassword, "--db", db, "init"); code != 1 || !strings.Contains(errOut, "existe déjà") {
			t.Fatalf("init twice: %d %q", code, errOut)
		}
	})
	t.Run("ErrWrongPassword", func(t *testing.T) {
		code, _, errOut := as(t, testUser, "pas-le-bon-mot", "--db", db, "verify")
		if code != 1 || !strings.Contains(errOut, "identifiant ou mot de passe incorrect") {
			t.Fatalf("code %d, stderr %q", code, errOut)
		}
	})
	t.Run("AddAccounts", func(t *testing.T) {
		t.Setenv(envNouveauMotDePasse, "lecteur-secret-1")
		if code, out, errOut := as(t, testUser, testPassword, "--db", db, "utilisateurs", "ajouter", "c.lecteur", "--role", "consultation"); code != 0 || !strings.Contains(out, "créé") {
			t.Fatalf("add: %d %q %q", code, out, errOut)
		}
		t.Setenv(envNouveauMotDePasse, "agent-secret-22")
		if code, _, errOut := as(t, testUser, testPassword, "--db", db, "utilisateurs", "ajouter", "a.agent", "--role", "agent"); code != 0 {
			t.Fatalf("add agent: %d %q", code, errOut)
		}
		code, out, _ := as(t, testUser, testPassword, "--db", db, "utilisateurs")
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if code != 0 || len(lines) != 4 || lines[0] != "nom;role;actif;derniere_connexion" ||
			lines[1] != "a.agent;agent;oui;jamais" || lines[2] != "c.lecteur;consultation;oui;jamais" || !strings.HasPrefix(lines[3], "test;responsable;oui;") {
			t.Fatalf("list:\n%s", out)
		}
	})
	t.Run("ErrConsultationImport", func(t *testing.T) {
		code, _, errOut := as(t, "c.lecteur", "lecteur-secret-1", "--db", db, "import", "menages", m)
		if code != 1 || !strings.Contains(errOut, "votre rôle (consultation) ne permet pas d'importer des fichiers") {
			t.Fatalf("code %d, stderr %q", code, errOut)
		}
		code, _, errOut = as(t, "c.lecteur", "lecteur-secret-1", "--db", db, "utilisateurs")
		if code != 1 || !strings.Contains(errOut, "votre rôle (consultation) ne permet pas de gérer les comptes") {
			t.Fatalf("code %d, stderr %q", code, errOut)
		}
	})
	t.Run("ImportsJournaledWithAccount", func(t *testing.T) {
		if code, _, errOut := as(t, "a.agent", "agent-secret-22", "--db", db, "import", "menages", m); code != 0 {
			t.Fatal(errOut)
		}
		if code, _, errOut := as(t, testUser, testPassword, "--db", db, "import", "personnes", p); code != 0 {
			t.Fatal(errOut)
		}
		if code, _, errOut := as(t, "a.agent", "agent-secret-22", "--db", db, "import", "demandes", d); code != 0 {
			t.Fatal(errOut)
		}
		code, out, errOut := as(t, "c.lecteur", "lecteur-secret-1", "--db", db, "journal")
		if code != 0 || !strings.HasPrefix(out, "date;utilisateur;action;objets\n") {
			t.Fatalf("journal: %d %q %q", code, out, errOut)
		}
		imports := map[string]string{}
		for _, l := range strings.Split(out, "\n") {
			f := strings.Split(l, ";")
			if len(f) == 4 && strings.HasPrefix(f[2], "Import ") {
				imports[strings.Fields(f[2])[1]] = f[1]
			}
		}
		if imports["menages"] != "a.agent" || imports["personnes"] != "test" || imports["demandes"] != "a.agent" {
			t.Fatalf("imports by %v in\n%s", imports, out)
		}
		for _, secret := range []string{canaryNom, canaryMotif, "31415"} {
			if strings.Contains(out, secret) {
				t.Errorf("the journal prints %q", secret)
			}
		}
		_, out, _ = as(t, "c.lecteur", "lecteur-secret-1", "--db", db, "journal", "--utilisateur", "a.agent", "--depuis", "2000-01-01")
		if n := strings.Count(out, "\n"); n != 5 || strings.Contains(out, ";test;") { // header, 2 sign-ins, 2 imports
			t.Fatalf("filtered journal (%d lines):\n%s", n, out)
		}
	})
	t.Run("NoCanaryInFileOrBackup", func(t *testing.T) {
		backup := filepath.Join(dir, "copie.db")
		if code, _, errOut := as(t, "a.agent", "agent-secret-22", "--db", db, "sauvegarde", "--out", backup); code != 0 {
			t.Fatal(errOut)
		}
		for _, f := range []string{db, backup} {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range []string{canaryNom, canaryMotif, "3141500", "Ondine"} {
				if bytes.Contains(data, []byte(c)) {
					t.Errorf("%s holds %q", filepath.Base(f), c)
				}
			}
		}
		if code, out, _ := as(t, testUser, testPassword, "--db", backup, "verify"); code != 0 || !strings.Contains(out, "menages: 1") {
			t.Fatalf("backup verify: %q", out)
		}
	})
	t.Run("DeactivatedAccount", func(t *testing.T) {
		if code, _, errOut := as(t, testUser, testPassword, "--db", db, "utilisateurs", "desactiver", "a.agent"); code != 0 {
			t.Fatal(errOut)
		}
		if code, _, errOut := as(t, "a.agent", "agent-secret-22", "--db", db, "verify"); code != 1 || !strings.Contains(errOut, "Connexion refusée") {
			t.Fatalf("deactivated: %d %q", code, errOut)
		}
	})
	t.Run("ChangePassword", func(t *testing.T) {
		t.Setenv(envNouveauMotDePasse, "nouveau-lecteur-3")
		if code, _, errOut := as(t, "c.lecteur", "lecteur-secret-1", "--db", db, "mot-de-passe"); code != 0 {
			t.Fatal(errOut)
		}
		if code, _, _ := as(t, "c.lecteur", "nouveau-lecteur-3", "--db", db, "verify"); code != 0 {
			t.Fatal("new password refused")
		}
	})
	t.Run("VerifyDetectsAlteredJournal", func(t *testing.T) {
		alterJournal(t, db, 3)
		code, out, errOut := as(t, testUser, testPassword, "--db", db, "verify")
		if code != 1 || !strings.Contains(out, "Journal : l'entrée n° 3 a été modifiée") {
			t.Fatalf("code %d, out %q, err %q", code, out, errOut)
		}
	})
}

// alterJournal flips one bit of journal entry seq, as an editor of the
// file would.
func alterJournal(t *testing.T, path string, seq byte) {
	t.Helper()
	bdb, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer bdb.Close()
	err = bdb.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte("journal"))
		k := []byte{0, 0, 0, 0, 0, 0, 0, seq}
		v := bytes.Clone(b.Get(k))
		v[len(v)/2] ^= 0x04
		return b.Put(k, v)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestCLI_RecoveryKey(t *testing.T) {
	db := filepath.Join(t.TempDir(), "logis.db")
	code, out, _ := as(t, testUser, testPassword, "--db", db, "init")
	if code != 0 {
		t.Fatal(out)
	}
	i := strings.Index(out, "CLÉ DE SECOURS")
	fields := strings.Fields(out[i:])
	var key string
	for _, f := range fields {
		if strings.Count(f, "-") == 7 && len(f) == 47 {
			key = f
		}
	}
	if key == "" {
		t.Fatalf("no key in %q", out)
	}
	t.Setenv(envCleDeSecours, key)
	t.Setenv(envNouveauMotDePasse, "retrouve-grace-a-la-cle")
	if code, _, errOut := as(t, testUser, "", "--db", db, "mot-de-passe", "--secours"); code != 0 {
		t.Fatalf("reset: %q", errOut)
	}
	if code, _, errOut := as(t, testUser, "retrouve-grace-a-la-cle", "--db", db, "verify"); code != 0 {
		t.Fatalf("after reset: %q", errOut)
	}
}
