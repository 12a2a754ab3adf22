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

const usage = `Utilisation : logis [--db FICHIER] [commande]

  (sans commande)                        ouvre la fenêtre
  demo [--menages N] [--logements M]     remplit une base vide de données fictives
  import logements|menages|personnes|demandes FICHIER.csv
  occupation [--date AAAA-MM-JJ] [--out FICHIER.csv]
                                         examen de l'occupation de tous les ménages logés
  verify                                 contrôle d'intégrité, puis les effectifs
  sauvegarde --out FICHIER               sauvegarde à chaud de la base
  pv ID --out FICHIER.pdf                procès-verbal de la séance ID (projet si elle n'est pas close)
  courriers ID --out DOSSIER [--date AAAA-MM-JJ] [--notification AAAA-MM-JJ]
                                         courriers de la séance close ID : un PDF à imprimer et un par courrier
                                         (datés du jour ; le délai de réponse court de la notification)
  captures --out DOSSIER                 une image PNG de chaque écran, sans affichage
  candidats REFERENCE [--date AAAA-MM-JJ] [--tous] [--out FICHIER.csv]
                                         candidats proposés pour un logement, classés et expliqués
  commissions                            liste des séances : id;date (AAAA-MM-JJ);type;statut
`

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("logis", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	dbPath := fs.String("db", "", "fichier de la base")
	if err := fs.Parse(args); err != nil {
		fmt.Fprint(stderr, usage)
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
			fmt.Fprint(stderr, usage)
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

// command runs one headless command.
func command(a *app.App, name string, args []string, out io.Writer) error {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	switch name {
	case "demo":
		men := fs.Int("menages", 2000, "")
		log := fs.Int("logements", 1200, "")
		if err := fs.Parse(args); err != nil {
			return usageError("demo : option inconnue")
		}
		rep, err := a.Demo(app.DemoOptions{Menages: *men, Logements: *log}, nil)
		if err == nil {
			fmt.Fprintln(out, rep)
		}
		return err
	case "import":
		if len(args) != 2 {
			return usageError("import : indiquez le type (logements, menages, personnes, demandes) et le fichier")
		}
		f, err := os.Open(args[1])
		if err != nil {
			return model.Errorf(model.EINVALID, "Le fichier « %s » ne peut pas être ouvert.", args[1])
		}
		defer f.Close()
		rep, err := a.Import(args[0], args[1], f, nil)
		if err == nil {
			fmt.Fprintln(out, rep)
		}
		return err
	case "occupation":
		date := fs.String("date", "", "")
		outPath := fs.String("out", "", "")
		if err := fs.Parse(args); err != nil {
			return usageError("occupation : option inconnue")
		}
		at := a.Today()
		if *date != "" {
			d, err := model.ParseDate(*date)
			if err != nil || d.IsZero() {
				return model.Errorf(model.EINVALID, "--date : « %s » n'est pas une date (AAAA-MM-JJ).", *date)
			}
			at = d
		}
		rv, err := a.RevueOccupation(at, nil)
		if err != nil {
			return err
		}
		if *outPath == "" {
			return rv.WriteCSV(out)
		}
		return writeFile(*outPath, rv.WriteCSV)
	case "verify":
		v, err := a.Verifier()
		if err != nil {
			return err
		}
		fmt.Fprintln(out, strings.Join(v.Lines(), "\n"))
		if len(v.Problemes) > 0 {
			return model.Errorf(model.EINVALID, "Contrôle d'intégrité : %d problème(s).", len(v.Problemes))
		}
		return nil
	case "captures":
		dir := fs.String("out", "", "")
		if err := fs.Parse(args); err != nil || *dir == "" {
			return usageError("captures : indiquez --out DOSSIER")
		}
		files, err := screens.Captures(a, *dir)
		for _, f := range files {
			fmt.Fprintln(out, f)
		}
		return err
	case "candidats":
		date := fs.String("date", "", "")
		tous := fs.Bool("tous", false, "")
		outPath := fs.String("out", "", "")
		var ref string
		if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
			ref, args = args[0], args[1:]
		}
		if err := fs.Parse(args); err != nil || (ref == "") == (fs.NArg() == 0) || fs.NArg() > 1 {
			return usageError("candidats : indiquez la référence du logement (options --date AAAA-MM-JJ, --tous, --out FICHIER.csv)")
		}
		if ref == "" {
			ref = fs.Arg(0)
		}
		at := a.Today()
		if *date != "" {
			d, err := model.ParseDate(*date)
			if err != nil || d.IsZero() {
				return model.Errorf(model.EINVALID, "--date : « %s » n'est pas une date (AAAA-MM-JJ).", *date)
			}
			at = d
		}
		lc, err := a.Candidats(ref, at, *tous)
		if err != nil {
			return err
		}
		if *outPath == "" {
			return lc.WriteCSV(out)
		}
		if err := writeFile(*outPath, lc.WriteCSV); err != nil {
			return err
		}
		fmt.Fprintf(out, "Logement %s : %d demande(s) examinée(s), %d candidat(s) retenu(s), %d écarté(s) ; liste écrite dans %s\n", ref, lc.Examinees, lc.Admis, lc.Exclus, *outPath)
		return nil
	case "commissions":
		if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
			return usageError("commissions : aucune option")
		}
		list, err := a.Commissions()
		if err != nil {
			return err
		}
		fmt.Fprintln(out, "id;date;type;statut")
		for _, c := range list {
			fmt.Fprintf(out, "%s;%s;%s;%s\n", c.ID, c.Date.ISO(), c.Type, c.Statut)
		}
		return nil
	case "pv", "courriers":
		dest := fs.String("out", "", "")
		dateOpt := fs.String("date", "", "")
		notifOpt := fs.String("notification", "", "")
		var id string
		if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
			id, args = args[0], args[1:]
		}
		if err := fs.Parse(args); err != nil || *dest == "" || (id == "") == (fs.NArg() == 0) || fs.NArg() > 1 ||
			(name == "pv" && (*dateOpt != "" || *notifOpt != "")) {
			if name == "pv" {
				return usageError("pv : indiquez l'identifiant de la séance et --out FICHIER.pdf")
			}
			return usageError("courriers : indiquez l'identifiant de la séance et --out DOSSIER")
		}
		if id == "" {
			id = fs.Arg(0)
		}
		if name == "pv" {
			if err := writeFile(*dest, func(w io.Writer) error { return a.PV(id, w) }); err != nil {
				return err
			}
			fmt.Fprintf(out, "Procès-verbal écrit dans %s\n", *dest)
			return nil
		}
		var opt app.OptionsCourriers
		for _, o := range []struct {
			flag, val string
			to        *model.Date
		}{{"--date", *dateOpt, &opt.Date}, {"--notification", *notifOpt, &opt.Notification}} {
			if o.val == "" {
				continue
			}
			d, err := model.ParseDate(o.val)
			if err != nil || d.IsZero() {
				return model.Errorf(model.EINVALID, "%s : « %s » n'est pas une date (AAAA-MM-JJ).", o.flag, o.val)
			}
			*o.to = d
		}
		paths, err := a.CourriersAvec(id, *dest, opt, nil)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "%d courrier(s) écrit(s) dans %s ; fichier à imprimer : %s\n", len(paths)-1, *dest, paths[0])
		return nil
	case "sauvegarde":
		dest := fs.String("out", "", "")
		if err := fs.Parse(args); err != nil || *dest == "" {
			return usageError("sauvegarde : indiquez --out FICHIER")
		}
		if err := a.Sauvegarder(*dest); err != nil {
			return err
		}
		fmt.Fprintf(out, "Sauvegarde écrite dans %s\n", *dest)
		return nil
	}
	return usageError(fmt.Sprintf("Commande inconnue « %s ».", name))
}

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
