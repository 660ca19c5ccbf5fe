package charts

import (
	chart "github.com/wcharczuk/go-chart/v2"

	"example.org/psyplan/plan"
)

// postsChart is funded posts against staff in post, with the vacancies
// between them shaded.
type postsChart struct {
	title          string
	baseline       plan.Month
	funded, inPost []float64
}

// PostsChart shows funded establishment against staff in post over time.
func PostsChart(in Input) Chart {
	rows := totals(in.Projection, in.Filter)
	c := postsChart{title: "Funded posts and staff in post" + in.Filter.describe(in.Plan), baseline: in.Projection.Baseline,
		inPost: inPost(rows), funded: make([]float64, len(rows))}
	for i, r := range rows {
		c.funded[i] = r.Funded
	}
	return c
}

func (c postsChart) graph(s Size, frame *Frame) renderable {
	n := len(c.funded)
	xs := make([]float64, n)
	top := 0.0
	for i := range xs {
		xs[i] = float64(i)
		top = max(top, c.funded[i], c.inPost[i])
	}
	yTicks, yTop := niceTicks(top*1.05, 6, wteLabel)
	xr := chart.ContinuousRange{Min: 0, Max: float64(max(n-1, 1))}
	yr := chart.ContinuousRange{Min: 0, Max: yTop}
	g := base(s, c.title)
	axes(&g, s, &xr, &yr, monthTicks(c.baseline, n), yTicks)
	g.Series = []chart.Series{
		band{Name: "Vacancies", XValues: xs, Upper: c.funded, Lower: minimum(c.funded, c.inPost), Color: Orange.WithAlpha(70)},
		chart.ContinuousSeries{Name: "Funded posts", XValues: xs, YValues: c.funded,
			Style: chart.Style{StrokeColor: Orange, StrokeWidth: 3 * s.Scale}},
		chart.ContinuousSeries{Name: "Staff in post", XValues: xs, YValues: c.inPost,
			Style: chart.Style{StrokeColor: Blue, StrokeWidth: 3.5 * s.Scale}},
	}
	onLeftAxis(g.Series)
	g.Elements = []chart.Renderable{legend(&g, s), probe(frame, &xr, &yr)}
	return g
}

// minimum is the smaller of a and b at each point: vacancies are only
// where funded posts stand above staff in post.
func minimum(a, b []float64) []float64 {
	out := make([]float64, len(a))
	for i := range a {
		out[i] = min(a[i], b[i])
	}
	return out
}
