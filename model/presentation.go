package model

import (
	"regexp"
	"strings"
)

// Presentation mode of a commission session (charter §III, discrétion;
// RGPD art. 5.1.c, minimisation): projected on a screen, the members see
// what they need to decide and no more — initials instead of names, no
// date of birth, the NUR's last four characters, incomes as bands, and
// disability or domestic violence shown only as « critère de priorité ».
// The minutes and letters are not affected (they are drawn elsewhere).

// CritereMasque replaces a mention of disability, loss of autonomy or
// domestic violence.
const CritereMasque = "critère de priorité"

// InitialesNom writes a full name as initials, « C. D. » for « Camille
// DURAND » (hyphenated names give « J.-P. »: Initiales). An erased
// household's label and a bracketed placeholder are kept as they are.
func InitialesNom(nom string) string {
	if strings.HasPrefix(nom, "ménage effacé") || strings.HasPrefix(nom, "(") {
		return nom
	}
	return Initiales(nom)
}

// NURMasque shows only the last four characters of a NUR: « …GDPUB » of
// « 0942500000001GDPUB » is « …DPUB ».
func NURMasque(nur string) string {
	r := []rune(nur)
	if len(r) <= 4 {
		return nur
	}
	return "…" + string(r[len(r)-4:])
}

// BandeMontant writes an amount as a band: from 10 000 € (yearly incomes)
// by 10 000 € (« entre 10 000 et 20 000 € »), below by 500 € (monthly
// amounts: « entre 1 000 et 1 500 € »), below 100 € « moins de 100 € ».
func BandeMontant(c Cents) string {
	e := int64(c) / 100
	if e < 0 {
		e = -e
	}
	step := int64(500)
	if e >= 10000 {
		step = 10000
	}
	if e < 100 {
		return "moins de 100\u00a0€"
	}
	lo := e / step * step
	return "entre " + FormatDecimal(float64(lo), 0, true) + " et " + FormatDecimal(float64(lo+step), 0, true) + "\u00a0€"
}

// montantRe finds amounts in euros as the rules write them: « 14 200 € »,
// « 1 250,00 € » (spaces may be no-break or narrow no-break).
var montantRe = regexp.MustCompile(`\d{1,3}(?:[ \x{00a0}\x{202f}]\d{3})*(?:,\d+)?[ \x{00a0}\x{202f}]?€`)

// sensibleRe finds the mentions of disability, loss of autonomy and
// domestic violence in the rules' explanations.
var sensibleRe = regexp.MustCompile(`(?i)(une |des )?(personnes? en situation de handicap|handicap(é|ée|és|ées)?|carte mobilité inclusion[^,.;()]*|CMI[^,.;()]*|perte d'autonomie[^,.;()]*|violences? (familiales?|conjugales?|intrafamiliales?)[^,.;()]*|victimes? de violences?[^,.;()]*)`)

// dateRe finds dates JJ/MM/AAAA written after « né », « née » or « né(e) ».
var naissanceRe = regexp.MustCompile(`(?i)n[ée]+(\(e\))? le \d{2}/\d{2}/\d{4}`)

// MasquerTexte applies the presentation mode to a French text of the
// program (a rule's explanation, a rank's reason): amounts become bands,
// disability and violence « critère de priorité », a birth date goes, and
// each of noms (the household's members' names, « Prénom NOM ») becomes its
// initials.
func MasquerTexte(s string, noms []string) string {
	for _, n := range noms {
		if strings.TrimSpace(n) != "" {
			s = strings.ReplaceAll(s, n, InitialesNom(n))
		}
	}
	s = naissanceRe.ReplaceAllString(s, "")
	s = sensibleRe.ReplaceAllString(s, CritereMasque)
	return montantRe.ReplaceAllStringFunc(s, func(m string) string {
		digits := strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' || r == ',' {
				return r
			}
			return -1
		}, m)
		euros := strings.SplitN(digits, ",", 2)[0]
		var n int64
		for _, r := range euros {
			n = n*10 + int64(r-'0')
		}
		return BandeMontant(Cents(n * 100))
	})
}

// MasquerVerdict returns v as shown in presentation mode: the values,
// thresholds and explanations through MasquerTexte.
func MasquerVerdict(v Verdict, noms []string) Verdict {
	v.Valeur = MasquerTexte(v.Valeur, noms)
	v.Seuil = MasquerTexte(v.Seuil, noms)
	v.Explication = MasquerTexte(v.Explication, noms)
	v.Titre = MasquerTexte(v.Titre, noms)
	return v
}

// NomsDe lists the full names of a household's members (« Prénom NOM »,
// and the name as typed), for MasquerTexte.
func NomsDe(m *Menage) []string {
	if m == nil {
		return nil
	}
	var out []string
	for _, p := range m.Personnes {
		if n := p.NomComplet(); n != "" {
			out = append(out, n, strings.TrimSpace(p.Prenom+" "+p.Nom))
		}
	}
	return out
}

// situationsPresentees are the headings the presentation mode shows for the
// §1.3 situations, by paragraph: no free text, name or figure.
var situationsPresentees = map[string]string{
	"§1.3.1": "Transfert de bail",
	"§1.3.2": "Cotitularité demandée",
	"§1.3.3": "Salarié de l'Office (CIAL), sans effet sur la priorité",
	"§1.3.4": CritereMasque,
	"§1.3.5": "Décohabitation",
	"§1.3.6": "Procédure d'urgence, hors classement",
}

// SituationPresentation is a §1.3 situation line (SituationsCandidat) as the
// presentation mode shows it: the situation's heading and paragraph only,
// domestic violence as « critère de priorité ». A line without a known
// paragraph is reduced to « situation particulière ».
func SituationPresentation(ligne string) string {
	for ref, titre := range situationsPresentees {
		if strings.Contains(ligne, "("+ref+")") {
			return titre + " (" + ref + ")"
		}
	}
	return "situation particulière (§1.3)"
}
