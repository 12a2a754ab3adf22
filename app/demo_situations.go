package app

import (
	"strings"

	"logis/model"
	"logis/storage"
)

// demoSituations gives a few demo applications the specific situations of
// the policy's §1.3 (CIAL, co-tenancy, decohabitation, emergency procedure)
// and records a few lease transfers over the last weeks, so that the
// session screens and the minutes show them. Deterministic: every n-th
// active application.
func (a *App) demoSituations() error {
	today := a.Today()
	return a.DB.Update("Données de démonstration : situations particulières (§1.3)", func(tx *storage.Tx) error {
		var locataires []*model.Menage
		loge := map[string]bool{}
		if err := tx.ForEachMenage(func(m *model.Menage) error {
			if m.Loge() {
				loge[m.ID] = true
				if len(locataires) < 200 && len(m.Personnes) >= 3 {
					c := *m
					locataires = append(locataires, &c)
				}
			}
			return nil
		}); err != nil {
			return err
		}
		motifsCotit := []string{"frère et sœur, raisons de santé", "mère et fille, aidante familiale", "deux frères, situation sociale suivie par la CESF"}
		codes := model.CodesMotifsUrgence()
		var changes []model.Demande
		var relogement string // a non-tenant application, for the refused transfer
		i, k := 0, 0
		if err := tx.ForEachDemande(func(d *model.Demande) error {
			if !d.Active {
				return nil
			}
			i++
			c := *d
			changed := false
			if i%151 == 0 {
				c.SalarieOffice, c.AvisCIAL, c.DateAvisCIAL = true, model.CIALFavorable, today.AddDays(-30-i%60)
				if i%3 == 0 {
					c.AvisCIAL = model.CIALDefavorable
				}
				changed = true
			}
			if i%97 == 0 {
				c.Cotitularite, c.MotifCotitularite = true, motifsCotit[i%len(motifsCotit)]
				changed = true
			}
			if i%173 == 0 && !loge[d.Menage] && len(locataires) > 0 {
				c.MenageOrigine = locataires[k%len(locataires)].ID
				k++
				changed = true
			}
			if i%401 == 0 {
				c.Urgence = &model.Urgence{Date: today.AddDays(-(i / 401 % 40)), Motif: codes[i%len(codes)]}
				changed = true
			}
			if relogement == "" && i%50 == 7 && !loge[d.Menage] {
				relogement = d.NUR
			}
			if changed {
				changes = append(changes, c)
			}
			return nil
		}); err != nil {
			return err
		}
		for j := range changes {
			if err := tx.PutDemande(&changes[j]); err != nil {
				return err
			}
		}
		// A few lease transfers of the last weeks.
		var list []model.TransfertBail
		prenoms := []string{"Inès", "Hugo", "Léna", "Malik", "Chloé"}
		for j, m := range locataires {
			if j >= 5 {
				break
			}
			t := model.TransfertBail{Date: today.AddDays(-6 - 9*j), Menage: m.ID, Logement: m.Bail.Logement,
				De: m.Nom(), Lien: "descendant", Decision: model.TransfertAccepte}
			if tit := m.Titulaire(); tit != nil {
				t.Vers = prenoms[j] + " " + strings.ToUpper(tit.Nom)
			}
			if j%2 == 1 {
				t.Decision, t.Motif = model.TransfertRefuse, []string{"plafonds de ressources dépassés", "typologie inadaptée à la composition"}[j/2%2]
				t.CohabitationDepuis = today.AddYears(-2 + j/3)
				if j == 1 {
					t.NUR = relogement
				}
			}
			if err := t.Validate(); err != nil {
				continue // a household without a head's name: skipped
			}
			id, err := tx.NextID("transfert")
			if err != nil {
				return err
			}
			t.ID = id
			list = append(list, t)
		}
		return tx.PutSetting(reglageTransferts, list)
	})
}
