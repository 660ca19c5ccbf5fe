package rollup

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"example.org/psyplan/app/kit"
	"example.org/psyplan/exchange"
	"example.org/psyplan/plan"
	"example.org/psyplan/store"
	"time"
)

// List is the library's roll-ups, under its plans: a region's plans
// (each by itself or by one of its scenarios) added together. A roll-up
// opens in a window of its own, beside the plan being edited.
type List struct {
	shell  Shell
	list   []store.Rollup
	rows   *widget.List
	object fyne.CanvasObject
	open   []*rollupWindow // the roll-up windows open now
	follow bool            // saves are followed (followSaves)

	picker   *rollupPicker // the new roll-up dialog last shown, for tests
	imported importResult  // what the last import did, for tests
}

// NewList makes the roll-ups' list; Reload fills it.
func NewList(shell Shell) *List {
	rv := &List{shell: shell}
	rv.rows = widget.NewList(func() int { return len(rv.list) }, func() fyne.CanvasObject {
		name := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		name.Truncation = fyne.TextTruncateEllipsis
		return container.NewVBox(name, widget.NewLabel(""))
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		box := o.(*fyne.Container)
		box.Objects[0].(*widget.Label).SetText(rv.list[i].Name)
		box.Objects[1].(*widget.Label).SetText(plural(len(rv.list[i].Members), "plan", "plans") + " added together")
	})
	rv.rows.OnSelected = func(i widget.ListItemID) {
		rv.rows.UnselectAll()
		if i < len(rv.list) {
			rv.Open(rv.list[i].ID)
		}
	}
	heading := widget.NewLabelWithStyle("Roll-ups (plans added together)", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	buttons := container.NewGridWithColumns(2,
		widget.NewButtonWithIcon("New roll-up", theme.ContentAddIcon(), rv.newRollup),
		widget.NewButtonWithIcon("Import many", theme.FolderOpenIcon(), rv.importMany),
	)
	rv.object = container.NewBorder(heading, buttons, nil, nil, rv.rows)
	return rv
}

// Object is the list with its buttons, for the plan window to place.
func (rv *List) Object() fyne.CanvasObject { return rv.object }

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func (rv *List) showError(err error) { kit.ShowError(rv.shell.Window(), err) }

// Reload reads the library's roll-ups again.
func (rv *List) Reload() {
	list, err := rv.shell.Library().ListRollups(context.Background())
	if err != nil {
		rv.shell.SetStatus("Cannot read the roll-ups: " + err.Error())
		return
	}
	rv.list = list
	rv.rows.Refresh()
}

// followSaves keeps open roll-ups live: when an edit of a plan they hold
// is in the library, they are projected again. It starts when the first
// roll-up opens: until then there is nothing to keep up to date.
func (rv *List) followSaves() {
	if rv.follow {
		return
	}
	rv.follow = true
	rv.shell.OnPlanSaved(func(id int64) {
		for _, w := range rv.open {
			if w.holds(id) {
				w.reload()
			}
		}
	})
}

// planChoice is one plan offered for a new roll-up.
type planChoice struct {
	id        int64
	name      string
	scenarios []string
}

// newRollup asks for a name and the plans (each with a scenario, or the
// plan itself), then stores the roll-up and opens it.
func (rv *List) newRollup() {
	rv.shell.SaveEdits()
	var choices []planChoice
	var err error
	rv.shell.SetStatus("Reading the plans…")
	rv.shell.Run(func() { choices, err = rv.planChoices() }, func() {
		rv.shell.SetStatus("")
		if err != nil {
			rv.showError(err)
			return
		}
		rv.picker = rv.showPicker(choices, nil)
	})
}

// planChoices reads every sound plan's name and scenarios.
func (rv *List) planChoices() ([]planChoice, error) {
	ctx := context.Background()
	list, err := rv.shell.Library().ListPlans(ctx)
	if err != nil {
		return nil, fmt.Errorf("cannot read the library: %w", err)
	}
	var out []planChoice
	for _, s := range list {
		if s.Damaged != "" {
			continue
		}
		p, err := rv.shell.Library().LoadPlan(ctx, s.ID)
		if err != nil {
			continue // damaged since: left out of the choice
		}
		c := planChoice{id: s.ID, name: s.Name}
		for _, sc := range p.Scenarios {
			c.scenarios = append(c.scenarios, sc.Name)
		}
		out = append(out, c)
	}
	return out, nil
}

// rollupPicker is the new roll-up dialog's contents: a tick and a
// scenario choice per plan.
type rollupPicker struct {
	name   *widget.Entry
	ticks  []*widget.Check
	counts []*widget.Select
	plans  []planChoice
}

const countPlanItself = "The plan itself"

func newRollupPicker(choices []planChoice, ticked []int64) *rollupPicker {
	rp := &rollupPicker{name: widget.NewEntry(), plans: choices}
	rp.name.SetPlaceHolder("The region's name, say North East and Yorkshire")
	for _, c := range choices {
		tick := widget.NewCheck(c.name, nil)
		tick.SetChecked(slices.Contains(ticked, c.id))
		sel := widget.NewSelect(append([]string{countPlanItself}, c.scenarios...), nil)
		sel.SetSelected(countPlanItself)
		if len(c.scenarios) == 0 {
			sel.Disable()
		}
		rp.ticks, rp.counts = append(rp.ticks, tick), append(rp.counts, sel)
	}
	return rp
}

func (rp *rollupPicker) object() fyne.CanvasObject {
	grid := container.NewGridWithColumns(2)
	all := widget.NewButton("Tick every plan", func() {
		for _, t := range rp.ticks {
			t.SetChecked(true)
		}
	})
	none := widget.NewButton("Untick all", func() {
		for _, t := range rp.ticks {
			t.SetChecked(false)
		}
	})
	grid.Add(widget.NewLabelWithStyle("Plan", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	grid.Add(widget.NewLabelWithStyle("Counted as", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for i := range rp.ticks {
		grid.Add(rp.ticks[i])
		grid.Add(rp.counts[i])
	}
	scroll := container.NewVScroll(grid)
	scroll.SetMinSize(fyne.NewSize(640, 360))
	form := widget.NewForm(widget.NewFormItem("Roll-up name", rp.name))
	hint := widget.NewLabel("Tick the plans to add together. Each keeps its own baseline, horizon and trajectory.")
	hint.Wrapping = fyne.TextWrapWord
	return container.NewBorder(container.NewVBox(form, hint, container.NewHBox(all, none)), nil, nil, nil, scroll)
}

// members is the ticked plans, each with the scenario it counts by.
func (rp *rollupPicker) members() []store.RollupMember {
	var out []store.RollupMember
	for i, t := range rp.ticks {
		if !t.Checked {
			continue
		}
		m := store.RollupMember{PlanID: rp.plans[i].id}
		if s := rp.counts[i].Selected; s != countPlanItself {
			m.Scenario = s
		}
		out = append(out, m)
	}
	return out
}

// showPicker shows the new roll-up dialog, the plans in ticked ticked.
func (rv *List) showPicker(choices []planChoice, ticked []int64) *rollupPicker {
	if len(choices) == 0 {
		rv.showError(fmt.Errorf("the library has no plans to add together: import or make some first"))
		return nil
	}
	rp := newRollupPicker(choices, ticked)
	d := dialog.NewCustomConfirm("New roll-up", "Create", "Cancel", rp.object(), func(ok bool) {
		if ok {
			rv.create(rp.name.Text, rp.members())
		}
	}, rv.shell.Window())
	d.Resize(fyne.NewSize(760, 620))
	d.Show()
	return rp
}

// create stores a roll-up and opens it. The library refuses a roll-up
// with no name, a name taken, no plans, or plans sharing no month, and
// says why: the planner is told, and nothing is stored.
func (rv *List) create(name string, members []store.RollupMember) {
	name = strings.TrimSpace(name)
	if name == "" {
		rv.showError(fmt.Errorf("the roll-up needs a name: nothing was stored"))
		return
	}
	if len(members) == 0 {
		rv.showError(fmt.Errorf("tick at least one plan for %q: nothing was stored", name))
		return
	}
	var id int64
	var err error
	rv.shell.Run(func() {
		id, err = rv.shell.Library().CreateRollup(context.Background(), name, members)
	}, func() {
		if err != nil {
			rv.showError(fmt.Errorf("the roll-up %q was not made: %w", name, err))
			return
		}
		rv.Reload()
		rv.Open(id)
	})
}

// importResult is what importing many files did: the plans stored, and
// every file refused with its reason.
type importResult struct {
	stored  []int64
	names   []string // the stored plans' names, in the files' order
	refused []string // "file: reason"
}

// importMany asks for a folder and imports every plan file and workbook
// in it, each whole or not at all, then says what was imported and what
// was refused, and offers to add the imported plans together.
func (rv *List) importMany() {
	rv.shell.Files().OpenFolder(rv.shell.Window(), "Import many plans", "Import every plan in it", rv.importFolder).Show()
}

// importFolder imports every plan file and workbook in the folder (by
// their endings, in name order, not looking into folders inside).
func (rv *List) importFolder(folder string) {
	rv.shell.SetStatus("Importing the plans in " + filepath.Base(folder) + "…")
	var res importResult
	rv.shell.Run(func() { res = rv.importFiles(folder) }, func() {
		rv.shell.SetStatus(fmt.Sprintf("Imported %s, refused %d", plural(len(res.stored), "plan", "plans"), len(res.refused)))
		rv.imported = res
		rv.shell.PlansAdded()
		rv.showImported(filepath.Base(folder), res)
	})
}

func (rv *List) importFiles(folder string) importResult {
	var res importResult
	entries, err := os.ReadDir(folder)
	if err != nil {
		res.refused = append(res.refused, fmt.Sprintf("%s: the folder cannot be read (%v)", folder, err))
		return res
	}
	for _, e := range entries {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if e.IsDir() || !slices.Contains(exchange.ImportExtensions, ext) {
			continue
		}
		p, err := exchange.ReadImportFile(filepath.Join(folder, e.Name()))
		var id int64
		if err == nil { // a plan whose name the library has is stored as "NAME (imported 4 Dec 2026)"
			err = exchange.NameImport(context.Background(), rv.shell.Library(), p, time.Now())
		}
		if err == nil {
			id, err = rv.shell.Library().CreatePlan(context.Background(), p)
		}
		if err != nil {
			res.refused = append(res.refused, e.Name()+": "+strings.ReplaceAll(err.Error(), "\n", " "))
			continue
		}
		res.stored, res.names = append(res.stored, id), append(res.names, p.Name)
	}
	if len(res.stored) == 0 && len(res.refused) == 0 {
		res.refused = append(res.refused, fmt.Sprintf("%s holds no plan file or workbook (%s)",
			folder, strings.Join(exchange.ImportExtensions, " or ")))
	}
	return res
}

// summary says in words what an import did.
func (res importResult) summary() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Imported %s", plural(len(res.stored), "plan", "plans"))
	if len(res.names) > 0 {
		b.WriteString(": " + strings.Join(res.names, ", "))
	}
	b.WriteString(".\n")
	if len(res.refused) == 0 {
		b.WriteString("Every file was imported.")
		return b.String()
	}
	fmt.Fprintf(&b, "\nNot imported, nothing of them stored (%d):\n", len(res.refused))
	for _, r := range res.refused {
		b.WriteString("• " + r + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// showImported shows the import's summary and offers to add the
// imported plans together as a roll-up named after the folder.
func (rv *List) showImported(folder string, res importResult) {
	text := widget.NewLabel(res.summary())
	text.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(text)
	scroll.SetMinSize(fyne.NewSize(640, 300))
	if len(res.stored) == 0 {
		dialog.ShowCustom("Import", "OK", scroll, rv.shell.Window())
		return
	}
	name := widget.NewEntry()
	name.SetText(folder)
	body := container.NewBorder(nil, widget.NewForm(widget.NewFormItem("Roll them up as", name)), nil, nil, scroll)
	dialog.ShowCustomConfirm("Import", "Make the roll-up", "Close", body, func(ok bool) {
		if !ok {
			return
		}
		members := make([]store.RollupMember, len(res.stored))
		for i, id := range res.stored {
			members[i] = store.RollupMember{PlanID: id}
		}
		rv.create(name.Text, members)
	}, rv.shell.Window())
}

// Holding is what deleting a plan says first when roll-ups hold it:
// their names, and that the plan leaves them. "" when none holds it.
func (rv *List) Holding(planID int64) string {
	held, err := rv.shell.Library().RollupsHolding(context.Background(), planID)
	if err != nil {
		return "Which roll-ups hold it cannot be read: " + err.Error()
	}
	if len(held) == 0 {
		return ""
	}
	names := make([]string, len(held))
	for i, r := range held {
		names[i] = fmt.Sprintf("%q", r.Name)
	}
	return fmt.Sprintf("It is in %s: %s. Deleting it takes it out of %s.",
		plural(len(held), "roll-up", "roll-ups"), strings.Join(names, ", "), map[bool]string{true: "it", false: "them"}[len(held) == 1])
}

// PlanDeleted closes nothing but projects again the open roll-ups that
// held the plan.
func (rv *List) PlanDeleted(planID int64) {
	rv.Reload()
	for _, w := range rv.open {
		if w.holds(planID) {
			w.reload()
		}
	}
}

// rollupMonth keeps today inside a roll-up's months, for the chart.
func rollupMonth(rp *plan.RollupProjection, today plan.Month) plan.Month {
	if rp.Index(today) < 0 {
		return 0
	}
	return today
}
