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
	choisirFichier(e.shell.fenetre(), choixFichier{Titre: titre, Action: "Importer", Usage: usageImports,
		Extensions: []string{".csv", ".txt"}}, func(path string) {
		if r := ouvrirChoisi(e.shell.fenetre(), path); r != nil {
			defer r.Close()
			e.importer(kind, filepath.Base(path), r)
		}
	})
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
	choisirFichier(e.shell.fenetre(), choixFichier{Titre: "Dossier où écrire plafonds.csv et quartiles.csv", Action: "Exporter",
		Mode: choixDossier, Usage: usageExports}, func(dir string) {
		paths, err := e.app.ExportRegles(dir)
		if err != nil {
			Erreur(e.shell.fenetre(), err)
			return
		}
		e.status.SetText(fmt.Sprintf("Règles exportées : %s.", strings.Join(paths, ", ")))
	})
}
