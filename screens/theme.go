package screens

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// focusAmber is the focus colour: amber, drawn over a widget's background
// (a blue button included, where Fyne's own blue focus cannot be seen).
var focusAmber = color.NRGBA{R: 0xff, G: 0xb3, B: 0x00, A: 0x99}

// logisTheme is Fyne's default theme with a focus that shows on every
// widget (issue 12, item 11).
type logisTheme struct{ fyne.Theme }

// Theme is the window's theme.
func Theme() fyne.Theme { return logisTheme{theme.DefaultTheme()} }

func (t logisTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == theme.ColorNameFocus {
		return focusAmber
	}
	return t.Theme.Color(n, v)
}
