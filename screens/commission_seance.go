package screens

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

// seanceEditor is the editor of one session: its header, then tabs for the
// members and quorum, the dwellings and their candidates, the occupancy
// examination, the yearly objectives and the documents. A closed session
// is read-only; « Amender… » asks for a reason, then each change is
// recorded as an amendment with that reason.
type seanceEditor struct {
	s *Commissions
	c *model.Commission

	titre      *widget.Label
	infos      *widget.Label
	problemes  *widget.Label
	probItem   *widget.AccordionItem
	probAcc    *widget.Accordion
	clotureBtn *widget.Button
	amendBtn   *widget.Button
	finAmend   *widget.Button
	suppBtn    *widget.Button
	enteteBtn  *widget.Button
	amendLbl   *widget.Label

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

	presentation   bool          // « Mode présentation » (commission_presentation.go)
	presCheck      *widget.Check // its switch
	dernierDossier string        // the members' file last written (tests)

	amendMotif string        // the reason of the amendment in progress, "" when none
	lastAmend  *Champ        // the reason field last opened (tests)
	entete     *creationForm // the header form last opened (tests)
	body       fyne.CanvasObject
}

func newSeanceEditor(s *Commissions) *seanceEditor {
	e := &seanceEditor{s: s}
	a := s.main.app
	win := s.main.win
	e.titre = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.infos = widget.NewLabel("")
	e.infos.Wrapping = fyne.TextWrapWord
	e.problemes = widget.NewLabel("")
	e.problemes.Wrapping = fyne.TextWrapWord
	e.probItem = widget.NewAccordionItem("", e.problemes)
	e.probAcc = widget.NewAccordion(e.probItem)
	e.amendLbl = widget.NewLabel("")
	e.amendLbl.Wrapping = fyne.TextWrapWord
	e.amendLbl.Importance = widget.WarningImportance
	e.amendLbl.Hide()
	e.clotureBtn = widget.NewButtonWithIcon("Clôturer la séance", theme.ConfirmIcon(), e.onCloturer)
	e.clotureBtn.Importance = widget.HighImportance
	e.amendBtn = widget.NewButtonWithIcon("Amender…", theme.DocumentCreateIcon(), e.onAmender)
	e.finAmend = widget.NewButtonWithIcon("Terminer l'amendement", theme.CancelIcon(), e.onFinAmendement)
	e.suppBtn = widget.NewButtonWithIcon("Supprimer la séance", theme.DeleteIcon(), e.onSupprimer)
	e.enteteBtn = widget.NewButtonWithIcon("Modifier l'en-tête…", theme.SettingsIcon(), e.onEntete)

	e.membres = newMembresPanel(win, func(ms []model.Membre) error {
		if e.amendMotif != "" {
			return e.amender(app.ChangerMembres(ms))
		}
		_, err := a.SetMembres(e.id(), ms)
		return e.after(err)
	})
	e.membres.previous = func() []model.Membre {
		all, err := a.Commissions()
		if err != nil || e.c == nil {
			return nil
		}
		// The most recent other session with members, by date.
		var best *model.Commission
		for _, before := range []bool{true, false} {
			for i := range all {
				o := &all[i]
				if o.ID != e.c.ID && len(o.Membres) > 0 && (!before || o.Date <= e.c.Date) && (best == nil || o.Date > best.Date) {
					best = o
				}
			}
			if best != nil {
				break
			}
		}
		if best == nil {
			return nil
		}
		return best.Membres
	}
	e.logements = newLogementsPanel(win, &s.bg, logementsActions{
		candidats: a.Candidats,
		fragilite: a.FragiliteCandidat,
		ajouter: func(ref string) error {
			// The dwelling comes with the first three candidates the program
			// ranks, as a proposal: the agent removes or adds candidates.
			_, err := a.AjouterLogement(e.id(), ref, nil, "")
			return e.after(err)
		},
		ajouterC: func(ref string, el model.Eligibilite) error {
			_, err := a.AjouterCandidat(e.id(), ref, el.NUR)
			return e.after(err)
		},
		annuler: func(ref, nur string) error {
			_, err := a.AnnulerDecision(e.id(), ref, nur)
			return e.after(err)
		},
		retirerL: func(ref string) error {
			return e.after(a.RetirerLogement(e.id(), ref))
		},
		retirer: func(ref, nur string) error {
			_, err := a.RetirerCandidat(e.id(), ref, nur)
			return e.after(err)
		},
		exception: func(ref, ex string) error {
			_, err := a.SetException(e.id(), ref, ex)
			return e.after(err)
		},
		decider: func(ref, nur string, d model.Decision) error {
			if e.amendMotif != "" {
				return e.amender(app.ChangerDecision(ref, nur, d))
			}
			_, err := a.Decider(e.id(), ref, nur, d)
			return e.after(err)
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
		attribue: func(ref string) string {
			for i := len(s.all) - 1; i >= 0; i-- {
				o := &s.all[i]
				if o.Statut != model.Close {
					continue
				}
				if d := o.Dossier(ref); d != nil && d.Beneficiaire() != nil {
					return "attribué en séance du " + o.Date.String()
				}
			}
			return ""
		},
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
			added, err := a.AjouterOccupation(e.id(), nil)
			if err == nil && len(added) == 0 {
				err = model.Errorf(model.EINVALID, "Aucun nouveau ménage marqué « à présenter » n'est logé dans la commune de la séance.")
				e.after(nil)
				return err
			}
			return e.after(err)
		},
		func(menage, constat, adapte string) error {
			if e.amendMotif != "" {
				return e.amender(app.ChangerConstat(menage, constat, adapte))
			}
			_, err := a.ConstaterOccupation(e.id(), menage, constat, adapte)
			return e.after(err)
		})
	e.occupation.win = win
	e.occupation.onRetirer = func(menage string) error { return e.after(a.RetirerOccupation(e.id(), menage)) }
	e.objectifs = newObjectifsPanel()
	e.documents = newDocumentsPanel(win, filepath.Join(filepath.Dir(a.DB.Path()), "Courriers"), &s.bg, app.OuvrirFichier, app.ImprimerFichier)

	e.infos13 = newInformationsPanel(win, a)
	e.infos13.masque = e.enPresentation
	e.tabLog = container.NewTabItemWithIcon("Logements", theme.HomeIcon(), e.logements.body)
	e.tabOcc = container.NewTabItemWithIcon("Occupation", theme.SearchIcon(), e.occupation.body)
	e.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Membres et quorum", theme.AccountIcon(), e.membres.body),
		e.tabLog, e.tabOcc,
		container.NewTabItemWithIcon("Objectifs", theme.InfoIcon(), e.objectifs.body),
		container.NewTabItemWithIcon("Documents", theme.DocumentPrintIcon(), container.NewVScroll(e.documents.body)),
		container.NewTabItemWithIcon("Suite des offres", theme.MailReplyIcon(), e.newSuites()),
		container.NewTabItemWithIcon(ongletInformations, theme.InfoIcon(), e.infos13.body),
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
		container.NewBorder(nil, nil, nil, container.NewHBox(e.presentationToggle(), e.dossierButton()), e.infos), e.amendLbl, e.probAcc)
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
	n, err := e.s.main.app.NomMenage(menage)
	if err != nil {
		return ""
	}
	return n
}

// load reads session id and shows it.
func (e *seanceEditor) load(id string) {
	if e.id() != id {
		e.amendMotif = ""
	}
	c, err := e.s.main.app.Commission(id)
	if err != nil {
		e.s.main.app.Log.Error("commission", "err", err)
		Erreur(e.s.main.win, err)
		return
	}
	e.show(c)
}

// after reloads the session after a change; err is returned unchanged.
func (e *seanceEditor) after(err error) error {
	if err != nil {
		return err
	}
	e.load(e.id())
	return nil
}

// readOnly: a closed session outside an amendment.
func (e *seanceEditor) readOnly() bool {
	return e.c != nil && e.c.Statut == model.Close && e.amendMotif == ""
}

// show fills every part with session c.
func (e *seanceEditor) show(c *model.Commission) {
	first := e.c == nil || e.c.ID != c.ID
	e.c = c
	ro := e.readOnly()
	e.titre.SetText(fmt.Sprintf("Séance %s du %s", c.ID, c.Date))
	infos := fmt.Sprintf("%s — commune : %s — lieu : %s — statut : %s", majuscule(c.Type.Label()), nonVide(c.Commune), nonVide(c.Lieu), c.Statut.Label())
	if c.Statut == model.Close && !c.Cloture.IsZero() {
		infos += " le " + model.DateOf(c.Cloture).String() + " : la séance est figée ; une correction passe par « Amender… » avec son motif"
	}
	if n := len(c.Amendements); n > 0 {
		infos += fmt.Sprintf(" — %d amendement(s)", n)
		last := c.Amendements[n-1]
		infos += fmt.Sprintf(" (dernier le %s : %s)", model.DateOf(last.Quand), last.Motif)
	}
	e.infos.SetText(infos)
	prep := c.Statut != model.Close
	show(e.clotureBtn, prep)
	show(e.suppBtn, prep)
	show(e.enteteBtn, prep)
	show(e.amendBtn, !prep && e.amendMotif == "")
	show(e.finAmend, !prep && e.amendMotif != "")
	if e.amendMotif != "" {
		e.amendLbl.SetText("Amendement en cours — motif : « " + e.amendMotif + " ». Chaque modification enregistrée est inscrite au journal avec ce motif.")
		e.amendLbl.Show()
	} else {
		e.amendLbl.Hide()
	}
	if prep {
		if p := e.problemesCloture(); len(p) > 0 {
			e.probItem.Title = fmt.Sprintf("Avant la clôture : %d point(s) à régler", len(p))
			e.problemes.SetText("• " + strings.Join(p, "\n• "))
		} else {
			e.probItem.Title = "La séance peut être close : décisions saisies et cohérentes, quorum atteint"
			e.problemes.SetText("Rien ne s'oppose à la clôture.")
		}
		e.probAcc.Refresh()
		e.probAcc.Show()
	} else {
		e.probAcc.Hide()
	}

	// Members being typed survive the reload that follows another save.
	if first || ro || !e.membres.form.Dirty() {
		e.membres.set(c.Membres, ro)
	}
	// During an amendment, the candidates and dwellings stay as they were:
	// only decisions, findings and members change.
	e.logements.set(c, ro || e.amendMotif != "", ro)
	e.occupation.set(c.Occupation, ro || e.amendMotif != "", ro)
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
		e.documents.setProducers(
			func(dir string, progress func(int, int)) (string, string, error) {
				path := filepath.Join(dir, id+"_proces-verbal.pdf")
				if err := writePV(e.s.main.app, id, path); err != nil {
					return "", "", err
				}
				progress(1, 1)
				return path, "procès-verbal « " + filepath.Base(path) + " » écrit", nil
			},
			func(dir string, opt app.OptionsCourriers, progress func(int, int)) (string, string, error) {
				r, err := e.s.main.app.CourriersRapport(id, dir, opt, app.Progress(progress))
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
				return r.Fichiers[0], msg, nil
			}, prep, c.Date, e.s.main.app.Today())
	}
	e.loadObjectifs()
	e.s.sessionChanged(c)
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
// file, so a failure never leaves half a PDF.
func writePV(a *app.App, id, path string) error {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return model.Errorf(model.EINVALID, "Le fichier « %s » ne peut pas être écrit.", path)
	}
	err = a.PV(id, f)
	if cerr := f.Close(); err == nil && cerr != nil {
		err = model.Errorf(model.EINVALID, "Le fichier « %s » ne peut pas être écrit.", path)
	}
	if err == nil {
		if rerr := os.Rename(tmp, path); rerr != nil {
			err = model.Errorf(model.EINVALID, "Le fichier « %s » ne peut pas être écrit (est-il ouvert dans un autre programme ?).", path)
		}
	}
	if err != nil {
		os.Remove(tmp)
		a.Log.Error("procès-verbal", "err", err)
	}
	return err
}

// problemesCloture is what still prevents closing the session: its date
// not reached yet, then the model's checks.
func (e *seanceEditor) problemesCloture() []string {
	var out []string
	if today := e.s.main.app.Today(); e.c.Date > today {
		out = append(out, fmt.Sprintf("La séance du %s n'a pas encore eu lieu : elle ne pourra être close qu'à partir de sa date.", e.c.Date))
	}
	return append(out, e.c.ProblemesCloture()...)
}

// loadObjectifs computes the session's effect on the year's objectives.
func (e *seanceEditor) loadObjectifs() {
	if e.c == nil {
		return
	}
	eff, err := e.s.main.app.ObjectifsSession(e.c.ID)
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
		Erreur(e.s.main.win, model.Errorf(model.EINVALID, "La séance ne peut pas encore être close : %s", strings.Join(p, " ")))
		return
	}
	id := e.c.ID
	Confirmer(e.s.main.win, "Clôturer la séance",
		fmt.Sprintf("Clôturer la séance %s du %s ? Elle sera figée : toute correction ultérieure passera par un amendement motivé, inscrit au journal.", id, e.c.Date),
		"Clôturer", func() { e.cloturer() })
}

func (e *seanceEditor) cloturer() {
	if _, err := e.s.main.app.Cloturer(e.id()); err != nil {
		Erreur(e.s.main.win, err)
		return
	}
	e.load(e.id())
	e.s.reload(e.id()) // the list's status and counts change
	e.s.main.confirmer("Séance " + e.id() + " close")
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
		e.amendMotif = motif.Text()
		dlg.Hide()
		e.show(e.c)
	}
	f.Clean()
	dlg = dialog.NewCustomWithoutButtons("Amender la séance "+e.c.ID,
		container.NewGridWrap(fyne.NewSize(560, 220), container.NewVBox(intro, motif.Object(), f.Summary)), e.s.main.win)
	dlg.SetButtons([]fyne.CanvasObject{widget.NewButton("Annuler", func() { dlg.Hide() }), f.Save})
	showDialog(dlg)
	e.s.main.win.Canvas().Focus(motif.Entry)
	e.lastAmend = motif
}

// amender records a change of the closed session as an amendment.
func (e *seanceEditor) amender(change func(*model.Commission) error) error {
	if _, err := e.s.main.app.Amender(e.id(), e.amendMotif, change); err != nil {
		return err
	}
	e.load(e.id())
	return nil
}

func (e *seanceEditor) onFinAmendement() {
	fin := func() {
		e.amendMotif = ""
		if e.c != nil {
			e.show(e.c)
		}
	}
	if f := e.dirtyForm(); f != nil {
		f.ConfirmLeaveOr(e.s.main.win, saveForm(f), fin, func() {})
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
	e.entete = showCreationDialog(e.s.main.win, e.s.main.app.Today(), nil, e.c, func(d model.Date, lieu, commune string, t model.TypeCommission) error {
		_, err := e.s.main.app.ModifierCommission(id, d, lieu, commune, t)
		if err == nil {
			e.load(id)
			e.s.reload(id) // the list shows the new date and commune
		}
		return err
	})
}

// onSupprimer deletes a session in preparation after confirmation.
func (e *seanceEditor) onSupprimer() {
	if e.c == nil || e.c.Statut == model.Close {
		return
	}
	id := e.c.ID
	Confirmer(e.s.main.win, "Supprimer la séance", fmt.Sprintf("Supprimer la séance %s du %s, ses membres, ses logements et ses décisions ?", id, e.c.Date), "Supprimer", func() {
		if err := e.s.main.app.SupprimerCommission(id); err != nil {
			Erreur(e.s.main.win, err)
			return
		}
		e.c = nil
		e.s.reload("")
	})
}
