package screens

import (
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"logis/model"
)

// onImportRegles imports a plafonds or quartiles CSV file (all or nothing)
// and shows the stored tables. Unsaved edits must be saved first: the
// import writes to the database.
func (e *reglesEditor) onImportRegles(kind string) {
	if e.form.Dirty() {
		e.status.SetText("Enregistrez ou annulez d'abord vos modifications : l'import écrit directement dans la base.")
		return
	}
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			Erreur(e.shell.fenetre(), model.Errorf(model.EINVALID, "Le fichier n'a pas pu être ouvert."))
			return
		}
		if r == nil {
			return
		}
		defer r.Close()
		e.importer(kind, r.URI().Name(), r)
	}, e.shell.fenetre())
	titre := "Importer un fichier de plafonds (annee;financement;zone;categorie;montant)"
	if kind == "quartiles" {
		titre = "Importer un fichier de seuils du premier quartile (annee;seuil)"
	}
	d.SetTitleText(titre)
	d.SetConfirmText("Importer")
	d.SetDismissText("Annuler")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".CSV", ".txt"}))
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

// importer runs the import and reloads the tables; a refusal is shown line
// by line.
func (e *reglesEditor) importer(kind, name string, r io.Reader) {
	rep, err := e.app.Import(kind, name, r, nil)
	if err != nil {
		Erreur(e.shell.fenetre(), err)
		return
	}
	stored, err := e.app.Regles()
	if err != nil {
		Erreur(e.shell.fenetre(), err)
		return
	}
	e.set(stored)
	e.status.SetText(rep.String())
	quoi := "Plafonds de ressources importés"
	if kind == "quartiles" {
		quoi = "Seuils du premier quartile importés"
	}
	e.dire(fmt.Sprintf("%s de « %s »", quoi, name))
}

// onExportRegles writes plafonds.csv and quartiles.csv in a chosen folder.
func (e *reglesEditor) onExportRegles() {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil || u == nil {
			return
		}
		paths, err := e.app.ExportRegles(u.Path())
		if err != nil {
			Erreur(e.shell.fenetre(), err)
			return
		}
		e.status.SetText(fmt.Sprintf("Règles exportées : %s.", strings.Join(paths, ", ")))
		e.dire(fmt.Sprintf("Règles exportées (%d fichiers)", len(paths)))
	}, e.shell.fenetre())
	d.SetTitleText("Dossier où écrire plafonds.csv et quartiles.csv")
	d.SetConfirmText("Exporter")
	d.SetDismissText("Annuler")
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}
