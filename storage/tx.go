package storage

import (
	"bytes"
	"fmt"
	"strings"

	bolt "go.etcd.io/bbolt"

	"logis/model"
)

// Tx is a transaction given to the function of View or Update. It is valid
// only while that function runs and must not be shared between goroutines.
// Every value it returns is a copy decoded inside the transaction.
type Tx struct {
	db        *DB
	sess      *session // account and keys, fixed for the transaction
	btx       *bolt.Tx
	buckets   map[string]*bolt.Bucket
	iterating int // > 0 while a ForEach runs: writes are refused
	// structural: the transaction rewrites the base outside the change log
	// (a migration); its journal entry is not « sans écriture ».
	structural bool
	// nombres: the journal entry keeps counts only, with this action
	// (JournalEnNombres).
	nombres string

	// Write state, applied or journaled when Update's function returns.
	changes changeLog
	delta   Counts                   // pending change of the counters
	pending map[string]pendingBucket // writes not yet given to bbolt (pending.go)
}

func (db *DB) newTx(btx *bolt.Tx, s *session) *Tx {
	return &Tx{db: db, sess: s, btx: btx, buckets: make(map[string]*bolt.Bucket, 8)}
}

// Codec entry points bound to the transaction's keys: every value of a
// sealed bucket goes through them.

func (tx *Tx) sealAt(bucket, key, plain []byte) ([]byte, error) {
	if tx.sess == nil || tx.sess.keys == nil {
		return nil, errLocked
	}
	return tx.sess.keys.seal(bucket, key, plain), nil
}

// unsealAt never returns a value that does not authenticate: the error
// wraps errTampered.
func (tx *Tx) unsealAt(bucket, key, stored []byte) ([]byte, error) {
	if tx.sess == nil || tx.sess.keys == nil {
		return nil, errLocked
	}
	return tx.sess.keys.open(bucket, key, stored)
}

func (tx *Tx) encodeAt(bucket, key []byte, v any) ([]byte, error) {
	plain, err := marshal(v)
	if err != nil {
		return nil, err
	}
	return tx.sealAt(bucket, key, plain)
}

func (tx *Tx) decodeAt(bucket, key, stored []byte, v any) error {
	plain, err := tx.unsealAt(bucket, key, stored)
	if err != nil {
		return err
	}
	return unmarshal(plain, v)
}

// decodeBuf is decodeAt decrypting into *buf, kept for the next call (full
// scans: one buffer per batch instead of one allocation per record).
func (tx *Tx) decodeBuf(buf *[]byte, bucket, key, stored []byte, v any) error {
	if tx.sess == nil || tx.sess.keys == nil {
		return errLocked
	}
	plain, err := tx.sess.keys.openTo(*buf, bucket, key, stored)
	if err != nil {
		return err
	}
	*buf = plain
	return unmarshal(plain, v)
}

// close makes any later use of tx fail.
func (tx *Tx) close() { tx.btx = nil }

// bucket returns a bucket of the current transaction.
func (tx *Tx) bucket(name []byte) (*bolt.Bucket, error) {
	if tx.btx == nil {
		return nil, errTxClosed
	}
	if b := tx.buckets[string(name)]; b != nil {
		return b, nil
	}
	b := tx.btx.Bucket(name)
	if b == nil {
		return nil, internal(fmt.Errorf("bucket %q missing", name),
			"La base « %s » est incomplète (compartiment « %s » absent). Restaurez une sauvegarde.", tx.db.name(), name)
	}
	tx.buckets[string(name)] = b
	return b, nil
}

// writable checks that tx may write, and returns the bucket.
func (tx *Tx) writable(name []byte) (*bolt.Bucket, error) {
	if tx.btx == nil {
		return nil, errTxClosed
	}
	if !tx.btx.Writable() {
		return nil, errReadOnly
	}
	if tx.iterating > 0 {
		return nil, errWriteWhileIterating
	}
	return tx.bucket(name)
}

// checkKey refuses keys that bbolt or the indexes cannot hold.
func checkKey(what, key string) error {
	if strings.TrimSpace(key) == "" {
		return model.Errorf(model.EINVALID, "%s est obligatoire.", what)
	}
	if strings.IndexByte(key, 0) >= 0 || len(key) > 200 {
		return model.Errorf(model.EINVALID, "%s « %s » n'est pas valable (trop long ou caractère interdit).", what, clipKey(key))
	}
	return nil
}

func clipKey(s string) string {
	s = strings.ReplaceAll(s, "\x00", "")
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// kind describes a stored object type, for journal and messages.
type kind struct {
	typ    string // journal type
	bucket []byte
	count  func(c *Counts) *int
}

var (
	kindResidence = kind{"residence", bucketResidences, func(c *Counts) *int { return &c.Residences }}
	kindLogement  = kind{"logement", bucketLogements, func(c *Counts) *int { return &c.Logements }}
	kindMenage    = kind{"menage", bucketMenages, func(c *Counts) *int { return &c.Menages }}
	kindDemande   = kind{"demande", bucketDemandes, func(c *Counts) *int { return &c.Demandes }}
	kindRegles    = kind{typ: "parametres", bucket: bucketParametres}
	kindOffice    = kind{typ: "office", bucket: bucketParametres}
	kindReglage   = kind{typ: "reglage", bucket: bucketReglages}
)

// get decodes the record key into v; found is false when absent.
func (tx *Tx) get(k kind, key string, v any) (found bool, err error) {
	data, err := tx.rawGet(k.bucket, key)
	if err != nil {
		return false, err
	}
	if data == nil {
		return false, nil
	}
	if err := tx.decodeAt(k.bucket, []byte(key), data, v); err != nil {
		return true, corrupt(tx, k, key, err)
	}
	return true, nil
}

// corrupt is the error of a record that failed its integrity check or
// cannot be decoded: named by its kind and key, never by its content.
func corrupt(tx *Tx, k kind, key string, err error) error {
	return damagedRecord(err, tx.db.name(), k.bucket, []byte(key))
}

// put stores v under key and journals the change. old is the previous plain
// form (nil on creation); changed is false when the value was identical.
func (tx *Tx) put(k kind, key string, v any) (old []byte, changed bool, err error) {
	if _, err := tx.writable(k.bucket); err != nil {
		return nil, false, err
	}
	plain, err := marshalFor(k.bucket, v)
	if err != nil {
		return nil, false, internal(err, "La fiche %s « %s » n'a pas pu être codée.", k.typ, clipKey(key))
	}
	stored, err := tx.rawGet(k.bucket, key)
	if err != nil {
		return nil, false, err
	}
	if stored != nil {
		if old, err = tx.unsealAt(k.bucket, []byte(key), stored); err != nil {
			old = []byte{} // damaged: overwriting it repairs the record (see previous)
		}
		old = recode(k.bucket, old, v) // written by an earlier version: JSON
		if bytes.Equal(old, plain) {
			return old, false, nil
		}
	}
	sealed, err := tx.sealAt(k.bucket, []byte(key), plain)
	if err != nil {
		return nil, false, internal(err, "La fiche %s « %s » n'a pas pu être codée.", k.typ, clipKey(key))
	}
	if err := tx.rawPut(k.bucket, key, sealed); err != nil {
		return nil, false, err
	}
	if old == nil {
		tx.changes.add(k.typ, key, opCreation, nil)
		if k.count != nil {
			*k.count(&tx.delta)++
		}
	} else {
		tx.changes.add(k.typ, key, opModification, changedFields(old, plain))
	}
	return old, true, nil
}

// del removes key and journals it; old is the plain form that was stored
// (nil when the key was absent: nothing is done then).
func (tx *Tx) del(k kind, key string) (old []byte, err error) {
	if _, err := tx.writable(k.bucket); err != nil {
		return nil, err
	}
	stored, err := tx.rawGet(k.bucket, key)
	if err != nil || stored == nil {
		return nil, err
	}
	if old, err = tx.unsealAt(k.bucket, []byte(key), stored); err != nil {
		old = []byte{} // damaged: deleting it is allowed (see previous)
	}
	if err := tx.rawDelete(k.bucket, key); err != nil {
		return nil, err
	}
	tx.changes.add(k.typ, key, opSuppression, nil)
	if k.count != nil {
		*k.count(&tx.delta)--
	}
	return old, nil
}

// previous decodes the plain form a write replaced or deleted. A damaged
// record (old is empty) gives zero values, so that saving or deleting it
// repairs the base; Check reports what indexes and counters kept of it.
func previous(old []byte, v any) {
	if old != nil {
		_ = unmarshal(old, v)
	}
}

// flush writes the pending counters before commit.
func (tx *Tx) flush() error {
	if tx.delta == (Counts{}) {
		return nil
	}
	c, err := tx.Counts()
	if err != nil {
		return err
	}
	if err := putMeta(tx.btx, keyCounts, c); err != nil {
		return internal(err, "Les compteurs de la base n'ont pas pu être enregistrés.")
	}
	tx.delta = Counts{}
	return nil
}
