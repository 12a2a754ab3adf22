package app

import (
	"sync"

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

// poolHolder is the App's snapshot of the active applications.
type poolHolder struct {
	mu   sync.Mutex
	snap *poolSnapshot
}

// changes are the records written since a snapshot, by kind.
type changes struct {
	demandes, menages, logements map[string]bool
}

func (c *changes) empty() bool {
	return len(c.demandes)+len(c.menages)+len(c.logements) == 0
}

// changesSince reads the journal entries after generation from up to to and
// returns the applications, households and dwellings they wrote. ok is
// false when the snapshot must be read again in full: many writes, or a
// write that does not list its records (a large import, a migration).
func changesSince(db *storage.DB, from, to uint64) (ch changes, ok bool) {
	if to < from {
		return ch, false
	}
	j, complete, err := db.ChangesSince(from, 64)
	if err != nil || !complete {
		return ch, false
	}
	ch = changes{demandes: map[string]bool{}, menages: map[string]bool{}, logements: map[string]bool{}}
	for _, e := range j {
		if e.Seq > to {
			break // written after the generation was read: seen next time
		}
		if len(e.Totaux) > 0 || (len(e.Changements) == 0 && !e.SansEcriture) {
			return ch, false
		}
		for _, c := range e.Changements {
			switch c.Type {
			case "demande":
				ch.demandes[c.Cle] = true
			case "menage":
				ch.menages[c.Cle] = true
			case "logement":
				ch.logements[c.Cle] = true
			}
		}
	}
	return ch, true
}

// pool returns the current snapshot of the active applications; read runs
// first, in the same read transaction when the snapshot is rebuilt or
// refreshed.
func (a *App) pool(read func(tx *storage.Tx) error) (*poolSnapshot, error) {
	holder := &a.candidatsPool
	holder.mu.Lock()
	defer holder.mu.Unlock()
	gen, err := a.DB.Generation()
	if err != nil {
		return nil, err
	}
	if old := holder.snap; old != nil {
		if old.gen == gen {
			return old, a.DB.View(read)
		}
		if ch, ok := changesSince(a.DB, old.gen, gen); ok {
			if ch.empty() { // sessions, settings: nothing the snapshot holds
				holder.snap = &poolSnapshot{gen: gen, list: old.list}
				return holder.snap, a.DB.View(read)
			}
			var s *poolSnapshot
			err := a.DB.View(func(tx *storage.Tx) error {
				if err := read(tx); err != nil {
					return err
				}
				var err error
				s, err = old.refresh(tx, gen, ch)
				return err
			})
			if err != nil {
				return nil, err
			}
			holder.snap = s
			return s, nil
		}
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

// refresh returns a new snapshot where the applications touched by ch are
// read again (the old snapshot is left as is for its readers).
func (old *poolSnapshot) refresh(tx *storage.Tx, gen uint64, ch changes) (*poolSnapshot, error) {
	s := &poolSnapshot{gen: gen, list: make([]*candidature, 0, len(old.list)+len(ch.demandes))}
	reload := map[string]bool{}
	for nur := range ch.demandes {
		reload[nur] = true
	}
	for _, c := range old.list {
		if reload[c.demande.NUR] || ch.menages[c.menage.ID] || c.habite != "" && ch.logements[c.habite] {
			reload[c.demande.NUR] = true
			continue
		}
		s.list = append(s.list, c)
	}
	for nur := range reload {
		d, err := tx.Demande(nur)
		if model.ErrorCode(err) == model.ENOTFOUND {
			continue // deleted
		} else if err != nil {
			return nil, err
		}
		if !d.Active {
			continue
		}
		c := &candidature{demande: *d}
		if c.menage, err = tx.Menage(d.Menage); err != nil {
			return nil, err
		}
		for _, w := range d.Communes {
			c.communes = append(c.communes, model.CommuneKey(w))
		}
		if c.menage.Loge() {
			c.habite = c.menage.Bail.Logement
			if c.actuel, err = tx.Logement(c.habite); err != nil && model.ErrorCode(err) != model.ENOTFOUND {
				return nil, err
			}
		}
		s.list = append(s.list, c)
	}
	return s, nil
}
