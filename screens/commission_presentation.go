package screens

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"logis/model"
)

// Presentation mode of the session screens (model/presentation.go): on
// with the session's « Mode présentation » button, always on for the
// consultation role. Only what the screens display changes: ids kept in the
// widgets' callbacks stay whole, the minutes and letters are untouched.

// masque reports whether the dwellings panel shows the presentation mode.
func (p *logementsPanel) masque() bool {
	return p.act.presentation != nil && p.act.presentation()
}

// aff returns s as displayed: in presentation mode, nur shows its last four
// characters, nom (« Prénom NOM ») its initials, amounts become bands and
// disability or violence « critère de priorité ».
func (p *logementsPanel) aff(s, nur, nom string) string {
	if !p.masque() {
		return s
	}
	if nur != "" {
		s = strings.ReplaceAll(s, nur, model.NURMasque(nur))
	}
	var noms []string
	if nom != "" {
		noms = []string{nom}
	}
	return model.MasquerTexte(s, noms)
}

// affVerdict is a rule's verdict as displayed.
func (p *logementsPanel) affVerdict(v model.Verdict, nom string) model.Verdict {
	if !p.masque() {
		return v
	}
	return model.MasquerVerdict(v, []string{nom})
}

// presentationForcee reports whether the account sees the sessions in
// presentation mode whatever the button says (the consultation role).
func (e *seanceEditor) presentationForcee() bool {
	return e.a.Compte().Role == model.Consultation
}

// enPresentation reports whether the session is shown in presentation mode.
func (e *seanceEditor) enPresentation() bool {
	return e.presentation || e.presentationForcee()
}

// nomAffiche is the household's name as the session screens show it:
// initials in presentation mode.
func (e *seanceEditor) nomAffiche(menage string) string {
	n := e.nom(menage)
	if e.enPresentation() {
		return model.InitialesNom(n)
	}
	return n
}

// presentationToggle is the session's « Mode présentation » switch; checked
// and disabled for the consultation role.
func (e *seanceEditor) presentationToggle() fyne.CanvasObject {
	e.presCheck = newCase("Mode présentation", func(on bool) {
		if e.presentation == on {
			return
		}
		e.presentation = on
		e.rafraichirPresentation()
	})
	if e.presentationForcee() {
		e.presCheck.SetChecked(true)
		e.presCheck.Disable()
	}
	return e.presCheck
}

// rafraichirPresentation redraws what the session shows.
func (e *seanceEditor) rafraichirPresentation() {
	if e.c != nil {
		e.show(e.c)
	}
	e.logements.props.Refresh()
	e.logements.showProposition()
}

// affNUR is a NUR as the « Suite des offres » tab shows it.
func (p *suitePanel) affNUR(nur string) string {
	if p.masque != nil && p.masque() {
		return model.NURMasque(nur)
	}
	return nur
}

// affTexte is a line of the « Suite des offres » tab as shown (a refusal's
// reason may tell of health or disability).
func (p *suitePanel) affTexte(s string) string {
	if p.masque != nil && p.masque() {
		return model.MasquerTexte(s, nil)
	}
	return s
}

// dossierButton is the session's « Dossier de séance… » button: one copy
// per member, watermarked with the member's name and journaled.
func (e *seanceEditor) dossierButton() fyne.CanvasObject {
	return newBoutonIcone("Dossier de séance…", theme.DocumentPrintIcon(), e.onDossier)
}

func (e *seanceEditor) onDossier() {
	if e.c == nil {
		return
	}
	win, a := e.shell.fenetre(), e.a
	var noms []string
	for _, m := range e.c.Membres {
		noms = append(noms, m.Nom)
	}
	if len(noms) == 0 {
		Erreur(win, model.Errorf(model.EINVALID, "La séance n'a pas de membre : ajoutez-les dans « Membres et quorum »."))
		return
	}
	choix := newDeroulant(noms, nil)
	choix.SetSelected(noms[0])
	dir := a.DossierDocumentsSeances()
	msg := widget.NewLabel("Un exemplaire par membre : une page par logement, les candidats en mode présentation, le rang proposé et sa raison, en filigrane « CONFIDENTIEL » et le nom du membre. Chaque exemplaire est inscrit au journal. Dossier : " + dir)
	msg.Wrapping = fyne.TextWrapWord
	d := Demander(win, "Dossier de séance", "Éditer", container.NewVBox(msg, choix), func(ok bool) {
		if !ok {
			return
		}
		path, err := a.EcrireDossierSeance(e.c.ID, choix.Selected, dir)
		if err != nil {
			Erreur(win, err)
			return
		}
		e.dernierDossier = path
		e.shell.confirmer("Dossier de séance enregistré dans « " + filepath.Dir(path) + " » (séance " + e.c.ID + ")")
		info := widget.NewLabel("Dossier de séance écrit : " + path)
		info.Wrapping = fyne.TextWrapWord
		Informer(win, "Dossier de séance", "Fermer", messageBox(info, 480, 60))
	})
	d.Resize(fyne.NewSize(520, 300))
}
