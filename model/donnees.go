package model

import "strings"

// The persons' rights (RGPD art. 15 to 21, policy §III): what an erasure
// keeps, and which households the three-year retention lets go.

// DureeConservation is the default retention of an application's data after
// it was struck off, in years (policy §III: « trois ans »; CNIL, référentiel
// gestion locative sociale).
const DureeConservation = 3

// MenageEfface returns what is kept of household m erased on day le: a
// neutral id, the date, nothing else (no member, resource, lease nor
// address). It is kept only because a closed session names it.
func MenageEfface(neutre string, le Date) Menage {
	return Menage{ID: neutre, Efface: le}
}

// DemandeEffacee returns what is kept of application d of an erased
// household: its NUR (the minutes and the national register name it), the
// household's neutral id, the filing date and the struck-off date (le when
// none); inactive. Wishes, priorities, reasons and refusals go.
func DemandeEffacee(d *Demande, neutre string, le Date) Demande {
	out := Demande{NUR: d.NUR, Menage: neutre, DateDepot: d.DateDepot, DateRadiation: d.DateRadiation}
	if out.DateRadiation.IsZero() {
		out.DateRadiation = le
	}
	return out
}

// EffacerInstantane reduces, in the closed-session snapshot s, the erased
// household old (renamed neutre) to the figures the commission saw:
//   - the household: its members' links only (no name, birth date,
//     disability nor activity), its resources (€ amounts the rules used),
//     the dwelling and date of entry of its lease (no arrears nor trouble
//     flags), no address;
//   - its applications: NUR, filing date, wishes (typologies, communes),
//     DALO and the annex-1 priority lines (they ranked it), not the free
//     texts (reason, refusal reason) nor the domestic-violence flag (the
//     priority line stays);
//   - the verdicts of the rules are kept as computed (figures, thresholds,
//     sources: they hold no name).
//
// It reports whether the snapshot named the household.
func EffacerInstantane(s *Instantane, old, neutre string, le Date) bool {
	if s == nil {
		return false
	}
	found := false
	for i := range s.Menages {
		m := &s.Menages[i]
		if m.ID != old {
			continue
		}
		found = true
		kept := Menage{ID: neutre, Efface: le, Ressources: m.Ressources}
		for _, p := range m.Personnes {
			kept.Personnes = append(kept.Personnes, Personne{Lien: p.Lien})
		}
		if m.Bail != nil {
			kept.Bail = &Bail{Logement: m.Bail.Logement, DateEntree: m.Bail.DateEntree}
		}
		*m = kept
	}
	for i := range s.Demandes {
		d := &s.Demandes[i]
		if d.Menage != old {
			continue
		}
		found = true
		*d = Demande{NUR: d.NUR, Menage: neutre, DateDepot: d.DateDepot, Typologies: d.Typologies, Communes: d.Communes,
			DALO: d.DALO, DALOPrefet: d.DALOPrefet, Priorites: d.Priorites, Active: d.Active,
			RelogementTravaux: d.RelogementTravaux, RenouvellementUrbain: d.RenouvellementUrbain, DateRadiation: d.DateRadiation}
	}
	if found { // the household's key changed: sort again
		menages := s.Menages
		s.Menages = nil
		s.Ajouter(nil, menages, nil, nil)
	}
	return found
}

// CeQuiEstGarde is the French explanation given to the agent before and
// after erasing a household named by closed sessions.
func CeQuiEstGarde(seances []string) string {
	if len(seances) == 0 {
		return "Le ménage et ses demandes seront supprimés entièrement."
	}
	return "Le ménage figure dans " + Pluriel(len(seances), "la séance close", "les séances closes") + " " + strings.Join(seances, ", ") +
		" : le procès-verbal est une archive que l'Office doit conserver (art. R.441-9 CCH, délibérations de la CALEOL). " +
		"Les noms, prénoms, dates de naissance, adresse, handicap, activité, motifs et le bail sont effacés ; " +
		"le ménage prend un identifiant neutre et s'appelle « ménage effacé le JJ/MM/AAAA ». " +
		"Restent, pour la séance seulement : les NUR, la date de dépôt, les décisions et leurs motifs, " +
		"le nombre et le lien des membres, les ressources et les critères de priorité que la commission a vus, et les vérifications des règles."
}

// Pluriel chooses the singular or plural phrase for n.
func Pluriel(n int, un, plusieurs string) string {
	if n > 1 {
		return plusieurs
	}
	return un
}

// Purgeable says whether a household falls under the three-year retention
// on day at: not housed by the office, no active application, and its last
// application struck off more than `ans` years before at (strictly before
// at.AddYears(-ans): on that very day it is kept). A household without any application, or
// with one without a struck-off date, is not purgeable (nothing dates it).
// It returns the last struck-off date found.
func Purgeable(m *Menage, ds []Demande, at Date, ans int) (bool, Date) {
	if m.Loge() || len(ds) == 0 {
		return false, 0
	}
	var last Date
	for _, d := range ds {
		if d.Active || d.DateRadiation.IsZero() {
			return false, 0
		}
		if d.DateRadiation > last {
			last = d.DateRadiation
		}
	}
	return last < at.AddYears(-ans), last
}
