package plan_test

import (
	"strings"
	"testing"

	"example.org/psyplan/plan"
)

// v2Plan is a valid plan using every version 2 field: PWPs drawn into
// high intensity training, salaried PWP trainees, a wait and a pay award.
func v2Plan() *plan.Plan {
	wait := 3
	area := "Adult"
	return &plan.Plan{
		Name: "Version 2", Baseline: plan.MonthOf(2020, 3), Horizon: plan.MonthOf(2023, 3), CapHires: true,
		QualifierWaitMonths: 6, CountSalariedTrainees: true, PayUpliftPctPerYear: 3,
		Uncertainty: &plan.Uncertainty{LeaverRatePctPoints: 3, CompletionPctPoints: 5, TakeupPctPoints: 10, RecruitmentPct: 25},
		Trajectory:  plan.Trajectory{Interpolation: plan.Linear},
		Professions: []plan.Profession{
			{ID: "pwp", Name: "PWP", WTEPerHead: 1, TraineesSalaried: true, TraineeWTEPerHead: 1, TraineeCostPerWTE: 30000},
			{ID: "hi", Name: "High intensity", WTEPerHead: 0.9}, // trainee WTE left unset: not salaried
		},
		Posts: []plan.PostLine{{Profession: "pwp", ServiceArea: area, InPostWTE: 40, FundedWTE: 45}},
		Cohorts: []plan.Cohort{{Profession: "hi", ServiceArea: area, Start: plan.MonthOf(2020, 9), DurationMonths: 12,
			Intake: 6, CompletionPct: 90, TakeupPct: 90, DrawnFrom: &plan.DrawnFrom{Profession: "pwp", Pct: 50}}},
		Scenarios: []plan.Scenario{{Name: "Wait less", QualifierWaitMonths: &wait,
			ExtraCohorts: []plan.Cohort{{Profession: "hi", ServiceArea: area, Start: plan.MonthOf(2021, 9), DurationMonths: 12,
				Intake: 4, CompletionPct: 90, TakeupPct: 90, DrawnFrom: &plan.DrawnFrom{Profession: "pwp", Pct: 25}}}}},
	}
}

func TestVersion2PlanIsValid(t *testing.T) {
	if errs := plan.Validate(v2Plan()); errs != nil {
		t.Fatal(errs)
	}
}

// Each version 2 rule, broken alone, gives one message naming the field.
func TestVersion2RulesNameTheField(t *testing.T) {
	big := 10_000_001.0
	for _, c := range []struct {
		want  string
		spoil func(p *plan.Plan)
	}{
		{"qualifier_wait_months: 25 is above 24", func(p *plan.Plan) { p.QualifierWaitMonths = 25 }},
		{"qualifier_wait_months: -1 is below 0", func(p *plan.Plan) { p.QualifierWaitMonths = -1 }},
		{"pay_uplift_pct_per_year: -21 is below -20", func(p *plan.Plan) { p.PayUpliftPctPerYear = -21 }},
		{"pay_uplift_pct_per_year: 50.5 is above 50", func(p *plan.Plan) { p.PayUpliftPctPerYear = 50.5 }},
		{"uncertainty.leaver_rate_pct_points: 51 is above 50", func(p *plan.Plan) { p.Uncertainty.LeaverRatePctPoints = 51 }},
		{"uncertainty.completion_pct_points: -1 is below 0", func(p *plan.Plan) { p.Uncertainty.CompletionPctPoints = -1 }},
		{"uncertainty.takeup_pct_points: 101 is above 100", func(p *plan.Plan) { p.Uncertainty.TakeupPctPoints = 101 }},
		{"uncertainty.recruitment_pct: 101 is above 100", func(p *plan.Plan) { p.Uncertainty.RecruitmentPct = 101 }},
		{"trajectory.baseline_wte: 10,000,001 is above 10,000,000", func(p *plan.Plan) { p.Trajectory.BaselineWTE = &big }},
		{"professions[1].wte_per_head: 0.005 is below 0.01", func(p *plan.Plan) { p.Professions[1].WTEPerHead = 0.005 }},
		{"professions[0].trainee_wte_per_head: 0 is below 0.01", func(p *plan.Plan) { p.Professions[0].TraineeWTEPerHead = 0 }},
		{"professions[1].trainee_wte_per_head: 1.5 is above 1", func(p *plan.Plan) { p.Professions[1].TraineeWTEPerHead = 1.5 }},
		{"professions[0].trainee_cost_per_wte_gbp: 10,000,001 is above 10,000,000", func(p *plan.Plan) { p.Professions[0].TraineeCostPerWTE = big }},
		{"cohorts[0].drawn_from.profession: \"cbt\" is not a profession of this plan", func(p *plan.Plan) { p.Cohorts[0].DrawnFrom.Profession = "cbt" }},
		{"cohorts[0].drawn_from: hi in \"Adult\" is not a post line of this plan", func(p *plan.Plan) { p.Cohorts[0].DrawnFrom.Profession = "hi" }},
		{"cohorts[0].drawn_from.pct: 100.5 is above 100", func(p *plan.Plan) { p.Cohorts[0].DrawnFrom.Pct = 100.5 }},
		{"scenarios[0].qualifier_wait_months: 25 is above 24", func(p *plan.Plan) { *p.Scenarios[0].QualifierWaitMonths = 25 }},
		{"scenarios[0].extra_cohorts[0].drawn_from: pwp in \"Perinatal\" is not a post line of this plan", func(p *plan.Plan) {
			p.Scenarios[0].ExtraCohorts[0].ServiceArea = "Perinatal"
		}},
		{"scenarios[0].extra_cohorts[0].drawn_from.pct: -1 is below 0", func(p *plan.Plan) { p.Scenarios[0].ExtraCohorts[0].DrawnFrom.Pct = -1 }},
	} {
		p := v2Plan()
		c.spoil(p)
		errs := plan.Validate(p)
		if len(errs) != 1 || errs[0].Error() != c.want {
			t.Errorf("got %v\nwant %s", errs, c.want)
		}
	}
}

// Records are checked before their paths are made, and again with them
// only when something is wrong: every message still names its record in
// full, in the order the checks come.
func TestMessagesNameTheRecordInFull(t *testing.T) {
	p := v2Plan()
	p.Posts = append(p.Posts, p.Posts[0], p.Posts[0])
	p.Posts[2].FundedWTE = -1
	p.Posts[2].Changes = []plan.FundedChange{{Month: plan.MonthOf(2021, 4), FundedWTEDelta: 1}, {Month: p.Baseline, FundedWTEDelta: 2}}
	p.Cohorts = append(p.Cohorts, p.Cohorts[0], p.Cohorts[0])
	p.Cohorts[2].Intake = -1
	p.Cohorts[2].DrawnFrom = &plan.DrawnFrom{Profession: "pwp", Pct: 120}
	var got []string
	for _, e := range plan.Validate(p) {
		got = append(got, e.Error())
	}
	want := []string{
		`posts[1]: pwp in "Adult" has another post line already`,
		`posts[2]: pwp in "Adult" has another post line already`,
		`posts[2].funded_wte: -1 is below 0`,
		`posts[2].changes[1].month: 2020-03 must be after the baseline month 2020-03`,
		`cohorts[2].intake: -1 is below 0`,
		`cohorts[2].drawn_from.pct: 120 is above 100`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
