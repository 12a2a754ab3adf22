package model_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"logis/model"
)

func TestAdressePostale_JSON(t *testing.T) {
	// A household stored before the address had fields: a list of lines.
	old := `{"id":"M1","personnes":[],"ressources":{"revenu_fiscal":0,"mensuelles":0,"apl":0},"adresse":["Chez Mme Dupont","Bât. B","8 rue des Écoles","94400 VITRY SUR SEINE"]}`
	var m model.Menage
	if err := json.Unmarshal([]byte(old), &m); err != nil {
		t.Fatal(err)
	}
	want := &model.AdressePostale{Complement: []string{"Chez Mme Dupont", "Bât. B"}, Voie: "8 rue des Écoles", CodePostal: "94400", Commune: "VITRY SUR SEINE"}
	if !reflect.DeepEqual(m.Adresse, want) {
		t.Fatalf("old address = %+v", m.Adresse)
	}
	b, _ := json.Marshal(&m)
	var back model.Menage
	if err := json.Unmarshal(b, &back); err != nil || !reflect.DeepEqual(back.Adresse, want) {
		t.Fatalf("round trip = %+v, %v (%s)", back.Adresse, err, b)
	}
	var none model.Menage
	if err := json.Unmarshal([]byte(`{"id":"M2","adresse":[]}`), &none); err != nil || !none.Adresse.Vide() {
		t.Fatalf("empty list = %+v, %v", none.Adresse, err)
	}
	if b, _ := json.Marshal(&model.Menage{ID: "M3"}); strings.Contains(string(b), "adresse") {
		t.Errorf("no address written as %s", b)
	}
}

func TestAdressePostale_Lignes(t *testing.T) {
	tests := []struct {
		name string
		a    model.AdressePostale
		want []string
	}{
		{"short lines kept as typed", model.AdressePostale{Complement: []string{"Apt 12"}, Voie: "3 allée des Tilleuls", CodePostal: "94230", Commune: "Cachan"},
			[]string{"Apt 12", "3 allée des Tilleuls", "94230 CACHAN"}},
		{"boulevard", model.AdressePostale{Voie: "145 boulevard Maxime Gorki prolongé Nord", CodePostal: "94800", Commune: "Villejuif"},
			[]string{"145 BD Maxime Gorki prolongé Nord", "94800 VILLEJUIF"}},
		{"avenue then maréchal", model.AdressePostale{Voie: "12 avenue du Maréchal de Lattre de Tassigny", CodePostal: "94110", Commune: "Arcueil"},
			[]string{"12 AV du MAL de Lattre de Tassigny", "94110 ARCUEIL"}},
		{"impasse, saint", model.AdressePostale{Voie: "7 impasse Saint-Vincent-de-Paul des Fontaines", CodePostal: "94250", Commune: "Gentilly"},
			[]string{"7 IMP ST-Vincent-de-Paul des Fontaines", "94250 GENTILLY"}},
		{"lieu-dit, town with a saint", model.AdressePostale{LieuDit: "Les Hautes-Bruyères", CodePostal: "94120", Commune: "Fontenay-sous-Bois"},
			[]string{"Les Hautes-Bruyères", "94120 FONTENAY SOUS BOIS"}},
		{"complement words", model.AdressePostale{Complement: []string{"Appartement 1207, escalier 4, bâtiment C"}, Voie: "1 rue A", CodePostal: "94400", Commune: "Vitry-sur-Seine"},
			[]string{"APT 1207, ESC 4, BAT C", "1 rue A", "94400 VITRY SUR SEINE"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, pb := tc.a.Lignes()
			if len(pb) > 0 || !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("Lignes = %q, %q; want %q", got, pb, tc.want)
			}
			if err := tc.a.Validate(); err != nil {
				t.Fatal(err)
			}
		})
	}
	bad := []struct {
		name string
		a    model.AdressePostale
		msg  string
	}{
		{"street too long even abbreviated", model.AdressePostale{Voie: "12 rue du Professeur Jean-Baptiste Lamarck-Dupuis", CodePostal: "94110", Commune: "Arcueil"},
			"Adresse postale : la voie compte 41 caractères même abrégée ; 38 au plus (norme postale) : écrivez-la en deux lignes ou abrégez-la."},
		{"no postal code", model.AdressePostale{Voie: "1 rue A", Commune: "Arcueil"}, "Adresse postale : le code postal manque."},
		{"bad postal code", model.AdressePostale{Voie: "1 rue A", CodePostal: "9411", Commune: "Arcueil"}, "Adresse postale : le code postal n'a pas 5 chiffres."},
		{"no town, no street", model.AdressePostale{CodePostal: "94110"}, "Adresse postale : la voie (numéro et rue) ou le lieu-dit manque ; la commune manque."},
		{"three complements", model.AdressePostale{Complement: []string{"a", "b", "c"}, Voie: "1 rue A", CodePostal: "94110", Commune: "Arcueil"},
			"Adresse postale : le complément d'adresse compte 3 lignes ; 2 au plus (appartement, étage ; bâtiment, résidence)."},
		{"control character", model.AdressePostale{Voie: "1 rue\x00 A", CodePostal: "94110", Commune: "Arcueil"},
			"Adresse postale : la voie contient un caractère de contrôle invisible (U+0000) : retapez la valeur."},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.a.Validate(); model.ErrorMessage(err) != tc.msg {
				t.Fatalf("Validate = %v\nwant %s", err, tc.msg)
			}
		})
	}
}

func TestLigneDestinataire(t *testing.T) {
	p := func(lien model.Lien, nom, prenom string) model.Personne {
		return model.Personne{Lien: lien, Nom: nom, Prenom: prenom}
	}
	tests := []struct {
		name string
		ps   []model.Personne
		want string
	}{
		{"couple, one surname", []model.Personne{p(model.Titulaire, "Lefèvre", "Amélie"), p(model.Conjoint, "Lefèvre", "Noël")}, "Amélie et Noël LEFÈVRE"},
		{"couple, two surnames", []model.Personne{p(model.Titulaire, "Martin", "Anne"), p(model.Cotitulaire, "Durand", "Marc")}, "Anne MARTIN et Marc DURAND"},
		{"couple too long: the holder", []model.Personne{p(model.Titulaire, "Martin-Lefèvre", "Anne-Sophie"), p(model.Conjoint, "Durand-Moreau", "Jean-Baptiste")}, "Anne-Sophie MARTIN-LEFÈVRE"},
		{"initials before the surname", []model.Personne{p(model.Titulaire, "de la Tour-Vernadet", "Marie-Séraphine-Éléonore")}, "M.-S.-É. DE LA TOUR-VERNADET"},
		{"several first names", []model.Personne{p(model.Titulaire, "de la Villemarqué-Kerhervé", "Marie Françoise Bénédicte")}, "M. F. B. DE LA VILLEMARQUÉ-KERHERVÉ"},
		{"surname alone", []model.Personne{p(model.Titulaire, "Villemarqué-Kerhervé de Saint-Hilaire", "Marie")}, "VILLEMARQUÉ-KERHERVÉ DE SAINT-HILAIRE"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := model.LigneDestinataire(&model.Menage{ID: "M1", Personnes: tc.ps})
			if err != nil || got != tc.want {
				t.Fatalf("LigneDestinataire = %q, %v; want %q", got, err, tc.want)
			}
		})
	}
	_, err := model.LigneDestinataire(&model.Menage{ID: "M1", Personnes: []model.Personne{p(model.Titulaire, "Villemarqué-Kerhervé de Saint-Hilaire du Bois", "Marie")}})
	wantInvalid(t, err, "le nom du titulaire compte 45 caractères ; 38 au plus sur une enveloppe : inscrivez son nom d'usage")
	if got := model.Initiales("jean-paul"); got != "J.-P." {
		t.Errorf("Initiales = %q", got)
	}
}

func TestAdresseDuLogement(t *testing.T) {
	l := &model.Logement{Adresse: "3 allée des Tilleuls, bât. A, apt 12", CodePostal: "94230", Commune: "Cachan"}
	want := &model.AdressePostale{Complement: []string{"apt 12", "bât. A"}, Voie: "3 allée des Tilleuls", CodePostal: "94230", Commune: "Cachan"}
	if got := model.AdresseDuLogement(l); !reflect.DeepEqual(got, want) {
		t.Fatalf("AdresseDuLogement = %+v", got)
	}
	l.Adresse = "3 allée des Tilleuls, bât. A, esc. 2, apt 12"
	want.Complement = []string{"apt 12, esc. 2", "bât. A"}
	if got := model.AdresseDuLogement(l); !reflect.DeepEqual(got, want) {
		t.Fatalf("AdresseDuLogement = %+v", got)
	}
}
