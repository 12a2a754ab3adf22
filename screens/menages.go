package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Menages is the « Ménages et demandes » screen (to be built).
type Menages struct {
	main *Main
	body fyne.CanvasObject
}

func newMenages(m *Main) *Menages {
	return &Menages{main: m, body: widget.NewLabel("Ménages et demandes")}
}

func (s *Menages) title() string              { return "Ménages et demandes" }
func (s *Menages) content() fyne.CanvasObject { return s.body }
func (s *Menages) shown()                     {}
func (s *Menages) focusSearch()               {}
func (s *Menages) create()                    {}
