package screens

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"logis/app"
	"logis/model"
)

// Commissions is the « Commissions » screen: the CALEOL sessions (search,
// Ctrl+N to create one) and the editor of the session chosen.
type Commissions struct {
	shell coque
	a     commissionsApp
	body  fyne.CanvasObject

	split *container.Split // sessions | session; folded with the navigation (Ctrl+B)

	search  *entree
	list    *liste
	newBtn  *bouton
	status  *widget.Label
	all     []model.Commission
	rows    []int // indices in all shown in the list
	current string
	seance  *seanceEditor
	right   *fyne.Container
	empty   fyne.CanvasObject

	bg       sync.WaitGroup // background work, waited for by tests and captures
	creation *creationForm  // the creation form last opened (tests)

	tabs    *container.AppTabs // « Séances » and « Rapport annuel » (commission_rapport.go)
	rapport *rapportPanel
}

// commissionsApp is what the Commissions screen calls of the app (*app.App
// satisfies it): the sessions, the session editor's use cases and the
// yearly report's.
type commissionsApp interface {
	seanceApp
	rapportApp
	Commissions() ([]model.Commission, error)
	NouvelleCommission(date model.Date, lieu, commune string, typ model.TypeCommission) (*model.Commission, error)
}

var _ commissionsApp = (*app.App)(nil)

func newCommissions(shell coque, a commissionsApp) *Commissions {
	s := &Commissions{shell: shell, a: a}
	s.search = newEntree()
	s.search.SetPlaceHolder("Date, commune, n°… (Ctrl+F)") // short: the list is narrow
	s.search.OnChanged = func(string) { s.filter() }
	s.newBtn = newBoutonIcone("Nouvelle séance (Ctrl+N)", theme.ContentAddIcon(), s.create)
	s.newBtn.Importance = widget.HighImportance
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord
	s.list = newListe(
		func() int { return len(s.rows) },
		func() fyne.CanvasObject {
			// Date and commune on two lines, the number and status whole:
			// the list stays narrow and nothing is cut (issue 12).
			l1 := widget.NewLabelWithStyle("00/00/0000\nVitry-sur-Seine", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			l1.Truncation = fyne.TextTruncateEllipsis // a rare longer commune
			l2 := widget.NewLabel("C0000-000 · en préparation")
			l3 := widget.NewLabel("attribution + occupation")
			l3.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, widget.NewIcon(nil), nil, container.NewVBox(l1, l2, l3))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(s.rows) {
				return
			}
			c := &s.all[s.rows[i]]
			box := o.(*fyne.Container)
			texts := box.Objects[0].(*fyne.Container).Objects
			texts[0].(*widget.Label).SetText(seanceTitre(c))
			texts[1].(*widget.Label).SetText(fmt.Sprintf("%s · %s", c.ID, c.Statut.Label()))
			texts[2].(*widget.Label).SetText(typeCourt(c.Type))
			icon := box.Objects[1].(*widget.Icon)
			if c.Statut == model.Close {
				icon.SetResource(theme.ConfirmIcon())
			} else {
				icon.SetResource(theme.DocumentCreateIcon())
			}
		})
	s.list.OnSelected = func(i widget.ListItemID) { s.selectRow(i) }
	// Down goes to the sessions found, Entrée opens the first one (or the
	// one marked), as every search of Logis (essai-12b N2).
	relierRecherche(s.search, s.list, func() int { return len(s.rows) })
	s.seance = newSeanceEditor(s, shell, a)
	s.empty = widget.NewLabel("Choisissez une séance dans la liste, ou créez-en une (Ctrl+N).")
	s.right = container.NewStack(s.empty)
	// Drawn search, « Nouvelle séance », list; Tab goes search, list, button.
	left := container.New(&hautEmpile{haut: []fyne.CanvasObject{s.search, s.newBtn}, bas: s.status}, s.search, s.list, s.newBtn, s.status)
	split := container.NewHSplit(left, s.right)
	split.Offset = 0.18 // the list at its width on a 1366-pixel screen: the rest to the session
	s.rapport = newRapportPanel(shell.fenetre(), a, shell.journal(), &s.bg)
	s.tabs = container.NewAppTabs(container.NewTabItem("Séances", split), container.NewTabItem("Rapport annuel", s.rapport.body))
	s.tabs.OnSelected = func(t *container.TabItem) {
		if t.Content == s.rapport.body {
			s.rapport.shown()
		}
	}
	s.body = s.tabs
	s.split = split
	return s
}

// typeCourt is the kind of session in a few words, for the list.
func typeCourt(t model.TypeCommission) string {
	switch t {
	case model.CommissionOccupation:
		return "occupation"
	case model.CommissionMixte:
		return "attribution + occupation"
	}
	return t.Label()
}

// seanceTitre is « 12/11/2026 », then « Arcueil » on a second line.
func seanceTitre(c *model.Commission) string {
	s := c.Date.String()
	if c.Commune != "" {
		s += "\n" + c.Commune
	}
	return s
}

func (s *Commissions) title() string              { return "Commissions" }
func (s *Commissions) content() fyne.CanvasObject { return s.body }

// shown reloads the sessions, and the session open unless it holds
// unsaved changes (households may have been marked meanwhile).
func (s *Commissions) shown() {
	s.reload(s.current)
	if s.seance.c != nil && s.seance.dirtyForm() == nil {
		s.seance.load(s.seance.c.ID)
	}
}

// focusSearch (Ctrl+F) goes to the session search.
func (s *Commissions) focusSearch() { s.shell.fenetre().Canvas().Focus(s.search) }

// waitIdle waits for the background work (tests, captures).
func (s *Commissions) waitIdle() { s.bg.Wait() }

// reload reads the sessions and shows id (if still there).
func (s *Commissions) reload(id string) {
	all, err := s.a.Commissions()
	if err != nil {
		s.shell.journal().Error("commissions", "err", err)
		s.status.SetText("Les séances n'ont pas pu être lues : " + model.ErrorMessage(err))
		return
	}
	s.all = chronologique(all)
	s.current = id
	s.filter()
}

// chronologique orders sessions by date, then identifier: the numbers
// Logis gives follow the dates, but an imported session is named by the
// office (« CAL-2026-03 ») and would otherwise sort apart from them.
func chronologique(all []model.Commission) []model.Commission {
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].Date != all[j].Date {
			return all[i].Date < all[j].Date
		}
		return all[i].ID < all[j].ID
	})
	return all
}

// filter shows the sessions matching the search, most recent first.
func (s *Commissions) filter() {
	q := strings.ToLower(model.Fold(strings.TrimSpace(s.search.Text)))
	s.rows = s.rows[:0]
	for i := len(s.all) - 1; i >= 0; i-- {
		c := &s.all[i]
		hay := strings.ToLower(model.Fold(strings.Join([]string{c.ID, c.Date.String(), c.Commune, c.Lieu, c.Type.Label(), c.Statut.Label()}, " ")))
		if q == "" || strings.Contains(hay, q) {
			s.rows = append(s.rows, i)
		}
	}
	s.status.SetText(fmt.Sprintf("%d séance(s) : %s.", len(s.all), s.compte()))
	s.list.UnselectAll()
	s.list.Refresh()
	for r, i := range s.rows {
		if s.all[i].ID == s.current {
			s.list.Select(r)
			return
		}
	}
	if s.current != "" {
		// The session chosen is hidden by the search: keep showing it.
		return
	}
	s.right.Objects = []fyne.CanvasObject{s.empty}
	s.right.Refresh()
}

func (s *Commissions) selectRow(i int) {
	if i < 0 || i >= len(s.rows) {
		return
	}
	c := s.all[s.rows[i]]
	if c.ID == s.seance.id() && s.right.Objects[0] == s.seance.body {
		return
	}
	if f := s.seance.dirtyForm(); f != nil {
		prev := s.seance.id()
		f.ConfirmLeaveOr(s.shell.fenetre(), saveForm(f), func() { s.open(c.ID) }, func() {
			for r, j := range s.rows {
				if s.all[j].ID == prev {
					s.list.Select(r)
				}
			}
		})
		return
	}
	s.open(c.ID)
}

// saveForm is the « Enregistrer » of f for the unsaved-changes question.
func saveForm(f *Form) func() bool {
	return func() bool { f.Save.OnTapped(); return !f.Dirty() }
}

// confirmLeave asks before losing the members or findings being typed.
func (s *Commissions) confirmLeave(then, cancel func()) {
	f := s.seance.dirtyForm()
	if f == nil {
		then()
		return
	}
	f.ConfirmLeaveOr(s.shell.fenetre(), saveForm(f), then, cancel)
}

// catalogueReady: the vacant dwellings can now be searched.
func (s *Commissions) catalogueReady() {
	if s.seance.c != nil {
		s.seance.logements.filterVacants()
	}
}

// prepareCapture shows the most recent session at its Logements tab, the
// one used in front of the commission (captures). The members' tab would
// be drawn wrong: Fyne's software renderer does not clip an entry's text
// to the scroll around it (the window's renderer does).
func (s *Commissions) prepareCapture() {
	if len(s.rows) > 0 {
		s.list.Select(0)
		s.seance.tabs.Select(s.seance.tabLog)
	}
}

// open shows session id in the editor.
func (s *Commissions) open(id string) {
	s.current = id
	s.seance.load(id)
	s.right.Objects = []fyne.CanvasObject{s.seance.body}
	s.right.Refresh()
	reagencer(s.body) // the session is wider than « Choisissez… »
}

// compte is « 2 en préparation, 1 close(s) », read from the sessions
// loaded (reload).
func (s *Commissions) compte() string {
	prep, closes := 0, 0
	for _, c := range s.all {
		if c.Statut == model.Close {
			closes++
		} else {
			prep++
		}
	}
	return fmt.Sprintf("%d en préparation, %d close(s)", prep, closes)
}

// sessionChanged is called by the editor after each recorded change.
func (s *Commissions) sessionChanged(c *model.Commission) {
	for i := range s.all {
		if s.all[i].ID == c.ID {
			s.all[i] = *c
		}
	}
	s.list.Refresh()
}

// create (Ctrl+N) opens the creation form.
func (s *Commissions) create() {
	var last *model.Commission
	if len(s.all) > 0 {
		last = &s.all[len(s.all)-1]
	}
	s.creation = showCreationDialog(s.shell.fenetre(), s.a.Today(), last, nil, func(date model.Date, lieu, commune string, typ model.TypeCommission) error {
		c, err := s.a.NouvelleCommission(date, lieu, commune, typ)
		if err != nil {
			return err
		}
		s.search.SetText("")
		s.reload(c.ID)
		s.shell.confirmer("Séance " + c.ID + " du " + c.Date.String() + " créée")
		return nil
	})
}

// creationForm is the form of a new session.
type creationForm struct {
	form        *Form
	date        *Champ
	lieu        *Champ
	commune     *Choix
	attribution *caseACocher
	occupation  *caseACocher
	body        fyne.CanvasObject
}

// typeChoisi is the kind of session ticked ("" when none).
func (f *creationForm) typeChoisi() model.TypeCommission {
	switch {
	case f.attribution.Checked && f.occupation.Checked:
		return model.CommissionMixte
	case f.attribution.Checked:
		return model.CommissionAttribution
	case f.occupation.Checked:
		return model.CommissionOccupation
	}
	return ""
}

// newCreationForm builds the header form: a new session (edit nil,
// proposing the place and commune of last), or the header of edit.
func newCreationForm(today model.Date, last, edit *model.Commission, onCreate func(model.Date, string, string, model.TypeCommission) error) *creationForm {
	f := &creationForm{}
	f.form = NewForm(nil)
	f.form.Save.SetText("Créer la séance")
	f.date = NewChampDate("Date de la séance", true)
	f.lieu = NewChamp("Lieu", true)
	f.lieu.Entry.SetPlaceHolder("ex. : siège de l'Office, salle du conseil")
	f.commune = NewChoix("Commune", CommuneOptions(), true)
	f.attribution = newCase("Attribution de logements", func(bool) { f.form.Touch() })
	f.occupation = newCase("Examen de l'occupation des logements", func(bool) { f.form.Touch() })
	f.form.Add(f.date, f.lieu, f.commune)
	// Entrée in a field saves, as the button would.
	submit := func(string) {
		if !f.form.Save.Disabled() {
			f.form.Save.OnTapped()
		}
	}
	f.date.Entry.OnSubmitted = submit
	f.lieu.Entry.OnSubmitted = submit
	f.form.Extra = func() []string {
		if f.typeChoisi() == "" {
			return []string{"Type de séance : cochez l'attribution, l'examen de l'occupation, ou les deux."}
		}
		return nil
	}
	f.form.Save.OnTapped = func() {
		if !f.form.Valid() {
			f.form.Check()
			return
		}
		if err := onCreate(f.date.Date(), f.lieu.Text(), f.commune.Value(), f.typeChoisi()); err != nil {
			f.form.Summary.SetText(model.ErrorMessage(err))
			f.form.Summary.Show()
			return
		}
		f.form.Clean()
	}
	if edit != nil {
		f.form.Save.SetText("Enregistrer")
		f.date.SetDate(edit.Date)
		f.lieu.SetText(edit.Lieu)
		f.commune.Set(edit.Commune)
		f.attribution.SetChecked(edit.Type != model.CommissionOccupation)
		f.occupation.SetChecked(edit.Type != model.CommissionAttribution)
		f.form.Clean()
	} else {
		f.date.SetDate(today)
		f.lieu.SetText("")
		if last != nil {
			// The usual place and commune: those of the last session.
			f.lieu.SetText(last.Lieu)
			f.commune.Set(last.Commune)
		}
		f.attribution.SetChecked(true)
		f.form.Clean()
		f.form.dirty, f.form.autre = true, true // created with its default values: ready to save
		f.form.Check()
	}
	f.body = container.NewVBox(
		Ligne("Date", container.NewVBox(container.NewGridWrap(fyne.NewSize(140, f.date.Entry.MinSize().Height), f.date.Entry), f.date.Message)),
		Ligne("Lieu", f.lieu.Object()),
		Ligne("Commune", f.commune.Select),
		Ligne("Type", container.NewVBox(f.attribution, f.occupation)),
		fixedLines(f.form.Summary, 2)) // the dialog's buttons do not move when a message comes
	return f
}

// showCreationDialog opens the creation form; it closes once the session
// is created.
func showCreationDialog(win fyne.Window, today model.Date, last, edit *model.Commission, onCreate func(model.Date, string, string, model.TypeCommission) error) *creationForm {
	var dlg *dialog.CustomDialog
	f := newCreationForm(today, last, edit, func(d model.Date, lieu, commune string, t model.TypeCommission) error {
		if err := onCreate(d, lieu, commune, t); err != nil {
			return err
		}
		dlg.Hide()
		return nil
	})
	title := "Nouvelle séance de la commission"
	if edit != nil {
		title = "En-tête de la séance " + edit.ID
	}
	dlg = dialog.NewCustomWithoutButtons(title, container.NewGridWrap(fyne.NewSize(620, f.body.MinSize().Height+60), f.body), win)
	cancel := newBouton("Annuler", func() { dlg.Hide() })
	dlg.SetButtons([]fyne.CanvasObject{cancel, f.form.Save})
	showDialog(dlg)
	win.Canvas().Focus(f.date.Entry)
	return f
}
