package storage

import (
	"bytes"
	"fmt"
	"runtime/debug"

	"logis/model"
)

// bbolt trusts the file: a damaged page makes it panic (« invalid freelist
// page », « Page expected to be… ») or read outside the mapped file (a
// memory fault). Every entry point of this package that reaches bbolt
// (Open, View, Update, Check, Backup, the scans' workers) turns both into
// an EDAMAGED error with guardBoundary:
//
//	defer guardBoundary(&err, name)()
//
// so that a damaged base is reported, never a crash.

// guardBoundary makes memory faults of the calling goroutine recoverable
// and returns the deferred function that restores that setting and turns a
// panic into *err.
func guardBoundary(err *error, dbName string) func() {
	prev := debug.SetPanicOnFault(true)
	return func() {
		debug.SetPanicOnFault(prev)
		if r := recover(); r != nil {
			*err = panicError(r, debug.Stack(), dbName)
		}
	}
}

// recoverDamage is guardBoundary's recovery alone, for functions already
// guarded by their caller.
func recoverDamage(err *error, dbName string) {
	if r := recover(); r != nil {
		*err = panicError(r, debug.Stack(), dbName)
	}
}

// panicError is the error reported for a recovered panic: damage when it
// was raised inside bbolt (or by a memory fault), else a fault of Logis.
// The panic value and the stack go to the cause (the technical log).
func panicError(r any, stack []byte, dbName string) error {
	cause := fmt.Errorf("storage: panic: %v\n%s", r, stack)
	_, fault := r.(interface{ Addr() uintptr }) // a memory fault (SetPanicOnFault)
	if fault || raisedInBolt(stack) {
		return damagedDuring(cause, dbName)
	}
	return internal(cause, "Erreur interne de Logis pendant un accès à la base « %s » ; rien n'a été enregistré.", dbName)
}

// raisedInBolt tells whether the first frame below panic() that is not in
// the runtime belongs to bbolt, or the panic is a memory fault.
func raisedInBolt(stack []byte) bool {
	i := bytes.Index(stack, []byte("\npanic("))
	if i < 0 {
		return false
	}
	lines := bytes.Split(stack[i+1:], []byte("\n"))
	for _, l := range lines[1:] {
		if len(l) == 0 || l[0] == '\t' {
			continue // file:line of the previous frame
		}
		switch {
		case bytes.HasPrefix(l, []byte("runtime.sigpanic")):
			return true // memory fault: the mapped file is shorter than bbolt believes
		case bytes.HasPrefix(l, []byte("runtime.")):
			continue
		}
		return bytes.HasPrefix(l, []byte("go.etcd.io/bbolt"))
	}
	return false
}

// IsDamaged tells whether err reports a damaged base or record.
func IsDamaged(err error) bool { return model.ErrorCode(err) == model.EDAMAGED }
