package storage

import (
	"bytes"
)

// Indexes map a parent key to child keys. Each pair is one bbolt key
// parent + "\x00" + child with an empty value, so the children of a parent
// are a prefix scan. Keys never contain "\x00" (see checkKey).

func idxKey(parent, child string) []byte {
	k := make([]byte, 0, len(parent)+1+len(child))
	k = append(k, parent...)
	k = append(k, 0)
	return append(k, child...)
}

// splitIdxKey returns parent and child of an index key.
func splitIdxKey(k []byte) (parent, child string, ok bool) {
	i := bytes.IndexByte(k, 0)
	if i < 0 {
		return "", "", false
	}
	return string(k[:i]), string(k[i+1:]), true
}

func (tx *Tx) idxPut(name []byte, parent, child string) error {
	return tx.rawPut(name, string(idxKey(parent, child)), []byte{})
}

func (tx *Tx) idxDel(name []byte, parent, child string) error {
	return tx.rawDelete(name, string(idxKey(parent, child)))
}

// idxMove updates the pair when the parent of child changes ("" = none).
func (tx *Tx) idxMove(name []byte, oldParent, newParent, child string) error {
	if oldParent == newParent {
		return nil
	}
	if oldParent != "" {
		if err := tx.idxDel(name, oldParent, child); err != nil {
			return err
		}
	}
	if newParent != "" {
		return tx.idxPut(name, newParent, child)
	}
	return nil
}

// idxChildren returns the children of parent in key order; at most limit
// when limit > 0.
func (tx *Tx) idxChildren(name []byte, parent string, limit int) ([]string, error) {
	if err := tx.flushBucket(name); err != nil {
		return nil, err
	}
	b, err := tx.bucket(name)
	if err != nil {
		return nil, err
	}
	prefix := idxKey(parent, "")
	var out []string
	c := b.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		out = append(out, string(k[len(prefix):]))
		if limit > 0 && len(out) >= limit {
			break
		}
	}
	return out, nil
}

// idxCount counts the children of parent.
func (tx *Tx) idxCount(name []byte, parent string) (int, error) {
	if err := tx.flushBucket(name); err != nil {
		return 0, err
	}
	b, err := tx.bucket(name)
	if err != nil {
		return 0, err
	}
	prefix := idxKey(parent, "")
	n := 0
	c := b.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		n++
	}
	return n, nil
}
