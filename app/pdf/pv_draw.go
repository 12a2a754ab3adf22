package pdf

import (
	"fmt"
	"io"
	"strings"

	"github.com/jung-kurt/gofpdf"
)

const (
	basPV      = 18.0 // bottom margin of the minutes (footer below)
	lhTableau  = 4.0
	padTableau = 1.2
	tailleTab  = 8.0
)

// Ecrire draws the minutes as one PDF, numbered « Page 1 / 3 ».
func (p *PV) Ecrire(w io.Writer) error {
	titre := "Procès-verbal de la CALEOL"
	if len(p.Titre) > 1 {
		titre = p.Titre[1]
	}
	f := premierePage(p.Date, titre, p.Office, basPV)
	for i, t := range p.Titre {
		switch i {
		case 0:
			police(f, true, 11)
		case 1:
			police(f, true, 14)
		default:
			police(f, true, 10)
			f.SetTextColor(170, 0, 0)
		}
		texte(f, margeG, largeur, 6, t)
		f.SetTextColor(0, 0, 0)
	}
	f.Ln(3)
	for _, r := range p.Entete {
		cle(f, r[0], r[1], 30)
	}

	section(f, "1. Composition de la commission et quorum")
	if len(p.Membres.Lignes) > 0 { // an imported session has none: its quorum line says so
		tableau(f, p.Membres)
		f.Ln(2)
	}
	police(f, true, 9)
	if !p.QuorumAtt {
		f.SetTextColor(170, 0, 0)
	}
	texte(f, margeG, largeur, 4.5, p.Quorum)
	f.SetTextColor(0, 0, 0)

	section(f, "2. Attribution des logements")
	if len(p.Logements) == 0 {
		police(f, false, 9)
		texte(f, margeG, largeur, 4.5, "Aucun logement n'a été examiné au titre des attributions.")
	} else {
		police(f, false, 8)
		f.SetTextColor(70, 70, 70)
		texte(f, margeG, largeur, 3.8, LegendeRang)
		f.SetTextColor(0, 0, 0)
		f.Ln(2)
	}
	for i, s := range p.Logements {
		besoin(f, 30)
		police(f, true, 10)
		texte(f, margeG, largeur, 5, fmt.Sprintf("2.%d  %s", i+1, s.Titre))
		if s.Details != "" {
			police(f, false, 8.5)
			texte(f, margeG, largeur, 4.2, s.Details)
		}
		f.Ln(1)
		tableau(f, s.Candidats)
		f.Ln(1)
		police(f, false, 8.5)
		if s.Alerte {
			police(f, true, 8.5)
			f.SetTextColor(170, 0, 0)
		}
		texte(f, margeG, largeur, 4.2, s.TroisCandidats)
		f.SetTextColor(0, 0, 0)
		f.Ln(3)
	}

	section(f, "3. Examen de l'occupation des logements (art. L.442-5-2 CCH)")
	if len(p.Occupation.Lignes) == 0 {
		police(f, false, 9)
		texte(f, margeG, largeur, 4.5, "Aucun ménage n'a été examiné au titre de l'occupation.")
	} else {
		tableau(f, p.Occupation)
	}

	section(f, "4. Synthèse des décisions")
	for _, r := range p.Synthese {
		cle(f, r[0], r[1], 95)
	}
	if len(p.Informations) > 0 {
		section(f, "5. Informations de la commission (politique d'attribution §1.3)")
		for _, bl := range p.Informations {
			besoin(f, 14)
			police(f, true, 9)
			texte(f, margeG, largeur, 4.5, bl.Titre)
			police(f, false, 9)
			for _, l := range bl.Lignes {
				texte(f, margeG+4, largeur-4, 4.5, "– "+l)
			}
			f.Ln(2)
		}
	}
	if len(p.Amendements) > 0 {
		section(f, "Amendements après clôture")
		police(f, false, 9)
		for _, a := range p.Amendements {
			texte(f, margeG, largeur, 4.5, a)
		}
	}
	if len(p.Envois) > 0 {
		section(f, "Notification des décisions")
		police(f, false, 9)
		for _, e := range p.Envois {
			texte(f, margeG, largeur, 4.5, e)
		}
	}
	f.Ln(3)
	police(f, false, 8.5)
	for _, m := range p.Mentions {
		besoin(f, 12)
		texte(f, margeG, largeur, 4.2, m)
		f.Ln(1.5)
	}

	// Signature block: two columns with room to sign.
	besoin(f, 40)
	f.Ln(4)
	y := f.GetY()
	police(f, true, 9.5)
	for i, s := range p.Signatures {
		x := margeG + float64(i)*largeur/2
		f.SetXY(x, y)
		f.CellFormat(largeur/2-5, 5, propre(s), "", 0, "L", false, 0, "")
		police(f, false, 8.5)
		f.SetXY(x, y+6)
		f.CellFormat(largeur/2-5, 4.5, "Nom"+nb+":", "", 0, "L", false, 0, "")
		f.SetXY(x, y+12)
		f.CellFormat(largeur/2-5, 4.5, "Signature"+nb+":", "", 0, "L", false, 0, "")
		police(f, true, 9.5)
	}
	f.SetY(y + 35)

	n := f.PageCount()
	for i := 1; i <= n; i++ {
		f.SetPage(i)
		piedPV(f, p.Pied, i, n)
		if p.Projet {
			projet(f)
		}
	}
	f.SetPage(n)
	return terminer(f, w)
}

// besoin starts a new page when less than h mm are left.
func besoin(f *gofpdf.Fpdf, h float64) {
	if f.GetY()+h > pageH-basDePage(f) {
		f.AddPage()
	}
}

func section(f *gofpdf.Fpdf, titre string) {
	besoin(f, 25)
	f.Ln(4)
	police(f, true, 11)
	texte(f, margeG, largeur, 6, titre)
	f.SetDrawColor(120, 120, 120)
	f.SetLineWidth(0.3)
	f.Line(margeG, f.GetY(), pageL-margeD, f.GetY())
	f.SetDrawColor(0, 0, 0)
	f.Ln(2)
}

// cle writes « label : value » on one line (value wrapped).
func cle(f *gofpdf.Fpdf, k, v string, wk float64) {
	besoin(f, 5)
	y := f.GetY()
	police(f, true, 9)
	f.SetXY(margeG, y)
	f.CellFormat(wk, 4.8, propre(k), "", 0, "L", false, 0, "")
	police(f, false, 9)
	f.SetXY(margeG+wk, y)
	texte(f, margeG+wk, largeur-wk, 4.8, v)
}

// tableau draws a table whose cells wrap; a row is kept on one page when it
// fits on one, and the header is repeated at the top of each new page. A row
// taller than a whole page is split between pages.
func tableau(f *gofpdf.Fpdf, t Tableau) {
	f.SetLineWidth(0.2)
	f.SetDrawColor(110, 110, 110)
	entetes := func() {
		ligneTableau(f, t.Largeurs, t.Entetes, true, nil)
	}
	entetes()
	pleinePage := pageH - basDePage(f) - margeH - hauteurLigne(f, t.Largeurs, t.Entetes, true)
	for _, r := range t.Lignes {
		h := hauteurLigne(f, t.Largeurs, r, false)
		reste := pageH - basDePage(f) - f.GetY()
		if h > reste && (h <= pleinePage || reste < 4*lhTableau) {
			f.AddPage()
			entetes()
		}
		ligneTableau(f, t.Largeurs, r, false, entetes)
	}
	f.SetDrawColor(0, 0, 0)
}

func hauteurLigne(f *gofpdf.Fpdf, larg []float64, cells []string, entete bool) float64 {
	lignes, _ := decouper(f, larg, cells, entete)
	n := 1
	for _, l := range lignes {
		n = max(n, len(l))
	}
	return float64(n)*lhTableau + 2*padTableau
}

// tailleMinTab is the smallest type a table cell shrinks to so that none of
// its words (a long surname) is cut in the middle.
const tailleMinTab = 5.5

// tailleCellule is the type size of a cell: tailleTab, or smaller when a
// word of txt is wider than the column w (mm), so that it is not broken.
func tailleCellule(f *gofpdf.Fpdf, txt string, w float64, entete bool) float64 {
	// The words as couper breaks them: at spaces and line breaks only.
	mots := strings.FieldsFunc(typographie.Replace(txt), func(r rune) bool { return r == ' ' || r == '\n' })
	for taille := tailleTab; taille >= tailleMinTab; taille -= 0.5 {
		police(f, entete, taille)
		ok := true
		for _, m := range mots {
			if f.GetStringWidth(propre(m)) > w {
				ok = false
				break
			}
		}
		if ok {
			return taille
		}
	}
	return tailleTab // a word too long even in small type is cut: keep the text legible
}

// decouper wraps each cell of a row at its own type size.
func decouper(f *gofpdf.Fpdf, larg []float64, cells []string, entete bool) ([][]string, []float64) {
	lignes := make([][]string, len(larg))
	tailles := make([]float64, len(larg))
	for i := range larg {
		tailles[i] = tailleTab
		if i < len(cells) {
			tailles[i] = tailleCellule(f, cells[i], larg[i]-2*padTableau, entete)
			police(f, entete, tailles[i])
			lignes[i] = couper(f, cells[i], larg[i]-2*padTableau)
		}
	}
	police(f, entete, tailleTab)
	return lignes, tailles
}

// ligneTableau draws one row from the current position; when the row does
// not fit, it continues on a new page after suite() (the header).
func ligneTableau(f *gofpdf.Fpdf, larg []float64, cells []string, entete bool, suite func()) {
	lignes, tailles := decouper(f, larg, cells, entete)
	n := 1
	for _, l := range lignes {
		n = max(n, len(l))
	}
	for debut := 0; debut < n; {
		y := f.GetY()
		k := n - debut
		if place := int((pageH - basDePage(f) - y - 2*padTableau) / lhTableau); suite != nil && place < k {
			k = max(place, 1)
		}
		h := float64(k)*lhTableau + 2*padTableau
		x := margeG
		for i, w := range larg {
			if entete {
				f.SetFillColor(225, 230, 238)
				f.Rect(x, y, w, h, "FD")
			} else {
				f.Rect(x, y, w, h, "D")
			}
			police(f, entete, tailles[i])
			for j := debut; j < debut+k && j < len(lignes[i]); j++ {
				f.SetXY(x+padTableau, y+padTableau+float64(j-debut)*lhTableau)
				f.CellFormat(w-2*padTableau, lhTableau, lignes[i][j], "", 0, "L", false, 0, "")
			}
			x += w
		}
		police(f, entete, tailleTab)
		f.SetXY(margeG, y+h)
		debut += k
		if debut < n {
			f.AddPage()
			suite()
		}
	}
}

// MentionProjet heads every page of the minutes of a session not closed.
const MentionProjet = "PROJET – séance non close : sans valeur de procès-verbal"

// projet writes MentionProjet at the top of the current page, in red.
func projet(f *gofpdf.Fpdf) {
	forcerPolice(f, true, 9)
	f.SetTextColor(170, 0, 0)
	f.SetXY(margeG, 6)
	f.CellFormat(largeur, 5, MentionProjet, "", 0, "C", false, 0, "")
	f.SetTextColor(0, 0, 0)
}

func piedPV(f *gofpdf.Fpdf, pied string, page, pages int) {
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
