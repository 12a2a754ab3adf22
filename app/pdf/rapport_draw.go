package pdf

import (
	"fmt"
	"io"
	"math"

	"github.com/jung-kurt/gofpdf"

	"logis/model"
)

// Drawing of the annual report: small functions over the laid-out data.

const (
	basRapport = 18.0 // bottom margin (footer below)
	lhRapport  = 4.6
	tailleRap  = 9.0
	lhTabRap   = 4.0
	padTabRap  = 1.2
)

// couleursCourbes colour the four objectives on the line chart.
var couleursCourbes = [][3]int{{31, 86, 160}, {196, 90, 20}, {40, 140, 70}, {150, 40, 130}}

// Ecrire draws the report as one PDF, pages numbered « Page 1 / 4 ».
func (r *RapportAnnuel) Ecrire(w io.Writer) error {
	titre := "Rapport annuel de la CALEOL"
	if len(r.Titre) > 0 {
		titre = r.Titre[0]
	}
	f := premierePage(r.Date, titre, r.Office, basRapport)
	for i, t := range r.Titre {
		switch i {
		case 0:
			police(f, true, 16)
			texte(f, margeG, largeur, 8, t)
		default:
			police(f, false, 10)
			texte(f, margeG, largeur, 5, t)
		}
	}
	f.Ln(2)
	for _, b := range r.Blocs {
		blocRapport(f, b)
	}
	n := f.PageCount()
	for i := 1; i <= n; i++ {
		f.SetPage(i)
		piedRapport(f, r.Pied, i, n)
	}
	return terminer(f, w)
}

func besoinRapport(f *gofpdf.Fpdf, h float64) {
	if f.GetY()+h > pageH-basDePage(f) {
		f.AddPage()
	}
}

func blocRapport(f *gofpdf.Fpdf, b BlocRapport) {
	if b.Barres != nil {
		besoinRapport(f, 100) // the title stays with its chart
	} else {
		besoinRapport(f, 30)
	}
	f.Ln(4)
	police(f, true, 12)
	f.SetTextColor(31, 60, 110)
	texte(f, margeG, largeur, 6.5, b.Titre)
	f.SetTextColor(0, 0, 0)
	f.SetDrawColor(120, 120, 120)
	f.SetLineWidth(0.3)
	f.Line(margeG, f.GetY(), pageL-margeD, f.GetY())
	f.SetDrawColor(0, 0, 0)
	f.Ln(2)
	for _, p := range b.Paragraphes {
		police(f, false, tailleRap)
		texte(f, margeG, largeur, lhRapport, p)
		f.Ln(1.5)
	}
	if b.Barres != nil {
		barres(f, b.Barres)
	}
	if b.Courbes != nil {
		courbes(f, b.Courbes)
	}
	for _, t := range b.Tableaux {
		tableauRapport(f, t)
		f.Ln(3)
	}
	for _, n := range b.Notes {
		police(f, false, 7.5)
		f.SetTextColor(80, 80, 80)
		texte(f, margeG, largeur, 3.6, n)
		f.SetTextColor(0, 0, 0)
	}
}

// tableauRapport draws a table whose cells wrap; the header is repeated on
// a new page. Numbers (every column but the first) are right-aligned.
func tableauRapport(f *gofpdf.Fpdf, t TableauRapport) {
	f.SetLineWidth(0.2)
	f.SetDrawColor(110, 110, 110)
	ligne := func(cells []string, entete bool) {
		police(f, entete, 8)
		cols := make([][]string, len(t.Largeurs))
		n := 1
		for i, w := range t.Largeurs {
			if i < len(cells) {
				cols[i] = couper(f, cells[i], w-2*padTabRap)
			}
			n = max(n, len(cols[i]))
		}
		h := float64(n)*lhTabRap + 2*padTabRap
		if f.GetY()+h > pageH-basDePage(f) {
			f.AddPage()
			if !entete {
				police(f, true, 8)
				hdr := make([][]string, len(t.Largeurs))
				for i, w := range t.Largeurs {
					if i < len(t.Entetes) {
						hdr[i] = couper(f, t.Entetes[i], w-2*padTabRap)
					}
				}
				celluleRangee(f, t.Largeurs, hdr, true)
				police(f, false, 8)
			}
		}
		celluleRangee(f, t.Largeurs, cols, entete)
	}
	// The header never ends a page alone: room for it and two rows.
	besoinRapport(f, 3*(lhTabRap+2*padTabRap)+lhTabRap)
	ligne(t.Entetes, true)
	for _, l := range t.Lignes {
		ligne(l, false)
	}
	f.SetDrawColor(0, 0, 0)
}

func celluleRangee(f *gofpdf.Fpdf, larg []float64, cols [][]string, entete bool) {
	n := 1
	for _, c := range cols {
		n = max(n, len(c))
	}
	h := float64(n)*lhTabRap + 2*padTabRap
	x, y := margeG, f.GetY()
	for i, w := range larg {
		if entete {
			f.SetFillColor(225, 230, 238)
			f.Rect(x, y, w, h, "FD")
		} else {
			f.Rect(x, y, w, h, "D")
		}
		align := "L"
		if i > 0 && !entete {
			align = "R"
		}
		for j, s := range cols[i] {
			f.SetXY(x+padTabRap, y+padTabRap+float64(j)*lhTabRap)
			f.CellFormat(w-2*padTabRap, lhTabRap, s, "", 0, align, false, 0, "")
		}
		x += w
	}
	f.SetXY(margeG, y+h)
}

// barres draws a bar chart 60 mm high with the value above each bar.
func barres(f *gofpdf.Fpdf, b *Barres) {
	const haut = 55.0
	besoinRapport(f, haut+20)
	police(f, true, 9)
	texte(f, margeG, largeur, 5, b.Titre)
	y0 := f.GetY() + 4
	x0, w := margeG+10, largeur-10
	vmax := 1
	for _, v := range b.Valeurs {
		vmax = max(vmax, v)
	}
	echelle := graduation(vmax)
	police(f, false, 7)
	f.SetDrawColor(200, 200, 200)
	f.SetLineWidth(0.1)
	for k := 0; k <= 4; k++ {
		v := echelle * k / 4
		y := y0 + haut - haut*float64(v)/float64(echelle)
		f.Line(x0, y, x0+w, y)
		f.SetXY(margeG, y-2)
		f.CellFormat(8, 4, fmt.Sprint(v), "", 0, "R", false, 0, "")
	}
	f.SetDrawColor(0, 0, 0)
	f.SetLineWidth(0.3)
	f.Line(x0, y0+haut, x0+w, y0+haut)
	n := len(b.Valeurs)
	if n == 0 {
		f.SetY(y0 + haut + 8)
		return
	}
	pas := w / float64(n)
	for i, v := range b.Valeurs {
		h := haut * float64(v) / float64(echelle)
		x := x0 + float64(i)*pas + pas*0.2
		f.SetFillColor(31, 86, 160)
		if h > 0 {
			f.Rect(x, y0+haut-h, pas*0.6, h, "F")
		}
		f.SetXY(x-2, y0+haut-h-4)
		f.CellFormat(pas*0.6+4, 4, fmt.Sprint(v), "", 0, "C", false, 0, "")
		if i < len(b.Libelles) {
			f.SetXY(x0+float64(i)*pas, y0+haut+1)
			f.CellFormat(pas, 4, b.Libelles[i], "", 0, "C", false, 0, "")
		}
	}
	f.SetY(y0 + haut + 8)
}

// courbes draws running rates from 0 to 100 %, each with its target dashed,
// then the legend.
func courbes(f *gofpdf.Fpdf, c *Courbes) {
	const haut = 60.0
	besoinRapport(f, haut+45)
	f.Ln(2)
	police(f, true, 9)
	texte(f, margeG, largeur, 5, c.Titre)
	y0 := f.GetY() + 4
	x0, w := margeG+12, largeur-14
	yOf := func(p float64) float64 { return y0 + haut - haut*math.Max(0, math.Min(1, p)) }
	police(f, false, 7)
	f.SetDrawColor(200, 200, 200)
	f.SetLineWidth(0.1)
	for k := 0; k <= 4; k++ {
		p := float64(k) / 4
		f.Line(x0, yOf(p), x0+w, yOf(p))
		f.SetXY(margeG, yOf(p)-2)
		f.CellFormat(10, 4, model.FormatDecimal(p*100, 0, false)+"\u00a0%", "", 0, "R", false, 0, "")
	}
	f.SetDrawColor(0, 0, 0)
	f.SetLineWidth(0.3)
	f.Line(x0, y0+haut, x0+w, y0+haut)
	n := len(c.Libelles)
	pas := w / float64(max(n, 1))
	xOf := func(i int) float64 { return x0 + float64(i)*pas + pas/2 }
	for i, l := range c.Libelles {
		f.SetXY(x0+float64(i)*pas, y0+haut+1)
		f.CellFormat(pas, 4, l, "", 0, "C", false, 0, "")
	}
	for k, cb := range c.Courbes {
		col := couleursCourbes[k%len(couleursCourbes)]
		f.SetDrawColor(col[0], col[1], col[2])
		f.SetFillColor(col[0], col[1], col[2])
		if !math.IsNaN(cb.Cible) {
			f.SetLineWidth(0.25)
			f.SetDashPattern([]float64{1.2, 1.2}, 0)
			f.Line(x0, yOf(cb.Cible), x0+w, yOf(cb.Cible))
			f.SetDashPattern([]float64{}, 0)
		}
		f.SetLineWidth(0.6)
		prev := -1
		for i, p := range cb.Points {
			if math.IsNaN(p) {
				prev = -1
				continue
			}
			if prev >= 0 {
				f.Line(xOf(prev), yOf(cb.Points[prev]), xOf(i), yOf(p))
			}
			f.Circle(xOf(i), yOf(p), 0.7, "F")
			prev = i
		}
	}
	f.SetDrawColor(0, 0, 0)
	f.SetLineWidth(0.2)
	f.SetY(y0 + haut + 7)
	police(f, false, 8)
	for k, cb := range c.Courbes {
		col := couleursCourbes[k%len(couleursCourbes)]
		besoinRapport(f, 5)
		y := f.GetY()
		f.SetFillColor(col[0], col[1], col[2])
		f.Rect(margeG, y+1.2, 6, 2, "F")
		mesure := ""
		if manque(cb.Points) {
			mesure = " — non mesuré (données manquantes ou aucune attribution)"
		}
		f.SetY(y)
		texte(f, margeG+8, largeur-8, 4.4, propre(cb.Nom+mesure)) // a long legend wraps inside the margin
	}
	f.Ln(2)
}

// manque reports whether a line has no measured point at all.
func manque(ps []float64) bool {
	for _, p := range ps {
		if !math.IsNaN(p) {
			return false
		}
	}
	return true
}

// graduation rounds the top of a bar chart's scale to a multiple of 4.
func graduation(v int) int {
	for _, s := range []int{4, 8, 12, 20, 40, 60, 80, 100, 200, 400, 600, 800, 1000, 2000, 4000} {
		if v <= s {
			return s
		}
	}
	return (v/4 + 1) * 4
}

func piedRapport(f *gofpdf.Fpdf, pied string, page, pages int) {
	forcerPolice(f, false, 7)
	f.SetTextColor(90, 90, 90)
	num := fmt.Sprintf("Page %d / %d", page, pages)
	wn := f.GetStringWidth(num) + 2
	f.SetDrawColor(150, 150, 150)
	f.SetLineWidth(0.2)
	f.Line(margeG, pageH-13, pageL-margeD, pageH-13)
	f.SetDrawColor(0, 0, 0)
	f.SetXY(margeG, pageH-11)
	f.CellFormat(largeur-wn, 4, propre(pied), "", 0, "L", false, 0, "")
	f.SetXY(pageL-margeD-wn, pageH-11)
	f.CellFormat(wn, 4, num, "", 0, "R", false, 0, "")
	f.SetTextColor(0, 0, 0)
}
