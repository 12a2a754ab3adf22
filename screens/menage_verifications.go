package screens

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"logis/model"
)

// verifPanel lists verdicts with their value, threshold, result (coloured),
// explanation and source, so an agent can answer « pourquoi ? ».
type verifPanel struct {
	summary  *widget.Label
	box      *fyne.Container
	verdicts []model.Verdict
	cards    []fyne.CanvasObject // one per verdict, reused while unchanged
}

func newVerifPanel() *verifPanel {
	p := &verifPanel{summary: widget.NewLabel(""), box: container.NewVBox()}
	p.summary.Wrapping = fyne.TextWrapWord
	return p
}

// object is the panel without its own scroll.
func (p *verifPanel) object() fyne.CanvasObject {
	return container.NewBorder(p.summary, nil, nil, nil, p.box)
}

// set shows vs.
func (p *verifPanel) set(vs []model.Verdict) {
	old := p.verdicts
	p.verdicts = vs
	alertes, manquantes := 0, 0
	objs := make([]fyne.CanvasObject, 0, len(vs))
	same := len(vs) == len(old) // every card reused: nothing to lay out again
	for i, v := range vs {
		switch v.Resultat {
		case model.Alerte:
			alertes++
		case model.Incomplet:
			manquantes++
		}
		if i < len(p.cards) && i < len(old) && old[i] == v {
			objs = append(objs, p.cards[i]) // unchanged: no new text layout
		} else {
			objs = append(objs, verdictCard(v))
			same = false
		}
	}
	p.cards = objs
	text := fmt.Sprintf("%d vérification(s) : %d alerte(s), %d avec données manquantes.", len(vs), alertes, manquantes)
	var titres []string
	for _, v := range vs {
		if v.Resultat == model.Alerte {
			titres = append(titres, v.Titre)
		}
	}
	if len(titres) > 0 {
		text += "\nAlertes : " + strings.Join(titres, " ; ") + "."
	}
	if same && text == p.summary.Text {
		return // a keystroke that changes no verdict redraws nothing (issue 12, item 9)
	}
	p.summary.SetText(text)
	p.box.Objects = objs
	p.box.Refresh()
}

// resultColor is the colour of a verdict's result.
func resultColor(r model.Resultat) (color.Color, widget.Importance) {
	switch r {
	case model.Conforme:
		return theme.Color(theme.ColorNameSuccess), widget.SuccessImportance
	case model.Alerte:
		return theme.Color(theme.ColorNameError), widget.DangerImportance
	case model.Incomplet:
		return theme.Color(theme.ColorNameWarning), widget.WarningImportance
	}
	// « sans objet »: the ordinary text colour (the disabled grey could not
	// be read on the dark theme), a grey bar.
	return theme.Color(theme.ColorNamePlaceHolder), widget.MediumImportance
}

func wrapped(text string, style fyne.TextStyle) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, style)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// verdictCard is one verdict: a coloured bar, the title and result, the
// figures, the explanation and the source.
func verdictCard(v model.Verdict) fyne.CanvasObject {
	col, imp := resultColor(v.Resultat)
	bar := canvas.NewRectangle(col)
	bar.SetMinSize(fyne.NewSize(5, 10))
	badge := widget.NewLabelWithStyle(v.Resultat.Label(), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	badge.Importance = imp
	// The title has the whole width (never « consommati/on » broken beside
	// the result), the result under it.
	badge.Alignment = fyne.TextAlignLeading
	head := container.NewVBox(wrapped(v.Titre, fyne.TextStyle{Bold: true}), badge)
	lines := []fyne.CanvasObject{head}
	if v.Valeur != "" {
		lines = append(lines, wrapped("Valeur : "+v.Valeur, fyne.TextStyle{}))
	}
	if v.Seuil != "" {
		lines = append(lines, wrapped("Seuil : "+v.Seuil, fyne.TextStyle{}))
	}
	if v.Explication != "" {
		lines = append(lines, wrapped(v.Explication, fyne.TextStyle{}))
	}
	if v.Source != "" {
		lines = append(lines, wrapped("Source : "+v.Source, fyne.TextStyle{Italic: true}))
	}
	return container.NewVBox(container.NewBorder(nil, nil, bar, nil, container.NewVBox(lines...)), widget.NewSeparator())
}
