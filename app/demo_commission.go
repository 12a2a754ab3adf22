package app

import (
	"errors"
	"strings"
	"time"

	"logis/model"
	"logis/storage"
)

// DemoPremierQuartile is the first-quartile threshold (yearly resources per
// UC) the demo data sets for its years. It is a DEMO VALUE, not the figure
// of the ministerial order: the office enters the real one in Paramètres.
const DemoPremierQuartile = 13000

// demoCommissions adds to the demo data, through the session use cases, a
// closed session with the five decisions and an occupancy part, and a
// session in preparation. With too little data it does what it can.
func (a *App) demoCommissions() error {
	today := a.Today()
	passee := weekday(today.AddDays(-19), time.Thursday, -1)
	prochaine := weekday(today.AddDays(12), time.Thursday, 1)
	if err := a.DB.Update("Données de démonstration : seuil du premier quartile (valeur de démonstration)", func(tx *storage.Tx) error {
		r, err := tx.Regles()
		if err != nil {
			return err
		}
		if r.PremierQuart == nil {
			r.PremierQuart = map[int]model.Cents{}
		}
		for _, y := range []int{passee.Year(), prochaine.Year()} {
			r.PremierQuart[y] = model.Euros(DemoPremierQuartile)
		}
		return tx.PutRegles(r)
	}); err != nil {
		return err
	}

	// Vacant dwellings and a few tenants in a situation to examine, in the
	// commune with the most dwellings.
	const commune = "Vitry-sur-Seine"
	var vacants, aPresenter []string
	errEnough := errors.New("enough")
	err := a.DB.View(func(tx *storage.Tx) error {
		r, err := tx.Regles()
		if err != nil {
			return err
		}
		if err := tx.ForEachLogement(func(l *model.Logement) error {
			if len(vacants) >= 60 || !model.SameCommune(l.Commune, commune) || l.Statut == model.Travaux || l.PMR || l.Financement == model.PLI {
				return nil
			}
			occ, err := tx.OccupantsOf(l.Reference)
			if err == nil && len(occ) == 0 {
				vacants = append(vacants, l.Reference)
			}
			return err
		}); err != nil {
			return err
		}
		err = tx.ForEachMenage(func(m *model.Menage) error {
			if !m.Loge() {
				return nil
			}
			l, err := tx.Logement(m.Bail.Logement)
			if err != nil || !model.SameCommune(l.Commune, commune) {
				return err
			}
			if e := model.ExaminerOccupation(m, l, passee, r); e.AnySituation() {
				aPresenter = append(aPresenter, m.ID)
			}
			if len(aPresenter) >= 3 {
				return errEnough
			}
			return nil
		})
		if errors.Is(err, errEnough) {
			return nil
		}
		return err
	})
	if err != nil {
		return err
	}
	if len(aPresenter) > 0 {
		if _, err := a.MarquerAPresenter(aPresenter, true); err != nil {
			return err
		}
	}
	if len(vacants) == 0 {
		return nil // too little data for a session
	}

	// The closed session: three dwellings, the five decisions.
	c, err := a.NouvelleCommission(passee, "Siège de l'Office, salle du conseil", commune, model.CommissionMixte)
	if err != nil {
		return err
	}
	if _, err := a.SetMembres(c.ID, demoMembres(commune, 6)); err != nil {
		return err
	}
	used, refs := map[string]bool{}, map[string]bool{}
	var order []string
	plan := []string{"attribution", "classement", "condition"}
	for _, ref := range vacants {
		if len(plan) == 0 {
			break
		}
		liste, err := a.Candidats(ref, passee, false)
		if err != nil {
			return err
		}
		var nurs []string
		for _, e := range liste.Candidats {
			if !used[e.NUR] && len(nurs) < NombreCandidatsProposes {
				nurs = append(nurs, e.NUR)
			}
		}
		if len(nurs) < 2 {
			continue
		}
		exception := ""
		if len(nurs) < 3 {
			exception = model.ExceptionsTroisCandidats[0]
		}
		if _, err := a.AjouterLogement(c.ID, ref, nurs, exception); err != nil {
			return err
		}
		for _, n := range nurs {
			used[n] = true
		}
		refs[ref] = true
		order = append(order, ref)
		kind := plan[0]
		plan = plan[1:]
		if err := a.demoDecisions(c.ID, ref, passee, kind, nurs); err != nil {
			return err
		}
	}
	if err := a.demoIrrecevabilite(c.ID, order, passee); err != nil {
		return err
	}
	if len(aPresenter) > 0 {
		added, err := a.AjouterOccupation(c.ID, nil)
		if err != nil {
			return err
		}
		for _, o := range added {
			constat, adapte := demoConstat(o.Situations)
			if _, err := a.ConstaterOccupation(c.ID, o.Menage, constat, adapte); err != nil {
				return err
			}
		}
	}
	if _, err := a.Cloturer(c.ID); err != nil {
		return err
	}

	// The session in preparation: one dwelling with the proposed candidates.
	p, err := a.NouvelleCommission(prochaine, "Siège de l'Office, salle du conseil", commune, model.CommissionAttribution)
	if err != nil {
		return err
	}
	if _, err := a.SetMembres(p.ID, demoMembres(commune, 0)); err != nil {
		return err
	}
	for _, ref := range vacants {
		if refs[ref] {
			continue
		}
		liste, err := a.Candidats(ref, prochaine, false)
		if err != nil {
			return err
		}
		if liste.Admis >= NombreCandidatsProposes {
			_, err := a.AjouterLogement(p.ID, ref, nil, "")
			return err
		}
	}
	return nil
}

// demoDecisions enters the decisions of one dwelling of the closed session.
func (a *App) demoDecisions(id, ref string, day model.Date, kind string, nurs []string) error {
	non := model.Decision{Type: model.NonAttribution, Motifs: []string{"autre_candidat"},
		Precisions: "Un autre candidat, classé avant au regard des priorités de la politique d'attribution, a été retenu pour ce logement."}
	for i, nur := range nurs {
		var d model.Decision
		switch {
		case kind == "classement":
			d = model.Decision{Type: model.AttributionClassee, Rang: i + 1}
		case i > 0:
			d = non
		case kind == "attribution":
			d = model.Decision{Type: model.Attribution}
		default:
			limite := day.AddDays(45)
			for !model.JourOuvre(limite) { // the office is open that day
				limite = limite.AddDays(1)
			}
			d = model.Decision{Type: model.ConditionSuspensive, Pieces: []string{model.PiecesJustificatives[0], model.PiecesJustificatives[3]}, DateLimite: limite}
		}
		if _, err := a.Decider(id, ref, nur, d); err != nil {
			return err
		}
	}
	return nil
}

// demoIrrecevabilite adds to one dwelling of the session an applicant above
// the dwelling's ceiling (added by hand: the program excludes it) and
// records the rejection for irrecevabilité.
func (a *App) demoIrrecevabilite(id string, refs []string, day model.Date) error {
	errFound := errors.New("found")
	for _, ref := range refs {
		nur := ""
		err := a.DB.View(func(tx *storage.Tx) error {
			r, err := tx.Regles()
			if err != nil {
				return err
			}
			l, err := tx.Logement(ref)
			if err != nil {
				return err
			}
			err = tx.ForEachDemande(func(d *model.Demande) error {
				if !d.Active || !d.WantsCommune(l.Commune) {
					return nil
				}
				m, err := tx.Menage(d.Menage)
				if err != nil {
					return err
				}
				if !m.Loge() && model.PlafondRessources(m, l.Financement, l.Commune, day, r).Flag() {
					nur = d.NUR
					return errFound
				}
				return nil
			})
			if errors.Is(err, errFound) {
				return nil
			}
			return err
		})
		if err != nil {
			return err
		}
		if nur == "" {
			continue
		}
		if _, err := a.AjouterCandidat(id, ref, nur); err != nil {
			return err
		}
		_, err = a.Decider(id, ref, nur, model.Decision{Type: model.Irrecevabilite, Motifs: []string{"plafond"},
			Precisions: "Le revenu fiscal de référence du ménage dépasse le plafond de ressources du financement du logement pour sa catégorie."})
		return err
	}
	return nil
}

// demoConstat is the commission's finding for the situations found.
func demoConstat(situations []string) (string, string) {
	for _, s := range situations {
		switch s {
		case "sous_occupation":
			return "Sous-occupation constatée. Le ménage sera reçu pour lui présenter des offres de logement plus petit avec un loyer inférieur et l'aide au déménagement.", "Logement plus petit d'une à deux pièces"
		case "sur_occupation_critique", "sur_occupation":
			return "Sur-occupation constatée au regard de la composition du ménage. Une demande de mutation prioritaire est à instruire.", "Logement plus grand adapté à la composition familiale"
		case "logement_adapte_sans_handicap":
			return "Le logement adapté n'est plus occupé par une personne en situation de handicap. Une offre de logement non adapté sera étudiée avec le ménage.", "Logement de même typologie non adapté"
		case "handicap_sans_logement_adapte":
			return "Un occupant en situation de handicap vit dans un logement non adapté. Des travaux d'adaptation ou une mutation sont à étudier.", "Logement adapté (PMR)"
		case "depassement_plafond":
			return "Les ressources du ménage dépassent le plafond du logement. Le ménage sera informé des options de parcours résidentiel.", "Logement intermédiaire (PLS ou PLI)"
		}
	}
	return "Situation examinée : aucune mesure particulière.", "Maintien dans le logement actuel"
}

// demoMembres is a usual composition: six members designated by the board,
// the mayor (casting vote) and the préfet's representative.
func demoMembres(commune string, presents int) []model.Membre {
	noms := []string{"Mme Nadia Benali", "M. Jean Morel", "Mme Claire Lefèvre", "M. Karim Haddad", "Mme Sophie Garnier", "M. Paul Renaud"}
	var out []model.Membre
	for i, n := range noms {
		civ, nom, _ := strings.Cut(n, " ")
		q := "Administrateur désigné par le conseil d'administration"
		if civ == model.Madame {
			q = "Administratrice désignée par le conseil d'administration"
		}
		out = append(out, model.Membre{Civilite: civ, Nom: nom, Qualite: q, Voix: true, Present: i < presents})
	}
	out = append(out,
		model.Membre{Civilite: model.Madame, Nom: "Anne Rousseau", Qualite: "Représentante du maire de " + commune, Voix: true, Present: presents > 0, Maire: true},
		model.Membre{Civilite: model.Monsieur, Nom: "Luc Fontaine", Qualite: "Représentant du préfet du Val-de-Marne", Voix: true, Present: false})
	return out
}

// weekday returns the first date from d, going in direction step (+1 or
// −1), that falls on w and is a working day.
func weekday(d model.Date, w time.Weekday, step int) model.Date {
	for d.Weekday() != w || !model.JourOuvre(d) {
		d = d.AddDays(step)
	}
	return d
}
