package screens

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"logis/model"
)

// objectifsPanel shows the session's effect on the year's allocation
// objectives (25 % priority publics, first quartile outside QPV, 50 %
// above it in QPV, 20 % transfers): the session alone, and the year with
// the session's decisions as entered so far.
type objectifsPanel struct {
	intro  *widget.Label
	seance *widget.RichText
	annee  *widget.RichText
	body   fyne.CanvasObject
}

func newObjectifsPanel() *objectifsPanel {
	p := &objectifsPanel{intro: widget.NewLabel(""), seance: widget.NewRichText(), annee: widget.NewRichText()}
	p.intro.Wrapping = fyne.TextWrapWord
	p.seance.Wrapping = fyne.TextWrapWord
	p.annee.Wrapping = fyne.TextWrapWord
	p.intro.SetText("Les objectifs sont calculés à partir des décisions saisies, jamais des rangs proposés par le programme. Ils sont mis à jour à chaque décision.")
	cols := container.NewGridWithColumns(2,
		container.NewVScroll(p.seance),
		container.NewVScroll(p.annee))
	p.body = container.NewBorder(p.intro, nil, nil, nil, cols)
	return p
}

// set shows the objectives of the session and of its year.
func (p *objectifsPanel) set(annee int, seance, total []model.Objectif, err error) {
	if err != nil {
		p.seance.Segments = []widget.RichTextSegment{para("Les objectifs n'ont pas pu être calculés : "+model.ErrorMessage(err), occStyleAlerte)}
		p.annee.Segments = nil
		p.seance.Refresh()
		p.annee.Refresh()
		return
	}
	p.seance.Segments = objectifSegments("Effet de cette séance", seance)
	p.annee.Segments = objectifSegments(fmt.Sprintf("Année %d, cette séance comprise", annee), total)
	p.seance.Refresh()
	p.annee.Refresh()
}

// objectifSegments writes each objective: title and result, figures,
// threshold, explanation and source.
func objectifSegments(title string, os []model.Objectif) []widget.RichTextSegment {
	segs := []widget.RichTextSegment{para(title, occStyleTitre)}
	if len(os) == 0 {
		return append(segs, para("Aucun objectif à afficher.", occStyleText))
	}
	for _, o := range os {
		segs = append(segs, verdictSegments(o.Verdict)...)
	}
	return segs
}
