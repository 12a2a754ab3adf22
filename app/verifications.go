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
	uc, vUC := model.UnitesConsommation(m, at, r)
	out := []model.Verdict{vUC, categorieVerdict(m, at, r), quartileVerdict(m, uc, at, r)}
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
		out = append(out, model.Verdict{Regle: "logement", Titre: "Logement loué", Resultat: model.Incomplet,
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
				out = append(out, model.Verdict{Regle: "plafond", Titre: "Plafond de ressources " + string(f), Resultat: model.Incomplet,
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
	}
	return out
}

func categorieVerdict(m *model.Menage, at model.Date, r *model.Regles) model.Verdict {
	v := model.Verdict{Regle: "categorie", Titre: "Catégorie de ménage", Source: model.SourcePlafond,
		Seuil: "catégories 1 à 6 de l'arrêté du 29/07/1987, puis par personne supplémentaire"}
	cat, extra, why := model.Categorie(m, at, r)
	if cat == 0 {
		v.Resultat, v.Explication = model.Incomplet, "Aucun membre n'est enregistré : la catégorie du ménage est inconnue."
		return v
	}
	v.Resultat = model.Conforme
	v.Valeur = fmt.Sprintf("catégorie %d", cat)
	if extra > 0 {
		v.Valeur += fmt.Sprintf(" + %d personne(s)", extra)
	}
	v.Explication = fmt.Sprintf("Au %s : %s, soit la %s.", at, why, v.Valeur)
	return v
}

func quartileVerdict(m *model.Menage, uc float64, at model.Date, r *model.Regles) model.Verdict {
	v := model.Verdict{Regle: "premier_quartile", Titre: "Ressources par UC (premier quartile)", Source: "Art. L.441-1 CCH ; politique d'attribution (objectifs annuels)"}
	seuil, annee, ok := r.PremierQuartile(at.Year())
	if !ok {
		v.Resultat, v.Explication = model.Incomplet, fmt.Sprintf("Le seuil du premier quartile n'est pas renseigné pour %d : voir Paramètres.", at.Year())
		return v
	}
	v.Seuil = fmt.Sprintf("seuil %d : %s par UC et par an", annee, seuil.Amount())
	if uc <= 0 || m.Ressources.RevenuFiscal <= 0 {
		v.Resultat, v.Explication = model.Incomplet, "Le revenu fiscal de référence ou la composition du ménage manque."
		return v
	}
	par := model.RessourcesParUC(m, uc)
	v.Valeur = par.Amount() + " par UC"
	v.Resultat = model.Conforme
	if par < seuil {
		v.Explication = fmt.Sprintf("Revenu fiscal de référence %s ÷ %s UC = %s par UC, sous le seuil de %s : le demandeur est du premier quartile.", m.Ressources.RevenuFiscal.Amount(), model.FormatDecimal(uc, 2, false), par.Amount(), seuil.Amount())
	} else {
		v.Explication = fmt.Sprintf("Revenu fiscal de référence %s ÷ %s UC = %s par UC, au moins le seuil de %s : le demandeur n'est pas du premier quartile.", m.Ressources.RevenuFiscal.Amount(), model.FormatDecimal(uc, 2, false), par.Amount(), seuil.Amount())
	}
	return v
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
