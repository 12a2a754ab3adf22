package storage

import (
	"bytes"
	"encoding/binary"
	"fmt"

	"logis/model"
)

// wrapError carries a French message for the user and the technical cause
// for the log. errors.As finds the *model.Error (so model.ErrorCode and
// model.ErrorMessage work); errors.Unwrap, errors.Is and errors.As reach the
// cause.
type wrapError struct {
	msg   *model.Error
	cause error
}

func (e *wrapError) Error() string { return e.msg.Message }

// Unwrap returns the technical cause (nil when there is none).
func (e *wrapError) Unwrap() error { return e.cause }

// As lets errors.As find the French message as a *model.Error.
func (e *wrapError) As(target any) bool {
	if t, ok := target.(**model.Error); ok {
		*t = e.msg
		return true
	}
	return false
}

// wrap returns an error with the given code and French message, keeping cause.
func wrap(cause error, code, format string, args ...any) error {
	return &wrapError{msg: model.Errorf(code, format, args...), cause: cause}
}

// internal wraps a fault of the program or of the disk.
func internal(cause error, format string, args ...any) error {
	return wrap(cause, model.EINTERNAL, format, args...)
}

// errTxClosed is returned when a Tx is used outside View or Update.
var errTxClosed = internal(fmt.Errorf("storage: transaction used after View/Update returned"),
	"Erreur interne de Logis : une opération a été tentée sur la base après la fin de sa transaction.")

// errReadOnly is returned when a write is attempted inside View.
var errReadOnly = internal(fmt.Errorf("storage: write in a read-only transaction"),
	"Erreur interne de Logis : une écriture a été tentée pendant une simple lecture de la base.")

// errWriteWhileIterating is returned when fn of a ForEach writes.
var errWriteWhileIterating = internal(fmt.Errorf("storage: write during ForEach"),
	"Erreur interne de Logis : une écriture a été tentée pendant le parcours d'une liste.")

// restoreHint ends every message about a damaged base: what to do.
const restoreHint = "Restaurez une sauvegarde (logis restaurer SAUVEGARDE, ou « Restaurer une sauvegarde… » dans Paramètres)."

// damagedRecord is the error of a stored record that failed its integrity
// check or cannot be decoded. It names the bucket and the record's key
// (references, ids, NUR, journal numbers), never its content.
func damagedRecord(cause error, dbName string, bucket, key []byte) error {
	return wrap(cause, model.EDAMAGED,
		"La fiche « %s » (compartiment « %s ») de la base « %s » est endommagée : elle n'a pas été lue. Lancez la vérification (logis verify). %s",
		recordName(bucket, key), bucket, dbName, restoreHint)
}

// recordName is how a record is named in messages: its key, or its number
// for the journal.
func recordName(bucket, key []byte) string {
	if bytes.Equal(bucket, bucketJournal) && len(key) == 8 {
		return fmt.Sprintf("n° %d", binary.BigEndian.Uint64(key))
	}
	return clipKey(string(key))
}

// damagedDuring is the error of damage met while records are read or
// written: the operation wrote nothing (its transaction is rolled back),
// but the base may have been written earlier (the sign-in), so the message
// does not say the file is untouched.
func damagedDuring(cause error, dbName string) error {
	return wrap(cause, model.EDAMAGED,
		"La base « %s » est endommagée (fichier tronqué ou abîmé : copie interrompue, synchronisation incomplète, secteur défectueux) ; l'opération en cours n'a rien enregistré. %s",
		dbName, restoreHint)
}

// damagedFile is the error of a file whose structure bbolt cannot read,
// found before anything was written.
func damagedFile(cause error, dbName string) error {
	return wrap(cause, model.EDAMAGED,
		"La base « %s » est endommagée (fichier tronqué ou abîmé : copie interrompue, synchronisation incomplète, secteur défectueux). Elle n'a pas été modifiée. %s",
		dbName, restoreHint)
}
