package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"logis/app"
	"logis/model"
	"logis/storage"
)

func (m *Main) menages() *Menages {
	m.Show("Ménages et demandes")
	return m.screens[m.current].(*Menages)
}

func TestMenages_SearchAsYouType(t *testing.T) {
	m := readyMain(t, 80, 40)
	s := m.menages()
	if len(s.rows) != 80 {
		t.Fatalf("%d rows", len(s.rows))
	}
	r := s.rows[11]
	f, err := m.app.OpenMenage(r.ID)
	if err != nil {
		t.Fatal(err)
	}
	nom := strings.ToLower(model.Fold(f.Menage.Titulaire().Nom))
	test.Type(s.search, nom)
	found := false
	for _, x := range s.rows {
		found = found || x.ID == r.ID
	}
	if !found || len(s.rows) >= 80 {
		t.Errorf("search %q: %d rows, found %v", nom, len(s.rows), found)
	}
	s.search.SetText("")
	s.fMut.SetSelected("Mutations")
	for _, x := range s.rows {
		if !x.Mutation() {
			t.Fatalf("%s is not a transfer", x.ID)
		}
	}
	s.fMut.SetSelected("Mutation")
	if len(s.rows) != 80 {
		t.Fatalf("« Mutation » lists everyone: %d", len(s.rows))
	}
	dalo := &model.Demande{NUR: "7777023517879GDPUB", Menage: r.ID, DateDepot: m.app.Today().AddDays(-400), DALO: true, Active: true}
	if err := m.app.SaveDemande(dalo, true); err != nil {
		t.Fatal(err)
	}
	s.fPrio.SetSelected("Prioritaires (DALO, annexe 1)")
	found = false
	for _, x := range s.rows {
		if !x.Prioritaire() {
			t.Fatalf("%s is not a priority", x.ID)
		}
		found = found || x.ID == r.ID
	}
	if !found {
		t.Error("the DALO household is not listed among priorities")
	}
	// The dashboard's bands (issue 12: they differed).
	if got := strings.Join(s.fAnc.Options, ", "); !strings.HasSuffix(got, "Moins d'1 an, 1 à 2 ans, 2 à 5 ans, Plus de 5 ans") {
		t.Errorf("seniority options %q", got)
	}
	s.fAnc.SetSelected("2 à 5 ans")
	for _, x := range s.rows {
		if mo := x.DateDepot.MonthsUntil(m.app.Today()); x.NUR == "" || mo < 24 || mo >= 60 {
			t.Fatalf("seniority %d months in the 2–5 years filter", mo)
		}
	}
}

func ucOf(f *menageFiche) string {
	for _, v := range f.verif.verdicts {
		if v.Regle == "uc" {
			return v.Valeur
		}
	}
	return ""
}

func TestMenages_CreateAndVerificationsFollowBirthDate(t *testing.T) {
	m := readyMain(t, 10, 10)
	s := m.menages()
	s.create()
	f := s.fiche
	today := m.app.Today()
	titulaire := f.membres[0]
	test.Type(titulaire.nom.Entry, "Essai")
	test.Type(titulaire.prenom.Entry, "Anne")
	if !f.form.Save.Disabled() || !strings.Contains(f.form.Summary.Text, "Date de naissance : obligatoire") {
		t.Fatalf("a member without birth date blocks saving: %q", f.form.Summary.Text)
	}
	test.Type(titulaire.naissance.Entry, "04/05/1985")
	tapButton(t, f.fields, "Ajouter un membre")
	if len(f.membres) != 2 {
		t.Fatalf("%d members", len(f.membres))
	}
	child := f.membres[1]
	test.Type(child.nom.Entry, "Essai")
	test.Type(child.prenom.Entry, "Léo")
	y, mo, d := today.AddDays(10).YMD()
	test.Type(child.naissance.Entry, model.NewDate(y-14, mo, d).String()) // 14 in ten days
	if got := ucOf(f); got != "1,30\u00a0UC" {
		t.Errorf("with a child of 13: %q", got)
	}
	child.naissance.SetText("")
	y, mo, d = today.AddDays(-10).YMD()
	test.Type(child.naissance.Entry, model.NewDate(y-14, mo, d).String()) // 14 ten days ago
	if got := ucOf(f); got != "1,50\u00a0UC" {
		t.Errorf("with a child of 14: %q (verdicts are recomputed before saving)", got)
	}
	if !strings.Contains(labelTexts(f.verif.box), "Source : Politique d'attribution, §1.2, note 1") {
		t.Error("the UC verdict shows its source")
	}
	test.Type(f.rfr.Entry, "21000")
	test.Type(f.mensuelles.Entry, "1800")
	test.Type(f.nur.Entry, "12ab")
	if f.nur.Err() == nil || !f.form.Save.Disabled() {
		t.Fatal("a bad NUR blocks saving")
	}
	f.nur.SetText("")
	test.Type(f.nur.Entry, "9999023517879GDPUB")
	test.Type(f.depot.Entry, "15/01/2024")
	f.communes.SetSelected([]string{"Villejuif"})
	f.typos.SetSelected([]string{"T3"})
	f.priorites.SetSelected([]string{f.priorites.Options[6]})
	// Issue 9: the categories of L.441-1, « 9) » is not one.
	if len(f.priorites.Options) != 14 || !strings.HasPrefix(f.priorites.Options[7], "g bis) ") || !strings.HasPrefix(f.priorites.Options[8], "h) ") {
		t.Errorf("priority options %q", f.priorites.Options)
	}
	child.visite.Check.SetChecked(true)
	if got := ucOf(f); got != "1,00\u00a0UC" {
		t.Errorf("with the child under visiting rights: %q (not a member for the UC)", got)
	}
	child.visite.Check.SetChecked(false)
	child.autonomie.Check.SetChecked(true)
	f.renouvellement.Check.SetChecked(true)
	test.Type(f.refus.Entry, "02/05/2026")
	test.Type(f.motifRefus.Entry, "logement inaccessible")
	f.refusLegitime.Check.SetChecked(true)
	if v := ucOf(f); v == "" {
		t.Fatal("no verdicts")
	}
	if !strings.Contains(labelTexts(f.verif.box), "Plafond de ressources PLUS (Villejuif)") {
		t.Errorf("the ceiling of the first wished commune is shown:\n%s", labelTexts(f.verif.box))
	}
	if f.form.Save.Disabled() {
		t.Fatalf("errors: %v", f.form.Errors())
	}
	test.Tap(f.form.Save)
	id := f.loaded
	if id == "" || f.form.Dirty() {
		t.Fatalf("not saved: %v", f.form.Errors())
	}
	var mm *model.Menage
	var ds []model.Demande
	m.app.DB.View(func(tx *storage.Tx) (err error) {
		if mm, err = tx.Menage(id); err != nil {
			return err
		}
		ds, err = tx.DemandesOfMenage(id)
		return err
	})
	if mm == nil || len(mm.Personnes) != 2 || mm.Ressources.RevenuFiscal != model.Euros(21000) || len(ds) != 1 ||
		ds[0].NUR != "9999023517879GDPUB" || len(ds[0].Priorites) != 1 || ds[0].Priorites[0] != 7 || ds[0].Communes[0] != "Villejuif" {
		t.Fatalf("stored %+v %+v", mm, ds)
	}
	if !mm.Personnes[1].PerteAutonomie || mm.Personnes[1].DroitDeVisite || !ds[0].RenouvellementUrbain || !ds[0].RefusLegitime ||
		ds[0].MotifRefus != "logement inaccessible" || ds[0].RefusAdapte != model.NewDate(2026, 5, 2) {
		t.Errorf("issue 9 fields stored: %+v %+v", mm.Personnes[1], ds[0])
	}
	ev, _ := m.app.DB.Journal(1)
	if len(ev) == 0 || ev[0].Action != "Création d'un ménage" {
		t.Errorf("journal %+v", ev)
	}
	if r := m.app.Catalogue().Menage(id); r == nil || !r.Annexe1 {
		t.Errorf("catalogue %+v", r)
	}
}

func TestMenages_EditBirthDateOfTenant(t *testing.T) {
	m := readyMain(t, 60, 40)
	s := m.menages()
	s.fMut.SetSelected("Mutations")
	if len(s.rows) == 0 {
		t.Fatal("no transfer in the demo")
	}
	s.list.Select(0)
	f := s.fiche
	txt := labelTexts(f.verif.box)
	for _, want := range []string{"Conditions de mutation", "Sous-occupation", "Taux d'effort", "Source :"} {
		if !strings.Contains(txt, want) {
			t.Errorf("verifications lack %q", want)
		}
	}
	before := ucOf(f)
	// The head gets a baby's birth date: the first adult changes, so do the UC.
	tapButton(t, f.fields, "Ajouter un membre")
	nb := f.membres[len(f.membres)-1]
	test.Type(nb.nom.Entry, "Bébé")
	test.Type(nb.naissance.Entry, m.app.Today().AddDays(-30).String())
	if after := ucOf(f); after == before {
		t.Errorf("UC unchanged (%s) after adding a baby", after)
	}
	// Leaving for another screen asks first; Annuler stays.
	m.nav.Select(0)
	top := m.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(labelTexts(top), "Enregistrer les modifications ?") {
		t.Fatal("no unsaved-changes question when leaving the screen")
	}
	tapButton(t, top, "Annuler")
	if m.screens[m.current] != s {
		t.Error("Annuler stays on the screen")
	}
	m.nav.Select(0)
	tapButton(t, m.win.Canvas().Overlays().Top(), "Enregistrer")
	if m.current != 0 || f.form.Dirty() {
		t.Errorf("Enregistrer saves then leaves: screen %d dirty %v", m.current, f.form.Dirty())
	}
	mm, _ := m.app.OpenMenage(f.loaded)
	if mm == nil || mm.Menage.Personnes[len(mm.Menage.Personnes)-1].Nom != "Bébé" {
		t.Error("the new member was not saved")
	}
}

var _ = app.Oui

func TestMenages_IndexFollowsImports(t *testing.T) {
	m := readyMain(t, 20, 10)
	s := m.menages()
	m.Show("Tableau de bord")
	if s, ok := m.screens[m.current].(idler); ok {
		s.waitIdle() // its figures load in the background
	}
	if _, err := m.app.Import("menages", "menages.csv", strings.NewReader("menage;logement;date_entree;revenu_fiscal_reference;ressources_mensuelles;apl\nIMP-1;;;1000;100;0\n"), nil); err != nil {
		t.Fatal(err)
	}
	m.Show("Ménages et demandes") // sees the import, rebuilds the index in the background
	m.waitCatalogue()
	test.Type(s.search, "imp-1")
	if len(s.rows) != 1 || s.rows[0].ID != "IMP-1" {
		t.Errorf("imported household not found: %d rows", len(s.rows))
	}
}

func TestMenages_CheckBoxesRecompute(t *testing.T) {
	m := readyMain(t, 60, 40)
	s := m.menages()
	s.fMut.SetSelected("Mutations")
	if len(s.rows) == 0 {
		t.Fatal("no transfer in the demo")
	}
	s.list.Select(0)
	f := s.fiche
	if f.logInfo.Text == "" || !strings.Contains(f.logInfo.Text, "loyer et charges") {
		t.Errorf("dwelling summary %q", f.logInfo.Text)
	}
	impaye := func() model.Resultat {
		for _, v := range f.verif.verdicts {
			if v.Regle == "impayes" {
				return v.Resultat
			}
		}
		return -1
	}
	f.impayes.Set(false)
	f.cesf.Set(false)
	f.recompute()
	if impaye() != model.Conforme {
		t.Fatalf("no arrears: %v", impaye())
	}
	test.Tap(f.impayes.Check)
	if !f.form.Dirty() || impaye() != model.Alerte {
		t.Errorf("ticking « Impayés » marks the sheet changed and alerts: dirty %v, %v", f.form.Dirty(), impaye())
	}
	test.Tap(f.cesf.Check)
	if impaye() != model.Conforme {
		t.Errorf("a CESF report lifts the arrears condition: %v", impaye())
	}
}
