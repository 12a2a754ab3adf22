package screens

// The mouse wheel over a field (issue 12, item 8). Fyne gives the wheel to
// the last fyne.Scrollable under the mouse in its walk of the tree: the
// entry's own scroll, which swallows it (or turns it into a sideways move of
// a long line), so the form around does not scroll. Every entree carries a
// transparent molette laid over it, after its own objects: it is found
// instead, and passes the wheel to the form. It is only Scrollable: clicks,
// the text cursor, hovering and focus still go to the entry beneath.

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// molette takes the wheel over an entry and gives it to the scroll
// container holding the entry; a multi-line entry whose text is longer than
// the entry scrolls itself first.
type molette struct {
	widget.BaseWidget
	owner fyne.CanvasObject        // the entry it lies over
	inner func() *container.Scroll // the entry's own scroll; nil when none
}

func newMolette(owner fyne.CanvasObject, inner func() *container.Scroll) *molette {
	m := &molette{owner: owner, inner: inner}
	m.ExtendBaseWidget(m)
	return m
}

// CreateRenderer draws nothing.
func (m *molette) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewWithoutLayout())
}

// Scrolled gives the wheel to the entry's own scroll when its text is taller
// than the entry (or when the move is sideways), otherwise, or when the text
// is at its end, to the enclosing scroll containers, innermost first.
func (m *molette) Scrolled(ev *fyne.ScrollEvent) {
	if in := m.innerScroll(); in != nil {
		sideways := ev.Scrolled.DY == 0 && ev.Scrolled.DX != 0
		if sideways || in.Content.MinSize().Height > in.Size().Height {
			before := in.Offset
			in.Scrolled(ev)
			if sideways || in.Offset != before {
				return
			}
		}
	}
	if ev.Scrolled.DY == 0 {
		return
	}
	path := enclosingScrolls(m.owner)
	for i := len(path) - 1; i >= 0; i-- {
		s := path[i]
		if s.Direction == container.ScrollHorizontalOnly || s.Direction == container.ScrollNone {
			continue
		}
		before := s.Offset
		s.Scrolled(ev)
		if s.Offset != before {
			return
		}
	}
}

func (m *molette) innerScroll() *container.Scroll {
	if m.inner == nil {
		return nil
	}
	return m.inner()
}

// avecMolette lays a molette over a single-line entry that is not an
// entree (a widget.SelectEntry): the wheel over it scrolls the form.
func avecMolette(e fyne.CanvasObject) fyne.CanvasObject {
	return container.NewStack(e, newMolette(e, nil))
}

// enclosingScrolls are the scroll containers holding o in its window
// (content, then dialogs), innermost last; nil when none.
func enclosingScrolls(o fyne.CanvasObject) []*container.Scroll {
	a := fyne.CurrentApp()
	if a == nil {
		return nil
	}
	c := a.Driver().CanvasForObject(o)
	if c == nil {
		return nil
	}
	for _, r := range append([]fyne.CanvasObject{c.Content()}, c.Overlays().List()...) {
		if path := scrollsTo(r, o); path != nil {
			return path
		}
	}
	return nil
}

// entreeRenderer is the entry's renderer with its molette on top.
type entreeRenderer struct {
	fyne.WidgetRenderer
	molette *molette
	objects []fyne.CanvasObject
}

// CreateRenderer lays a molette over the entry (see molette).
func (e *entree) CreateRenderer() fyne.WidgetRenderer {
	r := &entreeRenderer{WidgetRenderer: e.Entry.CreateRenderer()}
	r.molette = newMolette(e, r.innerScroll)
	return r
}

// Objects are the entry's, then the molette (last: it gets the wheel).
func (r *entreeRenderer) Objects() []fyne.CanvasObject {
	in := r.WidgetRenderer.Objects()
	if len(r.objects) != len(in)+1 || !sameObjects(r.objects, in) {
		r.objects = append(append(make([]fyne.CanvasObject, 0, len(in)+1), in...), r.molette)
	}
	return r.objects
}

// Layout lays out the entry, then spreads the molette over it.
func (r *entreeRenderer) Layout(size fyne.Size) {
	r.WidgetRenderer.Layout(size)
	r.molette.Move(fyne.NewPos(0, 0))
	r.molette.Resize(size)
}

// innerScroll is the entry's own scroll container, nil when it has none.
func (r *entreeRenderer) innerScroll() *container.Scroll {
	for _, o := range r.WidgetRenderer.Objects() {
		if s, ok := o.(*container.Scroll); ok && s.Visible() && s.Content != nil {
			return s
		}
	}
	return nil
}

// sameObjects reports whether cached begins with exactly in.
func sameObjects(cached, in []fyne.CanvasObject) bool {
	for i, o := range in {
		if cached[i] != o {
			return false
		}
	}
	return true
}
