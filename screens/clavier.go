package screens

// The keyboard (issue 12, item 11): Entrée opens the selected row of a list
// and confirms the default button of a dialog; Ctrl+S saves the sheet shown;
// Ctrl+E puts the focus on the form's « Enregistrer » from any field.

import (
	"image/color"
	"reflect"
	"strings"
	"unsafe"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// liste is a widget.List where Entrée opens the row under the keyboard
// focus, as Space does, and a click on a row gives it the keyboard focus.
type liste struct {
	widget.List
	// auDessus runs on Up from the first row (back to the search above).
	auDessus func()
	// surEntree, when set, runs after Entrée selected the marked row: the
	// action of a list whose selection only chooses (the vacant dwellings:
	// examine the one chosen).
	surEntree func()
	// bouge is set when the keyboard moves the marked row.
	bouge bool
	// cadre is the amber frame drawn round the list while it has the
	// keyboard focus (Fyne marks the focused row only with the faint hover
	// colour: essai-12 F2).
	cadre *canvas.Rectangle
}

// FocusGained shows the amber frame.
func (l *liste) FocusGained() {
	l.List.FocusGained()
	if l.cadre != nil {
		l.cadre.Show()
	}
}

// FocusLost hides the amber frame.
func (l *liste) FocusLost() {
	l.List.FocusLost()
	if l.cadre != nil {
		l.cadre.Hide()
	}
}

// CreateRenderer adds the focus frame over the list.
func (l *liste) CreateRenderer() fyne.WidgetRenderer {
	l.cadre = nouveauCadre()
	return &listeRenderer{WidgetRenderer: l.List.CreateRenderer(), cadre: l.cadre}
}

// nouveauCadre is the amber frame drawn round a list while it has the
// keyboard focus, hidden until then.
func nouveauCadre() *canvas.Rectangle {
	r := canvas.NewRectangle(color.Transparent)
	r.StrokeColor = focusAmber
	r.StrokeWidth = 2
	r.Hide()
	return r
}

// listeRenderer is a list's renderer with its focus frame on top.
type listeRenderer struct {
	fyne.WidgetRenderer
	cadre   *canvas.Rectangle
	objects []fyne.CanvasObject
}

// Objects are the list's, then the frame.
func (r *listeRenderer) Objects() []fyne.CanvasObject {
	in := r.WidgetRenderer.Objects()
	if len(r.objects) != len(in)+1 || !sameObjects(r.objects, in) {
		r.objects = append(append(make([]fyne.CanvasObject, 0, len(in)+1), in...), r.cadre)
	}
	return r.objects
}

// Layout lays out the list, then the frame round it.
func (r *listeRenderer) Layout(size fyne.Size) {
	r.WidgetRenderer.Layout(size)
	r.cadre.Move(fyne.NewPos(0, 0))
	r.cadre.Resize(size)
}

// newListe builds a list like widget.NewList; create and update see the
// row's own object (each is held in a ligneListe).
func newListe(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *liste {
	l := &liste{}
	l.Length = length
	l.CreateItem = func() fyne.CanvasObject {
		r := &ligneListe{l: l, contenu: create()}
		r.ExtendBaseWidget(r)
		return r
	}
	l.UpdateItem = func(i widget.ListItemID, o fyne.CanvasObject) {
		r := o.(*ligneListe)
		r.id = i
		update(i, r.contenu)
	}
	l.ExtendBaseWidget(l)
	return l
}

// ligneListe holds a row of a liste: a click on it selects the row, marks
// it for the keyboard and gives the list the focus. Fyne's own row looks
// its list up by the embedded widget.List, which no window knows: the focus
// stayed where it was and Down did nothing after a click (essai-12b N1, N3).
type ligneListe struct {
	widget.BaseWidget
	l       *liste
	id      widget.ListItemID
	contenu fyne.CanvasObject
}

// CreateRenderer draws the row's object.
func (r *ligneListe) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.contenu) }

// Tapped gives the list the focus, marks and selects the row.
func (r *ligneListe) Tapped(*fyne.PointEvent) { r.l.clic(r.id) }

// clic is a click on row i.
func (l *liste) clic(i widget.ListItemID) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(l); c != nil {
		c.Focus(l)
	}
	l.fixerMarque(i)
	l.Select(i)
}

// fixerMarque puts the keyboard mark on row i at once (Fyne keeps it
// unexported: written through reflect, as Fyne's own click does); walks to
// it with the arrows when the field cannot be found.
func (l *liste) fixerMarque(i widget.ListItemID) {
	f := reflect.ValueOf(&l.List).Elem().FieldByName("currentFocus")
	if !f.IsValid() || f.Kind() != reflect.Int || !f.CanAddr() {
		l.marquer(i)
		return
	}
	old := widget.ListItemID(f.Int())
	reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem().SetInt(int64(i))
	l.RefreshItem(old)
	l.RefreshItem(i)
}

// TypedKey makes Entrée act as Space (select the focused row).
func (l *liste) TypedKey(k *fyne.KeyEvent) {
	switch {
	case isEntree(k):
		l.List.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace, Physical: k.Physical})
		if l.surEntree != nil {
			l.surEntree()
		}
		return
	case k.Name == fyne.KeyUp && l.auDessus != nil && l.marquee() <= 0:
		l.auDessus()
		return
	case k.Name == fyne.KeyUp || k.Name == fyne.KeyDown:
		l.bouge = true
	}
	l.List.TypedKey(k)
}

// marquee is the row marked by the keyboard focus (Fyne keeps it
// unexported: read only, through reflect); -1 when it cannot be read.
func (l *liste) marquee() widget.ListItemID {
	f := reflect.ValueOf(&l.List).Elem().FieldByName("currentFocus")
	if !f.IsValid() || !f.CanInt() {
		return -1
	}
	return widget.ListItemID(f.Int())
}

// marquer moves the keyboard mark to row i (through Fyne's own Up / Down
// keys, so the list scrolls to it and draws it).
func (l *liste) marquer(i widget.ListItemID) {
	n := 0
	if l.Length != nil {
		n = l.Length()
	}
	if i < 0 || i >= n {
		return
	}
	cur := l.marquee()
	if cur < 0 { // unreadable: walk up from the end
		cur = n
	}
	for ; cur > i; cur-- {
		l.List.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	}
	for ; cur < i; cur++ {
		l.List.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	}
}

// isEntree reports the Return key or the keypad's Enter.
func isEntree(k *fyne.KeyEvent) bool { return k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter }

// enregistrable is a screen whose sheet Ctrl+S saves.
type enregistrable interface {
	enregistrer()
}

// tapIfEnabled taps b when it is shown and enabled.
func tapIfEnabled(b *bouton) {
	if b != nil && b.Visible() && !b.Disabled() && b.OnTapped != nil {
		b.OnTapped()
	}
}

// keyboard adds Entrée (a dialog's default button) and Ctrl+S (save) to
// the window's shortcuts.
func (m *Main) keyboard() {
	c := m.win.Canvas()
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) {
		if c.Overlays().Top() != nil {
			tapIfEnabled(boutonParDefaut(c))
			return
		}
		if m.current >= 0 {
			garderFocus(c, func() {
				if s, ok := m.screens[m.current].(enregistrable); ok {
					s.enregistrer()
				} else {
					tapIfEnabled(premierEnregistrer(m.body)) // Paramètres: the tab shown
				}
			})
		}
	})
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyB, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) {
		m.plierNavigation()
	})
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) {
		allerEnregistrer(c)
	})
}

// allerEnregistrer (Ctrl+E) puts the keyboard focus on the « Enregistrer… »
// button of the form being edited (of the top dialog when one is open):
// the first active one after the focused field in the focus order, else the
// last before it. Nothing happens when no such button is active (nothing
// changed, or an error remains). Tab from the last field of a form reaches
// the same button (the buttons follow the fields in the focus order).
func allerEnregistrer(c fyne.Canvas) {
	root := c.Content()
	if top := c.Overlays().Top(); top != nil {
		root = top
	}
	var focused fyne.CanvasObject
	if f, ok := c.Focused().(fyne.CanvasObject); ok {
		focused = f
	}
	if top := c.Overlays().Top(); top != nil {
		if b := boutonParDefaut(c); b != nil && !b.Disabled() {
			c.Focus(b)
			return
		}
	}
	var before, after *bouton
	seen := false
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() || after != nil {
			return
		}
		if o == focused {
			seen = true
		}
		if b, ok := o.(*bouton); ok && strings.HasPrefix(b.Text, "Enregistrer") && !b.Disabled() {
			if seen {
				after = b
			} else {
				before = b
			}
			return
		}
		for _, ch := range enfants(o) {
			walk(ch)
		}
	}
	walk(root)
	b := after
	if b == nil {
		b = before
	}
	if b != nil {
		c.Focus(b)
		scrollIntoView(b)
	}
}

// repliable is a screen with a list beside its sheet that folds with the
// navigation.
type repliable interface {
	plier(replie bool)
}

// plierNavigation (Ctrl+B) folds or unfolds the navigation, and the lists
// beside the sheets, to give the width to the sheet (the commission on a
// laptop screen).
func (m *Main) plierNavigation() {
	if m.navSplit == nil {
		return
	}
	replie := m.nav.Visible()
	show(m.nav, !replie)
	m.navSplit.Refresh()
	for _, s := range m.screens {
		if r, ok := s.(repliable); ok {
			r.plier(replie)
		}
	}
}

// plier folds the list of sessions (with the navigation).
func (s *Commissions) plier(replie bool) {
	if s.split == nil {
		return
	}
	show(s.split.Leading, !replie)
	s.split.Refresh()
}

// onEntree runs the default button of the top dialog; false when there is
// none (no dialog, or one without a default button).
func onEntree(c fyne.Canvas) bool {
	b := boutonParDefaut(c)
	if b == nil {
		return false
	}
	tapIfEnabled(b)
	return true
}

// boutonParDefaut is the default button of the dialog on top of canvas c:
// the one it was shown with (showDialogDefault), else its first blue
// (high importance) button; nil when no dialog is open or it has none.
func boutonParDefaut(c fyne.Canvas) *bouton {
	if c == nil || c.Overlays().Top() == nil {
		return nil
	}
	if d := topDialog(c); d != nil && d.defaut != nil {
		return d.defaut
	}
	var found *bouton
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() || found != nil {
			return
		}
		if b, ok := o.(*bouton); ok && b.Importance == widget.HighImportance {
			found = b
			return
		}
		for _, ch := range enfants(o) {
			walk(ch)
		}
	}
	walk(c.Overlays().Top())
	return found
}

// topDialog is the dialog shown on top of canvas c, nil when none.
func topDialog(c fyne.Canvas) *shownDialog {
	pruneDialogs()
	n := len(openDialogs)
	if n == 0 || c == nil || c.Overlays().Top() != openDialogs[n-1].overlay {
		return nil
	}
	return &openDialogs[n-1]
}

// premierEnregistrer is the first active « Enregistrer… » button shown under
// root, nil when none (nothing changed, or an error remains).
func premierEnregistrer(root fyne.CanvasObject) *bouton {
	var found *bouton
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() || found != nil {
			return
		}
		if b, ok := o.(*bouton); ok {
			if strings.HasPrefix(b.Text, "Enregistrer") && !strings.HasSuffix(b.Text, "…") && !b.Disabled() {
				found = b // « Enregistrer une sauvegarde… » opens a dialog: not a save
			}
			return
		}
		for _, ch := range enfants(o) {
			walk(ch)
		}
	}
	walk(root)
	return found
}

// garderFocus runs save (Ctrl+S) and keeps the keyboard in the field the
// agent was in (essai-12b N6: a household's sheet is rebuilt by its save
// and the next Tab went to the navigation): the same field when it is still
// shown, else the field now at its place in the window (a member's row
// rebuilt), when it is of the same kind.
func garderFocus(c fyne.Canvas, save func()) {
	avant := c.Focused()
	o, ok := avant.(fyne.CanvasObject)
	if !ok {
		save()
		return
	}
	idx := indexFocusable(c.Content(), o)
	save()
	if idx < 0 || c.Overlays().Top() != nil { // a question or an error is shown
		return
	}
	if indexFocusable(c.Content(), o) >= 0 {
		if c.Focused() != avant {
			c.Focus(avant)
		}
		return
	}
	n := focusableA(c.Content(), idx)
	if n == nil || reflect.TypeOf(n) != reflect.TypeOf(avant) {
		return
	}
	if w, ok := n.(fyne.CanvasObject); ok && w.Visible() {
		c.Focus(n)
	}
}

// focusables walks the focusable objects under root in the window's order,
// the hidden ones too (their count does not change with what a save shows
// or hides); stop ends the walk.
func focusables(root fyne.CanvasObject, visit func(i int, f fyne.Focusable) (stop bool)) {
	i := 0
	stopped := false
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || stopped {
			return
		}
		if f, ok := o.(fyne.Focusable); ok {
			if visit(i, f) {
				stopped = true
			}
			i++
			return
		}
		for _, ch := range enfants(o) {
			walk(ch)
		}
	}
	walk(root)
}

// indexFocusable is o's place among the focusable objects under root, -1
// when it is not there.
func indexFocusable(root, o fyne.CanvasObject) int {
	found := -1
	focusables(root, func(i int, f fyne.Focusable) bool {
		if any(f) == any(o) {
			found = i
			return true
		}
		return false
	})
	return found
}

// focusableA is the focusable object at place idx under root, nil when none.
func focusableA(root fyne.CanvasObject, idx int) fyne.Focusable {
	var found fyne.Focusable
	focusables(root, func(i int, f fyne.Focusable) bool {
		if i == idx {
			found = f
			return true
		}
		return false
	})
	return found
}
