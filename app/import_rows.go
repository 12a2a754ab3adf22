package app

import (
	"errors"
	"fmt"
	"strings"

	"logis/model"
)

// sensitive columns hold an applicant's personal data: a bad value there is
// named by its column, never quoted back.
var sensitive = map[string]bool{
	"nom": true, "prenom": true, "date_naissance": true, "handicap": true,
	"revenu_fiscal_reference": true, "revenu_n1": true, "ressources_mensuelles": true, "apl": true,
	"impayes": true, "troubles": true, "comportement_violent": true, "violences": true, "motif": true,
	"perte_autonomie": true, "droit_de_visite": true, "motif_refus": true, "refus_legitime": true,
}

// cells reads the cells of one row and collects its errors.
type cells struct {
	t    *csvTable
	row  []string
	line int
	ref  string // « logement L1 », for messages
	errs []ImportError
}

func (c *cells) fail(col, value, reason string) {
	if value != "" && !sensitive[col] && !strings.ContainsAny(value, "\n") && model.CheckTexte(value, 200) == nil {
		reason = fmt.Sprintf("« %s » %s", clipValue(value), reason)
	} else if value != "" {
		reason = "la valeur " + reason
	}
	c.add(col, reason)
}

// add records a reason for a cell (col may be empty for the whole row).
func (c *cells) add(col, reason string) {
	c.errs = append(c.errs, ImportError{Ligne: c.line, Ref: c.ref, Colonne: col, Raison: reason})
}

func clipValue(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// maxLen gives the length limit of a text column (model's limits).
func maxLen(col string) int {
	switch col {
	case "reference", "residence", "menage", "logement", "nur":
		return model.MaxIdentifiant
	case "nom", "prenom":
		return model.MaxNom
	case "motif", "communes": // communes: a list of the office's communes
		return model.MaxMotif
	}
	return model.MaxTexte
}

// str reads a one-line text cell: a line break, a control character or a
// text longer than its column's limit refuses the cell.
func (c *cells) str(col string, required bool) string {
	v := c.t.get(c.row, col)
	if v == "" && required {
		c.add(col, "valeur obligatoire manquante")
	}
	if v == "" {
		return v
	}
	if strings.Contains(v, "\n") {
		c.add(col, "la cellule contient un retour à la ligne : mettez la valeur sur une seule ligne (seules les cellules adresse, adresse_complement et adresse_voie peuvent en avoir plusieurs)")
		return ""
	}
	if err := model.CheckTexte(v, maxLen(col)); err != nil {
		c.add(col, "la valeur "+model.ErrorMessage(err))
		return ""
	}
	return v
}

// lines reads an address cell: each line of a multi-line cell is one line,
// blank lines dropped, each checked like a one-line cell.
func (c *cells) lines(col string) []string {
	var out []string
	for _, l := range strings.Split(c.t.get(c.row, col), "\n") {
		l = strings.Join(strings.Fields(l), " ")
		if l == "" {
			continue
		}
		if err := model.CheckTexte(l, maxLen(col)); err != nil {
			c.add(col, "une ligne de la cellule "+model.ErrorMessage(err))
			return nil
		}
		out = append(out, l)
	}
	return out
}

func (c *cells) date(col string, required bool) model.Date {
	v := c.str(col, required)
	if v == "" {
		return 0
	}
	d, err := model.ParseDate(v)
	if err != nil {
		c.fail(col, v, "n'est pas une date (JJ/MM/AAAA ou AAAA-MM-JJ)")
	}
	return d
}

// datePassee reads a date that has already happened (entry, filing, visit).
func (c *cells) datePassee(col string, required bool, what string) model.Date {
	d := c.date(col, required)
	if err := model.CheckPassee(what, d, c.t.ctx.today); err != nil {
		c.add(col, model.ErrorMessage(err))
		return 0
	}
	return d
}

// naissance reads a birth date (never quoted back: personal data).
func (c *cells) naissance(col string) model.Date {
	d := c.date(col, true)
	if err := model.CheckNaissance(d, c.t.ctx.today); err != nil {
		c.add(col, model.ErrorMessage(err))
		return 0
	}
	return d
}

// montantAnonyme explains an ambiguous amount without quoting it.
const montantAnonyme = "la valeur est un montant ambigu (trois chiffres après le point ou la virgule, ou plusieurs séparateurs) : écrire les milliers sans point, collés ou séparés par une espace (45000 ou 45 000), et les centimes après une virgule (45,50)"

func (c *cells) cents(col string, required bool, what string) model.Cents {
	v := c.str(col, required)
	if v == "" {
		return 0
	}
	x, err := model.ParseCents(v)
	switch {
	case errors.Is(err, model.ErrAmbigu) && sensitive[col]:
		c.add(col, montantAnonyme)
	case errors.Is(err, model.ErrAmbigu):
		c.add(col, model.ErrorMessage(err))
	case err != nil && strings.Contains(model.ErrorMessage(err), "décimales"):
		c.fail(col, v, "n'est pas "+what+" (2 décimales au plus)")
	case err != nil:
		c.fail(col, v, "n'est pas "+what)
	case x < 0:
		c.fail(col, v, "ne peut pas être négatif")
	}
	return x
}

func (c *cells) decimal(col string, what string, min, max float64) float64 {
	v := c.str(col, true)
	if v == "" {
		return 0
	}
	x, err := model.ParseDecimal(v)
	if errors.Is(err, model.ErrAmbigu) && !sensitive[col] {
		c.add(col, model.ErrorMessage(err))
	} else if err != nil || x <= min || x > max {
		c.fail(col, v, "n'est pas "+what)
	}
	return x
}

func (c *cells) integer(col string, required bool, what string, min, max int) int {
	v := c.str(col, required)
	if v == "" {
		return 0
	}
	x, err := model.ParseDecimal(v)
	if err != nil || x != float64(int(x)) || int(x) < min || int(x) > max {
		c.fail(col, v, "n'est pas "+what)
		return 0
	}
	return int(x)
}

func (c *cells) flag(col string) bool {
	v := c.t.get(c.row, col)
	if strings.Contains(v, "\n") {
		c.add(col, "la cellule contient un retour à la ligne : mettez la valeur sur une seule ligne")
		return false
	}
	b, err := model.ParseBool(v)
	if err != nil {
		c.fail(col, v, "n'est ni « oui » ni « non »")
	}
	return b
}

// list splits a cell holding several values: « T2,T3 », « T2 | T3 », « 1/7 ».
func list(v string, spaces bool) []string {
	seps := ",|/+"
	if spaces {
		seps += " "
	}
	return strings.FieldsFunc(v, func(r rune) bool { return strings.ContainsRune(seps, r) })
}

// parseLogement reads a row of logements.csv.
func parseLogement(c *cells) model.Logement {
	l := model.Logement{
		Reference:  c.str("reference", true),
		Residence:  c.str("residence", true),
		Adresse:    logementAdresse(c),
		CodePostal: c.str("code_postal", true),
		Commune:    c.str("commune", true),
		QPV:        c.flag("qpv"),
		Pieces:     c.integer("pieces", true, "un nombre de pièces (1 à 20)", 1, 20),
		Surface:    c.decimal("surface", "une surface (m², plus de 0 et au plus 1 000)", 0, 1000),
		Etage:      c.integer("etage", false, "un étage (-2 à 60)", -2, 60),
		Ascenseur:  c.flag("ascenseur"),
		PMR:        c.flag("pmr"),
		Loyer:      c.cents("loyer", true, "un loyer en euros"),
		Charges:    c.cents("charges", false, "un montant de charges en euros"),
		Contingent: c.str("contingent", false),
	}
	if v := c.str("typologie", true); v != "" {
		t, err := model.ParseTypologie(v)
		if err != nil {
			c.fail("typologie", v, "n'est pas une typologie (T1 à T6)")
		}
		l.Typologie = t
	}
	if v := c.str("financement", true); v != "" {
		f, err := model.ParseFinancement(v)
		if err != nil {
			c.fail("financement", v, "n'est pas un financement (PLAI, PLUS, PLS ou PLI)")
		}
		l.Financement = f
	}
	if l.Adresse != "" && len(c.errs) == 0 {
		// The tenant's letters go to this address: it must fit an envelope.
		lg := l
		lg.CodePostal, lg.Commune = "94000", "X" // checked below, on their own
		if _, pb := model.AdresseDuLogement(&lg).Lignes(); len(pb) > 0 {
			c.add("adresse", strings.Join(pb, " ; "))
		}
	}
	if cp := l.CodePostal; cp != "" && model.CheckCodePostal(cp) != nil {
		c.fail("code_postal", cp, "n'est pas un code postal (5 chiffres, ex. 94110)")
	} else if l.Commune != "" {
		if co, err := model.CommuneDeLOffice(c.t.ctx.communes, l.Commune); err != nil {
			c.add("commune", model.ErrorMessage(err))
		} else if l.Commune = co.Nom; cp != "" && cp != co.CodePostal {
			c.add("code_postal", fmt.Sprintf("le code postal %s n'est pas celui %s (%s)", cp, model.De(co.Nom), co.CodePostal))
		}
	}
	if v := c.t.get(c.row, "statut"); v != "" {
		switch model.CommuneKey(v) {
		case "VACANT":
			l.Statut = model.Vacant
		case "OCCUPE":
			l.Statut = model.Occupe
		case "TRAVAUX", "EN TRAVAUX":
			l.Statut = model.Travaux
		default:
			c.fail("statut", v, "n'est pas un statut (vacant, occupé, travaux)")
		}
	}
	return l
}

// logementAdresse reads the address of a dwelling: one line « street, bât.,
// apt » or, in a multi-line cell, the envelope's lines top to bottom (each at
// most 38 characters, 4 lines at most: the name and the town take the two
// others); they are stored so that the envelope prints them in that order.
func logementAdresse(c *cells) string {
	v := c.t.get(c.row, "adresse")
	if !strings.Contains(v, "\n") {
		return c.str("adresse", true)
	}
	lines := c.lines("adresse")
	if len(lines) > model.AdresseLignesMax-2 {
		c.add("adresse", fmt.Sprintf("la cellule compte %d lignes ; 4 au plus (une adresse postale a 6 lignes, dont le nom et la commune)", len(lines)))
		return ""
	}
	for i, l := range lines {
		if n := len([]rune(l)); n > model.AdresseCarMax {
			c.add("adresse", fmt.Sprintf("la ligne %d de la cellule compte %d caractères ; 38 au plus (norme postale)", i+1, n))
			return ""
		}
	}
	// adressePostale prints the parts after the first one in reverse order,
	// then the first: storing the lines reversed keeps the cell's order.
	for i, j := 0, len(lines)-1; i < j; i, j = i+1, j-1 {
		lines[i], lines[j] = lines[j], lines[i]
	}
	return strings.Join(lines, ", ")
}

// menageRow is a row of menages.csv.
type menageRow struct {
	id, logement string
	res          model.Ressources
	bail         model.Bail
	adresse      *model.AdressePostale // nil when the row gives none
}

// AdresseColonnes are the optional postal-address columns of menages.csv.
var AdresseColonnes = []string{"adresse_complement", "adresse_voie", "adresse_lieu_dit", "adresse_code_postal", "adresse_commune"}

// parseAdresse reads the postal address of a row of menages.csv: a
// multi-line complement cell gives one line each; in a multi-line street
// cell the last line is the street and the others complements. The address
// is checked as at entry (model.AdressePostale.Validate: 38 characters a
// line once abbreviated, postal code, town; for a commune of the office,
// its postal code). Nil when the row gives no address.
func parseAdresse(c *cells) *model.AdressePostale {
	a := &model.AdressePostale{
		Complement: c.lines("adresse_complement"),
		LieuDit:    c.str("adresse_lieu_dit", false),
		CodePostal: c.str("adresse_code_postal", false),
		Commune:    c.str("adresse_commune", false),
	}
	nCompl, nVoie := len(a.Complement), 0
	if voie := c.lines("adresse_voie"); len(voie) > 0 {
		a.Voie = voie[len(voie)-1]
		a.Complement = append(a.Complement, voie[:len(voie)-1]...)
		nVoie = len(voie)
	}
	if a.Vide() {
		return nil
	}
	if len(c.errs) > 0 {
		return a
	}
	_, pb := a.Lignes()
	for _, p := range pb {
		col := ""
		switch {
		case strings.HasPrefix(p, "la voie"):
			col = "adresse_voie"
		case strings.HasPrefix(p, "le complément") && nVoie > 1 && nCompl <= 2:
			// The street's first lines are what overflows: say so in
			// its column, with the lines the user actually wrote.
			col = "adresse_voie"
			p = fmt.Sprintf("la voie sur %d lignes et le complément sur %d ligne(s) font %d lignes avant la voie ; 2 au plus (les premières lignes de la voie prennent la place du complément) : écrivez la voie sur une ligne (abréviations postales) ou raccourcissez le complément", nVoie, nCompl, nCompl+nVoie-1)
		case strings.HasPrefix(p, "la ligne de complément"), strings.HasPrefix(p, "le complément"):
			col = "adresse_complement"
		case strings.HasPrefix(p, "le lieu-dit"):
			col = "adresse_lieu_dit"
		case strings.HasPrefix(p, "le code postal"):
			col = "adresse_code_postal"
		case strings.HasPrefix(p, "la commune"), strings.HasPrefix(p, "la ligne du code postal"):
			col = "adresse_commune"
		}
		c.add(col, p)
	}
	if len(pb) == 0 {
		if co, err := model.CommuneDeLOffice(c.t.ctx.communes, a.Commune); err == nil && co.CodePostal != a.CodePostal {
			c.add("adresse_code_postal", fmt.Sprintf("le code postal %s n'est pas celui %s (%s)", a.CodePostal, model.De(co.Nom), co.CodePostal))
		}
	}
	return a
}

func parseMenage(c *cells) menageRow {
	m := menageRow{id: c.str("menage", true), logement: c.str("logement", false)}
	m.adresse = parseAdresse(c)
	m.res.RevenuFiscal = c.cents("revenu_fiscal_reference", true, "un montant en euros")
	m.res.Mensuelles = c.cents("ressources_mensuelles", true, "un montant en euros")
	m.res.APL = c.cents("apl", false, "un montant en euros")
	m.res.RevenuN1 = c.cents("revenu_n1", false, "un montant en euros")
	m.bail = model.Bail{
		Logement:            m.logement,
		DateEntree:          c.datePassee("date_entree", m.logement != "", "la date d'entrée"),
		Impayes:             c.flag("impayes"),
		Troubles:            c.flag("troubles"),
		RapportCESF:         c.flag("rapport_cesf"),
		ComportementViolent: c.flag("comportement_violent"),
	}
	if v := c.t.get(c.row, "visite"); v != "" {
		if d, err := model.ParseDate(v); err == nil {
			if err := model.CheckPassee("la date de visite", d, c.t.ctx.today); err != nil {
				c.add("visite", model.ErrorMessage(err))
			}
			m.bail.VisiteFaite, m.bail.DateVisite = true, d
		} else if b, err := model.ParseBool(v); err == nil {
			m.bail.VisiteFaite = b
		} else {
			c.fail("visite", v, "n'est ni une date de visite ni « oui » / « non »")
		}
	}
	return m
}

// parsePersonne reads a row of personnes.csv.
func parsePersonne(c *cells) (string, model.Personne) {
	id := c.str("menage", true)
	p := model.Personne{
		Nom:           c.str("nom", true),
		Prenom:        c.str("prenom", false),
		DateNaissance: c.naissance("date_naissance"),
		Handicap:      c.flag("handicap"),
		// Issue 9: L.442-5-2 4° and L.621-2 (optional columns).
		PerteAutonomie: c.flag("perte_autonomie"),
		DroitDeVisite:  c.flag("droit_de_visite"),
		Activite:       parseActivite(c),
	}
	if v := c.str("lien", true); v != "" {
		l, err := model.ParseLien(v)
		if err != nil {
			c.fail("lien", v, "n'est pas un lien (titulaire, conjoint, cotitulaire, enfant, ascendant, autre)")
		}
		p.Lien = l
	}
	return id, p
}

// parseDemande reads a row of demandes.csv.
func parseDemande(c *cells) model.Demande {
	d := model.Demande{
		NUR:                 c.nur(),
		Menage:              c.str("menage", true),
		DateDepot:           c.datePassee("date_depot", true, "la date de dépôt"),
		DALO:                c.flag("dalo"),
		DALOPrefet:          c.flag("dalo_prefet"),
		Motif:               c.str("motif", false),
		Active:              true,
		ViolencesFamiliales: c.flag("violences"),
		RelogementTravaux:   c.flag("relogement_travaux"),
		RefusAdapte:         c.datePassee("refus_adapte", false, "la date du refus"),
		// Issue 9: urban renewal apart from the office's works; the reason
		// recorded with a refusal (optional columns).
		RenouvellementUrbain: c.flag("renouvellement_urbain"),
		MotifRefus:           c.str("motif_refus", false),
		RefusLegitime:        c.flag("refus_legitime"),
	}
	if c.t.has("active") && c.t.get(c.row, "active") != "" {
		d.Active = c.flag("active")
	}
	// Struck off (policy §III: kept three years after): inactive.
	if d.DateRadiation = c.date("date_radiation", false); !d.DateRadiation.IsZero() {
		if d.Active && c.t.has("active") && c.t.get(c.row, "active") != "" {
			c.fail("date_radiation", c.t.get(c.row, "date_radiation"), "une demande radiée est inactive : indiquez active=non")
		}
		d.Active = false
	}
	for _, v := range list(c.t.get(c.row, "typologies"), true) {
		t, err := model.ParseTypologie(v)
		if err != nil {
			c.fail("typologies", v, "n'est pas une typologie (T1 à T6)")
			continue
		}
		d.Typologies = append(d.Typologies, t)
	}
	for _, v := range list(c.str("communes", false), false) {
		if v = strings.TrimSpace(v); v != "" {
			co, err := model.CommuneDeLOffice(c.t.ctx.communes, v)
			if err != nil {
				c.add("communes", model.ErrorMessage(err))
				continue
			}
			d.Communes = append(d.Communes, co.Nom)
		}
	}
	for _, v := range list(c.t.get(c.row, "priorites"), true) {
		n, err := model.ParseDecimal(v)
		if err != nil || n != float64(int(n)) || n < 1 || n > 15 {
			c.fail("priorites", v, "n'est pas une catégorie de l'annexe 1 (1 à 8, 10 à 15)")
			continue
		}
		if err := model.CheckPriorite(int(n)); err != nil {
			c.fail("priorites", "", model.ErrorMessage(err)) // says why 9 is refused
			continue
		}
		d.Priorites = append(d.Priorites, int(n))
	}
	parseSituations(c, &d) // §1.3 columns (import_situations.go)
	if len(c.errs) == 0 {
		if err := d.Validate(); err != nil {
			c.add("", model.ErrorMessage(err))
		}
	}
	return d
}

// nur reads a NUR: capitals, spaces removed, the national shape.
func (c *cells) nur() string {
	v := c.str("nur", true)
	if v == "" {
		return ""
	}
	n, err := model.ParseNUR(v)
	if err != nil {
		c.add("nur", model.ErrorMessage(err))
		return v
	}
	return n
}

// Communes of the office, with their postal codes.
var Communes = []struct{ Nom, CodePostal string }{
	{"Arcueil", "94110"}, {"Cachan", "94230"}, {"Gentilly", "94250"}, {"Villejuif", "94800"}, {"Vitry-sur-Seine", "94400"},
}

// canonCommune spells the office's communes the same way everywhere.
func canonCommune(s string) string {
	for _, c := range Communes {
		if model.SameCommune(s, c.Nom) {
			return c.Nom
		}
	}
	return strings.TrimSpace(s)
}
