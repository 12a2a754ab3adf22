package main

import (
	"fmt"
	"io"
	"strings"

	"logis/app"
	"logis/model"
)

func cmdCandidats(a *app.App, args []string, out io.Writer) error {
	fs := newFlags("candidats")
	date := fs.String("date", "", "")
	tous := fs.Bool("tous", false, "")
	outPath := fs.String("out", "", "")
	ref, args := splitFirst(args)
	if err := fs.Parse(args); err != nil || (ref == "") == (fs.NArg() == 0) || fs.NArg() > 1 {
		return usageError("candidats : indiquez la référence du logement (options --date AAAA-MM-JJ, --tous, --out FICHIER.csv)")
	}
	if ref == "" {
		ref = fs.Arg(0)
	}
	at, err := parseDateFlag("--date", *date, a.Today())
	if err != nil {
		return err
	}
	lc, err := a.Candidats(ref, at, *tous)
	if err != nil {
		return err
	}
	if *outPath == "" {
		return lc.WriteCSV(out)
	}
	if w := lc.Alerte(); w != "" {
		fmt.Fprintf(out, "Attention : %s\n", w)
	}
	if err := writeFile(*outPath, lc.WriteCSV); err != nil {
		return err
	}
	fmt.Fprintf(out, "Logement %s : %d demande(s) examinée(s), %d candidat(s) retenu(s), %d écarté(s) ; liste écrite dans %s\n", ref, lc.Examinees, lc.Admis, lc.Exclus, *outPath)
	return nil
}

func cmdCommissions(a *app.App, args []string, out io.Writer) error {
	fs := newFlags("commissions")
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
}

func cmdPV(a *app.App, args []string, out io.Writer) error {
	fs := newFlags("pv")
	dest := fs.String("out", "", "")
	id, args := splitFirst(args)
	if err := fs.Parse(args); err != nil || *dest == "" || (id == "") == (fs.NArg() == 0) || fs.NArg() > 1 {
		return usageError("pv : indiquez l'identifiant de la séance et --out FICHIER.pdf")
	}
	if id == "" {
		id = fs.Arg(0)
	}
	if err := writeFile(*dest, func(w io.Writer) error { return a.PV(id, w) }); err != nil {
		return err
	}
	fmt.Fprintf(out, "Procès-verbal écrit dans %s\n", *dest)
	return nil
}

func cmdCourriers(a *app.App, args []string, out io.Writer) error {
	fs := newFlags("courriers")
	dest := fs.String("out", "", "")
	dateOpt := fs.String("date", "", "")
	notifOpt := fs.String("notification", "", "")
	modeOpt := fs.String("mode", string(model.Recommande), "")
	id, args := splitFirst(args)
	if err := fs.Parse(args); err != nil || *dest == "" || (id == "") == (fs.NArg() == 0) || fs.NArg() > 1 {
		return usageError("courriers : indiquez l'identifiant de la séance et --out DOSSIER")
	}
	if id == "" {
		id = fs.Arg(0)
	}
	var opt app.OptionsCourriers
	var err error
	if opt.Date, err = parseDateFlag("--date", *dateOpt, opt.Date); err != nil {
		return err
	}
	if opt.Notification, err = parseDateFlag("--notification", *notifOpt, opt.Notification); err != nil {
		return err
	}
	if opt.Mode, err = model.ParseModeNotification(*modeOpt); err != nil {
		return usageError("courriers --mode : " + model.ErrorMessage(err))
	}
	r, err := a.CourriersRapport(id, *dest, opt, nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "%d courrier(s) écrit(s) dans %s ; fichier à imprimer : %s\n", len(r.Fichiers)-1, *dest, r.Fichiers[0])
	for _, s := range r.Avertissements {
		fmt.Fprintf(out, "Attention : %s\n", s)
	}
	if len(r.Ecartes) > 0 {
		return model.Errorf(model.EINVALID, "%d courrier(s) non écrit(s), les autres l'ont été : %s", len(r.Ecartes), strings.Join(r.Ecartes, " "))
	}
	return nil
}
