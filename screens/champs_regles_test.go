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
