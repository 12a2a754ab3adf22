package screens

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"logis/app"
	"logis/model"
)

// produireFunc writes documents into dir, reporting progress, and returns
// the file to open or print (the combined PDF) and what was written, in
// French.
type produireFunc func(dir string, progress func(done, total int)) (path, done string, err error)

// documentsPanel produces the minutes and the letters of a session in the
// background (a progress bar meanwhile), then offers « Ouvrir » and
// « Imprimer » and tells the folder the files were written to.
type documentsPanel struct {
	win    fyne.Window
	dir    string
	dirLbl *widget.Label

	dirBtn      *bouton
	pvBtn       *bouton
	courrierBtn *bouton
	progress    *widget.ProgressBar
	spinner     *widget.ProgressBarInfinite // the minutes: one document, no steps to count
	status      *widget.Label
	brouillon   *widget.Label
	fichier     *widget.Label
	ouvrirBtn   *bouton
	imprimerBtn *bouton
	dossierBtn  *bouton

	pv        produireFunc
	courriers func(dir string, opt app.OptionsCourriers, progress func(done, total int)) (path, done string, err error)
	session   model.Date
	today     model.Date
	dateC     *Champ     // the letters' date
	mode      *deroulant // how the letters are notified
	notif     *Champ     // the day the letters are deemed received (optional)
	ouvrir    func(path string) error
	imprimer  func(path string) error

	bg      *sync.WaitGroup
	running bool
	last    string // the last file produced
	seance  string // the session shown: a result only lands on its own session's tab
	accueil string // the status shown before any document of the session
	body    fyne.CanvasObject
}

func newDocumentsPanel(win fyne.Window, dir string, bg *sync.WaitGroup, ouvrir, imprimer func(string) error) *documentsPanel {
	if d := dossierRetenu(usageCourriers); d != "" {
		dir = d // the folder chosen last time
	}
	p := &documentsPanel{win: win, dir: dir, bg: bg, ouvrir: ouvrir, imprimer: imprimer}
	p.dirLbl = widget.NewLabel(dir)
	p.dirLbl.Wrapping = fyne.TextWrapBreak
	p.dirBtn = newBoutonIcone("Choisir le dossier…", theme.FolderOpenIcon(), p.onChoisirDossier)
	p.pvBtn = newBoutonIcone("Imprimer le procès-verbal", theme.DocumentPrintIcon(), func() { p.run("du procès-verbal", p.pv, true) })
	p.pvBtn.Importance = widget.HighImportance
	p.courrierBtn = newBoutonIcone("Préparer les courriers", theme.MailSendIcon(), p.onCourriers)
	p.courrierBtn.Importance = widget.HighImportance
	p.progress = widget.NewProgressBar()
	p.progress.Hide()
	p.spinner = widget.NewProgressBarInfinite()
	p.spinner.Stop()
	p.spinner.Hide()
	p.accueil = "Les documents sont écrits en PDF dans le dossier ci-dessus : le procès-verbal de la séance, puis une lettre par décision (et un fichier qui les réunit, pour l'impression)."
	p.status = widget.NewLabel(p.accueil)
	p.status.Wrapping = fyne.TextWrapWord
	p.brouillon = widget.NewLabel("La séance n'est pas close : le procès-verbal produit maintenant est un projet ; les courriers se préparent après la clôture.")
	p.brouillon.Wrapping = fyne.TextWrapWord
	p.brouillon.Importance = widget.WarningImportance
	p.brouillon.Hide()
	p.fichier = widget.NewLabel("")
	p.fichier.Wrapping = fyne.TextWrapBreak
	p.fichier.Hide()
	p.ouvrirBtn = newBoutonIcone("Ouvrir", theme.FileIcon(), func() { p.use(p.ouvrir, p.last) })
	p.imprimerBtn = newBoutonIcone("Imprimer", theme.DocumentPrintIcon(), func() { p.use(p.imprimer, p.last) })
	p.dossierBtn = newBoutonIcone("Ouvrir le dossier", theme.FolderOpenIcon(), func() { p.use(p.ouvrir, p.dir) })
	p.ouvrirBtn.Hide()
	p.imprimerBtn.Hide()
	p.dossierBtn.Hide()
	p.dateC = NewChampDate("Date des courriers", true)
	var modes []string
	for _, m := range model.ModesNotification {
		modes = append(modes, majuscule(m.Label()))
	}
	p.mode = newDeroulant(modes, nil)
	p.mode.SetSelectedIndex(0)
	p.notif = NewChampDate("Réception prévue", false)
	p.notif.Entry.SetPlaceHolder("calculée")
	notifHelp := widget.NewLabel("Le délai de réponse de dix jours aux offres court du lendemain de la réception du courrier : elle est calculée selon le mode d'envoi (date des courriers pour une remise en main propre, sinon date des courriers plus le délai postal de Paramètres). Indiquez une autre date de réception si vous la connaissez.")
	notifHelp.Wrapping = fyne.TextWrapWord
	dateW := fyne.NewSize(140, p.dateC.Entry.MinSize().Height)
	p.body = container.NewVBox(
		widget.NewLabelWithStyle("Documents de la séance", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewBorder(nil, nil, bold("Dossier :"), p.dirBtn, p.dirLbl),
		Ligne("Date des courriers", container.NewGridWrap(dateW, p.dateC.Entry)), p.dateC.Message,
		Ligne("Mode d'envoi", p.mode),
		Ligne("Réception prévue", container.NewGridWrap(dateW, p.notif.Entry)), p.notif.Message, notifHelp,
		p.brouillon,
		container.NewHBox(p.pvBtn, p.courrierBtn),
		p.progress, p.spinner, p.status, p.fichier,
		container.NewHBox(p.ouvrirBtn, p.imprimerBtn, p.dossierBtn))
	return p
}

// setProducers gives the functions that write the documents of session id
// shown; nil disables the button (the session is not chosen yet). The tab
// starts afresh: another session's result and reminders are not shown
// (essai-12 F22); a job still running for another session ends without
// writing here.
func (p *documentsPanel) setProducers(id string, pv produireFunc, courriers func(string, app.OptionsCourriers, func(int, int)) (string, string, error), brouillon bool, session, today model.Date) {
	p.seance = id
	p.status.SetText(p.accueil)
	if p.running {
		p.status.SetText("Des documents d'une autre séance sont en cours de préparation : ceux de cette séance pourront l'être ensuite.")
	}
	show(p.brouillon, brouillon)
	p.pv, p.courriers = pv, courriers
	if brouillon {
		p.courriers = nil // letters leave after the session is closed
	}
	p.session, p.today = session, today
	d := today
	if d < session {
		d = session
	}
	p.dateC.SetDate(d)
	p.notif.SetText("")
	p.enable()
	p.last = ""
	p.fichier.Hide()
	p.ouvrirBtn.Hide()
	p.imprimerBtn.Hide()
	p.dossierBtn.Hide()
}

func (p *documentsPanel) enable() {
	for _, x := range []struct {
		b  *bouton
		ok bool
	}{{p.pvBtn, p.pv != nil}, {p.courrierBtn, p.courriers != nil}} {
		if x.ok && !p.running {
			x.b.Enable()
		} else {
			x.b.Disable()
		}
	}
}

// onCourriers checks the letters' dates, then prepares them.
func (p *documentsPanel) onCourriers() {
	if p.courriers == nil {
		return
	}
	opt := app.OptionsCourriers{Date: p.dateC.Date(), Notification: p.notif.Date(), Mode: model.Recommande}
	if i := p.mode.SelectedIndex(); i >= 0 {
		opt.Mode = model.ModesNotification[i]
	}
	var msg string
	switch {
	case p.dateC.Err() != nil:
		msg = p.dateC.Err().Error()
	case p.notif.Err() != nil:
		msg = p.notif.Err().Error()
	case opt.Date < p.session:
		msg = fmt.Sprintf("Date des courriers : elle ne peut pas précéder la séance (%s).", p.session)
	case !opt.Notification.IsZero() && opt.Notification < opt.Date:
		msg = fmt.Sprintf("Réception prévue : elle ne peut pas précéder la date des courriers (%s).", opt.Date)
	}
	if msg != "" {
		p.status.SetText(msg)
		return
	}
	f := p.courriers
	p.run("des courriers", func(dir string, progress func(int, int)) (string, string, error) {
		return f(dir, opt, progress)
	}, false)
}

// onChoisirDossier asks for the folder of the PDF files.
func (p *documentsPanel) onChoisirDossier() {
	// The default folder, next to the base, is created by the first
	// documents written, not by looking: browse from its nearest parent.
	depart := p.dir
	for st, err := os.Stat(depart); (err != nil || !st.IsDir()) && filepath.Dir(depart) != depart; st, err = os.Stat(depart) {
		depart = filepath.Dir(depart)
	}
	choisirFichier(p.win, choixFichier{Titre: "Dossier des documents PDF", Action: "Choisir ce dossier", Mode: choixDossier,
		Usage: usageCourriers, Depart: depart}, func(dir string) {
		p.dir = dir
		p.dirLbl.SetText(p.dir)
	})
}

// run produces documents in the background with a progress bar.
func (p *documentsPanel) run(what string, f produireFunc, indetermine bool) {
	if f == nil || p.running {
		return
	}
	dir := p.dir
	if err := os.MkdirAll(dir, app.ModeDossierPrive); err != nil {
		p.status.SetText(fmt.Sprintf("Le dossier « %s » n'a pas pu être créé : choisissez-en un autre.", dir))
		return
	}
	p.running = true
	p.enable()
	if indetermine {
		p.spinner.Show()
		p.spinner.Start()
	} else {
		p.progress.SetValue(0)
		p.progress.Show()
	}
	p.status.SetText("Préparation " + what + " en cours…")
	p.ouvrirBtn.Hide()
	p.imprimerBtn.Hide()
	p.dossierBtn.Hide()
	p.fichier.Hide()
	type produits struct{ path, done string }
	seance := p.seance
	// No log here: the panel is given none (a nil logger is skipped).
	enFond(p.bg, nil, "documents",
		func() (produits, error) {
			path, done, err := f(dir, func(done, total int) {
				if total > 0 {
					fyne.Do(func() { p.progress.SetValue(float64(done) / float64(total)) })
				}
			})
			return produits{path, done}, err
		},
		func(r produits, err error) {
			p.running = false
			p.enable()
			p.progress.Hide()
			p.spinner.Stop()
			p.spinner.Hide()
			if seance != p.seance {
				return // another session is shown: its tab keeps its own state
			}
			if err != nil {
				p.status.SetText(echec("Les documents n'ont pas pu être produits", err))
				return
			}
			p.last = r.path
			// done's first line is what was written; the next ones, what
			// to check (letters left out, warnings).
			first, rest, _ := strings.Cut(r.done, "\n")
			msg := fmt.Sprintf("Terminé : %s, dans le dossier « %s ».", first, dir)
			if rest != "" {
				msg += "\n" + rest
			}
			p.status.SetText(msg)
			p.fichier.SetText("Fichier : " + filepath.Base(r.path))
			p.fichier.Show()
			p.ouvrirBtn.Show()
			p.imprimerBtn.Show()
			p.dossierBtn.Show()
		})
}

// use opens or prints a file, and tells when the system refused.
func (p *documentsPanel) use(f func(string) error, path string) {
	if f == nil || path == "" {
		return
	}
	if err := f(path); err != nil {
		p.status.SetText(model.ErrorMessage(err))
	}
}
