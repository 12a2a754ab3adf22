package screens

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"logis/model"
	"logis/storage"
)

// The household sheet takes the postal address, checks it as typed (lines
// of 38 characters once abbreviated, postal code, commune of the office
// with its code, the name line) and stores it.
func TestMenages_AdressePostale(t *testing.T) {
	m := readyMain(t, 10, 10)
	s := m.menages()
	s.create()
	f := s.fiche
	tit := f.membres[0]
	test.Type(tit.nom.Entry, "de la Tour-Vernadet")
	test.Type(tit.prenom.Entry, "Marie-Séraphine-Éléonore")
	test.Type(tit.naissance.Entry, "04/05/1985")
	a := f.adresse
	test.Type(a.voie.Entry, "12 rue du Professeur Jean-Baptiste Lamarck-Dupuis")
	if a.voie.Err() == nil || model.ErrorMessage(a.voie.Err()) != "Voie : 41 caractères même abrégée ; 38 au plus (norme postale) : écrivez-la plus court ou sur la ligne de complément." {
		t.Fatalf("long street: %v", a.voie.Err())
	}
	a.voie.SetText("")
	test.Type(a.voie.Entry, "12 avenue du Maréchal de Lattre de Tassigny")
	if a.voie.Err() != nil {
		t.Fatalf("abbreviated street refused: %v", a.voie.Err())
	}
	test.Type(a.cp.Entry, "94230")
	if !f.form.Save.Disabled() || !strings.Contains(f.form.Summary.Text, "Adresse postale : la commune manque.") {
		t.Fatalf("summary %q", f.form.Summary.Text)
	}
	test.Type(a.commune.Entry, "Arcueil")
	if !f.form.Save.Disabled() || !strings.Contains(f.form.Summary.Text, "Adresse postale : le code postal 94230 n'est pas celui d'Arcueil (94110).") {
		t.Fatalf("summary %q", f.form.Summary.Text)
	}
	a.cp.SetText("")
	test.Type(a.cp.Entry, "94110")
	test.Type(a.compl1.Entry, "Appartement 1207, escalier 4, bâtiment C")
	if f.form.Save.Disabled() {
		t.Fatalf("errors: %v", f.form.Errors())
	}
	test.Tap(f.form.Save)
	id := f.loaded
	var mm *model.Menage
	m.app.DB.View(func(tx *storage.Tx) (err error) { mm, err = tx.Menage(id); return err })
	if mm == nil || mm.Adresse == nil || mm.Adresse.Voie != "12 avenue du Maréchal de Lattre de Tassigny" || mm.Adresse.CodePostal != "94110" || len(mm.Adresse.Complement) != 1 {
		t.Fatalf("stored %+v", mm)
	}
	lignes, err := model.AdresseEnvoi(mm, nil)
	want := []string{"M.-S.-É. DE LA TOUR-VERNADET", "APT 1207, ESC 4, BAT C", "12 AV du MAL de Lattre de Tassigny", "94110 ARCUEIL"}
	if err != nil || strings.Join(lignes, "|") != strings.Join(want, "|") {
		t.Fatalf("envelope %q, %v", lignes, err)
	}
	// Reopened, the sheet shows it again.
	s.fiche.open(id)
	if a.voie.Text() != "12 avenue du Maréchal de Lattre de Tassigny" || a.commune.Text() != "Arcueil" {
		t.Fatalf("reloaded: %q %q", a.voie.Text(), a.commune.Text())
	}
}
