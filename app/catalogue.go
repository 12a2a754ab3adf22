package app

import (
	"sort"
	"strings"
	"sync"
	"unique"

	"logis/model"
	"logis/storage"
)

// The catalogue is an in-memory search index of dwellings, residences and
// households (with a summary of their applications), built once from the
// database and kept up to date by the App's own save and delete methods.
// Rows are immutable once published: an update replaces the pointer, so a
// search result stays a consistent snapshot.

// LogementRow is a dwelling as lists show it.
type LogementRow struct {
	Reference   string
	Residence   string
	Adresse     string
	Commune     string
	Typologie   int
	Surface     float64
	Financement model.Financement
	QPV, PMR    bool
	Loyer       model.Cents // rent + charges
	Etat        model.Statut
	key         string // folded searchable text
	communeKey  string
}

// ResidenceRow is a residence as lists show it.
type ResidenceRow struct {
	Code, Nom, Adresse, Commune string
	QPV                         bool
	Logements                   int
	key                         string
}

// MenageRow is a household and a summary of its applications.
type MenageRow struct {
	ID          string
	Nom         string // head's « Prénom NOM »
	Personnes   int
	Logement    string // dwelling rented from the office, "" when none
	NUR         string // active application (the oldest), "" when none
	DateDepot   model.Date
	Communes    []string // wished communes of active applications
	Typologies  []int    // wished typologies of active applications
	DALO        bool
	Annexe1     bool // at least one annex-1 category
	APresenter  bool
	Restreint   bool // processing restricted (RGPD art. 18)
	key         string
	sortKey     string
	communeKeys []string // CommuneKey of Communes
	typoMask    uint8    // bit t set for each wished typology
}

// Prioritaire reports a DALO or annex-1 application.
func (r *MenageRow) Prioritaire() bool { return r.DALO || r.Annexe1 }

// Mutation reports a tenant of the office with an active application.
func (r *MenageRow) Mutation() bool { return r.Logement != "" && r.NUR != "" }

// Tri is a three-way filter: any, yes, no.
type Tri int

const (
	Tous Tri = iota
	Oui
	Non
)

func (t Tri) ok(b bool) bool { return t == Tous || (t == Oui) == b }

// LogementFiltre selects dwellings; zero values select everything.
type LogementFiltre struct {
	Texte       string // reference, address, commune, residence
	Commune     string
	Typologie   int
	QPV, PMR    Tri
	Etat        model.Statut // vacant, occupe, travaux; "" any
	Financement model.Financement
}

// MenageFiltre selects households; zero values select everything.
type MenageFiltre struct {
	Texte       string // name, first name, ID, NUR, dwelling
	Commune     string // wished commune
	Typologie   int    // wished typology
	Prioritaire Tri    // DALO or annex 1
	Mutation    Tri
	Demande     Tri // has an active application
	AncienneteMin,
	AncienneteMax int // months since filing; 0 = no bound
}

// Catalogue is the search index; safe for concurrent use.
type Catalogue struct {
	mu         sync.RWMutex
	ready      bool
	building   bool
	pending    []func(*Catalogue) // updates made while building, replayed after
	logements  []*LogementRow     // by reference
	residences []*ResidenceRow    // by code
	menages    []*MenageRow       // by name then ID
	logByRef   map[string]*LogementRow
	resByCode  map[string]*ResidenceRow
	menByID    map[string]*MenageRow
	occupants  map[string]int // dwelling → households whose lease points to it
	resCount   map[string]int // residence → dwellings
	today      func() model.Date
	men        textIndex       // over menages
	log        textIndex       // over logements
	seq        uint64          // journal entry the catalogue reflects
	own        map[uint64]bool // later journal entries written through the catalogue's own updates
}

// textIndex is the folded keys of a list laid end to end, so that a word is
// found with one strings.Index pass instead of one call per row.
type textIndex struct {
	hay  string
	offs []int32 // start of each row's key in hay; a '\n' ends each key
}

// buildIndex lays the n keys end to end; setKey, when not nil, is then
// given each key as a slice of the index so that rows share its memory
// instead of holding a second copy.
func buildIndex(n int, key func(i int) string, setKey func(i int, k string)) textIndex {
	size := 0
	for i := 0; i < n; i++ {
		size += len(key(i)) + 1
	}
	var b strings.Builder
	b.Grow(size)
	offs := make([]int32, n)
	for i := 0; i < n; i++ {
		offs[i] = int32(b.Len())
		b.WriteString(key(i))
		b.WriteByte('\n')
	}
	x := textIndex{hay: b.String(), offs: offs}
	if setKey != nil {
		for i := 0; i < n; i++ {
			k := x.rowKey(i)
			setKey(i, k[:len(k)-1])
		}
	}
	return x
}

// rowKey is the key of row i.
func (x *textIndex) rowKey(i int) string {
	end := len(x.hay)
	if i+1 < len(x.offs) {
		end = int(x.offs[i+1])
	}
	return x.hay[x.offs[i]:end]
}

// match calls fn, in order, for each row whose key holds every word.
func (x *textIndex) match(ws []string, fn func(i int)) {
	if len(ws) == 0 {
		for i := range x.offs {
			fn(i)
		}
		return
	}
	// Scan for the longest word, check the others on the rows found.
	first := 0
	for i, w := range ws {
		if len(w) > len(ws[first]) {
			first = i
		}
	}
	w, hay, n := ws[first], x.hay, len(x.offs)
	pos, row := 0, 0
	for pos < len(hay) {
		j := strings.Index(hay[pos:], w)
		if j < 0 {
			return
		}
		p := pos + j
		// The row holding p: offsets grow; hits are often in the next rows,
		// so step first, then search the rest.
		for k := 0; k < 8 && row+1 < n && int(x.offs[row+1]) <= p; k++ {
			row++
		}
		if row+1 < n && int(x.offs[row+1]) <= p {
			row += sort.Search(n-row, func(k int) bool { return int(x.offs[row+k]) > p }) - 1
		}
		key := x.rowKey(row)
		ok := true
		for k, o := range ws {
			if k != first && !strings.Contains(key, o) {
				ok = false
				break
			}
		}
		if ok {
			fn(row)
		}
		if row+1 >= n {
			return
		}
		pos = int(x.offs[row+1])
	}
}

func (c *Catalogue) reindexMenages() {
	// Rows are shared with searches' results; key is only read under c.mu.
	c.men = buildIndex(len(c.menages), func(i int) string { return c.menages[i].key },
		func(i int, k string) { c.menages[i].key = k })
}

func (c *Catalogue) reindexLogements() {
	c.log = buildIndex(len(c.logements), func(i int) string { return c.logements[i].key },
		func(i int, k string) { c.logements[i].key = k })
}

// catalogueHolder is the App's lazily created catalogue.
type catalogueHolder struct {
	once sync.Once
	c    *Catalogue
}

// Catalogue returns the App's search index (empty until Build).
func (a *App) Catalogue() *Catalogue {
	a.cat.once.Do(func() { a.cat.c = newCatalogue(a.Today) })
	return a.cat.c
}

func newCatalogue(today func() model.Date) *Catalogue {
	return &Catalogue{logByRef: map[string]*LogementRow{}, resByCode: map[string]*ResidenceRow{},
		menByID: map[string]*MenageRow{}, occupants: map[string]int{}, resCount: map[string]int{}, today: today}
}

// Ready reports whether the catalogue has been built.
func (c *Catalogue) Ready() bool {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.ready
}

// BuildCatalogue reads the whole database in one View and fills the
// catalogue; progress is called with the households read.
func (a *App) BuildCatalogue(progress Progress) error {
	c := a.Catalogue()
	c.mu.Lock()
	c.building = true
	c.mu.Unlock()
	fresh := newCatalogue(c.today)
	seq := a.journalSeq() // read before the snapshot: later writes count as newer
	var demandes map[string][]model.Demande
	err := a.DB.View(func(tx *storage.Tx) error {
		counts, err := tx.Counts()
		if err != nil {
			return err
		}
		total := counts.Menages + counts.Logements
		done := 0
		logs := make([]model.Logement, 0, counts.Logements)
		if err := tx.ForEachLogement(func(l *model.Logement) error {
			logs = append(logs, *l)
			if done++; done%5000 == 0 {
				progress.report(done, total)
			}
			return nil
		}); err != nil {
			return err
		}
		if err := tx.ForEachResidence(func(r *model.Residence) error {
			fresh.residences = append(fresh.residences, newResidenceRow(r, 0))
			return nil
		}); err != nil {
			return err
		}
		demandes = make(map[string][]model.Demande, counts.Demandes)
		if err := tx.ForEachDemande(func(d *model.Demande) error {
			demandes[d.Menage] = append(demandes[d.Menage], *d)
			return nil
		}); err != nil {
			return err
		}
		fresh.menages = make([]*MenageRow, 0, counts.Menages)
		if err := tx.ForEachMenage(func(m *model.Menage) error {
			fresh.menages = append(fresh.menages, newMenageRow(m, demandes[m.ID]))
			if m.Loge() {
				fresh.occupants[m.Bail.Logement]++
			}
			if done++; done%5000 == 0 {
				progress.report(done, total)
			}
			return nil
		}); err != nil {
			return err
		}
		fresh.logements = make([]*LogementRow, len(logs))
		for i := range logs {
			fresh.logements[i] = fresh.logementRow(&logs[i])
			fresh.resCount[logs[i].Residence]++
		}
		progress.report(total, total)
		return nil
	})
	if err != nil {
		c.mu.Lock()
		c.building = false
		c.mu.Unlock()
		return err
	}
	for _, r := range fresh.residences {
		r.Logements = fresh.resCount[r.Code]
		fresh.resByCode[r.Code] = r
	}
	for _, l := range fresh.logements {
		fresh.logByRef[l.Reference] = l
	}
	sort.Slice(fresh.menages, func(i, j int) bool { return menLess(fresh.menages[i], fresh.menages[j]) })
	for _, m := range fresh.menages {
		fresh.menByID[m.ID] = m
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.logements, c.residences, c.menages = fresh.logements, fresh.residences, fresh.menages
	c.logByRef, c.resByCode, c.menByID = fresh.logByRef, fresh.resByCode, fresh.menByID
	c.occupants, c.resCount = fresh.occupants, fresh.resCount
	for _, fn := range c.pending {
		fn(c)
	}
	c.reindexMenages()
	c.reindexLogements()
	c.pending, c.building, c.ready = nil, false, true
	c.seq, c.own = seq, map[uint64]bool{}
	return nil
}

// journalSeq is the number of the last journal entry (0 when none).
func (a *App) journalSeq() uint64 {
	gen, err := a.DB.Generation()
	if err != nil {
		return 0
	}
	return gen
}

// catUpdate applies an update of the App's own write to the catalogue and
// notes the journal entry as already reflected.
func (a *App) catUpdate(fn func(*Catalogue)) {
	c := a.Catalogue()
	seq := a.journalSeq()
	c.update(fn)
	c.mu.Lock()
	if c.own == nil {
		c.own = map[uint64]bool{}
	}
	c.own[seq] = true
	c.mu.Unlock()
}

// catalogueKinds are the journal types the catalogue reflects.
var catalogueKinds = map[string]bool{"logement": true, "residence": true, "menage": true, "demande": true}

// CatalogueStale reports whether records of the catalogue were written by
// other actions than the App's save and delete methods since it was built
// (an import, households marked for the commission…): the screens then
// rebuild it in the background.
func (a *App) CatalogueStale() bool {
	c := a.Catalogue()
	c.mu.RLock()
	ready, building, seq := c.ready, c.building, c.seq
	c.mu.RUnlock()
	if !ready || building {
		return false
	}
	const window = 64
	evs, complete, err := a.DB.ChangesSince(seq, window)
	if err != nil {
		return false
	}
	for _, e := range evs {
		c.mu.RLock()
		own := c.own[e.Seq]
		c.mu.RUnlock()
		if own {
			continue
		}
		for _, ch := range e.Changements {
			if catalogueKinds[ch.Type] {
				return true
			}
		}
		for k := range e.Totaux {
			if catalogueKinds[strings.SplitN(k, " ", 2)[0]] {
				return true
			}
		}
	}
	return !complete // older unseen entries may remain
}

// update applies fn now, and again after a build under way (whose snapshot
// may predate the change).
func (c *Catalogue) update(fn func(*Catalogue)) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.building {
		c.pending = append(c.pending, fn)
	}
	fn(c)
}

func (c *Catalogue) logementRow(l *model.Logement) *LogementRow {
	r := &LogementRow{Reference: l.Reference, Residence: intern(l.Residence), Adresse: l.Adresse, Commune: intern(l.Commune),
		Typologie: l.Typologie, Surface: l.Surface, Financement: model.Financement(intern(string(l.Financement))), QPV: l.QPV, PMR: l.PMR,
		Loyer: l.Quittance()}
	r.Etat = c.etat(l.Statut, l.Reference)
	r.communeKey = intern(model.CommuneKey(l.Commune))
	r.key = fold(l.Reference + "|" + l.Residence + "|" + l.Adresse + "|" + l.CodePostal + "|" + l.Commune + "|" + model.TypologieLabel(l.Typologie)) // « T4 » finds the T4s (issue 12)
	return r
}

// etat: works when marked so, else occupied when a lease points to it.
func (c *Catalogue) etat(s model.Statut, ref string) model.Statut {
	switch {
	case s == model.Travaux:
		return model.Travaux
	case c.occupants[ref] > 0:
		return model.Occupe
	}
	return model.Vacant
}

func newResidenceRow(r *model.Residence, n int) *ResidenceRow {
	return &ResidenceRow{Code: r.Code, Nom: r.Nom, Adresse: r.Adresse, Commune: r.Commune, QPV: r.QPV, Logements: n,
		key: fold(r.Code + "|" + r.Nom + "|" + r.Adresse + "|" + r.CodePostal + "|" + r.Commune)}
}

func newMenageRow(m *model.Menage, ds []model.Demande) *MenageRow {
	r := &MenageRow{ID: m.ID, Nom: m.Nom(), Personnes: len(m.Personnes), APresenter: m.APresenter, Restreint: m.Restreint}
	if m.Loge() {
		r.Logement = m.Bail.Logement
	}
	var k strings.Builder
	k.WriteString(m.ID)
	for _, p := range m.Personnes {
		k.WriteString("|" + p.Nom + " " + p.Prenom)
	}
	k.WriteString("|" + r.Logement)
	for i := range ds {
		d := &ds[i]
		k.WriteString("|" + d.NUR)
		if !d.Active {
			continue
		}
		if r.NUR == "" || d.DateDepot < r.DateDepot {
			r.NUR, r.DateDepot = d.NUR, d.DateDepot
		}
		r.DALO = r.DALO || d.DALO
		r.Annexe1 = r.Annexe1 || d.CategoriesL4411() > 0
		for _, cm := range d.Communes {
			if ck := model.CommuneKey(cm); !containsString(r.communeKeys, ck) {
				r.Communes = append(r.Communes, intern(cm))
				r.communeKeys = append(r.communeKeys, intern(ck))
			}
		}
		for _, t := range d.Typologies {
			if !containsInt(r.Typologies, t) {
				r.Typologies = append(r.Typologies, t)
				r.typoMask |= 1 << uint(t&7)
			}
		}
	}
	r.key = fold(k.String())
	r.sortKey = fold(nomSortKey(m))
	return r
}

// nomSortKey sorts households by the head's name then first name.
func nomSortKey(m *model.Menage) string {
	if t := m.Titulaire(); t != nil {
		return t.Nom + " " + t.Prenom
	}
	return "~"
}

func menLess(a, b *MenageRow) bool {
	if a.sortKey != b.sortKey {
		return a.sortKey < b.sortKey
	}
	return a.ID < b.ID
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func containsInt(list []int, v int) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// intern returns the one copy of s kept for every row: communes, residences
// and funding types repeat over tens of thousands of rows.
func intern(s string) string { return unique.Make(s).Value() }

// fold is model.Fold with a fast path for plain ASCII (most keys).
func fold(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return model.Fold(s)
		}
	}
	return strings.ToUpper(s)
}

// words splits a query into folded words, all of which must match.
func words(q string) []string { return strings.Fields(model.Fold(q)) }

func matchAll(key string, ws []string) bool {
	for _, w := range ws {
		if !strings.Contains(key, w) {
			return false
		}
	}
	return true
}

// SearchLogements returns the dwellings matching f, by reference.
func (c *Catalogue) SearchLogements(f LogementFiltre) []*LogementRow {
	ws := words(f.Texte)
	commune := model.CommuneKey(f.Commune)
	c.mu.RLock()
	defer c.mu.RUnlock()
	out := make([]*LogementRow, 0, 256)
	c.log.match(ws, func(i int) {
		r := c.logements[i]
		if (f.Typologie == 0 || r.Typologie == f.Typologie) && f.QPV.ok(r.QPV) && f.PMR.ok(r.PMR) &&
			(f.Etat == "" || r.Etat == f.Etat) && (f.Financement == "" || r.Financement == f.Financement) &&
			(commune == "" || r.communeKey == commune) {
			out = append(out, r)
		}
	})
	return out
}

// SearchResidences returns the residences matching the text (code, name,
// address, commune) and the commune, by code.
func (c *Catalogue) SearchResidences(texte, commune string) []*ResidenceRow {
	ws := words(texte)
	ck := model.CommuneKey(commune)
	c.mu.RLock()
	defer c.mu.RUnlock()
	out := make([]*ResidenceRow, 0, 64)
	for _, r := range c.residences {
		if (ck == "" || model.CommuneKey(r.Commune) == ck) && matchAll(r.key, ws) {
			out = append(out, r)
		}
	}
	return out
}

// SearchMenages returns the households matching f, by name.
func (c *Catalogue) SearchMenages(f MenageFiltre) []*MenageRow {
	ws := words(f.Texte)
	commune := model.CommuneKey(f.Commune)
	today := c.today()
	var mask uint8
	if f.Typologie != 0 {
		mask = 1 << uint(f.Typologie&7)
	}
	filtered := f.Prioritaire != Tous || f.Mutation != Tous || f.Demande != Tous || mask != 0 || commune != "" ||
		f.AncienneteMin > 0 || f.AncienneteMax > 0
	c.mu.RLock()
	defer c.mu.RUnlock()
	if len(ws) == 0 && !filtered {
		return append([]*MenageRow(nil), c.menages...)
	}
	out := make([]*MenageRow, 0, 256)
	c.men.match(ws, func(i int) {
		r := c.menages[i]
		if filtered {
			if !f.Prioritaire.ok(r.DALO || r.Annexe1) || !f.Mutation.ok(r.Logement != "" && r.NUR != "") || !f.Demande.ok(r.NUR != "") {
				return
			}
			if mask != 0 && r.typoMask&mask == 0 {
				return
			}
			if commune != "" && !containsString(r.communeKeys, commune) {
				return
			}
			if f.AncienneteMin > 0 || f.AncienneteMax > 0 {
				if r.NUR == "" {
					return
				}
				mo := r.DateDepot.MonthsUntil(today)
				if mo < f.AncienneteMin || (f.AncienneteMax > 0 && mo >= f.AncienneteMax) {
					return
				}
			}
		}
		out = append(out, r)
	})
	return out
}

// Logement returns the row of a dwelling, nil when unknown.
func (c *Catalogue) Logement(ref string) *LogementRow {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.logByRef[ref]
}

// Residence returns the row of a residence, nil when unknown.
func (c *Catalogue) Residence(code string) *ResidenceRow {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.resByCode[code]
}

// Menage returns the row of a household, nil when unknown.
func (c *Catalogue) Menage(id string) *MenageRow {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.menByID[id]
}

// ResidenceCodes lists every residence code, sorted.
func (c *Catalogue) ResidenceCodes() []string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	out := make([]string, len(c.residences))
	for i, r := range c.residences {
		out[i] = r.Code
	}
	return out
}

// Sizes returns the numbers of dwellings, residences and households indexed.
func (c *Catalogue) Sizes() (logements, residences, menages int) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return len(c.logements), len(c.residences), len(c.menages)
}

// --- updates (called with c.mu held, through update) ---

func (c *Catalogue) putLogement(l *model.Logement) {
	if old := c.logByRef[l.Reference]; old != nil && old.Residence != l.Residence {
		c.setResCount(old.Residence, -1)
		c.setResCount(l.Residence, +1)
	} else if old == nil {
		c.setResCount(l.Residence, +1)
	}
	r := c.logementRow(l)
	c.logByRef[l.Reference] = r
	i := sort.Search(len(c.logements), func(i int) bool { return c.logements[i].Reference >= l.Reference })
	if i < len(c.logements) && c.logements[i].Reference == l.Reference {
		c.logements[i] = r
		c.reindexLogements()
		return
	}
	c.logements = append(c.logements, nil)
	copy(c.logements[i+1:], c.logements[i:])
	c.logements[i] = r
	c.reindexLogements()
}

func (c *Catalogue) deleteLogement(ref string) {
	old := c.logByRef[ref]
	if old == nil {
		return
	}
	c.setResCount(old.Residence, -1)
	delete(c.logByRef, ref)
	i := sort.Search(len(c.logements), func(i int) bool { return c.logements[i].Reference >= ref })
	if i < len(c.logements) && c.logements[i].Reference == ref {
		c.logements = append(c.logements[:i], c.logements[i+1:]...)
		c.reindexLogements()
	}
}

// setResCount changes a residence's dwelling count (a new row: rows are immutable).
func (c *Catalogue) setResCount(code string, delta int) {
	if code == "" {
		return
	}
	c.resCount[code] += delta
	if r := c.resByCode[code]; r != nil {
		n := *r
		n.Logements = c.resCount[code]
		c.replaceResidence(&n)
	}
}

func (c *Catalogue) replaceResidence(r *ResidenceRow) {
	c.resByCode[r.Code] = r
	i := sort.Search(len(c.residences), func(i int) bool { return c.residences[i].Code >= r.Code })
	if i < len(c.residences) && c.residences[i].Code == r.Code {
		c.residences[i] = r
		return
	}
	c.residences = append(c.residences, nil)
	copy(c.residences[i+1:], c.residences[i:])
	c.residences[i] = r
}

func (c *Catalogue) putResidence(r *model.Residence) {
	c.replaceResidence(newResidenceRow(r, c.resCount[r.Code]))
}

func (c *Catalogue) deleteResidence(code string) {
	delete(c.resByCode, code)
	i := sort.Search(len(c.residences), func(i int) bool { return c.residences[i].Code >= code })
	if i < len(c.residences) && c.residences[i].Code == code {
		c.residences = append(c.residences[:i], c.residences[i+1:]...)
	}
}

// putMenage indexes a household with its applications, and refreshes the
// state of the dwellings it left or entered.
func (c *Catalogue) putMenage(m *model.Menage, ds []model.Demande) {
	old := c.menByID[m.ID]
	oldRef := ""
	if old != nil {
		oldRef = old.Logement
		c.removeMenage(old)
	}
	r := newMenageRow(m, ds)
	c.menByID[m.ID] = r
	i := sort.Search(len(c.menages), func(i int) bool { return !menLess(c.menages[i], r) })
	c.menages = append(c.menages, nil)
	copy(c.menages[i+1:], c.menages[i:])
	c.menages[i] = r
	c.reindexMenages()
	if oldRef != r.Logement {
		c.occupy(oldRef, -1)
		c.occupy(r.Logement, +1)
	}
}

func (c *Catalogue) removeMenage(old *MenageRow) {
	i := sort.Search(len(c.menages), func(i int) bool { return !menLess(c.menages[i], old) })
	if i < len(c.menages) && c.menages[i].ID == old.ID {
		c.menages = append(c.menages[:i], c.menages[i+1:]...)
	}
	delete(c.menByID, old.ID)
}

func (c *Catalogue) deleteMenage(id string) {
	old := c.menByID[id]
	if old == nil {
		return
	}
	c.removeMenage(old)
	c.reindexMenages()
	c.occupy(old.Logement, -1)
}

// occupy changes the occupants of a dwelling and its state.
func (c *Catalogue) occupy(ref string, delta int) {
	if ref == "" {
		return
	}
	c.occupants[ref] += delta
	if c.occupants[ref] <= 0 {
		delete(c.occupants, ref)
	}
	if r := c.logByRef[ref]; r != nil {
		n := *r
		if r.Etat != model.Travaux {
			n.Etat = c.etat("", ref)
		}
		c.logByRef[ref] = &n
		i := sort.Search(len(c.logements), func(i int) bool { return c.logements[i].Reference >= ref })
		if i < len(c.logements) && c.logements[i].Reference == ref {
			c.logements[i] = &n
		}
	}
}
