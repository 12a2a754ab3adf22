package storage

import (
	"strings"

	"logis/model"
)

// Logement returns the dwelling of reference ref.
func (tx *Tx) Logement(ref string) (*model.Logement, error) {
	l := new(model.Logement)
	if found, err := tx.get(kindLogement, ref, l); err != nil {
		return nil, err
	} else if !found {
		return nil, model.Errorf(model.ENOTFOUND, "Le logement « %s » est introuvable.", clipKey(ref))
	}
	return l, nil
}

// Residence returns the residence of code code.
func (tx *Tx) Residence(code string) (*model.Residence, error) {
	r := new(model.Residence)
	if found, err := tx.get(kindResidence, code, r); err != nil {
		return nil, err
	} else if !found {
		return nil, model.Errorf(model.ENOTFOUND, "La résidence « %s » est introuvable.", clipKey(code))
	}
	return r, nil
}

// ForEachLogement calls fn for each dwelling in reference order. The pointer
// is reused between calls; a copy (c := *l) is safe to keep.
func (tx *Tx) ForEachLogement(fn func(*model.Logement) error) error {
	return forEach(tx, kindLogement, fn)
}

// ForEachResidence calls fn for each residence in code order. The pointer is
// reused between calls; a copy is safe to keep.
func (tx *Tx) ForEachResidence(fn func(*model.Residence) error) error {
	return forEach(tx, kindResidence, fn)
}

// PutLogement creates or updates the dwelling l.Reference.
func (tx *Tx) PutLogement(l *model.Logement) error {
	if l == nil {
		return model.Errorf(model.EINVALID, "Aucun logement à enregistrer.")
	}
	if err := l.Validate(); err != nil {
		return err
	}
	if err := checkKey("La référence du logement", l.Reference); err != nil {
		return err
	}
	if l.Residence != "" {
		if err := checkKey("Le code de la résidence du logement", l.Residence); err != nil {
			return err
		}
	}
	old, changed, err := tx.put(kindLogement, l.Reference, l)
	if err != nil || !changed {
		return err
	}
	var prev model.Logement
	previous(old, &prev)
	return tx.idxMove(bucketIdxResidenceLogement, prev.Residence, l.Residence, l.Reference)
}

// PutResidence creates or updates the residence r.Code.
func (tx *Tx) PutResidence(r *model.Residence) error {
	if r == nil {
		return model.Errorf(model.EINVALID, "Aucune résidence à enregistrer.")
	}
	if err := r.Validate(); err != nil {
		return err
	}
	if err := checkKey("Le code de la résidence", r.Code); err != nil {
		return err
	}
	_, _, err := tx.put(kindResidence, r.Code, r)
	return err
}

// DeleteLogement deletes a dwelling no household occupies.
func (tx *Tx) DeleteLogement(ref string) error {
	if _, err := tx.writable(bucketLogements); err != nil {
		return err
	}
	ids, err := tx.idxChildren(bucketIdxLogementMenage, ref, 4)
	if err != nil {
		return err
	}
	if len(ids) > 0 {
		return model.Errorf(model.ECONFLICT,
			"Le logement « %s » ne peut pas être supprimé : il est occupé (bail du ménage %s). Terminez d'abord le bail.",
			clipKey(ref), listKeys(ids, 3))
	}
	old, err := tx.del(kindLogement, ref)
	if err != nil {
		return err
	} else if old == nil {
		return model.Errorf(model.ENOTFOUND, "Le logement « %s » est introuvable.", clipKey(ref))
	}
	var prev model.Logement
	previous(old, &prev)
	if prev.Residence != "" {
		return tx.idxDel(bucketIdxResidenceLogement, prev.Residence, ref)
	}
	return nil
}

// DeleteResidence deletes a residence that holds no dwelling.
func (tx *Tx) DeleteResidence(code string) error {
	if _, err := tx.writable(bucketResidences); err != nil {
		return err
	}
	refs, err := tx.idxChildren(bucketIdxResidenceLogement, code, 4)
	if err != nil {
		return err
	}
	if len(refs) > 0 {
		n, err := tx.idxCount(bucketIdxResidenceLogement, code)
		if err != nil {
			return err
		}
		what := "1 logement en fait partie"
		if n > 1 {
			what = model.FormatDecimal(float64(n), 0, true) + " logements en font partie"
		}
		return model.Errorf(model.ECONFLICT,
			"La résidence « %s » ne peut pas être supprimée : %s (%s). Supprimez-les ou rattachez-les à une autre résidence d'abord.",
			clipKey(code), what, listKeys(refs, 3))
	}
	old, err := tx.del(kindResidence, code)
	if err != nil {
		return err
	} else if old == nil {
		return model.Errorf(model.ENOTFOUND, "La résidence « %s » est introuvable.", clipKey(code))
	}
	return nil
}

// listKeys writes at most max keys, then « … ».
func listKeys(keys []string, max int) string {
	if len(keys) <= max {
		return strings.Join(keys, ", ")
	}
	return strings.Join(keys[:max], ", ") + "…"
}
