package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	_ "image/gif"  // logo formats
	_ "image/jpeg" // accepted in Paramètres
	"image/png"
	"io"

	"github.com/jung-kurt/gofpdf"

	"logis/model"
)

// Vertical layout of a letter, in mm from the top edge.
const (
	yReferences  = FenetreY // references beside the address window
	yLieuDate    = 92.0
	yObjet       = 99.0
	yFiletPied   = 271.0 // rule above the footer
	basLettre    = pageH - yFiletPied + 2
	interligne   = 4.6
	tailleCorps  = 9.5
	tailleAdr    = 10.0
	interAdr     = 4.6
	tailleDonnee = 6.2
)

// EcrireCourriers draws letters into one PDF, each starting on a new page
// with its own page numbering (« Page 1 / 2 »). The fonts are parsed once for
// the whole document. date is the document's date (its creation date).
func EcrireCourriers(w io.Writer, lettres []*Lettre, date model.Date, progress func(done, total int)) error {
	return ecrireCourriers(w, lettres, date, progress, nil)
}

// ecrireCourriers draws the letters and, when pages is not nil, records the
// first and last page of each.
func ecrireCourriers(w io.Writer, lettres []*Lettre, date model.Date, progress func(done, total int), pages *[][2]int) error {
	titre := "Courriers de la commission"
	auteur := ""
	if len(lettres) > 0 && len(lettres[0].Expediteur) > 0 {
		auteur = lettres[0].Expediteur[0]
	}
	f := nouveauDocument(date, titre, auteur)
	f.SetAutoPageBreak(false, basLettre)
	var courante *Lettre
	var premiere int
	f.SetHeaderFuncMode(func() {
		if courante != nil && f.PageNo() > premiere {
			suite(f, courante)
		}
	}, true)
	for i, l := range lettres {
		courante, premiere = l, f.PageCount()+1
		dessinerLettre(f, l)
		if f.Err() {
			break
		}
		if pages != nil {
			*pages = append(*pages, [2]int{premiere, f.PageCount()})
		}
		if progress != nil {
			progress(i+1, len(lettres))
		}
	}
	if len(lettres) == 0 {
		f.AddPage()
		police(f, false, tailleCorps)
		f.CellFormat(largeur, interligne, "Aucun courrier à imprimer.", "", 1, "L", false, 0, "")
	}
	return terminer(f, w)
}

// EcrireCourrier writes one letter as its own PDF.
func EcrireCourrier(w io.Writer, l *Lettre) error {
	return EcrireCourriers(w, []*Lettre{l}, l.Date, nil)
}

// dessinerLettre draws one letter from a new page, then numbers its pages.
func dessinerLettre(f *gofpdf.Fpdf, l *Lettre) {
	premiere := f.PageCount() + 1
	f.AddPage()
	reperesPliage(f)
	references(f, l, entete(f, l))
	destinataire(f, l.Destinataire)
	police(f, false, tailleCorps)
	f.SetXY(FenetreX, yLieuDate)
	f.CellFormat(FenetreL, interligne, propre(l.LieuDate), "", 0, "L", false, 0, "")
	f.SetXY(margeG, yObjet)
	police(f, true, tailleCorps)
	texte(f, margeG, largeur, interligne, l.Objet)
	f.Ln(interligne)
	police(f, false, tailleCorps)
	texte(f, margeG, largeur, interligne, l.Salutation)
	f.Ln(2)
	// The last plain paragraphs (up to four lines) go with the closing
	// formula and the signature rather than leave them alone on a page.
	police(f, false, tailleCorps)
	carry, lignes := len(l.Corps), 0
	for i := len(l.Corps) - 1; i >= 0; i-- {
		p := l.Corps[i]
		if p.Titre != "" || len(p.Puces) > 0 || len(p.Tableau) > 0 {
			break
		}
		n := len(couper(f, p.Texte, largeur))
		if carry < len(l.Corps) && lignes+n > 4 {
			break
		}
		carry, lignes = i, lignes+n
	}
	for i, p := range l.Corps {
		if i == carry {
			police(f, false, tailleCorps)
			h := float64(lignes+len(couper(f, l.Formule, largeur)))*interligne + float64(len(l.Corps)-carry)*2
			if f.GetY()+h+hauteurSignature(l.Signature) > pageH-basLettre {
				f.AddPage()
			}
		}
		paragraphe(f, p)
	}
	police(f, false, tailleCorps)
	// The closing formula stays with the signature.
	if f.GetY()+float64(len(couper(f, l.Formule, largeur)))*interligne+hauteurSignature(l.Signature) > pageH-basLettre {
		f.AddPage()
	}
	texte(f, margeG, largeur, interligne, l.Formule)
	signature(f, l.Signature)
	derniere := f.PageCount()
	for p := premiere; p <= derniere; p++ {
		f.SetPage(p)
		piedDeLettre(f, l, p-premiere+1, derniere-premiere+1)
	}
	f.SetPage(derniere)
}

// reperesPliage marks where the A4 sheet is folded in three for a DL envelope.
func reperesPliage(f *gofpdf.Fpdf) {
	f.SetDrawColor(160, 160, 160)
	f.SetLineWidth(0.2)
	for _, y := range []float64{99, 198} {
		f.Line(3, y, 8, y)
	}
	f.SetDrawColor(0, 0, 0)
}

// entete draws the letterhead: the logo on the left, the office's name and
// address beside it; it returns the bottom of the block.
func entete(f *gofpdf.Fpdf, l *Lettre) float64 {
	x, bas := margeG, margeH
	if info := logo(f, l.Logo); info != nil {
		h := 18.0
		w := h * info.Width() / info.Height()
		if w > 30 {
			w, h = 30, 30*info.Height()/info.Width()
		}
		f.ImageOptions("logo", margeG, margeH, w, h, false, gofpdf.ImageOptions{ImageType: "PNG"}, 0, "")
		x, bas = margeG+w+4, margeH+h
	}
	larg := FenetreX - 8 - x
	f.SetXY(x, margeH)
	for i, s := range l.Expediteur {
		if i == 0 {
			police(f, true, 11)
			texte(f, x, larg, 5, s)
			continue
		}
		police(f, false, 8.5)
		texte(f, x, larg, 3.8, s)
	}
	if y := f.GetY(); y > bas {
		bas = y
	}
	return bas
}

// logo registers the office's logo once per document, decoded and written
// again as an 8-bit PNG (gofpdf refuses interlaced or 16-bit PNG files); an
// unreadable logo is left out rather than stop the letters.
func logo(f *gofpdf.Fpdf, b []byte) *gofpdf.ImageInfoType {
	if len(b) == 0 {
		return nil
	}
	if info := f.GetImageInfo("logo"); info != nil {
		return info
	}
	img, _, err := image.Decode(bytes.NewReader(b))
	if err != nil || img.Bounds().Dx() == 0 || img.Bounds().Dy() == 0 {
		return nil
	}
	rgba := image.NewNRGBA(img.Bounds())
	draw.Draw(rgba, rgba.Bounds(), img, img.Bounds().Min, draw.Src)
	var buf bytes.Buffer
	if err := png.Encode(&buf, rgba); err != nil {
		return nil
	}
	info := f.RegisterImageOptionsReader("logo", gofpdf.ImageOptions{ImageType: "PNG"}, &buf)
	if info == nil || info.Width() <= 0 || info.Height() <= 0 {
		return nil
	}
	return info
}

// references draws « Nos réf. », the application number and who follows the
// case, beside the address window and below the letterhead; it returns the
// bottom of the block.
func references(f *gofpdf.Fpdf, l *Lettre, basEntete float64) float64 {
	y := yReferences + 2
	if y < basEntete+4 {
		y = basEntete + 4
	}
	for _, r := range l.References {
		f.SetXY(margeG, y)
		police(f, true, 8.5)
		wl := f.GetStringWidth(propre(r[0])) + 1.5
		f.CellFormat(wl, 4.2, propre(r[0]), "", 0, "L", false, 0, "")
		police(f, false, 8.5)
		n := 0
		for _, s := range couper(f, r[1], 80-wl) {
			f.SetXY(margeG+wl, y+float64(n)*4.2)
			f.CellFormat(80-wl, 4.2, s, "", 0, "L", false, 0, "")
			n++
		}
		y += float64(n) * 4.2
	}
	return y
}

// TailleAdresse is the font size (pt) at which every line of the block fits
// the window's width; it shrinks from 10 pt down to 8 pt for long lines.
func TailleAdresse(f *gofpdf.Fpdf, a Adresse) float64 {
	taille := tailleAdr
	for ; taille > 8; taille -= 0.5 {
		police(f, false, taille)
		ok := true
		for _, s := range a.Lignes {
			if f.GetStringWidth(s) > a.L-2 {
				ok = false
				break
			}
		}
		if ok {
			break
		}
	}
	return taille
}

// destinataire draws the address block inside the envelope window.
func destinataire(f *gofpdf.Fpdf, a Adresse) {
	taille := TailleAdresse(f, a)
	lh := interAdr
	if float64(len(a.Lignes))*lh > a.H-2 {
		lh = (a.H - 2) / float64(len(a.Lignes))
	}
	y := a.Y + (a.H-float64(len(a.Lignes))*lh)/2
	for i, s := range a.Lignes {
		police(f, i == 0, taille)
		f.SetXY(a.X+1, y+float64(i)*lh)
		f.CellFormat(a.L-2, lh, propre(s), "", 0, "L", false, 0, "")
	}
}

// paragraphe draws one block of the body, keeping a heading with its text.
func paragraphe(f *gofpdf.Fpdf, p Paragraphe) {
	bas := pageH - basLettre
	if p.Titre != "" {
		if f.GetY()+3*interligne > bas {
			f.AddPage()
		}
		police(f, true, tailleCorps)
		texte(f, margeG, largeur, interligne, p.Titre)
	}
	if p.Texte != "" {
		police(f, p.Gras, tailleCorps)
		texte(f, margeG, largeur, interligne, p.Texte)
	}
	police(f, false, tailleCorps)
	for _, s := range p.Puces {
		lignes := couper(f, s, largeur-7)
		for i, l := range lignes {
			if f.GetY()+interligne > bas {
				f.AddPage()
			}
			if i == 0 {
				f.SetX(margeG + 2)
				f.CellFormat(5, interligne, "•", "", 0, "L", false, 0, "")
			}
			f.SetX(margeG + 7)
			f.CellFormat(largeur-7, interligne, l, "", 2, "L", false, 0, "")
		}
	}
	if len(p.Tableau) > 0 {
		f.Ln(1)
		const wl = 40.0
		for _, r := range p.Tableau {
			police(f, false, 9.5)
			lignes := couper(f, r[1], largeur-wl-4)
			h := float64(len(lignes)) * 4.6
			if f.GetY()+h > bas {
				f.AddPage()
			}
			y := f.GetY()
			f.SetXY(margeG+4, y)
			police(f, true, 9.5)
			f.CellFormat(wl, 4.6, propre(r[0]), "", 0, "L", false, 0, "")
			police(f, false, 9.5)
			for i, l := range lignes {
				f.SetXY(margeG+4+wl, y+float64(i)*4.6)
				f.CellFormat(largeur-wl-4, 4.6, l, "", 0, "L", false, 0, "")
			}
			f.SetY(y + h)
		}
	}
	f.Ln(2)
}

// signature draws the closing signature block on the right half.
func signature(f *gofpdf.Fpdf, lignes []string) {
	bas := pageH - basLettre
	h := hauteurSignature(lignes)
	if f.GetY()+h > bas {
		f.AddPage()
	}
	y := f.GetY() + 3
	for i, s := range lignes {
		police(f, i == len(lignes)-1, tailleCorps)
		f.SetXY(FenetreX, y+float64(i)*interligne)
		f.CellFormat(pageL-margeD-FenetreX, interligne, propre(s), "", 0, "L", false, 0, "")
	}
	f.SetY(y + h)
}

// hauteurSignature is the room of the signature block: a gap, the lines,
// then room to sign.
func hauteurSignature(lignes []string) float64 {
	return 3 + float64(len(lignes))*interligne + 14
}

// suite is the running head of a letter's second and next pages.
func suite(f *gofpdf.Fpdf, l *Lettre) {
	police(f, false, 8)
	f.SetTextColor(90, 90, 90)
	ref := ""
	if len(l.References) > 0 {
		ref = l.References[0][0] + " " + l.References[0][1] + " – "
	}
	f.SetXY(margeG, 10)
	f.CellFormat(largeur, 4, propre(ref+l.LieuDate+" (suite)"), "", 0, "L", false, 0, "")
	f.SetTextColor(0, 0, 0)
	f.SetXY(margeG, 20)
}

// piedDeLettre draws the footer: personal-data mention, contact and page
// number within the letter.
func piedDeLettre(f *gofpdf.Fpdf, l *Lettre, page, pages int) {
	f.SetDrawColor(150, 150, 150)
	f.SetLineWidth(0.2)
	f.Line(margeG, yFiletPied, pageL-margeD, yFiletPied)
	f.SetDrawColor(0, 0, 0)
	forcerPolice(f, false, tailleDonnee)
	f.SetTextColor(60, 60, 60)
	y := yFiletPied + 1.5
	for _, s := range couper(f, l.Donnees, largeur) {
		f.SetXY(margeG, y)
		f.CellFormat(largeur, 2.6, s, "", 0, "L", false, 0, "")
		y += 2.6
	}
	num := fmt.Sprintf("Page %d / %d", page, pages)
	police(f, false, 7)
	wn := f.GetStringWidth(num) + 2
	lignes := couper(f, l.Contact, largeur-wn-3)
	y += 1
	for _, s := range lignes {
		f.SetXY(margeG, y)
		f.CellFormat(largeur-wn, 3, s, "", 0, "L", false, 0, "")
		y += 3
	}
	f.SetXY(pageL-margeD-wn, y-3)
	f.CellFormat(wn, 3, num, "", 0, "R", false, 0, "")
	f.SetTextColor(0, 0, 0)
}
