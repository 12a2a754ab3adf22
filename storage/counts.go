package storage

// Counts is the number of objects of each kind.
type Counts struct {
	Residences int `json:"residences"`
	Logements  int `json:"logements"`
	Menages    int `json:"menages"`
	Personnes  int `json:"personnes"` // members of all households
	Demandes   int `json:"demandes"`
}

func (c Counts) add(d Counts) Counts {
	return Counts{c.Residences + d.Residences, c.Logements + d.Logements, c.Menages + d.Menages,
		c.Personnes + d.Personnes, c.Demandes + d.Demandes}
}

// Counts returns the number of objects, including this transaction's own
// changes. The counters are stored and kept by every write (Check compares
// them with the buckets): no record is read.
func (tx *Tx) Counts() (Counts, error) {
	if tx.btx == nil {
		return Counts{}, errTxClosed
	}
	var c Counts
	if err := getMeta(tx.btx, keyCounts, &c); isDamaged(err) {
		return Counts{}, damagedRecord(err, tx.db.name(), bucketMeta, keyCounts)
	} else if err != nil {
		return Counts{}, internal(err, "Les compteurs de la base « %s » sont illisibles. Lancez la vérification de la base.", tx.db.name())
	}
	return c.add(tx.delta), nil
}
