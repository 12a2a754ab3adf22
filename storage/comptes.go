package storage

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"logis/model"
)

// Accounts. Each account has two records:
//   - in the clear bucket « cles »: its wrapped copy of the data key and its
//     failed sign-ins (needed before the data key is known; no personal data);
//   - in « comptes », sealed like every record: its profile (model.Compte),
//     so that a role or an « active » flag cannot be changed in the file.
//
// The « cles » bucket also holds the recovery slot and the failed sign-ins
// waiting to be journaled (the journal is sealed: it is written at the next
// successful sign-in).

var (
	bucketCles    = []byte("cles")    // account name → acces (clear); keySecours, keyEchecs
	bucketComptes = []byte("comptes") // account name → model.Compte (sealed)
)

// Reserved keys of the cles bucket (« # » is not allowed in account names).
var (
	keySecours = []byte("#secours") // recovery slot
	keyEchecs  = []byte("#echecs")  // failed sign-ins not yet journaled
)

var kindCompte = kind{typ: "compte", bucket: bucketComptes}

// Lock-out: after maxEchecs consecutive failures, each new try waits
// echecAttente × 2^(failures − maxEchecs), at most echecAttenteMax.
const (
	maxEchecs       = 5
	echecAttente    = 30 * time.Second
	echecAttenteMax = 15 * time.Minute
	maxEchecsNotes  = 200 // failed sign-ins kept for the journal
)

// acces is the clear record of an account.
type acces struct {
	Slot         slot      `json:"slot"`
	Echecs       int       `json:"echecs,omitempty"` // consecutive failures
	DernierEchec time.Time `json:"dernier_echec,omitzero"`
}

// echec is a failed sign-in waiting to be journaled; Compte is empty when
// the name typed is not an account (it is not kept: it may be anything).
type echec struct {
	Quand  time.Time `json:"quand"`
	Compte string    `json:"compte,omitempty"`
}

// session is what a signed-in base holds in memory: the data key (inside
// the AEAD) and the account.
type session struct {
	keys   *keyring
	compte model.Compte
}

var (
	errCredentialsRequired = model.Errorf(model.EAUTH, "Connexion refusée : identifiant et mot de passe requis.")
	errBadCredentials      = model.Errorf(model.EAUTH, "Connexion refusée : identifiant ou mot de passe incorrect.")
	errLocked              = model.Errorf(model.EAUTH, "La base est verrouillée : reconnectez-vous.")
)

// attente is how long the account must wait before its next try.
func (a acces) attente(now time.Time) time.Duration {
	if a.Echecs < maxEchecs {
		return 0
	}
	wait := echecAttente << min(a.Echecs-maxEchecs, 10)
	wait = min(wait, echecAttenteMax)
	return max(0, a.DernierEchec.Add(wait).Sub(now))
}

func getClear(b *bolt.Bucket, key []byte, v any) (bool, error) {
	data := b.Get(key)
	if data == nil {
		return false, nil
	}
	return true, json.Unmarshal(data, v)
}

func putClear(b *bolt.Bucket, key []byte, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.Put(key, data)
}

// SignIn unlocks the base for the account name with its password: the
// account's copy of the data key is unwrapped (a wrong password fails), the
// profile read, the sign-in journaled. Errors (code EAUTH): « Identifiant et
// mot de passe requis. », « Identifiant ou mot de passe incorrect. », a
// deactivated account, too many failures (wait). The base stays locked on
// error.
func (db *DB) SignIn(name, password string) error {
	name = strings.TrimSpace(name)
	if name == "" || password == "" {
		return errCredentialsRequired
	}
	var a acces
	found := false
	if err := db.bolt.View(func(btx *bolt.Tx) error {
		b := btx.Bucket(bucketCles)
		if b == nil {
			return fmt.Errorf("bucket %s missing", bucketCles)
		}
		var err error
		found, err = getClear(b, []byte(name), &a)
		return err
	}); err != nil {
		return internal(err, "Les comptes de la base « %s » sont illisibles. Restaurez une sauvegarde.", db.name())
	}
	now := db.now()
	if !found {
		passwordKey(password, randomBytes(saltSize), db.kdf()) // same time as a real try
		db.noteFailure("")
		return errBadCredentials
	}
	if a.Slot.KDF.Test && !db.cheap {
		return model.Errorf(model.EAUTH, "Le compte « %s » a été créé par un test de Logis ; il ne peut pas servir.", clipKey(name))
	}
	if wait := a.attente(now); wait > 0 {
		return model.Errorf(model.EAUTH, "Trop d'essais manqués pour le compte « %s » : réessayez dans %s.", clipKey(name), duree(wait))
	}
	dk, err := a.Slot.open(name, password)
	if err != nil {
		db.noteFailure(name)
		return errBadCredentials
	}
	return db.startSession(name, dk, "Connexion")
}

// signInRecovery unlocks the base with the recovery key, for the
// responsable name (to reset their password).
func (db *DB) signInRecovery(name, recoveryKey string) error {
	name = strings.TrimSpace(name)
	if name == "" {
		return errCredentialsRequired
	}
	var s slot
	if err := db.bolt.View(func(btx *bolt.Tx) error {
		b := btx.Bucket(bucketCles)
		if b == nil {
			return fmt.Errorf("bucket %s missing", bucketCles)
		}
		found, err := getClear(b, keySecours, &s)
		if err == nil && !found {
			err = fmt.Errorf("no recovery slot")
		}
		return err
	}); err != nil {
		return internal(err, "La clé de secours de la base « %s » est illisible.", db.name())
	}
	dk, err := s.openRecovery(recoveryKey)
	if err != nil {
		db.noteFailure(name)
		return model.Errorf(model.EAUTH, "Clé de secours incorrecte.")
	}
	err = db.startSession(name, dk, "Connexion avec la clé de secours")
	if err == nil && db.Account().Role != model.Responsable {
		db.Lock()
		return model.Errorf(model.EFORBIDDEN, "La clé de secours ne sert qu'à un compte responsable.")
	}
	return err
}

// startSession reads the profile of name with the data key dk, refuses a
// deactivated account, then journals the sign-in and the failures noted.
func (db *DB) startSession(name string, dk []byte, action string) error {
	keys, err := newKeyring(dk)
	wipe(dk)
	if err != nil {
		return internal(err, "La clé de la base « %s » est inutilisable.", db.name())
	}
	s := &session{keys: keys, compte: model.Compte{Nom: name}}
	var c model.Compte
	err = db.bolt.View(func(btx *bolt.Tx) error {
		tx := db.newTx(btx, s)
		defer tx.close()
		found, err := tx.get(kindCompte, name, &c)
		if err == nil && !found {
			err = internal(fmt.Errorf("profile of %q missing", name), "Le compte « %s » est incomplet. Restaurez une sauvegarde.", clipKey(name))
		}
		return err
	})
	if err != nil {
		return err
	}
	if !c.Actif {
		return model.Errorf(model.EAUTH, "Le compte « %s » est désactivé. Adressez-vous au responsable.", clipKey(name))
	}
	s.compte = c
	db.session.Store(s)
	if db.readOnly { // nothing is written: no journal, no last sign-in
		return nil
	}
	err = db.Update(action, func(tx *Tx) error {
		if err := tx.journalFailures(); err != nil {
			return err
		}
		c.DerniereConnexion = db.now().Round(0)
		if _, _, err := tx.put(kindCompte, name, &c); err != nil {
			return err
		}
		b, err := tx.writable(bucketCles)
		if err != nil {
			return err
		}
		var a acces
		if found, err := getClear(b, []byte(name), &a); err != nil || !found {
			return internal(fmt.Errorf("acces of %q: %v", name, err), "Le compte « %s » est incomplet.", clipKey(name))
		}
		a.Echecs, a.DernierEchec = 0, time.Time{}
		return putClear(b, []byte(name), a)
	})
	if err != nil {
		db.session.Store(nil)
		return err
	}
	s.compte.DerniereConnexion = c.DerniereConnexion
	return nil
}

// noteFailure counts a failed sign-in of name ("" for an unknown name) and
// keeps it for the journal. Best effort: a failure to write is ignored.
func (db *DB) noteFailure(name string) {
	if db.readOnly {
		return
	}
	now := db.now().Round(0)
	_ = db.bolt.Update(func(btx *bolt.Tx) error {
		b := btx.Bucket(bucketCles)
		if b == nil {
			return nil
		}
		if name != "" {
			var a acces
			if found, err := getClear(b, []byte(name), &a); err == nil && found {
				a.Echecs++
				a.DernierEchec = now
				if err := putClear(b, []byte(name), a); err != nil {
					return err
				}
			}
		}
		var list []echec
		_, _ = getClear(b, keyEchecs, &list)
		list = append(list, echec{Quand: now, Compte: name})
		if len(list) > maxEchecsNotes {
			list = list[len(list)-maxEchecsNotes:]
		}
		return putClear(b, keyEchecs, list)
	})
}

// journalFailures moves the failed sign-ins noted into the journal, one
// entry each, dated when they happened.
func (tx *Tx) journalFailures() error {
	b, err := tx.writable(bucketCles)
	if err != nil {
		return err
	}
	var list []echec
	if found, err := getClear(b, keyEchecs, &list); err != nil || !found {
		return nil // unreadable notes are dropped: they are no record
	}
	for _, e := range list {
		who := e.Compte
		if who == "" {
			who = "(identifiant inconnu)"
		}
		if err := tx.appendEntry(model.Evenement{Quand: e.Quand, Utilisateur: who, Action: "Échec de connexion", SansEcriture: true}); err != nil {
			return err
		}
	}
	return b.Delete(keyEchecs)
}

// Lock forgets the data key and the account: every View and Update fails
// with « La base est verrouillée » until SignIn.
func (db *DB) Lock() { db.session.Store(nil) }

// Locked tells whether the base waits for a sign-in.
func (db *DB) Locked() bool { return db.session.Load() == nil }

// Account is the signed-in account (zero when locked).
func (db *DB) Account() model.Compte {
	if s := db.session.Load(); s != nil {
		return s.compte
	}
	return model.Compte{}
}

// RecoveryKey returns, once, the recovery key of a base created (or
// encrypted) by this Open: « ABCDE-FGHIJ-… », 40 characters. It must be
// shown to the user to print and keep; it is not stored. "" afterwards.
func (db *DB) RecoveryKey() string {
	k := db.created
	db.created = ""
	return k
}

// EncryptionCopy is the path of the dated copy made before encrypting a
// clear base at this Open ("" when none was made).
func (db *DB) EncryptionCopy() string { return db.copie }

func (db *DB) kdf() kdf {
	if db.cheap {
		return kdfTest
	}
	return kdfDefaut
}

// initKeys creates the data key, the recovery slot and the first account
// (name, responsable) in btx, and starts the session. It returns the
// recovery key to show once.
func (db *DB) initKeys(btx *bolt.Tx, name, password string) (*session, error) {
	name = strings.TrimSpace(name)
	if name == "" || password == "" {
		return nil, errCredentialsRequired
	}
	if err := model.ValidateNomCompte(name); err != nil {
		return nil, err
	}
	dk := randomBytes(dataKeySize)
	defer wipe(dk)
	cles, err := btx.CreateBucketIfNotExists(bucketCles)
	if err != nil {
		return nil, err
	}
	if _, err := btx.CreateBucketIfNotExists(bucketComptes); err != nil {
		return nil, err
	}
	rk, rs, err := newRecoverySlot(dk)
	if err != nil {
		return nil, err
	}
	if err := putClear(cles, keySecours, rs); err != nil {
		return nil, err
	}
	ps, err := newPasswordSlot(name, password, dk, db.kdf())
	if err != nil {
		return nil, err
	}
	if err := putClear(cles, []byte(name), acces{Slot: ps}); err != nil {
		return nil, err
	}
	keys, err := newKeyring(dk)
	if err != nil {
		return nil, err
	}
	now := db.now().Round(0)
	c := model.Compte{Nom: name, Role: model.Responsable, Actif: true, Cree: now, DerniereConnexion: now}
	s := &session{keys: keys, compte: c}
	tx := db.newTx(btx, s)
	defer tx.close()
	if _, _, err := tx.put(kindCompte, name, &c); err != nil {
		return nil, err
	}
	if err := tx.flushAll(); err != nil {
		return nil, err
	}
	db.created = rk
	return s, nil
}

// Accounts lists the accounts by name.
func (db *DB) Accounts() ([]model.Compte, error) {
	var out []model.Compte
	err := db.View(func(tx *Tx) error {
		return forEach(tx, kindCompte, func(c *model.Compte) error {
			out = append(out, *c)
			return nil
		})
	})
	return out, err
}

// AddAccount creates the account c (name, role; active) with password,
// journaled. The caller checks the rights (model.ActionComptes) and the
// password's strength. Errors: EINVALID (name, role), ECONFLICT (name taken).
func (db *DB) AddAccount(c model.Compte, password string) error {
	c.Nom = strings.TrimSpace(c.Nom)
	if err := c.Validate(); err != nil {
		return err
	}
	if password == "" {
		return model.Errorf(model.EINVALID, "Le mot de passe est obligatoire.")
	}
	s := db.session.Load()
	if s == nil {
		return errLocked
	}
	dk, err := s.keys.dataKey()
	if err != nil {
		return err
	}
	defer wipe(dk)
	ps, err := newPasswordSlot(c.Nom, password, dk, db.kdf())
	if err != nil {
		return internal(err, "Le compte « %s » n'a pas pu être créé.", clipKey(c.Nom))
	}
	c.Actif = true
	c.Cree = db.now().Round(0)
	c.DerniereConnexion = time.Time{}
	return db.Update("Création du compte "+c.Nom+" ("+string(c.Role)+")", func(tx *Tx) error {
		b, err := tx.writable(bucketCles)
		if err != nil {
			return err
		}
		if b.Get([]byte(c.Nom)) != nil {
			return model.Errorf(model.ECONFLICT, "Le compte « %s » existe déjà.", clipKey(c.Nom))
		}
		if err := putClear(b, []byte(c.Nom), acces{Slot: ps}); err != nil {
			return internal(err, "Le compte « %s » n'a pas pu être créé.", clipKey(c.Nom))
		}
		_, _, err = tx.put(kindCompte, c.Nom, &c)
		return err
	})
}

// SetActive activates or deactivates the account name. A deactivated
// account keeps its profile (its name stays in the journal) and its key
// copy is removed, so its old password opens nothing; reactivating it needs
// a new password (newPassword, ignored when deactivating). The last active
// responsable cannot be deactivated.
func (db *DB) SetActive(name string, active bool, newPassword string) error {
	s := db.session.Load()
	if s == nil {
		return errLocked
	}
	verb := "Désactivation"
	if active {
		verb = "Réactivation"
	}
	var ps slot
	if active {
		if newPassword == "" {
			return model.Errorf(model.EINVALID, "Un nouveau mot de passe est nécessaire pour réactiver le compte « %s ».", clipKey(name))
		}
		dk, err := s.keys.dataKey()
		if err != nil {
			return err
		}
		ps, err = newPasswordSlot(name, newPassword, dk, db.kdf())
		wipe(dk)
		if err != nil {
			return internal(err, "Le compte « %s » n'a pas pu être réactivé.", clipKey(name))
		}
	}
	return db.Update(verb+" du compte "+name, func(tx *Tx) error {
		var c model.Compte
		if found, err := tx.get(kindCompte, name, &c); err != nil {
			return err
		} else if !found {
			return model.Errorf(model.ENOTFOUND, "Le compte « %s » n'existe pas.", clipKey(name))
		}
		if c.Actif == active {
			return nil
		}
		if !active && c.Role == model.Responsable {
			n := 0
			if err := forEach(tx, kindCompte, func(o *model.Compte) error {
				if o.Actif && o.Role == model.Responsable {
					n++
				}
				return nil
			}); err != nil {
				return err
			}
			if n <= 1 {
				return model.Errorf(model.EINVALID, "Le compte « %s » est le dernier responsable actif : il ne peut pas être désactivé.", clipKey(name))
			}
		}
		c.Actif = active
		if _, _, err := tx.put(kindCompte, name, &c); err != nil {
			return err
		}
		b, err := tx.writable(bucketCles)
		if err != nil {
			return err
		}
		if !active {
			return b.Delete([]byte(name))
		}
		return putClear(b, []byte(name), acces{Slot: ps})
	})
}

// ChangePassword gives the signed-in account a new password (the old copy
// of the key is replaced). The caller checks its strength.
func (db *DB) ChangePassword(newPassword string) error {
	s := db.session.Load()
	if s == nil {
		return errLocked
	}
	if newPassword == "" {
		return model.Errorf(model.EINVALID, "Le mot de passe est obligatoire.")
	}
	name := s.compte.Nom
	dk, err := s.keys.dataKey()
	if err != nil {
		return err
	}
	ps, err := newPasswordSlot(name, newPassword, dk, db.kdf())
	wipe(dk)
	if err != nil {
		return internal(err, "Le mot de passe n'a pas pu être changé.")
	}
	return db.Update("Changement de mot de passe du compte "+name, func(tx *Tx) error {
		b, err := tx.writable(bucketCles)
		if err != nil {
			return err
		}
		return putClear(b, []byte(name), acces{Slot: ps})
	})
}

// duree writes a wait in French: « 30 s », « 2 min 30 s ».
func duree(d time.Duration) string {
	sec := int((d + time.Second - 1) / time.Second)
	if sec < 60 {
		return fmt.Sprintf("%d s", sec)
	}
	if sec%60 == 0 {
		return fmt.Sprintf("%d min", sec/60)
	}
	return fmt.Sprintf("%d min %d s", sec/60, sec%60)
}

// accountNames lists the names of the cles bucket (reserved keys excluded).
func accountNames(b *bolt.Bucket) []string {
	var out []string
	_ = b.ForEach(func(k, _ []byte) error {
		if len(k) > 0 && k[0] != '#' {
			out = append(out, string(k))
		}
		return nil
	})
	slices.Sort(out)
	return out
}
