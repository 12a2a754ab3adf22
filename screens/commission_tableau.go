package screens

// The programme's proposed candidates as a table (issue 12, item 2): one
// line per candidate — rank, name, household, resources against the
// ceiling, each rule passed or failed in colour, why — and the full
// explanation of the row chosen beside it (details on demand).

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"logis/model"
)

// colonnes lays its objects side by side in fixed shares of the width.
type colonnes []float32

func (c colonnes) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	x := float32(0)
	pad := theme.Padding()
	for i, o := range objs {
		w := size.Width * c[i%len(c)]
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w-pad, size.Height))
		x += w
	}
}

func (c colonnes) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(float32(len(c))*40, h)
}

// propColonnes: rank, candidate, priority, resources, rules, why.
var propColonnes = colonnes{0.08, 0.2, 0.15, 0.25, 0.11, 0.21}

// propEntete is the table's header line.
func propEntete() fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for _, t := range []string{"Rang", "Candidat", "Priorité", "Ressources / plafond", "Règles", "Pourquoi"} {
		l := widget.NewLabelWithStyle(t, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		objs = append(objs, l)
	}
	return container.New(propColonnes, objs...)
}

// propLigne builds an empty row of the table.
func propLigne() fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for i := 0; i < len(propColonnes); i++ {
		if i == 4 {
			r := widget.NewRichText()
			r.Truncation = fyne.TextTruncateEllipsis
			objs = append(objs, r)
			continue
		}
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		objs = append(objs, l)
	}
	return container.New(propColonnes, objs...)
}

// regleCourte is a rule's short name and verdict in the table.
type regleCourte struct {
	nom string
	res model.Resultat
}

// reglesCandidat are the rules the programme applied, short names.
func reglesCandidat(e *model.Eligibilite) []regleCourte {
	out := []regleCourte{{"plafond", e.Plafond.Resultat}, {"typologie", e.Typologie.Resultat}, {"effort", e.Effort.Resultat}}
	if e.PMR.Resultat != model.NonApplicable {
		out = append(out, regleCourte{"PMR", e.PMR.Resultat})
	}
	if e.Mutation.Resultat != model.NonApplicable {
		out = append(out, regleCourte{"mutation", e.Mutation.Resultat})
	}
	return out
}

// reglesSegments writes the rules in short: « ✓ 3 règles » in green when
// all pass, else each failed one in red (« ✗ effort ») and each one lacking
// data in orange (« ? PMR »); the explanations are in the detail.
func reglesSegments(e *model.Eligibilite) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	rs := reglesCandidat(e)
	for _, r := range rs {
		mark, col := "", theme.ColorNameSuccess
		switch r.res {
		case model.Alerte:
			mark, col = "✗ ", theme.ColorNameError
		case model.Incomplet:
			mark, col = "? ", theme.ColorNameWarning
		default:
			continue
		}
		text := mark + r.nom
		if len(segs) > 0 {
			text = " " + text
		}
		segs = append(segs, &widget.TextSegment{Text: text, Style: widget.RichTextStyle{ColorName: col, Inline: true}})
	}
	if len(segs) == 0 {
		segs = append(segs, &widget.TextSegment{Text: fmt.Sprintf("✓ %d/%d", len(rs), len(rs)), Style: widget.RichTextStyle{ColorName: theme.ColorNameSuccess, Inline: true}})
	}
	return segs
}

// euros writes an amount in whole euros, « 25 830 € ».
func euros(c model.Cents) string {
	return model.FormatDecimal(float64(c)/100, 0, true) + "\u00a0€"
}

// ressourcesCandidat is « 21 000,00 € / 25 000,00 € », or what is missing.
func ressourcesCandidat(e *model.Eligibilite) string {
	switch {
	case e.Plafond.Revenu == 0 && e.Plafond.Montant == 0:
		return "données manquantes"
	case e.Plafond.Montant == 0:
		return euros(e.Plafond.Revenu) + " / plafond inconnu"
	}
	return euros(e.Plafond.Revenu) + " / " + euros(e.Plafond.Montant)
}

// setPropLigne fills row o with candidate e; aff applies the presentation
// mode to a text (identity when it is off).
func setPropLigne(o fyne.CanvasObject, e *model.Eligibilite, d *model.DossierLogement, aff func(string) string) {
	objs := o.(*fyne.Container).Objects
	rang := "exclu"
	if e.Rang > 0 {
		rang = fmt.Sprint(e.Rang)
	}
	if d != nil && d.Candidat(e.NUR) != nil {
		rang += " ✓"
	}
	objs[0].(*widget.Label).SetText(rang)
	objs[1].(*widget.Label).SetText(aff(e.Nom)) // the application and household numbers are in the detail
	objs[2].(*widget.Label).SetText(aff(e.NiveauLibelle))
	objs[3].(*widget.Label).SetText(aff(ressourcesCandidat(e)))
	r := objs[4].(*widget.RichText)
	r.Segments = reglesSegments(e)
	r.Refresh()
	// The rank is in the first column: « rang 2 : » is not repeated.
	raison := propositionRaison(e)
	if i := strings.Index(raison, " : "); e.Rang > 0 && strings.HasPrefix(raison, "rang ") && i > 0 {
		raison = raison[i+3:]
	}
	objs[5].(*widget.Label).SetText(aff(raison))
}
