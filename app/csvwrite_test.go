package app

import (
	"bytes"
	"encoding/csv"
	"testing"
)

func TestNeutraliseCell(t *testing.T) {
	for in, want := range map[string]string{
		"":                           "",
		"=HYPERLINK(\"http://x\")":   "'=HYPERLINK(\"http://x\")",
		"+33 1 00 00 00 00":          "'+33 1 00 00 00 00",
		"-1+1":                       "'-1+1",
		"@SUM(A1)":                   "'@SUM(A1)",
		"\t=1":                       "'\t=1",
		"\r=1":                       "'\r=1",
		"-12,5":                      "-12,5", // a negative figure stays a number
		"-3":                         "-3",
		"-0.5":                       "-0.5",
		"Arcueil":                    "Arcueil",
		"Sous-occupation | Handicap": "Sous-occupation | Handicap",
		"36,8":                       "36,8",
	} {
		if got := neutraliseCell(in); got != want {
			t.Errorf("neutraliseCell(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCSVWriter(t *testing.T) {
	var buf bytes.Buffer
	w, err := newCSVWriter(&buf)
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]string{"menage", "reste_a_vivre", "motif"})
	w.Write([]string{"=1+1", "-4,25", "ancienneté; « a »"})
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	want := "\ufeffmenage;reste_a_vivre;motif\n'=1+1;-4,25;\"ancienneté; « a »\"\n"
	if buf.String() != want {
		t.Fatalf("export = %q, want %q", buf.String(), want)
	}
	// Read back as a spreadsheet would after the BOM: the values are intact.
	r := csv.NewReader(bytes.NewReader(buf.Bytes()[3:]))
	r.Comma = ';'
	recs, err := r.ReadAll()
	if err != nil || len(recs) != 2 || recs[1][1] != "-4,25" || recs[1][2] != "ancienneté; « a »" {
		t.Fatalf("read back = %q, %v", recs, err)
	}
}
