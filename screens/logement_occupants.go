package screens

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"logis/app"
)

// occupantsView lists the households renting the dwelling, each with its
// occupancy review (L.442-5-2 CCH) and a link to its sheet.
func (f *logementForm) occupantsView(fiche *app.LogementFiche) fyne.CanvasObject {
	head := widget.NewLabelWithStyle("Occupants et examen de l'occupation", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	if len(fiche.Occupants) == 0 {
		return container.NewVBox(head, widget.NewLabel("Aucun ménage n'a de bail sur ce logement : il est vacant."))
	}
	box := container.NewVBox(head)
	for i := range fiche.Occupants {
		m := &fiche.Occupants[i]
		ex := fiche.Examens[i]
		since := ""
		if m.Bail != nil && !m.Bail.DateEntree.IsZero() {
			since = ", dans le logement depuis le " + m.Bail.DateEntree.String()
		}
		id := m.ID
		link := newBoutonIcone("Ouvrir la fiche du ménage", theme.AccountIcon(), func() {
			f.s.shell.ouvrirMenage(id)
		})
		box.Add(container.NewBorder(nil, nil, nil, link,
			wrapped(fmt.Sprintf("Ménage %s — %s (%s, %s UC)%s", m.ID, m.Nom(), pluriel(ex.Personnes, "personne", "personnes"),
				formatUC(ex.UC), since), fyne.TextStyle{Bold: true})))
		p := newVerifPanel()
		p.set(ex.Verdicts())
		box.Add(p.object())
	}
	return box
}
