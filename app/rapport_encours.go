package app

import (
	"logis/model"
	"logis/storage"
)

// ObjectifsEnCours are the four objectives of the current year, running:
// on the closed sessions so far (the follow-up of their offers read), and
// projected « si la séance en préparation est close » with the decisions
// entered so far in the year's sessions in preparation.
type ObjectifsEnCours struct {
	Annee         int
	Actuels       []model.Objectif
	Projection    []model.Objectif // nil when no session of the year is in preparation
	EnPreparation []string         // the sessions counted in the projection
}

// ObjectifsEnCours computes the running objectives of the current year in
// one read transaction.
func (a *App) ObjectifsEnCours() (*ObjectifsEnCours, error) {
	o := &ObjectifsEnCours{Annee: a.Today().Year()}
	err := a.DB.View(func(tx *storage.Tx) error {
		r, err := tx.Regles()
		if err != nil {
			return err
		}
		closes, err := seancesCloses(tx, o.Annee)
		if err != nil {
			return err
		}
		var lignes, prep []model.LigneObjectif
		for i := range closes {
			lignes = append(lignes, model.LignesObjectifsSuivies(&closes[i])...)
		}
		if err := tx.ForEachCommission(func(c *model.Commission) error {
			if c.Statut == model.EnPreparation && c.Annee() == o.Annee && len(c.Logements) > 0 {
				o.EnPreparation = append(o.EnPreparation, c.ID)
				prep = append(prep, model.LignesObjectifsSuivies(c)...)
			}
			return nil
		}); err != nil {
			return err
		}
		o.Actuels = model.BilanObjectifs(lignes, o.Annee, r)
		if len(o.EnPreparation) > 0 {
			o.Projection = model.BilanObjectifs(append(lignes[:len(lignes):len(lignes)], prep...), o.Annee, r)
		}
		return nil
	})
	return o, err
}
