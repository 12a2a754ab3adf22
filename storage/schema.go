package storage

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"path/filepath"
	"strings"

	bolt "go.etcd.io/bbolt"

	"logis/model"
)

// schemaVersion is the format of the database this program writes. Raise it
// and append a migration whenever the layout or the encoding changes.
const schemaVersion = 4

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
	{3, "contrôle d'intégrité de chaque fiche", sealLegacyValues},
	// 4: accounts and encryption at rest. The buckets are made here; the
	// keys, the first account and the sealing of the values already stored
	// are done by migrate (they need the account's password).
	{4, "comptes et chiffrement", func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketCles, bucketComptes} {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		return nil
	}},
}

// valueBuckets are the buckets whose values go through the codec. Index
// values are empty: their keys are checked against the records by Check.
var valueBuckets = [][]byte{bucketMeta, bucketResidences, bucketLogements, bucketMenages,
	bucketDemandes, bucketParametres, bucketReglages, bucketJournal, bucketCommissions}

// sealLegacyValues wraps every bare JSON value written before schema 3 in
// the codec's envelope. Values already sealed, and values that are neither
// (damaged), are left for Check to report. Writes go in sorted chunks, the
// cursor repositioned after each (bbolt forbids writing while a cursor
// walks).
func sealLegacyValues(tx *bolt.Tx) error {
	const chunk = 1024
	type kv struct{ k, v []byte }
	for _, name := range valueBuckets {
		b := tx.Bucket(name)
		if b == nil {
			continue
		}
		var last []byte
		for {
			c := b.Cursor()
			var k, v []byte
			if last == nil {
				k, v = c.First()
			} else if k, v = c.Seek(last); k != nil && bytes.Equal(k, last) {
				k, v = c.Next()
			}
			var todo []kv
			for ; k != nil && len(todo) < chunk; k, v = c.Next() {
				last = bytes.Clone(k)
				if v == nil || !legacyPlain(v) {
					continue // nested bucket, already sealed, or damaged
				}
				sealed, err := seal(name, k, v)
				if err != nil {
					return err
				}
				todo = append(todo, kv{last, sealed})
			}
			for _, p := range todo {
				if err := b.Put(p.k, p.v); err != nil {
					return err
				}
			}
			if k == nil {
				break
			}
		}
	}
	return nil
}

// schemaSealed is the first schema whose values are sealed with the data key.
const schemaSealed = 4

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
	data := meta.Get(keySchema)
	var err error
	switch {
	case data == nil:
		err = fmt.Errorf("meta key %q missing", keySchema)
	case legacyPlain(data): // written before schema 3
		err = unmarshal(data, &v)
	default:
		err = decode(bucketMeta, keySchema, data, &v)
	}
	if err != nil {
		return 0, damagedFile(err, name)
	}
	return v, nil
}

// migrate brings the database to schemaVersion in one write transaction,
// journaled, or refuses a database newer than the program. A new base is
// created with opts.User as its responsable. A clear base (schema < 4) is
// first copied beside itself (« NOM.avant-chiffrement-AAAAMMJJ.db », unless
// NoMigrationCopy), then sealed in the same transaction as its migration,
// opts.User becoming its responsable, and the file rewritten without its
// old clear pages. An encrypted base of an older format is signed in, then
// copied (« NOM.avant-migration-AAAAMMJJ.db ») and migrated. A read-only
// base is only checked to be current.
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
	if db.readOnly {
		if from == 0 {
			return model.Errorf(model.EINVALID, "Le fichier « %s » n'est pas une base Logis (il ne contient aucune donnée de Logis).", name)
		}
		return model.Errorf(model.EINVALID,
			"La base « %s » est à un ancien format (n° %d) et n'a pas été modifiée. Ouvrez-la une fois avec Logis : elle sera mise au format n° %d, après une copie datée gardée à côté (« %s »). Relancez ensuite la vérification.",
			name, from, schemaVersion, filepath.Base(DatedPath(db.path, copyLabel(from), db.now())))
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
		action = fmt.Sprintf("Chiffrement de la base (format n° %d → n° %d)", from, schemaVersion)
		if !opts.NoMigrationCopy {
			dest := DatedPath(db.path, "avant-chiffrement", db.now())
			if err := copyTo(db.bolt, dest); err != nil {
				return internal(err,
					"La base « %s » doit être chiffrée, mais sa copie de sécurité « %s » n'a pas pu être écrite ; elle n'a pas été modifiée. Vérifiez la place libre et les droits du dossier.",
					name, filepath.Base(dest))
			}
			db.copie = dest
			action += fmt.Sprintf(" ; copie avant chiffrement : %s", filepath.Base(dest))
		}
	default: // an encrypted base of an older format: sign in, copy, migrate
		if err := db.SignIn(opts.User, opts.Password); err != nil {
			return err
		}
		if !opts.NoMigrationCopy {
			dest := DatedPath(db.path, "avant-migration", db.now())
			if err := copyTo(db.bolt, dest); err != nil {
				return internal(err,
					"La base « %s » doit être mise au format de cette version de Logis, mais sa copie de sécurité « %s » n'a pas pu être écrite ; elle n'a pas été modifiée. Vérifiez la place libre et les droits du dossier.",
					name, filepath.Base(dest))
			}
			action += fmt.Sprintf(" ; copie gardée : %s", filepath.Base(dest))
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
		tx.structural = true
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
		return internal(err, "La base « %s » n'a pas pu être mise au format de cette version de Logis ; elle n'a pas été modifiée.", name)
	}
	if wasClear { // no clear page may stay in the file
		return db.compact()
	}
	return nil
}

// copyLabel names the copy made before migrating from schema from.
func copyLabel(from int) string {
	if from < schemaSealed {
		return "avant-chiffrement"
	}
	return "avant-migration"
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
			plain, err := unseal(name, k, v)
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
		plain, err := unseal(bucketJournal, k, v)
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
	return decode(bucketMeta, key, data, v)
}

func putMeta(tx *bolt.Tx, key []byte, v any) error {
	data, err := encode(bucketMeta, key, v)
	if err != nil {
		return err
	}
	return tx.Bucket(bucketMeta).Put(bytes.Clone(key), data)
}
