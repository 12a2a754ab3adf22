package app

import (
	"fmt"
	"os"
	"path/filepath"
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

// Sauvegarder writes a hot backup of the database to dest.
func (a *App) Sauvegarder(dest string) error {
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
	if err := a.Journaliser("Sauvegarde vers " + filepath.Base(dest)); err != nil {
		return err
	}
	return a.DB.Backup(dest)
}

// DefaultBackupName proposes a backup file name with the date.
func (a *App) DefaultBackupName() string {
	return fmt.Sprintf("logis-sauvegarde-%s.db", a.Now().Format("2006-01-02-1504"))
}
