package pdf

import (
	"bytes"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// mot is a word placed on a page, in millimetres from the top-left corner.
type mot struct {
	page                   int
	texte                  string
	xMin, yMin, xMax, yMax float64
}

var (
	reBboxPage = regexp.MustCompile(`<page `)
	reBboxMot  = regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>`)
)

// mots extracts every word with its box (pdftotext -bbox); skipped when
// pdftotext is absent.
func mots(t *testing.T, pdf []byte) []mot {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext absent (paquet poppler-utils)")
	}
	p := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(p, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(bin, "-bbox", "-enc", "UTF-8", p, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	const pt = 25.4 / 72
	var res []mot
	for i, page := range reBboxPage.Split(string(out), -1)[1:] {
		for _, m := range reBboxMot.FindAllStringSubmatch(page, -1) {
			f := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v * pt }
			res = append(res, mot{page: i + 1, texte: html.UnescapeString(m[5]), xMin: f(m[1]), yMin: f(m[2]), xMax: f(m[3]), yMax: f(m[4])})
		}
	}
	return res
}

// footerWords are the words allowed below the body: those of the footer.
func footerWords(texts ...string) map[string]bool {
	ok := map[string]bool{"Page": true, "/": true}
	for i := 0; i < 100; i++ {
		ok[strconv.Itoa(i)] = true
	}
	for _, s := range texts {
		for _, w := range strings.Fields(flat(s)) {
			ok[w] = true
		}
	}
	return ok
}

// checkZones fails when a word leaves the page's margins or enters the
// footer without being one of its words.
func checkZones(t *testing.T, ws []mot, basCorps float64, pied map[string]bool) {
	t.Helper()
	n := 0
	for _, w := range ws {
		bad := ""
		switch {
		case w.xMax > pageL-margeD+0.8 || w.xMin < margeG-0.8:
			bad = fmt.Sprintf("hors des marges (x %.1f–%.1f mm)", w.xMin, w.xMax)
		case w.yMax > pageH-5:
			bad = fmt.Sprintf("coupé en bas de page (y %.1f mm)", w.yMax)
		case w.yMax > basCorps && !pied[flat(w.texte)]:
			bad = fmt.Sprintf("dans le pied de page (y %.1f mm)", w.yMax)
		}
		if bad != "" {
			if n++; n <= 10 {
				t.Errorf("page %d, « %s » %s", w.page, w.texte, bad)
			}
		}
	}
}

func TestCourriers_RienNeDeborde(t *testing.T) {
	lettres := courriersTest(t)
	// A long statement of facts runs over two pages.
	for _, l := range lettres {
		if l.Sorte == "non_attribution" {
			for i := range l.Corps {
				if l.Corps[i].Titre == "Les faits retenus par la commission" {
					l.Corps[i].Texte = strings.Repeat("Le ménage occupe un studio de 18 m² avec trois enfants depuis 2019 ; ", 40) + "FIN-DES-FAITS."
				}
			}
		}
	}
	var b bytes.Buffer
	if err := EcrireCourriers(&b, lettres, dateCourier, nil); err != nil {
		t.Fatal(err)
	}
	ws := mots(t, b.Bytes())
	pied := footerWords(lettres[0].Donnees, lettres[0].Contact, lettres[len(lettres)-1].Donnees)
	filet := pageH
	for _, l := range lettres {
		filet = min(filet, PiedLettre(l))
	}
	checkZones(t, ws, filet, pied)
	found := false
	for _, w := range ws {
		found = found || w.texte == "FIN-DES-FAITS."
	}
	if !found {
		t.Error("la fin du long exposé des faits manque")
	}
	// The address block stays inside the envelope window.
	for _, w := range ws {
		if w.texte == "VITRY" || w.texte == "CACHAN" {
			if w.xMin < FenetreX || w.xMax > FenetreX+FenetreL || w.yMin < FenetreY || w.yMax > FenetreY+FenetreH {
				t.Errorf("page %d : « %s » hors de la fenêtre (%.1f,%.1f)–(%.1f,%.1f)", w.page, w.texte, w.xMin, w.yMin, w.xMax, w.yMax)
			}
		}
	}
}

func TestPV_RienNeDeborde(t *testing.T) {
	p := pvGrand(8)
	// One reason longer than a whole page: the row is split between pages.
	p.Logements[3].Candidats.Lignes[2][3] = strings.Repeat("Motif développé sur une très longue explication des faits. ", 120) + "FIN-DU-MOTIF."
	var b bytes.Buffer
	if err := p.Ecrire(&b); err != nil {
		t.Fatal(err)
	}
	ws := mots(t, b.Bytes())
	checkZones(t, ws, pageH-basPV, footerWords(p.Pied))
	found := false
	for _, w := range ws {
		found = found || w.texte == "FIN-DU-MOTIF."
	}
	if !found {
		t.Error("la fin du motif manque")
	}
}
