package model

import (
	"strings"
	"time"
	"unicode"
)

// Error codes of accounts and rights.
const (
	EAUTH      = "authentification" // no, unknown or wrong account or password
	EFORBIDDEN = "interdit"         // the account's role does not allow the action
)

// Role is what an account may do (CNIL social-housing framework: access by
// need). Source: issue 10 « Data protection », charter §III (discrétion).
type Role string

// Roles, from the widest to the narrowest.
const (
	Responsable  Role = "responsable"  // everything: accounts, settings, purge, restore
	Agent        Role = "agent"        // the daily work: stock, households, review, sessions, letters, imports
	Consultation Role = "consultation" // read only (commission members, auditors); no export of personal data
)

// Roles lists the roles in the order shown to users.
var Roles = []Role{Responsable, Agent, Consultation}

// ParseRole reads a role name (case and spaces ignored).
func ParseRole(s string) (Role, error) {
	r := Role(strings.ToLower(strings.TrimSpace(s)))
	for _, ok := range Roles {
		if r == ok {
			return r, nil
		}
	}
	return "", Errorf(EINVALID, "Le rôle « %s » n'existe pas : choisissez responsable, agent ou consultation.", clip(s))
}

// Compte is a person's account. The password is never held here: storage
// keeps only what derives from it (see storage/cles.go).
type Compte struct {
	Nom               string    `json:"nom"` // sign-in name, e.g. « m.dupont »
	Role              Role      `json:"role"`
	Actif             bool      `json:"actif"`                       // a deactivated account keeps its name in the journal
	Cree              time.Time `json:"cree"`                        // creation time
	DerniereConnexion time.Time `json:"derniere_connexion,omitzero"` // zero: never signed in
}

// MaxNomCompte is the longest account name, in characters.
const MaxNomCompte = 40

// ValidateNomCompte checks an account name: 1 to 40 letters, digits, « . »,
// « - » or « _ », no space.
func ValidateNomCompte(nom string) error {
	if strings.TrimSpace(nom) == "" {
		return Errorf(EINVALID, "L'identifiant du compte est obligatoire.")
	}
	if len([]rune(nom)) > MaxNomCompte {
		return Errorf(EINVALID, "L'identifiant du compte dépasse %d caractères.", MaxNomCompte)
	}
	for _, r := range nom {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' && r != '-' && r != '_' {
			return Errorf(EINVALID, "L'identifiant « %s » n'est pas valable : lettres, chiffres, point, tiret ou souligné, sans espace.", clip(nom))
		}
	}
	return nil
}

// MinMotDePasse is the shortest password accepted, in characters (ANSSI's
// advice for passwords protected by a slow hash and a lock-out: 9 to 11
// characters at least; 10 chosen). The demo account « demo » is the only
// exception, created by the demo command.
const MinMotDePasse = 10

// ValidateMotDePasse checks a new password: at least MinMotDePasse
// characters, not the account name.
func ValidateMotDePasse(nom, mdp string) error {
	if len([]rune(mdp)) < MinMotDePasse {
		return Errorf(EINVALID, "Le mot de passe doit compter au moins %d caractères.", MinMotDePasse)
	}
	if strings.EqualFold(strings.TrimSpace(mdp), strings.TrimSpace(nom)) {
		return Errorf(EINVALID, "Le mot de passe ne peut pas être l'identifiant.")
	}
	return nil
}

// Validate checks the account's name and role.
func (c *Compte) Validate() error {
	if err := ValidateNomCompte(c.Nom); err != nil {
		return err
	}
	if _, err := ParseRole(string(c.Role)); err != nil {
		return err
	}
	return nil
}

// Action is a use case whose right depends on the role.
type Action string

// Actions checked by the app before each use case.
const (
	ActionConsulter    Action = "consulter"     // read lists, records, dashboards, verify
	ActionSaisir       Action = "saisir"        // create, edit, delete stock and households
	ActionImporter     Action = "importer"      // CSV imports
	ActionExaminer     Action = "examiner"      // record occupancy review outcomes
	ActionCommission   Action = "commission"    // prepare, decide and close sessions
	ActionDocuments    Action = "documents"     // letters, minutes, annual report (PDF)
	ActionExporter     Action = "exporter"      // CSV exports with personal data
	ActionSauvegarder  Action = "sauvegarder"   // backup copy of the base
	ActionDemo         Action = "demo"          // fill a base with fictitious data
	ActionParametres   Action = "parametres"    // rule tables, office identity
	ActionComptes      Action = "comptes"       // create, deactivate accounts
	ActionJournal      Action = "journal"       // read the audit journal
	ActionRestaurer    Action = "restaurer"     // restore a backup
	ActionMotDePasse   Action = "mot-de-passe"  // change one's own password
	ActionReinitialise Action = "reinitialiser" // reset a password with the recovery key
	// The persons' rights (RGPD art. 15 to 21, policy §III).
	ActionExporterMenage Action = "exporter-menage" // export everything held on one household
	ActionEffacer        Action = "effacer"         // erase or restrict one household
	ActionPurger         Action = "purger"          // purge by the retention period, summarise the journal
)

// droits maps each action to the roles allowed and the French phrase that
// ends « votre rôle (…) ne permet pas … ».
var droits = map[Action]struct {
	roles  []Role
	phrase string
}{
	ActionConsulter:      {[]Role{Responsable, Agent, Consultation}, "de consulter la base"},
	ActionSaisir:         {[]Role{Responsable, Agent}, "de modifier les données"},
	ActionImporter:       {[]Role{Responsable, Agent}, "d'importer des fichiers"},
	ActionExaminer:       {[]Role{Responsable, Agent}, "d'enregistrer l'examen d'occupation"},
	ActionCommission:     {[]Role{Responsable, Agent}, "de préparer ou de clore une commission, ni d'enregistrer la suite de ses offres"},
	ActionDocuments:      {[]Role{Responsable, Agent}, "d'éditer des courriers ou des procès-verbaux"},
	ActionExporter:       {[]Role{Responsable, Agent}, "d'exporter des données personnelles"},
	ActionSauvegarder:    {[]Role{Responsable, Agent}, "de sauvegarder la base"},
	ActionDemo:           {[]Role{Responsable, Agent}, "de remplir la base de données fictives"},
	ActionParametres:     {[]Role{Responsable}, "de modifier les paramètres"},
	ActionComptes:        {[]Role{Responsable}, "de gérer les comptes"},
	ActionJournal:        {[]Role{Responsable, Consultation}, "de lire le journal"},
	ActionRestaurer:      {[]Role{Responsable}, "de restaurer une sauvegarde"},
	ActionMotDePasse:     {[]Role{Responsable, Agent, Consultation}, "de changer de mot de passe"},
	ActionReinitialise:   {[]Role{Responsable}, "de réinitialiser un mot de passe"},
	ActionExporterMenage: {[]Role{Responsable, Agent}, "d'exporter les données d'un ménage"},
	ActionEffacer:        {[]Role{Responsable, Agent}, "d'effacer ou de limiter les données d'un ménage"},
	ActionPurger:         {[]Role{Responsable}, "de purger la base"},
}

// Autorise says whether role may do action: nil when allowed, else an
// EFORBIDDEN error « Refusé : votre rôle (consultation) ne permet pas
// d'importer des fichiers. ». An unknown action is refused to everyone.
func Autorise(role Role, action Action) error {
	d, ok := droits[action]
	if !ok {
		return Errorf(EFORBIDDEN, "Refusé : l'action « %s » n'est pas prévue.", clip(string(action)))
	}
	for _, r := range d.roles {
		if r == role {
			return nil
		}
	}
	name := string(role)
	if name == "" {
		name = "aucun"
	}
	return Errorf(EFORBIDDEN, "Refusé : votre rôle (%s) ne permet pas %s.", clip(name), d.phrase)
}

// RolesAutorises lists the roles allowed to do action, for the usage text.
func RolesAutorises(action Action) []Role { return droits[action].roles }
