package screens

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// onImportRegles imports a plafonds or quartiles CSV file (all or nothing)
// and shows the stored tables. Unsaved edits must be saved first: the
// import writes to the database.
func (e *reglesEditor) onImportRegles(kind string) {
	if e.form.Dirty() {
		e.status.SetText("Enregistrez ou annulez d'abord vos modifications : l'import écrit directement dans la base.")
		return
	}
	titre := "Importer un fichier de plafonds (annee;financement;zone;categorie;montant)"
	if kind == "quartiles" {
		titre = "Importer un fichier de seuils du premier quartile (annee;seuil)"
	}
	choisirFichier(e.main.win, choixFichier{Titre: titre, Action: "Importer", Usage: usageImports,
		Extensions: []string{".csv", ".txt"}}, func(path string) {
		if r := ouvrirChoisi(e.main.win, path); r != nil {
			defer r.Close()
			e.importer(kind, filepath.Base(path), r)
		}
	})
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
	choisirFichier(e.main.win, choixFichier{Titre: "Dossier où écrire plafonds.csv et quartiles.csv", Action: "Exporter",
		Mode: choixDossier, Usage: usageExports}, func(dir string) {
		paths, err := e.main.app.ExportRegles(dir)
		if err != nil {
			Erreur(e.main.win, err)
			return
		}
		e.status.SetText(fmt.Sprintf("Règles exportées : %s.", strings.Join(paths, ", ")))
	})
}
