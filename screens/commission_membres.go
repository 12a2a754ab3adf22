package screens

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"logis/app"
	"logis/model"
)

// QualitesMembre are the usual qualities of the CALEOL's members (R.441-9
// CCH), offered as suggestions; the agent may type another.
var QualitesMembre = []string{
	"Administrateur désigné par le conseil d'administration",
	"Administrateur représentant des locataires",
	"Maire de la commune",
	"Représentant du préfet",
	"Président de l'EPCI",
	"Représentant d'un réservataire",
}

// membreRow is one member's line: name, quality, vote, presence, mayor.
type membreRow struct {
	civilite *deroulant
	nom      *entree
	qualite  *saisieChoix
	voix     *caseACocher
	present  *caseACocher
	maire    *caseACocher
	suppr    *bouton
	box      fyne.CanvasObject
}

// membresPanel edits the members of a session and shows the quorum live.
type membresPanel struct {
	win      fyne.Window
	rows     []*membreRow
	list     *fyne.Container
	quorum   *widget.RichText
	form     *Form
	addBtn   *bouton
	legend   *widget.Label
	head     *fyne.Container
	readOnly bool
	loading  bool
	onSave   func([]model.Membre) error
	body     fyne.CanvasObject

	// previous returns the members of the last session before this one
	// (app.Seance.MembresPrecedents); offered while the list is empty.
	previous  func() app.MembresRepris
	reprendre *bouton
	emptyHint *widget.Label
	commune   string        // the session's commune, for the mayor's hint
	repris    string        // what « Reprendre » left out (app.MembresRepris.Note)
	noteMaire *widget.Label // no member marked « maire », or who was left out
}

func newMembresPanel(win fyne.Window, onSave func([]model.Membre) error) *membresPanel {
	p := &membresPanel{win: win, onSave: onSave}
	p.list = container.NewVBox()
	p.quorum = widget.NewRichText()
	p.quorum.Wrapping = fyne.TextWrapWord
	p.form = NewForm(p.onSaveTapped)
	p.form.Objet = "de la liste des membres"
	p.form.Save.SetText("Enregistrer les membres")
	p.form.Extra = p.errors
	p.addBtn = newBoutonIcone("Ajouter un membre", theme.ContentAddIcon(), func() {
		r := p.addRow(model.Membre{Voix: true, Present: true})
		p.form.Touch()
		p.showQuorum()
		p.showHint()
		p.win.Canvas().Focus(r.nom)
	})
	p.reprendre = newBoutonIcone("Reprendre les membres de la séance précédente", theme.ContentCopyIcon(), p.onReprendre)
	p.emptyHint = widget.NewLabel("Aucun membre inscrit : ajoutez-les un par un, ou reprenez ceux de la séance précédente (les présences sont alors à cocher).")
	p.emptyHint.Wrapping = fyne.TextWrapWord
	p.noteMaire = widget.NewLabel("")
	p.noteMaire.Wrapping = fyne.TextWrapWord
	p.noteMaire.Importance = widget.WarningImportance
	p.noteMaire.Hide()
	head := container.NewGridWithColumns(2, bold("Nom"), bold("Qualité"))
	p.head = head
	legend := widget.NewLabel("La civilité accorde « présente » ou « présent » au procès-verbal. Cochez « voix délibérative » pour qui vote, « présent(e) » pour qui assiste à la séance, « maire » pour le maire de la commune (voix prépondérante).")
	legend.Wrapping = fyne.TextWrapWord
	p.legend = legend
	top := container.NewVBox(
		widget.NewLabelWithStyle("Membres de la commission", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		legend, head)
	bottom := container.NewVBox(p.emptyHint, p.noteMaire, p.form.Summary, container.NewHBox(p.addBtn, p.reprendre, p.form.Save), // a message above the buttons does not move them (the foot stays put)
		widget.NewSeparator(), p.quorum)
	p.body = container.NewBorder(top, bottom, nil, nil, container.NewVScroll(p.list))
	return p
}

func bold(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// set shows the members of c.
func (p *membresPanel) set(ms []model.Membre, readOnly bool) {
	p.loading = true
	p.readOnly = readOnly
	p.repris = ""
	p.rows = nil
	p.list.Objects = nil
	for _, m := range ms {
		p.addRow(m)
	}
	p.list.Refresh()
	show(p.addBtn, !readOnly)
	show(p.form.Save, !readOnly)
	show(p.legend, !readOnly)
	if readOnly {
		p.head.Objects = []fyne.CanvasObject{bold("Nom"), bold("Qualité"), bold("Présence et voix")}
		p.head.Layout = layout.NewGridLayoutWithColumns(3)
	} else {
		p.head.Objects = []fyne.CanvasObject{bold("Civilité et nom"), bold("Qualité")}
		p.head.Layout = membreColonnes
	}
	p.head.Refresh()
	p.loading = false
	p.form.Clean()
	p.showQuorum()
	p.showHint()
}

// showHint offers the previous session's members while the list is empty.
func (p *membresPanel) showHint() {
	empty := len(p.rows) == 0 && !p.readOnly
	show(p.emptyHint, empty)
	show(p.reprendre, empty && p.previous != nil)
	p.showNoteMaire()
}

// showNoteMaire asks for the mayor of the session's commune while no
// member is marked « maire » (the casting vote), saying who « Reprendre »
// left out (another commune's mayor).
func (p *membresPanel) showNoteMaire() {
	maire := false
	for _, r := range p.rows {
		maire = maire || r.maire.Checked
	}
	if p.readOnly || maire || len(p.rows) == 0 {
		p.noteMaire.Hide()
		return
	}
	txt := p.repris
	if txt == "" {
		commune := "la commune"
		if strings.TrimSpace(p.commune) != "" {
			commune = p.commune
		}
		txt = "Aucun membre n'est coché « maire » : inscrivez le maire de " + commune + " ou son représentant (voix prépondérante)."
	}
	p.noteMaire.SetText(txt)
	p.noteMaire.Show()
}

// onReprendre copies the members of the previous session, presence to tick.
func (p *membresPanel) onReprendre() {
	if p.previous == nil {
		return
	}
	rep := p.previous()
	if len(rep.Membres) == 0 {
		p.emptyHint.SetText("Aucune séance précédente n'a de membres inscrits.")
		return
	}
	p.repris = rep.Note
	for _, m := range rep.Membres {
		m.Present = false
		p.addRow(m)
	}
	p.list.Refresh()
	p.changed()
	p.showHint()
}

func (p *membresPanel) changed() {
	if p.loading {
		return
	}
	p.form.Touch()
	p.showQuorum()
	p.showNoteMaire()
}

func (p *membresPanel) addRow(m model.Membre) *membreRow {
	r := &membreRow{nom: newEntree()}
	r.civilite = newDeroulant([]string{model.Madame, model.Monsieur}, func(string) { p.changed() })
	r.civilite.PlaceHolder = "Civ."
	r.civilite.Selected = m.Civilite
	r.nom.SetPlaceHolder("Prénom Nom")
	r.nom.SetText(m.Nom)
	r.nom.OnChanged = func(string) { p.changed() }
	r.qualite = newSaisieChoix(QualitesMembre)
	r.qualite.SetText(m.Qualite)
	r.qualite.OnChanged = func(string) { p.changed() }
	r.voix = newCase("voix délibérative", func(bool) { p.changed() })
	r.voix.SetChecked(m.Voix)
	r.present = newCase("présent(e)", func(bool) { p.changed() })
	r.present.SetChecked(m.Present)
	r.maire = newCase("maire", func(bool) { p.changed() })
	r.maire.SetChecked(m.Maire)
	r.suppr = newBoutonIcone("", theme.DeleteIcon(), func() { p.removeRow(r) })
	// The name and the whole quality on one line, the boxes below: on one
	// line the quality was cut (issue 12).
	r.box = container.NewVBox(
		container.New(membreColonnes, container.NewBorder(nil, nil, r.civilite, nil, r.nom), avecMolette(r.qualite)),
		container.NewBorder(nil, nil, nil, r.suppr, container.NewHBox(r.voix, r.present, r.maire)))
	if p.readOnly {
		// A closed session is read, not edited: plain text, easier to read
		// than disabled fields.
		r.nom.Disable()
		r.civilite.Disable()
		r.qualite.Disable()
		r.voix.Disable()
		r.present.Disable()
		r.maire.Disable()
		etat := m.Presence()
		if m.Voix {
			etat += ", voix délibérative"
		} else {
			etat += ", voix consultative"
		}
		if m.Maire {
			etat += ", voix prépondérante (maire)"
		}
		nom := widget.NewLabel(m.NomCivil())
		nom.Wrapping = fyne.TextWrapWord
		q := widget.NewLabel(m.Qualite)
		q.Wrapping = fyne.TextWrapWord
		e := widget.NewLabel(etat)
		e.Wrapping = fyne.TextWrapWord
		if !m.Present {
			e.Importance = widget.WarningImportance
		}
		r.box = container.NewGridWithColumns(3, nom, q, e)
	}
	p.rows = append(p.rows, r)
	p.list.Add(r.box)
	return r
}

func (p *membresPanel) removeRow(r *membreRow) {
	for i, x := range p.rows {
		if x == r {
			p.rows = append(p.rows[:i], p.rows[i+1:]...)
			break
		}
	}
	p.list.Remove(r.box)
	p.changed()
	p.showHint()
}

// membres is the list as entered.
func (p *membresPanel) membres() []model.Membre {
	out := make([]model.Membre, len(p.rows))
	for i, r := range p.rows {
		out[i] = model.Membre{Civilite: r.civilite.Selected, Nom: strings.TrimSpace(r.nom.Text), Qualite: strings.TrimSpace(r.qualite.Text),
			Voix: r.voix.Checked, Present: r.present.Checked, Maire: r.maire.Checked}
	}
	return out
}

func (p *membresPanel) errors() []string {
	var out []string
	maires := 0
	for i, m := range p.membres() {
		if m.Nom == "" {
			out = append(out, fmt.Sprintf("Membre n° %d : le nom est obligatoire.", i+1))
		}
		if m.Maire {
			maires++
		}
	}
	if maires > 1 {
		out = append(out, "Un seul membre a la voix prépondérante (le maire de la commune).")
	}
	return out
}

// showQuorum writes the quorum verdict of the members as entered.
func (p *membresPanel) showQuorum() {
	c := model.Commission{Membres: p.membres()}
	p.quorum.Segments = verdictSegments(c.Quorum())
	p.quorum.Refresh()
}

func (p *membresPanel) onSaveTapped() {
	if !p.form.Valid() {
		p.form.Check()
		return
	}
	if err := p.onSave(p.membres()); err != nil {
		p.form.Summary.SetText(model.ErrorMessage(err))
		p.form.Summary.Show()
		return
	}
	p.form.Clean()
}
