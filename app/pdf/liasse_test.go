package pdf

import (
	"bytes"
	"image/jpeg"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"logis/resources"
)

// qpdfCheck runs qpdf --check when qpdf is installed.
func qpdfCheck(t *testing.T, pdf []byte) {
	t.Helper()
	bin, err := exec.LookPath("qpdf")
	if err != nil {
		return
	}
	p := filepath.Join(t.TempDir(), "c.pdf")
	if err := os.WriteFile(p, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(bin, "--check", p).CombinedOutput(); err != nil {
		t.Errorf("qpdf --check : %v\n%s", err, out)
	}
}

func TestLiasse_Courrier(t *testing.T) {
	lettres := courriersTest(t)
	l, err := ComposerCourriers(lettres, dateCourier, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Pages) != len(lettres) || l.Pages[0][0] != 1 || len(l.kids)%2 != 0 || l.Pages[len(l.Pages)-1][1] < len(l.kids)-1 {
		t.Fatalf("pages %v pour %d pages", l.Pages, len(l.kids))
	}
	// Duplex-safe: each letter starts on a front (odd) page, right after the
	// previous letter or its blank back page.
	for i, p := range l.Pages {
		if p[0]%2 != 1 {
			t.Errorf("le courrier %d commence page %d (verso)", i, p[0])
		}
		if i > 0 && p[0] != l.Pages[i-1][1]+1 && p[0] != l.Pages[i-1][1]+2 {
			t.Errorf("pages %v : trou entre les courriers %d et %d", l.Pages, i-1, i)
		}
	}
	for i := 0; i+1 < len(l.Pages); i++ {
		if blanche := l.Pages[i][1] + 1; blanche < l.Pages[i+1][0] {
			if txt := strings.TrimSpace(pdftotext(t, l.PDF, blanche, blanche)); txt != "" {
				t.Errorf("la page blanche %d porte « %s »", blanche, txt)
			}
		}
	}
	var tout bytes.Buffer
	if err := ecrireCourriers(&tout, lettres, dateCourier, nil, nil, true); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(tout.Bytes(), l.PDF) {
		t.Error("la liasse diffère du PDF combiné")
	}
	qpdfCheck(t, l.PDF)
	for i, lt := range lettres {
		b, err := l.Courrier(i)
		if err != nil {
			t.Fatal(err)
		}
		qpdfCheck(t, b)
		b2, _ := l.Courrier(i)
		if !bytes.Equal(b, b2) {
			t.Errorf("courrier %d non reproductible", i)
		}
		txt := pdftotext(t, b, 0, 0)
		pages := l.Pages[i][1] - l.Pages[i][0] + 1
		if n := strings.Count(txt, "\f"); n != pages {
			t.Errorf("courrier %d : %d pages, want %d", i, n, pages)
		}
		mustContain(t, lt.Fichier, txt, string([]rune(flat(lt.Objet))[:30]), "Page 1 / ", "Protection des données personnelles")
		// No other letter's reference slips into this file.
		for j, autre := range lettres {
			if j != i && autre.References[1][1] != lt.References[1][1] {
				mustNotContain(t, lt.Fichier, txt, autre.References[1][1])
			}
		}
	}
	if _, err := l.Courrier(len(lettres)); err == nil {
		t.Error("courrier hors liasse accepté")
	}
}

func TestCourriers_LogoIllisible(t *testing.T) {
	lettres := courriersTest(t)[:1]
	lettres[0].Logo = append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{7}, 64)...)
	var b bytes.Buffer
	if err := EcrireCourriers(&b, lettres, dateCourier, nil); err != nil {
		t.Fatalf("un logo illisible arrête les courriers : %v", err)
	}
	if bytes.Contains(b.Bytes(), []byte("/Subtype /Image")) {
		t.Error("logo illisible imprimé")
	}
}

func TestCourriers_LogoJPEG(t *testing.T) {
	img, err := png.Decode(bytes.NewReader(resources.Icon))
	if err != nil {
		t.Fatal(err)
	}
	var j bytes.Buffer
	if err := jpeg.Encode(&j, img, nil); err != nil {
		t.Fatal(err)
	}
	lettres := courriersTest(t)[:1]
	lettres[0].Logo = j.Bytes()
	var b bytes.Buffer
	if err := EcrireCourriers(&b, lettres, dateCourier, nil); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b.Bytes(), []byte("/Subtype /Image")) {
		t.Error("logo JPEG absent")
	}
}

func TestCourriers_Logo(t *testing.T) {
	lettres := courriersTest(t)
	for _, l := range lettres {
		l.Logo = resources.Icon
	}
	a, err := ComposerCourriers(lettres, dateCourier, nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := ComposerCourriers(lettres, dateCourier, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.PDF, b.PDF) {
		t.Error("PDF avec logo non reproductible")
	}
	// One logo for all the letters (a PNG with transparency is an image and its mask).
	if n := bytes.Count(a.PDF, []byte("/Subtype /Image")); n < 1 || n > 2 {
		t.Errorf("%d images pour %d courriers, want le logo une seule fois", n, len(lettres))
	}
	un, err := a.Courrier(2)
	if err != nil {
		t.Fatal(err)
	}
	qpdfCheck(t, un)
	if !bytes.Contains(un, []byte("/Subtype /Image")) {
		t.Error("le logo manque dans le courrier découpé")
	}
	if d := os.Getenv("LOGIS_PDF_DIR"); d != "" {
		os.WriteFile(filepath.Join(d, "logo.pdf"), un, 0o644)
	}
}
