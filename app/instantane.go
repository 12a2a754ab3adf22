package app

import (
	"fmt"
	"strings"

	"logis/model"
	"logis/storage"
)

// instantane reads, in tx, what session c examines and is not yet in its
// snapshot s (nil: everything): the dwellings and their rent, the
// candidates' households and applications with the verdicts of the policy's
// rules at the session's date, the tenants examined and their dwellings. It
// returns the snapshot completed and, in French, what was added (for the
// journal of an amendment). Records deleted since are skipped: the snapshot
// keeps what it has.
func instantane(tx *storage.Tx, c *model.Commission, s *model.Instantane) (*model.Instantane, []string, error) {
	if s == nil {
		s = &model.Instantane{}
	}
	r, err := tx.Regles()
	if err != nil {
		return nil, nil, err
	}
	var logements []model.Logement
	var menages []model.Menage
	var demandes []model.Demande
	var examens []model.ExamenInstantane
	var ajouts []string
	vuL, vuM := map[string]*model.Logement{}, map[string]*model.Menage{}
	logement := func(ref string) (*model.Logement, error) {
		if ref == "" {
			return nil, nil
		}
		if l := s.Logement(ref); l != nil {
			return l, nil
		}
		if l, ok := vuL[ref]; ok {
			return l, nil
		}
		l, err := tx.Logement(ref)
		if model.ErrorCode(err) == model.ENOTFOUND {
			vuL[ref] = nil
			return nil, nil
		} else if err != nil {
			return nil, err
		}
		vuL[ref] = l
		logements = append(logements, *l)
		return l, nil
	}
	menage := func(id string) (*model.Menage, error) {
		if m := s.Menage(id); m != nil {
			return m, nil
		}
		if m, ok := vuM[id]; ok {
			return m, nil
		}
		m, err := tx.Menage(id)
		if model.ErrorCode(err) == model.ENOTFOUND {
			vuM[id] = nil
			return nil, nil
		} else if err != nil {
			return nil, err
		}
		vuM[id] = m
		menages = append(menages, *m)
		ajouts = append(ajouts, "ménage "+id)
		return m, nil
	}
	domicile := func(m *model.Menage) (*model.Logement, error) {
		if m == nil || !m.Loge() {
			return nil, nil
		}
		return logement(m.Bail.Logement)
	}
	for i := range c.Logements {
		dl := &c.Logements[i]
		nouveau := s.Logement(dl.Logement) == nil
		l, err := logement(dl.Logement)
		if err != nil {
			return nil, nil, err
		}
		if nouveau && l != nil {
			ajouts = append(ajouts, "logement "+dl.Logement)
		}
		for _, k := range dl.Candidats {
			m, err := menage(k.Menage)
			if err != nil {
				return nil, nil, err
			}
			actuel, err := domicile(m)
			if err != nil {
				return nil, nil, err
			}
			d := s.Demande(k.NUR)
			if d == nil {
				d, err = tx.Demande(k.NUR)
				if model.ErrorCode(err) == model.ENOTFOUND {
					d, err = nil, nil
				} else if err != nil {
					return nil, nil, err
				} else {
					demandes = append(demandes, *d)
				}
			}
			if d != nil && d.MenageOrigine != "" { // decohabitation (§1.3.5): the household left
				o, err := menage(d.MenageOrigine)
				if err != nil {
					return nil, nil, err
				}
				if _, err := domicile(o); err != nil {
					return nil, nil, err
				}
			}
			if l != nil && m != nil && d != nil && s.Examen(dl.Logement, k.NUR) == nil {
				e := model.EvaluerCandidat(l, m, d, actuel, c.Date, r)
				examens = append(examens, model.ExamenInstantane{Logement: dl.Logement, NUR: k.NUR, Verdicts: e.Verdicts()})
			}
		}
	}
	for _, o := range c.Occupation {
		if _, err := logement(o.Logement); err != nil {
			return nil, nil, err
		}
		m, err := menage(o.Menage)
		if err != nil {
			return nil, nil, err
		}
		if _, err := domicile(m); err != nil {
			return nil, nil, err
		}
	}
	s.Ajouter(logements, menages, demandes, examens)
	return s, ajouts, nil
}

// reprendreInstantane takes the snapshot of a session closed without one
// (a base written by an earlier version): from the records of today, marked
// « repris », in its own write transaction and journal entry. It returns the
// session as stored.
func (a *App) reprendreInstantane(id string) (*model.Commission, error) {
	var out *model.Commission
	err := a.DB.Update("Commission "+id+" : instantané des dossiers repris après la clôture (séance close par une version antérieure)", func(tx *storage.Tx) error {
		c, err := tx.Commission(id)
		if err != nil {
			return err
		}
		if c.Statut != model.Close || c.Instantane != nil {
			out = c
			return nil
		}
		s, _, err := instantane(tx, c, nil)
		if err != nil {
			return err
		}
		s.Pris, s.Reprise = a.Now().Round(0), true
		if err := instantaneSituations(tx, c, s); err != nil {
			return err
		}
		c.Instantane = s
		out = c
		return tx.PutCommission(c)
	})
	return out, err
}

// resumeAjouts writes what an amendment added to the snapshot.
func resumeAjouts(ajouts []string) string {
	if len(ajouts) == 0 {
		return ""
	}
	const max = 6
	s := strings.Join(ajouts[:min(len(ajouts), max)], ", ")
	if len(ajouts) > max {
		s += fmt.Sprintf(" et %d autre(s)", len(ajouts)-max)
	}
	return "instantané complété (" + s + ", tels qu'enregistrés ce jour)"
}
