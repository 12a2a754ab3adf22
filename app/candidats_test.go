package app_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"

	"logis/app"
	"logis/model"
	"logis/storage"
)

// candidate fixtures: dwellings of Arcueil and applicants of every kind the
// policy tells apart. The reference date is 22/11/2026.
var at = date(2026, 11, 22)

func logementT3(ref string) *model.Logement {
	return &model.Logement{Reference: ref, Adresse: "3 rue Émile Raspail", CodePostal: "94110", Commune: "Arcueil",
		Typologie: 3, Pieces: 3, Surface: 65, Etage: 2, Financement: model.PLUS, Loyer: model.Euros(600), Charges: model.Euros(100)}
}

type fixture struct {
	id              string
	nur             string
	depot           model.Date
	personnes       []model.Personne
	rfr, mensuelles int64
	bail            *model.Bail
	communes        []string
	active          bool
	dalo            bool
	prio            []int
}

func person(l model.Lien, age int, handicap bool) model.Personne {
	return model.Personne{Lien: l, Nom: "Durand", Prenom: "Camille", DateNaissance: date(2026-age, 3, 1), Handicap: handicap}
}

func parentChild() []model.Personne {
	return []model.Personne{person(model.Titulaire, 35, false), person(model.Enfant, 6, false)}
}

func coupleChild() []model.Personne {
	return []model.Personne{person(model.Titulaire, 38, false), person(model.Conjoint, 36, false), person(model.Enfant, 8, false)}
}

// seedCandidates writes the dwellings and the applications.
func seedCandidates(t *testing.T, a *app.App, fs []fixture, logements ...*model.Logement) {
	t.Helper()
	err := a.DB.Update("fixtures", func(tx *storage.Tx) error {
		for _, l := range logements {
			if err := tx.PutLogement(l); err != nil {
				return err
			}
		}
		for _, f := range fs {
			m := &model.Menage{ID: f.id, Personnes: f.personnes, Bail: f.bail,
				Ressources: model.Ressources{RevenuFiscal: model.Euros(f.rfr), Mensuelles: model.Euros(f.mensuelles)}}
			if err := tx.PutMenage(m); err != nil {
				return err
			}
			if f.nur == "" {
				continue
			}
			d := &model.Demande{NUR: f.nur, Menage: f.id, DateDepot: f.depot, Communes: f.communes, Active: f.active, DALO: f.dalo, Priorites: f.prio}
			if err := tx.PutDemande(d); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// standardFixtures returns the applicants for dwelling ARC-T3 (and, for
// transfers, their current dwellings ARC-OLD1/ARC-OLD2).
func standardFixtures() ([]fixture, []*model.Logement) {
	old1, old2, old3 := logementT3("ARC-OLD1"), logementT3("ARC-OLD2"), logementT3("ARC-OLD3")
	for _, l := range []*model.Logement{old1, old2, old3} {
		l.Typologie, l.Pieces, l.Surface = 2, 2, 40
	}
	arc := []string{"Arcueil"}
	fs := []fixture{
		{id: "M-DALO", nur: "0942500000001GDPUB", depot: date(2025, 6, 1), personnes: parentChild(), rfr: 20000, mensuelles: 2200, communes: arc, active: true, dalo: true},
		{id: "M-OLD", nur: "0941500000002GDPUB", depot: date(2015, 3, 1), personnes: coupleChild(), rfr: 30000, mensuelles: 2800, communes: []string{"Cachan", "Arcueil"}, active: true},
		{id: "M-NEW", nur: "0942400000003GDPUB", depot: date(2024, 1, 10), personnes: coupleChild(), rfr: 30000, mensuelles: 2800, active: true}, // no wish: any commune
		{id: "M-PRIO", nur: "0942600000004GDPUB", depot: date(2026, 1, 10), personnes: coupleChild(), rfr: 25000, mensuelles: 2600, communes: arc, active: true, prio: []int{13}},
		{id: "M-RICH", nur: "0942000000005GDPUB", depot: date(2020, 1, 10), personnes: coupleChild(), rfr: 80000, mensuelles: 7000, communes: arc, active: true},
		{id: "M-EFFORT", nur: "0942300000006GDPUB", depot: date(2023, 1, 10), personnes: parentChild(), rfr: 21000, mensuelles: 1900, communes: arc, active: true},
		{id: "M-ARR", nur: "0942200000007GDPUB", depot: date(2022, 1, 10), personnes: coupleChild(), rfr: 26000, mensuelles: 2700, communes: arc, active: true,
			bail: &model.Bail{Logement: "ARC-OLD1", DateEntree: date(2018, 1, 1), Impayes: true, VisiteFaite: true}},
		{id: "M-CESF", nur: "0942200000008GDPUB", depot: date(2022, 2, 10), personnes: coupleChild(), rfr: 26000, mensuelles: 2700, communes: arc, active: true,
			bail: &model.Bail{Logement: "ARC-OLD2", DateEntree: date(2018, 1, 1), Impayes: true, RapportCESF: true, VisiteFaite: true}},
		{id: "M-VITRY", nur: "0942100000009GDPUB", depot: date(2021, 1, 10), personnes: coupleChild(), rfr: 26000, mensuelles: 2700, communes: []string{"Vitry-sur-Seine"}, active: true},
		{id: "M-INACTIF", nur: "0941900000010GDPUB", depot: date(2019, 1, 10), personnes: coupleChild(), rfr: 26000, mensuelles: 2700, communes: arc, active: false},
		{id: "M-OCCUPANT", nur: "0941800000011GDPUB", depot: date(2018, 1, 10), personnes: coupleChild(), rfr: 26000, mensuelles: 2700, communes: arc, active: true,
			bail: &model.Bail{Logement: "ARC-T3", DateEntree: date(2010, 1, 1), VisiteFaite: true}},
		{id: "M-SEUL", nur: "0942500000012GDPUB", depot: date(2016, 1, 10), personnes: []model.Personne{person(model.Titulaire, 40, false)}, rfr: 18000, mensuelles: 1700, communes: arc, active: true},
		{id: "M-VIOLENT", nur: "0942200000013GDPUB", depot: date(2012, 2, 10), personnes: coupleChild(), rfr: 26000, mensuelles: 2700, communes: arc, active: true,
			bail: &model.Bail{Logement: "ARC-OLD3", DateEntree: date(2018, 1, 1), VisiteFaite: true, Troubles: true, ComportementViolent: true}},
	}
	return fs, []*model.Logement{logementT3("ARC-T3"), old1, old2, old3}
}

func byNUR(lc *app.ListeCandidats) map[string]model.Eligibilite {
	out := map[string]model.Eligibilite{}
	for _, e := range lc.Candidats {
		out[e.NUR] = e
	}
	return out
}

func TestApp_Candidats(t *testing.T) {
	a := MustOpenApp(t)
	fs, ls := standardFixtures()
	seedCandidates(t, a, fs, ls...)

	t.Run("Ranked", func(t *testing.T) {
		lc, err := a.Candidats("ARC-T3", at, false)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range lc.Candidats {
			got = append(got, e.Menage)
			if e.Exclu || e.Rang != len(got) || e.Raison == "" {
				t.Errorf("%s: exclu %v rang %d raison %q", e.Menage, e.Exclu, e.Rang, e.Raison)
			}
		}
		// DALO, then the priority public, then the priority transfer (arrears
		// prevention with a CESF report), then the others by seniority.
		want := "M-DALO,M-PRIO,M-CESF,M-OLD,M-EFFORT,M-NEW"
		if strings.Join(got, ",") != want {
			t.Fatalf("order = %s, want %s", strings.Join(got, ","), want)
		}
		// Pool: every active application wishing Arcueil (or no commune),
		// without the occupant, the inactive one and the Vitry one.
		if lc.Examinees != 10 || lc.Admis != 6 || lc.Exclus != 4 {
			t.Errorf("examinées %d admis %d exclus %d", lc.Examinees, lc.Admis, lc.Exclus)
		}
		if r := lc.Candidats[0].Raison; !strings.Contains(r, "rang 1 : DALO") {
			t.Errorf("raison of the first = %q", r)
		}
		if r := lc.Candidats[3].Raison; !strings.Contains(r, "sans priorité particulière, demande déposée le 01/03/2015") {
			t.Errorf("raison of the seniority rank = %q", r)
		}
	})

	t.Run("Tous", func(t *testing.T) {
		lc, err := a.Candidats("ARC-T3", at, true)
		if err != nil {
			t.Fatal(err)
		}
		if len(lc.Candidats) != 10 || lc.Exclus != 4 {
			t.Fatalf("%d candidates, %d excluded", len(lc.Candidats), lc.Exclus)
		}
		got := byNUR(lc)
		for _, absent := range []string{"0942100000009GDPUB", "0941900000010GDPUB", "0941800000011GDPUB"} {
			if _, ok := got[absent]; ok {
				t.Errorf("%s should not be in the pool", absent)
			}
		}
		for i, e := range lc.Candidats {
			if i < 6 && e.Exclu || i >= 6 && (!e.Exclu || e.Rang != 0) {
				t.Errorf("position %d: %s exclu=%v rang=%d", i, e.Menage, e.Exclu, e.Rang)
			}
		}
		cases := []struct {
			nur, why string
		}{
			{"0942000000005GDPUB", "au-dessus du plafond PLUS"},
			{"0942200000007GDPUB", "impayé sans rapport de la CESF"},
			{"0942500000012GDPUB", "ne fait pas partie des typologies adaptées"},
			{"0942200000013GDPUB", "comportement violent"},
		}
		for _, c := range cases {
			e := got[c.nur]
			if !e.Exclu || !strings.Contains(strings.Join(e.Motifs, " "), c.why) {
				t.Errorf("%s: exclu=%v motifs %q, want %q", e.Menage, e.Exclu, e.Motifs, c.why)
			}
		}
		// Taux d'effort above 35 % but reste à vivre above 20 € per UC and per day.
		e := got["0942300000006GDPUB"]
		if e.Exclu || e.Effort.Taux <= 0.35 || e.Effort.ResteAVivreUCJour <= 20 || !e.Effort.Solvable {
			t.Errorf("effort: exclu=%v taux %.3f rav %.2f", e.Exclu, e.Effort.Taux, e.Effort.ResteAVivreUCJour)
		}
	})

	t.Run("ErrNotFound", func(t *testing.T) {
		_, err := a.Candidats("NOPE", at, false)
		if model.ErrorCode(err) != model.ENOTFOUND {
			t.Fatalf("err = %v", err)
		}
	})

	t.Run("SnapshotFollowsWrites", func(t *testing.T) {
		// A new applicant appears at once in the list.
		seedCandidates(t, a, []fixture{{id: "M-LATE", nur: "0942600000014GDPUB", depot: date(2010, 1, 1), personnes: coupleChild(),
			rfr: 26000, mensuelles: 2700, communes: []string{"Arcueil"}, active: true}})
		lc, err := a.Candidats("ARC-T3", at, false)
		if err != nil {
			t.Fatal(err)
		}
		if e := byNUR(lc)["0942600000014GDPUB"]; e.Rang != 4 {
			t.Fatalf("new applicant rang %d, want 4 (oldest of the non-priority ones)", e.Rang)
		}
		// An application made inactive, a tenant now in arrears, a deleted
		// application: each change shows at once.
		err = a.DB.Update("changes", func(tx *storage.Tx) error {
			d, err := tx.Demande("0942600000014GDPUB")
			if err != nil {
				return err
			}
			d.Active = false
			if err := tx.PutDemande(d); err != nil {
				return err
			}
			m, err := tx.Menage("M-CESF")
			if err != nil {
				return err
			}
			m.Bail.RapportCESF = false
			if err := tx.PutMenage(m); err != nil {
				return err
			}
			return tx.DeleteDemande("0942400000003GDPUB") // M-NEW
		})
		if err != nil {
			t.Fatal(err)
		}
		lc, err = a.Candidats("ARC-T3", at, false)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range lc.Candidats {
			got = append(got, e.Menage)
		}
		if strings.Join(got, ",") != "M-DALO,M-PRIO,M-OLD,M-EFFORT" || lc.Examinees != 9 {
			t.Fatalf("after the changes: %v (%d examined)", got, lc.Examinees)
		}
		// Many writes: the snapshot is read again in full, same answer.
		for i := 0; i < 70; i++ {
			if err := a.DB.Update("réglage", func(tx *storage.Tx) error { return tx.PutSetting("x", i) }); err != nil {
				t.Fatal(err)
			}
		}
		again, err := a.Candidats("ARC-T3", at, false)
		if err != nil || len(again.Candidats) != 4 || again.Examinees != 9 {
			t.Fatalf("after a full read: %+v %v", again, err)
		}
	})
}

func TestApp_CandidatsPMR(t *testing.T) {
	a := MustOpenApp(t)
	pmr := logementT3("ARC-PMR")
	pmr.Typologie, pmr.Pieces, pmr.Surface, pmr.PMR = 2, 2, 45, true
	arc := []string{"Arcueil"}
	seedCandidates(t, a, []fixture{
		{id: "M-VALIDE", nur: "0942500000101GDPUB", depot: date(2020, 1, 1), personnes: []model.Personne{person(model.Titulaire, 40, false)}, rfr: 18000, mensuelles: 1800, communes: arc, active: true},
		{id: "M-CMI", nur: "0942500000102GDPUB", depot: date(2024, 1, 1), personnes: []model.Personne{person(model.Titulaire, 40, true)}, rfr: 18000, mensuelles: 1800, communes: arc, active: true},
		{id: "M-SENIOR", nur: "0942500000103GDPUB", depot: date(2025, 1, 1), personnes: []model.Personne{person(model.Titulaire, 72, false)}, rfr: 18000, mensuelles: 1800, communes: arc, active: true},
	}, pmr)
	lc, err := a.Candidats("ARC-PMR", at, true)
	if err != nil {
		t.Fatal(err)
	}
	got := byNUR(lc)
	if e := got["0942500000101GDPUB"]; !e.Exclu || e.PMR.Resultat != model.Alerte || !strings.Contains(strings.Join(e.Motifs, " "), "réservé aux titulaires de la CMI invalidité") {
		t.Errorf("able-bodied applicant: exclu=%v motifs %q", e.Exclu, e.Motifs)
	}
	if e := got["0942500000102GDPUB"]; e.Exclu || e.Rang != 1 {
		t.Errorf("CMI holder: exclu=%v rang %d motifs %q", e.Exclu, e.Rang, e.Motifs)
	}
	if e := got["0942500000103GDPUB"]; e.Exclu || e.Rang != 2 {
		t.Errorf("senior: exclu=%v rang %d motifs %q", e.Exclu, e.Rang, e.Motifs)
	}
	// Without --tous the excluded applicant is not listed.
	lc, _ = a.Candidats("ARC-PMR", at, false)
	if len(lc.Candidats) != 2 || lc.Exclus != 1 {
		t.Errorf("%d candidates, %d excluded", len(lc.Candidats), lc.Exclus)
	}
}

func TestListeCandidats_WriteCSV(t *testing.T) {
	a := MustOpenApp(t)
	fs, ls := standardFixtures()
	seedCandidates(t, a, fs, ls...)
	lc, err := a.Candidats("ARC-T3", at, true)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := lc.WriteCSV(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("\xef\xbb\xbfnur;")) {
		t.Fatalf("the export does not start with the UTF-8 BOM: %q", buf.Bytes()[:8])
	}
	buf.Next(3)
	r := csv.NewReader(&buf)
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0][:14], ";"); got != "nur;menage;plafond_ok;typologie_adaptee;sur_occupation_critique;pmr_ok;taux_effort;reste_a_vivre_uc_jour;solvable;mutation_ok;prioritaire;anciennete_mois;rang;motifs" {
		t.Fatalf("header = %s", got)
	}
	if len(rows) != 11 {
		t.Fatalf("%d rows", len(rows))
	}
	row := map[string]map[string]string{}
	for _, rec := range rows[1:] {
		m := map[string]string{}
		for i, h := range rows[0] {
			m[h] = rec[i]
		}
		row[m["menage"]] = m
	}
	want := func(menage, col, v string) {
		t.Helper()
		if got := row[menage][col]; got != v {
			t.Errorf("%s %s = %q, want %q", menage, col, got, v)
		}
	}
	want("M-DALO", "rang", "1")
	want("M-DALO", "prioritaire", "oui")
	want("M-DALO", "pmr_ok", "")      // not a PMR dwelling: the rule does not apply
	want("M-DALO", "mutation_ok", "") // not a tenant
	want("M-DALO", "plafond_ok", "oui")
	want("M-DALO", "sur_occupation_critique", "non")
	want("M-OLD", "prioritaire", "non")
	want("M-RICH", "plafond_ok", "non")
	want("M-RICH", "rang", "")
	want("M-ARR", "mutation_ok", "non")
	want("M-CESF", "mutation_ok", "oui")
	want("M-SEUL", "typologie_adaptee", "non")
	// 700 € for 1 900 €: 36,8 %; (1 900 − 700) ÷ 1,3 UC ÷ 30 = 30,77 €.
	want("M-EFFORT", "taux_effort", "36,8")
	want("M-EFFORT", "reste_a_vivre_uc_jour", "30,77")
	want("M-EFFORT", "solvable", "oui")
	want("M-OLD", "anciennete_mois", "140")
	// No 2026 first-quartile threshold entered: empty, the figure shown.
	want("M-DALO", "premier_quartile", "")
	want("M-DALO", "ressources_uc_quartile", "20307,69") // 2 200 € × 12 ÷ 1,3 UC
	want("M-PRIO", "categories_l441_1", "k")             // annex-1 line 13
	want("M-DALO", "renouvellement_urbain", "non")
	if m := row["M-RICH"]["motifs"]; !strings.Contains(m, "au-dessus du plafond PLUS") {
		t.Errorf("motifs = %q", m)
	}

	// With the 2026 threshold (20 000 € per UC): DALO at 20 307,69 € is
	// above, M-OLD at 2 800 × 12 ÷ 1,8 = 18 666,67 € under.
	if _, err := a.Import("quartiles", "q.csv", strings.NewReader("annee;seuil\n2026;20000\n"), nil); err != nil {
		t.Fatal(err)
	}
	lc, _ = a.Candidats("ARC-T3", at, true)
	for _, e := range lc.Candidats {
		want := map[string]bool{"M-DALO": false, "M-OLD": true}
		if w, ok := want[e.Menage]; ok && (e.QuartileUC < e.QuartileSeuil) != w {
			t.Errorf("%s: %s per UC, threshold %s", e.Menage, e.QuartileUC, e.QuartileSeuil)
		}
	}
}

// TestApp_CandidatsConcurrent: lists asked from several goroutines while
// applications are written share the snapshot safely (run with -race).
func TestApp_CandidatsConcurrent(t *testing.T) {
	a := MustOpenApp(t)
	fs, ls := standardFixtures()
	seedCandidates(t, a, fs, ls...)
	done := make(chan error, 5)
	for g := 0; g < 4; g++ {
		go func() {
			for i := 0; i < 20; i++ {
				lc, err := a.Candidats("ARC-T3", at, i%2 == 0)
				if err == nil && (lc.Admis < 6 || lc.Candidats[0].Menage != "M-DALO") {
					err = fmt.Errorf("list %d: %d allowed, first %s", i, lc.Admis, lc.Candidats[0].Menage)
				}
				if err != nil {
					done <- err
					return
				}
			}
			done <- nil
		}()
	}
	go func() {
		for i := 0; i < 20; i++ {
			err := a.DB.Update("motif", func(tx *storage.Tx) error {
				d, err := tx.Demande("0941500000002GDPUB")
				if err != nil {
					return err
				}
				d.Motif = fmt.Sprint("motif ", i)
				return tx.PutDemande(d)
			})
			if err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	for i := 0; i < 5; i++ {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
}
