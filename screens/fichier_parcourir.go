package screens

// The French folder browser of the file chooser (issue 12, item 13): the
// current folder, « Dossier parent », the usual folders and the drives, the
// folders then the files of the expected types, sorted the French way.
// Keyboard: arrows move, a letter goes to the next name starting with it,
// Entrée opens a folder or chooses a file, Retour arrière goes to the parent
// folder, Échap cancels.

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// parcoureur is the browser on screen.
type parcoureur struct {
	c         choixFichier
	win       fyne.Window
	d         *dialog.CustomDialog
	dossier   string           // the folder shown
	elements  []elementDossier // its rows
	sel       int              // the selected row, -1 for none
	cheminLbl *widget.Label
	parentBtn *bouton
	liste     *listeFichiers
	nom       *entree // a save's file name
	info      *widget.Label
	actionBtn *bouton
	choisi    func(path string)
}

// parcourirDossiers shows the browser on folder dossier (nom: a save's
// proposed file name); choisi receives the file or folder chosen.
func parcourirDossiers(win fyne.Window, c choixFichier, dossier, nom string, choisi func(string)) *parcoureur {
	p := &parcoureur{c: c, win: win, sel: -1, choisi: choisi}
	p.cheminLbl = widget.NewLabel("")
	p.cheminLbl.Truncation = fyne.TextTruncateEllipsis
	p.cheminLbl.TextStyle = fyne.TextStyle{Bold: true}
	p.parentBtn = newBoutonIcone("Dossier parent", theme.MoveUpIcon(), p.parent)
	haut := container.NewBorder(nil, nil, p.parentBtn, nil, p.cheminLbl)

	gauche := container.NewVBox(gras("Raccourcis"))
	for _, r := range raccourcis() {
		chemin := r.chemin
		b := newBoutonIcone(r.nom, r.icone, func() {
			p.ouvrir(chemin)
			win.Canvas().Focus(p.liste) // the arrows go on in the folder opened
		})
		b.Alignment = widget.ButtonAlignLeading
		gauche.Add(b)
	}

	p.liste = newListeFichiers(p)
	entete := ligneEntete()
	centre := container.NewBorder(entete, nil, nil, nil, p.liste)

	p.info = widget.NewLabel("")
	p.info.Truncation = fyne.TextTruncateEllipsis
	bas := container.NewVBox()
	if c.Mode == choixEnregistrer {
		p.nom = newEntree()
		p.nom.SetText(nom)
		p.nom.OnSubmitted = func(string) { p.valider() }
		bas.Add(Ligne("Nom du fichier :", p.nom))
	}
	bas.Add(p.info)
	texteAide := "Flèches : se déplacer · Entrée ou double clic : ouvrir le dossier, choisir le fichier · Retour arrière : dossier parent · Échap : fermer"
	if c.Mode == choixDossier {
		texteAide = "Flèches : se déplacer · Entrée ou double clic : ouvrir le dossier · « Choisir ce dossier » : le dossier affiché · Retour arrière : dossier parent · Échap : fermer"
	}
	aide := widget.NewLabel(texteAide)
	aide.SizeName = theme.SizeNameCaptionText
	aide.Truncation = fyne.TextTruncateEllipsis
	bas.Add(aide)

	// Tab follows the objects' order: « Dossier parent », the usual
	// folders, the list, a save's file name, then the dialog's buttons
	// (NewBorder put the list first: it came after the buttons, essai-12b N11).
	raccourcisG := container.NewVScroll(gauche)
	content := container.New(layout.NewBorderLayout(haut, bas, raccourcisG, nil), haut, raccourcisG, centre, bas)
	titre := "Parcourir — " + c.Titre
	p.d = dialog.NewCustomWithoutButtons(titre, content, win)
	annuler := newBoutonIcone("Annuler", theme.CancelIcon(), p.d.Hide)
	action := "Choisir ce fichier"
	if c.Mode == choixDossier {
		action = "Choisir ce dossier"
	}
	p.actionBtn = newBoutonIcone(action, theme.ConfirmIcon(), p.valider)
	p.actionBtn.Importance = widget.HighImportance
	p.d.SetButtons([]fyne.CanvasObject{annuler, p.actionBtn})
	// As large as the window allows (1366 × 768 laptops), within reason.
	sz := win.Canvas().Size()
	p.d.Resize(fyne.NewSize(min(max(sz.Width-80, 700), 1000), min(max(sz.Height-60, 480), 720)))
	if !p.ouvrir(dossier) {
		p.ouvrir(dossierParDefaut())
	}
	showDialogDefault(p.d, p.actionBtn)
	if p.nom != nil {
		win.Canvas().Focus(p.nom)
	} else {
		win.Canvas().Focus(p.liste)
	}
	return p
}

func gras(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.TextStyle = fyne.TextStyle{Bold: true}
	return l
}

// filtre says which files are shown.
func (p *parcoureur) filtre() string {
	switch {
	case p.c.Mode == choixDossier:
		return "Seuls les dossiers sont affichés."
	case len(p.c.Extensions) > 0:
		return "Fichiers affichés : " + listeExtensions(p.c.Extensions) + "."
	}
	return ""
}

// ouvrir shows folder dir; false (and the reason said) when it cannot be read.
func (p *parcoureur) ouvrir(dir string) bool {
	if dir == "" {
		return false
	}
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	es, err := lireDossier(dir, p.c.Extensions, p.c.Mode == choixDossier)
	if err != nil {
		p.info.SetText(fmt.Sprintf("Le dossier « %s » n'a pas pu être lu.", dir))
		return false
	}
	p.dossier, p.elements, p.sel = dir, es, -1
	p.cheminLbl.SetText(dir)
	if filepath.Dir(dir) == dir {
		p.parentBtn.Disable()
	} else {
		p.parentBtn.Enable()
	}
	msg := p.filtre()
	if len(es) == 0 {
		msg = "Ce dossier est vide. " + msg
		if p.c.Mode != choixDossier && len(p.c.Extensions) > 0 {
			msg = "Aucun dossier ni fichier " + listeExtensions(p.c.Extensions) + " ici."
		}
	}
	p.info.SetText(msg)
	p.liste.UnselectAll()
	p.liste.Refresh()
	p.liste.ScrollToTop()
	if c := fyne.CurrentApp().Driver().CanvasForObject(p.liste); c != nil && c.Focused() == p.liste {
		p.selectionner(0) // the keyboard keeps a row
	}
	return true
}

// parent shows the folder above (Retour arrière), the folder left selected.
func (p *parcoureur) parent() {
	quitte := p.dossier
	if up := filepath.Dir(quitte); up != quitte && p.ouvrir(up) {
		for i, e := range p.elements {
			if e.dossier && e.nom == filepath.Base(quitte) {
				p.selectionner(i)
			}
		}
	}
}

// selectionner marks row i; a save's name takes the file's.
func (p *parcoureur) selectionner(i int) {
	if i < 0 || i >= len(p.elements) {
		return
	}
	p.sel = i
	p.liste.Select(i)
	p.liste.ScrollTo(i)
	if e := p.elements[i]; !e.dossier && p.nom != nil {
		p.nom.SetText(e.nom)
	}
}

// activer opens row i's folder, or chooses its file (Entrée, double clic).
func (p *parcoureur) activer(i int) {
	if i < 0 || i >= len(p.elements) {
		return
	}
	e := p.elements[i]
	chemin := filepath.Join(p.dossier, e.nom)
	if e.dossier {
		p.ouvrir(chemin)
		return
	}
	p.choisir(chemin)
}

// valider is the action button: the selected file, the typed name in the
// folder shown, or the folder shown.
func (p *parcoureur) valider() {
	switch p.c.Mode {
	case choixDossier:
		p.choisir(p.dossier)
	case choixEnregistrer:
		nom := nettoyerChemin(p.nom.Text)
		if nom == "" {
			p.info.SetText("Indiquez le nom du fichier.")
			return
		}
		if filepath.IsAbs(nom) {
			p.choisir(nom)
			return
		}
		p.choisir(filepath.Join(p.dossier, nom))
	default:
		if p.sel < 0 || p.sel >= len(p.elements) {
			p.info.SetText("Choisissez un fichier dans la liste.")
			return
		}
		if p.elements[p.sel].dossier {
			p.activer(p.sel)
			return
		}
		p.choisir(filepath.Join(p.dossier, p.elements[p.sel].nom))
	}
}

func (p *parcoureur) choisir(chemin string) {
	p.d.Hide()
	p.choisi(chemin)
}

// --- the list ---------------------------------------------------------------

// listeFichiers is the browser's list: the arrows move the selection,
// Entrée (or Espace) opens or chooses, Retour arrière goes up, Échap cancels.
type listeFichiers struct {
	widget.List
	p     *parcoureur
	cadre *canvas.Rectangle // the amber frame while the list has the focus
}

// CreateRenderer adds the amber focus frame over the list (as liste).
func (l *listeFichiers) CreateRenderer() fyne.WidgetRenderer {
	l.cadre = nouveauCadre()
	return &listeRenderer{WidgetRenderer: l.List.CreateRenderer(), cadre: l.cadre}
}

func newListeFichiers(p *parcoureur) *listeFichiers {
	l := &listeFichiers{p: p}
	l.Length = func() int { return len(p.elements) }
	l.CreateItem = func() fyne.CanvasObject { return newLigneFichier(l) }
	l.UpdateItem = func(id widget.ListItemID, o fyne.CanvasObject) { o.(*ligneFichier).montrer(id, p.elements[id]) }
	l.OnSelected = func(id widget.ListItemID) {
		if p.sel != id {
			p.selectionner(id)
		}
	}
	l.ExtendBaseWidget(l)
	return l
}

// FocusGained selects the first row so the keyboard has a place to start;
// the selection shows where the keyboard is.
func (l *listeFichiers) FocusGained() {
	if l.p.sel < 0 && len(l.p.elements) > 0 {
		l.p.selectionner(0)
	}
	if l.cadre != nil {
		l.cadre.Show()
	}
}

// FocusLost hides the frame (the selection stays).
func (l *listeFichiers) FocusLost() {
	if l.cadre != nil {
		l.cadre.Hide()
	}
}

// TypedKey moves, opens, goes up or cancels.
func (l *listeFichiers) TypedKey(k *fyne.KeyEvent) {
	p := l.p
	n := len(p.elements)
	switch {
	case k.Name == fyne.KeyDown:
		if p.sel < n-1 {
			p.selectionner(p.sel + 1)
		}
	case k.Name == fyne.KeyUp:
		if p.sel > 0 {
			p.selectionner(p.sel - 1)
		} else if p.sel < 0 && n > 0 {
			p.selectionner(0)
		}
	case k.Name == fyne.KeyHome:
		p.selectionner(0)
	case k.Name == fyne.KeyEnd:
		p.selectionner(n - 1)
	case k.Name == fyne.KeyPageDown:
		p.selectionner(min(n-1, max(p.sel, 0)+10))
	case k.Name == fyne.KeyPageUp:
		p.selectionner(max(0, p.sel-10))
	case isEntree(k) || k.Name == fyne.KeySpace:
		p.activer(p.sel)
	case k.Name == fyne.KeyBackspace:
		p.parent()
	case k.Name == fyne.KeyEscape:
		if escapeHook != nil {
			escapeHook(fyne.CurrentApp().Driver().CanvasForObject(l))
		}
	}
}

// TypedRune goes to the next row whose name starts with the letter typed
// (case and accents ignored), as in the system's file explorer.
func (l *listeFichiers) TypedRune(r rune) {
	p := l.p
	n := len(p.elements)
	col := collate.New(language.French, collate.Loose)
	for k := 1; k <= n; k++ {
		i := (max(p.sel, -1) + k) % n
		if first := []rune(p.elements[i].nom); len(first) > 0 && col.CompareString(string(first[0]), string(r)) == 0 {
			p.selectionner(i)
			return
		}
	}
}

// ligneFichier is one row: icon, name, date, size. A click selects it, a
// double click opens the folder or chooses the file.
type ligneFichier struct {
	widget.BaseWidget
	l                 *listeFichiers
	id                int
	icone             *widget.Icon
	nom, date, taille *widget.Label
}

func newLigneFichier(l *listeFichiers) *ligneFichier {
	r := &ligneFichier{l: l, icone: widget.NewIcon(theme.FileIcon()),
		nom: widget.NewLabel("nom-de-fichier.csv"), date: widget.NewLabel("00/00/0000"), taille: widget.NewLabel("1 023 octets")}
	r.nom.Truncation = fyne.TextTruncateEllipsis
	r.taille.Alignment = fyne.TextAlignTrailing
	r.ExtendBaseWidget(r)
	return r
}

// colonnesFichier places the date and size columns at a fixed width.
func colonnesFichier(date, taille fyne.CanvasObject) fyne.CanvasObject {
	h := widget.NewLabel("0").MinSize().Height
	return container.NewHBox(container.NewGridWrap(fyne.NewSize(110, h), date), container.NewGridWrap(fyne.NewSize(110, h), taille))
}

func (r *ligneFichier) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, r.icone, colonnesFichier(r.date, r.taille), r.nom))
}

func (r *ligneFichier) montrer(id int, e elementDossier) {
	r.id = id
	r.nom.SetText(e.nom)
	r.date.SetText(dateFR(e.modif))
	if e.dossier {
		r.icone.SetResource(theme.FolderIcon())
		r.taille.SetText("")
	} else {
		r.icone.SetResource(theme.FileIcon())
		r.taille.SetText(tailleFR(e.taille))
	}
}

// Tapped selects the row and gives the keyboard to the list.
func (r *ligneFichier) Tapped(*fyne.PointEvent) {
	r.l.p.selectionner(r.id)
	if c := fyne.CurrentApp().Driver().CanvasForObject(r.l); c != nil {
		c.Focus(r.l)
	}
}

// DoubleTapped opens the folder or chooses the file.
func (r *ligneFichier) DoubleTapped(*fyne.PointEvent) {
	r.l.p.selectionner(r.id)
	r.l.p.activer(r.id)
}

// ligneEntete is the header above the list.
func ligneEntete() fyne.CanvasObject {
	t := gras("Taille")
	t.Alignment = fyne.TextAlignTrailing
	return container.NewBorder(nil, nil, widget.NewIcon(nil), colonnesFichier(gras("Modifié le"), t), gras("Nom"))
}
