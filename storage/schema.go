package storage

import (
	"bytes"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"logis/model"
)

// schemaVersion is the format of the database this program writes. Raise it
// and append a migration whenever the layout or the encoding changes.
const schemaVersion = 2

// Buckets.
var (
	bucketMeta        = []byte("meta")        // schema version, counters, ID sequences
	bucketResidences  = []byte("residences")  // code → Residence
	bucketLogements   = []byte("logements")   // reference → Logement
	bucketMenages     = []byte("menages")     // id → Menage
	bucketDemandes    = []byte("demandes")    // NUR → Demande
	bucketParametres  = []byte("parametres")  // "regles", "office"
	bucketReglages    = []byte("reglages")    // small settings by key
	bucketJournal     = []byte("journal")     // big-endian uint64 → Evenement
	bucketCommissions = []byte("commissions") // id → Commission (CALEOL sessions), schema 2

	// Indexes: key = parent + "\x00" + child, empty value.
	bucketIdxResidenceLogement = []byte("idx_residence_logement")
	bucketIdxLogementMenage    = []byte("idx_logement_menage")
	bucketIdxMenageDemande     = []byte("idx_menage_demande")
)

// Keys of the meta bucket.
var (
	keySchema = []byte("schema")
	keyCounts = []byte("compteurs") // Counts, kept by every write
)

// seqKeyPrefix prefixes the per-kind ID sequences in the meta bucket.
const seqKeyPrefix = "seq/"

// migration brings the database from version-1 to version.
type migration struct {
	version int
	label   string
	up      func(tx *bolt.Tx) error
}

// migrations are applied in order, all in one write transaction.
var migrations = []migration{
	{1, "création des compartiments", func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketMeta, bucketResidences, bucketLogements, bucketMenages,
			bucketDemandes, bucketParametres, bucketReglages, bucketJournal,
			bucketIdxResidenceLogement, bucketIdxLogementMenage, bucketIdxMenageDemande} {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		return putMeta(tx, keyCounts, Counts{})
	}},
	{2, "compartiment des commissions (CALEOL)", func(tx *bolt.Tx) error {
		_, err := tx.CreateBucketIfNotExists(bucketCommissions)
		return err
	}},
}

// readSchema returns the version stored in the file: 0 for a new file.
// A file with buckets but no meta bucket is not a Logis database.
func readSchema(tx *bolt.Tx, name string) (int, error) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		other := false
		_ = tx.ForEach(func(k []byte, _ *bolt.Bucket) error { other = true; return nil })
		if other {
			return 0, model.Errorf(model.EINVALID, "Le fichier « %s » n'est pas une base Logis.", name)
		}
		return 0, nil
	}
	var v int
	if err := getMeta(tx, keySchema, &v); err != nil {
		return 0, internal(err, "Le numéro de format de la base « %s » est illisible.", name)
	}
	return v, nil
}

// migrate brings the database to schemaVersion in one write transaction,
// journaled, or refuses a database newer than the program.
func (db *DB) migrate() error {
	name := db.name()
	var from int
	if err := db.bolt.View(func(tx *bolt.Tx) (err error) {
		from, err = readSchema(tx, name)
		return err
	}); err != nil {
		return err
	}
	if from > schemaVersion {
		return model.Errorf(model.EINVALID,
			"La base « %s » a été enregistrée par une version plus récente de Logis (format n° %d ; ce programme lit jusqu'au format n° %d). Installez la dernière version de Logis pour l'ouvrir.",
			name, from, schemaVersion)
	}
	if from == schemaVersion {
		return nil
	}
	action := fmt.Sprintf("Mise à jour du format de la base (n° %d → n° %d)", from, schemaVersion)
	if from == 0 {
		action = "Création de la base"
	}
	err := db.bolt.Update(func(btx *bolt.Tx) error {
		for _, m := range migrations {
			if m.version <= from {
				continue
			}
			if err := m.up(btx); err != nil {
				return fmt.Errorf("migration %d (%s): %w", m.version, m.label, err)
			}
			if err := putMeta(btx, keySchema, m.version); err != nil {
				return err
			}
		}
		tx := db.newTx(btx)
		defer tx.close()
		return tx.appendJournal(action)
	})
	if err != nil {
		return internal(err, "La base « %s » n'a pas pu être mise au format de cette version de Logis.", name)
	}
	return nil
}

func getMeta(tx *bolt.Tx, key []byte, v any) error {
	b := tx.Bucket(bucketMeta)
	if b == nil {
		return fmt.Errorf("bucket %s missing", bucketMeta)
	}
	data := b.Get(key)
	if data == nil {
		return fmt.Errorf("meta key %q missing", key)
	}
	return decode(data, v)
}

func putMeta(tx *bolt.Tx, key []byte, v any) error {
	data, err := encode(v)
	if err != nil {
		return err
	}
	return tx.Bucket(bucketMeta).Put(bytes.Clone(key), data)
}
