package screens

import (
	"fmt"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"logis/app"
	"logis/model"
)

// objectifsEnCours shows the year's four objectives running, each with its
// rate, target and figures, and the projection « si la séance en
// préparation est close ».
func objectifsEnCours(o *app.ObjectifsEnCours) fyne.CanvasObject {
	if o == nil {
		return widget.NewLabel("")
	}
	title := widget.NewLabelWithStyle(fmt.Sprintf("Objectifs %d en cours (séances closes)", o.Annee), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	grid := container.NewGridWithColumns(4)
	for i, ob := range o.Actuels {
		var proj *model.Objectif
		if i < len(o.Projection) {
			proj = &o.Projection[i]
		}
		grid.Add(carteObjectif(ob, proj, o.EnPreparation))
	}
	return container.NewVBox(title, grid)
}

func tauxTexte(ob model.Objectif) string {
	if ob.Resultat == model.Incomplet {
		return "données manquantes"
	}
	if math.IsNaN(ob.Part) {
		return "—"
	}
	return model.FormatPercent(ob.Part)
}

func carteObjectif(ob model.Objectif, proj *model.Objectif, seances []string) fyne.CanvasObject {
	col := theme.Color(theme.ColorNameForeground)
	switch ob.Resultat {
	case model.Conforme:
		col = theme.Color(theme.ColorNameSuccess)
	case model.Alerte:
		col = theme.Color(theme.ColorNameError)
	case model.Incomplet:
		col = theme.Color(theme.ColorNameWarning)
	}
	v := canvas.NewText(tauxTexte(ob), col)
	v.TextSize = theme.TextSize() * 1.8
	v.TextStyle = fyne.TextStyle{Bold: true}
	t := widget.NewLabelWithStyle(ob.Titre, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.Wrapping = fyne.TextWrapWord
	detail := fmt.Sprintf("cible : au moins %s", model.FormatPercent(ob.Cible))
	switch {
	case ob.Resultat == model.Incomplet:
		detail += " — seuil du premier quartile de l'année à saisir (Paramètres)"
	case ob.Denominateur > 0:
		detail += fmt.Sprintf(" — %d sur %d", ob.Numerateur, ob.Denominateur)
	default:
		detail += " — rien à compter encore"
	}
	d := widget.NewLabel(detail)
	d.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(t, v, d)
	if ob.Regle == model.RegleObjectifQ1HorsQPV && ob.Baux+ob.EnAttente > 0 {
		// « suivies de baux signés »: the leases recorded in the follow-up.
		b := widget.NewLabel(fmt.Sprintf("baux signés : %d ; en attente de signature : %d", ob.Baux, ob.EnAttente))
		b.Wrapping = fyne.TextWrapWord
		box.Add(b)
	}
	if proj != nil {
		p := widget.NewLabel(fmt.Sprintf("Si la séance en préparation (%s) est close : %s", strings.Join(seances, ", "), tauxTexte(*proj)))
		if proj.Denominateur > 0 && proj.Resultat != model.Incomplet {
			p.SetText(p.Text + fmt.Sprintf(" (%d sur %d)", proj.Numerateur, proj.Denominateur))
		}
		p.Wrapping = fyne.TextWrapWord
		p.TextStyle = fyne.TextStyle{Italic: true}
		box.Add(p)
	}
	return widget.NewCard("", "", box)
}
