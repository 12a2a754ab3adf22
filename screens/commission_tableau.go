package screens

// The programme's proposed candidates as a table (issue 12, item 2): one
// line per candidate — rank, name, resources against the ceiling, each rule
// passed or failed in colour, why — and the full explanation of the row
// chosen beside it (details on demand).

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"logis/model"
)

// colonne is one column of a table: its header, the longest value it must
// show whole (its width is measured from these two) and its share of the
// width left over.
type colonne struct {
	titre, exemple string
	part           float32
	marge          float32 // a control's own width beside its text (a list's button), Fyne units
}

// tableau lays out a header or a row of cells in its columns (issue 12,
// item 2): each column gets the width its header and usual value need, the
// width left is shared by part. Narrower than that (a divider dragged),
// every column shrinks alike and a long value ends in « … »: the detail
// pane beside the table has it whole.
type tableau []colonne

// besoin is the width column i needs, in Fyne units: header (bold) or usual
// value, whichever is wider, with the label's inner padding on both sides,
// the gap to the next column and a margin (Fyne cuts a text that fills its
// label exactly).
func (t tableau) besoin(i int) float32 {
	size := theme.TextSize()
	w := max(fyne.MeasureText(t[i].titre, size, fyne.TextStyle{Bold: true}).Width,
		fyne.MeasureText(t[i].exemple, size, fyne.TextStyle{}).Width)
	return w + 2*theme.InnerPadding() + 2*theme.Padding() + t[i].marge
}

// largeurs are the columns' widths for a table w wide; they sum to w.
func (t tableau) largeurs(w float32) []float32 {
	out := make([]float32, len(t))
	total, parts := float32(0), float32(0)
	for i := range t {
		out[i] = t.besoin(i)
		total += out[i]
		parts += t[i].part
	}
	if total <= 0 {
		return out
	}
	if w >= total && parts > 0 {
		for i := range out {
			out[i] += (w - total) * t[i].part / parts
		}
		return out
	}
	// Too narrow: the columns that share the extra width give it back, the
	// largest share first (why, then the name), each down to its header;
	// the fixed ones (rank, amounts) stay whole as long as possible.
	manque := total - w
	for manque > 0 {
		j := -1
		for i := range t {
			if t[i].part > 0 && out[i] > t.entete(i) && (j < 0 || t[i].part > t[j].part) {
				j = i
			}
		}
		if j < 0 {
			break
		}
		d := min(manque, out[j]-t.entete(j))
		out[j] -= d
		manque -= d
	}
	if manque > 0 {
		for i := range out {
			out[i] *= w / (w + manque)
		}
	}
	return out
}

// entete is the width column i's header needs.
func (t tableau) entete(i int) float32 {
	return fyne.MeasureText(t[i].titre, theme.TextSize(), fyne.TextStyle{Bold: true}).Width + 2*theme.InnerPadding() + 2*theme.Padding()
}

func (t tableau) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	x := float32(0)
	pad := theme.Padding()
	ws := t.largeurs(size.Width)
	for i, o := range objs {
		w := ws[i%len(t)]
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(max(0, w-pad), size.Height))
		x += w
	}
}

// MinSize is the width of the first two columns (rank, name): asking for
// every column's width would make the window wider than a laptop's screen;
// the splits' default shares give the table the rest (see largeurs).
func (t tableau) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h, w := float32(0), float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	for i := range t[:min(2, len(t))] {
		w += t.besoin(i)
	}
	return fyne.NewSize(w, h)
}

// largeurMin is the width the table needs to show every column whole.
func (t tableau) largeurMin() float32 {
	w := float32(0)
	for i := range t {
		w += t.besoin(i)
	}
	return w
}

// propColonnes: rank, candidate, household size, resources against the ceiling, rules, why (the priority
// first: « DALO, demande déposée le … »). The examples are the usual
// longest values: a rarer longer name or reason ends in « … » and is whole
// in the detail pane beside.
var propColonnes = tableau{
	{"Rang", "99 ✓", 0, 0},
	{"Candidat", "Philippe BLANCHARD", 2, 0},
	{"Pers.", "10", 0, 0},                                           // the household's size
	{"Revenu / plafond", "52\u00a0300 / 111\u00a0500\u00a0€", 0, 0}, // a large household's PLS ceiling has six figures
	{"Règles", "✓ 3/3", 1, 0},
	{"Pourquoi", "public prioritaire", 5, 0},
}

// colRegles is the rules' column, drawn in colour.
const colRegles = 4

// propEntete is the table's header line.
func propEntete() fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for _, c := range propColonnes {
		l := widget.NewLabelWithStyle(c.titre, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		objs = append(objs, l)
	}
	return container.New(propColonnes, objs...)
}

// propLigne builds an empty row of the table.
func propLigne() fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for i := 0; i < len(propColonnes); i++ {
		if i == colRegles {
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

// personnes writes a household's size, « 4 »; empty when unknown (a
// proposal computed before the size was kept).
func personnes(n int) string {
	if n <= 0 {
		return ""
	}
	return fmt.Sprint(n)
}

// euros writes an amount in whole euros, « 25 830 € ».
func euros(c model.Cents) string {
	return model.FormatDecimal(float64(c)/100, 0, true) + "\u00a0€"
}

// ressourcesCandidat is « 21 000 / 25 000 € » (one « € » for both: the
// column holds six-figure ceilings whole at 1366 px), or what is missing.
func ressourcesCandidat(e *model.Eligibilite) string {
	switch {
	case e.Plafond.Revenu == 0 && e.Plafond.Montant == 0:
		return "données manquantes"
	case e.Plafond.Montant == 0:
		return euros(e.Plafond.Revenu) + " / plafond inconnu"
	}
	return model.FormatDecimal(float64(e.Plafond.Revenu)/100, 0, true) + " / " + euros(e.Plafond.Montant)
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
	objs[2].(*widget.Label).SetText(personnes(e.Personnes))
	objs[3].(*widget.Label).SetText(aff(ressourcesCandidat(e)))
	r := objs[colRegles].(*widget.RichText)
	r.Segments = reglesSegments(e)
	r.Refresh()
	// The rank is in the first column: « rang 2 : » is not repeated.
	raison := propositionRaison(e)
	if i := strings.Index(raison, " : "); e.Rang > 0 && strings.HasPrefix(raison, "rang ") && i > 0 {
		raison = raison[i+3:]
	}
	objs[5].(*widget.Label).SetText(aff(raison))
}
