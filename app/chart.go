package app

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

// chartView shows a chart drawn at the widget's real pixel size (redrawn
// when the window is resized) and reads out the month under the mouse.
type chartView struct {
	widget.BaseWidget
	chart   charts.Chart
	growth  *charts.Growth // for the read-out; nil for other charts
	frame   charts.Frame
	raster  *canvas.Raster
	cursor  *canvas.Line
	readout *widget.Label
	slide   bool // type large enough to read across a room
}

// pointPrompt is the read-out before the mouse points at the chart, and
// again after each redraw with new figures.
const pointPrompt = "Point at the chart to read a month's figures."

func newChartView() *chartView {
	cv := &chartView{readout: widget.NewLabel(pointPrompt)}
	cv.raster = canvas.NewRaster(cv.draw)
	cv.cursor = canvas.NewLine(color.NRGBA{0x22, 0x22, 0x22, 0x80})
	cv.cursor.StrokeWidth = 1
	cv.cursor.Hide()
	cv.ExtendBaseWidget(cv)
	return cv
}

// SetGrowth shows a growth chart.
func (cv *chartView) SetGrowth(g charts.Growth) {
	cv.chart, cv.growth = g, &g
	cv.forget()
	cv.raster.Refresh()
}

// SetChart shows any chart (a growth chart reads out months too).
func (cv *chartView) SetChart(c charts.Chart) {
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
func (cv *chartView) forget() {
	cv.readout.SetText(pointPrompt)
	if cv.cursor.Visible() {
		cv.MouseOut()
	}
}

// draw renders the chart for the raster at w x h pixels; it runs on the
// UI goroutine when the raster is shown, resized or refreshed.
func (cv *chartView) draw(w, h int) image.Image {
	if cv.chart == nil || w < 50 || h < 50 {
		return image.NewUniform(color.White)
	}
	draw := charts.Image
	if cv.slide {
		draw = charts.SlideImage
	}
	img, frame, err := draw(cv.chart, w, h)
	if err != nil {
		cv.readout.SetText("The chart cannot be drawn: " + err.Error())
		return image.NewUniform(color.White)
	}
	cv.frame = frame
	return img
}

func (cv *chartView) CreateRenderer() fyne.WidgetRenderer {
	return &chartRenderer{cv: cv, objects: []fyne.CanvasObject{cv.raster, cv.cursor}}
}

// MouseIn, MouseMoved and MouseOut read out the month under the mouse.
func (cv *chartView) MouseIn(ev *desktop.MouseEvent)    { cv.MouseMoved(ev) }
func (cv *chartView) MouseMoved(ev *desktop.MouseEvent) { cv.pointAt(ev.Position) }
func (cv *chartView) MouseOut()                         { cv.cursor.Hide(); cv.cursor.Refresh() }

// pointAt reads out the month at pos (in Fyne units; the frame is in pixels).
func (cv *chartView) pointAt(pos fyne.Position) {
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
	cv.readout.SetText(text)
	x := float32(cv.frame.PixelX(float64(i))) / scale
	cv.cursor.Position1 = fyne.NewPos(x, float32(cv.frame.Plot.Min.Y)/scale)
	cv.cursor.Position2 = fyne.NewPos(x, float32(cv.frame.Plot.Max.Y)/scale)
	cv.cursor.Show()
	cv.cursor.Refresh()
}

type chartRenderer struct {
	cv      *chartView
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

// chartTitle is the title of the chart shown.
func (cv *chartView) chartTitle() string {
	if cv.growth == nil {
		return ""
	}
	return cv.growth.Title
}
