package storage_test

import (
	"testing"

	"logis/model"
	"logis/storage"
)

func TestDB_PutRegles(t *testing.T) {
	t.Run("Default", func(t *testing.T) {
		db := MustOpenDB(t)
		_ = db.View(func(tx *storage.Tx) error {
			r, err := tx.Regles()
			if err != nil || !equalJSON(t, r, model.DefaultRegles()) {
				t.Fatalf("%+v %v", r, err)
			}
			return nil
		})
	})

	t.Run("OK", func(t *testing.T) {
		db := MustOpenDB(t)
		r := model.DefaultRegles()
		r.TauxEffortMax = 0.33
		r.PremierQuart[2026] = model.Euros(11000)
		delete(r.Zones, model.CommuneKey("Cachan"))
		MustUpdate(t, db, "Paramètres", func(tx *storage.Tx) error { return tx.PutRegles(r) })
		db = MustReopenDB(t, db)
		_ = db.View(func(tx *storage.Tx) error {
			got, err := tx.Regles()
			if err != nil || !equalJSON(t, got, r) {
				t.Fatalf("%+v %v", got, err)
			}
			return nil
		})
		j := MustLastWrites(t, db, 1)
		if ch := j[0].Changements; len(ch) != 1 || ch[0].Type != "parametres" || ch[0].Op != "création" {
			t.Fatalf("journal = %+v", ch)
		}
	})

	t.Run("ErrInvalid", func(t *testing.T) {
		db := MustOpenDB(t)
		r := model.DefaultRegles()
		r.TauxEffortMax = 2
		err := db.Update("Paramètres", func(tx *storage.Tx) error { return tx.PutRegles(r) })
		if model.ErrorCode(err) != model.EINVALID {
			t.Fatalf("err = %v", err)
		}
	})
}

func TestDB_PutOffice(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		db := MustOpenDB(t)
		_ = db.View(func(tx *storage.Tx) error {
			o, err := tx.Office()
			if err != nil || o.Nom != model.DefaultOffice().Nom {
				t.Fatalf("%+v %v", o, err)
			}
			return nil
		})
		o := model.DefaultOffice()
		o.Nom = "OPH Val-de-Bièvre"
		o.Logo = []byte{0x89, 'P', 'N', 'G'}
		MustUpdate(t, db, "Identité", func(tx *storage.Tx) error { return tx.PutOffice(o) })
		_ = db.View(func(tx *storage.Tx) error {
			got, err := tx.Office()
			if err != nil || !equalJSON(t, got, o) {
				t.Fatalf("%+v %v", got, err)
			}
			return nil
		})
		j := MustLastWrites(t, db, 1)
		if ch := j[0].Changements; len(ch) != 1 || ch[0].Type != "office" {
			t.Fatalf("journal = %+v", ch)
		}
	})
	t.Run("ErrInvalid", func(t *testing.T) {
		db := MustOpenDB(t)
		err := db.Update("Identité", func(tx *storage.Tx) error { return tx.PutOffice(&model.Office{}) })
		if model.ErrorCode(err) != model.EINVALID {
			t.Fatalf("err = %v", err)
		}
	})
}

func TestDB_PutSetting(t *testing.T) {
	type fenetre struct {
		Largeur, Hauteur int
		Dernier          string
	}
	db := MustOpenDB(t)
	_ = db.View(func(tx *storage.Tx) error {
		var f fenetre
		if ok, err := tx.Setting("fenetre", &f); ok || err != nil {
			t.Fatalf("absent setting: %v %v", ok, err)
		}
		return nil
	})
	MustUpdate(t, db, "Réglages", func(tx *storage.Tx) error {
		if err := tx.PutSetting("fenetre", fenetre{1280, 800, "L1"}); err != nil {
			return err
		}
		return tx.PutSetting("dossier_export", "/home/agent/Documents")
	})
	MustUpdate(t, db, "Réglages", func(tx *storage.Tx) error { return tx.PutSetting("fenetre", fenetre{1280, 900, "L1"}) })
	db = MustReopenDB(t, db)
	_ = db.View(func(tx *storage.Tx) error {
		var f fenetre
		var dir string
		if ok, err := tx.Setting("fenetre", &f); !ok || err != nil || f != (fenetre{1280, 900, "L1"}) {
			t.Fatalf("fenetre: %v %v %+v", ok, err, f)
		}
		if ok, err := tx.Setting("dossier_export", &dir); !ok || err != nil || dir != "/home/agent/Documents" {
			t.Fatalf("dossier: %v %v %q", ok, err, dir)
		}
		return nil
	})
	j := MustLastWrites(t, db, 1)
	if ch := j[0].Changements; len(ch) != 1 || ch[0].Type != "reglage" || ch[0].Op != "modification" || len(ch[0].Champs) != 1 || ch[0].Champs[0] != "Hauteur" {
		t.Fatalf("journal = %+v", ch)
	}
}

func TestDB_NextID(t *testing.T) {
	db := MustOpenDB(t)
	MustUpdate(t, db, "Import", func(tx *storage.Tx) error {
		// Imported households already hold the next numbers.
		for _, id := range []string{"M000002", "M000003"} {
			if err := tx.PutMenage(newMenage(id, "", 1)); err != nil {
				return err
			}
		}
		return nil
	})
	var got []string
	MustUpdate(t, db, "Nouveaux", func(tx *storage.Tx) error {
		for _, kind := range []string{"menage", "menage", "menage", "commission", "logement"} {
			id, err := tx.NextID(kind)
			if err != nil {
				return err
			}
			got = append(got, id)
		}
		return nil
	})
	want := []string{"M000001", "M000004", "M000005", "C000001", "L000001"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("ids = %v, want %v", got, want)
		}
	}
	db = MustReopenDB(t, db)
	MustUpdate(t, db, "Nouveau", func(tx *storage.Tx) error {
		id, err := tx.NextID("menage")
		if id != "M000006" {
			t.Errorf("after reopen: %q", id)
		}
		return err
	})
	err := db.Update("Nouveau", func(tx *storage.Tx) error { _, err := tx.NextID("Ménage!"); return err })
	if model.ErrorCode(err) != model.EINTERNAL {
		t.Fatalf("bad kind: %v", err)
	}
}
