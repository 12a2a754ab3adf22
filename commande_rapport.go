package main

import (
	"fmt"
	"io"
	"strings"

	"logis/app"
	"logis/model"
)

// cmdSuite records what became of an offer: logis suite SEANCE NUR
// accepte|refus|sans-reponse|bail [--date AAAA-MM-JJ] [--motif …] [--legitime] [--logement REF].
func cmdSuite(a *app.App, args []string, out io.Writer) error {
	fs := newFlags("suite")
	date := fs.String("date", "", "")
	motif := fs.String("motif", "", "")
	legitime := fs.Bool("legitime", false, "")
	ref := fs.String("logement", "", "")
	var pos []string
	// Positionals first (SEANCE NUR REPONSE), options anywhere after them.
	for len(args) > 0 && !strings.HasPrefix(args[0], "-") && len(pos) < 3 {
		pos, args = append(pos, args[0]), args[1:]
	}
	if err := fs.Parse(args); err != nil {
		return usageError("suite : options --date AAAA-MM-JJ, --motif TEXTE, --legitime, --logement REFERENCE")
	}
	pos = append(pos, fs.Args()...)
	if len(pos) != 3 {
		return usageError("suite : indiquez SEANCE NUR accepte|refus|sans-reponse|bail")
	}
	rep, err := model.ParseReponseOffre(pos[2])
	if err != nil {
		return err
	}
	s := model.SuiteOffre{Reponse: rep, Motif: *motif, Legitime: *legitime}
	if s.Date, err = parseDateFlag("--date", *date, 0); err != nil {
		return err
	}
	res, err := a.SaisirSuite(pos[0], *ref, pos[1], s)
	if err != nil {
		return err
	}
	for _, m := range res.Messages {
		fmt.Fprintln(out, m)
	}
	return nil
}

// cmdRapport writes the annual report of a year: logis rapport --annee AAAA
// --out FICHIER.pdf [--csv FICHIER.csv].
func cmdRapport(a *app.App, args []string, out io.Writer) error {
	fs := newFlags("rapport")
	annee := fs.Int("annee", 0, "")
	dest := fs.String("out", "", "")
	csvPath := fs.String("csv", "", "")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 || *dest == "" || *annee == 0 {
		return usageError("rapport : indiquez --annee AAAA et --out FICHIER.pdf (option --csv FICHIER.csv)")
	}
	if *annee < 1990 || *annee > 2100 {
		return model.Errorf(model.EINVALID, "--annee : « %d » n'est pas une année (AAAA).", *annee)
	}
	var rep *model.Rapport
	if err := writeFile(*dest, func(w io.Writer) (err error) { rep, err = a.RapportPDF(*annee, w); return err }); err != nil {
		return err
	}
	fmt.Fprintf(out, "Rapport annuel %d écrit dans %s : %d séance(s), %d logement(s) examiné(s), %d attribution(s).\n",
		*annee, *dest, rep.Activite.Seances, rep.Activite.LogementsExamines, rep.Activite.Attributions)
	for _, o := range rep.Objectifs {
		fmt.Fprintf(out, "  %s : %s (%s)\n", o.Titre, o.Valeur, o.Resultat.Label())
	}
	if *csvPath != "" {
		if err := writeFile(*csvPath, func(w io.Writer) error { return app.WriteRapportCSV(rep, w) }); err != nil {
			return err
		}
		fmt.Fprintf(out, "Chiffres écrits dans %s\n", *csvPath)
	}
	return nil
}
