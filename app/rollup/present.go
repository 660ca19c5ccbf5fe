package rollup

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"example.org/psyplan/app/kit"
	"example.org/psyplan/charts"
)

// rollupSlides is workshop mode for a roll-up: its window full screen,
// the region against its trajectory and which plan is behind, one a
// slide, with type large enough to read across a room. Left and right
// (or the buttons) move between them; Escape leaves.
type rollupSlides struct {
	w        *rollupWindow
	slide    int
	sentence *widget.Label
	counter  *widget.Label
	chart    *kit.ChartView
	before   fyne.CanvasObject
}

const rollupSlideCount = 2

// present starts workshop mode on the first slide.
func (w *rollupWindow) present() {
	if w.projection == nil || w.slides != nil {
		return
	}
	rs := &rollupSlides{w: w, sentence: widget.NewLabel(""), counter: widget.NewLabel(""), chart: kit.NewChartView()}
	rs.sentence.Wrapping = fyne.TextWrapWord
	rs.sentence.SizeName = theme.SizeNameSubHeadingText
	rs.chart.Slide = true
	prev := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { rs.move(-1) })
	next := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { rs.move(1) })
	leave := widget.NewButtonWithIcon("Leave (Esc)", theme.CancelIcon(), rs.leave)
	bottom := container.NewHBox(prev, rs.counter, next, leave)
	rs.before = w.win.Content()
	w.slides = rs
	w.win.SetContent(container.NewBorder(rs.sentence, bottom, nil, nil, rs.chart))
	w.win.SetFullScreen(true)
	w.win.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		switch ev.Name {
		case fyne.KeyLeft, fyne.KeyPageUp:
			rs.move(-1)
		case fyne.KeyRight, fyne.KeyPageDown, fyne.KeySpace:
			rs.move(1)
		case fyne.KeyEscape:
			rs.leave()
		}
	})
	rs.show()
}

func (rs *rollupSlides) move(by int) {
	rs.slide = min(max(rs.slide+by, 0), rollupSlideCount-1)
	rs.show()
}

// show draws the slide from the roll-up as last added up, so a plan
// saved meanwhile shows on the next move.
func (rs *rollupSlides) show() {
	w := rs.w
	rp := w.projection
	if rp == nil {
		return
	}
	rs.sentence.SetText(w.headline.Text)
	s := rp.Summarise(w.today())
	if rs.slide == 0 {
		rs.chart.SetGrowth(charts.RollupGrowth(w.rollup.Name, rp, rollupMonth(rp, w.today()), w.trainees))
	} else {
		rs.chart.SetChart(charts.MemberGapChart(w.rollup.Name, rp, s.At))
	}
	rs.counter.SetText(fmt.Sprintf("%d of %d", rs.slide+1, rollupSlideCount))
}

// leave puts the roll-up's window back as it was.
func (rs *rollupSlides) leave() {
	w := rs.w
	w.slides = nil
	w.win.Canvas().SetOnTypedKey(nil)
	w.win.SetFullScreen(false)
	w.win.SetContent(rs.before)
}
