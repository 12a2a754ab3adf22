package app

import (
	"fmt"

	"logis/model"
	"logis/storage"
)

// MarquerAPresenter marks (or unmarks, when oui is false) the households ids
// « à présenter en commission », in one transaction with one journal entry.
// Households already in the wanted state are left untouched. It returns the
// number of households changed.
func (a *App) MarquerAPresenter(ids []string, oui bool) (int, error) {
	if err := a.Peut(model.ActionExaminer); err != nil {
		return 0, err
	}
	if len(ids) == 0 {
		return 0, model.Errorf(model.EINVALID, "Aucun ménage sélectionné.")
	}
	action := fmt.Sprintf("Examen d'occupation : %d ménage(s) marqué(s) à présenter en commission", len(ids))
	if !oui {
		action = fmt.Sprintf("Examen d'occupation : %d ménage(s) retiré(s) de la présentation en commission", len(ids))
	}
	var changed []string
	err := a.DB.Update(action, func(tx *storage.Tx) error {
		changed = changed[:0]
		seen := make(map[string]bool, len(ids))
		for _, id := range ids {
			if seen[id] {
				continue
			}
			seen[id] = true
			m, err := tx.Menage(id)
			if err != nil {
				return err
			}
			if m.APresenter == oui {
				continue
			}
			m.APresenter = oui
			if err := tx.PutMenage(m); err != nil {
				return err
			}
			changed = append(changed, id)
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	// Keep the search catalogue in step (the household lists show the mark).
	a.Catalogue().update(func(cat *Catalogue) {
		for _, id := range changed {
			if r := cat.menByID[id]; r != nil {
				r.APresenter = oui
			}
		}
	})
	return len(changed), nil
}

// NomMenage returns the name of a household's head, for the review's detail.
func (a *App) NomMenage(id string) (string, error) {
	var nom string
	err := a.DB.View(func(tx *storage.Tx) error {
		m, err := tx.Menage(id)
		if err == nil {
			nom = m.Nom()
		}
		return err
	})
	return nom, err
}
