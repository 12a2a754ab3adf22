package app

import (
	"encoding/csv"
	"io"
	"math"
	"sort"
	"strconv"

	"logis/app/pdf"
	"logis/model"
	"logis/storage"
)

// RapportHeader is the header of the report's CSV export: one row per
// figure (an interface: keep it exactly).
var RapportHeader = []string{"indicateur", "numerateur", "denominateur", "taux", "cible", "atteint"}

// Rapport computes the annual report of a civil year (model.CalculerRapport)
// over the closed sessions of that year and the follow-up of their offers,
// in one read transaction. Errors: EFORBIDDEN without a signed-in account,
// storage errors; a year without sessions gives a report of zeros.
//
// Every role may read and print the report (model.ActionConsulter): it
// holds counts and rates only — no name, no NUR, no household number, no
// amount of a household — and is meant for the board, the State and the
// reservation holders (art. R.441-9 CCH).
func (a *App) Rapport(annee int) (*model.Rapport, error) {
	if err := a.Peut(model.ActionConsulter); err != nil {
		return nil, err
	}
	var rep *model.Rapport
	err := a.DB.View(func(tx *storage.Tx) error {
		d, err := donneesRapport(tx, annee)
		if err != nil {
			return err
		}
		rep = model.CalculerRapport(d)
		return nil
	})
	return rep, err
}

// donneesRapport gathers the input of the report: the year's closed
// sessions as seancesCloses reads them, the dwellings they examined and the
// filing dates of their applications.
func donneesRapport(tx *storage.Tx, annee int) (model.DonneesRapport, error) {
	d := model.DonneesRapport{Annee: annee, Logements: map[string]model.InfoLogement{}, Depots: map[string]model.Date{}}
	var err error
	if d.Regles, err = tx.Regles(); err != nil {
		return d, err
	}
	if d.Seances, err = seancesCloses(tx, annee); err != nil {
		return d, err
	}
	if d.Transferts, err = lireTransferts(tx); err != nil {
		return d, err
	}
	for i := range d.Seances {
		for _, dos := range d.Seances[i].Logements {
			if _, ok := d.Logements[dos.Logement]; !ok {
				info := model.InfoLogement{}
				if l, err := tx.Logement(dos.Logement); err == nil {
					info = model.InfoLogement{Contingent: l.Contingent, Typologie: l.Typologie}
				} else if model.ErrorCode(err) != model.ENOTFOUND {
					return d, err
				}
				d.Logements[dos.Logement] = info
			}
			for _, k := range dos.Candidats {
				if _, ok := d.Depots[k.NUR]; ok {
					continue
				}
				if dem, err := tx.Demande(k.NUR); err == nil {
					d.Depots[k.NUR] = dem.DateDepot
				} else if model.ErrorCode(err) != model.ENOTFOUND {
					return d, err
				}
			}
		}
	}
	return d, nil
}

// seancesCloses reads the closed sessions of a year as the report counts
// them. It is the one place where the report reads a session: when closed
// sessions keep a snapshot of what the commission saw, read it here.
func seancesCloses(tx *storage.Tx, annee int) ([]model.Commission, error) {
	var out []model.Commission
	err := tx.ForEachCommission(func(c *model.Commission) error {
		if c.Statut == model.Close && c.Annee() == annee {
			out = append(out, *c)
		}
		return nil
	})
	return out, err
}

// WriteRapportCSV writes the report's figures, one row per figure:
// indicateur;numerateur;denominateur;taux;cible;atteint. Rates and targets
// are percentages with one decimal (« 33,3 »); for a count the numerator
// holds it and the denominator is empty; where the year's first-quartile
// threshold is missing the numerator and rate are empty and « atteint »
// says « données manquantes ».
func WriteRapportCSV(rep *model.Rapport, w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	if err := cw.Write(RapportHeader); err != nil {
		return err
	}
	for _, in := range rep.Indicateurs() {
		num, den := strconv.Itoa(in.Numerateur), ""
		if in.Manquant {
			num = ""
		}
		if in.Denominateur >= 0 {
			den = strconv.Itoa(in.Denominateur)
		}
		if err := cw.Write([]string{in.Code, num, den, pourcent(in.Taux), pourcent(in.Cible), in.Atteint}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func pourcent(x float64) string {
	if math.IsNaN(x) {
		return ""
	}
	return model.FormatDecimal(x*100, 1, false)
}

// RapportPDF computes the report of a year and writes it as a PDF
// (pdf.MiseEnPageRapport), dated today, and journals it. It returns the
// report it drew. Any role may (see Rapport).
func (a *App) RapportPDF(annee int, w io.Writer) (*model.Rapport, error) {
	if err := a.Peut(model.ActionConsulter); err != nil {
		return nil, err
	}
	var rep *model.Rapport
	var office *model.Office
	err := a.DB.View(func(tx *storage.Tx) error {
		d, err := donneesRapport(tx, annee)
		if err != nil {
			return err
		}
		rep = model.CalculerRapport(d)
		office, err = tx.Office()
		return err
	})
	if err != nil {
		return nil, err
	}
	if err := pdf.MiseEnPageRapport(rep, office, a.Today()).Ecrire(w); err != nil {
		a.Log.Error("rapport pdf", "annee", annee, "err", err)
		return nil, model.Errorf(model.EINTERNAL, "Le rapport annuel n'a pas pu être mis en page.")
	}
	if err := a.Journaliser("Export : rapport annuel " + strconv.Itoa(annee)); err != nil {
		return nil, err
	}
	return rep, nil
}

// EcrireRapport writes the report of a year as a PDF at pdfPath and, when
// csvPath is not empty, its figures as CSV (WriteRapportCSV); each file is
// written whole or not at all. It returns the report.
func (a *App) EcrireRapport(annee int, pdfPath, csvPath string) (*model.Rapport, error) {
	var rep *model.Rapport
	if pdfPath != "" {
		if err := ecrireFichier(pdfPath, func(w io.Writer) (err error) { rep, err = a.RapportPDF(annee, w); return err }); err != nil {
			return nil, err
		}
	}
	if csvPath != "" {
		if rep == nil {
			var err error
			if rep, err = a.Rapport(annee); err != nil {
				return nil, err
			}
		}
		if err := ecrireFichier(csvPath, func(w io.Writer) error { return WriteRapportCSV(rep, w) }); err != nil {
			return nil, err
		}
	}
	return rep, nil
}

// AnneesRapport lists the years that have closed sessions, most recent
// first, with the current year always included.
func (a *App) AnneesRapport() ([]int, error) {
	seen := map[int]bool{a.Today().Year(): true}
	err := a.DB.View(func(tx *storage.Tx) error {
		return tx.ForEachCommission(func(c *model.Commission) error {
			if c.Statut == model.Close {
				seen[c.Annee()] = true
			}
			return nil
		})
	})
	var out []int
	for y := range seen {
		out = append(out, y)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(out)))
	return out, err
}
