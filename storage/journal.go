package storage

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"

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

// appendJournal writes the entry of the current write transaction, in the
// name of the signed-in account. It holds keys and field names, never
// values.
func (tx *Tx) appendJournal(action string) error {
	if action == "" {
		action = "Modification"
	}
	e := model.Evenement{
		Quand:       tx.db.now().Round(0),
		Utilisateur: tx.sess.compte.Nom,
		Action:      action,
	}
	if tx.nombres != "" {
		e.Action = tx.nombres
	}
	if tx.changes.n > maxJournalChanges || tx.nombres != "" {
		e.Totaux = tx.changes.totals
	} else {
		e.Changements = tx.changes.list
	}
	e.SansEcriture = tx.changes.n == 0 && !tx.structural
	return tx.appendEntry(e)
}

// JournalEnNombres makes the journal entry of the current write
// transaction hold counts per type and operation only, never a key, under
// action (a purge: the households it erased are named nowhere).
func (tx *Tx) JournalEnNombres(action string) { tx.nombres = action }

// The journal is a chain: each entry holds the SHA-256 of the previous
// entry's plain form (Prec), and the head (keyJournalHead, sealed like the
// entries) holds the number and hash of the last one. Entries are sealed
// with the data key and bound to their number, so without the key an
// entry can be neither forged nor moved; the chain and the head make a
// removed or replaced entry visible to verify (checkJournal).

// keyJournalHead is the journal bucket's key of the chain head (entries
// have 8-byte keys).
var keyJournalHead = []byte("tete")

type journalHead struct {
	Seq  uint64 `json:"seq"`
	Hash string `json:"hash"`
}

func entryHash(plain []byte) string {
	h := sha256.Sum256(plain)
	return hex.EncodeToString(h[:])
}

// appendEntry numbers e, chains it to the previous entry and stores it.
func (tx *Tx) appendEntry(e model.Evenement) error {
	b, err := tx.writable(bucketJournal)
	if err != nil {
		return err
	}
	fail := func(err error) error { return internal(err, "Le journal de la base n'a pas pu être complété.") }
	var head journalHead
	if data := b.Get(keyJournalHead); data != nil {
		if err := tx.decodeAt(bucketJournal, keyJournalHead, data, &head); err != nil {
			return internal(err, "La tête du journal de la base « %s » est endommagée. Lancez la vérification de la base.", tx.db.name())
		}
	}
	seq, err := b.NextSequence()
	if err != nil {
		return fail(err)
	}
	e.Seq = seq
	e.Prec = head.Hash
	plain, err := marshal(&e)
	if err != nil {
		return fail(err)
	}
	data, err := tx.sealAt(bucketJournal, seqKey(seq), plain)
	if err != nil {
		return fail(err)
	}
	if err := b.Put(seqKey(seq), data); err != nil {
		return fail(err)
	}
	head = journalHead{Seq: seq, Hash: entryHash(plain)}
	if data, err = tx.encodeAt(bucketJournal, keyJournalHead, &head); err != nil {
		return fail(err)
	}
	if err := b.Put(bytes.Clone(keyJournalHead), data); err != nil {
		return fail(err)
	}
	return nil
}

// checkJournal follows the chain from the first entry to the head and
// reports every break: an entry unreadable (altered), missing (a gap in the
// numbers), or not matching its successor's hash (replaced), and a head
// that is not the last entry (entries removed at the end).
func (tx *Tx) checkJournal(p *problems) error {
	b, err := tx.bucket(bucketJournal)
	if err != nil {
		return err
	}
	var head journalHead
	hasHead := false
	if data := b.Get(keyJournalHead); data != nil {
		if err := tx.decodeAt(bucketJournal, keyJournalHead, data, &head); err != nil {
			p.addf("Journal : la tête du journal est endommagée ou modifiée.")
		} else {
			hasHead = true
		}
	}
	var prevSeq uint64
	prevHash := ""
	chained := false // the first entry read with a hash starts the chain
	// A summary of old entries (journal_resume.go) is where the chain
	// starts: the first entry must follow it.
	if r, err := tx.readResume(); err != nil {
		p.addf("Journal : le résumé des anciennes entrées est endommagé ou modifié.")
	} else if r != nil {
		prevSeq, prevHash, chained = r.Jusqua, r.Hash, true
	}
	c := b.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if len(k) != 8 {
			continue
		}
		seq := binary.BigEndian.Uint64(k)
		if seq != prevSeq+1 && (chained || prevSeq > 0) {
			p.addf("Journal : les entrées n° %d à %d ont été supprimées.", prevSeq+1, seq-1)
		}
		plain, err := tx.unsealAt(bucketJournal, k, v)
		var e model.Evenement
		if err == nil {
			err = unmarshal(plain, &e)
		}
		if err != nil {
			p.addf("Journal : l'entrée n° %d a été modifiée ou est endommagée.", seq)
			prevSeq, prevHash, chained = seq, "", false
			continue
		}
		switch {
		case chained && e.Prec != prevHash:
			p.addf("Journal : le chaînage est rompu avant l'entrée n° %d (entrée précédente modifiée ou remplacée).", seq)
		case prevSeq == 0 && e.Prec != "" && seq > 1:
			// The first entry kept starts the chain (Prec empty, also after
			// the encryption of a clear base): one that points to a
			// predecessor means the first entries were removed.
			p.addf("Journal : les entrées n° 1 à %d ont été supprimées.", seq-1)
		case prevSeq == 0 && e.Prec != "":
			p.addf("Journal : le chaînage est rompu avant l'entrée n° %d (entrée précédente modifiée ou remplacée).", seq)
		}
		prevSeq, prevHash, chained = seq, entryHash(plain), true
	}
	if hasHead && (head.Seq != prevSeq || (chained && head.Hash != prevHash)) {
		if head.Seq > prevSeq {
			p.addf("Journal : les dernières entrées (jusqu'au n° %d) ont été supprimées.", head.Seq)
		} else {
			p.addf("Journal : la dernière entrée (n° %d) ne correspond pas à la tête du journal.", prevSeq)
		}
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
			if len(k) != 8 {
				continue // the chain head
			}
			var e model.Evenement
			if err := tx.decodeAt(bucketJournal, k, v, &e); err != nil {
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
