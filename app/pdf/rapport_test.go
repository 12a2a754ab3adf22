package pdf

import (
	"bytes"
	"strings"
	"testing"

	"logis/model"
)

func TestMiseEnPageRapport_AnneeSansSeuil(t *testing.T) {
	rep := model.CalculerRapport(model.DonneesRapport{Annee: 2027, Regles: model.DefaultRegles()})
	r := MiseEnPageRapport(rep, office(), model.NewDate(2028, 1, 15))
	text := r.Texte()
	for _, want := range []string{
		"Rapport annuel 2027 de la CALEOL",
		"Seuil du premier quartile 2027 : données manquantes",
		"tenu 0 séance(s) close(s)",
		"Attributions hors QPV au premier quartile | ? sur 0 | — | au moins 25,0\u00a0% | données manquantes",
		"établi le 15/01/2028",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("layout lacks %q:\n%s", want, text)
		}
	}
	if r.Fichier != "rapport-annuel-2027.pdf" || len(r.Blocs) < 7 {
		t.Errorf("%s, %d blocks", r.Fichier, len(r.Blocs))
	}
	var buf bytes.Buffer
	if err := r.Ecrire(&buf); err != nil || !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		t.Fatalf("pdf: %v", err)
	}
	// Same input, same bytes (fixed creation date, sorted catalog).
	var again bytes.Buffer
	if err := r.Ecrire(&again); err != nil || !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Errorf("output not reproducible: %v", err)
	}
	txt := pdftotext(t, buf.Bytes(), 0, 0)
	if !strings.Contains(strings.Join(strings.Fields(txt), " "), "non mesuré (données manquantes ou aucune attribution)") {
		t.Errorf("legend of the unmeasured objectives missing:\n%s", txt)
	}
	// Nothing runs into the right margin (a long legend wraps).
	for _, m := range mots(t, buf.Bytes()) {
		if m.xMax > pageL-margeD+0.5 {
			t.Errorf("page %d: « %s » ends at %.1f mm, past the margin (%.1f mm)", m.page, m.texte, m.xMax, pageL-margeD)
		}
	}
}

func TestDureeMois(t *testing.T) {
	for m, want := range map[int]string{0: "0 mois", 7: "7 mois", 24: "2 an(s)", 106: "8 an(s) et 10 mois"} {
		if got := dureeMois(m); got != want {
			t.Errorf("%d: %q", m, got)
		}
	}
}
