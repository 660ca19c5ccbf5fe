package store

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"example.org/psyplan/plan"
	"example.org/psyplan/planfile/planfiletest"
)

// twoPlans stores the small plan twice: "North" (March 2020 to March
// 2026, with the scenario "Lower attrition") and "South", moved to
// start in March 2023.
func twoPlans(t *testing.T, lib *Library) (north, south int64) {
	t.Helper()
	p := planfiletest.Small(t)
	p.Name = "North"
	north, err := lib.CreatePlan(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	p = planfiletest.Small(t)
	p.Name, p.Scenarios = "South", nil
	p.Baseline = plan.MonthOf(2023, 3)
	p.Cohorts, p.Actuals = nil, nil
	for i := range p.Posts {
		p.Posts[i].Changes = nil
	}
	p.Trajectory.Milestones = []plan.Milestone{{Month: plan.MonthOf(2026, 3), GrowthPct: 10}}
	south, err = lib.CreatePlan(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	return north, south
}

func TestRollupStoredAndLive(t *testing.T) {
	lib := openTemp(t)
	north, south := twoPlans(t, lib)
	members := []RollupMember{{PlanID: north, Scenario: "Lower attrition"}, {PlanID: south}}
	id, err := lib.CreateRollup(ctx, "Region", members)
	if err != nil {
		t.Fatal(err)
	}
	for _, ref := range []string{"Region", "1"} {
		if got, err := lib.FindRollup(ctx, ref); got != id || err != nil {
			t.Errorf("FindRollup(%q) = %d, %v", ref, got, err)
		}
	}
	list, err := lib.ListRollups(ctx)
	if err != nil || len(list) != 1 || list[0].Name != "Region" || !reflect.DeepEqual(list[0].Members, members) {
		t.Fatalf("list %+v, %v", list, err)
	}
	r, ms, err := lib.RollupPlans(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if r.Name != "Region" || len(ms) != 2 || ms[0].Name != "North: Lower attrition" || ms[0].Scenario != "Lower attrition" || ms[1].Name != "South" {
		t.Fatalf("members %+v", ms)
	}
	before, err := plan.ProjectRollup(ms)
	if err != nil {
		t.Fatal(err)
	}
	if before.Baseline != plan.MonthOf(2020, 3) || before.From != plan.MonthOf(2023, 3) {
		t.Errorf("months %s, common from %s", before.Baseline, before.From)
	}

	// Live: 10 more WTE in post in South's first line shows in the roll-up.
	p, _ := lib.LoadPlan(ctx, south)
	p.Posts[0].InPostWTE += 10
	p.Posts[0].FundedWTE += 10
	if err := lib.SavePlan(ctx, south, p); err != nil {
		t.Fatal(err)
	}
	_, ms, _ = lib.RollupPlans(ctx, id)
	after, _ := plan.ProjectRollup(ms)
	i := after.Index(plan.MonthOf(2023, 3))
	if d := after.Total[i].InPost - before.Total[i].InPost; d != 10 {
		t.Errorf("South's 10 WTE added %g to the roll-up", d)
	}

	// A scenario renamed since is named when the roll-up is read.
	p, _ = lib.LoadPlan(ctx, north)
	p.Scenarios[0].Name = "Fewer leavers"
	if err := lib.SavePlan(ctx, north, p); err != nil {
		t.Fatal(err)
	}
	if _, _, err := lib.RollupPlans(ctx, id); err == nil || !strings.Contains(err.Error(), `has no scenario "Lower attrition" any more`) {
		t.Errorf("renamed scenario: %v", err)
	}
	if err := lib.SaveRollup(ctx, id, "Region", []RollupMember{{PlanID: north, Scenario: "Fewer leavers"}, {PlanID: south}}); err != nil {
		t.Fatal(err)
	}
	if _, ms, err := lib.RollupPlans(ctx, id); err != nil || ms[0].Name != "North: Fewer leavers" {
		t.Errorf("after saving: %v", err)
	}
}

// Deleting a plan takes it out of the roll-ups that held it, which
// RollupsHolding names beforehand; the roll-up stays.
func TestDeletingAMemberPlan(t *testing.T) {
	lib := openTemp(t)
	north, south := twoPlans(t, lib)
	a, _ := lib.CreateRollup(ctx, "A", []RollupMember{{PlanID: north}, {PlanID: south}})
	if _, err := lib.CreateRollup(ctx, "B", []RollupMember{{PlanID: north}}); err != nil {
		t.Fatal(err)
	}
	holding, err := lib.RollupsHolding(ctx, south)
	if err != nil || len(holding) != 1 || holding[0].ID != a {
		t.Fatalf("holding South: %+v %v", holding, err)
	}
	if holding, _ := lib.RollupsHolding(ctx, north); len(holding) != 2 || holding[0].Name != "A" || holding[1].Name != "B" {
		t.Errorf("holding North: %+v", holding)
	}
	if err := lib.DeletePlan(ctx, south); err != nil {
		t.Fatal(err)
	}
	r, err := lib.LoadRollup(ctx, a)
	if err != nil || !reflect.DeepEqual(r.Members, []RollupMember{{PlanID: north}}) {
		t.Errorf("after deleting South: %+v %v", r, err)
	}
	if err := lib.DeletePlan(ctx, north); err != nil {
		t.Fatal(err)
	}
	if _, _, err := lib.RollupPlans(ctx, a); err == nil || !strings.Contains(err.Error(), "no plans left") {
		t.Errorf("empty roll-up: %v", err)
	}
	if err := lib.DeleteRollup(ctx, a); err != nil {
		t.Fatal(err)
	}
	if _, err := lib.LoadRollup(ctx, a); !errors.Is(err, ErrRollupNotFound) {
		t.Errorf("deleted roll-up: %v", err)
	}
	if err := lib.DeleteRollup(ctx, a); !errors.Is(err, ErrRollupNotFound) {
		t.Errorf("deleted twice: %v", err)
	}
}

// Every bad roll-up is refused, naming what is wrong, and nothing is stored.
func TestBadRollupsAreRefused(t *testing.T) {
	lib := openTemp(t)
	north, south := twoPlans(t, lib)
	if _, err := lib.CreateRollup(ctx, "Taken", []RollupMember{{PlanID: north}}); err != nil {
		t.Fatal(err)
	}
	p, _ := lib.LoadPlan(ctx, south)
	p.Name, p.Baseline, p.Horizon = "Later", plan.MonthOf(2027, 3), plan.MonthOf(2030, 3)
	p.Trajectory.Milestones = nil
	later, err := lib.CreatePlan(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name    string
		members []RollupMember
		want    string
	}{
		{" ", []RollupMember{{PlanID: north}}, "the roll-up's name must not be only white space"},
		{"Humber\x1b[31m", []RollupMember{{PlanID: north}}, "the roll-up's name must not hold a control character (U+001B)"},
		{strings.Repeat("r", 5000), []RollupMember{{PlanID: north}}, "the roll-up's name is 5000 characters long; at most 200 are allowed"},
		{"Taken", []RollupMember{{PlanID: south}}, `a roll-up named "Taken" is in the library already (id 1)`},
		{"R", nil, `roll-up "R" has no plans`},
		{"R", []RollupMember{{PlanID: north}, {PlanID: 99}}, "no plan has the id 99"},
		{"R", []RollupMember{{PlanID: north, Scenario: "Nope"}}, `plan 1 "North" has no scenario "Nope"`},
		{"R", []RollupMember{{PlanID: north}, {PlanID: north, Scenario: "Lower attrition"}}, `plan 1 is in roll-up "R" twice`},
		{"R", []RollupMember{{PlanID: north}, {PlanID: later}}, `the plans of roll-up "R" share no month, so they cannot be rolled up: ` +
			"North 2020-03 to 2026-03; Later 2027-03 to 2030-03"},
	} {
		if _, err := lib.CreateRollup(ctx, c.name, c.members); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q %+v: %v, want %q", c.name, c.members, err, c.want)
		}
	}
	if list, _ := lib.ListRollups(ctx); len(list) != 1 {
		t.Errorf("%d roll-ups stored", len(list))
	}
	if err := lib.SaveRollup(ctx, 1, "Taken", []RollupMember{{PlanID: 99}}); err == nil {
		t.Error("a roll-up saved with a missing plan")
	}
	if r, _ := lib.LoadRollup(ctx, 1); !reflect.DeepEqual(r.Members, []RollupMember{{PlanID: north}}) {
		t.Errorf("a refused save changed the roll-up: %+v", r.Members)
	}
	if _, err := lib.FindRollup(ctx, "Nowhere"); err == nil || !strings.Contains(err.Error(), `no roll-up has the id or name "Nowhere"`) {
		t.Errorf("FindRollup: %v", err)
	}
}
