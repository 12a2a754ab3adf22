package storage

import (
	"logis/model"
)

// Menage returns the household id.
func (tx *Tx) Menage(id string) (*model.Menage, error) {
	m := new(model.Menage)
	if found, err := tx.get(kindMenage, id, m); err != nil {
		return nil, err
	} else if !found {
		return nil, model.Errorf(model.ENOTFOUND, "Le ménage « %s » est introuvable.", clipKey(id))
	}
	return m, nil
}

// ForEachMenage calls fn for each household in id order. The pointer is
// reused between calls, but each record gets fresh slices and *Bail, so a
// shallow copy (c := *m) is safe to keep.
func (tx *Tx) ForEachMenage(fn func(*model.Menage) error) error {
	return forEach(tx, kindMenage, fn)
}

// OccupantsOf returns the households whose lease is on dwelling ref.
func (tx *Tx) OccupantsOf(ref string) ([]model.Menage, error) {
	ids, err := tx.idxChildren(bucketIdxLogementMenage, ref, 0)
	if err != nil {
		return nil, err
	}
	out := make([]model.Menage, 0, len(ids))
	for _, id := range ids {
		var m model.Menage
		if found, err := tx.get(kindMenage, id, &m); err != nil {
			return nil, err
		} else if !found {
			return nil, brokenIndex(tx, bucketIdxLogementMenage, ref, id)
		}
		out = append(out, m)
	}
	return out, nil
}

// bailLogement is the dwelling a household rents, "" when none.
func bailLogement(m *model.Menage) string {
	if m.Bail == nil {
		return ""
	}
	return m.Bail.Logement
}

// PutMenage creates or updates the household m.ID, and keeps the index
// dwelling → households and the persons counter.
func (tx *Tx) PutMenage(m *model.Menage) error {
	if m == nil {
		return model.Errorf(model.EINVALID, "Aucun ménage à enregistrer.")
	}
	if err := m.Validate(); err != nil {
		return err
	}
	if err := checkKey("L'identifiant du ménage", m.ID); err != nil {
		return err
	}
	ref := bailLogement(m)
	if ref != "" {
		if err := checkKey("La référence du logement loué", ref); err != nil {
			return err
		}
	}
	old, changed, err := tx.put(kindMenage, m.ID, m)
	if err != nil || !changed {
		return err
	}
	var prev model.Menage
	previous(old, &prev)
	tx.delta.Personnes += len(m.Personnes) - len(prev.Personnes)
	return tx.idxMove(bucketIdxLogementMenage, bailLogement(&prev), ref, m.ID)
}

// DeleteMenage deletes the household id and its applications.
func (tx *Tx) DeleteMenage(id string) error {
	if _, err := tx.writable(bucketMenages); err != nil {
		return err
	}
	if stored, err := tx.rawGet(bucketMenages, id); err != nil {
		return err
	} else if stored == nil {
		return model.Errorf(model.ENOTFOUND, "Le ménage « %s » est introuvable.", clipKey(id))
	}
	nurs, err := tx.idxChildren(bucketIdxMenageDemande, id, 0)
	if err != nil {
		return err
	}
	for _, nur := range nurs {
		var d model.Demande
		found, err := tx.get(kindDemande, nur, &d)
		if err != nil {
			return err
		}
		if found && d.Menage == id {
			if err := tx.DeleteDemande(nur); err != nil {
				return err
			}
		} else if err := tx.idxDel(bucketIdxMenageDemande, id, nur); err != nil {
			return err // a stale index entry goes with its ménage
		}
	}
	old, err := tx.del(kindMenage, id)
	if err != nil {
		return err
	}
	var prev model.Menage
	previous(old, &prev)
	tx.delta.Personnes -= len(prev.Personnes)
	if ref := bailLogement(&prev); ref != "" {
		return tx.idxDel(bucketIdxLogementMenage, ref, id)
	}
	return nil
}

func brokenIndex(tx *Tx, name []byte, parent, child string) error {
	return internal(nil, "L'index « %s » de la base « %s » est incohérent (%s → %s). Lancez la vérification de la base.",
		name, tx.db.name(), clipKey(parent), clipKey(child))
}
