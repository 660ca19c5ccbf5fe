package app

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"example.org/psyplan/app/kit"
	"example.org/psyplan/app/rollup"
	"example.org/psyplan/charts"
	"example.org/psyplan/exchange"
	"example.org/psyplan/plan"
	"example.org/psyplan/store"
)

// libraryView is the left side: every plan in the library, and what can
// be done with whole plans.
type libraryView struct {
	ui      *UI
	plans   []store.PlanEntry
	list    *widget.List
	object  fyne.CanvasObject
	rollups *rollup.List // under the plans (app/rollup)
	files   *kit.Files   // file dialogs, starting where the last import or export went
}

func newLibraryView(ui *UI) *libraryView {
	lv := &libraryView{ui: ui, files: &kit.Files{Folders: ui.lib}}
	lv.list = widget.NewList(func() int { return len(lv.plans) }, func() fyne.CanvasObject {
		name := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		name.Truncation = fyne.TextTruncateEllipsis
		area := widget.NewLabel("")
		area.Truncation = fyne.TextTruncateEllipsis
		return container.NewVBox(name, area)
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		box := o.(*fyne.Container)
		box.Objects[0].(*widget.Label).SetText(lv.plans[i].Name)
		area := lv.plans[i].Area
		if area == "" {
			area = "No area given"
		}
		box.Objects[1].(*widget.Label).SetText(area)
	})
	lv.list.OnSelected = func(i widget.ListItemID) {
		if i < len(lv.plans) && lv.plans[i].ID != ui.session.ID() {
			ui.openPlan(lv.plans[i].ID)
		}
	}
	buttons := container.NewGridWithColumns(2,
		widget.NewButtonWithIcon("New", theme.DocumentCreateIcon(), lv.newPlan),
		widget.NewButtonWithIcon("Duplicate", theme.ContentCopyIcon(), lv.duplicate),
		widget.NewButtonWithIcon("Rename", theme.DocumentIcon(), lv.rename),
		widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), lv.delete),
		widget.NewButtonWithIcon("Import", theme.FolderOpenIcon(), lv.importPlan),
		widget.NewButtonWithIcon("Export", theme.DocumentSaveIcon(), lv.exportPlan),
	)
	heading := widget.NewLabelWithStyle("Plan library", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	lv.rollups = rollup.NewList(rollupShell{ui})
	plans := container.NewVSplit(container.NewBorder(heading, buttons, nil, nil, lv.list), lv.rollups.Object())
	plans.Offset = 0.7
	lv.object = plans
	return lv
}

// reload reads the library's list again: after a plan is added, opened
// or deleted. An edit only refreshes the open plan's name (refresh), so
// typing never waits for the library while a big plan is being saved.
func (lv *libraryView) reload() {
	plans, err := lv.ui.lib.ListPlans(context.Background())
	if err != nil {
		lv.ui.setStatus("Cannot read the library: " + err.Error())
		return
	}
	lv.plans = plans
	lv.rollups.Reload()
	lv.refresh()
}

// refresh shows the open plan's name and area as they now are, selected.
func (lv *libraryView) refresh() {
	id, p := lv.ui.session.ID(), lv.ui.session.Plan()
	selected := -1
	for i := range lv.plans {
		if lv.plans[i].ID == id && p != nil {
			lv.plans[i].Name, lv.plans[i].Area = p.Name, p.Area
			selected = i
		}
	}
	lv.list.Refresh()
	if selected >= 0 {
		lv.list.Select(selected)
	} else {
		lv.list.UnselectAll()
	}
}

// create stores p as a new plan and opens it.
func (lv *libraryView) create(p *plan.Plan) error {
	id, err := lv.ui.lib.CreatePlan(context.Background(), p)
	if err != nil {
		return err
	}
	lv.ui.openPlan(id)
	return nil
}

// BlankPlan is a new plan from the current month to six years on, with
// no posts yet and no milestone until the planner adds one.
func BlankPlan(name string) *plan.Plan { return blankPlanFrom(name, thisMonth()) }

// blankPlanFrom is a new plan whose baseline is start.
func blankPlanFrom(name string, start plan.Month) *plan.Plan {
	return &plan.Plan{
		Name: name, Baseline: start, Horizon: start.Add(6 * 12), CapHires: true,
		Trajectory: plan.Trajectory{Interpolation: plan.Linear},
	}
}

func (lv *libraryView) newPlan() {
	name := widget.NewEntry()
	name.SetText("New plan")
	const (
		withRoles = "Blank, with the psychological professions listed"
		empty     = "Completely empty"
		england   = "A copy of the default England plan"
	)
	kind := widget.NewRadioGroup([]string{withRoles, empty, england}, nil)
	kind.SetSelected(withRoles)
	items := []*widget.FormItem{widget.NewFormItem("Name", name), widget.NewFormItem("Start from", kind)}
	dialog.ShowForm("New plan", "Create", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		p := BlankPlan(strings.TrimSpace(name.Text))
		if kind.Selected != empty {
			def, err := exchange.DefaultPlan()
			if err != nil {
				lv.ui.showError(err)
				return
			}
			if kind.Selected == england {
				def.Name = p.Name
				p = def
			} else {
				p.Professions = def.Professions // the roles and their assumptions, no posts yet
			}
		}
		if err := lv.create(p); err != nil {
			lv.ui.showError(err)
		}
	}, lv.ui.win)
}

func (lv *libraryView) duplicate() {
	p := lv.ui.session.Plan()
	if p == nil {
		return
	}
	lv.ui.session.Flush()
	c := p.Clone()
	c.Name = copyName(c.Name)
	if err := lv.create(c); err != nil {
		lv.ui.showError(err)
	}
}

// copyName names a duplicate: "Plan (copy)", kept within the 200
// characters a name may have.
func copyName(name string) string {
	const suffix = " (copy)"
	r := []rune(name)
	if len(r)+len([]rune(suffix)) > plan.MaxNameLen {
		r = r[:plan.MaxNameLen-len([]rune(suffix))]
	}
	return string(r) + suffix
}

func (lv *libraryView) rename() {
	p := lv.ui.session.Plan()
	if p == nil {
		return
	}
	name := widget.NewEntry()
	name.SetText(p.Name)
	area := widget.NewEntry()
	area.SetText(p.Area)
	area.PlaceHolder = "the ICS, region or trust the plan is for"
	items := []*widget.FormItem{widget.NewFormItem("Name", name), widget.NewFormItem("Area", area)}
	d := dialog.NewForm("Rename plan", "Rename", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		err := lv.ui.session.Edit("", func(p *plan.Plan) error {
			p.Name, p.Area = name.Text, area.Text
			return nil
		})
		if err != nil {
			lv.ui.showError(err)
		}
	}, lv.ui.win)
	d.Resize(fyne.NewSize(640, d.MinSize().Height)) // room to read a long name (the plan's details edit it too)
	d.Show()
}

func (lv *libraryView) delete() {
	p, id := lv.ui.session.Plan(), lv.ui.session.ID()
	if p == nil {
		return
	}
	msg := fmt.Sprintf("Delete %q and everything in it from the library?\nExport it first if you may want it again.", p.Name)
	if held := lv.rollups.Holding(id); held != "" {
		msg += "\n\n" + held
	}
	dialog.ShowConfirm("Delete plan", msg, func(ok bool) {
		if !ok {
			return
		}
		lv.ui.session.Flush()
		if err := lv.ui.lib.DeletePlan(context.Background(), id); err != nil {
			lv.ui.showError(err)
			return
		}
		lv.ui.session.Close()
		lv.rollups.PlanDeleted(id)
		lv.reload()
		lv.ui.openStartPlan()
	}, lv.ui.win)
}

// importPlan reads a plan file chosen by the planner. A bad file is
// refused whole, with every problem named, and nothing is stored.
func (lv *libraryView) importPlan() {
	lv.files.Open(lv.ui.win, "Import a plan", "Import", exchange.ImportExtensions, func(path string) {
		name := filepath.Base(path)
		lv.ui.setStatus("Importing " + name + "…")
		var id int64
		var err error
		lv.ui.run(func() {
			id, err = lv.storeImport(path)
		}, func() {
			if err != nil {
				lv.ui.setStatus("")
				lv.ui.showError(err)
				return
			}
			lv.ui.openPlan(id)
		})
	}).Show()
}

// storeImport reads the plan file or workbook at path and stores it
// whole as a new plan, named apart from a plan of the same name already
// there; it runs off the UI goroutine.
func (lv *libraryView) storeImport(path string) (int64, error) {
	p, err := exchange.ReadImportFile(path)
	if err != nil {
		return 0, fmt.Errorf("%s was not imported; nothing was stored.\n\n%w", filepath.Base(path), err)
	}
	if err := exchange.NameImport(context.Background(), lv.ui.lib, p, time.Now()); err != nil {
		return 0, err
	}
	return lv.ui.lib.CreatePlan(context.Background(), p)
}

// exportPlan asks what to export and where, and writes it off the UI
// goroutine: whole, or (if it fails) not at all.
func (lv *libraryView) exportPlan() {
	p, scenario, pr := lv.ui.session.Plan(), lv.ui.session.Scenario(), lv.ui.session.Current()
	if p == nil {
		return
	}
	what, chosen := kit.FormatChoice(exchange.Formats)
	chartNames := make([]string, len(charts.Kinds))
	for i, k := range charts.Kinds {
		chartNames[i] = k.Menu // the names the Overview's chooser gives them
	}
	which := widget.NewSelect(chartNames, nil)
	which.SetSelected(chartNames[0])
	items := []*widget.FormItem{widget.NewFormItem("Export", what), widget.NewFormItem("Chart (pictures)", which)}
	sd := lv.files.Save(lv.ui.win, "Export "+p.Name, items, kit.FileName(p.Name), chosen().Ext, func(path string) {
		// pr is nil while the newest projection is being made: then the export makes it
		ex := exchange.Export{Format: chosen().Name, Scenario: scenario, Width: 1920, Height: 1080, Projection: pr, Band: lv.ui.session.Band()}
		for _, k := range charts.Kinds {
			if k.Menu == which.Selected {
				ex.Chart = k.Name
			}
		}
		lv.saveAs(p, ex, path)
	})
	what.OnChanged = func(string) { sd.SetExt(chosen().Ext) }
	sd.Show()
}

// saveAs writes the export to path, then says where it went.
func (lv *libraryView) saveAs(p *plan.Plan, ex exchange.Export, path string) {
	lv.ui.setStatus("Exporting " + filepath.Base(path) + "…")
	bar := widget.NewProgressBarInfinite()
	busy := dialog.NewCustomWithoutButtons("Exporting "+filepath.Base(path), bar, lv.ui.win)
	busy.Show()
	var err error
	lv.ui.run(func() { err = ex.Write(path, p) }, func() {
		busy.Hide()
		if err != nil {
			lv.ui.setStatus("")
			lv.ui.showError(err)
			return
		}
		lv.ui.setStatus("Exported " + filepath.Base(path) + " to " + filepath.Dir(path))
		lv.files.Written(lv.ui.win, path)
	})
}
