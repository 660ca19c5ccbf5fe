package plan

import (
	"math"
	"testing"
)

var mar2020 = MonthOf(2020, 3)

// onePWPLine is a plan with one post line and nothing else: every test
// below changes what it needs and works the numbers out by hand.
func onePWPLine() *Plan {
	return &Plan{
		Name: "Test", Baseline: mar2020, Horizon: mar2020 + 24, CapHires: true,
		Trajectory:  Trajectory{Interpolation: Linear},
		Professions: []Profession{{ID: "pwp", Name: "PWP", WTEPerHead: 1}},
		Posts:       []PostLine{{Profession: "pwp", ServiceArea: "Adult", InPostWTE: 8, FundedWTE: 10}},
	}
}

func project(t *testing.T, p *Plan, scenario string) *Projection {
	t.Helper()
	if errs := Validate(p); errs != nil {
		t.Fatalf("test plan is invalid: %v", errs)
	}
	pr, err := Project(p, scenario)
	if err != nil {
		t.Fatal(err)
	}
	return pr
}

func near(t *testing.T, what string, got, want float64) {
	t.Helper()
	if math.Abs(got-want) > 1e-9*math.Max(1, math.Abs(want)) {
		t.Errorf("%s = %.12g, want %.12g", what, got, want)
	}
}

func ptr[T any](v T) *T { return &v }

// Rule 1: funded establishment moves by the changes and never below 0.
func TestFundedChangesNeverBelowZero(t *testing.T) {
	p := onePWPLine()
	p.Posts[0].Changes = []FundedChange{{mar2020 + 2, 5}, {mar2020 + 3, -20}, {mar2020 + 4, 3}}
	rows := project(t, p, "").Lines[0].Rows()
	for i, want := range []float64{10, 10, 15, 0, 3} {
		near(t, "funded at month "+p.Baseline.Add(i).String(), rows[i].Funded, want)
	}
}

// Rule 2: the annual leaver rate is spread as an equal monthly rate, so a
// year of 20 % leavers with no hires takes 100 WTE to exactly 80.
func TestLeaverRateCompoundsToTheAnnualRate(t *testing.T) {
	p := onePWPLine()
	p.Professions[0].LeaverRatePct = 20
	p.Posts[0].InPostWTE, p.Posts[0].FundedWTE = 100, 100
	rows := project(t, p, "").Lines[0].Rows()
	// 0.8^(1/12) = 0.981576..., so 1.8424 WTE leave in the first month.
	near(t, "leavers in Apr 2020", rows[1].Leavers, 100*(1-math.Pow(0.8, 1.0/12)))
	if rows[1].Leavers < 1.8423 || rows[1].Leavers > 1.8425 {
		t.Errorf("leavers in Apr 2020 = %v, want about 1.8424", rows[1].Leavers)
	}
	near(t, "in post in Mar 2021", rows[12].InPost, 80)
	near(t, "in post in Mar 2022", rows[24].InPost, 64)
}

// The line's own leaver rate beats the profession's.
func TestPostLineLeaverRateOverridesProfession(t *testing.T) {
	p := onePWPLine()
	p.Professions[0].LeaverRatePct = 20
	p.Posts[0].LeaverRatePct = ptr(50.0)
	p.Posts[0].InPostWTE = 10
	rows := project(t, p, "").Lines[0].Rows()
	near(t, "in post after a year", rows[12].InPost, 5)
}

// Rules 3, 6, 7, 8: 10 trainees x 90 % completion x 80 % take-up x 0.5 WTE
// per head = 3.6 WTE qualify; with 2 WTE of room, 2 are hired and 1.6 are
// unplaced, and outside recruits (1 a month) find no room.
func TestCappedHiresFillOnlyFundedVacancies(t *testing.T) {
	p := onePWPLine()
	p.Professions[0].WTEPerHead = 0.5
	p.Posts[0].RecruitsWTEPerYear = 12
	p.Cohorts = []Cohort{{Profession: "pwp", ServiceArea: "Adult", Start: mar2020 - 11, DurationMonths: 12, Intake: 10, CompletionPct: 90, TakeupPct: 80}}
	r := project(t, p, "").Lines[0].Row(1)
	near(t, "qualified", r.Qualified, 3.6)
	near(t, "recruited (hired: no room left)", r.Recruited, 0)
	near(t, "hired qualified", r.HiredQualified, 2)
	near(t, "unplaced", r.Unplaced, 1.6)
	near(t, "in post", r.InPost, 10)
	near(t, "vacancies", r.Vacancies, 0)
	// Headcount starts at 8 / 0.5 = 16 people; 2 WTE hired are 4 people.
	near(t, "headcount", r.Headcount, 20)
}

// Rule 6, capping off: everyone qualified and recruited is hired.
func TestUncappedHiresEveryone(t *testing.T) {
	p := onePWPLine()
	p.CapHires = false
	p.Professions[0].WTEPerHead = 0.5
	p.Posts[0].RecruitsWTEPerYear = 12
	p.Cohorts = []Cohort{{Profession: "pwp", ServiceArea: "Adult", Start: mar2020 - 11, DurationMonths: 12, Intake: 10, CompletionPct: 90, TakeupPct: 80}}
	r := project(t, p, "").Lines[0].Row(1)
	near(t, "in post", r.InPost, 8+3.6+1)
	near(t, "unplaced", r.Unplaced, 0)
	near(t, "vacancies (over establishment)", r.Vacancies, 0)
	near(t, "headcount", r.Headcount, 16+4.6/0.5)
}

// Rule 6: qualifiers are placed before outside recruits, who take what room is left.
func TestRecruitsTakeTheRoomQualifiersLeave(t *testing.T) {
	p := onePWPLine()                  // 8 in post, 10 funded: 2 WTE of room
	p.Posts[0].RecruitsWTEPerYear = 18 // 1.5 a month
	p.Cohorts = []Cohort{{Profession: "pwp", ServiceArea: "Adult", Start: mar2020, DurationMonths: 1, Intake: 1, CompletionPct: 100, TakeupPct: 100}}
	r := project(t, p, "").Lines[0].Row(1)
	near(t, "in post", r.InPost, 10) // 8 + 1 qualified + 1 of the 1.5 recruits
	near(t, "recruited (hired, of the 1.5 offered)", r.Recruited, 1)
	near(t, "unplaced", r.Unplaced, 0)
}

// Rule 9: headcount loses leavers at the same rate as WTE.
func TestHeadcountFollowsLeaversAndHires(t *testing.T) {
	p := onePWPLine()
	p.Professions[0].LeaverRatePct = 100
	p.Posts[0].InPostHeadcount = ptr(11.0)
	rows := project(t, p, "").Lines[0].Rows()
	near(t, "headcount at the baseline", rows[0].Headcount, 11)
	near(t, "headcount after everyone leaves", rows[1].Headcount, 0)
	near(t, "in post after everyone leaves", rows[1].InPost, 0)
	near(t, "leavers", rows[1].Leavers, 8)
}

// Rule 11: trainees count from the start month until the month before they
// qualify; a cohort that qualifies at or before the baseline adds nothing.
func TestInTrainingAndQualifyMonth(t *testing.T) {
	p := onePWPLine()
	p.CapHires = false
	p.Cohorts = []Cohort{
		{Profession: "pwp", ServiceArea: "Adult", Start: mar2020 - 2, DurationMonths: 4, Intake: 10, CompletionPct: 100, TakeupPct: 100},
		{Profession: "pwp", ServiceArea: "Adult", Start: mar2020 + 1, DurationMonths: 2, Intake: 5, CompletionPct: 100, TakeupPct: 100},
		{Profession: "pwp", ServiceArea: "Adult", Start: mar2020 - 12, DurationMonths: 12, Intake: 7, CompletionPct: 100, TakeupPct: 100},
	}
	rows := project(t, p, "").Lines[0].Rows()
	// first cohort trains Jan-Apr 2020, qualifies May; second Apr-May, qualifies Jun;
	// third qualified in Mar 2020, the baseline: already in post.
	wantTraining := []float64{10, 15, 5, 0, 0}
	wantQualified := []float64{0, 0, 10, 5, 0}
	for i := range wantTraining {
		near(t, "in training "+p.Baseline.Add(i).Label(), rows[i].InTraining, wantTraining[i])
		near(t, "qualified "+p.Baseline.Add(i).Label(), rows[i].Qualified, wantQualified[i])
	}
	near(t, "in post Jun 2020", rows[3].InPost, 8+10+5)
}

// Rule 12 and the baseline month: pay cost is in-post WTE x cost / 12.
func TestPayCostAndBaselineRow(t *testing.T) {
	p := onePWPLine()
	p.Professions[0].CostPerWTE = 42000
	p.Professions[0].WTEPerHead = 0.8
	rows := project(t, p, "").Lines[0].Rows()
	r := rows[0]
	near(t, "pay cost", r.PayCost, 8*42000.0/12)
	near(t, "headcount default", r.Headcount, 10)
	near(t, "vacancies", r.Vacancies, 2)
	if r.Leavers != 0 || r.Qualified != 0 || r.Recruited != 0 || r.Unplaced != 0 {
		t.Errorf("baseline flows = %+v, want 0", r)
	}
}

// Lines: cohorts for a pair with no post line make a line of their own,
// at 0 in post and 0 funded, so with capping on they are all unplaced.
func TestCohortWithoutPostLineIsUnplaced(t *testing.T) {
	p := onePWPLine()
	p.Professions = append(p.Professions, Profession{ID: "cbt", Name: "CBT", WTEPerHead: 1})
	p.Cohorts = []Cohort{
		{Profession: "cbt", ServiceArea: "Adult", Start: mar2020, DurationMonths: 1, Intake: 4, CompletionPct: 100, TakeupPct: 50},
		{Profession: "pwp", ServiceArea: "Zeta", Start: 2030 * 12, DurationMonths: 1, Intake: 4, CompletionPct: 100, TakeupPct: 50},
	}
	pr := project(t, p, "")
	if len(pr.Lines) != 3 {
		t.Fatalf("lines = %v, want 3", pr.Lines)
	}
	want := []LineKey{{"cbt", "Adult"}, {"pwp", "Adult"}, {"pwp", "Zeta"}}
	for i, l := range pr.Lines {
		if l.Key != want[i] {
			t.Errorf("line %d = %v, want %v", i, l.Key, want[i])
		}
	}
	near(t, "cbt unplaced", pr.Lines[0].Row(1).Unplaced, 2)
	near(t, "cbt in post", pr.Lines[0].Row(1).InPost, 0)
}

// Totals are sums of the lines; the target follows the trajectory and the
// gap is total minus target.
func TestTotalsTargetAndGap(t *testing.T) {
	p := onePWPLine()
	p.Professions = append(p.Professions, Profession{ID: "cbt", Name: "CBT", WTEPerHead: 1})
	p.Posts = append(p.Posts, PostLine{Profession: "cbt", ServiceArea: "Adult", InPostWTE: 12, FundedWTE: 11})
	p.Trajectory.Milestones = []Milestone{{mar2020 + 10, 50}}
	pr := project(t, p, "")
	near(t, "total in post", pr.Total[0].InPost, 20)
	near(t, "total vacancies (summed, not recomputed)", pr.Total[0].Vacancies, 2)
	near(t, "target at the baseline", pr.Target[0], 20)
	near(t, "target at month 4", pr.Target[4], 24) // 20 x (1 + 20 %)
	near(t, "target at month 10", pr.Target[10], 30)
	near(t, "target held after", pr.Target[24], 30)
	near(t, "gap at month 4", pr.Gap[4], -4)
}

// The trajectory between milestones, linear and compound, and an explicit base.
func TestTrajectoryInterpolation(t *testing.T) {
	p := onePWPLine()
	p.Horizon = mar2020 + 60
	p.Trajectory = Trajectory{Interpolation: Linear, BaselineWTE: ptr(100.0),
		Milestones: []Milestone{{mar2020 + 49, 60}, {mar2020 + 53, 80}}}
	near(t, "linear half way", TargetAt(p, mar2020+24)+0, 100*(1+0.6*24/49))
	near(t, "linear at the milestone", TargetAt(p, mar2020+49), 160)
	near(t, "linear between milestones", TargetAt(p, mar2020+51), 170)
	near(t, "held after the last", TargetAt(p, mar2020+60), 180)
	p.Trajectory.Interpolation = Compound
	p.Trajectory.Milestones = []Milestone{{mar2020 + 24, 44}}
	near(t, "compound half way", TargetAt(p, mar2020+12), 120) // sqrt(1.44) = 1.2
	p.Trajectory.Milestones = []Milestone{{mar2020 + 12, 21}, {mar2020 + 24, 46.41}}
	near(t, "compound second segment", TargetAt(p, mar2020+18), 100*1.21*1.1)
	p.Trajectory.Milestones = nil
	near(t, "no milestones", TargetAt(p, mar2020+18), 100)
}

// Scenarios replace what they name; the most specific leaver rate wins;
// the trajectory and its base stay the plan's.
func TestScenarioOverrides(t *testing.T) {
	p := onePWPLine()
	p.Professions[0].LeaverRatePct = 50
	p.Trajectory.Milestones = []Milestone{{mar2020 + 12, 100}}
	p.Scenarios = []Scenario{{
		Name:        "More posts",
		Professions: []ProfessionOverride{{Profession: "pwp", LeaverRatePct: ptr(0.0), WTEPerHead: ptr(0.5)}},
		Posts:       []PostOverride{{Profession: "pwp", ServiceArea: "Adult", FundedWTE: ptr(30.0), InPostWTE: ptr(20.0)}},
		ExtraCohorts: []Cohort{{Profession: "pwp", ServiceArea: "Older adults", Start: mar2020, DurationMonths: 1,
			Intake: 2, CompletionPct: 100, TakeupPct: 100}},
		CapHires: ptr(false),
	}}
	plain := project(t, p, "")
	sc := project(t, p, "More posts")
	near(t, "plan in post after a year", plain.Lines[0].Row(12).InPost, 4)
	near(t, "scenario in post after a year", sc.Lines[0].Row(12).InPost, 20)
	near(t, "scenario headcount default uses overridden values", sc.Lines[0].Row(0).Headcount, 40)
	near(t, "scenario funded", sc.Lines[0].Row(0).Funded, 30)
	if len(plain.Lines) != 1 || len(sc.Lines) != 2 {
		t.Fatalf("lines: plan %d, scenario %d; want 1 and 2", len(plain.Lines), len(sc.Lines))
	}
	near(t, "extra cohort placed uncapped", sc.Lines[1].Row(1).InPost, 1) // 2 people x 0.5 WTE
	near(t, "scenario target uses the plan's base", sc.Target[12], 16)
	p.Posts[0].LeaverRatePct = ptr(100.0) // the line's own rate beats the profession override
	near(t, "line rate wins", project(t, p, "More posts").Lines[0].Row(1).InPost, 0)
	if _, err := Project(p, "Nope"); err == nil {
		t.Error("unknown scenario projected without error")
	}
}

// A plan too large to hold is refused before anything is allocated for
// it, naming its size: 10,000 professions in 5 service areas to 2070.
func TestHugePlanRefusedNamingItsSize(t *testing.T) {
	p := &Plan{Name: "Huge", Baseline: MonthOf(2020, 3), Horizon: MonthOf(2070, 3), CapHires: true,
		Trajectory: Trajectory{Interpolation: Linear}}
	for i := 0; i < 10000; i++ {
		id := "p" + string(rune('a'+i%26)) + itoa(i)
		p.Professions = append(p.Professions, Profession{ID: id, Name: id, WTEPerHead: 1})
		for a := 0; a < 5; a++ {
			p.Posts = append(p.Posts, PostLine{Profession: id, ServiceArea: "Area " + itoa(a), InPostWTE: 1, FundedWTE: 1})
		}
	}
	_, err := Project(p, "")
	if err == nil || err.Error() != "the plan is too large to project at once: 50,000 post lines over 601 months is 30,050,000 line-months, and PsyPlan projects up to 12,000,000 (shorten the horizon or split the plan)" {
		t.Errorf("err %v", err)
	}
}

func itoa(i int) string { return Num(float64(i)) }
