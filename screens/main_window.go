// Package screens is the window of Logis: one file per screen, each a struct
// holding its widgets and the use cases it needs; handlers are named onSave,
// onDelete…; long work runs in a goroutine and updates the UI with fyne.Do.
package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"logis/app"
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

// screen is one entry of the navigation.
type screen interface {
	title() string
	content() fyne.CanvasObject
	shown()       // called each time the screen is displayed
	focusSearch() // Ctrl+F
	create()      // Ctrl+N
}

// Main is the main window: navigation on the left, the current screen on
// the right.
type Main struct {
	win     fyne.Window
	app     *app.App
	screens []screen
	nav     *widget.List
	body    *fyne.Container
	current int
}

// NewMain builds the main window's content.
func NewMain(win fyne.Window, a *app.App) *Main {
	m := &Main{win: win, app: a, current: -1}
	m.screens = []screen{
		newTableau(m),
		newPatrimoine(m),
		newMenages(m),
		newOccupation(m),
		newParametres(m),
	}
	m.body = container.NewStack()
	m.nav = widget.NewList(
		func() int { return len(m.screens) },
		func() fyne.CanvasObject { return widget.NewLabel("Examen d'occupation") },
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(m.screens[i].title()) },
	)
	m.nav.OnSelected = func(i widget.ListItemID) { m.show(i) }
	split := container.NewHSplit(m.nav, m.body)
	split.Offset = 0.16
	win.SetTitle("Logis")
	win.SetContent(split)
	m.shortcuts()
	m.nav.Select(0)
	return m
}

// show displays screen i.
func (m *Main) show(i int) {
	if i < 0 || i >= len(m.screens) || i == m.current {
		return
	}
	m.current = i
	s := m.screens[i]
	m.body.Objects = []fyne.CanvasObject{s.content()}
	m.body.Refresh()
	s.shown()
}

// Show displays the screen with the given title (used by links between screens).
func (m *Main) Show(title string) {
	for i, s := range m.screens {
		if s.title() == title {
			m.nav.Select(i)
			return
		}
	}
}

// shortcuts: Ctrl+F searches, Ctrl+N creates in the current screen.
func (m *Main) shortcuts() {
	c := m.win.Canvas()
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) {
		if m.current >= 0 {
			m.screens[m.current].focusSearch()
		}
	})
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) {
		if m.current >= 0 {
			m.screens[m.current].create()
		}
	})
}
