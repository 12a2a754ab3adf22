package storage

import (
	bolt "go.etcd.io/bbolt"
)

// bbolt reuses the pages a write frees but does not wipe them: after an
// erasure the old, sealed value of a household stays in the file until the
// page is reused. It is readable only with the data key, yet the persons'
// right to erasure asks that it go: an erasure asks for a compaction
// (DemanderCompactage), done by Compacter (the command line, right after
// the erasure) or at the next opening of the base (the window).

// keyCompactage is the meta key set while a compaction is due.
var keyCompactage = []byte("compactage")

// DemanderCompactage records, in the current write transaction, that the
// file must be rewritten without its free pages.
func (tx *Tx) DemanderCompactage() error {
	if _, err := tx.writable(bucketMeta); err != nil {
		return err
	}
	return putMeta(tx.btx, keyCompactage, true)
}

// CompactageDu reports whether a compaction was asked and not yet done.
func (db *DB) CompactageDu() bool {
	due := false
	_ = db.bolt.View(func(btx *bolt.Tx) error {
		if b := btx.Bucket(bucketMeta); b != nil {
			due = b.Get(keyCompactage) != nil
		}
		return nil
	})
	return due
}

// Compacter rewrites the base into a new file holding only its live pages
// and replaces it, when a compaction is due (or always, with force). No
// other transaction may run meanwhile: it is called by the command line and
// at opening, never while the window works. Errors: EINTERNAL (the base is
// then unchanged and the temporary copy « NOM.compactage.tmp » removed).
func (db *DB) Compacter(force bool) error {
	if db.readOnly || (!force && !db.CompactageDu()) {
		return nil
	}
	if err := db.bolt.Update(func(btx *bolt.Tx) error { return btx.Bucket(bucketMeta).Delete(keyCompactage) }); err != nil {
		return internal(err, "La base « %s » n'a pas pu être compactée.", db.name())
	}
	return db.rewrite(".compactage.tmp", "La base « %s » n'a pas pu être compactée ; elle n'a pas été modifiée.")
}
