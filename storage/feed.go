package storage

import (
	"encoding/binary"

	"logis/model"
)

// The change feed: the journal is the one source the caches above storage
// (search index, candidate pool, dashboard) read to know what changed.
// Every write appends one entry; its number is the base's generation.

// Generation is the number of the last journal entry (0 for none): it
// changes with every write of the base, sign-ins and exports included.
func (db *DB) Generation() (uint64, error) {
	var gen uint64
	err := db.View(func(tx *Tx) error {
		b, err := tx.bucket(bucketJournal)
		if err != nil {
			return err
		}
		c := b.Cursor()
		for k, _ := c.Last(); k != nil; k, _ = c.Prev() {
			if len(k) == 8 { // skip the chain head
				gen = binary.BigEndian.Uint64(k)
				return nil
			}
		}
		return nil
	})
	return gen, err
}

// ChangesSince returns the journal entries numbered after seq, oldest
// first, at most limit of them (all when limit <= 0); complete is false
// when more entries follow (the caller then reads its data again in full).
// An entry's Changements name what it wrote (type and key); Totaux replace
// them for large writes; SansEcriture marks entries that wrote no record.
func (db *DB) ChangesSince(seq uint64, limit int) (entries []model.Evenement, complete bool, err error) {
	complete = true
	err = db.View(func(tx *Tx) error {
		b, err := tx.bucket(bucketJournal)
		if err != nil {
			return err
		}
		c := b.Cursor()
		for k, v := c.Seek(seqKey(seq + 1)); k != nil; k, v = c.Next() {
			if len(k) != 8 {
				continue
			}
			if limit > 0 && len(entries) >= limit {
				complete = false
				return nil
			}
			var e model.Evenement
			if err := tx.decodeAt(bucketJournal, k, v, &e); err != nil {
				return damagedRecord(err, db.name(), bucketJournal, k)
			}
			e.Seq = binary.BigEndian.Uint64(k)
			entries = append(entries, e)
		}
		return nil
	})
	return entries, complete, err
}
