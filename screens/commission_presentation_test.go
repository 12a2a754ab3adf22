package screens

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"logis/model"
)

// allTexts collects every text shown under o: labels, rich texts, buttons,
// checks, entries and canvas texts.
func allTexts(o fyne.CanvasObject) string {
	var b strings.Builder
	visit(o, func(c fyne.CanvasObject) {
		switch v := c.(type) {
		case *widget.Label:
			b.WriteString(v.Text)
		case *widget.RichText:
			b.WriteString(v.String())
		case *bouton:
			b.WriteString(v.Text)
		case *caseACocher:
			b.WriteString(v.Text)
		case *widget.Entry:
			b.WriteString(v.Text)
		case *canvas.Text:
			b.WriteString(v.Text)
		}
		b.WriteByte('\n')
	})
	return b.String()
}

// everyTab collects the texts of the session screen with each tab of the
// session, and each tab of the dwellings panel, shown in turn (a hidden tab
// is not drawn), plus the overlays.
func everyTab(m *Main, s *Commissions) string {
	var b strings.Builder
	e := s.seance
	for _, t := range e.tabs.Items {
		e.tabs.Select(t)
		if t == e.tabLog {
			for _, lt := range e.logements.tabs.Items {
				e.logements.tabs.Select(lt)
				b.WriteString(allTexts(m.win.Content()))
			}
			continue
		}
		b.WriteString(allTexts(m.win.Content()))
	}
	for _, o := range m.win.Canvas().Overlays().List() {
		b.WriteString(allTexts(o))
	}
	e.tabs.Select(e.tabLog)
	return b.String()
}

// TestPresentation_AucunNomComplet: with « Mode présentation » on, no full
// name, full NUR, birth date or income figure of a candidate (proposed or
// presented) appears anywhere on the session screens, the decision dialog
// included; off, they do (the check can fail).
func TestPresentation_AucunNomComplet(t *testing.T) {
	m := newTestMain(t, 400, 200)
	s := commissionsScreen(t, m)
	_, d := seanceDuJour(t, m, s)
	p := s.seance.logements
	p.tabs.Select(p.tabProp)
	s.waitIdle()
	if p.prop == nil || len(p.prop.Candidats) == 0 {
		t.Fatal("aucun candidat proposé")
	}
	p.props.Select(0)
	var noms, nurs []string
	for _, e := range p.prop.Candidats {
		noms = append(noms, e.Nom)
		nurs = append(nurs, e.NUR)
	}
	for _, k := range d.Candidats {
		nurs = append(nurs, k.NUR)
		if n, err := m.app.NomMenage(k.Menage); err == nil {
			noms = append(noms, n)
		}
	}
	p.openDecision(d.Candidats[0].NUR)
	clair := everyTab(m, s)
	if !strings.Contains(clair, noms[0]) || !strings.Contains(clair, d.Candidats[0].NUR) {
		t.Fatalf("sans le mode, le nom %q ou le NUR devraient s'afficher", noms[0])
	}
	m.win.Canvas().Overlays().Top().Hide()
	m.win.Canvas().Overlays().Remove(m.win.Canvas().Overlays().Top())

	s.seance.presCheck.SetChecked(true)
	p.tabs.Select(p.tabProp)
	p.props.Select(0)
	p.showProposition()
	p.openDecision(d.Candidats[0].NUR)
	masque := everyTab(m, s)
	for _, n := range noms {
		if strings.Contains(masque, n) {
			t.Errorf("nom complet %q affiché en mode présentation", n)
		}
	}
	for _, n := range nurs {
		if strings.Contains(masque, n) {
			i := strings.Index(masque, n)
			t.Errorf("NUR complet %q affiché en mode présentation : …%s…", n, masque[max(0, i-200):min(len(masque), i+100)])
		}
	}
	revenu := regexp.MustCompile(`N-2 de \d`)
	if !revenu.MatchString(clair) {
		t.Error("sans le mode, le revenu fiscal devrait s'afficher en chiffres")
	}
	if revenu.MatchString(masque) || strings.Contains(masque, "situation de handicap") {
		t.Error("revenu en chiffres ou handicap affiché en mode présentation")
	}
	if !strings.Contains(masque, "…"+d.Candidats[0].NUR[len(d.Candidats[0].NUR)-4:]) {
		t.Error("les quatre derniers caractères du NUR ne sont pas montrés")
	}
	// The members' file, from the session's button.
	for m.win.Canvas().Overlays().Top() != nil {
		m.win.Canvas().Overlays().Remove(m.win.Canvas().Overlays().Top())
	}
	s.seance.onDossier()
	tapButton(t, m.win.Canvas().Overlays().Top(), "Éditer")
	if s.seance.dernierDossier == "" {
		t.Fatal("dossier de séance non écrit")
	}
	if st, err := os.Stat(s.seance.dernierDossier); err != nil || st.Size() == 0 {
		t.Fatalf("dossier : %v", err)
	}
}

// TestPresentation_Consultation: for the consultation role the mode is on
// and its switch cannot be unchecked.
func TestPresentation_Consultation(t *testing.T) {
	m := readyMain(t, 20, 10)
	if err := m.app.DB.AddAccount(model.Compte{Nom: "c.membre", Role: model.Consultation}, "secret-c.membre"); err != nil {
		t.Fatal(err)
	}
	if err := m.app.DB.SignIn("c.membre", "secret-c.membre"); err != nil {
		t.Fatal(err)
	}
	s := commissionsScreen(t, m)
	e := s.seance
	chk := e.presentationToggle().(*caseACocher)
	if !chk.Checked || !chk.Disabled() || !e.enPresentation() {
		t.Fatalf("mode présentation pour la consultation : coché %v, grisé %v", chk.Checked, chk.Disabled())
	}
	full, err := m.app.NomMenage("M000001")
	if err != nil {
		t.Fatal(err)
	}
	if got := e.nomAffiche("M000001"); got == full || got != model.InitialesNom(full) {
		t.Errorf("nom affiché %q pour %q", got, full)
	}
}
