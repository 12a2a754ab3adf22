package screens

// Narrow services (issue 12, architecture). A screen does not reach through
// Main: it receives
//   - the app's use cases it calls, as an interface declared in its own file
//     (e.g. `type patrimoineApp interface{ Logement(id string) (*model.Logement, error); … }`),
//     which *app.App satisfies;
//   - what it needs of the window, the coque below, which Main implements.
// Background work goes through enFond (one pattern: counted by the
// screen's WaitGroup, result handed to the UI goroutine, failure logged
// without personal data and said in French).

import (
	"log/slog"
	"sync"

	"fyne.io/fyne/v2"

	"logis/model"
)

// coque is what a screen needs of the main window.
type coque interface {
	// fenetre is the parent of the screen's dialogs.
	fenetre() fyne.Window
	// confirmer says a finished save in the status line, with the time and
	// the current counts (« Séance C2026-03 close à 10:42. »).
	confirmer(msg string)
	// ouvrirMenage shows household id in the Ménages screen.
	ouvrirMenage(id string)
	// rafraichirIndex rebuilds the search index in the background when
	// records were written since it was built.
	rafraichirIndex()
	// journal is the technical log: never personal data.
	journal() *slog.Logger
	// montrer shows the screen titled titre (« Examen d'occupation »),
	// once the current one lets go of unsaved changes.
	montrer(titre string)
	// ouvrirExamen shows the occupancy review on a situation (a code of
	// occFiltres: « toutes », « a_presenter », a situation code).
	ouvrirExamen(code string)
	// attendreIndex blocks until the search index is built and the
	// dashboard's figures are loaded (tests, captures).
	attendreIndex()
}

func (m *Main) fenetre() fyne.Window   { return m.win }
func (m *Main) ouvrirMenage(id string) { m.openMenage(id) }
func (m *Main) rafraichirIndex()       { m.refreshIndex() }
func (m *Main) journal() *slog.Logger  { return m.app.Log }
func (m *Main) montrer(titre string)   { m.Show(titre) }
func (m *Main) attendreIndex()         { m.waitCatalogue() }
func (m *Main) ouvrirExamen(code string) {
	for _, sc := range m.screens {
		if o, ok := sc.(*Occupation); ok {
			o.ouvrirSituations(code)
			return
		}
	}
}

var _ coque = (*Main)(nil)

// enFond runs work off the UI goroutine, then done on it with work's
// result. bg (the screen's, waited for by tests, captures and closing)
// counts the job until done has returned. When work fails, the error is
// logged under quoi (no personal data: model errors carry none) and done
// receives it to say it in French, with model.ErrorMessage.
func enFond[T any](bg *sync.WaitGroup, log *slog.Logger, quoi string, work func() (T, error), done func(T, error)) {
	enFondVia(fyne.Do, bg, log, quoi, work, done)
}

// enFondVia is enFond handing done to the UI goroutine through versUI
// (fyne.Do; a test passes its own to see what is handed over).
func enFondVia[T any](versUI func(func()), bg *sync.WaitGroup, log *slog.Logger, quoi string, work func() (T, error), done func(T, error)) {
	bg.Add(1)
	go func() {
		v, err := work()
		if err != nil && log != nil {
			log.Error(quoi, "err", err)
		}
		versUI(func() {
			defer bg.Done()
			done(v, err)
		})
	}()
}

// echec is the French sentence of a failed background job:
// « L'examen n'a pas pu être fait : … ».
func echec(quoi string, err error) string {
	return quoi + " : " + model.ErrorMessage(err)
}
