package screens

import (
	"fmt"
	"path/filepath"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"logis/app"
	"logis/model"
)

// Occupation is the « Examen d'occupation » screen: run the review for a
// date, counts per situation, the households of each situation with their
// explanation, export to CSV and marking for the commission.
type Occupation struct {
	shell coque
	app   occupationApp
	body  fyne.CanvasObject

	date      *entree
	echeance  *entree // optional: households due before this date (L.442-5-2, three years)
	dateErr   *widget.Label
	runBtn    *bouton
	exportBtn *bouton
	progress  *widget.ProgressBar
	status    *widget.Label

	filtres  *liste // situations and their counts
	menages  *liste // households of the chosen situation
	detail   *widget.RichText
	markBtn  *bouton
	markAll  *bouton
	listHead *widget.Label
	search   *entree

	bg      sync.WaitGroup // background work, waited for by tests and captures
	running bool
	rv      *app.Revue
	filtre  int   // index in occFiltres
	rows    []int // indices in rv.Examens shown in the list
	current int   // selected index in rows, -1 when none
	pending int   // filter to show when the running review ends
}

// occFiltres are the entries of the situation list: all situations, each
// situation, the households marked.
var occFiltres = append(append([]string{"toutes"}, app.SituationCodes...), "a_presenter")

func occFiltreLabel(code string) string {
	switch code {
	case "toutes":
		return "Toutes les situations (L.442-5-2)"
	case "a_presenter":
		return "Marqués « à présenter »"
	}
	return app.SituationLabels[code]
}

// occupationApp is what the occupancy review screen calls of the app;
// *app.App satisfies it.
type occupationApp interface {
	Today() model.Date
	Catalogue() *app.Catalogue
	RevueOccupationAvant(at, avant model.Date, progress app.Progress) (*app.Revue, error)
	NomMenage(id string) (string, error)
	MarquerAPresenter(ids []string, oui bool) (int, error)
	Peut(action model.Action) error
	Journaliser(label string) error
}

func newOccupation(shell coque, a occupationApp) *Occupation {
	s := &Occupation{shell: shell, app: a, current: -1}
	s.date = newEntree()
	s.date.SetPlaceHolder("JJ/MM/AAAA")
	s.date.SetText(a.Today().String())
	s.date.Validator = func(v string) error {
		d, err := model.ParseDate(v)
		if err == nil && d.IsZero() {
			return model.Errorf(model.EINVALID, "indiquez la date de l'examen (JJ/MM/AAAA)")
		}
		return err
	}
	s.date.OnSubmitted = func(string) { s.onRun() }
	s.echeance = newEntree()
	s.echeance.SetPlaceHolder("JJ/MM/AAAA")
	s.echeance.OnSubmitted = func(string) { s.onRun() }
	s.dateErr = widget.NewLabel("")
	s.dateErr.Importance = widget.DangerImportance
	s.dateErr.Hide()
	s.runBtn = newBoutonIcone("Lancer l'examen", theme.MediaPlayIcon(), s.onRun)
	s.runBtn.Importance = widget.HighImportance
	s.exportBtn = newBoutonIcone("Exporter en CSV…", theme.DocumentSaveIcon(), s.onExport)
	s.exportBtn.Disable()
	s.progress = widget.NewProgressBar()
	s.progress.TextFormatter = pourcentFR(s.progress)
	s.progress.Hide()
	s.status = widget.NewLabel("Choisissez la date puis lancez l'examen de tous les ménages logés (art. L.442-5-2 CCH).")
	s.status.Wrapping = fyne.TextWrapWord

	s.filtres = newListe(
		func() int { return len(occFiltres) },
		func() fyne.CanvasObject {
			var ls []string
			for _, f := range occFiltres {
				ls = append(ls, occFiltreLabel(f))
			}
			return container.NewBorder(nil, nil, nil, widget.NewLabel("000 000"), widget.NewLabel(plusLong(ls))) // the list as wide as its longest row
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(occFiltreLabel(occFiltres[i]))
			n := ""
			if s.rv != nil {
				n = nombreFR(s.count(occFiltres[i]))
			}
			c.Objects[1].(*widget.Label).SetText(n)
		})
	s.filtres.OnSelected = func(i widget.ListItemID) { s.setFiltre(i) }

	s.menages = newListe(
		func() int { return len(s.rows) },
		func() fyne.CanvasObject {
			l1 := widget.NewLabelWithStyle("M000000 — logement L000000", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			l1.Truncation = fyne.TextTruncateEllipsis
			l2 := widget.NewLabel("explication")
			l2.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, widget.NewIcon(nil), nil, container.NewVBox(l1, l2))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(s.rows) {
				return
			}
			e := &s.rv.Examens[s.rows[i]]
			c := o.(*fyne.Container)
			icon := c.Objects[1].(*widget.Icon)
			if s.rv.Presente[e.Menage] {
				icon.SetResource(theme.ConfirmIcon())
			} else {
				icon.SetResource(nil)
			}
			texts := c.Objects[0].(*fyne.Container).Objects
			title := fmt.Sprintf("%s · %s · %s · %d pers.", e.Menage, e.Logement, e.Commune, e.Personnes)
			if r := s.app.Catalogue().Menage(e.Menage); r != nil {
				title = fmt.Sprintf("%s · %s · %s, %s · %d pers.", r.Nom, e.Menage, e.Logement, e.Commune, e.Personnes)
			}
			texts[0].(*widget.Label).SetText(title)
			texts[1].(*widget.Label).SetText(s.explication(e))
		})
	s.menages.OnSelected = func(i widget.ListItemID) { s.selectRow(i) }

	s.detail = widget.NewRichText()
	s.detail.Wrapping = fyne.TextWrapWord
	s.markBtn = newBoutonIcone("Marquer « à présenter en commission »", theme.ConfirmIcon(), s.onToggleMark)
	s.markBtn.Disable()
	s.markAll = newBouton("Marquer toute la liste", s.onMarkAll)
	s.markAll.Disable()
	s.listHead = widget.NewLabelWithStyle("Ménages", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.listHead.Truncation = fyne.TextTruncateEllipsis
	s.search = newEntree()
	s.search.SetPlaceHolder("Nom, ménage, logement, commune (Ctrl+F)")
	s.search.OnChanged = func(string) { s.setFiltre(s.filtre) }
	// Down goes to the households found, Entrée shows the first one's
	// detail (or the one marked), as every search of Logis (essai-12b N1).
	relierRecherche(s.search, s.menages, func() int { return len(s.rows) })

	dateLine := container.NewHBox(widget.NewLabel("Date de l'examen :"), container.NewGridWrap(fyne.NewSize(140, s.date.MinSize().Height), s.date),
		widget.NewLabel("Échéance avant (facultatif) :"), container.NewGridWrap(fyne.NewSize(140, s.echeance.MinSize().Height), s.echeance),
		s.runBtn, s.exportBtn)
	top := container.NewVBox(dateLine, s.dateErr, s.progress, s.status)
	// Tab follows the objects' order: the date line, the situations, the
	// search, the households found, then their buttons (« Marquer toute la
	// liste » is no longer the first stop after the search: essai-12b N1).
	left := bordure(widget.NewLabelWithStyle("Situations", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, s.filtres)
	middle := bordure(container.NewVBox(s.search, s.listHead), container.NewHBox(s.markAll), s.menages)
	right := container.NewBorder(nil, container.NewHBox(s.markBtn), nil, nil, container.NewVScroll(s.detail))
	s.showDetail()
	split := container.NewHSplit(middle, right)
	split.Offset = 0.55 // the households' explanations wider (issue 12); whole in the detail
	outer := container.NewHSplit(left, split)
	outer.Offset = 0.22 // the situations' titles and counts, no more
	s.body = bordure(top, nil, outer)
	return s
}

func (s *Occupation) title() string              { return "Examen d'occupation" }
func (s *Occupation) content() fyne.CanvasObject { return s.body }
func (s *Occupation) shown()                     {}
func (s *Occupation) create()                    {}

// focusSearch (Ctrl+F) goes to the search of the households reviewed, or
// to the date while no review has been run.
func (s *Occupation) focusSearch() {
	if s.rv == nil {
		s.shell.fenetre().Canvas().Focus(s.date)
		return
	}
	s.shell.fenetre().Canvas().Focus(s.search)
}

// waitIdle waits for the background work (tests, captures).
func (s *Occupation) waitIdle() { s.bg.Wait() }

// onRun runs the review for the date typed, in the background.
func (s *Occupation) onRun() {
	if s.running {
		return
	}
	d, err := model.ParseDate(s.date.Text)
	if err == nil && d.IsZero() {
		err = model.Errorf(model.EINVALID, "Indiquez la date de l'examen (JJ/MM/AAAA).")
	}
	if err != nil {
		s.dateErr.SetText("Date de l'examen : " + model.ErrorMessage(err) + ".")
		s.dateErr.Show()
		return
	}
	var avant model.Date
	if strings.TrimSpace(s.echeance.Text) != "" {
		if avant, err = model.ParseDate(s.echeance.Text); err != nil {
			s.dateErr.SetText("Échéance : " + model.ErrorMessage(err) + ".")
			s.dateErr.Show()
			return
		}
	}
	s.dateErr.Hide()
	s.running = true
	s.runBtn.Disable()
	s.exportBtn.Disable()
	s.progress.SetValue(0)
	s.progress.Show()
	s.status.SetText("Examen en cours…")
	enFond(&s.bg, s.shell.journal(), "examen d'occupation",
		func() (*app.Revue, error) {
			return s.app.RevueOccupationAvant(d, avant, func(done, total int) {
				if total > 0 {
					fyne.Do(func() { s.progress.SetValue(float64(done) / float64(total)) })
				}
			})
		},
		func(rv *app.Revue, err error) {
			s.running = false
			s.runBtn.Enable()
			s.progress.Hide()
			if err != nil {
				s.status.SetText(echec("L'examen n'a pas pu être fait", err))
				return
			}
			s.setRevue(rv)
		})
}

// setRevue shows a finished review.
func (s *Occupation) setRevue(rv *app.Revue) {
	s.rv = rv
	s.status.SetText(resumeExamen(rv))
	s.exportBtn.Enable()
	s.filtres.Refresh()
	f := s.pending
	s.pending = 0
	s.filtres.Select(f)
	s.setFiltre(f)
}

// ouvrirSituations shows the households of a situation (all situations for
// ""), running today's review first when none has been run.
func (s *Occupation) ouvrirSituations(code string) {
	f := 0
	for i, c := range occFiltres {
		if c == code {
			f = i
		}
	}
	s.shell.montrer(s.title())
	if s.rv != nil {
		s.filtres.Select(f)
		s.setFiltre(f)
		return
	}
	s.pending = f
	s.onRun()
}

// count is the number of households of a filter.
func (s *Occupation) count(code string) int {
	switch code {
	case "toutes":
		n := 0
		for i := range s.rv.Examens {
			if s.rv.Examens[i].AnySituation() {
				n++
			}
		}
		return n
	case "a_presenter":
		return len(s.rv.Presente)
	}
	return s.rv.Comptes[code]
}

// matches reports whether a household belongs to the current filter.
func (s *Occupation) matches(e *model.Examen) bool {
	switch code := occFiltres[s.filtre]; code {
	case "toutes":
		return e.AnySituation()
	case "a_presenter":
		return s.rv.Presente[e.Menage]
	default:
		v, ok := situation(e, code)
		return ok && v.Flag()
	}
}

// situation returns the verdict of a situation or indicator code.
func situation(e *model.Examen, code string) (model.Verdict, bool) {
	v := e.Verdict(model.CodeRegle(code))
	return v, v.Regle != ""
}

// explication is the French reason shown in the list for a household.
func (s *Occupation) explication(e *model.Examen) string {
	if code := occFiltres[s.filtre]; code != "toutes" && code != "a_presenter" {
		if v, ok := situation(e, code); ok {
			return v.Explication
		}
	}
	m := e.Motifs()
	if len(m) == 0 {
		return "Aucune situation relevée."
	}
	return strings.Join(m, " ; ")
}

func (s *Occupation) setFiltre(i int) {
	if s.rv == nil || i < 0 || i >= len(occFiltres) {
		return
	}
	s.filtre = i
	s.rows = s.rows[:0]
	words := strings.Fields(model.Fold(s.search.Text))
	cat := s.app.Catalogue()
	for j := range s.rv.Examens {
		e := &s.rv.Examens[j]
		if s.matches(e) && (len(words) == 0 || occMatchesWords(e, cat, words)) {
			s.rows = append(s.rows, j)
		}
	}
	head := fmt.Sprintf("%s : %s ménage(s)", occFiltreLabel(occFiltres[i]), nombreFR(len(s.rows)))
	if len(words) > 0 {
		head += " pour « " + strings.TrimSpace(s.search.Text) + " »"
	}
	s.listHead.SetText(head)
	s.current = -1
	s.menages.bouge = false
	s.menages.UnselectAll()
	s.menages.Refresh()
	s.menages.ScrollToTop()
	s.showDetail()
	if len(s.rows) > 0 {
		s.markAll.Enable()
	} else {
		s.markAll.Disable()
	}
}

func (s *Occupation) selectRow(i int) {
	if i < 0 || i >= len(s.rows) {
		return
	}
	s.current = i
	s.showDetail()
}

// selected returns the examination selected, nil when none.
func (s *Occupation) selected() *model.Examen {
	if s.rv == nil || s.current < 0 || s.current >= len(s.rows) {
		return nil
	}
	return &s.rv.Examens[s.rows[s.current]]
}

// showDetail writes every verdict of the selected household with its
// figures, threshold, explanation and source.
func (s *Occupation) showDetail() {
	e := s.selected()
	if e == nil {
		s.detail.Segments = []widget.RichTextSegment{para("Choisissez un ménage dans la liste pour voir le détail de son examen.", occStyleText)}
		s.detail.Refresh()
		s.markBtn.Disable()
		return
	}
	nom := ""
	if n, err := s.app.NomMenage(e.Menage); err == nil {
		nom = " — " + n
	}
	segs := []widget.RichTextSegment{
		para("Ménage "+e.Menage+nom, occStyleTitre),
		para(fmt.Sprintf("Logement %s, %s — %d personne(s), %s UC", e.Logement, e.Commune, e.Personnes, model.FormatNumber(e.UC, 2)), occStyleText),
	}
	if !e.ProchainExamen.IsZero() {
		segs = append(segs, para("Prochain examen triennal (trois ans à compter de la signature du bail, art. L.442-5-2) : "+e.ProchainExamen.String(), occStyleText))
	}
	if s.rv.Presente[e.Menage] {
		segs = append(segs, para("Marqué « à présenter en commission »", occStyleSource))
		s.markBtn.SetText("Retirer de la présentation en commission")
		s.markBtn.SetIcon(theme.CancelIcon())
	} else {
		s.markBtn.SetText("Marquer « à présenter en commission »")
		s.markBtn.SetIcon(theme.ConfirmIcon())
	}
	// Situations found first, then missing data, then the rest.
	vs := e.Verdicts()
	for _, pass := range []func(model.Verdict) bool{
		model.Verdict.Flag,
		func(v model.Verdict) bool { return v.Resultat == model.Incomplet },
		func(v model.Verdict) bool { return !v.Flag() && v.Resultat != model.Incomplet },
	} {
		for _, v := range vs {
			if pass(v) {
				segs = append(segs, verdictSegments(v)...)
			}
		}
	}
	s.detail.Segments = segs
	s.detail.Refresh()
	s.markBtn.Enable()
}

// Styles of the review's detail: paragraphs, not inline runs.
var (
	occStyleTitre  = widget.RichTextStyle{ColorName: theme.ColorNameForeground, SizeName: theme.SizeNameSubHeadingText, TextStyle: fyne.TextStyle{Bold: true}}
	occStyleText   = widget.RichTextStyle{ColorName: theme.ColorNameForeground, SizeName: theme.SizeNameText}
	occStyleHead   = widget.RichTextStyle{ColorName: theme.ColorNameForeground, SizeName: theme.SizeNameText, TextStyle: fyne.TextStyle{Bold: true}}
	occStyleAlerte = widget.RichTextStyle{ColorName: theme.ColorNameError, SizeName: theme.SizeNameText, TextStyle: fyne.TextStyle{Bold: true}}
	occStyleManque = widget.RichTextStyle{ColorName: theme.ColorNameWarning, SizeName: theme.SizeNameText, TextStyle: fyne.TextStyle{Bold: true}}
	occStyleSource = widget.RichTextStyle{ColorName: theme.ColorNameForeground, SizeName: theme.SizeNameText, TextStyle: fyne.TextStyle{Italic: true}}
)

func para(text string, st widget.RichTextStyle) widget.RichTextSegment {
	return &widget.TextSegment{Text: text, Style: st}
}

// verdictSegments show one verdict: title and result (green when it holds,
// red when it fails, orange when data are missing), figures, explanation,
// source; units kept with their numbers (sansCoupure).
func verdictSegments(v model.Verdict) []widget.RichTextSegment {
	st := occStyleHead
	if v.Flag() {
		st = occStyleAlerte
	} else if v.Resultat == model.Incomplet {
		st = occStyleManque
	} else if v.Resultat == model.Conforme {
		st.ColorName = theme.ColorNameSuccess // « Quorum : conforme » was in the text's colour (essai-12b N12)
	}
	segs := []widget.RichTextSegment{&widget.SeparatorSegment{}, para(sansCoupure(v.Titre+" : "+v.Resultat.Label()), st)}
	if v.Valeur != "" || v.Seuil != "" {
		segs = append(segs, para(sansCoupure("Valeur : "+v.Valeur+" — seuil : "+v.Seuil), occStyleText))
	}
	if v.Explication != "" {
		segs = append(segs, para(sansCoupure(v.Explication), occStyleText))
	}
	if v.Source != "" {
		segs = append(segs, para("Source : "+v.Source, occStyleSource))
	}
	return segs
}

// onToggleMark marks or unmarks the selected household.
func (s *Occupation) onToggleMark() {
	e := s.selected()
	if e == nil {
		return
	}
	s.mark([]string{e.Menage}, !s.rv.Presente[e.Menage])
}

// onMarkAll marks every household of the list, after confirmation.
func (s *Occupation) onMarkAll() {
	if s.rv == nil || len(s.rows) == 0 {
		return
	}
	ids := make([]string, len(s.rows))
	for i, r := range s.rows {
		ids[i] = s.rv.Examens[r].Menage
	}
	msg := fmt.Sprintf("Marquer les %s ménage(s) de la liste « %s » à présenter en commission ?", nombreFR(len(ids)), occFiltreLabel(occFiltres[s.filtre]))
	Confirmer(s.shell.fenetre(), "Marquer toute la liste", msg, "Marquer", func() { s.mark(ids, true) })
}

// mark writes the marking in one transaction, in the background.
func (s *Occupation) mark(ids []string, oui bool) {
	s.markBtn.Disable()
	s.markAll.Disable()
	enFond(&s.bg, s.shell.journal(), "marquage",
		func() (int, error) { return s.app.MarquerAPresenter(ids, oui) },
		func(n int, err error) {
			s.markAll.Enable()
			if err != nil {
				Erreur(s.shell.fenetre(), err)
				s.showDetail()
				return
			}
			for _, id := range ids {
				if oui {
					s.rv.Presente[id] = true
				} else {
					delete(s.rv.Presente, id)
				}
			}
			// The summary stays (its count of households marked follows);
			// the confirmation goes to the status line (essai-12 F10).
			s.status.SetText(resumeExamen(s.rv))
			if oui {
				s.shell.confirmer(fmt.Sprintf("%s ménage(s) marqué(s) à présenter en commission", nombreFR(n)))
			} else {
				s.shell.confirmer(fmt.Sprintf("%s ménage(s) retiré(s) de la présentation en commission", nombreFR(n)))
			}
			s.filtres.Refresh()
			s.menages.Refresh()
			s.showDetail()
		})
}

// onExport asks where to write the review's CSV file.
func (s *Occupation) onExport() {
	if s.rv == nil {
		return
	}
	if err := s.app.Peut(model.ActionExporter); err != nil {
		Erreur(s.shell.fenetre(), err)
		return
	}
	choisirFichier(s.shell.fenetre(), choixFichier{Titre: "Exporter l'examen d'occupation", Action: "Enregistrer", Mode: choixEnregistrer,
		Usage: usageExports, Extensions: []string{".csv"}, Nom: "examen-occupation-" + s.rv.Date.ISO() + ".csv"}, func(path string) {
		if w := creerChoisi(s.shell.fenetre(), path); w != nil {
			s.exportTo(w, filepath.Base(path))
		}
	})
}

// resumeExamen is the summary of a review shown above its lists.
func resumeExamen(rv *app.Revue) string {
	en := 0
	for i := range rv.Examens {
		if rv.Examens[i].AnySituation() {
			en++
		}
	}
	quels := "ménages logés examinés"
	if !rv.Avant.IsZero() {
		quels = "ménages logés dont l'examen triennal est dû avant le " + rv.Avant.String()
	}
	return fmt.Sprintf("Examen au %s : %s %s, %s dans au moins une des cinq situations de l'article L.442-5-2, %s marqués à présenter en commission. "+
		"L'indicateur « typologie » de la politique (priorité de mutation) est compté à part.",
		rv.Date.String(), nombreFR(len(rv.Examens)), quels, nombreFR(en), nombreFR(len(rv.Presente)))
}

// exportTo writes the review's CSV (the file of `logis occupation`) to w.
func (s *Occupation) exportTo(w interface {
	Write([]byte) (int, error)
	Close() error
}, name string) {
	// A copy of the marks: the user may mark households while the file is written.
	rv := *s.rv
	rv.Presente = make(map[string]bool, len(s.rv.Presente))
	for k, v := range s.rv.Presente {
		rv.Presente[k] = v
	}
	enFond(&s.bg, s.shell.journal(), "export examen",
		func() (struct{}, error) {
			err := rv.WriteCSV(w)
			if cerr := w.Close(); err == nil {
				err = cerr
			}
			return struct{}{}, err
		},
		func(_ struct{}, err error) {
			if err != nil {
				Erreur(s.shell.fenetre(), model.Errorf(model.EINVALID, "L'export « %s » a échoué : le fichier est peut-être incomplet.", name))
				return
			}
			if err := s.app.Journaliser(fmt.Sprintf("Export : examen d'occupation (%d ménages) vers %s", len(rv.Examens), name)); err != nil {
				s.shell.journal().Error("journal de l'export", "err", err)
			}
			s.shell.confirmer(fmt.Sprintf("Examen exporté dans « %s » (%s ménages)", name, nombreFR(len(rv.Examens))))
		})
}

// prepareCapture runs the review and selects the first household (captures).
func (s *Occupation) prepareCapture() {
	s.onRun()
	s.waitIdle()
	if len(s.rows) > 0 {
		s.menages.Select(0)
	}
}

// pourcentFR writes a progress bar's value the French way: « 35 % ».
func pourcentFR(p *widget.ProgressBar) func() string {
	return func() string {
		if p.Max <= p.Min {
			return ""
		}
		return fmt.Sprintf("%d\u00a0%%", int(100*(p.Value-p.Min)/(p.Max-p.Min)))
	}
}

// occMatchesWords reports whether every word is found in the household's
// ID, dwelling, commune or name (words already folded).
func occMatchesWords(e *model.Examen, cat *app.Catalogue, words []string) bool {
	key := model.Fold(e.Menage + " " + e.Logement + " " + e.Commune)
	if r := cat.Menage(e.Menage); r != nil {
		key += " " + model.Fold(r.Nom)
	}
	for _, w := range words {
		if !strings.Contains(key, w) {
			return false
		}
	}
	return true
}
