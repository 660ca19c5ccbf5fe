package charts

import (
	chart "github.com/wcharczuk/go-chart/v2"

	"example.org/psyplan/format"
	"example.org/psyplan/plan"
)

// bridge walks the workforce from the baseline to the judged month as a
// waterfall, every step one of the engine's flows (plan.Bridge), against
// the target there.
type bridge struct {
	title   string
	measure string // "Staff in post" or "Workforce"
	plan.Bridge
	trainees bool // the plan counts salaried trainees: their change is a step
	target   float64
}

// step is one bar of the waterfall: a change of the workforce.
type step struct {
	label string
	value float64
}

// BridgeChart explains the projection at the judged month as a waterfall.
func BridgeChart(in Input) Chart {
	rows := totals(in.Projection, in.Filter)
	at := judgedAt(in)
	b := bridge{title: "From the baseline to " + at.Label() + in.Filter.describe(in.Plan),
		measure: "Staff in post", trainees: in.Plan.CountSalariedTrainees,
		Bridge: in.Plan.Bridge(in.Projection, rows, at)}
	if b.trainees {
		b.measure = "Workforce"
	}
	b.target = targets(in, rows)[in.Projection.Index(b.At)]
	return b
}

// steps are the changes between the baseline and the end, in the order
// the bars stand.
func (b bridge) steps() []step {
	s := []step{
		{"- Leavers", -b.Leavers},
		{"- Into training", -b.MovedOut},
		{"+ Qualified", b.HiredQualified}, // hired: the title of a narrow bar
		{"+ Recruited", b.Recruited},
	}
	if b.trainees {
		s = append(s, step{"± Trainees", b.TraineeChange}) // salaried, counted; either way
	}
	return s
}

func (b bridge) graph(s Size, frame *Frame) renderable {
	atLabel := b.At.Label()
	labels := []string{"Baseline"}
	items := []bar{{X: 0, Y0: 0, Y1: b.Start, Color: SkyBlue}}
	ups := bars{Name: "Increase", Color: Green, Width: 0.6}
	downs := bars{Name: "Decrease", Color: Vermilion, Width: 0.6}
	level, top, bottom := b.Start, max(b.Start, b.End, b.target), 0.0
	for i, st := range b.steps() {
		it := bar{X: float64(i + 1), Y0: level, Y1: level + st.value, Color: Green}
		if st.value < 0 {
			it.Color = Vermilion
			downs.Items = append(downs.Items, it)
		} else {
			ups.Items = append(ups.Items, it)
		}
		items = append(items, it)
		labels = append(labels, st.label)
		level += st.value
		top, bottom = max(top, level), min(bottom, level)
	}
	end := bar{X: float64(len(labels)), Y0: 0, Y1: b.End, Color: Blue}
	items = append(items, end)
	labels = append(labels, "Projected")

	// the axis covers every bar: more leavers than the baseline (over many
	// years) take the walk below zero before hires bring it back
	yTicks, yTop := niceTicks(top*1.08, 6, wteLabel)
	yMin := 0.0
	for step := yTicks[1].Value; yMin > bottom; {
		yMin -= step
		yTicks = append([]chart.Tick{{Value: yMin, Label: wteLabel(yMin)}}, yTicks...)
	}
	xTicks, xr := categoryTicks(labels)
	yr := chart.ContinuousRange{Min: yMin, Max: yTop}
	g := base(s, b.title)
	axes(&g, s, xr, &yr, xTicks, yTicks)
	x := end.X
	g.Series = []chart.Series{
		placeholder(0, 0),
		bars{Name: b.measure, Color: Blue, Items: []bar{items[0], end}, Width: 0.6},
		ups, downs,
		chart.ContinuousSeries{Name: "Trajectory target, " + atLabel + ": " + format.WTE(b.target) + " WTE",
			XValues: []float64{x - 0.4, x + 0.4}, YValues: []float64{b.target, b.target},
			Style: chart.Style{StrokeColor: Orange, StrokeWidth: 4 * s.Scale}},
	}
	onLeftAxis(g.Series)
	g.Elements = []chart.Renderable{legend(&g, s), probe(frame, xr, &yr), barLabels(s, xr, &yr, items)}
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
			if st.Y0 > 0 { // a step, not the start or the end
				text = format.Signed(st.Y1-st.Y0, format.Whole)
			}
			tb := r.MeasureText(text)
			x := box.Left + xr.Translate(st.X) - tb.Width()/2
			y := box.Bottom - yr.Translate(max(st.Y0, st.Y1)) - int(6*s.Scale)
			r.Text(text, x, y)
		}
	}
}
