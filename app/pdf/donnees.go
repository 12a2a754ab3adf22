package pdf

import (
	"io"
	"strings"

	"github.com/jung-kurt/gofpdf"

	"logis/model"
)

// Releve is a plain document of sections: the summary of a household's data
// handed to the person (right of access), or the members' session file.
// Every word is already in French.
type Releve struct {
	Date     model.Date
	Titre    string
	Emetteur []string // the office: name, address lines, phone, DPO
	Intro    string
	Sections []SectionReleve
	// Filigrane, when set, is printed across every page (« CONFIDENTIEL –
	// Mme Martin »).
	Filigrane string
	// SautParSection starts every section on a new page.
	SautParSection bool
}

// SectionReleve is a heading and its paragraphs.
type SectionReleve struct {
	Titre  string
	Lignes []string
}

// Texte is the document's text, as printed (for tests and previews).
func (r *Releve) Texte() string {
	var b strings.Builder
	b.WriteString(strings.Join(r.Emetteur, "\n") + "\n" + r.Titre + "\n" + r.Intro + "\n")
	for _, s := range r.Sections {
		b.WriteString(s.Titre + "\n" + strings.Join(s.Lignes, "\n") + "\n")
	}
	return b.String()
}

// WriteDonnees draws r on A4 pages into w.
func WriteDonnees(r *Releve, w io.Writer) error {
	f := nouveauDocument(r.Date, r.Titre, firstOr(r.Emetteur, "Logis"))
	f.SetAutoPageBreak(true, 18)
	f.SetFooterFunc(func() {
		f.SetY(-12)
		police(f, false, 8)
		f.CellFormat(0, 5, propre(r.Titre)+" – "+r.Date.String()+" – page "+itoa(f.PageNo()), "", 0, "C", false, 0, "")
	})
	f.SetHeaderFunc(func() {
		if r.Filigrane != "" {
			filigrane(f, r.Filigrane)
		}
	})
	f.AddPage()
	police(f, true, 11)
	for _, l := range r.Emetteur {
		texte(f, margeG, largeur, 5, l)
		police(f, false, 10)
	}
	f.Ln(4)
	police(f, true, 14)
	texte(f, margeG, largeur, 7, r.Titre)
	police(f, false, 10)
	texte(f, margeG, largeur, 5, "Édité le "+r.Date.Long()+".")
	if r.Intro != "" {
		f.Ln(2)
		texte(f, margeG, largeur, 5, r.Intro)
	}
	for i, s := range r.Sections {
		if r.SautParSection && i > 0 {
			f.AddPage()
		} else {
			f.Ln(4)
		}
		police(f, true, 11)
		texte(f, margeG, largeur, 6, s.Titre)
		police(f, false, 10)
		for _, l := range s.Lignes {
			texte(f, margeG, largeur, 5, l)
		}
	}
	return terminer(f, w)
}

// filigrane prints text in light grey, diagonally across the page, under
// what follows.
func filigrane(f *gofpdf.Fpdf, text string) {
	x, y := f.GetXY()
	police(f, true, 28)
	f.SetTextColor(215, 215, 215)
	f.TransformBegin()
	f.TransformRotate(35, pageL/2, pageH/2)
	for i, l := range strings.Split(text, "\n") {
		w := f.GetStringWidth(propre(l))
		f.Text(pageL/2-w/2, pageH/2+float64(i)*13, propre(l))
	}
	f.TransformEnd()
	f.SetTextColor(0, 0, 0)
	police(f, false, 10)
	f.SetXY(x, y)
}

func firstOr(l []string, def string) string {
	if len(l) > 0 {
		return l[0]
	}
	return def
}

func itoa(n int) string { return model.FormatDecimal(float64(n), 0, false) }
