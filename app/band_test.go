package app

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"example.org/psyplan/app/session"
	"example.org/psyplan/format"
	"example.org/psyplan/plan"
)

func sameBand(t *testing.T, got *plan.Band, p *plan.Plan, scenario string, runs int) {
	t.Helper()
	want, err := plan.MakeBand(context.Background(), p, scenario, runs, session.BandSeed, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got == nil || got.Runs != runs {
		t.Fatalf("band %v, want %d runs", got, runs)
	}
	for i := range want.Low {
		if got.Low[i] != want.Low[i] || got.High[i] != want.High[i] || got.OnTrack[i] != want.OnTrack[i] {
			t.Fatalf("month %d: %v-%v (%v), want %v-%v (%v)", i, got.Low[i], got.High[i], got.OnTrack[i], want.Low[i], want.High[i], want.OnTrack[i])
		}
	}
}

// The session makes the band after the projection lands, reporting its
// progress; the overview draws it and says the chance in words.
func TestSessionMakesTheBand(t *testing.T) {
	ui, d := openDeferredUI(t, filepath.Join(t.TempDir(), "library.db"))
	s := ui.session
	sameBand(t, s.Band(), s.Plan(), "", session.BandRuns)
	if s.BandRunning() || ui.overview.band.progress.Value != 1 {
		t.Errorf("running %v, progress shown %v, want done and 1", s.BandRunning(), ui.overview.band.progress.Value)
	}
	if g := ui.overview.chart.Growth(); g == nil || g.Likely == nil || g.Likely.Runs != session.BandRuns {
		t.Fatal("the overview's growth chart has no band")
	}
	want := s.Band().ChanceSentence(s.Plan().JudgedAt(s.Plan().Horizon))
	if got := ui.overview.band.words.Text; got != "How sure: "+want+" The shaded band is where 8 in 10 runs fall." {
		t.Errorf("the overview says %q", got)
	}
	cv := ui.overview.chart // the read-out says the band at the month pointed at
	cv.Draw(1000, 500)
	i := s.Band().Index(plan.MonthOf(2024, 4))
	cv.PointAt(fyne.NewPos(float32(cv.Frame().PixelX(float64(i))), float32(cv.Frame().Plot.Min.Y+10)))
	if want := "; likely " + format.WTE(s.Band().Low[i]) + " to " + format.WTE(s.Band().High[i]) + " WTE"; !strings.HasPrefix(cv.Readout.Text, "Apr 2024:") || !strings.HasSuffix(cv.Readout.Text, want) {
		t.Errorf("read-out %q, want Apr 2024 ending %q", cv.Readout.Text, want)
	}
	_ = d
}

// Cancel stops the band being made: the chart goes on without one, and
// the answer that arrives afterwards is dropped.
func TestCancelTheBand(t *testing.T) {
	ui, d := openDeferredUI(t, filepath.Join(t.TempDir(), "library.db"))
	s := ui.session
	if err := s.Edit("", func(p *plan.Plan) error { p.Posts[0].RecruitsWTEPerYear += 10; return nil }); err != nil {
		t.Fatal(err)
	}
	for _, apply := range d.Take() { // the projection lands
		apply()
	}
	for _, apply := range d.Take() { // the plan stayed as it was a moment: the band starts
		apply()
	}
	if !s.BandRunning() || s.Band() != nil || ui.overview.band.cancel.Hidden {
		t.Fatalf("while making: running %v, band %v, Cancel hidden %v", s.BandRunning(), s.Band(), ui.overview.band.cancel.Hidden)
	}
	if ui.overview.chart.Growth() == nil || ui.overview.chart.Growth().Projected == nil {
		t.Fatal("no chart while the band is made")
	}
	s.CancelBand()
	d.Settle()
	if s.BandRunning() || s.Band() != nil || ui.overview.chart.Growth().Likely != nil {
		t.Fatalf("after Cancel: running %v, band %v", s.BandRunning(), s.Band())
	}
	if ui.overview.band.again.Hidden {
		t.Error("no way to work the band out again")
	}
	s.StartBand()
	d.Settle()
	sameBand(t, s.Band(), s.Plan(), "", session.BandRuns)
}

// A band overtaken by an edit is dropped, even when it lands last: the
// band shown is always of the plan as it stands.
func TestAStaleBandIsDropped(t *testing.T) {
	ui, d := openDeferredUI(t, filepath.Join(t.TempDir(), "library.db"))
	s := ui.session
	edit := func(r float64) {
		if err := s.Edit("", func(p *plan.Plan) error { p.Posts[0].RecruitsWTEPerYear = r; return nil }); err != nil {
			t.Fatal(err)
		}
	}
	edit(5)
	for _, apply := range d.Take() { // projection of 5 lands
		apply()
	}
	for _, apply := range d.Take() { // a moment later its band starts
		apply()
	}
	edit(400)
	late := d.Take() // the band of 5 and the projection of 400
	for i := len(late) - 1; i >= 0; i-- {
		late[i]()
	}
	d.Settle()
	if s.Band() == nil || s.Plan().Posts[0].RecruitsWTEPerYear != 400 {
		t.Fatal("the band shown is not of the plan as it stands")
	}
	sameBand(t, s.Band(), s.Plan(), "", session.BandRuns)
}

// In workshop mode the band follows the what-if: a quick band while a
// control moves (its legend says how many runs), the full one when it is
// let go, on an ICS plan within half a second.
func TestWorkshopBandFollowsTheControls(t *testing.T) {
	ui := openICS(t)
	if err := ui.session.Edit("", func(p *plan.Plan) error {
		p.Uncertainty = &plan.Uncertainty{LeaverRatePctPoints: 2, CompletionPctPoints: 5, TakeupPctPoints: 10, RecruitmentPct: 20}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	ui.present()
	ps := ui.presenting
	start := time.Now()
	ps.intake.Value = 40 // as a drag moves it: OnChanged, not yet OnChangeEnded
	ps.intake.OnChanged(40)
	moving := time.Since(start)
	g := ps.chart.Growth()
	if g == nil || g.Likely == nil || g.Likely.Runs != session.QuickBandRuns {
		t.Fatalf("while moving: %+v", g)
	}
	start = time.Now()
	ps.intake.OnChangeEnded(40)
	settled := time.Since(start)
	if g := ps.chart.Growth(); g.Likely == nil || g.Likely.Runs != session.BandRuns {
		t.Fatalf("let go: band of %d runs", g.Likely.Runs)
	}
	trial := ui.session.Plan().Clone()
	trial.Scenarios = append(trial.Scenarios, ps.whatIf.Scenario(trial, session.WhatIfName))
	sameBand(t, ps.live.band, trial, session.WhatIfName, session.BandRuns)
	t.Logf("ICS what-if: quick band %v, full band %v (projection included)", moving, settled)
	if moving > 500*time.Millisecond && !raceDetector {
		t.Errorf("the band took %v to follow the control", moving)
	}

	ps.key(fyne.KeyLeft) // back from the first slide: the last, the answer
	if ps.title.Text != "What does it take?" {
		t.Fatalf("last slide %q", ps.title.Text)
	}
	a, err := plan.Solve(ui.session.Plan(), plan.Question{})
	if err != nil {
		t.Fatal(err)
	}
	if ps.sentence.Text != a.Sentence(ui.session.Plan()) || !ps.leavers.Disabled() {
		t.Errorf("answer slide says %q, want %q (controls off: %v)", ps.sentence.Text, a.Sentence(ui.session.Plan()), ps.leavers.Disabled())
	}
	ps.key(fyne.KeyRight)
	if ps.leavers.Disabled() {
		t.Error("controls still off on the growth slide")
	}
}
