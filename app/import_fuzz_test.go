package app

import (
	"bytes"
	"strings"
	"testing"

	"logis/model"
)

// FuzzImportRows reads a file of each kind as the import does (reader, then
// the field rules of each row) and checks that a row accepted holds only
// what the rules allow: readable text without control characters within its
// limits, plausible dates, amounts and surfaces in range, communes of the
// office with their postal code, a NUR of the national shape, an address
// that prints. It catches « accepted but wrong » rows, not only panics. The
// seed corpus is also in testdata/fuzz/FuzzImportRows.
func FuzzImportRows(f *testing.F) {
	f.Add(uint8(0), []byte("reference;residence;adresse;code_postal;commune;qpv;typologie;pieces;surface;etage;ascenseur;pmr;financement;loyer;charges;contingent\nL1;R1;\"1 rue A\nBât B\";94110;Arcueil;non;T3;3;64,5;2;oui;non;PLUS;452,30;118;bailleur\n"))
	f.Add(uint8(0), []byte("reference;residence;adresse;code_postal;commune;qpv;typologie;pieces;surface;etage;ascenseur;pmr;financement;loyer;charges;contingent\nL1;R1;1 rue A;94230;Arceuil;non;T3;3;64.500;2;oui;non;PLUS;45.000;118;=1+1\n"))
	f.Add(uint8(1), []byte("menage;logement;date_entree;revenu_fiscal_reference;ressources_mensuelles;apl;adresse_complement;adresse_voie;adresse_lieu_dit;adresse_code_postal;adresse_commune\nM2;;;14200;1250;0;\"Chez X\nBât B\";12 avenue du Maréchal de Lattre de Tassigny;;94250;Gentilly\n"))
	f.Add(uint8(1), []byte("menage;logement;date_entree;revenu_fiscal_reference;ressources_mensuelles;apl\nM1;L1;01/12/2027;45.000;1 850,00;120\n"))
	f.Add(uint8(2), []byte("menage;lien;nom;prenom;date_naissance;handicap\nM1;titulaire;Exe\x00mple;No\xe9;04/06/2085;non\n"))
	f.Add(uint8(3), []byte("nur;menage;date_depot;typologies;communes;dalo;priorites;motif\n0942501000123 gd94a;M2;02/05/2025;T2;Arcueil,Paris;non;1;\"Logement trop petit\n"))
	f.Fuzz(func(t *testing.T, k uint8, data []byte) {
		kind := ImportKinds[int(k)%len(ImportKinds)]
		tbl, errs, err := readCSV(bytes.NewReader(data), ImportColumns[kind])
		if err != nil {
			t.Fatalf("read error: %v", err)
		}
		if tbl == nil || len(errs) > 0 {
			return
		}
		today := model.NewDate(2026, 11, 30)
		tbl.ref = importRefs[kind]
		tbl.ctx = importCtx{communes: model.DefaultCommunes(), today: today}
		texte := func(what, s string, max int) {
			if err := model.CheckTexte(s, max); err != nil {
				t.Fatalf("%s %q accepted: %v", what, s, err)
			}
		}
		rows(tbl, nil, func(c *cells) {
			switch kind {
			case "logements":
				l := parseLogement(c)
				if len(c.errs) > 0 || l.Validate() != nil {
					return
				}
				for _, s := range []string{l.Reference, l.Residence, l.Adresse, l.Commune, l.Contingent} {
					texte("text", s, model.MaxTexte)
				}
				if _, err := model.CheckCommuneOffice(model.DefaultCommunes(), l.Commune, l.CodePostal); err != nil {
					t.Fatalf("commune %q %q accepted: %v", l.Commune, l.CodePostal, err)
				}
				if l.Loyer < 0 || l.Charges < 0 || l.Surface <= 0 || l.Surface > 1000 {
					t.Fatalf("figures accepted: %+v", l)
				}
			case "menages":
				m := parseMenage(c)
				if len(c.errs) > 0 {
					return
				}
				texte("menage", m.id, model.MaxIdentifiant)
				if m.bail.DateEntree > today || m.bail.DateVisite > today || m.res.RevenuFiscal < 0 || m.res.Mensuelles < 0 {
					t.Fatalf("row accepted: %+v", m)
				}
				if m.adresse != nil {
					if err := m.adresse.Validate(); err != nil {
						t.Fatalf("address accepted: %v", err)
					}
				}
			case "personnes":
				_, p := parsePersonne(c)
				if len(c.errs) > 0 {
					return
				}
				texte("nom", p.Nom, model.MaxNom)
				texte("prenom", p.Prenom, model.MaxNom)
				if model.CheckNaissance(p.DateNaissance, today) != nil || p.DateNaissance.IsZero() {
					t.Fatalf("birth date %s accepted", p.DateNaissance)
				}
			case "demandes":
				d := parseDemande(c)
				if len(c.errs) > 0 {
					return
				}
				if n, err := model.ParseNUR(d.NUR); err != nil || n != d.NUR {
					t.Fatalf("NUR %q accepted", d.NUR)
				}
				if d.DateDepot > today || d.Validate() != nil {
					t.Fatalf("application accepted: %+v", d)
				}
				texte("motif", d.Motif, model.MaxMotif)
				for _, co := range d.Communes {
					if _, err := model.CommuneDeLOffice(model.DefaultCommunes(), co); err != nil || strings.TrimSpace(co) != co {
						t.Fatalf("commune %q accepted", co)
					}
				}
			}
		})
	})
}
