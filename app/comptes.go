package app

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"logis/model"
	"logis/storage"
)

// Comptes lists the accounts (responsable only).
func (a *App) Comptes() ([]model.Compte, error) {
	if err := a.Peut(model.ActionComptes); err != nil {
		return nil, err
	}
	return a.DB.Accounts()
}

// AjouterCompte creates an account with its first password (responsable
// only). Errors: EFORBIDDEN, EINVALID (name, role, password too short),
// ECONFLICT (name taken).
func (a *App) AjouterCompte(nom string, role model.Role, motDePasse string) error {
	if err := a.Peut(model.ActionComptes); err != nil {
		return err
	}
	nom = strings.TrimSpace(nom)
	c := model.Compte{Nom: nom, Role: role}
	if err := c.Validate(); err != nil {
		return err
	}
	if err := model.ValidateMotDePasse(nom, motDePasse); err != nil {
		return err
	}
	return a.DB.AddAccount(c, motDePasse)
}

// DesactiverCompte deactivates an account (responsable only): its name
// stays in the journal, its password opens nothing any more.
func (a *App) DesactiverCompte(nom string) error {
	if err := a.Peut(model.ActionComptes); err != nil {
		return err
	}
	if strings.TrimSpace(nom) == a.Compte().Nom {
		return model.Errorf(model.EINVALID, "Vous ne pouvez pas désactiver votre propre compte.")
	}
	return a.DB.SetActive(strings.TrimSpace(nom), false, "")
}

// ChangerMotDePasse gives the signed-in account a new password.
func (a *App) ChangerMotDePasse(nouveau string) error {
	if err := a.Peut(model.ActionMotDePasse); err != nil {
		return err
	}
	if err := model.ValidateMotDePasse(a.Compte().Nom, nouveau); err != nil {
		return err
	}
	return a.DB.ChangePassword(nouveau)
}

// LigneJournal is one journal entry as an auditor reads it: keys and field
// names, never personal values.
type LigneJournal struct {
	Quand       time.Time
	Utilisateur string
	Action      string
	Objets      string // « menage M000123 (modification : ressources) | … »
}

// FiltreJournal selects journal entries: from a date (zero: all), of an
// account ("" : all).
type FiltreJournal struct {
	Depuis      model.Date
	Utilisateur string
}

// Journal lists the journal entries matching f, oldest first (responsable
// and consultation).
func (a *App) Journal(f FiltreJournal) ([]LigneJournal, error) {
	if err := a.Peut(model.ActionJournal); err != nil {
		return nil, err
	}
	evs, err := a.DB.Journal(0)
	if err != nil {
		return nil, err
	}
	var out []LigneJournal
	for i := len(evs) - 1; i >= 0; i-- {
		e := evs[i]
		if !f.Depuis.IsZero() && model.DateOf(e.Quand) < f.Depuis {
			continue
		}
		if f.Utilisateur != "" && e.Utilisateur != f.Utilisateur {
			continue
		}
		out = append(out, LigneJournal{Quand: e.Quand, Utilisateur: e.Utilisateur, Action: e.Action, Objets: objets(e)})
	}
	return out, nil
}

// objets lists what an entry touched.
func objets(e model.Evenement) string {
	var parts []string
	for _, c := range e.Changements {
		p := c.Type + " " + c.Cle + " (" + c.Op
		if len(c.Champs) > 0 {
			p += " : " + strings.Join(c.Champs, ", ")
		}
		parts = append(parts, p+")")
	}
	if len(e.Totaux) > 0 {
		keys := make([]string, 0, len(e.Totaux))
		for k := range e.Totaux {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			parts = append(parts, fmt.Sprintf("%s × %d", k, e.Totaux[k]))
		}
	}
	return strings.Join(parts, " | ")
}

// reglageVerrouillage is the setting holding the idle lock delay, minutes.
const reglageVerrouillage = "verrouillage_minutes"

// DelaiVerrouillageDefaut is the idle time after which the window locks.
const DelaiVerrouillageDefaut = 15 * time.Minute

// DelaiVerrouillage is the idle time after which the window locks itself
// (setting of the base; 15 minutes by default).
func (a *App) DelaiVerrouillage() time.Duration {
	var min int
	err := a.DB.View(func(tx *storage.Tx) error { _, err := tx.Setting(reglageVerrouillage, &min); return err })
	if err != nil || min <= 0 {
		return DelaiVerrouillageDefaut
	}
	return time.Duration(min) * time.Minute
}

// SetDelaiVerrouillage sets the idle lock delay, 1 to 240 minutes
// (responsable only).
func (a *App) SetDelaiVerrouillage(minutes int) error {
	if err := a.Peut(model.ActionParametres); err != nil {
		return err
	}
	if minutes < 1 || minutes > 240 {
		return model.Errorf(model.EINVALID, "Le délai de verrouillage doit être compris entre 1 et 240 minutes.")
	}
	return a.DB.Update("Paramètres : verrouillage après inactivité", func(tx *storage.Tx) error {
		return tx.PutSetting(reglageVerrouillage, minutes)
	})
}
