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
			Erreur(e.main.win, model.Errorf(model.EINVALID, "Le fichier n'a pas pu être ouvert."))
			return
		}
		if r == nil {
			return
		}
		defer r.Close()
		e.importer(kind, r.URI().Name(), r)
	}, e.main.win)
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
	rep, err := e.main.app.Import(kind, name, r, nil)
	if err != nil {
		Erreur(e.main.win, err)
		return
	}
	stored, err := e.main.app.Regles()
	if err != nil {
		Erreur(e.main.win, err)
		return
	}
	e.set(stored)
	e.status.SetText(rep.String())
}

// onExportRegles writes plafonds.csv and quartiles.csv in a chosen folder.
func (e *reglesEditor) onExportRegles() {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil || u == nil {
			return
		}
		paths, err := e.main.app.ExportRegles(u.Path())
		if err != nil {
			Erreur(e.main.win, err)
			return
		}
		e.status.SetText(fmt.Sprintf("Règles exportées : %s.", strings.Join(paths, ", ")))
	}, e.main.win)
	d.SetTitleText("Dossier où écrire plafonds.csv et quartiles.csv")
	d.SetConfirmText("Exporter")
	d.SetDismissText("Annuler")
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}
