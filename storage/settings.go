package storage

import (
	"fmt"
	"strings"

	bolt "go.etcd.io/bbolt"

	"logis/model"
)

// Keys of the parametres bucket.
const (
	keyRegles = "regles"
	keyOffice = "office"
)

// Regles returns the office's rule tables, or the defaults when none stored.
func (tx *Tx) Regles() (*model.Regles, error) {
	r := new(model.Regles)
	if found, err := tx.get(kindRegles, keyRegles, r); err != nil {
		return nil, err
	} else if !found {
		return model.DefaultRegles(), nil
	}
	r.CompleterOfficiels() // official tables shipped since the database was made
	return r, nil
}

// PutRegles stores the rule tables.
func (tx *Tx) PutRegles(r *model.Regles) error {
	if r == nil {
		return model.Errorf(model.EINVALID, "Aucun paramètre à enregistrer.")
	}
	if err := r.Validate(); err != nil {
		return err
	}
	_, _, err := tx.put(kindRegles, keyRegles, r)
	return err
}

// Office returns the identity printed on documents, or the default one.
func (tx *Tx) Office() (*model.Office, error) {
	o := new(model.Office)
	if found, err := tx.get(kindOffice, keyOffice, o); err != nil {
		return nil, err
	} else if !found {
		return model.DefaultOffice(), nil
	}
	return o, nil
}

// PutOffice stores the identity printed on documents.
func (tx *Tx) PutOffice(o *model.Office) error {
	if o == nil {
		return model.Errorf(model.EINVALID, "Aucune identité de l'Office à enregistrer.")
	}
	if err := o.Validate(); err != nil {
		return err
	}
	_, _, err := tx.put(kindOffice, keyOffice, o)
	return err
}

// Setting decodes the small setting key into v (a pointer); false when the
// setting was never stored (v is then untouched).
func (tx *Tx) Setting(key string, v any) (bool, error) {
	if err := checkKey("Le nom du réglage", key); err != nil {
		return false, err
	}
	return tx.get(kindReglage, key, v)
}

// PutSetting stores v as the setting key.
func (tx *Tx) PutSetting(key string, v any) error {
	if err := checkKey("Le nom du réglage", key); err != nil {
		return err
	}
	_, _, err := tx.put(kindReglage, key, v)
	return err
}

// idKinds are the kinds whose IDs are also keys of a bucket: NextID skips
// IDs already taken there (imported records, restored backups).
var idKinds = map[string]struct {
	prefix string
	bucket []byte
}{
	"menage":    {"M", bucketMenages},
	"logement":  {"L", bucketLogements},
	"residence": {"R", bucketResidences},
}

// NextID returns a new identifier for kind from a per-kind sequence:
// NextID("menage") → "M000123". Other kinds use their first letter in
// capitals as prefix.
func (tx *Tx) NextID(kind string) (string, error) {
	meta, err := tx.writable(bucketMeta)
	if err != nil {
		return "", err
	}
	if kind == "" || len(kind) > 40 || strings.Trim(kind, "abcdefghijklmnopqrstuvwxyz_") != "" {
		return "", internal(fmt.Errorf("storage: bad id kind %q", kind),
			"Erreur interne de Logis : type d'identifiant « %s » inconnu.", clipKey(kind))
	}
	k, ok := idKinds[kind]
	if !ok {
		k.prefix = strings.ToUpper(kind[:1])
	}
	key := []byte(seqKeyPrefix + kind)
	return tx.nextInSequence(meta, key, k.bucket, func(n uint64) string { return fmt.Sprintf("%s%06d", k.prefix, n) },
		fmt.Sprintf("La séquence des identifiants « %s » n'a pas pu être enregistrée.", kind))
}

// nextInSequence reads the counter at key of the meta bucket, gives the
// first identifier format(n) after it that bucket does not hold (every
// one when bucket is nil), and stores the new counter. Errors: EDAMAGED
// when the counter cannot be read, EINTERNAL (with the French message
// fail) when it cannot be written.
func (tx *Tx) nextInSequence(meta *bolt.Bucket, key, bucket []byte, format func(uint64) string, fail string) (string, error) {
	var n uint64
	if data := meta.Get(key); data != nil {
		if err := decode(bucketMeta, key, data, &n); err != nil {
			return "", damagedRecord(err, tx.db.name(), bucketMeta, key)
		}
	}
	var id string
	for {
		n++
		id = format(n)
		if bucket == nil {
			break
		}
		if taken, err := tx.rawGet(bucket, id); err != nil {
			return "", err
		} else if taken == nil {
			break
		}
	}
	data, err := encode(bucketMeta, key, n)
	if err != nil {
		return "", internal(err, "%s", fail)
	}
	if err := meta.Put(key, data); err != nil {
		return "", internal(err, "%s", fail)
	}
	return id, nil
}
