package app

import (
	"logis/model"
	"logis/storage"
)

// settingCommunes is the setting holding the office's communes.
const settingCommunes = "communes"

// Communes returns the office's communes with their postal codes, as set in
// Paramètres (model.DefaultCommunes until then).
func (a *App) Communes() ([]model.CommuneOffice, error) {
	var list []model.CommuneOffice
	err := a.DB.View(func(tx *storage.Tx) error {
		list = nil
		found, err := tx.Setting(settingCommunes, &list)
		if err == nil && !found {
			list = model.DefaultCommunes()
		}
		return err
	})
	return list, err
}

// SaveCommunes validates and stores the office's communes in one
// transaction. Errors: EINVALID (model.ValidateCommunes).
func (a *App) SaveCommunes(list []model.CommuneOffice) error {
	if err := model.ValidateCommunes(list); err != nil {
		return err
	}
	return a.DB.Update("Paramètres : communes de l'Office", func(tx *storage.Tx) error {
		return tx.PutSetting(settingCommunes, list)
	})
}
