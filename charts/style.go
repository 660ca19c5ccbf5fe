package charts

import (
	"math"

	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"example.org/psyplan/format"
)

// The Okabe-Ito palette: told apart by people with any common colour
// vision deficiency, and in greyscale print.
var (
	Blue      = drawing.ColorFromHex("0072B2")
	Orange    = drawing.ColorFromHex("E69F00")
	SkyBlue   = drawing.ColorFromHex("56B4E9")
	Green     = drawing.ColorFromHex("009E73")
	Yellow    = drawing.ColorFromHex("F0E442")
	Vermilion = drawing.ColorFromHex("D55E00")
	Purple    = drawing.ColorFromHex("CC79A7")
	Ink       = drawing.ColorFromHex("222222")
	Grey      = drawing.ColorFromHex("BBBBBB")
	Paper     = drawing.ColorFromHex("FFFFFF")
)

// Size scales type and lines with the canvas, so a chart reads the same
// in a window, on a slide at 1920 x 1080 and in a report.
type Size struct {
	W, H  int
	Scale float64 // 1 for a 1000-pixel-wide chart
	Text  float64 // type larger than the scale: 1.45 on slides
}

func sizeOf(w, h int) Size {
	s := math.Min(float64(w)/1000, float64(h)/560)
	return Size{W: w, H: h, Scale: math.Max(0.7, s), Text: 1}
}

func (s Size) font(points float64) float64 { return points * s.Scale * s.Text }

// base is a chart with PsyPlan's look: white, plain, titled.
func base(s Size, title string) chart.Chart {
	return chart.Chart{
		Width: s.W, Height: s.H, Title: title,
		TitleStyle: chart.Style{FontSize: titleSize(s, title), FontColor: Ink},
		Background: chart.Style{FillColor: Paper, Padding: chart.Box{
			Top: int(72 * s.Scale * s.Text), Left: int(16 * s.Scale), Right: int(32 * s.Scale), Bottom: int(12 * s.Scale)}},
		Canvas: chart.Style{FillColor: Paper},
	}
}

// titleSize is the title's type size: smaller when the title would not
// fit across the chart at the usual size (a long title on a small slide).
func titleSize(s Size, title string) float64 {
	size := s.font(15)
	avail := float64(s.W) - 48*s.Scale
	if w := float64(textWidth(size, title)); w > avail && w > 0 {
		size = max(size*avail/w, size*0.5)
	}
	return size
}

// textWidth is the width in pixels of text in the charts' type at size
// points.
func textWidth(size float64, text string) int {
	r, err := chart.PNG(1, 1)
	font, fontErr := chart.GetDefaultFont()
	if err != nil || fontErr != nil {
		return int(float64(len([]rune(text))) * size * 0.62) // wide enough
	}
	r.SetDPI(chart.DefaultDPI) // as Render sets it
	r.SetFont(font)
	r.SetFontSize(size)
	return r.MeasureText(text).Width()
}

// comparedStyle is the line of the i-th scenario compared with the one
// shown: each its own colour and its own dash, as thick as the trajectory,
// so two or three read apart from across a room and from the projected
// line (solid blue) and the trajectory (dashed orange).
func comparedStyle(s Size, i int) chart.Style {
	looks := []struct {
		color drawing.Color
		dash  []float64 // in points at scale 1; nil: solid
	}{
		{Ink, nil},
		{Purple, []float64{14, 6}},
		{SkyBlue, []float64{10, 4, 2, 4}},
		{Green, []float64{3, 4}},
	}
	look := looks[i%len(looks)]
	st := chart.Style{StrokeColor: look.color, StrokeWidth: 3 * s.Scale}
	for _, d := range look.dash {
		st.StrokeDashArray = append(st.StrokeDashArray, d*s.Scale)
	}
	return st
}

func axisStyle(s Size) chart.Style {
	return chart.Style{FontSize: s.font(11), FontColor: Ink, StrokeColor: Grey, StrokeWidth: 1}
}

func gridStyle() chart.Style {
	return chart.Style{StrokeColor: drawing.ColorFromHex("E6E6E6"), StrokeWidth: 1}
}

// niceTicks spreads about n round values from 0 to at least max:
// 0, 5,000, 10,000... with thousands separators.
func niceTicks(max float64, n int, label func(float64) string) ([]chart.Tick, float64) {
	if !(max > 0) || math.IsInf(max, 0) { // nothing to show (or not a number): one empty step
		max = 1
	}
	raw := max / float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	step = math.Max(step, 1) // every axis is labelled in whole numbers: a smaller step repeats labels
	var ticks []chart.Tick
	top := 0.0
	for v := 0.0; ; v += step {
		ticks = append(ticks, chart.Tick{Value: v, Label: label(v)})
		top = v
		if v >= max {
			break
		}
	}
	return ticks, top
}

func wteLabel(v float64) string { return format.Whole(v) }
