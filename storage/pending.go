package storage

import (
	"slices"
)

// Writes to records and indexes wait in the Tx and reach bbolt sorted by
// key, per bucket, when the bucket is scanned or the Update ends. bbolt
// splits its nodes only at commit, so within one transaction random-order
// inserts into a bucket shift an ever-growing node (quadratic time: 7 s for
// 100 000 households in random order); sorted inserts append instead.
// Point reads look at the pending writes first, so a transaction always
// sees its own writes.

// pendingBucket holds the writes of one bucket; a nil value is a delete.
type pendingBucket map[string][]byte

// rawGet returns the stored form of key in bucket name, pending writes
// included; nil when absent.
func (tx *Tx) rawGet(name []byte, key string) ([]byte, error) {
	b, err := tx.bucket(name)
	if err != nil {
		return nil, err
	}
	if p := tx.pending[string(name)]; p != nil {
		if v, ok := p[key]; ok {
			return v, nil
		}
	}
	return b.Get([]byte(key)), nil
}

// rawPut records a write of value (non-nil, not reused by the caller).
func (tx *Tx) rawPut(name []byte, key string, value []byte) error {
	if _, err := tx.writable(name); err != nil {
		return err
	}
	if value == nil {
		value = []byte{}
	}
	tx.pendingOf(name)[key] = value
	return nil
}

// rawDelete records the deletion of key.
func (tx *Tx) rawDelete(name []byte, key string) error {
	if _, err := tx.writable(name); err != nil {
		return err
	}
	tx.pendingOf(name)[key] = nil
	return nil
}

func (tx *Tx) pendingOf(name []byte) pendingBucket {
	if tx.pending == nil {
		tx.pending = map[string]pendingBucket{}
	}
	p := tx.pending[string(name)]
	if p == nil {
		p = pendingBucket{}
		tx.pending[string(name)] = p
	}
	return p
}

// flushBucket gives the pending writes of bucket name to bbolt, in key
// order. It must run before any cursor is opened on that bucket.
func (tx *Tx) flushBucket(name []byte) error {
	p := tx.pending[string(name)]
	if len(p) == 0 {
		return nil
	}
	b, err := tx.bucket(name)
	if err != nil {
		return err
	}
	keys := make([]string, 0, len(p))
	for k := range p {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if v := p[k]; v == nil {
			err = b.Delete([]byte(k))
		} else {
			err = b.Put([]byte(k), v)
		}
		if err != nil {
			return internal(err, "L'enregistrement dans la base « %s » a échoué (compartiment « %s »).", tx.db.name(), name)
		}
	}
	delete(tx.pending, string(name))
	return nil
}

// flushAll gives every pending write to bbolt.
func (tx *Tx) flushAll() error {
	names := make([]string, 0, len(tx.pending))
	for name := range tx.pending {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if err := tx.flushBucket([]byte(name)); err != nil {
			return err
		}
	}
	return nil
}
