package storage

import (
	"bytes"
	"encoding/binary"
	"strings"
	"time"
	"unicode"

	"logis/model"
)

// The journal's entries older than the retention period (Paramètres,
// default three years) are summarised: counts per month and kind of action
// replace them, and the summary keeps the hash of the last entry it
// replaces, so that the chain from the summary to the head stays
// verifiable (checkJournal starts from it).

// keyJournalResume is the journal bucket's key of the summary.
var keyJournalResume = []byte("resume")

// ResumeJournal is what remains of the summarised entries.
type ResumeJournal struct {
	Jusqua uint64    `json:"jusqua"` // number of the last entry summarised
	Hash   string    `json:"hash"`   // SHA-256 of its plain form: the next entry's Prec
	Avant  time.Time `json:"avant"`  // entries before this time are summarised
	// Comptes: month (AAAA-MM) → kind of action → number of entries.
	Comptes map[string]map[string]int `json:"comptes"`
}

// typeAction reduces an action to its kind, without ids nor file names:
// « Suppression du ménage M000012 » → « Suppression du ménage ».
func typeAction(action string) string {
	var kept []string
	for _, w := range strings.Fields(action) {
		if strings.IndexFunc(w, unicode.IsDigit) >= 0 || strings.ContainsAny(w, "./\\") {
			break
		}
		kept = append(kept, w)
		if len(kept) >= 8 {
			break
		}
	}
	s := strings.TrimRight(strings.Join(kept, " "), " :;,(")
	if s == "" {
		s = "Autre"
	}
	return s
}

// readResume reads the summary; nil when the journal was never summarised.
func (tx *Tx) readResume() (*ResumeJournal, error) {
	b, err := tx.bucket(bucketJournal)
	if err != nil {
		return nil, err
	}
	data := b.Get(keyJournalResume)
	if data == nil {
		return nil, nil
	}
	var r ResumeJournal
	if err := tx.decodeAt(bucketJournal, keyJournalResume, data, &r); err != nil {
		return nil, err
	}
	return &r, nil
}

// ResumerJournal summarises the entries dated before avant, in one
// transaction journaled with counts. It returns how many entries were
// summarised (0: nothing older).
func (db *DB) ResumerJournal(avant time.Time) (int, error) {
	n := 0
	err := db.Update("Résumé du journal", func(tx *Tx) error {
		b, err := tx.writable(bucketJournal)
		if err != nil {
			return err
		}
		r, err := tx.readResume()
		if err != nil {
			return internal(err, "Le résumé du journal de la base « %s » est endommagé. Lancez la vérification de la base.", db.name())
		}
		if r == nil {
			r = &ResumeJournal{}
		}
		if r.Comptes == nil {
			r.Comptes = map[string]map[string]int{}
		}
		var keys [][]byte
		c := b.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			if len(k) != 8 {
				continue
			}
			plain, err := tx.unsealAt(bucketJournal, k, v)
			if err != nil {
				return damagedRecord(err, db.name(), bucketJournal, k)
			}
			var e model.Evenement
			if err := unmarshal(plain, &e); err != nil {
				return damagedRecord(err, db.name(), bucketJournal, k)
			}
			if !e.Quand.Before(avant) {
				break
			}
			month := e.Quand.Format("2006-01")
			if r.Comptes[month] == nil {
				r.Comptes[month] = map[string]int{}
			}
			r.Comptes[month][typeAction(e.Action)]++
			r.Jusqua, r.Hash = binary.BigEndian.Uint64(k), entryHash(plain)
			keys = append(keys, bytes.Clone(k))
		}
		if len(keys) == 0 {
			return nil
		}
		for _, k := range keys {
			if err := b.Delete(k); err != nil {
				return internal(err, "Le journal de la base « %s » n'a pas pu être résumé.", db.name())
			}
		}
		r.Avant = avant.Round(0)
		data, err := tx.encodeAt(bucketJournal, keyJournalResume, r)
		if err != nil {
			return err
		}
		if err := b.Put(bytes.Clone(keyJournalResume), data); err != nil {
			return internal(err, "Le journal de la base « %s » n'a pas pu être résumé.", db.name())
		}
		n = len(keys)
		tx.JournalEnNombres("Résumé du journal : " + itoaU(uint64(n)) + " entrée(s) antérieure(s) au " + model.DateOf(avant).String() + " remplacée(s) par leurs nombres par mois et par action")
		tx.structural = true
		return nil
	})
	return n, err
}

// ResumeDuJournal returns the summary of the old entries, nil when none.
func (db *DB) ResumeDuJournal() (*ResumeJournal, error) {
	var r *ResumeJournal
	err := db.View(func(tx *Tx) (err error) {
		r, err = tx.readResume()
		return err
	})
	return r, err
}

func itoaU(n uint64) string { return model.FormatDecimal(float64(n), 0, false) }
