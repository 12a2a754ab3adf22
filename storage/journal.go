package storage

import (
	"encoding/binary"

	"logis/model"
)

// Journal operations.
const (
	opCreation     = "création"
	opModification = "modification"
	opSuppression  = "suppression"
)

// maxJournalChanges is the number of changes listed one by one in a journal
// entry; beyond it only the totals per type and operation are kept.
const maxJournalChanges = 500

// changeLog collects the changes of one Update, bounded in memory.
type changeLog struct {
	list   []model.Changement
	totals map[string]int
	n      int
}

func (c *changeLog) add(typ, key, op string, champs []string) {
	c.n++
	if c.totals == nil {
		c.totals = map[string]int{}
	}
	c.totals[typ+" "+op]++
	if c.n > maxJournalChanges {
		c.list = nil
		return
	}
	c.list = append(c.list, model.Changement{Type: typ, Cle: key, Op: op, Champs: champs})
}

// appendJournal writes the entry of the current write transaction. It holds
// keys and field names, never values.
func (tx *Tx) appendJournal(action string) error {
	b, err := tx.writable(bucketJournal)
	if err != nil {
		return err
	}
	seq, err := b.NextSequence()
	if err != nil {
		return internal(err, "Le journal de la base n'a pas pu être complété.")
	}
	if action == "" {
		action = "Modification"
	}
	e := model.Evenement{
		Seq:         seq,
		Quand:       tx.db.now().Round(0),
		Utilisateur: tx.db.user,
		Action:      action,
	}
	if tx.changes.n > maxJournalChanges {
		e.Totaux = tx.changes.totals
	} else {
		e.Changements = tx.changes.list
	}
	key := seqKey(seq)
	data, err := encode(bucketJournal, key, &e)
	if err != nil {
		return internal(err, "Le journal de la base n'a pas pu être complété.")
	}
	if err := b.Put(key, data); err != nil {
		return internal(err, "Le journal de la base n'a pas pu être complété.")
	}
	return nil
}

func seqKey(seq uint64) []byte {
	k := make([]byte, 8)
	binary.BigEndian.PutUint64(k, seq)
	return k
}

// Journal returns the last limit entries, newest first (all when limit <= 0).
func (db *DB) Journal(limit int) ([]model.Evenement, error) {
	var out []model.Evenement
	err := db.View(func(tx *Tx) error {
		b, err := tx.bucket(bucketJournal)
		if err != nil {
			return err
		}
		c := b.Cursor()
		for k, v := c.Last(); k != nil; k, v = c.Prev() {
			var e model.Evenement
			if err := decode(bucketJournal, k, v, &e); err != nil {
				return damagedRecord(err, db.name(), bucketJournal, k)
			}
			if len(k) == 8 {
				e.Seq = binary.BigEndian.Uint64(k)
			}
			out = append(out, e)
			if limit > 0 && len(out) >= limit {
				break
			}
		}
		return nil
	})
	return out, err
}
