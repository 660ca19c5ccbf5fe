package app

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"example.org/psyplan/format"
	"example.org/psyplan/plan"
)

// column is one column of a record table: how it shows in the table, how
// it reads in the form under it, and how a typed value goes into the plan.
type column struct {
	title   string
	field   string                           // the plan file's name, to place its messages
	width   float32                          // in the table
	value   func(p *plan.Plan, i int) string // in the form (and the table, unless show is set)
	show    func(p *plan.Plan, i int) string // in the table, formatted for people
	set     func(p *plan.Plan, i int, text string) error
	choices func(p *plan.Plan) []string    // a drop-down rather than typing
	check   bool                           // a tick box: value and set use "yes" and "no"
	enabled func(p *plan.Plan, i int) bool // when the field can be typed in, if not always
	open    bool                           // with choices: a drop-down that can be typed in too
	hint    string
	help    string // a planner's explanation, beside (or under) the field in the form
	// tableOnly shows the column in the table but not in the form (a
	// figure worked out, which the form would only repeat).
	tableOnly bool
	blank     string // what an empty field means, when it means a value ("0")
	// part, if set, is the form's control instead of a field: a list of
	// the record's own (a post line's funded-post changes), made with the
	// form and refreshed with it. set then serves only pasted rows.
	part func(parent *recordTable) formPart
	// note, if set, is said under the form once a typed value is kept:
	// a warning that does not refuse it (a service area near another).
	note func(p *plan.Plan, i int) string
}

// formPart is a column's own control in the form; refresh shows the
// record as it now is (anew: another record was chosen).
type formPart struct {
	object  fyne.CanvasObject
	refresh func(anew bool)
	table   *recordTable // the part's own list, if it has one
}

// refusal is a typed value the plan refused, still in its field.
type refusal struct{ text, why string }

// same tells whether the typed text already says what the plan holds,
// so the form leaves it as typed.
func (c column) same(typed, value string) bool {
	if strings.TrimSpace(typed) == "" && c.blank != "" {
		typed = c.blank
	}
	return sameValue(typed, value) || sameMonth(typed, value)
}

// records describes a list in the plan (post lines, cohorts...) for a
// recordTable: how many there are, their columns, and how to add and
// remove one.
type records struct {
	noun    string             // "post line", for buttons and messages
	list    string             // the plan file's path of the list: "posts"
	listOf  func() string      // instead of list, when the list's place changes (a scenario's)
	pathOf  func(i int) string // instead of list[i], for lists the file keys otherwise
	count   func(p *plan.Plan) int
	columns []column
	add     func(p *plan.Plan) error
	remove  func(p *plan.Plan, i int)
	// source and edit replace the session's plan and its edits, for a
	// screen that holds a draft until it is valid (the Demand screen);
	// paste then refuses only what is wrong in the pasted rows themselves.
	source  func() *plan.Plan
	edit    func(key string, fn func(p *plan.Plan) error) error
	heading string  // before the table's buttons, if set
	tableAt float64 // the table's share of the height, the form's the rest (0: 0.6)
	beside  bool    // the form beside the table (its share of the width), not under it
	// selected is told the record chosen (-1: none), if set.
	selected func(i int)
}

// plan is the plan the table shows: the session's, or its source's.
func (rt *recordTable) plan() *plan.Plan {
	if rt.def.source != nil {
		return rt.def.source()
	}
	return rt.ui.session.Plan()
}

// edit changes the plan the table shows, as the session's Edit does.
func (rt *recordTable) edit(key string, fn func(p *plan.Plan) error) error {
	if rt.def.edit != nil {
		return rt.def.edit(key, fn)
	}
	return rt.ui.session.Edit(key, fn)
}

func (r *records) path(i int) string {
	if r.pathOf != nil {
		return r.pathOf(i)
	}
	list := r.list
	if r.listOf != nil {
		list = r.listOf()
	}
	return fmt.Sprintf("%s[%d]", list, i)
}

// recordTable shows a list of records in a table, with a form under it
// for the selected record. Every change in the form is an edit of the
// session: saved at once when valid, refused with its message when not.
type recordTable struct {
	ui       *UI
	def      *records
	table    *widget.Table
	selected int
	fitted   map[string]string   // per column title, the names it was last widened to fit
	fields   []fyne.CanvasObject // per column: *widget.Entry, *widget.Select, *widget.Check or *widget.Label
	form     *fyne.Container
	formB    *fyne.Container // the form's second column
	hint     *widget.Label
	message  *widget.Label
	remove   *widget.Button
	loading  bool // the form is being filled from the plan, not typed in
	made     int  // cells the table has made: scrolling reuses them
	object   fyne.CanvasObject

	parts map[int]formPart
	// refused holds, per column, what was typed and refused, so that
	// putting the saved value back in its field can say so (notice).
	refused map[int]refusal
	notice  string
	// noticeCol is the column being typed in when notice was made: the
	// notice stays while the planner types there, and goes at the next.
	noticeCol int
	typing    int // the column being typed in (-1: none)
}

func newRecordTable(ui *UI, def *records) *recordTable {
	rt := &recordTable{ui: ui, def: def, selected: -1, parts: map[int]formPart{}, refused: map[int]refusal{},
		noticeCol: -1, typing: -1}
	rt.table = widget.NewTable(rt.size, func() fyne.CanvasObject {
		rt.made++
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}, rt.updateCell)
	rt.table.ShowHeaderRow = true
	rt.table.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	rt.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 && id.Col < len(def.columns) {
			o.(*widget.Label).SetText(def.columns[id.Col].title)
		}
	}
	for i, c := range def.columns {
		rt.table.SetColumnWidth(i, c.width)
	}
	rt.table.OnSelected = func(id widget.TableCellID) { rt.selectRow(id.Row) }

	rt.message = widget.NewLabel("")
	rt.message.Wrapping = fyne.TextWrapWord
	rt.message.Importance = widget.DangerImportance
	rt.form = container.New(layout.NewFormLayout())
	rt.formB = container.New(layout.NewFormLayout())
	for i := range def.columns {
		rt.fields = append(rt.fields, rt.field(i))
	}
	form := fyne.CanvasObject(container.NewGridWithColumns(2, rt.form, rt.formB))
	if rt.formColumns() <= 2 {
		form = rt.form // one column: each field as wide as the table
	}
	rt.hint = widget.NewLabel("")
	add := widget.NewButtonWithIcon("Add "+def.noun, theme.ContentAddIcon(), rt.addRecord)
	rt.remove = widget.NewButtonWithIcon("Delete "+def.noun, theme.DeleteIcon(), rt.removeRecord)
	paste := widget.NewButtonWithIcon("Paste rows", theme.ContentPasteIcon(), rt.pasteFromClipboard)
	tools := container.NewHBox(add, rt.remove, paste)
	if def.heading != "" {
		tools = container.NewHBox(widget.NewLabelWithStyle(def.heading, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), add, rt.remove, paste)
	}
	// what is wrong beside the line over the form, where it is seen
	// however tall the form (a post line's changes make it scroll)
	editor := container.NewVBox(container.NewBorder(nil, nil, rt.hint, nil, rt.message), form)
	split := container.NewVSplit(rt.table, container.NewVScroll(editor))
	if def.beside { // a short list inside another record's form, as narrow as it can be
		rt.hint.Wrapping = fyne.TextWrapWord
		editor = container.NewVBox(rt.hint, form, rt.message)
		split = container.NewHSplit(rt.table, container.NewVScroll(editor))
	}
	split.Offset = 0.6
	if def.tableAt > 0 {
		split.Offset = def.tableAt
	}
	rt.object = container.NewBorder(tools, nil, nil, nil, split)
	rt.refresh()
	return rt
}

func (rt *recordTable) size() (int, int) {
	p := rt.plan()
	if p == nil {
		return 0, len(rt.def.columns)
	}
	return rt.def.count(p), len(rt.def.columns)
}

func (rt *recordTable) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	p := rt.plan()
	if p == nil || id.Row >= rt.def.count(p) {
		return
	}
	c := rt.def.columns[id.Col]
	show := c.show
	if show == nil {
		show = c.value
	}
	// A table refresh asks every cell again, and a label set, even to the
	// words it has, lays its text out anew: on the national plan that was
	// a third of the window's time at each key typed.
	if l, text := o.(*widget.Label), show(p, id.Row); l.Text != text {
		l.SetText(text)
	}
}

// formColumns is how many columns the form shows.
func (rt *recordTable) formColumns() int {
	n := 0
	for _, c := range rt.def.columns {
		if !c.tableOnly {
			n++
		}
	}
	return n
}

// field makes the form's control for column i.
func (rt *recordTable) field(i int) fyne.CanvasObject {
	c := rt.def.columns[i]
	var o fyne.CanvasObject
	switch {
	case c.part != nil:
		part := c.part(rt)
		rt.parts[i] = part
		o = part.object
	case c.set == nil:
		o = widget.NewLabel("")
	case c.choices != nil && c.open:
		e := widget.NewSelectEntry(nil)
		e.PlaceHolder = c.hint
		e.OnChanged = func(v string) { rt.typed(i, v) }
		o = e
	case c.choices != nil:
		sel := widget.NewSelect(nil, func(v string) { rt.typed(i, v) })
		o = sel
	case c.check:
		o = widget.NewCheck("", func(on bool) { rt.typed(i, yesNo(on)) })
	default:
		e := widget.NewEntry()
		e.PlaceHolder = c.hint
		e.OnChanged = func(v string) { rt.typed(i, v) }
		o = e
	}
	if c.tableOnly {
		return o
	}
	k, n := 0, rt.formColumns() // the field's place among the form's
	for _, other := range rt.def.columns[:i] {
		if !other.tableOnly {
			k++
		}
	}
	form := rt.form
	if n > 2 && k >= (n+1)/2 {
		form = rt.formB
	}
	form.Add(widget.NewLabel(c.title))
	switch {
	case c.help == "":
		form.Add(o)
	case n <= 2: // a wide form: the explanation beside a field of a fixed width
		help := widget.NewLabel(c.help)
		help.Wrapping = fyne.TextWrapWord
		help.SizeName = theme.SizeNameCaptionText
		width := container.NewGridWrap(fyne.NewSize(240, o.MinSize().Height), o)
		form.Add(container.NewBorder(nil, nil, width, nil, help))
	default:
		help := widget.NewLabel(c.help)
		help.Wrapping = fyne.TextWrapWord
		help.SizeName = theme.SizeNameCaptionText
		form.Add(container.NewVBox(o, help))
	}
	return o
}

// typed puts what the planner typed into the plan, or says why not.
func (rt *recordTable) typed(col int, text string) {
	if rt.loading || rt.selected < 0 {
		return
	}
	c := rt.def.columns[col]
	row := rt.selected
	if col != rt.noticeCol {
		rt.notice = ""
	}
	rt.typing = col
	defer func() { rt.typing = -1 }()
	err := rt.edit(rt.def.path(row)+"."+c.field, func(p *plan.Plan) error {
		if row >= rt.def.count(p) {
			return fmt.Errorf("that %s is no longer there", rt.def.noun)
		}
		return c.set(p, row, text)
	})
	rt.showError(err, c.title)
	if err != nil {
		rt.notice = "" // the message says something else now
		why := strings.TrimPrefix(rt.message.Text, c.title+": ")
		rt.refused[col] = refusal{text: text, why: why}
		return
	}
	delete(rt.refused, col)
	if p := rt.plan(); c.note != nil && p != nil && row < rt.def.count(p) {
		rt.message.SetText(strings.TrimSpace(rt.message.Text + "\n" + c.note(p, row)))
	}
}

// putBack notes that the saved value went back into a field where a
// refused one was typed, so the planner knows it was not kept.
func (rt *recordTable) putBack(col int, shown string, anew bool) {
	r, ok := rt.refused[col]
	if !ok {
		return
	}
	delete(rt.refused, col)
	title := rt.def.columns[col].title
	line := fmt.Sprintf("%s is back to %s: %q was not kept (%s).", title, shown, r.text, r.why)
	if anew {
		line = fmt.Sprintf("%s: %q was not kept (%s).", title, r.text, r.why)
	}
	rt.notice = strings.TrimSpace(rt.notice + "\n" + line)
	rt.noticeCol = rt.typing
}

// showError says what is wrong in plain words: the column's title for a
// field of this record, the plan file's path for anything else.
func (rt *recordTable) showError(err error, title string) {
	if err == nil {
		rt.message.SetText(rt.notice) // a refused value put back, if any
		return
	}
	var errs plan.Errors
	if !errors.As(err, &errs) {
		rt.message.SetText(title + ": " + err.Error())
		return
	}
	lines := make([]string, 0, len(errs))
	for _, e := range errs {
		lines = append(lines, rt.describe(e))
	}
	rt.message.SetText(strings.Join(lines, "\n"))
}

func (rt *recordTable) describe(e plan.FieldError) string {
	if rt.selected >= 0 {
		prefix := rt.def.path(rt.selected) + "."
		for _, c := range rt.def.columns {
			if e.Path == prefix+c.field {
				return c.title + ": " + e.Msg
			}
		}
	}
	return plainError(e)
}

// selectFirst selects the first record, if there is one.
func (rt *recordTable) selectFirst() {
	if p := rt.plan(); p != nil && rt.def.count(p) > 0 {
		rt.table.Select(widget.TableCellID{Row: 0, Col: 0})
	}
}

func (rt *recordTable) selectRow(row int) {
	rt.selected = row
	rt.notice = ""
	rt.fill(true)
	rt.message.SetText(rt.notice)
	rt.notice = "" // said
	if rt.def.selected != nil {
		rt.def.selected(row)
	}
}

// refresh shows the plan as it now is.
func (rt *recordTable) refresh() {
	p := rt.plan()
	if p == nil || rt.selected >= rt.def.count(p) {
		was := rt.selected
		rt.selected = -1
		rt.table.UnselectAll()
		if was >= 0 && rt.def.selected != nil {
			rt.def.selected(-1)
		}
	}
	if p != nil {
		rt.fitColumn("Profession", professionNames(p))
		rt.fitColumn("Service area", planServiceAreas(p))
	}
	rt.table.Refresh()
	rt.loadForm()
}

// fitColumn widens the table's column of that title to the longest of
// names (up to maxFitWidth), so the table cuts none ("Psychological
// wellbeing ..." could be read nowhere but in the form). It measures only
// when the names changed.
func (rt *recordTable) fitColumn(title string, names []string) {
	key := strings.Join(names, "\x00")
	if rt.fitted[title] == key {
		return
	}
	if rt.fitted == nil {
		rt.fitted = map[string]string{}
	}
	rt.fitted[title] = key
	pad := 2*theme.InnerPadding() + theme.Padding()
	for i, c := range rt.def.columns {
		if c.title != title {
			continue
		}
		w := c.width
		for _, n := range names {
			w = max(w, min(fyne.MeasureText(n, theme.TextSize(), fyne.TextStyle{}).Width+pad, maxFitWidth))
		}
		rt.table.SetColumnWidth(i, w)
	}
}

// maxFitWidth is the widest a column grows to fit its names: a name
// longer than that is read whole in the form.
const maxFitWidth = 420

// loadForm fills the form from the selected record, leaving alone any
// field whose text already means the same (so typing "12." is not undone).
func (rt *recordTable) loadForm() { rt.fill(false) }

// fill fills the form; anew (another record chosen) writes every field as
// the record has it, so a blank that means 1 still shows 1.
func (rt *recordTable) fill(anew bool) {
	p := rt.plan()
	has := p != nil && rt.selected >= 0 && rt.selected < rt.def.count(p)
	rt.loading = true
	defer func() { rt.loading = false }()
	for i, c := range rt.def.columns {
		if part, ok := rt.parts[i]; ok {
			part.refresh(anew)
			continue
		}
		text := ""
		if has {
			text = c.value(p, rt.selected)
		}
		switch f := rt.fields[i].(type) {
		case *widget.Label:
			f.SetText(text)
		case *widget.Select:
			if p != nil {
				f.Options = c.choices(p)
			}
			switch {
			case f.Selected == text:
			case text == "": // no record: SetSelected would leave the last one's choice
				f.ClearSelected()
			default:
				f.SetSelected(text)
			}
			setEnabled(f, has)
		case *widget.Check:
			if on := text == yes; f.Checked != on {
				f.SetChecked(on)
			}
			setEnabled(f, has)
		case *widget.SelectEntry:
			if p != nil {
				f.SetOptions(c.choices(p))
			}
			rt.fillEntry(i, &f.Entry, text, text, anew)
			setEnabled(f, has)
		case *widget.Entry:
			rt.fillEntry(i, f, text, forForm(text), anew)
			setEnabled(f, has && (c.enabled == nil || c.enabled(p, rt.selected)))
		}
	}
	if rt.notice != "" {
		rt.message.SetText(rt.notice)
	}
	setEnabled(rt.remove, has)
	switch {
	case p == nil:
		rt.hint.SetText("")
	case has:
		rt.hint.SetText(fmt.Sprintf("Editing %s %d of %d: changes are saved as you type.", rt.def.noun, rt.selected+1, rt.def.count(p)))
	case rt.def.count(p) == 0:
		rt.hint.SetText(fmt.Sprintf("No %ss yet: add one, or paste rows copied from a spreadsheet.", rt.def.noun))
	default:
		rt.hint.SetText(fmt.Sprintf("Select a %s in the table to change it.", rt.def.noun))
	}
}

// fillEntry writes shown in column i's field unless what is there means
// the same as the plan's exact value or as shown (so "12." stays while
// typed, and 0.9 for 0.8986 is left alone); a refused value it replaces
// is said.
func (rt *recordTable) fillEntry(i int, f *widget.Entry, exact, shown string, anew bool) {
	c := rt.def.columns[i]
	if anew && f.Text != shown || !c.same(f.Text, exact) && !c.same(f.Text, shown) {
		if _, was := rt.refused[i]; was && f.Text != shown {
			rt.putBack(i, shown, anew)
		}
		f.SetText(shown)
	}
	delete(rt.refused, i) // the field says what is saved
}

type disableable interface {
	Enable()
	Disable()
}

func setEnabled(w disableable, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}

// sameValue tells whether two texts mean the same value: "12", "12.0"
// and "12." are the same number.
func sameValue(a, b string) bool {
	if a == b {
		return true
	}
	x, errA := format.ParseNumber(a)
	y, errB := format.ParseNumber(b)
	return errA == nil && errB == nil && x == y
}

func (rt *recordTable) addRecord() {
	var n int
	err := rt.edit("", func(p *plan.Plan) error {
		if err := rt.def.add(p); err != nil {
			return err
		}
		n = rt.def.count(p)
		return nil
	})
	if err != nil {
		rt.showError(err, "Add "+rt.def.noun)
		return
	}
	rt.table.Select(widget.TableCellID{Row: n - 1, Col: 0})
	rt.table.ScrollToBottom()
}

func (rt *recordTable) removeRecord() {
	row := rt.selected
	if row < 0 {
		return
	}
	err := rt.edit("", func(p *plan.Plan) error {
		if row >= rt.def.count(p) {
			return nil
		}
		rt.def.remove(p, row)
		return nil
	})
	rt.showError(err, "Delete "+rt.def.noun)
	rt.refresh()
}

// plainError is a rule's message where no field of the form names it: the
// field's path in the plan file's words ("posts[3].in_post_wte"), which
// the README and the plan file contract use too, then the message.
func plainError(e plan.FieldError) string {
	if e.Path == "" {
		return e.Msg
	}
	return e.Path + ": " + e.Msg
}
