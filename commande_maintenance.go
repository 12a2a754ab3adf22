package main

import (
	"fmt"
	"io"
	"os"

	"logis/app"
	"logis/model"
)

// How each command opens the base: read-write unless listed here.
var (
	// lectureSeule commands open an existing base read-only: they never
	// create, migrate or modify a file, and work on a read-only copy.
	lectureSeule = map[string]bool{"verify": true}
	// sansBase commands must not open the base: they replace it.
	sansBase = map[string]bool{"restaurer": true}
)

// commandeDe is the command named by the arguments, "" for the window.
func commandeDe(rest []string) string {
	if len(rest) == 0 {
		return ""
	}
	return rest[0]
}

// messageOuverture is the message of a base that could not be opened for
// command name.
func messageOuverture(name string, err error) string {
	if name == "sauvegarde" && model.ErrorCode(err) == model.ELOCKED {
		return "La base est ouverte dans la fenêtre de Logis, qui la réserve : la sauvegarde en ligne de commande est impossible pendant ce temps. " +
			"Dans la fenêtre, utilisez « Enregistrer une sauvegarde… » dans Paramètres, ou fermez la fenêtre puis relancez la commande."
	}
	return model.ErrorMessage(err)
}

// cmdRestaurer puts a backup in place of the base (see app.Restaurer); the
// base is not open (sansBase): a.Chemin names it.
func cmdRestaurer(a *app.App, args []string, out io.Writer) error {
	if len(args) != 1 || args[0] == "" || args[0][0] == '-' {
		return usageError("restaurer : indiquez le fichier de sauvegarde (logis --db BASE restaurer SAUVEGARDE)")
	}
	id := identifiants()
	if id.Nom == "" || id.MotDePasse == "" {
		return model.Errorf(model.EAUTH, "Connexion refusée : identifiant et mot de passe requis (LOGIS_UTILISATEUR et LOGIS_MOT_DE_PASSE, ou saisis au terminal).")
	}
	r, err := app.Restaurer(a.Chemin, args[0], a.Now, id)
	if err != nil {
		return err
	}
	for _, l := range r.Lines() {
		fmt.Fprintln(out, l)
	}
	return nil
}

// cmdSauvegarde writes a backup; an existing file is replaced only with
// --remplacer.
func cmdSauvegarde(a *app.App, args []string, out io.Writer) error {
	fs := newFlags("sauvegarde")
	dest := fs.String("out", "", "")
	remplacer := fs.Bool("remplacer", false, "")
	if err := fs.Parse(args); err != nil || *dest == "" || fs.NArg() > 0 {
		return usageError("sauvegarde : indiquez --out FICHIER (et --remplacer pour écraser un fichier existant)")
	}
	if err := a.Sauvegarder(*dest, *remplacer); err != nil {
		return err
	}
	size := ""
	if st, err := os.Stat(*dest); err == nil {
		size = fmt.Sprintf(" (%s Mo)", model.FormatNumber(float64(st.Size())/(1<<20), 1))
	}
	fmt.Fprintf(out, "Sauvegarde écrite dans %s%s\n", *dest, size)
	return nil
}
