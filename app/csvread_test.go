package app

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// utf16le encodes ASCII/Latin text as UTF-16 little-endian.
func utf16le(s string, bom bool) []byte {
	var b []byte
	if bom {
		b = append(b, 0xff, 0xfe)
	}
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}

func utf16be(s string) []byte {
	b := []byte{0xfe, 0xff}
	for _, r := range s {
		b = append(b, byte(r>>8), byte(r))
	}
	return b
}

func TestDecodeText(t *testing.T) {
	tests := []struct {
		name      string
		in        []byte
		want      string
		ambiguous []int
	}{
		{"utf8", []byte("Cèdres;€"), "Cèdres;€", nil},
		{"utf8 with BOM", []byte("\xef\xbb\xbfCèdres"), "Cèdres", nil},
		{"windows-1252", []byte("C\xe8dres;\x80;\x9c"), "Cèdres;€;œ", nil},
		{"utf-16 LE with BOM (Excel Texte Unicode)", utf16le("nom\tprénom\r\nÉlise\tNoé\r\n", true), "nom\tprénom\nÉlise\tNoé\n", nil},
		{"utf-16 BE with BOM", utf16be("nom;prénom\nNoé;x\n"), "nom;prénom\nNoé;x\n", nil},
		{"utf-16 LE without BOM", utf16le("nom;prenom\nAnne;Noé\n", false), "nom;prenom\nAnne;Noé\n", nil},
		{"CR only (CSV Macintosh)", []byte("a;b\r1;2\r3;4\r"), "a;b\n1;2\n3;4\n", nil},
		{"CRLF", []byte("a;b\r\n1;2\r\n"), "a;b\n1;2\n", nil},
		{"utf8 file with one windows-1252 line", []byte("nom;ville\nRené;Créteil\nNo\xe9;Arcueil\nLéa;Orly\n"), "nom;ville\nRené;Créteil\nNoé;Arcueil\nLéa;Orly\n", nil},
		{"one line mixing both", []byte("nom;ville\nRené;Cr\xe9teil Noé\n"), "", []int{2}},
		{"byte undefined in windows-1252", []byte("a\nb\x81\n"), "", []int{2}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, amb, refus := decodeText(tc.in)
			if refus != "" {
				t.Fatalf("refused: %s", refus)
			}
			if !reflect.DeepEqual(amb, tc.ambiguous) {
				t.Fatalf("ambiguous lines = %v, want %v", amb, tc.ambiguous)
			}
			if tc.ambiguous == nil && got != tc.want {
				t.Fatalf("decodeText = %q, want %q", got, tc.want)
			}
		})
	}
	t.Run("utf-16 with an odd byte count", func(t *testing.T) {
		if _, _, refus := decodeText(append(utf16le("a;b\n", true), 'x')); !strings.Contains(refus, "UTF-16") {
			t.Fatalf("refus = %q", refus)
		}
	})
}

func TestParseCSV(t *testing.T) {
	t.Run("quotes and line breaks", func(t *testing.T) {
		recs, err := parseCSV("a;b\n\"x;\"\"y\"\"\";\"1\n2\"\n\n3;\n", ';')
		if err != nil {
			t.Fatal(err.reason)
		}
		want := []csvRecord{{[]string{"a", "b"}, 1}, {[]string{"x;\"y\"", "1\n2"}, 2}, {[]string{""}, 4}, {[]string{"3", ""}, 5}}
		if !reflect.DeepEqual(recs, want) {
			t.Fatalf("records = %#v", recs)
		}
	})
	for _, tc := range []struct {
		name, in string
		record   int
		reason   string
	}{
		{"quote never closed", "a;b\n1;2\n3;\"Logement trop petit\n4;5\n6;7\n", 2, "sans jamais la refermer"},
		{"text after a closing quote", "a;b\n\"x\"y;2\n", 1, "du texte suit le guillemet"},
		{"quote inside an unquoted cell", "a;b\n1;2\n3;x\"y\n", 2, "au milieu d'une cellule"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseCSV(tc.in, ';')
			if err == nil || err.record != tc.record || !strings.Contains(err.reason, tc.reason) {
				t.Fatalf("err = %+v, want record %d with %q", err, tc.record, tc.reason)
			}
		})
	}
}

func TestSniffSeparator(t *testing.T) {
	for in, want := range map[string]byte{"a;b;c\n": ';', "a,b,c\n": ',', "a\tb\tc\n": '\t', "a\n": ';', "\"x;y\",b,c\n": ',', "a;b,c;d\n": ';'} {
		if got := sniffSeparator(in); got != want {
			t.Errorf("sniffSeparator(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestReadCSV_ExcelRows(t *testing.T) {
	// A blank row and a two-line cell: rows are those Excel shows.
	tbl, errs, err := readCSV(strings.NewReader("reference;adresse\nL1;\"1 rue A\nBât B\"\n\nL2;x\n"), []string{"reference"})
	if err != nil || len(errs) > 0 {
		t.Fatal(err, errs)
	}
	if !reflect.DeepEqual(tbl.lines, []int{2, 4}) {
		t.Fatalf("rows = %v, want [2 4]", tbl.lines)
	}
	_, errs, _ = readCSV(strings.NewReader("reference;motif\nL1;ok\nL2;\"trop petit\nL3;x\n"), []string{"reference"})
	if len(errs) != 1 || errs[0].Ligne != 3 || !strings.Contains(errs[0].String(), "ligne 3 : un guillemet ouvre une cellule sans jamais la refermer") {
		t.Fatalf("errs = %v", errs)
	}
	_, errs, _ = readCSV(strings.NewReader("reference;motif\nL1;a;b\n"), []string{"reference"})
	if len(errs) != 1 || !strings.Contains(errs[0].String(), "ligne 2 : la ligne compte 3 cellules et l'en-tête 2") {
		t.Fatalf("errs = %v", errs)
	}
	_, errs, _ = readCSV(strings.NewReader("reference;Référence\nL1;L2\n"), []string{"reference"})
	if len(errs) != 1 || errs[0].String() != "ligne 1, colonne reference : colonne en double dans l'en-tête" {
		t.Fatalf("errs = %v", errs)
	}
}

func TestNormHeader(t *testing.T) {
	for in, want := range map[string]string{"Code postal": "code_postal", "RÉFÉRENCE": "reference", " date-entrée ": "date_entree", "Priorités": "priorites"} {
		if got := normHeader(in); got != want {
			t.Errorf("normHeader(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzReadCSV: any bytes give a table or row-numbered errors, never a panic;
// the cells handed on are valid UTF-8 without CR, rows increase from 2.
// The seed corpus is in testdata/fuzz/FuzzReadCSV too.
func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("reference;surface\nL1;12,5\n"))
	f.Add([]byte("reference,surface\r\n\"L,1\",\"12,5\"\r\n"))
	f.Add([]byte("\xef\xbb\xbfreference;surface\nL1;\"12\n"))
	f.Add([]byte("r\xe9f\xe9rence;surface\n\x80;\x9f\n"))
	f.Add(utf16le("reference\tsurface\r\nL1\t12,5\r\n", true))
	f.Add([]byte("reference;surface\rL1;12\rL2;\"3\r4\"\r"))
	f.Add([]byte("reference;nom\nL1;Ren\xc3\xa9\nL2;No\xe9\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		text, _, _ := decodeText(data)
		if !utf8.ValidString(text) || strings.Contains(text, "\r") {
			t.Fatalf("decodeText produced invalid UTF-8 or a CR")
		}
		tbl, errs, err := readCSV(strings.NewReader(string(data)), []string{"reference"})
		if err != nil {
			t.Fatalf("unexpected read error: %v", err)
		}
		for _, e := range errs {
			if e.Ligne < 1 || e.Raison == "" {
				t.Fatalf("error without row or reason: %+v", e)
			}
		}
		if tbl == nil {
			return
		}
		last := 1
		for i, row := range tbl.rows {
			if tbl.lines[i] <= last || blank(row) {
				t.Fatalf("row %d: number %d after %d, blank=%v", i, tbl.lines[i], last, blank(row))
			}
			last = tbl.lines[i]
			for _, cell := range row {
				if !utf8.ValidString(cell) || strings.Contains(cell, "\r") {
					t.Fatalf("cell %q", cell)
				}
			}
		}
	})
}

// BenchmarkReadCSV reads a 100 000-row Windows-1252 file with one UTF-8 line
// (the per-line decoding path) through the whole reader.
func BenchmarkReadCSV(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("reference;residence;adresse;code_postal;commune;surface\r\n")
	for i := 0; i < 100000; i++ {
		fmt.Fprintf(&sb, "L%06d;R1;\"3 all\xe9e des C\xe8dres\r\nB\xe2t B\";94110;Arcueil;64,5\r\n", i)
	}
	sb.WriteString("L9;R1;Noé;94110;Arcueil;64,5\r\n")
	data := sb.String()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		t, errs, err := readCSV(strings.NewReader(data), []string{"reference"})
		if err != nil || len(errs) > 0 || len(t.rows) != 100001 {
			b.Fatal(err, errs)
		}
	}
}

// TestReadCSV_ValeursEnTrop: a value past the header's columns (a « ; »
// inside an unquoted reason) is refused with its line, never cut; empty
// trailing cells and a quoted « ; » are read.
func TestReadCSV_ValeursEnTrop(t *testing.T) {
	in := "seance;motif\r\n" +
		"S1;\"refus ; logement trop loin\"\r\n" + // quoted: one value
		"S2;effort;;\r\n" + // empty trailing cells, as spreadsheets write them
		"S3;Dossier présenté en 2e position ; un candidat prioritaire a été retenu\r\n"
	tab, errs, err := readCSV(strings.NewReader(in), []string{"seance", "motif"})
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.rows) != 2 || tab.rows[0][1] != "refus ; logement trop loin" || tab.rows[1][1] != "effort" {
		t.Errorf("rows %q", tab.rows)
	}
	if len(errs) != 1 || errs[0].Ligne != 4 || !strings.Contains(errs[0].Raison, "la ligne compte 3 cellules et l'en-tête 2") ||
		!strings.Contains(errs[0].Raison, "doit être entourée de guillemets") {
		t.Errorf("errors %+v", errs)
	}
}
