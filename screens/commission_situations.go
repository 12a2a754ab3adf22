package screens

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// situationsParticulieres shows the §1.3 situations of a candidate presented (an
// empty, hidden label when none).
func situationsParticulieres(lines []string) *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	if len(lines) == 0 {
		l.Hide()
		return l
	}
	l.SetText("Situation particulière : " + strings.Join(lines, " ; "))
	l.Importance = widget.HighImportance
	return l
}

// situationsCourtes names the §1.3 situations in a list row: « · cotitularité
// · CIAL · décohabitation… » (the detail says everything).
func situationsCourtes(lines []string) string {
	var out []string
	for _, l := range lines {
		switch {
		case strings.HasPrefix(l, "Cotitularité"):
			out = append(out, "cotitularité")
		case strings.Contains(l, "CIAL"):
			out = append(out, "CIAL")
		case strings.HasPrefix(l, "Décohabitation"):
			w := "décohabitation"
			if strings.Contains(l, "met fin") {
				w += " (met fin à une sur- ou sous-occupation)"
			}
			out = append(out, w)
		case strings.HasPrefix(l, "Transfert de bail refusé"):
			if strings.Contains(l, "parcours de relogement à privilégier") {
				out = append(out, "relogement après transfert de bail refusé")
			}
		case strings.HasPrefix(l, "Procédure d'urgence"):
			out = append(out, "procédure d'urgence")
		}
	}
	if len(out) == 0 {
		return ""
	}
	return " · " + strings.Join(out, " · ")
}
