package screens

import (
	"fmt"
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

// suitePanel is the « Suite des offres » tab of a closed session: for each
// dwelling offered, who holds the offer now and what became of it, with the
// buttons that record the applicant's answer and the lease (app.SaisirSuite).
// A follow-up, never an amendment of the decisions.
type suitePanel struct {
	win    fyne.Window
	saisir func(ref, nur string, s model.SuiteOffre) ([]string, error)
	// courrier writes the offer letter of the rank that holds the offer of
	// ref after the ranks before refused; it returns the file and what to
	// say.
	courrier func(ref, nur string) (path, msg string, err error)
	ouvrirF  func(path string) error
	// peut says whether the signed-in account may record (nil: yes); a
	// consultation account reads the follow-up without its buttons.
	peut    func() error
	today   func() model.Date
	ouvrir1 *bouton // opens the letter last written
	dernier string
	status  *widget.Label
	list    *fyne.Container
	body    fyne.CanvasObject
	last    *suiteForm  // the form last opened (tests)
	masque  func() bool // presentation mode (commission_presentation.go)
}

func newSuitePanel(win fyne.Window, today func() model.Date, saisir func(ref, nur string, s model.SuiteOffre) ([]string, error)) *suitePanel {
	p := &suitePanel{win: win, saisir: saisir, today: today, status: widget.NewLabel(""), list: container.NewVBox()}
	p.status.Wrapping = fyne.TextWrapWord
	intro := widget.NewLabel("Après la séance : la réponse du demandeur à l'offre (acceptée, refusée avec son motif, sans réponse dans le délai — ce qui vaut refus) et la date de signature du bail. Un refus du rang 1 fait passer l'offre au rang suivant ; un refus sans motif légitime d'un locataire de l'Office retire la priorité de sa mutation pendant un an ; le bail signé radie la demande.")
	intro.Wrapping = fyne.TextWrapWord
	p.ouvrir1 = newBoutonIcone("Ouvrir le courrier", theme.FileIcon(), func() {
		if p.ouvrirF != nil && p.dernier != "" {
			if err := p.ouvrirF(p.dernier); err != nil {
				Erreur(p.win, err)
			}
		}
	})
	p.ouvrir1.Hide()
	p.body = container.NewBorder(container.NewVBox(intro, p.status, container.NewHBox(p.ouvrir1)), nil, nil, nil, container.NewVScroll(p.list))
	return p
}

// set shows the offers of session c.
func (p *suitePanel) set(c *model.Commission) {
	p.list.Objects = nil
	if c.Statut != model.Close {
		p.list.Add(widget.NewLabel("La suite des offres se saisit une fois la séance close."))
		p.list.Refresh()
		return
	}
	n := 0
	for i := range c.Logements {
		d := &c.Logements[i]
		if !offert(d) {
			continue
		}
		n++
		p.list.Add(p.carte(c, d))
	}
	if n == 0 {
		p.list.Add(widget.NewLabel("Aucun logement n'a été attribué par cette séance."))
	}
	p.list.Refresh()
}

func offert(d *model.DossierLogement) bool {
	for _, k := range d.Candidats {
		if k.Decision != nil {
			switch k.Decision.Type {
			case model.Attribution, model.ConditionSuspensive, model.AttributionClassee:
				return true
			}
		}
	}
	return false
}

// carte is one dwelling: the holder of the offer, the events recorded, the
// buttons.
func (p *suitePanel) carte(c *model.Commission, d *model.DossierLogement) fyne.CanvasObject {
	box := container.NewVBox(widget.NewLabelWithStyle("Logement "+d.Logement, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, s := range c.Suites {
		if s.Logement != d.Logement {
			continue
		}
		line := fmt.Sprintf("%s — demande %s : %s", s.Date, p.affNUR(s.NUR), s.Reponse.Label())
		if s.Motif != "" {
			line += " (motif : " + s.Motif
			if s.Legitime {
				line += ", légitime"
			}
			line += ")"
		}
		if s.Penalite {
			line += " — mutation non priorisée un an"
		}
		box.Add(widget.NewLabel(p.affTexte(line)))
	}
	t := c.TitulaireOffre(d.Logement)
	switch {
	case t == nil:
		box.Add(widget.NewLabel("Aucun candidat retenu ne détient plus l'offre : le logement revient à une prochaine commission."))
	case c.EtatOffre(d.Logement, t.NUR).Reponse == model.OffreBailSigne:
		box.Add(widget.NewLabel(fmt.Sprintf("Bail signé le %s par la demande %s.", c.EtatOffre(d.Logement, t.NUR).BailLe, p.affNUR(t.NUR))))
	default:
		rang := ""
		if t.Decision != nil && t.Decision.Type == model.AttributionClassee {
			rang = fmt.Sprintf(" (rang %d)", t.Decision.Rang)
		}
		box.Add(widget.NewLabel(fmt.Sprintf("Offre détenue par la demande %s%s.", p.affNUR(t.NUR), rang)))
		if p.peut != nil {
			if err := p.peut(); err != nil {
				l := widget.NewLabel(model.ErrorMessage(err))
				l.Wrapping = fyne.TextWrapWord
				box.Add(l)
				break
			}
		}
		ref, nur := d.Logement, t.NUR
		btn := func(label string, icon fyne.Resource, r model.ReponseOffre) *bouton {
			return newBoutonIcone(label, icon, func() { p.ouvrir(ref, nur, r) })
		}
		row := container.NewHBox(
			btn("Acceptée…", theme.ConfirmIcon(), model.OffreAcceptee),
			btn("Refusée…", theme.CancelIcon(), model.OffreRefusee),
			btn("Sans réponse…", theme.HistoryIcon(), model.OffreSansReponse),
			btn("Bail signé…", theme.DocumentCreateIcon(), model.OffreBailSigne))
		if t.Decision != nil && t.Decision.Type == model.AttributionClassee && t.Decision.Rang > 1 && p.courrier != nil {
			// The offer passed to this rank after the session: its letter
			// is not among the session's.
			row.Add(newBoutonIcone(fmt.Sprintf("Courrier d'offre (rang %d)", t.Decision.Rang), theme.MailSendIcon(), func() { p.ecrireCourrier(ref, nur) }))
		}
		box.Add(row)
	}
	return widget.NewCard("", "", box)
}

// ecrireCourrier writes the offer letter of nur for ref and says where.
func (p *suitePanel) ecrireCourrier(ref, nur string) {
	path, msg, err := p.courrier(ref, nur)
	if err != nil {
		Erreur(p.win, err)
		return
	}
	p.dernier = path
	p.status.SetText(msg)
	p.ouvrir1.Show()
}

// suiteForm is the dialog that records one event.
type suiteForm struct {
	ref, nur string
	reponse  model.ReponseOffre
	date     *entree
	motif    *entree
	legitime *caseACocher
	dlg      dialog.Dialog
	valider  func()
}

// ouvrir asks the date (and, for a refusal, the reason) of the event.
func (p *suitePanel) ouvrir(ref, nur string, r model.ReponseOffre) {
	f := &suiteForm{ref: ref, nur: nur, reponse: r, date: newEntree(), motif: newEntree(), legitime: newCase("Motif légitime (handicap, santé, logement inadapté…)", nil)}
	f.date.SetText(p.today().String())
	f.date.SetPlaceHolder("JJ/MM/AAAA")
	f.motif.SetPlaceHolder("Motif du refus donné par le demandeur")
	items := []*widget.FormItem{widget.NewFormItem("Date", f.date)}
	if r == model.OffreRefusee {
		items = append(items, widget.NewFormItem("Motif", f.motif), widget.NewFormItem("", f.legitime))
	}
	f.valider = func() {
		d, err := model.ParseDate(strings.TrimSpace(f.date.Text))
		if err != nil || d.IsZero() {
			Erreur(p.win, model.Errorf(model.EINVALID, "La date « %s » n'est pas une date (JJ/MM/AAAA).", f.date.Text))
			return
		}
		s := model.SuiteOffre{Reponse: r, Date: d, Motif: f.motif.Text, Legitime: f.legitime.Checked}
		msgs, err := p.saisir(ref, nur, s)
		if err != nil {
			Erreur(p.win, err)
			return
		}
		f.dlg.Hide()
		p.status.SetText(strings.Join(msgs, " "))
	}
	form := widget.NewForm(items...)
	form.SubmitText, form.CancelText = "Enregistrer", "Annuler"
	form.OnSubmit = f.valider
	form.OnCancel = func() { f.dlg.Hide() }
	title := fmt.Sprintf("Logement %s, demande %s : %s", ref, nur, r.Label())
	f.dlg = dialog.NewCustomWithoutButtons(title, form, p.win)
	f.dlg.Resize(fyne.NewSize(600, 260))
	p.last = f
	showDialog(f.dlg)
}

// newSuites builds the « Suite des offres » tab of the session editor.
func (e *seanceEditor) newSuites() fyne.CanvasObject {
	a := e.a
	e.suites = newSuitePanel(e.shell.fenetre(), a.Today, func(ref, nur string, s model.SuiteOffre) ([]string, error) {
		res, err := a.SaisirSuite(e.id(), ref, nur, s)
		if err != nil {
			return nil, err
		}
		e.load(e.id())
		e.shell.confirmer("Suite de l'offre enregistrée, logement " + ref + " (séance " + e.id() + ")")
		msgs := res.Messages
		if res.Suivant != "" && res.RangSuiv > 1 {
			msgs = append(msgs, "Son courrier d'offre : bouton « Courrier d'offre (rang "+fmt.Sprint(res.RangSuiv)+") » ci-dessous.")
		}
		return msgs, nil
	})
	e.suites.ouvrirF = app.OuvrirFichier
	e.suites.peut = func() error { return a.Peut(model.ActionCommission) }
	e.suites.courrier = func(ref, nur string) (string, string, error) {
		o, err := a.CourrierOffreSuivante(e.id(), ref, nur, e.documents.dir, app.OptionsCourriers{Mode: model.Recommande})
		if err != nil {
			return "", "", err
		}
		e.shell.confirmer("Courrier d'offre du logement " + o.Logement + " enregistré dans « " + filepath.Dir(o.Fichier) + " »")
		return o.Fichier, fmt.Sprintf("Courrier d'offre de la demande %s (rang %d, logement %s) écrit dans « %s », envoyé en lettre recommandée avec accusé de réception : réponse attendue au plus tard le %s.",
			o.NUR, o.Rang, o.Logement, o.Fichier, o.Echeance), nil
	}
	e.suites.masque = e.enPresentation
	return e.suites.body
}
