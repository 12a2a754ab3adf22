package pdf

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"logis/model"
)

// pdftotext extracts the text of pages first..last (0: all) with poppler's
// pdftotext; the test is skipped only when the binary is absent.
func pdftotext(t *testing.T, pdf []byte, first, last int) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext absent (paquet poppler-utils)")
	}
	p := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(p, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	args := []string{"-enc", "UTF-8"}
	if first > 0 {
		args = append(args, "-f", fmt.Sprint(first), "-l", fmt.Sprint(last))
	}
	out, err := exec.Command(bin, append(args, p, "-")...).Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return flat(string(out))
}

func courriersPDF(t testing.TB) []byte {
	var b bytes.Buffer
	if err := EcrireCourriers(&b, courriersTest(t), dateCourier, nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestEcrireCourriers_Reproductible(t *testing.T) {
	a, b := courriersPDF(t), courriersPDF(t)
	if !bytes.Equal(a, b) {
		t.Fatal("deux rendus des mêmes courriers diffèrent")
	}
	if !bytes.HasPrefix(a, []byte("%PDF-")) {
		t.Fatal("pas un PDF")
	}
	if !bytes.Contains(a, []byte("/CreationDate (D:20261120")) {
		t.Error("la date de création n'est pas la date des courriers")
	}
}

func TestEcrireCourriers_Texte(t *testing.T) {
	lettres := courriersTest(t)
	txt := pdftotext(t, courriersPDF(t), 0, 0)
	mustContain(t, "PDF", txt,
		"Arcueil, le 20 novembre 2026", "Objet : proposition de logement", "tard le lundi 30 novembre 2026",
		"608,64 €", "classée au rang n° 2", "vendredi 4 décembre 2026", "tribunal administratif de Melun",
		"deux mois", "Protection des données personnelles", "94400 VITRY SUR SEINE", "Thành NGUYỄN", "La suite")
	// Each letter has its own numbering: as many « Page 1 / » as letters.
	if n := strings.Count(txt, "Page 1 / "); n != len(lettres) {
		t.Errorf("%d « Page 1 / », want %d", n, len(lettres))
	}
	// Every page carries the personal-data mention.
	pages := strings.Count(txt, "\f")
	if n := strings.Count(txt, "Protection des données personnelles"); n != pages {
		t.Errorf("mention sur %d pages sur %d", n, pages)
	}
}

func TestEcrireCourrier_Seul(t *testing.T) {
	l := lettreDe(t, "non_attribution")
	var b bytes.Buffer
	if err := EcrireCourrier(&b, l); err != nil {
		t.Fatal(err)
	}
	txt := pdftotext(t, b.Bytes(), 0, 0)
	mustContain(t, "courrier seul", txt, "non-attribution", "Voies et délais de recours", "Page 1 / ")
	mustNotContain(t, "courrier seul", txt, "0942300000001GDPUB")
}

func TestMiseEnPagePV(t *testing.T) {
	p, err := pvTest()
	if err != nil {
		t.Fatal(err)
	}
	txt := flat(p.Texte())
	mustContain(t, "PV", txt, "Procès-verbal de la séance du jeudi 19 novembre 2026", "C2026-001", "Salle du conseil", "Arcueil",
		"Attribution et examen de l'occupation",
		"Claire Martin | Administratrice, présidente | oui | présent", "Sophie Petit | Administratrice représentant les locataires | oui | absent",
		"Jean Durand | Maire d'Arcueil | oui, prépondérante | présent",
		"Le quorum est atteint : 4 présent(s) sur 5.",
		"Attribution par classement : classé au rang 2 par la commission", "Pièces à fournir : avis d'imposition", "Date limite : 4 décembre 2026",
		"Non-attribution", "Rejet pour irrecevabilité", "Précisions : Le ménage compte cinq personnes",
		"règlement intérieur de la CALEOL", "politique d'attribution de l'Office, §1.2.4",
		"Trois candidats par logement (art. R.441-3 CCH) : 5 candidats sont présentés.",
		"exception retenue : candidat reconnu prioritaire DALO désigné par le préfet",
		"Sous-occupation (art. L.621-2 CCH)", "Personne seule dans un T5", "T2 ou T3",
		"ont été prises par la commission", "aucune décision n'a été prise de façon automatisée",
		"Le président de la commission", "Le secrétaire de séance", "Amélie LEFÈVRE")
	if p.Projet {
		t.Error("séance close marquée projet")
	}
	for _, s := range p.Logements {
		if s.Alerte {
			t.Errorf("%s : alerte trois candidats inattendue", s.Titre)
		}
	}
	// A session in preparation, one candidate without exception, no quorum.
	cm := commissionTest()
	cm.Statut = model.EnPreparation
	cm.Logements[1].Exception = ""
	for i := range cm.Membres {
		cm.Membres[i].Present = i == 0
	}
	p2, err := MiseEnPagePV(SourcePV{Commission: cm, Office: office()})
	if err != nil {
		t.Fatal(err)
	}
	if !p2.Projet || p2.QuorumAtt || !p2.Logements[1].Alerte {
		t.Errorf("projet=%v quorum=%v alerte=%v", p2.Projet, p2.QuorumAtt, p2.Logements[1].Alerte)
	}
	mustContain(t, "PV projet", p2.Texte(), "PROJET", "Le quorum n'est pas atteint", "1 candidat(s) seulement")
}

func TestEcrirePV_ReproductibleEtPagine(t *testing.T) {
	render := func() []byte {
		p := pvGrand(60)
		var b bytes.Buffer
		if err := p.Ecrire(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	a := render()
	if !bytes.Equal(a, render()) {
		t.Fatal("deux rendus du même procès-verbal diffèrent")
	}
	txt := pdftotext(t, a, 0, 0)
	pages := strings.Count(txt, "\f")
	if pages < 5 {
		t.Fatalf("%d pages seulement pour 60 logements", pages)
	}
	for i := 1; i <= pages; i++ {
		if !strings.Contains(txt, fmt.Sprintf("Page %d / %d", i, pages)) {
			t.Errorf("« Page %d / %d » manque", i, pages)
		}
	}
	// The long reasons wrap inside their cell: the end of the text is printed.
	mustContain(t, "PV", strings.Join(strings.Fields(txt), " "), "fin de la précision 60.", "Le secrétaire de séance")
	// A table split by a page break repeats its header on the new page.
	for i, page := range strings.Split(txt, "\f") {
		if strings.Contains(page, "NUR ") && !strings.Contains(page, "Rang") {
			t.Errorf("page %d : lignes de candidats sans en-tête de tableau", i+1)
		}
	}
}

func TestTableau_EnteteRepete(t *testing.T) {
	f := nouveauDocument(dateCourier, "t", "t")
	f.SetAutoPageBreak(false, basPV)
	f.AddPage()
	tab := Tableau{Entetes: []string{"Colonne A", "Colonne B"}, Largeurs: []float64{40, 130}}
	for i := 0; i < 150; i++ {
		tab.Lignes = append(tab.Lignes, []string{fmt.Sprintf("ligne %d", i), strings.Repeat("texte long qui doit passer à la ligne ", 1+i%4)})
	}
	tableau(f, tab)
	var b bytes.Buffer
	if err := terminer(f, &b); err != nil {
		t.Fatal(err)
	}
	n := f.PageCount()
	if n < 3 {
		t.Fatalf("%d pages", n)
	}
	txt := pdftotext(t, b.Bytes(), 0, 0)
	pages := strings.Split(strings.TrimSuffix(txt, "\f"), "\f")
	if len(pages) != n {
		t.Fatalf("%d pages extraites, %d produites", len(pages), n)
	}
	for i, page := range pages {
		if !strings.Contains(page, "Colonne A") {
			t.Errorf("page %d sans en-tête", i+1)
		}
	}
	mustContain(t, "tableau", txt, "ligne 0", "ligne 149")
}

// pvGrand is the minutes of a session of n dwellings with three candidates
// each and long reasons.
func pvGrand(n int) *PV {
	cm := commissionTest()
	s := SourcePV{Commission: cm, Office: office(), Logements: map[string]*model.Logement{}, Menages: map[string]*model.Menage{}}
	cm.Logements = nil
	for i := 1; i <= n; i++ {
		ref := fmt.Sprintf("VIT%04d-%04d", i, i)
		s.Logements[ref] = logementTest(ref)
		dl := model.DossierLogement{Logement: ref}
		for k := 1; k <= 3; k++ {
			id := fmt.Sprintf("M%06d", i*10+k)
			s.Menages[id] = menageExterne(id)
			var d *model.Decision
			switch k {
			case 1:
				d = &model.Decision{Type: model.AttributionClassee, Rang: 1}
			case 2:
				d = &model.Decision{Type: model.AttributionClassee, Rang: 2}
			default:
				d = &model.Decision{Type: model.NonAttribution, Motifs: []string{"typologie", "effort", "sur_occupation"},
					Precisions: strings.Repeat("Le ménage, de cinq personnes, occupe aujourd'hui un studio ; ", 3) + fmt.Sprintf("fin de la précision %d.", i)}
			}
			dl.Candidats = append(dl.Candidats, model.Candidat{NUR: fmt.Sprintf("094230%07dGDPUB", i*10+k), Menage: id, RangPropo: k, Decision: d})
		}
		cm.Logements = append(cm.Logements, dl)
	}
	p, _ := MiseEnPagePV(s)
	return p
}

func BenchmarkPV60(b *testing.B) {
	start := cpuTime()
	for i := 0; i < b.N; i++ {
		p := pvGrand(60)
		var buf bytes.Buffer
		if err := p.Ecrire(&buf); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((cpuTime()-start).Milliseconds())/float64(b.N), "cpu-ms/op")
}

func BenchmarkCourriers500(b *testing.B) { benchCourriers(b, false) }

// BenchmarkCourriers500Fichiers adds the 500 files of one letter each, cut
// out of the combined PDF.
func BenchmarkCourriers500Fichiers(b *testing.B) { benchCourriers(b, true) }

func benchCourriers(b *testing.B, fichiers bool) {
	cm := commissionTest()
	o := office()
	start := cpuTime()
	defer func() { b.ReportMetric(float64((cpuTime()-start).Milliseconds())/float64(b.N), "cpu-ms/op") }()
	for i := 0; i < b.N; i++ {
		lettres := make([]*Lettre, 0, 500)
		for k := 0; len(lettres) < 500; k++ {
			for _, dl := range cm.Logements {
				for j := range dl.Candidats {
					l, err := MiseEnPage(Courrier{Commission: cm, Office: o, Date: dateCourier, Menage: menageExterne(fmt.Sprint(k)),
						Candidat: &dl.Candidats[j], Logement: logementTest(dl.Logement)})
					if err != nil {
						b.Fatal(err)
					}
					lettres = append(lettres, l)
				}
			}
		}
		if !fichiers { // the combined file to print, blank back pages included
			var buf bytes.Buffer
			if err := ecrireCourriers(&buf, lettres[:500], dateCourier, nil, nil, true); err != nil {
				b.Fatal(err)
			}
			continue
		}
		l, err := ComposerCourriers(lettres[:500], dateCourier, nil)
		if err != nil {
			b.Fatal(err)
		}
		for k := range l.Pages {
			if _, err := l.Courrier(k); err != nil {
				b.Fatal(err)
			}
		}
	}
}
