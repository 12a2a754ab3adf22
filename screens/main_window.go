// Package screens is the window of Logis: one file per screen, each a struct
// holding its widgets and the use cases it needs; handlers are named onSave,
// onDelete…; long work runs through enFond (services.go), which hands its
// result to the UI goroutine.
package screens

import (
	"fmt"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
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

// screen is one entry of the navigation.
type screen interface {
	title() string
	content() fyne.CanvasObject
	shown()       // called each time the screen is displayed
	focusSearch() // Ctrl+F
	create()      // Ctrl+N
}

// guarded is a screen that may hold unsaved changes: it runs then() once
// they are saved or dropped, cancel() when the user stays.
type guarded interface {
	confirmLeave(then, cancel func())
}

// catalogueUser is a screen that lists the catalogue: told when it is built.
type catalogueUser interface {
	catalogueReady()
}

// Main is the main window: navigation on the left, the current screen on
// the right, a status line at the bottom.
type Main struct {
	win     fyne.Window
	app     *app.App
	screens []screen
	nav     *liste
	body    *fyne.Container
	current int

	navSplit *container.Split // navigation | screen; Ctrl+B folds the navigation

	status      *widget.Label
	comptes     *widget.Label // the counts of the search index, right of the status line: never cut
	progress    *widget.ProgressBar
	progressBox *fyne.Container // the bar and its room, hidden with it
	catDone     chan struct{}   // closed once the catalogue is built (or failed)
	catOnce     sync.Once
	building    bool // a (re)build of the catalogue is under way; UI goroutine only
	builds      sync.WaitGroup

	// Session (connexion.go): who is signed in, lock, idle lock.
	root     fyne.CanvasObject
	who      *widget.Label
	idle     time.Duration
	touched  int64 // UnixNano of the last use; UI goroutine only
	stopIdle func()
	// principale rebuilds the main window for another account after a lock.
	principale func(*app.App) *Main
	notes      []string // what the sign-in screen said (base, demo / demo), shown again when locked
}

// NewMain builds the main window's content.
func NewMain(win fyne.Window, a *app.App) *Main {
	m := &Main{win: win, app: a, current: -1, catDone: make(chan struct{})}
	m.status = widget.NewLabel("Chargement de l'index de recherche…")
	m.status.Truncation = fyne.TextTruncateEllipsis // a long message never pushes the account and lock button off screen
	m.comptes = widget.NewLabel("")
	m.progress = widget.NewProgressBar()
	m.progress.TextFormatter = func() string { return fmt.Sprintf("%.0f %%", m.progress.Value*100) }
	// The bar's room goes to the status line when nothing loads: a
	// confirmation and its counts are whole on a 1366-pixel screen.
	m.progressBox = container.NewGridWrap(fyne.NewSize(220, m.progress.MinSize().Height), m.progress)
	loadOfficeCommunes(a)
	m.screens = []screen{
		newTableau(m, a),
		newPatrimoine(m, a),
		newMenages(m, a),
		newOccupation(m, a),
		newCommissions(m, a),
		newParametres(m, a),
	}
	m.body = container.NewStack()
	m.nav = newListe(
		func() int { return len(m.screens) },
		func() fyne.CanvasObject { return widget.NewLabel(titreLePlusLong(m.screens)) }, // the navigation is never cut
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(m.screens[i].title()) },
	)
	m.nav.OnSelected = func(i widget.ListItemID) { m.touch(); m.navigate(i) }
	split := container.NewHSplit(m.nav, m.body)
	split.Offset = 0.13 // about its titles' width on a 1366-pixel screen: the rest to the screen
	m.navSplit = split
	// The counts apart from the message: a long confirmation ends in « … »,
	// the counts stay whole (essai-12 F14).
	bar := container.NewBorder(nil, nil, nil, container.NewHBox(m.progressBox, m.comptes, m.sessionBar()), m.status)
	win.SetTitle("Logis")
	m.stopIdle = func() {}
	m.root = container.NewBorder(nil, bar, nil, nil, split)
	win.SetContent(m.root)
	m.shortcuts()
	win.SetCloseIntercept(m.onClose)
	m.nav.Select(0)
	win.Canvas().Focus(m.nav) // after sign-in the keyboard is in the navigation (essai-12 F2)
	m.building = true
	m.buildCatalogue()
	return m
}

// refreshIndex rebuilds the catalogue in the background when records were
// written by other screens (imports, households marked for the
// commission…); the lists keep the current index meanwhile.
func (m *Main) refreshIndex() {
	if m.building || !m.app.CatalogueStale() {
		return
	}
	m.building = true
	m.status.SetText("Mise à jour de l'index de recherche…")
	m.progress.SetValue(0)
	m.progressBox.Show()
	m.buildCatalogue()
}

// buildCatalogue fills the search index in the background (counted by
// m.builds); the screens that list it are told when it is ready.
func (m *Main) buildCatalogue() {
	enFond(&m.builds, m.app.Log, "index de recherche",
		func() (struct{}, error) {
			err := m.app.BuildCatalogue(func(done, total int) {
				if total > 0 {
					v := float64(done) / float64(total)
					fyne.Do(func() { m.progress.SetValue(v) })
				}
			})
			// The build's temporaries (every record decoded once) are garbage now:
			// give their memory back to the system rather than keep it as the
			// window's resident size.
			debug.FreeOSMemory()
			return struct{}{}, err
		},
		func(_ struct{}, err error) {
			m.building = false
			if err != nil {
				m.status.SetText(echec("L'index de recherche n'a pas pu être chargé", err))
			} else {
				if strings.HasPrefix(m.status.Text, "Chargement de l'index") || strings.HasPrefix(m.status.Text, "Mise à jour de l'index") {
					m.status.SetText("")
				}
				m.majComptes()
			}
			m.progressBox.Hide() // done either way: a bar left at « 0 % » would say it is still loading
			for _, s := range m.screens {
				if c, ok := s.(catalogueUser); ok {
					c.catalogueReady()
				}
			}
			m.catOnce.Do(func() { close(m.catDone) })
		})
}

// waitCatalogue blocks until the catalogue is built (tests, captures).
func (m *Main) waitCatalogue() {
	<-m.catDone
	m.builds.Wait()
	// The dashboard's figures load in the background too: under Fyne's
	// test driver their display runs on that goroutine, so a test must not
	// drive the window meanwhile.
	for _, s := range m.screens {
		if t, ok := s.(*Tableau); ok {
			t.bg.Wait()
		}
	}
}

// attendreTout blocks until the catalogue is built and no screen has a
// background job left (tests: a job outliving its test would hand its
// result to the next test's app).
func (m *Main) attendreTout() {
	m.waitCatalogue()
	for _, s := range m.screens {
		if i, ok := s.(idler); ok {
			i.waitIdle()
		}
	}
}

// nombre writes an integer with French thousands separators.
func nombre(n int) string { return model.FormatDecimal(float64(n), 0, true) }

// navigate shows screen i once the current one lets go (unsaved changes).
func (m *Main) navigate(i int) {
	if i == m.current {
		return
	}
	if m.current >= 0 {
		if g, ok := m.screens[m.current].(guarded); ok {
			cur := m.current
			g.confirmLeave(func() { m.show(i) }, func() { m.nav.Select(cur) })
			return
		}
	}
	m.show(i)
}

// onClose remembers the window's size, after asking about unsaved changes.
func (m *Main) onClose() {
	closeNow := func() {
		sz := m.win.Canvas().Size()
		if err := m.app.SaveWindowSize(sz.Width, sz.Height); err != nil {
			m.app.Log.Error("taille de la fenêtre", "err", err)
		}
		m.autoBackup()
		m.win.Close()
	}
	if m.current >= 0 {
		if g, ok := m.screens[m.current].(guarded); ok {
			g.confirmLeave(closeNow, func() {})
			return
		}
	}
	closeNow()
}

// RestoreSize gives the window its remembered size, or a default one, capped
// to the screen (a size saved on a bigger monitor; 1920 × 1080 at 150 % is
// 1280 × 720 units less the taskbar).
func (m *Main) RestoreSize() {
	size := tailleParDefaut
	if w, h, ok := m.app.WindowSize(); ok {
		size = fyne.NewSize(w, h)
	}
	m.win.Resize(size)
	m.capToScreen(size)
}

// show displays screen i.
func (m *Main) show(i int) {
	if i < 0 || i >= len(m.screens) || i == m.current {
		return
	}
	m.current = i
	m.refreshIndex() // records written elsewhere (an import…) reach every screen, the commission included
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

// shortcuts: Ctrl+F searches, Ctrl+N creates in the current screen, Échap
// closes the top dialog.
func (m *Main) shortcuts() {
	c := m.win.Canvas()
	c.SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyEscape {
			closeOnEscape(c)
		} else if isEntree(k) {
			onEntree(c)
		}
	})
	m.keyboard()
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
