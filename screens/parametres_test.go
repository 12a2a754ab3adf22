package screens

import (
	"io"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"logis/model"
)

func parametresScreen(t *testing.T, m *Main) *Parametres {
	t.Helper()
	m.Show("Paramètres")
	s, ok := m.screens[m.current].(*Parametres)
	if !ok {
		t.Fatalf("current screen is %T", m.screens[m.current])
	}
	return s
}

// overlayTexts returns the texts of labels and buttons of the top dialog.
func overlayTexts(w fyne.Window) []string {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return nil
	}
	var out []string
	for _, o := range test.LaidOutObjects(top) {
		switch v := o.(type) {
		case *widget.Label:
			out = append(out, v.Text)
		case *bouton:
			out = append(out, v.Text)
		}
	}
	return out
}

func TestParametres_InvalidThresholdBlocksSaving(t *testing.T) {
	m := newTestMain(t, 0, 0)
	s := parametresScreen(t, m)
	e := s.regles
	taux := e.byLabel["Taux d'effort maximal"]
	if taux == nil {
		t.Fatal("no field « Taux d'effort maximal »")
	}
	if !e.form.Save.Disabled() {
		t.Error("Enregistrer enabled before any change")
	}
	taux.Entry.SetText("")
	test.Type(taux.Entry, "150")
	if !e.form.Summary.Visible() || !strings.Contains(e.form.Summary.Text, "le taux d'effort maximal doit être compris entre 0 et 100\u00a0%") {
		t.Errorf("summary = %q (visible %v)", e.form.Summary.Text, e.form.Summary.Visible())
	}
	if !e.form.Save.Disabled() {
		t.Error("Enregistrer enabled with an invalid threshold")
	}
	taux.Entry.SetText("abc")
	taux.Entry.FocusLost() // the message waits for a pause or for the field to be left
	if !taux.Message.Visible() || !strings.Contains(taux.Message.Text, "n'est pas un nombre") || !e.form.Save.Disabled() {
		t.Errorf("message %q, save disabled %v", taux.Message.Text, e.form.Save.Disabled())
	}
	e.onSave() // even called directly, nothing is written
	if r, _ := m.app.Regles(); r.TauxEffortMax != 0.35 {
		t.Errorf("stored %v", r.TauxEffortMax)
	}
	taux.Entry.SetText("33")
	if e.form.Save.Disabled() || e.form.Summary.Visible() {
		t.Fatalf("valid value still blocked: %q", e.form.Summary.Text)
	}
	test.Tap(e.form.Save)
	if r, _ := m.app.Regles(); r.TauxEffortMax != 0.33 {
		t.Errorf("stored %v, want 0.33", r.TauxEffortMax)
	}
	j, _ := m.app.DB.Journal(1)
	if len(j) != 1 || j[0].Action != "Paramètres : tables de règles" {
		t.Errorf("journal = %+v", j)
	}
}

func TestParametres_AddYearAndCeilingValidation(t *testing.T) {
	m := newTestMain(t, 0, 0)
	e := parametresScreen(t, m).regles
	e.onAddYear()
	c := e.byLabel["Plafond 2027 PLUS (reste de l'Île-de-France), catégorie 2"]
	if c == nil || e.plafYear != 2027 {
		t.Fatalf("no 2027 field (year shown %d)", e.plafYear)
	}
	if c.Cents() != 4023300 {
		t.Errorf("2027 copied %v", c.Cents())
	}
	c.Entry.SetText("100") // below category 1: tables must grow with the category
	if !strings.Contains(e.form.Summary.Text, "doivent être positifs et croître avec la catégorie") || !e.form.Save.Disabled() {
		t.Errorf("summary %q", e.form.Summary.Text)
	}
	c.Entry.SetText("41 000")
	// The other copies of 2026, unedited, block saving: never another year's figures.
	if !strings.Contains(e.form.Summary.Text, "plafonds 2027 PLUS (Paris et communes limitrophes) : copie de 2026 non modifiée") || !e.form.Save.Disabled() {
		t.Errorf("summary %q", e.form.Summary.Text)
	}
	for _, l := range []string{"Plafond 2027 PLUS (Paris et communes limitrophes), catégorie 2", "Plafond 2027 PLAI (Paris et communes limitrophes), catégorie 2", "Plafond 2027 PLAI (reste de l'Île-de-France), catégorie 2"} {
		f := e.byLabel[l]
		if f == nil {
			t.Fatalf("no field %q", l)
		}
		f.Entry.SetText(model.Cents(f.Cents() + 100).Whole())
	}
	test.Tap(e.form.Save)
	r, _ := m.app.Regles()
	if b, ok := r.Bareme(2027, "reste_idf", "PLUS"); !ok || b.Annee != 2027 || b.Categories[1] != 4100000 {
		t.Errorf("2027 table stored = %+v %v", b, ok)
	}
}

func TestParametres_SaveOfficeName(t *testing.T) {
	m := newTestMain(t, 0, 0)
	s := parametresScreen(t, m)
	s.nom.Entry.SetText("")
	if !s.office.Save.Disabled() || !strings.Contains(s.nom.Message.Text, "obligatoire") {
		t.Errorf("empty name: save disabled %v, message %q", s.office.Save.Disabled(), s.nom.Message.Text)
	}
	test.Type(s.nom.Entry, "OPH Val-de-Bièvre Habitat")
	s.adresse.Entry.SetText("1 place de la République\n" + strings.Repeat("x", 39))
	if !strings.Contains(s.adresse.Message.Text, "ligne 2 : 39 caractères ; 38 au plus") || !s.office.Save.Disabled() {
		t.Errorf("address message %q", s.adresse.Message.Text)
	}
	s.adresse.Entry.SetText("1 place de la République\n94110 ARCUEIL")
	test.Tap(s.office.Save)
	o, err := m.app.Office()
	if err != nil || o.Nom != "OPH Val-de-Bièvre Habitat" || len(o.Adresse) != 2 || o.Adresse[1] != "94110 ARCUEIL" {
		t.Errorf("stored %+v, %v", o, err)
	}
	j, _ := m.app.DB.Journal(1)
	if len(j) != 1 || j[0].Action != "Paramètres : identité de l'Office" || len(j[0].Changements) != 1 || j[0].Changements[0].Type != "office" {
		t.Errorf("journal = %+v", j)
	}
	// Saved, with what is still the example's (telephone, DPO, signatory).
	if !strings.HasPrefix(s.officeInfo.Text, "Identité de l'Office enregistrée. À compléter avant d'imprimer les courriers : le téléphone") || !s.office.Save.Disabled() {
		t.Errorf("after save: %q, save disabled %v", s.officeInfo.Text, s.office.Save.Disabled())
	}
}

func TestParametres_LogoRefusedWhenNotAnImage(t *testing.T) {
	m := newTestMain(t, 0, 0)
	s := parametresScreen(t, m)
	s.useLogo(strings.NewReader("GIF89a pas un png"))
	if !strings.Contains(s.logoInfo.Text, "PNG ou JPEG") || s.office.Dirty() {
		t.Errorf("logo info %q, dirty %v", s.logoInfo.Text, s.office.Dirty())
	}
}

func TestParametres_BadImportShowsEveryLineAndWritesNothing(t *testing.T) {
	m := newTestMain(t, 0, 0)
	s := parametresScreen(t, m)
	m.win.Resize(fyne.NewSize(1280, 900))
	csv := `reference;residence;adresse;code_postal;commune;qpv;typologie;pieces;surface;etage;ascenseur;pmr;financement;loyer;charges;contingent
L1;R1;1 rue A;94110;Arcueil;non;T2;2;40;1;oui;non;PLUS;400;100;bailleur
L2;R1;1 rue A;94110;Arcueil;non;T2;2;-12;1;oui;non;PLUS;400;100;bailleur
L3;R1;1 rue A;94110;Arcueil;non;T9X;2;40;1;oui;non;PLUS;400;100;bailleur
L4;R1;1 rue A;94110;Arcueil;non;T2;2;40;1;oui;non;HLM;400;100;bailleur
`
	s.importFrom("logements", "logements.csv", io.NopCloser(strings.NewReader(csv)))
	s.waitIdle()
	if c, _ := m.app.DB.Counts(); c.Logements != 0 || c.Residences != 0 {
		t.Errorf("refused import wrote %+v", c)
	}
	if !strings.Contains(s.importStatus.Text, "refusé : 3 lignes à corriger, rien n'a été enregistré") {
		t.Errorf("status = %q", s.importStatus.Text)
	}
	// The window's status line says the refusal too (it kept saying the
	// last import that passed: essai-12b N13).
	if st := m.status.Text; !strings.HasPrefix(st, "Import de « logements.csv » refusé, rien n'a été enregistré à ") {
		t.Errorf("status line %q", st)
	}
	all := strings.Join(overlayTexts(m.win), "\n")
	for _, want := range []string{"ligne 3 (logement L2), colonne surface", "ligne 4 (logement L3), colonne typologie", "ligne 5 (logement L4), colonne financement", "Fermer", "3 lignes à corriger"} {
		if !strings.Contains(all, want) {
			t.Errorf("report lacks %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "ligne 2") {
		t.Errorf("the good line is reported:\n%s", all)
	}
	// Échap-like dismissal closes it.
	closeTopDialog()
	if m.win.Canvas().Overlays().Top() != nil {
		t.Error("report still shown")
	}
	// A good file then goes through.
	good := strings.Split(csv, "\n")
	s.importFrom("logements", "logements.csv", io.NopCloser(strings.NewReader(good[0]+"\n"+good[1]+"\n")))
	s.waitIdle()
	if c, _ := m.app.DB.Counts(); c.Logements != 1 || !strings.HasPrefix(s.importStatus.Text, "Import logements : 1 ligne(s)") {
		t.Errorf("good import: %+v, %q", c, s.importStatus.Text)
	}
}

func TestParametres_FrenchFileDialogsAndBackup(t *testing.T) {
	m := newTestMain(t, 30, 20)
	s := parametresScreen(t, m)
	m.win.Resize(fyne.NewSize(1000, 700))
	s.onBackup()
	all := strings.Join(overlayTexts(m.win), "\n")
	for _, want := range []string{"Enregistrer", "Annuler"} {
		if !strings.Contains(all, want) {
			t.Errorf("backup dialog lacks %q:\n%s", want, all)
		}
	}
	for _, bad := range []string{"Save", "Cancel"} {
		for _, txt := range overlayTexts(m.win) {
			if txt == bad {
				t.Errorf("English button %q", bad)
			}
		}
	}
	m.win.Canvas().Overlays().Top().Hide()
	m.win.Canvas().Overlays().Remove(m.win.Canvas().Overlays().Top())

	dest := filepath.Join(t.TempDir(), "sauvegarde.db")
	s.backupTo(dest)
	s.waitIdle()
	if !strings.HasPrefix(s.backupStatus.Text, "Sauvegarde écrite dans") {
		t.Errorf("backup status = %q", s.backupStatus.Text)
	}
	s.onVerify()
	s.waitIdle()
	if !strings.HasPrefix(s.backupStatus.Text, "Base vérifiée : aucune incohérence. 20 logements, 30 ménages") {
		t.Errorf("verify status = %q", s.backupStatus.Text)
	}
}

func TestParametres_UnsavedChangesAsked(t *testing.T) {
	m := newTestMain(t, 0, 0)
	m.win.Resize(fyne.NewSize(1280, 800))
	s := parametresScreen(t, m)
	s.nom.Entry.SetText("Nom modifié")
	left := false
	s.confirmLeave(func() { left = true }, func() {})
	all := strings.Join(overlayTexts(m.win), "\n")
	for _, want := range []string{"Enregistrer les modifications ?", "Annuler", "Ne pas enregistrer", "Enregistrer"} {
		if !strings.Contains(all, want) {
			t.Errorf("question lacks %q:\n%s", want, all)
		}
	}
	if left {
		t.Fatal("left without asking")
	}
	var drop *bouton
	for _, o := range test.LaidOutObjects(m.win.Canvas().Overlays().Top()) {
		if b, ok := o.(*bouton); ok && b.Text == "Ne pas enregistrer" {
			drop = b
		}
	}
	test.Tap(drop)
	if !left || s.nom.Text() != "Office Public de l'Habitat" || s.office.Dirty() {
		t.Errorf("left %v, name %q, dirty %v", left, s.nom.Text(), s.office.Dirty())
	}
	if o, _ := m.app.Office(); o.Nom != "Office Public de l'Habitat" {
		t.Errorf("dropped change stored: %q", o.Nom)
	}
}

func TestParametres_TypologyRows(t *testing.T) {
	m := newTestMain(t, 0, 0)
	e := parametresScreen(t, m).regles
	e.onAddTypologie()
	lib := e.byLabel["Tableau d'occupation, ligne 5 : libellé"]
	if lib == nil || lib.Text() != "Nouvelle ligne" || e.form.Save.Disabled() {
		t.Fatalf("row 5 = %v, save disabled %v", lib, e.form.Save.Disabled())
	}
	lib.Entry.SetText("Couple ou isolé + 6 enfants et plus")
	e.byLabel["Tableau d'occupation, ligne 5 : minimum"].Entry.SetText("6")
	e.byLabel["Tableau d'occupation, ligne 5 : typologie minimale (1 à 6)"].Entry.SetText("6")
	test.Tap(e.form.Save)
	r, _ := m.app.Regles()
	if len(r.Typologies) != 5 || r.Typologies[4].Min != 6 || r.Typologies[4].Max != -1 || r.Typologies[4].TypoMin != 6 {
		t.Errorf("stored %+v", r.Typologies)
	}
	e.onRemoveTypologie()
	test.Tap(e.form.Save)
	if r, _ := m.app.Regles(); len(r.Typologies) != 4 {
		t.Errorf("%d rows after removing one", len(r.Typologies))
	}
}

func TestParametres_FirstQuartileYear(t *testing.T) {
	m := newTestMain(t, 0, 0)
	e := parametresScreen(t, m).regles
	e.onAddQuartile(2031)
	c := e.byLabel["Premier quartile 2031"]
	if c == nil || c.Text() != "" || !e.form.Save.Disabled() || !strings.Contains(e.form.Summary.Text, "Premier quartile 2031 : obligatoire") {
		t.Fatalf("field %v, summary %q", c, e.form.Summary.Text)
	}
	test.Type(c.Entry, "13 500")
	test.Tap(e.form.Save)
	r, _ := m.app.Regles()
	if q, y, ok := r.PremierQuartile(2031); !ok || y != 2031 || q != 1350000 {
		t.Errorf("stored %v %d %v", q, y, ok)
	}
}

// TestParametres_SignataireEtDelaiPostal: the signatory's first name and
// name, the data recipients and the postal delay are entered and stored;
// a configured identity saves without a reminder.
func TestParametres_SignataireEtDelaiPostal(t *testing.T) {
	m := newTestMain(t, 0, 0)
	s := parametresScreen(t, m)
	if s.delai.Text() != "3" {
		t.Errorf("délai postal par défaut %q", s.delai.Text())
	}
	s.delai.Entry.SetText("40")
	if !s.office.Save.Disabled() || !strings.Contains(s.delai.Message.Text, "de 1 à 15") {
		t.Errorf("délai 40 : save disabled %v, message %q", s.office.Save.Disabled(), s.delai.Message.Text)
	}
	s.delai.Entry.SetText("4")
	s.nom.Entry.SetText("OPH Val-de-Bièvre Habitat")
	s.telephone.Entry.SetText("01 45 00 00 01")
	s.dpo.Entry.SetText("dpo@oph-exemple.fr")
	s.sigPrenom.Entry.SetText("Hélène")
	s.sigNom.Entry.SetText("Marchand")
	s.destin.Entry.SetText("les services de l'Office et les membres de la CALEOL")
	test.Tap(s.office.Save)
	o, err := m.app.Office()
	if err != nil || o.DelaiPostal != 4 || o.SignataireNomComplet() != "Hélène MARCHAND" || o.Destinataires != "les services de l'Office et les membres de la CALEOL" {
		t.Fatalf("stored %+v, %v", o, err)
	}
	if s.officeInfo.Text != "Identité de l'Office enregistrée." {
		t.Errorf("after save: %q", s.officeInfo.Text)
	}
}
