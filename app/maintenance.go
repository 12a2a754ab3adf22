package app

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"logis/model"
	"logis/storage"
)

// Verification is the result of the integrity check.
type Verification struct {
	Problemes []string
	Comptes   storage.Counts
}

// Lines are the lines printed by `logis verify`: the problems if any, then
// one line per kind.
func (v Verification) Lines() []string {
	lines := append([]string(nil), v.Problemes...)
	if len(v.Problemes) == 0 {
		lines = append(lines, "intégrité : OK")
	}
	c := v.Comptes
	return append(lines,
		fmt.Sprintf("logements: %d", c.Logements),
		fmt.Sprintf("menages: %d", c.Menages),
		fmt.Sprintf("personnes: %d", c.Personnes),
		fmt.Sprintf("demandes: %d", c.Demandes))
}

// Verifier runs the consistency check of the database, then counts.
func (a *App) Verifier() (Verification, error) {
	var v Verification
	probs, err := a.DB.Check()
	if err != nil {
		return v, err
	}
	v.Problemes = probs
	v.Comptes, err = a.DB.Counts()
	return v, err
}

// Sauvegarder writes a hot backup of the database to dest and journals it
// (the file name only). An existing dest is refused (ECONFLICT) unless
// remplacer: the window asks first, the command line needs --remplacer.
// Nothing is left behind on failure.
func (a *App) Sauvegarder(dest string, remplacer bool) error {
	if err := a.Peut(model.ActionSauvegarder); err != nil {
		return err
	}
	dest = strings.TrimSpace(dest)
	if dest == "" {
		return model.Errorf(model.EINVALID, "Indiquez le fichier de sauvegarde.")
	}
	if abs, err := filepath.Abs(dest); err == nil {
		if self, err2 := filepath.Abs(a.DB.Path()); err2 == nil && abs == self {
			return model.Errorf(model.EINVALID, "La sauvegarde ne peut pas remplacer la base ouverte elle-même.")
		}
	}
	if dir := filepath.Dir(dest); dir != "" {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return model.Errorf(model.EINVALID, "Le dossier « %s » n'existe pas.", dir)
		}
	}
	if st, err := os.Stat(dest); err == nil {
		if st.IsDir() {
			return model.Errorf(model.EINVALID, "« %s » est un dossier : indiquez un nom de fichier.", dest)
		}
		if !remplacer {
			return model.Errorf(model.ECONFLICT,
				"Le fichier « %s » existe déjà : la sauvegarde ne l'a pas remplacé. Choisissez un autre nom, ou ajoutez --remplacer pour l'écraser.", dest)
		}
	}
	if err := a.DB.Backup(dest); err != nil {
		return err
	}
	return a.Journaliser("Sauvegarde de la base : " + filepath.Base(dest))
}

// DefaultBackupName proposes a backup file name with the date.
func (a *App) DefaultBackupName() string {
	return fmt.Sprintf("logis-sauvegarde-%s.db", a.Now().Format("2006-01-02-1504"))
}

// Automatic backups: when the window closes, at most once a day, into a
// « Sauvegardes » folder beside the base, keeping the last GardeAuto.
const (
	DossierAuto = "Sauvegardes"
	GardeAuto   = 7
)

// SauvegardeAuto writes today's automatic backup « NOM-AAAA-MM-JJ.db » in
// the Sauvegardes folder beside the base, unless it exists, journals it,
// then deletes the oldest automatic backups of this base beyond GardeAuto.
// It returns the path written, "" when today's backup already existed.
func (a *App) SauvegardeAuto() (string, error) {
	base := a.DB.Path()
	dir := filepath.Join(filepath.Dir(base), DossierAuto)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", model.Errorf(model.EINVALID, "Le dossier des sauvegardes automatiques « %s » n'a pas pu être créé.", dir)
	}
	stem := strings.TrimSuffix(filepath.Base(base), filepath.Ext(base))
	dest := filepath.Join(dir, fmt.Sprintf("%s-%s.db", stem, a.Now().Format("2006-01-02")))
	if _, err := os.Stat(dest); err == nil {
		return "", nil
	}
	if err := a.DB.Backup(dest); err != nil {
		return "", err
	}
	if err := a.DB.Update(fmt.Sprintf("Sauvegarde automatique de la base : %s/%s", DossierAuto, filepath.Base(dest)),
		func(*storage.Tx) error { return nil }); err != nil {
		return dest, err
	}
	return dest, pruneAuto(dir, stem)
}

// pruneAuto deletes the automatic backups of stem beyond the last GardeAuto
// (their names sort by date).
func pruneAuto(dir, stem string) error {
	files, err := filepath.Glob(filepath.Join(dir, stem+"-[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9].db"))
	if err != nil || len(files) <= GardeAuto {
		return err
	}
	sort.Strings(files)
	for _, f := range files[:len(files)-GardeAuto] {
		if err := os.Remove(f); err != nil {
			return model.Errorf(model.EINVALID, "L'ancienne sauvegarde automatique « %s » n'a pas pu être supprimée.", filepath.Base(f))
		}
	}
	return nil
}
