package charts

import (
	"math"

	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"example.org/psyplan/format"
	"example.org/psyplan/plan"
)

// stackChart is bars per category (financial years), each a stack of
// named parts, drawn to scale (not to 100 %).
type stackChart struct {
	title  string
	labels []string
	parts  []stackPart
	yLabel func(float64) string
}

type stackPart struct {
	name   string
	color  drawing.Color
	values []float64
}

func (c stackChart) graph(s Size, frame *Frame) renderable { return c.chart(s, frame, 0) }

// chart draws the stacks on axes tall enough for them and for atLeast.
func (c stackChart) chart(s Size, frame *Frame, atLeast float64) chart.Chart {
	top := atLeast
	for i := range c.labels {
		sum := 0.0
		for _, p := range c.parts {
			sum += max(0, p.values[i])
		}
		top = max(top, sum)
	}
	yTicks, yTop := niceTicks(top*1.08, 6, c.yLabel)
	xTicks, xr := categoryTicks(everyFew(s, c.labels, yTicks))
	yr := chart.ContinuousRange{Min: 0, Max: yTop}
	g := base(s, c.title)
	axes(&g, s, xr, &yr, xTicks, yTicks)
	g.Series = []chart.Series{placeholder(0, 0)}
	bottoms := make([]float64, len(c.labels))
	for _, p := range c.parts {
		b := bars{Name: p.name, Color: p.color, Width: 0.6}
		for i, v := range p.values {
			b.Items = append(b.Items, bar{X: float64(i), Y0: bottoms[i], Y1: bottoms[i] + max(0, v), Color: p.color})
			bottoms[i] += max(0, v)
		}
		g.Series = append(g.Series, b)
	}
	onLeftAxis(g.Series)
	g.Elements = []chart.Renderable{legend(&g, s), probe(frame, xr, &yr)}
	return g
}

// everyFew keeps every label that has room under its bar, and blanks
// the rest evenly (every second year, say) so that no two run together:
// seventeen years on a slide do not fit side by side.
func everyFew(s Size, labels []string, yTicks []chart.Tick) []string {
	if len(labels) == 0 {
		return labels
	}
	size := axisStyle(s).FontSize
	yLabels := make([]string, len(yTicks))
	for i, t := range yTicks {
		yLabels[i] = t.Label
	}
	// the plot's width: the chart less its padding and the y axis's labels
	plot := float64(s.W) - 48*s.Scale - float64(namesWidth(size, yLabels)) - 30*s.Scale
	need := float64(namesWidth(size, labels)) + 16*s.Scale
	every := max(1, int(math.Ceil(need/(plot/float64(len(labels))))))
	out := make([]string, len(labels))
	for i, l := range labels {
		if i%every == 0 {
			out[i] = l
		}
	}
	return out
}

func yearLabels(years []plan.Year) []string {
	out := make([]string, len(years))
	for i, y := range years {
		out[i] = y.Label()
	}
	return out
}

// filteredYears is the filtered lines' figures by financial year.
func filteredYears(in Input) []plan.Year {
	rows := totals(in.Projection, in.Filter)
	return in.Projection.Years(func(i int) plan.Row { return rows[i] })
}

// PipelineChart shows, per financial year, what became of qualifiers:
// hired into posts, still waiting for a funded post at the year's end,
// or lost to the plan having found none (in a warning colour), beside the
// people in training at the year's end.
func PipelineChart(in Input) Chart {
	years := filteredYears(in)
	n := len(years)
	hired, waiting, unplaced, training := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	for i, y := range years {
		hired[i], waiting[i], unplaced[i], training[i] = y.HiredQualified, y.Waiting, y.Unplaced, y.InTraining
	}
	return pipeline{stackChart{
		title:  "Training pipeline by financial year" + in.Filter.describe(in.Plan),
		labels: yearLabels(years),
		parts: []stackPart{
			{name: "Qualifiers hired (WTE)", color: Green, values: hired},
			{name: "Waiting at year end (WTE)", color: Orange, values: waiting},
			{name: "No post in time (WTE)", color: Vermilion, values: unplaced},
		},
		yLabel: format.Whole,
	}, training}
}

// pipeline is the stacked qualifiers with the people in training as a
// line of dots over them.
type pipeline struct {
	stackChart
	training []float64
}

func (c pipeline) graph(s Size, frame *Frame) renderable {
	top := 0.0
	for _, t := range c.training {
		top = max(top, t)
	}
	g := c.stackChart.chart(s, frame, top)
	xs := make([]float64, len(c.training))
	for i := range xs {
		xs[i] = float64(i)
	}
	g.Series = append(g.Series, chart.ContinuousSeries{Name: "In training at year end (people)", XValues: xs, YValues: c.training,
		YAxis: chart.YAxisSecondary, Style: chart.Style{StrokeColor: Blue, StrokeWidth: 3 * s.Scale, DotColor: Blue, DotWidth: 5 * s.Scale}})
	g.Elements[0] = legend(&g, s)
	return g
}

// CostChart shows the yearly pay cost of the staff in post (and of
// salaried trainees, who are paid whether counted or not), in the plan's
// price base.
func CostChart(in Input) Chart {
	rows := totals(in.Projection, in.Filter)
	years := in.Projection.Years(func(i int) plan.Row { return rows[i] })
	cost := make([]float64, len(years))
	for i, y := range years {
		cost[i] = y.PayCost
	}
	who := "staff in post"
	for _, r := range rows {
		if r.TraineeWTE > 0 {
			who = "staff in post and salaried trainees"
			break
		}
	}
	c := costChart{stackChart: stackChart{
		title:  "Pay cost of " + who + " by financial year" + in.Filter.describe(in.Plan) + ", " + in.Plan.PriceBase(),
		labels: yearLabels(years),
		parts:  []stackPart{{name: "Pay cost (part years: the months in the plan)", color: Blue, values: cost}},
		yLabel: format.PoundsShort,
	}}
	if in.Filter.all() && len(in.Plan.Budget) > 0 { // the budget is the whole plan's
		for i, b := range plan.MakeBudget(in.Plan, in.Projection) {
			if b.Budget != nil && i < len(years) {
				c.budget = append(c.budget, budgetMark{x: float64(i), gbp: *b.Budget, cost: cost[i]})
			}
		}
	}
	return c
}

// costChart is the pay cost by year with the budget for pay drawn across
// each bar that has one, and the part of a bar over it in a warning colour.
type costChart struct {
	stackChart
	budget []budgetMark
}

type budgetMark struct {
	x, gbp, cost float64
}

func (c costChart) graph(s Size, frame *Frame) renderable {
	top := 0.0
	for _, b := range c.budget {
		top = max(top, b.gbp)
	}
	g := c.stackChart.chart(s, frame, top)
	if len(c.budget) == 0 {
		return g
	}
	over := bars{Name: "Over budget", Color: Vermilion, Width: 0.6}
	line := bars{Name: "Budget for pay", Color: Ink, Width: 0.8}
	thick := (g.YAxisSecondary.Range.GetMax() - g.YAxisSecondary.Range.GetMin()) * 0.006
	for _, b := range c.budget {
		if b.cost > b.gbp {
			over.Items = append(over.Items, bar{X: b.x, Y0: b.gbp, Y1: b.cost, Color: Vermilion})
		}
		line.Items = append(line.Items, bar{X: b.x, Y0: b.gbp - thick, Y1: b.gbp + thick, Color: Ink})
	}
	if len(over.Items) > 0 {
		g.Series = append(g.Series, over)
	}
	g.Series = append(g.Series, line)
	g.Elements[0] = legend(&g, s)
	return g
}
