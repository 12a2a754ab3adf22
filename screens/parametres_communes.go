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

// loadOfficeCommunes reads the office's communes for the forms; on error the
// default list stays and the error is logged.
func loadOfficeCommunes(a *app.App) {
	list, err := a.Communes()
	if err != nil {
		a.Log.Error("paramètres : communes", "err", err)
		return
	}
	setOfficeCommunes(list)
}

// communesText writes the list one commune a line: « Arcueil 94110 ».
func communesText(list []model.CommuneOffice) string {
	var b strings.Builder
	for _, c := range list {
		fmt.Fprintf(&b, "%s %s\n", c.Nom, c.CodePostal)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// parseCommunes reads « Nom 94110 » lines (blank lines ignored); the postal
// code is the last word.
func parseCommunes(text string) ([]model.CommuneOffice, error) {
	var list []model.CommuneOffice
	for i, line := range strings.Split(text, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if len(f) < 2 {
			return nil, model.Errorf(model.EINVALID, "Communes, ligne %d : écrivez le nom puis le code postal (ex. Arcueil 94110).", i+1)
		}
		list = append(list, model.CommuneOffice{Nom: strings.Join(f[:len(f)-1], " "), CodePostal: f[len(f)-1]})
	}
	if err := model.ValidateCommunes(list); err != nil {
		return nil, err
	}
	return list, nil
}

// communes is the tab listing the office's communes: the import, the forms
// and the checks accept only these, each with its postal code.
func (s *Parametres) communes() fyne.CanvasObject {
	intro := widget.NewLabel("Communes où l'Office a des logements, une par ligne : le nom puis le code postal (ex. Arcueil 94110). " +
		"Les imports et les fiches refusent une autre commune, ou un code postal qui n'est pas celui de la commune.")
	intro.Wrapping = fyne.TextWrapWord
	entry := newEntree()
	entry.MultiLine = true
	entry.SetMinRowsVisible(8)
	entry.SetText(communesText(OfficeCommunes()))
	status := widget.NewLabel("")
	status.Wrapping = fyne.TextWrapWord
	save := newBouton("Enregistrer les communes", nil)
	save.Importance = widget.HighImportance
	save.Disable() // enabled once the list is changed and valid
	entry.OnChanged = func(v string) {
		if _, err := parseCommunes(v); err != nil {
			status.SetText(model.ErrorMessage(err))
			save.Disable()
			return
		}
		status.SetText("")
		save.Enable()
	}
	save.OnTapped = func() {
		list, err := parseCommunes(entry.Text)
		if err == nil {
			err = s.app.SaveCommunes(list)
		}
		if err != nil {
			status.SetText(model.ErrorMessage(err))
			return
		}
		setOfficeCommunes(list)
		save.Disable()
		status.SetText("Communes enregistrées (les listes déroulantes des fiches déjà ouvertes sont mises à jour au prochain démarrage).")
		s.confirmer(fmt.Sprintf("%d communes enregistrées", len(list)))
	}
	s.communesEntry = entry
	return container.NewBorder(intro, container.NewVBox(status, container.NewHBox(save)), nil, nil, entry)
}
