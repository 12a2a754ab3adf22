package app

import (
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
	errs []ImportError
}

func (c *cells) fail(col, value, reason string) {
	if value != "" && !sensitive[col] {
		reason = fmt.Sprintf("« %s » %s", clipValue(value), reason)
	} else if value != "" {
		reason = "la valeur " + reason
	}
	c.errs = append(c.errs, ImportError{Ligne: c.line, Colonne: col, Raison: reason})
}

func clipValue(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

func (c *cells) str(col string, required bool) string {
	v := c.t.get(c.row, col)
	if v == "" && required {
		c.errs = append(c.errs, ImportError{Ligne: c.line, Colonne: col, Raison: "valeur obligatoire manquante"})
	}
	return v
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

func (c *cells) cents(col string, required bool, what string) model.Cents {
	v := c.str(col, required)
	if v == "" {
		return 0
	}
	x, err := model.ParseCents(v)
	if err != nil {
		c.fail(col, v, "n'est pas "+what)
	} else if x < 0 {
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
	if err != nil || x <= min || x > max {
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
		Adresse:    c.str("adresse", true),
		CodePostal: c.str("code_postal", true),
		Commune:    canonCommune(c.str("commune", true)),
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
	if cp := l.CodePostal; cp != "" && (len(cp) != 5 || strings.Trim(cp, "0123456789") != "") {
		c.fail("code_postal", cp, "n'est pas un code postal (5 chiffres)")
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

// menageRow is a row of menages.csv.
type menageRow struct {
	id, logement string
	res          model.Ressources
	bail         model.Bail
}

func parseMenage(c *cells) menageRow {
	m := menageRow{id: c.str("menage", true), logement: c.str("logement", false)}
	m.res.RevenuFiscal = c.cents("revenu_fiscal_reference", true, "un montant en euros")
	m.res.Mensuelles = c.cents("ressources_mensuelles", true, "un montant en euros")
	m.res.APL = c.cents("apl", false, "un montant en euros")
	m.res.RevenuN1 = c.cents("revenu_n1", false, "un montant en euros")
	m.bail = model.Bail{
		Logement:            m.logement,
		DateEntree:          c.date("date_entree", m.logement != ""),
		Impayes:             c.flag("impayes"),
		Troubles:            c.flag("troubles"),
		RapportCESF:         c.flag("rapport_cesf"),
		ComportementViolent: c.flag("comportement_violent"),
	}
	if v := c.t.get(c.row, "visite"); v != "" {
		if d, err := model.ParseDate(v); err == nil {
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
		DateNaissance: c.date("date_naissance", true),
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
		NUR:                 strings.ToUpper(strings.ReplaceAll(c.str("nur", true), " ", "")),
		Menage:              c.str("menage", true),
		DateDepot:           c.date("date_depot", true),
		DALO:                c.flag("dalo"),
		DALOPrefet:          c.flag("dalo_prefet"),
		Motif:               c.str("motif", false),
		Active:              true,
		ViolencesFamiliales: c.flag("violences"),
		RelogementTravaux:   c.flag("relogement_travaux"),
		RefusAdapte:         c.date("refus_adapte", false),
		// Issue 9: urban renewal apart from the office's works; the reason
		// recorded with a refusal (optional columns).
		RenouvellementUrbain: c.flag("renouvellement_urbain"),
		MotifRefus:           c.str("motif_refus", false),
		RefusLegitime:        c.flag("refus_legitime"),
	}
	if c.t.has("active") && c.t.get(c.row, "active") != "" {
		d.Active = c.flag("active")
	}
	for _, v := range list(c.t.get(c.row, "typologies"), true) {
		t, err := model.ParseTypologie(v)
		if err != nil {
			c.fail("typologies", v, "n'est pas une typologie (T1 à T6)")
			continue
		}
		d.Typologies = append(d.Typologies, t)
	}
	for _, v := range list(c.t.get(c.row, "communes"), false) {
		if v = strings.TrimSpace(v); v != "" {
			d.Communes = append(d.Communes, canonCommune(v))
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
	if d.NUR != "" && d.Validate() != nil && len(c.errs) == 0 {
		c.fail("nur", d.NUR, "n'est pas un numéro unique (chiffres puis lettres, ex. 1111023517879GDPUB)")
	}
	return d
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

// postalTown writes a town for the last line of a postal address: capitals,
// no accents, hyphens as spaces (« VITRY SUR SEINE »).
func postalTown(s string) string { return model.CommuneKey(s) }
