package app

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"logis/model"
)

// MaxImportSize is the largest CSV file read (64 Mo): far above the office's
// files, it keeps a wrong file (a video, a database) out of memory.
const MaxImportSize = 64 << 20

// csvTable is a CSV file read whole: its header and rows, each with the row
// number Excel shows for it (the header is row 1; blank rows count).
type csvTable struct {
	cols  map[string]int // normalised header name → column index
	rows  [][]string
	lines []int
	ref   rowRef // the column naming a row in messages
	ctx   importCtx
}

// importCtx holds what the field rules compare cells with.
type importCtx struct {
	communes []model.CommuneOffice // the office's communes (Paramètres)
	today    model.Date
}

// rowRef names a row in error messages: « logement ARC0001-0004 ».
type rowRef struct{ col, label string }

// get returns the trimmed value of a column, empty when the column is absent.
func (t *csvTable) get(row []string, col string) string {
	i, ok := t.cols[col]
	if !ok || i >= len(row) {
		return ""
	}
	return strings.TrimSpace(row[i])
}

func (t *csvTable) has(col string) bool { _, ok := t.cols[col]; return ok }

// refOf names a row by its reference cell, clipped and kept on one line;
// empty when the cell is empty or unreadable.
func (t *csvTable) refOf(row []string) string {
	if t.ref.col == "" {
		return ""
	}
	v := t.get(row, t.ref.col)
	if v == "" || model.CheckTexte(v, model.MaxIdentifiant) != nil || strings.ContainsAny(v, "\n") {
		return ""
	}
	return t.ref.label + " " + v
}

// normHeader turns « Code postal », « RÉFÉRENCE » or « date-entrée » into
// code_postal, reference, date_entree.
func normHeader(s string) string {
	s = strings.ToLower(model.Fold(strings.TrimSpace(s)))
	s = strings.NewReplacer(" ", "_", "-", "_", "'", "_", ".", "").Replace(s)
	return strings.Trim(s, "_")
}

// Byte-order marks.
var (
	bomUTF8    = []byte{0xef, 0xbb, 0xbf}
	bomUTF16LE = []byte{0xff, 0xfe}
	bomUTF16BE = []byte{0xfe, 0xff}
)

// decodeText is the one decoding step of every CSV file. It returns the text
// as UTF-8 with « \n » line ends and the physical lines (1-based, counted in
// that text) whose encoding cannot be told for sure, plus a whole-file
// refusal reason when the file is not text at all.
//
//   - a BOM says what the file is: UTF-8, UTF-16 LE (Excel « Texte Unicode »)
//     or UTF-16 BE; UTF-16 without BOM is recognised by its zero bytes;
//   - otherwise each line is UTF-8 when valid, else Windows-1252 (what French
//     Excel writes by default) — so a UTF-8 file with one line typed in
//     another tool keeps its accents; a line mixing both, or holding bytes
//     Windows-1252 does not define, is returned as ambiguous;
//   - CR LF and CR-only (Excel « CSV Macintosh ») line ends become LF.
func decodeText(b []byte) (text string, ambiguous []int, refus string) {
	switch {
	case bytes.HasPrefix(b, bomUTF16LE):
		return decodeUTF16(b, unicode.LittleEndian, unicode.ExpectBOM)
	case bytes.HasPrefix(b, bomUTF16BE):
		return decodeUTF16(b, unicode.BigEndian, unicode.ExpectBOM)
	}
	b = bytes.TrimPrefix(b, bomUTF8)
	if order, ok := utf16WithoutBOM(b); ok {
		return decodeUTF16(b, order, unicode.IgnoreBOM)
	}
	b = normLineEnds(b)
	if utf8.Valid(b) {
		return string(b), nil, ""
	}
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/8)
	for n, line := range bytes.SplitAfter(b, []byte("\n")) {
		if utf8.Valid(line) {
			sb.Write(line)
			continue
		}
		if hasUTF8Sequence(line) || hasUndefined1252(line) {
			ambiguous = append(ambiguous, n+1)
		}
		for _, c := range line {
			if c < utf8.RuneSelf {
				sb.WriteByte(c)
			} else {
				sb.WriteRune(charmap.Windows1252.DecodeByte(c))
			}
		}
	}
	return sb.String(), ambiguous, ""
}

// decodeUTF16 decodes a UTF-16 file; invalid code units refuse it.
func decodeUTF16(b []byte, order unicode.Endianness, bom unicode.BOMPolicy) (string, []int, string) {
	out, err := unicode.UTF16(order, bom).NewDecoder().Bytes(b)
	if err != nil || bytes.ContainsRune(out, utf8.RuneError) || len(b)%2 != 0 {
		return "", nil, "le fichier est en UTF-16 (« Texte Unicode ») mais contient des caractères invalides : enregistrez-le de nouveau depuis Excel, en « CSV UTF-8 » de préférence"
	}
	return string(normLineEnds(out)), nil, ""
}

// utf16WithoutBOM recognises UTF-16 text without BOM: most of its first
// characters are ASCII, so one byte of each pair is zero.
func utf16WithoutBOM(b []byte) (unicode.Endianness, bool) {
	n := min(len(b)/2, 256)
	if n < 2 || len(b)%2 != 0 {
		return unicode.BigEndian, false
	}
	var even, odd int
	for i := 0; i < n; i++ {
		if b[2*i] == 0 {
			even++
		}
		if b[2*i+1] == 0 {
			odd++
		}
	}
	switch {
	case odd*10 >= n*9 && even == 0:
		return unicode.LittleEndian, true
	case even*10 >= n*9 && odd == 0:
		return unicode.BigEndian, true
	}
	return unicode.BigEndian, false
}

// normLineEnds turns CR LF and lone CR into LF.
func normLineEnds(b []byte) []byte {
	if !bytes.ContainsRune(b, '\r') {
		return b
	}
	b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(b, []byte("\r"), []byte("\n"))
}

// hasUTF8Sequence reports whether a line holds a valid multi-byte UTF-8
// sequence (then an invalid byte elsewhere in it makes it ambiguous).
func hasUTF8Sequence(line []byte) bool {
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRune(line[i:])
		if size > 1 && r != utf8.RuneError {
			return true
		}
		i += size
	}
	return false
}

// hasUndefined1252 reports bytes Windows-1252 leaves undefined.
func hasUndefined1252(line []byte) bool {
	for _, c := range line {
		switch c {
		case 0x81, 0x8d, 0x8f, 0x90, 0x9d:
			return true
		}
	}
	return false
}

// csvRecord is one record of the file and the physical line it starts on.
type csvRecord struct {
	fields []string
	line   int
}

// csvSyntaxError is a structural fault that refuses the whole file.
type csvSyntaxError struct {
	record int // index of the record where the fault starts (0 = header)
	reason string
}

// parseCSV splits text into records, strictly: a quoted cell is closed by a
// quote followed by the separator, the line end or the end of the file; a
// doubled quote inside is one quote; a quote inside an unquoted cell, text
// after a closing quote or a quote never closed refuse the file, naming the
// record where the cell opens. Line breaks inside quoted cells are kept.
func parseCSV(s string, sep byte) ([]csvRecord, *csvSyntaxError) {
	var recs []csvRecord
	line := 1
	i := 0
	for i < len(s) {
		rec := csvRecord{line: line}
		for {
			var field string
			if s[i] == '"' {
				i++
				var b strings.Builder
				for {
					if i >= len(s) {
						return recs, &csvSyntaxError{len(recs), "un guillemet ouvre une cellule sans jamais la refermer : elle engloberait toutes les lignes suivantes. Le fichier entier est refusé ; fermez ou retirez ce guillemet (un guillemet dans un texte s'écrit \"\" dans une cellule entourée de guillemets)"}
					}
					c := s[i]
					if c == '"' {
						if i+1 < len(s) && s[i+1] == '"' {
							b.WriteByte('"')
							i += 2
							continue
						}
						i++
						break
					}
					if c == '\n' {
						line++
					}
					b.WriteByte(c)
					i++
				}
				for i < len(s) && s[i] == ' ' && sep != ' ' {
					i++
				}
				if i < len(s) && s[i] != sep && s[i] != '\n' {
					return recs, &csvSyntaxError{len(recs), "du texte suit le guillemet qui ferme une cellule : le fichier entier est refusé ; un guillemet dans un texte s'écrit \"\" dans une cellule entourée de guillemets"}
				}
				field = b.String()
			} else {
				start := i
				for i < len(s) && s[i] != sep && s[i] != '\n' {
					if s[i] == '"' {
						return recs, &csvSyntaxError{len(recs), "un guillemet figure au milieu d'une cellule qui n'est pas entourée de guillemets : le fichier entier est refusé ; entourez la cellule de guillemets et doublez celui du texte (\"\")"}
					}
					i++
				}
				field = s[start:i]
			}
			rec.fields = append(rec.fields, field)
			if i >= len(s) {
				break
			}
			if s[i] == sep {
				i++
				if i >= len(s) {
					rec.fields = append(rec.fields, "")
					break
				}
				if s[i] == '\n' {
					rec.fields = append(rec.fields, "")
					i++
					line++
					break
				}
				continue
			}
			i++ // '\n'
			line++
			break
		}
		recs = append(recs, rec)
	}
	return recs, nil
}

// sniffSeparator takes the separator from the header line: the most frequent
// of « ; », tab and « , » outside quotes (« ; » on a tie, and when none).
func sniffSeparator(s string) byte {
	counts := map[byte]int{}
	inQuote := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '"' {
			inQuote = !inQuote
		} else if !inQuote && c == '\n' {
			break
		} else if !inQuote && (c == ';' || c == '\t' || c == ',') {
			counts[c]++
		}
	}
	best := byte(';')
	for _, c := range []byte{'\t', ','} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return best
}

// readCSV reads a whole CSV file through decodeText and parseCSV. Missing
// required columns are reported on row 1; any structural or encoding fault
// refuses the whole file with the row it starts on.
func readCSV(r io.Reader, required []string) (*csvTable, []ImportError, error) {
	raw, err := io.ReadAll(io.LimitReader(r, MaxImportSize+1))
	if err != nil {
		return nil, nil, model.Errorf(model.EINVALID, "Le fichier ne peut pas être lu.")
	}
	if len(raw) > MaxImportSize {
		return nil, []ImportError{{Ligne: 1, Raison: "le fichier dépasse 64 Mo : ce n'est pas un fichier CSV de Logis"}}, nil
	}
	text, ambiguous, refus := decodeText(raw)
	if refus != "" {
		return nil, []ImportError{{Ligne: 1, Raison: refus}}, nil
	}
	recs, serr := parseCSV(text, sniffSeparator(text))
	// rowOf gives the row Excel shows for a physical line of the text: the
	// last record starting at or before it (records are in line order); a
	// line past the records belongs to the one the syntax error stopped in.
	rowOf := func(line int) int {
		i := sort.Search(len(recs), func(i int) bool { return recs[i].line > line })
		if serr != nil && i == len(recs) && len(recs) > 0 && line > recs[len(recs)-1].line {
			return len(recs) + 1
		}
		return max(i, 1)
	}
	if len(ambiguous) > 0 {
		var errs []ImportError
		seen := map[int]bool{}
		for _, l := range ambiguous {
			if row := rowOf(l); !seen[row] {
				seen[row] = true
				errs = append(errs, ImportError{Ligne: row, Raison: "encodage incertain : cette ligne mêle des caractères UTF-8 et Windows-1252 (ou des octets inconnus) ; ses accents ne peuvent pas être lus sans risque. Enregistrez le fichier en « CSV UTF-8 » et vérifiez cette ligne"})
			}
		}
		return nil, errs, nil
	}
	if serr != nil {
		return nil, []ImportError{{Ligne: serr.record + 1, Raison: serr.reason}}, nil
	}
	if len(recs) == 0 || blank(recs[0].fields) {
		return nil, []ImportError{{Ligne: 1, Raison: "le fichier est vide (il faut au moins la ligne d'en-tête)"}}, nil
	}
	t := &csvTable{cols: map[string]int{}}
	var errs []ImportError
	header := recs[0].fields
	for i, h := range header {
		n := normHeader(h)
		if n == "" {
			continue
		}
		if _, dup := t.cols[n]; dup {
			errs = append(errs, ImportError{Ligne: 1, Colonne: n, Raison: "colonne en double dans l'en-tête"})
			continue
		}
		t.cols[n] = i
	}
	for _, c := range required {
		if !t.has(c) {
			errs = append(errs, ImportError{Ligne: 1, Colonne: c, Raison: raisonColonneAbsente})
		}
	}
	if len(errs) > 0 {
		return t, errs, nil // the header read (no rows): enteteRefusee names the model it matches
	}
	for k, rec := range recs[1:] {
		row := k + 2
		if blank(rec.fields) {
			continue
		}
		if extra := rec.fields[min(len(header), len(rec.fields)):]; !blank(extra) {
			errs = append(errs, ImportError{Ligne: row, Raison: fmt.Sprintf("la ligne compte %d cellules et l'en-tête %d : un séparateur de trop (une valeur contenant un séparateur doit être entourée de guillemets)", len(rec.fields), len(header))})
			continue
		}
		t.rows = append(t.rows, rec.fields)
		t.lines = append(t.lines, row)
	}
	return t, errs, nil
}

func blank(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}

// ImportError is one bad cell or row of an imported file. Ligne is the row
// Excel shows (the header is row 1); Ref names the row (« logement L1 »).
type ImportError struct {
	Ligne   int
	Ref     string
	Colonne string
	Raison  string
}

func (e ImportError) String() string {
	where := fmt.Sprintf("ligne %d", e.Ligne)
	if e.Ref != "" {
		where += " (" + e.Ref + ")"
	}
	if e.Colonne == "" {
		return where + " : " + e.Raison
	}
	return fmt.Sprintf("%s, colonne %s : %s", where, e.Colonne, e.Raison)
}

// raisonColonneAbsente is the reason of a required column missing from a
// header (gathered by enteteRefusee).
const raisonColonneAbsente = "colonne absente de l'en-tête"

// ImportErrors is the refusal of a whole file: nothing was written.
type ImportErrors struct {
	Fichier string
	Erreurs []ImportError
}

func (e *ImportErrors) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Import refusé : %d erreur(s), rien n'a été enregistré.", len(e.Erreurs))
	for _, x := range e.Erreurs {
		b.WriteString("\n")
		b.WriteString(x.String())
	}
	return b.String()
}

// Resume says in one phrase what must be corrected: the header's reason
// when the header is refused, else the number of lines to correct (a line
// with several errors counts once).
func (e *ImportErrors) Resume() string {
	for _, x := range e.Erreurs {
		if x.Ligne == 1 && strings.HasPrefix(x.Raison, "l'en-tête ne correspond pas") {
			return x.Raison
		}
	}
	lignes := map[int]bool{}
	for _, x := range e.Erreurs {
		lignes[x.Ligne] = true
	}
	if len(lignes) == 1 {
		return "1 ligne à corriger"
	}
	return fmt.Sprintf("%d lignes à corriger", len(lignes))
}

// As lets model.ErrorCode and model.ErrorMessage read an import refusal.
func (e *ImportErrors) As(target any) bool {
	if p, ok := target.(**model.Error); ok {
		*p = &model.Error{Code: model.EINVALID, Message: e.Error()}
		return true
	}
	return false
}
