// Package pdf lays out and draws the documents of the commission: the
// minutes (procès-verbal) of a CALEOL session and the decision letters.
//
// Each document is first laid out as plain data (Lettre, PV): every word
// that will be printed, already in French, and where the address goes. Tests
// read that data. Small drawing functions then put it on A4 pages with
// gofpdf, with the DejaVu fonts embedded from resources so that accents,
// « guillemets », no-break spaces and € print the same in every viewer.
// Output is reproducible: the creation date is the document's date and the
// catalog is sorted, so the same input gives the same bytes.
package pdf

import (
	"fmt"
	"io"
	"strings"

	"github.com/jung-kurt/gofpdf"

	"logis/model"
	"logis/resources"
)

// Page geometry, in millimetres (A4 portrait).
const (
	pageL   = 210.0
	pageH   = 297.0
	margeG  = 20.0
	margeD  = 20.0
	margeH  = 15.0
	largeur = pageL - margeG - margeD // 170 mm of text
)

// famille is the font family registered in every document.
const famille = "DejaVu"

// nouveauDocument returns an A4 document with the fonts parsed once, a fixed
// creation date (the document's date) and a sorted catalog.
func nouveauDocument(date model.Date, titre, auteur string) *gofpdf.Fpdf {
	f := gofpdf.New("P", "mm", "A4", "")
	f.AddUTF8FontFromBytes(famille, "", resources.DejaVuSans)
	f.AddUTF8FontFromBytes(famille, "B", resources.DejaVuSansBold)
	t := date.Time()
	f.SetCreationDate(t)
	f.SetModificationDate(t)
	f.SetCatalogSort(true)
	f.SetTitle(propre(titre), true)
	f.SetAuthor(propre(auteur), true)
	f.SetCreator("Logis", true)
	f.SetProducer("Logis (gofpdf)", true)
	f.SetMargins(margeG, margeH, margeD)
	// No inner cell margin: text is placed exactly where couper measured it.
	f.SetCellMargin(0)
	f.SetFont(famille, "", 10)
	return f
}

// premierePage starts a document of the office (minutes, annual report):
// its metadata, automatic page breaks off above the bottom margin bas (mm),
// the first page with the office's name in small bold.
func premierePage(date model.Date, titre, office string, bas float64) *gofpdf.Fpdf {
	f := nouveauDocument(date, titre, office)
	f.SetAutoPageBreak(false, bas)
	f.AddPage()
	police(f, true, 9)
	texte(f, margeG, largeur, 4.5, office)
	f.Ln(2)
	return f
}

// terminer checks gofpdf's first error once, then writes the document.
func terminer(f *gofpdf.Fpdf, w io.Writer) error {
	if err := f.Error(); err != nil {
		return fmt.Errorf("pdf: mise en page : %w", err)
	}
	if err := f.Output(w); err != nil {
		return fmt.Errorf("pdf: écriture : %w", err)
	}
	return nil
}

// propre makes a string printable with the embedded fonts: tabs and line
// breaks become spaces, characters outside the font's plane become « ? ».
func propre(s string) string {
	ok := true
	for _, r := range s {
		if r < 0x20 || r > 0xFFFF || r == 0x7F {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			b.WriteByte(' ')
		case r < 0x20 || r == 0x7F:
		case r > 0xFFFF:
			b.WriteByte('?')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// couper wraps text to width w (mm) with the current font. It breaks only
// at ordinary spaces (never at a no-break space, so « 10 jours » and « : »
// stay together) and at explicit line breaks; a word wider than w is cut
// after a hyphen if it can be, else where it must (see tailleCellule, which
// avoids it in tables).
func couper(f *gofpdf.Fpdf, txt string, w float64) []string {
	var lignes []string
	txt = typographie.Replace(txt)
	espace := f.GetStringWidth(" ")
	for _, par := range strings.Split(txt, "\n") {
		par = propre(par)
		mots := strings.Split(par, " ")
		cur, wcur := "", 0.0
		// gofpdf's widths are sums of glyph widths (no kerning): the width
		// of a line grows word by word.
		for _, m := range mots {
			if m == "" {
				continue
			}
			wm := f.GetStringWidth(m)
			essai := wm
			if cur != "" {
				essai = wcur + espace + wm
			}
			if essai <= w {
				if cur != "" {
					cur += " "
				}
				cur, wcur = cur+m, essai
				continue
			}
			if cur != "" {
				lignes = append(lignes, cur)
			}
			// A single word wider than the column is cut after a hyphen
			// when one fits (« TOUR-/VERNADET »), else by runes.
			for wm > w {
				r := []rune(m)
				n := len(r) - 1
				for n > 1 && f.GetStringWidth(string(r[:n])) > w {
					n--
				}
				for k := n; k > 1; k-- {
					if r[k-1] == '-' {
						n = k
						break
					}
				}
				lignes = append(lignes, string(r[:n]))
				m = string(r[n:])
				wm = f.GetStringWidth(m)
			}
			cur, wcur = m, wm
		}
		lignes = append(lignes, cur)
	}
	return lignes
}

// typographie binds French punctuation to its word with a no-break space,
// whatever the user typed (« 41,2 % », « 20 € », « motif : »).
var typographie = strings.NewReplacer(" %", "\u00a0%", " €", "\u00a0€", " :", "\u00a0:", " ;", "\u00a0;",
	" !", "\u00a0!", " ?", "\u00a0?", "« ", "«\u00a0", " »", "\u00a0»")

// texte writes wrapped text at x with width w, from the current y, one line
// every lh mm; it returns the number of lines. Page breaks happen between
// lines when the automatic page break is on.
func texte(f *gofpdf.Fpdf, x, w, lh float64, txt string) int {
	lignes := couper(f, txt, w)
	for _, l := range lignes {
		if f.GetY()+lh > pageH-basDePage(f) {
			f.AddPage()
		}
		f.SetX(x)
		f.CellFormat(w, lh, l, "", 2, "L", false, 0, "")
	}
	return len(lignes)
}

// basDePage is the bottom margin of the automatic page break.
func basDePage(f *gofpdf.Fpdf) float64 {
	_, b := f.GetAutoPageBreak()
	return b
}

// police selects the embedded font.
func police(f *gofpdf.Fpdf, gras bool, taille float64) {
	style := ""
	if gras {
		style = "B"
	}
	f.SetFont(famille, style, taille)
}

// forcerPolice selects the font even when it seems current: after SetPage
// the stream of an earlier page may end with another font.
func forcerPolice(f *gofpdf.Fpdf, gras bool, taille float64) {
	police(f, !gras, taille+1)
	police(f, gras, taille)
}

// lignes gathers a document's words in reading order, one non-empty
// string a line: what the documents' Texte methods return (tests, checks
// that a mention is present).
type lignes struct{ strings.Builder }

// ecrire adds each non-empty string of s as a line.
func (b *lignes) ecrire(s ...string) {
	for _, x := range s {
		if x != "" {
			b.WriteString(x)
			b.WriteByte('\n')
		}
	}
}
