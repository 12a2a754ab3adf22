// Command logis is the desktop program of the allocation team: without a
// command it opens the window, with one it does the work headless.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/user"
	"path/filepath"
	"strings"
	"time"

	fyneapp "fyne.io/fyne/v2/app"

	"logis/app"
	"logis/model"
	"logis/screens"
	"logis/storage"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("logis", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	dbPath := fs.String("db", "", "fichier de la base")
	if err := fs.Parse(args); err != nil {
		fmt.Fprint(stderr, usageText())
		return 2
	}
	if *dbPath == "" {
		*dbPath = defaultDBPath()
	}
	rest := fs.Args()
	logger := openLog(*dbPath)
	db, err := storage.Open(*dbPath, storage.Options{User: osUser()})
	if err != nil {
		logger.Error("ouverture de la base", "err", err)
		fmt.Fprintln(stderr, model.ErrorMessage(err))
		return 1
	}
	defer db.Close()
	a := app.New(db)
	a.Log = logger
	if len(rest) == 0 {
		return window(a)
	}
	if err := command(a, rest[0], rest[1:], stdout); err != nil {
		var u usageError
		if errors.As(err, &u) {
			fmt.Fprintln(stderr, string(u))
			fmt.Fprint(stderr, usageText())
			return 2
		}
		if model.ErrorCode(err) == model.EINTERNAL {
			logger.Error(rest[0], "err", err)
		}
		fmt.Fprintln(stderr, model.ErrorMessage(err))
		return 1
	}
	return 0
}

type usageError string

func (u usageError) Error() string { return string(u) }

// writeFile writes through a temporary file renamed at the end, so a failed
// export never leaves half a file.
func writeFile(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".logis-*")
	if err != nil {
		return model.Errorf(model.EINVALID, "Impossible d'écrire dans le dossier de « %s ».", path)
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return model.Errorf(model.EINVALID, "Impossible d'écrire « %s ».", path)
	}
	return nil
}

// window opens the main window and runs until it is closed.
func window(a *app.App) int {
	fa := fyneapp.NewWithID("fr.valdevy.logis")
	fa.Settings().SetTheme(screens.Theme()) // a focus that shows, blue buttons included
	if err := screens.UseFrench(); err != nil {
		a.Log.Error("traductions", "err", err)
	}
	w := fa.NewWindow("Logis")
	screens.NewMain(w, a).RestoreSize() // remembered size, saved on close
	w.ShowAndRun()
	return 0
}

// defaultDBPath is logis.db in the user's data folder (%AppData%\Logis on
// Windows), created on first start.
func defaultDBPath() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		dir = "."
	}
	return filepath.Join(dir, "Logis", "logis.db")
}

// openLog writes the technical log next to the database; it never receives
// applicants' personal data.
func openLog(dbPath string) *slog.Logger {
	_ = os.MkdirAll(filepath.Dir(dbPath), 0o700)
	f, err := os.OpenFile(strings.TrimSuffix(dbPath, filepath.Ext(dbPath))+".log", os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	return slog.New(slog.NewTextHandler(f, nil)).With("pid", os.Getpid(), "debut", time.Now().Format(time.RFC3339))
}

func osUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return "inconnu"
}
