package storage

import (
	"bytes"
	"encoding/json"
	"fmt"

	"logis/model"
)

// maxProblems bounds the report of Check.
const maxProblems = 1000

// Check verifies the file structure (walkFile, then bbolt's own check) and
// the integrity of every value and the consistency
// of the data: keys match records, indexes point to records and cover them,
// leases point to existing dwellings, the persons counter is right. It
// returns one French line per problem, none when all is well.
func (db *DB) Check() ([]string, error) {
	var p problems
	err := db.View(func(tx *Tx) error {
		// The pages this transaction reads stay as they are until it ends.
		if structure := walkFile(db.path, maxProblems); len(structure) > 0 {
			for _, line := range structure {
				p.addf("%s", line)
			}
		} else {
			for err := range tx.btx.Check() {
				p.addf("Structure du fichier endommagée : %v.", err)
			}
		}
		if err := tx.checkDataGuarded(&p); err != nil {
			return err
		}
		return tx.checkJournal(&p)
	})
	if err != nil {
		return nil, err
	}
	return p.lines(), nil
}

type problems struct {
	list  []string
	extra int
}

func (p *problems) addf(format string, args ...any) {
	if len(p.list) >= maxProblems {
		p.extra++
		return
	}
	p.list = append(p.list, fmt.Sprintf(format, args...))
}

// addRecord reports a record that failed its integrity check or cannot be
// decoded, by bucket and key only.
func (p *problems) addRecord(bucket, key []byte, err error) {
	if isDamaged(err) {
		p.addf("La fiche « %s » du compartiment « %s » est endommagée (contrôle d'intégrité en échec).", recordName(bucket, key), bucket)
		return
	}
	p.addf("La fiche « %s » du compartiment « %s » est illisible.", recordName(bucket, key), bucket)
}

func (p *problems) lines() []string {
	if p.extra > 0 {
		return append(p.list, fmt.Sprintf("… et %d autres problèmes.", p.extra))
	}
	return p.list
}

// checkDataGuarded runs checkData; a damaged page that makes bbolt panic
// ends the data check with a problem line instead of an error, so the lines
// found so far are kept.
func (tx *Tx) checkDataGuarded(p *problems) (err error) {
	defer func() {
		if r := recover(); r != nil {
			p.addf("La lecture des fiches s'est arrêtée sur une page endommagée du fichier : les fiches suivantes n'ont pas été contrôlées.")
			tx.iterating = 0
			err = nil
		}
	}()
	return tx.checkData(p)
}

func (tx *Tx) checkData(p *problems) error {
	var version int
	if err := getMeta(tx.btx, keySchema, &version); err != nil || version != schemaVersion {
		p.addf("Le numéro de format de la base est %d au lieu de %d.", version, schemaVersion)
	}

	// Values outside the records: intact and readable (the journal is
	// checked with its chain, checkJournal).
	for _, name := range [][]byte{bucketMeta, bucketParametres, bucketReglages} {
		if err := checkSealed(tx, p, name); err != nil {
			return err
		}
	}

	// Records: decode each, keep the links the indexes must reflect.
	residences := map[string]bool{}
	logements := map[string]string{} // reference → residence
	menages := map[string]string{}   // id → dwelling rented
	demandes := map[string]string{}  // NUR → ménage
	personnes := 0

	if err := checkRecords(tx, kindResidence, p, func(key string, r *model.Residence, ok bool) {
		residences[key] = true
		if ok && r.Code != key {
			p.addf("La résidence « %s » est enregistrée sous le code « %s ».", r.Code, key)
		}
	}); err != nil {
		return err
	}
	if err := checkRecords(tx, kindLogement, p, func(key string, l *model.Logement, ok bool) {
		logements[key] = l.Residence
		if ok && l.Reference != key {
			p.addf("Le logement « %s » est enregistré sous la référence « %s ».", l.Reference, key)
		}
	}); err != nil {
		return err
	}
	if err := checkRecords(tx, kindMenage, p, func(key string, m *model.Menage, ok bool) {
		menages[key] = bailLogement(m)
		personnes += len(m.Personnes)
		if ok && m.ID != key {
			p.addf("Le ménage « %s » est enregistré sous l'identifiant « %s ».", m.ID, key)
		}
		if ref := bailLogement(m); ref != "" {
			if _, ok := logements[ref]; !ok {
				p.addf("Le ménage « %s » a un bail sur le logement « %s », absent de la base.", key, ref)
			}
		}
	}); err != nil {
		return err
	}
	if err := checkRecords(tx, kindDemande, p, func(key string, d *model.Demande, ok bool) {
		demandes[key] = d.Menage
		if ok && d.NUR != key {
			p.addf("La demande « %s » est enregistrée sous le NUR « %s ».", d.NUR, key)
		}
		if _, ok := menages[d.Menage]; !ok {
			p.addf("La demande « %s » appartient au ménage « %s », absent de la base.", key, d.Menage)
		}
	}); err != nil {
		return err
	}

	// Sessions: readable, and pointing to dwellings, households and
	// applications that exist (a closed session is a legal record).
	if err := checkRecords(tx, kindCommission, p, func(key string, c *model.Commission, ok bool) {
		if !ok {
			return
		}
		if c.ID != key {
			p.addf("La commission « %s » est enregistrée sous l'identifiant « %s ».", c.ID, key)
		}
		for _, d := range c.Logements {
			if _, found := logements[d.Logement]; !found {
				p.addf("La commission « %s » examine le logement « %s », absent de la base.", key, d.Logement)
			}
			for _, cand := range d.Candidats {
				if _, found := demandes[cand.NUR]; !found {
					p.addf("La commission « %s » présente la demande « %s », absente de la base.", key, cand.NUR)
				}
			}
		}
		for _, o := range c.Occupation {
			if _, found := menages[o.Menage]; !found {
				p.addf("La commission « %s » examine l'occupation du ménage « %s », absent de la base.", key, o.Menage)
			}
		}
	}); err != nil {
		return err
	}

	// Indexes: each entry matches a record, each record has its entry.
	if err := checkIndex(tx, p, bucketIdxResidenceLogement, "des logements par résidence", logements); err != nil {
		return err
	}
	if err := checkIndex(tx, p, bucketIdxLogementMenage, "des occupants par logement", menages); err != nil {
		return err
	}
	if err := checkIndex(tx, p, bucketIdxMenageDemande, "des demandes par ménage", demandes); err != nil {
		return err
	}

	var stored Counts
	if err := getMeta(tx.btx, keyCounts, &stored); err != nil {
		p.addf("Les compteurs de la base sont illisibles.")
	} else {
		real := Counts{Residences: len(residences), Logements: len(logements), Menages: len(menages),
			Personnes: personnes, Demandes: len(demandes)}
		for _, c := range []struct {
			label      string
			stored, is int
		}{
			{"résidences", stored.Residences, real.Residences},
			{"logements", stored.Logements, real.Logements},
			{"ménages", stored.Menages, real.Menages},
			{"personnes", stored.Personnes, real.Personnes},
			{"demandes", stored.Demandes, real.Demandes},
		} {
			if c.stored != c.is {
				p.addf("Le compteur de %s indique %d alors que la base en contient %d.", c.label, c.stored, c.is)
			}
		}
	}
	return nil
}

// checkRecords decodes every record of k, reporting unreadable ones (they
// are still counted, with zero values).
func checkRecords[T any](tx *Tx, k kind, p *problems, fn func(key string, v *T, ok bool)) error {
	return scan(tx, k, func(key []byte, v *T, err error) error {
		if err != nil {
			p.addRecord(k.bucket, key, err)
		}
		fn(string(key), v, err == nil)
		return nil
	})
}

// checkIndex compares an index with parents, a map child → parent ("" for
// none) built from the records.
func checkIndex(tx *Tx, p *problems, name []byte, label string, parents map[string]string) error {
	b, err := tx.bucket(name)
	if err != nil {
		return err
	}
	seen := 0
	err = b.ForEach(func(k, _ []byte) error {
		parent, child, ok := splitIdxKey(k)
		if !ok {
			p.addf("L'index %s contient une clé invalide.", label)
			return nil
		}
		want, exists := parents[child]
		switch {
		case !exists:
			p.addf("L'index %s mentionne « %s » sous « %s », mais cette fiche n'existe pas.", label, child, parent)
		case want != parent:
			p.addf("L'index %s range « %s » sous « %s » au lieu de « %s ».", label, child, parent, want)
		default:
			seen++
		}
		return nil
	})
	if err != nil {
		return err
	}
	expected := 0
	for _, parent := range parents {
		if parent != "" {
			expected++
		}
	}
	if seen != expected {
		for child, parent := range parents {
			if parent != "" && b.Get(idxKey(parent, child)) == nil {
				p.addf("L'index %s ne mentionne pas « %s » sous « %s ».", label, child, parent)
			}
		}
	}
	return nil
}

// checkSealed checks the envelope of every value of bucket name and that
// its payload is JSON.
func checkSealed(tx *Tx, p *problems, name []byte) error {
	if err := tx.flushBucket(name); err != nil {
		return err
	}
	b, err := tx.bucket(name)
	if err != nil {
		return err
	}
	c := b.Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		if v == nil {
			continue // nested bucket
		}
		var plain []byte
		if bytes.Equal(name, bucketMeta) {
			plain, err = unseal(name, k, v)
		} else {
			plain, err = tx.unsealAt(name, k, v)
		}
		if err == nil && !json.Valid(plain) {
			err = fmt.Errorf("storage: payload is not JSON")
		}
		if err != nil {
			p.addRecord(name, k, err)
		}
	}
	return nil
}
