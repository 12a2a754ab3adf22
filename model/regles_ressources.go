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
	e.Regle, e.Titre, e.Source = RegleEffort, RegleEffort.Titre(), SourceEffort
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
	ravCalc := fmt.Sprintf("(%s − %s) ÷ %s\u00a0UC ÷ %d jours = %s", mensuelles, net, FormatDecimal(uc, 2, false), r.JoursParMois, rav)
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
	p.Regle, p.Titre, p.Source = ReglePlafond, ReglePlafond.Titre(), SourcePlafond
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
		p.Valeur = DonneesManquantesPlafonds(at.Year())
		p.Explication = fmt.Sprintf("Données manquantes : plafonds %d non saisis (%s, %s). Les plafonds sont révisés chaque 1er janvier : saisissez ou importez ceux de %d dans Paramètres (logis import plafonds) ; Logis n'applique jamais ceux d'une autre année.", at.Year(), f, zone.Label(), at.Year())
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
		p.Revenu, which = n1, "ressources N-1 ou des 12 derniers mois (au moins 10\u00a0% inférieures à N-2)"
	}
	catLabel := fmt.Sprintf("catégorie %d", cat)
	if extra > 0 {
		catLabel += fmt.Sprintf(" + %d personne(s) supplémentaire(s)", extra)
	}
	p.Valeur = fmt.Sprintf("%s : %s", which, p.Revenu.Amount())
	p.Seuil = fmt.Sprintf("plafond %s %d, %s, %s : %s", f, b.Annee, zone.Label(), catLabel, p.Montant.Amount())
	derive := ""
	if b.Derive {
		p.Seuil += " (dérivé, non officiel)"
		derive = fmt.Sprintf(" Attention : les plafonds %s %d utilisés sont dérivés, non officiels ; importez l'annexe de l'arrêté dans Paramètres.", f, b.Annee)
	}
	if p.Revenu > p.Montant {
		p.Resultat = Alerte
		p.Explication = fmt.Sprintf("Ménage de %s (%s) : %s de %s, au-dessus du plafond %s de %s (%s, %d).%s", catLabel, why, which, p.Revenu.Amount(), f, p.Montant.Amount(), zone.Label(), b.Annee, derive)
	} else {
		p.Resultat = Conforme
		p.Explication = fmt.Sprintf("Ménage de %s (%s) : %s de %s, dans la limite du plafond %s de %s (%s, %d).%s", catLabel, why, which, p.Revenu.Amount(), f, p.Montant.Amount(), zone.Label(), b.Annee, derive)
	}
	return p
}

// RessourcesParUC returns the revenu fiscal de référence per consumption
// unit (€ cents per UC per year): shown beside the first-quartile figure,
// never compared with its threshold.
func RessourcesParUC(m *Menage, uc float64) Cents {
	if uc <= 0 {
		return 0
	}
	return Cents(math.Round(float64(m.Ressources.RevenuFiscal) / uc))
}

// RessourcesParUCQuartile returns the resources per consumption unit on the
// basis of the first-quartile threshold (art. L.441-1 CCH): the monthly
// resources declared with the application × 12 ÷ UC, in cents per UC per
// year. ok is false when the UC or the monthly resources are unknown (0).
func RessourcesParUCQuartile(m *Menage, uc float64) (Cents, bool) {
	if uc <= 0 || m.Ressources.Mensuelles <= 0 {
		return 0, false
	}
	return Cents(math.Round(float64(m.Ressources.Mensuelles) * 12 / uc)), true
}

// Quartile is the first-quartile verdict of a household with its figures.
type Quartile struct {
	Verdict
	ParUC       Cents // monthly resources × 12 ÷ UC, cents per UC per year
	FiscalParUC Cents // revenu fiscal ÷ UC, for information
	Seuil       Cents // the year's threshold; 0 when not entered
	Connu       bool  // ParUC and Seuil are known
	Sous        bool  // ParUC < Seuil: first-quartile applicant
}

// PremierQuartileMenage tells whether a household is under the first-quartile
// threshold of the year of at: monthly resources × 12 ÷ UC (the threshold's
// own basis) compared with it; the revenu fiscal per UC is shown beside it.
// Conforme: the figure is computed (Valeur says on which side); Incomplet:
// the year's threshold or the resources are missing.
func PremierQuartileMenage(m *Menage, at Date, r *Regles) Quartile {
	q := Quartile{}
	v := &q.Verdict
	v.Regle, v.Titre, v.Source = RegleQuartile, RegleQuartile.Titre(), SourceQuartile
	uc, _ := UnitesConsommation(m, at, r)
	seuil, annee, ok := r.PremierQuartile(at.Year())
	if !ok {
		v.Resultat, v.Valeur = Incomplet, DonneesManquantesQuartile(annee)
		v.Explication = fmt.Sprintf("Données manquantes : le seuil du premier quartile %d (fixé chaque année par arrêté) n'est pas saisi ; saisissez-le ou importez-le dans Paramètres (logis import quartiles). Logis n'applique jamais celui d'une autre année.", annee)
		return q
	}
	q.Seuil = seuil
	v.Seuil = fmt.Sprintf("seuil %d : %s par UC et par an (ressources mensuelles déclarées × 12 ÷ UC)", annee, seuil.Amount())
	par, ok := RessourcesParUCQuartile(m, uc)
	if !ok {
		v.Resultat, v.Explication = Incomplet, "Les ressources mensuelles déclarées ou la composition du ménage manquent : le premier quartile ne peut pas être apprécié."
		return q
	}
	q.ParUC, q.FiscalParUC, q.Connu, q.Sous = par, RessourcesParUC(m, uc), true, par < seuil
	calc := fmt.Sprintf("Ressources mensuelles déclarées %s × 12 ÷ %s\u00a0UC = %s par UC et par an", m.Ressources.Mensuelles.Amount(), FormatDecimal(uc, 2, false), par.Amount())
	fiscal := ""
	if m.Ressources.RevenuFiscal > 0 {
		fiscal = fmt.Sprintf(" Pour information, revenu fiscal de référence %s ÷ %s\u00a0UC = %s par UC (base des plafonds, pas celle du seuil).", m.Ressources.RevenuFiscal.Amount(), FormatDecimal(uc, 2, false), RessourcesParUC(m, uc).Amount())
	}
	v.Resultat = Conforme
	if par < seuil {
		v.Valeur = par.Amount() + " par UC : premier quartile"
		v.Explication = fmt.Sprintf("%s, sous le seuil %d de %s : le demandeur est du premier quartile.%s", calc, annee, seuil.Amount(), fiscal)
	} else {
		v.Valeur = par.Amount() + " par UC : au-dessus du premier quartile"
		v.Explication = fmt.Sprintf("%s, au moins le seuil %d de %s : le demandeur n'est pas du premier quartile.%s", calc, annee, seuil.Amount(), fiscal)
	}
	return q
}

// CategorieMenage is the verdict of the household's category (arrêté of
// 29/07/1987): Conforme with the category, Incomplet without members.
func CategorieMenage(m *Menage, at Date, r *Regles) Verdict {
	v := Verdict{Regle: RegleCategorie, Titre: RegleCategorie.Titre(), Source: SourceCategorie,
		Seuil: "catégories 1 à 6 de l'arrêté du 29/07/1987, puis par personne supplémentaire"}
	cat, extra, why := Categorie(m, at, r)
	if cat == 0 {
		v.Resultat, v.Explication = Incomplet, "Aucun membre n'est enregistré : la catégorie du ménage est inconnue."
		return v
	}
	v.Resultat = Conforme
	v.Valeur = fmt.Sprintf("catégorie %d", cat)
	if extra > 0 {
		v.Valeur += fmt.Sprintf(" + %d personne(s)", extra)
	}
	v.Explication = fmt.Sprintf("Au %s : %s, soit la %s.", at, why, v.Valeur)
	return v
}
