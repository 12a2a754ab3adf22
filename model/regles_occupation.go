package model

import "fmt"

// SousOccupation: more main rooms than occupants + 1 (L.621-2 CCH).
func SousOccupation(pieces, personnes int) Verdict {
	v := Verdict{Regle: "sous_occupation", Titre: "Sous-occupation", Source: SourceSousOccupation,
		Valeur: fmt.Sprintf("%d pièce(s) pour %d occupant(s)", pieces, personnes),
		Seuil:  fmt.Sprintf("plus de %d pièces (occupants + 1)", personnes+1)}
	switch {
	case personnes == 0 || pieces == 0:
		v.Resultat, v.Explication = Incomplet, "Le nombre de pièces ou d'occupants n'est pas renseigné."
	case pieces > personnes+1:
		v.Resultat = Alerte
		v.Explication = fmt.Sprintf("Le logement compte %d pièces pour %d occupant(s), soit plus de %d : il est sous-occupé. La condition d'un an d'ancienneté ne peut pas être opposée à une demande de mutation.", pieces, personnes, personnes+1)
	default:
		v.Resultat = Conforme
		v.Explication = fmt.Sprintf("%d pièce(s) pour %d occupant(s) : pas plus de %d, le logement n'est pas sous-occupé.", pieces, personnes, personnes+1)
	}
	return v
}

// SurOccupationCritique: surface habitable below the minimum of R.822-25 CCH.
func SurOccupationCritique(surface float64, personnes int, r *Regles) Verdict {
	min := r.SurfaceMin(personnes)
	v := Verdict{Regle: "sur_occupation_critique", Titre: "Sur-occupation critique (surface)", Source: SourceSurOccCritique,
		Valeur: fmt.Sprintf("%s m² pour %d personne(s)", FormatNumber(surface, 2), personnes),
		Seuil:  fmt.Sprintf("au moins %s m² pour %d personne(s)", FormatNumber(min, 2), personnes)}
	switch {
	case personnes == 0 || surface <= 0:
		v.Resultat, v.Explication = Incomplet, "La surface habitable ou le nombre d'occupants n'est pas renseigné."
	case surface < min:
		v.Resultat = Alerte
		v.Explication = fmt.Sprintf("%s m² pour %d personne(s), en dessous du minimum de %s m² : sur-occupation critique. L'ancienneté d'occupation ne peut pas être opposée au locataire.", FormatNumber(surface, 2), personnes, FormatNumber(min, 2))
	default:
		v.Resultat = Conforme
		v.Explication = fmt.Sprintf("%s m² pour %d personne(s), au moins le minimum de %s m².", FormatNumber(surface, 2), personnes, FormatNumber(min, 2))
	}
	return v
}

// TypologiesAdaptees returns the range of typologies the occupancy table
// accepts for a household of a couple or single head plus `autres` persons.
// The ranges of the policy overlap on purpose: the union is returned.
func TypologiesAdaptees(autres int, r *Regles) (min, max int, lignes []string) {
	for _, l := range r.Typologies {
		if autres < l.Min || (l.Max >= 0 && autres > l.Max) {
			continue
		}
		lignes = append(lignes, l.Libelle)
		if min == 0 || l.TypoMin < min {
			min = l.TypoMin
		}
		if l.TypoMax == 0 {
			max = 99
		} else if l.TypoMax > max && max != 99 {
			max = l.TypoMax
		}
	}
	return min, max, lignes
}

// TypologieRange writes a range: « T3 à T4 », « T5 et + », « T1 ou T2 ».
func TypologieRange(min, max int) string {
	switch {
	case min == 0:
		return "aucune"
	case max >= 6 && min < 6 && max == 99:
		return fmt.Sprintf("T%d et +", min)
	case max == 99 || min >= 6:
		return TypologieLabel(min)
	case min == max:
		return TypologieLabel(min)
	case max == min+1:
		return fmt.Sprintf("T%d ou T%d", min, max)
	}
	return fmt.Sprintf("T%d à T%d", min, max)
}

// SurOccupationTypologie compares the dwelling's typology with the policy's
// table: below the smallest typology accepted for the composition, the
// dwelling is over-occupied.
func SurOccupationTypologie(typologie int, c Composition, r *Regles) Verdict {
	min, max, lignes := TypologiesAdaptees(c.Autres, r)
	head, lead := "personne seule", "Une personne seule"
	if c.Couple {
		head, lead = "couple", "Un couple"
	}
	v := Verdict{Regle: "sur_occupation", Titre: "Sur-occupation (typologie)", Source: SourceSurOccTypologie,
		Valeur: fmt.Sprintf("%s pour %s + %d personne(s)", TypologieLabel(typologie), head, c.Autres),
		Seuil:  "typologies adaptées : " + TypologieRange(min, max)}
	switch {
	case c.Personnes == 0 || typologie == 0:
		v.Resultat, v.Explication = Incomplet, "La typologie du logement ou la composition du ménage n'est pas renseignée."
	case min == 0:
		v.Resultat, v.Explication = Incomplet, "Aucune ligne du tableau d'occupation ne correspond à cette composition (voir Paramètres)."
	case typologie < min:
		v.Resultat = Alerte
		v.Explication = fmt.Sprintf("%s avec %d autre(s) personne(s) relève de %s (%s) ; un %s est trop petit : sur-occupation.",
			lead, c.Autres, TypologieRange(min, max), lignes[0], TypologieLabel(typologie))
	default:
		v.Resultat = Conforme
		v.Explication = fmt.Sprintf("%s avec %d autre(s) personne(s) relève de %s ; le %s n'est pas sur-occupé.", lead, c.Autres, TypologieRange(min, max), TypologieLabel(typologie))
	}
	return v
}

// TypologieAdaptee tells whether a dwelling's typology is within the table's
// range for the household (used when proposing candidates).
func TypologieAdaptee(typologie int, c Composition, r *Regles) Verdict {
	min, max, _ := TypologiesAdaptees(c.Autres, r)
	v := Verdict{Regle: "typologie_adaptee", Titre: "Typologie adaptée à la composition", Source: SourceSurOccTypologie,
		Valeur: fmt.Sprintf("%s pour %d personne(s)", TypologieLabel(typologie), c.Personnes),
		Seuil:  "typologies adaptées : " + TypologieRange(min, max)}
	switch {
	case c.Personnes == 0 || min == 0:
		v.Resultat, v.Explication = Incomplet, "La composition du ménage ne permet pas de lire le tableau d'occupation."
	case typologie >= min && typologie <= max:
		v.Resultat = Conforme
		v.Explication = fmt.Sprintf("Le %s fait partie des typologies adaptées (%s).", TypologieLabel(typologie), TypologieRange(min, max))
	default:
		v.Resultat = Alerte
		v.Explication = fmt.Sprintf("Le %s ne fait pas partie des typologies adaptées à ce ménage (%s).", TypologieLabel(typologie), TypologieRange(min, max))
	}
	return v
}

// LogementAdapteSansHandicap: a PMR-adapted dwelling no longer occupied by a
// person with a disability (L.442-5-2 CCH).
func LogementAdapteSansHandicap(l *Logement, m *Menage, at Date, r *Regles) Verdict {
	v := Verdict{Regle: "logement_adapte_sans_handicap", Titre: "Logement adapté sans occupant handicapé", Source: SourcePMR,
		Seuil: "logement PMR occupé par un titulaire de la CMI invalidité"}
	switch {
	case !l.PMR:
		v.Resultat, v.Valeur, v.Explication = NonApplicable, "logement non adapté", "Le logement n'est pas adapté (PMR) : situation sans objet."
	case m.HasHandicap():
		v.Resultat, v.Valeur, v.Explication = Conforme, "logement PMR, occupant handicapé", "Le logement adapté est occupé par une personne en situation de handicap."
	default:
		v.Resultat, v.Valeur = Alerte, "logement PMR, aucun occupant handicapé"
		v.Explication = "Le logement est adapté (PMR) mais aucun occupant n'est titulaire d'une carte mobilité inclusion mention invalidité."
		if c := Compose(m, at, r); c.AgeMax >= r.AgeSenior {
			v.Explication += fmt.Sprintf(" Un occupant a %d ans ou plus : la politique admet les séniors en maintien à domicile (§1.2.2), à apprécier par la commission.", r.AgeSenior)
		}
	}
	return v
}

// HandicapSansLogementAdapte: a member with a disability lives in a dwelling
// that is not adapted (L.442-5-2 CCH).
func HandicapSansLogementAdapte(l *Logement, m *Menage) Verdict {
	v := Verdict{Regle: "handicap_sans_logement_adapte", Titre: "Occupant handicapé dans un logement non adapté", Source: SourcePMR,
		Seuil: "occupant titulaire de la CMI invalidité logé dans un logement PMR"}
	switch {
	case !m.HasHandicap():
		v.Resultat, v.Valeur, v.Explication = NonApplicable, "aucun occupant handicapé", "Aucun occupant n'est en situation de handicap : situation sans objet."
	case l.PMR:
		v.Resultat, v.Valeur, v.Explication = Conforme, "occupant handicapé, logement PMR", "L'occupant en situation de handicap vit dans un logement adapté."
	default:
		v.Resultat, v.Valeur = Alerte, "occupant handicapé, logement non adapté"
		v.Explication = "Un occupant est titulaire de la CMI invalidité et le logement n'est pas adapté (PMR) : un logement adapté ou des travaux d'adaptation sont à étudier."
	}
	return v
}
