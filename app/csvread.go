package app

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"logis/model"
)

// csvTable is a CSV file read whole: its header and rows, each with the line
// number where it starts in the file.
type csvTable struct {
	cols  map[string]int // normalised header name → column index
	rows  [][]string
	lines []int
}

// get returns the trimmed value of a column, empty when the column is absent.
func (t *csvTable) get(row []string, col string) string {
	i, ok := t.cols[col]
	if !ok || i >= len(row) {
		return ""
	}
	return strings.TrimSpace(row[i])
}

func (t *csvTable) has(col string) bool { _, ok := t.cols[col]; return ok }

// decodeText returns the text as UTF-8: a UTF-8 BOM is dropped, valid UTF-8 is
// kept, anything else is read as Windows-1252 (what French Excel writes).
func decodeText(b []byte) string {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if utf8.Valid(b) {
		return string(b)
	}
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/8)
	for _, c := range b {
		if c >= 0x80 && c < 0xa0 {
			sb.WriteRune(cp1252[c-0x80])
		} else {
			sb.WriteRune(rune(c)) // Latin-1 and ASCII map to the same code points
		}
	}
	return sb.String()
}

// cp1252 maps bytes 0x80–0x9F of Windows-1252 to Unicode.
var cp1252 = [32]rune{
	'€', '\u0081', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u008d', 'Ž', '\u008f',
	'\u0090', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u009d', 'ž', 'Ÿ',
}

// normHeader turns « Code postal », « RÉFÉRENCE » or « date-entrée » into
// code_postal, reference, date_entree.
func normHeader(s string) string {
	s = strings.ToLower(model.Fold(strings.TrimSpace(s)))
	s = strings.NewReplacer(" ", "_", "-", "_", "'", "_", ".", "").Replace(s)
	return strings.Trim(s, "_")
}

// readCSV reads a whole CSV file: separator « ; » or « , » (taken from the
// header line), UTF-8 with or without BOM or Windows-1252, quoted fields.
// Missing required columns are reported as errors on line 1.
func readCSV(r io.Reader, required []string) (*csvTable, []ImportError, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, nil, model.Errorf(model.EINVALID, "Le fichier ne peut pas être lu.")
	}
	text := decodeText(raw)
	first, _, _ := strings.Cut(text, "\n")
	sep := ';'
	if strings.Count(first, ";") == 0 && strings.Count(first, ",") > 0 {
		sep = ','
	} else if strings.Count(first, "\t") > strings.Count(first, ";") {
		sep = '\t'
	}
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = sep
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	t := &csvTable{cols: map[string]int{}}
	header, err := cr.Read()
	if err == io.EOF {
		return nil, []ImportError{{Ligne: 1, Raison: "le fichier est vide (il faut au moins la ligne d'en-tête)"}}, nil
	} else if err != nil {
		return nil, []ImportError{{Ligne: 1, Raison: "l'en-tête n'est pas une ligne CSV lisible"}}, nil
	}
	for i, h := range header {
		if n := normHeader(h); n != "" {
			if _, dup := t.cols[n]; !dup {
				t.cols[n] = i
			}
		}
	}
	var errs []ImportError
	for _, c := range required {
		if !t.has(c) {
			errs = append(errs, ImportError{Ligne: 1, Colonne: c, Raison: "colonne absente de l'en-tête"})
		}
	}
	if len(errs) > 0 {
		return nil, errs, nil
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			errs = append(errs, ImportError{Ligne: line, Raison: "ligne CSV illisible (guillemets mal fermés ?)"})
			if pe, ok := err.(*csv.ParseError); ok && pe.Err != csv.ErrFieldCount {
				break
			}
			continue
		}
		if blank(rec) {
			continue
		}
		// A value past the header's last column would be lost: most often
		// a « ; » inside an unquoted value (a reason), which the whole file
		// is refused for rather than cut silently. Empty trailing cells, as
		// spreadsheets write them, are fine.
		if len(rec) > len(header) && !blank(rec[len(header):]) {
			errs = append(errs, ImportError{Ligne: line, Raison: fmt.Sprintf("%d valeur(s) au-delà des %d colonnes de l'en-tête (« %s ») : une valeur contient-elle un « %c » ? Mettez-la entre guillemets", len(rec)-len(header), len(header), clipValue(strings.TrimSpace(strings.Join(rec[len(header):], string(sep)))), sep)})
			continue
		}
		t.rows = append(t.rows, rec)
		t.lines = append(t.lines, line)
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

// ImportError is one bad cell or line of an imported file.
type ImportError struct {
	Ligne   int
	Colonne string
	Raison  string
}

func (e ImportError) String() string {
	if e.Colonne == "" {
		return fmt.Sprintf("ligne %d : %s", e.Ligne, e.Raison)
	}
	return fmt.Sprintf("ligne %d, colonne %s : %s", e.Ligne, e.Colonne, e.Raison)
}

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

// As lets model.ErrorCode and model.ErrorMessage read an import refusal.
func (e *ImportErrors) As(target any) bool {
	if p, ok := target.(**model.Error); ok {
		*p = &model.Error{Code: model.EINVALID, Message: e.Error()}
		return true
	}
	return false
}
