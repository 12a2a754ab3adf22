package app

import (
	"math/rand/v2"
	"strings"
	"testing"

	"logis/model"
)

// The index scan finds exactly the rows a Contains per row finds.
func TestTextIndex_MatchesBruteForce(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	syll := []string{"MA", "RI", "TIN", "DU", "RAND", "LE", "A", "M", "-", "0", "1"}
	keys := make([]string, 3000)
	for i := range keys {
		var b strings.Builder
		for j := 0; j < 1+rnd.IntN(8); j++ {
			b.WriteString(syll[rnd.IntN(len(syll))])
		}
		keys[i] = b.String()
	}
	shared := 0
	x := buildIndex(len(keys), func(i int) string { return keys[i] }, func(i int, k string) {
		if k != keys[i] {
			t.Errorf("key %d given back as %q, want %q", i, k, keys[i])
		}
		shared++
	})
	if shared != len(keys) {
		t.Errorf("%d keys given back, want %d", shared, len(keys))
	}
	for _, q := range []string{"M", "MA", "MAR", "TIN", "A RAND", "DU LE", "0", "-1", "ZZ", "RANDRAND"} {
		ws := strings.Fields(q)
		var got, want []int
		x.match(ws, func(i int) { got = append(got, i) })
		for i, k := range keys {
			if matchAll(k, ws) {
				want = append(want, i)
			}
		}
		if len(got) != len(want) {
			t.Fatalf("%q: %d rows, want %d", q, len(got), len(want))
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("%q: row %d is %d, want %d", q, i, got[i], want[i])
			}
		}
	}
}

func TestFold_SameAsModel(t *testing.T) {
	for _, s := range []string{"", "abc-12", "Hélène Lefèvre", "ÉGLISE", "Œuvre", "Vitry-sur-Seine"} {
		if fold(s) != model.Fold(s) {
			t.Errorf("fold(%q) = %q, want %q", s, fold(s), model.Fold(s))
		}
	}
}
