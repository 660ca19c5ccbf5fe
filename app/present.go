package app

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"example.org/psyplan/app/kit"
	"example.org/psyplan/app/session"
	"example.org/psyplan/charts"
	"example.org/psyplan/format"
	"example.org/psyplan/plan"
)

// presenter is workshop mode: the window full screen, one chart a slide
// in a light, high-contrast theme with large type, and what-if controls
// that redraw the chart at once without touching the saved plan.
type presenter struct {
	ui       *UI
	slide    int
	kinds    []charts.Kind // the charts of the slides, then the answer's slide
	whatIf   plan.WhatIf
	title    *widget.Label
	sentence *widget.Label
	counter  *widget.Label
	chart    *kit.ChartView
	leavers  *widget.Slider
	intake   *widget.Slider
	recruits *widget.Slider
	capping  *widget.Check
	labels   [3]*widget.Label // what each slider is set to
	keep     *widget.Button
	kept     *widget.Label // what Keep as scenario did: the slide's sentence stays the slide's
	object   fyne.CanvasObject
	before   fyne.CanvasObject // the window's content, back on leaving
	loading  bool
	live     liveBand // the band following the what-if (present_band.go)
}

// present starts workshop mode on the first slide.
func (ui *UI) present() {
	if ui.session.Plan() == nil || ui.presenting != nil {
		return
	}
	ps := newPresenter(ui)
	ui.presenting = ps
	ps.before = ui.win.Content()
	ui.app.Settings().SetTheme(slideTheme{theme.DefaultTheme()})
	ui.win.SetContent(ps.object)
	ui.win.SetFullScreen(true)
	ui.win.Canvas().Unfocus()
	ps.show()
}

func newPresenter(ui *UI) *presenter {
	ps := &presenter{ui: ui, whatIf: plan.WhatIf{RecruitFactor: 1, From: thisMonth()}, kinds: slideKinds(ui.session.Plan())}
	ps.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	ps.title.SizeName = theme.SizeNameHeadingText
	ps.sentence = widget.NewLabel("")
	ps.sentence.Wrapping = fyne.TextWrapWord
	ps.sentence.SizeName = theme.SizeNameSubHeadingText
	ps.counter = widget.NewLabel("")
	ps.chart = kit.NewChartView()
	ps.chart.Slide = true
	ps.leavers = slider(-10, 10, 0.5, 0, ps.changed)
	ps.intake = slider(0, 100, 5, 0, ps.changed)
	ps.recruits = slider(0, 3, 0.1, 1, ps.changed)
	for _, s := range []*widget.Slider{ps.leavers, ps.intake, ps.recruits} {
		s.OnChangeEnded = func(float64) { ps.settled() }
	}
	ps.capping = widget.NewCheck("Hires only fill funded posts", func(bool) { ps.changed(0); ps.settled() })
	ps.capping.Checked = ui.session.Plan().CapHires
	for i := range ps.labels {
		ps.labels[i] = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	ps.keep = widget.NewButtonWithIcon("Keep as scenario", theme.DocumentSaveIcon(), ps.keepAsScenario)
	ps.kept = widget.NewLabel("")
	ps.kept.Wrapping = fyne.TextWrapWord
	reset := widget.NewButtonWithIcon("Reset", theme.ContentUndoIcon(), ps.reset)
	prev := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { ps.move(-1) })
	next := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { ps.move(1) })
	exit := widget.NewButtonWithIcon("Leave (Esc)", theme.CancelIcon(), ui.leavePresentation)
	// the tick box as wide as its words, the sliders sharing the rest (a
	// quarter of a 1280-pixel screen cut its words)
	controls := container.NewBorder(nil, nil, nil, ps.capping, container.NewGridWithColumns(3,
		container.NewBorder(ps.labels[0], nil, nil, nil, ps.leavers),
		container.NewBorder(ps.labels[1], nil, nil, nil, ps.intake),
		container.NewBorder(ps.labels[2], nil, nil, nil, ps.recruits)))
	bottom := container.NewVBox(widget.NewSeparator(), controls,
		container.NewBorder(nil, nil, container.NewHBox(reset, ps.keep, widget.NewLabel("    "), prev, ps.counter, next, exit), nil, ps.kept))
	top := container.NewVBox(ps.title, ps.sentence)
	bg := canvas.NewRectangle(color.White)
	ps.object = container.NewStack(bg, container.NewPadded(container.NewBorder(top, bottom, nil, nil, ps.chart)))
	return ps
}

func slider(lo, hi, step, value float64, changed func(float64)) *widget.Slider {
	s := widget.NewSlider(lo, hi)
	s.Step = step
	s.Value = value
	s.OnChanged = changed
	return s
}

// leavePresentation goes back to the window as it was.
func (ui *UI) leavePresentation() {
	ps := ui.presenting
	if ps == nil {
		return
	}
	ui.presenting = nil
	ui.win.SetFullScreen(false)
	ui.app.Settings().SetTheme(plannerTheme{theme.DefaultTheme()})
	ui.win.SetContent(ps.before)
}

// key handles the keys a presentation clicker sends: next on Right, Down,
// Page Down and Space; back on Left, Up and Page Up; Esc leaves.
func (ps *presenter) key(k fyne.KeyName) bool {
	switch k {
	case fyne.KeyRight, fyne.KeyDown, fyne.KeyPageDown, fyne.KeySpace:
		ps.move(1)
	case fyne.KeyLeft, fyne.KeyUp, fyne.KeyPageUp:
		ps.move(-1)
	case fyne.KeyEscape:
		ps.ui.leavePresentation()
	default:
		return false
	}
	return true
}

func (ps *presenter) move(by int) {
	n := ps.slideCount()
	ps.slide = (ps.slide + by + n) % n
	ps.ui.win.Canvas().Unfocus() // arrows move slides, not a slider
	ps.show()
}

// changed reads the controls into the what-if and redraws.
func (ps *presenter) changed(float64) {
	if ps.loading {
		return
	}
	ps.whatIf.LeaverPoints = ps.leavers.Value
	ps.whatIf.ExtraIntakePct = ps.intake.Value
	ps.whatIf.RecruitFactor = ps.recruits.Value
	ps.whatIf.CapHires = nil
	if ps.capping.Checked != ps.ui.session.Plan().CapHires {
		on := ps.capping.Checked
		ps.whatIf.CapHires = &on
	}
	ps.show()
}

func (ps *presenter) reset() {
	ps.loading = true
	ps.leavers.SetValue(0)
	ps.intake.SetValue(0)
	ps.recruits.SetValue(1)
	ps.capping.SetChecked(ps.ui.session.Plan().CapHires)
	ps.loading = false
	ps.changed(0)
	ps.settled()
}

// show has the session project the plan with the what-if (off the UI
// goroutine) and draws the current slide.
func (ps *presenter) show() {
	ps.counter.SetText(fmt.Sprintf("Slide %d of %d", ps.slide+1, ps.slideCount()))
	if ps.slide == len(ps.kinds) {
		ps.showAnswer()
		return
	}
	kind := ps.kinds[ps.slide]
	ps.controls(true)
	ps.title.SetText(kind.Title)
	ps.labels[0].SetText(fmt.Sprintf("Leaver rates %+.1f points", ps.whatIf.LeaverPoints))
	ps.labels[1].SetText("Training intake +" + format.Percent(ps.whatIf.ExtraIntakePct))
	ps.labels[2].SetText(fmt.Sprintf("Recruitment ×%.1f", ps.whatIf.RecruitFactor))
	setEnabled(ps.keep, !ps.whatIf.None())
	name := kind.Name
	describe := func(in charts.Input) string { return slideSentence(name, in.Plan, in.Projection, in.Today) }
	ps.ui.session.WhatIf(ps.whatIf, thisMonth(), describe, func(in charts.Input, sentence string, err error) {
		if ps.ui.presenting != ps {
			return
		}
		if err == nil {
			ps.live.shown(in, ps.whatIf)
			if err = ps.draw(name); err == nil {
				ps.sentence.SetText(sentence)
				ps.followBand(name, session.QuickBandRuns)
				return
			}
		}
		ps.sentence.SetText(err.Error())
	})
}

// keepAsScenario saves the what-if as an ordinary scenario of the plan,
// under a name the planner gives in a box wide enough to read it whole.
// What it did is said beside the button: the slide's sentence is the
// chart's and stays.
func (ps *presenter) keepAsScenario() {
	entry := widget.NewEntry()
	entry.SetText(ps.ui.session.Plan().UniqueScenarioName("Workshop what-if"))
	d := dialog.NewForm("Keep as scenario", "Keep", "Cancel", []*widget.FormItem{widget.NewFormItem("Name", entry)}, func(ok bool) {
		if ok {
			ps.keepAs(entry.Text)
		}
	}, ps.ui.win)
	d.Resize(fyne.NewSize(keepDialogWidth(ps.ui.win.Canvas().Size().Width), d.MinSize().Height))
	d.Show()
	ps.ui.win.Canvas().Focus(entry)
}

// keepDialogWidth is wide enough for a scenario's name of 40 or so
// characters in the slides' large type, and never wider than the window.
func keepDialogWidth(window float32) float32 { return min(720, window*0.9) }

// keepAs adds the what-if to the plan as the scenario name.
func (ps *presenter) keepAs(name string) {
	w := ps.whatIf
	err := ps.ui.session.Edit("", func(p *plan.Plan) error {
		p.Scenarios = append(p.Scenarios, w.Scenario(p, name))
		return nil
	})
	ps.kept.Importance = widget.MediumImportance
	if err != nil {
		ps.kept.Importance = widget.DangerImportance
		ps.kept.SetText("Not kept: " + err.Error())
		return
	}
	ps.kept.SetText(fmt.Sprintf("Kept as the scenario %q.", name))
}

// slideTheme is light and high-contrast, with type for a room.
type slideTheme struct{ fyne.Theme }

func (t slideTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNameForeground:
		return color.Black
	case theme.ColorNameBackground:
		return color.White
	}
	return t.Theme.Color(n, theme.VariantLight)
}

func (t slideTheme) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case theme.SizeNameText:
		return t.Theme.Size(n) * 1.6
	case theme.SizeNameHeadingText:
		return t.Theme.Size(n) * 1.8
	case theme.SizeNameSubHeadingText:
		return t.Theme.Size(n) * 1.6
	}
	return t.Theme.Size(n)
}
