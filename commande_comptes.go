package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/term"

	"logis/app"
	"logis/model"
	"logis/storage"
)

// Environment of the command line (an interface: keep the names).
const (
	envUtilisateur       = "LOGIS_UTILISATEUR"
	envMotDePasse        = "LOGIS_MOT_DE_PASSE"
	envNouveauMotDePasse = "LOGIS_NOUVEAU_MOT_DE_PASSE"
	envCleDeSecours      = "LOGIS_CLE_DE_SECOURS"
)

// testCheapKeys is set by the tests of package main only: the bases they
// create get the cheap key cost (storage.Options.CheapKeys).
var testCheapKeys bool

// terminal asks what the environment does not give. The tests replace it.
var terminal interface {
	ok() bool
	line(prompt string) string
	hidden(prompt string) string
} = stdTerminal{}

type stdTerminal struct{}

var stdin = bufio.NewReader(os.Stdin)

func (stdTerminal) ok() bool { return term.IsTerminal(int(os.Stdin.Fd())) }

func (stdTerminal) line(prompt string) string {
	fmt.Fprint(os.Stderr, prompt)
	s, _ := stdin.ReadString('\n')
	return strings.TrimSpace(s)
}

func (stdTerminal) hidden(prompt string) string {
	fmt.Fprint(os.Stderr, prompt)
	b, err := term.ReadPassword(int(os.Stdin.Fd()))
	fmt.Fprintln(os.Stderr)
	if err != nil {
		return ""
	}
	return string(b)
}

// createsBase tells whether command c may create a missing base.
func createsBase(c commande) bool { return c.nom == "init" || c.nom == "demo" || c.nom == "import" }

// signIn opens the base for command c with the account of the environment
// (LOGIS_UTILISATEUR, LOGIS_MOT_DE_PASSE), else asked on the terminal. A
// base created here is created with that account as responsable; its
// recovery key is printed once.
func signIn(dbPath string, c commande, args []string, stdout, stderr io.Writer) (*app.App, error) {
	name := filepath.Base(dbPath)
	_, statErr := os.Stat(dbPath)
	missing := errors.Is(statErr, fs.ErrNotExist)
	switch {
	case missing && !createsBase(c):
		return nil, model.Errorf(model.ENOTFOUND, "La base « %s » n'existe pas. Créez-la avec « logis init » (base vide) ou « logis demo ».", name)
	case !missing && c.nom == "init":
		return nil, model.Errorf(model.ECONFLICT, "La base « %s » existe déjà.", name)
	}
	user := strings.TrimSpace(os.Getenv(envUtilisateur))
	if user == "" && terminal.ok() {
		user = terminal.line("Identifiant : ")
	}
	opts := storage.Options{User: user, CheapKeys: testCheapKeys, ReadOnly: lectureSeule[c.nom]}
	if c.nom == "mot-de-passe" && hasFlag(args, "--secours") {
		opts.RecoveryKey = os.Getenv(envCleDeSecours)
		if opts.RecoveryKey == "" && terminal.ok() {
			opts.RecoveryKey = terminal.hidden("Clé de secours : ")
		}
		if user == "" || opts.RecoveryKey == "" {
			return nil, model.Errorf(model.EAUTH, "Connexion refusée : identifiant et clé de secours requis.")
		}
	} else {
		opts.Password = os.Getenv(envMotDePasse)
		if opts.Password == "" && terminal.ok() {
			opts.Password = terminal.hidden("Mot de passe : ")
		}
		if missing && c.nom != "demo" && user != "" && opts.Password != "" {
			if err := model.ValidateMotDePasse(user, opts.Password); err != nil {
				return nil, err
			}
		}
	}
	db, err := storage.Open(dbPath, opts)
	if err != nil {
		return nil, err
	}
	if notice := creationNotice(db); notice != "" {
		w := stderr
		if c.nom == "init" {
			w = stdout
		}
		fmt.Fprint(w, notice)
	}
	return app.New(db), nil
}

// identifiants reads the account and password as signIn does, for a
// command that signs in on a file it opens itself (restaurer).
func identifiants() app.Identifiants {
	id := app.Identifiants{Nom: strings.TrimSpace(os.Getenv(envUtilisateur)), MotDePasse: os.Getenv(envMotDePasse), CoutReduit: testCheapKeys}
	if id.Nom == "" && terminal.ok() {
		id.Nom = terminal.line("Identifiant : ")
	}
	if id.MotDePasse == "" && terminal.ok() {
		id.MotDePasse = terminal.hidden("Mot de passe : ")
	}
	return id
}

// creationNotice tells what Open just did: the recovery key of a new (or
// newly encrypted) base, to print and keep, and the copy made before
// encrypting a clear base.
func creationNotice(db *storage.DB) string {
	var b strings.Builder
	if copie := db.EncryptionCopy(); copie != "" {
		fmt.Fprintf(&b, "La base a été chiffrée. Une copie de l'ancienne base, NON chiffrée, a été faite avant :\n    %s\n"+
			"Vérifiez la base chiffrée (logis verify), puis SUPPRIMEZ cette copie : elle contient les données en clair.\n", copie)
	}
	if rk := db.RecoveryKey(); rk != "" {
		a := db.Account()
		fmt.Fprintf(&b, "Base « %s » : compte « %s » (%s).\n", filepath.Base(db.Path()), a.Nom, a.Role)
		fmt.Fprintf(&b, "CLÉ DE SECOURS — à imprimer et à garder au coffre, elle ne sera plus jamais affichée :\n\n    %s\n\n", rk)
		b.WriteString("Elle seule permet de redéfinir le mot de passe d'un responsable perdu (logis mot-de-passe --secours).\n")
	}
	return b.String()
}

func hasFlag(args []string, flag string) bool {
	for _, a := range args {
		if a == flag || a == "-"+strings.TrimLeft(flag, "-") {
			return true
		}
	}
	return false
}

// newPassword reads a new password from LOGIS_NOUVEAU_MOT_DE_PASSE, else
// twice from the terminal.
func newPassword() (string, error) {
	if p := os.Getenv(envNouveauMotDePasse); p != "" {
		return p, nil
	}
	if !terminal.ok() {
		return "", model.Errorf(model.EINVALID, "Nouveau mot de passe requis : %s ou saisie au terminal.", envNouveauMotDePasse)
	}
	p := terminal.hidden("Nouveau mot de passe : ")
	if terminal.hidden("Encore une fois : ") != p {
		return "", model.Errorf(model.EINVALID, "Les deux saisies du mot de passe diffèrent ; rien n'a été changé.")
	}
	return p, nil
}

func cmdInit(a *app.App, args []string, out io.Writer) error {
	if len(args) > 0 {
		return usageError("init : aucune option")
	}
	return nil // the base was created by signIn, which printed its recovery key
}

func cmdUtilisateurs(a *app.App, args []string, out io.Writer) error {
	sub, rest := splitFirst(args)
	switch sub {
	case "":
		if len(rest) > 0 {
			return usageError("utilisateurs : option inconnue")
		}
		list, err := a.Comptes()
		if err != nil {
			return err
		}
		fmt.Fprintln(out, "nom;role;actif;derniere_connexion")
		for _, c := range list {
			actif, last := "non", "jamais"
			if c.Actif {
				actif = "oui"
			}
			if !c.DerniereConnexion.IsZero() {
				last = c.DerniereConnexion.Local().Format("02/01/2006 15:04")
			}
			fmt.Fprintf(out, "%s;%s;%s;%s\n", c.Nom, c.Role, actif, last)
		}
		return nil
	case "ajouter":
		nom, rest := splitFirst(rest)
		fs := newFlags("utilisateurs ajouter")
		role := fs.String("role", "", "")
		if err := fs.Parse(rest); err != nil || nom == "" || *role == "" || fs.NArg() > 0 {
			return usageError("utilisateurs ajouter : indiquez NOM --role agent|responsable|consultation")
		}
		r, err := model.ParseRole(*role)
		if err != nil {
			return err
		}
		if err := model.ValidateNomCompte(nom); err != nil {
			return err
		}
		p, err := newPassword()
		if err != nil {
			return err
		}
		if err := a.AjouterCompte(nom, r, p); err != nil {
			return err
		}
		fmt.Fprintf(out, "Compte « %s » créé (%s).\n", nom, r)
		return nil
	case "desactiver":
		nom, rest := splitFirst(rest)
		if nom == "" || len(rest) > 0 {
			return usageError("utilisateurs desactiver : indiquez NOM")
		}
		if err := a.DesactiverCompte(nom); err != nil {
			return err
		}
		fmt.Fprintf(out, "Compte « %s » désactivé.\n", nom)
		return nil
	}
	return usageError(fmt.Sprintf("utilisateurs : sous-commande inconnue « %s » (ajouter, desactiver)", sub))
}

func cmdMotDePasse(a *app.App, args []string, out io.Writer) error {
	fs := newFlags("mot-de-passe")
	fs.Bool("secours", false, "")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		return usageError("mot-de-passe : seule l'option --secours est possible")
	}
	p, err := newPassword()
	if err != nil {
		return err
	}
	if err := a.ChangerMotDePasse(p); err != nil {
		return err
	}
	fmt.Fprintf(out, "Mot de passe du compte « %s » changé.\n", a.Compte().Nom)
	return nil
}

func cmdJournal(a *app.App, args []string, out io.Writer) error {
	fs := newFlags("journal")
	depuis := fs.String("depuis", "", "")
	user := fs.String("utilisateur", "", "")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		return usageError("journal : options --depuis AAAA-MM-JJ et --utilisateur NOM")
	}
	d, err := parseDateFlag("--depuis", *depuis, 0)
	if err != nil {
		return err
	}
	lines, err := a.Journal(app.FiltreJournal{Depuis: d, Utilisateur: strings.TrimSpace(*user)})
	if err != nil {
		return err
	}
	clean := strings.NewReplacer(";", ",", "\n", " ", "\r", " ")
	fmt.Fprintln(out, "date;utilisateur;action;objets")
	for _, l := range lines {
		fmt.Fprintf(out, "%s;%s;%s;%s\n", l.Quand.Local().Format("02/01/2006 15:04:05"), clean.Replace(l.Utilisateur),
			clean.Replace(l.Action), clean.Replace(l.Objets))
	}
	return nil
}
