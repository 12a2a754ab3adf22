package storage

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
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
	// ReadOnly opens an existing base for reading only (verify, a backup
	// being checked): nothing is created, migrated or written, and a
	// read-only file can be opened. Update returns an error.
	ReadOnly bool
	// NoMigrationCopy skips the dated copy kept before a migration: the
	// file is itself a copy (a backup being restored).
	NoMigrationCopy bool
}

// DB is an open Logis database. It is safe for concurrent use: any number of
// View at a time, one Update at a time.
type DB struct {
	bolt     *bolt.DB
	path     string
	now      func() time.Time
	readOnly bool

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

// Open opens the database at path and brings it to the current schema,
// creating it (and its folder) when missing, unless ReadOnly. An existing
// base of an older schema is first copied beside it
// (« NOM.avant-migration-AAAAMMJJ.db »). A damaged or foreign file is
// refused (EDAMAGED, EINVALID) and never modified; a panic of bbolt on a
// damaged file is reported as EDAMAGED.
func Open(path string, opts Options) (db *DB, err error) {
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
	if _, err := os.Stat(abs); errors.Is(err, fs.ErrNotExist) && !opts.ReadOnly {
		if strings.TrimSpace(opts.User) == "" || opts.Password == "" {
			return nil, errCredentialsRequired
		}
		if err := model.ValidateNomCompte(strings.TrimSpace(opts.User)); err != nil {
			return nil, err
		}
	}
	if err := checkFile(abs, opts.ReadOnly); err != nil {
		return nil, err
	}

	openPaths.Lock()
	if openPaths.m[abs] {
		openPaths.Unlock()
		return nil, lockedError(name, nil)
	}
	openPaths.m[abs] = true
	openPaths.Unlock()
	var bdb *bolt.DB
	defer func() {
		if err != nil {
			if bdb != nil {
				_ = bdb.Close()
			}
			openPaths.Lock()
			delete(openPaths.m, abs)
			openPaths.Unlock()
			db = nil
		}
	}()
	defer guardBoundary(&err, name)()

	var file *os.File // closed if bolt.Open panics, which would keep it (and its lock)
	defer func() {
		if db == nil && bdb == nil && file != nil {
			_ = file.Close()
		}
	}()
	bdb, err = bolt.Open(abs, 0o600, &bolt.Options{
		Timeout:      opts.LockTimeout,
		FreelistType: bolt.FreelistMapType,
		ReadOnly:     opts.ReadOnly,
		OpenFile: func(name string, flag int, perm os.FileMode) (*os.File, error) {
			f, err := os.OpenFile(name, flag, perm)
			file = f
			return f, err
		},
	})
	if err != nil {
		return nil, openError(name, err)
	}
	db = &DB{bolt: bdb, path: abs, now: opts.Now, readOnly: opts.ReadOnly, cheap: opts.CheapKeys}
	err = db.migrate(opts)
	bdb = db.bolt // compact may have reopened it
	if err != nil {
		return nil, err
	}
	if db.session.Load() == nil { // not created nor encrypted by migrate: sign in
		if opts.RecoveryKey != "" && opts.Password == "" {
			err = db.signInRecovery(opts.User, opts.RecoveryKey)
		} else {
			err = db.SignIn(opts.User, opts.Password)
		}
		if err != nil {
			return nil, err
		}
	}
	err = db.Compacter(false) // asked by an erasure (compactage.go); the flag is cleared first, so a failure blocks one opening only
	bdb = db.bolt
	if err != nil {
		return nil, err
	}
	return db, nil
}

// compact rewrites the file into a new one holding only live pages, then
// replaces it: after the encryption of a clear base, the freed pages of the
// old file still held clear values.
func (db *DB) compact() error {
	return db.rewrite(".chiffrement.tmp", "La base « %s » a été chiffrée mais n'a pas pu être réécrite. Gardez la copie avant chiffrement et relancez Logis.")
}

// rewrite copies the live pages into « NOM<suffix> » beside the base and
// puts the copy in place of the file, then reopens it. On failure the copy
// is removed, the base is left (or reopened) as it was, and the error says
// failMsg (one %s: the base's name).
func (db *DB) rewrite(suffix, failMsg string) error {
	tmp := db.path + suffix
	fail := func(err error) error {
		_ = os.Remove(tmp)
		return internal(err, failMsg, db.name())
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
	renameErr := os.Rename(tmp, db.path)
	if renameErr == nil {
		syncDir(filepath.Dir(db.path))
	}
	bdb, err := bolt.Open(db.path, 0o600, &bolt.Options{Timeout: DefaultLockTimeout, FreelistType: bolt.FreelistMapType})
	if err != nil {
		return openError(db.name(), err)
	}
	db.bolt = bdb
	if renameErr != nil {
		return fail(renameErr)
	}
	return nil
}

// checkFile refuses, before bbolt sees it, a path that is not a base: a
// folder, an empty file (an interrupted copy) and, when reading only, a
// missing file. Otherwise the folder of a new base is created.
func checkFile(abs string, readOnly bool) error {
	name := filepath.Base(abs)
	st, err := os.Stat(abs)
	switch {
	case err == nil && st.IsDir():
		return model.Errorf(model.EINVALID, "« %s » est un dossier, pas une base Logis.", name)
	case err == nil && st.Size() == 0:
		return model.Errorf(model.EDAMAGED,
			"Le fichier « %s » est vide : ce n'est pas une base Logis (copie interrompue ?). Il n'a pas été modifié. %s", name, restoreHint)
	case err == nil:
		if problems := headFile(abs); len(problems) > 0 {
			if err := InUse(abs); err != nil {
				return err // read while another program was writing it
			}
			return damagedFile(errors.New(strings.Join(problems, " ")), name)
		}
		return nil
	case !errors.Is(err, fs.ErrNotExist):
		return openError(name, err)
	case readOnly:
		return wrap(err, model.ENOTFOUND, "La base « %s » est introuvable (%s). Vérifiez le chemin.", name, abs)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
		return internal(err, "Le dossier de la base « %s » n'a pas pu être créé : %s", name, filepath.Dir(abs))
	}
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
		return wrap(err, model.EDAMAGED,
			"Le fichier « %s » n'est pas une base Logis ou il est endommagé ; il n'a pas été modifié. Ouvrez une autre base ou restaurez une sauvegarde (logis restaurer SAUVEGARDE, ou « Restaurer une sauvegarde… » dans Paramètres).", name)
	case errors.Is(err, syscall.EROFS):
		return wrap(err, model.EINVALID,
			"La base « %s » est sur un support en lecture seule (clé USB verrouillée, disque ou partage protégé en écriture) : Logis ne peut que la vérifier (logis verify) ou la restaurer (logis restaurer). Copiez-la sur le disque du poste pour y travailler.", name)
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
		defer recoverDamage(&db.closeErr, db.name())
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
func (db *DB) View(fn func(tx *Tx) error) (err error) {
	s := db.session.Load()
	if s == nil {
		return errLocked
	}
	db.lastUse.Store(time.Now().UnixNano())
	defer guardBoundary(&err, db.name())()
	fnFailed := false // fn's own error is returned as is
	err = db.bolt.View(func(btx *bolt.Tx) error {
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
// (when, which account, action and what changed) in the same transaction.
// When fn returns an error nothing is written, not even the journal entry.
func (db *DB) Update(action string, fn func(tx *Tx) error) (err error) {
	if db.readOnly {
		return internal(bolt.ErrDatabaseReadOnly, "Erreur interne de Logis : la base « %s » est ouverte en lecture seule.", db.name())
	}
	s := db.session.Load()
	if s == nil {
		return errLocked
	}
	db.lastUse.Store(time.Now().UnixNano())
	defer guardBoundary(&err, db.name())()
	fnFailed := false // errors of fn and of our own writes are returned as is
	err = db.bolt.Update(func(btx *bolt.Tx) error {
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

// CheckBeforeSignIn tells, before anyone signs in, why the base at path
// cannot be used: damaged or not a base (EDAMAGED / EINVALID; the file is
// only read), or open elsewhere (ELOCKED). A missing file is fine (a new
// base is created at the first sign-in). The window calls it at start, so
// that no password is asked for a base that cannot open.
func CheckBeforeSignIn(path string) (err error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil
	}
	if _, err := os.Stat(abs); err != nil {
		return nil
	}
	if err := checkFile(abs, true); err != nil {
		return err
	}
	if err := InUse(abs); err != nil {
		return err
	}
	name := filepath.Base(abs)
	defer recoverDamage(&err, name)
	bdb, err := bolt.Open(abs, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		return openError(name, err)
	}
	return bdb.Close()
}
