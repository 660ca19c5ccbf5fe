package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"example.org/psyplan/app/kit"
	"example.org/psyplan/charts"
	"example.org/psyplan/format"
	"example.org/psyplan/plan"
)

// overviewView is the headline figures for the scenario shown, a status
// in words, and the growth chart.
type overviewView struct {
	ui     *UI
	status *widget.Label
	// demand and budget are the sentences on people a year against the
	// access target and the pay bill against the budget ("" when the
	// plan has none), shown in demandLine and budgetLine.
	demand, budget         string
	demandLine, budgetLine *widget.Label
	filter                 charts.Filter
	profSel                *widget.Select
	areaSel                *widget.Select
	kindSel                *widget.Select
	figures                map[string]*figure
	chart                  *kit.ChartView
	object                 fyne.CanvasObject
	today                  func() plan.Month
	summary                plan.Summary // as last shown, for tests and slides
	band                   *bandBar
}

// figure is one headline: a caption, a big number and a line under it.
type figure struct {
	value *widget.Label
	note  *widget.Label
	box   fyne.CanvasObject
}

func newFigure(caption string) *figure {
	f := &figure{value: widget.NewLabelWithStyle("–", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), note: widget.NewLabel("")}
	f.value.SizeName = theme.SizeNameHeadingText
	f.note.Wrapping = fyne.TextWrapWord
	f.note.SizeName = theme.SizeNameCaptionText
	c := widget.NewLabelWithStyle(caption, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.box = container.NewVBox(c, f.value, f.note)
	return f
}

func (f *figure) set(value, note string) {
	f.value.SetText(value)
	f.note.SetText(note)
}

var figureOrder = []string{"baseline", "projected", "target", "gap", "horizon", "sofar", "unplaced", "vacancies"}

func newOverviewView(ui *UI) *overviewView {
	ov := &overviewView{ui: ui, figures: map[string]*figure{}, chart: kit.NewChartView(), today: thisMonth}
	captions := map[string]string{
		"baseline": "Baseline workforce", "projected": "Projected", "target": "Trajectory target",
		"gap": "Gap to the trajectory", "horizon": "At the horizon", "sofar": "Growth so far",
		"unplaced": "Unplaced qualifiers", "vacancies": "Vacancies",
	}
	grid := container.NewGridWithColumns(4)
	for _, k := range figureOrder {
		ov.figures[k] = newFigure(captions[k])
		grid.Add(ov.figures[k].box)
	}
	ov.status = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	ov.status.Wrapping = fyne.TextWrapWord
	ov.demandLine, ov.budgetLine = widget.NewLabel(""), widget.NewLabel("")
	for _, l := range []*widget.Label{ov.demandLine, ov.budgetLine} {
		l.Wrapping = fyne.TextWrapWord
		l.Hide()
	}
	ov.profSel = widget.NewSelect(nil, func(string) { ov.filterChanged() })
	ov.areaSel = widget.NewSelect(nil, func(string) { ov.filterChanged() })
	menu := make([]string, len(charts.Kinds))
	for i, k := range charts.Kinds {
		menu[i] = k.Menu
	}
	ov.kindSel = widget.NewSelect(menu, func(string) { ov.drawChart() })
	// a Select is as wide as its placeholder: the longest name, so each reads whole
	ov.kindSel.PlaceHolder = longest(menu)
	ov.kindSel.SetSelected(menu[0])
	compare := widget.NewCheck("Compare scenarios", func(on bool) { ui.session.SetCompare(on); ov.drawChart() })
	tools := container.NewHBox(widget.NewLabel("Chart"), ov.kindSel, widget.NewLabel("Profession"), ov.profSel,
		widget.NewLabel("Service area"), ov.areaSel, compare, widget.NewButtonWithIcon("What does it take?", theme.SearchIcon(), ui.showAnswers))
	ov.band = newBandBar(ui)
	ui.session.OnBandChange(ov.drawChart)
	top := container.NewVBox(ov.status, ov.demandLine, ov.budgetLine, grid, tools, ov.band.object)
	ov.object = container.NewBorder(top, ov.chart.Readout, nil, nil, ov.chart)
	return ov
}

const everyOne = "All"

// filterOptions offers the plan's professions and service areas.
func (ov *overviewView) filterOptions(p *plan.Plan) {
	profs := append([]string{everyOne}, professionNames(p)...)
	seen := map[string]bool{}
	areas := []string{everyOne}
	for _, l := range p.Posts {
		if !seen[l.ServiceArea] {
			seen[l.ServiceArea] = true
			areas = append(areas, l.ServiceArea)
		}
	}
	ov.profSel.Options, ov.areaSel.Options = profs, areas
	if ov.profSel.Selected == "" || !contains(profs, ov.profSel.Selected) {
		ov.profSel.SetSelected(everyOne)
	}
	if ov.areaSel.Selected == "" || !contains(areas, ov.areaSel.Selected) {
		ov.areaSel.SetSelected(everyOne)
	}
}

// longest is the widest of names in the window's type.
func longest(names []string) string {
	out, w := "", float32(0)
	for _, n := range names {
		if nw := fyne.MeasureText(n, theme.TextSize(), fyne.TextStyle{}).Width; nw > w {
			out, w = n, nw
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (ov *overviewView) filterChanged() {
	p := ov.ui.session.Plan()
	if p == nil {
		return
	}
	ov.filter = charts.Filter{}
	if v := ov.profSel.Selected; v != "" && v != everyOne {
		ov.filter.Profession = professionID(p, v)
	}
	if v := ov.areaSel.Selected; v != "" && v != everyOne {
		ov.filter.ServiceArea = v
	}
	ov.drawChart()
}

// drawChart draws the chosen chart of the projection shown, filtered, and
// with the plan's other scenarios as lines when comparing (the session
// projects them).
func (ov *overviewView) drawChart() {
	p, pr := ov.ui.session.Plan(), ov.ui.session.Projection()
	if p == nil || pr == nil {
		return
	}
	in := charts.Input{Plan: p, Projection: pr, Filter: ov.filter, Today: ov.today(), Compare: ov.ui.session.Compared(), Band: ov.ui.session.Band()}
	kind := charts.Kinds[0]
	for _, k := range charts.Kinds {
		if k.Menu == ov.kindSel.Selected {
			kind = k
		}
	}
	if kind.Name == "growth" {
		title := charts.GrowthTitle(p)
		if pr.Scenario != "" {
			title += " (" + pr.Scenario + ")"
		}
		ov.chart.SetGrowth(charts.GrowthChart(in, title))
		return
	}
	c, err := charts.Make(kind.Name, in)
	if err != nil {
		ov.ui.setStatus("The chart cannot be drawn: " + err.Error())
		return
	}
	ov.chart.SetChart(c)
}

var thisMonth = kit.ThisMonth

func (ov *overviewView) refresh() {
	p, pr := ov.ui.session.Plan(), ov.ui.session.Projection()
	if p == nil || pr == nil {
		ov.status.SetText("")
		ov.showMoney("", "")
		return
	}
	s := plan.Summarise(p, pr, ov.today())
	ov.summary = s
	ov.status.SetText(s.Sentence())
	ov.showMoney(demandSentence(p, pr), budgetSentence(p, pr))
	ov.show(p, s)
	ov.filterOptions(p)
	ov.drawChart()
}

// showMoney shows the demand and budget sentences, the pay bill in red
// when it goes over the budget. (Two labels: a RichText of both kept the
// height it had when first wrapped at no width, and pushed the chart out.)
func (ov *overviewView) showMoney(demand, budget string) {
	if demand == ov.demand && budget == ov.budget {
		return
	}
	ov.demand, ov.budget = demand, budget
	ov.budgetLine.Importance = widget.MediumImportance
	if strings.HasPrefix(budget, "Pay bill over budget") {
		ov.budgetLine.Importance = widget.DangerImportance
	}
	say(ov.demandLine, demand)
	say(ov.budgetLine, budget)
}

func (ov *overviewView) show(p *plan.Plan, s plan.Summary) {
	f := ov.figures
	when := s.At.Label()
	f["baseline"].set(format.WTE(s.BaselineWTE)+" WTE", "at the end of "+p.Baseline.Label())
	f["projected"].set(format.WTE(s.Projected)+" WTE", "in "+when+growthNote(s.Projected, s.BaselineWTE))
	f["target"].set(format.WTE(s.Target)+" WTE", fmt.Sprintf("%s growth by %s", format.Percent(s.GrowthPct), when))
	f["gap"].set(format.Signed(s.Gap, format.WTE)+" WTE", format.Percent(s.GapPct)+" of the target in "+when)
	f["horizon"].set(format.WTE(s.HorizonProjected)+" WTE", "in "+p.Horizon.Label()+
		"; target "+format.WTE(s.HorizonTarget)+" WTE")
	sofar := "projected growth to " + s.Today.Label()
	if s.LatestActual != nil {
		sofar += fmt.Sprintf("; census %s WTE in %s (%s)", format.WTE(s.LatestActual.InPostWTE),
			s.LatestActual.Month.Label(), format.Signed(s.ActualGrowthPct, format.Percent))
	}
	f["sofar"].set(format.Signed(s.GrowthSoFarPct, format.Percent), sofar)
	f["unplaced"].set(format.WTE(s.Unplaced)+" WTE", "qualify with no funded post to go to, over the whole plan")
	f["vacancies"].set(format.WTE(s.Vacancies)+" WTE", "funded but empty in "+when)
}

func growthNote(now, base float64) string {
	if base == 0 {
		return ""
	}
	return " (" + format.Signed((now-base)/base*100, format.Percent) + " on the baseline)"
}
