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
	"logis/resources"
)

// Vertical layout of a letter, in mm from the top edge.
const (
	yReferences   = FenetreY // references beside the address window
	yLieuDate     = 92.0
	yObjet        = 101.5 // below the first fold (99 mm): the fold never runs through the subject line
	yPliage1      = 99.0  // folds of an A4 sheet in three for a DL envelope
	yPliage2      = 198.0
	basPied       = 8.0 // the footer ends this far above the bottom edge
	tailleAdr     = 10.0
	interAdr      = 4.6
	tailleDonnee  = 7.0 // the personal-data mention: small, but legible
	lhDonnee      = 2.9
	tailleContact = 7.5
	lhContact     = 3.2
)

// interligne and tailleCorps are the body's line height (mm) and font size
// (pt) at the largest of the sizes in corpsTailles.
const (
	interligne  = 4.6
	tailleCorps = 9.5
)

// corpsTailles are the body sizes tried, largest first: a letter is drawn at
// the largest one that fits it on one page; one that does not fit even at
// the smallest is drawn at the largest over several pages.
var corpsTailles = []mise{{taille: 9.5, lh: 4.6, gap: 2}, {taille: 9, lh: 4.3, gap: 1.7}, {taille: 8.5, lh: 4.05, gap: 1.5}, {taille: 8, lh: 3.8, gap: 1.3}}

// mise is the body's type size (pt) and line height (mm) of one letter, and
// where its footer starts.
type mise struct {
	taille, lh float64
	gap        float64 // space after a paragraph (mm)
	filet      float64 // y of the rule above the footer: the body stops above it
}

// PiedLettre is where the footer of letter l starts (mm from the top): the
// personal-data mention and the contact grow it upwards from the bottom.
func PiedLettre(l *Lettre) float64 {
	f := gofpdf.New("P", "mm", "A4", "")
	f.AddUTF8FontFromBytes(famille, "", resources.DejaVuSans)
	return filetPied(f, l)
}

func filetPied(f *gofpdf.Fpdf, l *Lettre) float64 {
	police(f, false, tailleDonnee)
	n := len(couper(f, l.Donnees, largeur))
	police(f, false, tailleContact)
	k := len(couper(f, l.Contact, largeur-25))
	return pageH - basPied - float64(n)*lhDonnee - 1.5 - 1 - float64(k)*lhContact
}

// EcrireCourriers draws letters into one PDF, each starting on a new page
// with its own page numbering (« Page 1 / 2 »). The fonts are parsed once for
// the whole document. date is the document's date (its creation date).
func EcrireCourriers(w io.Writer, lettres []*Lettre, date model.Date, progress func(done, total int)) error {
	return ecrireCourriers(w, lettres, date, progress, nil, false)
}

// ecrireCourriers draws the letters and, when pages is not nil, records the
// first and last page of each. recto: each letter starts on a front (odd)
// page, a blank back page being added after a letter of an odd number of
// pages, so that printed double-sided no letter lands on the back of
// another (the combined file to print).
func ecrireCourriers(w io.Writer, lettres []*Lettre, date model.Date, progress func(done, total int), pages *[][2]int, recto bool) error {
	titre := "Courriers de la commission"
	auteur := ""
	if len(lettres) > 0 && len(lettres[0].Expediteur) > 0 {
		auteur = lettres[0].Expediteur[0]
	}
	f := nouveauDocument(date, titre, auteur)
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
		if recto && f.PageCount()%2 == 1 {
			courante = nil // a blank back page: no running head, no footer
			f.AddPage()
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

// choisirMise picks the body size of letter l: the largest that fits the
// letter on its first page, else the largest.
func choisirMise(f *gofpdf.Fpdf, l *Lettre) mise {
	filet := filetPied(f, l)
	for _, m := range corpsTailles {
		m.filet = filet
		if yCorps(f, l, m)+hauteurCorps(f, l, m) <= filet-2 {
			return m
		}
	}
	m := corpsTailles[0]
	m.filet = filet
	return m
}

// yCorps is where the body starts: below the subject and the salutation.
func yCorps(f *gofpdf.Fpdf, l *Lettre, m mise) float64 {
	police(f, true, m.taille)
	n := len(couper(f, l.Objet, largeur))
	return yObjet + float64(n)*m.lh + 3 + m.lh + m.gap
}

// hauteurCorps is the height of the body, closing formula and signature
// drawn in one run (as paragraphe and signature draw them).
func hauteurCorps(f *gofpdf.Fpdf, l *Lettre, m mise) float64 {
	h := 0.0
	for _, p := range l.Corps {
		h += hauteurParagraphe(f, p, m)
	}
	police(f, false, m.taille)
	h += float64(len(couper(f, l.Formule, largeur))) * m.lh
	return h + hauteurSignature(l.Signature, m)
}

func hauteurParagraphe(f *gofpdf.Fpdf, p Paragraphe, m mise) float64 {
	h := 0.0
	if p.Titre != "" {
		police(f, true, m.taille)
		h += float64(len(couper(f, p.Titre, largeur))) * m.lh
	}
	if p.Texte != "" {
		police(f, p.Gras, m.taille)
		h += float64(len(couper(f, p.Texte, largeur))) * m.lh
	}
	police(f, false, m.taille)
	for _, s := range p.Puces {
		h += float64(len(couper(f, s, largeur-7))) * m.lh
	}
	if len(p.Tableau) > 0 {
		h++
		for _, r := range p.Tableau {
			h += float64(len(couper(f, r[1], largeur-largeurCle-4))) * m.lh
		}
	}
	return h + m.gap
}

// dessinerLettre draws one letter from a new page, then numbers its pages.
func dessinerLettre(f *gofpdf.Fpdf, l *Lettre) {
	m := choisirMise(f, l)
	f.SetAutoPageBreak(false, pageH-m.filet+2) // texte() breaks pages above the footer
	premiere := f.PageCount() + 1
	f.AddPage()
	reperesPliage(f)
	references(f, l, entete(f, l))
	destinataire(f, l.Destinataire)
	police(f, false, tailleCorps)
	f.SetXY(FenetreX, yLieuDate)
	f.CellFormat(FenetreL, interligne, propre(l.LieuDate), "", 0, "L", false, 0, "")
	f.SetXY(margeG, yObjet)
	police(f, true, m.taille)
	texte(f, margeG, largeur, m.lh, l.Objet)
	f.Ln(3)
	police(f, false, m.taille)
	texte(f, margeG, largeur, m.lh, l.Salutation)
	f.Ln(m.gap)
	bas := m.filet - 2
	// The last plain paragraphs (up to four lines) go with the closing
	// formula and the signature rather than leave them alone on a page.
	police(f, false, m.taille)
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
			police(f, false, m.taille)
			h := float64(lignes+len(couper(f, l.Formule, largeur)))*m.lh + float64(len(l.Corps)-carry)*m.gap
			if f.GetY()+h+hauteurSignature(l.Signature, m) > bas {
				f.AddPage()
			}
		}
		paragraphe(f, p, m)
	}
	police(f, false, m.taille)
	// The closing formula stays with the signature.
	if f.GetY()+float64(len(couper(f, l.Formule, largeur)))*m.lh+hauteurSignature(l.Signature, m) > bas {
		f.AddPage()
	}
	texte(f, margeG, largeur, m.lh, l.Formule)
	signature(f, l.Signature, m)
	derniere := f.PageCount()
	for p := premiere; p <= derniere; p++ {
		f.SetPage(p)
		piedDeLettre(f, l, m, p-premiere+1, derniere-premiere+1)
	}
	f.SetPage(derniere)
}

// reperesPliage marks where the A4 sheet is folded in three for a DL envelope.
func reperesPliage(f *gofpdf.Fpdf) {
	f.SetDrawColor(160, 160, 160)
	f.SetLineWidth(0.2)
	for _, y := range []float64{yPliage1, yPliage2} {
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

// largeurCle is the width of the labels of a paragraph's table.
const largeurCle = 40.0

// paragraphe draws one block of the body, keeping a heading with its text.
func paragraphe(f *gofpdf.Fpdf, p Paragraphe, m mise) {
	bas := m.filet - 2
	lh := m.lh
	if p.Titre != "" {
		if f.GetY()+3*lh > bas {
			f.AddPage()
		}
		police(f, true, m.taille)
		texteJusqua(f, margeG, largeur, lh, bas, p.Titre)
	}
	if p.Texte != "" {
		police(f, p.Gras, m.taille)
		texteJusqua(f, margeG, largeur, lh, bas, p.Texte)
	}
	police(f, false, m.taille)
	for _, s := range p.Puces {
		lignes := couper(f, s, largeur-7)
		for i, l := range lignes {
			if f.GetY()+lh > bas {
				f.AddPage()
			}
			if i == 0 {
				f.SetX(margeG + 2)
				f.CellFormat(5, lh, "•", "", 0, "L", false, 0, "")
			}
			f.SetX(margeG + 7)
			f.CellFormat(largeur-7, lh, l, "", 2, "L", false, 0, "")
		}
	}
	if len(p.Tableau) > 0 {
		f.Ln(1)
		for _, r := range p.Tableau {
			police(f, false, m.taille)
			lignes := couper(f, r[1], largeur-largeurCle-4)
			// A row is kept on one page when it fits on one; a longer one
			// (a very long address) continues on the next pages, line by
			// line, never over the footer.
			if h := float64(len(lignes)) * lh; f.GetY()+h > bas && h <= bas-margeH-10 {
				f.AddPage()
			}
			y := f.GetY()
			f.SetXY(margeG+4, y)
			police(f, true, m.taille)
			f.CellFormat(largeurCle, lh, propre(r[0]), "", 0, "L", false, 0, "")
			police(f, false, m.taille)
			for _, l := range lignes {
				if y+lh > bas {
					f.AddPage()
					y = f.GetY()
				}
				f.SetXY(margeG+4+largeurCle, y)
				f.CellFormat(largeur-largeurCle-4, lh, l, "", 0, "L", false, 0, "")
				y += lh
			}
			f.SetY(y)
		}
	}
	f.Ln(m.gap)
}

// texteJusqua writes wrapped text like texte, a new page starting when the
// next line would pass bas (mm from the top).
func texteJusqua(f *gofpdf.Fpdf, x, w, lh, bas float64, txt string) {
	for _, l := range couper(f, txt, w) {
		if f.GetY()+lh > bas {
			f.AddPage()
		}
		f.SetX(x)
		f.CellFormat(w, lh, l, "", 2, "L", false, 0, "")
	}
}

// signature draws the closing signature block on the right half: the
// delegation and the capacity, room to sign, then the first name and name.
func signature(f *gofpdf.Fpdf, lignes []string, m mise) {
	h := hauteurSignature(lignes, m)
	if f.GetY()+h > m.filet-2 {
		f.AddPage()
	}
	y := f.GetY() + 3
	for i, s := range lignes {
		police(f, i == len(lignes)-1, m.taille)
		f.SetXY(FenetreX, y+float64(i)*m.lh)
		f.CellFormat(pageL-margeD-FenetreX, m.lh, propre(s), "", 0, "L", false, 0, "")
	}
	f.SetY(y + h)
}

// hauteurSignature is the room of the signature block: a gap, the lines,
// then room to sign.
func hauteurSignature(lignes []string, m mise) float64 {
	return 3 + float64(len(lignes))*m.lh + 14
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

// piedDeLettre draws the footer from m.filet down: the personal-data
// mention, then the contact and the page number within the letter.
func piedDeLettre(f *gofpdf.Fpdf, l *Lettre, m mise, page, pages int) {
	f.SetDrawColor(150, 150, 150)
	f.SetLineWidth(0.2)
	f.Line(margeG, m.filet, pageL-margeD, m.filet)
	f.SetDrawColor(0, 0, 0)
	forcerPolice(f, false, tailleDonnee)
	f.SetTextColor(50, 50, 50)
	y := m.filet + 1.5
	for _, s := range couper(f, l.Donnees, largeur) {
		f.SetXY(margeG, y)
		f.CellFormat(largeur, lhDonnee, s, "", 0, "L", false, 0, "")
		y += lhDonnee
	}
	num := fmt.Sprintf("Page %d / %d", page, pages)
	police(f, false, tailleContact)
	wn := f.GetStringWidth(num) + 2
	lignes := couper(f, l.Contact, largeur-25)
	y += 1
	for _, s := range lignes {
		f.SetXY(margeG, y)
		f.CellFormat(largeur-wn, lhContact, s, "", 0, "L", false, 0, "")
		y += lhContact
	}
	f.SetXY(pageL-margeD-wn, y-lhContact)
	f.CellFormat(wn, lhContact, num, "", 0, "R", false, 0, "")
	f.SetTextColor(0, 0, 0)
}
