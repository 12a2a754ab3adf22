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
// sessions (model.BilanObjectifs).
func (a *App) ObjectifsAnnee(annee int) ([]model.Objectif, error) {
	var out []model.Objectif
	err := a.DB.View(func(tx *storage.Tx) error {
		r, err := tx.Regles()
		if err != nil {
			return err
		}
		var lignes []model.LigneObjectif
		if err := tx.ForEachCommission(func(c *model.Commission) error {
			if c.Statut == model.Close && c.Annee() == annee {
				lignes = append(lignes, model.LignesObjectifs(c)...)
			}
			return nil
		}); err != nil {
			return err
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
		var autres []model.LigneObjectif
		if err := tx.ForEachCommission(func(o *model.Commission) error {
			if o.ID != id && o.Statut == model.Close && o.Annee() == annee {
				autres = append(autres, model.LignesObjectifs(o)...)
			}
			return nil
		}); err != nil {
			return err
		}
		session := model.LignesObjectifs(c)
		eff = &EffetObjectifs{Commission: id, Annee: annee,
			Session: model.BilanObjectifs(session, annee, r),
			Avant:   model.BilanObjectifs(autres, annee, r),
			Apres:   model.BilanObjectifs(append(autres[:len(autres):len(autres)], session...), annee, r),
		}
		return nil
	})
	return eff, err
}
