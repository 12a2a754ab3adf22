package app

// Files Logis writes for the user: the minutes, letters, combined PDFs, CSV
// exports, the annual report, backups. Most name people, so every one is
// created readable by its owner only (0600 on Unix: essai-12b N10). On
// Windows the mode bits mean nothing: the folder's access rights (ACL)
// apply, as README says.

import (
	"bytes"
	"io"
	"os"
	"path/filepath"

	"logis/model"
)

// ModeFichierPrive is the mode of every file Logis writes: read and write
// for its owner only.
const ModeFichierPrive os.FileMode = 0o600

// ModeDossierPrive is the mode of a folder Logis creates for documents
// (letters, minutes): its files' names are listed to its owner only.
const ModeDossierPrive os.FileMode = 0o700

// CreerFichierPrive creates path, or empties it, for writing, readable by
// its owner only: an existing file's mode is narrowed to 0600 too. The
// caller closes it. Errors are French (EINVALID) and name the file only.
func CreerFichierPrive(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, ModeFichierPrive)
	if err != nil {
		return nil, model.Errorf(model.EINVALID, "Le fichier « %s » n'a pas pu être créé.", filepath.Base(path))
	}
	if err := f.Chmod(ModeFichierPrive); err != nil {
		f.Close()
		return nil, model.Errorf(model.EINVALID, "Le fichier « %s » n'a pas pu être protégé (lecture réservée à son propriétaire).", filepath.Base(path))
	}
	return f, nil
}

// EcrireFichier writes path through a temporary file of the same folder
// renamed at the end, so a failure never leaves half a file; the file is
// readable by its owner only (ModeFichierPrive), replacing an existing one
// whatever its mode was. write's error is returned as is; the others are
// French (EINVALID).
func EcrireFichier(path string, write func(io.Writer) error) error {
	return ecrireFichier(path, write)
}

// ecrireFichier: see EcrireFichier.
func ecrireFichier(path string, write func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".logis-*")
	if err != nil {
		return model.Errorf(model.EINVALID, "Impossible d'écrire dans le dossier de « %s ».", path)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(ModeFichierPrive); err != nil { // CreateTemp's own mode, said once more
		tmp.Close()
		return model.Errorf(model.EINVALID, "Impossible de protéger « %s » (lecture réservée à son propriétaire).", path)
	}
	if _, err := tmp.Write(buf.Bytes()); err != nil {
		tmp.Close()
		return model.Errorf(model.EINVALID, "Impossible d'écrire « %s » (disque plein ?).", path)
	}
	if err := tmp.Close(); err != nil {
		return model.Errorf(model.EINVALID, "Impossible d'écrire « %s ».", path)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return model.Errorf(model.EINVALID, "Impossible d'écrire « %s » : le fichier est peut-être ouvert dans un autre programme.", path)
	}
	return nil
}
