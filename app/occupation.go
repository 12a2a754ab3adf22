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
	Avant    model.Date // when set, only the households due before this date
	Examens  []model.Examen
	Comptes  map[string]int // situation or indicator code → households
	Legales  int            // households in at least one situation of L.442-5-2
	Nombre   int            // households examined (len(Examens) when kept)
	Presente map[string]bool
}

// SituationCodes are the five situations of L.442-5-2 in the article's
// order (model.SituationsL44252), then the policy's own indicators
// (model.IndicateursPolitique), which are never counted as legal situations.
var SituationCodes = situationCodes()

// NbSituationsLegales is the number of legal situations at the head of SituationCodes.
var NbSituationsLegales = len(model.SituationsL44252)

func situationCodes() []string {
	var out []string
	for _, c := range model.SituationsL44252 {
		out = append(out, string(c))
	}
	for _, c := range model.IndicateursPolitique {
		out = append(out, string(c))
	}
	return out
}

// SituationLabels are the short French names of the situations (model's
// CodeRegle.Court: « 1° Sur-occupation (surface) »…).
var SituationLabels = func() map[string]string {
	m := map[string]string{}
	for _, c := range SituationCodes {
		m[c] = model.CodeRegle(c).Court()
	}
	return m
}()

// RevueOccupation runs the occupancy review (L.442-5-2 CCH) over every
// household housed by the office, in one read transaction.
func (a *App) RevueOccupation(at model.Date, progress Progress) (*Revue, error) {
	return a.RevueOccupationAvant(at, 0, progress)
}

// RevueOccupationAvant runs the review over the households whose next
// three-yearly review (model.ProchainExamen) falls strictly before avant;
// every household when avant is zero. A household whose lease date is
// unknown is kept (its due date cannot be computed). Every examination is
// kept in Examens (the window's list); ExaminerOccupation streams instead.
func (a *App) RevueOccupationAvant(at, avant model.Date, progress Progress) (*Revue, error) {
	var examens []model.Examen
	presente := map[string]bool{}
	rv, err := a.ExaminerOccupation(at, avant, progress, func(e *model.Examen, aPresenter bool) error {
		examens = append(examens, *e)
		if aPresenter {
			presente[e.Menage] = true
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	rv.Examens, rv.Presente = examens, presente
	return rv, nil
}

// ExaminerOccupation runs the review like RevueOccupationAvant in one read
// transaction, but keeps no examination: fn is called for each household
// examined, in the base's order, with its examination (valid only during the
// call) and whether it is marked « à présenter ». The Revue returned holds
// the date, the counts and Nombre; Examens and Presente stay empty. An error
// of fn stops the review and is returned.
func (a *App) ExaminerOccupation(at, avant model.Date, progress Progress, fn func(e *model.Examen, aPresenter bool) error) (*Revue, error) {
	rv := &Revue{Date: at, Avant: avant, Comptes: map[string]int{}, Presente: map[string]bool{}}
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
		var e model.Examen
		return tx.ForEachMenage(func(m *model.Menage) error {
			n++
			if n%5000 == 0 {
				progress.report(n, counts.Menages)
			}
			if !m.Loge() || m.Restreint { // a restricted household is left out (RGPD art. 18)
				return nil
			}
			l, ok := logements[m.Bail.Logement]
			if !ok {
				return nil
			}
			if !avant.IsZero() {
				if p := model.ProchainExamen(m.Bail.DateEntree, at); !p.IsZero() && p >= avant {
					return nil
				}
			}
			e = model.ExaminerOccupation(m, l, at, r)
			for _, v := range e.Situations() {
				if v.Flag() {
					rv.Comptes[string(v.Regle)]++
				}
			}
			for _, v := range e.Indicateurs() {
				if v.Flag() {
					rv.Comptes[string(v.Regle)]++
				}
			}
			if e.AnySituation() {
				rv.Legales++
			}
			rv.Nombre++
			return fn(&e, m.APresenter)
		})
	})
	if err != nil {
		return nil, err
	}
	progress.report(1, 1)
	return rv, nil
}

// WriteOccupationCSV runs the review (see RevueOccupationAvant) and writes
// its CSV file (Revue.WriteCSV's format, byte for byte) while the
// households are read, keeping no examination in memory. The Revue returned
// holds the counts only. A write error stops the review.
func (a *App) WriteOccupationCSV(w io.Writer, at, avant model.Date, progress Progress) (*Revue, error) {
	cw, err := newCSVWriter(w)
	if err != nil {
		return nil, err
	}
	if err := cw.Write(OccupationHeader); err != nil {
		return nil, err
	}
	var rec []string
	rv, err := a.ExaminerOccupation(at, avant, progress, func(e *model.Examen, aPresenter bool) error {
		rec = occupationRecord(rec[:0], e, aPresenter)
		return cw.Write(rec)
	})
	if err != nil {
		return nil, err
	}
	return rv, cw.Flush()
}

// OccupationHeader is the header of the review's CSV file. sur_occupation is
// the policy's typology indicator; examen_l442_5_2 says whether at least one
// of the five legal situations applies.
var OccupationHeader = []string{"menage", "logement", "personnes", "uc", "sous_occupation", "sur_occupation_critique",
	"sur_occupation", "logement_adapte_sans_handicap", "handicap_sans_logement_adapte", "depassement_plafond",
	"taux_effort", "motifs", "commune", "reste_a_vivre_uc_jour", "plafond", "a_presenter", "examen_l442_5_2", "prochain_examen"}

// WriteCSV writes the review, one row per household: flags oui/non (empty
// where data are missing, e.g. depassement_plafond without the year's
// ceilings), numbers with a decimal comma, taux d'effort in percent, motifs
// in French (legal situations, then the policy's indicator, then what is
// missing), prochain_examen as JJ/MM/AAAA.
func (rv *Revue) WriteCSV(w io.Writer) error {
	cw, err := newCSVWriter(w)
	if err != nil {
		return err
	}
	if err := cw.Write(OccupationHeader); err != nil {
		return err
	}
	var rec []string
	for i := range rv.Examens {
		e := &rv.Examens[i]
		rec = occupationRecord(rec[:0], e, rv.Presente[e.Menage])
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	return cw.Flush()
}

// occupationRecord appends to rec the CSV row of one examination.
func occupationRecord(rec []string, e *model.Examen, aPresenter bool) []string {
	motifs := e.Motifs()
	for _, v := range e.Indicateurs() {
		if v.Flag() {
			motifs = append(motifs, "Indicateur de la politique (hors L.442-5-2) : "+v.Explication)
		}
	}
	for _, v := range e.Verdicts() {
		if v.Resultat == model.Incomplet {
			motifs = append(motifs, v.Titre+" : "+v.Explication)
		}
	}
	plafond := ""
	if e.DepassementPlafond.Montant > 0 {
		plafond = model.FormatDecimal(e.DepassementPlafond.Montant.Float(), 2, false)
	}
	prochain := ""
	if !e.ProchainExamen.IsZero() {
		prochain = e.ProchainExamen.String()
	}
	return append(rec, e.Menage, e.Logement, itoa(e.Personnes), decimal(e.UC, 2),
		situation(e.SousOccupation), situation(e.SurOccupationCritique), situation(e.SurOccupation),
		situation(e.LogementAdapteSansHandicap), situation(e.HandicapSansLogementAdapte),
		situation(e.DepassementPlafond.Verdict), decimal(e.Effort.Taux*100, 1),
		strings.Join(motifs, " | "), e.Commune, decimal(e.Effort.ResteAVivreUCJour, 2), plafond, model.OuiNon(aPresenter),
		model.OuiNon(e.AnySituation()), prochain)
}

// situation writes a situation: oui when present, empty when data are
// missing, non otherwise.
func situation(v model.Verdict) string {
	if v.Resultat == model.Incomplet {
		return ""
	}
	return model.OuiNon(v.Flag())
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
