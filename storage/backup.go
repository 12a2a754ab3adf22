package storage

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"logis/model"
)

// Backup writes a consistent copy of the database to dest while it stays in
// use: the copy goes to a temporary file in the same directory, is synced to
// disk, then renamed to dest. Nothing is left behind on failure. An existing
// dest is replaced: callers ask first (see app.Sauvegarder).
func (db *DB) Backup(dest string) (err error) {
	name := filepath.Base(dest)
	abs, err := filepath.Abs(dest)
	if err != nil {
		return internal(err, "Le chemin de la sauvegarde « %s » est incorrect.", name)
	}
	openPaths.Lock()
	busy := openPaths.m[abs]
	openPaths.Unlock()
	if busy {
		return model.Errorf(model.EINVALID,
			"La sauvegarde ne peut pas remplacer la base « %s », ouverte dans Logis. Choisissez un autre fichier.", name)
	}
	if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
		return backupError(name, err)
	}
	defer recoverDamage(&err, db.name())
	if err := copyTo(db.bolt, abs); err != nil {
		return backupError(name, err)
	}
	return nil
}

// copyTo writes a consistent copy of bdb to dest (an absolute path) through
// a temporary file of the same directory, synced then renamed. The
// temporary file is removed on any failure.
func copyTo(bdb *bolt.DB, dest string) (err error) {
	dir := filepath.Dir(dest)
	RemoveStaleTemps(dir, filepath.Base(dest))
	f, err := os.CreateTemp(dir, "."+filepath.Base(dest)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			_ = f.Close()
			_ = os.Remove(tmp)
		}
	}()
	if err = testHookBeforeCopy(f); err != nil {
		return err
	}
	if err = bdb.View(func(tx *bolt.Tx) error {
		_, err := tx.WriteTo(f)
		return err
	}); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp, dest); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// testHookBeforeCopy lets tests make a copy fail after its temporary file
// was created.
var testHookBeforeCopy = func(*os.File) error { return nil }

func backupError(name string, err error) error {
	return internal(err,
		"La sauvegarde « %s » n'a pas pu être écrite. Vérifiez que le support est branché, accessible en écriture et qu'il reste de la place.", name)
}

// syncDir makes a rename durable where the system allows it (not Windows).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

// DatedPath is the path beside the base at path of a dated copy:
// « logis.avant-migration-20261130.db » for label « avant-migration ». When
// that file exists, « -2 », « -3 »… is added: a copy is never overwritten.
func DatedPath(path, label string, day time.Time) string {
	base := strings.TrimSuffix(path, filepath.Ext(path))
	stem := fmt.Sprintf("%s.%s-%s", base, label, day.Format("20060102"))
	p := stem + ".db"
	for i := 2; ; i++ {
		if _, err := os.Lstat(p); os.IsNotExist(err) {
			return p
		}
		p = fmt.Sprintf("%s-%d.db", stem, i)
	}
}

// InUse returns an ELOCKED error when the base at path is open, by this
// process or by another program (a Logis window holds an exclusive lock);
// nil when it is free, missing or unreadable. Used before replacing the
// file (restore), which must work on a damaged base too.
func InUse(path string) (err error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil
	}
	name := filepath.Base(abs)
	openPaths.Lock()
	busy := openPaths.m[abs]
	openPaths.Unlock()
	if busy {
		return lockedError(name, nil)
	}
	if st, err := os.Stat(abs); err != nil || st.Size() == 0 {
		return nil
	}
	var file *os.File
	defer func() {
		if recover() != nil {
			_ = file.Close() // bbolt keeps it (and its lock) when it panics
			err = nil        // damaged, not held: the restore may replace it
		}
	}()
	bdb, err := bolt.Open(abs, 0o600, &bolt.Options{ReadOnly: true, Timeout: 500 * time.Millisecond,
		OpenFile: func(name string, flag int, perm os.FileMode) (*os.File, error) {
			f, err := os.OpenFile(name, flag, perm)
			file = f
			return f, err
		}})
	if errors.Is(err, bolt.ErrTimeout) {
		return lockedError(name, err)
	}
	if err == nil {
		_ = bdb.Close()
	}
	return nil
}

// RemoveStaleTemps deletes the temporary files a killed copy to dir/name
// left behind (« .NAME.*.tmp »: a backup, a copy before a migration, a
// restore), which hold personal data.
func RemoveStaleTemps(dir, name string) {
	files, _ := filepath.Glob(filepath.Join(dir, "."+name+".*.tmp"))
	for _, f := range files {
		_ = os.Remove(f)
	}
}
