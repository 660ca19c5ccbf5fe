package charts

import (
	"testing"
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
