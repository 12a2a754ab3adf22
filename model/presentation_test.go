package model

import (
	"strings"
	"testing"
)

func TestPresentation(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Camille DURAND", "C. D."},
		{"Jean-Pierre LE GALL", "J.-P. L. G."},
		{"ménage effacé le 22/11/2026", "ménage effacé le 22/11/2026"},
	} {
		if got := InitialesNom(c.in); got != c.want {
			t.Errorf("InitialesNom(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := NURMasque("0942500000001GDPUB"); got != "…DPUB" {
		t.Errorf("NUR %q", got)
	}
	for _, c := range []struct {
		c    Cents
		want string
	}{
		{Euros(14200), "entre 10\u202f000 et 20\u202f000\u00a0€"},
		{Euros(1250), "entre 1\u202f000 et 1\u202f500\u00a0€"},
		{Euros(60), "moins de 100\u00a0€"},
	} {
		norm := strings.NewReplacer("\u202f", " ", "\u00a0", " ").Replace
		if got := BandeMontant(c.c); norm(got) != norm(c.want) {
			t.Errorf("BandeMontant(%v) = %q, want %q", c.c, got, c.want)
		}
	}
	in := "Ménage de catégorie 2 (1 personne(s), dont une personne en situation de handicap) : revenu fiscal de référence N-2 de 14\u00a0200\u00a0€ ; Camille DURAND, née le 04/06/1985, victime de violences conjugales."
	got := MasquerTexte(in, []string{"Camille DURAND"})
	for _, bad := range []string{"14\u00a0200", "handicap", "Camille", "DURAND", "04/06/1985", "violences"} {
		if strings.Contains(got, bad) {
			t.Errorf("%q reste dans %q", bad, got)
		}
	}
	for _, want := range []string{"C. D.", CritereMasque, "entre 10", "catégorie 2"} {
		if !strings.Contains(got, want) {
			t.Errorf("%q absent de %q", want, got)
		}
	}
}

func TestSituationPresentation(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Victime de violences familiales (§1.3.4)", "critère de priorité (§1.3.4)"},
		{"Cotitularité demandée à l'entrée dans les lieux, à l'appréciation des membres : avec sa sœur Zélie Quastrelli (§1.3.2)", "Cotitularité demandée (§1.3.2)"},
		{"Transfert de bail refusé à Zélie Quastrelli le 02/03/2026 : voie de relogement (§1.3.1)", "Transfert de bail (§1.3.1)"},
		{"texte libre sans paragraphe", "situation particulière (§1.3)"},
	} {
		if got := SituationPresentation(c.in); got != c.want {
			t.Errorf("SituationPresentation(%q) = %q, want %q", c.in, got, c.want)
		}
		if strings.Contains(SituationPresentation(c.in), "Quastrelli") || strings.Contains(strings.ToLower(SituationPresentation(c.in)), "violence") {
			t.Errorf("%q leaks in presentation mode", c.in)
		}
	}
}
