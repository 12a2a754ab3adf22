package storage_test

import (
	"fmt"
	"math/rand"
	"testing"
	"time"

	"logis/model"
	"logis/storage"
)

// The benchmark data set: 50 000 dwellings and 100 000 households, half of
// them tenants.
const (
	benchLogements = 50_000
	benchMenages   = 100_000
)

func benchData() ([]*model.Logement, []*model.Menage) {
	communes := []string{"Arcueil", "Cachan", "Gentilly", "Villejuif", "Vitry-sur-Seine"}
	ls := make([]*model.Logement, benchLogements)
	for i := range ls {
		l := newLogement(fmt.Sprintf("L%06d", i), fmt.Sprintf("R%03d", i%400))
		l.Commune = communes[i%len(communes)]
		l.Typologie = 1 + i%6
		l.Pieces = l.Typologie
		l.Surface = float64(18 + 14*l.Typologie + i%7)
		ls[i] = l
	}
	ms := make([]*model.Menage, benchMenages)
	for i := range ms {
		ref := ""
		if i%2 == 0 {
			ref = ls[(i/2)%benchLogements].Reference
		}
		m := newMenage(fmt.Sprintf("M%06d", i), ref, 1+i%6)
		m.Ressources.RevenuFiscal = model.Cents(1_500_000 + i*37)
		m.Ressources.Mensuelles = model.Cents(120_000 + i%900*100)
		if ref == "" {
			m.Adresse = model.AdresseDeLignes("12 avenue de la République", "94200 IVRY SUR SEINE")
		} else {
			m.Bail.VisiteFaite = i%3 == 0
			m.Bail.DateVisite = model.NewDate(2025, time.Month(1+i%12), 1+i%28)
		}
		ms[i] = m
	}
	return ls, ms
}

func putAll(tb testing.TB, db *storage.DB, ls []*model.Logement, ms []*model.Menage) {
	MustUpdate(tb, db, "Import", func(tx *storage.Tx) error {
		for _, l := range ls {
			if err := tx.PutLogement(l); err != nil {
				return err
			}
		}
		for _, m := range ms {
			if err := tx.PutMenage(m); err != nil {
				return err
			}
		}
		return nil
	})
}

// BenchmarkDB_PutMenages100k: one Update inserting 100 000 households in a
// database already holding the dwellings.
func BenchmarkDB_PutMenages100k(b *testing.B) {
	ls, ms := benchData()
	benchPutMenages(b, ls, ms)
}

// BenchmarkDB_PutMenages100kRandomOrder: the same, households in random
// order (as from a file sorted by name).
func BenchmarkDB_PutMenages100kRandomOrder(b *testing.B) {
	ls, ms := benchData()
	rand.New(rand.NewSource(1)).Shuffle(len(ms), func(i, j int) { ms[i], ms[j] = ms[j], ms[i] })
	benchPutMenages(b, ls, ms)
}

func benchPutMenages(b *testing.B, ls []*model.Logement, ms []*model.Menage) {
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db, err := storage.Open(fmt.Sprintf("%s/bench%d.db", b.TempDir(), i), testOptions())
		if err != nil {
			b.Fatal(err)
		}
		putAll(b, db, ls, nil)
		b.StartTimer()

		putAll(b, db, nil, ms)

		b.StopTimer()
		if c := MustCounts(b, db); c.Menages != benchMenages {
			b.Fatalf("counts = %+v", c)
		}
		if err := db.Close(); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
}

// BenchmarkDB_ForEachMenage100k: a full scan of 100 000 households.
func BenchmarkDB_ForEachMenage100k(b *testing.B) {
	db := MustOpenDB(b)
	ls, ms := benchData()
	putAll(b, db, ls, ms)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n, personnes := 0, 0
		err := db.View(func(tx *storage.Tx) error {
			return tx.ForEachMenage(func(m *model.Menage) error {
				n++
				personnes += len(m.Personnes)
				return nil
			})
		})
		if err != nil || n != benchMenages {
			b.Fatalf("%d ménages, %v", n, err)
		}
	}
}

// BenchmarkDB_Counts on the full data set.
func BenchmarkDB_Counts(b *testing.B) {
	db := MustOpenDB(b)
	ls, ms := benchData()
	putAll(b, db, ls, ms)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if c := MustCounts(b, db); c.Menages != benchMenages {
			b.Fatalf("counts = %+v", c)
		}
	}
}

// BenchmarkDB_Check on the full data set.
func BenchmarkDB_Check(b *testing.B) {
	db := MustOpenDB(b)
	ls, ms := benchData()
	putAll(b, db, ls, ms)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if problems, err := db.Check(); err != nil || len(problems) > 0 {
			b.Fatal(problems, err)
		}
	}
}
