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
	main *Main
	body fyne.CanvasObject
	tabs *container.AppTabs

	// Logements tab.
	search                                   *entree
	fCommune, fTypo, fEtat, fFin, fQPV, fPMR *widget.Select
	count                                    *widget.Label
	list                                     *liste
	rows                                     []*app.LogementRow
	selected                                 widget.ListItemID
	form                                     *logementForm

	// Résidences tab.
	rsearch   *entree
	rCommune  *widget.Select
	rcount    *widget.Label
	rlist     *liste
	rrows     []*app.ResidenceRow
	rselected widget.ListItemID
	rform     *residenceForm

	selecting bool // a selection made by the program, not the user
}

const (
	toutesCommunes = "Communes"
	toutesTypos    = "Typologies"
)

func newPatrimoine(m *Main) *Patrimoine {
	s := &Patrimoine{main: m, selected: -1, rselected: -1}
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
func (s *Patrimoine) shown()                     { s.main.refreshIndex(); s.refresh(); s.rrefresh() }

func (s *Patrimoine) focusSearch() {
	if s.tabs.SelectedIndex() == 1 {
		s.main.win.Canvas().Focus(s.rsearch)
		return
	}
	s.main.win.Canvas().Focus(s.search)
}

// create starts a new dwelling (or residence on the Résidences tab).
func (s *Patrimoine) create() {
	if s.tabs.SelectedIndex() == 1 {
		s.rform.form.ConfirmLeave(s.main.win, s.rform.onSave, func() { s.rlist.UnselectAll(); s.rform.startNew() })
		return
	}
	s.form.form.ConfirmLeave(s.main.win, s.form.onSave, func() { s.list.UnselectAll(); s.form.startNew() })
}

func (s *Patrimoine) catalogueReady() { s.refresh(); s.rrefresh() }

func (s *Patrimoine) waitIdle() { s.main.waitCatalogue() }

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
	s.form.form.ConfirmLeaveOr(s.main.win, s.form.onSave, func() {
		s.rform.form.ConfirmLeaveOr(s.main.win, s.rform.onSave, then, cancel)
	}, cancel)
}

func filterSelect(all string, options []string, onChange func()) *widget.Select {
	sel := widget.NewSelect(append([]string{all}, options...), func(string) { onChange() })
	sel.SetSelected(all)
	return sel
}

func (s *Patrimoine) logementsTab() fyne.CanvasObject {
	s.search = newEntree()
	s.search.SetPlaceHolder("Référence, adresse, commune, résidence… (Ctrl+F)")
	s.search.OnChanged = func(string) { s.refresh() }
	s.fCommune = filterSelect(toutesCommunes, CommuneOptions(), s.refresh)
	s.fTypo = filterSelect(toutesTypos, TypologieOptions(), s.refresh)
	s.fEtat = filterSelect("États", []string{"Vacant", "Occupé", "En travaux"}, s.refresh)
	s.fFin = filterSelect("Financements", FinancementOptions(), s.refresh)
	s.fQPV = filterSelect("QPV : tous", []string{"En QPV", "Hors QPV"}, s.refresh)
	s.fPMR = filterSelect("PMR : tous", []string{"PMR", "Non PMR"}, s.refresh)
	s.count = widget.NewLabel("")
	s.count.TextStyle = fyne.TextStyle{Bold: true}
	s.list = newListe(
		func() int { return len(s.rows) },
		func() fyne.CanvasObject {
			a := widget.NewLabelWithStyle("L000000 · T6 et + · 100 m²", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			b := widget.NewLabel("adresse")
			b.Truncation = fyne.TextTruncateEllipsis
			a.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(a, b)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(s.rows) {
				return
			}
			r := s.rows[i]
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
		})
	s.list.OnSelected = func(i widget.ListItemID) {
		if s.selecting || i == s.selected || i >= len(s.rows) {
			return
		}
		prev, ref := s.selected, s.rows[i].Reference
		s.form.form.ConfirmLeaveOr(s.main.win, s.form.onSave, func() {
			s.selected = i
			s.form.open(ref)
		}, func() { s.reselect(prev) })
	}
	filters := container.NewGridWithColumns(3, s.fCommune, s.fTypo, s.fEtat, s.fFin, s.fQPV, s.fPMR)
	add := widget.NewButtonWithIcon("Nouveau logement", theme.ContentAddIcon(), s.create)
	top := container.NewVBox(s.search, filters, container.NewBorder(nil, nil, nil, add, s.count))
	left := container.NewBorder(top, nil, nil, nil, s.list)
	split := container.NewHSplit(left, s.form.object())
	split.Offset = 0.42
	return split
}

// reselect puts the list's selection back on row i (after Annuler).
func (s *Patrimoine) reselect(i widget.ListItemID) {
	s.selecting = true
	defer func() { s.selecting = false }()
	if i < 0 || i >= len(s.rows) {
		s.list.UnselectAll()
		return
	}
	s.list.Select(i)
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
	if s.list == nil || s.fPMR == nil {
		return
	}
	cat := s.main.app.Catalogue()
	if !cat.Ready() {
		s.rows = nil
		s.count.SetText("Chargement du patrimoine…")
		s.list.Refresh()
		return
	}
	s.rows = cat.SearchLogements(s.filtre())
	s.count.SetText(pluriel(len(s.rows), "logement", "logements"))
	s.selecting = true
	s.list.UnselectAll()
	s.selected = -1
	if ref := s.form.current(); ref != "" {
		for i, r := range s.rows {
			if r.Reference == ref {
				s.selected = i
				s.list.Select(i)
				break
			}
		}
	}
	s.selecting = false
	s.list.Refresh()
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
	s.rsearch = newEntree()
	s.rsearch.SetPlaceHolder("Code, nom, adresse, commune (Ctrl+F)")
	s.rsearch.OnChanged = func(string) { s.rrefresh() }
	s.rCommune = filterSelect(toutesCommunes, CommuneOptions(), s.rrefresh)
	s.rcount = widget.NewLabel("")
	s.rcount.TextStyle = fyne.TextStyle{Bold: true}
	s.rlist = newListe(
		func() int { return len(s.rrows) },
		func() fyne.CanvasObject {
			a := widget.NewLabelWithStyle("R000 · nom", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			b := widget.NewLabel("adresse")
			a.Truncation, b.Truncation = fyne.TextTruncateEllipsis, fyne.TextTruncateEllipsis
			return container.NewVBox(a, b)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(s.rrows) {
				return
			}
			r := s.rrows[i]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(model.JoinNonEmpty(" · ", r.Code, r.Nom, pluriel(r.Logements, "logement", "logements")))
			q := ""
			if r.QPV {
				q = " · QPV"
			}
			box.Objects[1].(*widget.Label).SetText(model.JoinNonEmpty(", ", r.Adresse, r.Commune) + q)
		})
	s.rlist.OnSelected = func(i widget.ListItemID) {
		if s.selecting || i == s.rselected || i >= len(s.rrows) {
			return
		}
		prev, code := s.rselected, s.rrows[i].Code
		s.rform.form.ConfirmLeaveOr(s.main.win, s.rform.onSave, func() {
			s.rselected = i
			s.rform.open(code)
		}, func() {
			s.selecting = true
			if prev >= 0 && prev < len(s.rrows) {
				s.rlist.Select(prev)
			} else {
				s.rlist.UnselectAll()
			}
			s.selecting = false
		})
	}
	add := widget.NewButtonWithIcon("Nouvelle résidence", theme.ContentAddIcon(), s.create)
	top := container.NewVBox(s.rsearch, s.rCommune, container.NewBorder(nil, nil, nil, add, s.rcount))
	split := container.NewHSplit(container.NewBorder(top, nil, nil, nil, s.rlist), s.rform.object())
	split.Offset = 0.42
	return split
}

func (s *Patrimoine) rrefresh() {
	if s.rlist == nil || s.rCommune == nil {
		return
	}
	cat := s.main.app.Catalogue()
	if !cat.Ready() {
		s.rrows = nil
		s.rcount.SetText("Chargement du patrimoine…")
		s.rlist.Refresh()
		return
	}
	commune := ""
	if v := s.rCommune.Selected; v != toutesCommunes {
		commune = v
	}
	s.rrows = cat.SearchResidences(s.rsearch.Text, commune)
	s.rcount.SetText(pluriel(len(s.rrows), "résidence", "résidences"))
	s.selecting = true
	s.rlist.UnselectAll()
	s.rselected = -1
	if code := s.rform.current(); code != "" {
		for i, r := range s.rrows {
			if r.Code == code {
				s.rselected = i
				s.rlist.Select(i)
				break
			}
		}
	}
	s.selecting = false
	s.rlist.Refresh()
}
