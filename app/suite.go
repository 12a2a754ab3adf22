package app

import (
	"fmt"
	"strings"

	"logis/model"
	"logis/storage"
)

// ResultatSuite tells what recording an offer's follow-up did, in French
// (identifiers only, never personal data).
type ResultatSuite struct {
	Suite     model.SuiteOffre
	Penalite  bool   // the §1.2 transfer penalty was set (one year)
	Radiee    bool   // the application was struck off (lease signed)
	Suivant   string // NUR of the candidate who now holds the offer, "" when none
	RangSuiv  int    // their rank in the classement
	Messages  []string
	Logement  string
	Seance    string
	Candidats int
}

// SaisirSuite records what became of the offer of session id to
// application nur (model.SuiteOffre), in one write transaction, with its
// effects: a refusal (or no answer) of an adapted offer without legitimate
// reason by a tenant of the office sets the transfer penalty of §1.2
// (Demande.RefusAdapte, one year); a signed lease strikes the application
// off (Demande.DateRadiation, Active false) and makes the household the
// dwelling's tenant from that date; a refusal by a ranked candidate passes
// the offer to the next rank. ref may be empty when the application holds
// only one offer in the session. The date defaults to today (a lease needs
// its date). Errors: ENOTFOUND (session, dwelling, candidate), EINVALID
// (model.ControleSuite), ECONFLICT (the dwelling is let to another
// household), EFORBIDDEN (a role without model.ActionCommission: a
// consultation account reads the follow-up, never records it).
func (a *App) SaisirSuite(id, ref, nur string, s model.SuiteOffre) (*ResultatSuite, error) {
	if err := a.Peut(model.ActionCommission); err != nil {
		return nil, err
	}
	res := &ResultatSuite{Seance: id}
	s.NUR, s.Motif = strings.TrimSpace(nur), strings.TrimSpace(s.Motif)
	err := a.DB.Update("Commission "+id+" : suite d'une offre", func(tx *storage.Tx) error {
		c, err := tx.Commission(id)
		if err != nil {
			return err
		}
		if s.Logement = strings.TrimSpace(ref); s.Logement == "" {
			if s.Logement, err = offreDe(c, s.NUR); err != nil {
				return err
			}
		}
		if s.Date.IsZero() && s.Reponse != model.OffreBailSigne {
			s.Date = a.Today()
		}
		if err := c.ControleSuite(&s, a.Today()); err != nil {
			return err
		}
		dem, err := tx.Demande(s.NUR)
		if err != nil {
			return err
		}
		m, err := tx.Menage(dem.Menage)
		if err != nil {
			return err
		}
		k := c.Dossier(s.Logement).Candidat(s.NUR)
		mutation := m.Loge() || k.Profil != nil && k.Profil.Mutation
		s.Saisie, s.Utilisateur = a.Now().Round(0), osUser()
		switch {
		case s.Reponse.Refus() && mutation:
			r, err := tx.Regles()
			if err != nil {
				return err
			}
			if enregistrerRefus(dem, &s, r) {
				if err := tx.PutDemande(dem); err != nil {
					return err
				}
			}
			s.Penalite = model.PenaliteRefus(&s, mutation)
			res.Penalite = s.Penalite
		case s.Reponse == model.OffreBailSigne:
			if err := signerBail(tx, m, dem, s.Logement, s.Date); err != nil {
				return err
			}
			res.Radiee = true
		}
		c.Suites = append(c.Suites, s)
		if s.Reponse.Refus() {
			if t := c.TitulaireOffre(s.Logement); t != nil {
				res.Suivant = t.NUR
				if t.Decision != nil {
					res.RangSuiv = t.Decision.Rang
				}
			}
		}
		res.Logement, res.Candidats = s.Logement, len(c.Dossier(s.Logement).Candidats)
		return tx.PutCommission(c)
	})
	if err != nil {
		return nil, err
	}
	res.Suite = s
	res.Messages = messagesSuite(res)
	return res, nil
}

// enregistrerRefus records a transfer applicant's refusal on the
// application (the last refusal of an adapted offer, its reason and whether
// it is legitimate: model.RefusAdapte reads them), unless a legitimate
// refusal would hide a penalty still running. It reports whether dem
// changed.
func enregistrerRefus(dem *model.Demande, s *model.SuiteOffre, r *model.Regles) bool {
	if s.Date < dem.RefusAdapte {
		return false // an earlier refusal recorded late: the last one stays
	}
	enCours := !dem.RefusAdapte.IsZero() && !dem.RefusLegitime && s.Date < dem.RefusAdapte.AddMonths(r.NonPrioriteRefusMois)
	if s.Legitime && enCours {
		return false
	}
	motif := s.Motif
	if s.Reponse == model.OffreSansReponse {
		motif = "sans réponse dans le délai (vaut refus, art. R.441-10 CCH)"
	}
	dem.RefusAdapte, dem.MotifRefus, dem.RefusLegitime = s.Date, motif, s.Legitime
	return true
}

// offreDe finds the one dwelling of session c whose offer the application
// holds or held.
func offreDe(c *model.Commission, nur string) (string, error) {
	var refs []string
	for _, d := range c.Logements {
		if k := d.Candidat(nur); k != nil && k.Decision != nil {
			switch k.Decision.Type {
			case model.Attribution, model.ConditionSuspensive, model.AttributionClassee:
				refs = append(refs, d.Logement)
			}
		}
	}
	switch len(refs) {
	case 0:
		return "", model.Errorf(model.ENOTFOUND, "La demande %s n'a reçu aucune offre (attribution ou classement) de la commission %s.", nur, c.ID)
	case 1:
		return refs[0], nil
	}
	return "", model.Errorf(model.EINVALID, "La demande %s est retenue pour plusieurs logements de la commission %s (%s) : précisez le logement (--logement).", nur, c.ID, strings.Join(refs, ", "))
}

// signerBail strikes the application off and makes the household the
// tenant of ref from date; a transfer leaves its former dwelling.
func signerBail(tx *storage.Tx, m *model.Menage, dem *model.Demande, ref string, date model.Date) error {
	l, err := tx.Logement(ref)
	if err != nil {
		return err
	}
	occ, err := tx.OccupantsOf(ref)
	if err != nil {
		return err
	}
	for _, o := range occ {
		if o.ID != m.ID {
			return model.Errorf(model.ECONFLICT, "Le logement %s est encore occupé par le ménage %s : enregistrez d'abord son départ.", ref, o.ID)
		}
	}
	if m.Loge() && m.Bail.Logement != ref {
		if old, err := tx.Logement(m.Bail.Logement); err == nil {
			if old.Statut == model.Occupe {
				old.Statut = model.Vacant
				if err := tx.PutLogement(old); err != nil {
					return err
				}
			}
		} else if model.ErrorCode(err) != model.ENOTFOUND {
			return err
		}
	}
	m.Bail = &model.Bail{Logement: ref, DateEntree: date}
	if err := tx.PutMenage(m); err != nil {
		return err
	}
	if l.Statut != model.Travaux && l.Statut != model.Occupe {
		l.Statut = model.Occupe
		if err := tx.PutLogement(l); err != nil {
			return err
		}
	}
	dem.Active, dem.DateRadiation = false, date
	return tx.PutDemande(dem)
}

func messagesSuite(r *ResultatSuite) []string {
	s := r.Suite
	out := []string{fmt.Sprintf("Logement %s, demande %s : %s le %s.", s.Logement, s.NUR, s.Reponse.Label(), s.Date)}
	if r.Penalite {
		out = append(out, "Refus d'une proposition adaptée sans motif légitime par un locataire de l'Office : la demande de mutation n'est plus priorisée pendant un an (politique d'attribution §1.2).")
	}
	if r.Radiee {
		out = append(out, fmt.Sprintf("La demande %s est radiée au %s (bail signé) ; le ménage devient locataire du logement %s.", s.NUR, s.Date, s.Logement))
	}
	if s.Reponse.Refus() {
		if r.Suivant != "" {
			out = append(out, fmt.Sprintf("L'offre passe au rang %d : demande %s (art. R.441-3 CCH) ; son courrier d'offre, avec son délai de réponse, est à envoyer.", r.RangSuiv, r.Suivant))
		} else {
			out = append(out, "Aucun autre candidat classé : le logement revient à une prochaine commission.")
		}
	}
	return out
}
