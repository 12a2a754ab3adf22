// Package screens is the window of Logis: one file per screen, each a struct
// holding its widgets and the use cases it needs.
package screens

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"logis/app"
	"logis/model"
	"logis/resources"
)

// fyneLocales are the languages Fyne ships translations for; Logis registers
// its French wording under each, so the toolkit's dialogs are in French
// whatever the system language.
var fyneLocales = []fyne.Locale{"en", "cs", "de", "el", "es", "fr", "pl", "pt", "pt-BR", "ru", "sv", "ta", "uk", "zh-Hans"}

// UseFrench makes Fyne's own buttons and dialogs speak French.
func UseFrench() error {
	for _, l := range fyneLocales {
		if err := lang.AddTranslationsForLocale(resources.FyneFrench, l); err != nil {
			return err
		}
	}
	return nil
}

// Main is the main window: title « Logis » and what the database holds.
type Main struct {
	win    fyne.Window
	app    *app.App
	counts *widget.Label
}

// NewMain builds the main window's content.
func NewMain(win fyne.Window, a *app.App) *Main {
	m := &Main{win: win, app: a, counts: widget.NewLabel("")}
	title := widget.NewLabelWithStyle("Logis", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	win.SetTitle("Logis")
	win.SetContent(container.NewVBox(title, widget.NewLabel("Base : "+a.DB.Path()), m.counts))
	m.Refresh()
	return m
}

// Refresh reads the counts again.
func (m *Main) Refresh() {
	c, err := m.app.DB.Counts()
	if err != nil {
		m.counts.SetText(model.ErrorMessage(err))
		return
	}
	m.counts.SetText(fmt.Sprintf("%d résidences, %d logements, %d ménages (%d personnes), %d demandes",
		c.Residences, c.Logements, c.Menages, c.Personnes, c.Demandes))
}
