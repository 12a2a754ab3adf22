package storage

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	bolt "go.etcd.io/bbolt"

	"logis/model"
)

// schemaVersion is the format of the database this program writes. Raise it
// and append a migration whenever the layout or the encoding changes.
const schemaVersion = 3

// Buckets.
var (
	bucketMeta        = []byte("meta")        // schema version, counters, ID sequences
	bucketResidences  = []byte("residences")  // code → Residence
	bucketLogements   = []byte("logements")   // reference → Logement
	bucketMenages     = []byte("menages")     // id → Menage
	bucketDemandes    = []byte("demandes")    // NUR → Demande
	bucketParametres  = []byte("parametres")  // "regles", "office"
	bucketReglages    = []byte("reglages")    // small settings by key
	bucketJournal     = []byte("journal")     // big-endian uint64 → Evenement
	bucketCommissions = []byte("commissions") // id → Commission (CALEOL sessions), schema 2

	// Indexes: key = parent + "\x00" + child, empty value.
	bucketIdxResidenceLogement = []byte("idx_residence_logement")
	bucketIdxLogementMenage    = []byte("idx_logement_menage")
	bucketIdxMenageDemande     = []byte("idx_menage_demande")
)

// Keys of the meta bucket.
var (
	keySchema = []byte("schema")
	keyCounts = []byte("compteurs") // Counts, kept by every write
)

// seqKeyPrefix prefixes the per-kind ID sequences in the meta bucket.
const seqKeyPrefix = "seq/"

// migration brings the database from version-1 to version.
type migration struct {
	version int
	label   string
	up      func(tx *bolt.Tx) error
}

// migrations are applied in order, all in one write transaction.
var migrations = []migration{
	{1, "création des compartiments", func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketMeta, bucketResidences, bucketLogements, bucketMenages,
			bucketDemandes, bucketParametres, bucketReglages, bucketJournal,
			bucketIdxResidenceLogement, bucketIdxLogementMenage, bucketIdxMenageDemande} {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		return putMeta(tx, keyCounts, Counts{})
	}},
	{2, "compartiment des commissions (CALEOL)", func(tx *bolt.Tx) error {
		_, err := tx.CreateBucketIfNotExists(bucketCommissions)
		return err
	}},
	// 3: accounts and encryption at rest. The buckets are made here; the
	// keys, the first account and the sealing of the values already stored
	// are done by migrate (they need the account's password).
	{3, "comptes et chiffrement", func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketCles, bucketComptes} {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		return nil
	}},
}

// schemaSealed is the first schema whose values are sealed with the data key.
const schemaSealed = 3

// sealedBuckets are the buckets whose values are sealed with the data key.
// meta (schema number, counters, ID sequences) stays clear: it is read
// before sign-in and holds no personal data; so does cles (wrapped keys).
// Index values are empty; index keys are references and ids, never names.
var sealedBuckets = [][]byte{bucketResidences, bucketLogements, bucketMenages, bucketDemandes,
	bucketParametres, bucketReglages, bucketCommissions, bucketComptes}

// readSchema returns the version stored in the file: 0 for a new file.
// A file with buckets but no meta bucket is not a Logis database.
func readSchema(tx *bolt.Tx, name string) (int, error) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		other := false
		_ = tx.ForEach(func(k []byte, _ *bolt.Bucket) error { other = true; return nil })
		if other {
			return 0, model.Errorf(model.EINVALID, "Le fichier « %s » n'est pas une base Logis.", name)
		}
		return 0, nil
	}
	var v int
	if err := getMeta(tx, keySchema, &v); err != nil {
		return 0, internal(err, "Le numéro de format de la base « %s » est illisible.", name)
	}
	return v, nil
}

// migrate brings the database to schemaVersion in one write transaction,
// journaled, or refuses a database newer than the program. A new base is
// created with opts.User as its responsable; a clear base (schema < 3) is
// first copied beside itself (…-avant-chiffrement-AAAA-MM-JJ.db), then
// sealed in the same transaction as its migration, opts.User becoming its
// responsable. An encrypted base is signed in first.
func (db *DB) migrate(opts Options) error {
	name := db.name()
	var from int
	if err := db.bolt.View(func(tx *bolt.Tx) (err error) {
		from, err = readSchema(tx, name)
		return err
	}); err != nil {
		return err
	}
	if from > schemaVersion {
		return model.Errorf(model.EINVALID,
			"La base « %s » a été enregistrée par une version plus récente de Logis (format n° %d ; ce programme lit jusqu'au format n° %d). Installez la dernière version de Logis pour l'ouvrir.",
			name, from, schemaVersion)
	}
	if from == schemaVersion {
		return nil
	}
	action := fmt.Sprintf("Mise à jour du format de la base (n° %d → n° %d)", from, schemaVersion)
	wasClear := from > 0 && from < schemaSealed
	switch {
	case from == 0:
		action = "Création de la base"
	case wasClear:
		if strings.TrimSpace(opts.User) == "" || opts.Password == "" {
			return errCredentialsRequired
		}
		if err := model.ValidateNomCompte(strings.TrimSpace(opts.User)); err != nil {
			return err
		}
		copie, err := db.copyBeforeEncryption()
		if err != nil {
			return err
		}
		db.copie = copie
		action = fmt.Sprintf("Chiffrement de la base (format n° %d → n° %d) ; copie avant chiffrement : %s", from, schemaVersion, filepath.Base(copie))
	default: // an encrypted base of an older format: sign in, then migrate
		if err := db.SignIn(opts.User, opts.Password); err != nil {
			return err
		}
	}
	err := db.bolt.Update(func(btx *bolt.Tx) error {
		for _, m := range migrations {
			if m.version <= from {
				continue
			}
			if err := m.up(btx); err != nil {
				return fmt.Errorf("migration %d (%s): %w", m.version, m.label, err)
			}
			if err := putMeta(btx, keySchema, m.version); err != nil {
				return err
			}
		}
		s := db.session.Load()
		if from < schemaSealed {
			var err error
			if s, err = db.initKeys(btx, opts.User, opts.Password); err != nil {
				return err
			}
			if wasClear {
				if err := sealAll(btx, s); err != nil {
					return err
				}
			}
		}
		tx := db.newTx(btx, s)
		defer tx.close()
		if err := tx.appendJournal(action); err != nil {
			return err
		}
		db.session.Store(s)
		return nil
	})
	if err != nil {
		db.session.Store(nil)
		db.created = ""
		if model.ErrorCode(err) != model.EINTERNAL {
			return err
		}
		return internal(err, "La base « %s » n'a pas pu être mise au format de cette version de Logis.", name)
	}
	return nil
}

// copyBeforeEncryption writes a dated copy of a clear base beside it, to be
// deleted by the user once the encrypted base is checked.
func (db *DB) copyBeforeEncryption() (string, error) {
	base := strings.TrimSuffix(db.path, filepath.Ext(db.path))
	day := db.now().Format("2006-01-02")
	dest := fmt.Sprintf("%s-avant-chiffrement-%s.db", base, day)
	for i := 2; ; i++ {
		if _, err := os.Stat(dest); errors.Is(err, fs.ErrNotExist) {
			break
		}
		dest = fmt.Sprintf("%s-avant-chiffrement-%s-%d.db", base, day, i)
	}
	f, err := os.OpenFile(dest, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return "", backupError(filepath.Base(dest), err)
	}
	err = db.bolt.View(func(tx *bolt.Tx) error {
		_, err := tx.WriteTo(f)
		return err
	})
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(dest)
		return "", backupError(filepath.Base(dest), err)
	}
	return dest, nil
}

// sealAll seals every value of a clear base with the session's key, and
// chains its journal, in btx.
func sealAll(btx *bolt.Tx, s *session) error {
	for _, name := range sealedBuckets {
		b := btx.Bucket(name)
		if b == nil || bytes.Equal(name, bucketComptes) { // comptes: new, already sealed
			continue
		}
		var keys, vals [][]byte
		if err := b.ForEach(func(k, v []byte) error {
			if v == nil { // nested bucket: none expected
				return nil
			}
			plain, err := unseal(v)
			if err != nil {
				return err
			}
			keys = append(keys, bytes.Clone(k))
			vals = append(vals, s.keys.seal(name, k, plain))
			return nil
		}); err != nil {
			return err
		}
		for i, k := range keys {
			if err := b.Put(k, vals[i]); err != nil {
				return err
			}
		}
	}
	// The journal: each entry sealed and chained to the previous one.
	b := btx.Bucket(bucketJournal)
	var keys, plains [][]byte
	if err := b.ForEach(func(k, v []byte) error {
		if len(k) != 8 {
			return nil
		}
		plain, err := unseal(v)
		if err != nil {
			return err
		}
		keys = append(keys, bytes.Clone(k))
		plains = append(plains, bytes.Clone(plain))
		return nil
	}); err != nil {
		return err
	}
	prev := ""
	var last uint64
	for i, k := range keys {
		var e model.Evenement
		if err := unmarshal(plains[i], &e); err != nil {
			return err
		}
		e.Seq = binary.BigEndian.Uint64(k)
		e.Prec = prev
		plain, err := marshal(&e)
		if err != nil {
			return err
		}
		if err := b.Put(k, s.keys.seal(bucketJournal, k, plain)); err != nil {
			return err
		}
		prev, last = entryHash(plain), e.Seq
	}
	if last > 0 {
		plain, err := marshal(journalHead{Seq: last, Hash: prev})
		if err != nil {
			return err
		}
		return b.Put(bytes.Clone(keyJournalHead), s.keys.seal(bucketJournal, keyJournalHead, plain))
	}
	return nil
}

func getMeta(tx *bolt.Tx, key []byte, v any) error {
	b := tx.Bucket(bucketMeta)
	if b == nil {
		return fmt.Errorf("bucket %s missing", bucketMeta)
	}
	data := b.Get(key)
	if data == nil {
		return fmt.Errorf("meta key %q missing", key)
	}
	return decode(data, v)
}

func putMeta(tx *bolt.Tx, key []byte, v any) error {
	data, err := encode(v)
	if err != nil {
		return err
	}
	return tx.Bucket(bucketMeta).Put(bytes.Clone(key), data)
}
