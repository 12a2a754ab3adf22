package screens

// The French file chooser (issue 12, item 13), in place of Fyne's file
// dialogs whose « Home » and « Computer » are hard-coded in English: a path
// to type or paste, starting in the last folder used for the same purpose,
// a « Parcourir… » button opening the browser (fichier_parcourir.go), and
// the action button. The path is checked before anything is done.

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"logis/app"
	"logis/model"
)

// modeChoix is what the chooser asks for.
type modeChoix int

const (
	choixOuvrir      modeChoix = iota // an existing file, to read
	choixEnregistrer                  // a file to write: its folder exists, replacing is asked
	choixDossier                      // an existing folder
)

// choixFichier describes one use of the chooser.
type choixFichier struct {
	Titre      string // the dialog's title
	Action     string // the action button: « Importer », « Enregistrer »…
	Mode       modeChoix
	Usage      string   // purpose whose last folder is remembered (usageImports…)
	Extensions []string // accepted extensions, lower case with the dot; none: any
	Nom        string   // proposed file name (choixEnregistrer)
	Depart     string   // first folder when none is remembered; default: Documents
}

// choix is a chooser on screen.
type choix struct {
	c            choixFichier
	win          fyne.Window
	d            *dialog.CustomDialog
	chemin       *entree
	erreur       *widget.Label
	parcourirBtn *bouton
	actionBtn    *bouton
	fait         func(path string)
	parcours     *parcoureur // the browser last opened, nil before
	question     dialog.Dialog
}

// choisirFichier shows the chooser; fait receives the checked absolute path
// (a save's file may exist: replacing it was agreed). Nothing is called
// when the agent cancels.
func choisirFichier(win fyne.Window, c choixFichier, fait func(path string)) *choix {
	ch := &choix{c: c, win: win, fait: fait}
	ch.chemin = newEntree()
	ch.chemin.SetText(ch.cheminInitial())
	ch.chemin.OnSubmitted = func(string) { ch.agir() }
	ch.chemin.OnChanged = func(string) { ch.dire("") }
	ch.erreur = widget.NewLabel("")
	ch.erreur.Importance = widget.DangerImportance
	ch.erreur.Wrapping = fyne.TextWrapWord
	ch.parcourirBtn = newBoutonIcone("Parcourir…", theme.FolderOpenIcon(), ch.parcourir)

	intro := widget.NewLabel(ch.consigne())
	intro.Wrapping = fyne.TextWrapWord
	ligne := container.NewBorder(nil, nil, nil, ch.parcourirBtn, ch.chemin)
	// The error line keeps its room: nothing moves when it appears.
	erreur := container.NewGridWrap(fyne.NewSize(640, 2*ch.erreur.MinSize().Height), ch.erreur)
	content := container.NewVBox(intro, ligne, erreur)

	ch.d = dialog.NewCustomWithoutButtons(c.Titre, content, win)
	annuler := newBoutonIcone("Annuler", theme.CancelIcon(), ch.d.Hide)
	ch.actionBtn = newBoutonIcone(c.Action, theme.ConfirmIcon(), ch.agir)
	ch.actionBtn.Importance = widget.HighImportance
	ch.d.SetButtons([]fyne.CanvasObject{annuler, ch.actionBtn})
	ch.d.Resize(fyne.NewSize(700, ch.d.MinSize().Height))
	showDialogDefault(ch.d, ch.actionBtn)
	ch.chemin.CursorColumn = len([]rune(ch.chemin.Text))
	win.Canvas().Focus(ch.chemin)
	return ch
}

// consigne is the sentence above the path.
func (ch *choix) consigne() string {
	ext := ""
	if e := listeExtensions(ch.c.Extensions); e != "" {
		ext = " (" + e + ")"
	}
	switch ch.c.Mode {
	case choixEnregistrer:
		return "Fichier à écrire" + ext + " : modifiez le chemin proposé, collez-en un, ou cliquez sur « Parcourir… »."
	case choixDossier:
		return "Dossier : tapez ou collez son chemin, ou cliquez sur « Parcourir… »."
	}
	return "Fichier à ouvrir" + ext + " : tapez ou collez son chemin, ou cliquez sur « Parcourir… »."
}

// dossierDepart is the remembered folder of the purpose, else the call's
// own, else Documents.
func (ch *choix) dossierDepart() string {
	if d := dossierRetenu(ch.c.Usage); d != "" {
		return d
	}
	if ch.c.Depart != "" && estDossier(ch.c.Depart) {
		return ch.c.Depart
	}
	return dossierParDefaut()
}

// cheminInitial: the folder (with a separator, the name to type after it)
// for an open, the folder and the proposed name for a save.
func (ch *choix) cheminInitial() string {
	d := ch.dossierDepart()
	switch ch.c.Mode {
	case choixEnregistrer:
		return filepath.Join(d, ch.c.Nom)
	case choixDossier:
		return d
	}
	if !strings.HasSuffix(d, string(filepath.Separator)) {
		d += string(filepath.Separator)
	}
	return d
}

// dire shows msg under the path ("" clears it).
func (ch *choix) dire(msg string) {
	if ch.erreur.Text != msg {
		ch.erreur.SetText(msg)
	}
}

// parcourir opens the browser where the path points (else the first
// folder); the path chosen there replaces the typed one.
func (ch *choix) parcourir() {
	p := nettoyerChemin(ch.chemin.Text)
	dossier, nom := ch.dossierDepart(), ch.c.Nom
	if p != "" {
		if !filepath.IsAbs(p) {
			p = filepath.Join(ch.dossierDepart(), p)
		}
		switch {
		case estDossier(p):
			dossier = p
		case estDossier(filepath.Dir(p)):
			dossier = filepath.Dir(p)
			if ch.c.Mode == choixEnregistrer {
				nom = filepath.Base(p)
			}
		}
	}
	ch.parcours = parcourirDossiers(ch.win, ch.c, dossier, nom, func(path string) {
		ch.chemin.SetText(path)
		ch.chemin.CursorColumn = len([]rune(path))
		ch.chemin.Refresh()
		ch.dire("")
		ch.win.Canvas().Focus(ch.actionBtn)
	})
}

// agir checks the path; a save over an existing file asks first.
func (ch *choix) agir() {
	p, msg, existe := verifierChemin(ch.c, ch.dossierDepart(), ch.chemin.Text)
	if d := dossierACreer(ch.c, ch.dossierDepart(), ch.chemin.Text); msg != "" && d != "" {
		// A folder to write in that does not exist yet: offered, not refused
		// (essai-12b N13: the agent had to leave Logis to make it).
		ch.dire(msg)
		lbl := widget.NewLabel(fmt.Sprintf("Le dossier n'existe pas : le créer ?\n\n%s", d))
		lbl.Wrapping = fyne.TextWrapWord
		ch.question = Demander(ch.win, "Créer le dossier ?", "Créer le dossier", messageBox(lbl, 520, 90), func(oui bool) {
			if !oui {
				return
			}
			if err := os.MkdirAll(d, 0o700); err != nil {
				ch.dire(fmt.Sprintf("Le dossier « %s » n'a pas pu être créé.", d))
				return
			}
			ch.dire("")
			ch.agir()
		})
		return
	}
	if msg != "" {
		ch.dire(msg)
		return
	}
	if existe && ch.c.Mode == choixEnregistrer {
		lbl := widget.NewLabel(fmt.Sprintf("Le fichier existe déjà : le remplacer ?\n\n%s", p))
		lbl.Wrapping = fyne.TextWrapWord
		q := dialog.NewCustomWithoutButtons("Remplacer le fichier ?", messageBox(lbl, 520, 90), ch.win)
		non := newBoutonIcone("Annuler", theme.CancelIcon(), func() { q.Hide() })
		oui := newBoutonIcone("Remplacer", theme.ConfirmIcon(), func() {
			q.Hide()
			ch.terminer(p)
		})
		oui.Importance = widget.WarningImportance
		q.SetButtons([]fyne.CanvasObject{non, oui})
		ch.question = q
		showDialogDefault(q, oui)
		return
	}
	ch.terminer(p)
}

// terminer remembers the folder, closes the chooser and acts.
func (ch *choix) terminer(p string) {
	if ch.c.Mode == choixDossier {
		retenirDossier(ch.c.Usage, p)
	} else {
		retenirDossier(ch.c.Usage, filepath.Dir(p))
	}
	ch.d.Hide()
	ch.fait(p)
}

// nettoyerChemin trims a typed or pasted path: spaces, and the quotes of
// Windows' « Copier en tant que chemin d'accès ».
func nettoyerChemin(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	return s
}

// verifierChemin checks the path typed for c (relative to base when not
// absolute) and returns it cleaned and absolute, or the French reason it
// cannot be used; existe tells that a save would replace a file. A save's
// name without extension gets the first expected one.
func verifierChemin(c choixFichier, base, texte string) (p, msg string, existe bool) {
	p = nettoyerChemin(texte)
	if p == "" {
		if c.Mode == choixDossier {
			return "", "Indiquez le dossier.", false
		}
		return "", "Indiquez le chemin du fichier.", false
	}
	finDossier := strings.HasSuffix(p, "/") || strings.HasSuffix(p, string(filepath.Separator))
	if !filepath.IsAbs(p) {
		p = filepath.Join(base, p)
	}
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	st, err := os.Stat(p)
	switch c.Mode {
	case choixDossier:
		switch {
		case err != nil:
			return "", fmt.Sprintf("Le dossier « %s » n'existe pas.", p), false
		case !st.IsDir():
			return "", fmt.Sprintf("« %s » est un fichier : choisissez un dossier.", p), false
		}
		return p, "", false
	case choixEnregistrer:
		if finDossier || err == nil && st.IsDir() {
			return "", fmt.Sprintf("« %s » est un dossier : ajoutez le nom du fichier.", p), false
		}
		if filepath.Ext(p) == "" && len(c.Extensions) > 0 {
			p += c.Extensions[0]
			st, err = os.Stat(p)
		}
		if !extensionAdmise(p, c.Extensions) {
			return "", fmt.Sprintf("Le nom du fichier doit finir par %s.", listeExtensions(c.Extensions)), false
		}
		if !estDossier(filepath.Dir(p)) {
			return "", fmt.Sprintf("Le dossier « %s » n'existe pas.", filepath.Dir(p)), false
		}
		if err == nil && st.IsDir() {
			return "", fmt.Sprintf("« %s » est un dossier : changez le nom du fichier.", p), false
		}
		return p, "", err == nil
	}
	switch {
	case err == nil && st.IsDir():
		return "", fmt.Sprintf("« %s » est un dossier : choisissez un fichier (bouton « Parcourir… »).", p), false
	case err != nil && os.IsNotExist(err):
		return "", fmt.Sprintf("Le fichier « %s » n'existe pas.", p), false
	case err != nil:
		return "", fmt.Sprintf("Le fichier « %s » n'a pas pu être lu.", p), false
	case !extensionAdmise(p, c.Extensions):
		return "", fmt.Sprintf("Le fichier doit être de type %s.", listeExtensions(c.Extensions)), false
	}
	return p, "", false
}

// dossierACreer is the folder to create for the path typed when the only
// thing wrong with it is that its folder does not exist (a folder to choose,
// or the folder of a file to write); "" otherwise.
func dossierACreer(c choixFichier, base, texte string) string {
	p := nettoyerChemin(texte)
	if p == "" || c.Mode == choixOuvrir {
		return ""
	}
	if !filepath.IsAbs(p) {
		p = filepath.Join(base, p)
	}
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	d := p
	if c.Mode == choixEnregistrer {
		if strings.HasSuffix(texte, "/") || strings.HasSuffix(texte, string(filepath.Separator)) {
			return "" // a folder typed where a file's name is expected
		}
		d = filepath.Dir(p)
	}
	if _, err := os.Stat(d); !os.IsNotExist(err) {
		return ""
	}
	return d
}

// ouvrirChoisi opens the chosen file for reading; a failure is said in
// French (nil returned).
func ouvrirChoisi(win fyne.Window, path string) *os.File {
	f, err := os.Open(path)
	if err != nil {
		Erreur(win, model.Errorf(model.EINVALID, "Le fichier « %s » n'a pas pu être ouvert.", filepath.Base(path)))
		return nil
	}
	return f
}

// creerChoisi creates (or empties) the chosen file for writing, readable by
// its owner only (app.CreerFichierPrive: exports name people); a failure
// is said in French (nil returned).
func creerChoisi(win fyne.Window, path string) *os.File {
	f, err := app.CreerFichierPrive(path)
	if err != nil {
		Erreur(win, err)
		return nil
	}
	return f
}
