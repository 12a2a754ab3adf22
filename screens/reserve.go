package screens

// Reserved space for messages that come and go (issue 12, item 7): the
// layout does not jump and the buttons stay under the mouse when an error
// line appears or disappears.

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// reserveLayout gives its objects at least a fixed height, visible or not.
type reserveLayout struct{ height float32 }

func (l reserveLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l reserveLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	min := fyne.NewSize(0, l.height)
	for _, o := range objs {
		if o.Visible() {
			min = min.Max(o.MinSize())
		}
	}
	return min
}

// lineHeight is the height of one line of a label.
func lineHeight() float32 { return widget.NewLabel("Ag").MinSize().Height }

// reserveLines keeps room for lines of msg even while it is hidden; a longer
// message makes the room grow.
func reserveLines(msg fyne.CanvasObject, lines int) fyne.CanvasObject {
	return container.New(reserveLayout{height: lineHeight() * float32(lines)}, msg)
}

// fixedLines is a room of exactly lines lines for msg, scrolled when the
// message is longer: what surrounds it never moves (dialogs).
func fixedLines(msg fyne.CanvasObject, lines int) fyne.CanvasObject {
	sc := container.NewVScroll(msg)
	sc.SetMinSize(fyne.NewSize(0, lineHeight()*float32(lines)*0.85))
	return sc
}
