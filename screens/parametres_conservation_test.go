package screens

import (
	"strings"
	"testing"

	"logis/model"
	"logis/storage"
)

// TestConservation_ListerPuisPurger: the list is shown first (nothing
// written), then the purge is confirmed and reported in counts.
func TestConservation_ListerPuisPurger(t *testing.T) {
	m := readyMain(t, 20, 10)
	// One household without lease, struck off four years ago.
	var id string
	err := m.app.DB.Update("test : radiation", func(tx *storage.Tx) error {
		return tx.ForEachDemande(func(d *model.Demande) error {
			if id == "" {
				id = d.Menage
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	err = m.app.DB.Update("test : radiation", func(tx *storage.Tx) error {
		mm, err := tx.Menage(id)
		if err != nil {
			return err
		}
		mm.Bail = nil
		if err := tx.PutMenage(mm); err != nil {
			return err
		}
		ds, err := tx.DemandesOfMenage(id)
		if err != nil {
			return err
		}
		for _, d := range ds {
			d.Active, d.DateRadiation = false, m.app.Today().AddYears(-4)
			if err := tx.PutDemande(&d); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	c := &conservationTab{shell: m, app: m.app}
	c.content()
	c.lister()
	if !strings.Contains(c.liste.Text, id+" — dernière radiation") || c.purger.Disabled() {
		t.Fatalf("liste %q", c.liste.Text)
	}
	if _, err := m.app.OpenMenage(id); err != nil {
		t.Fatal("la liste a effacé")
	}
	c.confirmer()
	tapButton(t, m.win.Canvas().Overlays().Top(), "Purger")
	if !strings.Contains(c.status.Text, "Purge faite") {
		t.Fatalf("statut %q", c.status.Text)
	}
	if _, err := m.app.OpenMenage(id); err == nil {
		t.Error("ménage toujours là")
	}
}
