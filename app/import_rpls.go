package app

import (
	"fmt"
	"sort"
	"strings"

	"logis/model"
	"logis/storage"
)

// The RPLS import reads the national file of the office's dwellings (arrêté
// du 5 janvier 2010; open-data « données détaillées au logement »), one line
// per dwelling, columns named after the RPLS variables. Each accepted column
// may carry one of several names (the open data renamed some of them).
var rplsCols = struct {
	ref, rplsID, depcom, libcom, cp, numvoie, indrep, typvoie, nomvoie, etage, typeconst,
	nbpiece, surfhab, construct, finan, cus, qpv, loyer, dpe, dpedate, mode, residence, immeu, programme, contingent []string
}{
	ref:        []string{"identbail", "ident_bail", "id_bailleur", "reference"},
	rplsID:     []string{"rs_id", "identrep", "id_rpls", "rpls_id"},
	depcom:     []string{"depcom", "depcom_code", "com"},
	libcom:     []string{"libcom", "depcom_libelle", "ncom", "commune"},
	cp:         []string{"codepostal", "code_postal"},
	numvoie:    []string{"numvoie"},
	indrep:     []string{"indrep"},
	typvoie:    []string{"typvoie"},
	nomvoie:    []string{"nomvoie"},
	etage:      []string{"etage"},
	typeconst:  []string{"typeconst", "typeconst_code"},
	nbpiece:    []string{"nbpiece"},
	surfhab:    []string{"surfhab"},
	construct:  []string{"construct"},
	finan:      []string{"finan", "finan_code"},
	cus:        []string{"cus"},
	qpv:        []string{"qpv"},
	loyer:      []string{"loyerprinc"},
	dpe:        []string{"dpeenergie"},
	dpedate:    []string{"dpedate"},
	mode:       []string{"mode", "mode_code"},
	residence:  []string{"residence"},
	immeu:      []string{"immeu"},
	programme:  []string{"programme", "nomprog"},
	contingent: []string{"contingent"},
}

// rplsUsed are the columns the import reads; the others are listed once in
// the report as not kept.
func rplsUsed() map[string]bool {
	m := map[string]bool{}
	c := rplsCols
	for _, l := range [][]string{c.ref, c.rplsID, c.depcom, c.libcom, c.cp, c.numvoie, c.indrep, c.typvoie, c.nomvoie, c.etage,
		c.typeconst, c.nbpiece, c.surfhab, c.construct, c.finan, c.cus, c.qpv, c.loyer, c.dpe, c.dpedate, c.mode, c.residence, c.immeu, c.programme, c.contingent} {
		for _, n := range l {
			m[n] = true
		}
	}
	return m
}

// pick returns the first of names present in the header, "" when none.
func (t *csvTable) pick(names []string) string {
	for _, n := range names {
		if t.has(n) {
			return n
		}
	}
	return ""
}

// CodesINSEE of the office's communes (code officiel géographique), used
// when LIBCOM is absent.
var CodesINSEE = map[string]string{
	"94003": "Arcueil", "94016": "Cachan", "94037": "Gentilly", "94076": "Villejuif", "94081": "Vitry-sur-Seine",
}

// officeCommune returns the office's spelling of the commune of a line, or
// false when the dwelling lies elsewhere.
func officeCommune(libcom, depcom string) (string, bool) {
	if libcom != "" {
		for _, c := range Communes {
			if model.SameCommune(libcom, c.Nom) {
				return c.Nom, true
			}
		}
		return "", false
	}
	n, ok := CodesINSEE[strings.TrimSpace(depcom)]
	return n, ok
}

func officePostalCode(commune string) string {
	for _, c := range Communes {
		if c.Nom == commune {
			return c.CodePostal
		}
	}
	return ""
}

// rplsRow is one dwelling read from the file, with what the line could not
// map but kept (notes) and what is only known for new dwellings.
type rplsRow struct {
	l          model.Logement
	line       int
	resNom     string
	noLoyer    bool // LOYERPRINC absent or 9999: the current rent is kept
	noEtage    bool // ETAGE absent: the current floor is kept
	statutRPLS bool // MODE set the status
	loue       bool // MODE 1: let on 1 January
	contingent bool // CONTINGENT given
	notes      []string
}

// prepareRPLS reads the RPLS lines: refused lines are import errors (nothing
// written); lines of other communes are skipped and counted; kept values the
// line could not give are explained in the report's notes.
func (a *App) prepareRPLS(t *csvTable, rep *ImportReport, progress Progress) (func(*storage.Tx) ([]ImportError, error), []ImportError) {
	c := rplsCols
	col := func(names []string) string { return t.pick(names) }
	refCol, idCol := col(c.ref), col(c.rplsID)
	var head []ImportError
	if refCol == "" && idCol == "" {
		head = append(head, ImportError{Ligne: 1, Colonne: "IDENTBAIL", Raison: "aucune colonne d'identifiant du logement (IDENTBAIL : identifiant chez le bailleur, ou RS_ID : identifiant au répertoire)"})
	}
	if col(c.libcom) == "" && col(c.depcom) == "" {
		head = append(head, ImportError{Ligne: 1, Colonne: "LIBCOM", Raison: "aucune colonne de commune (LIBCOM ou DEPCOM)"})
	}
	if col(c.finan) == "" && col(c.cus) == "" {
		head = append(head, ImportError{Ligne: 1, Colonne: "FINAN", Raison: "aucune colonne de financement (FINAN ou CUS)"})
	}
	if len(head) > 0 {
		return nil, head
	}
	var ignored []string
	used := rplsUsed()
	for n := range t.cols {
		if !used[n] {
			ignored = append(ignored, strings.ToUpper(n))
		}
	}
	sort.Strings(ignored)
	if len(ignored) > 0 {
		rep.Remarques = append(rep.Remarques, "Colonnes du RPLS non reprises dans Logis : "+strings.Join(ignored, ", ")+".")
	}
	if col(c.contingent) == "" {
		rep.Remarques = append(rep.Remarques, "Ascenseur, accès PMR, charges et contingent ne figurent pas dans ce fichier : conservés pour un logement déjà connu, « non » / 0 € / vide pour un nouveau, à compléter dans Patrimoine.")
	} else {
		rep.Remarques = append(rep.Remarques, "Ascenseur, accès PMR et charges ne figurent pas au RPLS : conservés pour un logement déjà connu, « non » / 0 € pour un nouveau, à compléter dans Patrimoine.")
	}

	seen := dupCheck{}
	skipped := map[string]int{}
	var out []rplsRow
	errs := rows(t, progress, func(cl *cells) {
		get := func(names []string) string { return t.get(cl.row, col(names)) }
		libcom, depcom := get(c.libcom), get(c.depcom)
		commune, ok := officeCommune(libcom, depcom)
		if !ok {
			where := libcom
			if where == "" {
				where = depcom
			}
			if where == "" {
				cl.errs = append(cl.errs, ImportError{Ligne: cl.line, Colonne: "LIBCOM", Raison: "commune absente (LIBCOM et DEPCOM vides)"})
				return
			}
			skipped[where]++
			return
		}
		r := rplsRow{line: cl.line}
		l := &r.l
		l.Commune = commune
		refName := refCol
		l.Reference = get(c.ref)
		if l.Reference == "" {
			l.Reference, refName = get(c.rplsID), idCol
		}
		if l.Reference == "" {
			cl.errs = append(cl.errs, ImportError{Ligne: cl.line, Colonne: strings.ToUpper(refCol + idCol), Raison: "identifiant du logement absent (IDENTBAIL ou RS_ID)"})
		} else {
			seen.check(cl, strings.ToUpper(refName), l.Reference)
		}
		// Address as written in the file: « 12 B RUE DES TILLEULS ».
		l.Adresse = strings.Join(strings.Fields(strings.Join([]string{get(c.numvoie), get(c.indrep), get(c.typvoie), get(c.nomvoie)}, " ")), " ")
		if get(c.nomvoie) == "" {
			cl.errs = append(cl.errs, ImportError{Ligne: cl.line, Colonne: "NOMVOIE", Raison: "nom de voie absent : l'adresse du logement est inconnue"})
		}
		l.CodePostal = get(c.cp)
		if l.CodePostal == "" {
			l.CodePostal = officePostalCode(commune)
			r.notes = append(r.notes, fmt.Sprintf("CODEPOSTAL vide : code postal de %s (%s) retenu", commune, l.CodePostal))
		} else if len(l.CodePostal) != 5 || strings.Trim(l.CodePostal, "0123456789") != "" {
			cl.fail("CODEPOSTAL", l.CodePostal, "n'est pas un code postal (5 chiffres)")
		}
		// Rooms and typology.
		if v := get(c.nbpiece); v == "" {
			cl.errs = append(cl.errs, ImportError{Ligne: cl.line, Colonne: "NBPIECE", Raison: "nombre de pièces absent"})
		} else if n, err := model.ParseDecimal(v); err != nil || n != float64(int(n)) || n < 1 || n > 9 {
			cl.fail("NBPIECE", v, "n'est pas un nombre de pièces (1 à 9)")
		} else {
			l.Pieces, l.Typologie = int(n), model.TypologieRPLS(int(n))
		}
		if v := get(c.surfhab); v == "" {
			cl.errs = append(cl.errs, ImportError{Ligne: cl.line, Colonne: "SURFHAB", Raison: "surface habitable absente"})
		} else if s, err := model.ParseDecimal(v); err != nil || s <= 0 || s > 1000 {
			cl.fail("SURFHAB", v, "n'est pas une surface habitable (m², plus de 0 et au plus 1 000)")
		} else {
			l.Surface = s
		}
		// Floor: empty for a house (TYPECONST I) is the ground floor.
		if v := get(c.etage); v == "" {
			if strings.EqualFold(get(c.typeconst), "I") {
				l.Etage = 0
			} else {
				r.noEtage = true
			}
		} else if u := strings.ToUpper(v); u == "RDC" || u == "RC" {
			l.Etage = 0
		} else if n, err := model.ParseDecimal(v); err != nil || n != float64(int(n)) || n < -2 || n > 60 {
			cl.fail("ETAGE", v, "n'est pas un étage (-2 à 60, RDC)")
		} else {
			l.Etage = int(n)
		}
		// Financing and its ceiling.
		if f, _, err := model.FinancementRPLS(get(c.finan), get(c.cus)); err != nil {
			cl.errs = append(cl.errs, ImportError{Ligne: cl.line, Colonne: "FINAN", Raison: model.ErrorMessage(err)})
		} else {
			l.Financement = f
		}
		if q, err := model.QPVRPLS(get(c.qpv)); err != nil {
			cl.errs = append(cl.errs, ImportError{Ligne: cl.line, Colonne: "QPV", Raison: model.ErrorMessage(err)})
		} else {
			l.QPV = q
		}
		// Rent: 9999 or empty when the dwelling was not let on 1 January.
		if v := get(c.loyer); v == "" || v == "9999" {
			r.noLoyer = true
		} else if x, err := model.ParseCents(v); err != nil || x < 0 {
			cl.fail("LOYERPRINC", v, "n'est pas un loyer en euros")
		} else {
			l.Loyer = x
		}
		if y, err := model.ParseAnneeRPLS(get(c.construct)); err != nil {
			cl.errs = append(cl.errs, ImportError{Ligne: cl.line, Colonne: "CONSTRUCT", Raison: model.ErrorMessage(err)})
		} else {
			l.AnneeConstruction = y
		}
		if k, err := model.ParseClasseDPE(get(c.dpe)); err != nil {
			cl.errs = append(cl.errs, ImportError{Ligne: cl.line, Colonne: "DPEENERGIE", Raison: model.ErrorMessage(err)})
		} else {
			l.ClasseDPE = k
		}
		if d, err := model.DateDPERPLS(get(c.dpedate)); err != nil {
			cl.errs = append(cl.errs, ImportError{Ligne: cl.line, Colonne: "DPEDATE", Raison: model.ErrorMessage(err)})
		} else {
			l.DateDPE = d
		}
		if l.ClasseDPE != "" && l.DateDPE.IsZero() && get(c.dpedate) != "" {
			r.notes = append(r.notes, "DPEDATE indique « diagnostic non réalisé » mais une classe est donnée : classe conservée, date inconnue")
		}
		switch m := strings.TrimLeft(get(c.mode), "0"); m {
		case "", "9":
		case "1", "2":
			r.statutRPLS = true // let or offered: status derived from tenancies
			r.loue = m == "1"
		case "3":
			l.Statut, r.statutRPLS = model.Travaux, true
		case "4", "5":
			r.notes = append(r.notes, fmt.Sprintf("MODE %s (occupé hors bail ordinaire : association, gardien…) : statut du logement non modifié", m))
		default:
			cl.fail("MODE", get(c.mode), "n'est pas un mode d'occupation RPLS (1 à 5, 9)")
		}
		if v := get(c.contingent); v != "" {
			if k, err := model.ContingentRPLS(v); err != nil {
				cl.errs = append(cl.errs, ImportError{Ligne: cl.line, Colonne: "CONTINGENT", Raison: model.ErrorMessage(err)})
			} else {
				l.Contingent, r.contingent = k, true
			}
		}
		// Residence: the office's own column, else the building, else the
		// building's address.
		l.Residence = get(c.residence)
		r.resNom = get(c.programme)
		if l.Residence == "" {
			l.Residence = get(c.immeu)
		}
		if l.Residence == "" && l.Adresse != "" {
			l.Residence = model.CommuneKey(l.Adresse + " " + commune)
		}
		if r.resNom == "" {
			r.resNom = l.Residence
			if get(c.residence) == "" && get(c.immeu) == "" {
				r.resNom = l.Adresse + ", " + commune
			}
		}
		out = append(out, r)
	})
	if n := len(skipped); n > 0 {
		total, names := 0, make([]string, 0, n)
		for k, v := range skipped {
			total += v
			names = append(names, fmt.Sprintf("%s : %d", k, v))
		}
		sort.Strings(names)
		rep.Ignores = total
		rep.Remarques = append(rep.Remarques, fmt.Sprintf("%d logement(s) hors des communes de l'Office ignoré(s) (%s).", total, strings.Join(names, ", ")))
	}
	return func(tx *storage.Tx) ([]ImportError, error) {
		var errs []ImportError
		residences := map[string]*model.Residence{}
		var order []string
		for i := range out {
			r := &out[i]
			l := r.l
			old, err := tx.Logement(l.Reference)
			switch {
			case err == nil:
				rep.Modifies++
				l.Ascenseur, l.PMR, l.Charges = old.Ascenseur, old.PMR, old.Charges
				if !r.contingent {
					l.Contingent = old.Contingent
				}
				if r.noLoyer {
					l.Loyer = old.Loyer
				}
				if r.noEtage {
					l.Etage = old.Etage
				}
				if !r.statutRPLS {
					l.Statut = old.Statut
				}
			case model.ErrorCode(err) == model.ENOTFOUND:
				rep.Crees++
				if r.noLoyer {
					r.notes = append(r.notes, "LOYERPRINC vide ou 9999 (logement non loué au 1er janvier) : loyer à saisir, 0 € enregistré")
				}
				if r.noEtage {
					r.notes = append(r.notes, "ETAGE vide : étage à saisir, rez-de-chaussée enregistré")
				}
			default:
				return nil, err
			}
			if err := l.Validate(); err != nil {
				errs = append(errs, ImportError{Ligne: r.line, Raison: model.ErrorMessage(err)})
				continue
			}
			if err := tx.PutLogement(&l); err != nil {
				errs = append(errs, ImportError{Ligne: r.line, Raison: model.ErrorMessage(err)})
				continue
			}
			for _, n := range r.notes {
				rep.Remarques = append(rep.Remarques, fmt.Sprintf("ligne %d (%s) : %s.", r.line, l.Reference, n))
			}
			res, ok := residences[l.Residence]
			if !ok {
				res = &model.Residence{Code: l.Residence, Nom: r.resNom, Adresse: l.Adresse, CodePostal: l.CodePostal, Commune: l.Commune}
				if prev, err := tx.Residence(l.Residence); err == nil {
					res.Nom, res.Fragilite = prev.Nom, prev.Fragilite
				}
				residences[l.Residence] = res
				order = append(order, l.Residence)
			}
			res.QPV = res.QPV || l.QPV
		}
		if len(errs) > 0 {
			return errs, nil
		}
		sansMenage := 0
		for i := range out {
			if out[i].loue {
				occ, err := tx.OccupantsOf(out[i].l.Reference)
				if err != nil {
					return nil, err
				}
				if len(occ) == 0 {
					sansMenage++
				}
			}
		}
		if sansMenage > 0 {
			rep.Remarques = append(rep.Remarques, fmt.Sprintf("%d logement(s) loué(s) au 1er janvier selon le RPLS (MODE 1) sans ménage locataire dans Logis : ils apparaissent vacants jusqu'à l'import de menages.csv.", sansMenage))
		}
		for _, code := range order {
			if err := tx.PutResidence(residences[code]); err != nil {
				return []ImportError{{Ligne: 1, Colonne: "residence", Raison: model.ErrorMessage(err)}}, nil
			}
		}
		return nil, nil
	}, errs
}
