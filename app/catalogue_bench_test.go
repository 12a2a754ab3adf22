package app_test

import (
	"runtime"
	"testing"

	"logis/app"
)

// BenchmarkCatalogue_Build100k: building the search index at start-up.
func BenchmarkCatalogue_Build100k(b *testing.B) {
	a := MustOpenApp(b)
	if _, err := a.Demo(app.DemoOptions{Menages: 100_000, Logements: 50_000}, nil); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := a.BuildCatalogue(nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCatalogue_Search100k: one keystroke in the households' search
// (the text typed so far, over 100 000 households).
func BenchmarkCatalogue_Search100k(b *testing.B) {
	a := MustOpenApp(b)
	if _, err := a.Demo(app.DemoOptions{Menages: 100_000, Logements: 50_000}, nil); err != nil {
		b.Fatal(err)
	}
	if err := a.BuildCatalogue(nil); err != nil {
		b.Fatal(err)
	}
	c := a.Catalogue()
	queries := []string{"m", "ma", "mar", "mart", "marti", "martin", "martin s"}
	b.Run("menages", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			c.SearchMenages(app.MenageFiltre{Texte: queries[i%len(queries)]})
		}
	})
	b.Run("menages_filtres", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			c.SearchMenages(app.MenageFiltre{Texte: queries[i%len(queries)], Commune: "Vitry-sur-Seine", Prioritaire: app.Oui})
		}
	})
	b.Run("menages_tous", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			c.SearchMenages(app.MenageFiltre{})
		}
	})
	lq := []string{"v", "vi", "vit", "vitr", "vitry", "vitry 1"}
	b.Run("logements", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			c.SearchLogements(app.LogementFiltre{Texte: lq[i%len(lq)]})
		}
	})
}

// BenchmarkApp_OpenMenage100k: opening a household sheet — record,
// applications, dwelling and every verification.
func BenchmarkApp_OpenMenage100k(b *testing.B) {
	a := MustOpenApp(b)
	if _, err := a.Demo(app.DemoOptions{Menages: 100_000, Logements: 50_000}, nil); err != nil {
		b.Fatal(err)
	}
	if err := a.BuildCatalogue(nil); err != nil {
		b.Fatal(err)
	}
	rows := a.Catalogue().SearchMenages(app.MenageFiltre{Mutation: app.Oui})
	if len(rows) == 0 {
		b.Fatal("no transfer")
	}
	at := a.Today()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f, err := a.OpenMenage(rows[(i*7919)%len(rows)].ID)
		if err != nil {
			b.Fatal(err)
		}
		if vs := app.Verifier(f.Menage, f.Demande(), f.Logement, at, f.Regles); len(vs) < 10 {
			b.Fatalf("%d verdicts", len(vs))
		}
	}
}

// BenchmarkCatalogue_Memory100k: the Go heap the search index holds once
// built on 100 000 households / 50 000 dwellings (MB-index: live heap after a
// GC, built minus before; MB-heap: live heap with the index built).
func BenchmarkCatalogue_Memory100k(b *testing.B) {
	a := MustOpenApp(b)
	if _, err := a.Demo(app.DemoOptions{Menages: 100_000, Logements: 50_000}, nil); err != nil {
		b.Fatal(err)
	}
	live := func() float64 {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return float64(ms.HeapAlloc) / (1 << 20)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		before := live()
		if err := a.BuildCatalogue(nil); err != nil {
			b.Fatal(err)
		}
		after := live()
		if _, _, n := a.Catalogue().Sizes(); n != 100_000 {
			b.Fatalf("%d households indexed", n)
		}
		b.ReportMetric(after-before, "MB-index")
		b.ReportMetric(after, "MB-heap")
	}
}
