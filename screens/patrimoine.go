package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Patrimoine is the « Patrimoine » screen (to be built).
type Patrimoine struct {
	main *Main
	body fyne.CanvasObject
}

func newPatrimoine(m *Main) *Patrimoine {
	return &Patrimoine{main: m, body: widget.NewLabel("Patrimoine")}
}

func (s *Patrimoine) title() string              { return "Patrimoine" }
func (s *Patrimoine) content() fyne.CanvasObject { return s.body }
func (s *Patrimoine) shown()                     {}
func (s *Patrimoine) focusSearch()               {}
func (s *Patrimoine) create()                    {}
