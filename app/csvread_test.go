package app

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDecodeText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"utf8", "Cèdres;€", "Cèdres;€"},
		{"utf8 with BOM", "\xef\xbb\xbfCèdres", "Cèdres"},
		{"windows-1252", "C\xe8dres;\x80;\x9c", "Cèdres;€;œ"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := decodeText([]byte(tc.in)); got != tc.want {
				t.Fatalf("decodeText = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestNormHeader(t *testing.T) {
	for in, want := range map[string]string{"Code postal": "code_postal", "RÉFÉRENCE": "reference", " date-entrée ": "date_entree", "Priorités": "priorites"} {
		if got := normHeader(in); got != want {
			t.Errorf("normHeader(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzReadCSV: any bytes give a table or line-numbered errors, never a panic,
// and the text handed on is always valid UTF-8.
func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("reference;surface\nL1;12,5\n"))
	f.Add([]byte("reference,surface\r\n\"L,1\",\"12,5\"\r\n"))
	f.Add([]byte("\xef\xbb\xbfreference;surface\nL1;\"12\n"))
	f.Add([]byte("r\xe9f\xe9rence;surface\n\x80;\x9f\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if !utf8.ValidString(decodeText(data)) {
			t.Fatalf("decodeText produced invalid UTF-8")
		}
		tbl, errs, err := readCSV(strings.NewReader(string(data)), []string{"reference"})
		if err != nil {
			t.Fatalf("unexpected read error: %v", err)
		}
		for _, e := range errs {
			if e.Ligne < 1 || e.Raison == "" {
				t.Fatalf("error without line or reason: %+v", e)
			}
		}
		if tbl != nil {
			for i, row := range tbl.rows {
				if tbl.lines[i] < 2 || blank(row) {
					t.Fatalf("row %d: line %d blank=%v", i, tbl.lines[i], blank(row))
				}
			}
		}
	})
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
	if len(errs) != 1 || errs[0].Ligne != 4 || !strings.Contains(errs[0].Raison, "1 valeur(s) au-delà des 2 colonnes de l'en-tête (« un candidat prioritaire a été retenu »)") ||
		!strings.Contains(errs[0].Raison, "Mettez-la entre guillemets") {
		t.Errorf("errors %+v", errs)
	}
}
