package charts

import (
	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// band fills between two lines: the gap between the projection and the
// trajectory. It is drawn first, under the lines.
type band struct {
	Name         string
	XValues      []float64
	Upper, Lower []float64
	Color        drawing.Color
}

func (b band) GetName() string           { return b.Name }
func (b band) GetYAxis() chart.YAxisType { return chart.YAxisSecondary }
func (b band) GetStyle() chart.Style {
	return chart.Style{StrokeWidth: chart.Disabled, DotColor: b.Color, FillColor: b.Color}
}
func (b band) Validate() error { return nil }

func (b band) Render(r chart.Renderer, box chart.Box, xr, yr chart.Range, _ chart.Style) {
	defer r.ResetStyle() // go-chart's SVG renderer would fill the next line with our colours
	n := min(len(b.XValues), len(b.Upper), len(b.Lower))
	if n < 2 {
		return
	}
	px := func(x float64) int { return box.Left + xr.Translate(x) }
	py := func(y float64) int { return box.Bottom - yr.Translate(y) }
	r.SetFillColor(b.Color)
	r.SetStrokeWidth(0)
	r.MoveTo(px(b.XValues[0]), py(b.Upper[0]))
	for i := 1; i < n; i++ {
		r.LineTo(px(b.XValues[i]), py(b.Upper[i]))
	}
	for i := n - 1; i >= 0; i-- {
		r.LineTo(px(b.XValues[i]), py(b.Lower[i]))
	}
	r.Close()
	r.Fill()
}

// marker is a labelled vertical line: "Today".
type marker struct {
	X     float64
	Label string
	Size  Size
}

func (m marker) GetName() string           { return "" }
func (m marker) GetYAxis() chart.YAxisType { return chart.YAxisSecondary }
func (m marker) GetStyle() chart.Style     { return chart.Style{} }
func (m marker) Validate() error           { return nil }

func (m marker) Render(r chart.Renderer, box chart.Box, xr, _ chart.Range, defaults chart.Style) {
	defer r.ResetStyle() // go-chart's SVG renderer would fill the next line with our colours
	x := box.Left + xr.Translate(m.X)
	r.SetStrokeColor(Ink.WithAlpha(150))
	r.SetStrokeWidth(1.5 * m.Size.Scale)
	r.SetStrokeDashArray([]float64{5 * m.Size.Scale, 4 * m.Size.Scale})
	r.MoveTo(x, box.Top)
	r.LineTo(x, box.Bottom)
	r.Stroke()
	r.SetStrokeDashArray(nil)
	r.SetFont(defaults.GetFont())
	r.SetFontSize(m.Size.font(10))
	r.SetFontColor(Ink)
	r.Text(m.Label, x+int(4*m.Size.Scale), box.Top+int(14*m.Size.Scale))
}
