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
	"path/filepath"
	"strings"
	"time"

	fyneapp "fyne.io/fyne/v2/app"

	"logis/app"
	"logis/model"
	"logis/screens"
	"logis/storage"
)

func main() { os.Exit(demarrer(os.Args[1:])) }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("logis", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	dbPath := fs.String("db", "", "fichier de la base")
	if err := fs.Parse(args); err != nil {
		fmt.Fprint(stderr, usageText())
		return 2
	}
	*dbPath = cheminBase(*dbPath, stderr) // default %LocalAppData%\Logis; OneDrive warned
	rest := fs.Args()
	if len(rest) == 0 {
		// A damaged base, or one open in another window, is said at once,
		// before a password is asked (a message box on Windows).
		if err := storage.CheckBeforeSignIn(*dbPath); err != nil {
			fmt.Fprintln(stderr, model.ErrorMessage(err))
			return 1
		}
		return window(*dbPath, openLog(*dbPath, fileExists(*dbPath)))
	}
	c, ok := findCommande(rest[0])
	if !ok {
		fmt.Fprintf(stderr, "Commande inconnue « %s ».\n", rest[0])
		fmt.Fprint(stderr, usageText())
		return 2
	}
	var a *app.App
	var err error
	if sansBase[c.nom] {
		// The base is replaced, not opened: the command signs in on the
		// file it puts in place (restaurer).
		a = app.New(nil)
		a.Chemin = *dbPath
	} else {
		a, err = signIn(*dbPath, c, rest[1:], stdout, stderr)
		if err != nil {
			// No log file is created for a base that could not be opened.
			if model.ErrorCode(err) == model.EINTERNAL {
				openLog(*dbPath, false).Error("ouverture de la base", "err", err)
			}
			fmt.Fprintln(stderr, messageOuverture(c.nom, err))
			return 1
		}
		defer a.DB.Close()
		err = a.Peut(c.action)
	}
	logger := openLog(*dbPath, !lectureSeule[c.nom])
	a.Log = logger
	if err == nil {
		err = c.run(a, rest[1:], stdout)
	}
	if err == nil && c.action == model.ActionExporter { // documents are journaled by the app

		err = a.Journaliser(exportLabel(c.nom, rest[1:]))
	}
	if err != nil {
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
// export never leaves half a file; readable by its owner only
// (app.EcrireFichier).
func writeFile(path string, write func(io.Writer) error) error {
	return app.EcrireFichier(path, write)
}

// window opens the sign-in screen, then the main window, and runs until
// it is closed.
func window(dbPath string, logger *slog.Logger) int {
	fa := fyneapp.NewWithID("fr.valdevy.logis")
	fa.Settings().SetTheme(screens.Theme()) // a focus that shows, blue buttons included
	if err := screens.UseFrench(); err != nil {
		logger.Error("traductions", "err", err)
	}
	var opened *app.App
	fermer := func() {
		if opened != nil {
			_ = opened.DB.Close()
		}
	}
	defer fermer()
	defer surveillerFenetre(logger, fermer)() // no OpenGL: French message and exit, not a hang
	w := fa.NewWindow("Logis")
	screens.ShowConnexion(w, screens.Connexion{
		Base: filepath.Base(dbPath),
		Demo: isDemoBase(dbPath),
		Nouvelle: func() bool {
			_, err := os.Stat(dbPath)
			return errors.Is(err, os.ErrNotExist)
		}(),
		Ouvrir: func(nom, mdp string) (*app.App, string, error) {
			db, err := storage.Open(dbPath, storage.Options{User: nom, Password: mdp})
			if err != nil {
				if model.ErrorCode(err) == model.EINTERNAL {
					logger.Error("ouverture de la base", "err", err)
				}
				return nil, "", err
			}
			a := app.New(db)
			a.Log = logger
			opened = a
			return a, creationNotice(db), nil
		},
		Principale: func(a *app.App) *screens.Main { return screens.NewMain(w, a) },
	})
	w.ShowAndRun()
	return 0
}

// isDemoBase tells whether the base is the demo one (its file name starts
// with « demo »): the sign-in screen then says demo / demo.
func isDemoBase(dbPath string) bool {
	return strings.HasPrefix(strings.ToLower(filepath.Base(dbPath)), "demo")
}

// openLog writes the technical log next to the database; it never receives
// applicants' personal data. The file is created only when create is true
// (once the base is open for writing); otherwise an existing log is used.
func openLog(dbPath string, create bool) *slog.Logger {
	flags := os.O_APPEND | os.O_WRONLY
	if create {
		flags |= os.O_CREATE
	}
	f, err := os.OpenFile(strings.TrimSuffix(dbPath, filepath.Ext(dbPath))+".log", flags, 0o600)
	if err != nil {
		return slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	return slog.New(slog.NewTextHandler(f, nil)).With("pid", os.Getpid(), "debut", time.Now().Format(time.RFC3339))
}

// fileExists tells whether path names an existing file.
func fileExists(path string) bool {
	st, err := os.Stat(path)
	return err == nil && !st.IsDir()
}
