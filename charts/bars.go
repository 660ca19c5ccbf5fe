package charts

import (
	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// bar is one rectangle from Y0 to Y1 at X. go-chart's own bar charts
// stack only to 100 %, so PsyPlan draws absolute stacks, waterfalls and
// grouped bars as rectangles on an ordinary chart's axes.
type bar struct {
	X, Y0, Y1 float64
	Color     drawing.Color
}

// bars is a series of rectangles, Width x-units wide, with a legend name.
type bars struct {
	Name       string
	Color      drawing.Color // for the legend
	Items      []bar
	Width      float64
	Horizontal bool // X is the category (on the y axis), Y0 and Y1 run along the x axis
}

func (b bars) GetName() string           { return b.Name }
func (b bars) GetYAxis() chart.YAxisType { return chart.YAxisSecondary }
func (b bars) GetStyle() chart.Style {
	return chart.Style{StrokeWidth: chart.Disabled, DotColor: b.Color, FillColor: b.Color}
}
func (b bars) Validate() error { return nil }

func (b bars) Render(r chart.Renderer, box chart.Box, xr, yr chart.Range, _ chart.Style) {
	defer r.ResetStyle() // go-chart\'s SVG renderer would fill the next line with our colours
	for _, it := range b.Items {
		x0 := box.Left + xr.Translate(it.X-b.Width/2)
		x1 := box.Left + xr.Translate(it.X+b.Width/2)
		y0 := box.Bottom - yr.Translate(min(it.Y0, it.Y1))
		y1 := box.Bottom - yr.Translate(max(it.Y0, it.Y1))
		if b.Horizontal {
			x0 = box.Left + xr.Translate(min(it.Y0, it.Y1))
			x1 = box.Left + xr.Translate(max(it.Y0, it.Y1))
			y0 = box.Bottom - yr.Translate(it.X-b.Width/2)
			y1 = box.Bottom - yr.Translate(it.X+b.Width/2)
		}
		r.SetFillColor(it.Color)
		r.SetStrokeColor(it.Color)
		r.SetStrokeWidth(0)
		r.MoveTo(x0, y0)
		r.LineTo(x1, y0)
		r.LineTo(x1, y1)
		r.LineTo(x0, y1)
		r.Close()
		r.Fill()
	}
}

// axes gives a chart its x and y axes with fixed ranges and ticks, the y
// axis on the left (where planners look) with grid lines.
func axes(c *chart.Chart, s Size, xr, yr *chart.ContinuousRange, xTicks, yTicks []chart.Tick) {
	c.XAxis = chart.XAxis{Style: axisStyle(s), Range: xr, Ticks: xTicks}
	c.YAxisSecondary = chart.YAxis{Style: axisStyle(s), Range: yr, Ticks: yTicks,
		GridMajorStyle: gridStyle(), GridLines: gridLines(yTicks)}
	// go-chart reads the left axis's span from the right axis's ticks, so
	// the hidden right axis carries the same ones.
	c.YAxis = chart.YAxis{Range: &chart.ContinuousRange{Min: yr.Min, Max: yr.Max}, Ticks: yTicks, Style: chart.Style{Hidden: true}}
}

// categoryTicks labels x = 0, 1, 2... and pads half a bar each side.
func categoryTicks(labels []string) ([]chart.Tick, *chart.ContinuousRange) {
	ticks := []chart.Tick{{Value: -0.6}}
	for i, l := range labels {
		ticks = append(ticks, chart.Tick{Value: float64(i), Label: l})
	}
	ticks = append(ticks, chart.Tick{Value: float64(len(labels)) - 0.4})
	return ticks, &chart.ContinuousRange{Min: -0.6, Max: float64(len(labels)) - 0.4}
}

// placeholder keeps go-chart drawing a chart whose only content is bars:
// it wants one series with values, which this one has, out of sight.
func placeholder(x, y float64) chart.ContinuousSeries {
	return chart.ContinuousSeries{XValues: []float64{x, x}, YValues: []float64{y, y}, YAxis: chart.YAxisSecondary,
		Style: chart.Style{StrokeWidth: chart.Disabled, DotWidth: 0, StrokeColor: drawing.ColorTransparent}}
}
