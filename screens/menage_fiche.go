package screens

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"logis/app"
	"logis/model"
)

func formatUC(uc float64) string { return model.FormatDecimal(uc, 2, false) }

// liensLabels are the links shown in the members' select.
var liensLabels = map[model.Lien]string{model.Titulaire: "Titulaire", model.Conjoint: "Conjoint", model.Cotitulaire: "Cotitulaire",
	model.Enfant: "Enfant", model.Ascendant: "Ascendant", model.Autre: "Autre"}

func lienOptions() []string {
	out := make([]string, len(model.Liens))
	for i, l := range model.Liens {
		out[i] = liensLabels[l]
	}
	return out
}

func lienOf(label string) model.Lien {
	for l, s := range liensLabels {
		if s == label {
			return l
		}
	}
	return ""
}

// personneRow is one member of the household in the sheet.
type personneRow struct {
	lien        *Choix
	nom, prenom *Champ
	naissance   *Champ
	handicap    *OuiNon
	autonomie   *OuiNon // loss of autonomy (L.442-5-2 4°)
	visite      *OuiNon // child under visiting rights (L.621-2)
	activite    *Choix  // situation of an adult (activite.go)
	remove      *bouton
	box         fyne.CanvasObject
}

// menageFiche is the household sheet: members, resources, tenancy and
// application, with the verifications recomputed at each change.
type menageFiche struct {
	s      *Menages
	form   *Form
	loaded string // ID of the household shown; "" for none or new
	shown  bool
	fiche  *app.Fiche
	regles *model.Regles
	logmt  *model.Logement // dwelling of the lease as typed, nil when none

	title      *widget.Label
	membres    []*personneRow
	membresBox *fyne.Container

	rfr, rn1, mensuelles, apl *Champ

	logement, entree, dateVisite             *Champ
	logInfo                                  *widget.Label
	impayes, cesf, troubles, violent, visite *OuiNon

	nur, depot, refus, motif, radiation          *Champ
	active, dalo, daloPrefet, violences, travaux *OuiNon
	renouvellement, refusLegitime                *OuiNon // issue 9: urban renewal; refusal with a legitimate reason
	motifRefus                                   *Champ
	prioNums                                     []int // annex-1 numbers of the priority options, same order
	typos, communes, priorites                   *checkGrid
	adresse                                      *adresseChamps
	loadingChecks                                bool
	delDemande                                   *bouton
	sit                                          *situationsBloc // §1.3 (menage_situations.go)

	del    *bouton
	verif  *verifPanel
	fields *fyne.Container
	empty  *widget.Label

	verifScroll *container.Scroll // back to its summary for each household shown
}

func newMenageFiche(s *Menages) *menageFiche {
	f := &menageFiche{s: s}
	f.form = NewForm(func() { f.onSave() })
	f.form.Extra = f.extraErrors
	f.form.OnChange = f.recompute
	f.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.title.Wrapping = fyne.TextWrapWord // « Ménage M000122 — Ar… » was cut beside the buttons
	f.membresBox = container.NewVBox()
	addMembre := newBoutonIcone("Ajouter un membre", theme.ContentAddIcon(), func() {
		f.addMembre(model.Personne{Lien: model.Enfant})
		f.form.Touch()
	})

	f.rfr = NewChampMontant("Revenu fiscal de référence N-2", false)
	f.rn1 = NewChampMontant("Ressources N-1 ou 12 derniers mois", false)
	f.mensuelles = NewChampMontant("Ressources mensuelles", false)
	f.apl = NewChampMontant("APL mensuelle", false)

	f.logement = NewChamp("Logement loué", false)
	f.logement.check = func(ref string) error {
		if cat := s.app.Catalogue(); cat.Ready() && cat.Logement(ref) == nil {
			return model.Errorf(model.EINVALID, "Le logement « %s » n'existe pas dans le patrimoine.", ref)
		}
		return nil
	}
	f.logement.requis = f.logementRequis
	f.logement.requisCourt = "Requise pour le bail saisi"
	f.entree = NewChampDatePassee("Date d'entrée", false, "la date d'entrée", func() model.Date { return s.app.Today() })
	f.logInfo = wrapped("", fyne.TextStyle{Italic: true})
	f.impayes = NewOuiNon("Impayés", f.form)
	f.cesf = NewOuiNon("Rapport CESF", f.form)
	f.troubles = NewOuiNon("Troubles de voisinage", f.form)
	f.violent = NewOuiNon("Comportement violent", f.form)
	f.visite = NewOuiNon("Visite préalable faite", f.form)
	f.dateVisite = NewChampDatePassee("Date de la visite", false, "la date de la visite", func() model.Date { return s.app.Today() })

	f.nur = NewChamp("NUR", false)
	f.nur.check = func(v string) error { _, err := model.ParseNUR(v); return err }
	f.depot = NewChampDatePassee("Date de dépôt", false, "la date de dépôt", func() model.Date { return s.app.Today() })
	f.refus = NewChampDatePassee("Refus d'une offre adaptée", false, "la date du refus", func() model.Date { return s.app.Today() })
	f.radiation = NewChampDatePassee("Date de radiation", false, "la date de radiation", func() model.Date { return s.app.Today() }) // policy §III: kept three years after
	f.nur.requis = f.nurRequis
	f.nur.requisCourt = "Requis pour la demande saisie"
	f.motifRefus = NewChamp("Motif du refus", false)
	f.refusLegitime = NewOuiNon("Motif de refus légitime (handicap…)", f.form)
	f.renouvellement = NewOuiNon("Relogé par une opération de renouvellement urbain (NPNRU / ANRU)", f.form)
	f.motif = NewChamp("Motif de la demande", false)
	f.motif.check = checkTexte("Motif", model.MaxMotif)
	f.active = NewOuiNon("Demande active", f.form)
	f.dalo = NewOuiNon("Reconnu DALO", f.form)
	f.daloPrefet = NewOuiNon("Désigné par le préfet", f.form)
	f.violences = NewOuiNon("Violences familiales (critère de priorité, §1.3.4)", f.form)
	f.travaux = NewOuiNon("Relogement pour travaux de l'Office", f.form)
	touch := func([]string) {
		if !f.loadingChecks {
			f.form.Modifie()
		}
	}
	f.typos = newCheckGrid(TypologieOptions(), 3, false, touch)
	f.communes = newCheckGrid(CommuneOptions(), 3, false, touch)
	// The categories of L.441-1 (a to m, with g bis), the seed's number beside.
	var prio []string
	for n := 1; n <= 15; n++ {
		if l := model.PrioriteLabel(n); l != "" {
			prio = append(prio, l)
			f.prioNums = append(f.prioNums, n)
		}
	}
	f.priorites = newCheckGrid(prio, 1, true, touch)
	for _, g := range []*checkGrid{f.typos, f.communes, f.priorites} {
		f.form.Suivre(func() string { return strings.Join(g.selected(), "\n") })
	}
	f.form.SuivreCases(f.active, f.dalo, f.daloPrefet, f.violences, f.travaux)
	f.form.Suivre(f.valeursMembres)
	f.sit = newSituationsBloc(f.form, s.app.TransfertDeDemande, s.app.Today)
	f.form.Add(f.rfr, f.rn1, f.mensuelles, f.apl, f.logement, f.entree, f.dateVisite, f.nur, f.depot, f.refus, f.motif, f.motifRefus, f.radiation)
	f.adresse = newAdresseChamps(f.form)

	f.del = newBoutonIcone("Supprimer", theme.DeleteIcon(), f.onDelete)
	f.del.Importance = widget.DangerImportance
	f.delDemande = newBoutonIcone("Supprimer la demande", theme.DeleteIcon(), f.onDeleteDemande)
	f.verif = newVerifPanel()
	f.empty = widget.NewLabel("Choisissez un ménage dans la liste, ou créez-en un (Ctrl+N).")
	f.empty.Wrapping = fyne.TextWrapWord

	section := func(t string) fyne.CanvasObject {
		l := widget.NewLabelWithStyle(t, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.SizeName = theme.SizeNameSubHeadingText
		l.Wrapping = fyne.TextWrapWord
		return container.NewVBox(widget.NewSeparator(), l)
	}
	f.fields = formPanel(f.title, container.NewHBox(f.form.Save, f.del, newBoutonDonnees(f)), container.NewVBox(
		section("Membres"),
		container.NewGridWithColumns(3, boldLabel("Lien"), boldLabel("Nom"), boldLabel("Prénom")),
		f.membresBox, container.NewHBox(addMembre),
		section("Adresse postale"),
		f.adresse.object(),
		section("Ressources"),
		container.NewGridWithColumns(2,
			cell("Revenu fiscal N-2 (€/an)", f.rfr.Object()), cell("Ressources N-1 (€/an)", f.rn1.Object()),
			cell("Ressources mensuelles", f.mensuelles.Object()), cell("APL mensuelle", f.apl.Object())),
		section("Bail (locataire de l'Office)"),
		container.NewGridWithColumns(2, cell("Logement loué (référence)", f.logement.Object()), cell("Date d'entrée", f.entree.Object())),
		f.logInfo,
		container.NewGridWithColumns(2, f.impayes.Check, f.cesf.Check, f.troubles.Check, f.violent.Check, f.visite.Check),
		cell("Date de la visite préalable", f.dateVisite.Object()),
		section("Demande de logement"),
		container.NewGridWithColumns(2, cell("NUR", f.nur.Object()), cell("Date de dépôt", f.depot.Object())),
		container.NewGridWithColumns(2, f.active.Check, cell("Date de radiation", f.radiation.Object())),
		cell("Typologies souhaitées", f.typos.obj),
		cell("Communes souhaitées", f.communes.obj),
		container.NewGridWithColumns(2, f.dalo.Check, f.daloPrefet.Check),
		cell("Catégories prioritaires de l'art. L.441-1 CCH (annexe 1)", f.priorites.obj),
		cell("Motif", f.motif.Object()),
		container.NewHBox(f.delDemande),
		section("Mutation"),
		f.violences.Check, f.travaux.Check, // one a line: side by side they widened the window (issue 12)
		f.renouvellement.Check,
		container.NewGridWithColumns(2, cell("Refus d'une offre adaptée", f.refus.Object()), cell("Motif du refus", f.motifRefus.Object())),
		f.refusLegitime.Check,
		section("Situations particulières (politique d'attribution §1.3)"),
		f.sit.obj,
		widget.NewSeparator(),
		f.form.Summary,
	))
	return f
}

func (f *menageFiche) object() fyne.CanvasObject {
	verifTitle := widget.NewLabelWithStyle("Vérifications", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	verifTitle.SizeName = theme.SizeNameSubHeadingText
	hint := wrapped("Recalculées à chaque modification, avant l'enregistrement. Logis propose et explique ; la commission décide.", fyne.TextStyle{Italic: true})
	f.verifScroll = container.NewVScroll(container.NewPadded(f.verif.object()))
	right := container.NewBorder(container.NewVBox(verifTitle, hint), nil, nil, nil, f.verifScroll)
	split := container.NewHSplit(container.NewStack(container.NewPadded(f.empty), f.fields), right)
	split.Offset = 0.56
	return split
}

// valeursMembres are the members' values as shown (compared with those
// loaded: a member's name typed then undone is no change).
func (f *menageFiche) valeursMembres() string {
	var b strings.Builder
	for _, r := range f.membres {
		for _, v := range []string{r.lien.Select.Selected, r.nom.Entry.Text, r.prenom.Entry.Text, r.naissance.Entry.Text, r.activite.Select.Selected} {
			b.WriteString(v)
			b.WriteByte(0)
		}
		for _, o := range []*OuiNon{r.handicap, r.autonomie, r.visite} {
			b.WriteString(strconv.FormatBool(o.Check.Checked))
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// addMembre appends a member row.
func (f *menageFiche) addMembre(p model.Personne) {
	r := &personneRow{}
	r.lien = NewChoix("Lien", lienOptions(), true)
	r.lien.form = f.form
	r.nom = NewChamp("Nom", true)
	r.nom.check = checkTexte("Nom", model.MaxNom)
	r.prenom = NewChamp("Prénom", false)
	r.prenom.check = checkTexte("Prénom", model.MaxNom)
	r.naissance = NewChampDate("Date de naissance", true)
	r.naissance.check = func(v string) error {
		d, err := model.ParseDate(v)
		if err != nil {
			return err
		}
		if err := model.CheckNaissance(d, f.s.app.Today()); err != nil {
			return model.Errorf(model.EINVALID, "L%s.", strings.TrimPrefix(model.ErrorMessage(err), "l"))
		}
		return nil
	}
	for _, c := range []*Champ{r.nom, r.prenom, r.naissance} {
		c.form = f.form
	}
	r.handicap = NewOuiNon("CMI invalidité", f.form)
	r.autonomie = NewOuiNon("Perte d'autonomie", f.form)
	r.visite = NewOuiNon("Droit de visite (enfant)", f.form)
	r.lien.suivi, r.nom.suivi, r.prenom.suivi, r.naissance.suivi = true, true, true, true
	r.handicap.suivi, r.autonomie.suivi, r.visite.suivi = true, true, true
	r.lien.Set(liensLabels[p.Lien])
	r.nom.SetText(p.Nom)
	r.prenom.SetText(p.Prenom)
	if p.DateNaissance.IsZero() {
		r.naissance.SetText("")
	} else {
		r.naissance.SetDate(p.DateNaissance)
	}
	r.handicap.Set(p.Handicap)
	r.autonomie.Set(p.PerteAutonomie)
	r.visite.Set(p.DroitDeVisite)
	r.activite = newChoixActivite(p.Activite, f.form)
	r.activite.suivi = true
	r.remove = newBoutonIcone("", theme.DeleteIcon(), func() { f.removeMembre(r) })
	r.box = container.NewVBox(
		container.NewGridWithColumns(3, container.NewVBox(r.lien.Select), r.nom.Object(), r.prenom.Object()),
		// The birth date beside its delete button, the boxes on their own
		// line: nothing cut, the sheet never wider than the window (issue 12).
		container.NewBorder(nil, nil, nil, r.remove, r.naissance.Object()),
		container.NewGridWithColumns(2, r.activite.Select, r.handicap.Check, r.autonomie.Check, r.visite.Check),
	)
	r.naissance.Entry.SetPlaceHolder("Date de naissance JJ/MM/AAAA")
	r.nom.Entry.SetPlaceHolder("Nom")
	r.prenom.Entry.SetPlaceHolder("Prénom")
	f.membres = append(f.membres, r)
	f.membresBox.Add(r.box)
}

func (f *menageFiche) removeMembre(r *personneRow) {
	for i, x := range f.membres {
		if x == r {
			f.membres = append(f.membres[:i], f.membres[i+1:]...)
			f.membresBox.Remove(r.box)
			f.form.Touch()
			return
		}
	}
}

// extraErrors: the members' fields and the cross-field rules.
func (f *menageFiche) extraErrors() []string {
	var out []string
	titulaires := 0
	for i, r := range f.membres {
		for _, v := range []Validable{r.lien, r.nom, r.prenom, r.naissance} {
			if err := v.Err(); err != nil {
				out = append(out, fmt.Sprintf("Membre n° %d — %s", i+1, err.Error()))
			}
		}
		if lienOf(r.lien.Value()) == model.Titulaire {
			titulaires++
		}
	}
	if len(f.membres) == 0 {
		out = append(out, "Le ménage doit compter au moins un membre (le titulaire).")
	} else if titulaires != 1 {
		out = append(out, "Le ménage a un et un seul titulaire (le second est « Conjoint » ou « Cotitulaire »).")
	}
	if f.logement.Text() != "" && f.entree.Text() == "" {
		out = append(out, "Date d'entrée : obligatoire pour un locataire.")
	}
	out = append(out, f.adresse.errors(f.menage())...)
	if f.nur.Text() != "" && f.depot.Text() == "" {
		out = append(out, "Date de dépôt : obligatoire pour une demande.")
	}
	if f.radiation.Text() != "" && f.active.Check.Checked {
		out = append(out, "Date de radiation : une demande radiée est inactive (décochez « Demande active »).")
	}
	return out
}

// logementRequis names the lease's fields entered while the dwelling is
// empty: a lease is stored under its dwelling, so they would be lost.
func (f *menageFiche) logementRequis() string {
	var filled []string
	for _, c := range []struct {
		on   bool
		what string
	}{{f.entree.Text() != "", "date d'entrée"}, {f.impayes.Check.Checked, "impayés"}, {f.cesf.Check.Checked, "rapport CESF"},
		{f.troubles.Check.Checked, "troubles"}, {f.violent.Check.Checked, "comportement violent"},
		{f.visite.Check.Checked || f.dateVisite.Text() != "", "visite préalable"}} {
		if c.on {
			filled = append(filled, c.what)
		}
	}
	if len(filled) == 0 {
		return ""
	}
	return "le bail saisi (" + strings.Join(filled, ", ") + ") ne peut être enregistré sans lui. Saisissez la référence, ou videz ces champs."
}

// nurRequis names the application's fields entered while the NUR is empty:
// an application is stored under its NUR, so without one they would be
// lost (issue 12); Enregistrer stays grey and the NUR field says why.
func (f *menageFiche) nurRequis() string {
	var filled []string
	add := func(on bool, what string) {
		if on {
			filled = append(filled, what)
		}
	}
	add(f.depot.Text() != "", "date de dépôt")
	add(len(f.typos.selected()) > 0, "typologies souhaitées")
	add(len(f.communes.selected()) > 0, "communes souhaitées")
	add(len(f.priorites.selected()) > 0, "catégories prioritaires")
	add(f.dalo.Check.Checked || f.daloPrefet.Check.Checked, "DALO")
	add(f.motif.Text() != "", "motif")
	add(f.violences.Check.Checked || f.travaux.Check.Checked || f.renouvellement.Check.Checked, "mutation")
	add(f.refus.Text() != "" || f.motifRefus.Text() != "" || f.refusLegitime.Check.Checked, "refus d'une offre")
	if len(filled) == 0 {
		return ""
	}
	return "la demande saisie (" + strings.Join(filled, ", ") + ") ne peut être enregistrée sans lui. Saisissez le NUR, ou videz ces champs."
}

// startNew shows an empty sheet for a new household.
func (f *menageFiche) startNew() {
	r, err := f.s.app.Regles()
	if err != nil {
		Erreur(f.s.shell.fenetre(), err)
		return
	}
	f.fiche = &app.Fiche{Menage: &model.Menage{}, Regles: r}
	f.loaded = ""
	f.fill(&model.Menage{Personnes: []model.Personne{{Lien: model.Titulaire}}}, nil)
	f.title.SetText("Nouveau ménage")
	hautDeFiche(f.fields)
	f.del.Hide()
	f.s.shell.fenetre().Canvas().Focus(f.membres[0].nom.Entry)
}

// open loads household id.
func (f *menageFiche) open(id string) {
	fiche, err := f.s.app.OpenMenage(id)
	if err != nil {
		Erreur(f.s.shell.fenetre(), err)
		return
	}
	f.fiche, f.loaded = fiche, id
	f.fill(fiche.Menage, fiche.Demande())
	f.title.SetText(fmt.Sprintf("Ménage %s — %s", id, fiche.Menage.Nom()) + etatDonnees(fiche.Menage))
	f.del.Show()
}

func (f *menageFiche) fill(m *model.Menage, d *model.Demande) {
	f.regles = f.fiche.Regles
	f.logmt = f.fiche.Logement
	f.empty.Hide()
	f.fields.Show()
	reagencer(f.s.body) // the sheet is wider than « Choisissez… »
	f.membres = nil
	f.membresBox.Objects = nil
	for _, p := range m.Personnes {
		f.addMembre(p)
	}
	f.membresBox.Refresh()
	f.adresse.set(m.Adresse)
	res := m.Ressources
	setCents := func(c *Champ, v model.Cents) {
		if v == 0 {
			c.SetText("")
		} else {
			c.SetCents(v)
		}
	}
	setDate := func(c *Champ, v model.Date) {
		if v.IsZero() {
			c.SetText("")
		} else {
			c.SetDate(v)
		}
	}
	setCents(f.rfr, res.RevenuFiscal)
	setCents(f.rn1, res.RevenuN1)
	setCents(f.mensuelles, res.Mensuelles)
	setCents(f.apl, res.APL)
	b := m.Bail
	if b == nil {
		b = &model.Bail{}
	}
	f.logement.SetText(b.Logement)
	setDate(f.entree, b.DateEntree)
	f.impayes.Set(b.Impayes)
	f.cesf.Set(b.RapportCESF)
	f.troubles.Set(b.Troubles)
	f.violent.Set(b.ComportementViolent)
	f.visite.Set(b.VisiteFaite)
	setDate(f.dateVisite, b.DateVisite)
	dd := d
	if dd == nil {
		dd = &model.Demande{Active: true}
	}
	f.nur.SetText(dd.NUR)
	if d != nil {
		f.nur.Entry.Disable()
		f.delDemande.Show()
	} else {
		f.nur.Entry.Enable()
		f.delDemande.Hide()
	}
	setDate(f.depot, dd.DateDepot)
	setDate(f.refus, dd.RefusAdapte)
	setDate(f.radiation, dd.DateRadiation)
	f.motifRefus.SetText(dd.MotifRefus)
	f.refusLegitime.Set(dd.RefusLegitime)
	f.renouvellement.Set(dd.RenouvellementUrbain)
	f.motif.SetText(dd.Motif)
	f.active.Set(dd.Active)
	f.dalo.Set(dd.DALO)
	f.daloPrefet.Set(dd.DALOPrefet)
	f.violences.Set(dd.ViolencesFamiliales)
	f.travaux.Set(dd.RelogementTravaux)
	f.sit.fill(dd)
	f.loadingChecks = true
	var typos, communes, prios []string
	for _, t := range dd.Typologies {
		typos = append(typos, model.TypologieLabel(t))
	}
	for _, c := range dd.Communes {
		for _, o := range CommuneOptions() {
			if model.SameCommune(o, c) {
				communes = append(communes, o)
			}
		}
	}
	for _, p := range dd.Priorites {
		for i, n := range f.prioNums {
			if n == p {
				prios = append(prios, f.priorites.Options[i])
			}
		}
	}
	f.typos.SetSelected(typos)
	f.communes.SetSelected(communes)
	f.priorites.SetSelected(prios)
	f.loadingChecks = false
	f.form.Clean()
	f.recompute()
	if f.verifScroll != nil {
		f.verifScroll.ScrollToTop() // another household: its summary first (issue 12)
	}
}

// menage builds the household from the fields (invalid fields count as empty).
func (f *menageFiche) menage() *model.Menage {
	m := &model.Menage{ID: f.loaded, Adresse: f.adresse.adresse()}
	if f.fiche != nil && f.fiche.Menage != nil {
		m.APresenter = f.fiche.Menage.APresenter
	}
	for _, r := range f.membres {
		m.Personnes = append(m.Personnes, model.Personne{Lien: lienOf(r.lien.Value()), Nom: r.nom.Text(), Prenom: r.prenom.Text(),
			DateNaissance: r.naissance.Date(), Handicap: r.handicap.Check.Checked, PerteAutonomie: r.autonomie.Check.Checked, DroitDeVisite: r.visite.Check.Checked,
			Activite: activiteOf(r.activite.Value())})
	}
	m.Ressources = model.Ressources{RevenuFiscal: f.rfr.Cents(), RevenuN1: f.rn1.Cents(), Mensuelles: f.mensuelles.Cents(), APL: f.apl.Cents()}
	if ref := f.logement.Text(); ref != "" {
		m.Bail = &model.Bail{Logement: ref, DateEntree: f.entree.Date(), Impayes: f.impayes.Check.Checked, RapportCESF: f.cesf.Check.Checked,
			Troubles: f.troubles.Check.Checked, ComportementViolent: f.violent.Check.Checked, VisiteFaite: f.visite.Check.Checked, DateVisite: f.dateVisite.Date()}
	}
	return m
}

// demande builds the application from the fields; nil when there is none.
func (f *menageFiche) demande() *model.Demande {
	nur := strings.ToUpper(f.nur.Text())
	if nur == "" {
		return nil
	}
	if n, err := model.ParseNUR(nur); err == nil {
		nur = n
	}
	d := &model.Demande{NUR: nur, Menage: f.loaded, DateDepot: f.depot.Date(), Active: f.active.Check.Checked, DALO: f.dalo.Check.Checked,
		DALOPrefet: f.daloPrefet.Check.Checked, Motif: f.motif.Text(), ViolencesFamiliales: f.violences.Check.Checked,
		RelogementTravaux: f.travaux.Check.Checked, RefusAdapte: f.refus.Date(), DateRadiation: f.radiation.Date(),
		RenouvellementUrbain: f.renouvellement.Check.Checked, MotifRefus: f.motifRefus.Text(), RefusLegitime: f.refusLegitime.Check.Checked}
	for _, t := range f.typos.selected() {
		if v, err := model.ParseTypologie(t); err == nil {
			d.Typologies = append(d.Typologies, v)
		}
	}
	f.sit.apply(d)
	d.Communes = append(d.Communes, f.communes.selected()...)
	for _, p := range f.priorites.selected() {
		for i, o := range f.priorites.Options {
			if o == p {
				d.Priorites = append(d.Priorites, f.prioNums[i])
			}
		}
	}
	return d
}

// recompute runs every verification on the household as typed.
func (f *menageFiche) recompute() {
	if f.regles == nil {
		return
	}
	m := f.menage()
	if m.Loge() && (f.logmt == nil || f.logmt.Reference != m.Bail.Logement) {
		f.logmt = nil
		if f.logement.Err() == nil {
			if l, err := f.s.app.Logement(m.Bail.Logement); err == nil {
				f.logmt = l
			}
		}
	}
	l := f.logmt
	if !m.Loge() {
		l = nil
	}
	f.logInfo.SetText(logementInfo(l))
	f.verif.set(app.Verifier(m, f.demande(), l, f.s.app.Today(), f.regles))
}

// onSave writes the household and its application in one transaction.
func (f *menageFiche) onSave() bool {
	if !f.form.Valid() {
		f.form.Check()
		return false
	}
	id, err := f.s.app.SaveMenage(f.menage(), f.demande())
	if err != nil {
		Erreur(f.s.shell.fenetre(), err)
		return false
	}
	created := f.loaded == ""
	f.open(id)
	f.s.refresh()
	if created {
		f.s.shell.confirmer("Ménage " + id + " créé")
	} else {
		f.s.shell.confirmer("Ménage " + id + " enregistré")
	}
	return true
}

func (f *menageFiche) onDelete() {
	id := f.loaded
	if id == "" {
		return
	}
	Supprimer(f.s.shell.fenetre(), "Supprimer le ménage ?",
		fmt.Sprintf("Le ménage %s, ses membres et ses demandes seront supprimés définitivement. L'opération est inscrite au journal.", id),
		func() error { return f.s.app.DeleteMenage(id) }, func() {
			f.loaded = ""
			f.form.Clean()
			f.fields.Hide()
			f.empty.Show()
			f.verif.set(nil)
			f.s.refresh()
		})
}

func (f *menageFiche) onDeleteDemande() {
	nur, id := f.nur.Text(), f.loaded
	if nur == "" || id == "" {
		return
	}
	Confirmer(f.s.shell.fenetre(), "Supprimer la demande ?",
		fmt.Sprintf("La demande %s sera supprimée définitivement. L'opération est inscrite au journal.", nur), "Supprimer", func() {
			if err := f.s.app.DeleteDemande(nur); err != nil {
				Erreur(f.s.shell.fenetre(), err)
				return
			}
			f.form.Clean()
			f.open(id)
			f.s.refresh()
		})
}

// checkGrid is a set of check boxes laid out in columns; with wrap, each
// label wraps next to its box (long labels such as the annex-1 categories).
type checkGrid struct {
	Options []string
	checks  []*caseACocher
	obj     fyne.CanvasObject
}

func newCheckGrid(options []string, cols int, wrap bool, changed func([]string)) *checkGrid {
	g := &checkGrid{Options: options}
	objs := make([]fyne.CanvasObject, len(options))
	for i, o := range options {
		label := o
		if wrap {
			label = ""
		}
		c := newCase(label, func(bool) { changed(g.selected()) })
		g.checks = append(g.checks, c)
		if wrap {
			objs[i] = container.NewBorder(nil, nil, container.NewVBox(c), nil, wrapped(o, fyne.TextStyle{})) // box beside the first line
		} else {
			objs[i] = c
		}
	}
	g.obj = container.NewGridWithColumns(cols, objs...)
	return g
}

// selected lists the checked options.
func (g *checkGrid) selected() []string {
	var out []string
	for i, c := range g.checks {
		if c.Checked {
			out = append(out, g.Options[i])
		}
	}
	return out
}

// SetSelected checks exactly the options given.
func (g *checkGrid) SetSelected(sel []string) {
	for i, c := range g.checks {
		want := false
		for _, s := range sel {
			want = want || s == g.Options[i]
		}
		if c.Checked != want {
			c.SetChecked(want)
		}
	}
}

func boldLabel(t string) *widget.Label {
	return widget.NewLabelWithStyle(t, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// logementInfo sums up the rented dwelling under its reference.
func logementInfo(l *model.Logement) string {
	if l == nil {
		return ""
	}
	return fmt.Sprintf("%s · %s · %d pièce(s) · %s m² · %s · %s · loyer et charges %s", l.Reference, model.TypologieLabel(l.Typologie),
		l.Pieces, model.FormatNumber(l.Surface, 1), l.Financement, l.Commune, l.Quittance())
}
