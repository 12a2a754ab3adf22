package pdf

import (
	"fmt"
	"regexp"
	"strings"

	"logis/model"
)

// Tableau is a table laid out as data: header, column widths (mm) and rows.
type Tableau struct {
	Entetes  []string
	Largeurs []float64
	Lignes   [][]string
}

// SectionLogement is one dwelling of the minutes with its candidates.
type SectionLogement struct {
	Titre          string
	Details        string
	Candidats      Tableau
	TroisCandidats string // the rule-of-three verdict, with its exception
	Alerte         bool   // fewer than three candidates without exception
}

// PV is the minutes of a session laid out as plain data.
type PV struct {
	Fichier     string
	Date        model.Date
	Office      string
	Titre       []string
	Projet      bool // the session is not closed: the minutes are a draft
	Entete      [][2]string
	Membres     Tableau
	Quorum      string
	QuorumAtt   bool
	Logements   []SectionLogement
	Occupation  Tableau
	Synthese    [][2]string
	Amendements []string
	Envois      []string // printings of the letters and how they were notified
	// Informations: what the session was told without deciding it (lease
	// transfers, emergency procedures: policy §1.3), titled blocks.
	Informations []BlocInformation
	Mentions     []string
	Signatures   []string
	Pied         string
}

// Texte returns every word of the minutes in reading order (for tests).
func (p *PV) Texte() string {
	var b lignes
	w := b.ecrire
	tab := func(t Tableau) {
		w(strings.Join(t.Entetes, " | "))
		for _, r := range t.Lignes {
			w(strings.Join(r, " | "))
		}
	}
	w(p.Office)
	w(p.Titre...)
	for _, r := range p.Entete {
		w(r[0] + " " + r[1])
	}
	tab(p.Membres)
	w(p.Quorum)
	for _, s := range p.Logements {
		w(s.Titre, s.Details)
		tab(s.Candidats)
		w(s.TroisCandidats)
	}
	tab(p.Occupation)
	for _, r := range p.Synthese {
		w(r[0] + " " + r[1])
	}
	for _, bl := range p.Informations {
		w(bl.Titre)
		w(bl.Lignes...)
	}
	w(p.Amendements...)
	w(p.Envois...)
	w(p.Mentions...)
	w(p.Signatures...)
	w(p.Pied)
	return b.String()
}

// SourcePV is what the minutes need, read from the database by the caller.
type SourcePV struct {
	Commission *model.Commission
	Office     *model.Office
	Logements  map[string]*model.Logement // the dwellings examined, and the tenants' dwellings
	Menages    map[string]*model.Menage   // candidates and tenants examined
	// Situations: by NUR, the specific situations of §1.3 the commission
	// was told about (app.SituationsSeance); Informations: the transfers
	// and emergencies reported to it (nil: the section says none).
	Situations   map[string][]string
	Informations *model.InformationsSeance
}

// MiseEnPagePV lays out the minutes of a session.
func MiseEnPagePV(s SourcePV) (*PV, error) {
	c, o := s.Commission, s.Office
	if c == nil || o == nil {
		return nil, fmt.Errorf("pdf: procès-verbal incomplet")
	}
	p := &PV{Fichier: nomFichier(c.ID, "proces-verbal"), Date: c.Date, Office: o.Nom, Projet: c.Statut != model.Close}
	p.Titre = []string{"Commission d'attribution des logements et d'examen de l'occupation des logements (CALEOL)",
		"Procès-verbal de la séance du " + c.Date.LongAvecJour()}
	if p.Projet {
		p.Titre = append(p.Titre, "PROJET – séance en préparation, non close : ce document n'a pas valeur de procès-verbal")
	}
	p.Entete = [][2]string{
		{"Séance", c.ID},
		{"Date", c.Date.LongAvecJour()},
		{"Lieu", c.Lieu},
		{"Commune", c.Commune},
		{"Objet", majuscule(c.Type.Label())},
		{"Statut", statut(c)},
	}
	if c.Import != nil {
		// Decisions taken before Logis: said in the title and the header,
		// with the file and the day they were brought in.
		p.Titre = append(p.Titre, SeanceImportee)
		for i := range p.Entete {
			if p.Entete[i][0] == "Lieu" && (strings.TrimSpace(c.Lieu) == "" || strings.HasPrefix(c.Lieu, "Séance importée")) {
				p.Entete[i][1] = "non enregistré"
			}
		}
		p.Entete = append(p.Entete, [2]string{"Origine", SeanceImportee + ". Décisions reprises du fichier « " + c.Import.Fichier + " », importé le " + model.DateOf(c.Import.Le).String() + "."})
	}
	if c.Statut == model.Close && c.Instantane != nil {
		dossiers := "tels qu'examinés par la commission, enregistrés à la clôture"
		if c.Import != nil {
			dossiers = "enregistrés à l'import le " + model.DateOf(c.Instantane.Pris).String() + " : ce que Logis savait alors des ménages et des logements, qui peut différer de ce que la commission a examiné"
		}
		if c.Instantane.Reprise {
			dossiers = "enregistrés le " + model.DateOf(c.Instantane.Pris).String() + " (instantané repris après la clôture : séance close par une version antérieure du logiciel)"
		}
		p.Entete = append(p.Entete, [2]string{"Dossiers", dossiers})
	}
	p.Membres = Tableau{Entetes: []string{"Membre", "Qualité", "Voix délibérative", "Présence"}, Largeurs: []float64{48, 72, 26, 24}}
	for _, m := range c.Membres {
		voix := "non"
		if m.Voix {
			voix = "oui"
			if m.Maire {
				voix = "oui, prépondérante"
			}
		}
		p.Membres.Lignes = append(p.Membres.Lignes, []string{m.NomCivil(), m.Qualite, voix, m.Presence()})
	}
	q := c.Quorum()
	p.QuorumAtt = q.Resultat == model.Conforme
	p.Quorum = q.Explication + " Seuil : " + q.Seuil + " (" + q.Source + ")."
	if c.Import != nil && len(c.Membres) == 0 {
		p.Quorum = "Séance importée : la composition de la commission, la présence de ses membres et le quorum n'ont pas été enregistrés dans Logis ; ils figurent au procès-verbal original de la séance."
	}

	counts := map[model.TypeDecision]int{}
	sans := 0
	for _, dl := range c.Logements {
		sec := SectionLogement{Titre: "Logement " + dl.Logement}
		if lg := s.Logements[dl.Logement]; lg != nil {
			sec.Titre += " – " + model.TypologieLabel(lg.Typologie) + ", " + model.FormatNumber(lg.Surface, 2) + nb + "m², " + adresseLogement(lg)
			qpv := ""
			if lg.QPV {
				qpv = ", en quartier prioritaire (QPV)"
			}
			sec.Details = fmt.Sprintf("Financement %s, loyer %s + charges %s = %s par mois, %s%s",
				lg.Financement, lg.Loyer, lg.Charges, lg.Quittance(), etage(lg.Etage), qpv)
			if lg.Contingent != "" {
				sec.Details += ", contingent " + lg.Contingent
			}
			sec.Details += "."
		}
		sec.Candidats = Tableau{Entetes: []string{"Rang proposé", "Candidat", "Décision de la commission", "Motifs en fait et en droit, précisions"},
			Largeurs: []float64{17, 46, 35, 72}}
		for _, cand := range dl.Candidats {
			nom := cand.NUR
			if m := s.Menages[cand.Menage]; m != nil {
				nom = m.Nom() + "\n" + "NUR " + cand.NUR
			}
			rang := "–"
			if cand.RangPropo > 0 {
				rang = fmt.Sprint(cand.RangPropo)
			}
			dec, motifs := decisionPV(cand.Decision)
			if sit := s.Situations[cand.NUR]; len(sit) > 0 {
				motifs = strings.TrimSpace(motifs + "\nSituations particulières (§1.3) :\n– " + strings.Join(sit, "\n– "))
			}
			if cand.Decision == nil {
				sans++
			} else {
				counts[cand.Decision.Type]++
			}
			sec.Candidats.Lignes = append(sec.Candidats.Lignes, []string{rang, nom, dec, motifs})
		}
		v := model.TroisCandidats(&dl)
		sec.TroisCandidats = "Trois candidats par logement (art. R.441-3 CCH) : " + v.Explication
		sec.Alerte = v.Resultat != model.Conforme
		p.Logements = append(p.Logements, sec)
	}

	p.Occupation = Tableau{Entetes: []string{"Ménage", "Logement", "Situation relevée", "Constat de la commission", "Logement adapté"},
		Largeurs: []float64{30, 28, 36, 42, 34}}
	for _, oc := range c.Occupation {
		nom := oc.Menage
		if m := s.Menages[oc.Menage]; m != nil {
			nom = m.Nom() + "\n" + oc.Menage
		}
		var sit []string
		for _, code := range oc.Situations {
			if l, ok := situationsPV[code]; ok {
				sit = append(sit, l)
			} else {
				sit = append(sit, code)
			}
		}
		lg := oc.Logement
		if l := s.Logements[oc.Logement]; l != nil {
			lg += "\n" + model.TypologieLabel(l.Typologie) + ", " + model.FormatNumber(l.Surface, 2) + nb + "m², " + l.Commune
		}
		p.Occupation.Lignes = append(p.Occupation.Lignes, []string{nom, lg, strings.Join(sit, "\n"), oc.Constat, oc.LogementAdapte})
	}

	for _, t := range model.TypesDecision {
		if counts[t] > 0 {
			p.Synthese = append(p.Synthese, [2]string{t.Label(), fmt.Sprint(counts[t])})
		}
	}
	if sans > 0 {
		p.Synthese = append(p.Synthese, [2]string{"Sans décision enregistrée", fmt.Sprint(sans)})
	}
	if len(c.Occupation) > 0 {
		p.Synthese = append(p.Synthese, [2]string{"Ménages examinés au titre de l'occupation", fmt.Sprint(len(c.Occupation))})
	}
	p.Informations = blocsInformations(s.Informations)
	for _, a := range c.Amendements {
		p.Amendements = append(p.Amendements, fmt.Sprintf("Amendement du %s par %s : %s", model.DateOf(a.Quand).String(), a.Utilisateur, a.Motif))
	}
	for _, e := range c.Envois {
		t := fmt.Sprintf("Courriers du %s : %s", e.Date, e.Mode.Label())
		if e.Mode != model.MainPropre {
			t += fmt.Sprintf(", réception prévue le %s", e.Reception)
		}
		p.Envois = append(p.Envois, t+fmt.Sprintf(" (%d courrier(s)).", e.Courriers))
	}
	decidees := "Les décisions consignées dans le présent procès-verbal ont été prises par la commission, après examen de chaque dossier et délibération de ses membres. Le logiciel de l'Office n'a fait que préparer les dossiers et proposer un ordre des candidats, avec ses explications : aucune décision n'a été prise de façon automatisée."
	if c.Import != nil {
		decidees = "Les décisions consignées dans le présent document ont été prises par la commission avant l'utilisation de Logis, puis importées d'un fichier : le logiciel n'a ni préparé les dossiers ni proposé d'ordre des candidats, et aucune décision n'a été prise de façon automatisée. Seul le procès-verbal original de la séance fait foi."
	}
	p.Mentions = []string{
		decidees,
		"Les membres de la commission et les personnes assistant à ses délibérations sont tenus à la discrétion absolue sur les informations portées à leur connaissance et sur les motifs des décisions (politique d'attribution de l'Office, III). Ce document contient des données personnelles : il ne doit pas être diffusé.",
	}
	p.Signatures = []string{"Le président de la commission", "Le secrétaire de séance"}
	p.Pied = "CALEOL – séance " + c.ID + " du " + c.Date.String() + " – document confidentiel"
	if p.Projet {
		p.Pied = "PROJET – " + p.Pied
	}
	soigner(p)
	return p, nil
}

// SeanceImportee says, at the head of the minutes, that a session was
// imported from a file of past decisions (model.ImportSeance).
const SeanceImportee = "Séance importée : décisions prises avant Logis ; membres et quorum non enregistrés"

// LegendeRang explains the « Rang proposé » column against the ranks of a
// classement, printed under the heading of the dwellings.
const LegendeRang = "« Rang proposé » : ordre des candidats préparé par le logiciel selon les priorités de la politique d'attribution (– : candidat ajouté par l'agent). Le rang de classement décidé par la commission, qui seul compte, figure dans la colonne « Décision de la commission »."

var (
	// articles writes « art. » in running text (« Art. » only starts a
	// sentence) and binds it to the article number.
	articles = strings.NewReplacer("(Art. ", "(art.\u00a0", "; Art. ", "; art.\u00a0", ", Art. ", ", art.\u00a0", " art. ", " art.\u00a0", "(art. ", "(art.\u00a0")
	// deuxPoints puts a no-break space before a colon typed without space.
	deuxPoints = regexp.MustCompile(`([^\s\x{00a0}]):(\s|$)`)
)

// soigner applies French typography to every word of the minutes: « art. »
// in lower case within sentences, no-break spaces before « : ; ! ? » and
// inside « », so that the data read (and tested) as printed.
func soigner(p *PV) {
	fix := func(s string) string {
		if s == "" {
			return s
		}
		s = articles.Replace(s)
		s = deuxPoints.ReplaceAllString(s, "$1 :$2")
		return typographie.Replace(s)
	}
	all := func(xs []string) {
		for i := range xs {
			xs[i] = fix(xs[i])
		}
	}
	tab := func(t *Tableau) {
		all(t.Entetes)
		for _, r := range t.Lignes {
			all(r)
		}
	}
	all(p.Titre)
	for i := range p.Entete {
		p.Entete[i][1] = fix(p.Entete[i][1])
	}
	tab(&p.Membres)
	p.Quorum = fix(p.Quorum)
	for i := range p.Logements {
		s := &p.Logements[i]
		s.Titre, s.Details, s.TroisCandidats = fix(s.Titre), fix(s.Details), fix(s.TroisCandidats)
		tab(&s.Candidats)
	}
	tab(&p.Occupation)
	for i := range p.Synthese {
		p.Synthese[i][0] = fix(p.Synthese[i][0])
	}
	for i := range p.Informations {
		p.Informations[i].Titre = fix(p.Informations[i].Titre)
		all(p.Informations[i].Lignes)
	}
	all(p.Amendements)
	all(p.Envois)
	all(p.Mentions)
	p.Pied = fix(p.Pied)
}

func statut(c *model.Commission) string {
	if c.Statut == model.Close {
		if !c.Cloture.IsZero() {
			return "close le " + model.DateOf(c.Cloture).Long()
		}
		return "close"
	}
	return "en préparation"
}

var situationsPV = map[string]string{
	"sous_occupation":               "Sous-occupation (art. L.621-2 CCH)",
	"sur_occupation_critique":       "Sur-occupation critique (art. R.822-25 CCH)",
	"sur_occupation":                "Sur-occupation (typologie)",
	"logement_adapte_sans_handicap": "Logement adapté sans occupant handicapé",
	"handicap_sans_logement_adapte": "Handicap dans un logement non adapté",
	"depassement_plafond":           "Ressources au-dessus du plafond",
}

// troisiemePersonne turns the reasons, written to the applicant, into the
// third person of the minutes.
var troisiemePersonne = strings.NewReplacer("votre ménage", "son ménage", "vos ressources", "ses ressources", "votre demande", "sa demande")

// decisionPV writes a decision and its reasons for the minutes.
func decisionPV(d *model.Decision) (string, string) {
	if d == nil {
		return "Aucune décision enregistrée", ""
	}
	dec := d.Type.Label()
	var motifs []string
	switch d.Type {
	case model.AttributionClassee:
		dec += fmt.Sprintf(" : classé au rang %d par la commission", d.Rang)
	case model.ConditionSuspensive:
		motifs = append(motifs, "Pièces à fournir : "+strings.Join(d.Pieces, " ; ")+".",
			"Date limite : "+d.DateLimite.Long()+".")
	case model.NonAttribution, model.Irrecevabilite:
		for _, code := range d.Motifs {
			if m, ok := model.MotifDecision(d.Type, code); ok {
				motifs = append(motifs, majuscule(troisiemePersonne.Replace(m.Libelle))+" ("+m.Droit+").")
			} else {
				motifs = append(motifs, code)
			}
		}
	}
	if p := strings.TrimSpace(d.Precisions); p != "" {
		motifs = append(motifs, "Précisions : "+p)
	}
	return dec, strings.Join(motifs, "\n")
}
