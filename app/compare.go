package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"example.org/psyplan/plan"
)

// compareView is the plan and its scenarios side by side, as a board
// reads its options: a column each, and beside each scenario its
// difference from the plan. It is worked out (every scenario projected)
// only while the screen is shown, off the UI goroutine.
type compareView struct {
	ui      *UI
	note    *widget.Label
	table   *widget.Table
	object  fyne.CanvasObject
	shown   *plan.Comparison // as the table shows it; nil before the first
	planned *plan.Plan       // the plan shown was worked out from
	seq     int
}

const compareName = "Side by side"

func newCompareView(ui *UI) *view {
	cv := &compareView{ui: ui, note: widget.NewLabel("")}
	cv.note.Wrapping = fyne.TextWrapWord
	cv.table = widget.NewTable(cv.size, func() fyne.CanvasObject {
		return widget.NewLabel("")
	}, func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		l.TextStyle.Bold = id.Row == 0 || id.Col == 0
		// the scenarios' names wrap in a header row as tall as the longest needs
		l.Wrapping = fyne.TextWrapOff
		if id.Row == 0 {
			l.Wrapping = fyne.TextWrapWord
		}
		l.Alignment = fyne.TextAlignTrailing
		if id.Col == 0 {
			l.Alignment = fyne.TextAlignLeading
		}
		l.SetText(cv.cell(id.Row, id.Col))
	})
	cv.table.SetColumnWidth(0, 330)
	heading := widget.NewLabelWithStyle("The plan and its scenarios side by side", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	cv.object = container.NewBorder(container.NewVBox(heading, cv.note), nil, nil, nil, cv.table)
	ui.compare = cv
	return &view{name: compareName, object: cv.object, refresh: cv.refresh}
}

// size is a header row and a row per figure; the figure's name, the
// plan's column, then each scenario's value and its difference.
func (cv *compareView) size() (int, int) {
	if cv.shown == nil {
		return 0, 0
	}
	return len(cv.shown.Rows) + 1, 2*len(cv.shown.Columns) - 1 + 1
}

// compareColumn says which comparison column and whether the difference table
// column col shows (col > 0).
func compareColumn(col int) (k int, diff bool) {
	if col == 1 {
		return 0, false
	}
	return col / 2, col%2 == 1
}

func (cv *compareView) cell(row, col int) string {
	c := cv.shown
	if c == nil {
		return ""
	}
	k, diff := compareColumn(col)
	if row == 0 {
		switch {
		case col == 0:
			return "Figure"
		case diff:
			return "vs the plan"
		}
		return c.Columns[k]
	}
	r := c.Rows[row-1]
	if col == 0 {
		return r.Label + " (" + r.Unit + ")"
	}
	if diff {
		return compareFigure(r.Unit, r.Diffs[k], true)
	}
	return compareFigure(r.Unit, r.Values[k], false)
}

// compareFigure writes a value in its unit (plan.Figure, in full).
func compareFigure(unit string, v float64, diff bool) string {
	return plan.Figure(unit, v, diff, false)
}

// refresh works the table out again when the plan has changed (the
// window refreshes a screen only when it is shown: UI.refresh).
func (cv *compareView) refresh() {
	p := cv.ui.session.Plan()
	if p == nil {
		cv.shown, cv.planned = nil, nil
		cv.note.SetText("No plan open.")
		cv.table.Refresh()
		return
	}
	if p == cv.planned {
		return
	}
	cv.planned = p
	cv.seq++
	seq := cv.seq
	cv.note.SetText("Projecting the plan and each scenario…")
	var c *plan.Comparison
	var err error
	made := cv.madeAlready()
	cv.ui.run(func() { c, err = plan.Compare(p, nil, made...) }, func() {
		if seq != cv.seq {
			return // a newer plan was asked for
		}
		if err != nil {
			cv.shown = nil
			cv.note.SetText("The scenarios cannot be compared: " + err.Error())
			cv.table.Refresh()
			return
		}
		cv.shown = c
		cv.note.SetText(compareNote(c))
		cv.setWidths()
		cv.table.Refresh()
	})
}

func compareNote(c *plan.Comparison) string {
	if len(c.Columns) == 1 {
		return "This plan has no scenarios yet: add one on the Scenarios screen to see it beside the plan."
	}
	return "Each scenario beside the plan, with its difference from the plan. Unplaced qualifiers are counted to " +
		c.At.Label() + "; pay cost is per NHS financial year, at the plan's prices."
}

// setWidths gives the figures room: a scenario's value as wide as its
// name (up to 280 px, then the name wraps), its difference wide enough
// for a sum of pounds; and the header row as tall as the longest name
// needs when wrapped, so every name reads whole.
func (cv *compareView) setWidths() {
	_, cols := cv.size()
	cv.table.SetColumnWidth(0, 330)
	tallest := float32(0)
	for col := 1; col < cols; col++ {
		w := float32(140)
		if _, diff := compareColumn(col); !diff {
			w = headerWidth(cv.cell(0, col))
		}
		cv.table.SetColumnWidth(col, w)
		tallest = max(tallest, headerHeight(cv.cell(0, col), w))
	}
	cv.table.SetRowHeight(0, tallest)
}

// headerWidth is a scenario's column: room for its figures (190 px) or its
// name on one line, up to 280 px.
func headerWidth(name string) float32 {
	w := fyne.MeasureText(name, theme.TextSize(), fyne.TextStyle{Bold: true}).Width + 2*theme.InnerPadding() + theme.Padding()
	return min(max(190, w), 280)
}

// headerHeight is the height a header's words take wrapped at width.
func headerHeight(name string, width float32) float32 {
	l := widget.NewLabelWithStyle(name, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	l.Resize(fyne.NewSize(width, l.MinSize().Height))
	return l.MinSize().Height
}

// madeAlready are the session's projections of the plan as it stands
// (the one shown and, when comparing, the others), so the side by side
// does not make them again.
func (cv *compareView) madeAlready() []*plan.Projection {
	cur := cv.ui.session.Current()
	if cur == nil {
		return nil
	}
	return append([]*plan.Projection{cur}, cv.ui.session.Compared()...)
}
