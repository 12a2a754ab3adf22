// Package model holds the domain of Logis: the types of the housing stock,
// households and applications, their validation, and every allocation rule as
// a pure function returning a verdict with its figures and source.
package model

import (
	"errors"
	"fmt"
)

// Error codes shared by every layer.
const (
	EINVALID  = "invalide"    // the user's input breaks a rule
	ENOTFOUND = "introuvable" // the object does not exist
	ECONFLICT = "conflit"     // the object already exists or is held elsewhere
	ELOCKED   = "verrouille"  // the database is held by another program
	EDAMAGED  = "endommage"   // the database file or one of its records is damaged: restore a backup
	EINTERNAL = "interne"     // a fault of the program; details are logged, not shown
)

// Error is an error a user can act on: a code and a French message.
// Messages never contain an applicant's personal data.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Message }

// Errorf returns an *Error with a formatted French message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of err, EINTERNAL when err is not an *Error.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the French message of err; internal errors get a
// generic message so that no technical detail reaches the user.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message
	}
	return "Une erreur interne est survenue. L'opération n'a pas été enregistrée ; consultez le journal technique."
}
