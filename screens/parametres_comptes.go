package screens

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"logis/app"
	"logis/model"
)

// comptesTab is the « Comptes et journal » tab of Paramètres, shown to the
// responsable: the accounts (add, deactivate), the idle lock delay and the
// audit journal with a filter.
type comptesTab struct {
	shell   coque
	app     parametresApp
	comptes []model.Compte
	list    *widget.List
	status  *widget.Label

	nom   *entree
	role  *deroulant
	mdp   *entree
	mdp2  *entree
	delai *entree

	depuis   *entree
	qui      *entree
	lignes   []app.LigneJournal
	journal  *widget.List
	jnStatus *widget.Label
}

// comptesTabItem returns the tab, or nil when the account may not manage
// accounts.
func (s *Parametres) comptesTabItem() *container.TabItem {
	if s.app.Peut(model.ActionComptes) != nil {
		return nil
	}
	c := &comptesTab{shell: s.shell, app: s.app}
	return container.NewTabItem("Comptes et journal", c.content())
}

func roleLabels() []string {
	out := make([]string, len(model.Roles))
	for i, r := range model.Roles {
		out[i] = string(r)
	}
	return out
}

func (c *comptesTab) content() fyne.CanvasObject {
	c.status = widget.NewLabel("")
	c.status.Wrapping = fyne.TextWrapWord
	c.list = widget.NewList(
		func() int { return len(c.comptes) },
		func() fyne.CanvasObject {
			// Two lines: on one, the row made the window wider than a
			// laptop's screen.
			qui := widget.NewLabelWithStyle("m.dupont — consultation", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			etat := widget.NewLabel("actif — dernière connexion 30/11/2026 16:20")
			for _, l := range []*widget.Label{qui, etat} {
				l.Truncation = fyne.TextTruncateEllipsis
			}
			return container.NewBorder(nil, nil, nil, newBouton("Désactiver", nil), container.NewVBox(qui, etat))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			cpt := c.comptes[i]
			lignes := row.Objects[0].(*fyne.Container).Objects
			qui, etat := compteLignes(cpt)
			lignes[0].(*widget.Label).SetText(qui)
			lignes[1].(*widget.Label).SetText(etat)
			b := row.Objects[1].(*bouton)
			b.OnTapped = func() { c.onDesactiver(cpt.Nom) }
			if cpt.Actif && cpt.Nom != c.app.Compte().Nom {
				b.Enable()
			} else {
				b.Disable()
			}
		})
	c.nom = newEntree()
	c.nom.SetPlaceHolder("m.dupont")
	c.role = newDeroulant(roleLabels(), nil)
	c.role.SetSelected(string(model.Agent))
	c.mdp = newMotDePasse()
	c.mdp2 = newMotDePasse()
	add := newBoutonIcone("Créer le compte", theme.ContentAddIcon(), c.onAjouter)
	form := container.NewVBox(
		Ligne("Identifiant", c.nom), Ligne("Rôle", c.role),
		Ligne("Mot de passe", c.mdp), Ligne("Encore une fois", c.mdp2),
		container.NewHBox(add))
	c.delai = newEntree()
	c.delai.SetText(strconv.Itoa(int(c.app.DelaiVerrouillage().Minutes())))
	saveDelai := newBouton("Enregistrer", c.onDelai)
	lock := container.NewBorder(nil, nil, widget.NewLabel("Verrouiller après"), container.NewHBox(widget.NewLabel("minutes d'inactivité"), saveDelai), c.delai)
	roles := widget.NewLabel("responsable : tout, comptes et paramètres compris · agent : le travail courant (patrimoine, ménages, examen, commissions, courriers, imports) · consultation : lecture seule, sans export de données personnelles.")
	roles.Wrapping = fyne.TextWrapWord
	left := container.NewBorder(
		container.NewVBox(widget.NewLabelWithStyle("Comptes", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), roles),
		container.NewVBox(widget.NewCard("Nouveau compte", "", form), lock, c.status), nil, nil, c.list)

	c.depuis = newEntree()
	c.depuis.SetPlaceHolder("JJ/MM/AAAA")
	c.qui = newEntree()
	c.qui.SetPlaceHolder("tous les comptes")
	filtrer := newBoutonIcone("Filtrer", theme.SearchIcon(), c.loadJournal)
	c.depuis.OnSubmitted = func(string) { c.loadJournal() }
	c.qui.OnSubmitted = func(string) { c.loadJournal() }
	c.jnStatus = widget.NewLabel("")
	c.journal = widget.NewList(
		func() int { return len(c.lignes) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("30/11/2026 16:20 · m.dupont · Import menages (menages.csv, 100 lignes)")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			l := c.lignes[len(c.lignes)-1-i] // newest first
			text := l.Quand.Local().Format("02/01/2006 15:04") + " · " + l.Utilisateur + " · " + l.Action
			if l.Objets != "" {
				text += " — " + l.Objets
			}
			o.(*widget.Label).SetText(text)
		})
	// Two lines: on one, the filter made the window wider than a laptop's
	// screen (issue 12).
	filter := container.NewVBox(
		container.NewHBox(widget.NewLabel("Depuis le"), container.NewGridWrap(fyne.NewSize(130, c.depuis.MinSize().Height), c.depuis)),
		container.NewHBox(widget.NewLabel("Compte"), container.NewGridWrap(fyne.NewSize(160, c.qui.MinSize().Height), c.qui), filtrer))
	right := container.NewBorder(
		container.NewVBox(widget.NewLabelWithStyle("Journal (sans données personnelles)", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), filter, c.jnStatus),
		nil, nil, nil, c.journal)

	c.load()
	c.loadJournal()
	split := container.NewHSplit(left, right)
	split.Offset = 0.45
	return split
}

// compteLignes writes one account on two lines: name and role, then
// active and last sign-in.
func compteLignes(c model.Compte) (string, string) {
	actif := "actif"
	if !c.Actif {
		actif = "désactivé"
	}
	last := "jamais connecté"
	if !c.DerniereConnexion.IsZero() {
		last = "dernière connexion " + c.DerniereConnexion.Local().Format("02/01/2006 15:04")
	}
	return fmt.Sprintf("%s — %s", c.Nom, c.Role), actif + " — " + last
}

func (c *comptesTab) load() {
	list, err := c.app.Comptes()
	if err != nil {
		c.status.SetText(model.ErrorMessage(err))
		return
	}
	c.comptes = list
	c.list.Refresh()
}

func (c *comptesTab) onAjouter() {
	if c.mdp.Text != c.mdp2.Text {
		c.status.SetText("Les deux saisies du mot de passe diffèrent.")
		return
	}
	nom := strings.TrimSpace(c.nom.Text)
	if err := c.app.AjouterCompte(nom, model.Role(c.role.Selected), c.mdp.Text); err != nil {
		c.status.SetText(model.ErrorMessage(err))
		return
	}
	c.status.SetText(fmt.Sprintf("Compte « %s » créé (%s).", nom, c.role.Selected))
	c.shell.confirmer(fmt.Sprintf("Compte « %s » créé", nom))
	c.nom.SetText("")
	c.mdp.SetText("")
	c.mdp2.SetText("")
	c.load()
	c.loadJournal()
}

func (c *comptesTab) onDesactiver(nom string) {
	Confirmer(c.shell.fenetre(), "Désactiver le compte", fmt.Sprintf("Le compte « %s » ne pourra plus ouvrir Logis. Son nom reste au journal.", nom), "Désactiver", func() {
		if err := c.app.DesactiverCompte(nom); err != nil {
			c.status.SetText(model.ErrorMessage(err))
			return
		}
		c.status.SetText(fmt.Sprintf("Compte « %s » désactivé.", nom))
		c.shell.confirmer(fmt.Sprintf("Compte « %s » désactivé", nom))
		c.load()
		c.loadJournal()
	})
}

func (c *comptesTab) onDelai() {
	n, err := strconv.Atoi(strings.TrimSpace(c.delai.Text))
	if err != nil {
		c.status.SetText("Le délai de verrouillage est un nombre de minutes.")
		return
	}
	if err := c.app.SetDelaiVerrouillage(n); err != nil {
		c.status.SetText(model.ErrorMessage(err))
		return
	}
	if v, ok := c.shell.(verrou); ok {
		v.reglerVerrou(c.app.DelaiVerrouillage())
	}
	c.status.SetText(fmt.Sprintf("Verrouillage après %d minutes d'inactivité.", n))
	c.shell.confirmer(fmt.Sprintf("Délai de verrouillage enregistré (%d minutes)", n))
}

// loadJournal reads the journal with the filter.
func (c *comptesTab) loadJournal() {
	var f app.FiltreJournal
	if t := strings.TrimSpace(c.depuis.Text); t != "" {
		d, err := model.ParseDate(t)
		if err != nil || d.IsZero() {
			c.jnStatus.SetText(fmt.Sprintf("« %s » n'est pas une date (JJ/MM/AAAA).", t))
			return
		}
		f.Depuis = d
	}
	f.Utilisateur = strings.TrimSpace(c.qui.Text)
	lignes, err := c.app.Journal(f)
	if err != nil {
		c.jnStatus.SetText(model.ErrorMessage(err))
		return
	}
	c.lignes = lignes
	c.jnStatus.SetText(fmt.Sprintf("%s entrée(s), les plus récentes en haut.", nombre(len(lignes))))
	c.journal.Refresh()
}

// verrou is the window's idle lock (Main), which follows a new delay at once.
type verrou interface {
	reglerVerrou(d time.Duration)
}

// reglerVerrou sets the delay after which the idle window locks itself.
func (m *Main) reglerVerrou(d time.Duration) { m.idle = d }
