package app

import (
	"strings"

	"logis/model"
	"logis/storage"
)

// MenageDe returns the identifier of the household an agent names by ref:
// its identifier (« M000123 ») or the NUR of one of its applications (the
// number printed on the letters). Errors: ENOTFOUND when ref names
// neither; the storage errors of the read.
func (a *App) MenageDe(ref string) (string, error) {
	if err := a.Peut(model.ActionConsulter); err != nil {
		return "", err
	}
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return "", model.Errorf(model.EINVALID, "Indiquez le ménage : son identifiant (M000123) ou le NUR de sa demande.")
	}
	var id string
	err := a.DB.View(func(tx *storage.Tx) error {
		if _, err := tx.Menage(ref); err == nil {
			id = ref
			return nil
		} else if model.ErrorCode(err) != model.ENOTFOUND {
			return err
		}
		d, err := tx.Demande(strings.ToUpper(ref))
		if err != nil {
			if model.ErrorCode(err) == model.ENOTFOUND {
				return model.Errorf(model.ENOTFOUND, "Ménage ou demande « %s » introuvable : indiquez l'identifiant du ménage (M000123) ou le NUR de sa demande.", ref)
			}
			return err
		}
		id = d.Menage
		return nil
	})
	return id, err
}
