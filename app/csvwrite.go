package app

import (
	"encoding/csv"
	"io"
	"regexp"
)

// BOM is the UTF-8 byte-order mark every CSV export starts with: French
// Excel then reads the accents right (it is what Excel writes for « CSV
// UTF-8 »).
const BOM = "\ufeff"

// csvWriter writes every CSV file Logis exports: UTF-8 with BOM, « ; »
// separator, and cells neutralised against formula injection.
type csvWriter struct{ cw *csv.Writer }

// newCSVWriter starts an export on w by writing the BOM.
func newCSVWriter(w io.Writer) (*csvWriter, error) {
	if _, err := io.WriteString(w, BOM); err != nil {
		return nil, err
	}
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	return &csvWriter{cw: cw}, nil
}

// Write writes one row, each cell through neutraliseCell.
func (c *csvWriter) Write(rec []string) error {
	out := make([]string, len(rec))
	for i, v := range rec {
		out[i] = neutraliseCell(v)
	}
	return c.cw.Write(out)
}

// Flush ends the export and returns the first write error.
func (c *csvWriter) Flush() error {
	c.cw.Flush()
	return c.cw.Error()
}

// plainNumber is a number as the exports write it: « -12 », « -3,5 ».
var plainNumber = regexp.MustCompile(`^-?[0-9]+([,.][0-9]+)?$`)

// neutraliseCell keeps a spreadsheet from running a cell as a formula (OWASP
// « CSV injection »): a cell beginning with =, +, -, @, a tab or a carriage
// return gets a leading single quote, which Excel and LibreOffice show as
// text. A plain number (« -12,5 ») is left as is, so that a negative figure
// stays a number a spreadsheet can add up.
func neutraliseCell(s string) string {
	if s == "" || plainNumber.MatchString(s) {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}
