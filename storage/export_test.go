package storage

import (
	"bytes"
	"errors"
	"fmt"
	"os"

	bolt "go.etcd.io/bbolt"
)

// Hooks for the tests of package storage_test.

const SchemaVersion = schemaVersion

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

// RawJournal returns the stored bytes of the whole journal.
func RawJournal(db *DB) ([]byte, error) {
	var buf bytes.Buffer
	err := db.bolt.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketJournal).ForEach(func(k, v []byte) error {
			buf.Write(v)
			buf.WriteByte('\n')
			return nil
		})
	})
	return buf.Bytes(), err
}

// RawFile returns the stored bytes of every bucket but the journal.
func RawRecords(db *DB) ([]byte, error) {
	var buf bytes.Buffer
	err := db.bolt.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			if bytes.Equal(name, bucketJournal) {
				return nil
			}
			return b.ForEach(func(k, v []byte) error {
				buf.Write(k)
				buf.Write(v)
				return nil
			})
		})
	})
	return buf.Bytes(), err
}

// PutRaw stores the plain form value under key in bucket, sealed by the
// codec but bypassing indexes, counters and journal.
func PutRaw(db *DB, bucket, key string, value []byte) error {
	return db.bolt.Update(func(tx *bolt.Tx) error {
		sealed, err := seal([]byte(bucket), []byte(key), value)
		if err != nil {
			return err
		}
		return tx.Bucket([]byte(bucket)).Put([]byte(key), sealed)
	})
}

// PutStored stores value as is (no codec) under key in bucket.
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

// DowngradeToSchema2 turns db back into a database of schema 2: every value
// bare JSON, as written before the codec's envelope.
func DowngradeToSchema2(db *DB) error {
	return db.bolt.Update(func(tx *bolt.Tx) error { return unsealAll(tx, 2) })
}

// unsealAll rewrites every value in its plain form, with schema version v.
func unsealAll(tx *bolt.Tx, v int) error {
	for _, name := range valueBuckets {
		b := tx.Bucket(name)
		if b == nil {
			continue
		}
		type kv struct{ k, v []byte }
		var all []kv
		if err := b.ForEach(func(k, v []byte) error {
			plain, err := unseal(name, k, v)
			if err != nil {
				return err
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
	return tx.Bucket(bucketMeta).Put(keySchema, []byte(fmt.Sprint(v)))
}

// DeleteStored removes key from bucket, bypassing everything.
func DeleteStored(db *DB, bucket, key string) error {
	return db.bolt.Update(func(tx *bolt.Tx) error { return tx.Bucket([]byte(bucket)).Delete([]byte(key)) })
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
