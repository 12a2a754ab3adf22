package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"logis/model"
)

func TestChamps_Validation(t *testing.T) {
	test.NewTempApp(t)
	saved := 0
	f := NewForm(func() { saved++ })
	d := NewChampDate("Date de naissance", true)
	m := NewChampMontant("Loyer", false)
	n := NewChampEntier("Pièces", true, 1, 20)
	s := NewChampSurface("Surface", true)
	f.Add(d, m, n, s)
	d.SetDate(model.NewDate(2010, 3, 4))
	n.SetInt(3)
	s.SetFloat(54.5)
	f.Clean()
	if f.Dirty() || !f.Save.Disabled() {
		t.Fatal("a freshly loaded form is clean and Enregistrer disabled")
	}
	if s.Entry.Text != "54,5\u00a0m²" || s.Float() != 54.5 {
		t.Errorf("surface shown %q = %v", s.Entry.Text, s.Float())
	}
	d.SetText("")
	test.Type(d.Entry, "31/02/2020")
	d.Entry.FocusLost() // the message waits for a pause or for the field to be left
	if d.Err() == nil || !d.Message.Visible() || !f.Save.Disabled() || !f.Dirty() {
		t.Fatalf("an impossible date blocks saving with a message: err=%v", d.Err())
	}
	d.SetText("")
	test.Type(d.Entry, "29/02/2020")
	if d.Err() != nil || d.Message.Visible() || f.Save.Disabled() {
		t.Fatalf("a valid date enables saving: %v", d.Err())
	}
	test.Type(m.Entry, "12x")
	if m.Err() == nil || !strings.Contains(m.Message.Text, "montant") || !f.Save.Disabled() {
		t.Errorf("bad amount: %q", m.Message.Text)
	}
	m.SetText("")
	test.Type(m.Entry, "1234,5")
	m.Entry.FocusLost()
	if m.Entry.Text != "1\u00a0234,50\u00a0€" || m.Cents() != 123450 {
		t.Errorf("amount shown %q = %d", m.Entry.Text, m.Cents())
	}
	n.SetText("")
	test.Type(n.Entry, "25")
	if n.Err() == nil || !f.Summary.Visible() {
		t.Error("out of range integer must be refused")
	}
	n.SetText("4")
	f.Check()
	test.Tap(f.Save)
	if saved != 1 {
		t.Errorf("saved %d times", saved)
	}
}

func TestChamps_ConfirmLeave(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	defer w.Close()
	f := NewForm(func() {})
	c := NewChamp("Nom", true)
	f.Add(c)
	left := 0
	f.ConfirmLeave(w, func() bool { return true }, func() { left++ })
	if left != 1 {
		t.Fatal("a clean form leaves at once")
	}
	test.Type(c.Entry, "Durand")
	f.ConfirmLeave(w, func() bool { return true }, func() { left++ })
	if left != 1 || len(openDialogs) != 1 {
		t.Fatal("a changed form asks first")
	}
	labels := buttonLabels(w.Canvas().Overlays().Top())
	if strings.Join(labels, ",") != "Annuler,Ne pas enregistrer,Enregistrer" {
		t.Errorf("buttons = %v", labels)
	}
	if !closeTopDialog() || len(openDialogs) != 0 || left != 1 {
		t.Error("Échap closes the question and stays")
	}
	f.ConfirmLeave(w, func() bool { return true }, func() { left++ })
	tapButton(t, w.Canvas().Overlays().Top(), "Ne pas enregistrer")
	if left != 2 {
		t.Error("Ne pas enregistrer leaves")
	}
}

func TestChamps_ConfirmerFrench(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	defer w.Close()
	ok := false
	Confirmer(w, "Supprimer le logement ?", "Le logement sera supprimé.", "Supprimer", func() { ok = true })
	labels := buttonLabels(w.Canvas().Overlays().Top())
	if strings.Join(labels, ",") != "Annuler,Supprimer" {
		t.Errorf("buttons = %v", labels)
	}
	tapButton(t, w.Canvas().Overlays().Top(), "Supprimer")
	if !ok {
		t.Error("confirmation not run")
	}
}

// visit walks a canvas object tree, widgets' renderers included.
func visit(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	fn(o)
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			visit(c, fn)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			visit(c, fn)
		}
	}
}

// buttonLabels lists the visible buttons' texts under o.
func buttonLabels(o fyne.CanvasObject) []string {
	var out []string
	visit(o, func(c fyne.CanvasObject) {
		if b, ok := c.(*bouton); ok {
			out = append(out, b.Text)
		}
	})
	return out
}

// tapButton taps the visible button labelled text under o.
func tapButton(t *testing.T, o fyne.CanvasObject, text string) {
	t.Helper()
	var found *bouton
	visit(o, func(c fyne.CanvasObject) {
		if b, ok := c.(*bouton); ok && b.Text == text && found == nil {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button %q among %v", text, buttonLabels(o))
	}
	test.Tap(found)
}

// labelTexts gathers the visible labels' texts under o.
func labelTexts(o fyne.CanvasObject) string {
	var b strings.Builder
	visit(o, func(c fyne.CanvasObject) {
		if l, ok := c.(*widget.Label); ok {
			b.WriteString(l.Text)
			b.WriteByte('\n')
		}
	})
	return b.String()
}
