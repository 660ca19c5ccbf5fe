package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"example.org/psyplan/app/session"
	"example.org/psyplan/charts"
	"example.org/psyplan/plan"
	"example.org/psyplan/plan/plantest"
	"example.org/psyplan/planfile"
	"example.org/psyplan/store"
)

// Three small ICS plans, March to June 2020, judged at June, worked by
// hand. CBT only, nobody leaves, no cap; recruits join from April.
//
//	Leeds: 10 WTE, 1 recruit a month: 13 in June; 30 % on 10: 13. Gap 0.
//	Hull:  10 WTE, no recruits: 10 in June; 30 % on 10: 13. Gap -3.
//	York:  20 WTE, 2 a month: 26 in June; 10 % on 20: 22. Gap +4.
//	       Its scenario "Faster", 4 a month: 32 in June. Gap +10.
func threeICS() []*plan.Plan {
	ics := func(name string, wte, perYear, growth float64) *plan.Plan {
		return &plan.Plan{Name: name, Baseline: plan.MonthOf(2020, 3), Horizon: plan.MonthOf(2020, 6),
			Trajectory: plan.Trajectory{Interpolation: plan.Linear,
				Milestones: []plan.Milestone{{Month: plan.MonthOf(2020, 6), GrowthPct: growth}}},
			Professions: []plan.Profession{{ID: "cbt", Name: "CBT", WTEPerHead: 1, CostPerWTE: 12000}},
			Posts: []plan.PostLine{{Profession: "cbt", ServiceArea: "Adult", InPostWTE: wte, FundedWTE: wte,
				RecruitsWTEPerYear: perYear}},
		}
	}
	york := ics("York", 20, 24, 10)
	faster := 48.0
	york.Scenarios = []plan.Scenario{{Name: "Faster", Posts: []plan.PostOverride{
		{Profession: "cbt", ServiceArea: "Adult", RecruitsWTEPerYear: &faster}}}}
	return []*plan.Plan{ics("Leeds", 10, 12, 30), ics("Hull", 10, 0, 30), york}
}

// storeICS puts the three plans in the window's library and lists them.
func storeICS(t *testing.T, ui *UI) map[string]int64 {
	t.Helper()
	ids := map[string]int64{}
	for _, p := range threeICS() {
		id, err := ui.lib.CreatePlan(context.Background(), p)
		if err != nil {
			t.Fatal(err)
		}
		ids[p.Name] = id
	}
	ui.library.reload()
	return ids
}

func same(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

// The only open roll-up window.
func openRollupWindow(t *testing.T, ui *UI) *rollupWindow {
	t.Helper()
	if n := len(ui.library.rollups.open); n != 1 {
		t.Fatalf("%d roll-up windows open, want 1", n)
	}
	return ui.library.rollups.open[0]
}

// A roll-up made from a multi-selection: Hull by itself and York by its
// scenario "Faster". Stored with the scenario, added up as worked by
// hand, each plan's gap most behind first in the chart and the table.
func TestRollupFromASelection(t *testing.T) {
	ui, d := openDeferredUI(t, filepath.Join(t.TempDir(), "library.db"))
	storeICS(t, ui)
	rv := ui.library.rollups
	rv.newRollup()
	if rv.picker != nil {
		t.Fatal("the dialog showed before the plans were read")
	}
	d.Settle()
	pk := rv.picker
	if pk == nil {
		t.Fatal("no new roll-up dialog")
	}
	for i, c := range pk.plans {
		switch c.name {
		case "Hull":
			pk.ticks[i].SetChecked(true)
		case "York":
			pk.ticks[i].SetChecked(true)
			pk.counts[i].SetSelected("Faster")
		}
	}
	pk.name.SetText("Humber and York")
	rv.create(pk.name.Text, pk.members())
	d.Settle()

	list, err := ui.lib.ListRollups(context.Background())
	if err != nil || len(list) != 1 || list[0].Name != "Humber and York" || len(list[0].Members) != 2 {
		t.Fatalf("roll-ups %+v, %v", list, err)
	}
	if list[0].Members[1].Scenario != "Faster" || list[0].Members[0].Scenario != "" {
		t.Errorf("members %+v: want Hull by itself, York by Faster", list[0].Members)
	}
	w := openRollupWindow(t, ui)
	rp := w.projection
	if rp == nil {
		t.Fatalf("not added up: %s", w.headline.Text)
	}
	june := rp.Index(plan.MonthOf(2020, 6))
	if !same(rp.Total[june].Workforce, 42) || !same(rp.Target[june], 35) {
		t.Errorf("June: workforce %v target %v, want 10+32 = 42 and 13+22 = 35", rp.Total[june].Workforce, rp.Target[june])
	}
	g := w.gapChart.chart.(charts.MemberGaps).Gaps
	if len(g) != 2 || g[0].Name != "Hull" || !same(g[0].Gap, -3) || g[1].Name != "York: Faster" || !same(g[1].Gap, 10) {
		t.Errorf("gaps %+v: want Hull -3 then York: Faster +10", g)
	}
	if got := w.gapCell(1, 3); got != "-3.0" {
		t.Errorf("the table's first gap %q, want -3.0", got)
	}
	if !strings.Contains(w.headline.Text, "1 of 2 behind") || !strings.Contains(w.headline.Text, "7 WTE ahead") {
		t.Errorf("headline %q", w.headline.Text)
	}
}

// The gap chart of three plans is sorted most behind first, whatever
// order the roll-up holds them in; and it draws.
func TestGapChartSortedMostBehindFirst(t *testing.T) {
	ps := threeICS()
	members := []plan.RollupMember{{Name: "York", Plan: ps[2]}, {Name: "Leeds", Plan: ps[0]}, {Name: "Hull", Plan: ps[1]}}
	rp, err := plan.ProjectRollup(members)
	if err != nil {
		t.Fatal(err)
	}
	c := charts.MemberGapChart("Region", rp, rp.JudgedAt())
	want := []struct {
		name string
		gap  float64
	}{{"Hull", -3}, {"Leeds", 0}, {"York", 4}}
	for i, w := range want {
		if c.Gaps[i].Name != w.name || !same(c.Gaps[i].Gap, w.gap) {
			t.Fatalf("gap %d: %+v, want %s %v", i, c.Gaps[i], w.name, w.gap)
		}
	}
	if _, _, err := charts.Image(c, 900, 500); err != nil {
		t.Fatal(err)
	}
}

// Importing a folder with one bad file stores the good ones, ignores
// what is no plan file, lists the bad one with its reason, and the
// imported plans roll up from the summary.
func TestImportManyWithOneBadFile(t *testing.T) {
	ui, d := openDeferredUI(t, filepath.Join(t.TempDir(), "library.db"))
	dir := t.TempDir()
	for _, p := range threeICS()[:2] {
		data, err := planfile.Write(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, p.Name+planfile.Extension), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(dir, "broken"+planfile.Extension), []byte(`{"format": "psyplan", "name": `), 0o600)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not a plan"), 0o600)
	before, _ := ui.lib.ListPlans(context.Background())

	rv := ui.library.rollups
	rv.importFolder(dir)
	d.Settle()
	res := rv.imported
	if len(res.stored) != 2 || len(res.refused) != 1 || !strings.HasPrefix(res.refused[0], "broken"+planfile.Extension+": ") {
		t.Fatalf("stored %v refused %q", res.names, res.refused)
	}
	after, _ := ui.lib.ListPlans(context.Background())
	if len(after) != len(before)+2 {
		t.Errorf("%d plans after, %d before: want 2 more", len(after), len(before))
	}
	summary := overlayText(ui.win)
	for _, want := range []string{"Imported 2 plans: Hull, Leeds", "Not imported, nothing of them stored (1)", "broken" + planfile.Extension} {
		if !strings.Contains(summary, want) {
			t.Errorf("the summary does not say %q:\n%s", want, summary)
		}
	}
	test.Tap(button(t, ui.win.Canvas().Overlays().Top(), "Make the roll-up"))
	d.Settle()
	w := openRollupWindow(t, ui)
	if w.rollup == nil || w.rollup.Name != filepath.Base(dir) || len(w.projection.Members) != 2 {
		t.Fatalf("roll-up %+v", w.rollup)
	}
}

// overlayText is every label's text on the window's top dialog.
func overlayText(win fyne.Window) string {
	top := win.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var b strings.Builder
	walk(top, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			b.WriteString(l.Text + "\n")
		}
	})
	return b.String()
}

// Deleting a plan a roll-up holds names the roll-up first; once deleted,
// the roll-up is added up again without it.
func TestDeletingAHeldPlanNamesTheRollup(t *testing.T) {
	ui, d := openDeferredUI(t, filepath.Join(t.TempDir(), "library.db"))
	ids := storeICS(t, ui)
	rv := ui.library.rollups
	rv.create("Yorkshire", []store.RollupMember{{PlanID: ids["Leeds"]}, {PlanID: ids["York"]}})
	d.Settle()
	ui.openPlan(ids["Leeds"])
	d.Settle()
	ui.library.delete()
	if text := overlayText(ui.win); !strings.Contains(text, `It is in 1 roll-up: "Yorkshire"`) {
		t.Fatalf("the question does not name the roll-up:\n%s", text)
	}
	test.Tap(button(t, ui.win.Canvas().Overlays().Top(), "Yes"))
	d.Settle()
	w := openRollupWindow(t, ui)
	if w.projection == nil || len(w.projection.Members) != 1 || w.projection.Members[0].Name != "York" {
		t.Fatalf("after the delete: %s", w.headline.Text)
	}
}

// The side-by-side table shows plan.Compare's figures: York and its
// scenario Faster, worked by hand at June (26 and 32 WTE, +6).
func TestCompareTableIsPlanCompare(t *testing.T) {
	ui, d := openDeferredUI(t, filepath.Join(t.TempDir(), "library.db"))
	ids := storeICS(t, ui)
	ui.openPlan(ids["York"])
	d.Settle()
	for _, ti := range ui.tabs.Items {
		if ti.Text == compareName {
			ui.tabs.Select(ti)
		}
	}
	d.Settle()
	cv := ui.compare
	want, err := plan.Compare(ui.session.Plan(), nil)
	if err != nil {
		t.Fatal(err)
	}
	rows, cols := cv.size()
	if rows != len(want.Rows)+1 || cols != 4 {
		t.Fatalf("table %d x %d, want %d x 4", rows, cols, len(want.Rows)+1)
	}
	if cv.cell(0, 1) != "Plan" || cv.cell(0, 2) != "Faster" || cv.cell(0, 3) != "vs the plan" {
		t.Errorf("header %q %q %q", cv.cell(0, 1), cv.cell(0, 2), cv.cell(0, 3))
	}
	for i, r := range want.Rows {
		if got := cv.cell(i+1, 2); got != compareFigure(r.Unit, r.Values[1], false) {
			t.Errorf("%s: Faster %q, want %v", r.Label, got, r.Values[1])
		}
		if got := cv.cell(i+1, 3); got != compareFigure(r.Unit, r.Diffs[1], true) {
			t.Errorf("%s: difference %q, want %v", r.Label, got, r.Diffs[1])
		}
	}
	if cv.cell(1, 0) != "Workforce, Jun 2020 (WTE)" || cv.cell(1, 1) != "26.0" || cv.cell(1, 2) != "32.0" || cv.cell(1, 3) != "+6.0" {
		t.Errorf("June workforce row: %q %q %q %q", cv.cell(1, 0), cv.cell(1, 1), cv.cell(1, 2), cv.cell(1, 3))
	}
}

// Opening a roll-up of the national plan's 42 areas, as 42 plans: read
// from the library, added up, and both charts drawn at the window's
// size. Issue 11 asks for 1 s at most.
func BenchmarkOpenRollupOf42Areas(b *testing.B) {
	a := test.NewTempApp(b)
	lib, err := store.Open(filepath.Join(b.TempDir(), "library.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { lib.Close() })
	var members []store.RollupMember
	for _, p := range plantest.AreaPlans() {
		id, err := lib.CreatePlan(context.Background(), p)
		if err != nil {
			b.Fatal(err)
		}
		members = append(members, store.RollupMember{PlanID: id})
	}
	rid, err := lib.CreateRollup(context.Background(), "England", members)
	if err != nil {
		b.Fatal(err)
	}
	ui := New(a, lib, session.Inline, false)
	rv := ui.library.rollups
	for b.Loop() {
		w := rv.openRollup(rid)
		if w.projection == nil {
			b.Fatal(w.headline.Text)
		}
		for _, cv := range []*chartView{w.growth, w.gapChart} {
			if _, _, err := charts.Image(cv.chart, 1260, 640); err != nil {
				b.Fatal(err)
			}
		}
		w.win.Close()
	}
}

// Workshop mode for a roll-up: the region's growth slide, then which
// plan is behind (most behind first), then Escape puts the window back.
func TestRollupWorkshop(t *testing.T) {
	ui, d := openDeferredUI(t, filepath.Join(t.TempDir(), "library.db"))
	ids := storeICS(t, ui)
	rv := ui.library.rollups
	rv.create("Yorkshire", []store.RollupMember{{PlanID: ids["Leeds"]}, {PlanID: ids["Hull"]}})
	d.Settle()
	w := openRollupWindow(t, ui)
	before := w.win.Content()
	test.Tap(button(t, before, "Present"))
	rs := w.slides
	if rs == nil || w.win.Content() == before {
		t.Fatal("workshop mode did not start")
	}
	if _, ok := rs.chart.chart.(charts.Growth); !ok || rs.counter.Text != "1 of 2" {
		t.Fatalf("first slide %T, %q", rs.chart.chart, rs.counter.Text)
	}
	w.win.Canvas().(interface{ OnTypedKey() func(*fyne.KeyEvent) }).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyRight})
	g, ok := rs.chart.chart.(charts.MemberGaps)
	if !ok || len(g.Gaps) != 2 || g.Gaps[0].Name != "Hull" || rs.counter.Text != "2 of 2" {
		t.Fatalf("second slide %T %+v %q", rs.chart.chart, g.Gaps, rs.counter.Text)
	}
	w.win.Canvas().(interface{ OnTypedKey() func(*fyne.KeyEvent) }).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if w.slides != nil || w.win.Content() != before {
		t.Error("Escape did not leave workshop mode")
	}
}
