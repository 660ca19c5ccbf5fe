package charts

import (
	"fmt"
	"testing"

	chart "github.com/wcharczuk/go-chart/v2"

	"example.org/psyplan/plan"
)

// slideSizes are the charts' sizes on a slide at 1920 x 1080 and at
// 1280 x 720 (the window less the title, sentence and controls), and in
// the Overview of a 1280 x 720 window.
var slideSizes = [][2]int{{1900, 760}, {1260, 430}}

// Every chart's words read on a slide: none cut short, none off the
// picture, none over another; on the plan compared with a scenario, whose
// legend is the longest.
func TestEveryChartsWordsFit(t *testing.T) {
	in := defaultInput(t)
	for _, k := range Kinds {
		c, err := Make(k.Name, in)
		if err != nil {
			t.Fatal(err)
		}
		for _, size := range slideSizes {
			_, frame, err := SlideImage(c, size[0], size[1])
			if err != nil {
				t.Fatal(err)
			}
			if len(frame.Words) < 5 {
				t.Errorf("%s: only %d words recorded", k.Name, len(frame.Words))
			}
			for _, m := range frame.Misfits(size[0], size[1]) {
				t.Errorf("%s at %d x %d: %s", k.Name, size[0], size[1], m)
			}
		}
		_, frame, _ := Image(c, 1000, 430)
		for _, m := range frame.Misfits(1000, 430) {
			t.Errorf("%s on screen at 1000 x 430: %s", k.Name, m)
		}
	}
}

// The scenarios compared on the growth chart read apart: each line as
// thick as the trajectory (3 points) and unlike every other line in its
// colour (far apart in RGB) or its dash; none like the projected line or
// the trajectory. (They were thin dotted lines in near colours.)
func TestComparedLinesReadApart(t *testing.T) {
	in := defaultInput(t)
	for _, name := range []string{"", "More PWP and high intensity training from 2027"} {
		pr, err := plan.Project(in.Plan, name)
		if err != nil {
			t.Fatal(err)
		}
		in.Compare = append(in.Compare, pr)
	}
	s := sizeOf(1000, 560)
	c := GrowthChart(in, "Compared").graph(s, &Frame{}).(chart.Chart)
	var lines []chart.Style
	var names []string
	for _, se := range c.Series {
		if cs, ok := se.(chart.ContinuousSeries); ok && cs.Style.StrokeWidth > 0 {
			lines, names = append(lines, cs.Style), append(names, cs.Name)
		}
	}
	if len(lines) != 5 { // trajectory, projected, three compared
		t.Fatalf("lines %q", names)
	}
	far := func(a, b chart.Style) bool {
		d := 0
		for _, x := range [][2]uint8{{a.StrokeColor.R, b.StrokeColor.R}, {a.StrokeColor.G, b.StrokeColor.G}, {a.StrokeColor.B, b.StrokeColor.B}} {
			d += (int(x[0]) - int(x[1])) * (int(x[0]) - int(x[1]))
		}
		return d > 90*90
	}
	for i := 2; i < len(lines); i++ {
		if lines[i].StrokeWidth < 3 {
			t.Errorf("%s: %.1f points thick", names[i], lines[i].StrokeWidth)
		}
		for j := range i {
			if !far(lines[i], lines[j]) {
				t.Errorf("%s and %s: near colours %v, %v", names[i], names[j], lines[i].StrokeColor, lines[j].StrokeColor)
			}
			if fmt.Sprint(lines[i].StrokeDashArray) == fmt.Sprint(lines[j].StrokeDashArray) && j >= 2 {
				t.Errorf("%s and %s: the same dash", names[i], names[j])
			}
		}
	}
}
