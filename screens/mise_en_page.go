package screens

// Layout helpers shared by the screens so that nothing is cut at
// 1366 × 768 and the window never widens itself (issue 12, items 2 and 13).

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// titreLePlusLong is the widest of the screens' titles: the navigation's
// rows are measured from it, so that none is cut when the navigation is
// narrowed to its minimum.
func titreLePlusLong(ss []screen) string {
	var ts []string
	for _, s := range ss {
		ts = append(ts, s.title())
	}
	return plusLong(ts)
}

// plusLong is the widest of ts in the body text: a list's row template made
// from it is as wide as its longest row, no more.
func plusLong(ts []string) string {
	best, bw := "", float32(0)
	for _, t := range ts {
		if w := fyne.MeasureText(t, theme.TextSize(), fyne.TextStyle{}).Width; w > bw {
			best, bw = t, w
		}
	}
	return best
}

// membreColonnes are a member's civility and name, and quality, in a
// session being prepared: the quality column is as wide as the longest
// usual quality (its list's button beside).
var membreColonnes = tableau{
	{"Civilité et nom", "Mme Jean-Christophe DUPONT", 2, 0},
	{"Qualité", QualitesMembre[0], 1, 40}, // the longest
}

// reagencer lays out again every split under o. A split places its divider
// from its sides' minimum widths when it is laid out; a side that appears
// or grows later (a sheet opened in place of « Choisissez… ») does not lay
// it out again, and the sheet was drawn cut on its right until the window
// was resized.
func reagencer(o fyne.CanvasObject) {
	switch v := o.(type) {
	case *container.Split:
		v.Refresh()
		reagencer(v.Leading)
		reagencer(v.Trailing)
	case *container.AppTabs:
		if it := v.Selected(); it != nil {
			reagencer(it.Content)
		}
	case *fyne.Container:
		for _, c := range v.Objects {
			if c.Visible() {
				reagencer(c)
			}
		}
	}
}
