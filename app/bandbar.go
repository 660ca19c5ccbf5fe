package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"example.org/psyplan/app/session"
	"example.org/psyplan/format"
)

// bandBar sits above the overview's chart: while the band is being made,
// a progress bar and Cancel; then the chance of being on track in words.
// The chart stays usable all the while.
type bandBar struct {
	ui       *UI
	words    *widget.Label
	progress *widget.ProgressBar
	cancel   *widget.Button
	again    *widget.Button
	object   fyne.CanvasObject
}

func newBandBar(ui *UI) *bandBar {
	bb := &bandBar{ui: ui, words: widget.NewLabel(""), progress: widget.NewProgressBar()}
	bb.words.Wrapping = fyne.TextWrapWord
	bb.cancel = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), ui.session.CancelBand)
	bb.again = widget.NewButtonWithIcon("Work out the band", theme.ViewRefreshIcon(), ui.session.StartBand)
	bb.object = container.NewBorder(nil, nil, nil, container.NewHBox(bb.progress, bb.cancel, bb.again), bb.words)
	ui.session.OnBandProgress(bb.setProgress)
	ui.session.OnBandChange(bb.refresh)
	ui.session.OnChange(bb.refresh)
	bb.refresh()
	return bb
}

func (bb *bandBar) setProgress(done, runs int) {
	bb.progress.SetValue(float64(done) / float64(runs))
	bb.words.SetText(fmt.Sprintf("Working out how sure the projection is: %s of %s runs…", format.Whole(float64(done)), format.Whole(float64(runs))))
}

// refresh says where the band stands.
func (bb *bandBar) refresh() {
	s := bb.ui.session
	bb.progress.Hide()
	bb.cancel.Hide()
	bb.again.Hide()
	switch {
	case s.Plan() == nil:
		bb.words.SetText("")
	case !s.HasUncertainty():
		bb.words.SetText("No likely range: set how uncertain the assumptions are under Trajectory, Uncertainty.")
	case s.BandRunning():
		bb.progress.SetValue(0)
		bb.progress.Show()
		bb.cancel.Show()
		bb.words.SetText(fmt.Sprintf("Working out how sure the projection is (%s runs)… the chart can be used meanwhile.", format.Whole(session.BandRuns)))
	case s.Band() == nil:
		bb.again.Show()
		bb.words.SetText("The likely range was not worked out.")
	default:
		b := s.Band()
		bb.words.SetText("How sure: " + b.ChanceSentence(s.Plan().JudgedAt(b.Month(len(b.Central)-1))) +
			" The shaded band is where 8 in 10 runs fall.")
	}
}
