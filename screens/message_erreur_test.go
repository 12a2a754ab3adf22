package screens

import (
	"strings"
	"testing"
)

// A damaged base gives long messages (what is wrong, then how to restore):
// neither the dashboard's message nor the status line may make the window
// wider than a laptop's screen (1366 pixels), which hid the end of the
// message and the « Verrouiller » button.
func TestMessageLong_NeElargitPasLaFenetre(t *testing.T) {
	m := newTestMain(t, 0, 0)
	long := "La base « logis.db » est endommagée (fichier tronqué ou abîmé : copie interrompue, synchronisation incomplète, secteur défectueux). " +
		strings.Repeat("Restaurez une sauvegarde (logis restaurer SAUVEGARDE, ou « Restaurer une sauvegarde… » dans Paramètres). ", 3)
	m.status.SetText("L'index de recherche n'a pas pu être chargé : " + long)
	s := m.screens[0].(*Tableau)
	s.setBody(messageErreur("Les chiffres n'ont pas pu être calculés : " + long))
	if w := m.root.MinSize().Width; w > 1366 {
		t.Errorf("window's minimum width %.0f px > 1366 px with a long message", w)
	}
	if got := strings.Join(texts(s.body), ""); !strings.Contains(got, "Restaurez une sauvegarde") {
		t.Errorf("the whole message must stay readable on the dashboard: %q", got)
	}
}
