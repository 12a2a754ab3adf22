package app

import (
	"logis/model"
	"logis/storage"
)

// EffetObjectifs shows what a session does to the year's objectives: the
// session alone, the year without it and the year with it. The year counts
// the closed sessions (their decisions are final); the session counts
// whatever is entered so far, so the window can show the effect while the
// decisions are entered.
type EffetObjectifs struct {
	Commission string
	Annee      int
	Session    []model.Objectif // this session's decisions alone
	Avant      []model.Objectif // the year's closed sessions, without this one
	Apres      []model.Objectif // the year's closed sessions with this one
}

// ObjectifsAnnee returns the four objectives of a year over its closed
// sessions (model.BilanObjectifs), the attributee of each dwelling read with
// the follow-up of its offer (model.LignesObjectifsSuivies).
func (a *App) ObjectifsAnnee(annee int) ([]model.Objectif, error) {
	var out []model.Objectif
	err := a.DB.View(func(tx *storage.Tx) error {
		r, err := tx.Regles()
		if err != nil {
			return err
		}
		closes, err := seancesCloses(tx, annee)
		if err != nil {
			return err
		}
		var lignes []model.LigneObjectif
		for i := range closes {
			lignes = append(lignes, model.LignesObjectifsSuivies(&closes[i])...)
		}
		out = model.BilanObjectifs(lignes, annee, r)
		return nil
	})
	return out, err
}

// ObjectifsSession returns the effect of session id on its year's objectives.
func (a *App) ObjectifsSession(id string) (*EffetObjectifs, error) {
	var eff *EffetObjectifs
	err := a.DB.View(func(tx *storage.Tx) error {
		r, err := tx.Regles()
		if err != nil {
			return err
		}
		c, err := tx.Commission(id)
		if err != nil {
			return err
		}
		annee := c.Annee()
		closes, err := seancesCloses(tx, annee)
		if err != nil {
			return err
		}
		var autres []model.LigneObjectif
		for i := range closes {
			if closes[i].ID != id {
				autres = append(autres, model.LignesObjectifsSuivies(&closes[i])...)
			}
		}
		session := model.LignesObjectifsSuivies(c)
		eff = &EffetObjectifs{Commission: id, Annee: annee,
			Session: model.BilanObjectifs(session, annee, r),
			Avant:   model.BilanObjectifs(autres, annee, r),
			Apres:   model.BilanObjectifs(append(autres[:len(autres):len(autres)], session...), annee, r),
		}
		return nil
	})
	return eff, err
}
