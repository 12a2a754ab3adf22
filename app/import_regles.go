package app

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"logis/model"
	"logis/storage"
)

// The yearly figures as files (issue 9): ceilings each January, the
// first-quartile threshold each spring, imported all-or-nothing like the
// other files and exported as entered for the next laptop.

// Columns of the two files (an interface: kept exactly).
var (
	PlafondsColumns  = []string{"annee", "financement", "zone", "categorie", "montant"}
	QuartilesColumns = []string{"annee", "seuil"}
)

// reglesImports are the import kinds of this file, dispatched by Import.
var reglesImports = map[string]func(a *App, name string, r io.Reader) (ImportReport, error){
	"plafonds":  (*App).importPlafonds,
	"quartiles": (*App).importQuartiles,
}

// zoneFichier reads the zone column: paris_limitrophes or idf (reste_idf too).
func zoneFichier(s string) (model.Zone, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "paris_limitrophes":
		return model.ZoneParisLimitrophes, true
	case "idf", "reste_idf":
		return model.ZoneResteIDF, true
	}
	return "", false
}

// zoneColonne writes a zone as the file spells it.
func zoneColonne(z model.Zone) string {
	if z == model.ZoneResteIDF {
		return "idf"
	}
	return string(z)
}

// annee reads a year between 2000 and 2100.
func (c *cells) annee() int {
	v := c.str("annee", true)
	if v == "" {
		return 0
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 2000 || n > 2100 {
		c.fail("annee", v, "n'est pas une année (AAAA, de 2000 à 2100)")
		return 0
	}
	return n
}

// montant reads a positive amount in euros (« 26 920 », « 26920,00 »).
func (c *cells) montant(col string) model.Cents {
	v := c.str(col, true)
	if v == "" {
		return 0
	}
	m, err := model.ParseCents(v)
	if err != nil || m <= 0 {
		c.fail(col, v, "n'est pas un montant positif en euros")
		return 0
	}
	return m
}

type cleBareme struct {
	annee int
	zone  model.Zone
	fin   model.Financement
}

// importPlafonds reads plafonds.csv (annee;financement;zone;categorie;montant):
// every table named must be complete (categories 1 to 6 and personne_sup)
// and increasing; the tables read replace those of the same year, zone and
// financing, in one transaction; nothing is written on any error.
func (a *App) importPlafonds(name string, r io.Reader) (ImportReport, error) {
	rep := ImportReport{Type: "plafonds"}
	t, errs, err := readCSV(r, PlafondsColumns)
	if err != nil {
		return rep, err
	}
	if len(errs) > 0 {
		return rep, &ImportErrors{Fichier: name, Erreurs: enteteRefusee("plafonds", t, errs)}
	}
	rep.Lignes = len(t.rows)
	tables := map[cleBareme]*model.Bareme{}
	vus := map[cleBareme]map[string]int{}
	firstLine := map[cleBareme]int{}
	errs = rows(t, nil, func(c *cells) {
		annee := c.annee()
		fv := c.str("financement", true)
		fin, ferr := model.ParseFinancement(fv)
		if fv != "" && ferr != nil {
			c.fail("financement", fv, "n'est pas un financement (PLAI, PLUS, PLS, PLI)")
		}
		zv := c.str("zone", true)
		zone, zok := zoneFichier(zv)
		if zv != "" && !zok {
			c.fail("zone", zv, "n'est pas une zone (paris_limitrophes ou idf)")
		}
		cat := strings.ToLower(c.str("categorie", true))
		idx := -2
		switch cat {
		case "personne_sup":
			idx = -1
		case "1", "2", "3", "4", "5", "6":
			idx = int(cat[0] - '1')
		case "":
		default:
			c.fail("categorie", cat, "n'est pas une catégorie (1 à 6 ou personne_sup)")
		}
		m := c.montant("montant")
		if len(c.errs) > 0 || annee == 0 || idx == -2 || m == 0 {
			return
		}
		k := cleBareme{annee, zone, fin}
		b := tables[k]
		if b == nil {
			b = &model.Bareme{Annee: annee, Zone: zone, Financement: fin}
			tables[k], vus[k], firstLine[k] = b, map[string]int{}, c.line
		}
		if l, ok := vus[k][cat]; ok {
			c.errs = append(c.errs, ImportError{Ligne: c.line, Colonne: "categorie", Raison: fmt.Sprintf("la catégorie %s des plafonds %s %d (%s) figure déjà ligne %d", cat, fin, annee, zone.Label(), l)})
			return
		}
		vus[k][cat] = c.line
		if idx < 0 {
			b.ParPersonne = m
		} else {
			b.Categories[idx] = m
		}
	})
	for k, b := range tables {
		var manque []string
		for i := range 6 {
			if b.Categories[i] == 0 {
				manque = append(manque, strconv.Itoa(i+1))
			}
		}
		if b.ParPersonne == 0 {
			manque = append(manque, "personne_sup")
		}
		if len(manque) > 0 {
			errs = append(errs, ImportError{Ligne: firstLine[k], Raison: fmt.Sprintf("plafonds %s %d (%s) incomplets : catégorie(s) %s manquante(s)", k.fin, k.annee, k.zone.Label(), strings.Join(manque, ", "))})
		}
	}
	if len(errs) > 0 {
		return rep, &ImportErrors{Fichier: name, Erreurs: sortErrors(errs)}
	}
	if len(tables) == 0 {
		return rep, model.Errorf(model.EINVALID, "Le fichier %s ne contient aucun plafond.", baseName(name))
	}
	err = a.DB.Update(fmt.Sprintf("Import plafonds (%s, %d tables)", baseName(name), len(tables)), func(tx *storage.Tx) error {
		r, err := tx.Regles()
		if err != nil {
			return err
		}
		rep.Crees, rep.Modifies = 0, 0
		for k, b := range tables {
			found := false
			for i := range r.Baremes {
				o := &r.Baremes[i]
				if o.Annee == k.annee && o.Zone == k.zone && o.Financement == k.fin {
					*o, found = *b, true
				}
			}
			if found {
				rep.Modifies++
			} else {
				r.Baremes = append(r.Baremes, *b)
				rep.Crees++
			}
		}
		sortBaremes(r.Baremes)
		return tx.PutRegles(r)
	})
	if err != nil {
		return ImportReport{Type: rep.Type, Lignes: rep.Lignes}, err
	}
	return rep, nil
}

// importQuartiles reads quartiles.csv (annee;seuil, € per UC per year); each
// year's threshold replaces the one entered, in one transaction.
func (a *App) importQuartiles(name string, r io.Reader) (ImportReport, error) {
	rep := ImportReport{Type: "quartiles"}
	t, errs, err := readCSV(r, QuartilesColumns)
	if err != nil {
		return rep, err
	}
	if len(errs) > 0 {
		return rep, &ImportErrors{Fichier: name, Erreurs: enteteRefusee("quartiles", t, errs)}
	}
	rep.Lignes = len(t.rows)
	seuils := map[int]model.Cents{}
	dup := dupCheck{}
	errs = rows(t, nil, func(c *cells) {
		y := c.annee()
		s := c.montant("seuil")
		if y == 0 || s == 0 || !dup.check(c, "annee", strconv.Itoa(y)) {
			return
		}
		seuils[y] = s
	})
	if len(errs) > 0 {
		return rep, &ImportErrors{Fichier: name, Erreurs: sortErrors(errs)}
	}
	if len(seuils) == 0 {
		return rep, model.Errorf(model.EINVALID, "Le fichier %s ne contient aucun seuil.", baseName(name))
	}
	err = a.DB.Update(fmt.Sprintf("Import quartiles (%s, %d année(s))", baseName(name), len(seuils)), func(tx *storage.Tx) error {
		r, err := tx.Regles()
		if err != nil {
			return err
		}
		if r.PremierQuart == nil {
			r.PremierQuart = map[int]model.Cents{}
		}
		rep.Crees, rep.Modifies = 0, 0
		for y, s := range seuils {
			if _, ok := r.PremierQuart[y]; ok {
				rep.Modifies++
			} else {
				rep.Crees++
			}
			r.PremierQuart[y] = s
		}
		return tx.PutRegles(r)
	})
	if err != nil {
		return ImportReport{Type: rep.Type, Lignes: rep.Lignes}, err
	}
	return rep, nil
}

func sortBaremes(bs []model.Bareme) {
	sort.SliceStable(bs, func(i, j int) bool {
		if bs[i].Annee != bs[j].Annee {
			return bs[i].Annee < bs[j].Annee
		}
		if bs[i].Financement != bs[j].Financement {
			return bs[i].Financement < bs[j].Financement
		}
		return bs[i].Zone < bs[j].Zone
	})
}

// euros writes an amount for the files: « 26920 » or « 26920,50 ».
func euros(c model.Cents) string {
	if c%100 == 0 {
		return strconv.FormatInt(int64(c/100), 10)
	}
	return model.FormatDecimal(c.Float(), 2, false)
}

// WriteReglesCSV writes the two files of the rule tables as entered: the
// ceilings (derived tables, « non officiels », are left out: they are not
// figures to carry to another laptop) and the first-quartile thresholds.
func WriteReglesCSV(r *model.Regles, plafonds, quartiles io.Writer) error {
	cw := csv.NewWriter(plafonds)
	cw.Comma = ';'
	if err := cw.Write(PlafondsColumns); err != nil {
		return err
	}
	bs := append([]model.Bareme(nil), r.Baremes...)
	sortBaremes(bs)
	for _, b := range bs {
		if b.Derive {
			continue
		}
		for i, m := range b.Categories {
			if err := cw.Write([]string{strconv.Itoa(b.Annee), string(b.Financement), zoneColonne(b.Zone), strconv.Itoa(i + 1), euros(m)}); err != nil {
				return err
			}
		}
		if err := cw.Write([]string{strconv.Itoa(b.Annee), string(b.Financement), zoneColonne(b.Zone), "personne_sup", euros(b.ParPersonne)}); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	qw := csv.NewWriter(quartiles)
	qw.Comma = ';'
	if err := qw.Write(QuartilesColumns); err != nil {
		return err
	}
	years := make([]int, 0, len(r.PremierQuart))
	for y := range r.PremierQuart {
		years = append(years, y)
	}
	sort.Ints(years)
	for _, y := range years {
		if err := qw.Write([]string{strconv.Itoa(y), euros(r.PremierQuart[y])}); err != nil {
			return err
		}
	}
	qw.Flush()
	return qw.Error()
}

// Names of the exported files.
const (
	FichierPlafonds  = "plafonds.csv"
	FichierQuartiles = "quartiles.csv"
)

// ExportRegles writes plafonds.csv and quartiles.csv in dir (created when
// missing), both or neither: they are written to temporary files first,
// then renamed. It returns the paths written.
func (a *App) ExportRegles(dir string) ([]string, error) {
	r, err := a.Regles()
	if err != nil {
		return nil, err
	}
	var p, q bytes.Buffer
	if err := WriteReglesCSV(r, &p, &q); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, model.Errorf(model.EINVALID, "Le dossier %s ne peut pas être créé : %v", dir, err)
	}
	names := []string{filepath.Join(dir, FichierPlafonds), filepath.Join(dir, FichierQuartiles)}
	data := [][]byte{p.Bytes(), q.Bytes()}
	var tmps []string
	cleanup := func() {
		for _, t := range tmps {
			os.Remove(t)
		}
	}
	for i, n := range names {
		f, err := os.CreateTemp(dir, ".logis-regles-*")
		if err != nil {
			cleanup()
			return nil, model.Errorf(model.EINVALID, "Impossible d'écrire dans %s : %v", dir, err)
		}
		tmps = append(tmps, f.Name())
		_, werr := f.Write(data[i])
		if cerr := f.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			cleanup()
			return nil, model.Errorf(model.EINVALID, "Impossible d'écrire %s : %v", n, werr)
		}
	}
	for i, n := range names {
		if err := os.Rename(tmps[i], n); err != nil {
			cleanup()
			return nil, model.Errorf(model.EINVALID, "Impossible d'écrire %s : %v", n, err)
		}
	}
	return names, nil
}
