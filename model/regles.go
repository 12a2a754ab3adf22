package model

import (
	"math"
	"strings"
)

// Zone is the geographic zone of the resource ceilings.
type Zone string

const (
	ZoneParisLimitrophes Zone = "paris_limitrophes" // Paris et communes limitrophes
	ZoneResteIDF         Zone = "reste_idf"         // reste de l'Île-de-France
)

// Label is the French name of the zone.
func (z Zone) Label() string {
	switch z {
	case ZoneParisLimitrophes:
		return "Paris et communes limitrophes"
	case ZoneResteIDF:
		return "reste de l'Île-de-France"
	}
	return string(z)
}

// Bareme is one column of the ceiling table: a year, a zone, a financing.
type Bareme struct {
	Annee       int         `json:"annee"`
	Zone        Zone        `json:"zone"`
	Financement Financement `json:"financement"`
	Categories  [6]Cents    `json:"categories"`   // categories 1 to 6, per year
	ParPersonne Cents       `json:"par_personne"` // each person beyond category 6
	// Derive: figures computed by the program, not read in the arrêté
	// (« dérivés, non officiels ») until the office enters or imports them.
	Derive bool `json:"derive,omitempty"`
}

// LigneTypologie is a row of the policy's occupancy table: a household of
// « couple or single person » plus between Min and Max other persons fits
// the typologies TypoMin to TypoMax (TypoMax 0 = and more).
type LigneTypologie struct {
	Libelle string `json:"libelle"`
	Min     int    `json:"min"`
	Max     int    `json:"max"` // -1: no upper bound
	TypoMin int    `json:"typo_min"`
	TypoMax int    `json:"typo_max"` // 0: no upper bound
}

// Objectifs are the yearly allocation objectives (policy §1.1 and §1.2).
type Objectifs struct {
	Prioritaires     float64 `json:"prioritaires"`       // share of designations to DALO / priority publics
	Q1HorsQPV        float64 `json:"q1_hors_qpv"`        // share of leases outside QPV to first-quartile applicants
	AuDessusQ1EnQPV  float64 `json:"au_dessus_q1_qpv"`   // share of allocations in QPV above the first quartile
	MutationsInterne float64 `json:"mutations_internes"` // share of allocations to internal transfers
}

// Regles are the office's rule tables. They are data: the defaults below are
// those of the policy and of 2026, and the office edits them in Paramètres.
type Regles struct {
	TauxEffortMax        float64 `json:"taux_effort_max"`           // 0.35
	ResteAVivreMinUCJour Cents   `json:"reste_a_vivre_min_uc_jour"` // 20 € per UC per day
	JoursParMois         int     `json:"jours_par_mois"`            // 30

	UCPremierAdulte float64 `json:"uc_premier_adulte"` // 1
	UCAutre14       float64 `json:"uc_autre_14"`       // 0.5 for others aged 14 or more
	UCEnfant        float64 `json:"uc_enfant"`         // 0.3 under 14
	AgeUC           int     `json:"age_uc"`            // 14

	SurfacesMin  []float64        `json:"surfaces_min"` // index 0: 1 person … last: that many and more
	Typologies   []LigneTypologie `json:"typologies"`
	Baremes      []Bareme         `json:"baremes"`
	CoefPLS      float64          `json:"coef_pls"`            // PLS = PLUS × 1.30
	Zones        map[string]Zone  `json:"zones"`               // commune key → zone
	PremierQuart map[int]Cents    `json:"premier_quartile"`    // year → yearly resources per UC
	AgeJeuneCpl  int              `json:"age_jeune_couple"`    // ages adding up to 55 or less
	AgeACharge   int              `json:"age_enfant_a_charge"` // a child is a dependant under this age
	AgeSenior    int              `json:"age_senior"`          // PMR for seniors kept at home

	AncienneteMutationMois int       `json:"anciennete_mutation_mois"` // 12
	NonPrioriteRefusMois   int       `json:"non_priorite_refus_mois"`  // 12
	Objectifs              Objectifs `json:"objectifs"`
}

// DefaultRegles returns the policy's figures and the 2026 ceilings.
func DefaultRegles() *Regles {
	r := &Regles{
		TauxEffortMax:        0.35,
		ResteAVivreMinUCJour: Euros(20),
		JoursParMois:         30,
		UCPremierAdulte:      1,
		UCAutre14:            0.5,
		UCEnfant:             0.3,
		AgeUC:                14,
		SurfacesMin:          []float64{9, 16, 25, 34, 43, 52, 61, 70},
		Typologies: []LigneTypologie{
			{Libelle: "Couple ou personne seule sans enfant", Min: 0, Max: 0, TypoMin: 1, TypoMax: 2},
			{Libelle: "Couple ou isolé + 1 à 2 enfants", Min: 1, Max: 2, TypoMin: 3, TypoMax: 3},
			{Libelle: "Couple ou isolé + 2 à 4 enfants", Min: 2, Max: 4, TypoMin: 4, TypoMax: 4},
			{Libelle: "À partir de couple ou isolé + 3 enfants", Min: 3, Max: -1, TypoMin: 5, TypoMax: 0},
		},
		CoefPLS: 1.30,
		Zones: map[string]Zone{
			CommuneKey("Gentilly"):        ZoneParisLimitrophes,
			CommuneKey("Arcueil"):         ZoneResteIDF,
			CommuneKey("Cachan"):          ZoneResteIDF,
			CommuneKey("Villejuif"):       ZoneResteIDF,
			CommuneKey("Vitry-sur-Seine"): ZoneResteIDF,
		},
		PremierQuart:           map[int]Cents{},
		AgeJeuneCpl:            55,
		AgeACharge:             25,
		AgeSenior:              65,
		AncienneteMutationMois: 12,
		NonPrioriteRefusMois:   12,
		Objectifs:              Objectifs{Prioritaires: 0.25, Q1HorsQPV: 0.25, AuDessusQ1EnQPV: 0.50, MutationsInterne: 0.20},
	}
	e := func(v ...int64) [6]Cents {
		var c [6]Cents
		for i, x := range v {
			c[i] = Euros(x)
		}
		return c
	}
	r.Baremes = BaremesOfficiels()
	// PLAI 2026: derived from the PLUS table, not read in the arrêté's
	// annex II; shown as « dérivés, non officiels » until imported.
	r.Baremes = append(r.Baremes,
		Bareme{2026, ZoneParisLimitrophes, PLAI, e(14811, 24140, 31642, 34637, 41204, 46369), Euros(5165), true},
		Bareme{2026, ZoneResteIDF, PLAI, e(14811, 24140, 29017, 31861, 37719, 42444), Euros(4727), true})
	return r
}

// BaremesOfficiels returns the official PLUS ceilings shipped with Logis
// (€ per year, revenu fiscal N-2): arrêtés of December 2023 (2024), December
// 2024 (2025) and December 2025 (2026), Paris and its bordering communes,
// and the rest of Île-de-France.
func BaremesOfficiels() []Bareme {
	e := func(v ...int64) [6]Cents {
		var c [6]Cents
		for i, x := range v {
			c[i] = Euros(x)
		}
		return c
	}
	return []Bareme{
		{2024, ZoneParisLimitrophes, PLUS, e(26044, 38925, 51025, 60921, 72482, 81562), Euros(9089), false},
		{2024, ZoneResteIDF, PLUS, e(26044, 38925, 46789, 56046, 66347, 74662), Euros(8319), false},
		{2025, ZoneParisLimitrophes, PLUS, e(26687, 39885, 52284, 62424, 74271, 83575), Euros(9313), false},
		{2025, ZoneResteIDF, PLUS, e(26687, 39885, 47944, 57429, 67984, 76504), Euros(8524), false},
		{2026, ZoneParisLimitrophes, PLUS, e(26920, 40233, 52740, 62968, 74919, 84304), Euros(9394), false},
		{2026, ZoneResteIDF, PLUS, e(26920, 40233, 48362, 57930, 68577, 77171), Euros(8598), false},
	}
}

// CompleterOfficiels adds the official tables of BaremesOfficiels that r
// lacks (a database created before they were shipped); it never changes a
// table already entered. It returns the number of tables added.
func (r *Regles) CompleterOfficiels() int {
	n := 0
	for _, o := range BaremesOfficiels() {
		found := false
		for _, b := range r.Baremes {
			if b.Annee == o.Annee && b.Zone == o.Zone && b.Financement == o.Financement {
				found = true
				break
			}
		}
		if !found {
			r.Baremes = append(r.Baremes, o)
			n++
		}
	}
	return n
}

// ZoneOf returns the ceiling zone of a commune.
func (r *Regles) ZoneOf(commune string) (Zone, bool) {
	z, ok := r.Zones[CommuneKey(commune)]
	return z, ok
}

// Bareme returns the ceiling table of exactly year annee (ceilings are
// revised every 1 January, R.441-1 CCH: never another year's), zone z and
// financing f. PLS is derived from the same year's PLUS with CoefPLS when
// the office has not entered it. ok is false when no table of that year is
// entered: the verdict is then « données manquantes ».
func (r *Regles) Bareme(annee int, z Zone, f Financement) (Bareme, bool) {
	for _, b := range r.Baremes {
		if b.Zone == z && b.Financement == f && b.Annee == annee {
			return b, true
		}
	}
	if f == PLS {
		plus, ok := r.Bareme(annee, z, PLUS)
		if !ok {
			return Bareme{}, false
		}
		b := plus
		b.Financement = PLS
		for i := range b.Categories {
			b.Categories[i] = roundCents(float64(plus.Categories[i]) * r.CoefPLS)
		}
		b.ParPersonne = roundCents(float64(plus.ParPersonne) * r.CoefPLS)
		return b, true
	}
	return Bareme{}, false
}

// PremierQuartile returns the first-quartile threshold of exactly year
// annee (€ per UC per year, resources declared with the applications), the
// year itself, and false when the office has not entered it.
func (r *Regles) PremierQuartile(annee int) (Cents, int, bool) {
	q, ok := r.PremierQuart[annee]
	if !ok || q <= 0 {
		return 0, annee, false
	}
	return q, annee, true
}

// DonneesManquantesPlafonds is the verdict's words when the ceilings of a
// year are not entered.
func DonneesManquantesPlafonds(annee int) string {
	return "données manquantes : plafonds " + itoa(annee) + " non saisis"
}

// DonneesManquantesQuartile is the verdict's words when the first-quartile
// threshold of a year is not entered.
func DonneesManquantesQuartile(annee int) string {
	return "données manquantes : seuil du premier quartile " + itoa(annee) + " non saisi"
}

// SurfaceMin returns the minimum surface for n persons (R.822-25).
func (r *Regles) SurfaceMin(n int) float64 {
	if n < 1 || len(r.SurfacesMin) == 0 {
		return 0
	}
	if n > len(r.SurfacesMin) {
		n = len(r.SurfacesMin)
	}
	return r.SurfacesMin[n-1]
}

// Validate checks the tables an office edits.
func (r *Regles) Validate() error {
	var errs []string
	if r.TauxEffortMax <= 0 || r.TauxEffortMax >= 1 {
		errs = append(errs, "le taux d'effort maximal doit être compris entre 0 et 100\u00a0%")
	}
	if r.ResteAVivreMinUCJour < 0 {
		errs = append(errs, "le reste à vivre minimal ne peut pas être négatif")
	}
	if r.JoursParMois < 28 || r.JoursParMois > 31 {
		errs = append(errs, "le nombre de jours par mois doit aller de 28 à 31")
	}
	if r.UCPremierAdulte <= 0 || r.UCAutre14 <= 0 || r.UCEnfant <= 0 {
		errs = append(errs, "les poids des unités de consommation doivent être positifs")
	}
	if len(r.SurfacesMin) == 0 {
		errs = append(errs, "le tableau des surfaces minimales est vide")
	}
	for i := 1; i < len(r.SurfacesMin); i++ {
		if r.SurfacesMin[i] < r.SurfacesMin[i-1] {
			errs = append(errs, "les surfaces minimales doivent croître avec le nombre de personnes")
			break
		}
	}
	if len(r.Typologies) == 0 {
		errs = append(errs, "le tableau d'occupation par typologie est vide")
	}
	for _, t := range r.Typologies {
		if t.Min < 0 || (t.Max >= 0 && t.Max < t.Min) || t.TypoMin < 1 || t.TypoMin > 6 || (t.TypoMax != 0 && t.TypoMax < t.TypoMin) {
			errs = append(errs, "ligne « "+t.Libelle+" » du tableau d'occupation incohérente")
		}
	}
	for i, s := range r.SurfacesMin {
		if s <= 0 {
			errs = append(errs, "la surface minimale pour "+itoa(i+1)+" personne(s) doit être positive")
			break
		}
	}
	seen := map[string]bool{}
	for _, b := range r.Baremes {
		key := itoa(b.Annee) + string(b.Zone) + string(b.Financement)
		if seen[key] {
			errs = append(errs, "plafonds "+itoa(b.Annee)+" "+string(b.Financement)+" ("+b.Zone.Label()+") saisis deux fois")
		}
		seen[key] = true
		if b.Zone != ZoneParisLimitrophes && b.Zone != ZoneResteIDF {
			errs = append(errs, "zone de plafonds inconnue « "+string(b.Zone)+" »")
		}
		if b.ParPersonne <= 0 {
			errs = append(errs, "plafonds "+itoa(b.Annee)+" "+string(b.Financement)+" : le montant par personne supplémentaire doit être positif")
		}
		for i := 1; i < 6; i++ {
			if b.Categories[i] < b.Categories[i-1] || b.Categories[0] <= 0 {
				errs = append(errs, "plafonds "+itoa(b.Annee)+" "+string(b.Financement)+" ("+b.Zone.Label()+") : ils doivent être positifs et croître avec la catégorie")
				break
			}
		}
	}
	// A year's copy not edited would apply another year's figures (R.441-1:
	// revised every 1 January): refused until its own figures are typed.
	for _, b := range r.Baremes {
		if !b.Derive {
			continue
		}
		for _, o := range r.Baremes {
			if o.Annee == b.Annee-1 && o.Zone == b.Zone && o.Financement == b.Financement && o.Categories == b.Categories && o.ParPersonne == b.ParPersonne {
				errs = append(errs, "plafonds "+itoa(b.Annee)+" "+string(b.Financement)+" ("+b.Zone.Label()+") : copie de "+itoa(o.Annee)+" non modifiée ; saisissez les chiffres de l'arrêté "+itoa(b.Annee)+" (Logis n'applique jamais les plafonds d'une autre année)")
			}
		}
	}
	if r.AgeUC < 1 || r.AgeJeuneCpl < 1 || r.AgeACharge < 1 || r.AgeSenior < 1 || r.AncienneteMutationMois < 0 || r.NonPrioriteRefusMois < 0 {
		errs = append(errs, "les âges et durées doivent être positifs")
	}
	for _, t := range r.Typologies {
		if t.Max < -1 {
			errs = append(errs, "ligne « "+t.Libelle+" » : maximum invalide")
		}
	}
	if r.CoefPLS < 1 {
		errs = append(errs, "le coefficient PLS doit être au moins 1")
	}
	if len(errs) > 0 {
		return Errorf(EINVALID, "Paramètres : %s.", strings.Join(errs, " ; "))
	}
	return nil
}

// roundCents rounds an amount in cents (PLS = PLUS × 1,30 is kept exact to the cent).
func roundCents(x float64) Cents { return Cents(math.Round(x)) }
