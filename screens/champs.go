package screens

// Form helpers shared by every screen: typed entries with an inline French
// message, and a Form that collects errors, enables « Enregistrer » only when
// everything is valid, tracks unsaved changes and asks before losing them.

import (
	"errors"
	"strconv"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"logis/app"
	"logis/model"
)

// Validable is anything a Form checks before saving.
type Validable interface {
	// Err is the field's current error, nil when valid.
	Err() error
	// Libelle is the field's label, used in the list of errors.
	Libelle() string
}

// entree is a widget.Entry that reports focus loss (to reformat its value)
// and Échap (to close the dialog it sits in).
type entree struct {
	widget.Entry
	onBlur  func()
	touche  func(k *fyne.KeyEvent) bool // a key the field's owner handles first (true: handled)
	focused bool                        // the keyboard is in the field (the agent may be typing)
	// erased: a selection was replaced by typing; afterErase is the text
	// between the erasing and the typing (one Ctrl+Z undoes both).
	erased     bool
	afterErase string
}

func newEntree() *entree {
	e := &entree{}
	e.ExtendBaseWidget(e)
	return e
}

// AcceptsTab is false even for a multi-line field: Tab and Maj+Tab always
// go to the next or previous field (a tab character has no use in Logis's
// texts; a multi-line field that kept Tab was a trap for the keyboard).
func (e *entree) AcceptsTab() bool { return false }

// FocusGained notes that the agent is in the field.
func (e *entree) FocusGained() {
	e.focused = true
	e.Entry.FocusGained()
	scrollIntoView(e) // Tab to a field below the visible part scrolls to it
}

// FocusLost reformats the value when the user leaves the field.
func (e *entree) FocusLost() {
	e.focused = false
	e.Entry.FocusLost()
	if e.onBlur != nil {
		e.onBlur()
	}
}

// TypedKey passes Échap to the window (to close a dialog).
func (e *entree) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && escapeHook != nil && escapeHook(fyne.CurrentApp().Driver().CanvasForObject(e)) {
		return
	}
	if e.touche != nil && e.touche(k) {
		return
	}
	e.Entry.TypedKey(k)
}

// TypedRune notes the text left once a selection is replaced by typing,
// so that one Ctrl+Z brings the replaced text back (issue 12, item 10).
func (e *entree) TypedRune(r rune) {
	replacing := e.SelectedText() != ""
	e.Entry.TypedRune(r)
	if replacing {
		e.afterErase, e.erased = withoutRuneBeforeCursor(e.Text, e.CursorRow, e.CursorColumn), true
	}
}

// withoutRuneBeforeCursor is text without the rune just before the cursor.
func withoutRuneBeforeCursor(text string, row, col int) string {
	lines := strings.Split(text, "\n")
	if row < 0 || row >= len(lines) {
		return text
	}
	l := []rune(lines[row])
	if col < 1 || col > len(l) {
		return text
	}
	lines[row] = string(l[:col-1]) + string(l[col:])
	return strings.Join(lines, "\n")
}

// TypedShortcut passes the window's own shortcuts (Ctrl+F, Ctrl+N, Ctrl+S, Ctrl+B, Ctrl+E) on to the
// window, which an entry would otherwise swallow. Ctrl+Z after a selection
// replaced by typing restores the selection's text in one step (Fyne undoes
// the typing, then the erasing).
func (e *entree) TypedShortcut(s fyne.Shortcut) {
	if _, ok := s.(*fyne.ShortcutUndo); ok {
		erased, after := e.erased, e.afterErase
		e.erased = false
		e.Entry.TypedShortcut(s)
		if !erased {
			return
		}
		// Fyne keeps typing with pauses or separators as several steps:
		// undo them all down to the text left by the erasing, then the
		// erasing itself (essai-12b N5: the field went through « » first).
		for i := 0; i < 1000 && e.Text != after; i++ {
			before := e.Text
			e.Entry.TypedShortcut(s)
			if e.Text == before {
				return // nothing left to undo
			}
		}
		if e.Text == after {
			e.Entry.TypedShortcut(s)
		}
		return
	}
	if raccourciFenetre(e, s) {
		return
	}
	e.Entry.TypedShortcut(s)
}

// raccourciFenetre passes the window's own shortcuts (Ctrl+F, Ctrl+N,
// Ctrl+S, Ctrl+B, Ctrl+E) typed in field o on to o's window, which a Fyne
// entry would otherwise swallow; false for any other shortcut (the field's
// own: copy, paste, undo…).
func raccourciFenetre(o fyne.CanvasObject, s fyne.Shortcut) bool {
	cs, ok := s.(*desktop.CustomShortcut)
	if !ok || (cs.KeyName != fyne.KeyF && cs.KeyName != fyne.KeyN && cs.KeyName != fyne.KeyS && cs.KeyName != fyne.KeyB && cs.KeyName != fyne.KeyE) {
		return false
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(o)
	if c == nil {
		return false
	}
	sc, ok := c.(fyne.Shortcutable)
	if !ok {
		return false
	}
	sc.TypedShortcut(s)
	return true
}

// saisieChoix is a text field with a list of usual values (a Fyne
// SelectEntry: « Logement adapté », a member's « Qualité ») that passes the
// window's shortcuts on as entree does (essai-12b N4: Ctrl+S and Ctrl+E
// did nothing from it).
type saisieChoix struct{ widget.SelectEntry }

// newSaisieChoix is widget.NewSelectEntry(options) as a saisieChoix.
func newSaisieChoix(options []string) *saisieChoix {
	e := &saisieChoix{}
	e.ExtendBaseWidget(e)
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.SetOptions(options)
	return e
}

// TypedShortcut passes the window's shortcuts on (raccourciFenetre).
func (e *saisieChoix) TypedShortcut(s fyne.Shortcut) {
	if raccourciFenetre(e, s) {
		return
	}
	e.SelectEntry.TypedShortcut(s)
}

// escapeHook closes the top dialog of canvas c and reports whether there
// was one.
var escapeHook func(c fyne.Canvas) bool

// Champ is a text entry with a label, a parser and an inline message.
type Champ struct {
	Label    string
	Entry    *entree
	Message  *widget.Label
	Required bool
	check    func(string) error // nil: any text
	format   func(string) string
	// requis, when set, names why an empty field is needed after all (other
	// fields filled that cannot be saved without it); "" when it is not.
	requis func() string
	// requisCourt is the line shown under the field when requis applies
	// (the whole reason, in the form's summary, is longer than the line).
	requisCourt string
	court       string // the line under the field for the current error, "" for err itself
	err         error
	form        *Form
	loading     bool
	suivi       bool // its form compares its value with the one loaded (Form.Add)
	pause       int  // generation of the pending « show the message » timer
	// OnChanged is called after each valid or invalid change (after the form).
	OnChanged func()
}

// messagePause is how long the agent stops typing before the field's error
// is shown (issue 12, item 7: never « « 15/ » n'est pas une date » after the
// third character); leaving the field shows it at once.
const messagePause = 1200 * time.Millisecond

// NewChamp builds a free-text field.
func NewChamp(label string, required bool) *Champ {
	c := &Champ{Label: label, Entry: newEntree(), Message: widget.NewLabel(""), Required: required}
	c.Message.Importance = widget.DangerImportance
	c.Message.TextStyle = fyne.TextStyle{Italic: true}
	// One line, cut with « … » if ever longer: the line reserved under the
	// field holds it and nothing below moves (essai-12 F4); the whole
	// message is in the form's summary.
	c.Message.Wrapping = fyne.TextWrapOff
	c.Message.Truncation = fyne.TextTruncateEllipsis
	c.Message.Hide()
	c.Entry.OnChanged = func(string) { c.changed() }
	c.Entry.onBlur = func() {
		c.showMessage(true)
		if c.format != nil && c.err == nil && strings.TrimSpace(c.Entry.Text) != "" {
			if f := c.format(c.Entry.Text); f != c.Entry.Text {
				c.loading = true
				c.Entry.SetText(f)
				c.loading = false
			}
		}
	}
	return c
}

// Libelle implements Validable.
func (c *Champ) Libelle() string { return c.Label }

// Err implements Validable.
func (c *Champ) Err() error { return c.err }

// Object is the entry and its message, one above the other.
// The message's line is reserved, so the layout does not jump.
func (c *Champ) Object() fyne.CanvasObject {
	return container.NewVBox(c.Entry, reserveLines(c.Message, 1))
}

// Text is the trimmed text.
func (c *Champ) Text() string { return strings.TrimSpace(c.Entry.Text) }

// SetText sets the value without marking the form as changed.
func (c *Champ) SetText(s string) {
	c.loading = true
	c.Entry.SetText(s)
	c.loading = false
	c.validate()
}

func (c *Champ) validate() {
	s := strings.TrimSpace(c.Entry.Text)
	c.err, c.court = nil, ""
	switch {
	case s == "" && c.Required:
		c.err = model.Errorf(model.EINVALID, "%s : obligatoire.", c.Label)
	case s == "" && c.requis != nil:
		if why := c.requis(); why != "" {
			c.err = model.Errorf(model.EINVALID, "%s : obligatoire, %s", c.Label, why)
			c.court = c.requisCourt
		}
	case s != "" && c.check != nil:
		if err := c.check(s); err != nil {
			c.err = model.Errorf(model.EINVALID, "%s", model.ErrorMessage(err))
		}
	}
	c.showMessage(false)
}

// showMessage shows the current error under the field, or hides it. While
// the agent types a new error, it waits for a pause (or for the field to be
// left, now); Enregistrer is greyed meanwhile all the same.
func (c *Champ) showMessage(now bool) {
	c.pause++
	if c.err == nil {
		if c.Message.Visible() {
			c.Message.Hide()
		}
		return
	}
	if c.court != "" {
		c.Message.SetText(c.court)
	} else {
		c.Message.SetText(c.err.Error())
	}
	if c.loading && strings.TrimSpace(c.Entry.Text) == "" {
		// An empty required field just loaded: nothing typed yet, the
		// summary lists it; its line says so once the agent leaves it.
		c.Message.Hide()
		return
	}
	if now || c.loading || !c.Entry.focused {
		c.Message.Show()
		return
	}
	// Typing: the line stays (reserved) but empty until a pause.
	c.Message.Hide()
	gen := c.pause
	time.AfterFunc(messagePause, func() {
		fyne.Do(func() {
			if c.pause == gen && c.err != nil {
				c.Message.Show()
			}
		})
	})
}

func (c *Champ) changed() {
	c.validate()
	if c.form != nil && !c.loading {
		c.form.change(c.suivi)
	}
	if c.OnChanged != nil {
		c.OnChanged()
	}
}

// NewChampDate builds a date field JJ/MM/AAAA.
func NewChampDate(label string, required bool) *Champ {
	c := NewChamp(label, required)
	c.Entry.SetPlaceHolder("JJ/MM/AAAA")
	c.check = func(s string) error { _, err := model.ParseDate(s); return err }
	c.format = func(s string) string { d, _ := model.ParseDate(s); return d.String() }
	return c
}

// Date returns the date typed (zero when empty or invalid).
func (c *Champ) Date() model.Date { d, _ := model.ParseDate(c.Text()); return d }

// SetDate shows a date.
func (c *Champ) SetDate(d model.Date) { c.SetText(d.String()) }

// NewChampMontant builds an amount field in euros, shown « 1 234,56 € ».
func NewChampMontant(label string, required bool) *Champ {
	c := NewChamp(label, required)
	c.Entry.SetPlaceHolder("0,00 €")
	c.check = func(s string) error {
		v, err := model.ParseCents(s)
		if errors.Is(err, model.ErrAmbigu) {
			return err
		} else if err != nil {
			return model.Errorf(model.EINVALID, "« %s » n'est pas un montant (ex. 1 234,56).", s)
		}
		if v < 0 {
			return model.Errorf(model.EINVALID, "Le montant ne peut pas être négatif.")
		}
		return nil
	}
	c.format = func(s string) string { v, _ := model.ParseCents(s); return v.String() }
	return c
}

// Cents returns the amount typed (0 when empty or invalid).
func (c *Champ) Cents() model.Cents { v, _ := model.ParseCents(c.Text()); return v }

// SetCents shows an amount.
func (c *Champ) SetCents(v model.Cents) { c.SetText(v.String()) }

// NewChampEntier builds an integer field between min and max.
func NewChampEntier(label string, required bool, min, max int) *Champ {
	c := NewChamp(label, required)
	c.check = func(s string) error {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			return model.Errorf(model.EINVALID, "« %s » n'est pas un nombre entier.", s)
		}
		if n < min || n > max {
			return model.Errorf(model.EINVALID, "Doit aller de %d à %d.", min, max)
		}
		return nil
	}
	return c
}

// Int returns the integer typed (0 when empty or invalid).
func (c *Champ) Int() int { n, _ := strconv.Atoi(c.Text()); return n }

// SetInt shows an integer.
func (c *Champ) SetInt(n int) { c.SetText(strconv.Itoa(n)) }

// NewChampDecimal builds a decimal field (French comma) in [min, max];
// unit is appended when the value is shown (« m² »).
func NewChampDecimal(label string, required bool, min, max float64, unit string) *Champ {
	c := NewChamp(label, required)
	c.check = func(s string) error {
		v, err := model.ParseDecimal(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), unit)))
		if err != nil {
			return model.Errorf(model.EINVALID, "« %s » n'est pas un nombre (ex. 12,5).", s)
		}
		if v < min || v > max {
			return model.Errorf(model.EINVALID, "Doit être compris entre %s et %s%s.", model.FormatNumber(min, 2), model.FormatNumber(max, 2), suffix(unit))
		}
		return nil
	}
	c.format = func(s string) string { return model.FormatNumber(c.Float(), 2) + suffix(unit) }
	return c
}

// NewChampSurface builds a habitable surface field in m².
func NewChampSurface(label string, required bool) *Champ {
	return NewChampDecimal(label, required, 0.01, 1000, "m²")
}

func suffix(unit string) string {
	if unit == "" {
		return ""
	}
	return "\u00a0" + unit
}

// Float returns the number typed, unit removed (0 when empty or invalid).
func (c *Champ) Float() float64 {
	s := c.Text()
	if i := strings.IndexFunc(s, func(r rune) bool {
		return r != ' ' && r != '\u00a0' && r != ',' && r != '.' && r != '-' && (r < '0' || r > '9')
	}); i >= 0 {
		s = s[:i]
	}
	v, _ := model.ParseDecimal(strings.TrimSpace(s))
	return v
}

// SetFloat shows a number with its unit.
func (c *Champ) SetFloat(v float64) {
	if c.format != nil {
		c.SetText(model.FormatNumber(v, 2))
		c.SetText(c.format(c.Entry.Text))
		return
	}
	c.SetText(model.FormatNumber(v, 2))
}

// OuiNon is a yes/no check box tied to a form. Lay out its Check (the
// widget itself), not the OuiNon, so that it redraws when it changes.
type OuiNon struct {
	Check   *caseACocher
	loading bool
	suivi   bool // its form compares its value with the one loaded (Form.SuivreCases)
}

// NewOuiNon builds a check box; f may be nil.
func NewOuiNon(label string, f *Form) *OuiNon {
	o := &OuiNon{}
	o.Check = newCase(label, func(bool) {
		if f != nil && !o.loading {
			f.change(o.suivi)
		}
	})
	return o
}

// Set checks or unchecks without marking the form as changed.
func (o *OuiNon) Set(b bool) { o.loading = true; o.Check.SetChecked(b); o.loading = false }

// Choix is a select with a label, required or not.
type Choix struct {
	Label    string
	Select   *deroulant
	Required bool
	form     *Form
	loading  bool
	suivi    bool // its form compares its value with the one loaded (Form.Add)
	// OnChanged is called after each change.
	OnChanged func(string)
}

// NewChoix builds a select among options.
func NewChoix(label string, options []string, required bool) *Choix {
	c := &Choix{Label: label, Required: required}
	c.Select = newDeroulant(options, func(s string) {
		if c.form != nil && !c.loading {
			c.form.change(c.suivi)
		}
		if c.OnChanged != nil {
			c.OnChanged(s)
		}
	})
	c.Select.PlaceHolder = "(choisir)"
	return c
}

// Libelle implements Validable.
func (c *Choix) Libelle() string { return c.Label }

// Err implements Validable.
func (c *Choix) Err() error {
	if c.Required && c.Select.Selected == "" {
		return model.Errorf(model.EINVALID, "%s : obligatoire.", c.Label)
	}
	return nil
}

// Value is the selected option ("" when none).
func (c *Choix) Value() string { return c.Select.Selected }

// Set selects an option without marking the form as changed.
func (c *Choix) Set(s string) {
	c.loading = true
	if s == "" {
		c.Select.ClearSelected()
	} else {
		c.Select.SetSelected(s)
	}
	c.loading = false
}

// TypologieOptions are « T1 » … « T6 et + ».
func TypologieOptions() []string {
	out := make([]string, 6)
	for i := range out {
		out[i] = model.TypologieLabel(i + 1)
	}
	return out
}

// FinancementOptions are PLAI, PLUS, PLS, PLI.
func FinancementOptions() []string {
	out := make([]string, len(model.Financements))
	for i, f := range model.Financements {
		out[i] = string(f)
	}
	return out
}

// officeCommunes is the office's list of communes (Paramètres), loaded when
// the window opens and when the list is saved.
var officeCommunes = struct {
	sync.Mutex
	list []model.CommuneOffice
}{list: model.DefaultCommunes()}

// setOfficeCommunes replaces the list the forms offer.
func setOfficeCommunes(list []model.CommuneOffice) {
	officeCommunes.Lock()
	officeCommunes.list = append([]model.CommuneOffice(nil), list...)
	officeCommunes.Unlock()
}

// OfficeCommunes returns the office's communes with their postal codes.
func OfficeCommunes() []model.CommuneOffice {
	officeCommunes.Lock()
	defer officeCommunes.Unlock()
	return append([]model.CommuneOffice(nil), officeCommunes.list...)
}

// CommuneOptions are the office's communes.
func CommuneOptions() []string {
	var out []string
	for _, c := range OfficeCommunes() {
		out = append(out, c.Nom)
	}
	return out
}

// checkTexte returns a field check for free text of at most max characters
// (model.CheckTexte: no control character, no garbled text).
func checkTexte(label string, max int) func(string) error {
	return func(s string) error {
		if err := model.CheckTexte(s, max); err != nil {
			return model.Errorf(model.EINVALID, "%s : la valeur %s.", label, model.ErrorMessage(err))
		}
		return nil
	}
}

// NewChampDatePassee builds a date field for a date that has already
// happened (not after today, not before 1900); what names it in messages.
func NewChampDatePassee(label string, required bool, what string, today func() model.Date) *Champ {
	c := NewChampDate(label, required)
	c.check = func(s string) error {
		d, err := model.ParseDate(s)
		if err != nil {
			return err
		}
		return model.CheckPassee(what, d, today())
	}
	return c
}

// Form gathers the fields of one record: it enables Enregistrer only when
// every field is valid and tracks unsaved changes.
type Form struct {
	Save    *bouton
	Summary *widget.Label // the errors, one per line (hidden when none)
	fields  []Validable
	dirty   bool
	// valeurs read the values the form compares with those loaded or saved
	// (initiales): a field brought back to its stored value is no change.
	valeurs   []func() string
	initiales []string
	// autre: a change no value records (a member added or removed…),
	// kept until the form is saved or loaded again.
	autre bool
	// compare: Clean took the values loaded; before, any change counts.
	compare bool
	// OnDirty is called when the unsaved state changes.
	OnDirty func(bool)
	// Extra is an optional cross-field check run after the fields.
	Extra func() []string
	// OnChange is called after each change made by the user.
	OnChange func()
	// Objet names what the form edits in « Les modifications … n'ont pas
	// été enregistrées » (« de cette décision »); "" says « de cette fiche ».
	Objet string
}

// NewForm builds a form whose Enregistrer button runs onSave.
func NewForm(onSave func()) *Form {
	f := &Form{Summary: widget.NewLabel("")}
	f.Save = newBoutonIcone("Enregistrer", theme.DocumentSaveIcon(), onSave)
	f.Save.Importance = widget.HighImportance
	f.Summary.Importance = widget.DangerImportance
	f.Summary.Wrapping = fyne.TextWrapWord
	f.Summary.Hide()
	return f
}

// Add registers fields (Champ, Choix or any Validable).
func (f *Form) Add(fields ...Validable) {
	for _, v := range fields {
		switch c := v.(type) {
		case *Champ:
			c.form, c.suivi = f, true
			f.Suivre(func() string { return c.Entry.Text })
		case *Choix:
			c.form, c.suivi = f, true
			f.Suivre(func() string { return c.Select.Selected })
		}
		f.fields = append(f.fields, v)
	}
}

// Errors lists the French messages of invalid fields.
func (f *Form) Errors() []string {
	var out []string
	for _, v := range f.fields {
		if c, ok := v.(*Champ); ok && c.requis != nil {
			c.validate() // its need depends on other fields
		}
		if err := v.Err(); err != nil {
			out = append(out, err.Error())
		}
	}
	if f.Extra != nil {
		out = append(out, f.Extra()...)
	}
	return out
}

// Valid reports whether every field is valid.
func (f *Form) Valid() bool { return len(f.Errors()) == 0 }

// Dirty reports unsaved changes.
func (f *Form) Dirty() bool { return f.dirty }

// Suivre adds a value the form compares with the one loaded: a change of
// it made by the user is reported with Modifie, and undone when the value
// comes back (Ctrl+Z, a box ticked again).
func (f *Form) Suivre(valeur func() string) {
	f.valeurs = append(f.valeurs, valeur)
	f.initiales = append(f.initiales, valeur())
}

// SuivreCases follows check boxes of the form (see Suivre).
func (f *Form) SuivreCases(cases ...*OuiNon) {
	for _, o := range cases {
		o.suivi = true
		f.Suivre(func() string { return strconv.FormatBool(o.Check.Checked) })
	}
}

// change notes a change made by the user in a widget of the form: a
// followed one (suivi) is compared with its value loaded, another marks the
// form changed until it is saved (Touch).
func (f *Form) change(suivi bool) {
	if suivi {
		f.Modifie()
	} else {
		f.Touch()
	}
}

// differe reports a followed value away from the one loaded or saved.
func (f *Form) differe() bool {
	for i, v := range f.valeurs {
		if v() != f.initiales[i] {
			return true
		}
	}
	return false
}

// Touch marks the form as changed by something no followed value records
// (a member added…): changed until saved or loaded again; it revalidates.
func (f *Form) Touch() {
	f.autre = true
	f.Modifie()
}

// Modifie notes a change of a followed value: the form is changed while a
// value differs from the one loaded (or Touch was called); it revalidates.
func (f *Form) Modifie() {
	was := f.dirty
	f.dirty = f.autre || !f.compare || f.differe()
	f.Check()
	if was != f.dirty && f.OnDirty != nil {
		f.OnDirty(f.dirty)
	}
	if !was && f.OnDirty != nil {
		f.OnDirty(true)
	}
	if f.OnChange != nil {
		f.OnChange()
	}
}

// Check revalidates: the summary shows the errors and Enregistrer is
// enabled only when there are none and something changed.
func (f *Form) Check() {
	errs := f.Errors()
	if len(errs) > 0 {
		f.Summary.SetText(strings.Join(errs, "\n"))
		f.Summary.Show()
	} else {
		f.Summary.Hide()
	}
	if len(errs) == 0 && f.dirty {
		f.Save.Enable()
	} else {
		f.Save.Disable()
	}
}

// Clean marks the form as saved (or freshly loaded): the values shown
// become those compared with.
func (f *Form) Clean() {
	was := f.dirty
	f.dirty, f.autre, f.compare = false, false, true
	for i, v := range f.valeurs {
		f.initiales[i] = v()
	}
	f.Check()
	if was && f.OnDirty != nil {
		f.OnDirty(false)
	}
}

// SetDirty marks the form changed without a field (e.g. a member removed).
func (f *Form) SetDirty() { f.Touch() }

// ConfirmLeave runs then() at once when nothing changed; otherwise it asks
// « Enregistrer les modifications ? »: Enregistrer runs save (which reports
// success) then then(); Ne pas enregistrer runs then(); Annuler stays.
func (f *Form) ConfirmLeave(win fyne.Window, save func() bool, then func()) {
	if !f.dirty {
		then()
		return
	}
	confirmerModifications(win, f.Valid(), save, then, nil, f.Objet)
}

// ConfirmLeaveOr is ConfirmLeave with cancel run when the user stays
// (Annuler, Échap, or a failed save).
func (f *Form) ConfirmLeaveOr(win fyne.Window, save func() bool, then, cancel func()) {
	if !f.dirty {
		then()
		return
	}
	confirmerModifications(win, f.Valid(), save, then, cancel, f.Objet)
}

// ConfirmerModifications is the three-button question asked before losing
// changes; canSave is false when the form is invalid (Enregistrer disabled).
func ConfirmerModifications(win fyne.Window, canSave bool, save func() bool, then func()) {
	confirmerModifications(win, canSave, save, then, nil, "")
}

// confirmerModifications asks the question; objet names what was changed
// (« de cette décision »; "" for « de cette fiche »).
func confirmerModifications(win fyne.Window, canSave bool, save func() bool, then, cancel func(), objet string) {
	if cancel == nil {
		cancel = func() {}
	}
	if objet == "" {
		objet = "de cette fiche"
	}
	decided := false
	msg := widget.NewLabel("Les modifications " + objet + " n'ont pas été enregistrées.")
	d := dialog.NewCustomWithoutButtons("Enregistrer les modifications ?", msg, win)
	bSave := newBouton("Enregistrer", func() {
		decided = true
		d.Hide()
		if save() {
			then()
		} else {
			cancel()
		}
	})
	bSave.Importance = widget.HighImportance
	if !canSave {
		bSave.Disable()
	}
	bDrop := newBouton("Ne pas enregistrer", func() { decided = true; d.Hide(); then() })
	bCancel := newBouton("Annuler", func() { d.Hide() })
	d.SetButtons([]fyne.CanvasObject{bCancel, bDrop, bSave})
	showDialogDefault(d, bSave)
	d.SetOnClosed(func() {
		if !decided {
			cancel()
		}
	})
}

// Confirmer asks a yes/no question with French buttons; yes runs ok.
func Confirmer(win fyne.Window, title, message, yes string, ok func()) {
	lbl := widget.NewLabel(message)
	lbl.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomWithoutButtons(title, messageBox(lbl, 420, 90), win)
	bYes := newBouton(yes, func() { d.Hide(); ok() })
	bYes.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{newBouton("Annuler", d.Hide), bYes})
	showDialogDefault(d, bYes)
}

// Supprimer asks to confirm a deletion, runs del, shows its error if any,
// and calls after once the record is gone.
func Supprimer(win fyne.Window, title, message string, del func() error, after func()) {
	Confirmer(win, title, message, "Supprimer", func() {
		if err := del(); err != nil {
			Erreur(win, err)
			return
		}
		after()
	})
}

// Erreur shows a French error message.
func Erreur(win fyne.Window, err error) {
	lbl := widget.NewLabel(model.ErrorMessage(err))
	lbl.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomWithoutButtons("Opération impossible", messageBox(lbl, 480, 90), win)
	bClose := newBouton("Fermer", d.Hide)
	d.SetButtons([]fyne.CanvasObject{bClose})
	showDialogDefault(d, bClose)
}

// messageBox gives a wrapped message a width, and a scroll bar when it is
// longer than the height.
func messageBox(lbl *widget.Label, w, h float32) fyne.CanvasObject {
	sc := container.NewVScroll(lbl)
	sc.SetMinSize(fyne.NewSize(w, h))
	return sc
}

// openDialogs is the stack of dialogs shown through showDialog, so Échap
// closes the top one.
var openDialogs []shownDialog

// shownDialog is a dialog and the overlay that shows it.
type shownDialog struct {
	dialog.Dialog
	overlay fyne.CanvasObject
	defaut  *bouton // tapped by Entrée and Ctrl+S; nil when none
	fermer  func()  // run by Échap instead of closing (a question before losing changes); nil: Échap closes
}

// showDialog shows d and lets Échap close it.
func showDialog(d dialog.Dialog) { showDialogDefault(d, nil) }

// showDialogDefault shows d, lets Échap close it and Entrée tap defaut
// (its default button; nil for none).
func showDialogDefault(d dialog.Dialog, defaut *bouton) {
	pruneDialogs() // entries of windows closed meanwhile
	before := map[fyne.CanvasObject]bool{}
	for _, o := range allOverlays() {
		before[o] = true
	}
	d.Show()
	e := shownDialog{Dialog: d, defaut: defaut}
	for _, o := range allOverlays() {
		if !before[o] {
			e.overlay = o
		}
	}
	openDialogs = append(openDialogs, e)
	d.SetOnClosed(func() {
		for i := len(openDialogs) - 1; i >= 0; i-- {
			if openDialogs[i].Dialog == d {
				openDialogs = append(openDialogs[:i], openDialogs[i+1:]...)
				break
			}
		}
	})
}

// showDialogFermer is showDialogDefault where Échap runs fermer instead of
// closing at once: fermer asks before dropping changes, then closes.
func showDialogFermer(d dialog.Dialog, defaut *bouton, fermer func()) {
	showDialogDefault(d, defaut)
	openDialogs[len(openDialogs)-1].fermer = fermer
}

// allOverlays lists the overlays of every open window.
func allOverlays() []fyne.CanvasObject {
	var out []fyne.CanvasObject
	if a := fyne.CurrentApp(); a != nil {
		for _, w := range a.Driver().AllWindows() {
			out = append(out, w.Canvas().Overlays().List()...)
		}
	}
	return out
}

// pruneDialogs drops dialogs no longer on screen (closed, or their window
// closed under them).
func pruneDialogs() {
	alive := map[fyne.CanvasObject]bool{}
	for _, o := range allOverlays() {
		alive[o] = true
	}
	// An entry whose overlay was never identified cannot be matched to what
	// is on screen: it is dropped rather than dismissed in place of the
	// visible dialog.
	kept := openDialogs[:0]
	for _, e := range openDialogs {
		if e.overlay != nil && alive[e.overlay] {
			kept = append(kept, e)
		}
	}
	openDialogs = kept
}

// closeTopDialog dismisses the most recent dialog; false when none.
func closeTopDialog() bool {
	pruneDialogs()
	if len(openDialogs) == 0 {
		return false
	}
	openDialogs[len(openDialogs)-1].Dismiss()
	return true
}

// closeOnEscape closes the top dialog: one shown through showDialog is
// dismissed (its callback says no); any other overlay (a dialog of Fyne
// shown directly, an open select) is hidden.
func closeOnEscape(c fyne.Canvas) bool {
	pruneDialogs()
	var top fyne.CanvasObject
	if c != nil {
		top = c.Overlays().Top()
	}
	if n := len(openDialogs); n > 0 && (top == nil || openDialogs[n-1].overlay == top) {
		if f := openDialogs[n-1].fermer; f != nil {
			f()
		} else {
			openDialogs[n-1].Dismiss()
		}
		return true
	}
	if top != nil {
		top.Hide()
		return true
	}
	return false
}

func init() { escapeHook = closeOnEscape }

// Ligne is a label above a field, for forms laid out in a grid.
func Ligne(label string, field fyne.CanvasObject) fyne.CanvasObject {
	l := widget.NewLabel(label)
	l.TextStyle = fyne.TextStyle{Bold: true}
	return container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(190, l.MinSize().Height), l), nil, field)
}

// tri reads a yes/no/any filter from the option selected: oui, non, or
// any for the other choices (« Tous… »).
func tri(selected, oui, non string) app.Tri {
	switch selected {
	case oui:
		return app.Oui
	case non:
		return app.Non
	}
	return app.Tous
}

// newMotDePasse is a password field (an entree: the window's shortcuts
// work from it), with the eye that shows or hides what was typed.
func newMotDePasse() *entree {
	e := newEntree()
	e.Password = true
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	o := &oeil{e: e, icone: canvas.NewImageFromResource(theme.VisibilityOffIcon())}
	o.icone.FillMode = canvas.ImageFillContain
	o.ExtendBaseWidget(o)
	e.ActionItem = o
	return e
}

// oeil shows or hides a password field's text when clicked.
type oeil struct {
	widget.BaseWidget
	e     *entree
	icone *canvas.Image
}

func (o *oeil) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(o.icone) }

// MinSize is an inline icon's.
func (o *oeil) MinSize() fyne.Size {
	return fyne.NewSquareSize(theme.IconInlineSize() + 2*theme.Padding())
}

// Tapped shows or hides the text.
func (o *oeil) Tapped(*fyne.PointEvent) {
	o.e.Password = !o.e.Password
	if o.e.Password {
		o.icone.Resource = theme.VisibilityOffIcon()
	} else {
		o.icone.Resource = theme.VisibilityIcon()
	}
	o.icone.Refresh()
	o.e.Refresh()
}
