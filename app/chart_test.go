package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"example.org/psyplan/plan"
)

// The chart's read-out says the month pointed at; after the chart is
// redrawn with other figures, or another chart is chosen, it no longer
// says the old figures.
func TestTheChartReadOutIsNotStale(t *testing.T) {
	ui, _, _ := newTestUI(t)
	ov, cv := ui.overview, ui.overview.chart
	point := func() string {
		t.Helper()
		cv.Draw(1000, 500)
		i := len(cv.Growth().Projected) - 1
		x := float32(cv.Frame().PixelX(float64(i)))
		cv.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(x, float32(cv.Frame().Plot.Min.Y+10))}})
		got := cv.Readout.Text
		if !strings.Contains(got, ": projected ") || !cv.Pointing() {
			t.Fatalf("read-out %q, cursor shown %v", got, cv.Pointing())
		}
		return got
	}
	stale := func(old string) {
		t.Helper()
		if got := cv.Readout.Text; got == old || strings.Contains(got, ": projected ") || cv.Pointing() {
			t.Errorf("after the redraw the read-out says %q (was %q), cursor shown %v", got, old, cv.Pointing())
		}
	}

	old := point()
	before := cv.Growth().Projected[len(cv.Growth().Projected)-1]
	if err := ui.session.Edit("test", func(p *plan.Plan) error {
		p.Posts[0].InPostWTE += 500
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if after := cv.Growth().Projected[len(cv.Growth().Projected)-1]; after == before {
		t.Fatal("the edit did not move the chart's line")
	}
	stale(old)
	if now := point(); now == old {
		t.Errorf("pointing again reads the old figures %q", now)
	}

	old = point()
	ov.kindSel.SetSelected("Training pipeline")
	if cv.Growth() != nil {
		t.Fatal("the pipeline chart is not shown")
	}
	stale(old)
}
