package storage_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"logis/model"
	"logis/storage"
)

// Canary values: fictitious, found nowhere else.
const (
	canaryNom    = "Zorglubowska"
	canaryRevenu = 3141592 // 31 415,92 €
	canaryMotif  = "violences-canari-conjugales"
)

func canaryMenage() *model.Menage {
	m := newMenage("M1", "", 1)
	m.Personnes[0].Nom = canaryNom
	m.Ressources.RevenuFiscal = model.Cents(canaryRevenu)
	return m
}

func canaryDemande() *model.Demande {
	d := newDemande("0940123400001GD94A", "M1")
	d.Motif = canaryMotif
	return d
}

// assertNoCanary fails when a canary is found in the bytes of the file.
func assertNoCanary(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []string{canaryNom, "3141592", canaryMotif, "Martin", "Tilleuls"} {
		if bytes.Contains(data, []byte(c)) {
			t.Errorf("%s holds %q in clear", filepath.Base(path), c)
		}
	}
}

func optsAs(user, password string) storage.Options {
	o := testOptions()
	o.User, o.Password = user, password
	return o
}

func TestEncryption(t *testing.T) {
	t.Run("NoCanaryInFileOrBackup", func(t *testing.T) {
		db := MustOpenDB(t)
		MustUpdate(t, db, "Import", func(tx *storage.Tx) error {
			if err := tx.PutLogement(newLogement("L1", "")); err != nil {
				return err
			}
			if err := tx.PutMenage(canaryMenage()); err != nil {
				return err
			}
			return tx.PutDemande(canaryDemande())
		})
		backup := filepath.Join(t.TempDir(), "copie.db")
		if err := db.Backup(backup); err != nil {
			t.Fatal(err)
		}
		assertNoCanary(t, db.Path())
		assertNoCanary(t, backup)
		// Both open with the same account and give the values back.
		copy := MustOpenDBAt(t, backup)
		_ = copy.View(func(tx *storage.Tx) error {
			m, err := tx.Menage("M1")
			if err != nil || m.Personnes[0].Nom != canaryNom || m.Ressources.RevenuFiscal != canaryRevenu {
				t.Fatalf("backup read: %+v %v", m, err)
			}
			return nil
		})
	})

	t.Run("ErrTamperedRecordIsDamage", func(t *testing.T) {
		db := MustOpenDB(t)
		MustUpdate(t, db, "x", func(tx *storage.Tx) error { return tx.PutMenage(canaryMenage()) })
		good, err := storage.GetStored(db, "menages", "M1")
		if err != nil {
			t.Fatal(err)
		}
		stored := bytes.Clone(good)
		stored[len(stored)/2] ^= 0x01
		if err := storage.PutStored(db, "menages", "M1", stored); err != nil {
			t.Fatal(err)
		}
		err = db.View(func(tx *storage.Tx) error { _, err := tx.Menage("M1"); return err })
		if err == nil || !strings.Contains(model.ErrorMessage(err), "« M1 »") {
			t.Fatalf("tampered record read: %v", err)
		}
		if p, _ := db.Check(); len(p) == 0 || !strings.Contains(strings.Join(p, "\n"), "M1") {
			t.Fatalf("check: %v", p)
		}
		_ = storage.PutStored(db, "menages", "M1", good)
	})

	t.Run("ErrMovedRecord", func(t *testing.T) {
		db := MustOpenDB(t)
		MustUpdate(t, db, "x", func(tx *storage.Tx) error {
			if err := tx.PutMenage(canaryMenage()); err != nil {
				return err
			}
			return tx.PutMenage(newMenage("M2", "", 1))
		})
		m1, _ := storage.GetStored(db, "menages", "M1")
		good, _ := storage.GetStored(db, "menages", "M2")
		if err := storage.PutStored(db, "menages", "M2", m1); err != nil {
			t.Fatal(err)
		}
		if err := db.View(func(tx *storage.Tx) error { _, err := tx.Menage("M2"); return err }); err == nil {
			t.Fatal("a value moved to another key was accepted")
		}
		_ = storage.PutStored(db, "menages", "M2", good)
	})

	t.Run("ErrClearValueInSealedBucket", func(t *testing.T) {
		db := MustOpenDB(t)
		MustUpdate(t, db, "x", func(tx *storage.Tx) error { return tx.PutLogement(newLogement("L1", "")) })
		good, _ := storage.GetStored(db, "logements", "L1")
		plain := []byte(`{"reference":"L1","typologie":9}`)
		_ = storage.PutStored(db, "logements", "L1", plain)
		if err := db.View(func(tx *storage.Tx) error { _, err := tx.Logement("L1"); return err }); err == nil {
			t.Fatal("a clear value replaced a sealed one unnoticed")
		}
		_ = storage.PutStored(db, "logements", "L1", good)
	})
}

func TestSignIn(t *testing.T) {
	path := filepath.Join(t.TempDir(), "logis.db")
	db := MustOpenDBAt(t, path)
	if rk := db.RecoveryKey(); len(rk) != 47 || strings.Count(rk, "-") != 7 {
		t.Fatalf("recovery key %q", rk)
	}
	if db.RecoveryKey() != "" {
		t.Fatal("the recovery key is given twice")
	}
	if a := db.Account(); a.Nom != "agent.test" || a.Role != model.Responsable || !a.Actif {
		t.Fatalf("creator: %+v", a)
	}
	MustCloseDB(t, db)

	t.Run("ErrNoPassword", func(t *testing.T) {
		for _, o := range []storage.Options{optsAs("", ""), optsAs("agent.test", ""), optsAs("", testPassword)} {
			_, err := storage.Open(path, o)
			if model.ErrorCode(err) != model.EAUTH || model.ErrorMessage(err) != "Connexion refusée : identifiant et mot de passe requis." {
				t.Fatalf("%+v: %v", o, err)
			}
		}
		missing := filepath.Join(t.TempDir(), "nouvelle.db")
		if _, err := storage.Open(missing, optsAs("", "")); model.ErrorCode(err) != model.EAUTH {
			t.Fatalf("new base without account: %v", err)
		}
		if _, err := os.Stat(missing); !os.IsNotExist(err) {
			t.Fatal("a base was created without an account")
		}
	})

	t.Run("ErrWrongPassword", func(t *testing.T) {
		for _, o := range []storage.Options{optsAs("agent.test", "faux-mot-de-passe"), optsAs("personne", testPassword)} {
			_, err := storage.Open(path, o)
			if model.ErrorCode(err) != model.EAUTH || model.ErrorMessage(err) != "Connexion refusée : identifiant ou mot de passe incorrect." {
				t.Fatalf("%+v: %v", o, err)
			}
		}
	})

	t.Run("FailuresJournaledAtNextSignIn", func(t *testing.T) {
		db := MustOpenDBAt(t, path)
		j, _ := db.Journal(3)
		if len(j) != 3 || j[0].Action != "Connexion" || j[1].Action != "Échec de connexion" || j[1].Utilisateur != "(identifiant inconnu)" ||
			j[2].Action != "Échec de connexion" || j[2].Utilisateur != "agent.test" {
			t.Fatalf("journal = %+v", j)
		}
		MustCloseDB(t, db)
	})

	t.Run("ErrTooManyFailures", func(t *testing.T) {
		now := fixedNow
		o := optsAs("agent.test", "faux-mot-de-passe")
		o.Now = func() time.Time { return now }
		for i := 0; i < 5; i++ {
			if _, err := storage.Open(path, o); model.ErrorMessage(err) != "Connexion refusée : identifiant ou mot de passe incorrect." {
				t.Fatalf("try %d: %v", i, err)
			}
		}
		o.Password = testPassword // even the right password waits
		_, err := storage.Open(path, o)
		if model.ErrorCode(err) != model.EAUTH || !strings.Contains(model.ErrorMessage(err), "réessayez dans 30 s") {
			t.Fatalf("6th try: %v", err)
		}
		now = now.Add(31 * time.Second)
		db, err := storage.Open(path, o)
		if err != nil {
			t.Fatal(err)
		}
		MustCloseDB(t, db)
	})

	t.Run("LockAndSignInAgain", func(t *testing.T) {
		db := MustOpenDBAt(t, path)
		db.Lock()
		if err := db.View(func(*storage.Tx) error { return nil }); model.ErrorCode(err) != model.EAUTH {
			t.Fatalf("locked base read: %v", err)
		}
		if err := db.SignIn("agent.test", "non"); model.ErrorCode(err) != model.EAUTH || !db.Locked() {
			t.Fatalf("wrong password unlocked: %v", err)
		}
		if err := db.SignIn("agent.test", testPassword); err != nil || db.Locked() {
			t.Fatal(err)
		}
		MustCloseDB(t, db)
	})
}

func TestAccounts(t *testing.T) {
	path := filepath.Join(t.TempDir(), "logis.db")
	db := MustOpenDBAt(t, path)
	recovery := db.RecoveryKey()
	if err := db.AddAccount(model.Compte{Nom: "c.lecteur", Role: model.Consultation}, "lecture-seule-123"); err != nil {
		t.Fatal(err)
	}
	if err := db.AddAccount(model.Compte{Nom: "c.lecteur", Role: model.Agent}, "autre-chose-123"); model.ErrorCode(err) != model.ECONFLICT {
		t.Fatalf("duplicate: %v", err)
	}
	if err := db.AddAccount(model.Compte{Nom: "x", Role: "chef"}, "autre-chose-123"); model.ErrorCode(err) != model.EINVALID {
		t.Fatalf("bad role: %v", err)
	}
	if err := db.SetActive("agent.test", false, ""); model.ErrorCode(err) != model.EINVALID {
		t.Fatalf("last responsable deactivated: %v", err)
	}
	list, err := db.Accounts()
	if err != nil || len(list) != 2 || list[0].Nom != "agent.test" || list[1].Nom != "c.lecteur" || list[1].Role != model.Consultation || !list[1].Actif {
		t.Fatalf("accounts = %+v %v", list, err)
	}
	MustCloseDB(t, db)

	lecteur, err := storage.Open(path, optsAs("c.lecteur", "lecture-seule-123"))
	if err != nil {
		t.Fatal(err)
	}
	if a := lecteur.Account(); a.Role != model.Consultation || a.DerniereConnexion.IsZero() {
		t.Fatalf("signed in as %+v", a)
	}
	if err := lecteur.ChangePassword("nouveau-secret-456"); err != nil {
		t.Fatal(err)
	}
	MustCloseDB(t, lecteur)
	if _, err := storage.Open(path, optsAs("c.lecteur", "lecture-seule-123")); model.ErrorCode(err) != model.EAUTH {
		t.Fatalf("old password still opens: %v", err)
	}
	MustCloseDB(t, mustOpenAs(t, path, "c.lecteur", "nouveau-secret-456"))

	db = mustOpenAs(t, path, "agent.test", testPassword)
	if err := db.SetActive("c.lecteur", false, ""); err != nil {
		t.Fatal(err)
	}
	j := MustLastWrites(t, db, 1)
	if j[0].Action != "Désactivation du compte c.lecteur" || j[0].Utilisateur != "agent.test" {
		t.Fatalf("journal = %+v", j)
	}
	MustCloseDB(t, db)
	if _, err := storage.Open(path, optsAs("c.lecteur", "nouveau-secret-456")); model.ErrorCode(err) != model.EAUTH {
		t.Fatalf("deactivated account opens: %v", err)
	}

	t.Run("RecoveryKeyResetsResponsable", func(t *testing.T) {
		o := optsAs("agent.test", "")
		o.RecoveryKey = "AAAAA-" + recovery[6:]
		if _, err := storage.Open(path, o); model.ErrorCode(err) != model.EAUTH {
			t.Fatalf("wrong recovery key: %v", err)
		}
		o.RecoveryKey = strings.ToLower(recovery)
		db, err := storage.Open(path, o)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.ChangePassword("oublie-puis-retrouve"); err != nil {
			t.Fatal(err)
		}
		MustCloseDB(t, db)
		MustCloseDB(t, mustOpenAs(t, path, "agent.test", "oublie-puis-retrouve"))
	})
}

func mustOpenAs(t *testing.T, path, user, password string) *storage.DB {
	t.Helper()
	db, err := storage.Open(path, optsAs(user, password))
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func TestJournalChain(t *testing.T) {
	build := func(t *testing.T) *storage.DB {
		db := MustOpenDB(t)
		for _, ref := range []string{"L1", "L2", "L3"} {
			MustUpdate(t, db, "Saisie "+ref, func(tx *storage.Tx) error { return tx.PutLogement(newLogement(ref, "")) })
		}
		if p, err := db.Check(); err != nil || len(p) != 0 {
			t.Fatalf("check: %v %v", p, err)
		}
		return db
	}
	seq := func(n uint64) []byte { return []byte{0, 0, 0, 0, 0, 0, 0, byte(n)} }
	t.Run("ErrAlteredEntry", func(t *testing.T) {
		db := build(t)
		v, _ := storage.GetStored(db, "journal", string(seq(2)))
		v[len(v)-1] ^= 1
		_ = storage.PutStored(db, "journal", string(seq(2)), v)
		p, _ := db.Check()
		if !strings.Contains(strings.Join(p, "\n"), "l'entrée n° 2 a été modifiée") {
			t.Fatalf("check: %v", p)
		}
		_ = storage.DeleteStored(db, "journal", string(seq(2))) // the cleanup check would fail anyway
		db.Close()
	})
	t.Run("ErrReplacedEntry", func(t *testing.T) {
		db := build(t)
		// A well-sealed entry whose content is not the one chained.
		_ = storage.PutRaw(db, "journal", string(seq(2)), []byte(`{"seq":2,"utilisateur":"x","action":"rien"}`))
		p, _ := db.Check()
		if !strings.Contains(strings.Join(p, "\n"), "chaînage est rompu avant l'entrée n° 3") {
			t.Fatalf("check: %v", p)
		}
		db.Close()
	})
	t.Run("ErrRemovedEntry", func(t *testing.T) {
		db := build(t)
		_ = storage.DeleteStored(db, "journal", string(seq(3)))
		p, _ := db.Check()
		if !strings.Contains(strings.Join(p, "\n"), "les entrées n° 3 à 3 ont été supprimées") {
			t.Fatalf("check: %v", p)
		}
		db.Close()
	})
	t.Run("ErrRemovedFirstEntries", func(t *testing.T) {
		db := build(t)
		_ = storage.DeleteStored(db, "journal", string(seq(1)))
		_ = storage.DeleteStored(db, "journal", string(seq(2)))
		p, _ := db.Check()
		if !strings.Contains(strings.Join(p, "\n"), "les entrées n° 1 à 2 ont été supprimées") {
			t.Fatalf("check: %v", p)
		}
		db.Close()
	})
	t.Run("ErrRemovedLastEntry", func(t *testing.T) {
		db := build(t)
		last, _ := db.Journal(1)
		_ = storage.DeleteStored(db, "journal", string(seq(last[0].Seq)))
		p, _ := db.Check()
		if !strings.Contains(strings.Join(p, "\n"), "dernières entrées") {
			t.Fatalf("check: %v", p)
		}
		db.Close()
	})
}

func TestMigrationClearBase(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "logis.db")
	m := canaryMenage()
	if err := storage.MakeClearBase(path, 2, []*model.Logement{newLogement("L1", "")}, []*model.Menage{m}); err != nil {
		t.Fatal(err)
	}
	if _, err := storage.Open(path, optsAs("", "")); model.ErrorCode(err) != model.EAUTH {
		t.Fatalf("clear base opened without account: %v", err)
	}
	db := MustOpenDBAt(t, path)
	copie := db.EncryptionCopy()
	if want := filepath.Join(dir, "logis.avant-chiffrement-20261122.db"); copie != want {
		t.Fatalf("copy %q, want %q", copie, want)
	}
	if db.RecoveryKey() == "" || db.Account().Role != model.Responsable {
		t.Fatalf("account %+v", db.Account())
	}
	if c := MustCounts(t, db); c.Menages != 1 || c.Logements != 1 {
		t.Fatalf("counts %+v", c)
	}
	j, err := db.Journal(0)
	if err != nil || len(j) != 2 || !strings.HasPrefix(j[0].Action, "Chiffrement de la base") || j[1].Action != "Import menages" {
		t.Fatalf("journal %+v %v", j, err)
	}
	MustCloseDB(t, db)
	assertNoCanary(t, path)
	if data, _ := os.ReadFile(copie); !bytes.Contains(data, []byte(canaryNom)) {
		t.Fatal("the copy before encryption is not the clear base")
	}
	db = MustOpenDBAt(t, path)
	if db.EncryptionCopy() != "" {
		t.Fatal("encrypted twice")
	}
	_ = db.View(func(tx *storage.Tx) error {
		got, err := tx.Menage("M1")
		if err != nil || got.Personnes[0].Nom != canaryNom {
			t.Fatalf("%+v %v", got, err)
		}
		return nil
	})
}

func TestChangeFeed(t *testing.T) {
	db := MustOpenDB(t)
	gen, err := db.Generation()
	if err != nil || gen != 1 {
		t.Fatalf("generation of a new base = %d, %v", gen, err)
	}
	for _, ref := range []string{"L1", "L2", "L3"} {
		MustUpdate(t, db, "Saisie "+ref, func(tx *storage.Tx) error { return tx.PutLogement(newLogement(ref, "")) })
	}
	MustUpdate(t, db, "Export", func(*storage.Tx) error { return nil })
	if g, _ := db.Generation(); g != 5 {
		t.Fatalf("generation = %d", g)
	}
	all, complete, err := db.ChangesSince(gen, 0)
	if err != nil || !complete || len(all) != 4 || all[0].Seq != 2 || all[0].Changements[0].Cle != "L1" || !all[3].SansEcriture || all[2].SansEcriture {
		t.Fatalf("changes = %+v %v %v", all, complete, err)
	}
	some, complete, _ := db.ChangesSince(gen, 2)
	if complete || len(some) != 2 || some[1].Seq != 3 {
		t.Fatalf("limited = %+v %v", some, complete)
	}
	if none, complete, _ := db.ChangesSince(5, 0); len(none) != 0 || !complete {
		t.Fatalf("after the last = %+v", none)
	}
}
