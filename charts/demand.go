package charts

import (
	"math"
	"sort"

	chart "github.com/wcharczuk/go-chart/v2"

	"example.org/psyplan/format"
	"example.org/psyplan/plan"
)

// The demand charts (demand.md): the people a year the staff in post can
// treat against the access targets, and the WTE each profession needs
// against what it has. A profession filter does not narrow them: a
// service is limited by all of its mix together.

// capacityChart is people a year over time: the access target, what the
// staff in post can treat, and the shortfall between them shaded.
type capacityChart struct {
	title    string
	baseline plan.Month
	target   []float64
	capacity []float64
	others   []NamedSeries // other scenarios' capacity, compared
	today    plan.Month
	empty    string // why there is nothing to draw, when there is not
}

// DemandChart shows the people a year the workforce can treat against the
// access target: every service area's together, or the filter's one.
func DemandChart(in Input) Chart {
	c := capacityChart{title: "People a year: capacity against the access target", baseline: in.Projection.Baseline, today: in.Today}
	if in.Filter.ServiceArea != "" {
		c.title += " (" + in.Filter.ServiceArea + ")"
	}
	dt, err := plan.MakeDemand(in.Plan, in.Projection)
	if err != nil {
		c.empty = "No access targets yet: add them on the Demand screen."
		return c
	}
	var ok bool
	if c.target, c.capacity, ok = peopleSeries(dt, in.Filter.ServiceArea); !ok {
		c.empty = in.Filter.ServiceArea + " has no access target: choose another service area, or All."
		return c
	}
	for _, o := range in.Compare {
		odt, err := plan.MakeDemand(in.Plan, o)
		if err != nil {
			continue
		}
		name := o.Scenario
		if name == "" {
			name = "The plan"
		}
		_, capacity, _ := peopleSeries(odt, in.Filter.ServiceArea)
		c.others = append(c.others, NamedSeries{Name: name + ": can treat", Values: capacity})
	}
	return c
}

// peopleSeries is the target and the capacity per month of one service
// area ("" for every one), and false when it has no access target.
func peopleSeries(dt *plan.DemandTable, area string) (target, capacity []float64, ok bool) {
	target, capacity = make([]float64, len(dt.Months)), make([]float64, len(dt.Months))
	for i, rows := range dt.Months {
		for _, r := range rows {
			if r.Profession != plan.TotalWord || (area == "" && r.ServiceArea != plan.TotalWord) || (area != "" && r.ServiceArea != area) {
				continue
			}
			target[i], capacity[i], ok = r.PeoplePerYear, r.CapacityPeople, true
		}
	}
	return target, capacity, ok
}

func (c capacityChart) graph(s Size, frame *Frame) renderable {
	if c.empty != "" {
		return emptyChart(s, frame, c.title, c.empty)
	}
	n := len(c.target)
	xs := make([]float64, n)
	top := 0.0
	for i := range xs {
		xs[i] = float64(i)
		top = max(top, c.target[i], c.capacity[i])
	}
	for _, o := range c.others {
		for _, v := range o.Values {
			top = max(top, v)
		}
	}
	yTicks, yTop := niceTicks(top*1.05, 6, format.Whole)
	xr := chart.ContinuousRange{Min: 0, Max: float64(max(n-1, 1))}
	yr := chart.ContinuousRange{Min: 0, Max: yTop}
	g := base(s, c.title)
	axes(&g, s, &xr, &yr, monthTicks(c.baseline, n), yTicks)
	g.Series = []chart.Series{
		band{Name: "Shortfall", XValues: xs, Upper: c.target, Lower: minimum(c.target, c.capacity), Color: Vermilion.WithAlpha(70)},
		chart.ContinuousSeries{Name: "Access target", XValues: xs, YValues: c.target,
			Style: chart.Style{StrokeColor: Orange, StrokeWidth: 3 * s.Scale, StrokeDashArray: []float64{10 * s.Scale, 6 * s.Scale}}},
		chart.ContinuousSeries{Name: "Can treat (staff in post)", XValues: xs, YValues: c.capacity,
			Style: chart.Style{StrokeColor: Blue, StrokeWidth: 3.5 * s.Scale}},
	}
	for i, o := range c.others {
		g.Series = append(g.Series, chart.ContinuousSeries{Name: o.Name, XValues: xs[:len(o.Values)], YValues: o.Values, Style: comparedStyle(s, i)})
	}
	if t := int(c.today - c.baseline); c.today != 0 && t > 0 && t < n {
		g.Series = append(g.Series, marker{X: float64(t), Label: "Today", Size: s})
	}
	onLeftAxis(g.Series)
	g.Elements = []chart.Renderable{legend(&g, s), probe(frame, &xr, &yr)}
	return g
}

// wteChart is, per profession, the WTE the access targets need beside
// the WTE in post, at one month, with the constraint marked.
type wteChart struct {
	title      string
	names      []string
	needed     []float64
	inPost     []float64
	constraint int    // the profession that limits the service most; -1 for none
	note       string // the constraint in words, written in its row
	empty      string
}

// DemandWTEChart shows each profession's WTE needed for the access
// targets and its staff in post, at the month the plan is judged at (or
// the input's month): every service area's together, or the filter's
// one. The constraint, the profession whose staff can treat the smallest
// share of their service's target, is marked.
func DemandWTEChart(in Input) Chart {
	at := judgedAt(in)
	c := wteChart{title: "WTE needed and in post, by profession, " + at.Label(), constraint: -1}
	if in.Filter.ServiceArea != "" {
		c.title += " (" + in.Filter.ServiceArea + ")"
	}
	dt, err := plan.MakeDemand(in.Plan, in.Projection)
	if err != nil {
		c.empty = "No access targets yet: add them on the Demand screen."
		return c
	}
	i := dt.Index(at)
	needed, inPost := map[string]float64{}, map[string]float64{}
	var ids []string
	worst, worstShare := plan.DemandRow{}, math.Inf(1)
	for _, r := range dt.Months[i] {
		if r.Total() || (in.Filter.ServiceArea != "" && r.ServiceArea != in.Filter.ServiceArea) {
			continue
		}
		if _, seen := needed[r.Profession]; !seen {
			ids = append(ids, r.Profession)
		}
		needed[r.Profession] += r.NeededWTE
		inPost[r.Profession] += r.AvailableWTE
		if r.PeoplePerYear > 0 && r.CapacityPeople/r.PeoplePerYear < worstShare {
			worst, worstShare = r, r.CapacityPeople/r.PeoplePerYear
		}
	}
	if len(ids) == 0 {
		c.empty = in.Filter.ServiceArea + " has no access target: choose another service area, or All."
		return c
	}
	order := map[string]int{}
	for k, prof := range in.Plan.Professions {
		order[prof.ID] = k
	}
	sort.SliceStable(ids, func(a, b int) bool { return order[ids[a]] < order[ids[b]] })
	for k, id := range ids {
		if id == worst.Profession && worstShare < math.Inf(1) {
			c.constraint = k
			c.note = "The constraint (in " + worst.ServiceArea + ")"
			if in.Filter.ServiceArea != "" {
				c.note = "The constraint"
			}
		}
		c.names = append(c.names, professionLabel(in.Plan, id))
		c.needed = append(c.needed, needed[id])
		c.inPost = append(c.inPost, inPost[id])
	}
	return c
}

func (c wteChart) graph(s Size, frame *Frame) renderable {
	if c.empty != "" {
		return emptyChart(s, frame, c.title, c.empty)
	}
	top := 0.0
	for i := range c.needed {
		top = max(top, c.needed[i], c.inPost[i])
	}
	xTicks, xTop := niceTicks(top*1.12, 6, wteLabel)
	// the first profession at the top: category i sits at y = n-1-i
	n := len(c.names)
	size, fitted := fitNames(s, c.names, s.W*2/5)
	names := make([]string, n)
	for i, name := range fitted {
		names[n-1-i] = name
	}
	yTicks, yr := categoryTicks(make([]string, n)) // the names are drawn by categoryNames
	xr := chart.ContinuousRange{Min: 0, Max: xTop}
	g := base(s, c.title)
	axes(&g, s, &xr, yr, xTicks, yTicks)
	g.YAxisSecondary.GridLines = nil
	g.XAxis.GridMajorStyle, g.XAxis.GridLines = gridStyle(), gridLines(xTicks)
	needed := bars{Name: "Needed for the targets (WTE)", Color: Orange, Width: 0.36, Horizontal: true}
	inPost := bars{Name: "In post (WTE)", Color: Blue, Width: 0.36, Horizontal: true}
	mark := bars{Name: c.note, Color: Vermilion.WithAlpha(45), Width: 0.96, Horizontal: true}
	for i := range c.names {
		y := float64(n - 1 - i)
		needed.Items = append(needed.Items, bar{X: y + 0.19, Y0: 0, Y1: c.needed[i], Color: Orange})
		inPost.Items = append(inPost.Items, bar{X: y - 0.19, Y0: 0, Y1: c.inPost[i], Color: Blue})
		if i == c.constraint {
			mark.Items = append(mark.Items, bar{X: y, Y0: 0, Y1: xTop, Color: mark.Color})
		}
	}
	g.Series = []chart.Series{placeholder(0, 0)}
	if c.constraint >= 0 {
		g.Series = append(g.Series, mark)
	}
	g.Series = append(g.Series, needed, inPost)
	onLeftAxis(g.Series)
	g.Background.Padding.Left = namesWidth(size, names) + int(28*s.Scale)
	g.Elements = []chart.Renderable{legend(&g, s), probe(frame, &xr, yr), c.valueLabels(s, &xr, yr), categoryNames(s, size, names, yr)}
	return g
}

// valueLabels writes each bar's WTE at its end.
func (c wteChart) valueLabels(s Size, xr, yr *chart.ContinuousRange) chart.Renderable {
	return func(r chart.Renderer, box chart.Box, defaults chart.Style) {
		defer r.ResetStyle()
		r.SetFont(defaults.GetFont())
		r.SetFontSize(s.font(8.5))
		r.SetFontColor(Ink)
		n := len(c.names)
		if px := s.font(8.5) * chart.DefaultDPI / 72; float64(box.Height())/float64(n) < 2.4*px {
			return // too many professions for their bars to carry figures that can be read
		}
		for i := range c.names {
			y := float64(n - 1 - i)
			for _, b := range []struct{ v, dy float64 }{{c.needed[i], 0.19}, {c.inPost[i], -0.19}} {
				x := box.Left + xr.Translate(b.v) + int(5*s.Scale)
				r.Text(format.WTE(b.v), x, box.Bottom-yr.Translate(y+b.dy)+int(4*s.Scale))
			}
		}
	}
}

// fitNames fits category names into width pixels: in the axis's type
// if they fit, else in smaller type (down to two thirds of it), and only
// then shortened with an ellipsis. It gives the type's size and the names.
func fitNames(s Size, names []string, width int) (float64, []string) {
	size := s.font(11)
	if w := namesWidth(size, names); w > width {
		size = max(size*float64(width)/float64(w), size*2/3)
	}
	return fitNamesAt(size, names, width)
}

// fitNamesAt shortens names, with an ellipsis, until each is at most
// width pixels wide in type of size points.
func fitNamesAt(size float64, names []string, width int) (float64, []string) {
	out := make([]string, len(names))
	for i, name := range names {
		r := []rune(name)
		for len(r) > 4 && textWidth(size, string(r)) > width {
			r = append(r[:len(r)-2], '…')
		}
		out[i] = string(r)
	}
	return size, out
}

// namesWidth is the width of the widest name in type of size points.
func namesWidth(size float64, names []string) int {
	w := 0
	for _, name := range names {
		w = max(w, textWidth(size, name))
	}
	return w
}

// categoryNames writes the categories' names left of the plot, right
// aligned, each level with its category (names[i] at y = i), in type of
// size points.
func categoryNames(s Size, size float64, names []string, yr *chart.ContinuousRange) chart.Renderable {
	return func(r chart.Renderer, box chart.Box, defaults chart.Style) {
		defer r.ResetStyle()
		r.SetFont(defaults.GetFont())
		r.SetFontSize(size)
		r.SetFontColor(Ink)
		for i, name := range names {
			tb := r.MeasureText(name)
			r.Text(name, box.Left-int(10*s.Scale)-tb.Width(), box.Bottom-yr.Translate(float64(i))+tb.Height()/2)
		}
	}
}

// emptyChart is a chart's title and axes with a sentence in the middle,
// for a plan that has nothing to draw yet.
func emptyChart(s Size, frame *Frame, title, words string) chart.Chart {
	xr := chart.ContinuousRange{Min: 0, Max: 1}
	yr := chart.ContinuousRange{Min: 0, Max: 1}
	g := base(s, title)
	axes(&g, s, &xr, &yr, []chart.Tick{{Value: 0}, {Value: 1}}, []chart.Tick{{Value: 0}, {Value: 1}})
	g.Series = []chart.Series{placeholder(0, 0)}
	onLeftAxis(g.Series)
	g.Elements = []chart.Renderable{probe(frame, &xr, &yr), func(r chart.Renderer, box chart.Box, defaults chart.Style) {
		defer r.ResetStyle()
		r.SetFont(defaults.GetFont())
		r.SetFontSize(s.font(14))
		r.SetFontColor(Ink)
		w := r.MeasureText(words).Width()
		r.Text(words, box.Left+(box.Width()-w)/2, box.Top+box.Height()/2)
	}}
	return g
}
