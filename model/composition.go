package model

import (
	"fmt"
	"strings"
)

// Composition summarises a household at a date, as the rules need it.
type Composition struct {
	Personnes   int
	Couple      bool // titulaire with a conjoint or cotitulaire
	Conjoints   bool // titulaire with a conjoint (a couple in the sense of the arrêté)
	Autres      int  // persons besides the couple or single head
	Moins14     int  // persons under AgeUC
	ACharge     int  // dependants: children under AgeACharge, or disabled
	Handicap    bool // a member holds a CMI invalidité
	Autonomie   bool // a member has a recognised loss of autonomy
	Visite      int  // children received under visiting rights (not in Personnes)
	AgeMax      int
	SommeAgesCp int // ages of the couple added up, when Couple
}

// Compose computes the composition of m on date at.
func Compose(m *Menage, at Date, r *Regles) Composition {
	c := Composition{}
	heads := 0
	for i := range m.Personnes {
		p := &m.Personnes[i]
		if p.DroitDeVisite {
			c.Visite++
			continue
		}
		c.Personnes++
		if p.PerteAutonomie {
			c.Autonomie = true
		}
		age := p.DateNaissance.AgeAt(at)
		if age > c.AgeMax {
			c.AgeMax = age
		}
		if age < r.AgeUC {
			c.Moins14++
		}
		if p.Handicap {
			c.Handicap = true
		}
		if p.Lien == Conjoint {
			c.Conjoints = true
		}
		switch p.Lien {
		case Titulaire, Conjoint, Cotitulaire:
			heads++
			if heads <= 2 {
				c.SommeAgesCp += age
			}
		}
		if p.Lien == Enfant && age < r.AgeACharge || p.Lien != Titulaire && p.Lien != Conjoint && p.Lien != Cotitulaire && p.Handicap {
			c.ACharge++
		}
	}
	if heads == 0 && c.Personnes > 0 {
		heads = 1 // no titulaire recorded: the first member heads the household
	}
	c.Couple = heads >= 2
	lead := heads
	if lead > 2 {
		lead = 2
	}
	c.Autres = c.Personnes - lead
	return c
}

// UnitesConsommation computes the household's consumption units: 1 for the
// first adult, 0.5 for each other person aged 14 or more, 0.3 under 14.
func UnitesConsommation(m *Menage, at Date, r *Regles) (float64, Verdict) {
	v := Verdict{Regle: RegleUC, Titre: RegleUC.Titre(), Source: SourceUC,
		Seuil: fmt.Sprintf("%s pour le premier adulte, %s par autre personne de %d ans ou plus, %s par enfant de moins de %d ans",
			FormatDecimal(r.UCPremierAdulte, 1, false), FormatDecimal(r.UCAutre14, 1, false), r.AgeUC, FormatDecimal(r.UCEnfant, 1, false), r.AgeUC)}
	if Compose(m, at, r).Personnes == 0 {
		v.Resultat, v.Explication = Incomplet, "Aucun membre n'est enregistré pour ce ménage."
		return 0, v
	}
	// The first adult is the titulaire when of age, else the oldest member.
	first := -1
	for i, p := range m.Personnes {
		if p.Lien == Titulaire && !p.DroitDeVisite && p.DateNaissance.AgeAt(at) >= r.AgeUC {
			first = i
			break
		}
	}
	if first < 0 {
		for i, p := range m.Personnes {
			if !p.DroitDeVisite && (first < 0 || p.DateNaissance < m.Personnes[first].DateNaissance) {
				first = i
			}
		}
	}
	uc, over, under := r.UCPremierAdulte, 0, 0
	for i, p := range m.Personnes {
		if i == first || p.DroitDeVisite {
			continue
		}
		if p.DateNaissance.AgeAt(at) >= r.AgeUC {
			uc += r.UCAutre14
			over++
		} else {
			uc += r.UCEnfant
			under++
		}
	}
	v.Resultat = Conforme
	v.Valeur = FormatDecimal(uc, 2, false) + "\u00a0UC"
	v.Explication = fmt.Sprintf("1 premier adulte, %d autre(s) personne(s) de %d ans ou plus et %d enfant(s) de moins de %d ans au %s : %s\u00a0UC.",
		over, r.AgeUC, under, r.AgeUC, at, FormatDecimal(uc, 2, false))
	return uc, v
}

// Categorie returns the household category of the arrêté of 29/07/1987 (1 to
// 6) and the persons beyond category 6, with its explanation.
func Categorie(m *Menage, at Date, r *Regles) (int, int, string) {
	c := Compose(m, at, r)
	n := c.Personnes
	if n == 0 {
		return 0, 0, "aucun membre enregistré"
	}
	eff, why := n, fmt.Sprintf("%d personne(s)", n)
	var reasons []string
	if c.Handicap {
		reasons = append(reasons, "dont une personne en situation de handicap")
	}
	if !c.Couple && c.ACharge > 0 && c.Personnes-c.ACharge == 1 {
		reasons = append(reasons, fmt.Sprintf("personne seule avec %d personne(s) à charge", c.ACharge))
	}
	if len(reasons) > 0 {
		eff = n + 1
	}
	if n == 2 && c.Conjoints && c.ACharge == 0 && c.SommeAgesCp <= r.AgeJeuneCpl && eff < 3 {
		eff = 3
		reasons = append(reasons, fmt.Sprintf("jeune ménage (somme des âges %d ans, au plus %d)", c.SommeAgesCp, r.AgeJeuneCpl))
	}
	if len(reasons) > 0 {
		why += ", " + strings.Join(reasons, ", ")
	}
	cat, extra := eff, 0
	if eff > 6 {
		cat, extra = 6, eff-6
	}
	return cat, extra, why
}

// JoinNonEmpty joins the non-empty strings with sep.
func JoinNonEmpty(sep string, parts ...string) string {
	out := parts[:0:0]
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}
