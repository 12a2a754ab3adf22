package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"logis/app"
	"logis/model"
	"logis/screens"
)

func cmdDemo(a *app.App, args []string, out io.Writer) error {
	fs := newFlags("demo")
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
}

func cmdImport(a *app.App, args []string, out io.Writer) error {
	if len(args) != 2 {
		return usageError("import : indiquez le type (logements, menages, personnes, demandes, rpls, plafonds, quartiles) et le fichier")
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
}

func cmdVerify(a *app.App, args []string, out io.Writer) error {
	if len(args) > 0 {
		return usageError("verify : aucune option")
	}
	v, err := a.Verifier()
	if err != nil {
		return err
	}
	fmt.Fprintln(out, strings.Join(v.Lines(), "\n"))
	if len(v.Problemes) > 0 {
		return model.Errorf(model.EDAMAGED, "Contrôle d'intégrité : %d problème(s). Si la base est endommagée, restaurez une sauvegarde : logis restaurer SAUVEGARDE (l'ancienne base est gardée).", len(v.Problemes))
	}
	return nil
}

func cmdCaptures(a *app.App, args []string, out io.Writer) error {
	fs := newFlags("captures")
	dir := fs.String("out", "", "")
	if err := fs.Parse(args); err != nil || *dir == "" {
		return usageError("captures : indiquez --out DOSSIER")
	}
	files, err := screens.Captures(a, *dir)
	for _, f := range files {
		fmt.Fprintln(out, f)
	}
	return err
}
