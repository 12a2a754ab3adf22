package storage

import (
	"fmt"

	"logis/model"
)

// kindCommission: CALEOL sessions, keyed by their ID (« C2026-001 »). They
// are few (a few dozen a year), so no counter and no index.
var kindCommission = kind{typ: "commission", bucket: bucketCommissions}

// Commission returns the session id.
func (tx *Tx) Commission(id string) (*model.Commission, error) {
	c := new(model.Commission)
	if found, err := tx.get(kindCommission, id, c); err != nil {
		return nil, err
	} else if !found {
		return nil, model.Errorf(model.ENOTFOUND, "La commission « %s » est introuvable.", clipKey(id))
	}
	return c, nil
}

// ForEachCommission calls fn for each session in ID order (so by year, then
// by number). The pointer is reused between calls, but each record gets
// fresh slices, so a shallow copy (c := *s) is safe to keep.
func (tx *Tx) ForEachCommission(fn func(*model.Commission) error) error {
	return forEach(tx, kindCommission, fn)
}

// PutCommission creates or updates the session c.ID. The caller enforces
// the workflow (a closed session changes only through an amendment).
func (tx *Tx) PutCommission(c *model.Commission) error {
	if c == nil {
		return model.Errorf(model.EINVALID, "Aucune commission à enregistrer.")
	}
	if err := c.Validate(); err != nil {
		return err
	}
	if err := checkKey("L'identifiant de la commission", c.ID); err != nil {
		return err
	}
	_, _, err := tx.put(kindCommission, c.ID, c)
	return err
}

// DeleteCommission deletes a session in preparation; a closed session is
// part of the record and cannot be deleted (ECONFLICT).
func (tx *Tx) DeleteCommission(id string) error {
	c, err := tx.Commission(id)
	if err != nil {
		return err
	}
	if c.Statut == model.Close {
		return model.Errorf(model.ECONFLICT, "La commission « %s » est close : elle ne peut plus être supprimée (une correction passe par un amendement).", clipKey(id))
	}
	_, err = tx.del(kindCommission, id)
	return err
}

// NextCommissionID returns the next session identifier of a year,
// « C2026-001 », from a per-year sequence kept in the meta bucket; IDs
// already taken (restored backups) are skipped.
func (tx *Tx) NextCommissionID(year int) (string, error) {
	meta, err := tx.writable(bucketMeta)
	if err != nil {
		return "", err
	}
	if year < 1900 || year > 9999 {
		return "", model.Errorf(model.EINVALID, "L'année %d n'est pas valable pour une commission.", year)
	}
	key := []byte(fmt.Sprintf("%scommission/%04d", seqKeyPrefix, year))
	return tx.nextInSequence(meta, key, bucketCommissions, func(n uint64) string { return fmt.Sprintf("C%04d-%03d", year, n) },
		fmt.Sprintf("La séquence des commissions %d n'a pas pu être enregistrée.", year))
}
