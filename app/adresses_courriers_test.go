package app_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"logis/model"
	"logis/storage"
)

// Letters whose address cannot be printed are all listed, with the reason,
// and nothing is written; once corrected, every letter goes.
func TestApp_CourriersAdressesVerifiees(t *testing.T) {
	a := MustOpenApp(t)
	c := seedSession(t, a, model.Close)
	occ := c.Occupation[0]
	cand := ""
	for _, k := range c.Logements[0].Candidats {
		if k.Menage != occ.Menage && cand == "" {
			cand = k.Menage
		}
	}
	err := a.DB.Update("test : adresses", func(tx *storage.Tx) error {
		m, err := tx.Menage(cand)
		if err != nil {
			return err
		}
		m.Adresse, m.Bail = nil, nil // an external applicant without address
		if err := tx.PutMenage(m); err != nil {
			return err
		}
		l, err := tx.Logement(occ.Logement)
		if err != nil {
			return err
		}
		l.Adresse = "123 boulevard Paul Vaillant-Couturier prolongé, bât. C"
		return tx.PutLogement(l)
	})
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "courriers")
	_, err = a.Courriers(c.ID, dir, nil)
	msg := model.ErrorMessage(err)
	for _, want := range []string{
		"3 courrier(s) ne peuvent pas partir",
		"– courrier de décision au ménage " + cand + " (logement " + c.Logements[0].Logement + ") : Le ménage " + cand + " n'a pas d'adresse postale",
		"– courrier d'examen de l'occupation au ménage " + occ.Menage + " (logement " + occ.Logement + ") : L'adresse du ménage " + occ.Menage + " ne peut pas être imprimée : la voie compte 39 caractères même abrégée",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("letters written although refused: %v", err)
	}
	// Corrected: the applicant's address is given, the street written shorter.
	err = a.DB.Update("test : adresses corrigées", func(tx *storage.Tx) error {
		m, _ := tx.Menage(cand)
		m.Adresse = &model.AdressePostale{Complement: []string{"Chez Mme Témoin"}, Voie: "12 avenue du Maréchal de Lattre de Tassigny", CodePostal: "77000", Commune: "Melun"}
		if err := tx.PutMenage(m); err != nil {
			return err
		}
		l, _ := tx.Logement(occ.Logement)
		l.Adresse = "123 bd Paul Vaillant-Couturier, bât. C"
		return tx.PutLogement(l)
	})
	if err != nil {
		t.Fatal(err)
	}
	if paths, err := a.Courriers(c.ID, dir, nil); err != nil || len(paths) < 3 {
		t.Fatalf("paths = %v, err = %v", paths, err)
	}
}
