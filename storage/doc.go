// Package storage keeps the Logis data in one bbolt file: buckets, encoding,
// schema version and migrations, indexes, audit journal, backup and
// consistency check. It is the only package that imports bbolt.
//
// Use:
//
//	db, err := storage.Open(path, storage.Options{})
//	err = db.Update("Saisie du ménage M000123", func(tx *storage.Tx) error {
//		return tx.PutMenage(m)
//	})
//	err = db.View(func(tx *storage.Tx) error {
//		l, err := tx.Logement("ARC-001-0012")
//		...
//	})
//
// Every Update is one bbolt write transaction that also appends one entry to
// the audit journal: when, who, the action label, and for each object
// created, modified or deleted its type, key and the names of the changed
// fields, never their values. A failed Update writes nothing.
//
// Layout (schema.go): one bucket per kind of object keyed by its reference,
// id or NUR; index buckets whose keys are parent + "\x00" + child
// (résidence → logements, logement → ménages with a lease on it, ménage →
// demandes); a meta bucket with the schema version, the counters and the ID
// sequences; the journal keyed by big-endian sequence numbers. Every value
// but the (empty) index values goes through the codec (codec.go): an
// envelope with a format byte and an integrity check bound to the record's
// bucket and key, the single place where encryption at rest is added. A
// value that fails its check is never decoded: it is reported as EDAMAGED,
// by bucket and key. Panics of bbolt on a damaged file are recovered at
// every entry point (recover.go) and reported as EDAMAGED too.
//
// Errors are *model.Error values with a French message, or wrap one (see
// errors.go): model.ErrorCode and model.ErrorMessage work on all of them and
// errors.Unwrap gives the technical cause for the log.
package storage
