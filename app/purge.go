package app

import (
	"fmt"
	"sort"

	"logis/model"
	"logis/storage"
)

// Purge is the three-year retention (policy §III; CNIL référentiel gestion
// locative sociale): the households with no lease at the office and no
// active application whose last application was struck off more than
// model.DureeConservation years before the date.
type Purge struct {
	Date     model.Date
	Menages  []MenagePurgeable
	Demandes int // their applications
	// Gardes counts those named by a closed session: erased as by
	// EffacerMenage, the sessions keep their archive.
	Gardes int
	// Limites counts the households past the retention left alone because
	// their processing is restricted (RGPD art. 18.1.c: kept for a claim).
	Limites int
}

// MenagePurgeable is one household the purge names.
type MenagePurgeable struct {
	ID        string
	Radiation model.Date // last struck-off date of its applications
	Demandes  int
}

// PreparerPurge lists what a purge on day at would erase, without writing.
// Responsable only (EFORBIDDEN otherwise).
func (a *App) PreparerPurge(at model.Date) (*Purge, error) {
	if err := a.Peut(model.ActionPurger); err != nil {
		return nil, err
	}
	var p *Purge
	err := a.DB.View(func(tx *storage.Tx) (err error) {
		p, err = listerPurge(tx, at)
		return err
	})
	return p, err
}

// Purger erases, in one transaction, every household PreparerPurge lists
// for day at (see EffacerMenage for what a closed session keeps). The
// journal entry holds counts only, no id. The base is compacted afterwards
// (now from the command line, at the next opening in the window).
func (a *App) Purger(at model.Date) (*Purge, error) {
	if err := a.Peut(model.ActionPurger); err != nil {
		return nil, err
	}
	var p *Purge
	var done []*Effacement
	le := a.Today()
	err := a.DB.Update("Purge (conservation de trois ans)", func(tx *storage.Tx) error {
		var err error
		if p, err = listerPurge(tx, at); err != nil {
			return err
		}
		tx.JournalEnNombres(fmt.Sprintf("Purge au %s (conservation de %d ans) : %d ménage(s), %d demande(s), dont %d gardé(s) effacé(s) pour des séances closes",
			at, model.DureeConservation, len(p.Menages), p.Demandes, p.Gardes))
		for _, m := range p.Menages {
			e, err := effacer(tx, m.ID, le)
			if err != nil {
				return err
			}
			done = append(done, e)
		}
		if len(done) > 0 {
			return tx.DemanderCompactage()
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	a.apresEffacement(done)
	return p, nil
}

func listerPurge(tx *storage.Tx, at model.Date) (*Purge, error) {
	p := &Purge{Date: at}
	byMenage := map[string][]model.Demande{}
	if err := tx.ForEachDemande(func(d *model.Demande) error {
		byMenage[d.Menage] = append(byMenage[d.Menage], *d)
		return nil
	}); err != nil {
		return nil, err
	}
	var ids []string
	if err := tx.ForEachMenage(func(m *model.Menage) error {
		if !m.Efface.IsZero() {
			return nil // already erased: kept for a closed session only
		}
		ds := byMenage[m.ID]
		if ok, last := model.Purgeable(m, ds, at, model.DureeConservation); ok && m.Restreint {
			p.Limites++
		} else if ok {
			p.Menages = append(p.Menages, MenagePurgeable{ID: m.ID, Radiation: last, Demandes: len(ds)})
			p.Demandes += len(ds)
			ids = append(ids, m.ID)
		}
		return nil
	}); err != nil {
		return nil, err
	}
	sort.Slice(p.Menages, func(i, j int) bool { return p.Menages[i].ID < p.Menages[j].ID })
	for _, id := range ids {
		e, err := planEffacement(tx, id)
		if err != nil {
			return nil, err
		}
		if !e.Complet() {
			p.Gardes++
		}
	}
	return p, nil
}

// reglageDureeJournal is the setting of the journal's retention, in years.
const reglageDureeJournal = "duree_journal"

// DureeJournal is the journal's retention in years (Paramètres; default
// model.DureeConservation): older entries are summarised by the purge.
func (a *App) DureeJournal() (int, error) {
	n := model.DureeConservation
	err := a.DB.View(func(tx *storage.Tx) error {
		_, err := tx.Setting(reglageDureeJournal, &n)
		return err
	})
	return n, err
}

// SetDureeJournal sets the journal's retention: 1 to 10 years (EINVALID
// otherwise). Responsable only.
func (a *App) SetDureeJournal(ans int) error {
	if err := a.Peut(model.ActionParametres); err != nil {
		return err
	}
	if ans < 1 || ans > 10 {
		return model.Errorf(model.EINVALID, "La durée de conservation du journal va de 1 à 10 ans.")
	}
	return a.DB.Update(fmt.Sprintf("Durée de conservation du journal : %d an(s)", ans), func(tx *storage.Tx) error {
		return tx.PutSetting(reglageDureeJournal, ans)
	})
}

// ResumerJournal summarises the journal's entries older than its retention
// before day at (counts per month and action; the chain stays verifiable).
// It returns how many entries were summarised. Responsable only.
func (a *App) ResumerJournal(at model.Date) (int, error) {
	if err := a.Peut(model.ActionPurger); err != nil {
		return 0, err
	}
	ans, err := a.DureeJournal()
	if err != nil {
		return 0, err
	}
	return a.DB.ResumerJournal(at.AddYears(-ans).Time())
}
