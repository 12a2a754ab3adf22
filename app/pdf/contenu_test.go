package pdf

import (
	"bytes"
	"strings"
	"testing"

	"logis/model"
)

// lettreAvec lays out the letter of candidate i of the test session's first
// dwelling after change.
func lettreAvec(t *testing.T, i int, change func(c *Courrier)) *Lettre {
	t.Helper()
	cm := commissionTest()
	dl := &cm.Logements[0]
	c := Courrier{Commission: cm, Office: office(), Date: dateCourier, Menage: menageExterne(dl.Candidats[i].Menage),
		Candidat: &dl.Candidats[i], Logement: logementTest(dl.Logement)}
	if change != nil {
		change(&c)
	}
	l, err := MiseEnPage(c)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestLettre_Signataire(t *testing.T) {
	l := lettreAvec(t, 0, func(c *Courrier) { c.Office.SignatairePrenom, c.Office.SignataireNom = "Hélène", "Marchand" })
	if got := strings.Join(l.Signature, " | "); got != "Pour le Président de la CALEOL | La directrice de la gestion locative | Hélène MARCHAND" {
		t.Errorf("signature %q", got)
	}
	b := pdfDe(t, l)
	txt := pdftotext(t, b, 0, 0)
	mustContain(t, "PDF", txt, "Hélène MARCHAND")
	// The name is printed last, under the room to sign, on the right half.
	for _, w := range mots(t, b) {
		if w.texte == "MARCHAND" && w.xMin < FenetreX {
			t.Errorf("nom du signataire à x = %.1f mm", w.xMin)
		}
	}
}

func TestLettre_PiedDonnees(t *testing.T) {
	l := lettreAvec(t, 3, nil)
	mustContain(t, "pied", flat(l.Donnees), "Destinataires : ", "délégué à la protection des données (dpo@oph-exemple.fr)")
	b := pdfDe(t, l)
	// Legible: the mention's words are at least 7 pt high (2.4 mm boxes).
	n := 0
	for _, w := range mots(t, b) {
		if w.yMin > PiedLettre(l) && w.texte == "Destinataires" {
			n++
			if h := w.yMax - w.yMin; h < 2.4 {
				t.Errorf("mention en %.2f mm de haut", h)
			}
		}
	}
	if n != 1 {
		t.Errorf("« Destinataires » %d fois dans le pied", n)
	}
}

func TestLettre_IrrecevabiliteChiffres(t *testing.T) {
	ex := &model.ExamenInstantane{Logement: "ARC0001-0003", NUR: "0942300000005GDPUB", Verdicts: []model.Verdict{{Regle: "plafond", Resultat: model.Alerte,
		Valeur: "revenu fiscal de référence N-2 : 48 420 €", Seuil: "plafond PLUS 2026, reste de l'Île-de-France, catégorie 3 : 41 035 €"}}}
	l := lettreAvec(t, 4, func(c *Courrier) { c.Examen = ex })
	txt := flat(l.Texte())
	mustContain(t, "irrecevabilité", txt, "Vos ressources dépassent le plafond réglementaire applicable au logement : vos ressources retenues (revenu fiscal de référence N-2 (revenus 2024) : 48 420 €) dépassent le plafond PLUS 2026, reste de l'Île-de-France, catégorie 3 : 41 035 €")
	mustNotContain(t, "irrecevabilité", txt, "le ménage dépasse", "de votre ménage dépassent")
	mustContain(t, "PDF", pdftotext(t, pdfDe(t, l), 0, 0), "48 420 €", "41 035 €", "catégorie 3")
	// Without the excess in the snapshot, no figure is written as one.
	ex.Verdicts[0].Resultat = model.Conforme
	l = lettreAvec(t, 4, func(c *Courrier) { c.Examen = ex })
	mustContain(t, "sans dépassement", flat(l.Texte()), "(montants : données manquantes)")
	mustNotContain(t, "sans dépassement", flat(l.Texte()), "48 420")
}

func TestLettre_ProprietaireNonAttribution(t *testing.T) {
	l := lettreAvec(t, 3, func(c *Courrier) {
		c.Candidat.Decision = &model.Decision{Type: model.NonAttribution, Motifs: []string{"proprietaire"}, Precisions: "Le ménage possède un pavillon de quatre pièces à Cachan."}
	})
	mustContain(t, "propriétaire", flat(l.Texte()), "décision de non-attribution", "propriétaire d'un logement adapté", "L.441-2-2", "Voies et délais de recours")
	mustNotContain(t, "propriétaire", flat(l.Texte()), "irrecevabilité")
}

func TestLettre_DALO(t *testing.T) {
	const mention = "Si vous refusez cette offre sans motif légitime, vous pourriez perdre le bénéfice de la décision de la commission de médiation"
	cases := []struct {
		name   string
		change func(c *Courrier)
		want   string
	}{
		{"DALO", func(c *Courrier) { c.Candidat.Profil = &model.ProfilCandidat{DALO: true} }, "droit au logement opposable"},
		{"demande DALO (instantané)", func(c *Courrier) { c.Demande = &model.Demande{DALO: true} }, "droit au logement opposable"},
		{"contingent préfet", func(c *Courrier) { c.Logement.Contingent = "préfecture" }, "contingent réservé au préfet"},
		{"rang 1 DALO", func(c *Courrier) {
			c.Candidat.Decision = &model.Decision{Type: model.AttributionClassee, Rang: 1}
			c.Candidat.Profil = &model.ProfilCandidat{DALOPrefet: true}
		}, "droit au logement opposable"},
	}
	for _, tc := range cases {
		l := lettreAvec(t, 0, tc.change)
		mustContain(t, tc.name, flat(l.Texte()), mention, tc.want, "L.441-2-3")
	}
	mustNotContain(t, "sans DALO", flat(lettreAvec(t, 0, nil).Texte()), mention)
	// The DALO candidate ranked second is offered nothing yet: no warning.
	l := lettreAvec(t, 1, func(c *Courrier) { c.Candidat.Profil = &model.ProfilCandidat{DALO: true} })
	mustNotContain(t, "rang 2", flat(l.Texte()), mention)
}

func TestLettre_ClassementRecours(t *testing.T) {
	for _, rang := range []int{2, 3} {
		l := lettreAvec(t, 1, func(c *Courrier) { c.Candidat.Decision.Rang = rang })
		mustContain(t, "rang", flat(l.Texte()), "Voies et délais de recours", "deux mois à compter de sa notification", "tribunal administratif de Melun")
	}
	l := lettreAvec(t, 1, func(c *Courrier) { c.Candidat.Decision.Rang = 1 })
	mustNotContain(t, "rang 1", flat(l.Texte()), "Voies et délais de recours")
}

// TestLettre_ModeNotification: the offer states the mode and the receipt
// the deadline is computed from.
func TestLettre_ModeNotification(t *testing.T) {
	recu := model.NewDate(2026, 11, 24) // Tuesday: ten days end Friday 4 December
	cases := []struct {
		mode model.ModeNotification
		want []string
	}{
		{model.Recommande, []string{"adressé par lettre recommandée avec accusé de réception, sa réception est prévue le 24 novembre 2026", "première présentation"}},
		{model.CourrierSimple, []string{"adressé par courrier simple", "Si vous le recevez plus tard"}},
		{model.MainPropre, []string{"remis en main propre le 24 novembre 2026"}},
	}
	for _, tc := range cases {
		l := lettreAvec(t, 0, func(c *Courrier) { c.Mode, c.Notification = tc.mode, recu })
		mustContain(t, string(tc.mode), flat(l.Texte()), append(tc.want, "à compter du lendemain de sa réception", "au plus tard le vendredi 4 décembre 2026")...)
		if l.Echeance != model.NewDate(2026, 12, 4) {
			t.Errorf("%s : échéance %s", tc.mode, l.Echeance)
		}
	}
}

// pdfDe draws one letter as its own PDF.
func pdfDe(t *testing.T, l *Lettre) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := EcrireCourrier(&b, l); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestLettre_RangsAvant(t *testing.T) {
	l := lettreAvec(t, 1, func(c *Courrier) { c.Candidat.Decision.Rang = 3 })
	mustContain(t, "rang 3", flat(l.Texte()), "les candidats classés avant vous (rangs 1 et 2)")
	l = lettreAvec(t, 1, func(c *Courrier) { c.Candidat.Decision.Rang = 5 })
	mustContain(t, "rang 5", flat(l.Texte()), "(rangs 1 à 4)")
}
