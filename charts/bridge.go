package charts

import (
	chart "github.com/wcharczuk/go-chart/v2"

	"example.org/psyplan/format"
)

// bridge walks from the baseline to the projection at a month: + qualified,
// + recruited, - leavers, against the target there.
type bridge struct {
	title                                   string
	base, qualified, recruited, leavers, at float64
	target                                  float64
	atLabel                                 string
}

// BridgeChart explains the projection at the judged month as a waterfall.
func BridgeChart(in Input) Chart {
	rows := totals(in.Projection, in.Filter)
	at := judgedAt(in)
	end := in.Projection.Index(at)
	b := bridge{title: "From the baseline to " + at.Label() + in.Filter.describe(in.Plan), base: rows[0].InPost,
		at: rows[end].InPost, target: targets(in, rows)[end], atLabel: at.Label()}
	for i := 1; i <= end; i++ {
		b.qualified += rows[i].Qualified - rows[i].Unplaced
		b.recruited += rows[i].InPost - (rows[i-1].InPost - rows[i].Leavers) - (rows[i].Qualified - rows[i].Unplaced)
		b.leavers += rows[i].Leavers
	}
	return b
}

func (b bridge) graph(s Size, frame *Frame) renderable {
	labels := []string{"Baseline", "+ Qualified (placed)", "+ Recruited", "- Leavers", "Projected, " + b.atLabel}
	top := max(b.base+b.qualified+b.recruited, b.at, b.target, b.base)
	yTicks, yTop := niceTicks(top*1.08, 6, wteLabel)
	xTicks, xr := categoryTicks(labels)
	yr := chart.ContinuousRange{Min: 0, Max: yTop}
	g := base(s, b.title)
	axes(&g, s, xr, &yr, xTicks, yTicks)
	up := b.base + b.qualified + b.recruited
	steps := []bar{
		{X: 0, Y0: 0, Y1: b.base, Color: SkyBlue},
		{X: 1, Y0: b.base, Y1: b.base + b.qualified, Color: Green},
		{X: 2, Y0: b.base + b.qualified, Y1: up, Color: Green},
		{X: 3, Y0: up, Y1: up - b.leavers, Color: Vermilion},
		{X: 4, Y0: 0, Y1: b.at, Color: Blue},
	}
	target := []float64{b.target, b.target}
	g.Series = []chart.Series{
		placeholder(0, 0),
		bars{Name: "Staff in post", Color: Blue, Items: []bar{steps[0], steps[4]}, Width: 0.6},
		bars{Name: "Joiners", Color: Green, Items: steps[1:3], Width: 0.6},
		bars{Name: "Leavers", Color: Vermilion, Items: steps[3:4], Width: 0.6},
		chart.ContinuousSeries{Name: "Trajectory target, " + b.atLabel + ": " + format.WTE(b.target) + " WTE",
			XValues: []float64{3.6, 4.4}, YValues: target,
			Style: chart.Style{StrokeColor: Orange, StrokeWidth: 4 * s.Scale}},
	}
	onLeftAxis(g.Series)
	g.Elements = []chart.Renderable{legend(s, g.Series), probe(frame, xr, &yr), barLabels(s, xr, &yr, steps)}
	return g
}

// barLabels writes each step's size above it.
func barLabels(s Size, xr, yr *chart.ContinuousRange, steps []bar) chart.Renderable {
	return func(r chart.Renderer, box chart.Box, defaults chart.Style) {
		defer r.ResetStyle()
		r.SetFont(defaults.GetFont())
		r.SetFontSize(s.font(10))
		r.SetFontColor(Ink)
		for _, st := range steps {
			text := format.Whole(st.Y1 - st.Y0)
			if st.Y1 > st.Y0 && st.Y0 > 0 {
				text = "+" + text
			}
			tb := r.MeasureText(text)
			x := box.Left + xr.Translate(st.X) - tb.Width()/2
			y := box.Bottom - yr.Translate(max(st.Y0, st.Y1)) - int(6*s.Scale)
			r.Text(text, x, y)
		}
	}
}
