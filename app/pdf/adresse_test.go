package pdf

import (
	"reflect"
	"strings"
	"testing"

	"logis/model"
)

func TestAdressePostale(t *testing.T) {
	longNoms := &model.Menage{ID: "M7", Personnes: []model.Personne{{Lien: model.Titulaire, Nom: "de la Tour-Vernadet", Prenom: "Marie-Séraphine-Éléonore"}},
		Adresse: &model.AdressePostale{Voie: "12 rue du Maréchal de Lattre de Tassigny", CodePostal: "94800", Commune: "Villejuif"}}
	cases := []struct {
		name string
		m    *model.Menage
		dom  *model.Logement
		want []string
	}{
		{"Externe", menageExterne("M1"), nil, []string{"Amélie et Noël LEFÈVRE", "Chez Mme Dupont", "8 rue des Écoles", "94400 VITRY SUR SEINE"}},
		{"Locataire", menageLocataire("M2", model.NewDate(1970, 1, 1)), domicileTest(), []string{"Thành NGUYỄN", "apt 12", "bât. A", "3 allée des Tilleuls", "94230 CACHAN"}},
		// First names become initials before a surname is touched; the
		// street takes the postal abbreviation; nothing is cut.
		{"NomsEtVoieLongs", longNoms, nil, []string{"M.-S.-É. DE LA TOUR-VERNADET", "12 rue du MAL de Lattre de Tassigny", "94800 VILLEJUIF"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			lignes, err := adressePostale(tc.m, tc.dom)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(lignes, tc.want) {
				t.Fatalf("lignes = %q\nwant    %q", lignes, tc.want)
			}
			if last := lignes[len(lignes)-1]; !derniereLigne.MatchString(last) {
				t.Errorf("dernière ligne %q", last)
			}
			a := nouvelleAdresse(lignes)
			if a.X != 110 || a.Y != 55 || a.L != 85 || a.H != 33 {
				t.Errorf("fenêtre %+v", a)
			}
			// Drawn: every line fits the window's width, the block its height.
			f := nouveauDocument(dateCourier, "t", "t")
			taille := TailleAdresse(f, a)
			police(f, true, taille)
			for _, l := range a.Lignes {
				if w := f.GetStringWidth(l); w > a.L-2 {
					t.Errorf("%q : %.1f mm à %.1f pt, plus large que la fenêtre", l, w, taille)
				}
			}
			if float64(len(a.Lignes))*interAdr > a.H {
				t.Errorf("bloc trop haut")
			}
		})
	}
	// Too long or too many lines: refused with every reason, never cut.
	trop := &model.Menage{ID: "M9", Personnes: []model.Personne{{Lien: model.Titulaire, Nom: "de la Villemarqué-Kerhervé", Prenom: "Marie-Françoise Bénédicte"}},
		Adresse: &model.AdressePostale{Complement: []string{"Résidence Les Jardins de la Bièvre", "Bâtiment C, escalier 4, appartement 1207, 12e étage", "Entrée par le parking"},
			Voie: "123 boulevard Paul Vaillant-Couturier prolongé", LieuDit: "Lieu-dit Les Hautes-Bruyères", CodePostal: "94800", Commune: "Villejuif Cedex"}}
	_, err := adressePostale(trop, nil)
	msg := model.ErrorMessage(err)
	for _, want := range []string{
		"L'adresse du ménage M9 ne peut pas être imprimée : ",
		"le complément d'adresse compte 3 lignes ; 2 au plus",
		"la voie compte 39 caractères même abrégée ; 38 au plus (norme postale) : écrivez-la en deux lignes ou abrégez-la",
		"l'adresse compte 6 lignes sans le nom ; 5 au plus",
		"corrigez-la dans la fiche du ménage",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}
	if _, err := adressePostale(&model.Menage{ID: "M3", Personnes: menageExterne("x").Personnes}, nil); model.ErrorMessage(err) != "Le ménage M3 n'a pas d'adresse postale : complétez-la avant d'imprimer les courriers." {
		t.Errorf("sans adresse : err = %v", err)
	}
	if _, err := adressePostale(&model.Menage{ID: "M3", Personnes: menageExterne("x").Personnes, Adresse: model.AdresseDeLignes("8 rue des Écoles", "Vitry")}, nil); !strings.Contains(model.ErrorMessage(err), "le code postal manque") {
		t.Errorf("sans code postal : err = %v", err)
	}
}
