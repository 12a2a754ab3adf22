package screens

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"logis/app"
	"logis/model"
)

// Connexion is what the sign-in screen needs: the base's name, whether it is
// the demo base or a new one, and how to open it and build the main window.
type Connexion struct {
	Base       string
	Demo       bool // the sign-in screen says demo / demo
	Nouvelle   bool // no file yet: the account typed becomes its responsable
	Ouvrir     func(nom, motDePasse string) (a *app.App, notice string, err error)
	Principale func(a *app.App) *Main
}

// connexion is the sign-in form, at start and after « Verrouiller ».
type connexion struct {
	win    fyne.Window
	nom    *widget.Entry
	mdp    *widget.Entry
	msg    *widget.Label
	bouton *bouton
	body   fyne.CanvasObject
	submit func(nom, mdp string) error
}

// newConnexion builds the form; submit is called with the account and the
// password, and returns the refusal to show.
func newConnexion(win fyne.Window, titre string, notes []string, nom string, submit func(nom, mdp string) error) *connexion {
	s := &connexion{win: win, submit: submit}
	s.nom = widget.NewEntry()
	s.nom.SetPlaceHolder("Identifiant")
	s.nom.SetText(nom)
	s.mdp = widget.NewPasswordEntry()
	s.mdp.SetPlaceHolder("Mot de passe")
	s.nom.OnSubmitted = func(string) { win.Canvas().Focus(s.mdp) }
	s.mdp.OnSubmitted = func(string) { s.onSignIn() }
	s.msg = widget.NewLabel("")
	s.msg.Importance = widget.DangerImportance
	s.msg.Wrapping = fyne.TextWrapWord
	s.bouton = newBoutonIcone("Se connecter", theme.LoginIcon(), s.onSignIn)
	s.bouton.Importance = widget.HighImportance

	head := widget.NewLabelWithStyle(titre, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	items := []fyne.CanvasObject{head}
	for _, n := range notes {
		l := widget.NewLabel(n)
		l.Wrapping = fyne.TextWrapWord
		items = append(items, l)
	}
	items = append(items,
		Ligne("Identifiant", s.nom),
		Ligne("Mot de passe", s.mdp),
		container.NewHBox(s.bouton, widget.NewLabel("ou touche Entrée")),
		s.msg)
	card := container.NewGridWrap(fyne.NewSize(460, 380), container.NewVBox(items...))
	s.body = container.NewCenter(card)
	return s
}

// onSignIn submits the form.
func (s *connexion) onSignIn() {
	nom := strings.TrimSpace(s.nom.Text)
	if nom == "" || s.mdp.Text == "" {
		s.msg.SetText("Identifiant et mot de passe requis.")
		return
	}
	s.bouton.Disable()
	defer s.bouton.Enable()
	if err := s.submit(nom, s.mdp.Text); err != nil {
		s.msg.SetText(model.ErrorMessage(err))
		s.mdp.SetText("")
		s.win.Canvas().Focus(s.mdp)
		return
	}
	s.msg.SetText("")
	s.mdp.SetText("")
}

func (s *connexion) show() {
	s.win.SetContent(s.body)
	if s.nom.Text == "" {
		s.win.Canvas().Focus(s.nom)
	} else {
		s.win.Canvas().Focus(s.mdp)
	}
}

// ShowConnexion shows the sign-in screen in win; once signed in, the main
// window replaces it.
func ShowConnexion(win fyne.Window, c Connexion) {
	// The window is « Logis » from the start, at the size the main window
	// will have: signing in does not move it.
	win.SetTitle("Logis")
	win.Resize(tailleParDefaut)
	capWindow(win, tailleParDefaut)
	var notes []string
	notes = append(notes, "Base : "+c.Base)
	if c.Nouvelle {
		notes = append(notes, "Nouvelle base : choisissez votre identifiant et votre mot de passe (10 caractères au moins) ; vous en serez le responsable.")
	}
	if c.Demo {
		notes = append(notes, "Base de démonstration : identifiant demo, mot de passe demo.")
	}
	var s *connexion
	s = newConnexion(win, "Connexion à Logis", notes, "", func(nom, mdp string) error {
		if c.Nouvelle && !c.Demo {
			if err := model.ValidateMotDePasse(nom, mdp); err != nil {
				return err
			}
		}
		a, notice, err := c.Ouvrir(nom, mdp)
		if err != nil {
			return err
		}
		m := c.Principale(a)
		m.principale = c.Principale
		m.notes = notes
		m.RestoreSize()
		m.startIdleLock(a.DelaiVerrouillage())
		if notice != "" {
			showNotice(win, notice)
		}
		return nil
	})
	s.show()
}

// showNotice shows the recovery key of a new base (selectable, to copy and
// print) or the copy made before encryption.
func showNotice(win fyne.Window, notice string) {
	text := widget.NewLabel(notice)
	text.Wrapping = fyne.TextWrapWord
	text.Selectable = true
	Informer(win, "À lire et à imprimer", "J'ai noté la clé de secours", messageBox(text, 620, 220))
}

// sessionBar shows who is signed in and the « Verrouiller » button.
func (m *Main) sessionBar() fyne.CanvasObject {
	c := m.app.Compte()
	m.who = widget.NewLabel("Connecté : " + c.Nom + " (" + string(c.Role) + ")")
	lock := newBoutonIcone("Verrouiller", theme.VisibilityOffIcon(), m.Verrouiller)
	return container.NewHBox(m.who, lock)
}

// Verrouiller forgets the key and shows the sign-in form; the same account
// gets its window back, another account a new main window.
func (m *Main) Verrouiller() {
	if m.app.DB.Locked() {
		return
	}
	before := m.app.Compte().Nom
	m.app.DB.Lock()
	for len(openDialogs) > 0 { // nothing stays visible over the lock
		openDialogs[len(openDialogs)-1].Hide()
	}
	notes := append([]string{"Logis est verrouillé. Reconnectez-vous pour continuer."}, m.notes...)
	title := m.win.Title()
	m.win.SetTitle("Logis — verrouillé")
	s := newConnexion(m.win, "Logis verrouillé", notes, before, func(nom, mdp string) error {
		if err := m.app.DB.SignIn(nom, mdp); err != nil {
			return err
		}
		m.win.SetTitle(title)
		if nom == before {
			m.win.SetContent(m.root)
			m.win.Canvas().Focus(m.nav)
			m.who.SetText("Connecté : " + nom + " (" + string(m.app.Compte().Role) + ")")
			if !m.building && !m.app.Catalogue().Ready() { // its build was cut by the lock
				m.building = true
				m.status.SetText("Chargement de l'index de recherche…")
				m.progressBox.Show()
				m.builds.Add(1)
				go m.buildCatalogue()
			}
			return nil
		}
		m.stopIdle()
		build := m.principale // another account: a fresh window state
		if build == nil {
			build = func(a *app.App) *Main { return NewMain(m.win, a) }
		}
		n := build(m.app)
		n.principale, n.notes = m.principale, m.notes
		n.startIdleLock(m.idle)
		return nil
	})
	s.show()
}

// startIdleLock locks the window after d without use (no key typed outside
// a field, no screen change, no read or write of the base).
func (m *Main) startIdleLock(d time.Duration) {
	if d <= 0 {
		return
	}
	m.idle = d
	m.touch()
	c := m.win.Canvas()
	if prev := c.OnTypedKey(); prev != nil {
		c.SetOnTypedKey(func(k *fyne.KeyEvent) { m.touch(); prev(k) })
	}
	stop := make(chan struct{})
	m.stopIdle = func() { close(stop) }
	tick := time.NewTicker(min(d/4, 30*time.Second))
	// A ticker for the window's life, not a job with a result: not enFond.
	go func() {
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				fyne.Do(func() {
					last := max(m.touched, m.app.DB.LastUse().UnixNano())
					if !m.app.DB.Locked() && time.Since(time.Unix(0, last)) >= m.idle {
						m.Verrouiller()
					}
				})
			}
		}
	}()
}

// touch notes a use of the window.
func (m *Main) touch() { m.touched = time.Now().UnixNano() }
