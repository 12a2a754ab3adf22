package app

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"logis/model"
	"logis/storage"
)

// Identifiants are an account's name and password, to sign in on a base
// that is not open yet (the backup to restore, then the restored base).
type Identifiants struct {
	Nom        string
	MotDePasse string // never stored nor logged
	// CoutReduit is for tests only: accept accounts created with the cheap
	// key cost of storage.Options.CheapKeys.
	CoutReduit bool
}

// CheminAvantRestauration is where Restaurer keeps the replaced base.
func CheminAvantRestauration(base string, now time.Time) string {
	return storage.DatedPath(base, "avant-restauration", now)
}

// Rouvrir opens base again with id (after a refused restore).
func Rouvrir(base string, id Identifiants) (*storage.DB, error) {
	return storage.Open(base, storage.Options{User: id.Nom, Password: id.MotDePasse, CheapKeys: id.CoutReduit})
}

// Restauration is what a restore did.
type Restauration struct {
	Sauvegarde string         // the backup restored (its file name)
	Gardee     string         // path where the replaced base is kept; "" when there was none
	Comptes    storage.Counts // contents of the restored base
}

// Lines are the lines printed by `logis restaurer`.
func (r Restauration) Lines() []string {
	lines := []string{fmt.Sprintf("Sauvegarde « %s » vérifiée et restaurée : %d logement(s), %d ménage(s), %d demande(s).",
		r.Sauvegarde, r.Comptes.Logements, r.Comptes.Menages, r.Comptes.Demandes)}
	if r.Gardee != "" {
		lines = append(lines, fmt.Sprintf("La base remplacée est gardée sous « %s ».", r.Gardee))
	}
	return lines
}

// Restaurer puts the backup sauvegarde in place of the base at base, which
// must not be open (ELOCKED otherwise, also when this process holds it).
// The backup is only read: it is copied beside the base, the copy is
// opened (and brought to the current format if the backup is older) and
// fully checked; a backup with any problem is refused (EDAMAGED) and
// nothing changes. Then the base, if any, is kept as
// « NOM.avant-restauration-AAAAMMJJ.db » beside it, the checked copy takes
// its place, and the restore is journaled in the restored base (file names
// only). now dates the kept copy; id signs in on the backup (which must
// name a responsable: EFORBIDDEN otherwise, nothing changed) and on the
// restored base, whose journal names that account.
func Restaurer(base, sauvegarde string, now func() time.Time, id Identifiants) (r Restauration, err error) {
	base, sauvegarde = strings.TrimSpace(base), strings.TrimSpace(sauvegarde)
	if sauvegarde == "" {
		return r, model.Errorf(model.EINVALID, "Indiquez le fichier de sauvegarde à restaurer.")
	}
	absBase, err1 := filepath.Abs(base)
	absSauv, err2 := filepath.Abs(sauvegarde)
	if err1 != nil || err2 != nil || base == "" {
		return r, model.Errorf(model.EINVALID, "Le chemin de la base ou de la sauvegarde est incorrect.")
	}
	r.Sauvegarde = filepath.Base(absSauv)
	if absBase == absSauv {
		return r, model.Errorf(model.EINVALID, "La sauvegarde « %s » est la base elle-même : choisissez une autre sauvegarde.", r.Sauvegarde)
	}
	if st, err := os.Stat(absSauv); err != nil || st.IsDir() {
		return r, model.Errorf(model.ENOTFOUND, "La sauvegarde « %s » est introuvable (%s).", r.Sauvegarde, absSauv)
	}
	if err := storage.InUse(absBase); err != nil {
		return r, model.Errorf(model.ELOCKED,
			"La base « %s » est ouverte dans une fenêtre de Logis ou par un autre programme : fermez-la, puis relancez la restauration (ou utilisez « Restaurer une sauvegarde… » dans Paramètres de cette fenêtre).",
			filepath.Base(absBase))
	}
	dir := filepath.Dir(absBase)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return r, model.Errorf(model.ENOTFOUND, "Le dossier de la base « %s » est introuvable (%s).", filepath.Base(absBase), dir)
	}

	// 1. Copy the backup beside the base (same disk: the final rename is atomic).
	storage.RemoveStaleTemps(dir, filepath.Base(absBase)+".restauration") // left by a killed restore
	tmp, err := copyFile(absSauv, dir, "."+filepath.Base(absBase)+".restauration.*.tmp")
	if err != nil {
		return r, model.Errorf(model.EINVALID,
			"La sauvegarde « %s » n'a pas pu être copiée à côté de la base : vérifiez qu'elle est lisible et qu'il reste de la place dans %s.", r.Sauvegarde, dir)
	}
	placed := false
	defer func() {
		if !placed {
			_ = os.Remove(tmp)
		}
	}()

	// 2. Check the copy: the whole integrity check, nothing may be wrong.
	c, err := checkCopy(tmp, r.Sauvegarde, now, id)
	if err != nil {
		return r, err
	}
	r.Comptes = c

	// 3. Keep the base, put the copy in place.
	if _, err := os.Stat(absBase); err == nil {
		r.Gardee = storage.DatedPath(absBase, "avant-restauration", now())
		if err := os.Rename(absBase, r.Gardee); err != nil {
			return r, model.Errorf(model.EINVALID,
				"La base « %s » n'a pas pu être mise de côté (%s) : rien n'a été changé. Vérifiez qu'aucun programme ne l'utilise.", filepath.Base(absBase), err)
		}
	}
	if err := os.Rename(tmp, absBase); err != nil {
		if r.Gardee != "" {
			_ = os.Rename(r.Gardee, absBase)
		}
		return r, model.Errorf(model.EINVALID, "La sauvegarde n'a pas pu être mise à la place de la base : rien n'a été changé.")
	}
	placed = true

	// 4. Journal it in the restored base.
	db, err := storage.Open(absBase, storage.Options{User: id.Nom, Password: id.MotDePasse, CheapKeys: id.CoutReduit, Now: now})
	if err != nil {
		return r, err
	}
	defer db.Close()
	action := fmt.Sprintf("Restauration de la sauvegarde « %s »", r.Sauvegarde)
	if r.Gardee != "" {
		action += fmt.Sprintf(" ; base remplacée gardée : %s", filepath.Base(r.Gardee))
	}
	if err := db.Update(action, func(*storage.Tx) error { return nil }); err != nil {
		return r, err
	}
	return r, db.Close()
}

// checkCopy opens the copy of a backup (bringing an older format up to
// date, without a second copy), checks it and returns its counts.
func checkCopy(path, name string, now func() time.Time, id Identifiants) (storage.Counts, error) {
	refused := func(detail string) error {
		return model.Errorf(model.EDAMAGED,
			"La sauvegarde « %s » est endommagée ou n'est pas une base Logis%s : elle n'a pas été restaurée et la base n'a pas été modifiée. Choisissez une autre sauvegarde.",
			name, detail)
	}
	db, err := storage.Open(path, storage.Options{User: id.Nom, Password: id.MotDePasse, CheapKeys: id.CoutReduit, Now: now, NoMigrationCopy: true})
	if err != nil {
		if code := model.ErrorCode(err); code == model.EDAMAGED || code == model.EINVALID {
			return storage.Counts{}, refused("")
		}
		return storage.Counts{}, err
	}
	defer db.Close()
	// Only a responsable of the backup's own accounts may put it in place.
	if err := model.Autorise(db.Account().Role, model.ActionRestaurer); err != nil {
		return storage.Counts{}, err
	}
	problems, err := db.Check()
	if storage.IsDamaged(err) {
		return storage.Counts{}, refused("")
	} else if err != nil {
		return storage.Counts{}, err
	} else if len(problems) > 0 {
		return storage.Counts{}, refused(fmt.Sprintf(" (%d problème(s), dont : %s)", len(problems), problems[0]))
	}
	c, err := db.Counts()
	if err != nil {
		return c, err
	}
	return c, db.Close()
}

// copyFile copies src into a new file of dir named after pattern
// (os.CreateTemp), synced; the new file is removed on failure.
func copyFile(src, dir, pattern string) (path string, err error) {
	in, err := os.Open(src)
	if err != nil {
		return "", err
	}
	defer in.Close()
	out, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil {
			_ = out.Close()
			_ = os.Remove(out.Name())
		}
	}()
	if _, err = io.Copy(out, in); err != nil {
		return "", err
	}
	if err = out.Sync(); err != nil {
		return "", err
	}
	return out.Name(), out.Close()
}
