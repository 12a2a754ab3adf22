package pdf

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"logis/model"
	"logis/resources"
)

// flat replaces no-break spaces so that assertions read naturally.
func flat(s string) string {
	return strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(s)
}

func mustContain(t *testing.T, what, text string, wants ...string) {
	t.Helper()
	text = flat(text)
	for _, w := range wants {
		if !strings.Contains(text, w) {
			t.Errorf("%s: « %s » manque", what, w)
		}
	}
}

func mustNotContain(t *testing.T, what, text string, nots ...string) {
	t.Helper()
	text = flat(text)
	for _, w := range nots {
		if strings.Contains(text, w) {
			t.Errorf("%s: « %s » ne devrait pas figurer", what, w)
		}
	}
}

func lettreDe(t *testing.T, sorte string) *Lettre {
	t.Helper()
	for _, l := range courriersTest(t) {
		if l.Sorte == sorte {
			return l
		}
	}
	t.Fatalf("pas de courrier %s", sorte)
	return nil
}

func TestMiseEnPage_MentionsCommunes(t *testing.T) {
	lettres := courriersTest(t)
	if len(lettres) != 7 {
		t.Fatalf("%d courriers, want 7 (six candidats, un locataire)", len(lettres))
	}
	sortes := map[string]bool{}
	for _, l := range lettres {
		sortes[l.Sorte] = true
		txt := l.Texte()
		t.Run(l.Fichier, func(t *testing.T) {
			if l.LieuDate != "Arcueil, le 20 novembre 2026" {
				t.Errorf("LieuDate = %q", l.LieuDate)
			}
			mustContain(t, "références", txt, "Nos réf. : C2026-001 / ")
			mustContain(t, "courrier", txt, "Madame, Monsieur,", "Nous vous prions d'agréer", "La directrice de la gestion locative",
				"Office Public de l'Habitat du Val-de-Bièvre", "Objet : ")
			mustContain(t, "mention données", l.Donnees, "responsable du traitement : Office Public", "conservées 3 ans", "droit d'accès", "rectification",
				"effacement", "portabilité", "limitation du traitement", "dpo@oph-exemple.fr", "CNIL")
			mustContain(t, "contact", l.Contact, "01 00 00 00 00")
			if !regexp.MustCompile(`^C2026-001_[A-Z0-9]+_[a-z-]+\.pdf$`).MatchString(l.Fichier) {
				t.Errorf("Fichier = %q", l.Fichier)
			}
			for _, p := range []string{"Lefèvre", "LEFÈVRE", "Amélie", "NGUY", "Thành"} {
				if strings.Contains(l.Fichier, p) {
					t.Errorf("le nom du fichier %q contient une donnée personnelle", l.Fichier)
				}
			}
		})
	}
	for _, s := range []string{"attribution", "classement", "condition_suspensive", "non_attribution", "irrecevabilite", "occupation"} {
		if !sortes[s] {
			t.Errorf("aucun courrier %s", s)
		}
	}
}

func TestMiseEnPage_Attribution(t *testing.T) {
	l := lettreDe(t, "attribution")
	if l.Fichier != "C2026-001_0942300000001GDPUB_attribution.pdf" {
		t.Errorf("Fichier = %q", l.Fichier)
	}
	// Notified Friday 20 November 2026: ten days from the 21st end on Monday 30 November.
	if want := model.NewDate(2026, 11, 30); l.Echeance != want {
		t.Errorf("Echeance = %s, want %s", l.Echeance, want)
	}
	if l.Echeance < dateCourier.AddDays(10) || !model.JourOuvre(l.Echeance) {
		t.Errorf("échéance %s : moins de dix jours ou jour non ouvré", l.Echeance)
	}
	mustContain(t, "attribution", l.Texte(), "La commission a décidé de vous attribuer ce logement.",
		"12 avenue Paul Vaillant-Couturier, bât. B, apt 34, 94110 Arcueil", "T3, 3 pièces principales, 63,4 m² habitables, 2e étage avec ascenseur",
		"(référence ARC0001-0003)", "loyer 456,48 € + provisions pour charges 152,16 € = 608,64 € par mois",
		"délai de dix jours", "à compter du lendemain de sa réception", "au plus tard le lundi 30 novembre 2026",
		"Sans réponse de votre part dans ce délai, votre silence vaudra refus de cette offre", "R.441-10")
	mustNotContain(t, "attribution", l.Texte(), "recours contentieux", "reporté")
}

func TestMiseEnPage_DelaiReporte(t *testing.T) {
	cases := []struct {
		name         string
		notif, want  model.Date
		texte, motif string
	}{
		{"Samedi", model.NewDate(2026, 11, 21), model.NewDate(2026, 12, 1), "mardi 1er décembre 2026", "lundi"}, // 1 Dec is a Tuesday: brut Tuesday, no move
		{"Dimanche", model.NewDate(2026, 11, 26), model.NewDate(2026, 12, 7), "lundi 7 décembre 2026", "dimanche"},
		{"LundiDePaques2027", model.NewDate(2027, 3, 19), model.NewDate(2027, 3, 30), "mardi 30 mars 2027", "lundi de Pâques"},
		{"PremierMai2027Samedi", model.NewDate(2027, 4, 21), model.NewDate(2027, 5, 3), "lundi 3 mai 2027", "samedi"},
		{"QuatorzeJuillet2027", model.NewDate(2027, 7, 4), model.NewDate(2027, 7, 15), "jeudi 15 juillet 2027", "fête nationale"},
		{"Ascension2027", model.NewDate(2027, 4, 26), model.NewDate(2027, 5, 7), "vendredi 7 mai 2027", "Ascension"},
	}
	cm := commissionTest()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := &cm.Logements[0].Candidats[0]
			l, err := MiseEnPage(Courrier{Commission: cm, Office: office(), Date: dateCourier, Notification: tc.notif,
				Menage: menageExterne("M1"), Candidat: c, Logement: logementTest("ARC0001-0003")})
			if err != nil {
				t.Fatal(err)
			}
			if l.Echeance != tc.want {
				t.Fatalf("Echeance = %s, want %s", l.Echeance, tc.want)
			}
			if l.Echeance < tc.notif.AddDays(10) {
				t.Errorf("moins de dix jours")
			}
			mustContain(t, tc.name, l.Texte(), "au plus tard le "+tc.texte)
			moved := l.Delai.Brut != l.Echeance
			if moved {
				mustContain(t, tc.name, l.Texte(), "le délai est reporté au premier jour ouvré suivant", tc.motif)
			} else {
				mustNotContain(t, tc.name, l.Texte(), "reporté")
			}
			if tc.name != "Samedi" && !moved {
				t.Errorf("le délai aurait dû être reporté")
			}
		})
	}
}

func TestMiseEnPage_Classement(t *testing.T) {
	l := lettreDe(t, "classement")
	mustContain(t, "classement", l.Texte(), "par classement", "classée au rang n° 2", "candidat classé au rang n° 1",
		"le logement va alors au candidat suivant", "d'au moins dix jours", "si le candidat classé avant vous le refuse ou ne répond pas")
	if l.Delai != nil {
		t.Errorf("un candidat classé 2e ne reçoit pas encore d'offre avec délai")
	}
	// Ranked first: the offer, its deadline, and the next candidate if refused.
	cm := commissionTest()
	c := cm.Logements[0].Candidats[1]
	c.Decision = &model.Decision{Type: model.AttributionClassee, Rang: 1}
	l1, err := MiseEnPage(Courrier{Commission: cm, Office: office(), Date: dateCourier, Menage: menageExterne("M2"), Candidat: &c, Logement: logementTest("ARC0001-0003")})
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, "classement 1", l1.Texte(), "classée au rang n° 1", "au plus tard le lundi 30 novembre 2026", "proposé au candidat classé au rang suivant")
}

// TestMiseEnPage_OffreSuivante: the offer made after the session to a rank
// whose predecessors refused — an offer with its deadline, the ranks before
// named by number only, what happens on a refusal (next rank, or a next
// commission after the last), no appeal routes.
func TestMiseEnPage_OffreSuivante(t *testing.T) {
	cm := commissionTest()
	cm.Logements[0].Candidats[0].Decision = &model.Decision{Type: model.AttributionClassee, Rang: 1}
	cm.Logements[0].Candidats[2].Decision = &model.Decision{Type: model.AttributionClassee, Rang: 3}
	for _, tc := range []struct {
		k          int
		wants, not []string
	}{
		{1, []string{"rang n° 2 sur 3 candidats classés", "Le candidat classé au rang n° 1 ayant refusé", "proposé au candidat classé au rang suivant"},
			[]string{"prochaine commission", "Il vous sera proposé si"}},
		{2, []string{"rang n° 3 sur 3 candidats classés", "Les candidats classés avant vous (rangs 1 et 2) ayant refusé", "présenté à une prochaine commission d'attribution"},
			[]string{"au rang suivant"}},
	} {
		c := cm.Logements[0].Candidats[tc.k]
		l, err := MiseEnPage(Courrier{Commission: cm, Office: office(), Date: dateCourier, Mode: model.Recommande, Menage: menageExterne(c.Menage),
			Candidat: &c, Logement: logementTest("ARC0001-0003"), Passage: true})
		if err != nil {
			t.Fatal(err)
		}
		what := fmt.Sprintf("offre rang %d", c.Decision.Rang)
		mustContain(t, what, l.Texte(), append(tc.wants, "Objet : proposition de logement (classement, rang n° "+fmt.Sprint(c.Decision.Rang)+")",
			"le logement vous est désormais proposé", "Ce courrier vaut offre de logement.", "lettre recommandée avec accusé de réception", "votre silence vaudra refus")...)
		mustNotContain(t, what, l.Texte(), append(tc.not, "Voies et délais de recours", "0942300000001GDPUB")...)
		if l.Delai == nil || l.Echeance.IsZero() || l.Fichier != fmt.Sprintf("C2026-001_%s_offre-rang-%d.pdf", c.NUR, c.Decision.Rang) {
			t.Errorf("%s: deadline %v, file %q", what, l.Delai, l.Fichier)
		}
		if EstCourrier("C2026-001", l.Fichier) {
			t.Errorf("%s: a later printing of the session's letters would remove %s", what, l.Fichier)
		}
	}
	c := cm.Logements[0].Candidats[0]
	if _, err := MiseEnPage(Courrier{Commission: cm, Office: office(), Date: dateCourier, Menage: menageExterne(c.Menage), Candidat: &c, Logement: logementTest("ARC0001-0003"), Passage: true}); err == nil {
		t.Error("an offer passed to rank 1")
	}
	// An imported session: its place is not recorded, the letter says no
	// place (the marker of the import is for the office, not the applicant).
	cm.Import, cm.Lieu = &model.ImportSeance{Fichier: "decisions.csv"}, "Séance importée : décisions prises avant Logis (membres et quorum non enregistrés)"
	c = cm.Logements[0].Candidats[1]
	l, err := MiseEnPage(Courrier{Commission: cm, Office: office(), Date: dateCourier, Menage: menageExterne(c.Menage), Candidat: &c, Logement: logementTest("ARC0001-0003"), Passage: true})
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, "séance importée", l.Texte(), "s'est réunie le jeudi 19 novembre 2026. Elle a examiné")
	mustNotContain(t, "séance importée", l.Texte(), "Séance importée", "quorum")
}

func TestMiseEnPage_ConditionSuspensive(t *testing.T) {
	l := lettreDe(t, "condition_suspensive")
	mustContain(t, "condition suspensive", l.Texte(), "sous condition suspensive", "avis d'imposition ou de non-imposition",
		"justificatif de ressources", "au plus tard le vendredi 4 décembre 2026", "le bail sera signé", "R.441-2-4-1")
	if l.Echeance != model.NewDate(2026, 12, 4) {
		t.Errorf("Echeance = %s", l.Echeance)
	}
	var puces []string
	for _, p := range l.Corps {
		puces = append(puces, p.Puces...)
	}
	if len(puces) != 2 {
		t.Errorf("pièces en liste : %q", puces)
	}
	// A deadline already passed on the letter's date cannot be sent.
	cm := commissionTest()
	c := cm.Logements[0].Candidats[2]
	_, err := MiseEnPage(Courrier{Commission: cm, Office: office(), Date: model.NewDate(2026, 12, 4), Menage: menageExterne("M3"), Candidat: &c, Logement: logementTest("L")})
	if model.ErrorCode(err) != model.EINVALID || !strings.Contains(model.ErrorMessage(err), "0942300000003GDPUB") {
		t.Errorf("date limite passée : err = %v", err)
	}
}

func TestMiseEnPage_RefusMotivesEtRecours(t *testing.T) {
	for _, tc := range []struct {
		sorte  string
		motifs []string
		extra  string
	}{
		{"non_attribution", []string{"typologie", "effort"}, "Le ménage compte cinq personnes"},
		{"irrecevabilite", []string{"plafond"}, "supérieur de 18 % au plafond PLUS"},
	} {
		t.Run(tc.sorte, func(t *testing.T) {
			l := lettreDe(t, tc.sorte)
			list := model.MotifsNonAttribution
			if tc.sorte == "irrecevabilite" {
				list = model.MotifsIrrecevabilite
			}
			var wants []string
			for _, code := range tc.motifs {
				m, _ := model.MotifByCode(list, code)
				wants = append(wants, flat(majuscule(m.Libelle)), flat(m.Droit))
			}
			wants = append(wants, tc.extra, "motifs de fait et de droit", "Voies et délais de recours", "recours gracieux",
				"recours contentieux devant le tribunal administratif de Melun", "deux mois à compter de sa notification")
			mustContain(t, tc.sorte, l.Texte(), wants...)
			mustNotContain(t, tc.sorte, l.Texte(), "au plus tard le")
		})
	}
	// A refusal without any reason cannot be printed.
	cm := commissionTest()
	c := cm.Logements[0].Candidats[3]
	c.Decision = &model.Decision{Type: model.NonAttribution}
	if _, err := MiseEnPage(Courrier{Commission: cm, Office: office(), Date: dateCourier, Menage: menageExterne("M4"), Candidat: &c, Logement: logementTest("L")}); model.ErrorCode(err) != model.EINVALID {
		t.Errorf("err = %v, want EINVALID", err)
	}
}

func TestMiseEnPage_Occupation(t *testing.T) {
	l := lettreDe(t, SorteOccupation)
	if l.Fichier != "C2026-001_M000100_occupation.pdf" {
		t.Errorf("Fichier = %q", l.Fichier)
	}
	mustContain(t, "occupation", l.Texte(), "L.442-5-2", "sous-occupation", "Personne seule dans un T5 de 92 m² depuis 1998.",
		"T2 ou T3, de préférence", "Les services de l'Office prendront contact avec vous", "trois offres", "perte du droit au maintien dans les lieux",
		"plus de 65 ans", "handicap", "quartier prioritaire", "Au vu de votre dossier (locataire de plus de 65 ans)", "ne vous est pas applicable")
	// L.442-3-1: the loss of the right to stay, never « congé » (other landlords' wording).
	mustNotContain(t, "occupation", l.Texte(), "préavis", "congé")
	if l.Destinataire.Lignes[len(l.Destinataire.Lignes)-1] != "94230 CACHAN" {
		t.Errorf("adresse : %q", l.Destinataire.Lignes)
	}
	// A younger tenant, outside QPV, without disability: the notice applies.
	cm := commissionTest()
	oc := cm.Occupation[0]
	l2, err := MiseEnPage(Courrier{Commission: cm, Office: office(), Date: dateCourier, Menage: menageLocataire("M000100", model.NewDate(1980, 1, 1)),
		Domicile: domicileTest(), Logement: domicileTest(), Occupation: &oc})
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, "occupation", l2.Texte(), "Si vous refusez trois offres", "vous perdrez le droit au maintien dans les lieux",
		"six mois après la notification de la troisième offre", "plus de 65 ans", "quartier prioritaire")
	mustNotContain(t, "occupation", l2.Texte(), "préavis", "congé")
	mustNotContain(t, "occupation", l2.Texte(), "ne vous est pas applicable", "Au vu de votre dossier")
	// Exactly 65 (the 65th birthday is the letter's date): not « plus de 65 ans ».
	l3, err := MiseEnPage(Courrier{Commission: cm, Office: office(), Date: dateCourier, Menage: menageLocataire("M000100", dateCourier.AddYears(-65)),
		Domicile: domicileTest(), Logement: domicileTest(), Occupation: &oc})
	if err != nil {
		t.Fatal(err)
	}
	mustNotContain(t, "65 ans révolus", l3.Texte(), "Au vu de votre dossier (locataire de plus de 65 ans)")
}

var derniereLigne = regexp.MustCompile(`^[0-9]{5} [A-Z0-9]+( [A-Z0-9]+)*$`)

func TestEstCourrier(t *testing.T) {
	for nom, want := range map[string]bool{
		"C2026-001_0942300000001GDPUB_attribution.pdf":            true,
		"C2026-001_0942300000001GDPUB_condition-suspensive_2.pdf": true,
		"C2026-001_M000123_occupation.pdf":                        true,
		"C2026-001_courriers.pdf":                                 false,
		"C2026-001_proces-verbal.pdf":                             false,
		"C2026-002_0942300000001GDPUB_attribution.pdf":            false,
		"C2026-001_notes_perso.pdf":                               false,
		"C2026-001_0942300000001GDPUB_attribution.docx":           false,
	} {
		if got := EstCourrier("C2026-001", nom); got != want {
			t.Errorf("EstCourrier(%q) = %v", nom, got)
		}
	}
	for _, l := range courriersTest(t) {
		if !EstCourrier("C2026-001", l.Fichier) {
			t.Errorf("%s n'est pas reconnu", l.Fichier)
		}
	}
}

func TestMentionDonnees_DPO(t *testing.T) {
	o := model.DefaultOffice()
	m := flat(mentionDonnees(o, "x"))
	mustContain(t, "DPO par défaut", m, "auprès du délégué à la protection des données de l'Office")
	mustNotContain(t, "DPO par défaut", m, "auprès de le")
	o.DPO = "la déléguée à la protection des données"
	mustContain(t, "DPO", mentionDonnees(o, "x"), "auprès de la déléguée")
	o.DPO = "dpo@oph-exemple.fr"
	mustContain(t, "DPO adresse", flat(mentionDonnees(o, "x")), "auprès du délégué à la protection des données (dpo@oph-exemple.fr)",
		"Destinataires : les services de l'Office chargés des attributions", "SNE")
	o.Destinataires = "les seuls services de l'Office"
	mustContain(t, "destinataires", flat(mentionDonnees(o, "x")), "Destinataires : les seuls services de l'Office.")
}

func TestEntete_SansChevauchement(t *testing.T) {
	o := office()
	o.Nom = "Office Public de l'Habitat du Val-de-Bièvre et des communes associées"
	o.Adresse = []string{"Direction de la gestion locative", "Service des attributions", "Bâtiment administratif B",
		"1 place de l'Hôtel de Ville", "BP 42", "94110 ARCUEIL"}
	o.Logo = resources.Icon
	cm := commissionTest()
	l, err := MiseEnPage(Courrier{Commission: cm, Office: o, Date: dateCourier, Menage: menageExterne("M1"),
		Candidat: &cm.Logements[0].Candidats[0], Logement: logementTest("ARC0001-0003")})
	if err != nil {
		t.Fatal(err)
	}
	f := nouveauDocument(dateCourier, "t", "t")
	f.AddPage()
	basEntete := entete(f, l)
	basRefs := references(f, l, basEntete)
	if basEntete > FenetreY+FenetreH-15 {
		t.Errorf("en-tête jusqu'à %.1f mm", basEntete)
	}
	if basRefs > yLieuDate-2 {
		t.Errorf("références jusqu'à %.1f mm, la date est à %.1f mm", basRefs, yLieuDate)
	}
	if err := f.Error(); err != nil {
		t.Fatal(err)
	}
}
