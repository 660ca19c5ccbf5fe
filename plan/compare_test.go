package plan_test

import (
	"context"
	"reflect"
	"testing"

	"example.org/psyplan/plan"
	"example.org/psyplan/plan/plantest"
)

// South (see northAndSouth): 20 CBT WTE (£2,000 a month each) and 5 PWP
// WTE (£1,000), May to August 2020, hires capped at funded posts, 10 %
// growth by August on 25 WTE: target 27.5. Two CBT qualifiers in July
// find no funded post and are lost. "More PWPs" funds 8 PWP posts and
// recruits 1 a month: 6, 7, 8. "Slow PWPs" recruits half as fast: 5.5,
// 6, 6.5, leaving 1.5 posts vacant in August.
func TestCompareScenariosByHand(t *testing.T) {
	_, south := northAndSouth()
	south.Cohorts = []plan.Cohort{{Profession: "cbt", ServiceArea: "Adult", Start: plan.MonthOf(2020, 6),
		DurationMonths: 1, Intake: 2, CompletionPct: 100, TakeupPct: 100}}
	south.Scenarios = append(south.Scenarios, plan.Scenario{Name: "Slow PWPs", Posts: []plan.PostOverride{
		{Profession: "pwp", ServiceArea: "CYP", FundedWTE: ptr(8), RecruitsWTEPerYear: ptr(6)}}})
	south.Uncertainty = &plan.Uncertainty{} // a band of no uncertainty: the projection's own gap decides
	bands, err := plan.CompareBands(context.Background(), south, 10, 1)
	if err != nil {
		t.Fatal(err)
	}
	c, err := plan.Compare(south, bands)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(c.Columns, []string{"Plan", "More PWPs", "Slow PWPs"}) || c.At != plan.MonthOf(2020, 8) {
		t.Fatalf("columns %q at %s", c.Columns, c.At)
	}
	want := []plan.ComparisonRow{
		{"workforce", "2020-08", "Workforce, Aug 2020", "WTE", []float64{25, 28, 26.5}, []float64{0, 3, 1.5}},
		{"target", "2020-08", "Target, Aug 2020", "WTE", []float64{27.5, 27.5, 27.5}, []float64{0, 0, 0}},
		{"gap", "2020-08", "Gap to the target, Aug 2020", "WTE", []float64{-2.5, 0.5, -1}, []float64{0, 3, 1.5}},
		{"chance_on_track", "2020-08", "Chance of being on track, Aug 2020", "%", []float64{0, 100, 0}, []float64{0, 100, 0}},
		{"unplaced_qualifiers", "2020-08", "Unplaced qualifiers to Aug 2020", "WTE", []float64{2, 2, 2}, []float64{0, 0, 0}},
		{"vacancies", "2020-08", "Vacancies, Aug 2020", "WTE", []float64{0, 0, 1.5}, []float64{0, 0, 1.5}},
		{"pay_cost", "2020/21", "Pay cost, 2020/21", "£", []float64{135000, 141000, 138000}, []float64{0, 6000, 3000}},
	}
	if len(c.Rows) != len(want) {
		t.Fatalf("%d rows: %+v", len(c.Rows), c.Rows)
	}
	for i, w := range want {
		g := c.Rows[i]
		if g.Measure != w.Measure || g.When != w.When || g.Label != w.Label || g.Unit != w.Unit {
			t.Errorf("row %d: %q %q %q %q", i, g.Measure, g.When, g.Label, g.Unit)
		}
		for k := range w.Values {
			if !near(g.Values[k], w.Values[k]) || !near(g.Diffs[k], w.Diffs[k]) {
				t.Errorf("%s, %s: %g (%+g), want %g (%+g)", g.Label, c.Columns[k], g.Values[k], g.Diffs[k], w.Values[k], w.Diffs[k])
			}
		}
	}

	// Without bands there is no chance row; a plan with no band draws none.
	south.Uncertainty = nil
	if bands, _ := plan.CompareBands(context.Background(), south, 10, 1); bands != nil {
		t.Error("bands drawn for a plan with no uncertainty")
	}
	c, _ = plan.Compare(south, nil)
	if len(c.Rows) != 6 || c.Rows[3].Measure != plan.MeasureUnplaced {
		t.Errorf("rows without bands: %d", len(c.Rows))
	}
	if _, err := plan.Compare(south, bands[:1]); err == nil {
		t.Error("one band for three columns was taken")
	}
}

// Every milestone inside the projection gets its rows; a plan with no
// scenarios is one column.
func TestCompareMilestones(t *testing.T) {
	north, _ := northAndSouth()
	north.Trajectory.Milestones = []plan.Milestone{{Month: plan.MonthOf(2020, 4), GrowthPct: 10},
		{Month: plan.MonthOf(2020, 6), GrowthPct: 30}, {Month: plan.MonthOf(2021, 6), GrowthPct: 50}}
	c, err := plan.Compare(north, nil)
	if err != nil {
		t.Fatal(err)
	}
	var whens []string
	for _, r := range c.Rows {
		if r.Measure == plan.MeasureWorkforce {
			whens = append(whens, r.When)
		}
	}
	if !reflect.DeepEqual(whens, []string{"2020-04", "2020-06"}) || len(c.Columns) != 1 || c.Rows[0].Values[0] != 11 {
		t.Errorf("milestones %q, columns %q, first %g", whens, c.Columns, c.Rows[0].Values[0])
	}
}

// A difference has its sign, except one that rounds to nothing: a
// scenario 0.04 WTE or 40p apart from the plan is written as the same.
func TestFigureSignsDifferencesButNeverZero(t *testing.T) {
	for _, c := range []struct {
		unit  string
		v     float64
		short bool
		want  string
	}{
		{plan.UnitWTE, 1062.14, false, "+1,062.1"},
		{plan.UnitWTE, -2106.5, false, "-2,106.5"},
		{plan.UnitWTE, 0.04, false, "0.0"},
		{plan.UnitWTE, -0.04, false, "0.0"},
		{plan.UnitWTE, 0.4, true, "0 WTE"},
		{plan.UnitPounds, 0.4, false, "£0"},
		{plan.UnitPounds, -0.4, true, "£0"},
		{plan.UnitPounds, 6126011, false, "+£6,126,011"},
		{plan.UnitPercent, 0.04, false, "0.0 points"},
		{plan.UnitPercent, 2.6, true, "+3 pts"},
	} {
		if got := plan.Figure(c.unit, c.v, true, c.short); got != c.want {
			t.Errorf("%s difference %v (short %v) = %q, want %q", c.unit, c.v, c.short, got, c.want)
		}
	}
}

// A projection the caller has already is used, not made again: handed a
// (doctored) projection of "More PWPs", the side by side shows its figure;
// one of another baseline is not taken.
func TestCompareUsesProjectionsMade(t *testing.T) {
	_, south := northAndSouth()
	more, err := plan.Project(south, "More PWPs")
	if err != nil {
		t.Fatal(err)
	}
	doctored := *more
	doctored.Total = append([]plan.Row(nil), more.Total...)
	doctored.Total[len(doctored.Total)-1].Workforce += 1000
	c, err := plan.Compare(south, nil, &doctored)
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Rows[0].Values[1]; !near(got, 1028) {
		t.Errorf("More PWPs' workforce %g, want 1,028 (the projection handed over)", got)
	}
	doctored.Baseline--
	if c, _ = plan.Compare(south, nil, &doctored); !near(c.Rows[0].Values[1], 28) {
		t.Errorf("a projection of another baseline was taken: %g", c.Rows[0].Values[1])
	}
}

// A column not made already keeps only its totals and the months of the
// access targets' points: the side by side is the same to the bit as from
// whole projections, on the national plan of version 3 (demand, budget,
// qualifiers moving, a scenario switching it off) and on South.
func TestCompareWithoutWholeProjectionsIsTheSame(t *testing.T) {
	v3 := plantest.NationalV3()
	v3.Horizon = v3.Baseline + 60
	_, south := northAndSouth()
	for _, p := range []*plan.Plan{v3, south} {
		var made []*plan.Projection
		for _, name := range append([]string{""}, p.ScenarioNames()...) {
			pj, err := plan.Project(p, name)
			if err != nil {
				t.Fatal(err)
			}
			made = append(made, pj)
		}
		whole, err := plan.Compare(p, nil, made...)
		if err != nil {
			t.Fatal(err)
		}
		alone, err := plan.Compare(p, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(whole.Rows) < 5 || !reflect.DeepEqual(whole, alone) {
			t.Errorf("%s: %d rows from whole projections, %d from totals", p.Name, len(whole.Rows), len(alone.Rows))
		}
	}
}
