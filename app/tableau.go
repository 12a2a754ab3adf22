package app

import (
	"runtime"
	"sort"
	"sync"

	"logis/model"
	"logis/storage"
)

// Compte is one bar of the dashboard: a label and a number.
type Compte struct {
	Code    string
	Libelle string
	N       int
}

// MenageAPresenter is a household marked « à présenter en commission ».
type MenageAPresenter struct {
	ID       string
	Nom      string
	Logement string
	Commune  string
}

// Tableau holds the figures of the dashboard: what needs attention today.
type Tableau struct {
	Date model.Date

	Logements int
	Vacants   int
	Travaux   int
	// Vacant dwellings per commune (most first) and per typology (T1 … T6 et +).
	VacantsParCommune   []Compte
	VacantsParTypologie []Compte

	DemandesActives int
	Mutations       int // active applications of households already housed by the office
	Prioritaires    int // DALO or annex-1 priority
	// Active applications per seniority: < 1 an, 1–2 ans, 2–5 ans, > 5 ans.
	Anciennete []Compte

	Menages         int
	MenagesLoges    int
	MenagesEnAlerte int // housed households in at least one situation of L.442-5-2 (the policy's indicator not counted)
	// Households housed per occupancy situation (app.SituationCodes order).
	Situations []Compte

	APresenter []MenageAPresenter // sorted by ID
}

// Bande is a seniority band of the applications: Min ≤ months < Max
// (Max 0: no upper bound).
type Bande struct {
	Libelle  string
	Min, Max int // months since filing
}

// AncienneteBandes are the seniority bands, the same on the dashboard and in
// the households' filter (issue 12).
var AncienneteBandes = []Bande{{"moins d'1 an", 0, 12}, {"1 à 2 ans", 12, 24}, {"2 à 5 ans", 24, 60}, {"plus de 5 ans", 60, 0}}

// AncienneteLabels are the seniority buckets of the dashboard.
var AncienneteLabels = func() []string {
	out := make([]string, len(AncienneteBandes))
	for i, b := range AncienneteBandes {
		out[i] = b.Libelle
	}
	return out
}()

// ancienneteBucket returns the bucket of an application filed on depot.
func ancienneteBucket(depot, at model.Date) int {
	months := depot.MonthsUntil(at)
	for i, b := range AncienneteBandes {
		if months >= b.Min && (b.Max == 0 || months < b.Max) {
			return i
		}
	}
	return 0 // filed after at: the newest band
}

// tableauLogement is what the dashboard keeps of a dwelling.
type tableauLogement struct {
	l      model.Logement
	occupe bool
}

// tableauMemo keeps the last figures of each App with what they depend on:
// the day and the last journal entry (every write adds one).
type tableauMemo struct {
	mu   sync.Mutex
	date model.Date
	seq  uint64
	t    *Tableau
}

// Tableau returns the dashboard's figures, computed again only when the base
// changed (a new journal entry) or the day changed since the last call. The
// result is shared: callers must not modify it.
func (a *App) Tableau() (*Tableau, error) {
	memo := &a.memo
	memo.mu.Lock()
	defer memo.mu.Unlock()
	seq, err := a.DB.Generation()
	if err != nil {
		return nil, err
	}
	if memo.t != nil && memo.seq == seq && memo.date == a.Today() {
		return memo.t, nil
	}
	t, err := a.CalculerTableau()
	if err != nil {
		return nil, err
	}
	// A write between the journal read and the computation only makes the
	// next call compute again.
	memo.t, memo.seq, memo.date = t, seq, t.Date
	return t, nil
}

// CalculerTableau computes the dashboard in one read transaction: dwellings,
// then households (occupancy situations of those in place), then applications.
func (a *App) CalculerTableau() (*Tableau, error) {
	at := a.Today()
	t := &Tableau{Date: at}
	err := a.DB.View(func(tx *storage.Tx) error {
		r, err := tx.Regles()
		if err != nil {
			return err
		}
		logements := map[string]*tableauLogement{}
		if err := tx.ForEachLogement(func(l *model.Logement) error {
			logements[l.Reference] = &tableauLogement{l: *l}
			return nil
		}); err != nil {
			return err
		}
		t.Logements = len(logements)

		// The occupancy review of households in place runs on worker
		// goroutines, over copies, while the scan goes on.
		ex := newExamineur(at, r)
		loges := map[string]bool{}
		chunk := make([]examenJob, 0, examenChunk)
		err = tx.ForEachMenage(func(m *model.Menage) error {
			t.Menages++
			var tl *tableauLogement
			if m.Loge() {
				tl = logements[m.Bail.Logement]
				loges[m.ID] = true
			}
			if m.APresenter {
				p := MenageAPresenter{ID: m.ID, Nom: m.Nom()}
				if tl != nil {
					p.Logement, p.Commune = tl.l.Reference, tl.l.Commune
				}
				t.APresenter = append(t.APresenter, p)
			}
			if tl == nil {
				return nil
			}
			t.MenagesLoges++
			tl.occupe = true
			chunk = append(chunk, examenJob{m: *m, l: &tl.l})
			if len(chunk) == examenChunk {
				ex.jobs <- chunk
				chunk = make([]examenJob, 0, examenChunk)
			}
			return nil
		})
		if len(chunk) > 0 && err == nil {
			ex.jobs <- chunk
		}
		situations, enAlerte := ex.wait()
		if err != nil {
			return err
		}
		t.MenagesEnAlerte = enAlerte
		for _, code := range SituationCodes {
			t.Situations = append(t.Situations, Compte{Code: code, Libelle: SituationLabels[code], N: situations[code]})
		}

		anc := make([]int, len(AncienneteLabels))
		if err := tx.ForEachDemande(func(d *model.Demande) error {
			if !d.Active {
				return nil
			}
			t.DemandesActives++
			anc[ancienneteBucket(d.DateDepot, at)]++
			if loges[d.Menage] {
				t.Mutations++
			}
			if d.Prioritaire() {
				t.Prioritaires++
			}
			return nil
		}); err != nil {
			return err
		}
		for i, l := range AncienneteLabels {
			t.Anciennete = append(t.Anciennete, Compte{Code: itoa(i), Libelle: l, N: anc[i]})
		}

		communes := map[string]*Compte{}
		typos := make([]int, 7)
		for _, tl := range logements {
			l := &tl.l
			switch {
			case l.Statut == model.Travaux:
				t.Travaux++
				continue
			case l.Statut == model.Occupe, l.Statut == "" && tl.occupe:
				continue
			}
			t.Vacants++
			key := model.CommuneKey(l.Commune)
			c := communes[key]
			if c == nil {
				c = &Compte{Code: key, Libelle: l.Commune}
				communes[key] = c
			}
			c.N++
			if l.Typologie >= 1 && l.Typologie <= 6 {
				typos[l.Typologie]++
			}
		}
		for _, c := range communes {
			t.VacantsParCommune = append(t.VacantsParCommune, *c)
		}
		sort.Slice(t.VacantsParCommune, func(i, j int) bool {
			a, b := t.VacantsParCommune[i], t.VacantsParCommune[j]
			if a.N != b.N {
				return a.N > b.N
			}
			return a.Libelle < b.Libelle
		})
		for ty := 1; ty <= 6; ty++ {
			t.VacantsParTypologie = append(t.VacantsParTypologie, Compte{Code: itoa(ty), Libelle: model.TypologieLabel(ty), N: typos[ty]})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(t.APresenter, func(i, j int) bool { return t.APresenter[i].ID < t.APresenter[j].ID })
	return t, nil
}

// examenChunk is the number of households given to an examining goroutine at once.
const examenChunk = 512

type examenJob struct {
	m model.Menage
	l *model.Logement
}

// examineur reviews households in place on several goroutines and counts
// the situations found.
type examineur struct {
	jobs    chan []examenJob
	results chan examenCounts
	workers int
}

type examenCounts struct {
	situations map[string]int
	enAlerte   int
}

func newExamineur(at model.Date, r *model.Regles) *examineur {
	ex := &examineur{jobs: make(chan []examenJob, 4), results: make(chan examenCounts), workers: max(1, runtime.GOMAXPROCS(0))}
	for range ex.workers {
		go func() {
			c := examenCounts{situations: map[string]int{}}
			for jobs := range ex.jobs {
				for i := range jobs {
					alerte := false
					for k, flag := range situationsOccupation(&jobs[i].m, jobs[i].l, at, r) {
						if flag {
							c.situations[SituationCodes[k]]++
							alerte = alerte || k < NbSituationsLegales
						}
					}
					if alerte {
						c.enAlerte++
					}
				}
			}
			ex.results <- c
		}()
	}
	return ex
}

// wait ends the input and sums the workers' counts.
func (ex *examineur) wait() (map[string]int, int) {
	close(ex.jobs)
	total := map[string]int{}
	n := 0
	for range ex.workers {
		c := <-ex.results
		for k, v := range c.situations {
			total[k] += v
		}
		n += c.enAlerte
	}
	return total, n
}

// situationsOccupation evaluates the situations of L.442-5-2 for a household
// in place, in the order of SituationCodes, with the rules that
// model.ExaminerOccupation applies, leaving out what the dashboard does not
// show (consumption units, effort rate). TestApp_Tableau_SameCountsAsRevue
// checks that the counts equal those of the full review.
func situationsOccupation(m *model.Menage, l *model.Logement, at model.Date, r *model.Regles) [6]bool {
	c := model.Compose(m, at, r)
	return [6]bool{
		model.SurOccupationCritique(l.Surface, c.Personnes, r).Flag(),
		model.SousOccupation(l.Pieces, c.Personnes, c.Visite).Flag(),
		model.LogementAdapteSansHandicap(l, m, at, r).Flag(),
		model.HandicapSansLogementAdapte(l, m).Flag(),
		model.PlafondRessources(m, l.Financement, l.Commune, at, r).Flag(),
		model.SurOccupationTypologie(l.Typologie, c, r).Flag(),
	}
}
