package app

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"logis/model"
	"logis/storage"
)

// Seance is one CALEOL session as the window edits it. Its write methods
// change the session directly while it is in preparation; once it is
// closed, they are refused (ECONFLICT: « toute correction passe par un
// amendement motivé ») until Amender gives the reason of an amendment:
// each change is then recorded as an amendment with that reason (see
// App.Amender), until TerminerAmendement. Every write is one transaction
// and needs the right to run sessions (EFORBIDDEN otherwise).
type Seance struct {
	a     *App
	id    string
	motif string // the reason of the amendment in progress, "" when none
}

// Seance returns the handle of session id (nothing is read: the methods
// read the session and say ENOTFOUND when it does not exist).
func (a *App) Seance(id string) *Seance { return &Seance{a: a, id: id} }

// ID is the session's identifier.
func (s *Seance) ID() string { return s.id }

// Lire reads the session as stored.
func (s *Seance) Lire() (*model.Commission, error) { return s.a.Commission(s.id) }

// Motif is the reason of the amendment in progress ("" when none).
func (s *Seance) Motif() string { return s.motif }

// Amender starts an amendment of the closed session: the changes that
// follow are recorded as amendments with motif. The reason is required (a
// short sentence: 10 characters at least) and the session must be closed
// (EINVALID otherwise: a session in preparation is changed directly).
func (s *Seance) Amender(motif string) error {
	if err := s.a.Peut(model.ActionCommission); err != nil {
		return err
	}
	motif = strings.TrimSpace(motif)
	if err := verifierMotif(motif); err != nil {
		return err
	}
	c, err := s.Lire()
	if err != nil {
		return err
	}
	if c.Statut != model.Close {
		return model.Errorf(model.EINVALID, "La commission %s n'est pas close : modifiez-la directement, sans amendement.", s.id)
	}
	s.motif = motif
	return nil
}

// TerminerAmendement ends the amendment in progress: the closed session is
// read-only again.
func (s *Seance) TerminerAmendement() { s.motif = "" }

// ecrire applies fn to the session in one write transaction: directly while
// it is in preparation, as an amendment with the reason given to Amender
// once it is closed; a closed session without an amendment in progress is
// refused (ECONFLICT) and nothing is written.
func (s *Seance) ecrire(quoi string, fn func(tx *storage.Tx, c *model.Commission) error) (*model.Commission, error) {
	if err := s.a.Peut(model.ActionCommission); err != nil {
		return nil, err
	}
	if s.motif == "" {
		return s.a.modifier(s.id, quoi, fn)
	}
	c, _, err := s.a.amender(s.id, s.motif, fn)
	return c, err
}

// Entete changes the date, place, commune or kind of the session, in
// preparation only (a closed session keeps its header: ECONFLICT).
func (s *Seance) Entete(date model.Date, lieu, commune string, typ model.TypeCommission) (*model.Commission, error) {
	if err := s.a.Peut(model.ActionCommission); err != nil {
		return nil, err
	}
	return s.a.modifier(s.id, "en-tête de la séance", func(tx *storage.Tx, c *model.Commission) error {
		c.Date, c.Lieu, c.Commune, c.Type = date, strings.TrimSpace(lieu), strings.TrimSpace(commune), typ
		c.Commune = canonCommune(c.Commune)
		if len(c.Logements) > 0 && c.Type == model.CommissionOccupation {
			return model.Errorf(model.EINVALID, "La séance examine des logements à attribuer : elle ne peut pas devenir un simple examen de l'occupation.")
		}
		if len(c.Occupation) > 0 && c.Type == model.CommissionAttribution {
			return model.Errorf(model.EINVALID, "La séance comprend un examen de l'occupation : elle ne peut pas devenir une simple commission d'attribution.")
		}
		return nil
	})
}

// Supprimer deletes the session, in preparation only (ECONFLICT once
// closed).
func (s *Seance) Supprimer() error { return s.a.SupprimerCommission(s.id) }

// Cloturer closes the session (see App.Cloturer).
func (s *Seance) Cloturer() (*model.Commission, error) { return s.a.Cloturer(s.id) }

// Membres replaces the members and who is present (one mayor at most).
func (s *Seance) Membres(membres []model.Membre) (*model.Commission, error) {
	return s.ecrire("membres et présences", func(_ *storage.Tx, c *model.Commission) error {
		return appliquerMembres(c, membres)
	})
}

func appliquerMembres(c *model.Commission, membres []model.Membre) error {
	c.Membres = slices.Clone(membres)
	maires := 0
	for i := range c.Membres {
		c.Membres[i].Nom = strings.TrimSpace(c.Membres[i].Nom)
		c.Membres[i].Qualite = strings.TrimSpace(c.Membres[i].Qualite)
		if c.Membres[i].Maire {
			maires++
		}
	}
	if maires > 1 {
		return model.Errorf(model.EINVALID, "Un seul membre est le maire de la commune (voix prépondérante).")
	}
	return nil
}

// AjouterLogement adds dwelling ref with its candidates: the applications
// nurs in that order (an empty, non-nil slice adds none), or, when nurs is
// nil, the first three the program ranks. exception is one of
// model.ExceptionsTroisCandidats when fewer than three candidates are
// presented ("" otherwise).
func (s *Seance) AjouterLogement(ref string, nurs []string, exception string) (*model.Commission, error) {
	if err := s.a.Peut(model.ActionCommission); err != nil {
		return nil, err
	}
	c, err := s.Lire()
	if err != nil {
		return nil, err
	}
	liste, err := s.a.Candidats(ref, c.Date, false)
	if err != nil {
		return nil, err
	}
	if nurs == nil {
		for i := 0; i < len(liste.Candidats) && i < NombreCandidatsProposes; i++ {
			nurs = append(nurs, liste.Candidats[i].NUR)
		}
	}
	return s.ecrire("logement "+ref+" ajouté", func(tx *storage.Tx, c *model.Commission) error {
		if c.Type == model.CommissionOccupation {
			return model.Errorf(model.EINVALID, "La commission %s est un examen de l'occupation : elle n'attribue pas de logement.", c.ID)
		}
		if c.Dossier(ref) != nil {
			return model.Errorf(model.ECONFLICT, "Le logement %s est déjà examiné par la commission %s.", ref, c.ID)
		}
		l, err := tx.Logement(ref)
		if err != nil {
			return err
		}
		if c.Commune != "" && !model.SameCommune(c.Commune, l.Commune) {
			return model.Errorf(model.EINVALID, "Le logement %s est à %s : la commission %s examine les logements de %s.", ref, l.Commune, c.ID, c.Commune)
		}
		if exception != "" && !model.ExceptionValable(exception) {
			return model.Errorf(model.EINVALID, "« %s » n'est pas une exception prévue à la règle des trois candidats (art. R.441-3 CCH).", exception)
		}
		c.Logements = append(c.Logements, model.DossierLogement{Logement: ref, Commune: l.Commune, QPV: l.QPV, Exception: exception})
		dossier := &c.Logements[len(c.Logements)-1]
		for _, nur := range nurs {
			if err := s.a.ajouterCandidat(tx, c, dossier, l, liste, nur); err != nil {
				return err
			}
		}
		return nil
	})
}

// RetirerLogement removes dwelling ref and its candidates.
func (s *Seance) RetirerLogement(ref string) (*model.Commission, error) {
	return s.ecrire("logement "+ref+" retiré", func(_ *storage.Tx, c *model.Commission) error {
		for i := range c.Logements {
			if c.Logements[i].Logement == ref {
				c.Logements = slices.Delete(c.Logements, i, i+1)
				return nil
			}
		}
		return errDossier(c, ref)
	})
}

// Exception records why fewer than three candidates are presented for
// dwelling ref ("" to remove it).
func (s *Seance) Exception(ref, exception string) (*model.Commission, error) {
	return s.ecrire("exception à la règle des trois candidats, logement "+ref, func(_ *storage.Tx, c *model.Commission) error {
		d := c.Dossier(ref)
		if d == nil {
			return errDossier(c, ref)
		}
		if exception != "" && !model.ExceptionValable(exception) {
			return model.Errorf(model.EINVALID, "« %s » n'est pas une exception prévue à la règle des trois candidats (art. R.441-3 CCH).", exception)
		}
		d.Exception = exception
		return nil
	})
}

// AjouterCandidat adds application nur to dwelling ref, with the rank the
// program proposes (or the reason it would exclude it: the commission may
// still examine it).
func (s *Seance) AjouterCandidat(ref, nur string) (*model.Commission, error) {
	if err := s.a.Peut(model.ActionCommission); err != nil {
		return nil, err
	}
	c, err := s.Lire()
	if err != nil {
		return nil, err
	}
	liste, err := s.a.Candidats(ref, c.Date, false)
	if err != nil {
		return nil, err
	}
	return s.ecrire("candidat ajouté au logement "+ref, func(tx *storage.Tx, c *model.Commission) error {
		d := c.Dossier(ref)
		if d == nil {
			return errDossier(c, ref)
		}
		l, err := tx.Logement(ref)
		if err != nil {
			return err
		}
		return s.a.ajouterCandidat(tx, c, d, l, liste, nur)
	})
}

// RetirerCandidat removes application nur from dwelling ref.
func (s *Seance) RetirerCandidat(ref, nur string) (*model.Commission, error) {
	return s.ecrire("candidat retiré du logement "+ref, func(_ *storage.Tx, c *model.Commission) error {
		d := c.Dossier(ref)
		if d == nil {
			return errDossier(c, ref)
		}
		i := slices.IndexFunc(d.Candidats, func(k model.Candidat) bool { return k.NUR == nur })
		if i < 0 {
			return errCandidat(d, nur)
		}
		d.Candidats = slices.Delete(d.Candidats, i, i+1)
		return nil
	})
}

// Decider records the commission's decision for application nur on
// dwelling ref (see App.Decider for what it must carry).
func (s *Seance) Decider(ref, nur string, d model.Decision) (*model.Commission, error) {
	return s.ecrire("décision pour le logement "+ref, func(_ *storage.Tx, c *model.Commission) error {
		return appliquerDecision(c, ref, nur, &d)
	})
}

// EssayerDecision is the answer Decider would give to decision d for
// application nur on dwelling ref, without writing anything: the decision's
// own check (model.Decision.Validate) and its coherence with the dwelling's
// and the session's other decisions (one beneficiary per dwelling, no
// attribution mixed with a classement, distinct ranks, one dwelling per
// candidate). nil when Decider would record it. The decision dialog runs it
// while the agent chooses, so that « Enregistrer » greys with the reason.
func (s *Seance) EssayerDecision(ref, nur string, d model.Decision) error {
	c, err := s.Lire() // a copy read from the base: changing it writes nothing
	if err != nil {
		return err
	}
	return appliquerDecision(c, ref, nur, &d)
}

// AnnulerDecision removes the decision entered for application nur on
// dwelling ref (an amendment cannot leave a candidate without decision).
func (s *Seance) AnnulerDecision(ref, nur string) (*model.Commission, error) {
	return s.ecrire("décision retirée, logement "+ref, func(_ *storage.Tx, c *model.Commission) error {
		k, err := candidatDe(c, ref, nur)
		if err != nil {
			return err
		}
		k.Decision = nil
		return nil
	})
}

// AjouterOccupation adds households to the occupancy part, with the
// situations the review finds on the session's date; menages nil takes
// every household marked « à présenter » housed in the session's commune.
// It returns the cases added (households already there are skipped).
func (s *Seance) AjouterOccupation(menages []string) ([]model.DossierOccupation, *model.Commission, error) {
	var added []model.DossierOccupation
	c, err := s.ecrire("examen de l'occupation : ménages ajoutés", func(tx *storage.Tx, c *model.Commission) error {
		var err error
		added, err = ajouterOccupation(tx, c, menages)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	return added, c, nil
}

// RetirerOccupation removes household menage from the occupancy part.
func (s *Seance) RetirerOccupation(menage string) (*model.Commission, error) {
	return s.ecrire("examen de l'occupation : ménage retiré", func(_ *storage.Tx, c *model.Commission) error {
		i := slices.IndexFunc(c.Occupation, func(o model.DossierOccupation) bool { return o.Menage == menage })
		if i < 0 {
			return errOccupation(c, menage)
		}
		c.Occupation = slices.Delete(c.Occupation, i, i+1)
		return nil
	})
}

// Constater records the commission's finding on household menage's
// occupancy and the kind of dwelling that would fit it (both required).
func (s *Seance) Constater(menage, constat, logementAdapte string) (*model.Commission, error) {
	return s.ecrire("examen de l'occupation : constat", func(_ *storage.Tx, c *model.Commission) error {
		return appliquerConstat(c, menage, constat, logementAdapte)
	})
}

// MembresRepris are the members a new session starts from (see
// Seance.MembresPrecedents).
type MembresRepris struct {
	Membres []model.Membre
	Seance  string // the session they come from ("" when none)
	Note    string // French: who was not carried over and why ("" when nothing)
}

// MembresPrecedents are the members of the most recent other session of the
// same commune with members, dated on or before this one (else the most
// recent after it), to start from. The mayor of the commune, or the mayor's
// representative, sits for the dwellings of that commune only (casting
// vote, R.441-9 CCH): when no session of the same commune has members, the
// members come from another commune's session without its mayor (the
// member marked « maire »), and Note asks for this commune's mayor. Empty
// when no other session has members.
func (s *Seance) MembresPrecedents() (MembresRepris, error) {
	c, err := s.Lire()
	if err != nil {
		return MembresRepris{}, err
	}
	all, err := s.a.Commissions()
	if err != nil {
		return MembresRepris{}, err
	}
	pick := func(memeCommune bool) *model.Commission {
		for _, before := range []bool{true, false} {
			var best *model.Commission
			for i := range all {
				o := &all[i]
				if o.ID == c.ID || len(o.Membres) == 0 || memeCommune && !model.SameCommune(o.Commune, c.Commune) {
					continue
				}
				if (!before || o.Date <= c.Date) && (best == nil || o.Date > best.Date) {
					best = o
				}
			}
			if best != nil {
				return best
			}
		}
		return nil
	}
	if o := pick(true); o != nil {
		return MembresRepris{Membres: slices.Clone(o.Membres), Seance: o.ID}, nil
	}
	o := pick(false)
	if o == nil {
		return MembresRepris{}, nil
	}
	out := MembresRepris{Seance: o.ID}
	for _, m := range o.Membres {
		if m.Maire {
			qui := m.NomCivil()
			if m.Qualite != "" {
				qui += " (" + m.Qualite + ")"
			}
			out.Note = fmt.Sprintf("Membres repris de la séance %s du %s (%s), sauf %s : le maire ne siège que pour les logements de sa commune. Inscrivez le maire de %s ou son représentant, et cochez « maire » (voix prépondérante).",
				o.ID, o.Date, o.Commune, qui, communeOuSeance(c.Commune))
			continue
		}
		out.Membres = append(out.Membres, m)
	}
	return out, nil
}

// communeOuSeance names the session's commune, or says it is not given.
func communeOuSeance(commune string) string {
	if strings.TrimSpace(commune) == "" {
		return "la commune de la séance"
	}
	return commune
}

// AttribuesEnSeance maps each dwelling a closed session allocated (a
// beneficiary: attribution, condition, or rank 1) to « attribué en séance
// du JJ/MM/AAAA », the most recent such session's date.
func (a *App) AttribuesEnSeance() (map[string]string, error) {
	all, err := a.Commissions()
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	seen := map[string]model.Date{}
	for i := range all {
		o := &all[i]
		if o.Statut != model.Close {
			continue
		}
		for j := range o.Logements {
			d := &o.Logements[j]
			if d.Beneficiaire() == nil {
				continue
			}
			if prev, ok := seen[d.Logement]; ok && prev > o.Date {
				continue
			}
			seen[d.Logement] = o.Date
			out[d.Logement] = "attribué en séance du " + o.Date.String()
		}
	}
	return out, nil
}

// DossierDocumentsSeances is the folder proposed for the sessions' PDF
// documents (minutes, letters, members' files): « Courriers » beside the
// base.
func (a *App) DossierDocumentsSeances() string {
	return filepath.Join(filepath.Dir(a.DB.Path()), "Courriers")
}
