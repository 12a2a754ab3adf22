package pdf

import (
	"fmt"
	"math"
	"strings"

	"logis/model"
)

// The annual report to the board (R.441-9 CCH), laid out as plain data:
// titles, paragraphs, tables and charts, every word already in French.
// Aggregates only: no applicant is named.

// TableauRapport is a table of the report: header, column widths (mm) and rows.
type TableauRapport struct {
	Entetes  []string
	Largeurs []float64
	Lignes   [][]string
}

// Barres is a bar chart: one bar per label.
type Barres struct {
	Titre    string
	Libelles []string
	Valeurs  []int
}

// Courbe is one line of a line chart: a rate per label (NaN: not measured)
// and its target (NaN: none).
type Courbe struct {
	Nom    string
	Points []float64
	Cible  float64
}

// Courbes is a line chart of rates from 0 to 100 %.
type Courbes struct {
	Titre    string
	Libelles []string
	Courbes  []Courbe
}

// BlocRapport is one section of the report: a title then, in this order,
// paragraphs, a bar chart, a line chart, tables and notes.
type BlocRapport struct {
	Titre       string
	Paragraphes []string
	Tableaux    []TableauRapport
	Barres      *Barres
	Courbes     *Courbes
	Notes       []string
}

// RapportAnnuel is the whole report laid out.
type RapportAnnuel struct {
	Fichier string
	Date    model.Date // date of the document (creation date of the PDF)
	Office  string
	Titre   []string
	Blocs   []BlocRapport
	Pied    string
}

// Texte returns every word of the report in reading order (for tests).
func (r *RapportAnnuel) Texte() string {
	var b lignes
	w := b.ecrire
	w(r.Office)
	w(r.Titre...)
	for _, bl := range r.Blocs {
		w(bl.Titre)
		w(bl.Paragraphes...)
		for _, t := range bl.Tableaux {
			w(strings.Join(t.Entetes, " | "))
			for _, l := range t.Lignes {
				w(strings.Join(l, " | "))
			}
		}
		if bl.Barres != nil {
			w(bl.Barres.Titre)
		}
		if bl.Courbes != nil {
			w(bl.Courbes.Titre)
			for _, c := range bl.Courbes.Courbes {
				w(c.Nom)
			}
		}
		w(bl.Notes...)
	}
	w(r.Pied)
	return b.String()
}

// moisCourts label the months on the charts.
var moisCourts = []string{"janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."}

// MiseEnPageRapport lays out the annual report rep for the office, dated
// date (the day it is printed).
func MiseEnPageRapport(rep *model.Rapport, office *model.Office, date model.Date) *RapportAnnuel {
	if office == nil {
		office = model.DefaultOffice()
	}
	a := rep.Activite
	r := &RapportAnnuel{
		Fichier: fmt.Sprintf("rapport-annuel-%d.pdf", rep.Annee),
		Date:    date,
		Office:  office.Nom,
		Titre: []string{
			fmt.Sprintf("Rapport annuel %d de la CALEOL", rep.Annee),
			"Commission d'attribution des logements et d'examen de l'occupation des logements",
			"Remis au Conseil d'administration, à l'État et aux réservataires (art. R.441-9 du CCH)",
		},
		Pied: fmt.Sprintf("%s — rapport annuel %d de la CALEOL — établi le %s", office.Nom, rep.Annee, date),
	}

	// Summary.
	syn := BlocRapport{Titre: "1. Synthèse de l'année"}
	importees := ""
	if a.SeancesImportees > 0 {
		importees = fmt.Sprintf(" (dont %d séance(s) importée(s) : décisions prises avant l'utilisation de Logis, sans liste des membres)", a.SeancesImportees)
	}
	syn.Paragraphes = append(syn.Paragraphes,
		fmt.Sprintf("En %d, la commission a tenu %d séance(s) close(s)%s. Elle a examiné %d logement(s) et %d candidature(s), et attribué %d logement(s).",
			rep.Annee, a.Seances, importees, a.LogementsExamines, a.CandidatsExamines, a.Attributions))
	if rep.SeuilConnu {
		syn.Paragraphes = append(syn.Paragraphes, fmt.Sprintf("Seuil du premier quartile %d : %s de ressources annuelles par unité de consommation (arrêté ministériel, saisi dans les Paramètres).", rep.Annee, rep.Seuil))
	} else {
		syn.Paragraphes = append(syn.Paragraphes, fmt.Sprintf("Seuil du premier quartile %d : données manquantes. Il n'est pas saisi dans les Paramètres ; les deux objectifs qui en dépendent ne sont pas calculés (Logis ne reprend jamais le seuil d'une autre année).", rep.Annee))
	}
	atteints := 0
	for _, o := range rep.Objectifs {
		if o.Resultat == model.Conforme {
			atteints++
		}
	}
	syn.Paragraphes = append(syn.Paragraphes, fmt.Sprintf("Objectifs de la politique d'attribution atteints : %d sur %d.", atteints, len(rep.Objectifs)))
	r.Blocs = append(r.Blocs, syn)

	// Objectives.
	obj := BlocRapport{Titre: "2. Objectifs de la politique d'attribution"}
	t := TableauRapport{Entetes: []string{"Objectif", "Réalisé", "Taux", "Cible", "Atteint"}, Largeurs: []float64{66, 26, 20, 36, 22}}
	for _, o := range rep.Objectifs {
		realise := fmt.Sprintf("%d sur %d", o.Numerateur, o.Denominateur)
		taux := "—"
		if o.Resultat == model.Incomplet {
			realise = fmt.Sprintf("? sur %d", o.Denominateur)
		} else if !math.IsNaN(o.Part) {
			taux = model.FormatPercent(o.Part)
		}
		t.Lignes = append(t.Lignes, []string{o.Titre, realise, taux, "au moins " + model.FormatPercent(o.Cible), atteintLabel(o.Resultat)})
	}
	obj.Tableaux = append(obj.Tableaux, t)
	for _, o := range rep.Objectifs {
		obj.Paragraphes = append(obj.Paragraphes, o.Titre+" — "+o.Explication)
	}
	// Outside QPV the objective's explanation tells the leases signed and
	// pending (model.ObjectifQuartileHorsQPV).
	for _, o := range rep.Objectifs {
		obj.Notes = append(obj.Notes, o.Titre+" : "+o.Source+".")
	}
	r.Blocs = append(r.Blocs, obj)

	// Month by month.
	mois := BlocRapport{Titre: "3. Mois par mois"}
	mois.Barres = &Barres{Titre: "Attributions par mois", Libelles: moisCourts}
	mois.Courbes = &Courbes{Titre: "Taux cumulé de chaque objectif depuis janvier (en pointillé : la cible)", Libelles: moisCourts}
	for _, m := range rep.Mois {
		mois.Barres.Valeurs = append(mois.Barres.Valeurs, m.Attributions)
	}
	for i, o := range rep.Objectifs {
		c := Courbe{Nom: fmt.Sprintf("%s (cible %s)", o.Titre, model.FormatPercent(o.Cible)), Cible: o.Cible}
		for _, m := range rep.Mois {
			c.Points = append(c.Points, m.Taux[i])
		}
		mois.Courbes.Courbes = append(mois.Courbes.Courbes, c)
	}
	tm := TableauRapport{Entetes: append([]string{""}, moisCourts...), Largeurs: []float64{26}}
	for range moisCourts {
		tm.Largeurs = append(tm.Largeurs, 12)
	}
	ligne := []string{"Attributions"}
	for _, m := range rep.Mois {
		ligne = append(ligne, fmt.Sprint(m.Attributions))
	}
	tm.Lignes = append(tm.Lignes, ligne)
	mois.Tableaux = append(mois.Tableaux, tm)
	r.Blocs = append(r.Blocs, mois)

	// Activity.
	act := BlocRapport{Titre: "4. Activité de la commission"}
	td := TableauRapport{Entetes: []string{"Décision (art. R.441-3 CCH)", "Nombre"}, Largeurs: []float64{140, 30}}
	for _, c := range a.Decisions {
		td.Lignes = append(td.Lignes, []string{c.Libelle, fmt.Sprint(c.N)})
	}
	act.Tableaux = append(act.Tableaux, td)
	act.Tableaux = append(act.Tableaux, tableauComptes("Motifs de non-attribution", a.MotifsNonAttrib, "aucune non-attribution"))
	act.Tableaux = append(act.Tableaux, tableauComptes("Motifs d'irrecevabilité", a.MotifsIrrecev, "aucun rejet pour irrecevabilité"))
	trois := fmt.Sprintf("Règle des trois candidats (art. R.441-3 CCH) : %d logement(s) sur %d examinés avec au moins trois candidats", a.TroisCandidats, a.LogementsExamines)
	for _, e := range a.Exceptions {
		trois += fmt.Sprintf(" ; exception « %s » : %d", e.Libelle, e.N)
	}
	if a.SansException > 0 {
		trois += fmt.Sprintf(" ; %d logement(s) à moins de trois candidats sans exception enregistrée (séances importées comprises)", a.SansException)
	}
	act.Paragraphes = append(act.Paragraphes, trois+".")
	occ := fmt.Sprintf("Examen de l'occupation (art. L.442-5-2 CCH) : %d ménage(s) examiné(s), %d constat(s) de la commission.", a.ExamensOccupation, a.Constats)
	act.Paragraphes = append(act.Paragraphes, occ)
	if len(a.Situations) > 0 {
		act.Tableaux = append(act.Tableaux, tableauComptes("Situations examinées", a.Situations, ""))
	}
	r.Blocs = append(r.Blocs, act)

	// Follow-up of the offers.
	s := rep.Suites
	suite := BlocRapport{Titre: "5. Suite des offres"}
	suite.Tableaux = append(suite.Tableaux, TableauRapport{Entetes: []string{"Suite", "Nombre"}, Largeurs: []float64{140, 30}, Lignes: [][]string{
		{"Logements offerts (attribution, condition suspensive ou classement)", fmt.Sprint(s.Offres)},
		{"Offres acceptées (bail signé compris)", fmt.Sprint(s.Acceptees)},
		{"Offres refusées", fmt.Sprint(s.Refusees)},
		{"dont pour un motif légitime", fmt.Sprint(s.Legitimes)},
		{"Sans réponse dans le délai (vaut refus, art. R.441-10 CCH)", fmt.Sprint(s.SansReponse)},
		{"Baux signés", fmt.Sprint(s.Baux)},
		{"Attributions dont le bail n'est pas encore signé", fmt.Sprint(s.EnAttente)},
		{"Mutations non priorisées un an après un refus sans motif légitime (§1.2)", fmt.Sprint(s.Penalites)},
	}})
	r.Blocs = append(r.Blocs, suite)

	// Breakdowns.
	rep6 := BlocRapport{Titre: "6. Répartition des attributions"}
	for _, p := range rep.Parts {
		rep6.Tableaux = append(rep6.Tableaux, tableauComptes(p.Titre, p.Lignes, "aucune attribution"))
	}
	r.Blocs = append(r.Blocs, rep6)

	// Seniority.
	anc := BlocRapport{Titre: "7. Ancienneté des demandes à l'attribution"}
	if rep.Anciennete.N > 0 {
		anc.Paragraphes = append(anc.Paragraphes, fmt.Sprintf("Ancienneté médiane de la demande à la date de la séance : %s (%d attribution(s) dont la date de dépôt est connue).",
			dureeMois(rep.Anciennete.Mediane), rep.Anciennete.N))
	} else {
		anc.Paragraphes = append(anc.Paragraphes, "Aucune attribution dont la date de dépôt est connue.")
	}
	if rep.Anciennete.Inconnues > 0 {
		anc.Paragraphes = append(anc.Paragraphes, fmt.Sprintf("%d attribution(s) dont la demande n'est plus dans la base : ancienneté inconnue.", rep.Anciennete.Inconnues))
	}
	anc.Tableaux = append(anc.Tableaux, tableauComptes("Ancienneté", rep.Anciennete.Tranches, ""))
	r.Blocs = append(r.Blocs, anc)

	r.Blocs = append(r.Blocs, blocTransferts(rep.Transferts))

	r.Blocs = append(r.Blocs, BlocRapport{Titre: "Sources et méthode", Paragraphes: []string{
		"Les chiffres portent sur les séances closes de l'année civile (date de la séance). Une attribution est le logement attribué au candidat retenu (attribution ou attribution sous condition suspensive), sinon au premier du classement — ou au rang suivant lorsque le précédent a refusé l'offre ou n'a pas répondu dans le délai.",
		"Les ressources par unité de consommation sont celles relevées lorsque le candidat a été présenté à la commission — pour une séance importée, au moment de l'import. Les désignations comptent tous les candidats présentés.",
		"Hors QPV, la politique compte les attributions suivies de baux signés : un bail est compté signé lorsque sa date est enregistrée dans la suite des offres ; les autres attributions sont dites en attente de signature.",
		model.SourceRapport + ".",
	}})
	return r
}

func atteintLabel(r model.Resultat) string {
	switch r {
	case model.Conforme:
		return "oui"
	case model.Alerte:
		return "non"
	}
	return r.Label()
}

func tableauComptes(titre string, cs []model.Decompte, vide string) TableauRapport {
	t := TableauRapport{Entetes: []string{titre, "Nombre"}, Largeurs: []float64{140, 30}}
	for _, c := range cs {
		t.Lignes = append(t.Lignes, []string{c.Libelle, fmt.Sprint(c.N)})
	}
	if len(t.Lignes) == 0 && vide != "" {
		t.Lignes = append(t.Lignes, []string{vide, "0"})
	}
	return t
}

// dureeMois writes 30 months as « 2 ans et 6 mois ».
func dureeMois(m int) string {
	ans, mois := m/12, m%12
	switch {
	case ans == 0:
		return fmt.Sprintf("%d mois", mois)
	case mois == 0:
		return fmt.Sprintf("%d an(s)", ans)
	}
	return fmt.Sprintf("%d an(s) et %d mois", ans, mois)
}
