package main

import (
	"fmt"
	"io"

	"logis/app"
)

// The persons' rights from the command line (RGPD art. 15 to 21, policy §III).

// cmdExporterMenage writes MENAGE.json and MENAGE.pdf: logis exporter-menage
// MENAGE --out DOSSIER.
func cmdExporterMenage(a *app.App, args []string, out io.Writer) error {
	id, rest := splitFirst(args)
	fs := newFlags("exporter-menage")
	dir := fs.String("out", "", "")
	if err := fs.Parse(rest); err != nil || fs.NArg() > 0 || id == "" || *dir == "" {
		return usageError("exporter-menage : indiquez l'identifiant du ménage et --out DOSSIER")
	}
	paths, err := a.ExporterMenage(id, *dir)
	if err != nil {
		return err
	}
	for _, p := range paths {
		fmt.Fprintln(out, p)
	}
	return nil
}

// cmdEffacerMenage erases a household: logis effacer-menage MENAGE
// [--confirmer]. Without --confirmer it only says what would be erased and
// kept, and writes nothing: an erasure cannot be undone.
func cmdEffacerMenage(a *app.App, args []string, out io.Writer) error {
	id, rest := splitFirst(args)
	fs := newFlags("effacer-menage")
	confirmer := fs.Bool("confirmer", false, "")
	if err := fs.Parse(rest); err != nil || fs.NArg() > 0 || id == "" {
		return usageError("effacer-menage : indiquez l'identifiant du ménage (et --confirmer pour effacer)")
	}
	if !*confirmer {
		plan, err := a.PreparerEffacement(id)
		if err != nil {
			return err
		}
		fmt.Fprintln(out, plan.Explication)
		fmt.Fprintln(out, "Rien n'a été effacé : relancez avec --confirmer pour effacer (irréversible).")
		return nil
	}
	e, err := a.EffacerMenage(id)
	if err != nil {
		return err
	}
	fmt.Fprintln(out, e.Resume())
	if err := a.DB.Compacter(false); err != nil { // the command line is alone on the base
		return err
	}
	fmt.Fprintln(out, "La base a été compactée : l'ancienne valeur chiffrée n'y figure plus.")
	return nil
}

// cmdLimiterMenage sets or lifts the restriction of a household: logis
// limiter-menage MENAGE [--lever] --confirmer.
func cmdLimiterMenage(a *app.App, args []string, out io.Writer) error {
	id, rest := splitFirst(args)
	fs := newFlags("limiter-menage")
	lever := fs.Bool("lever", false, "")
	confirmer := fs.Bool("confirmer", false, "")
	if err := fs.Parse(rest); err != nil || fs.NArg() > 0 || id == "" {
		return usageError("limiter-menage : indiquez l'identifiant du ménage, --confirmer (et --lever pour lever la limitation)")
	}
	if !*confirmer {
		fmt.Fprintln(out, "Rien n'a été modifié : relancez avec --confirmer.")
		return nil
	}
	if err := a.RestreindreMenage(id, !*lever); err != nil {
		return err
	}
	if *lever {
		fmt.Fprintf(out, "La limitation du traitement du ménage %s est levée.\n", id)
	} else {
		fmt.Fprintf(out, "Le traitement du ménage %s est limité : il est conservé, mais n'est plus proposé en commission ni exporté.\n", id)
	}
	return nil
}
