package screens

import (
	"fmt"
	"image/color"
	"log/slog"
	"math"
	"path/filepath"
	"strconv"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"logis/model"
)

// rapportPanel is the « Rapport annuel » tab of Commissions: the year's
// report to the board (R.441-9 CCH) — objectives, charts month by month,
// activity and breakdowns — with the PDF and CSV written on demand.
type rapportPanel struct {
	win     fyne.Window
	app     rapportApp
	log     *slog.Logger
	annee   *deroulant
	pdfBtn  *bouton
	csvBtn  *bouton
	status  *widget.Label
	content *fyne.Container
	body    fyne.CanvasObject
	rep     *model.Rapport
	bg      *sync.WaitGroup
}

// rapportApp is what the « Rapport annuel » tab calls of the app (*app.App
// satisfies it).
type rapportApp interface {
	Today() model.Date
	AnneesRapport() ([]int, error)
	Rapport(annee int) (*model.Rapport, error)
	EcrireRapport(annee int, pdfPath, csvPath string) (*model.Rapport, error)
}

func newRapportPanel(win fyne.Window, a rapportApp, log *slog.Logger, bg *sync.WaitGroup) *rapportPanel {
	p := &rapportPanel{win: win, app: a, log: log, bg: bg, status: widget.NewLabel(""), content: container.NewVBox()}
	p.status.Wrapping = fyne.TextWrapWord
	p.annee = newDeroulant(nil, func(string) { p.compute() })
	p.annee.PlaceHolder = "Année"
	p.pdfBtn = newBoutonIcone("Imprimer le rapport (PDF)…", theme.DocumentPrintIcon(), func() { p.onSave(true) })
	p.csvBtn = newBoutonIcone("Exporter les chiffres (CSV)…", theme.DocumentSaveIcon(), func() { p.onSave(false) })
	p.pdfBtn.Importance = widget.HighImportance
	p.pdfBtn.Disable()
	p.csvBtn.Disable()
	intro := widget.NewLabel("Rapport annuel au Conseil d'administration, à l'État et aux réservataires (art. R.441-9 CCH), sur les séances closes de l'année civile — séances importées comprises — et la suite de leurs offres.")
	intro.Wrapping = fyne.TextWrapWord
	bar := container.NewHBox(widget.NewLabel("Année :"), p.annee, p.pdfBtn, p.csvBtn)
	p.body = container.NewBorder(container.NewVBox(intro, bar, p.status), nil, nil, nil, container.NewVScroll(p.content))
	return p
}

// shown lists the years and computes the report of the selected one (the
// current year the first time).
func (p *rapportPanel) shown() {
	years, err := p.app.AnneesRapport()
	if err != nil {
		p.status.SetText("Les séances n'ont pas pu être lues : " + model.ErrorMessage(err))
		return
	}
	opts := make([]string, len(years))
	for i, y := range years {
		opts[i] = strconv.Itoa(y)
	}
	p.annee.Options = opts
	if p.annee.Selected == "" && len(opts) > 0 {
		p.annee.SetSelected(strconv.Itoa(p.app.Today().Year())) // computes
		return
	}
	p.annee.Refresh()
	p.compute()
}

func (p *rapportPanel) year() int {
	y, _ := strconv.Atoi(p.annee.Selected)
	return y
}

// compute computes the report in the background and shows it.
func (p *rapportPanel) compute() {
	annee := p.year()
	if annee == 0 {
		return
	}
	p.status.SetText(fmt.Sprintf("Calcul du rapport %d…", annee))
	enFond(p.bg, p.log, fmt.Sprintf("rapport %d", annee),
		func() (*model.Rapport, error) { return p.app.Rapport(annee) },
		func(rep *model.Rapport, err error) {
			if err != nil {
				p.status.SetText(echec("Le rapport n'a pas pu être calculé", err))
				return
			}
			if annee != p.year() {
				return // another year was chosen meanwhile
			}
			p.show(rep)
		})
}

// show draws the report.
func (p *rapportPanel) show(rep *model.Rapport) {
	p.rep = rep
	p.pdfBtn.Enable()
	p.csvBtn.Enable()
	a := rep.Activite
	imp := ""
	if a.SeancesImportees > 0 {
		imp = fmt.Sprintf(" (dont %d importée(s))", a.SeancesImportees)
	}
	p.status.SetText(fmt.Sprintf("Année %d : %d séance(s) close(s)%s, %d logement(s) examiné(s), %d candidature(s), %d attribution(s), %d bail(aux) signé(s).",
		rep.Annee, a.Seances, imp, a.LogementsExamines, a.CandidatsExamines, a.Attributions, rep.Suites.Baux))

	obj := widget.NewRichText()
	obj.Wrapping = fyne.TextWrapWord
	segs := []widget.RichTextSegment{para("Objectifs de la politique d'attribution", occStyleTitre)}
	if !rep.SeuilConnu {
		segs = append(segs, para(fmt.Sprintf("Seuil du premier quartile %d : données manquantes (à saisir dans Paramètres › Règles).", rep.Annee), occStyleManque))
	} else {
		segs = append(segs, para(fmt.Sprintf("Seuil du premier quartile %d : %s par UC et par an.", rep.Annee, rep.Seuil), occStyleText))
	}
	for _, o := range rep.Objectifs {
		segs = append(segs, verdictSegments(o.Verdict)...)
	}
	s := rep.Suites
	segs = append(segs, &widget.SeparatorSegment{}, para(fmt.Sprintf("Hors QPV, suivies de baux signés : %d bail(aux) signé(s), %d attribution(s) dont le bail n'est pas encore signé.", s.BauxHorsQPV, s.BauxHorsQPVEnAttente), occStyleText))
	obj.Segments = segs

	mois := make([]barre, 12)
	for i, m := range rep.Mois {
		mois[i] = barre{libelle: model.MonthName(m.Mois), n: m.Attributions}
	}
	bleu := color.NRGBA{R: 31, G: 86, B: 160, A: 255}
	var courbes []courbeFenetre
	for i, o := range rep.Objectifs {
		c := courbeFenetre{nom: fmt.Sprintf("%s (cible %s)", o.Titre, model.FormatPercent(o.Cible)), cible: o.Cible, col: couleursFenetre[i%len(couleursFenetre)]}
		for _, m := range rep.Mois {
			c.points = append(c.points, m.Taux[i])
		}
		courbes = append(courbes, c)
	}
	charts := container.NewGridWithColumns(2,
		newBarChart("Attributions par mois", mois, bleu, nil),
		widget.NewCard("", "", container.NewBorder(
			widget.NewLabelWithStyle("Taux cumulé de chaque objectif depuis janvier (pointillé : la cible)", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			legende(courbes), nil, nil, newCourbesFenetre(courbes))))

	var parts []fyne.CanvasObject
	dec := make([]barre, 0, len(a.Decisions))
	for _, c := range a.Decisions {
		dec = append(dec, barre{libelle: c.Libelle, n: c.N})
	}
	parts = append(parts, newBarChart("Décisions de l'année", dec, bleu, nil))
	for _, r := range rep.Parts {
		parts = append(parts, newBarChart("Attributions — "+r.Titre, barresDe(r.Lignes), bleu, nil))
	}
	parts = append(parts, newBarChart(fmt.Sprintf("Ancienneté des demandes à l'attribution (médiane : %d mois)", rep.Anciennete.Mediane), barresDe(rep.Anciennete.Tranches), bleu, nil))
	if len(a.MotifsNonAttrib) > 0 {
		parts = append(parts, newBarChart("Motifs de non-attribution", barresDe(a.MotifsNonAttrib), bleu, nil))
	}
	suites := []barre{{"Offres acceptées", s.Acceptees}, {"Offres refusées", s.Refusees}, {"Sans réponse", s.SansReponse}, {"Baux signés", s.Baux}, {"En attente de bail", s.EnAttente}}
	parts = append(parts, newBarChart("Suite des offres", suites, bleu, nil))

	p.content.Objects = []fyne.CanvasObject{charts, obj, container.NewGridWithColumns(2, parts...)}
	p.content.Refresh()
}

func barresDe(cs []model.Decompte) []barre {
	out := make([]barre, 0, len(cs))
	for _, c := range cs {
		out = append(out, barre{libelle: c.Libelle, n: c.N})
	}
	return out
}

// onSave asks where to write the PDF (or the CSV) and writes it in the
// background.
func (p *rapportPanel) onSave(asPDF bool) {
	annee := p.year()
	if annee == 0 {
		return
	}
	name, title := fmt.Sprintf("rapport-annuel-%d.pdf", annee), fmt.Sprintf("Enregistrer le rapport annuel %d (PDF)", annee)
	if !asPDF {
		name, title = fmt.Sprintf("rapport-annuel-%d.csv", annee), fmt.Sprintf("Exporter les chiffres du rapport %d (CSV)", annee)
	}
	choisirFichier(p.win, choixFichier{Titre: title, Action: "Enregistrer", Mode: choixEnregistrer, Usage: usageExports,
		Extensions: []string{filepath.Ext(name)}, Nom: name}, func(path string) { p.saveTo(annee, path, asPDF) })
}

func (p *rapportPanel) saveTo(annee int, path string, asPDF bool) {
	p.status.SetText("Écriture en cours…")
	enFond(p.bg, p.log, "écriture du rapport",
		func() (struct{}, error) {
			var err error
			if asPDF {
				_, err = p.app.EcrireRapport(annee, path, "")
			} else {
				_, err = p.app.EcrireRapport(annee, "", path)
			}
			return struct{}{}, err
		},
		func(_ struct{}, err error) {
			if err != nil {
				p.status.SetText(echec("Le fichier n'a pas pu être écrit", err))
				return
			}
			p.status.SetText(fmt.Sprintf("Rapport annuel %d écrit dans « %s ».", annee, path))
		})
}

// --- line chart of the running rates ------------------------------------

var couleursFenetre = []color.NRGBA{{R: 31, G: 86, B: 160, A: 255}, {R: 196, G: 90, B: 20, A: 255}, {R: 40, G: 140, B: 70, A: 255}, {R: 150, G: 40, B: 130, A: 255}}

// courbeFenetre is one objective's running rate, month by month (NaN: not
// measured) with its target.
type courbeFenetre struct {
	nom    string
	points []float64
	cible  float64
	col    color.NRGBA
}

func legende(cs []courbeFenetre) fyne.CanvasObject {
	box := container.NewVBox()
	for _, c := range cs {
		r := canvas.NewRectangle(c.col)
		r.SetMinSize(fyne.NewSize(18, 8))
		nom := c.nom
		if manqueFenetre(c.points) {
			nom += " — non mesuré"
		}
		l := widget.NewLabel(nom)
		l.Wrapping = fyne.TextWrapWord
		box.Add(container.NewBorder(nil, nil, container.NewCenter(r), nil, l))
	}
	return box
}

func manqueFenetre(ps []float64) bool {
	for _, p := range ps {
		if !math.IsNaN(p) {
			return false
		}
	}
	return true
}

// newCourbesFenetre draws rates from 0 to 100 % month by month: grid lines
// every 25 %, each target dashed, each objective a line with its points.
func newCourbesFenetre(cs []courbeFenetre) fyne.CanvasObject {
	l := &courbesLayout{courbes: cs}
	var objs []fyne.CanvasObject
	fg := theme.Color(theme.ColorNameForeground)
	grid := theme.Color(theme.ColorNameSeparator)
	for k := 0; k <= 4; k++ {
		line := canvas.NewLine(grid)
		t := canvas.NewText(fmt.Sprintf("%d %%", k*25), fg)
		t.TextSize = theme.CaptionTextSize()
		l.grid = append(l.grid, line)
		l.gridLbl = append(l.gridLbl, t)
		objs = append(objs, line, t)
	}
	for m := 0; m < 12; m++ {
		t := canvas.NewText(fmt.Sprint(m+1), fg)
		t.TextSize = theme.CaptionTextSize()
		l.moisLbl = append(l.moisLbl, t)
		objs = append(objs, t)
	}
	for _, c := range cs {
		var tirets []*canvas.Line
		for i := 0; i < 24; i++ {
			d := canvas.NewLine(c.col)
			d.StrokeWidth = 1
			tirets = append(tirets, d)
			objs = append(objs, d)
		}
		l.tirets = append(l.tirets, tirets)
		var segs []*canvas.Line
		var dots []*canvas.Circle
		for i := range c.points {
			if i > 0 {
				s := canvas.NewLine(c.col)
				s.StrokeWidth = 2.5
				segs = append(segs, s)
				objs = append(objs, s)
			}
			d := canvas.NewCircle(c.col)
			dots = append(dots, d)
			objs = append(objs, d)
		}
		l.segs = append(l.segs, segs)
		l.dots = append(l.dots, dots)
	}
	return container.New(l, objs...)
}

// courbesLayout places the chart's lines for the size given.
type courbesLayout struct {
	courbes []courbeFenetre
	grid    []*canvas.Line
	gridLbl []*canvas.Text
	moisLbl []*canvas.Text
	tirets  [][]*canvas.Line
	segs    [][]*canvas.Line
	dots    [][]*canvas.Circle
}

func (l *courbesLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(320, 200) }

func (l *courbesLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	const left, bottom, top = 40, 18, 6
	w, h := size.Width-left-6, size.Height-bottom-top
	if w <= 0 || h <= 0 {
		return
	}
	y := func(p float64) float32 { return top + h - h*float32(math.Max(0, math.Min(1, p))) }
	x := func(i int) float32 { return left + w*(float32(i)+0.5)/12 }
	for k, g := range l.grid {
		yy := y(float64(k) / 4)
		g.Position1, g.Position2 = fyne.NewPos(left, yy), fyne.NewPos(left+w, yy)
		t := l.gridLbl[k]
		ts := t.MinSize()
		t.Move(fyne.NewPos(left-ts.Width-4, yy-ts.Height/2))
		t.Resize(ts)
	}
	for i, t := range l.moisLbl {
		ts := t.MinSize()
		t.Move(fyne.NewPos(x(i)-ts.Width/2, top+h+2))
		t.Resize(ts)
	}
	for k, c := range l.courbes {
		for i, d := range l.tirets[k] {
			if math.IsNaN(c.cible) {
				d.Hide()
				continue
			}
			x0 := left + w*float32(i)/24
			d.Position1, d.Position2 = fyne.NewPos(x0, y(c.cible)), fyne.NewPos(x0+w/48, y(c.cible))
		}
		for i, p := range c.points {
			dot := l.dots[k][i]
			if math.IsNaN(p) {
				dot.Hide()
			} else {
				dot.Show()
				dot.Move(fyne.NewPos(x(i)-3, y(p)-3))
				dot.Resize(fyne.NewSize(6, 6))
			}
			if i == 0 {
				continue
			}
			s := l.segs[k][i-1]
			if math.IsNaN(p) || math.IsNaN(c.points[i-1]) {
				s.Hide()
				continue
			}
			s.Show()
			s.Position1, s.Position2 = fyne.NewPos(x(i-1), y(c.points[i-1])), fyne.NewPos(x(i), y(p))
		}
	}
}
