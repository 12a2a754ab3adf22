package screens

// Logis's buttons, check boxes and lists (issue 12, items 8 and 11). Fyne's
// own react to Espace only, and Tab moving the focus onto one below the
// visible part of a form leaves it out of sight. These embed Fyne's
// widgets and add: Entrée presses a focused button; the form scrolls to the
// widget that receives the focus.

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// bouton is a button that Entrée (and Espace) presses when it has the
// focus, and that the form scrolls to when it receives it.
type bouton struct{ widget.Button }

// newBouton is a button with a text.
func newBouton(text string, tapped func()) *bouton { return newBoutonIcone(text, nil, tapped) }

// newBoutonIcone is a button with a text and an icon (nil for none).
func newBoutonIcone(text string, icon fyne.Resource, tapped func()) *bouton {
	b := &bouton{}
	b.Text, b.Icon, b.OnTapped = text, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey presses the button on Entrée, as Espace does.
func (b *bouton) TypedKey(ev *fyne.KeyEvent) {
	if isEntree(ev) {
		if !b.Disabled() && b.OnTapped != nil {
			b.Tapped(&fyne.PointEvent{})
		}
		return
	}
	b.Button.TypedKey(ev)
}

// FocusGained brings the button into view.
func (b *bouton) FocusGained() {
	b.Button.FocusGained()
	scrollIntoView(b)
}

// caseACocher is a check box that the form scrolls to when it receives the
// focus.
type caseACocher struct{ widget.Check }

func newCase(label string, changed func(bool)) *caseACocher {
	c := &caseACocher{}
	c.Text, c.OnChanged = label, changed
	c.ExtendBaseWidget(c)
	return c
}

// FocusGained brings the box into view.
func (c *caseACocher) FocusGained() {
	c.Check.FocusGained()
	scrollIntoView(c)
}

// deroulant is a drop-down list that the form scrolls to when it receives the
// focus.
type deroulant struct{ widget.Select }

func newDeroulant(options []string, changed func(string)) *deroulant {
	s := &deroulant{}
	s.Options, s.OnChanged = options, changed
	s.PlaceHolder = "(choisir)"
	s.ExtendBaseWidget(s)
	return s
}

// FocusGained brings the list into view.
func (s *deroulant) FocusGained() {
	s.Select.FocusGained()
	scrollIntoView(s)
}

// boutonDe returns the Fyne button of a Logis or Fyne button, nil for any
// other object (walks of the widget tree).
func boutonDe(o fyne.CanvasObject) *widget.Button {
	switch b := o.(type) {
	case *bouton:
		return &b.Button
	case *widget.Button:
		return b
	}
	return nil
}

// Informer shows content in a dialog closed by one button (fermer: « Fermer »,
// « J'ai noté… »), a Logis button that Entrée presses.
func Informer(win fyne.Window, title, fermer string, content fyne.CanvasObject) *dialog.CustomDialog {
	d := dialog.NewCustomWithoutButtons(title, content, win)
	b := newBouton(fermer, d.Hide)
	d.SetButtons([]fyne.CanvasObject{b})
	showDialogDefault(d, b)
	return d
}

// Demander shows content with « Annuler » and the confirming button oui (the
// default, in blue); choice receives true for oui, false for Annuler or
// Échap.
func Demander(win fyne.Window, title, oui string, content fyne.CanvasObject, choice func(bool)) *dialog.CustomDialog {
	d := dialog.NewCustomWithoutButtons(title, content, win)
	decided := false
	bOui := newBouton(oui, func() { decided = true; d.Hide(); choice(true) })
	bOui.Importance = widget.HighImportance
	bNon := newBouton("Annuler", d.Hide)
	d.SetButtons([]fyne.CanvasObject{bNon, bOui})
	showDialogDefault(d, bOui)
	d.SetOnClosed(func() {
		if !decided {
			choice(false)
		}
	})
	return d
}
