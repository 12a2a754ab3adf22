package screens

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"logis/app"
	"logis/model"
)

// Patrimoine is the « Patrimoine » screen: dwellings and residences with
// search as you type, filters, and a form for the one selected.
type Patrimoine struct {
	shell coque
	app   patrimoineApp
	body  fyne.CanvasObject
	tabs  *container.AppTabs

	// Logements tab.
	*listeRecherche[*app.LogementRow]        // search, count, list, rows, selected
	fCommune, fTypo, fEtat, fFin, fQPV, fPMR *deroulant
	form                                     *logementForm

	// Résidences tab.
	res      *listeRecherche[*app.ResidenceRow]
	rCommune *deroulant
	rform    *residenceForm
}

const (
	toutesCommunes = "Communes"
	toutesTypos    = "Typologies"
)

// patrimoineApp is what the Patrimoine screen (patrimoine*.go,
// logement_occupants.go, residence_fragilite.go) calls of the app;
// *app.App satisfies it.
type patrimoineApp interface {
	Catalogue() *app.Catalogue
	Today() model.Date
	OpenLogement(ref string, at model.Date) (*app.LogementFiche, error)
	SaveLogement(l *model.Logement, creating bool) error
	DeleteLogement(ref string) error
	OpenResidence(code string) (*model.Residence, error)
	SaveResidence(r *model.Residence, creating bool) error
	DeleteResidence(code string) error
	fragiliteApp
}

func newPatrimoine(shell coque, a patrimoineApp) *Patrimoine {
	s := &Patrimoine{shell: shell, app: a}
	s.form = newLogementForm(s)
	s.rform = newResidenceForm(s)
	s.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Logements", theme.HomeIcon(), s.logementsTab()),
		container.NewTabItemWithIcon("Résidences", theme.StorageIcon(), s.residencesTab()),
	)
	s.body = s.tabs
	s.refresh()
	s.rrefresh()
	return s
}

func (s *Patrimoine) title() string              { return "Patrimoine" }
func (s *Patrimoine) content() fyne.CanvasObject { return s.body }
func (s *Patrimoine) shown()                     { s.shell.rafraichirIndex(); s.refresh(); s.rrefresh() }

func (s *Patrimoine) focusSearch() {
	if s.tabs.SelectedIndex() == 1 {
		s.shell.fenetre().Canvas().Focus(s.res.search)
		return
	}
	s.shell.fenetre().Canvas().Focus(s.search)
}

// create starts a new dwelling (or residence on the Résidences tab).
func (s *Patrimoine) create() {
	if s.tabs.SelectedIndex() == 1 {
		s.rform.form.ConfirmLeave(s.shell.fenetre(), s.rform.onSave, func() { s.res.list.UnselectAll(); s.rform.startNew() })
		return
	}
	s.form.form.ConfirmLeave(s.shell.fenetre(), s.form.onSave, func() { s.list.UnselectAll(); s.form.startNew() })
}

func (s *Patrimoine) catalogueReady() { s.refresh(); s.rrefresh() }

func (s *Patrimoine) waitIdle() { s.shell.attendreIndex() }

// prepareCapture opens the first occupied dwelling, for the screenshots.
func (s *Patrimoine) prepareCapture() {
	for i, r := range s.rows {
		if r.Etat == model.Occupe {
			s.list.Select(i)
			return
		}
	}
}

// confirmLeave asks about unsaved changes of either form.
func (s *Patrimoine) confirmLeave(then, cancel func()) {
	s.form.form.ConfirmLeaveOr(s.shell.fenetre(), s.form.onSave, func() {
		s.rform.form.ConfirmLeaveOr(s.shell.fenetre(), s.rform.onSave, then, cancel)
	}, cancel)
}

func filterSelect(all string, options []string, onChange func()) *deroulant {
	sel := newDeroulant(append([]string{all}, options...), func(string) { onChange() })
	sel.SetSelected(all)
	return sel
}

func (s *Patrimoine) logementsTab() fyne.CanvasObject {
	s.listeRecherche = newListeRecherche(rechercheOptions[*app.LogementRow]{
		aide: "Référence, adresse, commune, résidence… (Ctrl+F)",
		modele: func() fyne.CanvasObject {
			a := widget.NewLabelWithStyle("L000000 · T6 et + · 100 m²", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			b := widget.NewLabel("adresse")
			b.Truncation = fyne.TextTruncateEllipsis
			a.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(a, b)
		},
		remplir: func(r *app.LogementRow, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(fmt.Sprintf("%s · %s · %s m² · %s · %s", r.Reference, model.TypologieLabel(r.Typologie),
				model.FormatNumber(r.Surface, 1), r.Financement, r.Etat.Label()))
			extra := ""
			if r.QPV {
				extra += " · QPV"
			}
			if r.PMR {
				extra += " · PMR"
			}
			box.Objects[1].(*widget.Label).SetText(fmt.Sprintf("%s, %s%s · %s CC", r.Adresse, r.Commune, extra, r.Loyer))
		},
		chercher: func() ([]*app.LogementRow, bool) {
			cat := s.app.Catalogue()
			if !cat.Ready() {
				return nil, false
			}
			return cat.SearchLogements(s.filtre()), true
		},
		attente: func() string { return "Chargement du patrimoine…" },
		compter: func(n int) string { return pluriel(n, "logement", "logements") },
		cle:     func(r *app.LogementRow) string { return r.Reference },
		courant: func() string { return s.form.current() },
		quitter: func(ouvrir, rester func()) {
			s.form.form.ConfirmLeaveOr(s.shell.fenetre(), s.form.onSave, ouvrir, rester)
		},
		ouvrir: func(r *app.LogementRow) { s.form.open(r.Reference); hautDeFiche(s.form.fields) },
	})
	s.fCommune = filterSelect(toutesCommunes, CommuneOptions(), s.refresh)
	s.fTypo = filterSelect(toutesTypos, TypologieOptions(), s.refresh)
	s.fEtat = filterSelect("États", []string{"Vacant", "Occupé", "En travaux"}, s.refresh)
	s.fFin = filterSelect("Financements", FinancementOptions(), s.refresh)
	s.fQPV = filterSelect("QPV : tous", []string{"En QPV", "Hors QPV"}, s.refresh)
	s.fPMR = filterSelect("PMR : tous", []string{"PMR", "Non PMR"}, s.refresh)
	filters := container.NewGridWithColumns(3, s.fCommune, s.fTypo, s.fEtat, s.fFin, s.fQPV, s.fPMR)
	add := newBoutonIcone("Nouveau logement", theme.ContentAddIcon(), s.create)
	top := container.NewVBox(s.search, filters, container.NewBorder(nil, nil, nil, add, s.count))
	left := s.panneau(top, nil)
	split := container.NewHSplit(left, s.form.object())
	split.Offset = 0.42
	return split
}

// filtre reads the filters of the Logements tab.
func (s *Patrimoine) filtre() app.LogementFiltre {
	f := app.LogementFiltre{Texte: s.search.Text}
	if v := s.fCommune.Selected; v != toutesCommunes {
		f.Commune = v
	}
	if t, err := model.ParseTypologie(s.fTypo.Selected); err == nil {
		f.Typologie = t
	}
	switch s.fEtat.Selected {
	case "Vacant":
		f.Etat = model.Vacant
	case "Occupé":
		f.Etat = model.Occupe
	case "En travaux":
		f.Etat = model.Travaux
	}
	if fin, err := model.ParseFinancement(s.fFin.Selected); err == nil {
		f.Financement = fin
	}
	f.QPV = tri(s.fQPV.Selected, "En QPV", "Hors QPV")
	f.PMR = tri(s.fPMR.Selected, "PMR", "Non PMR")
	return f
}

// refresh reruns the search and keeps the selected dwelling selected.
func (s *Patrimoine) refresh() {
	if s.listeRecherche == nil || s.fPMR == nil {
		return // the filters are being built
	}
	s.relancer()
}

// pluriel writes « 1 logement », « 12 345 logements », « aucun logement ».
func pluriel(n int, one, many string) string {
	switch n {
	case 0:
		return "Aucun " + one
	case 1:
		return "1 " + one
	}
	return nombre(n) + " " + many
}

func (s *Patrimoine) residencesTab() fyne.CanvasObject {
	s.res = newListeRecherche(rechercheOptions[*app.ResidenceRow]{
		aide: "Code, nom, adresse, commune (Ctrl+F)",
		modele: func() fyne.CanvasObject {
			a := widget.NewLabelWithStyle("R000 · nom", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			b := widget.NewLabel("adresse")
			a.Truncation, b.Truncation = fyne.TextTruncateEllipsis, fyne.TextTruncateEllipsis
			return container.NewVBox(a, b)
		},
		remplir: func(r *app.ResidenceRow, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(model.JoinNonEmpty(" · ", r.Code, r.Nom, pluriel(r.Logements, "logement", "logements")))
			q := ""
			if r.QPV {
				q = " · QPV"
			}
			box.Objects[1].(*widget.Label).SetText(model.JoinNonEmpty(", ", r.Adresse, r.Commune) + q)
		},
		chercher: func() ([]*app.ResidenceRow, bool) {
			cat := s.app.Catalogue()
			if !cat.Ready() {
				return nil, false
			}
			commune := ""
			if v := s.rCommune.Selected; v != toutesCommunes {
				commune = v
			}
			return cat.SearchResidences(s.res.search.Text, commune), true
		},
		attente: func() string { return "Chargement du patrimoine…" },
		compter: func(n int) string { return pluriel(n, "résidence", "résidences") },
		cle:     func(r *app.ResidenceRow) string { return r.Code },
		courant: func() string { return s.rform.current() },
		quitter: func(ouvrir, rester func()) {
			s.rform.form.ConfirmLeaveOr(s.shell.fenetre(), s.rform.onSave, ouvrir, rester)
		},
		ouvrir: func(r *app.ResidenceRow) { s.rform.open(r.Code); hautDeFiche(s.rform.fields) },
	})
	s.rCommune = filterSelect(toutesCommunes, CommuneOptions(), s.rrefresh)
	add := newBoutonIcone("Nouvelle résidence", theme.ContentAddIcon(), s.create)
	top := container.NewVBox(s.res.search, s.rCommune, container.NewBorder(nil, nil, nil, add, s.res.count))
	split := container.NewHSplit(s.res.panneau(top, nil), s.rform.object())
	split.Offset = 0.42
	return split
}

// rrefresh reruns the residences' search, keeping the open one selected.
func (s *Patrimoine) rrefresh() {
	if s.res == nil || s.rCommune == nil {
		return // the filter is being built
	}
	s.res.relancer()
}
