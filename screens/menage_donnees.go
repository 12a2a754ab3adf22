package screens

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"logis/app"
	"logis/model"
)

// The persons' rights on the household sheet (RGPD art. 15 to 21): one
// button « Droits RGPD… » offering the export (access and
// portability), the restriction and the erasure, each confirmed.

// newBoutonDonnees returns the sheet's « Droits RGPD… » button.
func newBoutonDonnees(f *menageFiche) *bouton {
	var b *bouton
	b = newBoutonIcone("Droits RGPD…", theme.AccountIcon(), func() {
		if f.loaded == "" || f.fiche == nil {
			return
		}
		m := f.fiche.Menage
		limiter := "Limiter le traitement"
		if m.Restreint {
			limiter = "Lever la limitation"
		}
		items := []*fyne.MenuItem{
			fyne.NewMenuItem("Exporter les données", func() { exporterDonnees(f) }),
			fyne.NewMenuItem(limiter, func() { limiterDonnees(f, !m.Restreint) }),
			fyne.NewMenuItem("Effacer le ménage", func() { effacerDonnees(f) }),
		}
		c := fyne.CurrentApp().Driver().CanvasForObject(b)
		if c == nil {
			return
		}
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
		widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), c, pos.Add(fyne.NewPos(0, b.Size().Height)))
	})
	return b
}

// etatDonnees is appended to the sheet's title: « — traitement limité ».
func etatDonnees(m *model.Menage) string {
	if m.Restreint {
		return " — traitement limité (RGPD art. 18)"
	}
	return ""
}

// donneesApp is what the personal-data rights of a household sheet call
// of the app; *app.App satisfies it.
type donneesApp interface {
	DossierDeLaBase() string
	ExporterMenage(id, dir string) ([]string, error)
	RestreindreMenage(id string, restreint bool) error
	PreparerEffacement(id string) (*app.Effacement, error)
	EffacerMenage(id string) (*app.Effacement, error)
}

// dossierDonnees is where the exports go by default: « Données
// personnelles » beside the base.
func dossierDonnees(a donneesApp) string {
	return filepath.Join(a.DossierDeLaBase(), "Données personnelles")
}

func exporterDonnees(f *menageFiche) {
	id, win, a := f.loaded, f.s.shell.fenetre(), f.s.app
	dir := dossierDonnees(a)
	Confirmer(win, "Exporter les données du ménage ?",
		"Toutes les données détenues sur le ménage "+id+" seront écrites dans le dossier « "+dir+" » : "+id+".json (format lisible par une machine) et "+id+
			".pdf (relevé à remettre à la personne). L'export est inscrit au journal.", "Exporter", func() {
			paths, err := a.ExporterMenage(id, dir)
			if err != nil {
				Erreur(win, err)
				return
			}
			info := widget.NewLabel("Fichiers écrits :\n" + strings.Join(paths, "\n"))
			info.Wrapping = fyne.TextWrapWord
			Informer(win, "Données exportées", "Fermer", messageBox(info, 480, 90))
		})
}

func limiterDonnees(f *menageFiche, restreint bool) {
	id, win, a := f.loaded, f.s.shell.fenetre(), f.s.app
	title, msg, yes := "Limiter le traitement ?", "Le ménage "+id+" sera conservé mais gelé : il ne sera plus proposé dans les listes de candidats ni repris dans les exports, jusqu'à la levée de la limitation. L'opération est inscrite au journal.", "Limiter"
	if !restreint {
		title, msg, yes = "Lever la limitation ?", "Le ménage "+id+" sera de nouveau proposé dans les listes de candidats. L'opération est inscrite au journal.", "Lever"
	}
	Confirmer(win, title, msg, yes, func() {
		if err := a.RestreindreMenage(id, restreint); err != nil {
			Erreur(win, err)
			return
		}
		f.open(id)
		f.s.refresh()
	})
}

func effacerDonnees(f *menageFiche) {
	id, win, a := f.loaded, f.s.shell.fenetre(), f.s.app
	plan, err := a.PreparerEffacement(id)
	if err != nil {
		Erreur(win, err)
		return
	}
	Confirmer(win, "Effacer le ménage "+id+" ?", plan.Explication+" L'effacement est définitif et inscrit au journal ; la base est compactée à sa prochaine ouverture.", "Effacer", func() {
		e, err := a.EffacerMenage(id)
		if err != nil {
			Erreur(win, err)
			return
		}
		f.loaded = ""
		f.form.Clean()
		f.fields.Hide()
		f.empty.Show()
		f.verif.set(nil)
		f.s.refresh()
		info := widget.NewLabel(e.Resume())
		info.Wrapping = fyne.TextWrapWord
		Informer(win, "Ménage effacé", "Fermer", messageBox(info, 480, 120))
	})
}
