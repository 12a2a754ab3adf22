package pdf

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"logis/model"
)

// The session of the tests: Thursday 19 November 2026, letters dated Friday
// 20 November 2026.
var (
	dateSeance  = model.NewDate(2026, 11, 19)
	dateCourier = model.NewDate(2026, 11, 20)
)

func office() *model.Office {
	o := model.DefaultOffice()
	o.Nom = "Office Public de l'Habitat du Val-de-Bièvre"
	o.Courriel = "attributions@oph-exemple.fr"
	o.DPO = "dpo@oph-exemple.fr"
	return o
}

func logementTest(ref string) *model.Logement {
	return &model.Logement{Reference: ref, Residence: "ARC0001", Adresse: "12 avenue Paul Vaillant-Couturier, bât. B, apt 34",
		CodePostal: "94110", Commune: "Arcueil", Typologie: 3, Pieces: 3, Surface: 63.4, Etage: 2, Ascenseur: true,
		Financement: model.PLUS, Loyer: 45648, Charges: 15216}
}

func menageExterne(id string) *model.Menage {
	return &model.Menage{ID: id,
		Personnes: []model.Personne{
			{Lien: model.Titulaire, Nom: "Lefèvre", Prenom: "Amélie", DateNaissance: model.NewDate(1985, 3, 2)},
			{Lien: model.Conjoint, Nom: "Lefèvre", Prenom: "Noël", DateNaissance: model.NewDate(1983, 7, 9)},
			{Lien: model.Enfant, Nom: "Lefèvre", Prenom: "Zoé", DateNaissance: model.NewDate(2015, 1, 4)},
		},
		Adresse: model.AdresseDeLignes("Chez Mme Dupont", "8 rue des Écoles", "94400 Vitry-sur-Seine")}
}

func menageLocataire(id string, ne model.Date) *model.Menage {
	return &model.Menage{ID: id,
		Personnes: []model.Personne{{Lien: model.Titulaire, Nom: "Nguyễn", Prenom: "Thành", DateNaissance: ne}},
		Bail:      &model.Bail{Logement: "CAC0002-0007", DateEntree: model.NewDate(1998, 5, 1)}}
}

func domicileTest() *model.Logement {
	return &model.Logement{Reference: "CAC0002-0007", Residence: "CAC0002", Adresse: "3 allée des Tilleuls, bât. A, apt 12",
		CodePostal: "94230", Commune: "Cachan", Typologie: 5, Pieces: 5, Surface: 92, Etage: 1, Financement: model.PLAI,
		Loyer: 56000, Charges: 22000}
}

// commissionTest holds the five decisions and an occupancy part.
func commissionTest() *model.Commission {
	return &model.Commission{ID: "C2026-001", Date: dateSeance, Lieu: "Salle du conseil, siège de l'Office", Commune: "Arcueil",
		Type: model.CommissionMixte, Statut: model.Close,
		Membres: []model.Membre{
			{Nom: "Claire Martin", Qualite: "Administratrice, présidente", Voix: true, Present: true},
			{Nom: "Paul Bernard", Qualite: "Administrateur", Voix: true, Present: true},
			{Nom: "Sophie Petit", Qualite: "Administratrice représentant les locataires", Voix: true, Present: false},
			{Nom: "Jean Durand", Qualite: "Maire d'Arcueil", Voix: true, Present: true, Maire: true},
			{Nom: "Marc Leroy", Qualite: "Représentant du préfet", Voix: true, Present: true},
			{Nom: "Inès Moreau", Qualite: "Représentante d'Action Logement", Voix: false, Present: true},
		},
		Logements: []model.DossierLogement{{
			Logement: "ARC0001-0003",
			Candidats: []model.Candidat{
				{NUR: "0942300000001GDPUB", Menage: "M000001", RangPropo: 1, Decision: &model.Decision{Type: model.Attribution}},
				{NUR: "0942300000002GDPUB", Menage: "M000002", RangPropo: 2, Decision: &model.Decision{Type: model.AttributionClassee, Rang: 2}},
				{NUR: "0942300000003GDPUB", Menage: "M000003", RangPropo: 3, Decision: &model.Decision{Type: model.ConditionSuspensive,
					Pieces: []string{"avis d'imposition ou de non-imposition", "justificatif de ressources"}, DateLimite: model.NewDate(2026, 12, 4)}},
				{NUR: "0942300000004GDPUB", Menage: "M000004", RangPropo: 4, Decision: &model.Decision{Type: model.NonAttribution,
					Motifs: []string{"typologie", "effort"}, Precisions: "Le ménage compte cinq personnes pour un T3 de 63 m² ; le taux d'effort serait de 41,2 %."}},
				{NUR: "0942300000005GDPUB", Menage: "M000005", RangPropo: 5, Decision: &model.Decision{Type: model.Irrecevabilite,
					Motifs: []string{"plafond"}, Precisions: "Revenu fiscal de référence 2024 supérieur de 18 % au plafond PLUS de la catégorie 3."}},
			},
		}, {
			Logement:  "ARC0001-0004",
			Exception: model.ExceptionsTroisCandidats[1],
			Candidats: []model.Candidat{{NUR: "0942300000006GDPUB", Menage: "M000006", RangPropo: 1, Profil: &model.ProfilCandidat{DALOPrefet: true},
				Decision: &model.Decision{Type: model.Attribution}}},
		}},
		Occupation: []model.DossierOccupation{{Menage: "M000100", Logement: "CAC0002-0007", Situations: []string{"sous_occupation"},
			Constat: "Personne seule dans un T5 de 92 m² depuis 1998.", LogementAdapte: "T2 ou T3, de préférence en rez-de-chaussée ou avec ascenseur, à Cachan."}},
	}
}

// courriersTest lays out every letter of the test session.
func courriersTest(t testing.TB) []*Lettre {
	t.Helper()
	cm, o := commissionTest(), office()
	var out []*Lettre
	for _, dl := range cm.Logements {
		lg := logementTest(dl.Logement)
		for i := range dl.Candidats {
			c := &dl.Candidats[i]
			m := menageExterne(c.Menage)
			l, err := MiseEnPage(Courrier{Commission: cm, Office: o, Date: dateCourier, Menage: m, Candidat: c, Logement: lg})
			if err != nil {
				t.Fatalf("MiseEnPage(%s): %v", c.NUR, err)
			}
			out = append(out, l)
		}
	}
	for i := range cm.Occupation {
		oc := &cm.Occupation[i]
		m := menageLocataire(oc.Menage, model.NewDate(1950, 6, 1))
		l, err := MiseEnPage(Courrier{Commission: cm, Office: o, Date: dateCourier, Menage: m, Domicile: domicileTest(), Logement: domicileTest(), Occupation: oc})
		if err != nil {
			t.Fatalf("MiseEnPage(occupation): %v", err)
		}
		out = append(out, l)
	}
	return out
}

// TestEcrireExemples writes the sample PDFs into $LOGIS_PDF_DIR, to look at
// them (/work/shared/tools/look-pdf); skipped when the variable is unset.
func TestEcrireExemples(t *testing.T) {
	dir := os.Getenv("LOGIS_PDF_DIR")
	if dir == "" {
		t.Skip("LOGIS_PDF_DIR non défini")
	}
	lettres := courriersTest(t)
	f, err := os.Create(filepath.Join(dir, "courriers.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := EcrireCourriers(f, lettres, dateCourier, nil); err != nil {
		t.Fatal(err)
	}
	if pv, err := pvTest(); err == nil {
		g, _ := os.Create(filepath.Join(dir, "pv.pdf"))
		defer g.Close()
		if err := pv.Ecrire(g); err != nil {
			t.Fatal(err)
		}
	} else {
		t.Log(fmt.Sprint(err))
	}
}

func pvTest() (*PV, error) {
	cm := commissionTest()
	s := SourcePV{Commission: cm, Office: office(), Logements: map[string]*model.Logement{}, Menages: map[string]*model.Menage{}}
	for _, dl := range cm.Logements {
		s.Logements[dl.Logement] = logementTest(dl.Logement)
		for _, c := range dl.Candidats {
			s.Menages[c.Menage] = menageExterne(c.Menage)
		}
	}
	s.Logements["CAC0002-0007"] = domicileTest()
	s.Menages["M000100"] = menageLocataire("M000100", model.NewDate(1950, 6, 1))
	return MiseEnPagePV(s)
}
