package app

import (
	"fmt"
	"slices"
	"strings"

	"logis/model"
	"logis/storage"
)

// Effacement describes the erasure of one household (RGPD art. 17), before
// (PreparerEffacement) and after (EffacerMenage) it is done.
type Effacement struct {
	Menage   string   // the household's id before the erasure
	Neutre   string   // its neutral id when closed sessions keep it, else ""
	Seances  []string // closed sessions that name it: they keep it
	Retire   []string // sessions in preparation it is withdrawn from
	Demandes int      // its applications
	// Explication tells the agent, in French, what is kept and why.
	Explication string
}

// Complet reports whether the household goes entirely.
func (e *Effacement) Complet() bool { return len(e.Seances) == 0 }

// PreparerEffacement says what erasing household id would do, without
// writing. Refused (EINVALID) for a tenant of the office (the lease needs
// the data: RGPD art. 6.1.b and 17.3) and for a household already erased.
func (a *App) PreparerEffacement(id string) (*Effacement, error) {
	if err := a.Peut(model.ActionEffacer); err != nil {
		return nil, err
	}
	var e *Effacement
	err := a.DB.View(func(tx *storage.Tx) (err error) {
		e, err = planEffacement(tx, id)
		return err
	})
	return e, err
}

// EffacerMenage erases household id in one transaction, journaled: entirely
// with its applications when no closed session names it; otherwise its
// personal data are replaced by « ménage effacé le JJ/MM/AAAA » under a
// neutral id, and the closed sessions keep their decisions, NURs and the
// figures the commission saw (model.EffacerInstantane says exactly what).
// The household is withdrawn from the sessions in preparation. The base is
// compacted afterwards (storage.DB.Compacter), now or at its next opening.
func (a *App) EffacerMenage(id string) (*Effacement, error) {
	if err := a.Peut(model.ActionEffacer); err != nil {
		return nil, err
	}
	var e *Effacement
	le := a.Today()
	err := a.DB.Update("Effacement d'un ménage (droit à l'effacement)", func(tx *storage.Tx) (err error) {
		e, err = effacer(tx, id, le)
		if err == nil {
			err = tx.DemanderCompactage()
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	a.apresEffacement([]*Effacement{e})
	return e, nil
}

// apresEffacement updates the search index.
func (a *App) apresEffacement(list []*Effacement) {
	var tombes []*model.Menage
	var demandes [][]model.Demande
	if err := a.DB.View(func(tx *storage.Tx) error {
		for _, e := range list {
			if e.Neutre == "" {
				continue
			}
			m, err := tx.Menage(e.Neutre)
			if err != nil {
				return err
			}
			ds, err := tx.DemandesOfMenage(e.Neutre)
			if err != nil {
				return err
			}
			tombes, demandes = append(tombes, m), append(demandes, ds)
		}
		return nil
	}); err != nil {
		a.Log.Warn("index de recherche après effacement", "err", model.ErrorCode(err))
	}
	a.catUpdate(func(cat *Catalogue) {
		for _, e := range list {
			cat.deleteMenage(e.Menage)
		}
		for i, m := range tombes {
			cat.putMenage(m, demandes[i])
		}
	})
}

// planEffacement reads what an erasure of id touches.
func planEffacement(tx *storage.Tx, id string) (*Effacement, error) {
	m, err := tx.Menage(id)
	if err != nil {
		return nil, err
	}
	if !m.Efface.IsZero() {
		return nil, model.Errorf(model.ECONFLICT, "Le ménage %s a déjà été effacé le %s.", id, m.Efface)
	}
	if m.Loge() {
		return nil, model.Errorf(model.EINVALID, "Le ménage %s est locataire de l'Office (logement %s) : ses données sont nécessaires à l'exécution du bail (art. 6.1.b et 17.3 du RGPD) et ne peuvent pas être effacées tant qu'il court. Rectifiez-les ou limitez leur traitement.", id, m.Bail.Logement)
	}
	ds, err := tx.DemandesOfMenage(id)
	if err != nil {
		return nil, err
	}
	nurs := nursOf(ds)
	e := &Effacement{Menage: id, Demandes: len(ds)}
	err = tx.ForEachCommission(func(c *model.Commission) error {
		if !nommeMenage(c, id, nurs) {
			return nil
		}
		if c.Statut == model.Close {
			e.Seances = append(e.Seances, c.ID)
		} else {
			e.Retire = append(e.Retire, c.ID)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	e.Explication = model.CeQuiEstGarde(e.Seances)
	if len(e.Retire) > 0 {
		e.Explication += " Il est retiré " + model.Pluriel(len(e.Retire), "de la séance en préparation", "des séances en préparation") + " " + strings.Join(e.Retire, ", ") + "."
	}
	return e, nil
}

func nommeMenage(c *model.Commission, id string, nurs map[string]bool) bool {
	for _, dl := range c.Logements {
		for _, k := range dl.Candidats {
			if k.Menage == id || nurs[k.NUR] {
				return true
			}
		}
	}
	return slices.ContainsFunc(c.Occupation, func(o model.DossierOccupation) bool { return o.Menage == id })
}

// effacer erases household id inside tx (see EffacerMenage).
func effacer(tx *storage.Tx, id string, le model.Date) (*Effacement, error) {
	e, err := planEffacement(tx, id)
	if err != nil {
		return nil, err
	}
	ds, err := tx.DemandesOfMenage(id)
	if err != nil {
		return nil, err
	}
	nurs := nursOf(ds)
	for _, sid := range e.Retire {
		c, err := tx.Commission(sid)
		if err != nil {
			return nil, err
		}
		for i := range c.Logements {
			c.Logements[i].Candidats = slices.DeleteFunc(c.Logements[i].Candidats, func(k model.Candidat) bool { return k.Menage == id || nurs[k.NUR] })
		}
		c.Occupation = slices.DeleteFunc(c.Occupation, func(o model.DossierOccupation) bool { return o.Menage == id })
		if err := tx.PutCommission(c); err != nil {
			return nil, err
		}
	}
	if len(e.Seances) > 0 {
		if e.Neutre, err = neutralID(tx); err != nil {
			return nil, err
		}
	}
	gardees := map[string]bool{} // NURs the closed sessions name
	for _, sid := range e.Seances {
		c, err := tx.Commission(sid)
		if err != nil {
			return nil, err
		}
		for i := range c.Logements {
			for j := range c.Logements[i].Candidats {
				k := &c.Logements[i].Candidats[j]
				if k.Menage == id || nurs[k.NUR] {
					k.Menage = e.Neutre
					gardees[k.NUR] = true
				}
			}
		}
		for i := range c.Occupation {
			if c.Occupation[i].Menage == id {
				c.Occupation[i].Menage = e.Neutre
			}
		}
		for i := range c.Suites { // the refusal reason is the applicant's words
			if gardees[c.Suites[i].NUR] && c.Suites[i].Motif != "" {
				c.Suites[i].Motif = "(motif effacé le " + le.String() + ")"
			}
		}
		model.EffacerInstantane(c.Instantane, id, e.Neutre, le)
		if err := tx.PutCommission(c); err != nil {
			return nil, err
		}
	}
	if err := tx.DeleteMenage(id); err != nil {
		return nil, err
	}
	if e.Neutre != "" {
		tombe := model.MenageEfface(e.Neutre, le)
		if err := tx.PutMenage(&tombe); err != nil {
			return nil, err
		}
		for _, d := range ds {
			if gardees[d.NUR] {
				kept := model.DemandeEffacee(&d, e.Neutre, le)
				if err := tx.PutDemande(&kept); err != nil {
					return nil, err
				}
			}
		}
	}
	return e, nil
}

// neutralID returns a household id that names no one: « E000001 »…, from
// its own sequence, skipping ids already taken.
func neutralID(tx *storage.Tx) (string, error) {
	for range 1000 {
		id, err := tx.NextID("efface")
		if err != nil {
			return "", err
		}
		if _, err := tx.Menage(id); model.ErrorCode(err) == model.ENOTFOUND {
			return id, nil
		} else if err != nil {
			return "", err
		}
	}
	return "", model.Errorf(model.EINTERNAL, "Aucun identifiant neutre libre n'a été trouvé.")
}

// RestreindreMenage sets or lifts the restriction of household id (RGPD
// art. 18): a restricted household is kept, shown as such, and left out of
// candidate lists and bulk exports. Journaled.
func (a *App) RestreindreMenage(id string, restreint bool) error {
	if err := a.Peut(model.ActionEffacer); err != nil {
		return err
	}
	action := "Limitation du traitement du ménage " + id
	if !restreint {
		action = "Fin de la limitation du traitement du ménage " + id
	}
	var m *model.Menage
	var ds []model.Demande
	err := a.DB.Update(action, func(tx *storage.Tx) error {
		var err error
		if m, err = tx.Menage(id); err != nil {
			return err
		}
		if !m.Efface.IsZero() {
			return model.Errorf(model.ECONFLICT, "Le ménage %s a été effacé le %s.", id, m.Efface)
		}
		if m.Restreint == restreint {
			return model.Errorf(model.ECONFLICT, "Le traitement du ménage %s est déjà %s.", id, map[bool]string{true: "limité", false: "sans limitation"}[restreint])
		}
		m.Restreint = restreint
		if err := tx.PutMenage(m); err != nil {
			return err
		}
		ds, err = tx.DemandesOfMenage(id)
		return err
	})
	if err != nil {
		return err
	}
	a.catUpdate(func(cat *Catalogue) { cat.putMenage(m, ds) })
	return nil
}

// Resume is the French report of an erasure shown to the agent.
func (e *Effacement) Resume() string {
	if e.Complet() {
		return fmt.Sprintf("Le ménage %s et ses %d demande(s) ont été supprimés entièrement.", e.Menage, e.Demandes)
	}
	return fmt.Sprintf("Le ménage %s a été effacé ; il s'appelle désormais %s (« ménage effacé »). %s", e.Menage, e.Neutre, e.Explication)
}

// refuserSiSeanceClose refuses to delete household id (or application nur)
// that a closed session names: its minutes would lose it.
func refuserSiSeanceClose(tx *storage.Tx, id, nur string) error {
	nurs := map[string]bool{}
	if nur != "" {
		nurs[nur] = true
	}
	if id != "" {
		ds, err := tx.DemandesOfMenage(id)
		if err != nil {
			return err
		}
		for k := range nursOf(ds) {
			nurs[k] = true
		}
	}
	var seances []string
	if err := tx.ForEachCommission(func(c *model.Commission) error {
		if c.Statut == model.Close && nommeMenage(c, id, nurs) {
			seances = append(seances, c.ID)
		}
		return nil
	}); err != nil {
		return err
	}
	if len(seances) == 0 {
		return nil
	}
	what := "Le ménage " + id
	if id == "" {
		what = "La demande " + nur
	}
	return model.Errorf(model.EINVALID, "%s figure dans %s %s : le procès-verbal est une archive, la suppression le rendrait incomplet. Pour répondre à une demande d'effacement, utilisez « Droits RGPD… › Effacer le ménage » sur la fiche du ménage : les données personnelles sont effacées et la séance garde ce qu'elle a décidé.",
		what, model.Pluriel(len(seances), "la séance close", "les séances closes"), strings.Join(seances, ", "))
}
