package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"logis/app"
	"logis/model"
)

// commande is one headless command of the command line: its name, its usage
// lines (shown by the usage text), the right it needs (model.Autorise says
// which roles have it; checked before it runs) and the function that runs it.
type commande struct {
	nom    string
	usage  string // « nom options » then, on the next lines, what it does
	action model.Action
	run    func(a *app.App, args []string, out io.Writer) error
}

// commandes is the table the command line dispatches through; the usage text
// is built from it.
var commandes = []commande{
	{"demo", "demo [--menages N] [--logements M]\nremplit une base vide de données fictives", model.ActionDemo, cmdDemo},
	{"import", "import logements|menages|personnes|demandes|rpls|plafonds|quartiles|decisions FICHIER.csv\nimporte un fichier CSV (tout ou rien) ; rpls : le fichier national RPLS", model.ActionImporter, cmdImport},
	{"export", "export regles --out DOSSIER\nécrit plafonds.csv et quartiles.csv, tels que saisis", model.ActionConsulter, cmdExport},
	{"occupation", "occupation [--date AAAA-MM-JJ] [--echeance-avant AAAA-MM-JJ] [--out FICHIER.csv]\nexamen de l'occupation des ménages logés (ceux dont l'examen triennal\nest dû avant la date donnée, avec --echeance-avant)", model.ActionExporter, cmdOccupation},
	{"verify", "verify\ncontrôle d'intégrité, puis les effectifs", model.ActionConsulter, cmdVerify},
	{"sauvegarde", "sauvegarde --out FICHIER [--remplacer]\ncopie de la base (fenêtre de Logis fermée ;\nsinon « Enregistrer une sauvegarde… » dans Paramètres)", model.ActionSauvegarder, cmdSauvegarde},
	{"restaurer", "restaurer SAUVEGARDE\nvérifie la sauvegarde puis la met à la place de la base\n(l'ancienne est gardée : NOM.avant-restauration-AAAAMMJJ.db)", model.ActionRestaurer, cmdRestaurer},
	{"pv", "pv ID --out FICHIER.pdf\nprocès-verbal de la séance ID (projet si elle n'est pas close)", model.ActionDocuments, cmdPV},
	{"courriers", "courriers ID --out DOSSIER [--mode main-propre|recommande|courrier] [--date AAAA-MM-JJ] [--notification AAAA-MM-JJ]\ncourriers de la séance close ID : un PDF à imprimer et un par courrier\n(datés du jour, envoyés en recommandé par défaut ; le délai de réponse\ncourt du lendemain de la réception, prévue selon le mode et le délai postal)", model.ActionDocuments, cmdCourriers},
	{"captures", "captures --out DOSSIER\nune image PNG de chaque écran, sans affichage", model.ActionExporter, cmdCaptures},
	{"candidats", "candidats REFERENCE [--date AAAA-MM-JJ] [--tous] [--out FICHIER.csv]\ncandidats proposés pour un logement, classés et expliqués", model.ActionExporter, cmdCandidats},
	{"commissions", "commissions\nliste des séances : id;date (AAAA-MM-JJ);type;statut", model.ActionConsulter, cmdCommissions},
	{"fragilite", "fragilite [--date AAAA-MM-JJ] [--out FICHIER.csv]\nindice de fragilité de chaque résidence (politique §1.4), la plus fragile d'abord", model.ActionConsulter, cmdFragilite},
	{"suite", "suite SEANCE NUR accepte|refus|sans-reponse|bail|courrier [--date AAAA-MM-JJ] [--motif TEXTE] [--legitime] [--logement REF] [--courrier DOSSIER] [--mode MODE]\nsuite d'une offre de la séance close : réponse du demandeur, bail signé ; courrier d'offre du rang suivant après un refus", model.ActionCommission, cmdSuite},
	{"rapport", "rapport --annee AAAA --out FICHIER.pdf [--csv FICHIER.csv]\nrapport annuel au Conseil d'administration (art. R.441-9 CCH) sur les séances closes de l'année", model.ActionConsulter, cmdRapport},
	{"init", "init\ncrée une base vide ; le compte indiqué en est le responsable", model.ActionConsulter, cmdInit},
	{"utilisateurs", "utilisateurs\nliste des comptes : nom;rôle;actif;dernière connexion", model.ActionComptes, cmdUtilisateurs},
	{"utilisateurs ajouter", "utilisateurs ajouter NOM --role agent|responsable|consultation\ncrée un compte (mot de passe : LOGIS_NOUVEAU_MOT_DE_PASSE ou saisi deux fois)", model.ActionComptes, nil},
	{"utilisateurs desactiver", "utilisateurs desactiver NOM\ndésactive un compte (son nom reste au journal)", model.ActionComptes, nil},
	{"mot-de-passe", "mot-de-passe [--secours]\nchange votre mot de passe ; --secours : celui d'un responsable,\navec la clé de secours (LOGIS_CLE_DE_SECOURS ou saisie)", model.ActionMotDePasse, cmdMotDePasse},
	{"dossier-seance", "dossier-seance ID --membre NOM --out FICHIER.pdf\ndossier de séance d'un membre : une page par logement, candidats masqués,\nfiligrane « confidentiel » à son nom (chaque exemplaire est journalisé)", model.ActionDocuments, cmdDossierSeance},
	{"exporter-menage", "exporter-menage MENAGE --out DOSSIER\ntoutes les données d'un ménage (identifiant ou NUR) : MENAGE.json et un relevé MENAGE.pdf (droit d'accès)", model.ActionExporterMenage, cmdExporterMenage},
	{"effacer-menage", "effacer-menage MENAGE [--confirmer]\nefface un ménage (sans --confirmer : dit ce qui serait effacé et gardé)", model.ActionEffacer, cmdEffacerMenage},
	{"limiter-menage", "limiter-menage MENAGE [--lever] --confirmer\nlimite le traitement d'un ménage (gardé, hors des listes de candidats)", model.ActionEffacer, cmdLimiterMenage},
	{"purge", "purge [--date AAAA-MM-JJ] [--confirmer]\nménages sans bail ni demande active radiés depuis plus de trois ans ;\n--confirmer les efface et résume le journal ancien", model.ActionPurger, cmdPurge},
	{"journal", "journal [--depuis AAAA-MM-JJ] [--utilisateur NOM]\njournal : date;utilisateur;action;objets (sans données personnelles)", model.ActionJournal, cmdJournal},
}

// usageText is the command line's help, built from the table.
func usageText() string {
	var b strings.Builder
	b.WriteString("Utilisation : logis [--db FICHIER] [commande]\n")
	b.WriteString("Identifiant et mot de passe : LOGIS_UTILISATEUR et LOGIS_MOT_DE_PASSE, sinon demandés au terminal.\n\n")
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
		if roles := model.RolesAutorises(c.action); len(roles) < len(model.Roles) {
			fmt.Fprintf(&b, "  %-38s (%s)\n", "", rolesText(roles))
		}
	}
	return b.String()
}

// findCommande returns the command name of the table (the lines of its
// sub-commands only document them).
func findCommande(name string) (commande, bool) {
	for _, c := range commandes {
		if c.nom == name && c.run != nil {
			return c, true
		}
	}
	return commande{}, false
}

// rolesText writes « réservé au rôle responsable » or « rôles responsable, agent ».
func rolesText(roles []model.Role) string {
	names := make([]string, len(roles))
	for i, r := range roles {
		names[i] = string(r)
	}
	if len(names) == 1 {
		return "réservé au rôle " + names[0]
	}
	return "rôles " + strings.Join(names, ", ")
}

// exportLabel is the journal line of an export or a document: the command
// and its options (ids, dates, file names), never personal values.
func exportLabel(name string, args []string) string {
	label := "Export : logis " + name
	for _, a := range args {
		if len(label) > 200 {
			break
		}
		label += " " + filepath.Base(a)
	}
	return label
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
