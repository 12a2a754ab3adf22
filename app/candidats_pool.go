package app

import (
	"runtime"
	"strings"
	"sync"
	"weak"

	"logis/model"
	"logis/storage"
)

// The candidate pool is an in-memory snapshot of the active applications
// with their households and the current dwelling of tenants. Preparing a
// session asks for the candidates of one dwelling after another: the
// snapshot is read once and reused as long as the database has not changed.
// Every write of the database appends one journal entry, so the number of
// the last entry tells whether the snapshot is still current.

// candidature is one active application of the snapshot.
type candidature struct {
	demande  model.Demande
	menage   *model.Menage
	actuel   *model.Logement // the dwelling a tenant rents, nil otherwise
	habite   string          // reference of that dwelling, "" when none
	communes []string        // wished communes as model.CommuneKey; nil = any
}

// veut reports whether the application wishes the commune of key.
func (c *candidature) veut(key string) bool {
	if len(c.communes) == 0 {
		return true
	}
	for _, k := range c.communes {
		if k == key {
			return true
		}
	}
	return false
}

type poolSnapshot struct {
	gen  uint64
	list []*candidature
}

// pools holds one snapshot per database (weak.Pointer[storage.DB] →
// *poolHolder); the entry goes when the database object is collected.
var pools sync.Map

type poolHolder struct {
	mu   sync.Mutex
	snap *poolSnapshot
}

// generation is the number of the last journal entry: it changes with
// every write of the database.
func generation(db *storage.DB) (uint64, error) {
	j, err := db.Journal(1)
	if err != nil || len(j) == 0 {
		return 0, err
	}
	return j[0].Seq, nil
}

// poolTypes are the kinds of records the snapshot is made of: a write that
// touches none of them (a session, a setting) leaves it current.
var poolTypes = map[string]bool{"menage": true, "demande": true, "logement": true, "residence": true}

// stillCurrent reports whether the writes after generation from up to to
// leave the snapshot current. Beyond a few writes it gives up (rebuild).
func stillCurrent(db *storage.DB, from, to uint64) bool {
	if to < from || to-from > 64 {
		return false
	}
	j, err := db.Journal(int(to - from))
	if err != nil {
		return false
	}
	for _, e := range j {
		if e.Seq <= from {
			continue
		}
		if len(e.Changements) == 0 && len(e.Totaux) == 0 {
			return false // a write that does not say what it changed (a migration)
		}
		for _, c := range e.Changements {
			if poolTypes[c.Type] {
				return false
			}
		}
		for k := range e.Totaux {
			if t, _, _ := strings.Cut(k, " "); poolTypes[t] {
				return false
			}
		}
	}
	return true
}

// pool returns the current snapshot of the active applications; read runs
// first, in the same read transaction when the snapshot is rebuilt.
func (a *App) pool(read func(tx *storage.Tx) error) (*poolSnapshot, error) {
	key := weak.Make(a.DB)
	h, loaded := pools.LoadOrStore(key, &poolHolder{})
	if !loaded {
		runtime.AddCleanup(a.DB, func(k weak.Pointer[storage.DB]) { pools.Delete(k) }, key)
	}
	holder := h.(*poolHolder)
	holder.mu.Lock()
	defer holder.mu.Unlock()
	gen, err := generation(a.DB)
	if err != nil {
		return nil, err
	}
	if s := holder.snap; s != nil && (s.gen == gen || stillCurrent(a.DB, s.gen, gen)) {
		s.gen = gen
		return s, a.DB.View(read)
	}
	s := &poolSnapshot{gen: gen}
	err = a.DB.View(func(tx *storage.Tx) error {
		if err := read(tx); err != nil {
			return err
		}
		byMenage := map[string][]*candidature{}
		if err := tx.ForEachDemande(func(d *model.Demande) error {
			if d.Active {
				c := &candidature{demande: *d}
				s.list = append(s.list, c)
				byMenage[d.Menage] = append(byMenage[d.Menage], c)
			}
			return nil
		}); err != nil {
			return err
		}
		// One scan of the households (decoded on every core) is faster
		// than a lookup per application.
		logements := map[string]*model.Logement{}
		if err := tx.ForEachMenage(func(m *model.Menage) error {
			cs := byMenage[m.ID]
			if len(cs) == 0 {
				return nil
			}
			mc := *m
			for _, c := range cs {
				c.menage = &mc
				for _, w := range c.demande.Communes {
					c.communes = append(c.communes, model.CommuneKey(w))
				}
				if mc.Loge() {
					c.habite = mc.Bail.Logement
					logements[c.habite] = nil
				}
			}
			delete(byMenage, m.ID)
			return nil
		}); err != nil {
			return err
		}
		if len(byMenage) > 0 {
			return model.Errorf(model.EINVALID, "%d demande(s) appartiennent à un ménage absent de la base : lancez la vérification de la base.", len(byMenage))
		}
		for ref := range logements {
			l, err := tx.Logement(ref)
			if err != nil && model.ErrorCode(err) != model.ENOTFOUND {
				return err
			}
			logements[ref] = l
		}
		for _, c := range s.list {
			if c.habite != "" {
				c.actuel = logements[c.habite]
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	holder.snap = s
	return s, nil
}
