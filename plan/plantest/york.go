package plantest

import "example.org/psyplan/plan"

// York is a plan small enough to compare by hand: March to June 2020, 20
// CBT WTE, 2 recruits a month, nobody leaves: 26 WTE in June against 22
// (10 %). Its scenario Faster recruits 4 a month: 32, 6 more than the plan.
func York() *plan.Plan {
	faster := 48.0
	return &plan.Plan{Name: "York", Baseline: plan.MonthOf(2020, 3), Horizon: plan.MonthOf(2020, 6),
		Trajectory: plan.Trajectory{Interpolation: plan.Linear,
			Milestones: []plan.Milestone{{Month: plan.MonthOf(2020, 6), GrowthPct: 10}}},
		Professions: []plan.Profession{{ID: "cbt", Name: "CBT", WTEPerHead: 1, CostPerWTE: 12000}},
		Posts: []plan.PostLine{{Profession: "cbt", ServiceArea: "Adult", InPostWTE: 20, FundedWTE: 20,
			RecruitsWTEPerYear: 24}},
		Scenarios: []plan.Scenario{{Name: "Faster", Posts: []plan.PostOverride{
			{Profession: "cbt", ServiceArea: "Adult", RecruitsWTEPerYear: &faster}}}},
	}
}
