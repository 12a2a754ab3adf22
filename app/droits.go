package app

import (
	"logis/model"
	"logis/storage"
)

// Compte is the signed-in account (zero when the base is locked).
func (a *App) Compte() model.Compte { return a.DB.Account() }

// Peut says whether the signed-in account may do action: nil, or the
// French refusal « Refusé : votre rôle (consultation) ne permet pas … »
// (code model.EFORBIDDEN). Every use case that writes, prints or exports
// personal data calls it first.
func (a *App) Peut(action model.Action) error { return model.Autorise(a.DB.Account().Role, action) }

// Journaliser writes a journal entry for an action that changes nothing in
// the base (an export, a backup, a restore), in the name of the signed-in
// account. label names files and counts, never personal values.
func (a *App) Journaliser(label string) error {
	return a.DB.Update(label, func(*storage.Tx) error { return nil })
}
