package charts

import (
	"math"
	"strings"
	"testing"

	"example.org/psyplan/plan"
)

var mar2020 = plan.MonthOf(2020, 3)

// smallInput is two lines in one service area, judged at Jul 2020 (a 10 %
// milestone and the horizon), salaried trainees counted, 3 % pay awards:
//   - PWPs: 100 WTE, no leavers, one recruit a month; half of a high
//     intensity intake of 10 leave their posts to train in Apr 2020:
//     100 → 96 → 97 → 98 → 99;
//   - high intensity: 50 WTE, funded 52, no leavers; that intake (10 x
//     100 % x 50 % = 5 WTE) qualifies in Jun 2020 into 2 free posts, so 3
//     wait (for up to 2 months); 3 salaried trainees start in May 2020.
//
// Workforce: 100 + 50 = 150 at the baseline, 99 + 52 + 3 = 154 in Jul
// 2020, against a target of 150 x 1.1 = 165.
func smallInput(t *testing.T) Input {
	t.Helper()
	p := &plan.Plan{
		Name: "Small", Baseline: mar2020, Horizon: mar2020 + 4, CapHires: true,
		QualifierWaitMonths: 2, CountSalariedTrainees: true, PayUpliftPctPerYear: 3,
		Trajectory: plan.Trajectory{Interpolation: plan.Linear, Milestones: []plan.Milestone{{Month: mar2020 + 4, GrowthPct: 10}}},
		Professions: []plan.Profession{
			{ID: "hi", Name: "High intensity", WTEPerHead: 1, TraineesSalaried: true, TraineeWTEPerHead: 1},
			{ID: "pwp", Name: "PWP", WTEPerHead: 1},
		},
		Posts: []plan.PostLine{
			{Profession: "hi", ServiceArea: "Adult", InPostWTE: 50, FundedWTE: 52},
			{Profession: "pwp", ServiceArea: "Adult", InPostWTE: 100, FundedWTE: 1000, RecruitsWTEPerYear: 12},
		},
		Cohorts: []plan.Cohort{
			{Profession: "hi", ServiceArea: "Adult", Start: mar2020 + 1, DurationMonths: 2, Intake: 10, CompletionPct: 100, TakeupPct: 50,
				DrawnFrom: &plan.DrawnFrom{Profession: "pwp", Pct: 50}},
			{Profession: "hi", ServiceArea: "Adult", Start: mar2020 + 2, DurationMonths: 12, Intake: 3, CompletionPct: 100, TakeupPct: 100},
		},
	}
	if errs := plan.Validate(p); errs != nil {
		t.Fatal(errs)
	}
	pr, err := plan.Project(p, "")
	if err != nil {
		t.Fatal(err)
	}
	return Input{Plan: p, Projection: pr}
}

func near(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 1e-9*math.Max(1, math.Abs(want)) {
		t.Errorf("%s = %.12g, want %.12g", what, got, want)
	}
}

// Every bar of the bridge is one of the engine's flows, by hand: none is
// what is left over, so they reach the end only if the flows add up.
func TestBridgeBarsAreTheEnginesFlows(t *testing.T) {
	b := BridgeChart(smallInput(t)).(bridge)
	if b.At != mar2020+4 || b.measure != "Workforce" {
		t.Errorf("at %s, measuring %s", b.At, b.measure)
	}
	near(t, "baseline", b.Start, 150)
	want := []step{{"- Leavers", 0}, {"- Into training", -5}, {"+ Qualified", 2}, {"+ Recruited", 4}, {"± Trainees", 3}}
	level := b.Start
	steps := b.steps()
	if len(steps) != len(want) {
		t.Fatalf("steps %+v", steps)
	}
	for i, st := range steps {
		if st.label != want[i].label {
			t.Errorf("step %d is %q, want %q", i, st.label, want[i].label)
		}
		near(t, st.label, st.value, want[i].value)
		level += st.value
	}
	near(t, "the steps reach", level, 154)
	near(t, "projected", b.End, 154)
	near(t, "target", b.target, 165)

	in := smallInput(t)
	in.Plan.CountSalariedTrainees = false
	in.Projection, _ = plan.Project(in.Plan, "")
	b = BridgeChart(in).(bridge)
	if n := len(b.steps()); n != 4 || b.measure != "Staff in post" {
		t.Errorf("trainees not counted: %d steps measuring %s", n, b.measure)
	}
	near(t, "projected in post", b.End, 151)
}

// The pipeline shows the waiting list: in 2020/21 (to Jul 2020) 2 WTE
// hired, 3 waiting, none lost yet, 3 people in training at its end.
func TestPipelineShowsTheWaitingList(t *testing.T) {
	c := PipelineChart(smallInput(t)).(pipeline)
	if len(c.labels) != 1 || c.labels[0] != "2020/21" {
		t.Fatalf("years %v", c.labels)
	}
	want := map[string]float64{"Qualifiers hired (WTE)": 2, "Waiting at year end (WTE)": 3, "No post in time (WTE)": 0}
	for _, part := range c.parts {
		w, ok := want[part.name]
		if !ok {
			t.Errorf("unexpected part %q", part.name)
			continue
		}
		near(t, part.name, part.values[0], w)
		delete(want, part.name)
	}
	if len(want) > 0 {
		t.Errorf("missing parts %v", want)
	}
	near(t, "in training", c.training[0], 3)
}

// The cost chart states the price base.
func TestCostChartStatesThePriceBase(t *testing.T) {
	in := smallInput(t)
	title := CostChart(in).(costChart).title
	if !strings.HasSuffix(title, "by financial year, with 3 % pay awards a year") || !strings.Contains(title, "salaried trainees") {
		t.Errorf("title %q", title)
	}
	in.Plan.PayUpliftPctPerYear = 0
	in.Filter = Filter{Profession: "pwp"}
	if title := CostChart(in).(costChart).title; title != "Pay cost of staff in post by financial year (PWP), baseline prices" {
		t.Errorf("title %q", title)
	}
}

// The growth chart plots the workforce (trainees counted) against the
// target, and says so.
func TestGrowthPlotsTheWorkforce(t *testing.T) {
	in := smallInput(t)
	g := GrowthChart(in, GrowthTitle(in.Plan))
	near(t, "projected in Jul 2020", g.Projected[4], 154)
	near(t, "target", g.Target[4], 165)
	if !strings.Contains(g.legend(), "workforce") || !strings.Contains(g.Title, "workforce") {
		t.Errorf("legend %q, title %q", g.legend(), g.Title)
	}
	in.Plan.CountSalariedTrainees = false
	in.Projection, _ = plan.Project(in.Plan, "")
	g = GrowthChart(in, GrowthTitle(in.Plan))
	near(t, "in post in Jul 2020", g.Projected[4], 151)
	if g.legend() != "Projected in post" || strings.Contains(g.Title, "workforce") {
		t.Errorf("legend %q, title %q", g.legend(), g.Title)
	}
}
