package app

import (
	"strings"

	"logis/model"
	"logis/storage"
)

// One method per user action of the screens: each is one transaction with a
// French label for the journal, validates first, and updates the catalogue
// after the commit. Labels name records by their keys only (no personal data).

// SaveLogement creates (creating) or updates a dwelling.
func (a *App) SaveLogement(l *model.Logement, creating bool) error {
	if err := a.Peut(model.ActionSaisir); err != nil {
		return err
	}
	if l == nil {
		return model.Errorf(model.EINVALID, "Aucun logement à enregistrer.")
	}
	l.Reference = strings.TrimSpace(l.Reference)
	if err := l.Validate(); err != nil {
		return err
	}
	action := "Modification du logement " + l.Reference
	if creating {
		action = "Création du logement " + l.Reference
	}
	err := a.DB.Update(action, func(tx *storage.Tx) error {
		if creating {
			if _, err := tx.Logement(l.Reference); err == nil {
				return model.Errorf(model.ECONFLICT, "Un logement de référence « %s » existe déjà.", l.Reference)
			} else if model.ErrorCode(err) != model.ENOTFOUND {
				return err
			}
		} else if _, err := tx.Logement(l.Reference); err != nil {
			return err
		}
		if l.Residence != "" {
			if _, err := tx.Residence(l.Residence); err != nil {
				return err
			}
		}
		return tx.PutLogement(l)
	})
	if err != nil {
		return err
	}
	c := *l
	a.catUpdate(func(cat *Catalogue) { cat.putLogement(&c) })
	return nil
}

// DeleteLogement deletes a dwelling no household occupies.
func (a *App) DeleteLogement(ref string) error {
	if err := a.Peut(model.ActionSaisir); err != nil {
		return err
	}
	err := a.DB.Update("Suppression du logement "+ref, func(tx *storage.Tx) error { return tx.DeleteLogement(ref) })
	if err != nil {
		return err
	}
	a.catUpdate(func(cat *Catalogue) { cat.deleteLogement(ref) })
	return nil
}

// SaveResidence creates (creating) or updates a residence.
func (a *App) SaveResidence(r *model.Residence, creating bool) error {
	if err := a.Peut(model.ActionSaisir); err != nil {
		return err
	}
	if r == nil {
		return model.Errorf(model.EINVALID, "Aucune résidence à enregistrer.")
	}
	r.Code = strings.TrimSpace(r.Code)
	if err := r.Validate(); err != nil {
		return err
	}
	action := "Modification de la résidence " + r.Code
	if creating {
		action = "Création de la résidence " + r.Code
	}
	err := a.DB.Update(action, func(tx *storage.Tx) error {
		if creating {
			if _, err := tx.Residence(r.Code); err == nil {
				return model.Errorf(model.ECONFLICT, "Une résidence de code « %s » existe déjà.", r.Code)
			} else if model.ErrorCode(err) != model.ENOTFOUND {
				return err
			}
		} else if _, err := tx.Residence(r.Code); err != nil {
			return err
		}
		return tx.PutResidence(r)
	})
	if err != nil {
		return err
	}
	c := *r
	a.catUpdate(func(cat *Catalogue) { cat.putResidence(&c) })
	return nil
}

// DeleteResidence deletes a residence that holds no dwelling.
func (a *App) DeleteResidence(code string) error {
	if err := a.Peut(model.ActionSaisir); err != nil {
		return err
	}
	err := a.DB.Update("Suppression de la résidence "+code, func(tx *storage.Tx) error { return tx.DeleteResidence(code) })
	if err != nil {
		return err
	}
	a.catUpdate(func(cat *Catalogue) { cat.deleteResidence(code) })
	return nil
}

// SaveMenage creates (empty ID: a new ID is given) or updates a household
// — members, resources, tenancy — and, when d is not nil, its application,
// in one transaction. It returns the household's ID.
func (a *App) SaveMenage(m *model.Menage, d *model.Demande) (string, error) {
	if err := a.Peut(model.ActionSaisir); err != nil {
		return "", err
	}
	if m == nil {
		return "", model.Errorf(model.EINVALID, "Aucun ménage à enregistrer.")
	}
	creating := m.ID == ""
	if err := validateMenage(m); err != nil {
		return "", err
	}
	if d != nil {
		d.NUR = strings.ToUpper(strings.TrimSpace(d.NUR))
		d.Menage = m.ID
		if creating {
			d.Menage = "M" // checked again once the ID is known
		}
		if err := d.Validate(); err != nil {
			return "", err
		}
	}
	action := "Modification du ménage " + m.ID
	if creating {
		action = "Création d'un ménage"
	}
	var ds []model.Demande
	err := a.DB.Update(action, func(tx *storage.Tx) error {
		if creating {
			id, err := tx.NextID("menage")
			if err != nil {
				return err
			}
			m.ID = id
		} else if _, err := tx.Menage(m.ID); err != nil {
			return err
		}
		if m.Loge() {
			if err := checkBail(tx, m); err != nil {
				return err
			}
		}
		if err := tx.PutMenage(m); err != nil {
			return err
		}
		if d != nil {
			d.Menage = m.ID
			if err := checkNUR(tx, d); err != nil {
				return err
			}
			if err := checkOrigine(tx, d); err != nil { // situations.go
				return err
			}
			if err := tx.PutDemande(d); err != nil {
				return err
			}
		}
		var err error
		ds, err = tx.DemandesOfMenage(m.ID)
		return err
	})
	if err != nil {
		if creating {
			m.ID = ""
		}
		return "", err
	}
	c := copyMenage(m)
	a.catUpdate(func(cat *Catalogue) { cat.putMenage(c, ds) })
	return m.ID, nil
}

// validateMenage checks a household before its ID is known.
func validateMenage(m *model.Menage) error {
	id := m.ID
	if id == "" {
		m.ID = "nouveau"
		defer func() { m.ID = "" }()
	}
	if len(m.Personnes) == 0 {
		return model.Errorf(model.EINVALID, "Le ménage doit compter au moins un membre (le titulaire).")
	}
	if m.Bail != nil && strings.TrimSpace(m.Bail.Logement) == "" {
		m.Bail = nil
	}
	if err := m.Validate(); err != nil {
		if id == "" {
			return model.Errorf(model.EINVALID, "%s", strings.Replace(model.ErrorMessage(err), "Ménage nouveau : ", "Nouveau ménage : ", 1))
		}
		return err
	}
	return nil
}

// checkBail: the dwelling exists and no other household rents it.
func checkBail(tx *storage.Tx, m *model.Menage) error {
	if _, err := tx.Logement(m.Bail.Logement); err != nil {
		return err
	}
	occ, err := tx.OccupantsOf(m.Bail.Logement)
	if err != nil {
		return err
	}
	for _, o := range occ {
		if o.ID != m.ID {
			return model.Errorf(model.ECONFLICT, "Le logement « %s » est déjà loué au ménage %s : terminez d'abord son bail.", m.Bail.Logement, o.ID)
		}
	}
	return nil
}

// checkNUR: a NUR belongs to one household.
func checkNUR(tx *storage.Tx, d *model.Demande) error {
	old, err := tx.Demande(d.NUR)
	if err != nil {
		if model.ErrorCode(err) == model.ENOTFOUND {
			return nil
		}
		return err
	}
	if old.Menage != d.Menage {
		return model.Errorf(model.ECONFLICT, "Le NUR « %s » est déjà celui d'une demande du ménage %s.", d.NUR, old.Menage)
	}
	return nil
}

func copyMenage(m *model.Menage) *model.Menage {
	c := *m
	c.Personnes = append([]model.Personne(nil), m.Personnes...)
	if m.Bail != nil {
		b := *m.Bail
		c.Bail = &b
	}
	return &c
}

// DeleteMenage deletes a household and its applications. A household a
// closed session names is refused (EINVALID): the minutes are an archive;
// its erasure (EffacerMenage) keeps what they need.
func (a *App) DeleteMenage(id string) error {
	if err := a.Peut(model.ActionSaisir); err != nil {
		return err
	}
	err := a.DB.Update("Suppression du ménage "+id, func(tx *storage.Tx) error {
		if err := refuserSiSeanceClose(tx, id, ""); err != nil {
			return err
		}
		return tx.DeleteMenage(id)
	})
	if err != nil {
		return err
	}
	a.catUpdate(func(cat *Catalogue) { cat.deleteMenage(id) })
	return nil
}

// SaveDemande creates (creating) or updates an application of an existing
// household.
func (a *App) SaveDemande(d *model.Demande, creating bool) error {
	if err := a.Peut(model.ActionSaisir); err != nil {
		return err
	}
	if d == nil {
		return model.Errorf(model.EINVALID, "Aucune demande à enregistrer.")
	}
	d.NUR = strings.ToUpper(strings.TrimSpace(d.NUR))
	if err := d.Validate(); err != nil {
		return err
	}
	action := "Modification de la demande " + d.NUR
	if creating {
		action = "Création de la demande " + d.NUR
	}
	var m *model.Menage
	var ds []model.Demande
	err := a.DB.Update(action, func(tx *storage.Tx) error {
		var err error
		if m, err = tx.Menage(d.Menage); err != nil {
			return err
		}
		if creating {
			if _, err := tx.Demande(d.NUR); err == nil {
				return model.Errorf(model.ECONFLICT, "Une demande de NUR « %s » existe déjà.", d.NUR)
			} else if model.ErrorCode(err) != model.ENOTFOUND {
				return err
			}
		} else if err := checkNUR(tx, d); err != nil {
			return err
		}
		if err := checkOrigine(tx, d); err != nil { // situations.go
			return err
		}
		if err := tx.PutDemande(d); err != nil {
			return err
		}
		ds, err = tx.DemandesOfMenage(m.ID)
		return err
	})
	if err != nil {
		return err
	}
	a.catUpdate(func(cat *Catalogue) { cat.putMenage(m, ds) })
	return nil
}

// DeleteDemande deletes an application.
func (a *App) DeleteDemande(nur string) error {
	if err := a.Peut(model.ActionSaisir); err != nil {
		return err
	}
	var m *model.Menage
	var ds []model.Demande
	err := a.DB.Update("Suppression de la demande "+nur, func(tx *storage.Tx) error {
		d, err := tx.Demande(nur)
		if err != nil {
			return err
		}
		if err := refuserSiSeanceClose(tx, "", nur); err != nil {
			return err
		}
		if err := tx.DeleteDemande(nur); err != nil {
			return err
		}
		if m, err = tx.Menage(d.Menage); err != nil {
			if model.ErrorCode(err) == model.ENOTFOUND {
				m = nil
				return nil
			}
			return err
		}
		ds, err = tx.DemandesOfMenage(m.ID)
		return err
	})
	if err != nil {
		return err
	}
	if m != nil {
		a.catUpdate(func(cat *Catalogue) { cat.putMenage(m, ds) })
	}
	return nil
}

// SaveWindowSize remembers the main window's size.
func (a *App) SaveWindowSize(w, h float32) error {
	if ow, oh, ok := a.WindowSize(); ok && ow == w && oh == h {
		return nil // unchanged: no journal entry
	}
	return a.DB.Update("Taille de la fenêtre", func(tx *storage.Tx) error {
		return tx.PutSetting("fenetre", [2]float32{w, h})
	})
}

// WindowSize returns the remembered size of the main window; ok is false
// when none was stored.
func (a *App) WindowSize() (w, h float32, ok bool) {
	var s [2]float32
	err := a.DB.View(func(tx *storage.Tx) (err error) { ok, err = tx.Setting("fenetre", &s); return err })
	if err != nil || !ok || s[0] < 200 || s[1] < 150 {
		return 0, 0, false
	}
	return s[0], s[1], true
}
