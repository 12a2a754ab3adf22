package model

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
)

// TypeCommission is what a CALEOL session examines.
type TypeCommission string

const (
	CommissionAttribution TypeCommission = "attribution"
	CommissionOccupation  TypeCommission = "occupation"
	CommissionMixte       TypeCommission = "mixte" // attribution and examen de l'occupation
)

// Label is the French name of the kind of session.
func (t TypeCommission) Label() string {
	switch t {
	case CommissionAttribution:
		return "attribution"
	case CommissionOccupation:
		return "examen de l'occupation"
	case CommissionMixte:
		return "attribution et examen de l'occupation"
	}
	return string(t)
}

// StatutCommission: a session is prepared, then closed (frozen).
type StatutCommission string

const (
	EnPreparation StatutCommission = "preparation"
	Close         StatutCommission = "close"
)

// Label is the French word for the status.
func (s StatutCommission) Label() string {
	if s == Close {
		return "close"
	}
	return "en préparation"
}

// Civilités of a member, for the minutes' agreement (« Mme … présente »).
const (
	Madame   = "Mme"
	Monsieur = "M."
)

// Membre is a member of the commission for one session.
type Membre struct {
	Civilite string `json:"civilite,omitempty"` // Madame, Monsieur, or empty when not given
	Nom      string `json:"nom"`
	Qualite  string `json:"qualite"` // « Administrateur », « Maire de Cachan », « Représentant du préfet »…
	Voix     bool   `json:"voix"`    // deliberative vote
	Present  bool   `json:"present"`
	Maire    bool   `json:"maire,omitempty"` // the mayor of the commune has the casting vote
}

// Presence writes « présente », « présent », « absente »… agreed with the
// civilité, or with a name typed « Mme Claire Martin » (« présent(e) » when
// neither tells).
func (m *Membre) Presence() string {
	w := "absent"
	if m.Present {
		w = "présent"
	}
	civ := m.Civilite
	if civ == "" {
		switch n := strings.TrimSpace(m.Nom); {
		case strings.HasPrefix(n, "Mme ") || strings.HasPrefix(n, "Madame "):
			civ = Madame
		case strings.HasPrefix(n, "M. ") || strings.HasPrefix(n, "Monsieur "):
			civ = Monsieur
		}
	}
	switch civ {
	case Madame:
		return w + "e"
	case Monsieur:
		return w
	}
	return w + "(e)"
}

// NomCivil is « Mme Claire Martin », or the name alone without civilité.
func (m *Membre) NomCivil() string {
	if m.Civilite == "" {
		return m.Nom
	}
	return m.Civilite + "\u00a0" + m.Nom
}

// TypeDecision is one of the five decisions of R.441-3 CCH.
type TypeDecision string

const (
	Attribution         TypeDecision = "attribution"
	AttributionClassee  TypeDecision = "classement"
	ConditionSuspensive TypeDecision = "condition_suspensive"
	NonAttribution      TypeDecision = "non_attribution"
	Irrecevabilite      TypeDecision = "irrecevabilite"
)

// TypesDecision lists the five decisions in the order of R.441-3.
var TypesDecision = []TypeDecision{Attribution, AttributionClassee, ConditionSuspensive, NonAttribution, Irrecevabilite}

// Label is the French name of the decision.
func (t TypeDecision) Label() string {
	switch t {
	case Attribution:
		return "Attribution"
	case AttributionClassee:
		return "Attribution par classement"
	case ConditionSuspensive:
		return "Attribution sous condition suspensive"
	case NonAttribution:
		return "Non-attribution"
	case Irrecevabilite:
		return "Rejet pour irrecevabilité"
	}
	return string(t)
}

// Motif is a reason in fact and in law offered in the decision form.
type Motif struct {
	Code    string
	Libelle string // the reason as printed in the letter
	Droit   string // the legal basis
}

// MotifsNonAttribution are reasons of non-attribution (R.441-3 CCH): each
// names the fact and the rule; the agent adds the facts of the case.
var MotifsNonAttribution = []Motif{
	{"typologie", "la composition de votre ménage ne correspond pas à la taille du logement proposé", "politique d'attribution de l'Office, §1.2.4 (tableau d'occupation des logements)"},
	{"effort", "le montant du loyer et des charges, déduction faite de l'aide au logement, dépasserait 35\u00a0% de vos ressources et le reste à vivre serait inférieur à 20\u00a0€ par jour et par unité de consommation", "règlement intérieur de la CALEOL ; politique d'attribution de l'Office, préambule"},
	{"pmr", "le logement, adapté aux personnes à mobilité réduite, est réservé aux titulaires de la carte mobilité inclusion mention invalidité ou aux séniors en maintien à domicile", "politique d'attribution de l'Office, §1.2.2"},
	{"mutation", "les conditions de la mutation interne ne sont pas réunies", "politique d'attribution de l'Office, §1.2"},
	{string(RegleSurOccupationTypologie), "le logement serait sur-occupé au regard de sa surface habitable", "art. R.822-25 du CCH"},
	{"autre_candidat", "le logement a été attribué à un candidat dont la situation a été jugée prioritaire", "art. L.441-1 et R.441-3 du CCH"},
	// Owning a suitable dwelling is a reason the commission may retain, not a
	// condition of admissibility (art. L.441-2-2 CCH: « peut constituer un
	// motif de refus »).
	{"proprietaire", "un membre de votre ménage est propriétaire d'un logement adapté à vos besoins et à vos capacités", "art. L.441-2-2 du CCH"},
}

// MotifsIrrecevabilite are the legal conditions whose absence makes an
// application inadmissible.
var MotifsIrrecevabilite = []Motif{
	{"plafond", "vos ressources dépassent le plafond réglementaire applicable au logement", "art. R.441-1 du CCH et arrêté fixant les plafonds de ressources"},
	{"sejour", "les conditions de régularité et de permanence du séjour sur le territoire ne sont pas remplies", "art. R.441-1 du CCH et arrêté du 1er février 2013"},
	{"demande", "votre demande de logement social n'est pas enregistrée ou n'est plus active", "art. L.441-2-1 du CCH"},
}

// MotifDecision finds reason code of a decision of type t in its list; a
// code of the other list is found too, for decisions recorded before a
// reason moved (« proprietaire » was an irrecevabilité until 2026).
func MotifDecision(t TypeDecision, code string) (Motif, bool) {
	list, other := MotifsNonAttribution, MotifsIrrecevabilite
	if t == Irrecevabilite {
		list, other = other, list
	}
	if m, ok := MotifByCode(list, code); ok {
		return m, true
	}
	return MotifByCode(other, code)
}

// MotifByCode finds a reason in a list.
func MotifByCode(list []Motif, code string) (Motif, bool) {
	for _, m := range list {
		if m.Code == code {
			return m, true
		}
	}
	return Motif{}, false
}

// PiecesJustificatives is the limited list of documents whose absence allows
// an attribution under suspensive condition (R.441-2-4-1 CCH, shortened).
var PiecesJustificatives = []string{
	"avis d'imposition ou de non-imposition",
	"pièce d'identité ou titre de séjour",
	"justificatif de situation familiale",
	"justificatif de ressources",
	"justificatif de situation professionnelle",
	"jugement ou ordonnance (séparation, protection)",
	"justificatif de handicap",
}

// Decision records what the commission decided for one candidate.
type Decision struct {
	Type       TypeDecision `json:"type"`
	Rang       int          `json:"rang,omitempty"`        // classement: 1, 2, 3…
	Pieces     []string     `json:"pieces,omitempty"`      // condition suspensive
	DateLimite Date         `json:"date_limite,omitempty"` // condition suspensive
	Motifs     []string     `json:"motifs,omitempty"`      // codes of MotifsNonAttribution / MotifsIrrecevabilite
	Precisions string       `json:"precisions,omitempty"`  // the facts of the case, in the agent's words
}

// Validate checks that the decision carries what the law requires.
func (d *Decision) Validate(sessionDate Date) error {
	var errs []string
	switch d.Type {
	case Attribution:
	case AttributionClassee:
		if d.Rang < 1 {
			errs = append(errs, "le rang de classement est obligatoire (1, 2, 3…)")
		}
	case ConditionSuspensive:
		if len(d.Pieces) == 0 {
			errs = append(errs, "indiquez la ou les pièces manquantes")
		}
		for _, p := range d.Pieces {
			if !slices.Contains(PiecesJustificatives, p) {
				errs = append(errs, "« "+clip(p)+" » n'est pas une pièce de la liste limitative (art. R.441-2-4-1 CCH)")
			}
		}
		if d.DateLimite.IsZero() || d.DateLimite <= sessionDate {
			errs = append(errs, "la date limite de production des pièces doit suivre la date de la commission")
		}
	case NonAttribution, Irrecevabilite:
		list := MotifsNonAttribution
		if d.Type == Irrecevabilite {
			list = MotifsIrrecevabilite
		}
		for _, c := range d.Motifs {
			if _, ok := MotifByCode(list, c); !ok {
				if d.Type == Irrecevabilite && c == "proprietaire" {
					errs = append(errs, "être propriétaire d'un logement adapté n'est pas une condition de recevabilité mais un motif de non-attribution que la commission apprécie (art. L.441-2-2 CCH) : choisissez la non-attribution")
					continue
				}
				errs = append(errs, "motif inconnu « "+c+" »")
			}
		}
		if len(d.Motifs) == 0 && strings.TrimSpace(d.Precisions) == "" {
			errs = append(errs, "les motifs en fait et en droit sont obligatoires : les faits propres au dossier dans « Précisions » (au moins une phrase), avec le motif de la liste qui s'applique")
		} else if len([]rune(strings.TrimSpace(d.Precisions))) < 15 {
			errs = append(errs, "précisez les faits propres au dossier dans « Précisions » (au moins une phrase) : un motif seul n'est pas une motivation suffisante")
		}
	default:
		errs = append(errs, "choisissez l'une des cinq décisions")
	}
	if len(errs) > 0 {
		return Errorf(EINVALID, "Décision : %s.", strings.Join(errs, " ; "))
	}
	return nil
}

// DelaiPiecesMin is the fewest days between the letters and the deadline
// for the missing documents of an attribution under suspensive condition:
// less leaves the applicant no real time to gather them.
const DelaiPiecesMin = 8

// AlertesDateLimite flags, in French, a documents deadline that falls on a
// Saturday, Sunday or public holiday (the office is closed: the applicant
// cannot hand them in that day) or less than DelaiPiecesMin days after the
// letters (dated envoi). Empty when there is nothing to flag or the
// decision is not a suspensive condition. Flags do not refuse the decision.
func (d *Decision) AlertesDateLimite(envoi Date) []string {
	if d.Type != ConditionSuspensive || d.DateLimite.IsZero() {
		return nil
	}
	var out []string
	if f := JourFerie(d.DateLimite); f != "" {
		out = append(out, fmt.Sprintf("la date limite des pièces (%s) est un jour férié (%s) : l'accueil de l'Office est fermé", d.DateLimite, f))
	} else if wd := d.DateLimite.Weekday(); wd == time.Saturday || wd == time.Sunday {
		out = append(out, fmt.Sprintf("la date limite des pièces (%s) est un %s : l'accueil de l'Office est fermé", d.DateLimite, joursFR[wd]))
	}
	if !envoi.IsZero() && d.DateLimite < envoi.AddDays(DelaiPiecesMin) {
		out = append(out, fmt.Sprintf("la date limite des pièces (%s) laisse moins de %d jours après les courriers (%s)", d.DateLimite, DelaiPiecesMin, envoi))
	}
	return out
}

// ProfilCandidat is what the yearly objectives need to know about an
// applicant, recorded when the candidate is added to the session (the
// application may change or be struck afterwards).
type ProfilCandidat struct {
	DALO                 bool  `json:"dalo,omitempty"`
	DALOPrefet           bool  `json:"dalo_prefet,omitempty"`           // designated by the préfet
	Prioritaire          bool  `json:"prioritaire,omitempty"`           // annex-1 category or domestic violence
	Mutation             bool  `json:"mutation,omitempty"`              // already a tenant of the office
	RenouvellementUrbain bool  `json:"renouvellement_urbain,omitempty"` // rehoused by an urban-renewal operation (NPNRU / ANRU), not the office's works
	RessourcesUC         Cents `json:"ressources_uc"`                   // revenu fiscal per UC (€ cents per year), for information
	// QuartileUC: monthly resources declared × 12 ÷ UC (€ cents per UC per
	// year), the first-quartile threshold's basis; valid when QuartileConnu
	// (profiles recorded before it was kept, or without monthly resources,
	// are counted as unknown by the objectives).
	QuartileUC    Cents   `json:"quartile_uc,omitempty"`
	QuartileConnu bool    `json:"quartile_connu,omitempty"`
	UC            float64 `json:"uc"`               // 0 when unknown
	Niveau        int     `json:"niveau,omitempty"` // priority tier when proposed (1 DALO … 4 others)
}

// Candidat is an application examined for a dwelling.
type Candidat struct {
	NUR       string          `json:"nur"`
	Menage    string          `json:"menage"`
	RangPropo int             `json:"rang_propose,omitempty"` // rank proposed by the program, 0 when added by hand outside the ranking
	Raison    string          `json:"raison,omitempty"`       // why that rank, or why the program would exclude the candidate
	Profil    *ProfilCandidat `json:"profil,omitempty"`
	Decision  *Decision       `json:"decision,omitempty"`
}

// DossierLogement is one dwelling examined by the session.
type DossierLogement struct {
	Logement  string     `json:"logement"`
	Commune   string     `json:"commune,omitempty"`
	QPV       bool       `json:"qpv,omitempty"` // the dwelling is in a quartier prioritaire (objectives)
	Candidats []Candidat `json:"candidats"`
	Exception string     `json:"exception,omitempty"` // why fewer than three candidates (one of ExceptionsTroisCandidats)
}

// Candidat returns the candidate of application nur, or nil.
func (d *DossierLogement) Candidat(nur string) *Candidat {
	for i := range d.Candidats {
		if d.Candidats[i].NUR == nur {
			return &d.Candidats[i]
		}
	}
	return nil
}

// Beneficiaire returns the candidate the dwelling is allocated to: the one
// with an attribution (possibly under suspensive condition), else the first
// of the classement; nil when none.
func (d *DossierLogement) Beneficiaire() *Candidat {
	var first *Candidat
	for i := range d.Candidats {
		c := &d.Candidats[i]
		if c.Decision == nil {
			continue
		}
		switch c.Decision.Type {
		case Attribution, ConditionSuspensive:
			return c
		case AttributionClassee:
			if first == nil || c.Decision.Rang < first.Decision.Rang {
				first = c
			}
		}
	}
	return first
}

// ControleDecisions checks that the decisions of a dwelling hold together:
// one attribution at most (outright or under suspensive condition), not
// mixed with a classement; classement ranks distinct; when final (closing
// the session), every candidate has a decision and the ranks run 1, 2, 3…
func (d *DossierLogement) ControleDecisions(final bool) error {
	var errs []string
	direct, ranks := 0, map[int]int{}
	for _, c := range d.Candidats {
		if c.Decision == nil {
			if final {
				errs = append(errs, "la demande "+c.NUR+" n'a pas de décision")
			}
			continue
		}
		switch c.Decision.Type {
		case Attribution, ConditionSuspensive:
			direct++
		case AttributionClassee:
			ranks[c.Decision.Rang]++
		}
	}
	if direct > 1 {
		errs = append(errs, "un logement ne peut être attribué qu'à un seul candidat (attribution ou attribution sous condition suspensive)")
	}
	if direct > 0 && len(ranks) > 0 {
		errs = append(errs, "une attribution directe ne se combine pas avec une attribution par classement : classez tous les candidats retenus, ou n'en retenez qu'un")
	}
	for r, n := range ranks {
		if n > 1 {
			errs = append(errs, fmt.Sprintf("le rang %d est donné à %d candidats", r, n))
		}
	}
	if final {
		for r := 1; r <= len(ranks); r++ {
			if ranks[r] == 0 {
				suite := fmt.Sprintf("rangs 1 à %d", len(ranks))
				if len(ranks) == 2 {
					suite = "rangs 1 et 2"
				}
				errs = append(errs, fmt.Sprintf("le classement doit suivre les %s sans trou (rang %d absent)", suite, r))
				break
			}
		}
	}
	if len(errs) > 0 {
		sort.Strings(errs)
		return Errorf(EINVALID, "Logement %s : %s.", d.Logement, strings.Join(errs, " ; "))
	}
	return nil
}

// ExceptionValable reports whether s is one of the legal exceptions.
func ExceptionValable(s string) bool {
	for _, e := range ExceptionsTroisCandidats {
		if e == s {
			return true
		}
	}
	return false
}

// Exceptions to the rule of three candidates (R.441-3 CCH).
var ExceptionsTroisCandidats = []string{
	"insuffisance du nombre des candidats",
	"candidat reconnu prioritaire DALO désigné par le préfet",
	"logement financé dans les conditions de l'article D.331-25-1",
}

// DossierOccupation is a household examined under L.442-5-2 CCH.
type DossierOccupation struct {
	Menage         string   `json:"menage"`
	Logement       string   `json:"logement"`
	Situations     []string `json:"situations"`      // codes of the review
	Constat        string   `json:"constat"`         // the commission's finding
	LogementAdapte string   `json:"logement_adapte"` // the kind of dwelling that would fit
}

// Amendement is a correction after closing, kept with its reason.
type Amendement struct {
	Quand       time.Time `json:"quand"`
	Utilisateur string    `json:"utilisateur"`
	Motif       string    `json:"motif"`           // why the closed session is corrected
	Objet       string    `json:"objet,omitempty"` // what was changed, in French
}

// Commission is one CALEOL session.
type Commission struct {
	ID          string              `json:"id"`
	Date        Date                `json:"date"`
	Lieu        string              `json:"lieu"`
	Commune     string              `json:"commune"`
	Type        TypeCommission      `json:"type"`
	Statut      StatutCommission    `json:"statut"`
	Membres     []Membre            `json:"membres"`
	Logements   []DossierLogement   `json:"logements,omitempty"`
	Occupation  []DossierOccupation `json:"occupation,omitempty"`
	Cloture     time.Time           `json:"cloture,omitempty"`
	Amendements []Amendement        `json:"amendements,omitempty"`
	Suites      []SuiteOffre        `json:"suites,omitempty"` // what became of the offers (suite.go), not an amendment
	Import      *ImportSeance       `json:"import,omitempty"` // set when the session was imported (suite.go)
	// Instantane is what the commission saw, stored at closing; nil while
	// in preparation (and for sessions closed before snapshots existed,
	// until their documents are first printed).
	Instantane *Instantane `json:"instantane,omitempty"`
	// Envois are the printings of the letters, with their mode of
	// notification (not a change of what was decided: no amendment).
	Envois []Envoi `json:"envois,omitempty"`
}

// Validate checks a session's header.
func (c *Commission) Validate() error {
	var errs []string
	if strings.TrimSpace(c.ID) == "" {
		errs = append(errs, "l'identifiant est obligatoire")
	}
	if c.Date.IsZero() {
		errs = append(errs, "la date est obligatoire")
	}
	if strings.TrimSpace(c.Lieu) == "" {
		errs = append(errs, "le lieu est obligatoire")
	}
	switch c.Type {
	case CommissionAttribution, CommissionOccupation, CommissionMixte:
	default:
		errs = append(errs, "le type doit être attribution, examen de l'occupation ou les deux")
	}
	for i, m := range c.Membres {
		if strings.TrimSpace(m.Nom) == "" {
			errs = append(errs, fmt.Sprintf("le nom du membre n° %d est obligatoire", i+1))
		}
		if m.Civilite != "" && m.Civilite != Madame && m.Civilite != Monsieur {
			errs = append(errs, fmt.Sprintf("la civilité du membre n° %d est « Mme » ou « M. »", i+1))
		}
	}
	if len(errs) > 0 {
		return Errorf(EINVALID, "Commission : %s.", strings.Join(errs, " ; "))
	}
	return nil
}

// Quorum checks the presence of the voting members: at least half of them.
func (c *Commission) Quorum() Verdict {
	voix, presents := 0, 0
	for _, m := range c.Membres {
		if m.Voix {
			voix++
			if m.Present {
				presents++
			}
		}
	}
	need := (voix + 1) / 2
	v := Verdict{Regle: RegleQuorum, Titre: RegleQuorum.Titre(), Source: "Art. R.441-9 CCH ; règlement intérieur de la CALEOL",
		Valeur: fmt.Sprintf("%d membre(s) à voix délibérative présent(s) sur %d", presents, voix),
		Seuil:  fmt.Sprintf("au moins la moitié, soit %d", need)}
	switch {
	case voix == 0:
		v.Resultat, v.Explication = Incomplet, "Aucun membre à voix délibérative n'est inscrit."
	case presents >= need:
		v.Resultat, v.Explication = Conforme, fmt.Sprintf("Le quorum est atteint : %d présent(s) sur %d.", presents, voix)
	default:
		v.Resultat, v.Explication = Alerte, fmt.Sprintf("Le quorum n'est pas atteint : %d présent(s) sur %d, il en faut %d.", presents, voix, need)
	}
	return v
}

// TroisCandidats checks the rule of three candidates per dwelling.
func TroisCandidats(d *DossierLogement) Verdict {
	n := len(d.Candidats)
	v := Verdict{Regle: RegleTroisCandidats, Titre: RegleTroisCandidats.Titre(), Source: "Art. R.441-3 CCH",
		Valeur: fmt.Sprintf("%d candidat(s)", n), Seuil: "au moins 3, sauf exception légale"}
	prefet := false
	for _, c := range d.Candidats {
		if c.Profil != nil && c.Profil.DALOPrefet {
			prefet = true
		}
	}
	switch {
	case n >= 3:
		v.Resultat, v.Explication = Conforme, fmt.Sprintf("%d candidats sont présentés.", n)
	case d.Exception != "" && !ExceptionValable(d.Exception):
		v.Resultat = Alerte
		v.Explication = fmt.Sprintf("%d candidat(s) seulement, et « %s » n'est pas une exception prévue par l'article R.441-3 (insuffisance de candidats, candidat DALO désigné par le préfet, logement financé selon l'article D.331-25-1).", n, clip(d.Exception))
	case d.Exception == ExceptionsTroisCandidats[1] && !prefet:
		v.Resultat = Alerte
		v.Explication = fmt.Sprintf("%d candidat(s) seulement : l'exception « %s » est invoquée mais aucun candidat présenté n'est un DALO désigné par le préfet.", n, d.Exception)
	case d.Exception != "":
		v.Resultat, v.Explication = Conforme, fmt.Sprintf("%d candidat(s) seulement, exception retenue : %s.", n, d.Exception)
	default:
		v.Resultat = Alerte
		v.Explication = fmt.Sprintf("%d candidat(s) seulement : la commission doit examiner au moins trois candidats, sauf insuffisance de candidats, candidat DALO désigné par le préfet ou logement financé selon l'article D.331-25-1.", n)
	}
	return v
}

// Annee is the year of the session.
func (c *Commission) Annee() int { return c.Date.Year() }

// Dossier returns the dwelling ref examined by the session, or nil.
func (c *Commission) Dossier(ref string) *DossierLogement {
	for i := range c.Logements {
		if c.Logements[i].Logement == ref {
			return &c.Logements[i]
		}
	}
	return nil
}

// DossierOccupationDe returns the household id examined for occupancy, or nil.
func (c *Commission) DossierOccupationDe(id string) *DossierOccupation {
	for i := range c.Occupation {
		if c.Occupation[i].Menage == id {
			return &c.Occupation[i]
		}
	}
	return nil
}

// ProblemesCloture lists what prevents closing the session, in French: the
// quorum, dwellings without candidates or with fewer than three without a
// legal exception, candidates without a valid decision, decisions that do
// not hold together, an application allocated two dwellings, occupancy
// cases without the commission's finding. Empty when the session can close.
func (c *Commission) ProblemesCloture() []string {
	var out []string
	importee := c.Import != nil // past decisions: members and presented candidates not recorded
	if q := c.Quorum(); q.Resultat != Conforme && !importee {
		out = append(out, q.Explication)
	}
	alloue := map[string]string{}
	for i := range c.Logements {
		d := &c.Logements[i]
		if len(d.Candidats) == 0 {
			out = append(out, fmt.Sprintf("Le logement %s n'a aucun candidat : retirez-le de la séance ou ajoutez des candidats.", d.Logement))
			continue
		}
		if v := TroisCandidats(d); v.Resultat != Conforme && !importee {
			out = append(out, fmt.Sprintf("Logement %s : %s", d.Logement, v.Explication))
		}
		for _, k := range d.Candidats {
			if k.Decision != nil {
				if err := k.Decision.Validate(c.Date); err != nil {
					out = append(out, fmt.Sprintf("Logement %s, demande %s : %s", d.Logement, k.NUR, ErrorMessage(err)))
				}
			}
		}
		if err := d.ControleDecisions(true); err != nil {
			out = append(out, ErrorMessage(err))
		}
		if b := d.Beneficiaire(); b != nil {
			if other, ok := alloue[b.NUR]; ok {
				out = append(out, fmt.Sprintf("La demande %s reçoit le logement %s et le logement %s : un seul peut lui être attribué (ou classez-la).", b.NUR, other, d.Logement))
			}
			alloue[b.NUR] = d.Logement
		}
	}
	for _, o := range c.Occupation {
		if strings.TrimSpace(o.Constat) == "" || strings.TrimSpace(o.LogementAdapte) == "" {
			out = append(out, fmt.Sprintf("Le ménage %s (examen de l'occupation) n'a pas de constat de la commission ou de logement adapté indiqué.", o.Menage))
		}
	}
	return out
}
