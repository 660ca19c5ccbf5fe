package plan

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// 100 PWPs in post, plenty of funded posts, nobody leaves; the trajectory
// wants 10 % more (110) in Apr 2021. One cohort of 5 starting in Apr 2020
// qualifies in Apr 2021: 105, 5 short. The extra cohort's intake is
// ceil(5 x p / 100), so p = 80 adds 4 (109, short) and p = 81 adds 5 (110).
func solverPlan() *Plan {
	p := onePWPLine()
	p.Posts[0].InPostWTE, p.Posts[0].FundedWTE = 100, 1000
	p.Trajectory.Milestones = []Milestone{{mar2020 + 13, 10}}
	p.Cohorts = []Cohort{{Profession: "pwp", ServiceArea: "Adult", Start: mar2020 + 1, DurationMonths: 12, Intake: 5, CompletionPct: 100, TakeupPct: 100}}
	return p
}

func TestSolveIntakeIsTheSmallestWholePercent(t *testing.T) {
	p := solverPlan()
	a, err := Solve(p, Question{})
	if err != nil {
		t.Fatal(err)
	}
	if !a.Reachable || a.Pct != 81 || a.ExtraIntake != 5 || a.By != mar2020+13 || a.Lever != LeverIntake {
		t.Fatalf("answer %+v, want intake +81 %% (5 more people) by Apr 2021", a)
	}
	near(t, "gap with the answer", a.Gap, 0)
	// The solved scenario, kept in the plan, projects to the same gap; one
	// percent less falls short.
	a.Solved.Name = "Solved"
	p.Scenarios = append(p.Scenarios, a.Solved)
	near(t, "gap of the kept scenario", project(t, p, "Solved").Gap[13], 0)
	less := a.solved(p, nil, a.Pct-1)
	m, _ := modelOf(p, less, nil)
	if g := m.gapAt(13); g >= -1e-9 {
		t.Errorf("one percent less still meets the trajectory (gap %v)", g)
	}
}

// From Sep 2020 there is no cohort to raise; a cohort of 36 months
// starting from then qualifies too late.
func TestSolveNotReachableSaysWhy(t *testing.T) {
	p := solverPlan()
	a, err := Solve(p, Question{From: mar2020 + 6})
	if err != nil || a.Reachable {
		t.Fatalf("answer %+v, %v: want not reachable", a, err)
	}
	if !strings.Contains(a.Reason, "no cohort of pwp starts from Sep 2020") {
		t.Errorf("reason %q", a.Reason)
	}
	p.Cohorts = append(p.Cohorts, Cohort{Profession: "pwp", ServiceArea: "Adult", Start: mar2020 + 7, DurationMonths: 36, Intake: 5, CompletionPct: 100, TakeupPct: 100})
	a, _ = Solve(p, Question{From: mar2020 + 6})
	if a.Reachable || a.Reason != "courses of 36 months starting from Sep 2020 qualify after Apr 2021" {
		t.Errorf("answer %+v", a)
	}
}

// 12 WTE recruited a year reach 112 by Mar 2021; the trajectory wants 118,
// so recruitment must rise by half: 18 a year.
func TestSolveRecruitment(t *testing.T) {
	p := onePWPLine()
	p.Posts[0].InPostWTE, p.Posts[0].FundedWTE, p.Posts[0].RecruitsWTEPerYear = 100, 1000, 12
	p.Trajectory.Milestones = []Milestone{{mar2020 + 12, 18}}
	a, err := Solve(p, Question{Lever: LeverRecruitment})
	if err != nil {
		t.Fatal(err)
	}
	if !a.Reachable || a.Pct != 50 || a.ExtraIntake != 0 || len(a.Solved.Posts) != 1 || *a.Solved.Posts[0].RecruitsWTEPerYear != 18 {
		t.Fatalf("answer %+v, want recruitment +50 %%", a)
	}
}

func TestSolveRefusesBadQuestions(t *testing.T) {
	p := solverPlan()
	for _, q := range []Question{
		{Lever: "hope"},
		{By: mar2020},
		{By: mar2020 + 25},
		{Professions: []string{"nope"}},
		{Scenario: "missing"},
	} {
		if _, err := Solve(p, q); err == nil {
			t.Errorf("%+v: no error", q)
		}
	}
}

// A plan with uncertainty: two professions, leavers, recruits and cohorts
// for every assumption to move.
func bandPlan() *Plan {
	p := solverPlan()
	p.Professions[0].LeaverRatePct = 10
	p.Posts[0].RecruitsWTEPerYear = 6
	p.Professions = append(p.Professions, Profession{ID: "cbt", Name: "CBT", WTEPerHead: 1, LeaverRatePct: 12})
	p.Posts = append(p.Posts, PostLine{Profession: "cbt", ServiceArea: "Adult", InPostWTE: 50, FundedWTE: 70, RecruitsWTEPerYear: 3})
	p.Cohorts = append(p.Cohorts, Cohort{Profession: "cbt", ServiceArea: "Adult", Start: mar2020 + 2, DurationMonths: 12, Intake: 8, CompletionPct: 90, TakeupPct: 80})
	p.Uncertainty = &Uncertainty{LeaverRatePctPoints: 3, CompletionPctPoints: 5, TakeupPctPoints: 10, RecruitmentPct: 25}
	return p
}

func TestBandWithoutUncertaintyIsTheProjection(t *testing.T) {
	p := bandPlan()
	p.Uncertainty = nil
	b, err := MakeBand(context.Background(), p, "", 7, 1, nil)
	if err != nil {
		t.Fatal(err)
	}
	pj := project(t, p, "")
	for i := range b.Central {
		if b.Central[i] != pj.Total[i].Workforce || b.Low[i] != b.Central[i] || b.Median[i] != b.Central[i] || b.High[i] != b.Central[i] {
			t.Fatalf("month %d: central %v low %v median %v high %v, projection %v", i, b.Central[i], b.Low[i], b.Median[i], b.High[i], pj.Total[i].Workforce)
		}
	}
}

func TestBandIsSeededAndWithinTheExtremes(t *testing.T) {
	p := bandPlan()
	b1, err := MakeBand(context.Background(), p, "", 200, 42, nil)
	if err != nil {
		t.Fatal(err)
	}
	b2, _ := MakeBand(context.Background(), p, "", 200, 42, nil)
	b3, _ := MakeBand(context.Background(), p, "", 200, 43, nil)
	if !slices.Equal(b1.Low, b2.Low) || !slices.Equal(b1.High, b2.High) || !slices.Equal(b1.OnTrack, b2.OnTrack) {
		t.Error("the same seed gave another band")
	}
	if slices.Equal(b1.Median, b3.Median) {
		t.Error("another seed gave the same band")
	}
	worst, _ := WorkforceWith(p, "", ExtremeShifts(p, false))
	best, _ := WorkforceWith(p, "", ExtremeShifts(p, true))
	last := len(b1.Central) - 1
	for i := range b1.Central {
		if b1.Low[i] < worst[i]-1e-9 || b1.High[i] > best[i]+1e-9 || b1.Low[i] > b1.Median[i] || b1.Median[i] > b1.High[i] {
			t.Fatalf("month %d: worst %v low %v median %v high %v best %v", i, worst[i], b1.Low[i], b1.Median[i], b1.High[i], best[i])
		}
	}
	if b1.High[last]-b1.Low[last] < 1 {
		t.Errorf("band at the horizon only %v wide", b1.High[last]-b1.Low[last])
	}
}

// Nearest rank over 10 runs: the 10th percentile is the 1st value, the
// 50th the 5th, the 90th the 9th; on track counts gap >= 0.
func TestBandPercentilesNearestRank(t *testing.T) {
	b := &Band{Target: []float64{5}}
	results := []float64{10, 3, 7, 1, 9, 5, 2, 8, 4, 6}
	b.percentiles(results, 10, 1)
	if b.Low[0] != 1 || b.Median[0] != 5 || b.High[0] != 9 || b.OnTrack[0] != 0.6 {
		t.Errorf("low %v median %v high %v on track %v", b.Low[0], b.Median[0], b.High[0], b.OnTrack[0])
	}
	b.percentiles([]float64{4}, 1, 1)
	if b.Low[0] != 4 || b.High[0] != 4 || b.OnTrack[0] != 0 {
		t.Errorf("one run: %+v", b)
	}
}

func TestBandRefusesRunsAndStops(t *testing.T) {
	p := bandPlan()
	for _, runs := range []int{0, 100_001} {
		if _, err := MakeBand(context.Background(), p, "", runs, 1, nil); err == nil {
			t.Errorf("runs %d: no error", runs)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := MakeBand(ctx, p, "", 1000, 1, nil); err == nil {
		t.Error("a cancelled band finished")
	}
}

func TestAnswerAndChanceInWords(t *testing.T) {
	p := solverPlan()
	p.Professions[0].CostPerWTE = 36000
	a, _ := Solve(p, Question{})
	// the 5 extra WTE are paid 36,000 / 12 a month from Apr 2021 to Mar 2022
	if got, want := a.Sentence(p), "Train 81 % more (PWP) on courses starting Apr 2020: 5 more people, to reach the trajectory by Apr 2021, costing £180k more in pay to Mar 2022."; got != want {
		t.Errorf("sentence\n%s\nwant\n%s", got, want)
	}
	if a.ScenarioName() != "Solved: intake +81 % by Apr 2021" {
		t.Errorf("name %q", a.ScenarioName())
	}
	b := &Band{Baseline: mar2020, Runs: 1000, Central: []float64{0, 0}, OnTrack: []float64{0, 0.26}}
	if got, want := b.ChanceSentence(mar2020+1), "About 1 in 4 runs reach the trajectory by Apr 2020 (260 of 1,000 runs)."; got != want {
		t.Errorf("chance\n%s\nwant\n%s", got, want)
	}
}

// Answers version 2: cohorts qualifying after By cannot help, so the
// intake lever does not add them (nor count their people).
func TestSolveIntakeAddsOnlyCohortsQualifyingInTime(t *testing.T) {
	p := solverPlan()
	p.Cohorts = append(p.Cohorts, Cohort{Profession: "pwp", ServiceArea: "Adult", Start: mar2020 + 6, DurationMonths: 12, Intake: 100, CompletionPct: 100, TakeupPct: 100})
	a, err := Solve(p, Question{})
	if err != nil || !a.Reachable || a.Pct != 81 || a.ExtraIntake != 5 || len(a.Solved.ExtraCohorts) != 1 {
		t.Fatalf("answer %+v, %v: want +81 %%, 5 people on one extra cohort", a, err)
	}
}

// Solving a scenario that has extra cohorts of its own keeps them, then
// raises the plan's cohorts and then its own, each by the rise: the
// plan's 5 and the scenario's 3 at +81 % are ceil(4.05) = 5 and
// ceil(2.43) = 3 more people.
func TestSolveIntakeRaisesTheScenarioCohortsToo(t *testing.T) {
	p := solverPlan()
	own := Cohort{Profession: "pwp", ServiceArea: "Adult", Start: mar2020 + 1, DurationMonths: 12, Intake: 3, CompletionPct: 100, TakeupPct: 100}
	p.Scenarios = []Scenario{{Name: "More", ExtraCohorts: []Cohort{own}}}
	a := Answer{Question: Question{Lever: LeverIntake, From: mar2020 + 1, By: mar2020 + 13, Professions: []string{"pwp"}}}
	got := a.solved(p, &p.Scenarios[0], 81).ExtraCohorts
	if len(got) != 3 || got[0] != own || got[1].Intake != 5 || got[2].Intake != 3 {
		t.Fatalf("extra cohorts %+v: want the scenario's 3, then 5 and 3 more", got)
	}
	if none := a.solved(p, &p.Scenarios[0], 0).ExtraCohorts; len(none) != 1 || none[0] != own {
		t.Fatalf("at +0 %%: %+v, want the scenario's own cohort alone", none)
	}
	if p.Scenarios[0].ExtraCohorts[0] != own || len(p.Scenarios[0].ExtraCohorts) != 1 {
		t.Fatalf("the scenario was changed: %+v", p.Scenarios[0].ExtraCohorts)
	}
}

// fundedPlan: 100 PWPs in 100 funded posts, 2 recruits a month offered,
// nobody leaves, £12,000 a WTE a year; +10 % (110) wanted in Apr 2021.
// Capped at funded posts, only the funded lever helps: +10 % funds 110,
// which the recruits fill by Aug 2020 (102, 104, 106, 108, 110); +9 %
// stops at 109. Extra pay: 2+4+6+8 WTE-months to Jul 2020, then 10 WTE
// for the 20 months Aug 2020 to Mar 2022: 220 x £1,000 = £220,000.
func fundedPlan() *Plan {
	p := onePWPLine()
	p.Professions[0].CostPerWTE = 12000
	p.Posts[0].InPostWTE, p.Posts[0].FundedWTE, p.Posts[0].RecruitsWTEPerYear = 100, 100, 24
	p.Trajectory.Milestones = []Milestone{{mar2020 + 13, 10}}
	return p
}

func TestSolveFundedPosts(t *testing.T) {
	p := fundedPlan()
	a, err := Solve(p, Question{Lever: LeverFunded})
	if err != nil || !a.Reachable || a.Pct != 10 {
		t.Fatalf("answer %+v, %v: want funded +10 %%", a, err)
	}
	near(t, "extra pay cost", a.ExtraPayCost, 220000)
	near(t, "solved funded WTE", *a.Solved.Posts[0].FundedWTE, 110)
	want := "Fund 10 % more posts (PWP) from the baseline on, to reach the trajectory by Apr 2021, costing £220k more in pay to Mar 2022."
	if got := a.Sentence(p); got != want {
		t.Errorf("sentence\n%s\nwant\n%s", got, want)
	}
	// Recruitment cannot pass the funded posts: the reason says so.
	a, _ = Solve(p, Question{Lever: LeverRecruitment})
	if a.Reachable || !strings.HasPrefix(a.Reason, "funded posts are 100 WTE in Apr 2021 against a trajectory of 110 WTE") {
		t.Errorf("recruitment: %+v", a)
	}
	// With capping off (and no recruits) more funded posts change nothing.
	p.CapHires, p.Posts[0].RecruitsWTEPerYear = false, 0
	a, _ = Solve(p, Question{Lever: LeverFunded})
	if a.Reachable || a.Reason != "hires are not capped at funded posts in this plan, so more funded posts change nothing" {
		t.Errorf("capping off: %+v", a)
	}
}

// Already there: +0 %, nothing to pay.
func TestSolveAlreadyThere(t *testing.T) {
	p := fundedPlan()
	p.Trajectory.Milestones[0].GrowthPct = 0
	a, err := Solve(p, Question{Lever: LeverFunded})
	if err != nil || !a.Reachable || a.Pct != 0 || a.ExtraPayCost != 0 {
		t.Fatalf("answer %+v, %v", a, err)
	}
	if got := a.Sentence(p); got != "Already there: the plan reaches the trajectory by Apr 2021 without more funded posts." {
		t.Errorf("sentence %q", got)
	}
}

// The solver aimed at demand: 8 PWPs in 20 funded posts, 6 recruits a
// year offered (0.5 a month); 1,100 people a year at 10 hours each, all
// from PWPs giving 1,000 hours: 11 WTE needed. By defaults to the target's
// point in Jul 2020 (4 months on): 8 + 4 x 0.5 x (1 + p/100) >= 11 needs
// p = 50 (p = 49 gives 10.98).
func TestSolveForTheAccessTarget(t *testing.T) {
	p := onePWPLine()
	p.Professions[0].ClinicalHoursPerWTE = ptr(1000.0)
	p.Posts[0].FundedWTE, p.Posts[0].RecruitsWTEPerYear = 20, 6
	p.Demand = []Demand{{ServiceArea: "Adult", HoursPerPerson: 10,
		PeoplePerYear: []PeoplePoint{{mar2020 + 4, 1100}}, Mix: []MixShare{{"pwp", 100}}}}
	a, err := Solve(p, Question{Lever: LeverRecruitment, Target: TargetDemand})
	if err != nil || !a.Reachable || a.Pct != 50 || a.By != mar2020+4 {
		t.Fatalf("answer %+v, %v: want +50 %% by Jul 2020", a, err)
	}
	near(t, "shortfall", a.Shortfall, 0)
	if a.ScenarioName() != "Solved: recruitment +50 % for the access target by Jul 2020" {
		t.Errorf("name %q", a.ScenarioName())
	}
	// With 10 funded posts the target is beyond them: the reason says where.
	p.Posts[0].FundedWTE = 10
	a, _ = Solve(p, Question{Lever: LeverRecruitment, Target: TargetDemand})
	if a.Reachable || a.Reason != "funded posts for PWP in Adult are 10 WTE in Jul 2020; the target needs 11 WTE" {
		t.Errorf("capped: %+v", a)
	}
	// A plan with no demand is refused.
	p.Demand = nil
	if _, err := Solve(p, Question{Target: TargetDemand}); err != ErrNoDemand {
		t.Errorf("no demand: %v", err)
	}
}

// With qualifiers moving between service areas more funded posts can do
// worse (qualifiers move to B, where 90 % leave a year, rather than to A):
// S(p) is not monotone, so a plan already there is answered +0 %, not
// "not reachable" (found by a hostile test). Three qualifiers of a line
// with no posts move to A's 10 free posts and B's none at +0 %.
func TestSolveAlreadyThereWhenMoreDoesWorse(t *testing.T) {
	jan2024 := MonthOf(2024, 1)
	base := 17.7
	p := &Plan{Name: "Not monotone", Baseline: jan2024, Horizon: jan2024 + 23, CapHires: true, QualifiersMove: true,
		Trajectory:  Trajectory{Interpolation: Linear, BaselineWTE: &base, Milestones: []Milestone{{jan2024 + 23, 0}}},
		Professions: []Profession{{ID: "cbt", Name: "CBT", WTEPerHead: 1}},
		Posts: []PostLine{{Profession: "cbt", ServiceArea: "A", InPostWTE: 10, FundedWTE: 20},
			{Profession: "cbt", ServiceArea: "B", InPostWTE: 10, FundedWTE: 10, LeaverRatePct: ptr(90.0)}},
		Cohorts: []Cohort{{Profession: "cbt", ServiceArea: "C", Start: jan2024, DurationMonths: 2, Intake: 10, CompletionPct: 100, TakeupPct: 100}},
	}
	if g := project(t, p, "").Gap[23]; g < 0 {
		t.Fatalf("the plan is behind (%v): the test shows nothing", g)
	}
	a, err := Solve(p, Question{Lever: LeverFunded})
	if err != nil || !a.Reachable || a.Pct != 0 {
		t.Errorf("answer %+v, %v: want already there", a, err)
	}
}

// Aimed at demand with a mix profession that has no post line in the
// service area, funded posts cannot help, and the reason says so.
func TestSolveSaysWhenAMixProfessionHasNoPosts(t *testing.T) {
	p := demandPlan() // CBT gives 60 % of Adult's hours and has no post line there
	p.Demand[0].PeoplePerYear = []PeoplePoint{{mar2020 + 4, 1000}}
	a, err := Solve(p, Question{Lever: LeverFunded, Target: TargetDemand})
	if err != nil || a.Reachable || a.Reason != "there are no posts of CBT in Adult to raise (no post line); the target needs 7.5 WTE in Jul 2020" {
		t.Errorf("answer %+v, %v", a, err)
	}
}
