package app_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

// A G-rated dwelling cannot be let since 01/01/2025: its candidate list
// says so, in the list and on every CSV row.
func TestApp_CandidatsDPEClasseG(t *testing.T) {
	a := MustOpenApp(t)
	fs, ls := standardFixtures()
	ls[0].ClasseDPE = "G"
	ls[1].ClasseDPE = "D"
	seedCandidates(t, a, fs, ls...)
	for _, tt := range []struct {
		ref  string
		want string
	}{{"ARC-T3", "classé G au DPE"}, {"ARC-OLD1", ""}} {
		lc, err := a.Candidats(tt.ref, at, false)
		if err != nil {
			t.Fatal(err)
		}
		if got := lc.Alerte(); tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
			t.Errorf("%s: Alerte() = %q, want %q", tt.ref, got, tt.want)
		}
		var b bytes.Buffer
		if err := lc.WriteCSV(&b); err != nil {
			t.Fatal(err)
		}
		r := csv.NewReader(&b)
		r.Comma = ';'
		recs, err := r.ReadAll()
		if err != nil || len(recs) < 2 {
			t.Fatalf("%s: csv %v, %d rows", tt.ref, err, len(recs))
		}
		last := len(recs[0]) - 1
		if recs[0][last] != "alerte_logement" {
			t.Fatalf("header ends with %q", recs[0][last])
		}
		for _, rec := range recs[1:] {
			if !strings.Contains(rec[last], tt.want) || tt.want == "" && rec[last] != "" {
				t.Errorf("%s: row %v: alerte_logement = %q", tt.ref, rec[0], rec[last])
			}
		}
	}
}

func TestApp_CandidatsLoyerInconnu(t *testing.T) {
	a := MustOpenApp(t)
	fs, ls := standardFixtures()
	ls[0].Loyer = 0
	seedCandidates(t, a, fs, ls...)
	lc, err := a.Candidats("ARC-T3", at, false)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(lc.Alerte(), "Loyer du logement non renseigné") {
		t.Errorf("Alerte() = %q", lc.Alerte())
	}
}
