package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Occupation is the « Examen d'occupation » screen (to be built).
type Occupation struct {
	main *Main
	body fyne.CanvasObject
}

func newOccupation(m *Main) *Occupation {
	return &Occupation{main: m, body: widget.NewLabel("Examen d'occupation")}
}

func (s *Occupation) title() string              { return "Examen d'occupation" }
func (s *Occupation) content() fyne.CanvasObject { return s.body }
func (s *Occupation) shown()                     {}
func (s *Occupation) focusSearch()               {}
func (s *Occupation) create()                    {}
