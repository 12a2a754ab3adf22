package model

import (
	"fmt"
	"strings"
)

// AgeExonerationSousOccupation: L.442-3-1 CCH exempts tenants « âgés de plus
// de soixante-cinq ans », strictly over 65: from the day after their 65th
// birthday (on the birthday itself they are exactly 65, not exempt).
const AgeExonerationSousOccupation = 65

// PlusDe tells whether a person born on naissance is « âgé de plus de ans
// ans » on date at: strictly past that birthday (an unknown birth date: no).
func PlusDe(naissance Date, ans int, at Date) bool {
	return !naissance.IsZero() && !at.IsZero() && at > naissance.AddYears(ans)
}

// OffresSousOccupation applies art. L.442-3-1 CCH to an under-occupying
// tenant (sous, the verdict of SousOccupation): the office offers a smaller
// dwelling; a tenant who refuses three offers loses the right to stay
// (droit au maintien dans les lieux) and, six months after the third offer
// was notified, any right of occupation. Exempt: tenants over 65, tenants
// with a disability or a loss of autonomy or having such a person in
// charge, dwellings in a QPV. Alerte: the consequence applies; Conforme: the
// tenant is exempt; NonApplicable: no under-occupation.
func OffresSousOccupation(m *Menage, l *Logement, sous Verdict, at Date) Verdict {
	v := Verdict{Regle: RegleSousOccupationOffres, Titre: RegleSousOccupationOffres.Titre(), Source: SourceOffresSousOcc,
		Seuil: fmt.Sprintf("exonérés : locataire de plus de %d ans, handicap ou perte d'autonomie (du locataire ou d'une personne à charge), logement en QPV", AgeExonerationSousOccupation)}
	if sous.Resultat != Alerte {
		v.Resultat, v.Valeur = NonApplicable, "pas de sous-occupation"
		v.Explication = "Le logement n'est pas sous-occupé : l'article L.442-3-1 ne s'applique pas."
		return v
	}
	why := MotifsExonerationSousOccupation(m, l, at)
	if len(why) > 0 {
		v.Resultat, v.Valeur = Conforme, "exonéré : "+strings.Join(why, ", ")
		v.Explication = "Des offres de relogement peuvent être faites, sans conséquence en cas de refus : le locataire est exonéré (" + strings.Join(why, ", ") + ")."
		return v
	}
	v.Resultat, v.Valeur = Alerte, "applicable"
	v.Explication = "L'Office propose un logement plus petit au loyer inférieur, avec une aide à la mobilité. Après le refus de trois offres, le locataire perd le droit au maintien dans les lieux ; six mois après la notification de la troisième offre, il est déchu de tout titre d'occupation."
	return v
}

// MotifsExonerationSousOccupation lists why L.442-3-1 does not apply to the
// household in its dwelling on date at (empty when it applies).
func MotifsExonerationSousOccupation(m *Menage, l *Logement, at Date) []string {
	var why []string
	for _, p := range m.Personnes {
		if (p.Lien == Titulaire || p.Lien == Conjoint || p.Lien == Cotitulaire) && PlusDe(p.DateNaissance, AgeExonerationSousOccupation, at) {
			why = append(why, fmt.Sprintf("locataire de plus de %d ans", AgeExonerationSousOccupation))
			break
		}
	}
	if m.HasHandicap() {
		why = append(why, "handicap")
	}
	if m.HasPerteAutonomie() {
		why = append(why, "perte d'autonomie")
	}
	if l != nil && l.QPV {
		why = append(why, "logement en quartier prioritaire de la politique de la ville")
	}
	return why
}

// ProchainExamen returns the next date of the three-yearly review of
// L.442-5-2 CCH: the first anniversary of the lease's signature, every three
// years, on or after date at. Zero when the date of the lease is unknown.
func ProchainExamen(bail, at Date) Date {
	if bail.IsZero() {
		return 0
	}
	for k := 3; ; k += 3 {
		if d := bail.AddYears(k); d >= at {
			return d
		}
	}
}
