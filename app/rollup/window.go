package rollup

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"example.org/psyplan/app/kit"
	"example.org/psyplan/charts"
	"example.org/psyplan/exchange"
	"example.org/psyplan/format"
	"example.org/psyplan/plan"
	"example.org/psyplan/store"
)

// rollupWindow is a roll-up's overview, in a window of its own: the
// region against the sum of its plans' trajectories, and which plan is
// behind its own. It is live: it is projected again when a plan it holds
// is saved or deleted.
type rollupWindow struct {
	rv         *List
	id         int64
	win        fyne.Window
	rollup     *store.Rollup
	projection *plan.RollupProjection // nil until projected
	gaps       []plan.MemberGap       // as the table shows them
	seq        int
	today      func() plan.Month
	trainees   bool                // some plan counts salaried trainees in its workforce
	members    []plan.RollupMember // its plans, as last projected (exports add their demand)
	slides     *rollupSlides       // workshop mode, when on (rollup_present.go)

	headline *widget.Label
	notes    *widget.Label
	growth   *kit.ChartView
	gapChart *kit.ChartView
	table    *widget.Table
}

// Open opens roll-up id's window, or brings it forward.
func (rv *List) Open(id int64) *rollupWindow {
	for _, w := range rv.open {
		if w.id == id {
			w.win.RequestFocus()
			w.reload()
			return w
		}
	}
	rv.followSaves()
	w := newRollupWindow(rv, id)
	rv.open = append(rv.open, w)
	w.win.SetOnClosed(func() {
		rv.open = slices.DeleteFunc(rv.open, func(o *rollupWindow) bool { return o == w })
	})
	w.win.Show()
	w.reload()
	return w
}

func newRollupWindow(rv *List, id int64) *rollupWindow {
	w := &rollupWindow{rv: rv, id: id, today: kit.ThisMonth, growth: kit.NewChartView(), gapChart: kit.NewChartView()}
	w.win = rv.shell.App().NewWindow("Roll-up - PsyPlan")
	w.headline = widget.NewLabelWithStyle("Adding the plans together…", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	w.headline.Wrapping = fyne.TextWrapWord
	w.notes = widget.NewLabel("")
	w.notes.Wrapping = fyne.TextWrapWord
	w.table = widget.NewTable(func() (int, int) { return len(w.gaps) + 1, len(gapColumns) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) { o.(*widget.Label).SetText(w.gapCell(id.Row, id.Col)) })
	for i, width := range []float32{200, 100, 100, 100, 80} {
		w.table.SetColumnWidth(i, width)
	}
	behind := container.NewHSplit(w.gapChart, w.table)
	behind.Offset = 0.55
	tabs := container.NewAppTabs(
		container.NewTabItem("Region against its trajectory", container.NewBorder(nil, w.growth.Readout, nil, nil, w.growth)),
		container.NewTabItem("Which plan is behind", behind),
	)
	top := container.NewVBox(w.headline, w.notes)
	bottom := container.NewHBox(
		widget.NewButtonWithIcon("Present", theme.MediaPlayIcon(), w.present),
		widget.NewButtonWithIcon("Export…", theme.DocumentSaveIcon(), w.export),
		widget.NewButtonWithIcon("Delete roll-up", theme.DeleteIcon(), w.delete),
	)
	w.win.SetContent(container.NewBorder(top, bottom, nil, nil, tabs))
	w.win.Resize(fyne.NewSize(1280, 860))
	return w
}

var gapColumns = []string{"Plan (most behind first)", "Workforce", "Trajectory", "Gap (WTE)", "Gap %"}

func (w *rollupWindow) gapCell(row, col int) string {
	if row == 0 {
		return gapColumns[col]
	}
	g := w.gaps[row-1]
	switch col {
	case 0:
		return g.Name
	case 1:
		return format.WTE(g.Workforce)
	case 2:
		return format.WTE(g.Target)
	case 3:
		return format.Signed(g.Gap, format.WTE)
	}
	return format.Signed(g.GapPct, format.Percent)
}

// holds tells whether the roll-up counts plan id.
func (w *rollupWindow) holds(id int64) bool {
	if w.rollup == nil {
		return false
	}
	for _, m := range w.rollup.Members {
		if m.PlanID == id {
			return true
		}
	}
	return false
}

// reload reads the roll-up's plans as they are in the library and adds
// them together off the UI goroutine; an older answer that lands after a
// newer one was asked for is dropped.
func (w *rollupWindow) reload() {
	w.seq++
	seq := w.seq
	var r *store.Rollup
	var rp *plan.RollupProjection
	var members []plan.RollupMember
	var err error
	w.rv.shell.Run(func() {
		r, members, err = w.rv.shell.Library().RollupPlans(context.Background(), w.id)
		if err == nil {
			rp, err = plan.ProjectRollup(members)
		}
	}, func() {
		if seq != w.seq {
			return
		}
		w.members = members
		if r != nil {
			w.rollup = r
			w.win.SetTitle(r.Name + " (roll-up) - PsyPlan")
		}
		if err != nil {
			w.projection, w.gaps = nil, nil
			w.headline.SetText("The roll-up cannot be added up: " + err.Error())
			w.notes.SetText("")
			w.table.Refresh()
			return
		}
		w.show(rp, countsTrainees(members))
	})
}

// show puts a new projection on the screen.
func (w *rollupWindow) show(rp *plan.RollupProjection, withTrainees bool) {
	w.projection = rp
	today := w.today()
	s := rp.Summarise(today)
	w.gaps = rp.GapsAt(s.At)
	w.headline.SetText(rollupHeadline(w.rollup.Name, s, w.gaps, len(rp.Members)))
	w.notes.SetText(strings.Join(rp.Notes(), "\n"))
	if len(rp.Notes()) == 0 {
		w.notes.Hide()
	} else {
		w.notes.Show()
	}
	w.trainees = withTrainees
	w.growth.SetGrowth(charts.RollupGrowth(w.rollup.Name, rp, rollupMonth(rp, today), withTrainees))
	w.gapChart.SetChart(charts.MemberGapChart(w.rollup.Name, rp, s.At))
	w.table.Refresh()
	if w.slides != nil {
		w.slides.show()
	}
}

// rollupHeadline says where the region stands, and how many of its plans
// are behind their own trajectory.
func rollupHeadline(name string, s plan.Summary, gaps []plan.MemberGap, members int) string {
	behind := 0
	for _, g := range gaps {
		if g.Gap < 0 {
			behind++
		}
	}
	where := "ahead"
	if s.Gap < 0 {
		where = "behind"
	}
	text := fmt.Sprintf("%s, %s added together: by %s projected %s WTE against %s WTE on their trajectories, %s WTE %s.",
		name, plural(members, "plan", "plans"), s.At.Label(), format.Whole(s.Projected), format.Whole(s.Target),
		format.Whole(abs(s.Gap)), where)
	if s.Gap == 0 {
		text = fmt.Sprintf("%s, %s added together: by %s projected %s WTE, on their trajectories.",
			name, plural(members, "plan", "plans"), s.At.Label(), format.Whole(s.Projected))
	}
	return text + fmt.Sprintf(" %d of %d behind their own trajectory.", behind, len(gaps))
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// export asks what to export of the roll-up and where, and writes it off
// the UI goroutine, whole or not at all.
func (w *rollupWindow) export() {
	rp := w.projection
	if rp == nil || w.rollup == nil {
		return
	}
	what, chosen := kit.FormatChoice(exchange.RollupFormats)
	const growthChart, gapsChart = "The region against its trajectory", "Which plan is behind"
	which := widget.NewSelect([]string{growthChart, gapsChart}, nil)
	which.SetSelected(growthChart)
	items := []*widget.FormItem{widget.NewFormItem("Export", what), widget.NewFormItem("Chart (pictures)", which)}
	name := w.rollup.Name
	sd := w.rv.shell.Files().Save(w.win, "Export "+name, items, kit.FileName(name), chosen().Ext, func(path string) {
		ex := exchange.RollupExport{Name: name, Projection: rp, Today: w.today(), Chart: exchange.RollupChartGrowth, WithTrainees: w.trainees, Members: w.members}
		ex.Format = chosen().Name
		if which.Selected == gapsChart {
			ex.Chart = exchange.RollupChartGaps
		}
		w.saveAs(ex, path)
	})
	what.OnChanged = func(string) { sd.SetExt(chosen().Ext) }
	sd.Show()
}

// saveAs writes the export to path, then says where it went.
func (w *rollupWindow) saveAs(ex exchange.RollupExport, path string) {
	var err error
	w.rv.shell.Run(func() { err = ex.Write(path) }, func() {
		if err != nil {
			kit.ShowError(w.win, err)
			return
		}
		w.rv.shell.SetStatus("Exported " + filepath.Base(path) + " to " + filepath.Dir(path))
		w.rv.shell.Files().Written(w.win, path)
	})
}

// delete deletes the roll-up, after asking; its plans stay.
func (w *rollupWindow) delete() {
	if w.rollup == nil {
		return
	}
	msg := fmt.Sprintf("Delete the roll-up %q?\nIts plans stay in the library.", w.rollup.Name)
	dialog.ShowConfirm("Delete roll-up", msg, func(ok bool) {
		if !ok {
			return
		}
		if err := w.rv.shell.Library().DeleteRollup(context.Background(), w.id); err != nil {
			kit.ShowError(w.win, err)
			return
		}
		w.rv.Reload()
		w.win.Close()
	}, w.win)
}

// countsTrainees tells whether any plan counts salaried trainees in its
// workforce, so the legend says the line may hold them.
func countsTrainees(members []plan.RollupMember) bool {
	for _, m := range members {
		if m.Plan.CountSalariedTrainees {
			return true
		}
	}
	return false
}
