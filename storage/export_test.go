package storage

import (
	"bytes"

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

// PutRaw stores value as is under key in bucket, bypassing the codec.
func PutRaw(db *DB, bucket, key string, value []byte) error {
	return db.bolt.Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte(bucket)).Put([]byte(key), value)
	})
}
