package app_test

import (
	"strings"
	"testing"

	"logis/app"
	"logis/storage"
)

func TestApp_MarquerAPresenter(t *testing.T) {
	a := MustOpenApp(t)
	if _, err := a.Demo(app.DemoOptions{Menages: 30, Logements: 20}, nil); err != nil {
		t.Fatal(err)
	}
	ids := []string{"M000001", "M000002", "M000001"}
	t.Run("OK", func(t *testing.T) {
		n, err := a.MarquerAPresenter(ids, true)
		if err != nil || n != 2 {
			t.Fatalf("n = %d, err = %v; want 2 households marked", n, err)
		}
		for _, id := range ids[:2] {
			var marked bool
			if err := a.DB.View(func(tx *storage.Tx) error {
				m, err := tx.Menage(id)
				marked = err == nil && m.APresenter
				return err
			}); err != nil || !marked {
				t.Errorf("%s not marked (err %v)", id, err)
			}
		}
		j, err := a.DB.Journal(1)
		if err != nil || len(j) != 1 || !strings.Contains(j[0].Action, "à présenter en commission") || len(j[0].Changements) != 2 {
			t.Errorf("journal = %+v, %v", j, err)
		}
		if err := a.BuildCatalogue(nil); err != nil {
			t.Fatal(err)
		}
		if r := a.Catalogue().Menage("M000002"); r == nil || !r.APresenter {
			t.Errorf("catalogue row = %+v", r)
		}
		if n, err := a.MarquerAPresenter(ids, true); err != nil || n != 0 {
			t.Errorf("marking again changed %d (err %v)", n, err)
		}
		if n, err := a.MarquerAPresenter(ids[:1], false); err != nil || n != 1 {
			t.Errorf("unmarking changed %d (err %v)", n, err)
		}
		if r := a.Catalogue().Menage("M000001"); r == nil || r.APresenter {
			t.Errorf("catalogue not updated on unmarking: %+v", r)
		}
	})
	t.Run("ErrNotFound writes nothing", func(t *testing.T) {
		before, _ := a.DB.Journal(0)
		if _, err := a.MarquerAPresenter([]string{"M000003", "INCONNU"}, true); err == nil {
			t.Fatal("unknown household accepted")
		}
		after, _ := a.DB.Journal(0)
		if len(after) != len(before) {
			t.Errorf("journal grew from %d to %d", len(before), len(after))
		}
		var marked bool
		_ = a.DB.View(func(tx *storage.Tx) error {
			m, err := tx.Menage("M000003")
			marked = err == nil && m.APresenter
			return err
		})
		if marked {
			t.Error("half the marking was written")
		}
	})
}
