package pdf

import (
	"strings"
	"testing"
)

// TestCourriers_UnePage: every letter of the fixtures (the five decisions and
// the occupancy) fits on one page, refusals included, and is drawn so.
func TestCourriers_UnePage(t *testing.T) {
	lettres := courriersTest(t)
	l, err := ComposerCourriers(lettres, dateCourier, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range l.Pages {
		if p[1] != p[0] {
			t.Errorf("%s : %d pages, want 1", lettres[i].Sorte, p[1]-p[0]+1)
		}
	}
	// One page each: a blank back page after each letter.
	if len(l.kids) != 2*len(lettres) {
		t.Errorf("%d pages pour %d courriers d'une page, want %d", len(l.kids), len(lettres), 2*len(lettres))
	}
	txt := pdftotext(t, l.PDF, 0, 0)
	if n := strings.Count(txt, "Page 1 / 1"); n != len(lettres) {
		t.Errorf("%d « Page 1 / 1 », want %d", n, len(lettres))
	}
}

// TestCourriers_PliageObjet: the first fold (99 mm) runs above the subject
// line, never through it.
func TestCourriers_PliageObjet(t *testing.T) {
	lettres := courriersTest(t)
	l, err := ComposerCourriers(lettres, dateCourier, nil)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, w := range mots(t, l.PDF) {
		if w.texte == "Objet" {
			n++
			if w.yMin <= yPliage1 {
				t.Errorf("page %d : « Objet » de %.1f à %.1f mm, le pli est à %.0f mm", w.page, w.yMin, w.yMax, yPliage1)
			}
		}
	}
	if n != len(lettres) {
		t.Errorf("%d lignes d'objet, want %d", n, len(lettres))
	}
}

// TestCourriers_LongReste: a letter too long for one page is drawn at the
// largest size over two pages, and its successor starts on a front page.
func TestCourriers_LongReste(t *testing.T) {
	lettres := courriersTest(t)
	for _, l := range lettres {
		if l.Sorte == "non_attribution" {
			l.Corps = append(l.Corps, Paragraphe{Titre: "Faits", Texte: strings.Repeat("Exposé détaillé des faits retenus. ", 60)})
		}
	}
	li, err := ComposerCourriers(lettres, dateCourier, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range li.Pages {
		if lettres[i].Sorte == "non_attribution" && p[1]-p[0] != 1 {
			t.Errorf("long courrier sur %d pages, want 2", p[1]-p[0]+1)
		}
		if p[0]%2 != 1 {
			t.Errorf("courrier %d au verso (page %d)", i, p[0])
		}
	}
}

// TestCourriers_AdresseTresLongue: a dwelling whose address runs 4 500
// characters, in the letter's table, never writes over the footer.
func TestCourriers_AdresseTresLongue(t *testing.T) {
	l := lettreAvec(t, 0, func(c *Courrier) {
		c.Logement.Adresse = strings.Repeat("Résidence des Hautes-Bruyères, ", 145) + "FIN-ADRESSE"
	})
	b := pdfDe(t, l)
	ws := mots(t, b)
	checkZones(t, ws, PiedLettre(l), footerWords(l.Donnees, l.Contact))
	found := false
	for _, w := range ws {
		found = found || strings.Contains(w.texte, "FIN-ADRESSE")
	}
	if !found {
		t.Error("la fin de l'adresse manque")
	}
}
