package app

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"logis/model"
	"logis/storage"
)

// Import kinds and their required columns (the templates of the README).
var ImportColumns = map[string][]string{
	"logements": {"reference", "residence", "adresse", "code_postal", "commune", "qpv", "typologie", "pieces", "surface", "etage", "ascenseur", "pmr", "financement", "loyer", "charges", "contingent"},
	"menages":   {"menage", "logement", "date_entree", "revenu_fiscal_reference", "ressources_mensuelles", "apl"},
	"personnes": {"menage", "lien", "nom", "prenom", "date_naissance", "handicap"},
	"demandes":  {"nur", "menage", "date_depot", "typologies", "communes", "dalo", "priorites", "motif"},
	"rpls":      {"nomvoie", "nbpiece", "surfhab", "qpv"},                                      // national RPLS file; other columns by their RPLS names (import_rpls.go)
	"decisions": {"seance", "date", "commune", "logement", "nur", "decision", "rang", "motif"}, // import_decisions.go
}

// importRefs names the column that names a row of each kind in messages.
var importRefs = map[string]rowRef{
	"logements": {"reference", "logement"},
	"menages":   {"menage", "ménage"},
	"personnes": {"menage", "ménage"},
	"demandes":  {"nur", "demande"},
}

// ImportKinds lists the kinds in the order files must be imported.
// « rpls » is the alternative to « logements »: the national RPLS file.
var ImportKinds = []string{"logements", "menages", "personnes", "demandes", "rpls", "decisions"}

// ImportReport tells what an accepted import wrote.
type ImportReport struct {
	Type      string
	Lignes    int
	Crees     int
	Modifies  int
	Ignores   int      // lines skipped on purpose (RPLS: other communes)
	Remarques []string // values kept with an explanation, skipped lines (RPLS)
}

// importLibelles are the French names of the import kinds, as users read them.
var importLibelles = map[string]string{
	"logements": "logements", "menages": "ménages", "personnes": "personnes", "demandes": "demandes",
	"rpls": "RPLS", "decisions": "décisions", "plafonds": "plafonds", "quartiles": "quartiles",
}

// ImportLibelle is the French name of an import kind (« ménages » for
// menages); the kind itself when unknown.
func ImportLibelle(kind string) string {
	if l, ok := importLibelles[kind]; ok {
		return l
	}
	return kind
}

func (r ImportReport) String() string {
	s := fmt.Sprintf("Import %s : %d ligne(s), %d création(s), %d mise(s) à jour.", ImportLibelle(r.Type), r.Lignes, r.Crees, r.Modifies)
	if r.Ignores > 0 {
		s += fmt.Sprintf(" %d ligne(s) ignorée(s).", r.Ignores)
	}
	for _, x := range r.Remarques {
		s += "\n" + x
	}
	return s
}

// Import reads a CSV file of the given kind and writes it in one
// transaction: one bad row and nothing is written, every bad line is
// reported (*ImportErrors). Importing a reference again updates it.
func (a *App) Import(kind, name string, r io.Reader, progress Progress) (ImportReport, error) {
	if err := a.Peut(model.ActionImporter); err != nil {
		return ImportReport{}, err
	}
	rep := ImportReport{Type: kind}
	if imp, ok := reglesImports[kind]; ok { // the yearly figures (import_regles.go)
		if err := a.Peut(model.ActionParametres); err != nil {
			return rep, err
		}
		return imp(a, name, r)
	}
	required, ok := ImportColumns[kind]
	if !ok {
		return rep, model.Errorf(model.EINVALID, "Type d'import inconnu « %s » : logements, menages, personnes, demandes, rpls, plafonds, quartiles ou decisions.", kind)
	}
	t, errs, err := readCSV(r, required)
	if err != nil {
		return rep, err
	}
	if len(errs) > 0 {
		return rep, &ImportErrors{Fichier: name, Erreurs: enteteRefusee(kind, t, errs)}
	}
	t.ref = importRefs[kind]
	communes, err := a.Communes()
	if err != nil {
		return rep, err
	}
	t.ctx = importCtx{communes: communes, today: a.Today()}
	rep.Lignes = len(t.rows)
	var apply func(tx *storage.Tx) ([]ImportError, error)
	switch kind {
	case "logements":
		apply, errs = a.prepareLogements(t, &rep, progress)
	case "menages":
		apply, errs = a.prepareMenages(t, &rep, progress)
	case "personnes":
		apply, errs = a.preparePersonnes(t, &rep, progress)
	case "demandes":
		apply, errs = a.prepareDemandes(t, &rep, progress)
	case "rpls":
		apply, errs = a.prepareRPLS(t, &rep, progress)
	case "decisions":
		apply, errs = a.prepareDecisions(t, name, &rep, progress)
	}
	if len(errs) > 0 {
		return rep, &ImportErrors{Fichier: name, Erreurs: sortErrors(errs)}
	}
	var refused *ImportErrors
	err = a.DB.Update(fmt.Sprintf("Import %s (%s, %d lignes)", kind, baseName(name), rep.Lignes), func(tx *storage.Tx) error {
		errs, err := apply(tx)
		if err != nil {
			return err
		}
		if len(errs) > 0 {
			refused = &ImportErrors{Fichier: name, Erreurs: sortErrors(errs)}
			return refused
		}
		return nil
	})
	if refused != nil {
		return ImportReport{Type: kind, Lignes: rep.Lignes}, refused
	}
	if err != nil {
		a.Log.Error("import", "type", kind, "err", err)
		return ImportReport{Type: kind, Lignes: rep.Lignes}, err
	}
	return rep, nil
}

func sortErrors(errs []ImportError) []ImportError {
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Ligne < errs[j].Ligne })
	return errs
}

func baseName(p string) string {
	for i := len(p) - 1; i >= 0; i-- {
		if p[i] == '/' || p[i] == '\\' {
			return p[i+1:]
		}
	}
	return p
}

// rows walks the table, parsing each row with fn and collecting errors.
func rows(t *csvTable, progress Progress, fn func(c *cells)) []ImportError {
	var errs []ImportError
	for i, row := range t.rows {
		c := &cells{t: t, row: row, line: t.lines[i], ref: t.refOf(row)}
		fn(c)
		errs = append(errs, c.errs...)
		if i%2000 == 0 {
			progress.report(i, len(t.rows))
		}
	}
	progress.report(len(t.rows), len(t.rows))
	return errs
}

// dupCheck reports a key seen on an earlier line of the same file.
type dupCheck map[string]int

func (d dupCheck) check(c *cells, col, key string) bool {
	if key == "" {
		return true
	}
	if first, ok := d[key]; ok {
		c.add(col, fmt.Sprintf("« %s » figure déjà ligne %d", key, first))
		return false
	}
	d[key] = c.line
	return true
}

func (a *App) prepareLogements(t *csvTable, rep *ImportReport, progress Progress) (func(*storage.Tx) ([]ImportError, error), []ImportError) {
	seen := dupCheck{}
	var ls []model.Logement
	var lines []int
	var refs []string
	errs := rows(t, progress, func(c *cells) {
		l := parseLogement(c)
		seen.check(c, "reference", l.Reference)
		if len(c.errs) == 0 {
			if err := l.Validate(); err != nil {
				c.add("", model.ErrorMessage(err))
			}
		}
		ls, lines, refs = append(ls, l), append(lines, c.line), append(refs, c.ref)
	})
	return func(tx *storage.Tx) ([]ImportError, error) {
		residences := map[string]bool{}
		for i := range ls {
			l := &ls[i]
			if _, err := tx.Logement(l.Reference); err == nil {
				rep.Modifies++
			} else if model.ErrorCode(err) == model.ENOTFOUND {
				rep.Crees++
			} else {
				return nil, err
			}
			if err := tx.PutLogement(l); err != nil {
				return []ImportError{{Ligne: lines[i], Raison: model.ErrorMessage(err)}}, nil
			}
			if !residences[l.Residence] {
				residences[l.Residence] = true
				res := &model.Residence{Code: l.Residence, Nom: l.Residence, Adresse: l.Adresse, CodePostal: l.CodePostal, Commune: l.Commune, QPV: l.QPV}
				if old, err := tx.Residence(l.Residence); err == nil {
					res.Nom, res.Fragilite = old.Nom, old.Fragilite
				}
				if err := tx.PutResidence(res); err != nil {
					return []ImportError{{Ligne: lines[i], Colonne: "residence", Raison: model.ErrorMessage(err)}}, nil
				}
			}
		}
		return nil, nil
	}, errs
}

func (a *App) prepareMenages(t *csvTable, rep *ImportReport, progress Progress) (func(*storage.Tx) ([]ImportError, error), []ImportError) {
	seen, seenLog := dupCheck{}, dupCheck{}
	var ms []menageRow
	var lines []int
	var refs []string
	errs := rows(t, progress, func(c *cells) {
		m := parseMenage(c)
		seen.check(c, "menage", m.id)
		if m.logement != "" && !seenLog.check(c, "logement", m.logement) {
			c.errs[len(c.errs)-1].Raison = fmt.Sprintf("le logement « %s » est déjà attribué à un autre ménage ligne %d", m.logement, seenLog[m.logement])
		}
		ms, lines, refs = append(ms, m), append(lines, c.line), append(refs, c.ref)
	})
	hasAdresse := false // a file without address columns keeps the stored addresses
	for _, col := range AdresseColonnes {
		hasAdresse = hasAdresse || t.has(col)
	}
	return func(tx *storage.Tx) ([]ImportError, error) {
		var errs []ImportError
		for i, row := range ms {
			if row.logement != "" {
				if _, err := tx.Logement(row.logement); err != nil {
					errs = append(errs, ImportError{Ligne: lines[i], Ref: refs[i], Colonne: "logement", Raison: fmt.Sprintf("le logement « %s » n'existe pas (importez d'abord logements.csv)", row.logement)})
					continue
				}
			}
			m, err := tx.Menage(row.id)
			if model.ErrorCode(err) == model.ENOTFOUND {
				m, err = &model.Menage{ID: row.id}, nil
				rep.Crees++
			} else if err == nil {
				rep.Modifies++
			} else {
				return nil, err
			}
			m.Ressources = row.res
			if hasAdresse {
				m.Adresse = row.adresse
			}
			m.Bail = nil
			if row.logement != "" {
				b := row.bail
				m.Bail = &b
			}
			if err := tx.PutMenage(m); err != nil {
				errs = append(errs, ImportError{Ligne: lines[i], Ref: refs[i], Raison: model.ErrorMessage(err)})
			}
		}
		// A dwelling holds one household once the file is applied.
		for i, row := range ms {
			if row.logement == "" {
				continue
			}
			occ, err := tx.OccupantsOf(row.logement)
			if err != nil {
				return nil, err
			}
			for _, o := range occ {
				if o.ID != row.id {
					errs = append(errs, ImportError{Ligne: lines[i], Ref: refs[i], Colonne: "logement", Raison: fmt.Sprintf("le logement « %s » est déjà occupé par le ménage « %s »", row.logement, o.ID)})
				}
			}
		}
		return errs, nil
	}, errs
}

func (a *App) preparePersonnes(t *csvTable, rep *ImportReport, progress Progress) (func(*storage.Tx) ([]ImportError, error), []ImportError) {
	groups := map[string][]model.Personne{}
	first := map[string]int{}
	var order []string
	errs := rows(t, progress, func(c *cells) {
		id, p := parsePersonne(c)
		if id == "" {
			return
		}
		if _, ok := groups[id]; !ok {
			order, first[id] = append(order, id), c.line
		}
		groups[id] = append(groups[id], p)
	})
	return func(tx *storage.Tx) ([]ImportError, error) {
		var errs []ImportError
		for _, id := range order {
			m, err := tx.Menage(id)
			if model.ErrorCode(err) == model.ENOTFOUND {
				errs = append(errs, ImportError{Ligne: first[id], Ref: "ménage " + id, Colonne: "menage", Raison: fmt.Sprintf("le ménage « %s » n'existe pas (importez d'abord menages.csv)", id)})
				continue
			} else if err != nil {
				return nil, err
			}
			if len(m.Personnes) == 0 {
				rep.Crees += len(groups[id])
			} else {
				rep.Modifies += len(groups[id])
			}
			m.Personnes = groups[id]
			if err := tx.PutMenage(m); err != nil {
				errs = append(errs, ImportError{Ligne: first[id], Ref: "ménage " + id, Colonne: "menage", Raison: model.ErrorMessage(err)})
			}
		}
		return errs, nil
	}, errs
}

func (a *App) prepareDemandes(t *csvTable, rep *ImportReport, progress Progress) (func(*storage.Tx) ([]ImportError, error), []ImportError) {
	seen := dupCheck{}
	var ds []model.Demande
	var lines []int
	var refs []string
	errs := rows(t, progress, func(c *cells) {
		d := parseDemande(c)
		seen.check(c, "nur", d.NUR)
		ds, lines, refs = append(ds, d), append(lines, c.line), append(refs, c.ref)
	})
	return func(tx *storage.Tx) ([]ImportError, error) {
		var errs []ImportError
		for i := range ds {
			d := &ds[i]
			if _, err := tx.Menage(d.Menage); model.ErrorCode(err) == model.ENOTFOUND {
				errs = append(errs, ImportError{Ligne: lines[i], Ref: refs[i], Colonne: "menage", Raison: fmt.Sprintf("le ménage « %s » n'existe pas (importez d'abord menages.csv)", d.Menage)})
				continue
			} else if err != nil {
				return nil, err
			}
			if o := d.MenageOrigine; o != "" { // decohabitation (§1.3.5)
				if _, err := tx.Menage(o); model.ErrorCode(err) == model.ENOTFOUND {
					errs = append(errs, ImportError{Ligne: lines[i], Colonne: "menage_origine", Raison: "le ménage d'origine « " + o + " » n'existe pas"})
					continue
				} else if err != nil {
					return nil, err
				}
			}
			if _, err := tx.Demande(d.NUR); err == nil {
				rep.Modifies++
			} else {
				rep.Crees++
			}
			if err := tx.PutDemande(d); err != nil {
				errs = append(errs, ImportError{Ligne: lines[i], Ref: refs[i], Raison: model.ErrorMessage(err)})
			}
		}
		return errs, nil
	}, errs
}

// enteteModeles are the kinds whose header enteteRefusee recognizes, in the
// order it tries them.
var enteteModeles = []string{"logements", "menages", "personnes", "demandes", "decisions", "rpls", "plafonds", "quartiles"}

// modeleColonnes are the required columns of an import kind.
func modeleColonnes(kind string) []string {
	switch kind {
	case "plafonds":
		return PlafondsColumns
	case "quartiles":
		return QuartilesColumns
	}
	return ImportColumns[kind]
}

// enteteRefusee gathers the columns missing from the header (line 1) of a
// file of the given kind into one error: « l'en-tête ne correspond pas au
// modèle « ménages » : colonnes absentes : … », naming the model whose
// columns the header has when it is another one (decisions.csv chosen for
// the dwellings). The other errors are kept; t (the header read) may be nil.
func enteteRefusee(kind string, t *csvTable, errs []ImportError) []ImportError {
	var absentes []string
	var out []ImportError
	for _, e := range errs {
		if e.Ligne == 1 && e.Raison == raisonColonneAbsente {
			absentes = append(absentes, e.Colonne)
			continue
		}
		out = append(out, e)
	}
	if len(absentes) == 0 {
		return errs
	}
	raison := fmt.Sprintf("l'en-tête ne correspond pas au modèle « %s » : colonne absente : %s", ImportLibelle(kind), absentes[0])
	if len(absentes) > 1 {
		raison = fmt.Sprintf("l'en-tête ne correspond pas au modèle « %s » : %d colonnes absentes : %s", ImportLibelle(kind), len(absentes), strings.Join(absentes, ", "))
	}
	if t != nil {
		for _, k := range enteteModeles {
			cols := modeleColonnes(k)
			if k == kind || len(cols) == 0 {
				continue
			}
			tous := true
			for _, c := range cols {
				tous = tous && t.has(c)
			}
			if tous {
				raison += fmt.Sprintf(" ; il a les colonnes du modèle « %s » : vérifiez le fichier choisi", ImportLibelle(k))
				break
			}
		}
	}
	return append([]ImportError{{Ligne: 1, Raison: raison}}, out...)
}
