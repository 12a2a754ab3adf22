package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// champsDe lists the Champs of the object tree o.
func champsDe(f *Form) []*Champ {
	var out []*Champ
	for _, v := range f.fields {
		if c, ok := v.(*Champ); ok {
			out = append(out, c)
		}
	}
	return out
}

// tientSurSaLigne reports whether the message shown under c is whole (not
// cut) and on one line.
func tientSurSaLigne(c *Champ) (bool, float32, float32) {
	l := c.Message
	w := fyne.MeasureText(l.Text, theme.TextSize(), l.TextStyle).Width + 2*theme.InnerPadding()
	return w <= l.Size().Width && l.MinSize().Height <= lineHeight(), w, l.Size().Width
}

// TestFiche_MessagesSurLeurLigne (essai-12 F4): the messages under the
// fields of the household sheet hold on their reserved line at 1366 × 768:
// the NUR's (a demand typed without it) and the lease's reference are whole,
// what is below does not move when they appear, and any longer message is
// cut to the line (its whole text is in the summary at the foot of the sheet).
func TestFiche_MessagesSurLeurLigne(t *testing.T) {
	m := readyMain(t, 20, 10)
	m.win.Resize(fyne.NewSize(1366, 768))
	s := m.menages()
	s.fiche.startNew()
	f := s.fiche
	avant := f.active.Check.Position()
	communes := f.communes.obj.Position()
	f.communes.checks[0].SetChecked(true)
	f.impayes.Check.SetChecked(true)
	for _, c := range []*Champ{f.nur, f.logement} {
		c.Entry.FocusLost() // the message shows on leaving the field
		if !c.Message.Visible() || c.Err() == nil {
			t.Fatalf("%s: no message shown (err %v)", c.Label, c.Err())
		}
		if ok, w, lw := tientSurSaLigne(c); !ok {
			t.Errorf("%s: « %s » is %.0f px on a line of %.0f px", c.Label, c.Message.Text, w, lw)
		}
	}
	if f.active.Check.Position() != avant || f.communes.obj.Position() != communes {
		t.Errorf("the demand moved: %v → %v, communes %v → %v", avant, f.active.Check.Position(), communes, f.communes.obj.Position())
	}
	if !strings.Contains(f.form.Summary.Text, "NUR : obligatoire, la demande saisie (communes souhaitées)") {
		t.Errorf("summary %q", f.form.Summary.Text)
	}
	// Every field: a long message stays on its one line.
	for _, c := range champsDe(f.form) {
		c.Message.SetText(strings.Repeat("« 31/02/2020 » n'existe pas dans le calendrier ; ", 4))
		c.Message.Show()
		if c.Message.MinSize().Height > lineHeight() {
			t.Errorf("%s: a long message takes %.0f px (a line is %.0f)", c.Label, c.Message.MinSize().Height, lineHeight())
		}
	}
}
