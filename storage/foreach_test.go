package storage_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"logis/model"
	"logis/storage"
)

// scanIDs lists the households and their persons as ForEachMenage gives them.
func scanIDs(t *testing.T, db *storage.DB) []string {
	t.Helper()
	var out []string
	err := db.View(func(tx *storage.Tx) error {
		return tx.ForEachMenage(func(m *model.Menage) error {
			bail := ""
			if m.Bail != nil {
				bail = m.Bail.Logement
			}
			out = append(out, fmt.Sprintf("%s/%d/%s/%d", m.ID, len(m.Personnes), bail, nLignes(m.Adresse)))
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestTx_ForEachMenage(t *testing.T) {
	const n = 2000
	db := MustOpenDB(t)
	MustUpdate(t, db, "Import", func(tx *storage.Tx) error {
		if err := tx.PutLogement(newLogement("L1", "")); err != nil {
			return err
		}
		for i := 0; i < n; i++ {
			ref := ""
			if i%3 == 0 {
				ref = "L1"
			}
			m := newMenage(fmt.Sprintf("M%06d", n-i), ref, 1+i%5) // inserted in reverse order
			if i%7 == 0 {
				m.Adresse = model.AdresseDeLignes("1 rue de Paris", "94110 ARCUEIL")
			}
			if err := tx.PutMenage(m); err != nil {
				return err
			}
		}
		return nil
	})

	t.Run("SameAsSequential", func(t *testing.T) {
		parallel := scanIDs(t, db)
		prev := runtime.GOMAXPROCS(1)
		sequential := scanIDs(t, db)
		runtime.GOMAXPROCS(prev)
		if len(parallel) != n || strings.Join(parallel, " ") != strings.Join(sequential, " ") {
			t.Fatalf("parallel and sequential scans differ (%d, %d records)", len(parallel), len(sequential))
		}
		for i := 1; i < n; i++ {
			if parallel[i-1] >= parallel[i] {
				t.Fatalf("not in key order at %d: %s, %s", i, parallel[i-1], parallel[i])
			}
		}
	})

	t.Run("ReleasingPages", func(t *testing.T) {
		// Pages released every 7 records: same records, in parallel and
		// sequentially (the released pages are read again from the file).
		want := strings.Join(scanIDs(t, db), " ")
		prevRelease := storage.SetReleaseEvery(7)
		defer storage.SetReleaseEvery(prevRelease)
		parallel := scanIDs(t, db)
		prev := runtime.GOMAXPROCS(1)
		sequential := scanIDs(t, db)
		runtime.GOMAXPROCS(prev)
		if len(parallel) != n || strings.Join(parallel, " ") != want || strings.Join(sequential, " ") != want {
			t.Fatalf("scans releasing their pages differ (%d, %d records)", len(parallel), len(sequential))
		}
	})

	t.Run("InsideUpdate", func(t *testing.T) {
		db := MustOpenDB(t)
		MustUpdate(t, db, "Import", func(tx *storage.Tx) error {
			for i := 0; i < 1500; i++ {
				if err := tx.PutMenage(newMenage(fmt.Sprintf("N%06d", i), "", 2)); err != nil {
					return err
				}
			}
			// The scan sees this transaction's own writes.
			calls, personnes := 0, 0
			err := tx.ForEachMenage(func(m *model.Menage) error {
				calls++
				personnes += len(m.Personnes)
				return nil
			})
			if calls != 1500 || personnes != 3000 {
				t.Errorf("%d ménages, %d personnes", calls, personnes)
			}
			return err
		})
	})

	t.Run("EarlyStop", func(t *testing.T) {
		stop := errors.New("stop")
		calls := 0
		err := db.View(func(tx *storage.Tx) error {
			return tx.ForEachMenage(func(m *model.Menage) error {
				calls++
				if calls == 300 {
					return stop
				}
				return nil
			})
		})
		if err != stop || calls != 300 {
			t.Fatalf("err = %v after %d calls", err, calls)
		}
	})

	t.Run("ErrCorruptRecord", func(t *testing.T) {
		db := MustOpenDB(t)
		MustUpdate(t, db, "Import", func(tx *storage.Tx) error {
			for i := 0; i < 1000; i++ {
				if err := tx.PutMenage(newMenage(fmt.Sprintf("M%06d", i), "", 1)); err != nil {
					return err
				}
			}
			return nil
		})
		if err := storage.PutRaw(db, "menages", "M000500", []byte(`{"id":"M000500","personnes":[{`)); err != nil {
			t.Fatal(err)
		}
		for _, procs := range []int{1, runtime.GOMAXPROCS(0)} {
			prev := runtime.GOMAXPROCS(procs)
			calls := 0
			err := db.View(func(tx *storage.Tx) error {
				return tx.ForEachMenage(func(m *model.Menage) error { calls++; return nil })
			})
			runtime.GOMAXPROCS(prev)
			if model.ErrorCode(err) != model.EDAMAGED || !strings.Contains(model.ErrorMessage(err), "« M000500 »") || calls != 500 {
				t.Fatalf("procs %d: err = %v after %d calls", procs, err, calls)
			}
		}
		problems, err := db.Check()
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(problems, "\n"); !strings.Contains(got, "La fiche « M000500 » du compartiment « menages » est illisible.") {
			t.Fatalf("check:\n%s", got)
		}
		// Saving the record again is possible (the counters cannot know what
		// was lost: Check reports them until repaired).
		MustUpdate(t, db, "Réparation", func(tx *storage.Tx) error { return tx.PutMenage(newMenage("M000500", "", 1)) })
		if problems, _ := db.Check(); len(problems) != 1 || !strings.Contains(problems[0], "compteur de personnes") {
			t.Fatalf("check after repair: %v", problems)
		}
		good, _ := json.Marshal(newMenage("M000500", "", 2)) // 1000 + 1 persons counted
		if err := storage.PutRaw(db, "menages", "M000500", good); err != nil {
			t.Fatal(err)
		}
	})
}

// A transaction sees its own writes, whatever the order they reach bbolt.
func TestTx_OwnWrites(t *testing.T) {
	db := MustOpenDB(t)
	MustUpdate(t, db, "Import", func(tx *storage.Tx) error {
		for _, ref := range []string{"L3", "L1", "L2"} {
			if err := tx.PutLogement(newLogement(ref, "R1")); err != nil {
				return err
			}
		}
		if err := tx.PutMenage(newMenage("M000002", "L2", 2)); err != nil {
			return err
		}
		if m, err := tx.Menage("M000002"); err != nil || len(m.Personnes) != 2 {
			t.Errorf("own put not seen: %v", err)
		}
		if occ, err := tx.OccupantsOf("L2"); err != nil || len(occ) != 1 {
			t.Errorf("occupants = %v, %v", occ, err)
		}
		if err := tx.DeleteLogement("L2"); model.ErrorCode(err) != model.ECONFLICT {
			t.Errorf("delete of an occupied dwelling: %v", err)
		}
		if err := tx.DeleteLogement("L3"); err != nil {
			return err
		}
		if _, err := tx.Logement("L3"); model.ErrorCode(err) != model.ENOTFOUND {
			t.Errorf("own delete not seen: %v", err)
		}
		if id, err := tx.NextID("menage"); err != nil || id != "M000001" {
			t.Errorf("NextID = %q, %v", id, err)
		}
		if id, err := tx.NextID("menage"); err != nil || id != "M000003" {
			t.Errorf("NextID = %q, %v (M000002 is taken in this transaction)", id, err)
		}
		var refs []string
		err := tx.ForEachLogement(func(l *model.Logement) error { refs = append(refs, l.Reference); return nil })
		if strings.Join(refs, ",") != "L1,L2" {
			t.Errorf("logements = %v", refs)
		}
		if c, _ := tx.Counts(); c.Logements != 2 || c.Menages != 1 || c.Personnes != 2 {
			t.Errorf("counts = %+v", c)
		}
		return err
	})
	if c := MustCounts(t, db); c != (storage.Counts{Logements: 2, Menages: 1, Personnes: 2}) {
		t.Fatalf("counts = %+v", c)
	}
}

// nLignes counts the printed lines of an address (0 when none).
func nLignes(a *model.AdressePostale) int {
	if a.Vide() {
		return 0
	}
	l, _ := a.Lignes()
	return len(l)
}
