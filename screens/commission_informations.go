package screens

import (
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"logis/app"
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
	win  fyne.Window
	a    *app.App
	c    *model.Commission
	text *widget.RichText
	add  *widget.Button
	body fyne.CanvasObject
	form *transfertForm // the form last opened (tests)
}

func newInformationsPanel(win fyne.Window, a *app.App) *informationsPanel {
	p := &informationsPanel{win: win, a: a}
	p.text = widget.NewRichText()
	p.text.Wrapping = fyne.TextWrapWord
	p.add = widget.NewButtonWithIcon("Enregistrer un transfert de bail…", theme.ContentAddIcon(), p.openTransfert)
	if a.Peut(model.ActionSaisir) != nil {
		p.add.Disable() // read-only accounts see the transfers, never record one
	}
	p.body = container.NewBorder(container.NewHBox(p.add), nil, nil, nil, container.NewVScroll(p.text))
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
			segs = append(segs, para("• "+t.Resume(true), occStyleText))
		}
		segs = append(segs, para("Procédures d'urgence "+periode+" (§1.3.6) — conventions précaires hors classement", occStyleTitre))
		if len(info.Urgences) == 0 {
			segs = append(segs, para("Aucune procédure d'urgence sur la période.", occStyleText))
		}
		for _, u := range info.Urgences {
			segs = append(segs, para("• "+u.Resume(), occStyleText))
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
		segs = append(segs, para("Demande "+nur+" : "+strings.Join(sits[nur], " ; "), occStyleHead))
	}
	segs = append(segs, para("Ces informations figurent au procès-verbal (partie 5 et colonne des motifs) ; une séance close les garde telles qu'à sa clôture.", occStyleManque))
	p.text.Segments = segs
	p.text.Refresh()
}

// transfertForm is the form of a lease transfer.
type transfertForm struct {
	date, logement, menage, de, vers, lien, motif, cohab, nur *widget.Entry
	decision                                                  *widget.Select
}

func (f *transfertForm) transfert() (model.TransfertBail, error) {
	t := model.TransfertBail{Logement: strings.TrimSpace(f.logement.Text), Menage: strings.TrimSpace(f.menage.Text),
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

// openTransfert asks for a lease transfer and records it.
func (p *informationsPanel) openTransfert() {
	entry := func(ph string) *widget.Entry { e := widget.NewEntry(); e.SetPlaceHolder(ph); return e }
	f := &transfertForm{date: entry("JJ/MM/AAAA"), logement: entry("référence du logement"), menage: entry("identifiant du ménage titulaire"),
		de: entry("Prénom NOM"), vers: entry("Prénom NOM"), lien: entry("descendant, ascendant, conjoint…"),
		motif: entry("plafonds, typologie…"), cohab: entry("JJ/MM/AAAA"), nur: entry("NUR de la demande de relogement")}
	f.decision = widget.NewSelect([]string{"accepté", "refusé"}, nil)
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
	if err == nil {
		_, err = p.a.EnregistrerTransfert(t)
	}
	if err != nil {
		Erreur(p.win, err)
		return false
	}
	p.load()
	return true
}
