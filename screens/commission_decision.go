package screens

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"logis/model"
)

// decisionForm is the form of one candidate's decision: the five decisions
// of R.441-3 CCH and what each requires (rank; missing documents and their
// deadline; reasons in fact and in law plus the facts of the case). The
// errors of model.Decision.Validate are shown inline, in French, and keep
// « Enregistrer » disabled.
type decisionForm struct {
	form     *Form
	session  model.Date
	readOnly bool

	typ        *widget.RadioGroup
	rang       *Champ
	pieces     *widget.CheckGroup
	dateLimite *Champ
	alerteDate *widget.Label // a deadline on a closed day or too close (flag, not an error)
	motifs     *checkList
	droit      *widget.Label // legal basis of the reasons ticked
	precisions *Champ

	// controle is the session's answer to the decision as entered (nil: not
	// wired): run while choosing, its refusal greys « Enregistrer ».
	controle func(model.Decision) error

	clearBtn *bouton           // « Effacer la décision », nil when not offered
	scroll   *container.Scroll // the dialog's scrolled text, nil outside a dialog
	content  fyne.CanvasObject // the dialog's content, nil outside a dialog

	boxRang, boxPieces, boxMotifs fyne.CanvasObject
	body                          fyne.CanvasObject

	loading bool
}

// decisionTypeLabels are the five decisions, in the order of R.441-3.
func decisionTypeLabels() []string {
	out := make([]string, len(model.TypesDecision))
	for i, t := range model.TypesDecision {
		out[i] = t.Label()
	}
	return out
}

func decisionTypeOf(label string) model.TypeDecision {
	for _, t := range model.TypesDecision {
		if t.Label() == label {
			return t
		}
	}
	return ""
}

// newDecisionForm builds the form filled with d (nil: no decision yet);
// onSave records the decision and reports an error to show.
func newDecisionForm(d *model.Decision, session model.Date, readOnly bool, onSave func(model.Decision) error) *decisionForm {
	f := &decisionForm{session: session, readOnly: readOnly}
	f.form = NewForm(nil)
	f.form.Objet = "de cette décision"
	f.form.Save.OnTapped = func() {
		if !f.form.Valid() {
			f.form.Check()
			return
		}
		if err := onSave(f.decision()); err != nil {
			f.form.Summary.SetText(model.ErrorMessage(err))
			f.form.Summary.Show()
			return
		}
		f.form.Clean()
	}
	f.typ = widget.NewRadioGroup(decisionTypeLabels(), func(string) { f.onType() })
	f.rang = NewChampEntier("Rang de classement", false, 1, 99)
	f.rang.Entry.SetPlaceHolder("1, 2, 3…")
	f.pieces = widget.NewCheckGroup(model.PiecesJustificatives, func([]string) { f.touch() })
	f.dateLimite = NewChampDate("Date limite de production des pièces", false)
	f.alerteDate = widget.NewLabel("")
	f.alerteDate.Wrapping = fyne.TextWrapWord
	f.alerteDate.Importance = widget.WarningImportance
	f.alerteDate.Hide()
	f.dateLimite.OnChanged = f.showAlerteDate
	f.motifs = newCheckList(func() { f.showDroit(); f.touch() })
	f.droit = widget.NewLabel("")
	f.droit.Wrapping = fyne.TextWrapWord
	f.droit.TextStyle = fyne.TextStyle{Italic: true}
	f.precisions = NewChamp("Précisions", false)
	f.precisions.Entry.MultiLine = true
	f.precisions.Entry.Wrapping = fyne.TextWrapWord
	f.precisions.Entry.SetMinRowsVisible(4)
	f.precisions.Entry.SetPlaceHolder("Les faits propres au dossier, en une ou plusieurs phrases.")
	f.form.Add(f.rang, f.dateLimite, f.precisions)
	f.form.Extra = f.extra

	f.boxRang = Ligne("Rang de classement", container.NewGridWrap(fyne.NewSize(120, f.rang.Entry.MinSize().Height), f.rang.Entry))
	f.boxPieces = container.NewVBox(
		widget.NewLabelWithStyle("Pièces manquantes (liste limitative, art. R.441-2-4-1 CCH)", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		f.pieces,
		Ligne("Date limite", container.NewGridWrap(fyne.NewSize(140, f.dateLimite.Entry.MinSize().Height), f.dateLimite.Entry)),
		f.dateLimite.Message, f.alerteDate)
	f.boxMotifs = container.NewVBox(
		widget.NewLabelWithStyle("Motifs en fait et en droit", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		f.motifs.box,
		widget.NewLabelWithStyle("Précisions (obligatoires : les faits propres au dossier)", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		f.precisions.Entry,
		// The legal basis of the reasons ticked comes below the
		// Précisions: appearing there, it moves nothing (essai-12b N7).
		f.droit)
	f.body = container.NewVBox(
		widget.NewLabelWithStyle("Décision de la commission", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		f.typ, f.boxRang, f.rang.Message, f.boxPieces, f.boxMotifs)
	f.load(d)
	return f
}

// load fills the form with d without marking it changed.
func (f *decisionForm) load(d *model.Decision) {
	f.loading = true
	defer func() { f.loading = false }()
	if d == nil {
		f.typ.SetSelected("")
	} else {
		f.typ.SetSelected(d.Type.Label())
	}
	f.setMotifOptions()
	if d != nil {
		if d.Rang > 0 {
			f.rang.SetInt(d.Rang)
		}
		f.pieces.SetSelected(append([]string(nil), d.Pieces...))
		if !d.DateLimite.IsZero() {
			f.dateLimite.SetDate(d.DateLimite)
		}
		var sel []string
		for _, code := range d.Motifs {
			if m, ok := model.MotifByCode(f.motifList(), code); ok {
				sel = append(sel, m.Libelle)
			}
		}
		f.motifs.SetSelected(sel)
		f.precisions.SetText(d.Precisions)
	}
	f.showParts()
	f.showDroit()
	if f.readOnly {
		f.typ.Disable()
		f.rang.Entry.Disable()
		f.pieces.Disable()
		f.dateLimite.Entry.Disable()
		f.motifs.Disable()
		f.precisions.Entry.Disable()
		f.form.Save.Hide()
	}
	f.form.Clean()
	if d == nil {
		f.form.Summary.Hide() // nothing chosen yet: no message before the agent acts
	}
}

// showAlerteDate flags a documents deadline on a Saturday, Sunday or public
// holiday, or less than model.DelaiPiecesMin days after the session (the
// letters leave on or after it): the decision stays valid.
func (f *decisionForm) showAlerteDate() {
	d := model.Decision{Type: model.ConditionSuspensive, DateLimite: f.dateLimite.Date()}
	if f.dateLimite.Err() != nil {
		d.DateLimite = 0
	}
	a := d.AlertesDateLimite(f.session)
	if len(a) == 0 {
		f.alerteDate.Hide()
		return
	}
	f.alerteDate.SetText("Attention : " + strings.Join(a, " ; ") + ". Les courriers partent au plus tôt le jour de la séance : choisissez de préférence un jour ouvré, au moins " + strconv.Itoa(model.DelaiPiecesMin) + " jours après leur envoi.")
	f.alerteDate.Show()
}

func (f *decisionForm) touch() {
	if !f.loading {
		f.form.Touch()
	}
}

// onType shows the parts the decision chosen requires.
func (f *decisionForm) onType() {
	if f.loading {
		return
	}
	f.setMotifOptions()
	f.showParts()
	f.showDroit()
	f.form.Touch()
}

// motifList is the list of reasons of the decision chosen.
func (f *decisionForm) motifList() []model.Motif {
	if decisionTypeOf(f.typ.Selected) == model.Irrecevabilite {
		return model.MotifsIrrecevabilite
	}
	return model.MotifsNonAttribution
}

// setMotifOptions offers the reasons of the decision chosen; reasons of the
// other list are unticked.
func (f *decisionForm) setMotifOptions() {
	list := f.motifList()
	opts := make([]string, len(list))
	for i, m := range list {
		opts[i] = m.Libelle
	}
	var keep []string
	for _, s := range f.motifs.Selected {
		for _, o := range opts {
			if o == s {
				keep = append(keep, s)
			}
		}
	}
	f.motifs.setOptions(opts, keep)
}

func (f *decisionForm) showParts() {
	t := decisionTypeOf(f.typ.Selected)
	show(f.boxRang, t == model.AttributionClassee)
	show(f.rang.Message, t == model.AttributionClassee && f.rang.Err() != nil)
	show(f.boxPieces, t == model.ConditionSuspensive)
	show(f.boxMotifs, t == model.NonAttribution || t == model.Irrecevabilite)
}

// showDroit writes the legal basis of each reason ticked.
func (f *decisionForm) showDroit() {
	var lines []string
	for _, m := range f.motifList() {
		for _, s := range f.motifs.Selected {
			if s == m.Libelle {
				lines = append(lines, "Fondement : "+m.Droit)
			}
		}
	}
	f.droit.SetText(sansCoupure(strings.Join(lines, "\n")))
	show(f.droit, len(lines) > 0)
}

func show(o fyne.CanvasObject, visible bool) {
	if visible {
		o.Show()
	} else {
		o.Hide()
	}
}

// decision is the decision as entered; only the parts of its type are kept.
func (f *decisionForm) decision() model.Decision {
	d := model.Decision{Type: decisionTypeOf(f.typ.Selected)}
	switch d.Type {
	case model.AttributionClassee:
		d.Rang = f.rang.Int()
	case model.ConditionSuspensive:
		d.Pieces = append([]string(nil), f.pieces.Selected...)
		d.DateLimite = f.dateLimite.Date()
	case model.NonAttribution, model.Irrecevabilite:
		for _, m := range f.motifList() {
			for _, s := range f.motifs.Selected {
				if s == m.Libelle {
					d.Motifs = append(d.Motifs, m.Code)
				}
			}
		}
		d.Precisions = f.precisions.Text()
	}
	return d
}

// extra is the law's check of the decision (model.Decision.Validate).
func (f *decisionForm) extra() []string {
	if f.typ.Selected == "" {
		return []string{"Choisissez l'une des cinq décisions."}
	}
	d := f.decision()
	if err := d.Validate(f.session); err != nil {
		return []string{model.ErrorMessage(err)}
	}
	if f.controle != nil && !f.readOnly {
		// The same check as on saving (app.Seance.EssayerDecision): the
		// other candidates' decisions, while the agent chooses.
		if err := f.controle(d); err != nil {
			return []string{model.ErrorMessage(err)}
		}
	}
	return nil
}

// showDecisionDialog opens the decision form of a candidate in a dialog;
// the dialog closes once the decision is recorded.
// controle (nil: none) answers whether the session would accept the
// decision as entered; onClear (nil: no button) removes the decision entered.
func showDecisionDialog(win fyne.Window, title, contexte string, d *model.Decision, session model.Date, readOnly bool, controle, onSave func(model.Decision) error, onClear func() error) *decisionForm {
	var dlg *dialog.CustomDialog
	f := newDecisionForm(d, session, readOnly, func(dec model.Decision) error {
		if err := onSave(dec); err != nil {
			return err
		}
		dlg.Hide()
		return nil
	})
	f.controle = controle
	var content fyne.CanvasObject = f.body
	if contexte != "" {
		ctx := widget.NewLabel(contexte)
		ctx.Wrapping = fyne.TextWrapWord
		ctx.TextStyle = fyne.TextStyle{Italic: true}
		content = container.NewVBox(ctx, f.body)
	}
	scroll := container.NewVScroll(content)
	scroll.SetMinSize(fyne.NewSize(640, 460))
	f.scroll = scroll
	closeLabel := "Annuler"
	if readOnly {
		closeLabel = "Fermer"
	}
	// Annuler and Échap ask before dropping what was typed (the
	// Précisions are a motivation: essai-12 F18); unchanged, they close.
	fermer := func() {
		f.form.ConfirmLeave(win, func() bool { f.form.Save.OnTapped(); return !f.form.Dirty() }, func() { dlg.Hide() })
	}
	cancel := newBouton(closeLabel, fermer)
	// The message has a room of its own: the dialog keeps its size when it
	// comes and goes, so the buttons never move nor cover the text.
	f.content = container.NewBorder(nil, fixedLines(f.form.Summary, 3), nil, nil, scroll)
	dlg = dialog.NewCustomWithoutButtons(title, f.content, win)
	buttons := []fyne.CanvasObject{cancel}
	if onClear != nil && d != nil && !readOnly {
		clear := newBoutonIcone("Effacer la décision", theme.DeleteIcon(), func() {
			Confirmer(win, "Effacer la décision", "Effacer la décision saisie pour ce candidat ? Il restera présenté, sans décision.", "Effacer", func() {
				if err := onClear(); err != nil {
					f.form.Summary.SetText(model.ErrorMessage(err))
					f.form.Summary.Show()
					return
				}
				f.form.Clean()
				dlg.Hide()
			})
		})
		buttons = append(buttons, clear)
		f.clearBtn = clear
	}
	dlg.SetButtons(append(buttons, f.form.Save))
	showDialogFermer(dlg, f.form.Save, fermer)
	return f
}

// checkList is a list of check boxes whose labels wrap (the reasons are long
// sentences, which a CheckGroup would not wrap).
type checkList struct {
	Options  []string
	Selected []string
	checks   []*caseACocher
	box      *fyne.Container
	disabled bool
	loading  bool
	changed  func()
}

func newCheckList(changed func()) *checkList {
	return &checkList{box: container.NewVBox(), changed: changed}
}

// setOptions replaces the options; selected are ticked.
func (l *checkList) setOptions(opts, selected []string) {
	l.Options = opts
	l.checks = make([]*caseACocher, len(opts))
	l.box.Objects = nil
	for i, o := range opts {
		o := o
		c := newCase("", func(bool) {
			if !l.loading {
				l.collect()
				if l.changed != nil {
					l.changed()
				}
			}
		})
		lbl := widget.NewLabel(sansCoupure(o)) // « 35 % » on one line
		lbl.Wrapping = fyne.TextWrapWord
		if l.disabled {
			c.Disable()
		}
		l.checks[i] = c
		l.box.Add(container.NewBorder(nil, nil, c, nil, lbl))
	}
	l.SetSelected(selected)
	l.box.Refresh()
}

// SetSelected ticks exactly the options listed.
func (l *checkList) SetSelected(sel []string) {
	l.loading = true
	for i, o := range l.Options {
		on := false
		for _, s := range sel {
			if s == o {
				on = true
			}
		}
		l.checks[i].SetChecked(on)
	}
	l.loading = false
	l.collect()
	if l.changed != nil {
		l.changed()
	}
}

func (l *checkList) collect() {
	l.Selected = l.Selected[:0]
	for i, c := range l.checks {
		if c.Checked {
			l.Selected = append(l.Selected, l.Options[i])
		}
	}
}

// Disable makes the list read-only.
func (l *checkList) Disable() {
	l.disabled = true
	for _, c := range l.checks {
		c.Disable()
	}
}
