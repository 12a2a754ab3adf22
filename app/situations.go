package app

import (
	"sort"
	"strings"

	"logis/model"
	"logis/storage"
)

// The specific situations of the policy's §1.3: lease transfers recorded
// for the commission's information, and what each candidate's application
// says the commission must be told (co-tenancy, CIAL, violence as a
// priority criterion, decohabitation, emergency procedure). None of them
// changes the ranking.

// reglageTransferts holds the lease transfers: a few dozen a year, kept as
// one list in the settings bucket (encrypted like every record).
const reglageTransferts = "transferts_bail"

func lireTransferts(tx *storage.Tx) ([]model.TransfertBail, error) {
	var list []model.TransfertBail
	_, err := tx.Setting(reglageTransferts, &list)
	return list, err
}

// TransfertsBail returns every lease transfer recorded, by date then ID.
func (a *App) TransfertsBail() ([]model.TransfertBail, error) {
	var list []model.TransfertBail
	err := a.DB.View(func(tx *storage.Tx) (err error) { list, err = lireTransferts(tx); return err })
	sort.SliceStable(list, func(i, j int) bool {
		if list[i].Date != list[j].Date {
			return list[i].Date < list[j].Date
		}
		return list[i].ID < list[j].ID
	})
	return list, err
}

// TransfertDeDemande returns the refused lease transfer application nur
// follows (its rehousing path is shown with the candidate), or nil.
func (a *App) TransfertDeDemande(nur string) (*model.TransfertBail, error) {
	list, err := a.TransfertsBail()
	if err != nil {
		return nil, err
	}
	for i := range list {
		if nur != "" && list[i].NUR == nur && list[i].Decision == model.TransfertRefuse {
			return &list[i], nil
		}
	}
	return nil, nil
}

// EnregistrerTransfert records a lease transfer decided by the management
// (new when t.ID is empty, else replacing the one with that ID), in one
// transaction. The household and the dwelling, when given, must exist;
// errors are EINVALID or ENOTFOUND in French. It returns the transfer
// stored (with its ID).
func (a *App) EnregistrerTransfert(t model.TransfertBail) (*model.TransfertBail, error) {
	if err := a.Peut(model.ActionSaisir); err != nil {
		return nil, err
	}
	t.De, t.Vers, t.Motif = strings.TrimSpace(t.De), strings.TrimSpace(t.Vers), strings.TrimSpace(t.Motif)
	t.NUR = strings.ToUpper(strings.TrimSpace(t.NUR))
	if err := t.Validate(); err != nil {
		return nil, err
	}
	action := "Transfert de bail : enregistrement"
	if t.ID != "" {
		action = "Transfert de bail " + t.ID + " : modification"
	}
	err := a.DB.Update(action, func(tx *storage.Tx) error {
		if t.Menage != "" {
			if _, err := tx.Menage(t.Menage); err != nil {
				return err
			}
		}
		if t.Logement != "" {
			if _, err := tx.Logement(t.Logement); err != nil {
				return err
			}
		}
		if t.NUR != "" {
			if _, err := tx.Demande(t.NUR); err != nil {
				return err
			}
		}
		list, err := lireTransferts(tx)
		if err != nil {
			return err
		}
		if t.ID == "" {
			if t.ID, err = tx.NextID("transfert"); err != nil {
				return err
			}
			list = append(list, t)
		} else {
			i := indexTransfert(list, t.ID)
			if i < 0 {
				return model.Errorf(model.ENOTFOUND, "Le transfert de bail %s n'existe pas.", t.ID)
			}
			list[i] = t
		}
		return tx.PutSetting(reglageTransferts, list)
	})
	if err != nil {
		return nil, err
	}
	return &t, nil
}

// SupprimerTransfert removes a lease transfer recorded by mistake (closed
// sessions keep it in their snapshot).
func (a *App) SupprimerTransfert(id string) error {
	if err := a.Peut(model.ActionSaisir); err != nil {
		return err
	}
	return a.DB.Update("Transfert de bail "+id+" : suppression", func(tx *storage.Tx) error {
		list, err := lireTransferts(tx)
		if err != nil {
			return err
		}
		i := indexTransfert(list, id)
		if i < 0 {
			return model.Errorf(model.ENOTFOUND, "Le transfert de bail %s n'existe pas.", id)
		}
		return tx.PutSetting(reglageTransferts, append(list[:i], list[i+1:]...))
	})
}

func indexTransfert(list []model.TransfertBail, id string) int {
	for i := range list {
		if list[i].ID == id {
			return i
		}
	}
	return -1
}

// informations gathers, in tx, what session c is told about: the lease
// transfers and emergency procedures decided after the previous session
// and up to its date (model.PeriodeInformations).
func informations(tx *storage.Tx, c *model.Commission) (*model.InformationsSeance, error) {
	var dates []model.Date
	if err := tx.ForEachCommission(func(o *model.Commission) error {
		if o.ID != c.ID {
			dates = append(dates, o.Date)
		}
		return nil
	}); err != nil {
		return nil, err
	}
	info := &model.InformationsSeance{}
	info.Depuis, info.Jusqua = model.PeriodeInformations(c.Date, dates)
	list, err := lireTransferts(tx)
	if err != nil {
		return nil, err
	}
	for _, t := range list {
		if info.Couvre(t.Date) {
			info.Transferts = append(info.Transferts, t)
		}
	}
	err = tx.ForEachDemande(func(d *model.Demande) error {
		if d.Urgence == nil || !info.Couvre(d.Urgence.Date) {
			return nil
		}
		u := model.UrgenceSignalee{NUR: d.NUR, Menage: d.Menage, Urg: *d.Urgence}
		if m, err := tx.Menage(d.Menage); err == nil {
			u.Nom = m.Nom()
		}
		info.Urgences = append(info.Urgences, u)
		return nil
	})
	if err != nil {
		return nil, err
	}
	info.Trier()
	return info, nil
}

// InformationsSeance returns what session id is told about without
// deciding it (§1.3.1 and §1.3.6): for a closed session, as recorded at its
// closing; otherwise as the records stand.
func (a *App) InformationsSeance(id string) (*model.InformationsSeance, error) {
	var info *model.InformationsSeance
	err := a.DB.View(func(tx *storage.Tx) error {
		c, err := tx.Commission(id)
		if err != nil {
			return err
		}
		if c.Statut == model.Close && c.Instantane != nil && c.Instantane.Informations != nil {
			info = c.Instantane.Informations
			return nil
		}
		info, err = informations(tx, c)
		return err
	})
	return info, err
}

// sourceSituations reads what SituationsCandidat needs: from a closed
// session's snapshot, or from the records.
type sourceSituations struct {
	tx         *storage.Tx
	snap       *model.Instantane
	transferts []model.TransfertBail
}

func (s *sourceSituations) menage(id string) *model.Menage {
	if s.snap != nil {
		return s.snap.Menage(id)
	}
	m, err := s.tx.Menage(id)
	if err != nil {
		return nil
	}
	return m
}

func (s *sourceSituations) logement(ref string) *model.Logement {
	if s.snap != nil {
		return s.snap.Logement(ref)
	}
	l, err := s.tx.Logement(ref)
	if err != nil {
		return nil
	}
	return l
}

func (s *sourceSituations) demande(nur string) *model.Demande {
	if s.snap != nil {
		return s.snap.Demande(nur)
	}
	d, err := s.tx.Demande(nur)
	if err != nil {
		return nil
	}
	return d
}

func (s *sourceSituations) transfert(nur string) *model.TransfertBail {
	if s.snap != nil {
		return s.snap.TransfertDe(nur)
	}
	for i := range s.transferts {
		if s.transferts[i].NUR == nur && s.transferts[i].Decision == model.TransfertRefuse {
			return &s.transferts[i]
		}
	}
	return nil
}

// contexte finds the origin household, its dwelling and the refused
// transfer of application d.
func (s *sourceSituations) contexte(d *model.Demande) model.ContexteSituations {
	var ctx model.ContexteSituations
	if d.MenageOrigine != "" {
		ctx.Origine = s.menage(d.MenageOrigine)
		if ctx.Origine != nil && ctx.Origine.Loge() {
			ctx.LogementOrigine = s.logement(ctx.Origine.Bail.Logement)
		}
	}
	ctx.Transfert = s.transfert(d.NUR)
	return ctx
}

// situationsSeance computes the §1.3 lines of every candidate of session c,
// by NUR (candidates without any are left out).
func situationsSeance(tx *storage.Tx, c *model.Commission) (map[string][]string, error) {
	r, err := tx.Regles()
	if err != nil {
		return nil, err
	}
	src := &sourceSituations{tx: tx}
	if c.Statut == model.Close && c.Instantane != nil {
		src.snap = c.Instantane
	} else if src.transferts, err = lireTransferts(tx); err != nil {
		return nil, err
	}
	out := map[string][]string{}
	for _, dl := range c.Logements {
		for _, k := range dl.Candidats {
			d := src.demande(k.NUR)
			if d == nil {
				continue
			}
			if lines := model.SituationsCandidat(d, src.menage(k.Menage), src.contexte(d), c.Date, r); len(lines) > 0 {
				out[k.NUR] = lines
			}
		}
	}
	return out, nil
}

// SituationsSeance returns, by NUR, what the commission must be told about
// each candidate of session id (policy §1.3): for a closed session from its
// snapshot, otherwise from the records.
func (a *App) SituationsSeance(id string) (map[string][]string, error) {
	var out map[string][]string
	err := a.DB.View(func(tx *storage.Tx) error {
		c, err := tx.Commission(id)
		if err != nil {
			return err
		}
		out, err = situationsSeance(tx, c)
		return err
	})
	return out, err
}

// checkOrigine: the origin household of a decohabitation exists and is
// not the applicant (ENOTFOUND / EINVALID in French).
func checkOrigine(tx *storage.Tx, d *model.Demande) error {
	if d.MenageOrigine == "" {
		return nil
	}
	if _, err := tx.Menage(d.MenageOrigine); model.ErrorCode(err) == model.ENOTFOUND {
		return model.Errorf(model.ENOTFOUND, "Décohabitation : le ménage d'origine « %s » n'existe pas (indiquez l'identifiant d'un ménage du patrimoine, ex. M000123).", d.MenageOrigine)
	} else if err != nil {
		return err
	}
	return nil
}

// aSituations reports whether an application has a §1.3 fact to show.
func aSituations(d *model.Demande) bool {
	return d.Cotitularite || d.SalarieOffice || d.ViolencesFamiliales || d.MenageOrigine != "" || d.Urgence != nil
}

// situationsListe fills the Situations of the candidates of a proposal
// list, reading the few origin households and transfers they need.
func (a *App) situationsListe(lc *ListeCandidats, sel []*candidature, r *model.Regles) error {
	return a.DB.View(func(tx *storage.Tx) error {
		list, err := lireTransferts(tx)
		if err != nil {
			return err
		}
		refuses := map[string]bool{}
		for _, t := range list {
			if t.NUR != "" && t.Decision == model.TransfertRefuse {
				refuses[t.NUR] = true
			}
		}
		utiles := map[string]*candidature{}
		for _, c := range sel {
			if aSituations(&c.demande) || refuses[c.demande.NUR] {
				utiles[c.demande.NUR] = c
			}
		}
		if len(utiles) == 0 {
			return nil
		}
		src := &sourceSituations{tx: tx, transferts: list}
		for i := range lc.Candidats {
			e := &lc.Candidats[i]
			if c := utiles[e.NUR]; c != nil {
				e.Situations = model.SituationsCandidat(&c.demande, c.menage, src.contexte(&c.demande), lc.Date, r)
			}
		}
		return nil
	})
}

// instantaneSituations records in snapshot s what session c is told about
// (model.InformationsSeance) and the refused transfers its candidates
// follow, as they stand at closing.
func instantaneSituations(tx *storage.Tx, c *model.Commission, s *model.Instantane) error {
	info, err := informations(tx, c)
	if err != nil {
		return err
	}
	s.Informations = info
	s.Transferts = nil
	return completerTransferts(tx, c, s)
}

// completerTransferts adds to snapshot s the refused transfers followed by
// candidates of c it does not hold yet (a candidate added by an amendment),
// keeping those it has.
func completerTransferts(tx *storage.Tx, c *model.Commission, s *model.Instantane) error {
	list, err := lireTransferts(tx)
	if err != nil {
		return err
	}
	for _, t := range list {
		if t.NUR == "" || t.Decision != model.TransfertRefuse || s.TransfertDe(t.NUR) != nil {
			continue
		}
		for _, dl := range c.Logements {
			if dl.Candidat(t.NUR) != nil {
				s.Transferts = append(s.Transferts, t)
				break
			}
		}
	}
	return nil
}
