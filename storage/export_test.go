package storage

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"

	"logis/model"
)

// Hooks for the tests of package storage_test.

const SchemaVersion = schemaVersion

// SetReleaseEvery sets how many records a scan reads between two releases
// of the mapped pages; it returns the previous value.
func SetReleaseEvery(n int) int { prev := releaseEvery; releaseEvery = n; return prev }

// SetSchemaVersion overwrites the stored schema version.
func SetSchemaVersion(db *DB, v int) error {
	return db.bolt.Update(func(tx *bolt.Tx) error { return putMeta(tx, keySchema, v) })
}

// DeleteOccupantIndex removes one entry of the dwelling → households index.
func DeleteOccupantIndex(db *DB, ref, id string) error {
	return db.bolt.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketIdxLogementMenage).Delete(idxKey(ref, id))
	})
}

// plainOf opens a stored value with the session's keys (sealed buckets).
func plainOf(db *DB, bucket, k, v []byte) []byte {
	s := db.session.Load()
	if s == nil || !slices.ContainsFunc(append(sealedBuckets, bucketJournal), func(b []byte) bool { return bytes.Equal(b, bucket) }) {
		return v
	}
	p, err := s.keys.open(bucket, k, v)
	if err != nil {
		return v
	}
	return p
}

// RawJournal returns the plain (opened) bytes of the whole journal.
func RawJournal(db *DB) ([]byte, error) {
	var buf bytes.Buffer
	err := db.bolt.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketJournal).ForEach(func(k, v []byte) error {
			buf.Write(plainOf(db, bucketJournal, k, v))
			buf.WriteByte('\n')
			return nil
		})
	})
	return buf.Bytes(), err
}

// RawRecords returns the keys and plain (opened) values of every bucket but
// the journal.
func RawRecords(db *DB) ([]byte, error) {
	var buf bytes.Buffer
	err := db.bolt.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			if bytes.Equal(name, bucketJournal) {
				return nil
			}
			return b.ForEach(func(k, v []byte) error {
				buf.Write(k)
				buf.Write(plainOf(db, name, k, v))
				return nil
			})
		})
	})
	return buf.Bytes(), err
}

// PutRaw stores the plain value under key in bucket, sealed with the base's
// key where the bucket is sealed, bypassing the checks of the codec's users.
func PutRaw(db *DB, bucket, key string, value []byte) error {
	if s := db.session.Load(); s != nil && slices.ContainsFunc(append(sealedBuckets, bucketJournal), func(b []byte) bool { return string(b) == bucket }) {
		value = s.keys.seal([]byte(bucket), []byte(key), value)
	}
	return PutStored(db, bucket, key, value)
}

// PutStored stores value as is (no sealing).
func PutStored(db *DB, bucket, key string, value []byte) error {
	return db.bolt.Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte(bucket)).Put([]byte(key), value)
	})
}

// GetStored returns a copy of the stored bytes of key in bucket.
func GetStored(db *DB, bucket, key string) (v []byte, err error) {
	err = db.bolt.View(func(tx *bolt.Tx) error {
		v = bytes.Clone(tx.Bucket([]byte(bucket)).Get([]byte(key)))
		return nil
	})
	return v, err
}

// DeleteStored removes key from bucket, bypassing everything.
func DeleteStored(db *DB, bucket, key string) error {
	return db.bolt.Update(func(tx *bolt.Tx) error { return tx.Bucket([]byte(bucket)).Delete([]byte(key)) })
}

// DowngradeToSchema2 turns db back into a clear database of schema 2: no
// accounts nor keys, every value bare JSON, as written before the codec's
// envelope.
func DowngradeToSchema2(db *DB) error {
	return db.bolt.Update(func(tx *bolt.Tx) error { return unsealAll(db, tx, 2) })
}

// DowngradeToSchema1 also removes the commissions bucket.
func DowngradeToSchema1(db *DB) error {
	return db.bolt.Update(func(tx *bolt.Tx) error {
		if err := unsealAll(db, tx, 1); err != nil {
			return err
		}
		return tx.DeleteBucket(bucketCommissions)
	})
}

// unsealAll rewrites every value in its plain form, with schema version v.
func unsealAll(db *DB, tx *bolt.Tx, v int) error {
	for _, name := range valueBuckets {
		b := tx.Bucket(name)
		if b == nil {
			continue
		}
		type kv struct{ k, v []byte }
		var all []kv
		if err := b.ForEach(func(k, v []byte) error {
			if bytes.Equal(name, bucketJournal) && len(k) != 8 {
				return nil // the chain head
			}
			plain, err := unseal(name, k, v)
			if err != nil {
				s := db.session.Load()
				if s == nil {
					return err
				}
				if plain, err = s.keys.open(name, k, v); err != nil {
					return err
				}
			}
			all = append(all, kv{bytes.Clone(k), bytes.Clone(plain)})
			return nil
		}); err != nil {
			return err
		}
		for _, p := range all {
			if err := b.Put(p.k, p.v); err != nil {
				return err
			}
		}
	}
	if err := tx.Bucket(bucketJournal).Delete(keyJournalHead); err != nil {
		return err
	}
	for _, name := range [][]byte{bucketCles, bucketComptes} {
		if err := tx.DeleteBucket(name); err != nil {
			return err
		}
	}
	return tx.Bucket(bucketMeta).Put(keySchema, []byte(fmt.Sprint(v)))
}

// MakeClearBase writes at path a base of schema 1 or 2 as the previous
// versions of Logis did: clear JSON values, one journal entry.
func MakeClearBase(path string, schema int, logements []*model.Logement, menages []*model.Menage) error {
	bdb, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		return err
	}
	defer bdb.Close()
	return bdb.Update(func(tx *bolt.Tx) error {
		for _, m := range migrations[:schema] {
			if err := m.up(tx); err != nil {
				return err
			}
		}
		put := func(bucket []byte, key string, v any) error {
			data, err := json.Marshal(v)
			if err != nil {
				return err
			}
			return tx.Bucket(bucket).Put([]byte(key), data)
		}
		var c Counts
		for _, l := range logements {
			c.Logements++
			if err := put(bucketLogements, l.Reference, l); err != nil {
				return err
			}
		}
		for _, m := range menages {
			c.Menages++
			c.Personnes += len(m.Personnes)
			if err := put(bucketMenages, m.ID, m); err != nil {
				return err
			}
			if m.Bail != nil {
				if err := tx.Bucket(bucketIdxLogementMenage).Put(idxKey(m.Bail.Logement, m.ID), []byte{}); err != nil {
					return err
				}
			}
		}
		if err := put(bucketJournal, string(seqKey(1)), model.Evenement{Seq: 1, Quand: time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC),
			Utilisateur: "agent", Action: "Import menages"}); err != nil {
			return err
		}
		if _, err := tx.Bucket(bucketJournal).NextSequence(); err != nil {
			return err
		}
		if err := putMeta(tx, keyCounts, c); err != nil {
			return err
		}
		return putMeta(tx, keySchema, schema)
	})
}

// FailCopies makes every copy (backup, copy before a migration) fail after
// writing part of its temporary file, until the returned function is called.
func FailCopies() (restore func()) {
	prev := testHookBeforeCopy
	testHookBeforeCopy = func(f *os.File) error {
		_, _ = f.Write([]byte("début de copie"))
		return errors.New("disque plein (test)")
	}
	return func() { testHookBeforeCopy = prev }
}

// OpenError exposes openError.
var OpenError = openError

// RawMenage returns the stored (sealed) bytes of household id.
func RawMenage(db *DB, id string) []byte {
	var out []byte
	_ = db.bolt.View(func(tx *bolt.Tx) error {
		out = bytes.Clone(tx.Bucket(bucketMenages).Get([]byte(id)))
		return nil
	})
	return out
}
