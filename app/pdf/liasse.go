package pdf

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"

	"logis/model"
)

// Liasse is the combined PDF of a session's letters, with the pages of each
// letter. Each letter can be extracted as its own PDF without drawing it
// again: the fonts are parsed and subset once for the whole session (a new
// gofpdf document costs ~20 ms of font work, 500 letters ten seconds).
type Liasse struct {
	PDF   []byte
	Pages [][2]int // first and last page (1-based) of each letter

	objs  map[int][]byte // object number → « n 0 obj … endobj\n »
	kids  []int          // page objects, in page order
	pages int            // object number of the page tree
	info  int
	media []byte
}

// ComposerCourriers draws the letters into one PDF to print (see
// EcrireCourriers), safe in a duplex printer: each letter starts on a front
// (odd) page, a blank back page following a letter of an odd number of
// pages. Pages gives each letter's own pages (blank pages left out).
func ComposerCourriers(lettres []*Lettre, date model.Date, progress func(done, total int)) (*Liasse, error) {
	var buf bytes.Buffer
	l := &Liasse{}
	if err := ecrireCourriers(&buf, lettres, date, progress, &l.Pages, true); err != nil {
		return nil, err
	}
	l.PDF = buf.Bytes()
	if err := l.lire(); err != nil {
		return nil, err
	}
	return l, nil
}

var (
	reStartXref = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)
	reTrailer   = regexp.MustCompile(`/Root (\d+) 0 R\s*/Info (\d+) 0 R`)
	reRef       = regexp.MustCompile(`(\d+) 0 R`)
	reKids      = regexp.MustCompile(`/Kids \[([^\]]*)\]`)
	reMediaBox  = regexp.MustCompile(`/MediaBox \[[^\]]*\]`)
	reCatPages  = regexp.MustCompile(`/Pages (\d+) 0 R`)
)

// lire indexes the objects of the combined PDF through its xref table.
func (l *Liasse) lire() error {
	d := l.PDF
	m := reStartXref.FindSubmatch(d)
	if m == nil {
		return fmt.Errorf("pdf: startxref introuvable")
	}
	xref, _ := strconv.Atoi(string(m[1]))
	if xref <= 0 || xref >= len(d) || !bytes.HasPrefix(d[xref:], []byte("xref\n")) {
		return fmt.Errorf("pdf: table xref introuvable")
	}
	lines := bytes.Split(d[xref:], []byte("\n"))
	if len(lines) < 3 {
		return fmt.Errorf("pdf: table xref tronquée")
	}
	var first, count int
	if _, err := fmt.Sscanf(string(lines[1]), "%d %d", &first, &count); err != nil || first != 0 || len(lines) < 2+count {
		return fmt.Errorf("pdf: table xref illisible")
	}
	offsets := map[int]int{}
	var sorted []int
	for i := 1; i < count; i++ {
		e := lines[2+i]
		if len(e) < 18 || e[17] != 'n' {
			continue
		}
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil {
			return fmt.Errorf("pdf: entrée xref illisible")
		}
		offsets[i] = off
		sorted = append(sorted, off)
	}
	sort.Ints(sorted)
	end := func(off int) int {
		k := sort.SearchInts(sorted, off+1)
		if k < len(sorted) {
			return sorted[k]
		}
		return xref
	}
	l.objs = map[int][]byte{}
	for n, off := range offsets {
		o := d[off:end(off)]
		if !bytes.HasPrefix(o, []byte(strconv.Itoa(n)+" 0 obj")) {
			return fmt.Errorf("pdf: objet %d mal placé", n)
		}
		l.objs[n] = o
	}
	t := reTrailer.FindSubmatch(d[xref:])
	if t == nil {
		return fmt.Errorf("pdf: trailer illisible")
	}
	root, _ := strconv.Atoi(string(t[1]))
	l.info, _ = strconv.Atoi(string(t[2]))
	cp := reCatPages.FindSubmatch(l.objs[root])
	if cp == nil {
		return fmt.Errorf("pdf: catalogue illisible")
	}
	l.pages, _ = strconv.Atoi(string(cp[1]))
	k := reKids.FindSubmatch(l.objs[l.pages])
	if k == nil {
		return fmt.Errorf("pdf: arbre des pages illisible")
	}
	for _, r := range reRef.FindAllSubmatch(k[1], -1) {
		n, _ := strconv.Atoi(string(r[1]))
		l.kids = append(l.kids, n)
	}
	l.media = reMediaBox.Find(l.objs[l.pages])
	return nil
}

// corps splits an object into its header line, its dictionary part (where
// references are) and its stream, copied as is.
func corps(o []byte) (dict, stream []byte) {
	o = o[bytes.IndexByte(o, '\n')+1:]
	if i := bytes.Index(o, []byte("\nstream\n")); i >= 0 {
		return o[:i], o[i:]
	}
	return o, nil
}

// Courrier extracts letter i as its own PDF: its pages, and the resources
// they use (fonts, logo), renumbered.
func (l *Liasse) Courrier(i int) ([]byte, error) {
	if i < 0 || i >= len(l.Pages) {
		return nil, fmt.Errorf("pdf: courrier %d hors de la liasse", i)
	}
	first, last := l.Pages[i][0], l.Pages[i][1]
	if first < 1 || last > len(l.kids) || first > last {
		return nil, fmt.Errorf("pdf: pages du courrier %d incohérentes", i)
	}
	// Objects reachable from the letter's pages, the page tree excepted.
	need := map[int]bool{}
	todo := append([]int(nil), l.kids[first-1:last]...)
	for len(todo) > 0 {
		n := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		if need[n] || n == l.pages {
			continue
		}
		o, ok := l.objs[n]
		if !ok {
			return nil, fmt.Errorf("pdf: objet %d manquant", n)
		}
		need[n] = true
		dict, _ := corps(o)
		for _, r := range reRef.FindAllSubmatch(dict, -1) {
			k, _ := strconv.Atoi(string(r[1]))
			todo = append(todo, k)
		}
	}
	olds := make([]int, 0, len(need))
	for n := range need {
		olds = append(olds, n)
	}
	sort.Ints(olds)
	// New numbers: 1 catalog, 2 page tree, then the objects in their order, the info last.
	nouveau := map[int]int{l.pages: 2}
	for k, n := range olds {
		nouveau[n] = 3 + k
	}
	infoN := 3 + len(olds)
	var out bytes.Buffer
	offs := make([]int, infoN+1)
	out.WriteString("%PDF-1.3\n")
	obj := func(n int, dict, stream []byte) {
		offs[n] = out.Len()
		fmt.Fprintf(&out, "%d 0 obj\n", n)
		out.Write(dict)
		if stream != nil {
			out.Write(stream)
		} else if !bytes.HasSuffix(dict, []byte("endobj\n")) {
			out.WriteString("\nendobj\n")
		}
	}
	obj(1, []byte("<<\n/Type /Catalog\n/Pages 2 0 R\n>>"), nil)
	var kids bytes.Buffer
	for _, n := range l.kids[first-1 : last] {
		fmt.Fprintf(&kids, "%d 0 R ", nouveau[n])
	}
	obj(2, []byte(fmt.Sprintf("<</Type /Pages\n/Kids [%s]\n/Count %d\n%s\n>>", kids.String(), last-first+1, l.media)), nil)
	for _, n := range olds {
		dict, stream := corps(l.objs[n])
		dict = reRef.ReplaceAllFunc(dict, func(r []byte) []byte {
			k, _ := strconv.Atoi(string(r[:bytes.IndexByte(r, ' ')]))
			return []byte(strconv.Itoa(nouveau[k]) + " 0 R")
		})
		obj(nouveau[n], dict, stream)
	}
	if info, ok := l.objs[l.info]; ok {
		dict, _ := corps(info)
		obj(infoN, dict, nil)
	}
	xref := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", infoN+1)
	for n := 1; n <= infoN; n++ {
		fmt.Fprintf(&out, "%010d 00000 n \n", offs[n])
	}
	fmt.Fprintf(&out, "trailer\n<<\n/Size %d\n/Root 1 0 R\n/Info %d 0 R\n>>\nstartxref\n%d\n%%%%EOF\n", infoN+1, infoN, xref)
	return out.Bytes(), nil
}

// EcrireTout writes the combined PDF into w.
func (l *Liasse) EcrireTout(w io.Writer) error {
	_, err := w.Write(l.PDF)
	return err
}
