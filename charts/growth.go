package charts

import (
	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"example.org/psyplan/plan"
)

// Point is a value at a month.
type Point struct {
	Month plan.Month
	Value float64
}

// Growth is the growth chart: projected staff in post against the
// expansion trajectory, with its milestones and the census actuals.
type Growth struct {
	Title      string
	Baseline   plan.Month
	Projected  []float64 // WTE per month from the baseline
	Target     []float64 // the trajectory's WTE per month
	Milestones []Point   // on the trajectory
	Actuals    []Point   // observed total in post
}

// GrowthOf makes the growth chart of a projection.
func GrowthOf(title string, p *plan.Plan, pr *plan.Projection) Growth {
	g := Growth{Title: title, Baseline: pr.Baseline, Target: pr.Target}
	g.Projected = make([]float64, len(pr.Total))
	for i, r := range pr.Total {
		g.Projected[i] = r.InPost
	}
	for _, m := range p.Trajectory.Milestones {
		if m.Month <= pr.Horizon {
			g.Milestones = append(g.Milestones, Point{m.Month, plan.TargetAt(p, m.Month)})
		}
	}
	for _, a := range p.Actuals {
		if a.Profession == "" && pr.Index(a.Month) >= 0 {
			g.Actuals = append(g.Actuals, Point{a.Month, a.InPostWTE})
		}
	}
	return g
}

func (g Growth) graph(w, h int, frame *Frame) renderable {
	s := sizeOf(w, h)
	n := len(g.Projected)
	xs := make([]float64, n)
	top := 0.0
	for i := range xs {
		xs[i] = float64(i)
		top = max(top, g.Projected[i], g.Target[i])
	}
	for _, a := range g.Actuals {
		top = max(top, a.Value)
	}
	yTicks, yTop := niceTicks(top*1.05, 6, wteLabel)
	xr := chart.ContinuousRange{Min: 0, Max: float64(max(n-1, 1))}
	yr := chart.ContinuousRange{Min: 0, Max: yTop}

	c := base(s, g.Title)
	c.XAxis = chart.XAxis{Style: axisStyle(s), Range: &xr, Ticks: monthTicks(g.Baseline, n)}
	c.YAxisSecondary = chart.YAxis{Style: axisStyle(s), Range: &yr, Ticks: yTicks,
		GridMajorStyle: gridStyle(), GridLines: gridLines(yTicks)}
	// go-chart reads the left axis's span from the right axis's ticks, so
	// the hidden right axis carries the same ones.
	c.YAxis = chart.YAxis{Range: &chart.ContinuousRange{Min: yr.Min, Max: yr.Max}, Ticks: yTicks, Style: chart.Style{Hidden: true}}
	c.Series = []chart.Series{
		chart.ContinuousSeries{Name: "Trajectory (target)", XValues: xs, YValues: g.Target,
			Style: chart.Style{StrokeColor: Orange, StrokeWidth: 3 * s.Scale, StrokeDashArray: []float64{10 * s.Scale, 6 * s.Scale}}},
		chart.ContinuousSeries{Name: "Projected in post", XValues: xs, YValues: g.Projected,
			Style: chart.Style{StrokeColor: Blue, StrokeWidth: 3.5 * s.Scale}},
	}
	if len(g.Milestones) > 0 {
		c.Series = append(c.Series, points("Milestones", g.Baseline, g.Milestones, Orange, 7*s.Scale))
	}
	if len(g.Actuals) > 0 {
		c.Series = append(c.Series, points("Actual (census)", g.Baseline, g.Actuals, Ink, 5*s.Scale))
	}
	onLeftAxis(c.Series)
	c.Elements = []chart.Renderable{legend(s, c.Series), probe(frame, &xr, &yr)}
	return c
}

// points is a series of dots with no line.
func points(name string, base plan.Month, ps []Point, color drawing.Color, size float64) chart.ContinuousSeries {
	xs, ys := make([]float64, len(ps)), make([]float64, len(ps))
	for i, p := range ps {
		xs[i], ys[i] = float64(p.Month-base), p.Value
	}
	return chart.ContinuousSeries{Name: name, XValues: xs, YValues: ys,
		Style: chart.Style{StrokeWidth: chart.Disabled, DotWidth: size, DotColor: color, StrokeColor: color}}
}

// monthTicks marks each April (the start of an NHS financial year) as
// "Apr 2021", every year on short plans and fewer on long ones.
func monthTicks(baseline plan.Month, n int) []chart.Tick {
	years := n / 12
	every := 1
	for years/every > 8 {
		every++
	}
	var ticks []chart.Tick
	for i := 0; i < n; i++ {
		m := baseline.Add(i)
		if m.MonthNumber() == 4 && m.Year()%every == 0 {
			ticks = append(ticks, chart.Tick{Value: float64(i), Label: m.Label()})
		}
	}
	if len(ticks) == 0 { // a plan shorter than a year: its ends
		return []chart.Tick{{Value: 0, Label: baseline.Label()}, {Value: float64(n - 1), Label: baseline.Add(n - 1).Label()}}
	}
	// go-chart spans the axis from the first tick to the last: unlabelled
	// ticks at both ends keep the whole projection on it.
	if ticks[0].Value > 0 {
		ticks = append([]chart.Tick{{Value: 0}}, ticks...)
	}
	if last := float64(n - 1); ticks[len(ticks)-1].Value < last {
		ticks = append(ticks, chart.Tick{Value: last})
	}
	return ticks
}

func gridLines(ticks []chart.Tick) []chart.GridLine {
	lines := make([]chart.GridLine, 0, len(ticks))
	for _, t := range ticks {
		lines = append(lines, chart.GridLine{Value: t.Value})
	}
	return lines
}

// legend draws the series' names in a row above the plot.
func legend(s Size, series []chart.Series) chart.Renderable {
	return func(r chart.Renderer, box chart.Box, defaults chart.Style) {
		x := box.Left
		y := box.Top - int(18*s.Scale)
		r.SetFont(defaults.GetFont())
		r.SetFontSize(s.font(11))
		r.SetFontColor(Ink)
		for _, se := range series {
			st := se.GetStyle()
			color := st.StrokeColor
			if st.StrokeWidth == chart.Disabled {
				color = st.DotColor
				r.SetFillColor(color)
				r.SetStrokeColor(color)
				r.SetStrokeWidth(1)
				r.Circle(5*s.Scale, x+int(10*s.Scale), y-int(4*s.Scale))
				r.FillStroke()
			} else {
				r.SetStrokeColor(color)
				r.SetStrokeWidth(st.StrokeWidth)
				r.SetStrokeDashArray(st.StrokeDashArray)
				r.MoveTo(x, y-int(4*s.Scale))
				r.LineTo(x+int(22*s.Scale), y-int(4*s.Scale))
				r.Stroke()
				r.SetStrokeDashArray(nil)
			}
			x += int(30 * s.Scale)
			r.SetFontColor(Ink)
			r.Text(se.GetName(), x, y+int(1*s.Scale))
			x += r.MeasureText(se.GetName()).Width() + int(24*s.Scale)
		}
	}
}

// onLeftAxis puts the series on go-chart's secondary y axis, which it
// draws on the left, where planners look for it.
func onLeftAxis(series []chart.Series) {
	for i, se := range series {
		if cs, ok := se.(chart.ContinuousSeries); ok {
			cs.YAxis = chart.YAxisSecondary
			series[i] = cs
		}
	}
}
