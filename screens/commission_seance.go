package screens

import (
	"fmt"
	"io"
	"log/slog"
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

// seanceEditor is the editor of one session: its header, then tabs for the
// members and quorum, the dwellings and their candidates, the occupancy
// examination, the yearly objectives and the documents. A closed session
// is read-only; « Amender… » asks for a reason, then each change is
// recorded as an amendment with that reason.
type seanceEditor struct {
	s     *Commissions
	shell coque
	a     seanceApp
	h     *app.Seance // the session shown: every change goes through it
	c     *model.Commission

	attribues map[string]string // dwellings closed sessions allocated (app.AttribuesEnSeance)

	titre      *widget.Label
	infos      *widget.Label
	problemes  *widget.Label
	probItem   *widget.AccordionItem
	probAcc    *widget.Accordion
	clotureBtn *bouton
	amendBtn   *bouton
	finAmend   *bouton
	suppBtn    *bouton
	enteteBtn  *bouton
	amendLbl   *widget.Label
	amendRoom  fyne.CanvasObject // amendLbl's fixed room (closed sessions)

	membres    *membresPanel
	logements  *logementsPanel
	occupation *occupationPanel
	objectifs  *objectifsPanel
	documents  *documentsPanel
	tabs       *container.AppTabs
	tabLog     *container.TabItem
	tabOcc     *container.TabItem
	suites     *suitePanel        // « Suite des offres » (commission_suite.go)
	infos13    *informationsPanel // « Informations (§1.3) » (commission_informations.go)

	presentation   bool         // « Mode présentation » (commission_presentation.go)
	presCheck      *caseACocher // its switch
	dernierDossier string       // the members' file last written (tests)

	lastAmend *Champ        // the reason field last opened (tests)
	entete    *creationForm // the header form last opened (tests)
	body      fyne.CanvasObject
}

// seanceApp is what the session editor calls of the app (*app.App
// satisfies it): the session handle for every change, and what it reads.
type seanceApp interface {
	informationsApp
	Seance(id string) *app.Seance
	AttribuesEnSeance() (map[string]string, error)
	Today() model.Date
	Compte() model.Compte
	Peut(action model.Action) error
	NomMenage(id string) (string, error)
	Candidats(ref string, at model.Date, tous bool) (*app.ListeCandidats, error)
	FragiliteCandidat(ref, menage string, at model.Date) (app.EffetCandidat, error)
	Catalogue() *app.Catalogue
	ObjectifsSession(id string) (*app.EffetObjectifs, error)
	PV(id string, w io.Writer) error
	CourriersRapport(id string, dir string, opt app.OptionsCourriers, progress app.Progress) (app.RapportCourriers, error)
	EcrireDossierSeance(id, membre, dir string) (string, error)
	SaisirSuite(id, ref, nur string, s model.SuiteOffre) (*app.ResultatSuite, error)
	CourrierOffreSuivante(id, ref, nur, dir string, opt app.OptionsCourriers) (*app.OffreSuivante, error)
	DossierDocumentsSeances() string
}

var _ seanceApp = (*app.App)(nil)

func newSeanceEditor(s *Commissions, shell coque, a seanceApp) *seanceEditor {
	e := &seanceEditor{s: s, shell: shell, a: a}
	win := shell.fenetre()
	e.titre = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.infos = widget.NewLabel("")
	e.infos.Wrapping = fyne.TextWrapWord
	e.problemes = widget.NewLabel("")
	e.problemes.Wrapping = fyne.TextWrapWord
	e.probItem = widget.NewAccordionItem("", e.problemes)
	e.probAcc = widget.NewAccordion(e.probItem)
	e.amendLbl = widget.NewLabel("")
	e.amendLbl.Wrapping = fyne.TextWrapWord
	e.amendRoom = fixedLines(e.amendLbl, 2)
	e.amendRoom.Hide()
	e.clotureBtn = newBoutonIcone("Clôturer la séance", theme.ConfirmIcon(), e.onCloturer)
	e.clotureBtn.Importance = widget.HighImportance
	e.amendBtn = newBoutonIcone("Amender…", theme.DocumentCreateIcon(), e.onAmender)
	e.finAmend = newBoutonIcone("Terminer l'amendement", theme.CancelIcon(), e.onFinAmendement)
	e.suppBtn = newBoutonIcone("Supprimer la séance", theme.DeleteIcon(), e.onSupprimer)
	e.enteteBtn = newBoutonIcone("Modifier l'en-tête…", theme.SettingsIcon(), e.onEntete)

	// Every change goes through the session's handle: direct in
	// preparation, an amendment with its reason once closed (app.Seance).
	e.membres = newMembresPanel(win, func(ms []model.Membre) error {
		return e.ecrit(e.h.Membres(ms))("Membres et présences enregistrés")
	})
	e.membres.previous = func() app.MembresRepris {
		if e.h == nil {
			return app.MembresRepris{}
		}
		ms, err := e.h.MembresPrecedents()
		if err != nil {
			shell.journal().Error("membres précédents", "err", err)
			return app.MembresRepris{}
		}
		return ms
	}
	e.logements = newLogementsPanel(win, &s.bg, logementsActions{
		candidats: a.Candidats,
		fragilite: a.FragiliteCandidat,
		ajouter: func(ref string) error {
			// The dwelling comes with the first three candidates the program
			// ranks, as a proposal: the agent removes or adds candidates.
			return e.ecrit(e.h.AjouterLogement(ref, nil, ""))("Logement " + ref + " ajouté à la séance")
		},
		ajouterC: func(ref string, el model.Eligibilite) error {
			return e.ecrit(e.h.AjouterCandidat(ref, el.NUR))("Candidat ajouté au logement " + ref)
		},
		annuler: func(ref, nur string) error {
			return e.ecrit(e.h.AnnulerDecision(ref, nur))("Décision retirée, logement " + ref)
		},
		retirerL: func(ref string) error {
			return e.ecrit(e.h.RetirerLogement(ref))("Logement " + ref + " retiré de la séance")
		},
		retirer: func(ref, nur string) error {
			return e.ecrit(e.h.RetirerCandidat(ref, nur))("Candidat retiré du logement " + ref)
		},
		exception: func(ref, ex string) error {
			return e.ecrit(e.h.Exception(ref, ex))("Exception à la règle des trois candidats enregistrée, logement " + ref)
		},
		essayer: func(ref, nur string, d model.Decision) error {
			if e.h == nil {
				return nil
			}
			return e.h.EssayerDecision(ref, nur, d)
		},
		decider: func(ref, nur string, d model.Decision) error {
			return e.ecrit(e.h.Decider(ref, nur, d))("Décision enregistrée, logement " + ref)
		},
		nom:          e.nomAffiche,
		presentation: e.enPresentation,
		situations: func() map[string][]string {
			m, _ := a.SituationsSeance(e.id())
			if e.enPresentation() { // headings only: no free text nor name on the screen
				for k, ls := range m {
					for i := range ls {
						m[k][i] = model.SituationPresentation(ls[i])
					}
				}
			}
			return m
		},
		attribue: func(ref string) string { return e.attribues[ref] },
		vacants: func(texte, commune string) []*app.LogementRow {
			cat := a.Catalogue()
			if !cat.Ready() {
				return nil
			}
			rows := cat.SearchLogements(app.LogementFiltre{Texte: texte, Commune: commune, Etat: model.Vacant})
			if rows == nil {
				rows = []*app.LogementRow{}
			}
			return rows
		},
	})
	e.occupation = newOccupationPanel(e.nomAffiche,
		func() error {
			added, c, err := e.h.AjouterOccupation(nil)
			if err == nil && len(added) == 0 {
				e.show(c)
				return model.Errorf(model.EINVALID, "Aucun nouveau ménage marqué « à présenter » n'est logé dans la commune de la séance.")
			}
			return e.ecrit(c, err)(fmt.Sprintf("%d ménage(s) ajouté(s) à l'examen de l'occupation", len(added)))
		},
		func(menage, constat, adapte string) error {
			return e.ecrit(e.h.Constater(menage, constat, adapte))("Constat enregistré, ménage " + menage)
		})
	e.occupation.win = win
	e.occupation.onRetirer = func(menage string) error {
		return e.ecrit(e.h.RetirerOccupation(menage))("Ménage " + menage + " retiré de l'examen de l'occupation")
	}
	e.objectifs = newObjectifsPanel()
	e.documents = newDocumentsPanel(win, a.DossierDocumentsSeances(), &s.bg, app.OuvrirFichier, app.ImprimerFichier)

	e.infos13 = newInformationsPanel(shell, a)
	e.infos13.masque = e.enPresentation
	e.tabLog = container.NewTabItem("Logements", e.logements.body)
	e.tabOcc = container.NewTabItem("Occupation", e.occupation.body)
	// Text only: with icons the seventh tab went behind « ⋯ » at 1366 px.
	e.tabs = container.NewAppTabs(
		container.NewTabItem("Membres et quorum", e.membres.body),
		e.tabLog, e.tabOcc,
		container.NewTabItem("Objectifs", e.objectifs.body),
		container.NewTabItem("Documents", container.NewVScroll(e.documents.body)),
		container.NewTabItem("Suite des offres", e.newSuites()),
		container.NewTabItem(ongletInformations, e.infos13.body),
	)
	e.tabs.OnSelected = func(t *container.TabItem) {
		if t.Text == "Objectifs" {
			e.loadObjectifs()
		}
		if t.Text == ongletInformations {
			e.infos13.load()
		}
	}
	head := container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(e.enteteBtn, e.suppBtn, e.amendBtn, e.finAmend, e.clotureBtn), e.titre),
		container.NewBorder(nil, nil, nil, container.NewHBox(e.presentationToggle(), e.dossierButton()), e.infos), e.amendRoom, e.probAcc)
	e.body = container.NewBorder(head, nil, nil, nil, e.tabs)
	return e
}

// dirtyForm is a form of the session with unsaved changes, nil when none.
func (e *seanceEditor) dirtyForm() *Form {
	if e.c == nil {
		return nil
	}
	if e.membres.form.Dirty() {
		return e.membres.form
	}
	for _, c := range e.occupation.cards {
		if c.form.Dirty() {
			return c.form
		}
	}
	return nil
}

// id is the session shown ("" when none).
func (e *seanceEditor) id() string {
	if e.c == nil {
		return ""
	}
	return e.c.ID
}

// nom is the name of a household's head ("" when unknown).
func (e *seanceEditor) nom(menage string) string {
	n, err := e.a.NomMenage(menage)
	if err != nil {
		return ""
	}
	return n
}

// load reads session id and shows it; another session than the one shown
// gets its own handle (no amendment in progress).
func (e *seanceEditor) load(id string) {
	if e.h == nil || e.h.ID() != id {
		e.h = e.a.Seance(id)
	}
	c, err := e.h.Lire()
	if err != nil {
		e.shell.journal().Error("commission", "err", err)
		Erreur(e.shell.fenetre(), err)
		return
	}
	e.show(c)
}

// ecrit takes the result of a change made through the handle: on success
// it shows the session as stored and confirms msg in the status line
// (« Amendement enregistré : … » during an amendment); err is returned
// unchanged for the panel to say.
func (e *seanceEditor) ecrit(c *model.Commission, err error) func(msg string) error {
	return func(msg string) error {
		if err != nil {
			return err
		}
		e.show(c)
		if e.motif() != "" {
			msg = "Amendement enregistré : " + minuscule(msg)
		}
		e.shell.confirmer(msg + " (séance " + c.ID + ")")
		return nil
	}
}

// minuscule lowers the first letter.
func minuscule(s string) string {
	for i, r := range s {
		return strings.ToLower(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// motif is the reason of the amendment in progress ("" when none).
func (e *seanceEditor) motif() string {
	if e.h == nil {
		return ""
	}
	return e.h.Motif()
}

// readOnly: a closed session outside an amendment.
func (e *seanceEditor) readOnly() bool {
	return e.c != nil && e.c.Statut == model.Close && e.motif() == ""
}

// show fills every part with session c.
func (e *seanceEditor) show(c *model.Commission) {
	first := e.c == nil || e.c.ID != c.ID
	e.c = c
	if att, err := e.a.AttribuesEnSeance(); err == nil {
		e.attribues = att // the vacant dwellings' « attribué en séance du … »
	} else {
		e.shell.journal().Error("attribués en séance", "err", err)
	}
	ro := e.readOnly()
	e.titre.SetText(fmt.Sprintf("Séance %s du %s", c.ID, c.Date))
	infos := fmt.Sprintf("%s — commune : %s — lieu : %s — statut : %s", majuscule(c.Type.Label()), nonVide(c.Commune), nonVide(c.Lieu), c.Statut.Label())
	if c.Statut == model.Close && !c.Cloture.IsZero() {
		infos += " le " + model.DateOf(c.Cloture).String() + " : la séance est figée ; une correction passe par « Amender… » avec son motif"
	}
	e.infos.SetText(infos)
	prep := c.Statut != model.Close
	show(e.clotureBtn, prep)
	show(e.suppBtn, prep)
	show(e.enteteBtn, prep)
	show(e.amendBtn, !prep && e.motif() == "")
	show(e.finAmend, !prep && e.motif() != "")
	// A closed session's amendments, or the one in progress, in a room of
	// its own: the header keeps its height as amendments come (essai-12b N7).
	e.amendLbl.SetText(amendementsTexte(c, e.motif()))
	if e.motif() != "" {
		e.amendLbl.Importance = widget.WarningImportance
	} else {
		e.amendLbl.Importance = widget.MediumImportance
	}
	e.amendLbl.Refresh()
	show(e.amendRoom, !prep)
	if prep {
		if p := e.problemesCloture(); len(p) > 0 {
			e.probItem.Title = fmt.Sprintf("Avant la clôture : %d point(s) à régler", len(p))
			e.problemes.SetText("• " + strings.Join(p, "\n• "))
		} else {
			e.probItem.Title = "La séance peut être close : décisions saisies et cohérentes, quorum atteint"
			e.problemes.SetText("Rien ne s'oppose à la clôture.")
		}
		if first {
			e.probAcc.CloseAll() // each session opens folded (essai-12 F23)
		}
		e.probAcc.Refresh()
		e.probAcc.Show()
	} else {
		e.probAcc.Hide()
	}

	// Members being typed survive the reload that follows another save.
	if first || ro || !e.membres.form.Dirty() {
		e.membres.commune = c.Commune
		e.membres.set(c.Membres, ro)
	}
	// During an amendment, the candidates and dwellings stay as they were:
	// only decisions, findings and members change.
	e.logements.set(c, ro || e.motif() != "", ro)
	e.occupation.set(c.Occupation, ro || e.motif() != "", ro)
	e.suites.set(c)
	e.infos13.set(c)
	if sel := e.tabs.Selected(); sel != nil && sel.Text == ongletInformations {
		e.infos13.load()
	}
	switch c.Type {
	case model.CommissionAttribution:
		e.tabLog.Content = e.logements.body
		e.tabOcc.Content = widget.NewLabel("Cette séance n'examine pas l'occupation des logements.")
	case model.CommissionOccupation:
		e.tabLog.Content = widget.NewLabel("Cette séance est un examen de l'occupation : elle n'attribue pas de logement.")
		e.tabOcc.Content = e.occupation.body
	default:
		e.tabLog.Content = e.logements.body
		e.tabOcc.Content = e.occupation.body
	}
	e.tabs.Refresh()
	if first || e.documents.brouillon.Visible() != prep {
		id := c.ID
		e.documents.setProducers(id,
			func(dir string, progress func(int, int)) (string, string, error) {
				path := filepath.Join(dir, id+"_proces-verbal.pdf")
				if err := writePV(e.a, e.shell.journal(), id, path); err != nil {
					return "", "", err
				}
				progress(1, 1)
				e.confirmerFond(fmt.Sprintf("Procès-verbal de la séance %s enregistré dans « %s »", id, dir))
				return path, "procès-verbal « " + filepath.Base(path) + " » écrit", nil
			},
			func(dir string, opt app.OptionsCourriers, progress func(int, int)) (string, string, error) {
				r, err := e.a.CourriersRapport(id, dir, opt, app.Progress(progress))
				if err == nil && len(r.Fichiers) == 0 {
					err = model.Errorf(model.EINVALID, "Aucun courrier n'a été écrit.")
				}
				if err != nil {
					return "", "", err
				}
				msg := fmt.Sprintf("%d courrier(s) écrit(s), un fichier par lettre, et « %s » qui les réunit pour l'impression", len(r.Fichiers)-1, filepath.Base(r.Fichiers[0]))
				if len(r.Ecartes) > 0 {
					msg += fmt.Sprintf("\n%d courrier(s) NON écrit(s) : %s", len(r.Ecartes), strings.Join(r.Ecartes, " "))
				}
				for _, a := range r.Avertissements {
					msg += "\nAttention : " + a
				}
				e.confirmerFond(fmt.Sprintf("%d courrier(s) enregistré(s) dans « %s » (séance %s)", len(r.Fichiers)-1, dir, id))
				return r.Fichiers[0], msg, nil
			}, prep, c.Date, e.a.Today())
	}
	e.loadObjectifs()
	e.s.sessionChanged(c)
}

// amendementsTexte is the header's line on a closed session's amendments:
// the one in progress (motif), else the number and the last one.
func amendementsTexte(c *model.Commission, motif string) string {
	if motif != "" {
		return "Amendement en cours — motif : « " + motif + " ». Chaque modification enregistrée est inscrite au journal avec ce motif."
	}
	n := len(c.Amendements)
	if n == 0 {
		return "Aucun amendement."
	}
	last := c.Amendements[n-1]
	if n == 1 {
		return fmt.Sprintf("1 amendement, le %s : %s", model.DateOf(last.Quand), last.Motif)
	}
	return fmt.Sprintf("%d amendements, le dernier le %s : %s", n, model.DateOf(last.Quand), last.Motif)
}

// majuscule capitalises the first letter.
func majuscule(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

func nonVide(s string) string {
	if strings.TrimSpace(s) == "" {
		return "non indiquée"
	}
	return s
}

// writePV writes the minutes of session id to path through a temporary
// file, so a failure never leaves half a PDF; the file is readable by its
// owner only (app.EcrireFichier: the minutes name people).
func writePV(a interface{ PV(string, io.Writer) error }, log *slog.Logger, id, path string) error {
	err := app.EcrireFichier(path, func(w io.Writer) error { return a.PV(id, w) })
	if err != nil {
		log.Error("procès-verbal", "err", err)
	}
	return err
}

// problemesCloture is what still prevents closing the session: its date
// not reached yet, then the model's checks.
func (e *seanceEditor) problemesCloture() []string {
	var out []string
	if today := e.a.Today(); e.c.Date > today {
		out = append(out, fmt.Sprintf("La séance du %s n'a pas encore eu lieu : elle ne pourra être close qu'à partir de sa date.", e.c.Date))
	}
	return append(out, e.c.ProblemesCloture()...)
}

// loadObjectifs computes the session's effect on the year's objectives.
func (e *seanceEditor) loadObjectifs() {
	if e.c == nil {
		return
	}
	eff, err := e.a.ObjectifsSession(e.c.ID)
	if err != nil {
		e.objectifs.set(e.c.Annee(), nil, nil, err)
		return
	}
	e.objectifs.set(eff.Annee, eff.Session, eff.Apres, nil)
}

// onCloturer closes the session after a French confirmation.
func (e *seanceEditor) onCloturer() {
	if e.c == nil {
		return
	}
	if p := e.problemesCloture(); len(p) > 0 {
		Erreur(e.shell.fenetre(), model.Errorf(model.EINVALID, "La séance ne peut pas encore être close : %s", strings.Join(p, " ")))
		return
	}
	id := e.c.ID
	Confirmer(e.shell.fenetre(), "Clôturer la séance",
		fmt.Sprintf("Clôturer la séance %s du %s ? Elle sera figée : toute correction ultérieure passera par un amendement motivé, inscrit au journal.", id, e.c.Date),
		"Clôturer", func() { e.cloturer() })
}

func (e *seanceEditor) cloturer() {
	c, err := e.h.Cloturer()
	if err != nil {
		Erreur(e.shell.fenetre(), err)
		return
	}
	e.show(c)
	e.s.reload(e.id()) // the list's status and counts change
	e.shell.confirmer("Séance " + e.id() + " close")
}

// onAmender asks for the reason of the amendment (required), then makes
// the decisions, findings and members editable.
func (e *seanceEditor) onAmender() {
	if e.c == nil || e.c.Statut != model.Close {
		return
	}
	motif := NewChamp("Motif de l'amendement", true)
	motif.Entry.MultiLine = true
	motif.Entry.Wrapping = fyne.TextWrapWord
	motif.Entry.SetMinRowsVisible(3)
	motif.Entry.SetPlaceHolder("Pourquoi la séance close est-elle corrigée ?")
	f := NewForm(nil)
	f.Save.SetText("Commencer l'amendement")
	f.Save.SetIcon(theme.DocumentCreateIcon())
	f.Add(motif)
	f.Extra = func() []string {
		if t := motif.Text(); t != "" && len([]rune(t)) < 10 {
			return []string{"Motif de l'amendement : écrivez au moins une courte phrase."}
		}
		return nil
	}
	intro := widget.NewLabel("La séance est close. Une correction est un amendement : son motif et ce qui change sont inscrits dans la séance et au journal.")
	intro.Wrapping = fyne.TextWrapWord
	var dlg *dialog.CustomDialog
	f.Save.OnTapped = func() {
		if !f.Valid() {
			f.Check()
			return
		}
		if err := e.h.Amender(motif.Text()); err != nil {
			f.Summary.SetText(model.ErrorMessage(err))
			f.Summary.Show()
			return
		}
		dlg.Hide()
		e.show(e.c)
		e.shell.confirmer("Amendement de la séance " + e.c.ID + " commencé")
	}
	f.Clean()
	dlg = dialog.NewCustomWithoutButtons("Amender la séance "+e.c.ID,
		container.NewGridWrap(fyne.NewSize(560, 220), container.NewVBox(intro, motif.Object(), f.Summary)), e.shell.fenetre())
	dlg.SetButtons([]fyne.CanvasObject{newBouton("Annuler", func() { dlg.Hide() }), f.Save})
	showDialog(dlg)
	e.shell.fenetre().Canvas().Focus(motif.Entry)
	e.lastAmend = motif
}

func (e *seanceEditor) onFinAmendement() {
	fin := func() {
		if e.h == nil {
			return
		}
		e.h.TerminerAmendement()
		if e.c != nil {
			e.show(e.c)
			e.shell.confirmer(fmt.Sprintf("Amendement de la séance %s terminé — %d amendement(s) inscrit(s)", e.c.ID, len(e.c.Amendements)))
		}
	}
	if f := e.dirtyForm(); f != nil {
		f.ConfirmLeaveOr(e.shell.fenetre(), saveForm(f), fin, func() {})
		return
	}
	fin()
}

// onEntete changes the date, place, commune or kind of a session in
// preparation.
func (e *seanceEditor) onEntete() {
	if e.c == nil || e.c.Statut == model.Close {
		return
	}
	id := e.c.ID
	e.entete = showCreationDialog(e.shell.fenetre(), e.a.Today(), nil, e.c, func(d model.Date, lieu, commune string, t model.TypeCommission) error {
		c, err := e.h.Entete(d, lieu, commune, t)
		if err != nil {
			return err
		}
		e.show(c)
		e.s.reload(id) // the list shows the new date and commune
		e.shell.confirmer("En-tête de la séance " + id + " enregistré")
		return nil
	})
}

// onSupprimer deletes a session in preparation after confirmation.
func (e *seanceEditor) onSupprimer() {
	if e.c == nil || e.c.Statut == model.Close {
		return
	}
	id := e.c.ID
	Confirmer(e.shell.fenetre(), "Supprimer la séance", fmt.Sprintf("Supprimer la séance %s du %s, ses membres, ses logements et ses décisions ?", id, e.c.Date), "Supprimer", func() {
		if err := e.h.Supprimer(); err != nil {
			Erreur(e.shell.fenetre(), err)
			return
		}
		e.c = nil
		e.s.reload("")
		e.shell.confirmer("Séance " + id + " supprimée")
	})
}

// confirmerFond confirms msg from a background job (documents written).
func (e *seanceEditor) confirmerFond(msg string) {
	fyne.Do(func() { e.shell.confirmer(msg) })
}
