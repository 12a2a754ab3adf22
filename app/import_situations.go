package app

import (
	"strings"

	"logis/model"
)

// The optional columns of demandes.csv for the specific situations of the
// policy's §1.3 (see README « demandes.csv »).
func init() {
	sensitive["motif_cotitularite"] = true // social or health reasons
	sensitive["urgence_motif"] = true
}

// parseSituations reads the §1.3 columns of a demandes.csv row into d,
// failing on the column at fault.
func parseSituations(c *cells, d *model.Demande) {
	d.Cotitularite = c.flag("cotitularite")
	d.MotifCotitularite = c.str("motif_cotitularite", false)
	if d.Cotitularite && d.MotifCotitularite == "" {
		c.fail("motif_cotitularite", "", "est obligatoire quand cotitularite vaut oui (motif social ou de santé, §1.3.2)")
	} else if !d.Cotitularite && d.MotifCotitularite != "" {
		c.fail("cotitularite", "", "doit valoir oui quand un motif de cotitularité est donné")
	}
	d.SalarieOffice = c.flag("salarie_office")
	switch v := model.Fold(c.str("avis_cial", false)); v {
	case "":
	case "FAVORABLE":
		d.AvisCIAL = model.CIALFavorable
	case "DEFAVORABLE":
		d.AvisCIAL = model.CIALDefavorable
	default:
		c.fail("avis_cial", c.t.get(c.row, "avis_cial"), "n'est ni « favorable » ni « defavorable »")
	}
	if d.AvisCIAL != "" && !d.SalarieOffice {
		c.fail("avis_cial", "", "ne concerne qu'un salarié de l'Office : salarie_office doit valoir oui")
	}
	d.DateAvisCIAL = c.date("date_avis_cial", false)
	d.MenageOrigine = c.str("menage_origine", false)
	if d.MenageOrigine != "" && d.MenageOrigine == d.Menage {
		c.fail("menage_origine", d.MenageOrigine, "est le ménage demandeur lui-même : indiquez le ménage qu'il quitte")
	}
	date := c.date("urgence_date", false)
	motif := strings.ToLower(model.Fold(c.str("urgence_motif", false)))
	lg := c.str("urgence_logement", false)
	switch {
	case date.IsZero() && motif == "" && lg == "":
	case date.IsZero():
		c.fail("urgence_date", "", "est obligatoire avec une procédure d'urgence (urgence_motif)")
	default:
		if _, ok := model.MotifsUrgence[motif]; !ok {
			c.fail("urgence_motif", motif, "n'est pas l'un de : "+strings.Join(model.CodesMotifsUrgence(), ", "))
		}
		d.Urgence = &model.Urgence{Date: date, Motif: motif, Logement: lg}
	}
}
