package screens

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"logis/app"
	"logis/model"
)

// checkCodePostal checks the postal code (model.CheckCodePostal) and, once a
// commune of the office is chosen, that it is that commune's.
func checkCodePostal(commune *Choix) func(string) error {
	return func(s string) error {
		if err := model.CheckCodePostal(s); err != nil {
			return model.Errorf(model.EINVALID, "Code postal : %s.", model.ErrorMessage(err))
		}
		if commune == nil || commune.Value() == "" {
			return nil
		}
		if _, err := model.CheckCommuneOffice(OfficeCommunes(), commune.Value(), s); err != nil {
			return model.Errorf(model.EINVALID, "Code postal : %s.", model.ErrorMessage(err))
		}
		return nil
	}
}

// checkAdresseLogement checks a dwelling's address « street, building,
// apartment »: its tenant's letters go there, so each part must fit an
// envelope line (38 characters once abbreviated).
func checkAdresseLogement(s string) error {
	if err := model.CheckTexte(s, model.MaxTexte); err != nil {
		return model.Errorf(model.EINVALID, "Adresse : la valeur %s.", model.ErrorMessage(err))
	}
	l := &model.Logement{Adresse: s, CodePostal: "94000", Commune: "X"} // postal code and town are checked on their own
	if _, pb := model.AdresseDuLogement(l).Lignes(); len(pb) > 0 {
		return model.Errorf(model.EINVALID, "Adresse : %s.", strings.Join(pb, " ; "))
	}
	return nil
}

// rows2 lays cells out two by two, each row as high as its taller cell.
func rows2(cells ...fyne.CanvasObject) fyne.CanvasObject {
	box := container.NewVBox()
	for i := 0; i < len(cells); i += 2 {
		if i+1 < len(cells) {
			box.Add(container.NewGridWithColumns(2, cells[i], cells[i+1]))
		} else {
			box.Add(container.NewGridWithColumns(2, cells[i], container.NewVBox()))
		}
	}
	return box
}

// cell is a label above a field, for forms laid out in columns.
func cell(label string, field fyne.CanvasObject) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord // a long label never widens the form (issue 12)
	return container.NewVBox(l, field)
}

// logementForm edits one dwelling and shows its occupants' review.
type logementForm struct {
	s        *Patrimoine
	form     *Form
	creating bool
	loaded   string // reference of the dwelling shown, "" when none

	title                                   *widget.Label
	ref, residence, adresse, cp, contingent *Champ
	pieces, etage, annee                    *Champ
	dpe                                     *Choix
	dateDPE                                 model.Date // kept as read (RPLS), not edited here
	dpeAlerte                               *widget.Label
	surface, loyer, charges                 *Champ
	commune, typo, fin                      *Choix
	qpv, ascenseur, pmr, travaux            *OuiNon
	del                                     *bouton
	occupants                               *fyne.Container
	fields                                  *fyne.Container
	empty                                   *widget.Label
}

func newLogementForm(s *Patrimoine) *logementForm {
	f := &logementForm{s: s}
	f.form = NewForm(func() { f.onSave() })
	f.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.ref = NewChamp("Référence", true)
	f.residence = NewChamp("Résidence", false)
	f.residence.check = func(code string) error {
		if s.app.Catalogue().Ready() && s.app.Catalogue().Residence(code) == nil {
			return model.Errorf(model.EINVALID, "La résidence « %s » n'existe pas : créez-la d'abord (onglet Résidences).", code)
		}
		return nil
	}
	f.residence.OnChanged = f.fillFromResidence
	f.adresse = NewChamp("Adresse", false)
	f.adresse.check = checkAdresseLogement
	f.cp = NewChamp("Code postal", false)
	f.commune = NewChoix("Commune", CommuneOptions(), true)
	f.cp.check = checkCodePostal(f.commune)
	f.commune.OnChanged = func(string) { f.cp.validate(); f.form.Check() }
	f.typo = NewChoix("Typologie", TypologieOptions(), true)
	f.pieces = NewChampEntier("Pièces principales", true, 1, 20)
	f.surface = NewChampSurface("Surface habitable", true)
	f.etage = NewChampEntier("Étage", false, -2, 60)
	f.fin = NewChoix("Financement", FinancementOptions(), true)
	f.loyer = NewChampMontant("Loyer mensuel", true)
	f.charges = NewChampMontant("Charges mensuelles", false)
	f.contingent = NewChamp("Contingent (réservataire)", false)
	f.annee = NewChampEntier("Année de construction", false, 1800, 2100)
	f.dpe = NewChoix("Classe énergétique (DPE)", dpeOptions, false)
	f.dpeAlerte = widget.NewLabel("")
	f.dpeAlerte.Wrapping = fyne.TextWrapWord
	f.dpeAlerte.Importance = widget.DangerImportance
	f.qpv = NewOuiNon("En QPV (quartier prioritaire)", f.form)
	f.ascenseur = NewOuiNon("Ascenseur", f.form)
	f.pmr = NewOuiNon("Adapté PMR", f.form)
	f.travaux = NewOuiNon("En travaux (indisponible)", f.form)
	f.form.Add(f.ref, f.residence, f.adresse, f.cp, f.commune, f.typo, f.pieces, f.surface, f.etage, f.fin, f.loyer, f.charges, f.contingent, f.annee, f.dpe)
	f.form.SuivreCases(f.qpv, f.ascenseur, f.pmr, f.travaux)
	f.del = newBoutonIcone("Supprimer", theme.DeleteIcon(), f.onDelete)
	f.del.Importance = widget.DangerImportance
	f.occupants = container.NewVBox()
	f.empty = widget.NewLabel("Choisissez un logement dans la liste, ou créez-en un (Ctrl+N).")
	grid := rows2(
		cell("Référence *", f.ref.Object()), cell("Résidence", f.residence.Object()),
		cell("Adresse", f.adresse.Object()), cell("Code postal", f.cp.Object()),
		cell("Commune *", f.commune.Select), cell("Typologie *", f.typo.Select),
		cell("Pièces principales *", f.pieces.Object()), cell("Surface habitable (m²) *", f.surface.Object()),
		cell("Étage", f.etage.Object()), cell("Financement *", f.fin.Select),
		cell("Loyer mensuel *", f.loyer.Object()), cell("Charges mensuelles", f.charges.Object()),
		cell("Contingent (réservataire)", f.contingent.Object()), cell("Année de construction", f.annee.Object()),
		cell("Classe énergétique (DPE)", f.dpe.Select), container.NewVBox(),
	)
	checks := container.NewGridWithColumns(2, f.qpv.Check, f.ascenseur.Check, f.pmr.Check, f.travaux.Check)
	f.fields = formPanel(f.title, container.NewHBox(f.form.Save, f.del),
		container.NewVBox(f.dpeAlerte, grid, checks, f.form.Summary, widget.NewSeparator(), f.occupants))
	return f
}

func (f *logementForm) object() fyne.CanvasObject {
	return container.NewStack(container.NewPadded(f.empty), f.fields)
}

// formPanel is a form with its title and buttons always visible above the
// scrolled fields; hidden until a record is shown.
func formPanel(title *widget.Label, buttons fyne.CanvasObject, body fyne.CanvasObject) *fyne.Container {
	// The title on one line (« … » if ever longer) above the buttons: beside
	// them it wrapped on 3 or 4 lines and the form jumped when it changed
	// (essai-12 F6).
	title.Wrapping = fyne.TextWrapOff
	title.Truncation = fyne.TextTruncateEllipsis
	head := container.NewPadded(container.NewVBox(title, container.NewHBox(buttons)))
	p := container.NewBorder(container.NewVBox(head, widget.NewSeparator()), nil, nil, nil,
		container.NewVScroll(container.NewPadded(body)))
	p.Hide()
	return p
}

// hautDeFiche scrolls the form of panel p (a formPanel) back to its top:
// a record opened from the list starts with its title and first fields
// (essai-12 F7).
func hautDeFiche(p *fyne.Container) {
	for _, o := range p.Objects {
		if sc, ok := o.(*container.Scroll); ok {
			sc.ScrollToTop()
		}
	}
}

// current is the reference of the dwelling shown ("" when none or new).
func (f *logementForm) current() string { return f.loaded }

// fillFromResidence copies the residence's address, commune and QPV into
// a new dwelling whose fields are still empty.
func (f *logementForm) fillFromResidence() {
	if !f.creating || f.residence.Err() != nil {
		return
	}
	r := f.s.app.Catalogue().Residence(f.residence.Text())
	if r == nil {
		return
	}
	if f.adresse.Text() == "" {
		f.adresse.SetText(r.Adresse)
	}
	if f.commune.Value() == "" {
		for _, c := range CommuneOptions() {
			if model.SameCommune(c, r.Commune) {
				f.commune.Set(c)
			}
		}
	}
	if r.QPV {
		f.qpv.Set(true)
	}
	f.form.Check()
}

// startNew shows an empty form for a new dwelling.
func (f *logementForm) startNew() {
	f.creating, f.loaded = true, ""
	f.fill(&model.Logement{Financement: model.PLUS, Typologie: 0}, nil)
	f.fin.Set("")
	f.pieces.SetText("")
	f.surface.SetText("")
	f.loyer.SetText("")
	f.charges.SetText("")
	f.etage.SetText("")
	f.ref.Entry.Enable()
	f.title.SetText("Nouveau logement")
	hautDeFiche(f.fields)
	f.del.Hide()
	f.occupants.Objects = nil
	f.occupants.Refresh()
	f.form.Clean()
	f.form.Check()
	f.s.shell.fenetre().Canvas().Focus(f.ref.Entry)
}

// open loads dwelling ref and reviews its occupants.
func (f *logementForm) open(ref string) {
	fiche, err := f.s.app.OpenLogement(ref, f.s.app.Today())
	if err != nil {
		Erreur(f.s.shell.fenetre(), err)
		return
	}
	f.creating, f.loaded = false, ref
	f.fill(fiche.Logement, fiche)
	f.ref.Entry.Disable()
	f.title.SetText("Logement " + ref)
	f.del.Show()
	f.form.Clean()
}

func (f *logementForm) fill(l *model.Logement, fiche *app.LogementFiche) {
	f.empty.Hide()
	f.fields.Show()
	f.ref.SetText(l.Reference)
	f.residence.SetText(l.Residence)
	f.adresse.SetText(l.Adresse)
	f.cp.SetText(l.CodePostal)
	f.commune.Set(l.Commune)
	if l.Typologie > 0 {
		f.typo.Set(model.TypologieLabel(l.Typologie))
	} else {
		f.typo.Set("")
	}
	f.pieces.SetInt(l.Pieces)
	f.surface.SetFloat(l.Surface)
	f.etage.SetInt(l.Etage)
	f.fin.Set(string(l.Financement))
	f.loyer.SetCents(l.Loyer)
	f.charges.SetCents(l.Charges)
	f.contingent.SetText(l.Contingent)
	f.qpv.Set(l.QPV)
	f.ascenseur.Set(l.Ascenseur)
	f.pmr.Set(l.PMR)
	f.travaux.Set(l.Statut == model.Travaux)
	f.fillDPE(l)
	f.occupants.Objects = nil
	if fiche != nil {
		f.occupants.Objects = []fyne.CanvasObject{f.occupantsView(fiche)}
	}
	f.occupants.Refresh()
}

// logement builds the record from the fields.
func (f *logementForm) logement() *model.Logement {
	typo, _ := model.ParseTypologie(f.typo.Value())
	l := &model.Logement{Reference: f.ref.Text(), Residence: f.residence.Text(), Adresse: f.adresse.Text(), CodePostal: f.cp.Text(),
		Commune: f.commune.Value(), QPV: f.qpv.Check.Checked, Typologie: typo, Pieces: f.pieces.Int(), Surface: f.surface.Float(),
		Etage: f.etage.Int(), Ascenseur: f.ascenseur.Check.Checked, PMR: f.pmr.Check.Checked, Financement: model.Financement(f.fin.Value()),
		Loyer: f.loyer.Cents(), Charges: f.charges.Cents(), Contingent: f.contingent.Text(),
		AnneeConstruction: f.annee.Int(), ClasseDPE: dpeValue(f.dpe.Value()), DateDPE: f.dateDPE}
	if f.travaux.Check.Checked {
		l.Statut = model.Travaux
	}
	return l
}

// onSave writes the dwelling; false when refused.
func (f *logementForm) onSave() bool {
	if !f.form.Valid() {
		f.form.Check()
		return false
	}
	l := f.logement()
	if err := f.s.app.SaveLogement(l, f.creating); err != nil {
		Erreur(f.s.shell.fenetre(), err)
		return false
	}
	f.loaded = l.Reference
	f.s.refresh()
	f.s.rrefresh()
	f.open(l.Reference)
	f.s.shell.confirmer("Logement " + l.Reference + " enregistré")
	return true
}

func (f *logementForm) onDelete() {
	ref := f.loaded
	if ref == "" {
		return
	}
	Supprimer(f.s.shell.fenetre(), "Supprimer le logement ?",
		fmt.Sprintf("Le logement %s sera supprimé définitivement. L'opération est inscrite au journal.", ref),
		func() error { return f.s.app.DeleteLogement(ref) }, func() {
			f.loaded = ""
			f.form.Clean()
			f.fields.Hide()
			f.empty.Show()
			f.s.refresh()
			f.s.rrefresh()
		})
}

// residenceForm edits one residence.
type residenceForm struct {
	s        *Patrimoine
	form     *Form
	creating bool
	loaded   string

	title                       *widget.Label
	code, nom, adresse, cp, fra *Champ
	commune                     *Choix
	qpv                         *OuiNon
	del                         *bouton
	fields                      *fyne.Container
	empty                       *widget.Label
	logements                   *widget.Label
	fragilite                   *fragiliteCard // residence_fragilite.go
}

func newResidenceForm(s *Patrimoine) *residenceForm {
	f := &residenceForm{s: s}
	f.form = NewForm(func() { f.onSave() })
	f.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.code = NewChamp("Code", true)
	f.nom = NewChamp("Nom", false)
	f.adresse = NewChamp("Adresse", false)
	f.cp = NewChamp("Code postal", false)
	f.commune = NewChoix("Commune", CommuneOptions(), true)
	f.cp.check = checkCodePostal(f.commune)
	f.commune.OnChanged = func(string) { f.cp.validate(); f.form.Check() }
	f.fra = NewChampDecimal("Score de fragilité", false, 0, 100, "")
	f.qpv = NewOuiNon("En QPV (quartier prioritaire)", f.form)
	f.form.Add(f.code, f.nom, f.adresse, f.cp, f.commune, f.fra)
	f.form.SuivreCases(f.qpv)
	f.del = newBoutonIcone("Supprimer", theme.DeleteIcon(), f.onDelete)
	f.del.Importance = widget.DangerImportance
	f.empty = widget.NewLabel("Choisissez une résidence dans la liste, ou créez-en une (Ctrl+N).")
	f.logements = widget.NewLabel("")
	f.fragilite = newFragiliteCard()
	grid := rows2(
		cell("Code *", f.code.Object()), cell("Nom", f.nom.Object()),
		cell("Adresse", f.adresse.Object()), cell("Code postal", f.cp.Object()),
		cell("Commune *", f.commune.Select), cell("Note du référentiel T12 (saisie)", f.fra.Object()))
	voir := newBoutonIcone("Voir ses logements", theme.HomeIcon(), func() {
		if f.loaded == "" {
			return
		}
		f.s.tabs.SelectIndex(0)
		f.s.search.SetText(f.loaded)
	})
	f.fields = formPanel(f.title, container.NewHBox(f.form.Save, f.del), container.NewVBox(grid, f.qpv.Check, f.form.Summary,
		container.NewBorder(nil, nil, nil, voir, f.logements), f.fragilite.box))
	return f
}

func (f *residenceForm) object() fyne.CanvasObject {
	return container.NewStack(container.NewPadded(f.empty), f.fields)
}

func (f *residenceForm) current() string { return f.loaded }

func (f *residenceForm) fill(r *model.Residence) {
	f.empty.Hide()
	f.fields.Show()
	f.code.SetText(r.Code)
	f.nom.SetText(r.Nom)
	f.adresse.SetText(r.Adresse)
	f.cp.SetText(r.CodePostal)
	f.commune.Set("")
	for _, c := range CommuneOptions() {
		if model.SameCommune(c, r.Commune) {
			f.commune.Set(c)
		}
	}
	if r.Fragilite != 0 {
		f.fra.SetFloat(r.Fragilite)
	} else {
		f.fra.SetText("")
	}
	f.qpv.Set(r.QPV)
}

func (f *residenceForm) startNew() {
	f.creating, f.loaded = true, ""
	f.fill(&model.Residence{})
	f.code.Entry.Enable()
	f.title.SetText("Nouvelle résidence")
	hautDeFiche(f.fields)
	f.logements.SetText("")
	f.fragilite.clear()
	f.del.Hide()
	f.form.Clean()
	f.form.Check()
	f.s.shell.fenetre().Canvas().Focus(f.code.Entry)
}

func (f *residenceForm) open(code string) {
	r, err := f.s.app.OpenResidence(code)
	if err != nil {
		Erreur(f.s.shell.fenetre(), err)
		return
	}
	f.creating, f.loaded = false, code
	f.fill(r)
	f.code.Entry.Disable()
	f.title.SetText("Résidence " + code)
	n := 0
	if row := f.s.app.Catalogue().Residence(code); row != nil {
		n = row.Logements
	}
	f.logements.SetText(pluriel(n, "logement", "logements") + " dans cette résidence.")
	f.fragilite.show(f.s.app, f.s.shell.journal(), code)
	f.del.Show()
	f.form.Clean()
}

func (f *residenceForm) onSave() bool {
	if !f.form.Valid() {
		f.form.Check()
		return false
	}
	r := &model.Residence{Code: f.code.Text(), Nom: f.nom.Text(), Adresse: f.adresse.Text(), CodePostal: f.cp.Text(),
		Commune: f.commune.Value(), QPV: f.qpv.Check.Checked, Fragilite: f.fra.Float()}
	if err := f.s.app.SaveResidence(r, f.creating); err != nil {
		Erreur(f.s.shell.fenetre(), err)
		return false
	}
	f.loaded = r.Code
	f.s.rrefresh()
	f.open(r.Code)
	f.s.shell.confirmer("Résidence " + r.Code + " enregistrée")
	return true
}

func (f *residenceForm) onDelete() {
	code := f.loaded
	if code == "" {
		return
	}
	Supprimer(f.s.shell.fenetre(), "Supprimer la résidence ?",
		fmt.Sprintf("La résidence %s sera supprimée définitivement. L'opération est inscrite au journal.", code),
		func() error { return f.s.app.DeleteResidence(code) }, func() {
			f.loaded = ""
			f.form.Clean()
			f.fields.Hide()
			f.empty.Show()
			f.s.rrefresh()
		})
}

// dpeOptions are the energy classes; « non renseignée » clears the class.
var dpeOptions = []string{"A", "B", "C", "D", "E", "F", "G", dpeInconnue}

const dpeInconnue = "non renseignée"

func dpeValue(v string) string {
	if v == dpeInconnue {
		return ""
	}
	return v
}

// fillDPE shows the energy class, construction year and, for a G class,
// that the dwelling cannot be let (model.DecenceEnergetique).
func (f *logementForm) fillDPE(l *model.Logement) {
	f.dateDPE = l.DateDPE
	f.dpe.Set(l.ClasseDPE)
	if l.AnneeConstruction > 0 {
		f.annee.SetInt(l.AnneeConstruction)
	} else {
		f.annee.SetText("")
	}
	text := ""
	if l.ClasseDPE != "" && !l.DateDPE.IsZero() {
		text = fmt.Sprintf("DPE établi en %s %d. ", model.MonthName(l.DateDPE.Time().Month()), l.DateDPE.Year())
	}
	f.dpeAlerte.Importance = widget.MediumImportance
	if v := model.DecenceEnergetique(l, f.s.app.Today()); v.Flag() {
		text += v.Explication
		f.dpeAlerte.Importance = widget.DangerImportance
	}
	f.dpeAlerte.SetText(strings.TrimSpace(text))
	if f.dpeAlerte.Text == "" {
		f.dpeAlerte.Hide()
	} else {
		f.dpeAlerte.Show()
	}
}
