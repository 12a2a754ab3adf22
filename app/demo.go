package app

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"

	"logis/model"
	"logis/storage"
)

// DemoOptions sizes the demo data.
type DemoOptions struct {
	Menages   int
	Logements int
	Seed      uint64
}

// DemoReport tells what the demo wrote.
type DemoReport struct {
	Residences, Logements, Menages, Personnes, Demandes int
}

func (r DemoReport) String() string {
	return fmt.Sprintf("Données de démonstration : %d résidences, %d logements, %d ménages, %d personnes, %d demandes.",
		r.Residences, r.Logements, r.Menages, r.Personnes, r.Demandes)
}

// Demo fills an empty database with realistic fictitious data: the five
// communes, households of every shape, tenants (some asking for a transfer)
// and applicants. It writes everything in one transaction.
func (a *App) Demo(o DemoOptions, progress Progress) (DemoReport, error) {
	if err := a.Peut(model.ActionDemo); err != nil {
		return DemoReport{}, err
	}
	var rep DemoReport
	if o.Menages < 1 || o.Logements < 1 || o.Menages > 1_000_000 || o.Logements > 500_000 {
		return rep, model.Errorf(model.EINVALID, "Le nombre de ménages (1 à 1 000 000) et de logements (1 à 500 000) doit être positif.")
	}
	if o.Seed == 0 {
		o.Seed = 2026
	}
	c, err := a.DB.Counts()
	if err != nil {
		return rep, err
	}
	if c.Logements+c.Menages+c.Demandes > 0 {
		return rep, model.Errorf(model.ECONFLICT, "La base contient déjà des données : les données de démonstration se créent dans une base vide (option --db NOUVEAU_FICHIER).")
	}
	g := &demoGen{rnd: rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15)), today: a.Today()}
	err = a.DB.Update(fmt.Sprintf("Données de démonstration (%d ménages, %d logements)", o.Menages, o.Logements), func(tx *storage.Tx) error {
		rep = DemoReport{}
		logs, err := g.housing(tx, o.Logements, &rep)
		if err != nil {
			return err
		}
		return g.households(tx, o.Menages, logs, &rep, progress)
	})
	if err == nil {
		err = a.demoSituations() // demo_situations.go
	}
	if err == nil {
		err = a.demoCommissions() // demo_commission.go
	}
	return rep, err
}

type demoGen struct {
	rnd   *rand.Rand
	today model.Date
	nur   int
}

func (g *demoGen) pick(list []string) string { return list[g.rnd.IntN(len(list))] }

func (g *demoGen) between(a, b int) int { return a + g.rnd.IntN(b-a+1) }

var communeCodes = map[string]string{"Arcueil": "ARC", "Cachan": "CAC", "Gentilly": "GEN", "Villejuif": "VIL", "Vitry-sur-Seine": "VIT"}

// housing creates the résidences and dwellings; it returns the dwellings.
// Keys are produced in ascending order (résidences sorted by code), which
// keeps one large transaction fast.
func (g *demoGen) housing(tx *storage.Tx, n int, rep *DemoReport) ([]model.Logement, error) {
	// Commune weights roughly follow the size of each town's stock.
	weights := []int{15, 12, 10, 23, 40}
	type plan struct {
		commune int
		size    int
	}
	var plans []plan
	perCommune := make([]int, len(Communes))
	for planned := 0; planned < n; {
		ci := len(plans) % len(Communes) // every commune first, then by weight
		if len(plans) >= len(Communes) {
			ci = weightedIndex(g.rnd, weights)
		}
		size := min(g.between(12, 110), n-planned)
		plans = append(plans, plan{ci, size})
		perCommune[ci]++
		planned += size
	}
	// Communes are in alphabetical order, and so are their codes.
	sort.SliceStable(plans, func(i, j int) bool { return plans[i].commune < plans[j].commune })
	logs := make([]model.Logement, 0, n)
	seq := make([]int, len(Communes))
	for _, p := range plans {
		commune := Communes[p.commune]
		seq[p.commune]++
		code := fmt.Sprintf("%s%04d", communeCodes[commune.Nom], seq[p.commune])
		nom := strings.TrimSpace(fmt.Sprintf("%s %s", g.pick(demoResidences), romanOrNone(len(logs)+seq[p.commune])))
		qpv := g.rnd.IntN(100) < 30
		floors := g.between(2, 14)
		street := fmt.Sprintf("%d %s", g.between(1, 180), g.pick(demoRues))
		res := &model.Residence{Code: code, Nom: "Résidence " + nom, Adresse: street, CodePostal: commune.CodePostal,
			Commune: commune.Nom, QPV: qpv, Fragilite: float64(g.between(10, 95)) / 10}
		if err := tx.PutResidence(res); err != nil {
			return nil, err
		}
		rep.Residences++
		fin := []model.Financement{model.PLUS, model.PLUS, model.PLUS, model.PLAI, model.PLS, model.PLUS, model.PLAI, model.PLS, model.PLI, model.PLUS}[g.rnd.IntN(10)]
		for i := 0; i < p.size; i++ {
			t := []int{1, 2, 2, 3, 3, 3, 3, 4, 4, 5, 2, 3, 4, 1, 3, 4, 5, 6, 3, 2}[g.rnd.IntN(20)]
			surf := []float64{0, 28, 46, 63, 78, 92, 108}[t] + float64(g.rnd.IntN(140)-60)/10
			if g.rnd.IntN(50) == 0 {
				surf = []float64{0, 8.5, 15, 24, 33, 42, 51}[t] // a few very small dwellings
			}
			l := model.Logement{
				Reference: fmt.Sprintf("%s-%04d", code, i+1), Residence: code,
				Adresse: fmt.Sprintf("%s, bât. %c, apt %d", street, 'A'+rune(i%4), 10+i), CodePostal: commune.CodePostal,
				Commune: commune.Nom, QPV: qpv, Typologie: t, Pieces: t, Surface: math.Round(surf*100) / 100,
				Etage: i % (floors + 1), Ascenseur: floors > 4, PMR: g.rnd.IntN(100) < 5 && (i%(floors+1) == 0 || floors > 4),
				Financement: fin, Contingent: g.pick(demoContingents),
			}
			perM2 := map[model.Financement]float64{model.PLAI: 6.1, model.PLUS: 7.2, model.PLS: 10.8, model.PLI: 14.5}[fin]
			l.Loyer = model.Cents(l.Surface * perM2 * 100)
			l.Charges = model.Cents(l.Surface * 2.4 * 100)
			if g.rnd.IntN(100) == 0 {
				l.Statut = model.Travaux
			}
			if err := tx.PutLogement(&l); err != nil {
				return nil, err
			}
			logs = append(logs, l)
			rep.Logements++
		}
	}
	return logs, nil
}

func romanOrNone(i int) string {
	if i%3 == 0 {
		return ""
	}
	return []string{"I", "II", "III", "IV"}[i%4]
}

func weightedIndex(r *rand.Rand, w []int) int {
	total := 0
	for _, x := range w {
		total += x
	}
	n := r.IntN(total)
	for i, x := range w {
		if n < x {
			return i
		}
		n -= x
	}
	return len(w) - 1
}

// households creates tenants for most dwellings, then applicants.
func (g *demoGen) households(tx *storage.Tx, n int, logs []model.Logement, rep *DemoReport, progress Progress) error {
	tenants := len(logs) * 9 / 10
	if tenants > n*6/10 {
		tenants = n * 6 / 10
	}
	// Tenants take dwellings in reference order, so that ménage ids and
	// dwelling references both ascend; one in ten stays vacant.
	next := 0
	housed := 0
	for i := 0; i < n; i++ {
		m := g.household(fmt.Sprintf("M%06d", i+1))
		var l *model.Logement
		for housed < tenants && l == nil && next < len(logs) && g.rnd.IntN(len(logs)-next) >= tenants-housed {
			next++ // left vacant
		}
		for housed < tenants && l == nil && next < len(logs) {
			cand := &logs[next]
			next++
			if cand.Statut != model.Travaux {
				l, housed = cand, housed+1
			}
		}
		if l != nil {
			entry := g.today.AddDays(-g.between(30, 40*365))
			m.Bail = &model.Bail{Logement: l.Reference, DateEntree: entry,
				Impayes: g.rnd.IntN(100) < 6, Troubles: g.rnd.IntN(100) < 2, VisiteFaite: g.rnd.IntN(100) < 35}
			m.Bail.RapportCESF = m.Bail.Impayes && g.rnd.IntN(3) == 0
			m.Bail.ComportementViolent = m.Bail.Troubles && g.rnd.IntN(4) == 0
			if m.Bail.VisiteFaite {
				m.Bail.DateVisite = g.today.AddDays(-g.between(5, 300))
			}
			if m.Ressources.Mensuelles > 0 {
				apl := l.Quittance()*6/10 - model.Cents(float64(m.Ressources.Mensuelles)*0.12)
				if apl > 0 && m.Ressources.Mensuelles < 180000 {
					m.Ressources.APL = apl
				}
			}
		} else {
			town := Communes[g.rnd.IntN(len(Communes))]
			m.Adresse = &model.AdressePostale{Voie: fmt.Sprintf("%d %s", g.between(1, 200), g.pick(demoRues)), CodePostal: town.CodePostal, Commune: town.Nom}
		}
		if err := tx.PutMenage(m); err != nil {
			return err
		}
		rep.Menages++
		rep.Personnes += len(m.Personnes)
		if l == nil || g.rnd.IntN(100) < 12 {
			d := g.demande(m, l)
			if err := tx.PutDemande(d); err != nil {
				return err
			}
			rep.Demandes++
		}
		if i%5000 == 0 {
			progress.report(i, n)
		}
	}
	progress.report(n, n)
	return nil
}

// household draws a household of one of the usual shapes.
func (g *demoGen) household(id string) *model.Menage {
	nom := g.pick(demoNoms)
	m := &model.Menage{ID: id}
	birth := func(minAge, maxAge int) model.Date {
		return g.today.AddDays(-(minAge*365 + g.rnd.IntN((maxAge-minAge+1)*365)))
	}
	female := g.rnd.IntN(2) == 0
	first := func(f bool) string {
		if f {
			return g.pick(demoPrenomsF)
		}
		return g.pick(demoPrenomsM)
	}
	head := model.Personne{Lien: model.Titulaire, Nom: nom, Prenom: first(female), DateNaissance: birth(19, 88)}
	m.Personnes = append(m.Personnes, head)
	shape := g.rnd.IntN(100)
	couple := shape >= 30 && shape < 50 || shape >= 65 && shape < 95
	if couple {
		// The partner is within eight years of the head's age, and of age.
		partner := head.DateNaissance.AddDays(g.between(-8*365, 8*365))
		if adult := g.today.AddDays(-19 * 365); partner > adult {
			partner = adult
		}
		m.Personnes = append(m.Personnes, model.Personne{Lien: model.Conjoint, Nom: nom, Prenom: first(!female), DateNaissance: partner})
	}
	kids := 0
	switch {
	case shape >= 50 && shape < 65:
		kids = g.between(1, 3)
	case shape >= 65 && shape < 95:
		kids = []int{1, 1, 2, 2, 2, 3, 3, 4, 5, 6}[g.rnd.IntN(10)]
	}
	headAge := head.DateNaissance.AgeAt(g.today)
	for k := 0; k < kids; k++ {
		maxAge := headAge - 18
		if maxAge < 0 {
			maxAge = 0
		}
		if maxAge > 24 {
			maxAge = 24
		}
		m.Personnes = append(m.Personnes, model.Personne{Lien: model.Enfant, Nom: nom, Prenom: first(g.rnd.IntN(2) == 0), DateNaissance: birth(0, maxAge)})
	}
	switch {
	case shape >= 95 && shape < 98:
		m.Personnes = append(m.Personnes, model.Personne{Lien: model.Ascendant, Nom: nom, Prenom: first(true), DateNaissance: birth(70, 92)})
	case shape >= 98:
		m.Personnes = append(m.Personnes, model.Personne{Lien: model.Cotitulaire, Nom: g.pick(demoNoms), Prenom: first(g.rnd.IntN(2) == 0), DateNaissance: birth(20, 70)})
	}
	if g.rnd.IntN(100) < 7 {
		m.Personnes[g.rnd.IntN(len(m.Personnes))].Handicap = true
	}
	adults := 1
	if couple {
		adults = 2
	}
	monthly := 700 + g.rnd.IntN(1800)*adults + g.rnd.IntN(900)
	if g.rnd.IntN(10) == 0 {
		monthly += 2500 + g.rnd.IntN(3000) // some households above the ceilings
	}
	m.Ressources.Mensuelles = model.Euros(int64(monthly))
	m.Ressources.RevenuFiscal = model.Euros(int64(float64(monthly) * 12 * (0.78 + float64(g.rnd.IntN(20))/100)))
	if g.rnd.IntN(20) == 0 {
		m.Ressources.RevenuN1 = m.Ressources.RevenuFiscal * 8 / 10
	}
	demoActivites(m, g.today)
	return m
}

// demande draws an application for household m (a transfer when l is set).
func (g *demoGen) demande(m *model.Menage, l *model.Logement) *model.Demande {
	g.nur++
	depot := g.today.AddDays(-g.between(10, 12*365))
	y, _, _ := depot.YMD()
	d := &model.Demande{
		NUR:       fmt.Sprintf("094%02d%08dGDPUB", y%100, g.nur),
		Menage:    m.ID,
		DateDepot: depot,
		Active:    g.rnd.IntN(100) < 97,
		Motif:     g.pick(demoMotifs),
	}
	r := model.DefaultRegles()
	c := model.Compose(m, g.today, r)
	min, max, _ := model.TypologiesAdaptees(c.Autres, r)
	if max > 6 {
		max = 6
	}
	for t := min; t <= max && t > 0; t++ {
		d.Typologies = append(d.Typologies, t)
	}
	for _, i := range g.rnd.Perm(5)[:g.between(1, 3)] {
		d.Communes = append(d.Communes, Communes[i].Nom)
	}
	if l != nil {
		d.Motif = "Demande de mutation : " + d.Motif
		d.RelogementTravaux = g.rnd.IntN(40) == 0
	} else {
		d.DALO = g.rnd.IntN(100) < 4
		d.DALOPrefet = d.DALO && g.rnd.IntN(2) == 0
		if g.rnd.IntN(100) < 22 {
			d.Priorites = append(d.Priorites, []int{3, 13, 4, 12, 1, 7, 6, 14, 3, 13}[g.rnd.IntN(10)])
		}
		if c.Handicap {
			d.Priorites = append(d.Priorites, 1)
		}
	}
	d.ViolencesFamiliales = d.Motif == "Violences familiales" || d.Motif == "Demande de mutation : Violences familiales"
	if d.ViolencesFamiliales && l == nil {
		d.Priorites = append(d.Priorites, 7)
	}
	return d
}
