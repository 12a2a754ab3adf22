package main

import (
	"fmt"
	"io"
	"strings"

	"logis/app"
	"logis/model"
)

// cmdSuite records what became of an offer: logis suite SEANCE NUR
// accepte|refus|sans-reponse|bail [--date AAAA-MM-JJ] [--motif …] [--legitime]
// [--logement REF] [--courrier DOSSIER [--mode MODE]]. With --courrier, a
// refusal that passes the offer to the next rank writes that candidate's
// offer letter into DOSSIER; « logis suite SEANCE NUR courrier --courrier
// DOSSIER » writes (again) the offer letter of the rank NUR that holds it.
func cmdSuite(a *app.App, args []string, out io.Writer) error {
	fs := newFlags("suite")
	date := fs.String("date", "", "")
	motif := fs.String("motif", "", "")
	legitime := fs.Bool("legitime", false, "")
	ref := fs.String("logement", "", "")
	dossier := fs.String("courrier", "", "")
	modeOpt := fs.String("mode", string(model.Recommande), "")
	var pos []string
	// Positionals first (SEANCE NUR REPONSE), options anywhere after them.
	for len(args) > 0 && !strings.HasPrefix(args[0], "-") && len(pos) < 3 {
		pos, args = append(pos, args[0]), args[1:]
	}
	if err := fs.Parse(args); err != nil {
		return usageError("suite : options --date AAAA-MM-JJ, --motif TEXTE, --legitime, --logement REFERENCE, --courrier DOSSIER, --mode recommande|courrier|main-propre")
	}
	pos = append(pos, fs.Args()...)
	if len(pos) != 3 {
		return usageError("suite : indiquez SEANCE NUR accepte|refus|sans-reponse|bail (ou courrier --courrier DOSSIER)")
	}
	mode, err := model.ParseModeNotification(*modeOpt)
	if err != nil {
		return usageError("suite --mode : " + model.ErrorMessage(err))
	}
	opt := app.OptionsCourriers{Mode: mode}
	if strings.EqualFold(strings.TrimSpace(pos[2]), "courrier") {
		if *dossier == "" {
			return usageError("suite … courrier : indiquez le dossier du courrier d'offre (--courrier DOSSIER)")
		}
		return ecrireOffreSuivante(a, pos[0], *ref, pos[1], *dossier, opt, out)
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
	if res.Suivant == "" || res.RangSuiv < 2 {
		return nil
	}
	if *dossier == "" {
		fmt.Fprintf(out, "Pour écrire son courrier d'offre : logis suite %s %s courrier --courrier DOSSIER\n", pos[0], res.Suivant)
		return nil
	}
	// The follow-up is recorded whatever becomes of the letter.
	return ecrireOffreSuivante(a, pos[0], res.Logement, res.Suivant, *dossier, opt, out)
}

// ecrireOffreSuivante writes the offer letter of the rank that holds the
// offer of a dwelling after the ranks before refused, and says where.
func ecrireOffreSuivante(a *app.App, seance, ref, nur, dir string, opt app.OptionsCourriers, out io.Writer) error {
	o, err := a.CourrierOffreSuivante(seance, ref, nur, dir, opt)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Courrier d'offre de la demande %s (rang %d, logement %s) écrit dans %s : réponse attendue au plus tard le %s.\n",
		o.NUR, o.Rang, o.Logement, o.Fichier, o.Echeance)
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
