package storage

import (
	"logis/model"
)

// Demande returns the application of number nur.
func (tx *Tx) Demande(nur string) (*model.Demande, error) {
	d := new(model.Demande)
	if found, err := tx.get(kindDemande, nur, d); err != nil {
		return nil, err
	} else if !found {
		return nil, model.Errorf(model.ENOTFOUND, "La demande « %s » est introuvable.", clipKey(nur))
	}
	return d, nil
}

// DemandesOfMenage returns the applications of household id, by NUR.
func (tx *Tx) DemandesOfMenage(id string) ([]model.Demande, error) {
	nurs, err := tx.idxChildren(bucketIdxMenageDemande, id, 0)
	if err != nil {
		return nil, err
	}
	out := make([]model.Demande, 0, len(nurs))
	for _, nur := range nurs {
		var d model.Demande
		if found, err := tx.get(kindDemande, nur, &d); err != nil {
			return nil, err
		} else if !found || d.Menage != id {
			return nil, brokenIndex(tx, bucketIdxMenageDemande, id, nur)
		}
		out = append(out, d)
	}
	return out, nil
}

// ForEachDemande calls fn for each application in NUR order. The pointer is
// reused between calls, but each record gets fresh slices, so a shallow copy
// is safe to keep.
func (tx *Tx) ForEachDemande(fn func(*model.Demande) error) error {
	return forEach(tx, kindDemande, fn)
}

// PutDemande creates or updates the application d.NUR and keeps the index
// household → applications, also when the household of a NUR changes.
func (tx *Tx) PutDemande(d *model.Demande) error {
	if d == nil {
		return model.Errorf(model.EINVALID, "Aucune demande à enregistrer.")
	}
	if err := d.Validate(); err != nil {
		return err
	}
	if err := checkKey("Le NUR de la demande", d.NUR); err != nil {
		return err
	}
	if err := checkKey("Le ménage de la demande", d.Menage); err != nil {
		return err
	}
	old, changed, err := tx.put(kindDemande, d.NUR, d)
	if err != nil || !changed {
		return err
	}
	var prev model.Demande
	previous(old, &prev)
	return tx.idxMove(bucketIdxMenageDemande, prev.Menage, d.Menage, d.NUR)
}

// DeleteDemande deletes the application nur.
func (tx *Tx) DeleteDemande(nur string) error {
	old, err := tx.del(kindDemande, nur)
	if err != nil {
		return err
	} else if old == nil {
		return model.Errorf(model.ENOTFOUND, "La demande « %s » est introuvable.", clipKey(nur))
	}
	var prev model.Demande
	previous(old, &prev)
	if prev.Menage != "" {
		return tx.idxDel(bucketIdxMenageDemande, prev.Menage, nur)
	}
	return nil
}
