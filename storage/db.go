package storage

import (
	"errors"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"strings"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"

	"logis/model"
)

// DefaultLockTimeout is how long Open waits for a database held elsewhere.
const DefaultLockTimeout = 2 * time.Second

// Options of Open. The zero value is usable.
type Options struct {
	LockTimeout time.Duration    // default 2 s
	User        string           // OS user recorded in the journal; default from os/user, else "inconnu"
	Now         func() time.Time // default time.Now
}

// DB is an open Logis database. It is safe for concurrent use: any number of
// View at a time, one Update at a time.
type DB struct {
	bolt *bolt.DB
	path string
	user string
	now  func() time.Time

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
	if strings.TrimSpace(opts.User) == "" {
		opts.User = currentUser()
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
	db := &DB{bolt: bdb, path: abs, user: opts.User, now: opts.Now}
	if err := db.migrate(); err != nil {
		_ = bdb.Close()
		release()
		return nil, err
	}
	return db, nil
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

func currentUser() string {
	if u, err := user.Current(); err == nil && strings.TrimSpace(u.Username) != "" {
		return u.Username
	}
	for _, k := range []string{"USER", "USERNAME", "LOGNAME"} {
		if v := strings.TrimSpace(os.Getenv(k)); v != "" {
			return v
		}
	}
	return "inconnu"
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

// Path is the absolute path of the database file.
func (db *DB) Path() string { return db.path }

func (db *DB) name() string { return filepath.Base(db.path) }

// View runs fn in a read-only transaction.
func (db *DB) View(fn func(tx *Tx) error) error {
	fnFailed := false // fn's own error is returned as is
	err := db.bolt.View(func(btx *bolt.Tx) error {
		tx := db.newTx(btx)
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
// (when, who, action and what changed) in the same transaction. When fn
// returns an error nothing is written, not even the journal entry.
func (db *DB) Update(action string, fn func(tx *Tx) error) error {
	fnFailed := false // errors of fn and of our own writes are returned as is
	err := db.bolt.Update(func(btx *bolt.Tx) error {
		tx := db.newTx(btx)
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
