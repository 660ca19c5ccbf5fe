// Package charts draws PsyPlan's charts. It is the only package that knows
// go-chart (pinned at v2.1.2: upstream is archived), so the rest of the
// program asks for "the growth chart of this projection" and gets pixels,
// PNG or SVG.
package charts

import (
	"errors"
	"fmt"
	"image"
	xdraw "image/draw"
	"io"
	"reflect"
	"strings"
	"unsafe"

	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// Frame says where a rendered chart put its plot, so the screen can turn a
// mouse position into a month and back.
type Frame struct {
	Plot       image.Rectangle // the plot area, in pixels
	XMin, XMax float64         // the x values at Plot's left and right edges
	YMin, YMax float64         // the y values at Plot's bottom and top edges
	// Words is every piece of text the chart drew, where it drew it, so
	// a test can tell that no word runs off the picture or onto another.
	Words []Placed
}

// Placed is a piece of text and the box it took, in pixels from the top
// left (from its baseline up by its measured height).
type Placed struct {
	Text string
	Box  image.Rectangle
}

// XAt is the x value under pixel column px.
func (f Frame) XAt(px int) float64 {
	if f.Plot.Dx() == 0 {
		return f.XMin
	}
	return f.XMin + float64(px-f.Plot.Min.X)/float64(f.Plot.Dx())*(f.XMax-f.XMin)
}

// PixelX is the pixel column of x value x.
func (f Frame) PixelX(x float64) int {
	if f.XMax == f.XMin {
		return f.Plot.Min.X
	}
	return f.Plot.Min.X + int((x-f.XMin)/(f.XMax-f.XMin)*float64(f.Plot.Dx())+0.5)
}

// Chart is a chart ready to draw at any size.
type Chart interface {
	// graph builds the go-chart graph for a canvas of s.W x s.H pixels.
	graph(s Size, frame *Frame) renderable
}

// renderable is what go-chart can draw: a Chart or a BarChart.
type renderable interface {
	Render(rp chart.RendererProvider, w io.Writer) error
}

// Image draws the chart into an image of exactly w x h pixels, for the
// screen. It never encodes a PNG: the image is handed to the canvas as is.
func Image(c Chart, w, h int) (*image.RGBA, Frame, error) { return draw(c, sizeOf(w, h)) }

// SlideImage is Image with type large enough to read across a room.
func SlideImage(c Chart, w, h int) (*image.RGBA, Frame, error) {
	s := sizeOf(w, h)
	s.Text = 1.45
	return draw(c, s)
}

func draw(c Chart, s Size) (*image.RGBA, Frame, error) {
	var img *image.RGBA
	var words recorder
	provider := func(width, height int) (chart.Renderer, error) {
		r, err := chart.PNG(width, height)
		if err != nil {
			return nil, err
		}
		if img, err = rasterImage(r); err != nil {
			return nil, err
		}
		xdraw.Draw(img, img.Bounds(), image.NewUniform(Paper), image.Point{}, xdraw.Src)
		words.Renderer, words.blank = noSave{r}, skipBlankFills
		return &words, nil
	}
	var frame Frame
	if err := c.graph(s, &frame).Render(provider, io.Discard); err != nil {
		return nil, Frame{}, err
	}
	frame.Words = words.placed
	return img, frame, nil
}

// skipBlankFills is whether a box of paper is left unfilled while the
// picture is still blank paper (a test draws every chart both ways).
var skipBlankFills = true

// recorder notes where each piece of text is drawn. The picture starts as
// blank paper, and while it still is, a box to be filled with paper and
// drawn without an edge (the chart's background, then its canvas) is not
// filled: go-chart fills boxes through its rasteriser, three quarters of
// the time a chart took to draw, and would change no pixel.
type recorder struct {
	chart.Renderer
	rotated bool
	placed  []Placed

	blank     bool // nothing drawn on the paper yet
	fill      drawing.Color
	edge      drawing.Color
	edgeWidth float64
}

func (r *recorder) SetFillColor(c drawing.Color)   { r.fill = c; r.Renderer.SetFillColor(c) }
func (r *recorder) SetStrokeColor(c drawing.Color) { r.edge = c; r.Renderer.SetStrokeColor(c) }
func (r *recorder) SetStrokeWidth(w float64)       { r.edgeWidth = w; r.Renderer.SetStrokeWidth(w) }

// ResetStyle forgets the colours and width, as the renderer does.
func (r *recorder) ResetStyle() {
	r.fill, r.edge, r.edgeWidth = drawing.Color{}, drawing.Color{}, 0
	r.Renderer.ResetStyle()
}

func (r *recorder) FillStroke() {
	if r.blank && r.fill == Paper && (r.edgeWidth == 0 || r.edge.A == 0) {
		// Stroking an edge of no width paints nothing and ends the path.
		width := r.edgeWidth
		r.Renderer.SetStrokeWidth(0)
		r.Renderer.Stroke()
		r.Renderer.SetStrokeWidth(width)
		return
	}
	r.blank = false
	r.Renderer.FillStroke()
}

func (r *recorder) Fill()                           { r.blank = false; r.Renderer.Fill() }
func (r *recorder) Stroke()                         { r.blank = false; r.Renderer.Stroke() }
func (r *recorder) Circle(radius float64, x, y int) { r.blank = false; r.Renderer.Circle(radius, x, y) }

func (r *recorder) SetTextRotation(radians float64) {
	r.rotated = radians != 0
	r.Renderer.SetTextRotation(radians)
}

func (r *recorder) ClearTextRotation() {
	r.rotated = false
	r.Renderer.ClearTextRotation()
}

func (r *recorder) Text(body string, x, y int) {
	r.blank = false
	if !r.rotated && body != "" { // PsyPlan's charts turn no text; a turned box is not worth working out
		b := r.MeasureText(body)
		r.placed = append(r.placed, Placed{Text: body, Box: image.Rect(x, y-b.Height(), x+b.Width(), y)})
	}
	r.Renderer.Text(body, x, y)
}

// WritePNG writes the chart as a PNG of w x h pixels.
func WritePNG(out io.Writer, c Chart, w, h int) error {
	return c.graph(sizeOf(w, h), &Frame{}).Render(chart.PNG, out)
}

// WriteSVG writes the chart as an SVG of w x h pixels.
func WriteSVG(out io.Writer, c Chart, w, h int) error {
	return c.graph(sizeOf(w, h), &Frame{}).Render(chart.SVG, out)
}

// noSave keeps go-chart from encoding a PNG at the end of Render.
type noSave struct{ chart.Renderer }

func (noSave) Save(io.Writer) error { return nil }

// rasterImage takes the image out of go-chart's raster renderer, which
// has no way to hand it over but Save (a PNG encode that would cost 110 ms
// at 1920 x 1080). go-chart is pinned and archived, so the field is fixed;
// TestImageMatchesPNG fails if it ever is not.
func rasterImage(r chart.Renderer) (*image.RGBA, error) {
	v := reflect.ValueOf(r)
	if v.Kind() != reflect.Pointer || v.Elem().Kind() != reflect.Struct {
		return nil, errors.New("charts: unexpected go-chart renderer")
	}
	f := v.Elem().FieldByName("i")
	if !f.IsValid() || f.Type() != reflect.TypeOf((*image.RGBA)(nil)) {
		return nil, errors.New("charts: go-chart's raster renderer has changed")
	}
	return (*image.RGBA)(unsafe.Pointer(f.Pointer())), nil
}

// probe is drawn last and draws nothing: go-chart hands it the final plot
// box, and it writes the box down in the Frame. The ranges are the ones
// each chart sets itself.
func probe(frame *Frame, xr, yr *chart.ContinuousRange) chart.Renderable {
	return func(_ chart.Renderer, box chart.Box, _ chart.Style) {
		*frame = Frame{Plot: image.Rect(box.Left, box.Top, box.Right, box.Bottom),
			XMin: xr.Min, XMax: xr.Max, YMin: yr.Min, YMax: yr.Max}
	}
}

// Misfits says what in the chart's words would not read on a w x h
// picture: a word cut short with "…", run past an edge or drawn over
// another. None: nil.
func (f Frame) Misfits(w, h int) []string {
	var out []string
	whole := image.Rect(0, 0, w, h)
	for i, p := range f.Words {
		switch {
		case strings.HasSuffix(p.Text, "…"):
			out = append(out, fmt.Sprintf("%q is cut short", p.Text))
		case !p.Box.In(whole):
			out = append(out, fmt.Sprintf("%q at %v runs past the %d x %d picture", p.Text, p.Box, w, h))
		}
		for _, q := range f.Words[i+1:] {
			// a pixel's slack: neighbouring rows of type may touch
			if p.Box.Inset(1).Overlaps(q.Box.Inset(1)) {
				out = append(out, fmt.Sprintf("%q at %v is drawn over %q at %v", p.Text, p.Box, q.Text, q.Box))
			}
		}
	}
	return out
}
