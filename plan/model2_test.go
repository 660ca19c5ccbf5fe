package plan

import "testing"

// Rules 7 to 9, by hand. 8 in post, 10 funded, nobody leaves, a 2-month
// wait, 1 recruit a month offered. Cohort A qualifies 5 WTE in Apr 2020,
// cohort B 1 WTE in May; funded posts grow by 2 in May and 0.5 in June.
//
//	Apr: room 2: A gives 2 (A 3 left), no room for recruits, in post 10
//	May: room 2: A gives 2 more (A 1 left, B 1 waits), in post 12
//	Jun: room 0.5: A gives 0.5; A qualified in Apr gives up: 0.5 unplaced
//	Jul: no room; B (May) gives up: 1 unplaced; nobody waits
func TestWaitingListOldestFirstThenGivingUp(t *testing.T) {
	p := onePWPLine()
	p.QualifierWaitMonths = 2
	p.Posts[0].RecruitsWTEPerYear = 12
	p.Posts[0].Changes = []FundedChange{{mar2020 + 2, 2}, {mar2020 + 3, 0.5}}
	p.Cohorts = []Cohort{
		{Profession: "pwp", ServiceArea: "Adult", Start: mar2020 - 11, DurationMonths: 12, Intake: 5, CompletionPct: 100, TakeupPct: 100},
		{Profession: "pwp", ServiceArea: "Adult", Start: mar2020 - 10, DurationMonths: 12, Intake: 1, CompletionPct: 100, TakeupPct: 100},
	}
	rows := project(t, p, "").Lines[0].Rows()
	want := []struct{ hired, recruited, unplaced, waiting, inPost float64 }{
		{0, 0, 0, 0, 8},
		{2, 0, 0, 3, 10},
		{2, 0, 0, 2, 12},
		{0.5, 0, 0.5, 1, 12.5},
		{0, 0, 1, 0, 12.5},
		{0, 0, 0, 0, 12.5},
	}
	for i, w := range want {
		m := p.Baseline.Add(i).Label()
		near(t, "hired qualified "+m, rows[i].HiredQualified, w.hired)
		near(t, "recruited "+m, rows[i].Recruited, w.recruited)
		near(t, "unplaced "+m, rows[i].Unplaced, w.unplaced)
		near(t, "waiting "+m, rows[i].Waiting, w.waiting)
		near(t, "in post "+m, rows[i].InPost, w.inPost)
	}
	// With no wait (version 1), A's 3 unplaced WTE are lost in April and
	// the recruits take May's room after B.
	p.QualifierWaitMonths = 0
	rows = project(t, p, "").Lines[0].Rows()
	near(t, "no wait: unplaced in Apr", rows[1].Unplaced, 3)
	near(t, "no wait: waiting in Apr", rows[1].Waiting, 0)
	near(t, "no wait: hired qualified in May", rows[2].HiredQualified, 1)
	near(t, "no wait: recruited in May", rows[2].Recruited, 1)
}

// A scenario's wait overrides the plan's.
func TestScenarioWaitOverride(t *testing.T) {
	p := onePWPLine()
	p.Posts[0].FundedWTE = 8 // no room at all
	p.Cohorts = []Cohort{{Profession: "pwp", ServiceArea: "Adult", Start: mar2020 - 11, DurationMonths: 12, Intake: 4, CompletionPct: 100, TakeupPct: 100}}
	p.Scenarios = []Scenario{{Name: "Wait a year", QualifierWaitMonths: ptr(12)}}
	sc := project(t, p, "Wait a year").Lines[0].Rows()
	near(t, "still waiting after 12 months", sc[12].Waiting, 4)
	near(t, "given up in the 13th month", sc[13].Unplaced, 4)
	near(t, "plan: lost at once", project(t, p, "").Lines[0].Row(1).Unplaced, 4)
}

// Rule 6: a CBT cohort of 6 starting in May 2020, half of them PWPs, takes
// 6 x 50 % x 0.5 WTE (the PWP's WTE per head) = 1.5 WTE out of the PWP
// line in May, and 3 people out of its headcount; a cohort that started
// at the baseline moves nobody, and nobody moves more than the line has.
func TestMovesIntoTraining(t *testing.T) {
	p := onePWPLine()
	p.Professions[0].WTEPerHead = 0.5
	p.Professions = append(p.Professions, Profession{ID: "cbt", Name: "CBT", WTEPerHead: 1})
	p.Posts[0].InPostWTE, p.Posts[0].FundedWTE = 20, 20
	p.Posts = append(p.Posts, PostLine{Profession: "cbt", ServiceArea: "Adult", FundedWTE: 10})
	p.Cohorts = []Cohort{
		{Profession: "cbt", ServiceArea: "Adult", Start: mar2020 + 2, DurationMonths: 12, Intake: 6, CompletionPct: 100, TakeupPct: 100,
			DrawnFrom: &DrawnFrom{Profession: "pwp", Pct: 50}},
		{Profession: "cbt", ServiceArea: "Adult", Start: mar2020, DurationMonths: 12, Intake: 6, CompletionPct: 100, TakeupPct: 100,
			DrawnFrom: &DrawnFrom{Profession: "pwp", Pct: 100}},
		{Profession: "cbt", ServiceArea: "Adult", Start: mar2020 + 4, DurationMonths: 12, Intake: 1000, CompletionPct: 100, TakeupPct: 100,
			DrawnFrom: &DrawnFrom{Profession: "pwp", Pct: 100}},
	}
	pr := project(t, p, "")
	pwp := pr.Lines[1].Rows()
	if pr.Lines[1].Key.Profession != "pwp" {
		t.Fatalf("line 1 is %v", pr.Lines[1].Key)
	}
	near(t, "moved out at the baseline's cohort", pwp[0].MovedOut+pwp[1].MovedOut, 0)
	near(t, "moved out in May", pwp[2].MovedOut, 1.5)
	near(t, "in post in May", pwp[2].InPost, 18.5)
	near(t, "headcount in May", pwp[2].Headcount, 37)
	near(t, "vacancies in May", pwp[2].Vacancies, 1.5)
	near(t, "moved out in Jul: all that is left", pwp[4].MovedOut, 18.5)
	near(t, "in post in Jul", pwp[4].InPost, 0)
	near(t, "in training (people, on the CBT line)", pr.Lines[0].Row(2).InTraining, 12)
}

// Rules 14 to 16: 10 salaried CBT trainees at 0.8 WTE each are 8 WTE,
// paid £30,000 a WTE a year beside 8 in post at £60,000; counted in the
// workforce only when the plan says so, and in the trajectory's base then.
func TestSalariedTrainees(t *testing.T) {
	p := onePWPLine()
	pr0 := &p.Professions[0]
	pr0.CostPerWTE, pr0.TraineesSalaried, pr0.TraineeWTEPerHead, pr0.TraineeCostPerWTE = 60000, true, 0.8, 30000
	p.CapHires = false
	p.Cohorts = []Cohort{{Profession: "pwp", ServiceArea: "Adult", Start: mar2020 - 1, DurationMonths: 3, Intake: 10, CompletionPct: 50, TakeupPct: 100}}
	p.Trajectory.Milestones = []Milestone{{mar2020 + 12, 50}}
	rows := project(t, p, "").Lines[0].Rows()
	near(t, "trainee WTE at the baseline", rows[0].TraineeWTE, 8)
	near(t, "pay cost at the baseline", rows[0].PayCost, (8*60000.0+8*30000)/12)
	near(t, "workforce, trainees not counted", rows[0].Workforce, 8)
	near(t, "trainee WTE once qualified", rows[2].TraineeWTE, 0)

	p.CountSalariedTrainees = true
	pr := project(t, p, "")
	near(t, "workforce, trainees counted", pr.Total[0].Workforce, 16)
	near(t, "the trajectory's base counts them", pr.Target[0], 16)
	// May 2020: 5 qualifiers (10 x 50 %) hired, at 1 WTE a head: 13 in post.
	near(t, "workforce in May", pr.Total[2].Workforce, 13)
	near(t, "gap in May", pr.Gap[2], 13-16*(1+50*2.0/12/100))
	p.Trajectory.BaselineWTE = ptr(100.0)
	near(t, "an explicit base wins", project(t, p, "").Target[0], 100)
}

// Rule 15: pay awards compound each April after the baseline.
func TestPayAwardEachApril(t *testing.T) {
	p := onePWPLine()
	p.Professions[0].CostPerWTE = 12000 // £1,000 a WTE a month
	p.Posts[0].InPostWTE = 10
	p.PayUpliftPctPerYear = 3
	rows := project(t, p, "").Lines[0].Rows()
	near(t, "Mar 2020 (baseline prices)", rows[0].PayCost, 10000)
	near(t, "Apr 2020", rows[1].PayCost, 10300)
	near(t, "Mar 2021", rows[12].PayCost, 10300)
	near(t, "Apr 2021", rows[13].PayCost, 10000*1.03*1.03)
}
