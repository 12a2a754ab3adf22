package app_test

import (
	"fmt"
	"io"
	"runtime"
	"testing"
	"time"

	"logis/app"
	"logis/model"
	"logis/storage"
)

// benchReportBase: the 100 000-household demo, then a year (2025) of 24
// closed sessions (two a month) × 40 dwellings × 5 candidates taken from
// the demo's dwellings and active applications, each dwelling ranked
// (three ranks, two non-attributions), a third of the offers refused by
// rank 1 and a lease signed by the next.
func benchReportBase(b *testing.B) *app.App {
	b.Helper()
	a := MustOpenApp(b)
	if _, err := a.Demo(app.DemoOptions{Menages: 100_000, Logements: 50_000}, nil); err != nil {
		b.Fatal(err)
	}
	var refs []model.Logement
	var nurs []string
	err := a.DB.View(func(tx *storage.Tx) error {
		if err := tx.ForEachLogement(func(l *model.Logement) error {
			if len(refs) < 24*40 {
				refs = append(refs, *l)
			}
			return nil
		}); err != nil {
			return err
		}
		return tx.ForEachDemande(func(d *model.Demande) error {
			if d.Active && len(nurs) < 24*40*5 {
				nurs = append(nurs, d.NUR)
			}
			return nil
		})
	})
	if err != nil || len(refs) < 24*40 || len(nurs) < 24*40*5 {
		b.Fatalf("base: %v, %d dwellings, %d applications", err, len(refs), len(nurs))
	}
	na := model.Decision{Type: model.NonAttribution, Motifs: []string{"autre_candidat"}, Precisions: "Attribué au candidat classé premier."}
	err = a.DB.Update("bench: une année de séances", func(tx *storage.Tx) error {
		k := 0
		for s := 0; s < 24; s++ {
			day := model.NewDate(2025, time.Month(s/2+1), 5+14*(s%2))
			c := &model.Commission{ID: fmt.Sprintf("B2025-%03d", s+1), Date: day, Lieu: "Siège", Commune: "", Type: model.CommissionAttribution,
				Statut: model.Close, Cloture: day.Time(), Membres: []model.Membre{{Nom: "Membre", Voix: true, Present: true}}}
			for d := 0; d < 40; d++ {
				l := refs[s*40+d]
				dos := model.DossierLogement{Logement: l.Reference, Commune: l.Commune, QPV: l.QPV}
				for j := 0; j < 5; j++ {
					dem, err := tx.Demande(nurs[k])
					if err != nil {
						return err
					}
					k++
					dec := na
					if j < 3 {
						dec = model.Decision{Type: model.AttributionClassee, Rang: j + 1}
					}
					dos.Candidats = append(dos.Candidats, model.Candidat{NUR: dem.NUR, Menage: dem.Menage, Decision: &dec,
						Profil: &model.ProfilCandidat{DALO: dem.DALO, Prioritaire: len(dem.Priorites) > 0, Mutation: j == 4, RessourcesUC: model.Euros(int64(8000 + 700*j)), UC: 1.5}})
				}
				if d%3 == 0 {
					c.Suites = append(c.Suites,
						model.SuiteOffre{Logement: l.Reference, NUR: dos.Candidats[0].NUR, Reponse: model.OffreRefusee, Motif: "quartier", Date: day.AddDays(10)},
						model.SuiteOffre{Logement: l.Reference, NUR: dos.Candidats[1].NUR, Reponse: model.OffreBailSigne, Date: day.AddDays(30)})
				}
				c.Logements = append(c.Logements, dos)
			}
			if err := tx.PutCommission(c); err != nil {
				return err
			}
		}
		r, err := tx.Regles()
		if err != nil {
			return err
		}
		r.PremierQuart[2025] = model.Euros(9000)
		return tx.PutRegles(r)
	})
	if err != nil {
		b.Fatal(err)
	}
	runtime.GC()
	return a
}

// BenchmarkApp_Rapport100k: the figures of the annual report (target < 1 s).
func BenchmarkApp_Rapport100k(b *testing.B) {
	a := benchReportBase(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rep, err := a.Rapport(2025)
		if err != nil || rep.Activite.Seances != 24 || rep.Activite.CandidatsExamines != 24*40*5 {
			b.Fatalf("%v %+v", err, rep.Activite)
		}
	}
}

// BenchmarkApp_RapportPDF100k: the figures and the PDF (target < 1 s).
func BenchmarkApp_RapportPDF100k(b *testing.B) {
	a := benchReportBase(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := a.RapportPDF(2025, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
