package storage

import bolt "go.etcd.io/bbolt"

// DowngradeToSchema1 turns db back into a database of schema 1: no
// commissions bucket, version 1 (to test the migration).
func DowngradeToSchema1(db *DB) error {
	return db.bolt.Update(func(tx *bolt.Tx) error {
		if err := tx.DeleteBucket(bucketCommissions); err != nil {
			return err
		}
		return unsealAll(tx, 1)
	})
}
