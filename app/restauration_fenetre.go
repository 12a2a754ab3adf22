package app

import (
	"path/filepath"
)

// CheminBase is the path of the open base's file.
func (a *App) CheminBase() string { return a.DB.Path() }

// NomAvantRestauration is the file name under which a restore done now
// would keep the open base (CheminAvantRestauration).
func (a *App) NomAvantRestauration() string {
	return filepath.Base(CheminAvantRestauration(a.DB.Path(), a.Now()))
}

// BaseNonRouverte is the error of a refused restore after which the open
// base could not be opened again: the window must close.
type BaseNonRouverte struct {
	Refus       error // why the restore was refused
	Reouverture error // why the base could not be opened again
}

func (e *BaseNonRouverte) Error() string { return e.Refus.Error() }
func (e *BaseNonRouverte) Unwrap() error { return e.Refus }

// RestaurerEnPlace puts the backup sauvegarde in place of the open base
// (Restaurer), for the window: id's password is checked on the open base
// first (a mistyped one leaves it open and returns the sign-in error), then
// the base is closed and restored. On success the base stays closed (the
// window closes, to be started again on the restored base). A refused
// restore opens the base again as it was and returns the refusal; when it
// cannot be opened again, the error is a *BaseNonRouverte.
func (a *App) RestaurerEnPlace(sauvegarde string, id Identifiants) (Restauration, error) {
	base := a.DB.Path()
	if err := a.DB.SignIn(id.Nom, id.MotDePasse); err != nil {
		return Restauration{}, err
	}
	if err := a.DB.Close(); err != nil && a.Log != nil {
		a.Log.Error("fermeture avant restauration", "err", err)
	}
	r, err := Restaurer(base, sauvegarde, a.Now, id)
	if err == nil {
		return r, nil
	}
	if a.Log != nil {
		a.Log.Error("restauration", "err", err)
	}
	db, oerr := Rouvrir(base, id)
	if oerr != nil {
		if a.Log != nil {
			a.Log.Error("réouverture après restauration refusée", "err", oerr)
		}
		return r, &BaseNonRouverte{Refus: err, Reouverture: oerr}
	}
	a.DB = db
	return r, err
}
