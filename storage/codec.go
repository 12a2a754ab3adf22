package storage

import (
	"bytes"
	"encoding/json"
	"sort"
)

// The codec is the only place where values are turned into stored bytes and
// back. Values are JSON; seal/unseal are the hook for encryption at rest.
//
//	stored = seal(marshal(v))      v = unmarshal(unseal(stored))

// encode returns the stored form of v.
func encode(v any) ([]byte, error) {
	plain, err := marshal(v)
	if err != nil {
		return nil, err
	}
	return seal(plain)
}

// decode reads a stored value into v.
func decode(stored []byte, v any) error {
	plain, err := unseal(stored)
	if err != nil {
		return err
	}
	return unmarshal(plain, v)
}

// marshal returns the plain (clear) form of v. It is deterministic, so two
// equal values give equal bytes.
func marshal(v any) ([]byte, error) { return json.Marshal(v) }

// unmarshal reads a plain form into v.
func unmarshal(plain []byte, v any) error { return json.Unmarshal(plain, v) }

// seal turns a plain form into the stored form. The result must be a new
// slice (bbolt keeps it until commit). Identity today.
func seal(plain []byte) ([]byte, error) { return plain, nil }

// unseal turns a stored form back into the plain form. The result may alias
// stored and is only valid inside the transaction.
func unseal(stored []byte) ([]byte, error) { return stored, nil }

// changedFields names the top-level fields that differ between two plain
// forms (for the journal: names only, never values).
func changedFields(old, cur []byte) []string {
	var a, b map[string]json.RawMessage
	if json.Unmarshal(old, &a) != nil || json.Unmarshal(cur, &b) != nil {
		return nil // not objects: the value as a whole changed
	}
	var champs []string
	for name, va := range a {
		if vb, ok := b[name]; !ok || !bytes.Equal(va, vb) {
			champs = append(champs, name)
		}
	}
	for name := range b {
		if _, ok := a[name]; !ok {
			champs = append(champs, name)
		}
	}
	sort.Strings(champs)
	return champs
}
