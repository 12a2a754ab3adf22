package screens

import (
	"fmt"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"logis/app"
	"logis/model"
)

// logementsActions are the use cases the dwellings panel calls.
type logementsActions struct {
	candidats func(ref string, at model.Date, tous bool) (*app.ListeCandidats, error)
	ajouter   func(ref string) error
	ajouterC  func(ref string, e model.Eligibilite) error
	retirer   func(ref, nur string) error
	retirerL  func(ref string) error
	exception func(ref, exception string) error
	decider   func(ref, nur string, d model.Decision) error
	annuler   func(ref, nur string) error // removes a decision (session in preparation)
	nom       func(menage string) string
	// vacants lists the vacant dwellings of a commune matching a text
	// (nil when the search index is not built yet).
	vacants func(texte, commune string) []*app.LogementRow
	// attribue tells whether a closed session allocated the dwelling ("" if
	// not): its status stays « vacant » until the lease is signed.
	attribue func(ref string) string
	// fragilite computes the effect of a candidate on the residence's
	// fragility index (commission_fragilite.go).
	fragilite fragiliteEffet
	// presentation: the session is projected (commission_presentation.go).
	presentation func() bool
	// situations: by NUR, the §1.3 situations of the session's candidates
	// (commission_situations.go); nil when not wired.
	situations func() map[string][]string

	// essayer is what decider would answer, nothing written (the Décision
	// dialog runs it while the agent chooses).
	essayer func(ref, nur string, d model.Decision) error
}

// logementsPanel is the attribution part of a session: the dwellings
// examined; for the one chosen, the rule of three with its legal
// exceptions, the candidates presented with their decisions, and the
// candidates the program proposes (rank and every rule explained).
type logementsPanel struct {
	win      fyne.Window
	act      logementsActions
	c        *model.Commission
	readOnly bool // dwellings and candidates cannot change
	decRO    bool // decisions cannot change
	bg       *sync.WaitGroup

	dossiers  *liste
	vac       *listeRecherche[*app.LogementRow] // the vacant dwellings not examined yet (liste_recherche.go)
	refEntry  *entree                           // vac's box; a reference typed is accepted too
	addBtn    *bouton
	addErr    *widget.Label
	vacList   *liste        // vac's list; the row chosen is vac.selected
	vacHead   *widget.Label // vac's count line, with the commune
	addBox    fyne.CanvasObject
	current   int // index in c.Logements, -1 when none
	titre     *widget.Label
	trois     *widget.RichText
	exception *deroulant
	presentes *fyne.Container
	right     fyne.CanvasObject
	empty     fyne.CanvasObject
	rightBox  *fyne.Container

	tous      *caseACocher
	propStat  *widget.Label
	props     *liste
	prop      *app.ListeCandidats
	propSel   int
	detail    *widget.RichText
	propAdd   *bouton
	loadSeq   int
	loadingEx bool

	tabs         *container.AppTabs
	tabPres      *container.TabItem
	tabProp      *container.TabItem
	exceptionBox fyne.CanvasObject
	retirerL     *bouton

	lastDecision *decisionForm // the form last opened (tests)
	body         fyne.CanvasObject
}

// exceptionAucune is the option « no exception » of the rule of three.
const exceptionAucune = "(aucune exception invoquée)"

func newLogementsPanel(win fyne.Window, bg *sync.WaitGroup, act logementsActions) *logementsPanel {
	p := &logementsPanel{win: win, act: act, bg: bg, current: -1, propSel: -1}
	p.dossiers = newListe(
		func() int {
			if p.c == nil {
				return 0
			}
			return len(p.c.Logements)
		},
		func() fyne.CanvasObject {
			l1 := widget.NewLabelWithStyle("L000000 · Vitry-sur-Seine · QPV", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			l1.Truncation = fyne.TextTruncateEllipsis
			l2 := widget.NewLabel("3 candidats, 3 décisions")
			l2.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(l1, l2)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if p.c == nil || i >= len(p.c.Logements) {
				return
			}
			d := &p.c.Logements[i]
			objs := o.(*fyne.Container).Objects
			t := d.Logement
			if d.QPV {
				t += " · QPV"
			}
			objs[0].(*widget.Label).SetText(t)
			objs[1].(*widget.Label).SetText(dossierResume(d))
		})
	p.dossiers.OnSelected = func(i widget.ListItemID) { p.selectDossier(i) }
	p.vac = newListeRecherche(rechercheOptions[*app.LogementRow]{
		aide: "Référence, adresse, T3…",
		modele: func() fyne.CanvasObject {
			l1 := widget.NewLabelWithStyle("VIT0000-0000 · T3 · 68 m²", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			l1.Truncation = fyne.TextTruncateEllipsis
			l2 := widget.NewLabel("adresse")
			l2.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(l1, l2)
		},
		remplir: func(r *app.LogementRow, o fyne.CanvasObject) {
			objs := o.(*fyne.Container).Objects
			t := fmt.Sprintf("%s · %s · %s m²", r.Reference, model.TypologieLabel(r.Typologie), model.FormatNumber(r.Surface, 0))
			if r.QPV {
				t += " · QPV"
			}
			if r.PMR {
				t += " · PMR"
			}
			objs[0].(*widget.Label).SetText(t)
			l2 := fmt.Sprintf("%s · %s · %s", r.Adresse, r.Financement, r.Loyer)
			if p.act.attribue != nil {
				if a := p.act.attribue(r.Reference); a != "" {
					l2 = a + " · " + l2
				}
			}
			objs[1].(*widget.Label).SetText(l2)
		},
		chercher: p.vacantsLibres,
		attente: func() string {
			return "Logements vacants (" + p.vacCommune() + ") : index en construction, saisissez la référence"
		},
		compter: func(n int) string { return fmt.Sprintf("Logements vacants (%s) : %s", p.vacCommune(), nombreFR(n)) },
		cle:     func(r *app.LogementRow) string { return r.Reference },
		courant: func() string { return "" }, // a row is only chosen, nothing opens
		quitter: func(choisir, _ func()) { choisir() },
		ouvrir:  func(*app.LogementRow) {},
	})
	p.refEntry, p.vacList, p.vacHead = p.vac.search, p.vac.list, p.vac.count
	p.refEntry.OnSubmitted = func(string) { p.onAjouterLogement() }
	// Entrée on the row marked examines it, as Entrée in the search does
	// (essai-12b N3); a click only chooses.
	p.vacList.surEntree = func() { tapIfEnabled(p.addBtn) }
	p.addBtn = newBoutonIcone("Examiner ce logement", theme.ContentAddIcon(), p.onAjouterLogement)
	p.addErr = widget.NewLabel("")
	p.addErr.Importance = widget.DangerImportance
	p.addErr.Wrapping = fyne.TextWrapWord
	p.addErr.Hide()
	p.vacHead.SetText("Logements vacants")
	p.vacHead.Wrapping = fyne.TextWrapWord
	p.addBox = p.vac.panneau(container.NewVBox(p.vacHead, p.refEntry), container.NewVBox(p.addBtn, p.addErr))
	examines := container.NewBorder(bold("Logements examinés"), nil, nil, nil, p.dossiers)
	leftSplit := container.NewVSplit(examines, p.addBox)
	leftSplit.Offset = 0.35 // more room for the vacant dwellings to choose from (issue 12)
	left := leftSplit

	p.retirerL = newBoutonIcone("Retirer ce logement", theme.ContentRemoveIcon(), p.onRetirerLogement)
	p.titre = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.titre.Wrapping = fyne.TextWrapWord
	p.trois = widget.NewRichText()
	p.trois.Wrapping = fyne.TextWrapWord
	p.exception = newDeroulant(append([]string{exceptionAucune}, model.ExceptionsTroisCandidats...), p.onException)
	p.presentes = container.NewVBox()

	p.tous = newCase("Afficher les exclus", func(bool) { p.loadPropositions() })
	p.propStat = widget.NewLabel("")
	p.propStat.Wrapping = fyne.TextWrapWord
	p.props = newListe(
		func() int {
			if p.prop == nil {
				return 0
			}
			return len(p.prop.Candidats)
		},
		propLigne, // a table: rank, candidate, resources, rules, why (issue 12)
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if p.prop == nil || i >= len(p.prop.Candidats) {
				return
			}
			e := &p.prop.Candidats[i]
			setPropLigne(o, e, p.dossier(), func(s string) string { return p.aff(s, e.NUR, e.Nom) })
		})
	p.props.OnSelected = func(i widget.ListItemID) { p.propSel = i; p.showProposition() }
	p.detail = widget.NewRichText()
	p.detail.Wrapping = fyne.TextWrapWord
	p.propAdd = newBoutonIcone("Présenter", theme.ContentAddIcon(), p.onAjouterCandidat)
	p.propAdd.Disable()

	// « Présenter » under the table, for the row chosen: the detail pane
	// beside has no minimum width and the split gives the table the room
	// its columns need at 1366 × 768 (issue 12).
	propDetail := container.NewVScroll(p.detail)
	propSplit := container.NewHSplit(container.NewBorder(propEntete(), container.NewHBox(p.propAdd), nil, nil, p.props), propDetail)
	propSplit.Offset = 0.8 // the table first; the rules' explanations on demand beside
	bas := container.NewBorder(container.NewBorder(nil, nil, nil, p.tous, p.propStat), nil, nil, nil, propSplit)
	p.tabPres = container.NewTabItemWithIcon("Candidats présentés", theme.AccountIcon(), container.NewVScroll(p.presentes))
	p.tabProp = container.NewTabItemWithIcon("Candidats proposés par le programme", theme.ListIcon(), bas)
	p.tabs = container.NewAppTabs(p.tabPres, p.tabProp)
	p.exceptionBox = container.NewBorder(nil, nil, bold("Exception à la règle des trois :"), nil, p.exception)
	right := container.NewBorder(container.NewVBox(container.NewBorder(nil, nil, nil, container.NewVBox(p.retirerL), p.titre), p.trois, p.exceptionBox), nil, nil, nil, p.tabs)
	p.right = right
	p.empty = widget.NewLabel("Choisissez un logement examiné dans la liste, ou ajoutez-en un parmi les logements vacants (en bas à gauche).")
	p.rightBox = container.NewStack(p.empty)
	split := container.NewHSplit(left, p.rightBox)
	split.Offset = 0.2
	p.body = split
	return p
}

// dossierTitre is « L000123 · Arcueil · QPV ».
func dossierTitre(d *model.DossierLogement) string {
	s := d.Logement
	if d.Commune != "" {
		s += " · " + d.Commune
	}
	if d.QPV {
		s += " · QPV"
	}
	return s
}

// faitsLogement is the dwelling of d as the header shows it: a closed
// session's snapshot (the dwelling as the commission saw it), else the
// dwelling as read with the program's proposals; nil while they load.
func (p *logementsPanel) faitsLogement(d *model.DossierLogement) *model.Logement {
	if p.c != nil && p.c.Instantane != nil {
		if l := p.c.Instantane.Logement(d.Logement); l != nil {
			return l
		}
	}
	if p.prop != nil && p.prop.Logement.Reference == d.Logement {
		return &p.prop.Logement
	}
	return nil
}

// titreDossier is the dwelling's header: its reference and commune, then
// the facts the commission weighs first, on one line when the window
// allows (issue 12): type, size, financing, cost, place. Every display of
// the dwelling writes it whole, not only the first one (essai-12 F15).
func (p *logementsPanel) titreDossier(d *model.DossierLogement) string {
	s := "Logement " + dossierTitre(d)
	l := p.faitsLogement(d)
	if l == nil {
		return s
	}
	return fmt.Sprintf("%s · %s · %s m² · %s · %s par mois charges comprises · %s", s,
		model.TypologieLabel(l.Typologie), model.FormatNumber(l.Surface, 1), l.Financement, l.Quittance(), l.Adresse)
}

// dossierResume counts the candidates and decisions of a dwelling.
func dossierResume(d *model.DossierLogement) string {
	dec := 0
	for _, c := range d.Candidats {
		if c.Decision != nil {
			dec++
		}
	}
	s := fmt.Sprintf("%d cand., %d décision(s)", len(d.Candidats), dec)
	if len(d.Candidats) < 3 {
		s = "⚠ " + s
	}
	return s
}

// decisionResume is one line about a candidate's decision.
func decisionResume(d *model.Decision) string {
	if d == nil {
		return "Décision : à saisir"
	}
	s := "Décision : " + d.Type.Label()
	switch d.Type {
	case model.AttributionClassee:
		s += fmt.Sprintf(", rang %d", d.Rang)
	case model.ConditionSuspensive:
		s += fmt.Sprintf(" — %d pièce(s) à produire avant le %s", len(d.Pieces), d.DateLimite)
	case model.NonAttribution, model.Irrecevabilite:
		list := model.MotifsNonAttribution
		if d.Type == model.Irrecevabilite {
			list = model.MotifsIrrecevabilite
		}
		var ls []string
		for _, c := range d.Motifs {
			if m, ok := model.MotifByCode(list, c); ok {
				ls = append(ls, m.Libelle)
			}
		}
		if len(ls) > 0 {
			s += " — " + strings.Join(ls, " ; ")
		} else if d.Precisions != "" {
			s += " — " + d.Precisions
		}
	}
	return s
}

func propositionRaison(e *model.Eligibilite) string {
	if e.Exclu {
		return strings.Join(e.Motifs, " ")
	}
	return e.Raison + situationsCourtes(e.Situations)
}

// set shows the session's dwellings, keeping the one chosen.
func (p *logementsPanel) set(c *model.Commission, readOnly, decisionsRO bool) {
	prevRef := ""
	if d := p.dossier(); d != nil {
		prevRef = d.Logement
	}
	sameSession := p.c != nil && c != nil && p.c.ID == c.ID
	p.c, p.readOnly, p.decRO = c, readOnly, decisionsRO
	show(p.addBox, !readOnly)
	p.filterVacants()
	show(p.retirerL, !readOnly)
	p.addErr.Hide()
	p.dossiers.Refresh()
	idx := -1
	if sameSession {
		for i := range c.Logements {
			if c.Logements[i].Logement == prevRef {
				idx = i
			}
		}
	}
	if idx >= 0 {
		p.current = idx
		p.dossiers.Select(idx) // the row may have moved (a dwelling removed above)
		p.showDossier(false)
		return
	}
	p.current = -1
	p.dossiers.UnselectAll()
	p.prop = nil
	p.rightBox.Objects = []fyne.CanvasObject{p.empty}
	p.rightBox.Refresh()
	if len(c.Logements) > 0 {
		p.dossiers.Select(0)
	}
}

// dossier is the dwelling chosen, nil when none.
func (p *logementsPanel) dossier() *model.DossierLogement {
	if p.c == nil || p.current < 0 || p.current >= len(p.c.Logements) {
		return nil
	}
	return &p.c.Logements[p.current]
}

func (p *logementsPanel) selectDossier(i int) {
	if p.c == nil || i < 0 || i >= len(p.c.Logements) {
		return
	}
	changed := i != p.current
	p.current = i
	p.showDossier(changed)
}

// showDossier shows the dwelling chosen; reload recomputes the proposals.
func (p *logementsPanel) showDossier(reload bool) {
	d := p.dossier()
	if d == nil {
		return
	}
	p.rightBox.Objects = []fyne.CanvasObject{p.right}
	p.rightBox.Refresh()
	p.titre.SetText(p.titreDossier(d))
	v := model.TroisCandidats(d)
	st := occStyleHead
	if v.Flag() {
		st = occStyleAlerte
	}
	p.trois.Segments = []widget.RichTextSegment{para(v.Titre+" : "+v.Resultat.Label()+" — "+v.Explication, st), para("Seuil : "+v.Seuil+". Source : "+v.Source, occStyleSource)}
	p.trois.Refresh()
	show(p.exceptionBox, len(d.Candidats) < 3 || d.Exception != "")
	p.tabPres.Text = fmt.Sprintf("Candidats présentés (%d)", len(d.Candidats))
	p.tabs.Refresh()
	p.loadingEx = true
	if d.Exception == "" {
		p.exception.SetSelected(exceptionAucune)
	} else {
		p.exception.SetSelected(d.Exception)
	}
	p.loadingEx = false
	if p.readOnly {
		p.exception.Disable()
	} else {
		p.exception.Enable()
	}
	p.showPresentes()
	if reload || p.prop == nil {
		p.loadPropositions()
	} else {
		p.props.Refresh()
		p.showProposition()
	}
}

// showPresentes lists the candidates presented with their decisions.
func (p *logementsPanel) showPresentes() {
	d := p.dossier()
	p.presentes.Objects = nil
	if d == nil {
		p.presentes.Refresh()
		return
	}
	if len(d.Candidats) == 0 {
		p.presentes.Add(widget.NewLabel("Aucun candidat présenté : choisissez-en parmi les candidats proposés ci-dessous."))
	}
	var sits map[string][]string
	if p.act.situations != nil {
		sits = p.act.situations()
	}
	for _, c := range d.Candidats {
		c := c
		rang := "hors classement"
		if c.RangPropo > 0 {
			rang = fmt.Sprintf("rang proposé %d", c.RangPropo)
		}
		nom := ""
		if p.act.nom != nil {
			if n := p.act.nom(c.Menage); n != "" {
				nom = " · " + n
			}
		}
		l1 := widget.NewLabelWithStyle(p.aff(fmt.Sprintf("%s%s (%s)", c.NUR, nom, rang), c.NUR, ""), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l1.Truncation = fyne.TextTruncateEllipsis
		l2 := widget.NewLabel(decisionResume(c.Decision))
		l2.Truncation = fyne.TextTruncateEllipsis
		if c.Decision == nil {
			l2.Importance = widget.WarningImportance
		}
		label := "Décision…"
		if p.decRO {
			label = "Voir la décision"
		}
		icon := theme.DocumentCreateIcon()
		if p.decRO {
			icon = theme.VisibilityIcon()
		}
		dec := newBoutonIcone(label, icon, func() { p.openDecision(c.NUR) })
		var buttons fyne.CanvasObject = dec
		if !p.readOnly {
			ret := newBoutonIcone("Retirer", theme.ContentRemoveIcon(), func() { p.onRetirer(c.NUR) })
			buttons = container.NewHBox(dec, ret)
		}
		buttons = container.NewVBox(buttons)
		p.presentes.Add(container.NewBorder(nil, nil, nil, buttons, container.NewVBox(l1, l2, situationsParticulieres(sits[c.NUR]))))
	}
	p.presentes.Refresh()
}

// openDecision opens the decision form of candidate nur.
func (p *logementsPanel) openDecision(nur string) {
	d := p.dossier()
	if d == nil {
		return
	}
	c := d.Candidat(nur)
	if c == nil {
		return
	}
	ref := d.Logement
	nom := ""
	if p.act.nom != nil {
		nom = p.act.nom(c.Menage)
	}
	title := fmt.Sprintf("Décision — demande %s %s, logement %s", nur, nom, ref)
	ctx := "Proposition du programme : " + c.Raison + ". Les rangs sont des propositions : la décision est celle de la commission."
	if c.Raison == "" {
		ctx = ""
	}
	title, ctx = p.aff(title, nur, ""), p.aff(ctx, nur, "")
	var clear func() error
	if !p.readOnly && p.act.annuler != nil {
		clear = func() error { return p.act.annuler(ref, nur) }
	}
	var controle func(model.Decision) error
	if p.act.essayer != nil {
		controle = func(dec model.Decision) error { return p.act.essayer(ref, nur, dec) }
	}
	p.lastDecision = showDecisionDialog(p.win, title, ctx, c.Decision, p.c.Date, p.decRO, controle, func(dec model.Decision) error {
		return p.act.decider(ref, nur, dec)
	}, clear)
}

// filterVacants lists the vacant dwellings of the session's commune that
// match the text typed and are not examined yet.
func (p *logementsPanel) filterVacants() { p.vac.relancer() }

// vacantsLibres are the vacant dwellings of the session's commune matching
// the text typed, less those examined; pret is false while the search
// index is built (a reference typed is still accepted).
func (p *logementsPanel) vacantsLibres() (libres []*app.LogementRow, pret bool) {
	if p.c == nil || p.readOnly || p.act.vacants == nil {
		return nil, true // the list is hidden
	}
	rows := p.act.vacants(p.refEntry.Text, p.c.Commune)
	if rows == nil {
		return nil, false
	}
	for _, r := range rows {
		if p.c.Dossier(r.Reference) == nil {
			libres = append(libres, r)
		}
	}
	return libres, true
}

// vacCommune is the commune of the vacant dwellings offered.
func (p *logementsPanel) vacCommune() string {
	if p.c == nil || p.c.Commune == "" {
		return "toutes communes"
	}
	return p.c.Commune
}

func (p *logementsPanel) onAjouterLogement() {
	ref := strings.TrimSpace(p.refEntry.Text)
	if p.vac.selected >= 0 && p.vac.selected < len(p.vac.rows) {
		ref = p.vac.rows[p.vac.selected].Reference
	} else if len(p.vac.rows) == 1 {
		ref = p.vac.rows[0].Reference
	}
	if ref == "" {
		p.addErr.SetText("Choisissez un logement vacant dans la liste, ou tapez sa référence.")
		p.addErr.Show()
		return
	}
	if err := p.act.ajouter(ref); err != nil {
		p.addErr.SetText(model.ErrorMessage(err))
		p.addErr.Show()
		return
	}
	p.refEntry.SetText("")
	p.addErr.Hide()
	p.filterVacants()
	for i := range p.c.Logements {
		if p.c.Logements[i].Logement == ref {
			p.dossiers.Select(i)
		}
	}
}

// onRetirerLogement removes the dwelling chosen (and its candidates) from
// the session, after confirmation.
func (p *logementsPanel) onRetirerLogement() {
	d := p.dossier()
	if d == nil || p.readOnly {
		return
	}
	ref := d.Logement
	Confirmer(p.win, "Retirer le logement", fmt.Sprintf("Retirer le logement %s de la séance, avec ses %d candidat(s) et leurs décisions ?", ref, len(d.Candidats)), "Retirer", func() {
		if err := p.act.retirerL(ref); err != nil {
			Erreur(p.win, err)
		}
	})
}

func (p *logementsPanel) onException(s string) {
	d := p.dossier()
	if p.loadingEx || d == nil || p.readOnly {
		return
	}
	if s == exceptionAucune {
		s = ""
	}
	if s == d.Exception {
		return
	}
	if err := p.act.exception(d.Logement, s); err != nil {
		Erreur(p.win, err)
	}
}

func (p *logementsPanel) onRetirer(nur string) {
	d := p.dossier()
	if d == nil {
		return
	}
	ref := d.Logement
	Confirmer(p.win, "Retirer le candidat", fmt.Sprintf("Retirer la demande %s des candidats présentés pour le logement %s ?", nur, ref), "Retirer", func() {
		if err := p.act.retirer(ref, nur); err != nil {
			Erreur(p.win, err)
		}
	})
}

// loadPropositions computes the program's proposals in the background.
func (p *logementsPanel) loadPropositions() {
	d := p.dossier()
	if d == nil || p.act.candidats == nil {
		return
	}
	p.loadSeq++
	seq, ref, tous, at := p.loadSeq, d.Logement, p.tous.Checked, p.c.Date
	p.prop = nil
	p.propSel = -1
	p.props.UnselectAll()
	p.props.Refresh()
	p.showProposition()
	p.propStat.SetText("Recherche des candidats parmi les demandes actives…")
	// No log here: the panel is given none (a nil logger is skipped).
	enFond(p.bg, nil, "candidats proposés",
		func() (*app.ListeCandidats, error) { return p.act.candidats(ref, at, tous) },
		func(lc *app.ListeCandidats, err error) {
			if seq != p.loadSeq {
				return // another dwelling was chosen meanwhile
			}
			if err != nil {
				p.propStat.SetText(echec("Les candidats n'ont pas pu être calculés", err))
				return
			}
			p.prop = lc
			if cur := p.dossier(); cur != nil {
				p.titre.SetText(p.titreDossier(cur))
			}
			p.propStat.SetText(fmt.Sprintf("%s demande(s) examinée(s) : %s admise(s) et classée(s), %s exclue(s). Les rangs sont des propositions : la commission décide.",
				nombreFR(lc.Examinees), nombreFR(lc.Admis), nombreFR(lc.Exclus)))
			p.props.Refresh()
			p.showProposition()
		})
}

// proposition is the proposal chosen, nil when none.
func (p *logementsPanel) proposition() *model.Eligibilite {
	if p.prop == nil || p.propSel < 0 || p.propSel >= len(p.prop.Candidats) {
		return nil
	}
	return &p.prop.Candidats[p.propSel]
}

// showProposition writes every rule verdict of the proposal chosen.
func (p *logementsPanel) showProposition() {
	e := p.proposition()
	if e == nil {
		p.detail.Segments = []widget.RichTextSegment{para("Choisissez un candidat proposé pour voir chaque règle appliquée, avec son explication et sa source.", occStyleText)}
		p.detail.Refresh()
		p.propAdd.Disable()
		return
	}
	segs := []widget.RichTextSegment{
		para(p.aff(fmt.Sprintf("Demande %s — %s", e.NUR, e.Nom), e.NUR, e.Nom), occStyleHead), // body size: the number whole in the narrow pane,
		para(fmt.Sprintf("Ménage %s · demande déposée le %s (%d mois d'ancienneté) · %s", e.Menage, e.DateDepot, e.AncienneteMois, e.NiveauLibelle), occStyleText),
	}
	if e.Exclu {
		segs = append(segs, para(p.aff("Exclu par la politique d'attribution : "+strings.Join(e.Motifs, " "), e.NUR, e.Nom), occStyleAlerte))
	} else {
		segs = append(segs, para(p.aff("Proposition : "+e.Raison, e.NUR, e.Nom), occStyleHead))
		for _, m := range e.Motifs {
			segs = append(segs, para(p.aff(m, e.NUR, e.Nom), occStyleManque))
		}
	}
	for _, l := range e.Situations {
		segs = append(segs, para("Situation particulière : "+l, occStyleHead))
	}
	segs = append(segs, fragiliteSegments(p.act.fragilite, p.prop, e.Menage, p.c.Date)...)
	for _, v := range e.Verdicts() {
		segs = append(segs, verdictSegments(p.affVerdict(v, e.Nom))...)
	}
	p.detail.Segments = segs
	p.detail.Refresh()
	d := p.dossier()
	if p.readOnly || d == nil || d.Candidat(e.NUR) != nil {
		p.propAdd.Disable()
	} else {
		p.propAdd.Enable()
	}
}

func (p *logementsPanel) onAjouterCandidat() {
	e, d := p.proposition(), p.dossier()
	if e == nil || d == nil {
		return
	}
	add := func() {
		if err := p.act.ajouterC(d.Logement, *e); err != nil {
			Erreur(p.win, err)
		}
	}
	if e.Exclu {
		Confirmer(p.win, "Présenter un candidat exclu", "La politique d'attribution exclut ce candidat ("+strings.Join(e.Motifs, " ")+"). Le présenter quand même à la commission, hors classement ?", "Présenter", add)
		return
	}
	add()
}
