package screens

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"logis/model"
)

// barre is one bar of a chart: a French label and a count.
type barre struct {
	libelle string
	n       int
}

// barChart is a horizontal bar chart drawn with canvas rectangles: one row
// per bar, label on the left, bar proportional to the largest value, the
// value written after the bar.
type barChart struct {
	titre  string
	barres []barre
	color  color.Color
}

// newBarChart draws the chart in a card with its title; footer (may be
// nil) goes under the bars.
func newBarChart(titre string, barres []barre, c color.Color, footer fyne.CanvasObject) fyne.CanvasObject {
	ch := &barChart{titre: titre, barres: barres, color: c}
	return widget.NewCard("", "", container.NewBorder(ch.header(), footer, nil, nil, container.NewVBox(ch.rows())))
}

func (ch *barChart) header() fyne.CanvasObject {
	t := widget.NewLabelWithStyle(ch.titre, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.Wrapping = fyne.TextWrapWord
	return t
}

func (ch *barChart) rows() fyne.CanvasObject {
	maxN := 0
	for _, b := range ch.barres {
		maxN = max(maxN, b.n)
	}
	objs := make([]fyne.CanvasObject, 0, 3*len(ch.barres))
	fracs := make([]float32, 0, len(ch.barres))
	for _, b := range ch.barres {
		label := canvas.NewText(b.libelle, theme.Color(theme.ColorNameForeground))
		label.TextSize = theme.TextSize()
		bar := canvas.NewRectangle(ch.color)
		bar.CornerRadius = 2
		value := canvas.NewText(model.FormatNumber(float64(b.n), 0), theme.Color(theme.ColorNameForeground))
		value.TextSize = theme.TextSize()
		value.TextStyle = fyne.TextStyle{Bold: true}
		objs = append(objs, label, bar, value)
		f := float32(0)
		if maxN > 0 {
			f = float32(b.n) / float32(maxN)
		}
		fracs = append(fracs, f)
	}
	if len(ch.barres) == 0 {
		return widget.NewLabel("Aucune donnée.")
	}
	return container.New(&barLayout{fracs: fracs}, objs...)
}

// barLayout places (label, bar, value) triples, one row each.
type barLayout struct {
	fracs []float32
}

const (
	barMinWidth = 120
	barRowGap   = 6
)

func (l *barLayout) widths(objs []fyne.CanvasObject) (labelW, valueW, rowH float32) {
	for i := 0; i+2 < len(objs); i += 3 {
		ls, vs := objs[i].MinSize(), objs[i+2].MinSize()
		labelW = max(labelW, ls.Width)
		valueW = max(valueW, vs.Width)
		rowH = max(rowH, ls.Height, vs.Height)
	}
	return labelW, valueW, rowH + 4
}

func (l *barLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	labelW, valueW, rowH := l.widths(objs)
	n := float32(len(objs) / 3)
	pad := theme.Padding()
	return fyne.NewSize(labelW+valueW+barMinWidth+3*pad, n*rowH+(n-1)*barRowGap)
}

func (l *barLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	labelW, valueW, rowH := l.widths(objs)
	pad := theme.Padding()
	barSpace := max(size.Width-labelW-valueW-3*pad, 1)
	y := float32(0)
	for i := 0; i+2 < len(objs); i += 3 {
		label, bar, value := objs[i], objs[i+1], objs[i+2]
		ls := label.MinSize()
		label.Resize(ls)
		label.Move(fyne.NewPos(labelW-ls.Width, y+(rowH-ls.Height)/2)) // right-aligned labels
		w := barSpace * l.fracs[i/3]
		if l.fracs[i/3] > 0 {
			w = max(w, 2)
		}
		bar.Resize(fyne.NewSize(w, rowH-6))
		bar.Move(fyne.NewPos(labelW+pad, y+3))
		vs := value.MinSize()
		value.Resize(vs)
		value.Move(fyne.NewPos(labelW+pad+w+pad, y+(rowH-vs.Height)/2))
		y += rowH + barRowGap
	}
}
