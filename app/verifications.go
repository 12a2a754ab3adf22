package app

import (
	"fmt"

	"logis/model"
	"logis/storage"
)

// Fiche is everything the household sheet shows, read in one transaction.
type Fiche struct {
	Menage   *model.Menage
	Demandes []model.Demande
	Logement *model.Logement // dwelling rented from the office; nil when none
	Regles   *model.Regles
}

// Demande returns the application the sheet edits: the oldest active one,
// else the first; nil when none.
func (f *Fiche) Demande() *model.Demande { return demandeCourante(f.Demandes) }

func demandeCourante(ds []model.Demande) *model.Demande {
	var best *model.Demande
	for i := range ds {
		d := &ds[i]
		if d.Active && (best == nil || !best.Active || d.DateDepot < best.DateDepot) {
			best = d
		} else if best == nil {
			best = d
		}
	}
	return best
}

// OpenMenage reads a household sheet: the record, its applications, its
// dwelling and the rule tables.
func (a *App) OpenMenage(id string) (*Fiche, error) {
	f := &Fiche{}
	err := a.DB.View(func(tx *storage.Tx) error {
		var err error
		if f.Menage, err = tx.Menage(id); err != nil {
			return err
		}
		if f.Demandes, err = tx.DemandesOfMenage(id); err != nil {
			return err
		}
		if f.Menage.Loge() {
			l, err := tx.Logement(f.Menage.Bail.Logement)
			if err != nil && model.ErrorCode(err) != model.ENOTFOUND {
				return err
			}
			f.Logement = l
		}
		f.Regles, err = tx.Regles()
		return err
	})
	if err != nil {
		return nil, err
	}
	return f, nil
}

// Verifications returns every rule of the foundation for a household on a date.
func (a *App) Verifications(menageID string, at model.Date) ([]model.Verdict, error) {
	f, err := a.OpenMenage(menageID)
	if err != nil {
		return nil, err
	}
	return Verifier(f.Menage, f.Demande(), f.Logement, at, f.Regles), nil
}

// Verifier applies every rule to a household as it stands (saved or being
// edited): UC and category; for a tenant the occupancy review, the effort
// rate and, with an application, the transfer conditions; for an applicant
// the ceiling of each financing in the first wished commune. d and l may be nil.
func Verifier(m *model.Menage, d *model.Demande, l *model.Logement, at model.Date, r *model.Regles) []model.Verdict {
	_, vUC := model.UnitesConsommation(m, at, r)
	out := []model.Verdict{vUC, model.CategorieMenage(m, at, r), model.PremierQuartileMenage(m, at, r).Verdict}
	var mu *model.Mutation
	switch {
	case l != nil:
		ex := model.ExaminerOccupation(m, l, at, r)
		out = append(out, ex.Verdicts()...)
		if d != nil {
			mut := model.ConditionsMutation(m, d, l, at, r)
			mu = &mut
			out = append(out, mut.Verdict)
			out = append(out, mut.Conditions...)
		}
	case m.Loge():
		out = append(out, model.Verdict{Regle: model.RegleLogement, Titre: model.RegleLogement.Titre(), Resultat: model.Incomplet,
			Valeur: m.Bail.Logement, Seuil: "logement du patrimoine",
			Explication: fmt.Sprintf("Le logement « %s » du bail est introuvable dans le patrimoine : l'examen de l'occupation ne peut pas être fait.", m.Bail.Logement),
			Source:      model.SourceExamen})
	default:
		commune := ""
		if d != nil && len(d.Communes) > 0 {
			commune = d.Communes[0]
		}
		for _, f := range model.Financements {
			if commune == "" {
				out = append(out, model.Verdict{Regle: model.ReglePlafond, Titre: model.ReglePlafond.Titre() + " " + string(f), Resultat: model.Incomplet,
					Seuil: "plafond de la commune souhaitée", Source: model.SourcePlafond,
					Explication: "Aucune commune souhaitée n'est renseignée : le plafond de ressources dépend de la zone de la commune."})
				continue
			}
			p := model.PlafondRessources(m, f, commune, at, r)
			p.Titre = fmt.Sprintf("Plafond de ressources %s (%s)", f, commune)
			out = append(out, p.Verdict)
		}
	}
	if d != nil {
		out = append(out, model.Priorite(d, mu, at, r))
		if rf := model.RefusAdapte(d, at, r); rf.Resultat != model.NonApplicable {
			out = append(out, rf)
		}
	}
	return out
}

// LogementFiche is a dwelling with its residence, occupants and their review.
type LogementFiche struct {
	Logement  *model.Logement
	Residence *model.Residence // nil when none or unknown
	Occupants []model.Menage
	Examens   []model.Examen // one per occupant, same order
}

// OpenLogement reads a dwelling sheet and reviews its occupants on date at.
func (a *App) OpenLogement(ref string, at model.Date) (*LogementFiche, error) {
	f := &LogementFiche{}
	err := a.DB.View(func(tx *storage.Tx) error {
		var err error
		if f.Logement, err = tx.Logement(ref); err != nil {
			return err
		}
		if f.Logement.Residence != "" {
			if res, err := tx.Residence(f.Logement.Residence); err == nil {
				f.Residence = res
			}
		}
		if f.Occupants, err = tx.OccupantsOf(ref); err != nil {
			return err
		}
		r, err := tx.Regles()
		if err != nil {
			return err
		}
		for i := range f.Occupants {
			f.Examens = append(f.Examens, model.ExaminerOccupation(&f.Occupants[i], f.Logement, at, r))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return f, nil
}

// OpenResidence reads a residence.
func (a *App) OpenResidence(code string) (*model.Residence, error) {
	var r *model.Residence
	err := a.DB.View(func(tx *storage.Tx) (err error) { r, err = tx.Residence(code); return err })
	return r, err
}

// Logement reads one dwelling.
func (a *App) Logement(ref string) (*model.Logement, error) {
	var l *model.Logement
	err := a.DB.View(func(tx *storage.Tx) (err error) { l, err = tx.Logement(ref); return err })
	return l, err
}
