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

// conservationTab is the « Conservation des données » tab of Paramètres,
// responsable only: the journal's retention, and the three-year purge,
// whose list is shown before it is confirmed.
type conservationTab struct {
	shell coque
	app   parametresApp
	// confirme says a save in the status line (Parametres.confirmer:
	// after a purge, with the counts read again).
	confirme func(msg string)
	date     *entree
	duree    *entree
	liste    *widget.Label
	status   *widget.Label
	purger   *bouton
	plan     *app.Purge
}

// conservationTabItem returns the tab, or nil when the account may not purge.
func (s *Parametres) conservationTabItem() *container.TabItem {
	if s.app.Peut(model.ActionPurger) != nil {
		return nil
	}
	c := &conservationTab{shell: s.shell, app: s.app, confirme: s.confirmer}
	return container.NewTabItem("Conservation des données", c.content())
}

func (c *conservationTab) content() fyne.CanvasObject {
	a := c.app
	c.date = newEntree()
	c.date.SetText(a.Today().String())
	c.duree = newEntree()
	if n, err := a.DureeJournal(); err == nil {
		c.duree.SetText(strconv.Itoa(n))
	}
	c.liste = widget.NewLabel("")
	c.liste.Wrapping = fyne.TextWrapWord
	c.status = widget.NewLabel("")
	c.status.Wrapping = fyne.TextWrapWord
	lister := newBoutonIcone("Lister les ménages à purger", theme.SearchIcon(), c.lister)
	c.purger = newBoutonIcone("Purger…", theme.DeleteIcon(), c.confirmer)
	c.purger.Importance = widget.DangerImportance
	c.purger.Disable()
	saveDuree := newBouton("Enregistrer la durée", func() {
		n, err := strconv.Atoi(strings.TrimSpace(c.duree.Text))
		if err != nil {
			n = 0
		}
		if err := a.SetDureeJournal(n); err != nil {
			Erreur(c.shell.fenetre(), err)
			return
		}
		c.status.SetText(fmt.Sprintf("Le journal est conservé %d an(s) en détail ; au-delà, la purge le résume.", n))
		c.dire(fmt.Sprintf("Durée de conservation du journal enregistrée (%d an(s))", n))
	})
	intro := wrapped("Politique d'attribution, §III : les données d'une demande sont conservées trois ans après sa radiation. "+
		"La purge efface les ménages sans bail à l'Office ni demande active dont la dernière demande a été radiée il y a plus de trois ans "+
		"(un ménage nommé par une séance close est effacé comme « ménage effacé », la séance garde ses décisions). "+
		"Elle résume aussi les entrées du journal plus anciennes que sa durée de conservation (nombres par mois et par action).", fyne.TextStyle{})
	return container.NewBorder(container.NewVBox(intro,
		container.NewGridWithColumns(2, cell("Date de la purge (JJ/MM/AAAA)", c.date), cell("Conservation du journal (ans)", c.duree)),
		container.NewHBox(lister, c.purger, saveDuree), c.status), nil, nil, nil,
		container.NewVScroll(c.liste))
}

func (c *conservationTab) at() (model.Date, bool) {
	d, err := model.ParseDate(strings.TrimSpace(c.date.Text))
	if err != nil || d.IsZero() {
		Erreur(c.shell.fenetre(), model.Errorf(model.EINVALID, "La date de la purge n'est pas une date (JJ/MM/AAAA)."))
		return 0, false
	}
	return d, true
}

// lister shows the households the purge would erase; nothing is written.
func (c *conservationTab) lister() {
	at, ok := c.at()
	if !ok {
		return
	}
	p, err := c.app.PreparerPurge(at)
	if err != nil {
		Erreur(c.shell.fenetre(), err)
		return
	}
	c.plan = p
	var b strings.Builder
	for _, m := range p.Menages {
		fmt.Fprintf(&b, "%s — dernière radiation le %s, %d demande(s)\n", m.ID, m.Radiation, m.Demandes)
	}
	c.liste.SetText(b.String())
	c.status.SetText(resumePurgeFR(p))
	if len(p.Menages) > 0 {
		c.purger.Enable()
	} else {
		c.purger.Disable()
	}
}

func (c *conservationTab) confirmer() {
	if c.plan == nil {
		return
	}
	at := c.plan.Date
	Confirmer(c.shell.fenetre(), "Purger la base ?", resumePurgeFR(c.plan)+" L'effacement est définitif ; le journal n'en garde que les nombres. La base est compactée à sa prochaine ouverture.", "Purger", func() {
		p, err := c.app.Purger(at)
		if err != nil {
			Erreur(c.shell.fenetre(), err)
			return
		}
		n, err := c.app.ResumerJournal(at)
		if err != nil {
			Erreur(c.shell.fenetre(), err)
			return
		}
		c.plan = nil
		c.purger.Disable()
		c.liste.SetText("")
		c.status.SetText(fmt.Sprintf("Purge faite : %d ménage(s) et %d demande(s) effacés ; %d entrée(s) ancienne(s) du journal résumées.", len(p.Menages), p.Demandes, n))
		c.dire(fmt.Sprintf("Purge faite : %d ménage(s) effacé(s)", len(p.Menages)))
	})
}

func resumePurgeFR(p *app.Purge) string {
	s := fmt.Sprintf("Au %s : %d ménage(s) et %d demande(s) à purger, dont %d nommé(s) par une séance close (gardé(s) comme « ménage effacé »).",
		p.Date, len(p.Menages), p.Demandes, p.Gardes)
	if p.Limites > 0 {
		s += fmt.Sprintf(" %d ménage(s) au traitement limité ne sont pas purgés.", p.Limites)
	}
	return s
}

// dire says msg in the status line.
func (c *conservationTab) dire(msg string) {
	if c.confirme != nil {
		c.confirme(msg)
	} else {
		c.shell.confirmer(msg)
	}
}
