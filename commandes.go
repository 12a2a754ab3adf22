package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"logis/app"
	"logis/model"
)

// commande is one headless command of the command line: its name, its usage
// lines (shown by the usage text) and the function that runs it.
type commande struct {
	nom   string
	usage string // « nom options » then, on the next lines, what it does
	run   func(a *app.App, args []string, out io.Writer) error
}

// commandes is the table the command line dispatches through; the usage text
// is built from it.
var commandes = []commande{
	{"demo", "demo [--menages N] [--logements M]\nremplit une base vide de données fictives", cmdDemo},
	{"import", "import logements|menages|personnes|demandes FICHIER.csv\nimporte un fichier CSV (tout ou rien)", cmdImport},
	{"occupation", "occupation [--date AAAA-MM-JJ] [--out FICHIER.csv]\nexamen de l'occupation de tous les ménages logés", cmdOccupation},
	{"verify", "verify\ncontrôle d'intégrité, puis les effectifs", cmdVerify},
	{"sauvegarde", "sauvegarde --out FICHIER [--remplacer]\ncopie de la base (fenêtre de Logis fermée ;\nsinon « Enregistrer une sauvegarde… » dans Paramètres)", cmdSauvegarde},
	{"restaurer", "restaurer SAUVEGARDE\nvérifie la sauvegarde puis la met à la place de la base\n(l'ancienne est gardée : NOM.avant-restauration-AAAAMMJJ.db)", cmdRestaurer},
	{"pv", "pv ID --out FICHIER.pdf\nprocès-verbal de la séance ID (projet si elle n'est pas close)", cmdPV},
	{"courriers", "courriers ID --out DOSSIER [--date AAAA-MM-JJ] [--notification AAAA-MM-JJ]\ncourriers de la séance close ID : un PDF à imprimer et un par courrier\n(datés du jour ; le délai de réponse court de la notification)", cmdCourriers},
	{"captures", "captures --out DOSSIER\nune image PNG de chaque écran, sans affichage", cmdCaptures},
	{"candidats", "candidats REFERENCE [--date AAAA-MM-JJ] [--tous] [--out FICHIER.csv]\ncandidats proposés pour un logement, classés et expliqués", cmdCandidats},
	{"commissions", "commissions\nliste des séances : id;date (AAAA-MM-JJ);type;statut", cmdCommissions},
}

// usageText is the command line's help, built from the table.
func usageText() string {
	var b strings.Builder
	b.WriteString("Utilisation : logis [--db FICHIER] [commande]\n\n")
	fmt.Fprintf(&b, "  %-38s %s\n", "(sans commande)", "ouvre la fenêtre")
	for _, c := range commandes {
		lines := strings.Split(c.usage, "\n")
		if len(lines[0]) <= 38 && len(lines) > 1 {
			fmt.Fprintf(&b, "  %-38s %s\n", lines[0], lines[1])
			lines = lines[2:]
		} else {
			fmt.Fprintf(&b, "  %s\n", lines[0])
			lines = lines[1:]
		}
		for _, l := range lines {
			fmt.Fprintf(&b, "  %-38s %s\n", "", l)
		}
	}
	return b.String()
}

// command runs one headless command through the table.
func command(a *app.App, name string, args []string, out io.Writer) error {
	for _, c := range commandes {
		if c.nom == name {
			return c.run(a, args, out)
		}
	}
	return usageError(fmt.Sprintf("Commande inconnue « %s ».", name))
}

// newFlags is the flag set of one command: errors are reported by the
// command itself, in French.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

// splitFirst takes a leading positional argument (ID, REFERENCE) placed
// before the options; it returns "" when the first argument is an option.
func splitFirst(args []string) (string, []string) {
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		return args[0], args[1:]
	}
	return "", args
}

// parseDateFlag reads an optional --flag date (AAAA-MM-JJ or JJ/MM/AAAA);
// def is returned when the option is absent.
func parseDateFlag(flagName, val string, def model.Date) (model.Date, error) {
	if val == "" {
		return def, nil
	}
	d, err := model.ParseDate(val)
	if err != nil || d.IsZero() {
		return def, model.Errorf(model.EINVALID, "%s : « %s » n'est pas une date (AAAA-MM-JJ).", flagName, val)
	}
	return d, nil
}
