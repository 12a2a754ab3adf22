package screens

import (
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"logis/model"
)

// ongletInformations is the tab's title.
const ongletInformations = "Informations (§1.3)"

// informationsPanel is the « Informations (§1.3) » tab of a session: what
// the commission is told without deciding it — the lease transfers and the
// emergency procedures since the previous session — and the specific
// situations of each candidate presented (co-tenancy, CIAL, decohabitation,
// rehousing after a refused transfer).
type informationsPanel struct {
	win   fyne.Window
	shell coque
	a     informationsApp
	c     *model.Commission
	text  *widget.RichText
	add   *bouton
	fix   *bouton
	body  fyne.CanvasObject
	form  *transfertForm // the form last opened (tests)
	// masque: the session is in presentation mode (commission_presentation.go):
	// no name, free text nor full NUR.
	masque func() bool
}

// informationsApp is what the « Informations (§1.3) » tab calls of the app
// (*app.App satisfies it).
type informationsApp interface {
	Peut(action model.Action) error
	InformationsSeance(id string) (*model.InformationsSeance, error)
	SituationsSeance(id string) (map[string][]string, error)
	TransfertsBail() ([]model.TransfertBail, error)
	EnregistrerTransfert(t model.TransfertBail) (*model.TransfertBail, error)
	SupprimerTransfert(id string) error
}

func newInformationsPanel(shell coque, a informationsApp) *informationsPanel {
	p := &informationsPanel{win: shell.fenetre(), shell: shell, a: a}
	p.text = widget.NewRichText()
	p.text.Wrapping = fyne.TextWrapWord
	p.add = newBoutonIcone("Enregistrer un transfert de bail…", theme.ContentAddIcon(), func() { p.openTransfert(nil) })
	p.fix = newBoutonIcone("Corriger ou supprimer un transfert…", theme.DocumentCreateIcon(), p.openCorrection)
	if a.Peut(model.ActionSaisir) != nil {
		p.add.Disable() // read-only accounts see the transfers, never record one
		p.fix.Disable()
	}
	p.body = container.NewBorder(container.NewHBox(p.add, p.fix), nil, nil, nil, container.NewVScroll(p.text))
	return p
}

// set keeps session c; the tab reads it when shown (load): the emergency
// procedures are found by reading every application.
func (p *informationsPanel) set(c *model.Commission) { p.c = c }

// load shows the session: as closed (its snapshot) or as the records stand.
func (p *informationsPanel) load() {
	c := p.c
	if c == nil {
		return
	}
	segs := []widget.RichTextSegment{}
	info, err := p.a.InformationsSeance(c.ID)
	if err != nil {
		segs = append(segs, para(model.ErrorMessage(err), occStyleAlerte))
	} else {
		periode := "du " + info.Depuis.String() + " au " + info.Jusqua.String()
		segs = append(segs, para("Transferts de bail décidés par la Direction de la Gestion Locative "+periode+" (§1.3.1) — pour information, la commission n'en décide pas", occStyleTitre))
		if len(info.Transferts) == 0 {
			segs = append(segs, para("Aucun transfert de bail sur la période.", occStyleText))
		}
		for _, t := range info.Transferts {
			line := t.Resume(true)
			if p.enPresentation() {
				line = t.Date.String() + " : transfert de bail, " + t.Decision.Label()
			}
			segs = append(segs, para("• "+line, occStyleText))
		}
		segs = append(segs, para("Procédures d'urgence "+periode+" (§1.3.6) — conventions précaires hors classement", occStyleTitre))
		if len(info.Urgences) == 0 {
			segs = append(segs, para("Aucune procédure d'urgence sur la période.", occStyleText))
		}
		for _, u := range info.Urgences {
			line := u.Resume()
			if p.enPresentation() {
				line = u.Urg.Date.String() + " – demande " + model.NURMasque(u.NUR) + " : convention d'occupation précaire (" + u.Urg.Label() + ")"
			}
			segs = append(segs, para("• "+line, occStyleText))
		}
	}
	segs = append(segs, para("Situations particulières des candidats présentés (§1.3)", occStyleTitre))
	sits, err := p.a.SituationsSeance(c.ID)
	if err != nil {
		segs = append(segs, para(model.ErrorMessage(err), occStyleAlerte))
	}
	nurs := make([]string, 0, len(sits))
	for nur := range sits {
		nurs = append(nurs, nur)
	}
	sort.Strings(nurs)
	if len(nurs) == 0 && err == nil {
		segs = append(segs, para("Aucune situation particulière parmi les candidats présentés.", occStyleText))
	}
	for _, nur := range nurs {
		lines := sits[nur]
		if p.enPresentation() {
			lines = make([]string, len(sits[nur]))
			for i, l := range sits[nur] {
				lines[i] = model.SituationPresentation(l)
			}
			nur = model.NURMasque(nur)
		}
		segs = append(segs, para("Demande "+nur+" : "+strings.Join(lines, " ; "), occStyleHead))
	}
	segs = append(segs, para("Ces informations figurent au procès-verbal (partie 5 et colonne des motifs) ; une séance close les garde telles qu'à sa clôture.", occStyleManque))
	p.text.Segments = segs
	p.text.Refresh()
}

// enPresentation tells whether the session is shown in presentation mode.
func (p *informationsPanel) enPresentation() bool { return p.masque != nil && p.masque() }

// transfertForm is the form of a lease transfer.
type transfertForm struct {
	id                                                        string // "" for a new transfer
	date, logement, menage, de, vers, lien, motif, cohab, nur *entree
	decision                                                  *deroulant
}

func (f *transfertForm) transfert() (model.TransfertBail, error) {
	t := model.TransfertBail{ID: f.id, Logement: strings.TrimSpace(f.logement.Text), Menage: strings.TrimSpace(f.menage.Text),
		De: f.de.Text, Vers: f.vers.Text, Lien: strings.TrimSpace(f.lien.Text), Motif: f.motif.Text, NUR: f.nur.Text}
	var err error
	if t.Date, err = model.ParseDate(f.date.Text); err != nil {
		return t, model.Errorf(model.EINVALID, "Date de la décision : %s", model.ErrorMessage(err))
	}
	if strings.TrimSpace(f.cohab.Text) != "" {
		if t.CohabitationDepuis, err = model.ParseDate(f.cohab.Text); err != nil {
			return t, model.Errorf(model.EINVALID, "Cohabitation depuis : %s", model.ErrorMessage(err))
		}
	}
	switch f.decision.Selected {
	case "accepté":
		t.Decision = model.TransfertAccepte
	case "refusé":
		t.Decision = model.TransfertRefuse
	}
	return t, nil
}

// openTransfert asks for a lease transfer and records it; old (nil for a
// new one) fills the form to correct it.
func (p *informationsPanel) openTransfert(old *model.TransfertBail) {
	entry := func(ph string) *entree { e := newEntree(); e.SetPlaceHolder(ph); return e }
	f := &transfertForm{date: entry("JJ/MM/AAAA"), logement: entry("référence du logement"), menage: entry("identifiant du ménage titulaire"),
		de: entry("Prénom NOM"), vers: entry("Prénom NOM"), lien: entry("descendant, ascendant, conjoint…"),
		motif: entry("plafonds, typologie…"), cohab: entry("JJ/MM/AAAA"), nur: entry("NUR de la demande de relogement")}
	f.decision = newDeroulant([]string{"accepté", "refusé"}, nil)
	f.decision.PlaceHolder = "(choisir)"
	if old != nil {
		f.id = old.ID
		f.date.SetText(old.Date.String())
		f.decision.SetSelected(old.Decision.Label())
		f.logement.SetText(old.Logement)
		f.menage.SetText(old.Menage)
		f.de.SetText(old.De)
		f.vers.SetText(old.Vers)
		f.lien.SetText(old.Lien)
		f.motif.SetText(old.Motif)
		if !old.CohabitationDepuis.IsZero() {
			f.cohab.SetText(old.CohabitationDepuis.String())
		}
		f.nur.SetText(old.NUR)
	}
	p.form = f
	items := []*widget.FormItem{
		widget.NewFormItem("Date de la décision", f.date), widget.NewFormItem("Décision", f.decision),
		widget.NewFormItem("Logement", f.logement), widget.NewFormItem("Ménage", f.menage),
		widget.NewFormItem("Titulaire sortant", f.de), widget.NewFormItem("Bénéficiaire", f.vers),
		widget.NewFormItem("Lien", f.lien), widget.NewFormItem("Motif du refus", f.motif),
		widget.NewFormItem("Cohabitation depuis", f.cohab), widget.NewFormItem("Demande de relogement", f.nur),
	}
	d := dialog.NewForm("Transfert de bail (décision de la Direction de la Gestion Locative)", "Enregistrer", "Annuler", items, func(ok bool) {
		if ok {
			p.saveTransfert()
		}
	}, p.win)
	d.Resize(fyne.NewSize(620, 560))
	d.Show()
}

// saveTransfert records the form's transfer and refreshes the tab.
func (p *informationsPanel) saveTransfert() bool {
	t, err := p.form.transfert()
	var saved *model.TransfertBail
	if err == nil {
		saved, err = p.a.EnregistrerTransfert(t)
	}
	if err != nil {
		Erreur(p.win, err)
		return false
	}
	p.load()
	p.shell.confirmer("Transfert de bail " + saved.ID + " enregistré (§1.3.1)")
	return true
}

// openCorrection lets the agent choose a recorded transfer, then correct or
// remove it (a closed session keeps what it was told in its snapshot).
func (p *informationsPanel) openCorrection() {
	list, err := p.a.TransfertsBail()
	if err != nil {
		Erreur(p.win, err)
		return
	}
	if len(list) == 0 {
		Erreur(p.win, model.Errorf(model.ENOTFOUND, "Aucun transfert de bail n'est enregistré."))
		return
	}
	labels := make([]string, len(list))
	for i := range list {
		labels[len(list)-1-i] = list[i].ID + " · " + list[i].Resume(true) // most recent first
	}
	choix := newDeroulant(labels, nil)
	choix.PlaceHolder = "(choisir le transfert)"
	choisi := func() *model.TransfertBail {
		for i := range list {
			if strings.HasPrefix(choix.Selected, list[i].ID+" · ") {
				return &list[i]
			}
		}
		return nil
	}
	var dlg dialog.Dialog
	modifier := newBoutonIcone("Modifier…", theme.DocumentCreateIcon(), func() {
		if t := choisi(); t != nil {
			dlg.Hide()
			p.openTransfert(t)
		}
	})
	supprimer := newBoutonIcone("Supprimer", theme.DeleteIcon(), func() {
		t := choisi()
		if t == nil {
			return
		}
		Confirmer(p.win, "Supprimer le transfert "+t.ID, "Supprimer ce transfert de bail enregistré par erreur ? Les séances closes qui en ont été informées le gardent dans leur procès-verbal.", "Supprimer", func() {
			if err := p.a.SupprimerTransfert(t.ID); err != nil {
				Erreur(p.win, err)
				return
			}
			dlg.Hide()
			p.load()
			p.shell.confirmer("Transfert de bail " + t.ID + " supprimé (§1.3.1)")
		})
	})
	supprimer.Importance = widget.DangerImportance
	dlg = Informer(p.win, "Corriger un transfert de bail", "Fermer", container.NewVBox(choix, container.NewHBox(modifier, supprimer)))
	dlg.Resize(fyne.NewSize(720, 200))
}
