package screens

import (
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"logis/model"
)

func TestParseCommunes(t *testing.T) {
	list, err := parseCommunes("Arcueil 94110\n\n  Vitry-sur-Seine   94400 \nLe Kremlin-Bicêtre 94270")
	want := []model.CommuneOffice{{Nom: "Arcueil", CodePostal: "94110"}, {Nom: "Vitry-sur-Seine", CodePostal: "94400"}, {Nom: "Le Kremlin-Bicêtre", CodePostal: "94270"}}
	if err != nil || !reflect.DeepEqual(list, want) {
		t.Fatalf("parseCommunes = %v, %v", list, err)
	}
	for text, msg := range map[string]string{
		"Arcueil":          "Communes, ligne 1 : écrivez le nom puis le code postal (ex. Arcueil 94110).",
		"Arcueil 9411":     "Communes de l'Office, ligne 1 : « 9411 » n'est pas un code postal (5 chiffres, ex. 94110).",
		"":                 "Communes de l'Office : au moins une commune.",
		"A 94110\nA 94110": "Communes de l'Office : A figure deux fois.",
	} {
		if _, err := parseCommunes(text); model.ErrorMessage(err) != msg {
			t.Errorf("parseCommunes(%q) = %v, want %q", text, err, msg)
		}
	}
}

func TestParametres_CommunesSavedAndUsedByTheForms(t *testing.T) {
	m := newTestMain(t, 0, 0)
	t.Cleanup(func() { setOfficeCommunes(model.DefaultCommunes()) })
	var p *Parametres
	for _, s := range m.screens {
		if x, ok := s.(*Parametres); ok {
			p = x
		}
	}
	for _, o := range test.LaidOutObjects(p.tabs.Items[2].Content) {
		if b, ok := o.(*bouton); ok && strings.HasPrefix(b.Text, "Enregistrer les communes") && !b.Disabled() {
			t.Error("save enabled before any change")
		}
	}
	p.communesEntry.SetText(p.communesEntry.Text + "\nParis 75013")
	saved := false
	// Tap the save button of the tab.
	for _, o := range test.LaidOutObjects(p.tabs.Items[2].Content) {
		if b, ok := o.(*bouton); ok && strings.HasPrefix(b.Text, "Enregistrer les communes") {
			test.Tap(b)
			saved = true
		}
	}
	if !saved {
		t.Fatal("no save button")
	}
	list, err := m.app.Communes()
	if err != nil || len(list) != 6 || list[5] != (model.CommuneOffice{Nom: "Paris", CodePostal: "75013"}) {
		t.Fatalf("stored communes = %v, %v", list, err)
	}
	if opts := CommuneOptions(); opts[len(opts)-1] != "Paris" {
		t.Fatalf("options = %v", opts)
	}
	// The dwelling form checks the postal code against the chosen commune.
	c := NewChoix("Commune", CommuneOptions(), true)
	c.Set("Cachan")
	check := checkCodePostal(c)
	if err := check("94110"); model.ErrorMessage(err) != "Code postal : le code postal 94110 n'est pas celui de Cachan (94230)." {
		t.Errorf("check(94110) = %v", err)
	}
	if err := check("94230"); err != nil {
		t.Errorf("check(94230) = %v", err)
	}
	if err := check("9423"); model.ErrorMessage(err) != "Code postal : « 9423 » n'est pas un code postal (5 chiffres, ex. 94110)." {
		t.Errorf("check(9423) = %v", err)
	}
}
