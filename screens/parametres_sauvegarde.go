package screens

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"logis/app"
	"logis/model"
)

// autoBackup writes the day's automatic backup as the window closes (at
// most once a day, the last 7 kept: app.SauvegardeAuto). A failure is
// logged only: closing is never blocked.
func (m *Main) autoBackup() {
	if path, err := m.app.SauvegardeAuto(); err != nil {
		m.app.Log.Error("sauvegarde automatique", "err", err)
	} else if path != "" {
		m.app.Log.Info("sauvegarde automatique", "fichier", filepath.Base(path))
	}
}

// onRestore asks for the backup to restore.
func (s *Parametres) onRestore() {
	choisirFichier(s.shell.fenetre(), choixFichier{Titre: "Restaurer une sauvegarde de la base", Action: "Choisir", Usage: usageSauvegardes,
		Extensions: []string{".db"}, Depart: filepath.Join(filepath.Dir(s.app.CheminBase()), "Sauvegardes")}, s.confirmRestore)
}

// confirmRestore says what a restore does and asks to go on.
func (s *Parametres) confirmRestore(path string) {
	base := s.app.CheminBase()
	kept := s.app.NomAvantRestauration()
	compte := s.app.Compte().Nom
	lbl := widget.NewLabel(fmt.Sprintf("Remplacer la base « %s » par la sauvegarde « %s » ?\n\n"+
		"La sauvegarde est d'abord vérifiée : si elle est endommagée, rien ne change. "+
		"La base actuelle est gardée à côté sous « %s ». Logis se fermera ensuite : relancez-le pour travailler sur la base restaurée.\n\n"+
		"Confirmez avec le mot de passe du compte « %s » (il doit être responsable dans la sauvegarde).",
		filepath.Base(base), filepath.Base(path), kept, compte))
	lbl.Wrapping = fyne.TextWrapWord
	mdp := newMotDePasse()
	mdp.SetPlaceHolder("Mot de passe")
	Demander(s.shell.fenetre(), "Restaurer une sauvegarde", "Restaurer", container.NewVBox(messageBox(lbl, 600, 190), mdp), func(ok bool) {
		if ok {
			s.restoreFrom(path, app.Identifiants{Nom: compte, MotDePasse: mdp.Text})
		}
	})
}

// restoreFrom closes the base, puts the backup in its place (checked
// first), tells the agent and closes Logis, to be started again on the
// restored base. A refused restore reopens the base as it was.
func (s *Parametres) restoreFrom(path string, id app.Identifiants) {
	r, err := s.app.RestaurerEnPlace(path, id)
	var perdue *app.BaseNonRouverte
	switch {
	case errors.As(err, &perdue):
		s.tellAndQuit("Restauration refusée", model.ErrorMessage(perdue.Refus)+"\n\nLa base n'a pas pu être rouverte : "+model.ErrorMessage(perdue.Reouverture)+"\nLogis va se fermer.")
	case err != nil:
		s.backupStatus.SetText("Restauration refusée : " + model.ErrorMessage(err))
		Erreur(s.shell.fenetre(), err)
	default:
		s.tellAndQuit("Sauvegarde restaurée", strings.Join(r.Lines(), "\n")+"\n\nLogis va se fermer : relancez-le pour travailler sur la base restaurée.")
	}
}

// tellAndQuit shows message, then closes the window (and Logis) once read.
func (s *Parametres) tellAndQuit(title, message string) {
	lbl := widget.NewLabel(message)
	lbl.Wrapping = fyne.TextWrapWord
	d := Informer(s.shell.fenetre(), title, "Fermer Logis", messageBox(lbl, 600, 150))
	d.SetOnClosed(s.shell.fenetre().Close)
	s.lastDialog = d
}
