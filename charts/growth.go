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

// Growth is the growth chart: the projected workforce (staff in post,
// plus salaried trainees when the plan counts them) against the expansion
// trajectory, with its milestones and the census actuals.
type Growth struct {
	Title string
	// WithTrainees says Projected counts salaried trainees, as the plan does.
	WithTrainees bool
	Baseline     plan.Month
	Projected    []float64 // workforce WTE per month from the baseline
	Target       []float64 // the trajectory's WTE per month
	Milestones   []Point   // on the trajectory
	Actuals      []Point   // observed total in post
	Today        plan.Month
	Others       []NamedSeries // other scenarios' workforce, compared
	Likely       *Likely       // the band behind the projected line; nil for none
}

// GrowthTitle is the growth chart's title for the plan.
func GrowthTitle(p *plan.Plan) string {
	return "Projected " + measured(p) + " against the expansion trajectory"
}

// NamedSeries is a named series of monthly values (plan.Line is a post
// line's projection).
type NamedSeries struct {
	Name   string
	Values []float64
}

// GrowthChart is the growth chart of the input: its lines (as filtered)
// against the trajectory, other scenarios compared, milestones, census
// points and today.
func GrowthChart(in Input, title string) Growth {
	p, pr := in.Plan, in.Projection
	rows := totals(pr, in.Filter)
	g := Growth{Title: title + in.Filter.describe(p), WithTrainees: p.CountSalariedTrainees, Baseline: pr.Baseline, Target: targets(in, rows), Today: in.Today}
	g.Projected = workforce(rows)
	for _, o := range in.Compare {
		name := o.Scenario
		if name == "" {
			name = "The plan"
		}
		g.Others = append(g.Others, NamedSeries{Name: name, Values: workforce(totals(o, in.Filter))})
	}
	g.Likely = likely(in, len(g.Projected))
	for _, m := range p.Trajectory.Milestones {
		if i := pr.Index(m.Month); i >= 0 {
			g.Milestones = append(g.Milestones, Point{m.Month, g.Target[i]})
		}
	}
	for _, a := range p.Actuals {
		if pr.Index(a.Month) < 0 {
			continue
		}
		if (a.Profession == "" && in.Filter.all()) || (a.Profession != "" && a.Profession == in.Filter.Profession && in.Filter.ServiceArea == "") {
			g.Actuals = append(g.Actuals, Point{a.Month, a.InPostWTE})
		}
	}
	return g
}

func inPost(rows []plan.Row) []float64 {
	out := make([]float64, len(rows))
	for i, r := range rows {
		out[i] = r.InPost
	}
	return out
}

// workforce is what the trajectory measures, per month.
func workforce(rows []plan.Row) []float64 {
	out := make([]float64, len(rows))
	for i, r := range rows {
		out[i] = r.Workforce
	}
	return out
}

func (g Growth) graph(s Size, frame *Frame) renderable {
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
	for _, o := range g.Others {
		for _, v := range o.Values {
			top = max(top, v)
		}
	}
	if g.Likely != nil {
		for _, v := range g.Likely.High {
			top = max(top, v)
		}
	}
	yTicks, yTop := niceTicks(top*1.05, 6, wteLabel)
	xr := chart.ContinuousRange{Min: 0, Max: float64(max(n-1, 1))}
	yr := chart.ContinuousRange{Min: 0, Max: yTop}

	c := base(s, g.Title)
	axes(&c, s, &xr, &yr, monthTicks(g.Baseline, n), yTicks)
	c.Series = []chart.Series{
		band{Name: "Gap", XValues: xs, Upper: g.Target, Lower: g.Projected, Color: Vermilion.WithAlpha(40)},
		chart.ContinuousSeries{Name: "Trajectory (target)", XValues: xs, YValues: g.Target,
			Style: chart.Style{StrokeColor: Orange, StrokeWidth: 3 * s.Scale, StrokeDashArray: []float64{10 * s.Scale, 6 * s.Scale}}},
		chart.ContinuousSeries{Name: g.legend(), XValues: xs, YValues: g.Projected,
			Style: chart.Style{StrokeColor: Blue, StrokeWidth: 3.5 * s.Scale}},
	}
	if l := g.Likely; l != nil { // behind every line, above the gap's shading
		c.Series = append(c.Series[:1], append([]chart.Series{band{Name: l.legend(), XValues: xs, Upper: l.High, Lower: l.Low,
			Color: SkyBlue.WithAlpha(110)}}, c.Series[1:]...)...)
	}
	for i, o := range g.Others {
		c.Series = append(c.Series, chart.ContinuousSeries{Name: o.Name, XValues: xs[:len(o.Values)], YValues: o.Values,
			Style: comparedStyle(s, i)})
	}
	if len(g.Milestones) > 0 {
		c.Series = append(c.Series, points("Milestones", g.Baseline, g.Milestones, Orange, 7*s.Scale))
	}
	if len(g.Actuals) > 0 {
		c.Series = append(c.Series, points("Actual (census)", g.Baseline, g.Actuals, Ink, 5*s.Scale))
	}
	if t := int(g.Today - g.Baseline); g.Today != 0 && t > 0 && t < n {
		c.Series = append(c.Series, marker{X: float64(t), Label: "Today", Size: s})
	}
	onLeftAxis(c.Series)
	c.Elements = []chart.Renderable{legend(&c, s), probe(frame, &xr, &yr)}
	if g.Likely != nil && g.Likely.Chance != "" {
		c.Elements = append(c.Elements, note(s, g.Likely.Chance))
	}
	return c
}

// legend names the projected line: "Projected in post", or "Projected
// workforce" when salaried trainees are counted in it.
func (g Growth) legend() string {
	if g.WithTrainees {
		return "Projected workforce (in post + salaried trainees)"
	}
	return "Projected in post"
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

// legend draws the series' names in rows above the plot, from the
// chart's left edge: as many rows as it takes to keep every name
// inside the chart, the plot moved down to make room.
func legend(g *chart.Chart, s Size) chart.Renderable {
	series := g.Series
	left, right := int(16*s.Scale), s.W-int(16*s.Scale)
	rows := legendRows(s, series, left, right)
	rowH := int(24 * s.Scale * s.Text)
	g.Background.Padding.Top = int(72*s.Scale*s.Text) + (len(rows)-1)*rowH
	return func(r chart.Renderer, box chart.Box, defaults chart.Style) {
		defer r.ResetStyle()
		r.SetFont(defaults.GetFont())
		r.SetFontSize(s.font(11))
		r.SetFontColor(Ink)
		y := box.Top - int(18*s.Scale*s.Text) - (len(rows)-1)*rowH
		for _, row := range rows {
			x := left
			for _, se := range row {
				st := se.GetStyle()
				if st.StrokeWidth == chart.Disabled {
					color := st.DotColor
					r.SetFillColor(color)
					r.SetStrokeColor(color)
					r.SetStrokeWidth(1)
					r.Circle(5*s.Scale, x+int(10*s.Scale), y-int(4*s.Scale))
					r.FillStroke()
				} else {
					lineMark(r, s, st, x, y)
				}
				x += int(30 * s.Scale)
				r.SetFontColor(Ink)
				name := se.GetName()
				for len([]rune(name)) > 4 && x+r.MeasureText(name).Width() > right { // alone on its row, and still too long
					rs := []rune(name)
					name = string(rs[:len(rs)-2]) + "…"
				}
				r.Text(name, x, y+int(1*s.Scale))
				x += r.MeasureText(name).Width() + int(36*s.Scale)
			}
			y += rowH
		}
	}
}

// legendRows breaks the named series into rows that fit between left and
// right, measuring each name in the legend's type.
func legendRows(s Size, series []chart.Series, left, right int) [][]chart.Series {
	measure := func(text string) int { return textWidth(s.font(11), text) }
	var rows [][]chart.Series
	var row []chart.Series
	x := left
	for _, se := range series {
		if se.GetName() == "" {
			continue
		}
		w := int(30*s.Scale) + measure(se.GetName())
		if len(row) > 0 && x+w > right {
			rows, row, x = append(rows, row), nil, left
		}
		row = append(row, se)
		x += w + int(36*s.Scale)
	}
	if len(row) > 0 || len(rows) == 0 {
		rows = append(rows, row)
	}
	return rows
}

// lineMark draws a series' line, 22 points long, in a legend.
func lineMark(r chart.Renderer, s Size, st chart.Style, x, y int) {
	r.SetStrokeColor(st.StrokeColor)
	r.SetStrokeWidth(st.StrokeWidth)
	r.SetStrokeDashArray(st.StrokeDashArray)
	r.MoveTo(x, y-int(4*s.Scale))
	r.LineTo(x+int(22*s.Scale), y-int(4*s.Scale))
	r.Stroke()
	r.SetStrokeDashArray(nil)
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
