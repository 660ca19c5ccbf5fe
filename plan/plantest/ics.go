package plantest

import "example.org/psyplan/plan"

// ThreeICS is three small ICS plans, March to June 2020, judged at June,
// worked by hand for the roll-up tests. CBT only, nobody leaves, no cap;
// recruits join from April.
//
//	Leeds: 10 WTE, 1 recruit a month: 13 in June; 30 % on 10: 13. Gap 0.
//	Hull:  10 WTE, no recruits: 10 in June; 30 % on 10: 13. Gap -3.
//	York:  20 WTE, 2 a month: 26 in June; 10 % on 20: 22. Gap +4.
//	       Its scenario "Faster", 4 a month: 32 in June. Gap +10.
func ThreeICS() []*plan.Plan {
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
