package model

import (
	"fmt"
	"math"
)

// Effort is the solvency of a household for a dwelling.
type Effort struct {
	Verdict
	Taux              float64 // (loyer + charges − APL) ÷ monthly resources; NaN when not computable
	ResteAVivreUCJour float64 // euros per UC per day; NaN when not computable
	Solvable          bool
}

// TauxEffort applies the policy's solvency rule: an effort rate of at most
// 35 %, or above it a « reste à vivre » of more than 20 € per UC per day.
func TauxEffort(quittance, apl, mensuelles Cents, uc float64, r *Regles) Effort {
	e := Effort{Taux: math.NaN(), ResteAVivreUCJour: math.NaN()}
	e.Regle, e.Titre, e.Source = "taux_effort", "Taux d'effort et reste à vivre", SourceEffort
	e.Seuil = fmt.Sprintf("taux d'effort au plus %s, ou reste à vivre supérieur à %s par UC et par jour", FormatPercent(r.TauxEffortMax), r.ResteAVivreMinUCJour)
	net := quittance - apl
	if net < 0 {
		net = 0
	}
	if mensuelles <= 0 || uc <= 0 {
		e.Resultat = Incomplet
		e.Valeur = fmt.Sprintf("dépense nette %s, ressources non renseignées", net)
		e.Explication = "Les ressources mensuelles du ménage ne sont pas renseignées : le taux d'effort ne peut pas être calculé."
		return e
	}
	e.Taux = float64(net) / float64(mensuelles)
	e.ResteAVivreUCJour = float64(mensuelles-net) / 100 / uc / float64(r.JoursParMois)
	rav := Cents(math.Round(e.ResteAVivreUCJour * 100))
	e.Valeur = fmt.Sprintf("taux d'effort %s ; reste à vivre %s par UC et par jour", FormatPercent(e.Taux), rav)
	calc := fmt.Sprintf("(loyer et charges %s − APL %s) ÷ ressources %s = %s", quittance, apl, mensuelles, FormatPercent(e.Taux))
	ravCalc := fmt.Sprintf("(%s − %s) ÷ %s UC ÷ %d jours = %s", mensuelles, net, FormatDecimal(uc, 2, false), r.JoursParMois, rav)
	switch {
	case math.Round(e.Taux*1000)/1000 <= r.TauxEffortMax+1e-9: // compared as shown, in percent with one decimal
		e.Resultat, e.Solvable = Conforme, true
		e.Explication = fmt.Sprintf("Taux d'effort %s, dans la limite de %s.", calc, FormatPercent(r.TauxEffortMax))
	case rav > r.ResteAVivreMinUCJour:
		e.Resultat, e.Solvable = Conforme, true
		e.Explication = fmt.Sprintf("Taux d'effort %s, au-delà de %s ; mais le reste à vivre %s dépasse %s par UC et par jour : la candidature peut être examinée.", calc, FormatPercent(r.TauxEffortMax), ravCalc, r.ResteAVivreMinUCJour)
	default:
		e.Resultat = Alerte
		e.Explication = fmt.Sprintf("Taux d'effort %s, au-delà de %s, et reste à vivre %s, pas plus de %s par UC et par jour.", calc, FormatPercent(r.TauxEffortMax), ravCalc, r.ResteAVivreMinUCJour)
	}
	return e
}

// Plafond is the resource ceiling that applies to a household for a dwelling.
type Plafond struct {
	Verdict
	Montant   Cents // 0 when unknown
	Revenu    Cents // the resources compared
	Categorie int
}

// PlafondRessources compares the household's revenu fiscal de référence (or
// N-1 resources when at least 10 % lower) with the ceiling of the financing,
// zone and year, for the household's category.
func PlafondRessources(m *Menage, f Financement, commune string, at Date, r *Regles) Plafond {
	p := Plafond{}
	p.Regle, p.Titre, p.Source = "plafond", "Plafond de ressources", SourcePlafond
	cat, extra, why := Categorie(m, at, r)
	p.Categorie = cat
	zone, okZone := r.ZoneOf(commune)
	if !okZone {
		p.Resultat = Incomplet
		p.Explication = fmt.Sprintf("La commune « %s » n'a pas de zone de plafonds dans les paramètres.", clip(commune))
		return p
	}
	b, ok := r.Bareme(at.Year(), zone, f)
	if !ok {
		p.Resultat = Incomplet
		p.Explication = fmt.Sprintf("Aucun plafond %s n'est renseigné pour %d (%s) : voir Paramètres.", f, at.Year(), zone.Label())
		return p
	}
	if cat == 0 {
		p.Resultat, p.Explication = Incomplet, "Aucun membre n'est enregistré : la catégorie du ménage est inconnue."
		return p
	}
	p.Montant = b.Categories[cat-1] + Cents(extra)*b.ParPersonne
	p.Revenu = m.Ressources.RevenuFiscal
	which := "revenu fiscal de référence N-2"
	if n1 := m.Ressources.RevenuN1; n1 > 0 && float64(n1) <= 0.9*float64(p.Revenu) {
		p.Revenu, which = n1, "ressources N-1 ou des 12 derniers mois (au moins 10 % inférieures à N-2)"
	}
	catLabel := fmt.Sprintf("catégorie %d", cat)
	if extra > 0 {
		catLabel += fmt.Sprintf(" + %d personne(s) supplémentaire(s)", extra)
	}
	p.Valeur = fmt.Sprintf("%s : %s", which, p.Revenu.Amount())
	p.Seuil = fmt.Sprintf("plafond %s %d, %s, %s : %s", f, b.Annee, zone.Label(), catLabel, p.Montant.Amount())
	if p.Revenu > p.Montant {
		p.Resultat = Alerte
		p.Explication = fmt.Sprintf("Ménage de %s (%s) : %s de %s, au-dessus du plafond %s de %s (%s, %d).", catLabel, why, which, p.Revenu.Amount(), f, p.Montant.Amount(), zone.Label(), b.Annee)
	} else {
		p.Resultat = Conforme
		p.Explication = fmt.Sprintf("Ménage de %s (%s) : %s de %s, dans la limite du plafond %s de %s (%s, %d).", catLabel, why, which, p.Revenu.Amount(), f, p.Montant.Amount(), zone.Label(), b.Annee)
	}
	return p
}

// RessourcesParUC returns the yearly resources per consumption unit.
func RessourcesParUC(m *Menage, uc float64) Cents {
	if uc <= 0 {
		return 0
	}
	return Cents(math.Round(float64(m.Ressources.RevenuFiscal) / uc))
}
