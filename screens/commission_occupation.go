package screens

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"logis/app"
	"logis/model"
)

// LogementsAdaptes are suggestions for the kind of dwelling that would fit
// (L.442-5-2 CCH); the agent may type another.
var LogementsAdaptes = []string{
	"logement plus petit (typologie inférieure)",
	"logement plus grand (typologie supérieure)",
	"logement adapté aux personnes à mobilité réduite",
	"logement non adapté (libérer le logement adapté)",
	"logement relevant d'un plafond de ressources supérieur",
	"maintien dans le logement actuel",
}

// occupationCard is one household examined for occupancy.
type occupationCard struct {
	menage  string
	constat *Champ
	adapte  *saisieChoix
	form    *Form
	box     fyne.CanvasObject
}

// occupationPanel is the occupancy part of a session: the households
// marked « à présenter » with their situations, the commission's finding
// and the kind of dwelling that would fit.
type occupationPanel struct {
	head     *widget.Label
	addBtn   *bouton
	list     *fyne.Container
	cards    []*occupationCard
	readOnly bool // households cannot be added
	editRO   bool // findings cannot change

	nom       func(menage string) string
	onAjouter func() error
	onSave    func(menage, constat, adapte string) error
	onRetirer func(menage string) error
	win       fyne.Window
	body      fyne.CanvasObject
}

func newOccupationPanel(nom func(string) string, onAjouter func() error, onSave func(menage, constat, adapte string) error) *occupationPanel {
	p := &occupationPanel{nom: nom, onAjouter: onAjouter, onSave: onSave}
	p.head = widget.NewLabel("")
	p.head.Wrapping = fyne.TextWrapWord
	p.addBtn = newBoutonIcone("Inscrire les ménages marqués « à présenter »", theme.ContentAddIcon(), func() {
		if err := p.onAjouter(); err != nil {
			p.head.SetText(model.ErrorMessage(err))
		}
	})
	p.list = container.NewVBox()
	p.body = container.NewBorder(container.NewVBox(
		widget.NewLabelWithStyle("Examen de l'occupation des logements (art. L.442-5-2 CCH)", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		p.head, container.NewHBox(p.addBtn)), nil, nil, nil, container.NewVScroll(p.list))
	return p
}

// situationsLabel writes the situations of a household in French.
func situationsLabel(codes []string) string {
	if len(codes) == 0 {
		return "aucune situation relevée"
	}
	out := make([]string, len(codes))
	for i, c := range codes {
		if l, ok := app.SituationLabels[c]; ok {
			out[i] = l
		} else {
			out[i] = c
		}
	}
	return strings.Join(out, " ; ")
}

// set shows the households of the session.
func (p *occupationPanel) set(dossiers []model.DossierOccupation, readOnly, editRO bool) {
	// A finding being typed survives the reload that follows another save.
	typed := map[string][2]string{}
	if !editRO {
		for _, c := range p.cards {
			if c.form.Dirty() {
				typed[c.menage] = [2]string{c.constat.Entry.Text, c.adapte.Text}
			}
		}
	}
	p.readOnly, p.editRO = readOnly, editRO
	p.cards = nil
	p.list.Objects = nil
	for _, d := range dossiers {
		p.addCard(d)
		// What was typed is kept unless it is what is now stored (the save
		// that caused this reload): that card is clean (issue 12 item 5).
		if t, ok := typed[d.Menage]; ok && t != [2]string{d.Constat, d.LogementAdapte} {
			c := p.cards[len(p.cards)-1]
			c.constat.Entry.SetText(t[0])
			c.adapte.SetText(t[1])
			c.form.Touch()
		}
	}
	p.list.Refresh()
	show(p.addBtn, !readOnly)
	if len(dossiers) == 0 {
		p.head.SetText("Aucun ménage n'est inscrit à l'examen de l'occupation de cette séance. Les ménages se marquent « à présenter en commission » dans l'écran « Examen d'occupation ».")
	} else {
		p.head.SetText(fmt.Sprintf("%d ménage(s) présenté(s). Pour chacun, la commission constate la situation et indique le type de logement qui conviendrait ; l'Office étudie ensuite les solutions avec le locataire.", len(dossiers)))
	}
}

func (p *occupationPanel) addCard(d model.DossierOccupation) {
	c := &occupationCard{menage: d.Menage}
	c.form = NewForm(nil)
	c.form.Objet = "de ce constat"
	c.form.Save.SetText("Enregistrer le constat")
	c.constat = NewChamp("Constat de la commission", false)
	c.constat.Entry.MultiLine = true
	c.constat.Entry.Wrapping = fyne.TextWrapWord
	c.constat.Entry.SetMinRowsVisible(2)
	c.constat.Entry.SetPlaceHolder("Ce que la commission constate")
	c.adapte = newSaisieChoix(LogementsAdaptes)
	c.adapte.SetPlaceHolder("Type de logement qui conviendrait")
	c.form.Add(c.constat)
	c.form.Extra = func() []string {
		var out []string
		if c.constat.Text() == "" {
			out = append(out, "Constat de la commission : obligatoire.")
		}
		if strings.TrimSpace(c.adapte.Text) == "" {
			out = append(out, "Logement adapté : obligatoire.")
		}
		return out
	}
	c.constat.SetText(d.Constat)
	c.adapte.SetText(d.LogementAdapte)
	c.adapte.OnChanged = func(string) { c.form.Touch() }
	c.form.Save.OnTapped = func() {
		if !c.form.Valid() {
			c.form.Check()
			return
		}
		if err := p.onSave(c.menage, c.constat.Text(), strings.TrimSpace(c.adapte.Text)); err != nil {
			c.form.Summary.SetText(model.ErrorMessage(err))
			c.form.Summary.Show()
			return
		}
		c.form.Clean()
	}
	c.form.Clean()
	c.form.Summary.Hide() // nothing typed yet: no message before the agent writes
	nom := ""
	if p.nom != nil {
		if n := p.nom(d.Menage); n != "" {
			nom = " — " + n
		}
	}
	title := widget.NewLabelWithStyle(fmt.Sprintf("Ménage %s%s · logement %s", d.Menage, nom, d.Logement), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	sit := widget.NewLabel("Situations : " + situationsLabel(d.Situations))
	sit.Wrapping = fyne.TextWrapWord
	if p.editRO {
		// A closed session is read: plain text rather than disabled fields.
		c.constat.Entry.Disable()
		c.adapte.Disable()
		constat := widget.NewLabel(d.Constat)
		constat.Wrapping = fyne.TextWrapWord
		adapte := widget.NewLabel(d.LogementAdapte)
		adapte.Wrapping = fyne.TextWrapWord
		c.box = container.NewVBox(widget.NewSeparator(), title, sit,
			Ligne("Constat", constat), Ligne("Logement adapté", adapte))
	} else {
		c.box = container.NewVBox(widget.NewSeparator(), title, sit,
			Ligne("Constat", c.constat.Object()),
			Ligne("Logement adapté", avecMolette(c.adapte)),
			container.NewHBox(c.form.Save), reserveLines(c.form.Summary, 2))
		if !p.readOnly && p.onRetirer != nil {
			menage := d.Menage
			ret := newBoutonIcone("Retirer de la séance", theme.ContentRemoveIcon(), func() {
				Confirmer(p.win, "Retirer le ménage", fmt.Sprintf("Retirer le ménage %s de l'examen de l'occupation de cette séance ?", menage), "Retirer", func() {
					if err := p.onRetirer(menage); err != nil {
						Erreur(p.win, err)
					}
				})
			})
			c.box = container.NewVBox(widget.NewSeparator(), title, sit,
				Ligne("Constat", c.constat.Object()),
				Ligne("Logement adapté", c.adapte),
				container.NewHBox(c.form.Save, ret), reserveLines(c.form.Summary, 2)) // the next household does not move when a message comes
		}
	}
	p.cards = append(p.cards, c)
	p.list.Add(c.box)
}
