// Package app holds the use cases shared by the window and the command line:
// import, occupancy review, demo data, verification and backup. No Fyne here.
package app

import (
	"io"
	"log/slog"
	"time"

	"logis/model"
	"logis/storage"
)

// App gives the screens and the command line the office's use cases.
type App struct {
	DB  *storage.DB
	Now func() time.Time
	Log *slog.Logger // technical log: never personal data

	// Chemin is the base file when DB is nil: the commands that replace
	// the file without opening it (restaurer).
	Chemin string

	// Caches, each fed by the base's change feed (storage.DB.Generation and
	// ChangesSince): the search index of the screens (catalogue.go), the
	// active applications of the candidate lists (candidats_pool.go) and
	// the dashboard's figures (tableau.go).
	cat           catalogueHolder
	candidatsPool poolHolder
	memo          tableauMemo
}

// New returns the use cases over an open database.
func New(db *storage.DB) *App {
	return &App{DB: db, Now: time.Now, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
}

// Today is the calendar date of the injected clock.
func (a *App) Today() model.Date { return model.DateOf(a.Now()) }

// Regles returns the office's rule tables.
func (a *App) Regles() (*model.Regles, error) {
	var r *model.Regles
	err := a.DB.View(func(tx *storage.Tx) (err error) { r, err = tx.Regles(); return err })
	return r, err
}

// Progress reports the advance of long work: done out of total.
type Progress func(done, total int)

func (p Progress) report(done, total int) {
	if p != nil {
		p(done, total)
	}
}
