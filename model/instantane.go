package model

import (
	"sort"
	"time"
)

// Instantane is what the commission saw, stored in the session when it is
// closed (DESIGN « A closed session is a snapshot »): each dwelling examined
// with its characteristics and rent, each candidate's household
// (composition, resources), application (priorities) and the verdicts of
// the policy's rules. The minutes and letters of a closed session are drawn
// from it, never from the current records (the postal address excepted);
// only an amendment changes it.
type Instantane struct {
	Pris time.Time `json:"pris"` // when it was taken
	// Reprise is set when the snapshot was taken after the closing, from
	// the records of that day, for a session closed by an earlier version
	// of the program (no snapshot then).
	Reprise   bool               `json:"reprise,omitempty"`
	Logements []Logement         `json:"logements"`          // dwellings examined and dwellings the tenants rent, by reference
	Menages   []Menage           `json:"menages"`            // candidates' and examined tenants' households, by ID
	Demandes  []Demande          `json:"demandes,omitempty"` // the candidates' applications, by NUR
	Examens   []ExamenInstantane `json:"examens,omitempty"`  // one per candidate and dwelling
	// Informations: lease transfers and emergency procedures reported to
	// the session (policy §1.3.1 and §1.3.6), as at closing.
	Informations *InformationsSeance `json:"informations,omitempty"`
	// Transferts: the refused transfers the candidates' applications follow.
	Transferts []TransfertBail `json:"transferts,omitempty"`
}

// TransfertDe returns the refused transfer application nur follows, or nil.
func (s *Instantane) TransfertDe(nur string) *TransfertBail {
	for i := range s.Transferts {
		if s.Transferts[i].NUR == nur {
			return &s.Transferts[i]
		}
	}
	return nil
}

// ExamenInstantane is the verdicts of the policy's rules for one candidate
// on one dwelling, as computed at the session's date.
type ExamenInstantane struct {
	Logement string    `json:"logement"`
	NUR      string    `json:"nur"`
	Verdicts []Verdict `json:"verdicts"`
}

// Logement returns the dwelling ref of the snapshot, or nil.
func (s *Instantane) Logement(ref string) *Logement {
	i := sort.Search(len(s.Logements), func(i int) bool { return s.Logements[i].Reference >= ref })
	if i < len(s.Logements) && s.Logements[i].Reference == ref {
		return &s.Logements[i]
	}
	return nil
}

// Menage returns the household id of the snapshot, or nil.
func (s *Instantane) Menage(id string) *Menage {
	i := sort.Search(len(s.Menages), func(i int) bool { return s.Menages[i].ID >= id })
	if i < len(s.Menages) && s.Menages[i].ID == id {
		return &s.Menages[i]
	}
	return nil
}

// Demande returns the application nur of the snapshot, or nil.
func (s *Instantane) Demande(nur string) *Demande {
	i := sort.Search(len(s.Demandes), func(i int) bool { return s.Demandes[i].NUR >= nur })
	if i < len(s.Demandes) && s.Demandes[i].NUR == nur {
		return &s.Demandes[i]
	}
	return nil
}

// Examen returns the verdicts of application nur on dwelling ref, or nil.
func (s *Instantane) Examen(ref, nur string) *ExamenInstantane {
	k := ref + "\x00" + nur
	i := sort.Search(len(s.Examens), func(i int) bool { return s.Examens[i].Logement+"\x00"+s.Examens[i].NUR >= k })
	if i < len(s.Examens) && s.Examens[i].Logement == ref && s.Examens[i].NUR == nur {
		return &s.Examens[i]
	}
	return nil
}

// Ajouter puts records into the snapshot, replacing those with the same
// key, and keeps every list sorted by its key (lookups binary-search).
func (s *Instantane) Ajouter(logements []Logement, menages []Menage, demandes []Demande, examens []ExamenInstantane) {
	s.Logements = fusionner(s.Logements, logements, func(l *Logement) string { return l.Reference })
	s.Menages = fusionner(s.Menages, menages, func(m *Menage) string { return m.ID })
	s.Demandes = fusionner(s.Demandes, demandes, func(d *Demande) string { return d.NUR })
	s.Examens = fusionner(s.Examens, examens, func(e *ExamenInstantane) string { return e.Logement + "\x00" + e.NUR })
}

// fusionner merges add into list (add wins on equal keys), sorted by key.
func fusionner[T any](list, add []T, key func(*T) string) []T {
	if len(add) == 0 {
		return list
	}
	idx := make(map[string]int, len(list)+len(add))
	for i := range list {
		idx[key(&list[i])] = i
	}
	for _, x := range add {
		if i, ok := idx[key(&x)]; ok {
			list[i] = x
		} else {
			idx[key(&x)] = len(list)
			list = append(list, x)
		}
	}
	sort.SliceStable(list, func(i, j int) bool { return key(&list[i]) < key(&list[j]) })
	return list
}
