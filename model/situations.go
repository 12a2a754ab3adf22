package model

import (
	"fmt"
	"sort"
	"strings"
)

// Sources of the specific situations (policy §1.3).
const (
	SourceTransfertBail  = "Politique d'attribution §1.3.1 (transfert de bail, art. 14 de la loi du 6 juillet 1989 et L.442-3-1 CCH)"
	SourceCotitularite   = "Politique d'attribution §1.3.2 (cotitularité à l'entrée dans les lieux)"
	SourceCIAL           = "Politique d'attribution §1.3.3 (salariés de l'Office, CIAL) ; art. L.441-1 CCH"
	SourceViolences      = "Politique d'attribution §1.3.4 ; art. L.441-1 g) CCH"
	SourceDecohabitation = "Politique d'attribution §1.3.5 (décohabitants) ; art. L.621-2 et R.822-25 CCH, tableau d'occupation §1.2.4"
	SourceUrgence        = "Politique d'attribution §1.3.6 (procédure d'urgence, convention d'occupation précaire)"
)

// DecisionTransfert is the management's answer to a lease-transfer request.
type DecisionTransfert string

const (
	TransfertAccepte DecisionTransfert = "accepte"
	TransfertRefuse  DecisionTransfert = "refuse"
)

// Label is the French word for the decision.
func (d DecisionTransfert) Label() string {
	switch d {
	case TransfertAccepte:
		return "accepté"
	case TransfertRefuse:
		return "refusé"
	}
	return string(d)
}

// TransfertBail is a lease transfer decided by the Direction de la Gestion
// Locative, not by the commission, which is only informed of it (policy
// §1.3.1). De and Vers are persons' names (the departing tenant, the
// relative asking for the lease).
type TransfertBail struct {
	ID        string            `json:"id"`
	Date      Date              `json:"date"`               // date of the management's decision
	Menage    string            `json:"menage,omitempty"`   // the household whose lease it is
	Logement  string            `json:"logement,omitempty"` // the dwelling of the lease
	De        string            `json:"de"`                 // departing tenant (person's name)
	Vers      string            `json:"vers"`               // beneficiary asking for the lease (person's name)
	Lien      string            `json:"lien,omitempty"`     // « descendant », « ascendant », « conjoint »…
	Decision  DecisionTransfert `json:"decision"`
	Motif     string            `json:"motif,omitempty"`      // the reason of a refusal (ceilings, typology…)
	DecidePar string            `json:"decide_par,omitempty"` // « Direction de la Gestion Locative » when empty
	// CohabitationDepuis: start of the beneficiary's effective and
	// continuous cohabitation in the dwelling (for the rehousing path).
	CohabitationDepuis Date `json:"cohabitation_depuis,omitempty"`
	// NUR of the rehousing application made after a refusal, if any.
	NUR string `json:"nur,omitempty"`
}

// DecideurParDefaut is who decides lease transfers (policy §1.3.1).
const DecideurParDefaut = "Direction de la Gestion Locative"

// Decideur is who decided, the Direction de la Gestion Locative by default.
func (t *TransfertBail) Decideur() string {
	if strings.TrimSpace(t.DecidePar) == "" {
		return DecideurParDefaut
	}
	return t.DecidePar
}

// Validate checks a lease transfer (EINVALID, in French).
func (t *TransfertBail) Validate() error {
	var errs []string
	if t.Date.IsZero() {
		errs = append(errs, "la date de la décision est obligatoire")
	}
	if strings.TrimSpace(t.De) == "" || strings.TrimSpace(t.Vers) == "" {
		errs = append(errs, "le titulaire sortant et le bénéficiaire sont obligatoires")
	}
	if t.Decision != TransfertAccepte && t.Decision != TransfertRefuse {
		errs = append(errs, "la décision doit être « accepte » ou « refuse »")
	}
	if t.Decision == TransfertAccepte && t.NUR != "" {
		errs = append(errs, "une demande de relogement ne suit qu'un transfert refusé")
	}
	if !t.CohabitationDepuis.IsZero() && !t.Date.IsZero() && t.CohabitationDepuis > t.Date {
		errs = append(errs, "la cohabitation ne peut pas commencer après la décision")
	}
	if len(errs) > 0 {
		return Errorf(EINVALID, "Transfert de bail : %s.", strings.Join(errs, " ; "))
	}
	return nil
}

// Resume is one line for the commission: « 12/03/2026 – logement L001 :
// transfert de M. A à Mme B (descendante), refusé par la Direction de la
// Gestion Locative (plafonds dépassés) ». With nominatif false the names are
// left out (annual report to the board).
func (t *TransfertBail) Resume(nominatif bool) string {
	var b strings.Builder
	b.WriteString(t.Date.String())
	if t.Logement != "" {
		b.WriteString(" – logement " + t.Logement)
	}
	b.WriteString(" : transfert de bail")
	if nominatif {
		b.WriteString(" de " + t.De + " à " + t.Vers)
	}
	if t.Lien != "" {
		b.WriteString(" (" + t.Lien + ")")
	}
	b.WriteString(", " + t.Decision.Label() + " par " + lowerFirst(t.Decideur()))
	if t.Decision == TransfertRefuse && t.Motif != "" {
		b.WriteString(" – motif : " + t.Motif)
	}
	return b.String()
}

func lowerFirst(s string) string {
	if strings.HasPrefix(s, "Direction") {
		return "la " + s
	}
	return s
}

// ParcoursRelogement tells whether a refused transfer opens the rehousing
// path of §1.3.1: refused, and the beneficiary has cohabited in the
// dwelling for more than one year on date at. The commission still checks
// the conditions of attribution; a rent debt calls for a CESF report.
func ParcoursRelogement(t *TransfertBail, at Date) Verdict {
	v := Verdict{Regle: RegleTransfertBail, Titre: RegleTransfertBail.Titre(), Source: SourceTransfertBail,
		Seuil: "transfert refusé et cohabitation effective et continue depuis plus d'un an"}
	switch {
	case t == nil || t.Decision != TransfertRefuse:
		v.Resultat, v.Valeur, v.Explication = NonApplicable, "pas de transfert refusé", "Aucun transfert de bail refusé : pas de parcours de relogement."
	case t.CohabitationDepuis.IsZero():
		v.Resultat, v.Valeur = Incomplet, "transfert refusé le "+t.Date.String()
		v.Explication = "Transfert de bail refusé le " + t.Date.String() + " : la date de début de la cohabitation n'est pas renseignée (données manquantes)."
	case t.CohabitationDepuis.AddYears(1) < at:
		v.Resultat = Conforme
		v.Valeur = fmt.Sprintf("cohabitation depuis le %s (%d mois)", t.CohabitationDepuis, t.CohabitationDepuis.MonthsUntil(at))
		v.Explication = "Transfert de bail refusé le " + t.Date.String() + ", cohabitation effective depuis le " + t.CohabitationDepuis.String() +
			", plus d'un an : parcours de relogement à privilégier si les conditions d'attribution sont remplies (un rapport CESF est demandé en cas de dette locative)."
	default:
		v.Resultat = Alerte
		v.Valeur = fmt.Sprintf("cohabitation depuis le %s (%d mois)", t.CohabitationDepuis, t.CohabitationDepuis.MonthsUntil(at))
		v.Explication = "Transfert de bail refusé le " + t.Date.String() + ", mais la cohabitation depuis le " + t.CohabitationDepuis.String() + " ne dépasse pas un an : pas de parcours de relogement prioritaire."
	}
	return v
}

// AvisCIAL is the CIAL's recommendation on an employee's application.
type AvisCIAL string

const (
	CIALFavorable   AvisCIAL = "favorable"
	CIALDefavorable AvisCIAL = "defavorable"
)

// Label is the French word.
func (a AvisCIAL) Label() string {
	switch a {
	case CIALFavorable:
		return "favorable"
	case CIALDefavorable:
		return "défavorable"
	}
	return string(a)
}

// Urgence is the emergency procedure of §1.3.6: a precarious agreement
// after a fire, a disaster or unfit housing, decided outside the ranking
// and reported to the commission.
type Urgence struct {
	Date     Date   `json:"date"`               // date of the precarious agreement
	Motif    string `json:"motif"`              // one of MotifsUrgence
	Logement string `json:"logement,omitempty"` // dwelling lent, when known
}

// MotifsUrgence are the grounds of §1.3.6, code → French.
var MotifsUrgence = map[string]string{
	"incendie":  "incendie",
	"sinistre":  "sinistre",
	"indigne":   "habitat indigne",
	"indecence": "logement indécent",
	"autre":     "autre difficulté majeure d'habitation signalée par les partenaires sociaux",
}

// CodesMotifsUrgence lists the codes in a stable order.
func CodesMotifsUrgence() []string {
	out := make([]string, 0, len(MotifsUrgence))
	for k := range MotifsUrgence {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Label is the reason in French.
func (u *Urgence) Label() string {
	if l, ok := MotifsUrgence[u.Motif]; ok {
		return l
	}
	return u.Motif
}

// validateSituations checks the §1.3 fields of an application.
func (d *Demande) validateSituations() []string {
	var errs []string
	if d.Cotitularite && strings.TrimSpace(d.MotifCotitularite) == "" {
		errs = append(errs, "une cotitularité à l'entrée dans les lieux doit être justifiée (motif social ou de santé, §1.3.2)")
	}
	if !d.Cotitularite && strings.TrimSpace(d.MotifCotitularite) != "" {
		errs = append(errs, "un motif de cotitularité est saisi sans cotitularité demandée")
	}
	switch d.AvisCIAL {
	case "", CIALFavorable, CIALDefavorable:
	default:
		errs = append(errs, "l'avis de la CIAL est « favorable » ou « defavorable »")
	}
	if d.AvisCIAL != "" && !d.SalarieOffice {
		errs = append(errs, "un avis de la CIAL ne concerne qu'un salarié de l'Office (§1.3.3)")
	}
	if d.MenageOrigine != "" && d.MenageOrigine == d.Menage {
		errs = append(errs, "le ménage d'origine d'une décohabitation est un autre ménage que le demandeur")
	}
	if u := d.Urgence; u != nil {
		if u.Date.IsZero() {
			errs = append(errs, "la procédure d'urgence doit être datée")
		}
		if _, ok := MotifsUrgence[u.Motif]; !ok {
			errs = append(errs, "le motif de la procédure d'urgence est l'un de : "+strings.Join(CodesMotifsUrgence(), ", "))
		}
	}
	return errs
}

// OrienteCIAL reports whether the candidate comes from a recommendation of
// the CIAL (an employee of the office with the CIAL's opinion), which the
// commission must be told (§1.3.3). It never changes the priority.
func (d *Demande) OrienteCIAL() bool { return d.SalarieOffice && d.AvisCIAL != "" }

// CritereDePriorite is what a presentation mode shows in place of the
// domestic-violence flag.
const CritereDePriorite = "critère de priorité"

// ViolencesAffichage is how the domestic-violence flag of d is shown: ""
// when not set; in presentation mode (screen shown to others, projected
// session) only « critère de priorité », never the word violence;
// otherwise « victime de violences familiales (§1.3.4) ». It is a priority
// criterion (tier 2 of the ranking, policy §1.3.4, L.441-1 g).
func ViolencesAffichage(d *Demande, presentation bool) string {
	if d == nil || !d.ViolencesFamiliales {
		return ""
	}
	if presentation {
		return CritereDePriorite
	}
	return "victime de violences familiales (§1.3.4)"
}

// MasquerViolences rewrites a French text written for the team (a
// priority verdict, a line of SituationsCandidat) for a presentation mode:
// every mention of domestic violence becomes « critère de priorité ».
func MasquerViolences(s string) string { return masqueViolences.Replace(s) }

var masqueViolences = strings.NewReplacer(
	"Victime de violences familiales : critère de priorité (§1.3.4)", "Critère de priorité (§1.3.4)",
	"victime de violences familiales (§1.3.4)", CritereDePriorite+" (§1.3.4)",
	", violences familiales,", ",",
)

// Decohabitation tells what the departure of the applicant household's
// persons would change in the origin household that stays in the stock:
// whether it ends an over-occupation (surface of R.822-25, or typology
// below the policy's table) or an under-occupation (L.621-2). The leaving
// persons are the applicant's members found in the origin household (same
// name, first name and birth date); when none is found, the applicant's
// members are counted as leaving and the explanation says so. origine is
// the origin household, logement its dwelling (nil when unknown).
func Decohabitation(demandeur, origine *Menage, logement *Logement, at Date, r *Regles) Verdict {
	v := Verdict{Regle: RegleDecohabitation, Titre: RegleDecohabitation.Titre(), Source: SourceDecohabitation,
		Seuil: "fin d'une sur-occupation (surface ou typologie) ou d'une sous-occupation (plus de pièces que d'occupants + 1)"}
	if origine == nil || logement == nil || !origine.Loge() {
		v.Resultat, v.Valeur = Incomplet, "ménage d'origine ou logement inconnu"
		v.Explication = "Le ménage d'origine de la décohabitation ou son logement n'est pas connu de Logis (données manquantes)."
		return v
	}
	key := func(p *Personne) string {
		return Fold(p.Nom) + "\x00" + Fold(p.Prenom) + "\x00" + p.DateNaissance.ISO()
	}
	partants := map[string]bool{}
	n := 0
	for i := range demandeur.Personnes {
		if !demandeur.Personnes[i].DroitDeVisite {
			partants[key(&demandeur.Personnes[i])] = true
			n++
		}
	}
	apres := *origine
	apres.Personnes = nil
	trouves := 0
	for i := range origine.Personnes {
		p := &origine.Personnes[i]
		if !p.DroitDeVisite && partants[key(p)] {
			trouves++
			continue
		}
		apres.Personnes = append(apres.Personnes, *p)
	}
	note := ""
	if trouves == 0 && n > 0 {
		// Not listed in the origin household: count the applicant's members.
		note = " (les partants ne figurent pas dans la composition du ménage d'origine : leur nombre est retranché)"
		k := 0
		apres.Personnes = nil
		for _, p := range origine.Personnes {
			if !p.DroitDeVisite && p.Lien != Titulaire && k < n {
				k++
				continue
			}
			apres.Personnes = append(apres.Personnes, p)
		}
		trouves = k
		if k < n {
			// The holder stays: fewer occupants can be removed than leave.
			note = fmt.Sprintf(" (les partants ne figurent pas dans la composition du ménage d'origine : %d occupant(s) retranché(s) sur %d partant(s), le titulaire restant dans les lieux ; vérifier la composition du ménage d'origine)", k, n)
		}
	}
	c0, c1 := Compose(origine, at, r), Compose(&apres, at, r)
	v.Valeur = fmt.Sprintf("ménage %s, logement %s (%s, %s\u00a0m², %d pièce(s)) : %d occupant(s), %d après le départ de %d personne(s)",
		origine.ID, logement.Reference, TypologieLabel(logement.Typologie), FormatNumber(logement.Surface, 2), logement.Pieces, c0.Personnes, c1.Personnes, trouves)
	var fin []string
	if SurOccupationCritique(logement.Surface, c0.Personnes, r).Flag() && !SurOccupationCritique(logement.Surface, c1.Personnes, r).Flag() {
		fin = append(fin, fmt.Sprintf("met fin à la sur-occupation critique (%s\u00a0m² pour %d personnes, minimum %s\u00a0m²)",
			FormatNumber(logement.Surface, 2), c0.Personnes, FormatNumber(r.SurfaceMin(c0.Personnes), 2)))
	} else if SurOccupationTypologie(logement.Typologie, c0, r).Flag() && !SurOccupationTypologie(logement.Typologie, c1, r).Flag() {
		fin = append(fin, "met fin à la sur-occupation au regard du tableau d'occupation ("+TypologieLabel(logement.Typologie)+" pour "+fmt.Sprint(c1.Personnes)+" personne(s) désormais)")
	}
	avant, apresSous := SousOccupation(logement.Pieces, c0.Personnes, c0.Visite), SousOccupation(logement.Pieces, c1.Personnes, c1.Visite)
	switch {
	case avant.Flag() && !apresSous.Flag():
		fin = append(fin, "met fin à la sous-occupation")
	case !avant.Flag() && apresSous.Flag() && c1.Personnes > 0:
		fin = append(fin, fmt.Sprintf("crée une sous-occupation (%d pièces pour %d occupant(s))", logement.Pieces, c1.Personnes))
	}
	switch {
	case logement.Pieces == 0 || logement.Surface <= 0 || c0.Personnes == 0:
		v.Resultat = Incomplet
		v.Explication = "Décohabitation du ménage " + origine.ID + " : surface, pièces ou composition manquantes (données manquantes)" + note + "."
	case len(fin) == 0:
		v.Resultat = NonApplicable
		v.Explication = "Décohabitation du ménage " + origine.ID + " : le départ ne change pas la situation d'occupation du logement " + logement.Reference + note + "."
	default:
		v.Resultat = Conforme
		if strings.HasPrefix(fin[len(fin)-1], "crée") && len(fin) == 1 {
			v.Resultat = Alerte
		}
		v.Explication = "Décohabitation du ménage " + origine.ID + " : le départ " + strings.Join(fin, " et ") + " dans le logement " + logement.Reference + note + "."
	}
	return v
}

// ContexteSituations holds what SituationsCandidat needs besides the
// application: the origin household of a decohabitation and its dwelling,
// the refused transfer the application follows.
type ContexteSituations struct {
	Origine         *Menage
	LogementOrigine *Logement
	Transfert       *TransfertBail
	Presentation    bool // presentation mode: violence shown only as a priority criterion
}

// SituationsCandidat lists, in French, the specific situations of §1.3 the
// commission must be told about for application d on date at: one line
// each, with its source. None of them changes the ranking.
func SituationsCandidat(d *Demande, m *Menage, ctx ContexteSituations, at Date, r *Regles) []string {
	if d == nil {
		return nil
	}
	var out []string
	if d.Cotitularite {
		out = append(out, "Cotitularité demandée à l'entrée dans les lieux, à l'appréciation des membres : "+d.MotifCotitularite+" (§1.3.2)")
	}
	if d.OrienteCIAL() {
		w := "Candidat issu d'une orientation de la CIAL (salarié de l'Office), avis " + d.AvisCIAL.Label()
		if !d.DateAvisCIAL.IsZero() {
			w += " du " + d.DateAvisCIAL.String()
		}
		out = append(out, w+" : information de la commission, sans effet sur la priorité (§1.3.3)")
	} else if d.SalarieOffice {
		out = append(out, "Salarié de l'Office, sans avis de la CIAL enregistré : sans effet sur la priorité (§1.3.3)")
	}
	if v := ViolencesAffichage(d, ctx.Presentation); v != "" {
		if ctx.Presentation {
			out = append(out, majusculeInitiale(v)+" (§1.3.4)")
		} else {
			out = append(out, "Victime de violences familiales : critère de priorité (§1.3.4)")
		}
	}
	if d.MenageOrigine != "" && m != nil {
		v := Decohabitation(m, ctx.Origine, ctx.LogementOrigine, at, r)
		out = append(out, v.Explication+" (§1.3.5)")
	}
	if ctx.Transfert != nil {
		v := ParcoursRelogement(ctx.Transfert, at)
		out = append(out, v.Explication+" (§1.3.1)")
	}
	if u := d.Urgence; u != nil {
		w := "Procédure d'urgence : convention d'occupation précaire du " + u.Date.String() + " (" + u.Label() + ")"
		if u.Logement != "" {
			w += ", logement " + u.Logement
		}
		out = append(out, w+", hors classement (§1.3.6)")
	}
	return out
}

func majusculeInitiale(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// UrgenceSignalee is an emergency procedure reported to a session.
type UrgenceSignalee struct {
	NUR    string  `json:"nur"`
	Menage string  `json:"menage"`
	Nom    string  `json:"nom,omitempty"` // head of household, for the minutes
	Urg    Urgence `json:"urgence"`
}

// Resume is one line for the minutes.
func (u *UrgenceSignalee) Resume() string {
	w := u.Urg.Date.String() + " – "
	if u.Nom != "" {
		w += u.Nom + ", "
	}
	w += "demande " + u.NUR + " : convention d'occupation précaire (" + u.Urg.Label() + ")"
	if u.Urg.Logement != "" {
		w += ", logement " + u.Urg.Logement
	}
	return w
}

// InformationsSeance is what a session is told about without deciding it:
// lease transfers and emergency procedures decided after the previous
// session (exclusive) and up to the session's date (inclusive). With no
// earlier session, from 1 January of the session's year.
type InformationsSeance struct {
	Depuis     Date              `json:"depuis"` // first day covered
	Jusqua     Date              `json:"jusqua"` // last day covered (the session's date)
	Transferts []TransfertBail   `json:"transferts,omitempty"`
	Urgences   []UrgenceSignalee `json:"urgences,omitempty"`
}

// PeriodeInformations returns the days a session on date covers, given the
// dates of the other sessions.
func PeriodeInformations(date Date, autres []Date) (Date, Date) {
	depuis := NewDate(date.Year(), 1, 1)
	var prev Date
	for _, d := range autres {
		if d < date && d > prev {
			prev = d
		}
	}
	if !prev.IsZero() {
		depuis = prev.AddDays(1)
	}
	return depuis, date
}

// Couvre reports whether date d falls in the period.
func (i *InformationsSeance) Couvre(d Date) bool { return d >= i.Depuis && d <= i.Jusqua }

// Trier orders the lists by date then key.
func (i *InformationsSeance) Trier() {
	sort.SliceStable(i.Transferts, func(a, b int) bool {
		x, y := &i.Transferts[a], &i.Transferts[b]
		if x.Date != y.Date {
			return x.Date < y.Date
		}
		return x.ID < y.ID
	})
	sort.SliceStable(i.Urgences, func(a, b int) bool {
		x, y := &i.Urgences[a], &i.Urgences[b]
		if x.Urg.Date != y.Urg.Date {
			return x.Urg.Date < y.Urg.Date
		}
		return x.NUR < y.NUR
	})
}
