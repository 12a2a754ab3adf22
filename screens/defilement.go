package screens

// Scrolling (issue 12, item 8): Tab moving into a field below the visible
// part of a form scrolls the form to it; the mouse wheel over a field
// scrolls the form (molette.go).

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// scrollsTo finds, in the tree under root, the scroll containers holding
// target, innermost last; nil when target is not under root.
func scrollsTo(root, target fyne.CanvasObject) []*container.Scroll {
	if root == nil || !root.Visible() {
		return nil
	}
	if root == target {
		return []*container.Scroll{}
	}
	if sc, ok := root.(*container.Scroll); ok {
		if p := scrollsTo(sc.Content, target); p != nil {
			return append([]*container.Scroll{sc}, p...)
		}
		return nil
	}
	children := enfants(root)
	for _, c := range children {
		if p := scrollsTo(c, target); p != nil {
			return p
		}
	}
	return nil
}

// scrollIntoView scrolls the scroll containers around o (innermost first)
// so that o is entirely visible; it does nothing when o is not found.
func scrollIntoView(o fyne.CanvasObject) {
	a := fyne.CurrentApp()
	if a == nil {
		return
	}
	d := a.Driver()
	c := d.CanvasForObject(o)
	if c == nil {
		return
	}
	roots := append([]fyne.CanvasObject{c.Content()}, c.Overlays().List()...)
	var path []*container.Scroll
	for _, r := range roots {
		if path = scrollsTo(r, o); path != nil {
			break
		}
	}
	for i := len(path) - 1; i >= 0; i-- {
		s := path[i]
		if s.Direction == container.ScrollHorizontalOnly || s.Direction == container.ScrollNone {
			continue
		}
		// Positions settle once the content is laid out again: a few
		// passes bring o into view.
		for pass := 0; pass < 4; pass++ {
			top := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(s).Y // in the visible area
			h, view := o.Size().Height, s.Size().Height
			if top >= 0 && top+h <= view {
				break
			}
			if top < 0 {
				s.Offset.Y += top
			} else {
				s.Offset.Y += min(top+h-view, top) // the top stays visible when o is taller than the view
			}
			s.Offset.Y = max(0, s.Offset.Y)
			s.Refresh()
		}
	}
}

// enfants are the objects shown inside o, in the order Fyne walks them
// (hence the focus order): a container's objects, a split's two sides, the
// selected tab, a card's, a dialog's or a scroll's content, a form's fields,
// an open accordion item. Other widgets are leaves.
func enfants(o fyne.CanvasObject) []fyne.CanvasObject {
	var children []fyne.CanvasObject
	switch o := o.(type) {
	case *container.Scroll:
		children = []fyne.CanvasObject{o.Content}
	case *fyne.Container:
		children = o.Objects
	case *container.Split:
		children = []fyne.CanvasObject{o.Leading, o.Trailing}
	case *container.AppTabs:
		if t := o.Selected(); t != nil {
			children = []fyne.CanvasObject{t.Content}
		}
	case *container.DocTabs:
		if t := o.Selected(); t != nil {
			children = []fyne.CanvasObject{t.Content}
		}
	case *widget.Card:
		children = []fyne.CanvasObject{o.Content}
	case *widget.PopUp: // a dialog
		children = []fyne.CanvasObject{o.Content}
	case *widget.Form:
		for _, it := range o.Items {
			children = append(children, it.Widget)
		}
	case *widget.Accordion:
		for _, it := range o.Items {
			if it.Open {
				children = append(children, it.Detail)
			}
		}
	}
	return children
}
