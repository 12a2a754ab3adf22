package app

import "logis/model"

// parseActivite reads the optional « activite » column of personnes.csv
// (model.ParseActivite); a bad value is named by its column, never quoted:
// an adult's situation is personal data.
func parseActivite(c *cells) model.Activite {
	v := c.t.get(c.row, "activite")
	a, err := model.ParseActivite(v)
	if err != nil {
		c.errs = append(c.errs, ImportError{Ligne: c.line, Colonne: "activite",
			Raison: "la valeur n'est pas une situation d'activité (en emploi, demandeur d'emploi, retraité, étudiant, autre)"})
	}
	return a
}
