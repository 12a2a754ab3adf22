package screens

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// defilementFiche is the scroll of a formPanel.
func defilementFiche(t *testing.T, p *fyne.Container) *container.Scroll {
	t.Helper()
	for _, o := range p.Objects {
		if sc, ok := o.(*container.Scroll); ok {
			return sc
		}
	}
	t.Fatal("no scroll in the sheet")
	return nil
}

// TestFiche_TitreEtHaut (essai-12 F6, F7): the household's title is one line
// above the buttons at 1366 × 768; a household opened from the list starts
// at the top of its form.
func TestFiche_TitreEtHaut(t *testing.T) {
	m := readyMain(t, 20, 10)
	m.win.Resize(fyne.NewSize(1366, 768))
	s := m.menages()
	s.list.Select(0)
	f := s.fiche
	if h := f.title.MinSize().Height; h > lineHeight() {
		t.Errorf("title %q takes %.0f px (a line is %.0f)", f.title.Text, h, lineHeight())
	}
	d := fyne.CurrentApp().Driver()
	if tp, bp := d.AbsolutePositionForObject(f.title), d.AbsolutePositionForObject(f.form.Save); tp.Y+f.title.Size().Height > bp.Y {
		t.Errorf("title at y %.0f (%.0f px wide) beside the buttons at y %.0f", tp.Y, f.title.Size().Width, bp.Y)
	}
	sc := defilementFiche(t, f.fields)
	sc.ScrollToBottom()
	if sc.Offset.Y == 0 {
		t.Fatal("the form does not scroll")
	}
	s.list.Select(1)
	if s.o.courant() != s.rows[1].ID || sc.Offset.Y != 0 {
		t.Errorf("other household %q: form at %.0f px, want the top", s.o.courant(), sc.Offset.Y)
	}
	sc.ScrollToBottom()
	s.fiche.startNew()
	if sc.Offset.Y != 0 {
		t.Errorf("new household: form at %.0f px", sc.Offset.Y)
	}
}
