package screens

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"logis/app"
	"logis/model"
)

// loadFragiles ranks the residences in the background (it reads every
// household: slower than the other figures, which do not wait for it).
func (s *Tableau) loadFragiles() {
	s.fragBox.Objects = []fyne.CanvasObject{widget.NewCard("", "", widget.NewLabel("Calcul de l'indice de fragilité des résidences…"))}
	s.fragBox.Refresh()
	enFond(&s.bg, s.shell.journal(), "fragilité des résidences",
		func() ([]app.FragiliteResidence, error) { return s.app.Fragilites(0) },
		func(fr []app.FragiliteResidence, err error) {
			if err != nil {
				s.fragBox.Objects = []fyne.CanvasObject{wrapped(echec("L'indice de fragilité n'a pas pu être calculé", err), fyne.TextStyle{})}
			} else {
				s.fragiles = fr
				s.fragBox.Objects = []fyne.CanvasObject{fragilesCard(fr)}
			}
			s.fragBox.Refresh()
		})
}

// fragilesShown is how many residences the dashboard ranks.
const fragilesShown = 10

// fragilesCard ranks the most fragile residences (policy §1.4) with their
// score and shares; the residences whose score is missing are counted.
func fragilesCard(list []app.FragiliteResidence) fyne.CanvasObject {
	title := widget.NewLabelWithStyle("Résidences les plus fragiles (indice sur 100, politique §1.4)", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	rows := container.NewVBox()
	manquants := 0
	for _, f := range list {
		if !f.Indice.ScoreConnu {
			manquants++
			continue
		}
		if len(rows.Objects) >= fragilesShown {
			continue
		}
		r := f.Residence
		where := r.Commune
		if r.QPV {
			where += ", QPV"
		}
		var parts []string
		for i, p := range f.Indice.Parts {
			if !p.Connue() {
				continue
			}
			lib := []string{"ressources basses", "monoparentales", "nombreuses", "activité"}[i]
			parts = append(parts, fmt.Sprintf("%s %s", lib, model.FormatNumber(p.Taux()*100, 0)+"\u00a0%"))
		}
		l := widget.NewLabel(fmt.Sprintf("%d. %s %s (%s) — %s · %s · %s", len(rows.Objects)+1, r.Code, r.Nom, where,
			f.Indice.ScoreTexte(), pluriel(f.Indice.Menages, "ménage", "ménages"), strings.Join(parts, ", ")))
		l.Wrapping = fyne.TextWrapWord // whole, on two lines when narrow (issue 12)
		rows.Add(l)
	}
	if len(rows.Objects) == 0 {
		rows.Add(wrapped("Aucune résidence n'a de score : il faut des locataires avec leurs ressources, leur composition et la situation d'activité des adultes.", fyne.TextStyle{}))
	}
	note := "Score le plus élevé = résidence la plus fragile ; détail sur la fiche de la résidence (Patrimoine › Résidences), poids dans Paramètres › Indice de fragilité."
	if manquants > 0 {
		note = pluriel(manquants, "résidence sans score (données manquantes)", "résidences sans score (données manquantes)") + ". " + note
	}
	n := widget.NewLabel(note)
	n.Wrapping = fyne.TextWrapWord
	n.Importance = widget.LowImportance
	return widget.NewCard("", "", container.NewVBox(title, rows, n))
}
