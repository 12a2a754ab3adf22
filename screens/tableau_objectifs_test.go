package screens

import (
	"fmt"
	"strings"
	"testing"
)

// TestTableau_ObjectifsEnCours: the dashboard shows the year's four
// objectives running and the projection with the session in preparation.
func TestTableau_ObjectifsEnCours(t *testing.T) {
	m := newTestMain(t, 400, 200)
	s := m.screens[0].(*Tableau)
	s.waitIdle()
	seanceDuJour(t, m, commissionsScreen(t, m)) // a session in preparation, one dwelling
	s.load()
	s.waitIdle()
	o, err := m.app.ObjectifsEnCours()
	if err != nil || s.obj == nil {
		t.Fatalf("objectives not loaded: %v", err)
	}
	all := strings.Join(texts(s.body), "\n")
	wants := []string{fmt.Sprintf("Objectifs %d en cours (séances closes)", o.Annee), "Désignations de ménages DALO ou prioritaires", "Attributions aux mutations internes"}
	d := o.Actuels[0]
	wants = append(wants, fmt.Sprintf("%d sur %d", d.Numerateur, d.Denominateur), tauxTexte(d))
	if len(o.EnPreparation) > 0 {
		wants = append(wants, "Si la séance en préparation ("+o.EnPreparation[0])
	} else {
		t.Error("no session in preparation counted")
	}
	for _, want := range wants {
		if !strings.Contains(all, want) {
			t.Errorf("dashboard lacks %q", want)
		}
	}
}
