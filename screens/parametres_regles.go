package screens

import (
	"errors"
	"fmt"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"logis/app"
	"logis/model"
)

// reglesEditor edits the office's rule tables (model.Regles): thresholds,
// consumption units, surfaces, typology table, first quartile and resource
// ceilings per year. Every field writes into a copy of the stored tables;
// Regles.Validate() runs on each change and its message blocks saving.
type reglesEditor struct {
	shell coque
	app   parametresApp
	// confirmer says a save in the status line (Parametres.confirmer).
	confirmer func(msg string)
	form      *Form
	base      *model.Regles // the tables being edited; fields override them
	status    *widget.Label
	center    *fyne.Container
	inner     *container.AppTabs

	fields   []*Champ
	appliers []func(r *model.Regles)
	byLabel  map[string]*Champ // fields by label (tests)
	plafYear int               // year shown in the ceilings tab
}

func newReglesEditor(shell coque, a parametresApp) *reglesEditor {
	e := &reglesEditor{shell: shell, app: a, center: container.NewStack(), byLabel: map[string]*Champ{}}
	e.form = NewForm(e.onSave)
	e.form.Objet = "des règles et plafonds"
	e.form.Add(champsVariables{e})
	e.form.Extra = func() []string {
		if e.base == nil {
			return nil
		}
		if err := e.fromFields().Validate(); err != nil {
			return []string{model.ErrorMessage(err)}
		}
		return nil
	}
	e.status = widget.NewLabel("")
	return e
}

// champsVariables is the Validable of the fields rebuilt with the tables.
type champsVariables struct{ e *reglesEditor }

func (c champsVariables) Libelle() string { return "Règles" }

func (c champsVariables) Err() error {
	var errs []error
	for _, f := range c.e.fields {
		if err := f.Err(); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

func (e *reglesEditor) content() fyne.CanvasObject {
	bottom := container.NewVBox(e.form.Summary, container.NewHBox(e.form.Save, e.status))
	return container.NewBorder(nil, bottom, nil, nil, e.center)
}

// set shows stored tables.
func (e *reglesEditor) set(r *model.Regles) {
	e.rebuild(app.CopyRegles(r))
	e.form.Clean()
	e.status.SetText("")
}

// fromFields returns the tables as typed (unparsable fields keep their
// previous value; their own message already blocks saving).
func (e *reglesEditor) fromFields() *model.Regles {
	r := app.CopyRegles(e.base)
	for _, apply := range e.appliers {
		apply(r)
	}
	return r
}

// add registers a field built by the editor.
func (e *reglesEditor) add(c *Champ, apply func(r *model.Regles)) *Champ {
	c.form = e.form
	e.fields = append(e.fields, c)
	e.appliers = append(e.appliers, func(r *model.Regles) {
		if c.Err() == nil {
			apply(r)
		}
	})
	e.byLabel[c.Label] = c
	return c
}

func (e *reglesEditor) decimal(label string, v float64, unit string, apply func(r *model.Regles, v float64)) *Champ {
	c := NewChampDecimal(label, true, -1e9, 1e9, unit)
	c.SetFloat(v)
	return e.add(c, func(r *model.Regles) { apply(r, c.Float()) })
}

func (e *reglesEditor) entier(label string, v int, apply func(r *model.Regles, v int)) *Champ {
	c := NewChampEntier(label, true, -1_000_000, 1_000_000)
	c.SetInt(v)
	return e.add(c, func(r *model.Regles) { apply(r, c.Int()) })
}

func (e *reglesEditor) montant(label string, v model.Cents, apply func(r *model.Regles, v model.Cents)) *Champ {
	c := NewChampMontant(label, true)
	c.SetCents(v)
	return e.add(c, func(r *model.Regles) { apply(r, c.Cents()) })
}

// rebuild creates the fields for r (kept as the base of the edit).
func (e *reglesEditor) rebuild(r *model.Regles) {
	e.base = r
	e.fields, e.appliers = nil, nil
	e.byLabel = map[string]*Champ{}
	selected := 0
	if e.inner != nil {
		selected = e.inner.SelectedIndex()
	}
	e.inner = container.NewAppTabs(
		container.NewTabItem("Seuils et unités", container.NewVScroll(e.seuils(r))),
		container.NewTabItem("Surfaces et typologies", container.NewVScroll(e.surfacesTypologies(r))),
		container.NewTabItem("Plafonds de ressources", e.plafonds(r)),
		container.NewTabItem("Premier quartile", container.NewVScroll(e.quartiles(r))),
	)
	e.inner.SelectIndex(selected)
	e.center.Objects = []fyne.CanvasObject{e.inner}
	e.center.Refresh()
	e.form.Check()
}

func parSection(title, note string, rows ...fyne.CanvasObject) fyne.CanvasObject {
	head := widget.NewRichText(&widget.TextSegment{Text: title, Style: widget.RichTextStyle{
		ColorName: theme.ColorNamePrimary, SizeName: theme.SizeNameSubHeadingText, TextStyle: fyne.TextStyle{Bold: true}}})
	objs := []fyne.CanvasObject{head}
	if note != "" {
		n := widget.NewLabel(note)
		n.Wrapping = fyne.TextWrapWord
		objs = append(objs, n)
	}
	return widget.NewCard("", "", container.NewVBox(append(objs, rows...)...))
}

// parLigne is a label and its field, the label in a column wide enough for
// the rule tables' long names.
func parLigne(label string, field fyne.CanvasObject) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(330, l.MinSize().Height), l), nil, field)
}

func (e *reglesEditor) seuils(r *model.Regles) fyne.CanvasObject {
	taux := e.decimal("Taux d'effort maximal", r.TauxEffortMax*100, "%", func(r *model.Regles, v float64) { r.TauxEffortMax = v / 100 })
	reste := e.montant("Reste à vivre minimal par UC et par jour", r.ResteAVivreMinUCJour, func(r *model.Regles, v model.Cents) { r.ResteAVivreMinUCJour = v })
	jours := e.entier("Jours par mois", r.JoursParMois, func(r *model.Regles, v int) { r.JoursParMois = v })
	pls := e.decimal("Coefficient PLS", r.CoefPLS, "", func(r *model.Regles, v float64) { r.CoefPLS = v })
	uc1 := e.decimal("UC du premier adulte", r.UCPremierAdulte, "", func(r *model.Regles, v float64) { r.UCPremierAdulte = v })
	uc2 := e.decimal("UC par autre personne de 14 ans ou plus", r.UCAutre14, "", func(r *model.Regles, v float64) { r.UCAutre14 = v })
	uc3 := e.decimal("UC par enfant de moins de 14 ans", r.UCEnfant, "", func(r *model.Regles, v float64) { r.UCEnfant = v })
	ageUC := e.entier("Âge séparant enfant et adulte (UC)", r.AgeUC, func(r *model.Regles, v int) { r.AgeUC = v })
	jeune := e.entier("Jeune couple : somme des âges au plus", r.AgeJeuneCpl, func(r *model.Regles, v int) { r.AgeJeuneCpl = v })
	charge := e.entier("Enfant à charge : âge de moins de", r.AgeACharge, func(r *model.Regles, v int) { r.AgeACharge = v })
	senior := e.entier("Senior maintenu à domicile : âge", r.AgeSenior, func(r *model.Regles, v int) { r.AgeSenior = v })
	anc := e.entier("Ancienneté dans le logement pour une mutation (mois)", r.AncienneteMutationMois, func(r *model.Regles, v int) { r.AncienneteMutationMois = v })
	refus := e.entier("Perte de priorité après un refus (mois)", r.NonPrioriteRefusMois, func(r *model.Regles, v int) { r.NonPrioriteRefusMois = v })
	return container.NewVBox(
		parSection("Taux d'effort et reste à vivre", "Taux d'effort = (loyer + charges − APL) ÷ ressources ; au-delà du maximum, un ménage peut être examiné si son reste à vivre par UC et par jour dépasse le minimum.",
			parLigne(taux.Label, taux.Object()), parLigne(reste.Label, reste.Object()), parLigne(jours.Label, jours.Object())),
		parSection("Plafonds PLS", "", parLigne("PLS = PLUS ×", pls.Object())),
		parSection("Unités de consommation (UC)", "",
			parLigne("Premier adulte", uc1.Object()), parLigne("Autre personne de 14 ans ou plus", uc2.Object()), parLigne("Enfant de moins de 14 ans", uc3.Object()), parLigne("Âge séparant enfant et adulte", ageUC.Object())),
		parSection("Âges et durées", "",
			parLigne("Jeune couple : somme des âges au plus", jeune.Object()), parLigne("Enfant à charge : moins de (ans)", charge.Object()),
			parLigne("Senior maintenu à domicile : dès (ans)", senior.Object()),
			parLigne("Mutation : ancienneté dans le logement (mois)", anc.Object()), parLigne("Refus d'une offre adaptée : perte de priorité (mois)", refus.Object())),
	)
}

func (e *reglesEditor) surfacesTypologies(r *model.Regles) fyne.CanvasObject {
	surf := container.NewGridWithColumns(4)
	for i, v := range r.SurfacesMin {
		i := i
		label := fmt.Sprintf("%d personne(s)", i+1)
		if i == len(r.SurfacesMin)-1 {
			label = fmt.Sprintf("%d personnes et plus", i+1)
		}
		c := e.decimal("Surface minimale, "+label, v, "m²", func(r *model.Regles, v float64) {
			if i < len(r.SurfacesMin) {
				r.SurfacesMin[i] = v
			}
		})
		surf.Add(container.NewVBox(widget.NewLabel(label), c.Object()))
	}

	typoOpts := TypologieOptions()
	row := func(lib fyne.CanvasObject, nums ...fyne.CanvasObject) fyne.CanvasObject {
		grid := container.NewGridWithColumns(len(nums), nums...)
		h := grid.MinSize().Height
		return container.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(float32(len(nums))*160, h), grid), lib)
	}
	head := func(t string) *widget.Label {
		l := widget.NewLabelWithStyle(t, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	grid := container.NewVBox(row(head("Composition du ménage"), head("En plus : de"), head("à"), head("Typologie : de"), head("à")))
	for i, t := range r.Typologies {
		i := i
		lib := NewChamp(fmt.Sprintf("Tableau d'occupation, ligne %d : libellé", i+1), true)
		lib.SetText(t.Libelle)
		e.add(lib, func(r *model.Regles) { r.Typologies[i].Libelle = lib.Text() })
		mn := e.entier(fmt.Sprintf("Tableau d'occupation, ligne %d : minimum", i+1), t.Min, func(r *model.Regles, v int) { r.Typologies[i].Min = v })
		mx := NewChampEntier(fmt.Sprintf("Tableau d'occupation, ligne %d : maximum", i+1), false, -1_000_000, 1_000_000)
		if t.Max >= 0 {
			mx.SetInt(t.Max)
		}
		e.add(mx, func(r *model.Regles) {
			if mx.Text() == "" {
				r.Typologies[i].Max = -1
			} else {
				r.Typologies[i].Max = mx.Int()
			}
		})
		tmin := e.entier(fmt.Sprintf("Tableau d'occupation, ligne %d : typologie minimale (1 à 6)", i+1), t.TypoMin, func(r *model.Regles, v int) { r.Typologies[i].TypoMin = v })
		tmax := NewChampEntier(fmt.Sprintf("Tableau d'occupation, ligne %d : typologie maximale (vide = sans limite)", i+1), false, -1_000_000, 1_000_000)
		if t.TypoMax > 0 {
			tmax.SetInt(t.TypoMax)
		}
		e.add(tmax, func(r *model.Regles) { r.Typologies[i].TypoMax = tmax.Int() })
		tmin.Entry.SetPlaceHolder("1 pour " + typoOpts[0])
		tmax.Entry.SetPlaceHolder("sans limite")
		mx.Entry.SetPlaceHolder("sans limite")
		grid.Add(row(lib.Object(), mn.Object(), mx.Object(), tmin.Object(), tmax.Object()))
	}
	return container.NewVBox(
		parSection("Surfaces minimales (sur-occupation critique)", "Surface habitable au-dessous de laquelle le logement est en sur-occupation critique (art. R.822-25 CCH).", surf),
		parSection("Tableau d'occupation par typologie", "Un couple ou une personne seule, plus le nombre de personnes indiqué, relève des typologies de la ligne (T1 = 1 … T6 et plus = 6) ; un maximum vide veut dire « sans limite ». Les lignes peuvent se chevaucher (politique §1.2.4).", grid,
			container.NewHBox(
				newBoutonIcone("Ajouter une ligne", theme.ContentAddIcon(), e.onAddTypologie),
				newBoutonIcone("Retirer la dernière ligne", theme.ContentRemoveIcon(), e.onRemoveTypologie))),
	)
}

// onAddTypologie adds a row to the typology table, to fill in.
func (e *reglesEditor) onAddTypologie() {
	if err := (champsVariables{e}).Err(); err != nil {
		e.status.SetText("Corrigez d'abord les champs signalés.")
		return
	}
	r := e.fromFields()
	r.Typologies = append(r.Typologies, model.LigneTypologie{Libelle: "Nouvelle ligne", Min: 0, Max: -1, TypoMin: 1})
	e.rebuild(r)
	e.form.SetDirty()
	e.status.SetText("Ligne ajoutée au tableau d'occupation : complétez-la puis enregistrez.")
}

// onRemoveTypologie removes the last row of the typology table.
func (e *reglesEditor) onRemoveTypologie() {
	r := e.fromFields()
	if len(r.Typologies) <= 1 {
		e.status.SetText("Le tableau d'occupation garde au moins une ligne.")
		return
	}
	r.Typologies = r.Typologies[:len(r.Typologies)-1]
	e.rebuild(r)
	e.form.SetDirty()
	e.status.SetText("Dernière ligne retirée du tableau d'occupation : enregistrez pour confirmer.")
}

func parGras(s string) *widget.Label {
	l := widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}

// baremeYears lists the years of the ceiling tables, in order.
func baremeYears(r *model.Regles) []int {
	seen := map[int]bool{}
	var out []int
	for _, b := range r.Baremes {
		if !seen[b.Annee] {
			seen[b.Annee] = true
			out = append(out, b.Annee)
		}
	}
	sort.Ints(out)
	return out
}

var parCategories = [6]string{"Catégorie 1", "Catégorie 2", "Catégorie 3", "Catégorie 4", "Catégorie 5", "Catégorie 6"}

func (e *reglesEditor) plafonds(r *model.Regles) fyne.CanvasObject {
	years := baremeYears(r)
	if len(years) == 0 {
		return widget.NewLabel("Aucun plafond saisi.")
	}
	if e.plafYear == 0 || !parContains(years, e.plafYear) {
		e.plafYear = years[len(years)-1]
	}
	grids := map[int]fyne.CanvasObject{}
	for _, y := range years {
		grids[y] = e.plafondsAnnee(r, y)
	}
	shown := container.NewStack(grids[e.plafYear])
	opts := make([]string, len(years))
	for i, y := range years {
		opts[i] = fmt.Sprint(y)
	}
	sel := newDeroulant(opts, func(v string) {
		var y int
		fmt.Sscan(v, &y)
		if g, ok := grids[y]; ok {
			e.plafYear = y
			shown.Objects = []fyne.CanvasObject{g}
			shown.Refresh()
		}
	})
	sel.SetSelected(fmt.Sprint(e.plafYear))
	last := years[len(years)-1]
	add := newBoutonIcone(fmt.Sprintf("Ajouter l'année %d (copie de %d)", last+1, last), theme.ContentAddIcon(), e.onAddYear)
	note := widget.NewLabel("Revenu fiscal de référence N-2 du ménage, en euros par an (art. R.441-1 CCH), révisés chaque 1er janvier : " +
		"une année sans plafonds donne « données manquantes », jamais les plafonds d'une autre année. Gentilly est en « Paris et communes limitrophes », " +
		"les quatre autres communes en « reste de l'Île-de-France ». Les plafonds PLS se déduisent des plafonds PLUS de la même année (onglet « Seuils et unités »). " +
		"PLUS 2024, 2025 et 2026 : chiffres officiels des arrêtés de décembre 2023, 2024 et 2025. " +
		"Une colonne marquée « dérivés, non officiels » (PLAI 2026, copie d'une année) est à remplacer par les chiffres de l'arrêté : saisissez-les ou importez le fichier.")
	note.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(note, container.NewHBox(widget.NewLabel("Année :"), sel, add,
		newBoutonIcone("Importer des plafonds…", theme.UploadIcon(), func() { e.onImportRegles("plafonds") }),
		newBoutonIcone("Exporter les règles…", theme.DocumentSaveIcon(), e.onExportRegles)))
	return container.NewBorder(top, nil, nil, nil, container.NewVScroll(shown))
}

func parContains(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// plafondsAnnee is the grid of a year: one column per (financing, zone),
// one row per household category and the amount per extra person.
func (e *reglesEditor) plafondsAnnee(r *model.Regles, year int) fyne.CanvasObject {
	var idx []int
	for i, b := range r.Baremes {
		if b.Annee == year {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(a, b int) bool {
		x, y := r.Baremes[idx[a]], r.Baremes[idx[b]]
		if x.Financement != y.Financement {
			return x.Financement > y.Financement // PLUS before PLAI
		}
		return x.Zone < y.Zone
	})
	rows := container.NewVBox()
	grid := container.NewGridWithColumns(1 + len(idx))
	grid.Add(parGras("Catégorie de ménage"))
	for _, i := range idx {
		b := r.Baremes[i]
		head := string(b.Financement) + " — " + b.Zone.Label()
		if b.Derive {
			head += " — dérivés, non officiels"
		}
		grid.Add(parGras(head))
	}
	rows.Add(grid)
	for cat := 0; cat < 7; cat++ {
		grid := container.NewGridWithColumns(1 + len(idx))
		rows.Add(grid)
		if cat < 6 {
			grid.Add(widget.NewLabel(parCategories[cat]))
		} else {
			grid.Add(widget.NewLabel("Par personne en plus"))
		}
		for _, i := range idx {
			i, cat := i, cat
			b := r.Baremes[i]
			label := fmt.Sprintf("Plafond %d %s (%s), catégorie %d", year, b.Financement, b.Zone.Label(), cat+1)
			v := b.ParPersonne
			if cat < 6 {
				v = b.Categories[cat]
			} else {
				label = fmt.Sprintf("Plafond %d %s (%s), par personne en plus", year, b.Financement, b.Zone.Label())
			}
			orig := v
			c := e.montant(label, v, func(r *model.Regles, v model.Cents) {
				if v != orig { // figures typed from the arrêté: no longer derived
					r.Baremes[i].Derive = false
				}
				if cat < 6 {
					r.Baremes[i].Categories[cat] = v
				} else {
					r.Baremes[i].ParPersonne = v
				}
			})
			grid.Add(c.Object())
		}
	}
	note := widget.NewLabel("Catégories de l'arrêté du 29/07/1987 : 1 = une personne ; 2 = deux personnes sans personne à charge (hors jeune couple) ou une personne handicapée ; 3 = trois personnes, une personne + une à charge, un jeune couple ou deux personnes dont une handicapée ; 4 = quatre personnes, une + deux à charge ou trois dont une handicapée ; 5 et 6 de même ; puis par personne en plus.")
	note.Wrapping = fyne.TextWrapWord
	rows.Add(note)
	return rows
}

// onAddYear copies the ceilings of the latest year to the next one.
func (e *reglesEditor) onAddYear() {
	if err := (champsVariables{e}).Err(); err != nil {
		e.status.SetText("Corrigez d'abord les champs signalés.")
		return
	}
	r, year := app.AjouterAnneeBaremes(e.fromFields())
	if year == 0 {
		return
	}
	e.plafYear = year
	e.rebuild(r)
	e.form.SetDirty()
	e.status.SetText(fmt.Sprintf("Plafonds %d ajoutés (copie de %d) : modifiez-les puis enregistrez.", year, year-1))
}

func (e *reglesEditor) quartiles(r *model.Regles) fyne.CanvasObject {
	years := make([]int, 0, len(r.PremierQuart))
	for y := range r.PremierQuart {
		years = append(years, y)
	}
	sort.Ints(years)
	rows := container.NewVBox()
	for _, y := range years {
		y := y
		c := e.montant(fmt.Sprintf("Premier quartile %d", y), r.PremierQuart[y], func(r *model.Regles, v model.Cents) { r.PremierQuart[y] = v })
		rows.Add(Ligne(fmt.Sprint(y), c.Object()))
	}
	if len(years) == 0 {
		rows.Add(widget.NewLabel("Aucun seuil saisi : les objectifs « premier quartile » ne peuvent pas être calculés."))
	}
	next := e.app.Today().Year()
	if len(years) > 0 {
		next = years[len(years)-1] + 1
	}
	add := newBoutonIcone(fmt.Sprintf("Ajouter l'année %d", next), theme.ContentAddIcon(), func() { e.onAddQuartile(next) })
	imp := newBoutonIcone("Importer des seuils…", theme.UploadIcon(), func() { e.onImportRegles("quartiles") })
	return parSection("Seuil du premier quartile", "Ressources annuelles par unité de consommation sous lesquelles un demandeur est dans le premier quartile ; "+
		"fixé chaque année par arrêté ministériel (art. L.441-1 CCH), sur la base des ressources déclarées avec la demande : ressources mensuelles × 12 ÷ UC. "+
		"À saisir par l'Office chaque année : une année sans seuil donne « données manquantes », jamais le seuil d'une autre année.",
		rows, container.NewHBox(add, imp))
}

// onAddQuartile adds a year to the first-quartile table, its amount to type.
func (e *reglesEditor) onAddQuartile(year int) {
	if err := (champsVariables{e}).Err(); err != nil {
		e.status.SetText("Corrigez d'abord les champs signalés.")
		return
	}
	r := e.fromFields()
	r.PremierQuart[year] = 0
	e.rebuild(r)
	if c := e.byLabel[fmt.Sprintf("Premier quartile %d", year)]; c != nil {
		c.SetText("")
	}
	e.form.SetDirty()
	e.status.SetText(fmt.Sprintf("Saisissez le seuil %d puis enregistrez.", year))
}

// onSave stores the tables in one transaction.
func (e *reglesEditor) onSave() { e.save() }

func (e *reglesEditor) save() bool {
	if !e.form.Valid() {
		e.form.Check()
		return false
	}
	r := e.fromFields()
	if err := e.app.SaveRegles(r); err != nil {
		Erreur(e.shell.fenetre(), err)
		return false
	}
	e.set(r)
	e.status.SetText("Règles enregistrées : elles s'appliquent aux prochaines vérifications.")
	e.dire("Règles et plafonds enregistrés")
	return true
}

// dire says msg in the status line.
func (e *reglesEditor) dire(msg string) {
	if e.confirmer != nil {
		e.confirmer(msg)
	} else {
		e.shell.confirmer(msg)
	}
}
