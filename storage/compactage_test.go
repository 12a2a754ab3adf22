package storage_test

import (
	"bytes"
	"os"
	"testing"

	"logis/model"
	"logis/storage"
)

// TestDB_Compacter: after a deletion, the sealed value of the household may
// stay in bbolt's free pages; once the compaction asked by DemanderCompactage
// is done (here at the next opening), no byte of it remains in the file,
// and the base opens and checks clean.
func TestDB_Compacter(t *testing.T) {
	db := MustOpenDB(t)
	path := db.Path()
	m := &model.Menage{ID: "M-X", Personnes: []model.Personne{{Lien: model.Titulaire, Nom: "Quastrelli", Prenom: "Zélie", DateNaissance: model.NewDate(1980, 1, 1)}}}
	if err := db.Update("test", func(tx *storage.Tx) error { return tx.PutMenage(m) }); err != nil {
		t.Fatal(err)
	}
	sealed := storage.RawMenage(db, "M-X")
	if len(sealed) < 32 {
		t.Fatalf("valeur scellée %d octets", len(sealed))
	}
	if err := db.Update("effacement", func(tx *storage.Tx) error {
		if err := tx.DeleteMenage("M-X"); err != nil {
			return err
		}
		return tx.DemanderCompactage()
	}); err != nil {
		t.Fatal(err)
	}
	if !db.CompactageDu() {
		t.Fatal("compactage non noté")
	}
	file, _ := os.ReadFile(path)
	t.Logf("avant compactage, valeur scellée présente dans le fichier : %v", bytes.Contains(file, sealed[len(sealed)-32:]))
	db.Close()
	db2 := MustOpenDBAt(t, path) // compacts at opening
	if db2.CompactageDu() {
		t.Fatal("compactage toujours dû après l'ouverture")
	}
	file, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(file, sealed[len(sealed)-32:]) {
		t.Error("la valeur scellée du ménage supprimé reste dans le fichier")
	}
	if bytes.Contains(file, []byte("Quastrelli")) {
		t.Error("le nom en clair dans le fichier")
	}
}
