package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"logis/model"
)

// poidsEditor edits the weights of the residences' fragility score.
type poidsEditor struct {
	shell                                       coque
	app                                         parametresApp
	form                                        *Form
	ressources, monoparentales, nombreuses, ina *Champ
	status                                      *widget.Label
}

func newPoidsEditor(shell coque, a parametresApp) *poidsEditor {
	e := &poidsEditor{shell: shell, app: a, status: widget.NewLabel("")}
	e.form = NewForm(func() { e.onSave() })
	e.form.Objet = "des pondérations de l'indice de fragilité"
	e.ressources = NewChampDecimal("Ménages à ressources basses", true, 0, 100, "")
	e.monoparentales = NewChampDecimal("Familles monoparentales", true, 0, 100, "")
	e.nombreuses = NewChampDecimal("Familles nombreuses", true, 0, 100, "")
	e.ina = NewChampDecimal("Adultes de 18 à 64 ans sans activité", true, 0, 100, "")
	e.form.Add(e.ressources, e.monoparentales, e.nombreuses, e.ina)
	e.status.Wrapping = fyne.TextWrapWord
	return e
}

func (e *poidsEditor) content() fyne.CanvasObject {
	intro := widget.NewLabel("Chaque résidence reçoit un score de 0 à 100 calculé d'après ses locataires actuels (politique d'attribution §1.4) : " +
		"moyenne pondérée de la part des ménages sous 60 % du plafond PLUS (ou sous le premier quartile quand il est saisi dans « Règles et plafonds »), " +
		"de la part des familles monoparentales, de la part des familles nombreuses (3 enfants ou plus) et de la part des adultes de 18 à 64 ans sans activité " +
		"(ni en emploi ni demandeurs d'emploi). Plus le score est élevé, plus la résidence est fragile.\n\n" +
		"Par défaut les quatre parts ont le même poids (1) : la grille du référentiel de fragilité du territoire T12 (Grand-Orly Seine Bièvre) " +
		"n'est pas publiée ; quand l'Office l'a, il saisit ici ses poids. Un poids 0 retire la part du score.")
	intro.Wrapping = fyne.TextWrapWord
	grid := rows2(
		cell("Ménages à ressources basses", e.ressources.Object()), cell("Familles monoparentales", e.monoparentales.Object()),
		cell("Familles nombreuses", e.nombreuses.Object()), cell("Adultes de 18 à 64 ans sans activité", e.ina.Object()))
	def := newBouton("Poids par défaut (1, 1, 1, 1)", func() { e.fill(model.DefaultPoidsFragilite()); e.form.Touch() })
	card := widget.NewCard("Poids de l'indice de fragilité des résidences", "",
		container.NewVBox(intro, grid, container.NewHBox(e.form.Save, def), e.form.Summary, e.status)) // the messages under the buttons: they do not move
	return container.NewVScroll(card)
}

func (e *poidsEditor) fill(w model.PoidsFragilite) {
	e.ressources.SetFloat(w.Ressources)
	e.monoparentales.SetFloat(w.Monoparentales)
	e.nombreuses.SetFloat(w.Nombreuses)
	e.ina.SetFloat(w.Inactivite)
}

// load shows the stored weights unless they are being edited.
func (e *poidsEditor) load() {
	if e.form.Dirty() {
		return
	}
	w, err := e.app.PoidsFragilite()
	if err != nil {
		Erreur(e.shell.fenetre(), err)
		return
	}
	e.fill(w)
	e.form.Clean()
}

func (e *poidsEditor) poids() model.PoidsFragilite {
	return model.PoidsFragilite{Ressources: e.ressources.Float(), Monoparentales: e.monoparentales.Float(),
		Nombreuses: e.nombreuses.Float(), Inactivite: e.ina.Float()}
}

func (e *poidsEditor) onSave() {
	if !e.form.Valid() {
		e.form.Check()
		return
	}
	if err := e.app.SavePoidsFragilite(e.poids()); err != nil {
		Erreur(e.shell.fenetre(), err)
		return
	}
	e.form.Clean()
	e.status.SetText("Poids enregistrés : les indices de fragilité sont recalculés avec eux.")
	e.shell.confirmer("Poids de l'indice de fragilité enregistrés")
}
