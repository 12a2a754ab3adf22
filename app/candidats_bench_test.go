package app_test

import (
	"fmt"
	"runtime"
	"testing"
	"time"

	"logis/app"
	"logis/model"
	"logis/storage"
)

// benchDwelling returns a T3 PLUS dwelling of Vitry-sur-Seine, the commune
// most applications wish.
func benchDwelling(b *testing.B, a *app.App) string {
	b.Helper()
	ref := ""
	a.DB.View(func(tx *storage.Tx) error {
		return tx.ForEachLogement(func(l *model.Logement) error {
			if ref == "" && l.Typologie == 3 && l.Financement == model.PLUS && !l.PMR && l.Commune == "Vitry-sur-Seine" {
				ref = l.Reference
			}
			return nil
		})
	})
	if ref == "" {
		b.Fatal("no T3 PLUS in Vitry-sur-Seine")
	}
	return ref
}

const (
	chaud = iota
	apresEcriture
	froid
)

func benchCandidats(b *testing.B, tous bool, mode int) {
	a := MustOpenApp(b)
	if _, err := a.Demo(app.DemoOptions{Menages: 100_000, Logements: 50_000}, nil); err != nil {
		b.Fatal(err)
	}
	ref := benchDwelling(b, a)
	if _, err := a.Candidats(ref, a.Today(), tous); err != nil { // first snapshot
		b.Fatal(err)
	}
	runtime.GC() // the demo's garbage is not the list's
	b.ResetTimer()
	var cpu time.Duration
	for i := 0; i < b.N; i++ {
		switch mode {
		case apresEcriture: // one application changed: the snapshot is refreshed
			b.StopTimer()
			var d *model.Demande
			a.DB.View(func(tx *storage.Tx) error {
				return tx.ForEachDemande(func(x *model.Demande) error {
					if d == nil && x.Active {
						c := *x
						d = &c
					}
					return nil
				})
			})
			d.Motif = fmt.Sprint("bench ", i)
			if err := a.DB.Update("bench", func(tx *storage.Tx) error { return tx.PutDemande(d) }); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
		case froid: // too many writes since the snapshot: it is read again in full
			b.StopTimer()
			for k := 0; k < 70; k++ {
				if err := a.DB.Update("bench", func(tx *storage.Tx) error { return tx.PutSetting("bench", fmt.Sprint(i, k)) }); err != nil {
					b.Fatal(err)
				}
			}
			b.StartTimer()
		}
		start := cpuTime()
		lc, err := a.Candidats(ref, a.Today(), tous)
		cpu += cpuTime() - start
		if err != nil {
			b.Fatal(err)
		}
		if lc.Admis == 0 {
			b.Fatal("no candidate")
		}
		b.ReportMetric(float64(lc.Examinees), "examinees")
		b.ReportMetric(float64(lc.Admis), "admis")
	}
	b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
}

// BenchmarkApp_Candidats100k: the candidates for a dwelling among the
// applications of the benchmark data set (100 000 households), snapshot
// current (the usual case while a session is prepared).
func BenchmarkApp_Candidats100k(b *testing.B) { benchCandidats(b, false, chaud) }

// BenchmarkApp_Candidats100kTous: the same with every pooled application
// examined and explained (--tous).
func BenchmarkApp_Candidats100kTous(b *testing.B) { benchCandidats(b, true, chaud) }

// BenchmarkApp_Candidats100kApresEcriture: the first list after an
// application was changed (the snapshot is refreshed from the journal).
func BenchmarkApp_Candidats100kApresEcriture(b *testing.B) { benchCandidats(b, false, apresEcriture) }

// BenchmarkApp_Candidats100kFroid: the first list after many writes (the
// snapshot of the applications is read again in full).
func BenchmarkApp_Candidats100kFroid(b *testing.B) { benchCandidats(b, false, froid) }
