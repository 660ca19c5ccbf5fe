package app

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"example.org/psyplan/app/kit/kittest"
	"example.org/psyplan/app/session"
	"example.org/psyplan/exchange"
	"example.org/psyplan/plan"
	"example.org/psyplan/store"
)

// newTestUI opens a window on a fresh library in a temporary folder, with
// background work done at once so each step can be checked straight away.
// It gives the library, for a test that adds plans to it, and its place.
func newTestUI(t *testing.T) (*UI, *store.Library, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "library.db")
	ui := openTestUI(t, path)
	return ui, ui.lib, path
}

// findTab is the tab of that name. Tabs are found by name, so a new tab does
// not move a test to another.
func findTab(t testing.TB, ui *UI, name string) (int, *view) {
	t.Helper()
	for i, v := range ui.views {
		if v.name == name {
			return i, v
		}
	}
	t.Fatalf("no tab %q", name)
	return 0, nil
}

// overviewOf brings the Overview to the front, as a planner looks at it,
// and gives it.
func overviewOf(t testing.TB, ui *UI) *overviewView {
	t.Helper()
	showTab(t, ui, "Overview")
	return ui.overview
}

// front brings the tab showing object to the front, if a tab does.
func front(ui *UI, object fyne.CanvasObject) {
	for i, v := range ui.views {
		if v.object == object {
			ui.tabs.SelectIndex(i)
		}
	}
}

// showTab brings the tab of that name to the front, as a planner's click
// would, and gives its view.
func showTab(t testing.TB, ui *UI, name string) *view {
	t.Helper()
	i, v := findTab(t, ui, name)
	ui.tabs.SelectIndex(i)
	return v
}

func openTestUI(t *testing.T, path string) *UI {
	t.Helper()
	a := test.NewTempApp(t)
	lib, err := exchange.OpenLibrary(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	ui := New(a, lib, session.Inline, false)
	ui.win.Resize(fyne.NewSize(1440, 900))
	ui.openStartPlan()
	return ui
}

// entry is the form field of a record table's column.
func entry(t *testing.T, rt *recordTable, title string) *widget.Entry {
	t.Helper()
	front(rt.ui, rt.object) // a form is brought to the front to be typed in
	for i, c := range rt.def.columns {
		if c.title == title {
			switch e := rt.fields[i].(type) {
			case *widget.Entry:
				return e
			case *widget.SelectEntry: // choices that can be typed over
				return &e.Entry
			}
			t.Fatalf("%s is not typed in", title)
		}
	}
	t.Fatalf("no column %q", title)
	return nil
}

func button(t *testing.T, o fyne.CanvasObject, label string) *widget.Button {
	t.Helper()
	return find[*widget.Button](t, o, label, func(b *widget.Button) string { return b.Text })
}

// find is the widget of type W under o whose text is label.
func find[W fyne.CanvasObject](t *testing.T, o fyne.CanvasObject, label string, text func(W) string) W {
	t.Helper()
	var found W
	ok := false
	walk(o, func(o fyne.CanvasObject) {
		if w, is := o.(W); is && text(w) == label {
			found, ok = w, true
		}
	})
	if !ok {
		t.Fatalf("no %T %q", found, label)
	}
	return found
}

// walk calls fn on o and everything drawn inside it (one walker for
// both windows' tests).
var walk = kittest.Walk

func retype(e *widget.Entry, text string) {
	e.SetText("")
	test.Type(e, text)
}

// The first run shows the default plan, projected and charted.
func TestFirstRunShowsTheDefaultPlan(t *testing.T) {
	ui, _, _ := newTestUI(t)
	p := ui.session.Plan()
	if p == nil || !strings.HasPrefix(p.Name, "England psychological professions") {
		t.Fatalf("plan = %v", p)
	}
	if ui.session.Projection() == nil || ui.overview.chart.Growth() == nil {
		t.Fatal("no projection or chart")
	}
	if !strings.HasPrefix(ui.overview.status.Text, "On track: projected") {
		t.Errorf("status %q", ui.overview.status.Text)
	}
	// the published 17,500 WTE of March 2020, salaried trainees counted
	if got := ui.overview.figures["baseline"].value.Text; got != "17,500.0 WTE" {
		t.Errorf("baseline figure %q", got)
	}
}

// A planner's whole job by hand: a new plan, a profession, a post line and
// a cohort; a change moves the figures; undo puts them back; a bad value
// is refused with its message; everything is there after reopening.
func TestPlannerBuildsAPlanFromNothing(t *testing.T) {
	ui, _, path := newTestUI(t)
	if err := ui.library.create(ltpPlan("Test ICS")); err != nil {
		t.Fatal(err)
	}
	if ui.session.Plan().Name != "Test ICS" {
		t.Fatalf("open plan %q", ui.session.Plan().Name)
	}
	id := ui.session.ID()

	profs := screen(t, ui, "Professions")
	test.Tap(button(t, profs, "Add profession"))
	if n := len(ui.session.Plan().Professions); n != 1 {
		t.Fatalf("%d professions", n)
	}

	test.Tap(button(t, ui.posts.object, "Add post line"))
	retype(entry(t, ui.posts, "In post (WTE)"), "40")
	retype(entry(t, ui.posts, "Funded (WTE)"), "50")
	l := ui.session.Plan().Posts[0]
	if l.InPostWTE != 40 || l.FundedWTE != 50 || l.ServiceArea != "Perinatal" {
		t.Fatalf("post line %+v", l)
	}
	if got := overviewOf(t, ui).figures["baseline"].value.Text; got != "40.0 WTE" {
		t.Errorf("baseline figure %q", got)
	}

	test.Tap(button(t, ui.trainees.object, "Add cohort"))
	retype(entry(t, ui.trainees, "Service area"), "Perinatal")
	retype(entry(t, ui.trainees, "Intake"), "10")
	c := ui.session.Plan().Cohorts[0]
	if c.Intake != 10 || c.Start != plan.MonthOf(2020, 9) || c.DurationMonths != 12 {
		t.Fatalf("cohort %+v", c)
	}
	// 10 x 90 % x 90 % x 1 WTE = 8.1 WTE qualify in Sep 2021 into 10 vacancies
	pr := ui.session.Projection()
	if q := pr.Total[pr.Index(plan.MonthOf(2021, 9))].Qualified; q < 8.0999 || q > 8.1001 {
		t.Errorf("qualified %v", q)
	}
	before := overviewOf(t, ui).figures["projected"].value.Text
	chartBefore := overviewOf(t, ui).chart.Growth().Projected[len(overviewOf(t, ui).chart.Growth().Projected)-1]

	// change a value: the overview and the chart move, and it is saved
	ui.setStatus("")
	retype(entry(t, ui.posts, "Recruits a year"), "12")
	if ui.status.Text != "Saved ✓" {
		t.Errorf("status %q after an edit", ui.status.Text)
	}
	after := overviewOf(t, ui).figures["projected"].value.Text
	chartAfter := overviewOf(t, ui).chart.Growth().Projected[len(overviewOf(t, ui).chart.Growth().Projected)-1]
	if after == before || chartAfter <= chartBefore {
		t.Errorf("projected %q -> %q, chart %v -> %v", before, after, chartBefore, chartAfter)
	}

	// undo the change (typed as one step) and the figures come back
	if !ui.session.Undo() {
		t.Fatal("nothing to undo")
	}
	if ui.session.Plan().Posts[0].RecruitsWTEPerYear != 0 || overviewOf(t, ui).figures["projected"].value.Text != before {
		t.Errorf("undo left recruits %v, projected %q", ui.session.Plan().Posts[0].RecruitsWTEPerYear,
			overviewOf(t, ui).figures["projected"].value.Text)
	}
	if entry(t, ui.posts, "Recruits a year").Text != "0" {
		t.Errorf("form shows %q after undo", entry(t, ui.posts, "Recruits a year").Text)
	}
	ui.session.Redo()
	if ui.session.Plan().Posts[0].RecruitsWTEPerYear != 12 {
		t.Error("redo did not come back")
	}

	// a bad value is refused at the field with the plan file's message
	retype(entry(t, ui.posts, "In post (WTE)"), "-5")
	if got := ui.posts.message.Text; got != "In post (WTE): -5 is below 0" {
		t.Errorf("message %q", got)
	}
	if ui.session.Plan().Posts[0].InPostWTE == -5 {
		t.Error("a refused value was kept")
	}
	retype(entry(t, ui.posts, "In post (WTE)"), "4o")
	if got := ui.posts.message.Text; got != `In post (WTE): "4o" is not a number` {
		t.Errorf("message %q", got)
	}
	retype(entry(t, ui.posts, "In post (WTE)"), "41")
	if ui.posts.message.Text != "" {
		t.Errorf("message stays: %q", ui.posts.message.Text)
	}

	// close and reopen: everything is in the library
	ui.win.Close()
	ui.session.Flush()
	again := openTestUI(t, path)
	if again.session.ID() != id {
		t.Fatalf("reopened plan %d, want the last one, %d", again.session.ID(), id)
	}
	p := again.session.Plan()
	if len(p.Posts) != 1 || p.Posts[0].InPostWTE != 41 || p.Posts[0].RecruitsWTEPerYear != 12 || len(p.Cohorts) != 1 {
		t.Errorf("reopened plan %+v", p)
	}
}

func TestPasteRowsFromASpreadsheet(t *testing.T) {
	ui, _, _ := newTestUI(t)
	if err := ui.library.create(ltpPlan("Paste")); err != nil {
		t.Fatal(err)
	}
	test.Tap(button(t, screen(t, ui, "Professions"), "Add profession"))
	id := ui.session.Plan().Professions[0].ID
	good := "Profession\tService area\tStart\tMonths\tIntake\tCompletion %\tTake-up %\n" +
		id + "\tPerinatal\tSep 2021\t12\t8\t90\t85\n" +
		id + "\tOlder adults\t2022-01\t24\t1,200\t95\t80\n"
	if err := ui.trainees.paste(good); err != nil {
		t.Fatal(err)
	}
	cs := ui.session.Plan().Cohorts
	if len(cs) != 2 || cs[1].Intake != 1200 || cs[1].CompletionPct != 95 || cs[1].Start != plan.MonthOf(2022, 1) {
		t.Fatalf("cohorts %+v", cs)
	}
	bad := id + "\tPerinatal\tSep 2023\t12\t8\t90\t85\n" + id + "\tPerinatal\tSep 2024\t12\t8\t140\t85\n"
	err := ui.trainees.paste(bad)
	if err == nil || err.Error() != "row 2, column Completion %: 140 is above 100" {
		t.Errorf("bad paste: %v", err)
	}
	if n := len(ui.session.Plan().Cohorts); n != 2 {
		t.Errorf("a refused paste added rows: %d", n)
	}
	err = ui.trainees.paste(id + "\tPerinatal\tSeptember\t12\t8\t90\t85\n")
	if err == nil || !strings.HasPrefix(err.Error(), "row 1, column Start:") {
		t.Errorf("bad month: %v", err)
	}
	test.Tap(button(t, ui.posts.object, "Add post line"))
	err = ui.posts.paste(id + "\tAdult severe mental illness\t12.5\t\t14\n")
	if err != nil {
		t.Fatalf("posts paste: %v", err)
	}
	l := ui.session.Plan().Posts[1]
	if l.InPostWTE != 12.5 || l.FundedWTE != 14 || l.InPostHeadcount != nil {
		t.Errorf("pasted post line %+v", l)
	}
}

func TestScenarioChoiceChangesTheProjection(t *testing.T) {
	ui, _, _ := newTestUI(t)
	plain := ui.session.Projection().Total
	last := plain[len(plain)-1].InPost
	ui.scenario.SetSelected("Better retention")
	if ui.session.Scenario() != "Better retention" {
		t.Fatalf("scenario %q", ui.session.Scenario())
	}
	sc := ui.session.Projection().Total
	if sc[len(sc)-1].InPost <= last {
		t.Errorf("better retention did not raise staff in post: %v vs %v", sc[len(sc)-1].InPost, last)
	}
	if !strings.Contains(ui.overview.chart.Title(), "Better retention") {
		t.Errorf("chart title %q", ui.overview.chart.Title())
	}
}

// Workshop mode: slides move with the clicker's keys, a what-if control
// redraws the chart without touching the saved plan, and "keep" makes it
// an ordinary scenario.
func TestWorkshopMode(t *testing.T) {
	ui, _, _ := newTestUI(t)
	saved := ui.session.Plan()
	ui.present()
	ps := ui.presenting
	if ps == nil || !ui.win.FullScreen() {
		t.Fatal("not presenting full screen")
	}
	if !strings.Contains(ps.sentence.Text, ": projected ") || !strings.Contains(ps.sentence.Text, " % trajectory.") { // the summary's sentence
		t.Errorf("first slide says %q", ps.sentence.Text)
	}
	for _, k := range []fyne.KeyName{fyne.KeyRight, fyne.KeyPageDown, fyne.KeySpace} {
		ps.key(k)
	}
	if ps.slide != 3 || ps.title.Text != "Training pipeline" {
		t.Errorf("slide %d %q", ps.slide, ps.title.Text)
	}
	ps.key(fyne.KeyPageUp)
	ps.key(fyne.KeyLeft)
	ps.key(fyne.KeyUp)
	if ps.slide != 0 {
		t.Fatalf("back to slide %d", ps.slide)
	}
	before := ps.chart.Growth().Projected[len(ps.chart.Growth().Projected)-1]
	ps.intake.SetValue(50) // half as many again on cohorts from this month
	ps.leavers.SetValue(-2)
	after := ps.chart.Growth().Projected[len(ps.chart.Growth().Projected)-1]
	if after <= before {
		t.Errorf("what-if did not raise the projection: %v -> %v", before, after)
	}
	if len(ps.chart.Growth().Others) != 1 {
		t.Error("the plan itself is not compared")
	}
	if ui.session.Plan() != saved {
		t.Error("a what-if changed the saved plan")
	}
	err := ui.session.Edit("", func(p *plan.Plan) error {
		p.Scenarios = append(p.Scenarios, ps.whatIf.Scenario(p, "Kept"))
		return nil
	})
	if err != nil {
		t.Fatalf("keep as scenario: %v", err)
	}
	ui.session.SetScenario("Kept")
	if got := ui.session.Projection().Total; got[len(got)-1].Workforce != after {
		t.Errorf("kept scenario projects %v, the slide showed %v", got[len(got)-1].Workforce, after)
	}
	ps.key(fyne.KeyEscape)
	if ui.presenting != nil || ui.win.FullScreen() || ui.win.Content() != ps.before {
		t.Error("Esc did not leave workshop mode")
	}
}

// The overview's chart follows the filter and compares scenarios.
func TestOverviewChartFilterAndCompare(t *testing.T) {
	ui, _, _ := newTestUI(t)
	ov := ui.overview
	all := ov.chart.Growth().Projected[0]
	ov.profSel.SetSelected("Psychological wellbeing practitioner")
	// 1,750 WTE in post and the 400 + 500 trainees of the Sep 2019 and Jan
	// 2020 cohorts, salaried at 1 WTE a head and counted, in the default plan
	if got := ov.chart.Growth().Projected[0]; got != 2650 {
		t.Errorf("PWP baseline %v (all %v)", got, all)
	}
	if !strings.Contains(ov.chart.Title(), "(Psychological wellbeing practitioner)") {
		t.Errorf("title %q", ov.chart.Title())
	}
	ov.profSel.SetSelected(everyOne)
	test.Tap(findCheck(t, ov.object, "Compare scenarios"))
	if n := len(ov.chart.Growth().Others); n != 2 {
		t.Errorf("%d scenarios compared, want 2", n)
	}
	ov.kindSel.SetSelected("Training pipeline")
	if ov.chart.Growth() != nil || ov.chart.Chart() == nil {
		t.Error("the pipeline chart is not shown")
	}
}

func findCheck(t *testing.T, o fyne.CanvasObject, label string) *widget.Check {
	t.Helper()
	return find[*widget.Check](t, o, label, func(c *widget.Check) string { return c.Text })
}
