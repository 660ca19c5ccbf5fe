// Package kit is what the plan window (app) and the roll-up window
// (app/rollup) both use: the chart view, the file dialogs and where they
// start, how a problem is shown, and labels. It imports neither window.
package kit

import (
	"image"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"example.org/psyplan/charts"
	"example.org/psyplan/format"
)

// ChartView shows a chart drawn at the widget's real pixel size (redrawn
// when the window is resized) and reads out the month under the mouse.
type ChartView struct {
	widget.BaseWidget
	// Readout says the month under the mouse: the screen places it.
	Readout *widget.Label
	// Slide draws type large enough to read across a room.
	Slide bool

	chart  charts.Chart
	growth *charts.Growth // for the read-out; nil for other charts
	frame  charts.Frame
	raster *canvas.Raster
	cursor *canvas.Line
}

// pointPrompt is the read-out before the mouse points at the chart, and
// again after each redraw with new figures.
const pointPrompt = "Point at the chart to read a month's figures."

// NewChartView is an empty chart view.
func NewChartView() *ChartView {
	cv := &ChartView{Readout: widget.NewLabel(pointPrompt)}
	cv.raster = canvas.NewRaster(cv.Draw)
	cv.cursor = canvas.NewLine(color.NRGBA{0x22, 0x22, 0x22, 0x80})
	cv.cursor.StrokeWidth = 1
	cv.cursor.Hide()
	cv.ExtendBaseWidget(cv)
	return cv
}

// SetGrowth shows a growth chart.
func (cv *ChartView) SetGrowth(g charts.Growth) {
	cv.chart, cv.growth = g, &g
	cv.forget()
	cv.raster.Refresh()
}

// SetChart shows any chart (a growth chart reads out months too).
func (cv *ChartView) SetChart(c charts.Chart) {
	if g, ok := c.(charts.Growth); ok {
		cv.SetGrowth(g)
		return
	}
	cv.chart, cv.growth = c, nil
	cv.forget()
	cv.raster.Refresh()
}

// forget clears the read-out and the cursor: the figures they showed are
// the last chart's, not this one's.
func (cv *ChartView) forget() {
	cv.Readout.SetText(pointPrompt)
	if cv.cursor.Visible() {
		cv.MouseOut()
	}
}

// Draw renders the chart for the raster at w x h pixels; it runs on the
// UI goroutine when the raster is shown, resized or refreshed.
func (cv *ChartView) Draw(w, h int) image.Image {
	if cv.chart == nil || w < 50 || h < 50 {
		return image.NewUniform(color.White)
	}
	draw := charts.Image
	if cv.Slide {
		draw = charts.SlideImage
	}
	img, frame, err := draw(cv.chart, w, h)
	if err != nil {
		cv.Readout.SetText("The chart cannot be drawn: " + err.Error())
		return image.NewUniform(color.White)
	}
	cv.frame = frame
	return img
}

func (cv *ChartView) CreateRenderer() fyne.WidgetRenderer {
	return &chartRenderer{cv: cv, objects: []fyne.CanvasObject{cv.raster, cv.cursor}}
}

// MouseIn, MouseMoved and MouseOut read out the month under the mouse.
func (cv *ChartView) MouseIn(ev *desktop.MouseEvent)    { cv.MouseMoved(ev) }
func (cv *ChartView) MouseMoved(ev *desktop.MouseEvent) { cv.PointAt(ev.Position) }
func (cv *ChartView) MouseOut()                         { cv.cursor.Hide(); cv.cursor.Refresh() }

// PointAt reads out the month at pos (in Fyne units; the frame is in pixels).
func (cv *ChartView) PointAt(pos fyne.Position) {
	g := cv.growth
	if g == nil || len(g.Projected) == 0 {
		return
	}
	scale := float32(1)
	if c := fyne.CurrentApp().Driver().CanvasForObject(cv); c != nil {
		scale = c.Scale()
	}
	px := int(pos.X * scale)
	if px < cv.frame.Plot.Min.X || px > cv.frame.Plot.Max.X {
		cv.MouseOut()
		return
	}
	i := int(cv.frame.XAt(px) + 0.5)
	i = min(max(i, 0), len(g.Projected)-1)
	m := g.Baseline.Add(i)
	text := m.Label() + ": projected " + format.WTE(g.Projected[i]) + " WTE; trajectory " +
		format.WTE(g.Target[i]) + " WTE; gap " + format.WTE(g.Projected[i]-g.Target[i]) + " WTE"
	if l := g.Likely; l != nil && i < len(l.Low) {
		text += "; likely " + format.WTE(l.Low[i]) + " to " + format.WTE(l.High[i]) + " WTE"
	}
	cv.Readout.SetText(text)
	x := float32(cv.frame.PixelX(float64(i))) / scale
	cv.cursor.Position1 = fyne.NewPos(x, float32(cv.frame.Plot.Min.Y)/scale)
	cv.cursor.Position2 = fyne.NewPos(x, float32(cv.frame.Plot.Max.Y)/scale)
	cv.cursor.Show()
	cv.cursor.Refresh()
}

type chartRenderer struct {
	cv      *ChartView
	objects []fyne.CanvasObject
}

func (r *chartRenderer) Layout(size fyne.Size) {
	r.cv.raster.Resize(size)
	r.cv.raster.Move(fyne.NewPos(0, 0))
}
func (r *chartRenderer) MinSize() fyne.Size           { return fyne.NewSize(320, 220) }
func (r *chartRenderer) Refresh()                     { r.cv.raster.Refresh() }
func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *chartRenderer) Destroy()                     {}

// Title is the title of the growth chart shown, "" for other charts.
func (cv *ChartView) Title() string {
	if cv.growth == nil {
		return ""
	}
	return cv.growth.Title
}

// Chart is the chart shown, nil before the first.
func (cv *ChartView) Chart() charts.Chart { return cv.chart }

// Growth is the growth chart shown, nil when another chart is.
func (cv *ChartView) Growth() *charts.Growth { return cv.growth }

// Frame is where the last drawing put the plot, in pixels.
func (cv *ChartView) Frame() charts.Frame { return cv.frame }

// Pointing tells whether the cursor line marks a month.
func (cv *ChartView) Pointing() bool { return cv.cursor.Visible() }
