package charts

import (
	"math"

	chart "github.com/wcharczuk/go-chart/v2"

	"example.org/psyplan/format"
	"example.org/psyplan/plan"
)

// RollupGrowth is the growth chart of a roll-up: the members' workforce
// summed against the sum of their own trajectories. A roll-up has no
// census actuals and no milestones of its own (its members may have
// different ones), so it marks the month it is judged at instead.
// withTrainees says some plan counts salaried trainees in its workforce.
func RollupGrowth(name string, rp *plan.RollupProjection, today plan.Month, withTrainees bool) Growth {
	g := Growth{Title: name + ": the plans' workforce summed against their trajectories summed",
		WithTrainees: withTrainees, Baseline: rp.Baseline, Target: rp.Target, Today: today}
	g.Projected = workforce(rp.Total)
	if at := rp.JudgedAt(); rp.Index(at) >= 0 {
		g.Milestones = []Point{{at, rp.Target[rp.Index(at)]}}
	}
	return g
}

// MemberGaps is each member's gap against its own trajectory at the
// month a roll-up is judged at, most behind at the top: which ICS is
// behind. Gaps come sorted (plan.RollupProjection.GapsAt sorts them).
type MemberGaps struct {
	Title string
	Gaps  []plan.MemberGap
}

// MemberGapChart is the member gaps chart of a roll-up at month at.
func MemberGapChart(name string, rp *plan.RollupProjection, at plan.Month) MemberGaps {
	return MemberGaps{Title: name + ": each plan's gap to its own trajectory at " + at.Label() + " (WTE)",
		Gaps: rp.GapsAt(at)}
}

func (c MemberGaps) graph(s Size, frame *Frame) renderable {
	lo, hi := 0.0, 0.0
	for _, g := range c.Gaps {
		lo, hi = min(lo, g.Gap), max(hi, g.Gap)
	}
	// ticks from 0 both ways, in the same step, so 0 is always a tick
	span := max(hi, -lo, 1)
	up, _ := niceTicks(span*1.1, 6, signedWTE)
	step := up[1].Value - up[0].Value
	from, to := -math.Ceil(-lo*1.1/step)*step, math.Ceil(hi*1.1/step)*step
	if from == to {
		to = from + step
	}
	var xTicks []chart.Tick
	for k := 0; from+float64(k)*step <= to+step/2; k++ {
		v := from + float64(k)*step
		xTicks = append(xTicks, chart.Tick{Value: v, Label: signedWTE(v)})
	}
	n := len(c.Gaps)
	names := make([]string, n)
	for i, g := range c.Gaps { // the most behind at the top: member i sits at y = n-1-i
		names[n-1-i] = g.Name
	}
	names = shortNames(names)
	yTicks, yr := categoryTicks(names)
	xr := chart.ContinuousRange{Min: xTicks[0].Value, Max: xTicks[len(xTicks)-1].Value}
	g := base(s, c.Title)
	axes(&g, s, &xr, yr, xTicks, yTicks)
	g.YAxisSecondary.Style.FontSize = nameSize(s, n)
	g.YAxisSecondary.GridLines = nil
	g.XAxis.GridMajorStyle, g.XAxis.GridLines = gridStyle(), gridLines(xTicks)
	behind := bars{Name: "Behind its trajectory", Color: Vermilion, Width: 0.7, Horizontal: true}
	ahead := bars{Name: "On or ahead of its trajectory", Color: Blue, Width: 0.7, Horizontal: true}
	for i, m := range c.Gaps {
		b := bar{X: float64(n - 1 - i), Y0: 0, Y1: m.Gap}
		if m.Gap < 0 {
			b.Color = Vermilion
			behind.Items = append(behind.Items, b)
		} else {
			b.Color = Blue
			ahead.Items = append(ahead.Items, b)
		}
	}
	g.Series = []chart.Series{placeholder(0, 0), behind, ahead,
		chart.ContinuousSeries{Name: "", XValues: []float64{0, 0}, YValues: []float64{yr.Min, yr.Max},
			Style: chart.Style{StrokeColor: Ink, StrokeWidth: 1.5 * s.Scale}}}
	onLeftAxis(g.Series)
	g.Background.Padding.Left = labelWidth(s, names)
	g.Elements = []chart.Renderable{legend(&g, s), probe(frame, &xr, yr)}
	if n <= 20 { // more would crowd the bars: the table beside the chart has them
		g.Elements = append(g.Elements, c.valueLabels(s, &xr, yr))
	}
	return g
}

// nameSize is the font size of the plans' names beside n bars: the axis's
// own, or smaller when so many plans share the height (a region's 42 ICS
// plans) that the names would run into each other; never below 6 points.
func nameSize(s Size, n int) float64 {
	size := axisStyle(s).FontSize
	plot := float64(s.H) * 0.72 // the bars' share of the height, below the title and legend, above the axis
	if n > 0 {
		if fits := plot / float64(n) / 1.3 * 72 / chart.DefaultDPI; fits < size {
			size = max(fits, 6*s.Scale)
		}
	}
	return size
}

// valueLabels writes each member's gap beside its bar, on the side away
// from zero.
func (c MemberGaps) valueLabels(s Size, xr, yr *chart.ContinuousRange) chart.Renderable {
	return func(r chart.Renderer, box chart.Box, defaults chart.Style) {
		defer r.ResetStyle()
		r.SetFont(defaults.GetFont())
		r.SetFontSize(s.font(9))
		r.SetFontColor(Ink)
		n := len(c.Gaps)
		for i, m := range c.Gaps {
			text := signedWTE(m.Gap)
			x := box.Left + xr.Translate(m.Gap) + int(6*s.Scale)
			if m.Gap < 0 {
				x = box.Left + xr.Translate(m.Gap) - r.MeasureText(text).Width() - int(6*s.Scale)
			}
			x = max(box.Left, min(x, box.Right-r.MeasureText(text).Width()))
			y := box.Bottom - yr.Translate(float64(n-1-i)) + int(5*s.Scale)
			r.Text(text, x, y)
		}
	}
}

// signedWTE is a gap in whole WTE with its sign: "+12", "-40", "0".
func signedWTE(v float64) string { return format.Signed(v, format.Whole) }
