package screens

// Issue 12, items 2 and 13: nothing cut at 1366 × 768 and 1920 × 1080, and
// the window never widens itself beyond the size Logis opens it at.

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"logis/model"
)

// Window sizes: what Logis opens on a 1366 × 768 laptop, the inside of a
// maximised window there (taskbar and title bar off), and a 1920 × 1080 one.
var (
	tailleOuverture = fyne.NewSize(1280, 700)
	taille1366      = fyne.NewSize(1366, 700)
	taille1920      = fyne.NewSize(1920, 1010)
)

// coupe says why label l shows its text cut ("" when whole): a truncating
// label narrower than one of its lines. Wrapping labels are never cut.
func coupe(l *widget.Label) string {
	if !l.Visible() || l.Wrapping != fyne.TextWrapOff {
		return ""
	}
	for _, line := range strings.Split(l.Text, "\n") {
		need := fyne.MeasureText(line, theme.TextSize(), l.TextStyle).Width + 2*theme.InnerPadding()
		if need > l.Size().Width+0.5 {
			return fmt.Sprintf("« %s » needs %.0f px, has %.0f", line, need, l.Size().Width)
		}
	}
	return ""
}

// labelsCoupes lists the cut labels under o (lists' rows included).
func labelsCoupes(o fyne.CanvasObject) []string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch v := o.(type) {
		case *widget.Label:
			if c := coupe(v); c != "" {
				out = append(out, c)
			}
			return
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
			return
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(v).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

// Every screen, each tab of a session and of Paramètres, with a household,
// a dwelling and a session open: the content never asks for more than the
// window Logis opens (before, the household sheet and the accounts' tab made
// the window widen itself past a laptop's screen, squeezing the rest).
func TestMiseEnPage_LaFenetreNeSElargitPas(t *testing.T) {
	m := readyMain(t, 400, 200)
	fyne.CurrentApp().Settings().SetTheme(theme.DefaultTheme())
	m.win.Resize(tailleOuverture)
	verifie := func(quoi string) {
		t.Helper()
		m.win.Content().Refresh()
		if w := m.root.MinSize().Width; w > tailleOuverture.Width {
			t.Errorf("%s: the window's content needs %.0f px > %.0f", quoi, w, tailleOuverture.Width)
		}
		if h := m.root.MinSize().Height; h > tailleOuverture.Height {
			t.Errorf("%s: the window's content needs %.0f px of height > %.0f", quoi, h, tailleOuverture.Height)
		}
		for _, l := range enLigneRepliee(m.root) {
			t.Errorf("%s: a wrapping label in a row (one letter a line as soon as it has text): %q", quoi, l)
		}
	}
	verifie("Tableau de bord")
	m.patrimoine().list.Select(1)
	verifie("Patrimoine, un logement")
	s := m.menages()
	for i := 0; i < 5; i++ {
		s.list.Select(i)
		verifie(fmt.Sprintf("Ménages, ménage %d", i))
	}
	m.Show("Examen d'occupation")
	verifie("Examen d'occupation")
	c := commissionsScreen(t, m)
	seanceDuJour(t, m, c)
	for i, ti := range c.seance.tabs.Items {
		c.seance.tabs.SelectIndex(i)
		c.waitIdle()
		verifie("Commissions › " + ti.Text)
	}
	c.tabs.SelectIndex(1)
	c.waitIdle()
	verifie("Commissions › Rapport annuel")
	m.Show("Paramètres")
	p := m.screens[m.current].(*Parametres)
	for i, ti := range p.tabs.Items {
		p.tabs.SelectIndex(i)
		verifie("Paramètres › " + ti.Text)
	}
	// The identity saved with its reminder (« … celui de l'exemple »): the
	// reminder once drew one letter a line and made the window 5 693 px tall.
	p.tabs.SelectIndex(0)
	test.Type(p.sigPrenom.Entry, "Claire")
	test.Tap(p.office.Save)
	if p.officeInfo.Text == "" {
		t.Fatal("no reminder after saving the identity")
	}
	verifie("Paramètres › Identité enregistrée, avec son rappel")
}

// enLigneRepliee lists the texts of the wrapping labels laid out in a row
// (an HBox gives them their minimum width: one letter).
func enLigneRepliee(o fyne.CanvasObject) []string {
	var out []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch v := o.(type) {
		case *fyne.Container:
			rangee := fmt.Sprintf("%T", v.Layout) == "layout.hBoxLayout"
			for _, c := range v.Objects {
				if l, ok := c.(*widget.Label); ok && rangee && l.Wrapping != fyne.TextWrapOff {
					out = append(out, l.Text)
				}
				walk(c)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(v).Objects() {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

// The proposed candidates' table of a session, at 1366 × 768 and at
// 1920 × 1080: the columns fill the table without overflowing it, every
// header is whole, and so are the rank, the name (usual length) and the
// resources; the session list, the navigation and the table's rows show no
// cut text but the reason (whole in the detail pane beside).
func TestMiseEnPage_TableauDesCandidats(t *testing.T) {
	m := readyMain(t, 400, 200)
	fyne.CurrentApp().Settings().SetTheme(theme.DefaultTheme())
	c := commissionsScreen(t, m)
	seanceDuJour(t, m, c)
	c.seance.tabs.Select(c.seance.tabLog)
	p := c.seance.logements
	p.dossiers.Select(0)
	p.tabs.SelectIndex(1)
	c.waitIdle()
	p.props.Select(0)
	for _, taille := range []fyne.Size{taille1366, taille1920} {
		m.win.Resize(taille)
		m.win.Content().Refresh()
		w := p.props.Size().Width
		ws := propColonnes.largeurs(w)
		sum := float32(0)
		for _, x := range ws {
			sum += x
		}
		if sum > w+0.5 {
			t.Errorf("%v: columns %.0f px in a table %.0f wide", taille, sum, w)
		}
		for i, col := range propColonnes {
			if h := widget.NewLabelWithStyle(col.titre, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}).MinSize().Width; h > ws[i]-theme.Padding() {
				t.Errorf("%v: header « %s » needs %.0f px, its column has %.0f", taille, col.titre, h, ws[i]-theme.Padding())
			}
			if col.part == 0 || i == 1 { // rank, name, resources: whole
				if ws[i] < propColonnes.besoin(i)-0.5 {
					t.Errorf("%v: column « %s » %.0f px < %.0f needed", taille, col.titre, ws[i], propColonnes.besoin(i))
				}
			}
		}
		for _, x := range labelsCoupes(c.list) {
			t.Errorf("%v: session list: %s", taille, x)
		}
		for _, x := range labelsCoupes(m.nav) {
			t.Errorf("%v: navigation: %s", taille, x)
		}
		// The rows on screen: only the reason may end in « … ».
		for i := 0; i < min(5, len(p.prop.Candidats)); i++ {
			row := propLigne()
			row.Resize(fyne.NewSize(w, row.MinSize().Height))
			e := &p.prop.Candidats[i]
			setPropLigne(row, e, p.dossier(), func(s string) string { return s })
			cells := row.(*fyne.Container).Objects
			for j, o := range cells[:len(cells)-1] {
				if l, ok := o.(*widget.Label); ok && coupe(l) != "" && (j != 1 || len([]rune(e.Nom)) <= len([]rune(propColonnes[1].exemple))) {
					t.Errorf("%v: row %d, « %s »: %s", taille, i+1, propColonnes[j].titre, coupe(l))
				}
			}
		}
		if taille == taille1920 && ws[len(ws)-1] < propColonnes.besoin(len(ws)-1) {
			t.Errorf("1920 px: the reason's column %.0f px < %.0f", ws[len(ws)-1], propColonnes.besoin(len(ws)-1))
		}
	}
}

// The columns' widths from the table's width: extra width shared by part;
// short of width, the reason then the name give it back down to their
// header, rank and amounts stay whole; always summing to the width.
func TestMiseEnPage_LargeursDesColonnes(t *testing.T) {
	test.NewTempApp(t)
	total := propColonnes.largeurMin()
	entetes := float32(0)
	for i, c := range propColonnes {
		if c.part > 0 {
			entetes += propColonnes.entete(i)
		} else {
			entetes += propColonnes.besoin(i)
		}
	}
	for _, w := range []float32{total + 300, total, total - 20, (total + entetes) / 2, entetes, entetes - 50} {
		ws := propColonnes.largeurs(w)
		sum := float32(0)
		for _, x := range ws {
			sum += x
		}
		if d := sum - w; d > 0.5 || d < -0.5 {
			t.Errorf("width %.0f: columns sum to %.0f", w, sum)
		}
		for i, c := range propColonnes {
			switch {
			case w >= total && ws[i] < propColonnes.besoin(i)-0.01:
				t.Errorf("width %.0f ≥ %.0f: « %s » %.0f < %.0f", w, total, c.titre, ws[i], propColonnes.besoin(i))
			case w >= entetes && c.part == 0 && ws[i] < propColonnes.besoin(i)-0.01:
				t.Errorf("width %.0f: fixed column « %s » shrank to %.0f", w, c.titre, ws[i])
			case w >= entetes && ws[i] < propColonnes.entete(i)-0.01:
				t.Errorf("width %.0f: « %s » %.0f narrower than its header", w, c.titre, ws[i])
			}
		}
	}
	// Between the two, the reason gives back before the name.
	ws := propColonnes.largeurs(total - 20)
	if ws[1] < propColonnes.besoin(1)-0.01 {
		t.Errorf("20 px short: the name shrank (%.0f) before the reason", ws[1])
	}
}

// A session being prepared: the longest usual quality of a member is whole
// in its field; the member's boxes are on their own line.
func TestMiseEnPage_QualiteDesMembres(t *testing.T) {
	m := readyMain(t, 400, 200)
	fyne.CurrentApp().Settings().SetTheme(theme.DefaultTheme())
	c := commissionsScreen(t, m)
	seanceDuJour(t, m, c)
	c.seance.tabs.SelectIndex(0)
	mp := c.seance.membres
	r := mp.addRow(model.Membre{Nom: "C. Essai", Qualite: QualitesMembre[0], Voix: true})
	for _, taille := range []fyne.Size{tailleOuverture, taille1366, taille1920} {
		m.win.Resize(taille)
		m.win.Content().Refresh()
		need := fyne.MeasureText(QualitesMembre[0], theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding()
		// The entry's text area: its width less the list's button.
		if has := r.qualite.Size().Width - theme.IconInlineSize() - 2*theme.Padding(); has < need {
			t.Errorf("%v: quality « %s » needs %.0f px, the field shows %.0f", taille, QualitesMembre[0], need, has)
		}
		for _, x := range labelsCoupes(mp.head) {
			t.Errorf("%v: members' header: %s", taille, x)
		}
	}
}

// A household sheet opened in place of « Choisissez un ménage… » is laid
// out at its width at once: before, the splits kept the places computed for
// the short message and the sheet was drawn cut on its right until the
// window was resized.
func TestMiseEnPage_FicheOuverteEntiere(t *testing.T) {
	m := readyMain(t, 400, 200)
	fyne.CurrentApp().Settings().SetTheme(theme.DefaultTheme())
	m.win.Resize(tailleOuverture)
	s := m.menages()
	m.win.Content().Refresh()
	s.list.Select(0)
	if w, min := s.fiche.fields.Size().Width, s.fiche.fields.MinSize().Width; w < min-0.5 {
		t.Errorf("the sheet is %.0f px wide, it needs %.0f", w, min)
	}
}

// The occupancy review at 1366 × 768: the situations whole and no wider
// than their longest title, the households' list (name, explanation) given
// the rest beside the detail.
func TestMiseEnPage_ExamenDOccupation(t *testing.T) {
	m := readyMain(t, 400, 200)
	fyne.CurrentApp().Settings().SetTheme(theme.DefaultTheme())
	m.win.Resize(taille1366)
	m.Show("Examen d'occupation")
	s := m.screens[m.current].(*Occupation)
	m.win.Content().Refresh()
	for _, x := range labelsCoupes(s.filtres) {
		t.Errorf("situations: %s", x)
	}
	if f, l := s.filtres.Size().Width, s.menages.Size().Width; l < 1.2*f {
		t.Errorf("the households' list (%.0f px) is not much wider than the situations' (%.0f px)", l, f)
	}
	var ls []string
	for _, f := range occFiltres {
		ls = append(ls, occFiltreLabel(f))
	}
	need := fyne.MeasureText(plusLong(ls)+"000 000", theme.TextSize(), fyne.TextStyle{}).Width + 4*theme.InnerPadding() + 4*theme.Padding()
	if min := s.filtres.MinSize().Width; min > need {
		t.Errorf("the situations' list asks for %.0f px, its longest row needs %.0f", min, need)
	}
}
