package screens

// The status line's confirmations (issue 12, item 12): after a save, a
// short French sentence with the time, followed by the counts read again.

import (
	"fmt"
	"time"
)

// confirmer shows msg (« Ménage M000123 enregistré ») in the status line,
// with the time, and the current counts of the search index beside it.
func (m *Main) confirmer(msg string) {
	m.status.SetText(fmt.Sprintf("%s à %s.", msg, time.Now().Format("15:04")))
	m.majComptes()
}

// majComptes writes the search index's counts, right of the status line
// (« 1 200 logements, 23 résidences, 2 000 ménages »); nothing while the
// index is not built.
func (m *Main) majComptes() {
	if cat := m.app.Catalogue(); cat.Ready() {
		l, r, n := cat.Sizes()
		m.comptes.SetText(fmt.Sprintf("%s logements, %s résidences, %s ménages", nombre(l), nombre(r), nombre(n)))
	}
}

// enregistrer (Ctrl+S) saves the household sheet shown.
func (s *Menages) enregistrer() { tapIfEnabled(s.fiche.form.Save) }

// enregistrer (Ctrl+S) saves the dwelling or residence sheet being edited.
func (s *Patrimoine) enregistrer() {
	tapIfEnabled(s.form.form.Save)
	tapIfEnabled(s.rform.form.Save)
}

// enregistrer (Ctrl+S) saves the form of the session holding changes.
func (s *Commissions) enregistrer() {
	if f := s.seance.dirtyForm(); f != nil {
		tapIfEnabled(f.Save)
	}
}
