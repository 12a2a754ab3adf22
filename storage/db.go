package storage

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"

	"logis/model"
)

// DefaultLockTimeout is how long Open waits for a database held elsewhere.
const DefaultLockTimeout = 2 * time.Second

// Options of Open. A base is opened by signing in: User and Password are
// required (or User and RecoveryKey, to reset a responsable's password).
type Options struct {
	LockTimeout time.Duration    // default 2 s
	User        string           // account name; a new base is created with it, as responsable
	Password    string           // never stored nor logged
	RecoveryKey string           // instead of Password: the recovery key shown at creation
	Now         func() time.Time // default time.Now

	// CheapKeys is for tests only: new accounts get a cheap Argon2id cost,
	// stored with their wrapped key, and only such bases accept it.
	CheapKeys bool
}

// DB is an open Logis database. It is safe for concurrent use: any number of
// View at a time, one Update at a time.
type DB struct {
	bolt *bolt.DB
	path string
	now  func() time.Time

	cheap   bool                    // Options.CheapKeys
	session atomic.Pointer[session] // nil while locked
	created string                  // recovery key of a base created by this Open, until read
	copie   string                  // path of the copy made before encrypting a clear base
	lastUse atomic.Int64            // UnixNano of the last View or Update (idle lock)

	closeOnce sync.Once
	closeErr  error
}

// openPaths holds the files opened by this process, so that a second handle
// on the same file is refused at once on every operating system.
var openPaths = struct {
	sync.Mutex
	m map[string]bool
}{m: map[string]bool{}}

// Open opens the database at path, creating it (and its directory) when
// missing, and brings it to the current schema.
func Open(path string, opts Options) (*DB, error) {
	if opts.LockTimeout <= 0 {
		opts.LockTimeout = DefaultLockTimeout
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	name := filepath.Base(path)
	if strings.TrimSpace(path) == "" {
		return nil, model.Errorf(model.EINVALID, "Aucun fichier de base n'a été indiqué.")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, internal(err, "Le chemin de la base « %s » est incorrect.", name)
	}

	openPaths.Lock()
	if openPaths.m[abs] {
		openPaths.Unlock()
		return nil, lockedError(name, nil)
	}
	openPaths.m[abs] = true
	openPaths.Unlock()
	release := func() {
		openPaths.Lock()
		delete(openPaths.m, abs)
		openPaths.Unlock()
	}

	if _, err := os.Stat(abs); errors.Is(err, fs.ErrNotExist) {
		if strings.TrimSpace(opts.User) == "" || opts.Password == "" {
			release()
			return nil, errCredentialsRequired
		}
		if err := model.ValidateNomCompte(strings.TrimSpace(opts.User)); err != nil {
			release()
			return nil, err
		}
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
		release()
		return nil, internal(err, "Le dossier de la base « %s » n'a pas pu être créé : %s", name, filepath.Dir(abs))
	}
	bdb, err := bolt.Open(abs, 0o600, &bolt.Options{
		Timeout:      opts.LockTimeout,
		FreelistType: bolt.FreelistMapType,
	})
	if err != nil {
		release()
		return nil, openError(name, err)
	}
	db := &DB{bolt: bdb, path: abs, now: opts.Now, cheap: opts.CheapKeys}
	if err := db.migrate(opts); err != nil {
		_ = db.bolt.Close()
		release()
		return nil, err
	}
	if db.copie != "" { // just encrypted: no clear page may stay in the file
		if err := db.compact(opts.LockTimeout); err != nil {
			if db.bolt != nil {
				_ = db.bolt.Close()
			}
			release()
			return nil, err
		}
	}
	bdb = db.bolt
	if db.session.Load() == nil { // not created nor encrypted by migrate: sign in
		var err error
		if opts.RecoveryKey != "" && opts.Password == "" {
			err = db.signInRecovery(opts.User, opts.RecoveryKey)
		} else {
			err = db.SignIn(opts.User, opts.Password)
		}
		if err != nil {
			_ = bdb.Close()
			release()
			return nil, err
		}
	}
	return db, nil
}

// compact rewrites the file into a new one holding only live pages, then
// replaces it: after the encryption of a clear base, the freed pages of the
// old file still held clear values.
func (db *DB) compact(timeout time.Duration) error {
	tmp := db.path + ".chiffrement.tmp"
	fail := func(err error) error {
		_ = os.Remove(tmp)
		return internal(err, "La base « %s » a été chiffrée mais n'a pas pu être réécrite. Gardez la copie avant chiffrement et relancez Logis.", db.name())
	}
	dst, err := bolt.Open(tmp, 0o600, &bolt.Options{FreelistType: bolt.FreelistMapType})
	if err != nil {
		return fail(err)
	}
	if err := bolt.Compact(dst, db.bolt, 64<<20); err != nil {
		_ = dst.Close()
		return fail(err)
	}
	if err := dst.Close(); err != nil {
		return fail(err)
	}
	if err := db.bolt.Close(); err != nil {
		return fail(err)
	}
	db.bolt = nil
	if err := os.Rename(tmp, db.path); err != nil {
		return fail(err)
	}
	syncDir(filepath.Dir(db.path))
	bdb, err := bolt.Open(db.path, 0o600, &bolt.Options{Timeout: timeout, FreelistType: bolt.FreelistMapType})
	if err != nil {
		return openError(db.name(), err)
	}
	db.bolt = bdb
	return nil
}

func lockedError(name string, cause error) error {
	return wrap(cause, model.ELOCKED,
		"La base « %s » est déjà ouverte dans une autre fenêtre de Logis ou par un autre programme. Fermez cette fenêtre puis relancez Logis.", name)
}

// openError translates a bbolt or OS error into a French message.
func openError(name string, err error) error {
	switch {
	case errors.Is(err, bolt.ErrTimeout):
		return lockedError(name, err)
	case errors.Is(err, bolt.ErrInvalid), errors.Is(err, bolt.ErrVersionMismatch), errors.Is(err, bolt.ErrChecksum):
		return wrap(err, model.EINVALID,
			"Le fichier « %s » n'est pas une base Logis ou il est endommagé. Ouvrez une autre base ou restaurez une sauvegarde.", name)
	case errors.Is(err, fs.ErrPermission):
		return wrap(err, model.EINTERNAL,
			"Logis n'a pas le droit d'ouvrir la base « %s ». Vérifiez les droits du fichier et de son dossier.", name)
	case errors.Is(err, fs.ErrNotExist):
		return wrap(err, model.ENOTFOUND, "Le dossier de la base « %s » est introuvable.", name)
	}
	return internal(err, "La base « %s » n'a pas pu être ouverte.", name)
}

// Close closes the database. Further calls return the same result.
func (db *DB) Close() error {
	db.closeOnce.Do(func() {
		if err := db.bolt.Close(); err != nil {
			db.closeErr = internal(err, "La base « %s » n'a pas été fermée correctement.", db.name())
		}
		openPaths.Lock()
		delete(openPaths.m, db.path)
		openPaths.Unlock()
	})
	return db.closeErr
}

// LastUse is the wall-clock time of the last View or Update (zero before
// any), for the window's idle lock.
func (db *DB) LastUse() time.Time {
	if n := db.lastUse.Load(); n != 0 {
		return time.Unix(0, n)
	}
	return time.Time{}
}

// Path is the absolute path of the database file.
func (db *DB) Path() string { return db.path }

func (db *DB) name() string { return filepath.Base(db.path) }

// View runs fn in a read-only transaction. Both View and Update fail with
// an EAUTH error while the base is locked.
func (db *DB) View(fn func(tx *Tx) error) error {
	s := db.session.Load()
	if s == nil {
		return errLocked
	}
	db.lastUse.Store(time.Now().UnixNano())
	fnFailed := false // fn's own error is returned as is
	err := db.bolt.View(func(btx *bolt.Tx) error {
		tx := db.newTx(btx, s)
		defer tx.close()
		err := fn(tx)
		fnFailed = err != nil
		return err
	})
	if err != nil && !fnFailed {
		return internal(err, "La lecture de la base « %s » a échoué.", db.name())
	}
	return err
}

// Update runs fn in one write transaction and appends one journal entry
// (when, which account, action and what changed) in the same transaction. When fn
// returns an error nothing is written, not even the journal entry.
func (db *DB) Update(action string, fn func(tx *Tx) error) error {
	s := db.session.Load()
	if s == nil {
		return errLocked
	}
	db.lastUse.Store(time.Now().UnixNano())
	fnFailed := false // errors of fn and of our own writes are returned as is
	err := db.bolt.Update(func(btx *bolt.Tx) error {
		tx := db.newTx(btx, s)
		defer tx.close()
		err := fn(tx)
		if err == nil {
			err = tx.flushAll()
		}
		if err == nil {
			err = tx.flush()
		}
		if err == nil {
			err = tx.appendJournal(action)
		}
		fnFailed = err != nil
		return err
	})
	if err != nil && !fnFailed {
		return internal(err, "L'enregistrement dans la base « %s » a échoué ; rien n'a été modifié.", db.name())
	}
	return err
}

// Counts returns the number of objects of each kind.
func (db *DB) Counts() (c Counts, err error) {
	err = db.View(func(tx *Tx) (err error) {
		c, err = tx.Counts()
		return err
	})
	return c, err
}
