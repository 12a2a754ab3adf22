package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"logis/model"
)

// situationsBloc is the part of the household sheet for the specific
// situations of the policy's §1.3: co-tenancy at entry, employee of the
// office with the CIAL's recommendation, decohabitation from a household
// of the stock, emergency procedure. None of them changes the ranking.
type situationsBloc struct {
	cotit, salarie                *OuiNon
	motifCotit, dateCIAL, origine *Champ
	avisCIAL, urgMotif            *Choix
	urgDate, urgLogement          *Champ
	transfert                     *widget.Label // the refused transfer the application follows (read only)
	transfertDe                   func(nur string) (*model.TransfertBail, error)
	today                         func() model.Date
	obj                           fyne.CanvasObject
}

// Options of the selects: French labels ↔ codes.
var (
	avisCIALOptions = []string{"favorable", "défavorable"}
	urgenceOptions  = func() []string {
		var out []string
		for _, c := range model.CodesMotifsUrgence() {
			out = append(out, model.MotifsUrgence[c])
		}
		return out
	}()
)

// newSituationsBloc builds the block; transfertDe finds the refused lease
// transfer an application follows (nil: not shown), today dates the
// rehousing path.
func newSituationsBloc(f *Form, transfertDe func(nur string) (*model.TransfertBail, error), today func() model.Date) *situationsBloc {
	b := &situationsBloc{transfertDe: transfertDe, today: today}
	b.transfert = widget.NewLabel("")
	b.transfert.Wrapping = fyne.TextWrapWord
	b.transfert.Hide()
	b.cotit = NewOuiNon("Cotitularité demandée à l'entrée dans les lieux (§1.3.2)", f)
	b.motifCotit = NewChamp("Justification de la cotitularité", false)
	b.salarie = NewOuiNon("Salarié de l'Office (§1.3.3)", f)
	b.avisCIAL = NewChoix("Avis de la CIAL", avisCIALOptions, false)
	b.dateCIAL = NewChampDate("Date de l'avis de la CIAL", false)
	b.origine = NewChamp("Ménage d'origine (décohabitation)", false)
	b.urgDate = NewChampDate("Date de la convention précaire", false)
	b.urgMotif = NewChoix("Motif de la procédure d'urgence", urgenceOptions, false)
	b.urgLogement = NewChamp("Logement de la convention précaire", false)
	f.Add(b.motifCotit, b.avisCIAL, b.dateCIAL, b.origine, b.urgDate, b.urgMotif, b.urgLogement)
	note := widget.NewLabel("Ces situations sont portées à la connaissance de la commission (liste des candidats, séance, procès-verbal) ; aucune ne modifie le rang proposé. Les violences familiales, plus haut, sont un critère de priorité (§1.3.4).")
	note.Wrapping = fyne.TextWrapWord
	note.TextStyle = fyne.TextStyle{Italic: true}
	b.obj = container.NewVBox(
		b.cotit.Check, cell("Justification (motif social ou de santé)", b.motifCotit.Object()),
		// Two columns at most: three made the sheet wider than a laptop's
		// screen allows beside the list and the checks (issue 12).
		b.salarie.Check, container.NewGridWithColumns(2, cell("Avis de la CIAL", b.avisCIAL.Select), cell("Date de l'avis", b.dateCIAL.Object())),
		cell("Décohabitation : ménage d'origine resté dans le patrimoine (identifiant, ex. M000123)", b.origine.Object()),
		container.NewGridWithColumns(2, cell("Procédure d'urgence : date", b.urgDate.Object()), cell("Logement prêté", b.urgLogement.Object())),
		cell("Motif", b.urgMotif.Select),
		b.transfert, note)
	return b
}

// fill shows the application's situations.
func (b *situationsBloc) fill(d *model.Demande) {
	b.transfert.Hide()
	if b.transfertDe != nil && b.today != nil && d.NUR != "" {
		if t, err := b.transfertDe(d.NUR); err == nil && t != nil {
			b.transfert.SetText("Transfert de bail : " + t.Resume(true) + ". " + model.ParcoursRelogement(t, b.today()).Explication +
				" (saisi dans Commissions › séance › « Informations (§1.3) »)")
			b.transfert.Show()
		}
	}
	b.cotit.Set(d.Cotitularite)
	b.motifCotit.SetText(d.MotifCotitularite)
	b.salarie.Set(d.SalarieOffice)
	b.avisCIAL.Set(avisCIALLabel(d.AvisCIAL))
	dateOuVide(b.dateCIAL, d.DateAvisCIAL)
	b.origine.SetText(d.MenageOrigine)
	if u := d.Urgence; u != nil {
		dateOuVide(b.urgDate, u.Date)
		b.urgMotif.Set(model.MotifsUrgence[u.Motif])
		b.urgLogement.SetText(u.Logement)
	} else {
		b.urgDate.SetText("")
		b.urgMotif.Set("")
		b.urgLogement.SetText("")
	}
}

// apply copies the fields into d (model.Demande.Validate checks them).
func (b *situationsBloc) apply(d *model.Demande) {
	d.Cotitularite, d.MotifCotitularite = b.cotit.Check.Checked, b.motifCotit.Text()
	d.SalarieOffice = b.salarie.Check.Checked
	switch b.avisCIAL.Value() {
	case "favorable":
		d.AvisCIAL = model.CIALFavorable
	case "défavorable":
		d.AvisCIAL = model.CIALDefavorable
	}
	d.DateAvisCIAL = b.dateCIAL.Date()
	d.MenageOrigine = b.origine.Text()
	if !b.urgDate.Date().IsZero() || b.urgMotif.Value() != "" {
		u := &model.Urgence{Date: b.urgDate.Date(), Logement: b.urgLogement.Text()}
		for code, l := range model.MotifsUrgence {
			if l == b.urgMotif.Value() {
				u.Motif = code
			}
		}
		d.Urgence = u
	}
}

func avisCIALLabel(a model.AvisCIAL) string {
	if a == "" {
		return ""
	}
	return a.Label()
}

// dateOuVide shows a date, or nothing for the zero date.
func dateOuVide(c *Champ, v model.Date) {
	if v.IsZero() {
		c.SetText("")
		return
	}
	c.SetDate(v)
}
