package model

import (
	"fmt"
	"strings"
)

// SourceFragilite is the policy's section on the residences' fragility.
const SourceFragilite = "Politique d'attribution §1.4 (mixité sociale, référentiel de fragilité des résidences du T12)"

// PoidsFragilite are the weights of the four shares in the fragility score,
// set in Paramètres. The default is equal weights: the T12 territory's own
// grid was not available; the office enters it when it has it.
type PoidsFragilite struct {
	Ressources     float64 `json:"ressources"`     // households under 60 % of the PLUS ceiling (or first quartile)
	Monoparentales float64 `json:"monoparentales"` // single-parent families
	Nombreuses     float64 `json:"nombreuses"`     // families of 3 children or more
	Inactivite     float64 `json:"inactivite"`     // 1 − activity rate of adults aged 18 to 64
}

// DefaultPoidsFragilite gives each share the same weight (1).
func DefaultPoidsFragilite() PoidsFragilite { return PoidsFragilite{1, 1, 1, 1} }

func (p PoidsFragilite) list() [4]float64 {
	return [4]float64{p.Ressources, p.Monoparentales, p.Nombreuses, p.Inactivite}
}

// Validate checks the weights: 0 to 100 each, not all 0.
func (p PoidsFragilite) Validate() error {
	sum := 0.0
	for _, w := range p.list() {
		if w < 0 || w > 100 {
			return Errorf(EINVALID, "Chaque poids de l'indice de fragilité va de 0 à 100.")
		}
		sum += w
	}
	if sum == 0 {
		return Errorf(EINVALID, "Au moins un poids de l'indice de fragilité doit être positif.")
	}
	return nil
}

// Indices of the shares in IndiceFragilite.Parts.
const (
	PartRessources = iota
	PartMonoparentales
	PartNombreuses
	PartActivite
)

// PartFragilite is one share of a residence: Num of Denom households (or
// adults for the activity rate), Manquants left out for lack of data.
type PartFragilite struct {
	Libelle   string // « ménages sous 60 % du plafond PLUS »
	Unite     string // « ménages », « adultes de 18 à 64 ans »
	Num       int
	Denom     int
	Manquants int
}

// Connue reports whether the share can be computed.
func (p PartFragilite) Connue() bool { return p.Denom > 0 }

// Taux is Num / Denom (0 when unknown).
func (p PartFragilite) Taux() float64 {
	if p.Denom == 0 {
		return 0
	}
	return float64(p.Num) / float64(p.Denom)
}

// Texte writes the share: « 41 % de ménages sous 60 % du plafond PLUS (7 sur
// 17 ménages ; 1 sans donnée) », or « données manquantes ».
func (p PartFragilite) Texte() string {
	if !p.Connue() {
		s := p.Libelle + " : données manquantes"
		if p.Manquants > 0 {
			s += fmt.Sprintf(" (%d %s sans donnée)", p.Manquants, p.Unite)
		}
		return s
	}
	s := fmt.Sprintf("%s : %s (%d sur %d %s", p.Libelle, pourcent(p.Taux()), p.Num, p.Denom, p.Unite)
	if p.Manquants > 0 {
		s += fmt.Sprintf(" ; %d sans donnée", p.Manquants)
	}
	return s + ")"
}

// pourcent writes a share as a whole percentage: « 41 % ».
func pourcent(x float64) string { return FormatDecimal(x*100, 0, false) + "\u00a0%" }

// IndiceFragilite is the fragility of a residence from its current tenants.
type IndiceFragilite struct {
	Menages     int              // households counted (current tenants)
	Parts       [4]PartFragilite // by PartRessources … PartActivite
	Seuil       string           // how « low resources » was decided
	Score       float64          // 0 (no fragility) to 100, when ScoreConnu
	ScoreConnu  bool
	Explication string // the score's computation, or why it is missing
	Source      string
}

// FragiliteMenage is what one household brings to the shares.
type fragiliteMenage struct {
	bas, basConnu                    bool
	mono, nombreuse, compConnue      bool
	actifs, adultes, adultesInconnus int
}

// evalMenage classifies one household on date at; commune sets the ceiling
// zone. Low resources: yearly resources per UC under the year's first
// quartile when the office entered it, else revenu fiscal de référence under
// 60 % of the household's PLUS ceiling; unknown when the table is missing.
func evalMenage(m *Menage, commune string, at Date, r *Regles) fragiliteMenage {
	var f fragiliteMenage
	if q1, _, ok := r.PremierQuartile(at.Year()); ok {
		if uc, v := UnitesConsommation(m, at, r); v.Resultat != Incomplet && uc > 0 {
			f.basConnu, f.bas = true, RessourcesParUC(m, uc) < q1
		}
	} else if p := PlafondRessources(m, PLUS, commune, at, r); p.Resultat != Incomplet && p.Montant > 0 {
		f.basConnu = true
		f.bas = float64(m.Ressources.RevenuFiscal) < 0.6*float64(p.Montant)
	}
	if len(m.Personnes) > 0 {
		f.compConnue = true
		heads, enfants := 0, 0
		for i := range m.Personnes {
			p := &m.Personnes[i]
			switch p.Lien {
			case Titulaire, Conjoint, Cotitulaire:
				heads++
			case Enfant:
				if p.DateNaissance.AgeAt(at) < r.AgeACharge {
					enfants++
				}
			}
		}
		f.mono = heads <= 1 && enfants > 0
		f.nombreuse = enfants >= 3
	}
	for i := range m.Personnes {
		p := &m.Personnes[i]
		if age := p.DateNaissance.AgeAt(at); age < 18 || age > 64 {
			continue
		}
		if p.Activite == "" {
			f.adultesInconnus++
			continue
		}
		f.adultes++
		if p.Activite.Active() {
			f.actifs++
		}
	}
	return f
}

// seuilRessources says which threshold decides « low resources » in year.
func seuilRessources(at Date, r *Regles) (string, string) {
	if q1, y, ok := r.PremierQuartile(at.Year()); ok {
		return "ménages sous le premier quartile", fmt.Sprintf("ressources annuelles par UC sous le premier quartile %d (%s)", y, q1.Amount())
	}
	return "ménages sous 60\u00a0% du plafond PLUS", fmt.Sprintf("revenu fiscal de référence sous 60\u00a0%% du plafond PLUS %d de chaque ménage", at.Year())
}

// Fragilite computes the fragility index of a residence of commune from its
// current tenant households on date at: the four shares with the number of
// households (or adults) behind each, and the weighted score (0 to 100,
// higher is more fragile: low resources, single-parent and large families
// and 1 − activity rate, averaged with weights w). A share with no data is
// « données manquantes »; the score then too, unless its weight is 0.
func Fragilite(tenants []Menage, commune string, at Date, r *Regles, w PoidsFragilite) IndiceFragilite {
	ix := IndiceFragilite{Menages: len(tenants), Source: SourceFragilite}
	lib, seuil := seuilRessources(at, r)
	ix.Seuil = seuil
	ix.Parts = [4]PartFragilite{
		{Libelle: lib, Unite: "ménages"},
		{Libelle: "familles monoparentales", Unite: "ménages"},
		{Libelle: "familles nombreuses (3 enfants ou plus)", Unite: "ménages"},
		{Libelle: "taux d'activité des 18-64 ans", Unite: "adultes de 18 à 64 ans"},
	}
	for i := range tenants {
		ix.add(evalMenage(&tenants[i], commune, at, r))
	}
	ix.score(w)
	return ix
}

func (ix *IndiceFragilite) add(f fragiliteMenage) {
	p := &ix.Parts
	if f.basConnu {
		p[PartRessources].Denom++
		if f.bas {
			p[PartRessources].Num++
		}
	} else {
		p[PartRessources].Manquants++
	}
	if f.compConnue {
		p[PartMonoparentales].Denom++
		p[PartNombreuses].Denom++
		if f.mono {
			p[PartMonoparentales].Num++
		}
		if f.nombreuse {
			p[PartNombreuses].Num++
		}
	} else {
		p[PartMonoparentales].Manquants++
		p[PartNombreuses].Manquants++
	}
	p[PartActivite].Denom += f.adultes
	p[PartActivite].Num += f.actifs
	p[PartActivite].Manquants += f.adultesInconnus
}

func (ix *IndiceFragilite) score(w PoidsFragilite) {
	ws := w.list()
	sum, total := 0.0, 0.0
	var missing, terms []string
	for i, p := range ix.Parts {
		if ws[i] == 0 {
			continue
		}
		if !p.Connue() {
			missing = append(missing, p.Libelle)
			continue
		}
		x := p.Taux()
		name := p.Libelle
		if i == PartActivite {
			x, name = 1-x, "adultes de 18 à 64 ans sans activité"
		}
		sum += ws[i] * x
		total += ws[i]
		terms = append(terms, fmt.Sprintf("%s %s × %s", name, pourcent(x), FormatDecimal(ws[i], 2, false)))
	}
	if ix.Menages == 0 {
		ix.Explication = "Aucun ménage locataire dans la résidence : données manquantes."
		return
	}
	if len(missing) > 0 {
		ix.Explication = "Score non calculé, données manquantes : " + strings.Join(missing, ", ") + "."
		return
	}
	ix.Score, ix.ScoreConnu = 100*sum/total, true
	ix.Explication = fmt.Sprintf("Score %s sur 100 = moyenne pondérée de %s (poids total %s).",
		FormatDecimal(ix.Score, 1, false), strings.Join(terms, ", "), FormatDecimal(total, 2, false))
}

// ScoreTexte writes the score « 37,5 / 100 » or « données manquantes ».
func (ix IndiceFragilite) ScoreTexte() string {
	if !ix.ScoreConnu {
		return "données manquantes"
	}
	return FormatDecimal(ix.Score, 1, false) + " / 100"
}

// EffetAttribution is the effect housing one candidate household would have
// on each share of a residence (the commission decides; this informs).
type EffetAttribution struct {
	Avant, Apres IndiceFragilite
}

// Lignes writes one sentence per share: « après cette attribution : 41 % →
// 43 % de ménages sous 60 % du plafond PLUS ».
func (e EffetAttribution) Lignes() []string {
	var out []string
	for i := range e.Avant.Parts {
		a, b := e.Avant.Parts[i], e.Apres.Parts[i]
		av, ap := "données manquantes", "données manquantes"
		if a.Connue() {
			av = pourcent(a.Taux())
		}
		if b.Connue() {
			ap = pourcent(b.Taux())
		}
		lib := "de " + a.Libelle
		if i == PartActivite {
			lib = "de taux d'activité des 18-64 ans"
		}
		if !a.Connue() || !b.Connue() {
			// No arrow from « données manquantes » to a figure: it read as
			// a contradiction (a residence with no household yet).
			nom := "part de " + a.Libelle
			if i == PartActivite {
				nom = "taux d'activité des 18-64 ans"
			}
			out = append(out, fmt.Sprintf("%s : aujourd'hui : %s ; après cette attribution : %s", nom, av, ap))
			continue
		}
		out = append(out, fmt.Sprintf("après cette attribution : %s → %s %s", av, ap, lib))
	}
	return out
}

// FragiliteApres computes the residence's index before and after housing
// candidate m there; a household already among tenants (transfer inside the
// residence) is counted once.
func FragiliteApres(tenants []Menage, m *Menage, commune string, at Date, r *Regles, w PoidsFragilite) EffetAttribution {
	e := EffetAttribution{Avant: Fragilite(tenants, commune, at, r, w)}
	after := make([]Menage, 0, len(tenants)+1)
	for i := range tenants {
		if tenants[i].ID != m.ID {
			after = append(after, tenants[i])
		}
	}
	after = append(after, *m)
	e.Apres = Fragilite(after, commune, at, r, w)
	return e
}
