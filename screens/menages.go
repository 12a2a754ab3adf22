package screens

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"logis/app"
	"logis/model"
)

// Menages is the « Ménages et demandes » screen: households with search as
// you type and filters, and the sheet of the one selected with its
// verifications.
type Menages struct {
	shell coque
	app   menagesApp
	body  fyne.CanvasObject

	*listeRecherche[*app.MenageRow]          // search, count, list, rows, selected
	fCommune, fTypo, fPrio, fMut, fAnc, fDem *deroulant
	fiche                                    *menageFiche
}

// menagesApp is what the Ménages screen (menages.go, menage_*.go) calls of
// the app; *app.App satisfies it.
type menagesApp interface {
	Catalogue() *app.Catalogue
	Today() model.Date
	Regles() (*model.Regles, error)
	OpenMenage(id string) (*app.Fiche, error)
	SaveMenage(m *model.Menage, d *model.Demande) (string, error)
	DeleteMenage(id string) error
	DeleteDemande(nur string) error
	Logement(ref string) (*model.Logement, error)
	TransfertDeDemande(nur string) (*model.TransfertBail, error)
	donneesApp // menage_donnees.go
}

func newMenages(shell coque, a menagesApp) *Menages {
	s := &Menages{shell: shell, app: a}
	s.fiche = newMenageFiche(s)
	s.listeRecherche = newListeRecherche(rechercheOptions[*app.MenageRow]{
		aide: "Nom, prénom, NUR, logement… (Ctrl+F)",
		modele: func() fyne.CanvasObject {
			a := widget.NewLabelWithStyle("Prénom NOM · M000000", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			b := widget.NewLabel("demande")
			a.Truncation, b.Truncation = fyne.TextTruncateEllipsis, fyne.TextTruncateEllipsis
			return container.NewVBox(a, b)
		},
		remplir: func(r *app.MenageRow, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(fmt.Sprintf("%s · %s · %s", r.Nom, r.ID, pluriel(r.Personnes, "pers.", "pers.")))
			box.Objects[1].(*widget.Label).SetText(s.ligne(r))
		},
		chercher: func() ([]*app.MenageRow, bool) {
			cat := s.app.Catalogue()
			if !cat.Ready() {
				return nil, false
			}
			return cat.SearchMenages(s.filtre()), true
		},
		attente: func() string { return "Chargement des ménages…" },
		compter: func(n int) string { return pluriel(n, "ménage", "ménages") },
		cle:     func(r *app.MenageRow) string { return r.ID },
		courant: func() string { return s.fiche.loaded },
		quitter: func(ouvrir, rester func()) {
			s.fiche.form.ConfirmLeaveOr(shell.fenetre(), s.fiche.onSave, ouvrir, rester)
		},
		ouvrir: func(r *app.MenageRow) { s.fiche.open(r.ID); hautDeFiche(s.fiche.fields) },
	})
	s.fCommune = filterSelect("Communes", CommuneOptions(), s.refresh)
	s.fTypo = filterSelect("Typologies", TypologieOptions(), s.refresh)
	s.fPrio = filterSelect("Priorité", []string{"Prioritaires (DALO, annexe 1)", "Non prioritaires"}, s.refresh)
	s.fMut = filterSelect("Mutation", []string{"Mutations", "Hors mutation"}, s.refresh)
	s.fDem = filterSelect("Demande", []string{"Demande active", "Sans demande active"}, s.refresh)
	s.fAnc = filterSelect("Ancienneté", ancienneteOptions(), s.refresh) // the dashboard's bands
	add := newBoutonIcone("Nouveau ménage", theme.ContentAddIcon(), s.create)
	filters := container.NewGridWithColumns(2, s.fCommune, s.fTypo, s.fPrio, s.fMut, s.fDem, s.fAnc)
	top := container.NewVBox(s.search, filters, container.NewBorder(nil, nil, nil, add, s.count))
	left := s.panneau(top, nil)
	split := container.NewHSplit(left, s.fiche.object())
	split.Offset = 0.3
	s.body = split
	s.refresh()
	return s
}

// ligne is the second line of a household in the list.
func (s *Menages) ligne(r *app.MenageRow) string {
	var parts []string
	if r.Restreint {
		parts = append(parts, "Traitement limité")
	}
	if r.Logement != "" {
		if r.NUR != "" {
			parts = append(parts, "Mutation, locataire de "+r.Logement)
		} else {
			parts = append(parts, "Locataire de "+r.Logement)
		}
	}
	if r.NUR != "" {
		mo := r.DateDepot.MonthsUntil(s.app.Today())
		parts = append(parts, fmt.Sprintf("demande du %s (%s)", r.DateDepot, duree(mo)))
		if len(r.Typologies) > 0 {
			t := make([]string, len(r.Typologies))
			for i, x := range r.Typologies {
				t[i] = model.TypologieLabel(x)
			}
			parts = append(parts, strings.Join(t, ", "))
		}
		if len(r.Communes) > 0 {
			parts = append(parts, strings.Join(r.Communes, ", "))
		}
	} else if r.Logement == "" {
		parts = append(parts, "sans demande active")
	}
	if r.DALO {
		parts = append(parts, "DALO")
	} else if r.Annexe1 {
		parts = append(parts, "prioritaire")
	}
	if r.APresenter {
		parts = append(parts, "à présenter en commission")
	}
	return strings.Join(parts, " · ")
}

// duree writes months as « 8 mois », « 2 ans et 3 mois ».
func duree(mo int) string {
	y, m := mo/12, mo%12
	switch {
	case y == 0:
		return fmt.Sprintf("%d mois", m)
	case m == 0:
		return pluriel(y, "an", "ans")
	}
	return pluriel(y, "an", "ans") + fmt.Sprintf(" et %d mois", m)
}

func (s *Menages) title() string              { return "Ménages et demandes" }
func (s *Menages) content() fyne.CanvasObject { return s.body }
func (s *Menages) shown()                     { s.shell.rafraichirIndex(); s.refresh() }
func (s *Menages) focusSearch()               { s.shell.fenetre().Canvas().Focus(s.search) }
func (s *Menages) catalogueReady()            { s.refresh() }
func (s *Menages) waitIdle()                  { s.shell.attendreIndex() }

// create starts a new household.
func (s *Menages) create() {
	s.fiche.form.ConfirmLeave(s.shell.fenetre(), s.fiche.onSave, func() {
		s.reselect(-1)
		s.selected = -1
		s.fiche.startNew()
	})
}

func (s *Menages) confirmLeave(then, cancel func()) {
	s.fiche.form.ConfirmLeaveOr(s.shell.fenetre(), s.fiche.onSave, then, cancel)
}

// prepareCapture opens a household in transfer, for the screenshots.
func (s *Menages) prepareCapture() {
	for i, r := range s.rows {
		if r.Mutation() {
			s.list.Select(i)
			return
		}
	}
}

func (s *Menages) filtre() app.MenageFiltre {
	f := app.MenageFiltre{Texte: s.search.Text}
	for _, c := range CommuneOptions() {
		if s.fCommune.Selected == c {
			f.Commune = c
		}
	}
	if t, err := model.ParseTypologie(s.fTypo.Selected); err == nil {
		f.Typologie = t
	}
	f.Prioritaire = tri(s.fPrio.Selected, "Prioritaires (DALO, annexe 1)", "Non prioritaires")
	f.Mutation = tri(s.fMut.Selected, "Mutations", "Hors mutation")
	f.Demande = tri(s.fDem.Selected, "Demande active", "Sans demande active")
	for i, o := range ancienneteOptions() {
		if o == s.fAnc.Selected {
			b := app.AncienneteBandes[i]
			f.Demande, f.AncienneteMin, f.AncienneteMax = app.Oui, b.Min, b.Max
		}
	}
	return f
}

// ancienneteOptions are the dashboard's seniority bands, capitalised.
func ancienneteOptions() []string {
	out := make([]string, len(app.AncienneteBandes))
	for i, b := range app.AncienneteBandes {
		out[i] = majuscule(b.Libelle)
	}
	return out
}

// refresh reruns the search, keeping the open household selected.
func (s *Menages) refresh() {
	if s.listeRecherche == nil || s.fAnc == nil {
		return // the filters are being built
	}
	s.relancer()
}

// openMenage shows the household sheet of id (links from other screens).
func (m *Main) openMenage(id string) {
	for i, sc := range m.screens {
		if s, ok := sc.(*Menages); ok {
			m.nav.Select(i)
			if m.current != i {
				return // the user stayed on the current screen
			}
			s.fiche.form.ConfirmLeave(m.win, s.fiche.onSave, func() {
				s.search.SetText("")
				s.fiche.open(id)
				hautDeFiche(s.fiche.fields)
				s.refresh()
			})
			return
		}
	}
}
