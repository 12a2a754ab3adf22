package app_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"logis/app"
	"logis/model"
	"logis/storage"
)

// seedSession fills a small demo database and stores a closed session with
// the five decisions on one dwelling and one occupancy case.
func seedSession(t *testing.T, a *app.App, statut model.StatutCommission) *model.Commission {
	t.Helper()
	if _, err := a.Demo(app.DemoOptions{Menages: 60, Logements: 40}, nil); err != nil {
		t.Fatal(err)
	}
	c := &model.Commission{ID: "C2026-900", Date: date(2026, 11, 19), Lieu: "Siège de l'Office", Commune: "Arcueil",
		Type: model.CommissionMixte, Statut: statut,
		Membres: []model.Membre{{Nom: "A", Qualite: "Administrateur", Voix: true, Present: true}, {Nom: "B", Qualite: "Maire", Voix: true, Present: true, Maire: true}}}
	err := a.DB.Update("test : séance", func(tx *storage.Tx) error {
		var lg *model.Logement
		if err := tx.ForEachLogement(func(l *model.Logement) error {
			if lg == nil {
				cp := *l
				lg = &cp
			}
			return nil
		}); err != nil {
			return err
		}
		var dem []model.Demande
		if err := tx.ForEachDemande(func(d *model.Demande) error {
			if len(dem) < 5 {
				dem = append(dem, *d)
			}
			return nil
		}); err != nil {
			return err
		}
		var loge *model.Menage
		if err := tx.ForEachMenage(func(m *model.Menage) error {
			if loge == nil && m.Loge() {
				cp := *m
				loge = &cp
			}
			return nil
		}); err != nil {
			return err
		}
		decisions := []*model.Decision{
			{Type: model.Attribution},
			{Type: model.AttributionClassee, Rang: 2},
			{Type: model.ConditionSuspensive, Pieces: []string{model.PiecesJustificatives[0]}, DateLimite: date(2027, 6, 30)},
			{Type: model.NonAttribution, Motifs: []string{"typologie"}, Precisions: "Cinq personnes pour un T2 de 40 m²."},
			{Type: model.Irrecevabilite, Motifs: []string{"plafond"}, Precisions: "Revenu fiscal supérieur au plafond PLUS."},
		}
		dl := model.DossierLogement{Logement: lg.Reference}
		for i, d := range dem {
			dl.Candidats = append(dl.Candidats, model.Candidat{NUR: d.NUR, Menage: d.Menage, RangPropo: i + 1, Decision: decisions[i]})
		}
		c.Logements = []model.DossierLogement{dl}
		c.Occupation = []model.DossierOccupation{{Menage: loge.ID, Logement: loge.Bail.Logement, Situations: []string{"sous_occupation"},
			Constat: "Sous-occupation constatée.", LogementAdapte: "T2"}}
		return tx.PutCommission(c)
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestApp_PV(t *testing.T) {
	a := MustOpenApp(t)
	c := seedSession(t, a, model.Close)
	var b bytes.Buffer
	if err := a.PV(c.ID, &b); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b.Bytes(), []byte("%PDF-")) {
		t.Fatal("pas un PDF")
	}
	var b2 bytes.Buffer
	if err := a.PV(c.ID, &b2); err != nil || !bytes.Equal(b.Bytes(), b2.Bytes()) {
		t.Errorf("PV non reproductible (err %v)", err)
	}
	if err := a.PV("C2026-404", &b); model.ErrorCode(err) != model.ENOTFOUND {
		t.Errorf("séance inconnue : err = %v", err)
	}
}

func TestApp_Courriers(t *testing.T) {
	a := MustOpenApp(t)
	c := seedSession(t, a, model.Close)
	dir := filepath.Join(t.TempDir(), "courriers")
	if d := os.Getenv("LOGIS_PDF_DIR"); d != "" { // to look at the letters of demo data
		dir = d
	}
	// A letter of an earlier run (a decision amended since) and another file.
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	perime := filepath.Join(dir, c.ID+"_0000000000000GDPUB_non-attribution.pdf")
	autre := filepath.Join(dir, "C2026-899_courriers.pdf")
	pv := filepath.Join(dir, c.ID+"_proces-verbal.pdf")
	for _, p := range []string{perime, autre, pv} {
		if err := os.WriteFile(p, []byte("%PDF-"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	var last, total int
	paths, err := a.Courriers(c.ID, dir, func(done, tot int) { last, total = done, tot })
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 7 { // combined + 5 decisions + 1 occupancy
		t.Fatalf("%d fichiers : %q", len(paths), paths)
	}
	if _, err := os.Stat(perime); err == nil {
		t.Error("le courrier périmé d'un tirage précédent est resté")
	}
	for _, p := range []string{autre, pv} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s a été supprimé", filepath.Base(p))
		}
	}
	if filepath.Base(paths[0]) != "C2026-900_courriers.pdf" {
		t.Errorf("fichier combiné %q", paths[0])
	}
	if last != total || total != 12 {
		t.Errorf("progression %d / %d", last, total)
	}
	for _, d := range c.Logements[0].Candidats {
		want := "C2026-900_" + d.NUR + "_" + strings.ReplaceAll(string(d.Decision.Type), "_", "-") + ".pdf"
		found := false
		for _, p := range paths {
			found = found || filepath.Base(p) == want
		}
		if !found {
			t.Errorf("%s manque parmi %q", want, paths)
		}
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
			t.Errorf("%s : %v", p, err)
		}
	}
	if bin, err := exec.LookPath("pdftotext"); err == nil {
		out, err := exec.Command(bin, "-enc", "UTF-8", paths[0], "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		txt := strings.Join(strings.Fields(strings.ReplaceAll(string(out), "\u00a0", " ")), " ")
		// Letters dated by the injected clock: Sunday 22 November 2026, sent
		// by registered letter (the default) with the 3 days of post:
		// received Wednesday 25; ten days end on Saturday 5 December, moved
		// to Monday 7.
		for _, w := range []string{"le 22 novembre 2026", "sa réception est prévue le 25 novembre 2026", "au plus tard le lundi 7 décembre 2026", "tribunal administratif de Melun", "examen de l'occupation"} {
			if !strings.Contains(txt, w) {
				t.Errorf("« %s » manque", w)
			}
		}
		if n := strings.Count(txt, "Page 1 / "); n != 6 {
			t.Errorf("%d courriers numérotés, want 6", n)
		}
	}
}

func TestApp_CourriersSeanceNonClose(t *testing.T) {
	a := MustOpenApp(t)
	c := seedSession(t, a, model.EnPreparation)
	if _, err := a.Courriers(c.ID, t.TempDir(), nil); model.ErrorCode(err) != model.ECONFLICT {
		t.Errorf("err = %v, want ECONFLICT", err)
	}
	var b bytes.Buffer
	if err := a.PV(c.ID, &b); err != nil {
		t.Errorf("projet de PV : %v", err)
	}
}

// BenchmarkApp_Courriers100 writes the letters of a closed session of 20
// dwellings × 5 candidates: the combined PDF and the 100 files, database
// reading included.
func BenchmarkApp_Courriers100(b *testing.B) {
	a := MustOpenApp(b)
	if _, err := a.Demo(app.DemoOptions{Menages: 400, Logements: 100}, nil); err != nil {
		b.Fatal(err)
	}
	c := &model.Commission{ID: "C2026-901", Date: date(2026, 11, 19), Lieu: "Siège", Commune: "Arcueil", Type: model.CommissionAttribution, Statut: model.Close,
		Membres: []model.Membre{{Nom: "A", Qualite: "Administrateur", Voix: true, Present: true}}}
	err := a.DB.Update("bench", func(tx *storage.Tx) error {
		var refs []string
		if err := tx.ForEachLogement(func(l *model.Logement) error {
			if len(refs) < 20 {
				refs = append(refs, l.Reference)
			}
			return nil
		}); err != nil {
			return err
		}
		var dem []model.Demande
		if err := tx.ForEachDemande(func(d *model.Demande) error {
			if len(dem) < 100 {
				dem = append(dem, *d)
			}
			return nil
		}); err != nil {
			return err
		}
		for i, ref := range refs {
			dl := model.DossierLogement{Logement: ref}
			for k := 0; k < 5; k++ {
				d := dem[i*5+k]
				dec := &model.Decision{Type: model.AttributionClassee, Rang: k + 1}
				if k == 4 {
					dec = &model.Decision{Type: model.NonAttribution, Motifs: []string{"typologie"}, Precisions: "Cinq personnes pour un T2 de 40 m²."}
				}
				dl.Candidats = append(dl.Candidats, model.Candidat{NUR: d.NUR, Menage: d.Menage, RangPropo: k + 1, Decision: dec})
			}
			c.Logements = append(c.Logements, dl)
		}
		return tx.PutCommission(c)
	})
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		paths, err := a.Courriers(c.ID, dir, nil)
		if err != nil || len(paths) != 101 {
			b.Fatalf("%d fichiers, %v", len(paths), err)
		}
	}
}

func TestApp_CourriersAvecNotification(t *testing.T) {
	a := MustOpenApp(t)
	c := seedSession(t, a, model.Close)
	dir := t.TempDir()
	// Notified Friday 19 March 2027: the tenth day is Easter Monday, the
	// deadline Tuesday 30 March.
	paths, err := a.CourriersAvec(c.ID, dir, app.OptionsCourriers{Date: date(2027, 3, 18), Notification: date(2027, 3, 19)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if bin, err := exec.LookPath("pdftotext"); err == nil {
		out, err := exec.Command(bin, "-enc", "UTF-8", paths[0], "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		txt := strings.Join(strings.Fields(strings.ReplaceAll(string(out), "\u00a0", " ")), " ")
		for _, w := range []string{"Arcueil, le 18 mars 2027", "le 19 mars 2027", "au plus tard le mardi 30 mars 2027", "lundi de Pâques"} {
			if !strings.Contains(txt, w) {
				t.Errorf("« %s » manque", w)
			}
		}
	}
	if _, err := a.CourriersAvec(c.ID, dir, app.OptionsCourriers{Date: date(2026, 11, 1)}, nil); model.ErrorCode(err) != model.EINVALID {
		t.Errorf("courriers datés d'avant la séance : err = %v", err)
	}
}

// TestApp_CourriersModeNotification: the mode chosen with the letters sets
// the expected receipt (postal delay of Paramètres), the deadline written
// in the offers, and is recorded in the session for the minutes.
func TestApp_CourriersModeNotification(t *testing.T) {
	a := MustOpenApp(t)
	c := seedSession(t, a, model.Close)
	o, err := a.Office()
	if err != nil {
		t.Fatal(err)
	}
	o.DelaiPostal = 4
	if err := a.SaveOffice(o); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		mode      model.ModeNotification
		reception model.Date
		want      []string
	}{
		// Letters of Thursday 26 November 2026.
		{model.MainPropre, date(2026, 11, 26), []string{"remis en main propre le 26 novembre 2026", "au plus tard le lundi 7 décembre 2026"}},
		// + 4 days = Monday 30 November; ten days end Thursday 10 December.
		{model.CourrierSimple, date(2026, 11, 30), []string{"adressé par courrier simple, sa réception est prévue le 30 novembre 2026", "au plus tard le jeudi 10 décembre 2026"}},
		{model.Recommande, date(2026, 11, 30), []string{"lettre recommandée avec accusé de réception", "première présentation"}},
	}
	for _, tc := range cases {
		t.Run(string(tc.mode), func(t *testing.T) {
			dir := t.TempDir()
			paths, err := a.CourriersAvec(c.ID, dir, app.OptionsCourriers{Date: date(2026, 11, 26), Mode: tc.mode}, nil)
			if err != nil {
				t.Fatal(err)
			}
			txt := pdftotextApp(t, paths[0])
			for _, w := range append(tc.want, "à compter du lendemain de sa réception") {
				if !strings.Contains(txt, w) {
					t.Errorf("« %s » manque", w)
				}
			}
			s, _ := a.Commission(c.ID)
			last := s.Envois[len(s.Envois)-1]
			if last.Mode != tc.mode || last.Reception != tc.reception || last.Date != date(2026, 11, 26) || last.Courriers != 6 {
				t.Errorf("envoi noté %+v", last)
			}
			p, err := a.MiseEnPagePV(c.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(strings.ReplaceAll(p.Texte(), "\u00a0", " "), "Courriers du 26/11/2026 : "+tc.mode.Label()) {
				t.Errorf("le PV ne dit pas le mode de notification :\n%s", p.Texte())
			}
		})
	}
	if _, err := a.CourriersAvec(c.ID, t.TempDir(), app.OptionsCourriers{Date: date(2026, 11, 26), Mode: "pigeon"}, nil); model.ErrorCode(err) != model.EINVALID {
		t.Errorf("mode inconnu : err = %v", err)
	}
}

// pdftotextApp extracts the text of a PDF, spaces normalised (skips the
// test when pdftotext is not installed).
func pdftotextApp(t *testing.T, path string) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext absent")
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(strings.ReplaceAll(string(out), "\u00a0", " ")), " ")
}

// TestApp_CourriersEcartes: a letters' date after one condition's documents
// deadline leaves that letter out, reported, and writes the others; the
// placeholder identity and an irrecevabilité whose figures show no excess
// are warned about.
func TestApp_CourriersEcartes(t *testing.T) {
	a := MustOpenApp(t)
	c := seedSession(t, a, model.Close)
	dir := t.TempDir()
	r, err := a.CourriersRapport(c.ID, dir, app.OptionsCourriers{Date: date(2027, 7, 1)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Fichiers) != 1+5 || len(r.Ecartes) != 1 || !strings.Contains(r.Ecartes[0], "la date limite de production des pièces (30/06/2027)") {
		t.Fatalf("fichiers %d, écartés %q", len(r.Fichiers), r.Ecartes)
	}
	for _, p := range r.Fichiers {
		if strings.Contains(p, "condition-suspensive") {
			t.Errorf("courrier écarté écrit : %s", p)
		}
	}
	aver := strings.Join(r.Avertissements, "\n")
	for _, w := range []string{"Identité de l'Office à compléter", "01 00 00 00 00", "prénom et le nom du signataire", "irrecevabilité pour ressources, mais les montants"} {
		if !strings.Contains(aver, w) {
			t.Errorf("avertissement « %s » manque :\n%s", w, aver)
		}
	}
	// CourriersAvec says so as an error, the other letters written.
	paths, err := a.CourriersAvec(c.ID, dir, app.OptionsCourriers{Date: date(2027, 7, 1)}, nil)
	if model.ErrorCode(err) != model.EINVALID || !strings.Contains(model.ErrorMessage(err), "1 courrier(s) non écrit(s), les autres l'ont été") || len(paths) != 6 {
		t.Errorf("CourriersAvec : %d fichiers, %v", len(paths), err)
	}
	// A configured identity and a deadline 5 days after the letters.
	o, _ := a.Office()
	o.Nom, o.Telephone, o.DPO, o.SignatairePrenom, o.SignataireNom = "OPH du Val-de-Bièvre", "01 45 00 00 01", "dpo@oph-exemple.fr", "Hélène", "Marchand"
	if err := a.SaveOffice(o); err != nil {
		t.Fatal(err)
	}
	r, err = a.CourriersRapport(c.ID, dir, app.OptionsCourriers{Date: date(2027, 6, 25)}, nil)
	if err != nil || len(r.Ecartes) != 0 {
		t.Fatalf("%v %q", err, r.Ecartes)
	}
	aver = strings.Join(r.Avertissements, "\n")
	if strings.Contains(aver, "Identité") || !strings.Contains(aver, "moins de 8 jours") {
		t.Errorf("avertissements :\n%s", aver)
	}
}
