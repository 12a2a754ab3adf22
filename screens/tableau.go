package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Tableau is the « Tableau de bord » screen (to be built).
type Tableau struct {
	main *Main
	body fyne.CanvasObject
}

func newTableau(m *Main) *Tableau {
	return &Tableau{main: m, body: widget.NewLabel("Tableau de bord")}
}

func (s *Tableau) title() string              { return "Tableau de bord" }
func (s *Tableau) content() fyne.CanvasObject { return s.body }
func (s *Tableau) shown()                     {}
func (s *Tableau) focusSearch()               {}
func (s *Tableau) create()                    {}
