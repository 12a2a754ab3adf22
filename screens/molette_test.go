package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// formScroll is the innermost vertical scroll container holding o.
func formScroll(t *testing.T, o fyne.CanvasObject) *container.Scroll {
	t.Helper()
	path := enclosingScrolls(o)
	for i := len(path) - 1; i >= 0; i-- {
		if path[i].Direction != container.ScrollHorizontalOnly && path[i].Direction != container.ScrollNone {
			return path[i]
		}
	}
	t.Fatal("the field is in no vertical scroll container")
	return nil
}

// over is a point inside o, in the window.
func over(o fyne.CanvasObject) fyne.Position {
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(o).Add(fyne.NewPos(12, o.Size().Height/2))
}

// Item 8: the mouse wheel over a single-line field scrolls the sheet; a
// click at the same place still puts the cursor in the field.
func TestMolette_SingleLineFieldScrollsTheSheet(t *testing.T) {
	m := readyMain(t, 10, 10)
	m.win.Resize(fyne.NewSize(1280, 600))
	s := m.menages()
	s.list.Select(0)
	e := s.fiche.membres[0].nom.Entry
	e.SetText(strings.Repeat("Nom très long ", 20)) // a long line: the entry could scroll sideways
	sc := formScroll(t, e)
	if sc.Content.MinSize().Height <= sc.Size().Height+40 {
		t.Skip("the sheet fits in the window: nothing to scroll")
	}
	sc.ScrollToTop()
	c := m.win.Canvas()
	test.Scroll(c, over(e), 0, -30) // one notch down
	if sc.Offset.Y != 30 {
		t.Fatalf("the sheet is at %.0f after the wheel over the name, want 30", sc.Offset.Y)
	}
	test.Scroll(c, over(e), 0, 30)
	if sc.Offset.Y != 0 {
		t.Fatalf("the sheet is at %.0f after the wheel back up, want 0", sc.Offset.Y)
	}
	// Clicks, the pointer and the focus still reach the entry: what Fyne
	// finds under the mouse for them is the entry, and a press focuses it.
	c.Unfocus()
	if o := lastAt[desktop.Mouseable](c.Content(), over(e)); o != e {
		t.Errorf("a mouse press over the field goes to %T", o)
	} else {
		o.(desktop.Mouseable).MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(12, 5)}, Button: desktop.MouseButtonPrimary})
		if c.Focused() != e {
			t.Errorf("a press on the field focuses %T", c.Focused())
		}
	}
	if o := lastAt[desktop.Cursorable](c.Content(), over(e)); o != e {
		t.Errorf("the pointer over the field is %T's", o)
	}
	if o := lastAt[fyne.Tappable](c.Content(), over(e)); o != e {
		t.Errorf("a click over the field goes to %T", o)
	}
	var mol any = newMolette(e, nil)
	if _, ok := mol.(fyne.Scrollable); !ok {
		t.Error("the molette does not take the wheel")
	}
	for name, ok := range map[string]bool{
		"Tappable":  is[fyne.Tappable](mol),
		"Focusable": is[fyne.Focusable](mol),
		"Draggable": is[fyne.Draggable](mol),
		"Hoverable": is[desktop.Hoverable](mol),
		"Mouseable": is[desktop.Mouseable](mol),
		"Cursor":    is[desktop.Cursorable](mol),
		"DoubleTap": is[fyne.DoubleTappable](mol),
		"Secondary": is[fyne.SecondaryTappable](mol),
	} {
		if ok {
			t.Errorf("the molette is %s: the entry beneath would lose it", name)
		}
	}
}

func is[T any](o any) bool { _, ok := o.(T); return ok }

// lastAt is what Fyne's drivers give an event of kind T at pos: the last
// visible object of that kind under pos in a walk of the tree, parents
// before children, siblings in order.
func lastAt[T any](root fyne.CanvasObject, pos fyne.Position) fyne.CanvasObject {
	d := fyne.CurrentApp().Driver()
	var found fyne.CanvasObject
	var visit func(o fyne.CanvasObject)
	visit = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		p, sz := d.AbsolutePositionForObject(o), o.Size()
		if pos.X < p.X || pos.Y < p.Y || pos.X >= p.X+sz.Width || pos.Y >= p.Y+sz.Height {
			return
		}
		if is[T](o) {
			found = o
		}
		switch v := o.(type) {
		case *fyne.Container:
			for _, c := range v.Objects {
				visit(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(v).Objects() {
				visit(c)
			}
		}
	}
	visit(root)
	return found
}

// Item 8: over a multi-line field whose text fits, the wheel scrolls the
// form; when the text is longer than the field, the field scrolls first,
// then the form once the text is at its end.
func TestMolette_MultiLineField(t *testing.T) {
	m := newTestMain(t, 0, 0)
	m.win.Resize(fyne.NewSize(1280, 500))
	p := parametresScreen(t, m)
	e := p.adresse.Entry
	e.SetText("Office Public de l'Habitat\n6 rue de l'Essai\n94110 ARCUEIL")
	sc := formScroll(t, e)
	if sc.Content.MinSize().Height <= sc.Size().Height+40 {
		t.Skip("the identity fits in the window: nothing to scroll")
	}
	c := m.win.Canvas()
	sc.ScrollToTop()
	test.Scroll(c, over(e), 0, -20)
	if sc.Offset.Y != 20 {
		t.Fatalf("the form is at %.0f after the wheel over an address that fits, want 20", sc.Offset.Y)
	}
	sc.ScrollToTop()
	e.SetText(strings.Repeat("ligne\n", 12) + "94110 ARCUEIL")
	inner := test.WidgetRenderer(e).(*entreeRenderer).innerScroll()
	if inner == nil || inner.Content.MinSize().Height <= inner.Size().Height {
		t.Fatal("a 13-line address does not overflow its field")
	}
	test.Scroll(c, over(e), 0, -20)
	if sc.Offset.Y != 0 || inner.Offset.Y != 20 {
		t.Fatalf("form at %.0f, field at %.0f: the long address should scroll first", sc.Offset.Y, inner.Offset.Y)
	}
	inner.ScrollToBottom()
	test.Scroll(c, over(e), 0, -20)
	if sc.Offset.Y != 20 {
		t.Fatalf("form at %.0f once the address is at its end, want 20", sc.Offset.Y)
	}
}

// Item 8: a select entry (commission members' qualité) carries a molette
// too: the wheel over it scrolls the list of members.
func TestMolette_SelectEntry(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	defer w.Close()
	se := widget.NewSelectEntry([]string{"Président", "Maire"})
	box := container.NewVBox(avecMolette(se))
	for i := 0; i < 30; i++ {
		box.Add(widget.NewLabel("ligne"))
	}
	sc := container.NewVScroll(box)
	w.SetContent(sc)
	w.Resize(fyne.NewSize(400, 300))
	if o := lastAt[fyne.Tappable](w.Content(), over(se)); o == nil {
		t.Error("nothing takes a click over the select entry")
	}
	if o := lastAt[desktop.Mouseable](w.Content(), over(se)); o != se {
		t.Errorf("a mouse press over the select entry goes to %T", o)
	}
	test.Scroll(w.Canvas(), over(se), 0, -25)
	if sc.Offset.Y != 25 {
		t.Errorf("the list is at %.0f after the wheel over the select entry, want 25", sc.Offset.Y)
	}
}
