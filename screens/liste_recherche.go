package screens

// The search-list (issue 12, architecture): a search box, the count of the
// rows found, the list of the rows, and the row of the record open kept
// selected as the search changes. Patrimoine (dwellings, residences) and
// Ménages embed one: their fields search, count, list, rows, selected are
// the component's.

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// rechercheOptions say what a search-list lists and what choosing a row does.
type rechercheOptions[T any] struct {
	aide    string                         // the search box's placeholder
	modele  func() fyne.CanvasObject       // a row's template
	remplir func(r T, o fyne.CanvasObject) // writes row r into its template
	// chercher runs the search (the box's text and the screen's filters);
	// pret is false while the search index is being built.
	chercher func() (rows []T, pret bool)
	attente  func() string      // the count line while the index is built
	compter  func(n int) string // the count line: « 12 logements »
	cle      func(r T) string   // the key of a row's record
	courant  func() string      // the key of the record open, "" when none
	// quitter lets the record open go (unsaved changes): it runs ouvrir,
	// or rester when the user stays on it.
	quitter func(ouvrir, rester func())
	ouvrir  func(r T) // opens the record of row r
}

// listeRecherche is a search-list; its widgets are laid out by the screen
// (filters between the box and the count, a « Nouveau » button…).
type listeRecherche[T any] struct {
	search    *entree
	count     *widget.Label
	list      *liste
	rows      []T
	selected  widget.ListItemID // the row of the record open, -1 when none
	selecting bool              // a selection made by the program, not the user

	o rechercheOptions[T]
}

// newListeRecherche builds a search-list; typing in its box reruns the
// search. The screen runs the first search once its filters exist.
func newListeRecherche[T any](o rechercheOptions[T]) *listeRecherche[T] {
	l := &listeRecherche[T]{o: o, selected: -1}
	l.search = newEntree()
	l.search.SetPlaceHolder(o.aide)
	l.search.OnChanged = func(string) { l.relancer() }
	l.count = widget.NewLabel("")
	l.count.TextStyle = fyne.TextStyle{Bold: true}
	l.list = newListe(
		func() int { return len(l.rows) },
		o.modele,
		func(i widget.ListItemID, c fyne.CanvasObject) {
			if i < len(l.rows) {
				o.remplir(l.rows[i], c)
			}
		})
	l.list.OnSelected = func(i widget.ListItemID) {
		if l.selecting || i == l.selected || i >= len(l.rows) {
			return
		}
		prev, r := l.selected, l.rows[i]
		o.quitter(func() {
			l.selected = i
			o.ouvrir(r)
		}, func() { l.reselect(prev) })
	}
	relierRecherche(l.search, l.list, func() int { return len(l.rows) })
	return l
}

// touche is the keyboard of the search box (issue 12, item 11); see
// toucheRecherche.
func (l *listeRecherche[T]) touche(k *fyne.KeyEvent) bool {
	return toucheRecherche(l.list, func() int { return len(l.rows) })(k)
}

// toucheRecherche is the keyboard of a search box above a list of n() rows
// (every search of Logis): Down goes to the list, its first row marked;
// Entrée opens the row marked in the list (the first row until the
// keyboard moved the mark), then goes on to the box's OnSubmitted if the
// screen set one (the commission examines the dwelling chosen).
func toucheRecherche(list *liste, n func() int) func(k *fyne.KeyEvent) bool {
	return func(k *fyne.KeyEvent) bool {
		switch {
		case k.Name == fyne.KeyDown:
			if n() == 0 {
				return true
			}
			focusObjet(list)
			list.marquer(0)
			list.bouge = true
			return true
		case isEntree(k):
			if n() == 0 {
				return false
			}
			i := 0
			if m := list.marquee(); list.bouge && m >= 0 && m < n() {
				i = m
			}
			list.marquer(i)
			list.Select(i)
		}
		return false
	}
}

// relierRecherche wires a search box to the list of its results:
// toucheRecherche in the box, Up from the list's first row back to the box.
func relierRecherche(search *entree, list *liste, n func() int) {
	search.touche = toucheRecherche(list, n)
	list.auDessus = func() { focusObjet(search) }
}

// panneau lays out the search-list: top (the box, the filters, the count)
// above the list, bottom (optional) below; Tab goes from the box through
// the filters to the list (Fyne's Tab follows the order of the objects).
func (l *listeRecherche[T]) panneau(top, bottom fyne.CanvasObject) *fyne.Container {
	return bordure(top, bottom, l.list)
}

// bordure is container.NewBorder(top, bottom, nil, nil, center) with Tab
// going top, center, bottom (Fyne's Tab follows the order of the objects,
// and NewBorder puts the center first: a list below its search came before
// it, the buttons below the list right after the search).
func bordure(top, bottom, center fyne.CanvasObject) *fyne.Container {
	var objs []fyne.CanvasObject
	for _, o := range []fyne.CanvasObject{top, center, bottom} {
		if o != nil {
			objs = append(objs, o)
		}
	}
	return container.New(layout.NewBorderLayout(top, bottom, nil, nil), objs...)
}

// hautEmpile lays out like container.NewBorder(VBox(haut...), bas, nil,
// nil, center) while the objects keep the order they were given, which is
// Tab's: the search, its list, then the buttons drawn under the search
// (Commissions: the list before « Nouvelle séance »).
type hautEmpile struct {
	haut []fyne.CanvasObject // stacked at the top, in this order
	bas  fyne.CanvasObject   // at the bottom, nil for none
}

func (h *hautEmpile) estHaut(o fyne.CanvasObject) bool {
	for _, x := range h.haut {
		if x == o {
			return true
		}
	}
	return false
}

// Layout stacks haut, puts bas at the bottom and the rest between.
func (h *hautEmpile) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	y := float32(0)
	for _, o := range h.haut {
		if !o.Visible() {
			continue
		}
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, o.MinSize().Height))
		y += o.MinSize().Height + pad
	}
	bottom := size.Height
	if h.bas != nil && h.bas.Visible() {
		bh := h.bas.MinSize().Height
		bottom -= bh
		h.bas.Move(fyne.NewPos(0, bottom))
		h.bas.Resize(fyne.NewSize(size.Width, bh))
		bottom -= pad
	}
	for _, o := range objs {
		if o == h.bas || h.estHaut(o) {
			continue
		}
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, max(0, bottom-y)))
	}
}

// MinSize is the widest object by the heights stacked.
func (h *hautEmpile) MinSize(objs []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	w, ht := float32(0), float32(0)
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		w = max(w, m.Width)
		ht += m.Height + pad
	}
	return fyne.NewSize(w, max(0, ht-pad))
}

// focusObjet gives the keyboard focus to o in its window.
func focusObjet(o fyne.Focusable) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(o.(fyne.CanvasObject)); c != nil {
		c.Focus(o)
	}
}

// relancer reruns the search and keeps the record open selected.
func (l *listeRecherche[T]) relancer() {
	rows, pret := l.o.chercher()
	if !pret {
		l.rows = nil
		l.count.SetText(l.o.attente())
		l.list.Refresh()
		return
	}
	l.rows = rows
	l.list.bouge = false
	l.count.SetText(l.o.compter(len(rows)))
	l.selecting = true
	l.list.UnselectAll()
	l.selected = -1
	if k := l.o.courant(); k != "" {
		for i, r := range l.rows {
			if l.o.cle(r) == k {
				l.selected = i
				l.list.Select(i)
				break
			}
		}
	}
	l.selecting = false
	l.list.Refresh()
}

// reselect puts the selection back on row i (after Annuler), or none.
func (l *listeRecherche[T]) reselect(i widget.ListItemID) {
	l.selecting = true
	defer func() { l.selecting = false }()
	if i < 0 || i >= len(l.rows) {
		l.list.UnselectAll()
		return
	}
	l.list.Select(i)
}
