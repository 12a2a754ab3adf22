package screens

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"logis/model"
)

// The forms use the model's field rules: the same value, the same refusal
// as the import.
func TestChamps_ReglesDuModele(t *testing.T) {
	test.NewTempApp(t)
	m := NewChampMontant("Loyer", false)
	m.SetText("45.000")
	if model.ErrorMessage(m.Err()) != "45.000 : écrire 45000 ou 45 000" {
		t.Errorf("montant 45.000: %v", m.Err())
	}
	m.SetText("45,50")
	if m.Err() != nil || m.Cents() != 4550 {
		t.Errorf("montant 45,50: %v %d", m.Err(), m.Cents())
	}
	today := model.NewDate(2026, 11, 30)
	d := NewChampDatePassee("Date de dépôt", false, "la date de dépôt", func() model.Date { return today })
	d.SetText("01/12/2026")
	if model.ErrorMessage(d.Err()) != "la date de dépôt (01/12/2026) est dans le futur" {
		t.Errorf("dépôt futur: %v", d.Err())
	}
	d.SetText("30/11/2026")
	if d.Err() != nil {
		t.Errorf("dépôt aujourd'hui: %v", d.Err())
	}
	n := NewChamp("Nom", true)
	n.check = checkTexte("Nom", model.MaxNom)
	n.SetText("Exe\u0007mple")
	if model.ErrorMessage(n.Err()) != "Nom : la valeur contient un caractère de contrôle invisible (U+0007) : retapez la valeur." {
		t.Errorf("nom: %v", n.Err())
	}
}

func TestCheckAdresseLogement(t *testing.T) {
	if err := checkAdresseLogement("12 avenue Paul Vaillant-Couturier, bât. B, apt 34"); err != nil {
		t.Error(err)
	}
	err := checkAdresseLogement("12 rue du Professeur Jean-Baptiste Lamarck-Dupuis, bât. A")
	if model.ErrorMessage(err) != "Adresse : la voie compte 41 caractères même abrégée ; 38 au plus (norme postale) : écrivez-la en deux lignes ou abrégez-la." {
		t.Errorf("long street: %v", err)
	}
}
