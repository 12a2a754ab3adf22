package app

import (
	"encoding/json"
	"fmt"
	"os"
	"os/user"
	"slices"
	"strings"

	"logis/model"
	"logis/storage"
)

// The CALEOL session as use cases. Each use case is one write transaction
// with a French journal label. The program proposes (candidates and their
// rank, the rule-of-three and quorum verdicts); every decision is entered by
// the agent as the commission took it. A closed session is frozen: any later
// correction goes through Amender, which keeps the reason and what changed.

// NombreCandidatsProposes is how many of the ranked candidates a dwelling
// gets by default (R.441-3: three candidates per dwelling).
const NombreCandidatsProposes = 3

// Commission returns the session id.
func (a *App) Commission(id string) (*model.Commission, error) {
	var c *model.Commission
	err := a.DB.View(func(tx *storage.Tx) (err error) { c, err = tx.Commission(id); return err })
	return c, err
}

// Commissions returns every session in ID order (year, then number).
func (a *App) Commissions() ([]model.Commission, error) {
	var out []model.Commission
	err := a.DB.View(func(tx *storage.Tx) error {
		return tx.ForEachCommission(func(c *model.Commission) error {
			out = append(out, *c)
			return nil
		})
	})
	return out, err
}

// NouvelleCommission creates a session in preparation, numbered « C2026-001 »
// in the year of its date.
func (a *App) NouvelleCommission(date model.Date, lieu, commune string, typ model.TypeCommission) (*model.Commission, error) {
	if err := a.Peut(model.ActionCommission); err != nil {
		return nil, err
	}
	c := &model.Commission{Date: date, Lieu: strings.TrimSpace(lieu), Commune: strings.TrimSpace(commune), Type: typ, Statut: model.EnPreparation}
	c.Commune = canonCommune(c.Commune)
	c.ID = "C0000-000" // validated before a number is taken
	if err := c.Validate(); err != nil {
		return nil, err
	}
	err := a.DB.Update("Nouvelle commission", func(tx *storage.Tx) error {
		id, err := tx.NextCommissionID(date.Year())
		if err != nil {
			return err
		}
		c.ID = id
		return tx.PutCommission(c)
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// ModifierCommission changes the date, place, commune or kind of a session
// in preparation (see Seance.Entete).
func (a *App) ModifierCommission(id string, date model.Date, lieu, commune string, typ model.TypeCommission) (*model.Commission, error) {
	return a.Seance(id).Entete(date, lieu, commune, typ)
}

// SupprimerCommission deletes a session in preparation.
func (a *App) SupprimerCommission(id string) error {
	if err := a.Peut(model.ActionCommission); err != nil {
		return err
	}
	return a.DB.Update("Commission "+id+" : suppression", func(tx *storage.Tx) error { return tx.DeleteCommission(id) })
}

// SetMembres replaces the members of a session in preparation and who is
// present (see Seance.Membres); it returns the quorum verdict.
func (a *App) SetMembres(id string, membres []model.Membre) (model.Verdict, error) {
	c, err := a.Seance(id).Membres(membres)
	if err != nil {
		return model.Verdict{}, err
	}
	return c.Quorum(), nil
}

// AjouterLogement adds a dwelling to a session in preparation with its
// candidates (see Seance.AjouterLogement) and returns the rule-of-three
// verdict.
func (a *App) AjouterLogement(id, ref string, nurs []string, exception string) (model.Verdict, error) {
	c, err := a.Seance(id).AjouterLogement(ref, nurs, exception)
	if err != nil {
		return model.Verdict{}, err
	}
	return model.TroisCandidats(c.Dossier(ref)), nil
}

// RetirerLogement removes a dwelling (and its candidates) from a session in
// preparation.
func (a *App) RetirerLogement(id, ref string) error {
	_, err := a.Seance(id).RetirerLogement(ref)
	return err
}

// SetException records why fewer than three candidates are presented
// ("" to remove it) and returns the rule-of-three verdict.
func (a *App) SetException(id, ref, exception string) (model.Verdict, error) {
	c, err := a.Seance(id).Exception(ref, exception)
	if err != nil {
		return model.Verdict{}, err
	}
	return model.TroisCandidats(c.Dossier(ref)), nil
}

// AjouterCandidat adds application nur to a dwelling of a session in
// preparation (see Seance.AjouterCandidat). It returns the rule-of-three
// verdict.
func (a *App) AjouterCandidat(id, ref, nur string) (model.Verdict, error) {
	c, err := a.Seance(id).AjouterCandidat(ref, nur)
	if err != nil {
		return model.Verdict{}, err
	}
	return model.TroisCandidats(c.Dossier(ref)), nil
}

// RetirerCandidat removes application nur from a dwelling of the session
// and returns the rule-of-three verdict.
func (a *App) RetirerCandidat(id, ref, nur string) (model.Verdict, error) {
	c, err := a.Seance(id).RetirerCandidat(ref, nur)
	if err != nil {
		return model.Verdict{}, err
	}
	return model.TroisCandidats(c.Dossier(ref)), nil
}

// ajouterCandidat appends application nur to dossier d with its proposed
// rank (from liste) or the program's reason to exclude it, and the profile
// the yearly objectives need.
func (a *App) ajouterCandidat(tx *storage.Tx, c *model.Commission, d *model.DossierLogement, l *model.Logement, liste *ListeCandidats, nur string) error {
	if d.Candidat(nur) != nil {
		return model.Errorf(model.ECONFLICT, "La demande %s est déjà candidate pour le logement %s.", nur, d.Logement)
	}
	dem, err := tx.Demande(nur)
	if err != nil {
		return err
	}
	m, err := tx.Menage(dem.Menage)
	if err != nil {
		return err
	}
	if m.Restreint || !m.Efface.IsZero() {
		return model.Errorf(model.EINVALID, "Le traitement des données du ménage de la demande %s est limité ou ses données ont été effacées : il ne peut pas être présenté en commission.", nur)
	}
	if m.Loge() && m.Bail.Logement == d.Logement {
		return model.Errorf(model.EINVALID, "Le ménage de la demande %s occupe déjà le logement %s.", nur, d.Logement)
	}
	r, err := tx.Regles()
	if err != nil {
		return err
	}
	k := model.Candidat{NUR: nur, Menage: m.ID}
	var e model.Eligibilite
	found := false
	for _, x := range liste.Candidats {
		if x.NUR == nur {
			e, found = x, true
			break
		}
	}
	if !found {
		var actuel *model.Logement
		if m.Loge() {
			if actuel, err = tx.Logement(m.Bail.Logement); err != nil && model.ErrorCode(err) != model.ENOTFOUND {
				return err
			}
		}
		e = model.EvaluerCandidat(l, m, dem, actuel, c.Date, r)
		if !e.Exclu {
			e.Raison = "ajouté par l'agent hors du classement proposé (" + e.NiveauLibelle + ")"
		} else {
			e.Raison = "le programme l'aurait écarté : " + strings.Join(e.Motifs, " ")
		}
	}
	k.RangPropo, k.Raison = e.Rang, e.Raison
	uc, _ := model.UnitesConsommation(m, c.Date, r)
	q1, q1ok := model.RessourcesParUCQuartile(m, uc)
	k.Profil = &model.ProfilCandidat{DALO: dem.DALO, DALOPrefet: dem.DALOPrefet, Prioritaire: dem.CategoriesL4411() > 0 || dem.ViolencesFamiliales,
		Mutation: m.Loge(), RenouvellementUrbain: dem.RenouvellementUrbain, RessourcesUC: model.RessourcesParUC(m, uc), UC: uc, Niveau: e.Niveau,
		QuartileUC: q1, QuartileConnu: q1ok}
	d.Candidats = append(d.Candidats, k)
	return nil
}

// Decider records the commission's decision for application nur on
// dwelling ref. The decision must carry what the law requires
// (model.Decision.Validate: rank, missing documents and deadline, reasons
// in fact and in law) and fit the other decisions of the dwelling (one
// attribution at most, distinct ranks).
func (a *App) Decider(id, ref, nur string, d model.Decision) (*model.Commission, error) {
	return a.Seance(id).Decider(ref, nur, d)
}

// AnnulerDecision removes the decision entered for application nur (a
// session in preparation only).
func (a *App) AnnulerDecision(id, ref, nur string) (*model.Commission, error) {
	return a.Seance(id).AnnulerDecision(ref, nur)
}

// candidatDe finds application nur on dwelling ref of session c.
// Errors: those of errDossier and errCandidat, naming what is missing.
func candidatDe(c *model.Commission, ref, nur string) (*model.Candidat, error) {
	dos := c.Dossier(ref)
	if dos == nil {
		return nil, errDossier(c, ref)
	}
	k := dos.Candidat(nur)
	if k == nil {
		return nil, errCandidat(dos, nur)
	}
	return k, nil
}

func appliquerDecision(c *model.Commission, ref, nur string, d *model.Decision) error {
	k, err := candidatDe(c, ref, nur)
	if err != nil {
		return err
	}
	dec := *d
	dec.Precisions = strings.TrimSpace(dec.Precisions)
	dec.Pieces = slices.Clone(dec.Pieces)
	dec.Motifs = slices.Clone(dec.Motifs)
	if dec.Type != model.AttributionClassee {
		dec.Rang = 0
	}
	if dec.Type != model.ConditionSuspensive {
		dec.Pieces, dec.DateLimite = nil, 0
	}
	if dec.Type != model.NonAttribution && dec.Type != model.Irrecevabilite {
		dec.Motifs = nil
	}
	if err := dec.Validate(c.Date); err != nil {
		return err
	}
	k.Decision = &dec
	if err := c.Dossier(ref).ControleDecisions(false); err != nil {
		return err
	}
	if dec.Type == model.Attribution || dec.Type == model.ConditionSuspensive || dec.Type == model.AttributionClassee && dec.Rang == 1 {
		for i := range c.Logements {
			o := &c.Logements[i]
			if o.Logement == ref {
				continue
			}
			if b := o.Beneficiaire(); b != nil && b.NUR == nur {
				return model.Errorf(model.ECONFLICT, "La demande %s reçoit déjà le logement %s dans cette séance : un seul logement peut lui être attribué (classez-la au rang 2 ou plus).", nur, o.Logement)
			}
		}
	}
	return nil
}

// AjouterOccupation adds households to the occupancy part of the session,
// with the situations the review finds on the session's date. menages nil
// takes every household marked « à présenter » in the occupancy review.
// It returns the cases added (households already in the session are
// skipped).
func (a *App) AjouterOccupation(id string, menages []string) ([]model.DossierOccupation, error) {
	added, _, err := a.Seance(id).AjouterOccupation(menages)
	return added, err
}

// ajouterOccupation adds households to c's occupancy part (see
// AjouterOccupation) and returns the cases added.
func ajouterOccupation(tx *storage.Tx, c *model.Commission, menages []string) ([]model.DossierOccupation, error) {
	var added []model.DossierOccupation
	if c.Type == model.CommissionAttribution {
		return nil, model.Errorf(model.EINVALID, "La commission %s est une commission d'attribution : choisissez le type « attribution et examen de l'occupation » pour y examiner l'occupation.", c.ID)
	}
	r, err := tx.Regles()
	if err != nil {
		return nil, err
	}
	var list []model.Menage
	if menages == nil {
		if err := tx.ForEachMenage(func(m *model.Menage) error {
			if m.APresenter && m.Loge() {
				list = append(list, *m)
			}
			return nil
		}); err != nil {
			return nil, err
		}
	} else {
		for _, mid := range menages {
			m, err := tx.Menage(mid)
			if err != nil {
				return nil, err
			}
			if !m.Loge() {
				return nil, model.Errorf(model.EINVALID, "Le ménage %s n'est pas locataire de l'Office : son occupation ne peut pas être examinée.", mid)
			}
			list = append(list, *m)
		}
	}
	for i := range list {
		m := &list[i]
		if c.DossierOccupationDe(m.ID) != nil {
			continue
		}
		l, err := tx.Logement(m.Bail.Logement)
		if err != nil {
			return nil, err
		}
		if c.Commune != "" && !model.SameCommune(c.Commune, l.Commune) {
			if menages == nil {
				continue // the households of other communes go to their own commission
			}
			return nil, model.Errorf(model.EINVALID, "Le ménage %s est logé à %s : la commission %s examine %s.", m.ID, l.Commune, c.ID, c.Commune)
		}
		e := model.ExaminerOccupation(m, l, c.Date, r)
		o := model.DossierOccupation{Menage: m.ID, Logement: l.Reference}
		for _, v := range e.Situations() {
			if v.Flag() {
				o.Situations = append(o.Situations, string(v.Regle))
			}
		}
		c.Occupation = append(c.Occupation, o)
		added = append(added, o)
	}
	return added, nil
}

// RetirerOccupation removes a household from the occupancy part.
func (a *App) RetirerOccupation(id, menage string) error {
	_, err := a.Seance(id).RetirerOccupation(menage)
	return err
}

// ConstaterOccupation records the commission's finding on a household's
// occupancy and the kind of dwelling that would fit it.
func (a *App) ConstaterOccupation(id, menage, constat, logementAdapte string) (*model.Commission, error) {
	return a.Seance(id).Constater(menage, constat, logementAdapte)
}

func appliquerConstat(c *model.Commission, menage, constat, adapte string) error {
	o := c.DossierOccupationDe(menage)
	if o == nil {
		return errOccupation(c, menage)
	}
	constat, adapte = strings.TrimSpace(constat), strings.TrimSpace(adapte)
	if constat == "" || adapte == "" {
		return model.Errorf(model.EINVALID, "Le constat de la commission et le type de logement adapté sont obligatoires.")
	}
	o.Constat, o.LogementAdapte = constat, adapte
	return nil
}

// VerifierCloture lists, in French, what still prevents closing session id
// (empty when it can be closed), for the window to show before « Clore ».
func (a *App) VerifierCloture(id string) ([]string, error) {
	c, err := a.Commission(id)
	if err != nil {
		return nil, err
	}
	var out []string
	if today := a.Today(); c.Date > today {
		out = append(out, fmt.Sprintf("La séance du %s n'a pas encore eu lieu.", c.Date))
	}
	return append(out, c.ProblemesCloture()...), nil
}

// Cloturer closes the session, on or after its date, once every candidate
// has a valid decision,
// the decisions of each dwelling hold together, the quorum is reached and
// every occupancy case has its finding. A closed session is frozen.
func (a *App) Cloturer(id string) (*model.Commission, error) {
	if err := a.Peut(model.ActionCommission); err != nil {
		return nil, err
	}
	return a.modifier(id, "clôture", func(tx *storage.Tx, c *model.Commission) error {
		if today := a.Today(); c.Date > today {
			return model.Errorf(model.EINVALID, "La séance du %s n'a pas encore eu lieu : elle ne peut être close qu'à partir de sa date.", c.Date)
		}
		if p := c.ProblemesCloture(); len(p) > 0 {
			return model.Errorf(model.EINVALID, "La commission %s ne peut pas être close : %s", c.ID, strings.Join(p, " "))
		}
		c.Statut = model.Close
		c.Cloture = a.Now().Round(0)
		// What the commission saw, from which its documents are drawn.
		snap, _, err := instantane(tx, c, nil)
		if err != nil {
			return err
		}
		snap.Pris = c.Cloture
		// What it was told about (§1.3): transfers and emergencies since the
		// previous session, the refused transfers its candidates follow.
		if err := instantaneSituations(tx, c, snap); err != nil {
			return err
		}
		c.Instantane = snap
		return nil
	})
}

// Amender corrects a closed session: change is applied to a copy, the
// session must still be complete and consistent afterwards, and an
// Amendement with the reason and what changed is kept in the session (and
// the journal). The session's snapshot is kept; what the amendment adds
// (a dwelling, a candidate) is added to it as recorded that day, and the
// amendment's Objet says so. ChangerDecision, ChangerConstat and ChangerMembres build
// the usual changes.
func (a *App) Amender(id, motif string, change func(c *model.Commission) error) (*model.Amendement, error) {
	_, am, err := a.amender(id, motif, func(_ *storage.Tx, c *model.Commission) error { return change(c) })
	return am, err
}

// verifierMotif: an amendment's reason is at least a short sentence.
func verifierMotif(motif string) error {
	if len([]rune(strings.TrimSpace(motif))) < 10 {
		return model.Errorf(model.EINVALID, "Le motif de l'amendement est obligatoire (au moins une courte phrase).")
	}
	return nil
}

// amender is Amender with a change that may read the records (a dwelling
// or a candidate added); it returns the session as amended.
func (a *App) amender(id, motif string, change func(tx *storage.Tx, c *model.Commission) error) (*model.Commission, *model.Amendement, error) {
	if err := a.Peut(model.ActionCommission); err != nil {
		return nil, nil, err
	}
	motif = strings.TrimSpace(motif)
	if err := verifierMotif(motif); err != nil {
		return nil, nil, err
	}
	var am *model.Amendement
	var out *model.Commission
	err := a.DB.Update("Commission "+id+" : amendement", func(tx *storage.Tx) error {
		old, err := tx.Commission(id)
		if err != nil {
			return err
		}
		if old.Statut != model.Close {
			return model.Errorf(model.EINVALID, "La commission %s n'est pas close : modifiez-la directement, sans amendement.", id)
		}
		c, err := tx.Commission(id) // a second, independent copy
		if err != nil {
			return err
		}
		if err := change(tx, c); err != nil {
			return err
		}
		c.ID, c.Statut, c.Cloture, c.Amendements = old.ID, model.Close, old.Cloture, old.Amendements
		if p := c.ProblemesCloture(); len(p) > 0 {
			return model.Errorf(model.EINVALID, "L'amendement laisserait la commission %s incomplète : %s", id, strings.Join(p, " "))
		}
		c.Instantane = old.Instantane
		objet := differences(old, c)
		if objet == "" {
			return model.Errorf(model.EINVALID, "L'amendement ne change rien à la commission %s.", id)
		}
		// The snapshot keeps what the commission saw; a dwelling or a
		// candidate the amendment adds is recorded as it stands today, and
		// the amendment says so.
		snap, ajouts, err := instantane(tx, c, c.Instantane)
		if err != nil {
			return err
		}
		if c.Instantane == nil {
			if err := instantaneSituations(tx, c, snap); err != nil {
				return err
			}
			snap.Pris, snap.Reprise = a.Now().Round(0), true
			ajouts = []string{"instantané des dossiers repris, la séance ayant été close par une version antérieure"}
			objet += " ; " + ajouts[0]
		} else if r := resumeAjouts(ajouts); r != "" {
			objet += " ; " + r
		}
		if c.Instantane != nil { // §1.3.1: the transfers a candidate added follows
			if err := completerTransferts(tx, c, snap); err != nil {
				return err
			}
		}
		c.Instantane = snap
		am = &model.Amendement{Quand: a.Now().Round(0), Utilisateur: osUser(), Motif: motif, Objet: objet}
		c.Amendements = append(slices.Clone(old.Amendements), *am)
		out = c
		return tx.PutCommission(c)
	})
	if err != nil {
		return nil, nil, err
	}
	return out, am, nil
}

// ChangerDecision is an amendment: the decision for application nur on
// dwelling ref becomes d.
func ChangerDecision(ref, nur string, d model.Decision) func(*model.Commission) error {
	return func(c *model.Commission) error { return appliquerDecision(c, ref, nur, &d) }
}

// ChangerConstat is an amendment: the finding on a household's occupancy.
func ChangerConstat(menage, constat, logementAdapte string) func(*model.Commission) error {
	return func(c *model.Commission) error { return appliquerConstat(c, menage, constat, logementAdapte) }
}

// ChangerMembres is an amendment: the members and who was present.
func ChangerMembres(membres []model.Membre) func(*model.Commission) error {
	return func(c *model.Commission) error { return appliquerMembres(c, membres) }
}

// modifier runs fn on session id in one write transaction and stores it;
// a closed session is refused (corrections go through Amender).
func (a *App) modifier(id, what string, fn func(tx *storage.Tx, c *model.Commission) error) (*model.Commission, error) {
	var out *model.Commission
	err := a.DB.Update("Commission "+id+" : "+what, func(tx *storage.Tx) error {
		c, err := tx.Commission(id)
		if err != nil {
			return err
		}
		if c.Statut == model.Close {
			return model.Errorf(model.ECONFLICT, "La commission %s est close : toute correction passe par un amendement motivé.", id)
		}
		if err := fn(tx, c); err != nil {
			return err
		}
		if err := tx.PutCommission(c); err != nil {
			return err
		}
		out = c
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func errDossier(c *model.Commission, ref string) error {
	return model.Errorf(model.ENOTFOUND, "Le logement %s n'est pas examiné par la commission %s.", ref, c.ID)
}

func errCandidat(d *model.DossierLogement, nur string) error {
	return model.Errorf(model.ENOTFOUND, "La demande %s n'est pas candidate pour le logement %s.", nur, d.Logement)
}

func errOccupation(c *model.Commission, menage string) error {
	return model.Errorf(model.ENOTFOUND, "Le ménage %s ne fait pas partie de l'examen de l'occupation de la commission %s.", menage, c.ID)
}

// differences describes in French what changed between two versions of a
// session (identifiers only, never personal data).
func differences(old, cur *model.Commission) string {
	var out []string
	if old.Date != cur.Date || old.Lieu != cur.Lieu || old.Commune != cur.Commune || old.Type != cur.Type {
		out = append(out, "en-tête de la séance (date, lieu, commune ou type)")
	}
	if !jsonEqual(old.Membres, cur.Membres) {
		out = append(out, "membres et présences")
	}
	for _, d := range cur.Logements {
		od := old.Dossier(d.Logement)
		if od == nil {
			out = append(out, "logement "+d.Logement+" ajouté")
			continue
		}
		if od.Exception != d.Exception {
			out = append(out, "logement "+d.Logement+" : exception à la règle des trois candidats")
		}
		for _, k := range d.Candidats {
			ok := od.Candidat(k.NUR)
			switch {
			case ok == nil:
				out = append(out, fmt.Sprintf("logement %s : candidat %s ajouté", d.Logement, k.NUR))
			case !jsonEqual(ok.Decision, k.Decision):
				out = append(out, fmt.Sprintf("logement %s, demande %s : décision « %s » remplacée par « %s »", d.Logement, k.NUR, labelDecision(ok.Decision), labelDecision(k.Decision)))
			}
		}
		for _, k := range od.Candidats {
			if d.Candidat(k.NUR) == nil {
				out = append(out, fmt.Sprintf("logement %s : candidat %s retiré", d.Logement, k.NUR))
			}
		}
	}
	for _, d := range old.Logements {
		if cur.Dossier(d.Logement) == nil {
			out = append(out, "logement "+d.Logement+" retiré")
		}
	}
	for _, o := range cur.Occupation {
		oo := old.DossierOccupationDe(o.Menage)
		if oo == nil || !jsonEqual(oo, &o) {
			out = append(out, "examen de l'occupation du ménage "+o.Menage)
		}
	}
	for _, o := range old.Occupation {
		if cur.DossierOccupationDe(o.Menage) == nil {
			out = append(out, "ménage "+o.Menage+" retiré de l'examen de l'occupation")
		}
	}
	if len(out) == 0 && !jsonEqual(old, cur) {
		out = append(out, "autres éléments de la séance")
	}
	return strings.Join(out, " ; ")
}

func labelDecision(d *model.Decision) string {
	if d == nil {
		return "aucune"
	}
	if d.Type == model.AttributionClassee {
		return fmt.Sprintf("%s, rang %d", d.Type.Label(), d.Rang)
	}
	return d.Type.Label()
}

func jsonEqual(a, b any) bool {
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && string(x) == string(y)
}

// osUser is the operating-system user recorded with an amendment.
func osUser() string {
	if u, err := user.Current(); err == nil && strings.TrimSpace(u.Username) != "" {
		return u.Username
	}
	for _, k := range []string{"USERNAME", "USER", "LOGNAME"} {
		if v := strings.TrimSpace(os.Getenv(k)); v != "" {
			return v
		}
	}
	return "inconnu"
}
