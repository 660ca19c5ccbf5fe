package app

import (
	"strings"
	"testing"

	"example.org/psyplan/plan"
)

// The slides say the plan's own figures: the status sentence is the
// summary's, and the bridge walks the engine's flows. One line of 100 WTE,
// no leavers, one recruit a month, half of a cohort of 10 leaving it to
// train in Apr 2020: 100 - 5 + 4 = 99 in Jul 2020, against 100 x 1.1.
func TestSlideSentencesUsePlans(t *testing.T) {
	mar2020 := plan.MonthOf(2020, 3)
	p := &plan.Plan{Name: "Slides", Baseline: mar2020, Horizon: mar2020 + 4, CapHires: true,
		Trajectory:  plan.Trajectory{Interpolation: plan.Linear, Milestones: []plan.Milestone{{Month: mar2020 + 4, GrowthPct: 10}}},
		Professions: []plan.Profession{{ID: "hi", Name: "HI", WTEPerHead: 1}, {ID: "pwp", Name: "PWP", WTEPerHead: 1}},
		Posts:       []plan.PostLine{{Profession: "pwp", ServiceArea: "Adult", InPostWTE: 100, FundedWTE: 1000, RecruitsWTEPerYear: 12}},
		Cohorts: []plan.Cohort{{Profession: "hi", ServiceArea: "Adult", Start: mar2020 + 1, DurationMonths: 24, Intake: 10,
			CompletionPct: 100, TakeupPct: 100, DrawnFrom: &plan.DrawnFrom{Profession: "pwp", Pct: 50}}},
	}
	if errs := plan.Validate(p); errs != nil {
		t.Fatal(errs)
	}
	pr, err := plan.Project(p, "")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := slideSentence("growth", p, pr, 0), plan.Summarise(p, pr, 0).Sentence(); got != want {
		t.Errorf("growth slide says %q, the summary %q", got, want)
	}
	want := "From 100 WTE: 0 leavers, -5 into training, 0 qualified, +4 recruited: 99 WTE in Jul 2020, against a target of 110."
	if got := slideSentence("bridge", p, pr, 0); got != want {
		t.Errorf("bridge slide says\n%q, want\n%q", got, want)
	}
	if got := slideSentence("cost", p, pr, 0); got != "" {
		t.Errorf("cost slide of one financial year says %q", got)
	}
	p.Horizon, p.PayUpliftPctPerYear = mar2020+24, 3
	if pr, err = plan.Project(p, ""); err != nil {
		t.Fatal(err)
	}
	if got := slideSentence("cost", p, pr, 0); !strings.HasPrefix(got, "Pay cost, with 3 % pay awards a year: ") || !strings.Contains(got, " in 2020/21, ") {
		t.Errorf("cost slide says %q", got)
	}
}
