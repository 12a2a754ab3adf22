package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"log"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"logis/app"
	"logis/model"
	// Corrects a locale Fyne cannot parse before Fyne's packages read it.
	_ "logis/langue"
)

// demarrage is where start-up errors go: the console (or stderr) and a copy
// shown in a message box where there is no console to see them (Windows).
var demarrage struct {
	mu      sync.Mutex
	stderr  io.Writer
	copie   bytes.Buffer
	fenetre bool // the window was asked for
}

// demarrer is main's body: it attaches to the console that started the
// program (Windows), runs the command line, and shows in a message box the
// errors nobody would see otherwise: every error when the window was asked
// for, and a command's when there is no console.
func demarrer(args []string) int {
	stdout, stderr, console := consoleParente()
	demarrage.stderr = stderr
	demarrage.fenetre = fenetreDemandee(args)
	code := run(args, stdout, copieErreurs{})
	if code != 0 && (!console || demarrage.fenetre) {
		demarrage.mu.Lock()
		texte := strings.TrimSpace(demarrage.copie.String())
		demarrage.mu.Unlock()
		if texte != "" {
			boiteErreur(texte)
		}
	}
	return code
}

// copieErreurs writes to the start-up stderr and keeps a copy for the box.
type copieErreurs struct{}

func (copieErreurs) Write(p []byte) (int, error) {
	demarrage.mu.Lock()
	defer demarrage.mu.Unlock()
	if demarrage.copie.Len() < 8<<10 {
		demarrage.copie.Write(p)
	}
	if demarrage.stderr == nil {
		return len(p), nil
	}
	return demarrage.stderr.Write(p)
}

// fenetreDemandee tells whether the command line asks for the window (no
// command after the options).
func fenetreDemandee(args []string) bool {
	fs := flag.NewFlagSet("logis", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.String("db", "", "")
	return fs.Parse(args) == nil && fs.NArg() == 0
}

// messageSansOpenGL is said when the graphics system cannot open a window.
const messageSansOpenGL = "La fenêtre de Logis ne peut pas s'ouvrir : ce poste ne fournit pas l'affichage OpenGL (2.1 ou plus) dont elle a besoin. " +
	"C'est le cas d'un bureau à distance, d'une machine virtuelle sans accélération 3D ou d'un pilote graphique trop ancien.\n\n" +
	"Que faire : ouvrir Logis directement sur le poste, activer l'accélération 3D de la machine virtuelle, ou faire installer le pilote du fabricant de la carte graphique. " +
	"La base n'a pas été modifiée ; les commandes (logis verify, logis sauvegarde…) fonctionnent sans fenêtre."

// echecsGraphiques are the reasons Fyne logs when the window cannot be
// created: GLFW not initialised, no OpenGL context, OpenGL functions missing.
// Fyne then keeps running without a window, holding the base's lock.
var echecsGraphiques = []string{"failed to initialise GLFW", "window creation error", "failed to initialise OpenGL"}

// echecGraphique tells whether a line of the toolkit's log reports that the
// window cannot be shown: one of Fyne's reports above, or, while the window
// is starting, a GLFW platform error of the OpenGL layer (WGL on Windows, GLX
// or EGL on Linux) or of the display, which GLFW only logs (its CreateWindow
// then returns no window and no error). Once started, such an error is only
// logged.
func echecGraphique(line string, demarrage bool) bool {
	for _, e := range echecsGraphiques {
		if strings.Contains(line, e) {
			return true
		}
	}
	if !demarrage || !strings.Contains(line, "PlatformError") {
		return false
	}
	for _, e := range []string{"WGL", "GLX", "EGL", "OpenGL", "pixel format", "open display"} {
		if strings.Contains(line, e) {
			return true
		}
	}
	return false
}

// journalFyne receives the lines Fyne writes with the standard log package:
// they go to the technical log, and a graphics failure ends the program once
// Fyne has written its cause (the « At: » line ends each of its reports).
type journalFyne struct {
	log          *slog.Logger
	echec        func()    // called once a graphics failure is seen
	finDemarrage time.Time // GLFW's platform errors are fatal until then
	mu           sync.Mutex
	vu           bool
	once         sync.Once
}

func (j *journalFyne) Write(p []byte) (int, error) {
	line := strings.TrimSpace(string(p))
	j.log.Warn("fyne", "message", line)
	j.mu.Lock()
	if echecGraphique(line, time.Now().Before(j.finDemarrage)) && !j.vu {
		j.vu = true
		go func() { time.Sleep(time.Second); j.once.Do(j.echec) }() // GLFW's lines have no « At: »
	}
	fin := j.vu && strings.HasPrefix(line, "At:")
	j.mu.Unlock()
	if fin {
		j.once.Do(j.echec)
	}
	return len(p), nil
}

// surveillerFenetre makes a window that cannot open end the program within
// seconds: French message (message box on Windows), base closed, exit
// code 1. Call it first in window, deferring what it returns: that recovers
// a panic of the toolkit (GLFW panics when there is no display at all).
func surveillerFenetre(logger *slog.Logger, fermer func()) func() {
	log.SetFlags(0)
	log.SetOutput(&journalFyne{log: logger, echec: func() { quitterSansFenetre(logger, fermer, messageSansOpenGL) },
		finDemarrage: time.Now().Add(30 * time.Second)})
	return func() {
		r := recover()
		if r == nil {
			return
		}
		logger.Error("panique de la fenêtre", "panic", fmt.Sprint(r), "pile", string(debug.Stack()))
		msg := fmt.Sprint(r)
		if strings.Contains(msg, "GLFW") || strings.Contains(msg, "OpenGL") || strings.Contains(msg, "GLX") {
			quitterSansFenetre(logger, fermer, messageSansOpenGL)
		}
		quitterSansFenetre(logger, fermer, messageErreurInterne)
	}
}

// messageErreurInterne is said when the window stops on an unexpected error.
const messageErreurInterne = "Logis s'est arrêté sur une erreur interne. Les données enregistrées avant l'erreur sont conservées dans la base.\n\n" +
	"Que faire : relancer Logis ; si l'erreur revient, transmettre au support le journal technique (fichier .log à côté de la base)."

// quitte makes the first report the only one: the log watcher and the
// panic recovery may both see the same failure.
var quitte sync.Once

// quitterSansFenetre reports why the window cannot go on and leaves, releasing
// the base through fermer (closed when no reader holds it, released by the
// system otherwise). It never returns.
func quitterSansFenetre(logger *slog.Logger, fermer func(), message string) {
	quitte.Do(func() {
		logger.Error("fenêtre impossible", "message", message)
		_, _ = copieErreurs{}.Write([]byte(message + "\n"))
		ferme := make(chan struct{})
		go func() { fermer(); close(ferme) }()
		select {
		case <-ferme:
		case <-time.After(2 * time.Second):
		}
		boiteErreur(message)
		os.Exit(1)
	})
	select {} // another goroutine is reporting and leaving
}

// cheminBase is the base to open: the one given with --db, else the default
// one (on Windows %LocalAppData%\Logis\logis.db, moved there once from
// %AppData%). A base in a folder OneDrive synchronises is warned about.
func cheminBase(choisi string, stderr io.Writer) string {
	chemin := choisi
	if chemin == "" {
		var ancien string
		chemin, ancien = app.CheminBaseParDefaut(runtime.GOOS, os.Getenv)
		moved, err := app.DeplacerAncienneBase(ancien, chemin)
		switch {
		case err != nil:
			avertir(stderr, model.ErrorMessage(err))
			chemin = ancien
		case moved:
			avertir(stderr, fmt.Sprintf("La base de Logis a été déplacée de « %s » vers « %s » : ce dossier local n'est pas recopié à chaque ouverture de session Windows (profils itinérants), ce qui pouvait l'abîmer. Rien d'autre à faire.", ancien, chemin))
		}
	}
	abs, err := filepath.Abs(chemin)
	if err != nil {
		abs = chemin
	}
	if app.DansOneDrive(abs, os.Getenv) {
		avertir(stderr, fmt.Sprintf("Attention : la base « %s » est dans un dossier synchronisé par OneDrive. OneDrive copie le fichier pendant que Logis s'en sert, ce qui peut l'endommager. "+
			"Que faire : fermer Logis, déplacer le fichier hors de OneDrive (par exemple dans le dossier %%LocalAppData%%\\Logis) et l'indiquer avec --db dans le raccourci. Les sauvegardes, elles, peuvent aller dans OneDrive.", abs))
	}
	return chemin
}

// avertir says something the user must know before the program goes on: on
// stderr, and in a message box when the window was asked for (Windows).
func avertir(stderr io.Writer, texte string) {
	fmt.Fprintln(stderr, texte)
	if demarrage.fenetre {
		boiteAvertissement(texte)
	}
}
