package charts

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"example.org/psyplan/assets"
	"example.org/psyplan/plan"
	"example.org/psyplan/plan/plantest"
	"example.org/psyplan/planfile"
)

func defaultGrowth(t testing.TB) Growth {
	t.Helper()
	p, err := planfile.Read(assets.DefaultPlan)
	if err != nil {
		t.Fatal(err)
	}
	pr, err := plan.Project(p, "")
	if err != nil {
		t.Fatal(err)
	}
	return GrowthChart(Input{Plan: p, Projection: pr}, "Growth against the trajectory")
}

// The screen's image is the very picture the PNG export holds, so taking
// it straight from go-chart (no PNG round trip) loses nothing.
func TestImageMatchesPNG(t *testing.T) {
	g := defaultGrowth(t)
	img, frame, err := Image(g, 900, 500)
	if err != nil {
		t.Fatal(err)
	}
	if img.Bounds() != image.Rect(0, 0, 900, 500) {
		t.Fatalf("bounds %v", img.Bounds())
	}
	var buf bytes.Buffer
	if err := WritePNG(&buf, g, 900, 500); err != nil {
		t.Fatal(err)
	}
	decoded, err := png.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for y := 0; y < 500; y += 7 {
		for x := 0; x < 900; x += 7 {
			if a, b := img.At(x, y), decoded.At(x, y); a != b {
				r1, g1, b1, _ := a.RGBA()
				r2, g2, b2, _ := b.RGBA()
				if r1 != r2 || g1 != g2 || b1 != b2 {
					t.Fatalf("pixel %d,%d: %v vs %v", x, y, a, b)
				}
			}
		}
	}
	if frame.Plot.Dx() < 500 || frame.Plot.Dy() < 250 || frame.XMax != 204 { // March 2020 to March 2037
		t.Errorf("frame %+v", frame)
	}
	// the projected line is drawn in blue somewhere in the plot
	if !hasColour(img, frame.Plot, Blue.R, Blue.G, Blue.B) || !hasColour(img, frame.Plot, Orange.R, Orange.G, Orange.B) {
		t.Error("no projected (blue) or trajectory (orange) line in the plot")
	}
	if os.Getenv("PSYPLAN_CHART_OUT") != "" {
		f, _ := os.Create(os.Getenv("PSYPLAN_CHART_OUT"))
		png.Encode(f, img)
		f.Close()
	}
}

func hasColour(img *image.RGBA, r image.Rectangle, cr, cg, cb uint8) bool {
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c := img.RGBAAt(x, y)
			if c.R == cr && c.G == cg && c.B == cb {
				return true
			}
		}
	}
	return false
}

// The frame turns pixels into months and back.
func TestFrameMapsPixelsToMonths(t *testing.T) {
	f := Frame{Plot: image.Rect(100, 0, 820, 400), XMin: 0, XMax: 72}
	if got := f.XAt(100); got != 0 {
		t.Errorf("left edge = %v", got)
	}
	if got := f.XAt(820); got != 72 {
		t.Errorf("right edge = %v", got)
	}
	if got := f.PixelX(36); got != 460 {
		t.Errorf("middle = %d", got)
	}
}

func TestSVGHasTheSeries(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteSVG(&buf, defaultGrowth(t), 1920, 1080); err != nil {
		t.Fatal(err)
	}
	svg := buf.String()
	for _, want := range []string{"<svg", "Growth against the trajectory", "Projected ", "Apr 2024"} {
		if !strings.Contains(svg, want) {
			t.Errorf("SVG lacks %q", want)
		}
	}
}

// Target: any chart at 1920 x 1080 in 100 ms or less on the national plan.
func BenchmarkGrowthNational1080p(b *testing.B) {
	p := plantest.National()
	pr, _ := plan.Project(p, "")
	g := GrowthChart(Input{Plan: p, Projection: pr}, "National")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, _, err := Image(g, 1920, 1080); err != nil {
			b.Fatal(err)
		}
	}
}

func defaultInput(t testing.TB) Input {
	t.Helper()
	p, err := planfile.Read(assets.DefaultPlan)
	if err != nil {
		t.Fatal(err)
	}
	withBudget(t, p)
	pr, _ := plan.Project(p, "")
	other, _ := plan.Project(p, "Better retention")
	return Input{Plan: p, Projection: pr, Today: plan.MonthOf(2023, 11), Compare: []*plan.Projection{other}}
}

// Every chart draws at slide size, on the whole plan and on a filter, and
// its SVG carries its title.
func TestEveryChartDraws(t *testing.T) {
	in := defaultInput(t)
	eachChart(t, in, func(name string, f Filter, c Chart) {
		img, frame, err := Image(c, 1920, 1080)
		if err != nil {
			t.Fatalf("%s %+v: %v", name, f, err)
		}
		if frame.Plot.Dx() < 800 || frame.Plot.Dy() < 400 {
			t.Errorf("%s: plot %v", name, frame.Plot)
		}
		if !hasColour(img, frame.Plot, Blue.R, Blue.G, Blue.B) && !hasColour(img, frame.Plot, Green.R, Green.G, Green.B) &&
			!hasColour(img, frame.Plot, Vermilion.R, Vermilion.G, Vermilion.B) {
			t.Errorf("%s %+v: nothing drawn in the plot", name, f)
		}
		if os.Getenv("PSYPLAN_CHART_DIR") != "" && f == (Filter{}) {
			out, _ := os.Create(filepath.Join(os.Getenv("PSYPLAN_CHART_DIR"), name+".png"))
			png.Encode(out, img)
			out.Close()
		}
	})
	if _, err := Make("pie", in); err == nil {
		t.Error("made a chart that does not exist")
	}
}

// Slides: axis labels at least 24 pixels high at 1920 x 1080.
func TestSlideTypeIsLargeEnough(t *testing.T) {
	s := sizeOf(1920, 1080)
	s.Text = 1.45
	// go-chart sets type in points at 92 dots per inch
	if px := s.font(11) * 92 / 72; px < 24 {
		t.Errorf("axis labels are %.1f px", px)
	}
	in := defaultInput(t)
	for _, k := range Kinds {
		c, _ := Make(k.Name, in)
		if _, _, err := SlideImage(c, 1920, 1080); err != nil {
			t.Errorf("%s: %v", k.Name, err)
		}
	}
}

// Target: any chart at 1920 x 1080 in 100 ms or less on the national plan.
func BenchmarkEveryChartNational1080p(b *testing.B) {
	p := plantest.National()
	pr, _ := plan.Project(p, "")
	in := Input{Plan: p, Projection: pr, Today: plan.MonthOf(2026, 11)}
	for _, k := range Kinds {
		b.Run(k.Name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				c, _ := Make(k.Name, in)
				if _, _, err := Image(c, 1920, 1080); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// The axis of an empty chart (a new plan with no staff) or of a few WTE
// never labels two ticks alike: whole-number labels need steps of 1 or
// more (a blank plan's axis read 1, 1, 1, 0, 0, 0).
func TestNiceTicksNeverRepeatALabel(t *testing.T) {
	for _, top := range []float64{0, 1, 3, 5.5, 12, 17500} {
		ticks, yTop := niceTicks(top, 6, wteLabel)
		seen := map[string]bool{}
		for _, tk := range ticks {
			if seen[tk.Label] {
				t.Errorf("top %v: the label %q twice in %v", top, tk.Label, ticks)
			}
			seen[tk.Label] = true
		}
		if yTop < top || len(ticks) < 2 {
			t.Errorf("top %v: axis to %v in %d ticks", top, yTop, len(ticks))
		}
	}
}

// The gaps chart of a region's 42 plans on a 1280 x 720 window: each
// plan's name fits its bar's share of the height (518 px for 42 bars is
// 12.3 px each), where the axis's 11 points (about 15 px at this scale) would run
// into the next; a few plans keep the axis's size.
func TestManyPlansNamesFitTheirBars(t *testing.T) {
	s := sizeOf(1280, 720)
	size := nameSize(s, 42)
	px := size * 92 / 72 // go-chart draws at 92 DPI
	if slot := float64(s.H) * 0.72 / 42; px*1.2 > slot || size < 6*s.Scale {
		t.Errorf("%.1f points (%.1f px) for a %.1f px slot", size, px, slot)
	}
	if got := nameSize(s, 3); got != axisStyle(s).FontSize {
		t.Errorf("3 plans: %.1f points, want the axis's %.1f", got, axisStyle(s).FontSize)
	}
}

// Leaving the background and canvas unfilled on blank paper changes no
// pixel: every chart, every filter and the slide type, drawn both ways,
// is the same picture.
func TestBlankPaperIsNotFilledAgain(t *testing.T) {
	defer func() { skipBlankFills = true }()
	eachChart(t, defaultInput(t), func(name string, f Filter, c Chart) {
		for _, draw := range []func(Chart, int, int) (*image.RGBA, Frame, error){Image, SlideImage} {
			skipBlankFills = false
			want, _, err := draw(c, 1150, 480)
			if err != nil {
				t.Fatal(err)
			}
			skipBlankFills = true
			got, _, err := draw(c, 1150, 480)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Pix, want.Pix) {
				t.Errorf("%s %+v: the picture differs when the paper is not filled again", name, f)
			}
		}
	})
}

// eachChart makes every kind of chart of in, on the whole plan and on a
// profession's and a service area's filter, and hands each to check.
func eachChart(t *testing.T, in Input, check func(name string, f Filter, c Chart)) {
	t.Helper()
	for _, k := range Kinds {
		for _, f := range []Filter{{}, {Profession: "pwp"}, {ServiceArea: "Perinatal"}} {
			in.Filter = f
			c, err := Make(k.Name, in)
			if err != nil {
				t.Fatal(err)
			}
			check(k.Name, f, c)
		}
	}
}
