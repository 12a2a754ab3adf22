package screens

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"logis/app"
	"logis/model"
	"logis/storage"
)

func TestConnexion(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.db")
	o := storage.Options{User: "demo", Password: "demo", CheapKeys: true}
	db, err := storage.Open(path, o)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.AddAccount(model.Compte{Nom: "a.agent", Role: model.Agent}, "agent-secret-22"); err != nil {
		t.Fatal(err)
	}
	db.Close()

	test.NewTempApp(t)
	w := test.NewWindow(nil)
	t.Cleanup(w.Close)
	var m *Main
	var opened *app.App
	ShowConnexion(w, Connexion{Base: "demo.db", Demo: true,
		Ouvrir: func(nom, mdp string) (*app.App, string, error) {
			o.User, o.Password = nom, mdp
			db, err := storage.Open(path, o)
			if err != nil {
				return nil, "", err
			}
			opened = app.New(db)
			return opened, "", nil
		},
		Principale: func(a *app.App) *Main { m = NewMain(w, a); return m },
	})
	t.Cleanup(func() {
		if m != nil {
			m.stopIdle()
			m.attendreTout()
		}
		if opened != nil {
			opened.DB.Close()
		}
	})
	if !strings.Contains(allText(w.Content()), "identifiant demo, mot de passe demo") {
		t.Fatalf("the demo base does not say demo/demo: %q", allText(w.Content()))
	}
	entries := entriesOf(w.Content())
	if len(entries) != 2 {
		t.Fatalf("%d entries on the sign-in screen", len(entries))
	}
	test.Type(entries[0], "demo")
	test.Type(entries[1], "faux")
	entries[1].OnSubmitted(entries[1].Text)
	if m != nil || !strings.Contains(allText(w.Content()), "identifiant ou mot de passe incorrect") {
		t.Fatalf("wrong password: %q", allText(w.Content()))
	}
	test.Type(entries[1], "demo")
	entries[1].OnSubmitted(entries[1].Text)
	if m == nil || w.Content() != m.root || !strings.Contains(m.who.Text, "demo (responsable)") {
		t.Fatal("not signed in")
	}
	m.waitCatalogue()

	// Lock, then the same account gets its window back.
	m.Verrouiller()
	if !opened.DB.Locked() || !strings.Contains(allText(w.Content()), "Logis verrouillé") || !strings.Contains(allText(w.Content()), "mot de passe demo") {
		t.Fatal("not locked")
	}
	entries = entriesOf(w.Content())
	if entries[0].Text != "demo" {
		t.Fatalf("account not kept: %q", entries[0].Text)
	}
	test.Type(entries[1], "demo")
	entries[1].OnSubmitted(entries[1].Text)
	if opened.DB.Locked() || w.Content() != m.root {
		t.Fatal("not unlocked")
	}

	// Lock, then another account gets a fresh window with its name.
	m.Verrouiller()
	entries = entriesOf(w.Content())
	entries[0].SetText("a.agent")
	test.Type(entries[1], "agent-secret-22")
	entries[1].OnSubmitted(entries[1].Text)
	if opened.DB.Locked() || !strings.Contains(allText(w.Content()), "Connecté : a.agent (agent)") {
		t.Fatalf("agent not signed in: %q", allText(w.Content()))
	}
}

// walk calls fn on o and every object drawn inside it.
func walk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	fn(o)
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			walk(c, fn)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			walk(c, fn)
		}
	}
}

// allText is the text of every label of o.
func allText(o fyne.CanvasObject) string {
	var b strings.Builder
	walk(o, func(c fyne.CanvasObject) {
		if l, ok := c.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	})
	return b.String()
}

// entriesOf lists the entries of o in order.
func entriesOf(o fyne.CanvasObject) []*widget.Entry {
	var out []*widget.Entry
	walk(o, func(c fyne.CanvasObject) {
		switch e := c.(type) {
		case *widget.Entry:
			out = append(out, e)
		case *entree:
			out = append(out, &e.Entry)
		}
	})
	return out
}

func TestMain_IdleLock(t *testing.T) {
	m := newTestMain(t, 0, 0)
	m.startIdleLock(80 * time.Millisecond)
	t.Cleanup(m.stopIdle)
	deadline := time.Now().Add(5 * time.Second)
	locked := func() bool {
		var shown bool
		fyne.DoAndWait(func() { shown = strings.Contains(allText(m.win.Content()), "Logis verrouillé") })
		return m.app.DB.Locked() && shown
	}
	for !locked() && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if !locked() {
		t.Fatal("the window did not lock itself when idle")
	}
	_ = m.app.DB.SignIn("test", "mot-de-passe-de-test") // the cleanup check needs the key
}

func TestParametres_Comptes(t *testing.T) {
	m := newTestMain(t, 0, 0)
	m.Show("Paramètres")
	p := m.screens[m.current].(*Parametres)
	var tab *container.TabItem
	for _, ti := range p.tabs.Items {
		if ti.Text == "Comptes et journal" {
			tab = ti
		}
	}
	if tab == nil {
		t.Fatal("no accounts tab for the responsable")
	}
	p.tabs.Select(tab)
	entries := entriesOf(tab.Content)
	// identifiant, mot de passe ×2, délai, depuis, compte
	if len(entries) != 6 {
		t.Fatalf("%d entries", len(entries))
	}
	test.Type(entries[0], "c.lecteur")
	test.Type(entries[1], "lecteur-secret-1")
	test.Type(entries[2], "lecteur-secret-1")
	var sel *deroulant
	walk(tab.Content, func(o fyne.CanvasObject) {
		if s, ok := o.(*deroulant); ok {
			sel = s
		}
	})
	sel.SetSelected("consultation")
	walk(tab.Content, func(o fyne.CanvasObject) {
		if b, ok := o.(*bouton); ok && b.Text == "Créer le compte" {
			test.Tap(b)
		}
	})
	if !strings.Contains(allText(tab.Content), "Compte « c.lecteur » créé (consultation).") {
		t.Fatalf("not created: %s", allText(tab.Content))
	}
	list, _ := m.app.Comptes()
	if len(list) != 2 || list[0].Nom != "c.lecteur" || list[0].Role != model.Consultation {
		t.Fatalf("accounts %+v", list)
	}
	// The journal lists the creation, by the responsable; the filter keeps
	// only an account's entries.
	lignes, err := m.app.Journal(app.FiltreJournal{})
	if last := lignes[len(lignes)-1]; err != nil || last.Utilisateur != "test" || last.Action != "Création du compte c.lecteur (consultation)" ||
		!strings.Contains(allText(tab.Content), fmt.Sprintf("%d entrée(s)", len(lignes))) {
		t.Fatalf("journal: %+v %v\n%s", lignes, err, allText(tab.Content))
	}
	test.Type(entries[5], "personne")
	entries[5].OnSubmitted(entries[5].Text)
	if !strings.Contains(allText(tab.Content), "0 entrée(s)") {
		t.Fatalf("filter: %s", allText(tab.Content))
	}

	// A consultation account sees no such tab.
	m.app.DB.Lock()
	if err := m.app.DB.SignIn("c.lecteur", "lecteur-secret-1"); err != nil {
		t.Fatal(err)
	}
	p2 := newParametres(m, m.app)
	if p2.comptesTabItem() != nil {
		t.Fatal("the consultation account sees the accounts tab")
	}
	for _, it := range p2.tabs.Items {
		if it.Text == "Comptes et journal" {
			t.Fatal("the consultation account sees the accounts tab")
		}
	}
}
