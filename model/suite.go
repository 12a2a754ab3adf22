package model

import (
	"fmt"
	"strings"
	"time"
)

// What became of an offer after the session: the applicant's answer and the
// lease. It is a follow-up kept with the closed session, never an amendment
// of what the commission decided (R.441-10 CCH: reply deadline; no reply
// counts as a refusal).

// ReponseOffre is one event of an offer's follow-up.
type ReponseOffre string

const (
	OffreAcceptee    ReponseOffre = "accepte"
	OffreRefusee     ReponseOffre = "refus"
	OffreSansReponse ReponseOffre = "sans-reponse" // no answer within the deadline: a refusal (R.441-10)
	OffreBailSigne   ReponseOffre = "bail"
)

// ReponsesOffre lists the events in the order of the command line.
var ReponsesOffre = []ReponseOffre{OffreAcceptee, OffreRefusee, OffreSansReponse, OffreBailSigne}

// ParseReponseOffre reads accepte, refus, sans-reponse or bail (any case,
// « sans_réponse » too).
func ParseReponseOffre(s string) (ReponseOffre, error) {
	v := strings.ReplaceAll(strings.ToLower(Fold(strings.TrimSpace(s))), "_", "-")
	switch v {
	case "accepte", "acceptee", "acceptation":
		return OffreAcceptee, nil
	case "refus", "refuse", "refusee":
		return OffreRefusee, nil
	case "sans-reponse", "sans reponse":
		return OffreSansReponse, nil
	case "bail", "bail-signe":
		return OffreBailSigne, nil
	}
	return "", Errorf(EINVALID, "« %s » n'est pas une suite d'offre (accepte, refus, sans-reponse ou bail).", clip(s))
}

// Label is the French name of the event.
func (r ReponseOffre) Label() string {
	switch r {
	case OffreAcceptee:
		return "offre acceptée"
	case OffreRefusee:
		return "offre refusée"
	case OffreSansReponse:
		return "sans réponse dans le délai (vaut refus)"
	case OffreBailSigne:
		return "bail signé"
	}
	return string(r)
}

// Refus reports whether the event ends the applicant's offer (a refusal or
// no answer).
func (r ReponseOffre) Refus() bool { return r == OffreRefusee || r == OffreSansReponse }

// SuiteOffre is one recorded event of the follow-up of an offer.
type SuiteOffre struct {
	Logement    string       `json:"logement"`
	NUR         string       `json:"nur"`
	Reponse     ReponseOffre `json:"reponse"`
	Date        Date         `json:"date"`                  // date of the answer, of the deadline or of the lease
	Motif       string       `json:"motif,omitempty"`       // reason of a refusal, in the agent's words
	Legitime    bool         `json:"legitime,omitempty"`    // the refusal has a legitimate reason (disability, health, dwelling not adapted…)
	Penalite    bool         `json:"penalite,omitempty"`    // the §1.2 transfer penalty was set by this refusal
	Saisie      time.Time    `json:"saisie"`                // when it was recorded
	Utilisateur string       `json:"utilisateur,omitempty"` // who recorded it
}

// ImportSeance marks a session brought in from a file of past decisions:
// no members, no quorum checked.
type ImportSeance struct {
	Fichier string    `json:"fichier"`
	Le      time.Time `json:"le"`
}

// SourceSuite is the source of the follow-up rules.
const SourceSuite = "Art. R.441-3 et R.441-10 CCH (classement, délai de réponse, absence de réponse valant refus) ; politique d'attribution §1.2 (refus d'une proposition adaptée)"

// EtatOffre is where an offer stands for one candidate.
type EtatOffre struct {
	Reponse ReponseOffre // "" when nothing recorded
	Date    Date
	BailLe  Date // lease date, zero when not signed
}

// Etat returns the last event recorded for application nur on dwelling ref.
func (c *Commission) EtatOffre(ref, nur string) EtatOffre {
	var e EtatOffre
	for _, s := range c.Suites {
		if s.Logement == ref && s.NUR == nur {
			e.Reponse, e.Date = s.Reponse, s.Date
			if s.Reponse == OffreBailSigne {
				e.BailLe = s.Date
			}
		}
	}
	return e
}

// TitulaireOffre returns the candidate who holds the offer of dwelling ref
// once the follow-up is read: the attribution (or condition suspensive)
// candidate, else the best-ranked of the classement who has not refused
// (R.441-3: the dwelling goes to the next when the first refuses). nil when
// nobody holds it (no attribution, or every ranked candidate refused).
func (c *Commission) TitulaireOffre(ref string) *Candidat {
	d := c.Dossier(ref)
	if d == nil {
		return nil
	}
	return titulaire(d, func(nur string) bool { return c.EtatOffre(ref, nur).Reponse.Refus() })
}

// ControleSuite checks that event s can be recorded on session c: the
// session is closed, the dwelling examined, the applicant holds the offer
// now, the date is not before the session, a refusal gives its reason, a
// lease its date, and nothing follows a lease or a refusal. today bounds
// the date.
func (c *Commission) ControleSuite(s *SuiteOffre, today Date) error {
	if c.Statut != Close {
		return Errorf(EINVALID, "La commission %s n'est pas close : la suite des offres se saisit après la séance.", c.ID)
	}
	d := c.Dossier(s.Logement)
	if d == nil {
		return Errorf(ENOTFOUND, "Le logement %s n'est pas examiné par la commission %s.", s.Logement, c.ID)
	}
	if d.Candidat(s.NUR) == nil {
		return Errorf(ENOTFOUND, "La demande %s n'est pas candidate pour le logement %s.", s.NUR, s.Logement)
	}
	var errs []string
	etat := c.EtatOffre(s.Logement, s.NUR)
	switch {
	case etat.Reponse == OffreBailSigne:
		errs = append(errs, fmt.Sprintf("le bail est déjà signé (le %s)", etat.BailLe))
	case etat.Reponse.Refus():
		errs = append(errs, fmt.Sprintf("l'offre a déjà été refusée (%s, le %s)", etat.Reponse.Label(), etat.Date))
	default:
		if t := c.TitulaireOffre(s.Logement); t == nil || t.NUR != s.NUR {
			holder := "personne"
			if t != nil {
				holder = "la demande " + t.NUR
			}
			errs = append(errs, fmt.Sprintf("la demande %s ne détient pas l'offre du logement %s (elle est à %s : le rang suivant ne la reçoit qu'après le refus des rangs précédents)", s.NUR, s.Logement, holder))
		}
	}
	switch s.Reponse {
	case OffreAcceptee, OffreSansReponse, OffreBailSigne:
		if s.Legitime {
			errs = append(errs, "« motif légitime » ne vaut que pour un refus")
		}
	case OffreRefusee:
		if len([]rune(strings.TrimSpace(s.Motif))) < 3 {
			errs = append(errs, "le motif du refus est obligatoire")
		}
	default:
		errs = append(errs, "la suite doit être accepte, refus, sans-reponse ou bail")
	}
	if s.Reponse == OffreBailSigne && s.Date.IsZero() {
		errs = append(errs, "la date de signature du bail est obligatoire (--date AAAA-MM-JJ)")
	}
	if !s.Date.IsZero() && s.Date < c.Date {
		errs = append(errs, fmt.Sprintf("la date %s précède la séance du %s", s.Date, c.Date))
	}
	if s.Date > today {
		errs = append(errs, fmt.Sprintf("la date %s est dans le futur", s.Date))
	}
	if len(errs) > 0 {
		return Errorf(EINVALID, "Suite de l'offre : %s.", strings.Join(errs, " ; "))
	}
	return nil
}

// PenaliteRefus reports whether a refusal sets the transfer penalty of the
// policy (§1.2: « en cas de refus de proposition adaptée à la situation, la
// demande de mutation pourra être non priorisée pendant une durée d'une
// année, à l'exception d'un motif de refus légitime »): a refusal or no
// answer, without legitimate reason, by an applicant already a tenant of
// the office.
func PenaliteRefus(s *SuiteOffre, mutation bool) bool {
	return s.Reponse.Refus() && !s.Legitime && mutation
}
