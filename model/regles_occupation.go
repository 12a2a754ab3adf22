package model

import "fmt"

// SousOccupation: more main rooms than occupants + 1 (L.442-5-2 2° and
// L.621-2 CCH). visite counts the children received under visiting and
// accommodation rights, who count as occupants for this test (L.621-2).
func SousOccupation(pieces, personnes, visite int) Verdict {
	n := personnes + visite
	occ := fmt.Sprintf("%d occupant(s)", personnes)
	if visite > 0 {
		occ = fmt.Sprintf("%d occupant(s) dont %d enfant(s) en droit de visite et d'hébergement", n, visite)
	}
	v := Verdict{Regle: RegleSousOccupation, Titre: RegleSousOccupation.Titre(), Source: SourceSousOccupation,
		Valeur: fmt.Sprintf("%d pièce(s) pour %s", pieces, occ),
		Seuil:  fmt.Sprintf("plus de %d pièces (occupants + 1)", n+1)}
	switch {
	case personnes == 0 || pieces == 0:
		v.Resultat, v.Explication = Incomplet, "Le nombre de pièces ou d'occupants n'est pas renseigné."
	case pieces > n+1:
		v.Resultat = Alerte
		v.Explication = fmt.Sprintf("Le logement compte %d pièces pour %s, soit plus de %d : il est sous-occupé au sens de l'article L.621-2. La condition d'un an d'ancienneté ne peut pas être opposée à une demande de mutation.", pieces, occ, n+1)
	default:
		v.Resultat = Conforme
		v.Explication = fmt.Sprintf("%d pièce(s) pour %s : pas plus de %d, le logement n'est pas sous-occupé.", pieces, occ, n+1)
	}
	return v
}

// SurOccupationCritique: surface habitable below the minimum of R.822-25 CCH.
func SurOccupationCritique(surface float64, personnes int, r *Regles) Verdict {
	min := r.SurfaceMin(personnes)
	v := Verdict{Regle: RegleSurOccupationCritique, Titre: RegleSurOccupationCritique.Titre(), Source: SourceSurOccCritique,
		Valeur: fmt.Sprintf("%s\u00a0m² pour %d personne(s)", FormatNumber(surface, 2), personnes),
		Seuil:  fmt.Sprintf("au moins %s\u00a0m² pour %d personne(s)", FormatNumber(min, 2), personnes)}
	switch {
	case personnes == 0 || surface <= 0:
		v.Resultat, v.Explication = Incomplet, "La surface habitable ou le nombre d'occupants n'est pas renseigné."
	case surface < min:
		v.Resultat = Alerte
		v.Explication = fmt.Sprintf("%s\u00a0m² pour %d personne(s), en dessous du minimum de %s\u00a0m² : sur-occupation critique au sens des articles L.822-10 et R.822-25 (situation 1° de l'article L.442-5-2). L'ancienneté d'occupation ne peut pas être opposée au locataire.", FormatNumber(surface, 2), personnes, FormatNumber(min, 2))
	default:
		v.Resultat = Conforme
		v.Explication = fmt.Sprintf("%s\u00a0m² pour %d personne(s), au moins le minimum de %s\u00a0m².", FormatNumber(surface, 2), personnes, FormatNumber(min, 2))
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
// table (§1.2.4): below the smallest typology accepted for the composition,
// the household is a priority for a transfer. It is the office's indicator,
// not a situation of L.442-5-2 (over-occupation there is the surface test
// of R.822-25).
func SurOccupationTypologie(typologie int, c Composition, r *Regles) Verdict {
	min, max, lignes := TypologiesAdaptees(c.Autres, r)
	head, lead := "personne seule", "Une personne seule"
	if c.Couple {
		head, lead = "couple", "Un couple"
	}
	v := Verdict{Regle: RegleSurOccupationTypologie, Titre: RegleSurOccupationTypologie.Titre(), Source: SourceSurOccTypologie,
		Valeur: fmt.Sprintf("%s pour %s + %d personne(s)", TypologieLabel(typologie), head, c.Autres),
		Seuil:  "typologies adaptées : " + TypologieRange(min, max)}
	switch {
	case c.Personnes == 0 || typologie == 0:
		v.Resultat, v.Explication = Incomplet, "La typologie du logement ou la composition du ménage n'est pas renseignée."
	case min == 0:
		v.Resultat, v.Explication = Incomplet, "Aucune ligne du tableau d'occupation ne correspond à cette composition (voir Paramètres)."
	case typologie < min:
		v.Resultat = Alerte
		v.Explication = fmt.Sprintf("%s avec %d autre(s) personne(s) relève de %s (%s) ; un %s est trop petit au regard du tableau d'occupation de la politique : priorité de mutation (indicateur de l'Office, pas une situation de l'article L.442-5-2).",
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
	v := Verdict{Regle: RegleTypologieAdaptee, Titre: RegleTypologieAdaptee.Titre(), Source: SourceSurOccTypologie,
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
// person with a disability (L.442-5-2 3° CCH). A member with a recognised
// loss of autonomy still needs the adapted dwelling (4°): no situation then.
func LogementAdapteSansHandicap(l *Logement, m *Menage, at Date, r *Regles) Verdict {
	v := Verdict{Regle: RegleLogementAdapteSansHandicap, Titre: RegleLogementAdapteSansHandicap.Titre(), Source: SourcePMR,
		Seuil: "logement PMR occupé par un titulaire de la CMI invalidité"}
	switch {
	case !l.PMR:
		v.Resultat, v.Valeur, v.Explication = NonApplicable, "logement non adapté", "Le logement n'est pas adapté (PMR) : situation sans objet."
	case m.HasHandicap():
		v.Resultat, v.Valeur, v.Explication = Conforme, "logement PMR, occupant handicapé", "Le logement adapté est occupé par une personne en situation de handicap."
	case m.HasPerteAutonomie():
		v.Resultat, v.Valeur, v.Explication = Conforme, "logement PMR, occupant en perte d'autonomie", "Le logement adapté est occupé par une personne dont la perte d'autonomie est reconnue."
	default:
		v.Resultat, v.Valeur = Alerte, "logement PMR, aucun occupant handicapé"
		v.Explication = "Le logement est adapté (PMR) mais aucun occupant n'est titulaire d'une carte mobilité inclusion mention invalidité."
		if c := Compose(m, at, r); c.AgeMax >= r.AgeSenior {
			v.Explication += fmt.Sprintf(" Un occupant a %d ans ou plus : la politique admet les séniors en maintien à domicile (§1.2.2), à apprécier par la commission.", r.AgeSenior)
		}
	}
	return v
}

// HandicapSansLogementAdapte: a member with a disability or a recognised
// loss of autonomy needing an adapted dwelling lives in a dwelling that is
// not adapted (L.442-5-2 4° CCH).
func HandicapSansLogementAdapte(l *Logement, m *Menage) Verdict {
	v := Verdict{Regle: RegleHandicapSansLogementAdapte, Titre: RegleHandicapSansLogementAdapte.Titre(), Source: SourcePMR,
		Seuil: "occupant handicapé (CMI invalidité) ou en perte d'autonomie logé dans un logement adapté (PMR)"}
	qui, occ := "", ""
	switch {
	case m.HasHandicap() && m.HasPerteAutonomie():
		qui, occ = "Un occupant est titulaire de la CMI invalidité et un occupant a une perte d'autonomie reconnue", "occupant handicapé"
	case m.HasHandicap():
		qui, occ = "Un occupant est titulaire de la CMI invalidité", "occupant handicapé"
	case m.HasPerteAutonomie():
		qui, occ = "Un occupant a une perte d'autonomie reconnue nécessitant un logement adapté", "occupant en perte d'autonomie"
	}
	switch {
	case qui == "":
		v.Resultat, v.Valeur, v.Explication = NonApplicable, "aucun occupant handicapé", "Aucun occupant n'est en situation de handicap ni en perte d'autonomie : situation sans objet."
	case l.PMR:
		v.Resultat, v.Valeur, v.Explication = Conforme, occ+", logement PMR", qui+" et le logement est adapté (PMR)."
	default:
		v.Resultat, v.Valeur = Alerte, occ+", logement non adapté"
		v.Explication = qui + " et le logement n'est pas adapté (PMR) : situation 4° de l'article L.442-5-2 ; un logement adapté ou des travaux d'adaptation sont à étudier."
	}
	return v
}
