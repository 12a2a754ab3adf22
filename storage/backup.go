package storage

import (
	"os"
	"path/filepath"

	bolt "go.etcd.io/bbolt"

	"logis/model"
)

// Backup writes a consistent copy of the database to dest while it stays in
// use: the copy goes to dest+".tmp" in the same directory, is synced to
// disk, then renamed to dest. Nothing is left behind on failure.
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
	dir := filepath.Dir(abs)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return backupError(name, err)
	}
	tmp := abs + ".tmp"
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return backupError(name, err)
	}
	defer func() {
		if err != nil {
			_ = f.Close()
			_ = os.Remove(tmp)
		}
	}()
	if err = db.bolt.View(func(tx *bolt.Tx) error {
		_, err := tx.WriteTo(f)
		return err
	}); err != nil {
		return backupError(name, err)
	}
	if err = f.Sync(); err != nil {
		return backupError(name, err)
	}
	if err = f.Close(); err != nil {
		return backupError(name, err)
	}
	if err = os.Rename(tmp, abs); err != nil {
		return backupError(name, err)
	}
	syncDir(dir)
	return nil
}

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
