package plan

import (
	"math"
	"testing"
)

// bridgePlan is two lines in one service area, every flow of the bridge
// at work, judged four months on (Jul 2020):
//   - PWPs: 100 WTE, a leaver rate of exactly 1 % a month, one recruit a
//     month, and half of a high intensity intake of 10 leave their posts
//     to train in Apr 2020;
//   - high intensity: 50 WTE, no leavers, funded 55, one recruit offered
//     a month (hired in Apr and May 2020, filling 2 of the 5 free posts);
//     that intake (90 % complete, 80 % take up: 7.2 WTE) qualifies in Jun
//     2020, when only 3 posts are free, so 4.2 WTE wait and no recruit is
//     hired; salaried trainees are counted: 6 in training at the
//     baseline, 6 + 4 in Jul 2020.
func bridgePlan() *Plan {
	p := onePWPLine()
	p.Horizon = mar2020 + 6
	p.QualifierWaitMonths = 2
	p.CountSalariedTrainees = true
	p.Trajectory.Milestones = []Milestone{{mar2020 + 4, 10}}
	p.Professions[0].LeaverRatePct = 100 * (1 - math.Pow(0.99, 12))
	p.Professions = append(p.Professions, Profession{ID: "hi", Name: "High intensity", WTEPerHead: 1,
		TraineesSalaried: true, TraineeWTEPerHead: 1})
	p.Posts[0].InPostWTE, p.Posts[0].FundedWTE, p.Posts[0].RecruitsWTEPerYear = 100, 1000, 12
	p.Posts = append(p.Posts, PostLine{Profession: "hi", ServiceArea: "Adult", InPostWTE: 50, FundedWTE: 55, RecruitsWTEPerYear: 12})
	p.Cohorts = []Cohort{
		{Profession: "hi", ServiceArea: "Adult", Start: mar2020 + 1, DurationMonths: 2, Intake: 10,
			CompletionPct: 90, TakeupPct: 80, DrawnFrom: &DrawnFrom{Profession: "pwp", Pct: 50}},
		{Profession: "hi", ServiceArea: "Adult", Start: mar2020 + 2, DurationMonths: 12, Intake: 4, CompletionPct: 100, TakeupPct: 100},
		{Profession: "hi", ServiceArea: "Adult", Start: mar2020 - 6, DurationMonths: 12, Intake: 6, CompletionPct: 100, TakeupPct: 100},
	}
	return p
}

// By hand, PWPs: 100 → (-1 leaver, -5 into training, +1) 95 → (-0.95, +1)
// 95.05 → (-0.9505, +1) 95.0995 → (-0.950995, +1) 95.148505 in Jul 2020.
// High intensity: 50 → 51 → 52 (recruits) → 55 (3 of the 7.2 qualified).
// Workforce: 100 + 50 + 6 trainees = 156 at the baseline; 95.148505 + 55
// + 10 trainees = 160.148505 in Jul 2020.
func TestBridgeStepsAreTheEnginesFlows(t *testing.T) {
	p := bridgePlan()
	pj := project(t, p, "")
	at := p.JudgedAt(pj.Horizon)
	if at != mar2020+4 {
		t.Fatalf("judged at %s, want the milestone 2020-07", at)
	}
	b := p.Bridge(pj, pj.Total, at)
	near(t, "start", b.Start, 156)
	near(t, "leavers", b.Leavers, 1+0.95+0.9505+0.950995)
	near(t, "moved into training", b.MovedOut, 5)
	near(t, "qualifiers hired", b.HiredQualified, 3) // not the 7.2 qualified: 4.2 still wait
	near(t, "recruits hired", b.Recruited, 4+2)      // not the 4 + 4 offered
	near(t, "salaried trainees", b.TraineeChange, 4)
	near(t, "end", b.End, 160.148505)
	near(t, "steps added up", b.Sum(), 160.148505)

	pwp := pj.Lines[1].Rows() // lines sort by id: hi, then pwp
	b = p.Bridge(pj, pwp, at)
	near(t, "PWP start", b.Start, 100)
	near(t, "PWP trainees (not salaried)", b.TraineeChange, 0)
	near(t, "PWP steps added up", b.Sum(), 95.148505)
	near(t, "PWP end", b.End, 95.148505)
}

// Trainees not counted: the workforce is staff in post, and the bridge
// has no trainee step.
func TestBridgeWithoutCountedTrainees(t *testing.T) {
	p := bridgePlan()
	p.CountSalariedTrainees = false
	pj := project(t, p, "")
	b := p.Bridge(pj, pj.Total, mar2020+4)
	near(t, "start", b.Start, 150)
	near(t, "salaried trainees", b.TraineeChange, 0)
	near(t, "end", b.End, 150.148505)
	near(t, "steps added up", b.Sum(), 150.148505)
}

// A month outside the projection is taken as its nearest end, and no rows
// make an empty bridge, never a panic.
func TestBridgeOutsideTheProjection(t *testing.T) {
	p := bridgePlan()
	pj := project(t, p, "")
	if b := p.Bridge(pj, pj.Total, mar2020-5); b.At != mar2020 || b.End != b.Start || b.Leavers != 0 {
		t.Errorf("before the baseline: %+v", b)
	}
	if b := p.Bridge(pj, pj.Total, mar2020+99); b.At != p.Horizon {
		t.Errorf("after the horizon: at %s", b.At)
	}
	if b := p.Bridge(pj, nil, mar2020+4); b.End != 0 || b.Sum() != 0 {
		t.Errorf("no rows: %+v", b)
	}
}

// The summary measures what the trajectory measures: with salaried
// trainees counted, the workforce (160.148505), not staff in post
// (150.148505), against 156 x 1.1 = 171.6.
func TestSummaryMeasuresTheWorkforce(t *testing.T) {
	p := bridgePlan()
	s := Summarise(p, project(t, p, ""), mar2020+4)
	near(t, "baseline", s.BaselineWTE, 156)
	near(t, "projected", s.Projected, 160.148505)
	near(t, "target", s.Target, 171.6)
	near(t, "gap", s.Gap, 160.148505-171.6)
	near(t, "growth so far", s.GrowthSoFarPct, (160.148505-156)/156*100)
	if !s.AtMilestone || s.At != mar2020+4 {
		t.Errorf("at %s, milestone %v", s.At, s.AtMilestone)
	}
}
