package app

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

	"example.org/psyplan/exchange"
	"example.org/psyplan/plan"
	"example.org/psyplan/store"
)

// rollupsView is the library's roll-ups, under its plans: a region's
// plans (each by itself or by one of its scenarios) added together. A
// roll-up opens in a window of its own, beside the plan being edited.
type rollupsView struct {
	ui     *UI
	list   []store.Rollup
	rows   *widget.List
	object fyne.CanvasObject
	open   []*rollupWindow // the roll-up windows open now
	follow bool            // saves are followed (followSaves)

	picker   *rollupPicker // the new roll-up dialog last shown, for tests
	imported importResult  // what the last import did, for tests
}

func newRollupsView(ui *UI) *rollupsView {
	rv := &rollupsView{ui: ui}
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
			rv.openRollup(rv.list[i].ID)
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

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// reload reads the library's roll-ups again.
func (rv *rollupsView) reload() {
	list, err := rv.ui.lib.ListRollups(context.Background())
	if err != nil {
		rv.ui.setStatus("Cannot read the roll-ups: " + err.Error())
		return
	}
	rv.list = list
	rv.rows.Refresh()
}

// followSaves keeps open roll-ups live: when an edit of a plan they hold
// is in the library, they are projected again. It is set when the first
// roll-up opens.
func (rv *rollupsView) followSaves() {
	if rv.follow {
		return
	}
	rv.follow = true
	rv.ui.session.OnSaved(func(err error) {
		if err != nil {
			return
		}
		id := rv.ui.session.ID()
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
func (rv *rollupsView) newRollup() {
	rv.ui.session.Flush()
	var choices []planChoice
	var err error
	rv.ui.setStatus("Reading the plans…")
	rv.ui.run(func() { choices, err = rv.planChoices() }, func() {
		rv.ui.setStatus("")
		if err != nil {
			rv.ui.showError(err)
			return
		}
		rv.picker = rv.showPicker(choices, nil)
	})
}

// planChoices reads every sound plan's name and scenarios.
func (rv *rollupsView) planChoices() ([]planChoice, error) {
	ctx := context.Background()
	list, err := rv.ui.lib.ListPlans(ctx)
	if err != nil {
		return nil, fmt.Errorf("cannot read the library: %w", err)
	}
	var out []planChoice
	for _, s := range list {
		if s.Damaged != "" {
			continue
		}
		p, err := rv.ui.lib.LoadPlan(ctx, s.ID)
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
func (rv *rollupsView) showPicker(choices []planChoice, ticked []int64) *rollupPicker {
	if len(choices) == 0 {
		rv.ui.showError(fmt.Errorf("the library has no plans to add together: import or make some first"))
		return nil
	}
	rp := newRollupPicker(choices, ticked)
	d := dialog.NewCustomConfirm("New roll-up", "Create", "Cancel", rp.object(), func(ok bool) {
		if ok {
			rv.create(rp.name.Text, rp.members())
		}
	}, rv.ui.win)
	d.Resize(fyne.NewSize(760, 620))
	d.Show()
	return rp
}

// create stores a roll-up and opens it. The library refuses a roll-up
// with no name, a name taken, no plans, or plans sharing no month, and
// says why: the planner is told, and nothing is stored.
func (rv *rollupsView) create(name string, members []store.RollupMember) {
	name = strings.TrimSpace(name)
	if name == "" {
		rv.ui.showError(fmt.Errorf("the roll-up needs a name: nothing was stored"))
		return
	}
	if len(members) == 0 {
		rv.ui.showError(fmt.Errorf("tick at least one plan for %q: nothing was stored", name))
		return
	}
	var id int64
	var err error
	rv.ui.run(func() {
		id, err = rv.ui.lib.CreateRollup(context.Background(), name, members)
	}, func() {
		if err != nil {
			rv.ui.showError(fmt.Errorf("the roll-up %q was not made: %w", name, err))
			return
		}
		rv.reload()
		rv.openRollup(id)
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
func (rv *rollupsView) importMany() {
	d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			rv.ui.showError(fmt.Errorf("cannot open that folder: %w", err))
			return
		}
		if dir == nil {
			return // cancelled
		}
		rv.importFolder(dir.Path())
	}, rv.ui.win)
	startInDocuments(d)
	d.Show()
}

// importFolder imports every plan file and workbook in the folder (by
// their endings, in name order, not looking into folders inside).
func (rv *rollupsView) importFolder(folder string) {
	rv.ui.setStatus("Importing the plans in " + filepath.Base(folder) + "…")
	var res importResult
	rv.ui.run(func() { res = rv.importFiles(folder) }, func() {
		rv.ui.setStatus(fmt.Sprintf("Imported %s, refused %d", plural(len(res.stored), "plan", "plans"), len(res.refused)))
		rv.imported = res
		rv.ui.library.reload()
		rv.showImported(filepath.Base(folder), res)
	})
}

func (rv *rollupsView) importFiles(folder string) importResult {
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
		if err == nil {
			id, err = rv.ui.lib.CreatePlan(context.Background(), p)
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
func (rv *rollupsView) showImported(folder string, res importResult) {
	text := widget.NewLabel(res.summary())
	text.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(text)
	scroll.SetMinSize(fyne.NewSize(640, 300))
	if len(res.stored) == 0 {
		dialog.ShowCustom("Import", "OK", scroll, rv.ui.win)
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
	}, rv.ui.win)
}

// holding is what deleting a plan says first when roll-ups hold it:
// their names, and that the plan leaves them. "" when none holds it.
func (rv *rollupsView) holding(planID int64) string {
	held, err := rv.ui.lib.RollupsHolding(context.Background(), planID)
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

// planDeleted closes nothing but projects again the open roll-ups that
// held the plan.
func (rv *rollupsView) planDeleted(planID int64) {
	rv.reload()
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
