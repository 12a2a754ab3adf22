package screens

import (
	"fmt"
	"image/color"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"logis/app"
	"logis/model"
)

// Tableau is the « Tableau de bord »: what needs attention today. Its
// figures are computed in the background so that it appears at once.
type Tableau struct {
	shell coque
	app   tableauApp
	body  *fyne.Container

	bg       sync.WaitGroup // background loading, waited for by tests and captures
	loading  bool
	data     *app.Tableau
	fragiles []app.FragiliteResidence // residences ranked by fragility (tableau_fragilite.go)
	fragBox  *fyne.Container          // their card, filled when computed
	obj      *app.ObjectifsEnCours    // the year's objectives running (tableau_objectifs.go)
}

// tableauApp is what the dashboard (tableau*.go) calls of the app;
// *app.App satisfies it.
type tableauApp interface {
	Tableau() (*app.Tableau, error)
	ObjectifsEnCours() (*app.ObjectifsEnCours, error)
	Fragilites(at model.Date) ([]app.FragiliteResidence, error)
}

func newTableau(shell coque, a tableauApp) *Tableau {
	s := &Tableau{shell: shell, app: a, body: container.NewStack(), fragBox: container.NewStack()}
	s.body.Objects = []fyne.CanvasObject{s.waiting()}
	return s
}

func (s *Tableau) title() string              { return "Tableau de bord" }
func (s *Tableau) content() fyne.CanvasObject { return s.body }
func (s *Tableau) focusSearch()               {}
func (s *Tableau) create()                    {}

// shown reloads the figures each time the dashboard is displayed.
func (s *Tableau) shown() { s.load() }

// waitIdle waits for the background loading (tests, captures).
func (s *Tableau) waitIdle() { s.bg.Wait() }

func (s *Tableau) waiting() fyne.CanvasObject {
	p := widget.NewProgressBarInfinite()
	return container.NewCenter(container.NewVBox(widget.NewLabel("Calcul des chiffres du jour…"), p))
}

// load computes the figures in a goroutine and shows them when ready.
func (s *Tableau) load() {
	if s.loading {
		return
	}
	s.loading = true
	s.loadFragiles()
	type chiffres struct {
		t   *app.Tableau
		obj *app.ObjectifsEnCours
	}
	enFond(&s.bg, s.shell.journal(), "tableau de bord",
		func() (chiffres, error) {
			t, err := s.app.Tableau()
			obj, errObj := s.app.ObjectifsEnCours()
			if errObj != nil { // the objectives' card says it is missing; the figures still show
				s.shell.journal().Error("objectifs en cours", "err", errObj)
				obj = nil
			}
			return chiffres{t, obj}, err
		},
		func(c chiffres, err error) {
			s.obj = c.obj
			s.loading = false
			if err != nil {
				s.setBody(messageErreur(echec("Les chiffres n'ont pas pu être calculés", err)))
				return
			}
			s.data = c.t
			s.setBody(s.render(c.t))
		})
}

func (s *Tableau) setBody(o fyne.CanvasObject) {
	s.body.Objects = []fyne.CanvasObject{o}
	s.body.Refresh()
}

// render lays the dashboard out: four key figures, four charts, the
// households to present.
func (s *Tableau) render(t *app.Tableau) fyne.CanvasObject {
	head := widget.NewLabelWithStyle("Situation au "+t.Date.String(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	refresh := newBoutonIcone("Actualiser", theme.ViewRefreshIcon(), s.load)

	cards := container.NewGridWithColumns(4,
		chiffreCle("Logements vacants", t.Vacants, fmt.Sprintf("sur %s logements ; %s en travaux", nombreFR(t.Logements), nombreFR(t.Travaux))),
		chiffreCle("Demandes actives", t.DemandesActives, fmt.Sprintf("dont %s mutations, %s prioritaires", nombreFR(t.Mutations), nombreFR(t.Prioritaires))),
		chiffreCle("Ménages en situation d'examen", t.MenagesEnAlerte, fmt.Sprintf("sur %s ménages logés (art. L.442-5-2 CCH)", nombreFR(t.MenagesLoges))),
		chiffreCle("À présenter en commission", len(t.APresenter), "ménage(s) marqué(s) dans l'examen d'occupation"),
	)

	primary := theme.Color(theme.ColorNamePrimary)
	orange := color.NRGBA{R: 0xe0, G: 0x7a, B: 0x1f, A: 0xff}
	teal := color.NRGBA{R: 0x1f, G: 0x8a, B: 0x80, A: 0xff}
	red := color.NRGBA{R: 0xc0, G: 0x39, B: 0x2b, A: 0xff}
	charts := container.NewGridWithColumns(2,
		newBarChart("Logements vacants par commune", comptesBarres(t.VacantsParCommune), primary, nil),
		newBarChart("Logements vacants par typologie", comptesBarres(t.VacantsParTypologie), teal, nil),
		newBarChart("Demandes actives par ancienneté", comptesBarres(t.Anciennete), orange, nil),
		newBarChart("Ménages logés par situation d'occupation", comptesBarres(t.Situations), red,
			container.NewHBox(newBoutonIcone("Examiner ces ménages", theme.NavigateNextIcon(), func() { s.ouvrirExamen("toutes") }))),
	)

	return container.NewBorder(container.NewBorder(nil, nil, nil, refresh, head), nil, nil, nil,
		container.NewVScroll(container.NewVBox(cards, objectifsEnCours(s.obj), charts, s.aPresenter(t), s.fragBox)))
}

// aPresenter lists the households marked for the commission (the first ones).
func (s *Tableau) aPresenter(t *app.Tableau) fyne.CanvasObject {
	const shown = 12
	title := fmt.Sprintf("Ménages à présenter en commission (%s)", nombreFR(len(t.APresenter)))
	if len(t.APresenter) == 0 {
		return widget.NewCard("", "", container.NewVBox(
			widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			widget.NewLabel("Aucun ménage n'est marqué. Lancez l'examen d'occupation pour en choisir.")))
	}
	rows := container.NewVBox(widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for i, p := range t.APresenter {
		if i == shown {
			rows.Add(widget.NewLabel(fmt.Sprintf("… et %s autres : voir « Examen d'occupation ».", nombreFR(len(t.APresenter)-shown))))
			break
		}
		where := "non logé par l'Office"
		if p.Logement != "" {
			where = "logement " + p.Logement + ", " + p.Commune
		}
		rows.Add(widget.NewLabel(fmt.Sprintf("%s — %s (%s)", p.ID, p.Nom, where)))
	}
	open := newBoutonIcone("Voir les ménages marqués", theme.NavigateNextIcon(), func() { s.ouvrirExamen("a_presenter") })
	return widget.NewCard("", "", container.NewBorder(nil, container.NewHBox(open), nil, nil, rows))
}

// chiffreCle is a key figure: a title, a big number, a line of context.
func chiffreCle(titre string, n int, detail string) fyne.CanvasObject {
	v := canvas.NewText(nombreFR(n), theme.Color(theme.ColorNamePrimary))
	v.TextSize = theme.TextSize() * 2.4
	v.TextStyle = fyne.TextStyle{Bold: true}
	d := widget.NewLabel(detail)
	d.Wrapping = fyne.TextWrapWord
	return widget.NewCard("", "", container.NewVBox(
		widget.NewLabelWithStyle(titre, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), v, d))
}

func comptesBarres(cs []app.Compte) []barre {
	out := make([]barre, len(cs))
	for i, c := range cs {
		out[i] = barre{libelle: c.Libelle, n: c.N}
	}
	return out
}

// nombreFR writes a count the French way: « 12 345 ».
func nombreFR(n int) string { return model.FormatNumber(float64(n), 0) }

// ouvrirExamen opens the occupancy review on a situation (see occFiltres).
func (s *Tableau) ouvrirExamen(code string) {
	s.shell.ouvrirExamen(code)
}

// messageErreur shows a failure in the body of a screen, wrapped to its
// width: a long message (a damaged base and what to do) never widens the
// window beyond the screen.
func messageErreur(text string) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return container.NewVBox(l)
}
