package app

import (
	"io"
	"math"
	"strings"

	"logis/model"
	"logis/storage"
)

// Revue is the occupancy review of every household in place on a date.
type Revue struct {
	Date     model.Date
	Examens  []model.Examen
	Comptes  map[string]int // situation code → households
	Presente map[string]bool
}

// Situation codes, in the order of the review's columns.
var SituationCodes = []string{"sous_occupation", "sur_occupation_critique", "sur_occupation",
	"logement_adapte_sans_handicap", "handicap_sans_logement_adapte", "depassement_plafond"}

// SituationLabels are the French names of the situations.
var SituationLabels = map[string]string{
	"sous_occupation":               "Sous-occupation",
	"sur_occupation_critique":       "Sur-occupation critique (surface)",
	"sur_occupation":                "Sur-occupation (typologie)",
	"logement_adapte_sans_handicap": "Logement adapté sans occupant handicapé",
	"handicap_sans_logement_adapte": "Handicap dans un logement non adapté",
	"depassement_plafond":           "Ressources au-dessus du plafond",
}

// RevueOccupation runs the occupancy review (L.442-5-2 CCH) over every
// household housed by the office, in one read transaction.
func (a *App) RevueOccupation(at model.Date, progress Progress) (*Revue, error) {
	rv := &Revue{Date: at, Comptes: map[string]int{}, Presente: map[string]bool{}}
	err := a.DB.View(func(tx *storage.Tx) error {
		r, err := tx.Regles()
		if err != nil {
			return err
		}
		logements := map[string]*model.Logement{}
		if err := tx.ForEachLogement(func(l *model.Logement) error {
			c := *l
			logements[l.Reference] = &c
			return nil
		}); err != nil {
			return err
		}
		counts, err := tx.Counts()
		if err != nil {
			return err
		}
		n := 0
		return tx.ForEachMenage(func(m *model.Menage) error {
			n++
			if n%5000 == 0 {
				progress.report(n, counts.Menages)
			}
			if !m.Loge() {
				return nil
			}
			l, ok := logements[m.Bail.Logement]
			if !ok {
				return nil
			}
			e := model.ExaminerOccupation(m, l, at, r)
			for _, v := range e.Situations() {
				if v.Flag() {
					rv.Comptes[v.Regle]++
				}
			}
			if m.APresenter {
				rv.Presente[m.ID] = true
			}
			rv.Examens = append(rv.Examens, e)
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	progress.report(1, 1)
	return rv, nil
}

// OccupationHeader is the header of the review's CSV file.
var OccupationHeader = []string{"menage", "logement", "personnes", "uc", "sous_occupation", "sur_occupation_critique",
	"sur_occupation", "logement_adapte_sans_handicap", "handicap_sans_logement_adapte", "depassement_plafond",
	"taux_effort", "motifs", "commune", "reste_a_vivre_uc_jour", "plafond", "a_presenter"}

// WriteCSV writes the review, one row per household: flags oui/non, numbers
// with a decimal comma, taux d'effort in percent, motifs in French.
func (rv *Revue) WriteCSV(w io.Writer) error {
	cw, err := newCSVWriter(w)
	if err != nil {
		return err
	}
	if err := cw.Write(OccupationHeader); err != nil {
		return err
	}
	for i := range rv.Examens {
		e := &rv.Examens[i]
		motifs := e.Motifs()
		for _, v := range e.Verdicts() {
			if v.Resultat == model.Incomplet {
				motifs = append(motifs, v.Titre+" : "+v.Explication)
			}
		}
		plafond := ""
		if e.DepassementPlafond.Montant > 0 {
			plafond = model.FormatDecimal(e.DepassementPlafond.Montant.Float(), 2, false)
		}
		rec := []string{e.Menage, e.Logement, itoa(e.Personnes), decimal(e.UC, 2),
			model.OuiNon(e.SousOccupation.Flag()), model.OuiNon(e.SurOccupationCritique.Flag()), model.OuiNon(e.SurOccupation.Flag()),
			model.OuiNon(e.LogementAdapteSansHandicap.Flag()), model.OuiNon(e.HandicapSansLogementAdapte.Flag()),
			model.OuiNon(e.DepassementPlafond.Flag()), decimal(e.Effort.Taux*100, 1),
			strings.Join(motifs, " | "), e.Commune, decimal(e.Effort.ResteAVivreUCJour, 2), plafond, model.OuiNon(rv.Presente[e.Menage])}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	return cw.Flush()
}

// decimal writes x with at most n decimals and a decimal comma; empty for NaN.
func decimal(x float64, n int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return ""
	}
	s := model.FormatDecimal(x, n, false)
	if strings.Contains(s, ",") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ",")
	}
	return s
}

func itoa(n int) string { return model.FormatDecimal(float64(n), 0, false) }
