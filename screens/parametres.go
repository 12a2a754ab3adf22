package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Parametres is the « Paramètres » screen (to be built).
type Parametres struct {
	main *Main
	body fyne.CanvasObject
}

func newParametres(m *Main) *Parametres {
	return &Parametres{main: m, body: widget.NewLabel("Paramètres")}
}

func (s *Parametres) title() string              { return "Paramètres" }
func (s *Parametres) content() fyne.CanvasObject { return s.body }
func (s *Parametres) shown()                     {}
func (s *Parametres) focusSearch()               {}
func (s *Parametres) create()                    {}
