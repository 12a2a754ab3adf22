package pdf

import (
	"bytes"
	"strings"
	"testing"

	"logis/model"
)

func pvPDF(t *testing.T, p *PV) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := p.Ecrire(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestPV_AdresseTresLongue: a dwelling whose address runs 4 500 characters
// never writes over the footer.
func TestPV_AdresseTresLongue(t *testing.T) {
	cm := commissionTest()
	s := SourcePV{Commission: cm, Office: office(), Logements: map[string]*model.Logement{}, Menages: map[string]*model.Menage{}}
	for _, dl := range cm.Logements {
		s.Logements[dl.Logement] = logementTest(dl.Logement)
		for _, c := range dl.Candidats {
			s.Menages[c.Menage] = menageExterne(c.Menage)
		}
	}
	s.Logements["ARC0001-0003"].Adresse = strings.Repeat("Résidence des Hautes-Bruyères, ", 145) + "FIN-ADRESSE"
	p, err := MiseEnPagePV(s)
	if err != nil {
		t.Fatal(err)
	}
	if n := len([]rune(s.Logements["ARC0001-0003"].Adresse)); n < 4500 {
		t.Fatalf("adresse de %d caractères", n)
	}
	ws := mots(t, pvPDF(t, p))
	checkZones(t, ws, pageH-basPV, footerWords(p.Pied, "PROJET"))
	found := false
	for _, w := range ws {
		found = found || strings.Contains(w.texte, "FIN-ADRESSE")
	}
	if !found {
		t.Error("la fin de l'adresse manque")
	}
}

func TestPV_Francais(t *testing.T) {
	cm := commissionTest()
	cm.Membres[0].Civilite = model.Madame   // Claire Martin, present
	cm.Membres[2].Civilite = model.Madame   // Sophie Petit, absent
	cm.Membres[1].Civilite = model.Monsieur // Paul Bernard, present
	cm.Membres[3].Nom = "Mme Jeanne Durand" // civilité typed in the name
	cm.Membres[4].Present = false           // Marc Leroy, no civilité
	s := SourcePV{Commission: cm, Office: office(), Logements: map[string]*model.Logement{}, Menages: map[string]*model.Menage{}}
	for _, dl := range cm.Logements {
		s.Logements[dl.Logement] = logementTest(dl.Logement)
		for _, c := range dl.Candidats {
			s.Menages[c.Menage] = menageExterne(c.Menage)
		}
	}
	long := s.Menages["M000002"]
	long.Personnes[0].Prenom, long.Personnes[0].Nom = "Marie-Séraphine-Éléonore", "de la Tour-Vernadet-Kerguelen-Montmorency"
	p, err := MiseEnPagePV(s)
	if err != nil {
		t.Fatal(err)
	}
	txt := flat(p.Texte())
	mustContain(t, "accords", txt, "Mme Claire Martin | Administratrice, présidente | oui | présente",
		"Mme Sophie Petit | Administratrice représentant les locataires | oui | absente",
		"M. Paul Bernard | Administrateur | oui | présent\n", "Mme Jeanne Durand | Maire d'Arcueil | oui, prépondérante | présente",
		"Marc Leroy | Représentant du préfet | oui | absent(e)")
	// « art. » in running text; a no-break space before every colon.
	if strings.Contains(p.Texte(), "(Art. ") || strings.Contains(p.Texte(), " Art. ") {
		t.Errorf("« Art. » dans le texte :\n%s", p.Texte())
	}
	for _, line := range strings.Split(p.Texte(), "\n") {
		if i := strings.Index(line, " :"); i >= 0 {
			t.Errorf("espace ordinaire avant « : » : %q", line)
		}
		if i := strings.Index(line, " ;"); i >= 0 {
			t.Errorf("espace ordinaire avant « ; » : %q", line)
		}
	}
	// On the page: the long surname is whole (smaller type) or broken only
	// after one of its hyphens, never inside a part.
	b := pvPDF(t, p)
	var parts []string
	for _, w := range mots(t, b) {
		if w.xMin >= margeG+17 && w.xMax <= margeG+17+46+0.5 && strings.ContainsAny(w.texte, "TVKM") && strings.ToUpper(w.texte) == w.texte &&
			strings.Contains("TOUR-VERNADET-KERGUELEN-MONTMORENCY", w.texte) && len(w.texte) > 3 {
			parts = append(parts, w.texte)
		}
	}
	if strings.Join(parts, "") != "TOUR-VERNADET-KERGUELEN-MONTMORENCY" {
		t.Fatalf("nom sur la page : %q", parts)
	}
	for _, x := range parts[:len(parts)-1] {
		if !strings.HasSuffix(x, "-") {
			t.Errorf("nom coupé au milieu d'un mot : %q", parts)
		}
	}
	mustContain(t, "PDF", flat(pdftotext(t, b, 0, 0)), "présente", "absente", "Nom :", "Signature :", "« Rang proposé » : ordre des candidats")
}

// TestPV_ProjetChaquePage: a draft says « PROJET » at the top of every page.
func TestPV_ProjetChaquePage(t *testing.T) {
	p := pvGrand(12)
	p.Projet = true
	b := pvPDF(t, p)
	n := strings.Count(pdftotext(t, b, 0, 0), "\f")
	if n < 3 {
		t.Fatalf("%d pages", n)
	}
	for i := 1; i <= n; i++ {
		if txt := pdftotext(t, b, i, i); !strings.Contains(flat(txt), "PROJET – séance non close") {
			t.Errorf("page %d sans « PROJET »", i)
		}
	}
	for _, w := range mots(t, b) {
		if w.texte == "PROJET" && w.yMin > margeH {
			continue // the title of page 1 and the footer say it too
		}
		if w.texte == "PROJET" && w.yMin < 5 {
			t.Errorf("page %d : « PROJET » coupé en haut (%.1f mm)", w.page, w.yMin)
		}
	}
	// A closed session's minutes do not.
	p.Projet = false
	if txt := pdftotext(t, pvPDF(t, p), 2, 2); strings.Contains(txt, "PROJET") {
		t.Error("« PROJET » sur le PV d'une séance close")
	}
}
