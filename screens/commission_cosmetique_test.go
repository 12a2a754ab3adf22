package screens

import (
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"logis/model"
)

// N12 (essai-12b): « Quorum : conforme » in green, as « alerte » is in red.
func TestMembres_QuorumConformeEnVert(t *testing.T) {
	test.NewTempApp(t)
	p := newMembresPanel(test.NewWindow(nil), func([]model.Membre) error { return nil })
	couleur := func() fyne.ThemeColorName {
		for _, s := range p.quorum.Segments {
			if t, ok := s.(*widget.TextSegment); ok {
				return t.Style.ColorName
			}
		}
		return ""
	}
	p.set([]model.Membre{{Nom: "A", Voix: true, Present: true}, {Nom: "B", Voix: true, Present: true}}, false)
	if !strings.Contains(p.quorum.String(), "conforme") || couleur() != theme.ColorNameSuccess {
		t.Errorf("quorum reached: %q in %q", p.quorum.String(), couleur())
	}
	p.set([]model.Membre{{Nom: "A", Voix: true}, {Nom: "B", Voix: true}, {Nom: "C", Voix: true, Present: true}}, false)
	if !strings.Contains(p.quorum.String(), "alerte") || couleur() != theme.ColorNameError {
		t.Errorf("quorum not reached: %q in %q", p.quorum.String(), couleur())
	}
}

// N12 (essai-12b): a unit never starts a line away from its number: the
// model writes a no-break space (PDF, CSV), the window glues the unit,
// since Fyne wraps at any Unicode space.
func TestSansCoupure_UniteAvecSonNombre(t *testing.T) {
	effort, ok := model.MotifByCode(model.MotifsNonAttribution, "effort")
	if !ok || !strings.Contains(effort.Libelle, "35\u00a0%") || !strings.Contains(effort.Libelle, "20\u00a0€") {
		t.Fatalf("the model's reason: %q", effort.Libelle)
	}
	uc := model.Verdict{Titre: "Unités de consommation", Resultat: model.Conforme, Valeur: model.FormatDecimal(2.1, 1, false) + "\u00a0UC"}
	for _, s := range []string{sansCoupure(effort.Libelle), sansCoupure(uc.Valeur), sansCoupure("41,2\u00a0% et 68\u00a0m²")} {
		for _, u := range []string{"%", "€", "UC", "m²"} {
			for i := strings.Index(s, u); i > 0; i = -1 {
				r := []rune(s[:i])
				if unicode.IsSpace(r[len(r)-1]) {
					t.Errorf("%q: a space Fyne may break before %q", s, u)
				}
			}
		}
	}
	// The Décision dialog's reasons are shown so.
	f := newDecisionForm(nil, model.Today(), false, func(model.Decision) error { return nil })
	f.typ.SetSelected(model.NonAttribution.Label())
	var vu bool
	for _, o := range test.LaidOutObjects(f.motifs.box) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "dépasserait 35") {
			vu = true
			if !strings.Contains(l.Text, "35\u2060%") {
				t.Errorf("reason shown %q", l.Text)
			}
		}
	}
	if !vu {
		t.Error("the effort reason is not offered")
	}
}

// N13 (essai-12b): « Enregistrer les modifications ? » names what was
// changed: the decision, the members' list.
func TestConfirmation_NommeCeQuiAChange(t *testing.T) {
	m := newTestMain(t, 400, 200)
	s := commissionsScreen(t, m)
	_, d := seanceDuJour(t, m, s)
	p := s.seance.logements
	p.openDecision(d.Candidats[0].NUR)
	f := p.lastDecision
	test.Type(f.precisions.Entry, "Le ménage a visité le logement.")
	f.precisions.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if txt := strings.Join(overlayTexts(m.win), " | "); !strings.Contains(txt, "Les modifications de cette décision n'ont pas été enregistrées.") {
		t.Errorf("decision: %s", txt)
	}
	for _, c := range []struct {
		f    *Form
		veut string
	}{{s.seance.membres.form, "de la liste des membres"}, {NewForm(nil), "de cette fiche"}} {
		c.f.Touch()
		c.f.ConfirmLeave(m.win, func() bool { return true }, func() {})
		txt := strings.Join(overlayTexts(m.win), " | ")
		if !strings.Contains(txt, "Les modifications "+c.veut+" n'ont pas été enregistrées.") {
			t.Errorf("%s: %s", c.veut, txt)
		}
		tapButton(t, m.win.Canvas().Overlays().Top(), "Annuler")
	}
}
