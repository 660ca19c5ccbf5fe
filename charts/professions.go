package charts

import (
	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"example.org/psyplan/format"
	"example.org/psyplan/plan"
)

// palette is for charts with a series per profession: Okabe-Ito's
// colours, then again dashed.
var palette = []drawing.Color{Blue, Orange, Green, Vermilion, Purple, SkyBlue, Ink, Yellow}

// professionLines is WTE per profession over time.
type professionLines struct {
	title    string
	baseline plan.Month
	names    []string
	values   [][]float64
}

// ProfessionsChart shows each profession's workforce (staff in post, with
// salaried trainees when the plan counts them) over time.
func ProfessionsChart(in Input) Chart {
	ids, rows := byProfession(in)
	what := "Staff in post"
	if in.Plan.CountSalariedTrainees {
		what = "Workforce (in post + salaried trainees)"
	}
	c := professionLines{title: what + " by profession" + in.Filter.describe(in.Plan), baseline: in.Projection.Baseline}
	for _, id := range ids {
		c.names = append(c.names, professionLabel(in.Plan, id))
		c.values = append(c.values, workforce(rows[id]))
	}
	return c
}

func (c professionLines) graph(s Size, frame *Frame) renderable {
	n := 1
	top := 0.0
	for _, v := range c.values {
		n = max(n, len(v))
		for _, x := range v {
			top = max(top, x)
		}
	}
	xs := make([]float64, n)
	for i := range xs {
		xs[i] = float64(i)
	}
	yTicks, yTop := niceTicks(top*1.05, 6, wteLabel)
	xr := chart.ContinuousRange{Min: 0, Max: float64(max(n-1, 1))}
	yr := chart.ContinuousRange{Min: 0, Max: yTop}
	g := base(s, c.title)
	axes(&g, s, &xr, &yr, monthTicks(c.baseline, n), yTicks)
	g.Series = []chart.Series{placeholder(0, 0)}
	for i, v := range c.values {
		st := chart.Style{StrokeColor: palette[i%len(palette)], StrokeWidth: 2.5 * s.Scale}
		if i >= len(palette) {
			st.StrokeDashArray = []float64{8 * s.Scale, 4 * s.Scale}
		}
		g.Series = append(g.Series, chart.ContinuousSeries{Name: c.names[i], XValues: xs, YValues: v, Style: st})
	}
	onLeftAxis(g.Series)
	g.Elements = []chart.Renderable{sideLegend(&g, s, g.Series[1:]), probe(frame, &xr, &yr)}
	return g
}

// professionGrowth is projected growth % per profession against the plan's target %.
type professionGrowth struct {
	title   string
	names   []string
	growth  []float64
	target  float64
	atLabel string
}

// ProfessionGrowthChart shows which professions carry the expansion:
// each one's projected growth at the judged month against the target %.
func ProfessionGrowthChart(in Input) Chart {
	at := judgedAt(in)
	c := professionGrowth{title: "Projected growth by profession to " + at.Label() + in.Filter.describe(in.Plan),
		target: plan.GrowthAt(in.Plan, at), atLabel: at.Label()}
	for _, g := range plan.GrowthByProfession(in.Plan, in.Projection, at, in.Filter.keeps) {
		c.names = append(c.names, professionLabel(in.Plan, g.Profession))
		c.growth = append(c.growth, g.GrowthPct)
	}
	return c
}

func (c professionGrowth) graph(s Size, frame *Frame) renderable {
	// The axis covers every bar, a new role grown from a handful too
	// (+260 % against a 60 % target): a bar cut at the edge misreads.
	lo, hi := 0.0, c.target
	for _, g := range c.growth {
		lo, hi = min(lo, g), max(hi, g)
	}
	pct := func(v float64) string { return format.Whole(v) + " %" }
	xTicks, xTop := niceTicks(hi*1.1, 6, pct)
	xMin := 0.0
	for step := xTicks[1].Value; xMin > lo; {
		xMin -= step
		xTicks = append([]chart.Tick{{Value: xMin, Label: pct(xMin)}}, xTicks...)
	}
	// the first profession at the top: category i sits at y = n-1-i
	n := len(c.names)
	size, fitted := fitNames(s, c.names, s.W*2/5)
	names := make([]string, n)
	for i, name := range fitted {
		names[n-1-i] = name
	}
	yTicks, yr := categoryTicks(make([]string, n)) // the names are drawn by categoryNames
	xr := chart.ContinuousRange{Min: xMin, Max: xTop}
	g := base(s, c.title)
	axes(&g, s, &xr, yr, xTicks, yTicks)
	g.YAxisSecondary.GridLines = nil
	g.XAxis.GridMajorStyle, g.XAxis.GridLines = gridStyle(), gridLines(xTicks)
	above := bars{Name: "At or above the target", Color: Blue, Width: 0.65, Horizontal: true}
	below := bars{Name: "Below the target", Color: Vermilion, Width: 0.65, Horizontal: true}
	for i, v := range c.growth {
		b := bar{X: float64(n - 1 - i), Y0: 0, Y1: v}
		if v >= c.target {
			b.Color = Blue
			above.Items = append(above.Items, b)
		} else {
			b.Color = Vermilion
			below.Items = append(below.Items, b)
		}
	}
	g.Series = []chart.Series{
		placeholder(0, 0), above, below,
		chart.ContinuousSeries{Name: "Target: " + format.Percent(c.target) + " by " + c.atLabel,
			XValues: []float64{c.target, c.target}, YValues: []float64{yr.Min, yr.Max},
			Style: chart.Style{StrokeColor: Orange, StrokeWidth: 3 * s.Scale}},
	}
	onLeftAxis(g.Series)
	g.Background.Padding.Left = namesWidth(size, names) + int(28*s.Scale)
	g.Elements = []chart.Renderable{legend(&g, s), probe(frame, &xr, yr), c.valueLabels(s, &xr, yr), categoryNames(s, size, names, yr)}
	return g
}

// valueLabels writes each profession's growth at the end of its bar, or
// inside it in white where the end is too near the plot's edge.
func (c professionGrowth) valueLabels(s Size, xr, yr *chart.ContinuousRange) chart.Renderable {
	return func(r chart.Renderer, box chart.Box, defaults chart.Style) {
		defer r.ResetStyle()
		r.SetFont(defaults.GetFont())
		r.SetFontSize(s.font(9))
		r.SetFontColor(Ink)
		n := len(c.growth)
		for i, v := range c.growth {
			text := format.Signed(v, format.Percent)
			w := r.MeasureText(text).Width()
			end := box.Left + xr.Translate(max(0, v))
			x := end + int(6*s.Scale)
			if x+w > box.Right {
				x = end - w - int(6*s.Scale)
				r.SetFontColor(Paper)
			}
			y := box.Bottom - yr.Translate(float64(n-1-i)) + int(5*s.Scale)
			r.Text(text, x, y)
			r.SetFontColor(Ink)
		}
	}
}

// labelWidth is room on the left for the longest category label.
func labelWidth(s Size, labels []string) int {
	longest := 0
	for _, l := range labels {
		longest = max(longest, len([]rune(l)))
	}
	return int(float64(longest)*s.font(10)*0.62) + int(24*s.Scale)
}

// shortNames keeps long role names readable under a bar.
func shortNames(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		r := []rune(n)
		if len(r) > 32 {
			n = string(r[:31]) + "…"
		}
		out[i] = n
	}
	return out
}

// sideLegend lists series down the right of the plot, for many lines,
// and makes the room it takes on the right: as wide as the longest name,
// in type small enough (down to two thirds of the usual) for that to be
// at most two fifths of the chart, and for every row to fit its height.
func sideLegend(g *chart.Chart, s Size, series []chart.Series) chart.Renderable {
	names := make([]string, len(series))
	for i, se := range series {
		names[i] = se.GetName()
	}
	gap, mark := int(24*s.Scale), int(30*s.Scale)
	usual := s.font(10)
	size := usual
	if w, room := namesWidth(size, names), s.W*2/5-gap-mark; w > room {
		size = size * float64(room) / float64(w)
	}
	// rows 1.25 times the type's height (go-chart: 92 dots an inch), within the plot's height
	tall := float64(s.H) - float64(g.Background.Padding.Top) - 60*s.Scale*s.Text
	if n := float64(len(names)); n > 0 && n*size*92/72*1.25 > tall {
		size = min(size, tall/(n*92/72*1.25))
	}
	size = max(size, usual*2/3)
	size, names = fitNamesAt(size, names, s.W*2/5-gap-mark)
	rowH := int(size * 92 / 72 * 1.25)
	g.Background.Padding.Right = gap + mark + namesWidth(size, names) + int(12*s.Scale)
	return func(r chart.Renderer, box chart.Box, defaults chart.Style) {
		defer r.ResetStyle()
		x := box.Right + gap
		y := box.Top + rowH/2
		r.SetFont(defaults.GetFont())
		r.SetFontSize(size)
		for i, se := range series {
			lineMark(r, s, se.GetStyle(), x, y)
			r.SetFontColor(Ink)
			r.Text(names[i], x+mark, y+int(1*s.Scale))
			y += rowH
		}
	}
}
