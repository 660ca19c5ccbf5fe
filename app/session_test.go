package app

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"example.org/psyplan/charts"
	"example.org/psyplan/exchange"
	"example.org/psyplan/plan"
)

// openDeferredUI opens a window on the library at path with background
// work done as the application does it, answered when the test settles.
func openDeferredUI(t *testing.T, path string) (*UI, *deferred) {
	t.Helper()
	lib, err := exchange.OpenLibrary(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	d := &deferred{}
	ui := New(test.NewTempApp(t), lib, d.run, true)
	ui.win.Resize(fyne.NewSize(1440, 900))
	ui.openStartPlan()
	d.settle()
	t.Cleanup(func() { ui.session.Flush(); d.settle() })
	return ui, d
}

func lastInPost(pr *plan.Projection) float64 { return pr.Total[len(pr.Total)-1].InPost }

// Edit, save, close and reopen with the background really in the
// background: the window shows the old figures until the answer lands,
// says Saving… until the library has the edit, and the reopened window
// has every edit.
func TestEditSaveCloseReopenInTheBackground(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	ui, d := openDeferredUI(t, path)
	if err := ui.library.create(ltpPlan("Background ICS")); err != nil {
		t.Fatal(err)
	}
	if ui.session.Plan().Name == "Background ICS" {
		t.Fatal("the new plan was open before its answer landed")
	}
	d.settle()
	id := ui.session.ID()
	if ui.session.Plan().Name != "Background ICS" || ui.session.Projection() == nil {
		t.Fatalf("open plan %q", ui.session.Plan().Name)
	}
	test.Tap(button(t, ui.views[3].object, "Add profession"))
	test.Tap(button(t, ui.posts.object, "Add post line"))
	d.settle()

	retype(entry(t, ui.posts, "In post (WTE)"), "40")
	retype(entry(t, ui.posts, "Funded (WTE)"), "50")
	if got := ui.status.Text; got != "Saving…" {
		t.Errorf("status %q before the library has the edit", got)
	}
	if ui.session.Current() != nil {
		t.Error("the projection of the edited plan was there before its answer")
	}
	d.settle()
	ui.session.Flush()
	d.settle()
	if got := ui.status.Text; got != "Saved ✓" {
		t.Errorf("status %q after saving", got)
	}
	pr := ui.session.Current()
	if pr == nil || pr.Total[0].InPost != 40 || pr.Total[0].Funded != 50 {
		t.Fatalf("projection of the edited plan: %v", pr)
	}
	if got := ui.overview.figures["baseline"].value.Text; got != "40.0 WTE" {
		t.Errorf("baseline figure %q", got)
	}

	retype(entry(t, ui.posts, "Recruits a year"), "6") // its projection is still being made on closing
	ui.closeWindow()                                   // as the window's close button does
	d.settle()
	if ui.session.Plan() != nil || ui.session.Projection() != nil {
		t.Error("the closed window's session still answers")
	}
	again, _ := openDeferredUI(t, path)
	if again.session.ID() != id {
		t.Fatalf("reopened plan %d, want %d", again.session.ID(), id)
	}
	l := again.session.Plan().Posts[0]
	if l.InPostWTE != 40 || l.FundedWTE != 50 || l.RecruitsWTEPerYear != 6 {
		t.Errorf("reopened post line %+v", l)
	}
}

// Answers that land out of order: the older one is dropped, so the
// window shows the projection of the plan as it stands.
func TestAnOverTakenProjectionIsDropped(t *testing.T) {
	ui, d := openDeferredUI(t, filepath.Join(t.TempDir(), "library.db"))
	for _, r := range []float64{12, 240} {
		err := ui.session.Edit("", func(p *plan.Plan) error { p.Posts[0].RecruitsWTEPerYear = r; return nil })
		if err != nil {
			t.Fatal(err)
		}
	}
	answers := d.take()
	slices.Reverse(answers) // the newest lands first, the older after it
	for _, apply := range answers {
		apply()
	}
	d.settle()
	want, err := plan.Project(ui.session.Plan(), "")
	if err != nil {
		t.Fatal(err)
	}
	got := ui.session.Current()
	if got == nil || lastInPost(got) != lastInPost(want) {
		t.Errorf("shown projection is not of the plan as it stands: %v", got)
	}
}

// After Close nothing is answered: neither the projection of an edit
// made before it, nor a what-if.
func TestNothingIsAnsweredAfterClose(t *testing.T) {
	ui, d := openDeferredUI(t, filepath.Join(t.TempDir(), "library.db"))
	err := ui.session.Edit("", func(p *plan.Plan) error { p.Posts[0].RecruitsWTEPerYear = 30; return nil })
	if err != nil {
		t.Fatal(err)
	}
	answered := false
	ui.session.WhatIf(plan.WhatIf{RecruitFactor: 2}, plan.MonthOf(2023, 1), func(charts.Input) string { return "" },
		func(charts.Input, string, error) { answered = true })
	ui.session.Close()
	d.settle()
	if ui.session.Plan() != nil || ui.session.Projection() != nil || answered {
		t.Errorf("after Close: plan %v, projection %v, what-if answered %v", ui.session.Plan() != nil,
			ui.session.Projection() != nil, answered)
	}
}

// Comparing scenarios: the session projects the two other scenarios of
// the default plan, in the background, and lets go of them when off.
func TestCompareIsProjectedByTheSession(t *testing.T) {
	ui, d := openDeferredUI(t, filepath.Join(t.TempDir(), "library.db"))
	ui.session.SetCompare(true)
	if n := len(ui.session.Compared()); n != 0 {
		t.Errorf("%d compared before the answer", n)
	}
	d.settle()
	others := ui.session.Compared()
	if len(others) != 2 || others[0].Scenario != "Better retention" || others[1].Scenario == "" {
		t.Fatalf("compared %d: %q, %q", len(others), others[0].Scenario, others[len(others)-1].Scenario)
	}
	if n := len(ui.overview.chart.Growth().Others); n != 2 {
		t.Errorf("chart compares %d", n)
	}
	ui.session.SetScenario("Better retention")
	d.settle()
	if others := ui.session.Compared(); len(others) != 2 || others[0].Scenario != "" {
		t.Errorf("compared with a scenario shown: %d", len(others))
	}
	ui.session.SetCompare(false)
	if ui.session.Compared() != nil {
		t.Error("still holding the compared projections")
	}
}

// Undo keeps the last 200 edits, the oldest forgotten first.
func TestUndoIsBounded(t *testing.T) {
	lib, err := exchange.OpenLibrary(context.Background(), filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	small := ltpPlan("Small")
	small.Professions = []plan.Profession{{ID: "cp", Name: "Clinical psychologist", LeaverRatePct: 8, WTEPerHead: 1, CostPerWTE: 60000}}
	small.Posts = []plan.PostLine{{Profession: "cp", ServiceArea: "Perinatal", InPostWTE: 10, FundedWTE: 12}}
	id, err := lib.CreatePlan(context.Background(), small)
	if err != nil {
		t.Fatal(err)
	}
	s := newSession(lib, inline, true)
	s.Open(id, nil)
	t.Cleanup(s.Flush)
	first := s.Plan().Posts[0].RecruitsWTEPerYear
	for i := 1; i <= maxUndo+5; i++ {
		err := s.Edit("", func(p *plan.Plan) error { p.Posts[0].RecruitsWTEPerYear = float64(i); return nil })
		if err != nil {
			t.Fatal(err)
		}
	}
	undone := 0
	for s.Undo() {
		undone++
	}
	if got := s.Plan().Posts[0].RecruitsWTEPerYear; undone != maxUndo || got != 5 {
		t.Errorf("undid %d edits back to %v recruits (first %v)", undone, got, first)
	}
	for s.Redo() {
	}
	if got := s.Plan().Posts[0].RecruitsWTEPerYear; got != maxUndo+5 {
		t.Errorf("redo back to %v", got)
	}
}

// An edit to a post shares the cohorts with the plan before it (one list,
// not a copy), and undo still gives back the post as it was.
func TestAnEditSharesWhatItLeftAlone(t *testing.T) {
	ui, _, _ := newTestUI(t)
	before := ui.session.Plan()
	err := ui.session.Edit("", func(p *plan.Plan) error { p.Posts[0].InPostWTE += 7; return nil })
	if err != nil {
		t.Fatal(err)
	}
	after := ui.session.Plan()
	if &after.Cohorts[0] != &before.Cohorts[0] || &after.Posts[0] == &before.Posts[0] {
		t.Error("cohorts copied, or posts shared")
	}
	ui.session.Undo()
	if ui.session.Plan().Posts[0].InPostWTE != after.Posts[0].InPostWTE-7 {
		t.Error("undo did not give the post back")
	}
}
