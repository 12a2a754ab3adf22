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
		return usageError("exporter-menage : indiquez le ménage (identifiant ou NUR) et --out DOSSIER")
	}
	id, err := a.MenageDe(id)
	if err != nil {
		return err
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
		return usageError("effacer-menage : indiquez le ménage, identifiant ou NUR (et --confirmer pour effacer)")
	}
	id, err := a.MenageDe(id)
	if err != nil {
		return err
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
		return usageError("limiter-menage : indiquez le ménage (identifiant ou NUR), --confirmer (et --lever pour lever la limitation)")
	}
	id, err := a.MenageDe(id)
	if err != nil {
		return err
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

// cmdPurge applies the three-year retention: logis purge [--date
// AAAA-MM-JJ] [--confirmer]. Without --confirmer it lists the households
// (menage;derniere_radiation;demandes) and the counts, and writes nothing.
// With it, it erases them in one transaction, summarises the journal's
// entries older than its retention, and compacts the base.
func cmdPurge(a *app.App, args []string, out io.Writer) error {
	fs := newFlags("purge")
	dateFlag := fs.String("date", "", "")
	confirmer := fs.Bool("confirmer", false, "")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		return usageError("purge : options --date AAAA-MM-JJ et --confirmer")
	}
	at, err := parseDateFlag("--date", *dateFlag, a.Today())
	if err != nil {
		return err
	}
	if !*confirmer {
		p, err := a.PreparerPurge(at)
		if err != nil {
			return err
		}
		fmt.Fprintln(out, "menage;derniere_radiation;demandes")
		for _, m := range p.Menages {
			fmt.Fprintf(out, "%s;%s;%d\n", m.ID, m.Radiation.ISO(), m.Demandes)
		}
		fmt.Fprintln(out, resumePurge(p))
		fmt.Fprintln(out, "Rien n'a été effacé : relancez avec --confirmer pour purger (irréversible).")
		return nil
	}
	p, err := a.Purger(at)
	if err != nil {
		return err
	}
	fmt.Fprintln(out, resumePurge(p))
	n, err := a.ResumerJournal(at)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Journal : %d entrée(s) plus anciennes que sa durée de conservation résumées (nombres par mois et par action).\n", n)
	return a.DB.Compacter(false)
}

func resumePurge(p *app.Purge) string {
	s := fmt.Sprintf("Purge au %s : %d ménage(s), %d demande(s) dont la dernière radiation a plus de trois ans ; %d nommé(s) par une séance close (effacé(s), la séance garde ses décisions).",
		p.Date, len(p.Menages), p.Demandes, p.Gardes)
	if p.Limites > 0 {
		s += fmt.Sprintf(" %d ménage(s) au traitement limité ne sont pas purgés.", p.Limites)
	}
	return s
}

// cmdDossierSeance writes a member's « dossier de séance »: logis
// dossier-seance ID --membre NOM --out FICHIER.pdf.
func cmdDossierSeance(a *app.App, args []string, out io.Writer) error {
	id, rest := splitFirst(args)
	fs := newFlags("dossier-seance")
	membre := fs.String("membre", "", "")
	dest := fs.String("out", "", "")
	if err := fs.Parse(rest); err != nil || fs.NArg() > 0 || id == "" || *membre == "" || *dest == "" {
		return usageError("dossier-seance : indiquez l'identifiant de la séance, --membre NOM et --out FICHIER.pdf")
	}
	if err := writeFile(*dest, func(w io.Writer) error { return a.DossierSeance(id, *membre, w) }); err != nil {
		return err
	}
	fmt.Fprintf(out, "Dossier de séance écrit dans %s\n", *dest)
	return nil
}
