package plan

import "testing"

// A line of 100 WTE that loses no one and gains 12 a year (1 a month)
// against a 60 % milestone 48 months on: at the milestone it has 148 WTE
// against a target of 160, 12 behind (7.5 %).
func TestSummaryAtTheLastMilestone(t *testing.T) {
	p := onePWPLine()
	p.Horizon = mar2020 + 72
	p.Posts[0].InPostWTE, p.Posts[0].FundedWTE, p.Posts[0].RecruitsWTEPerYear = 100, 1000, 12
	p.Trajectory.Milestones = []Milestone{{mar2020 + 48, 60}}
	p.Actuals = []Actual{{Month: mar2020 + 12, InPostWTE: 115}, {Month: mar2020 + 24, Profession: "pwp", InPostWTE: 1}}
	s := Summarise(p, project(t, p, ""), mar2020+24)
	if s.At != mar2020+48 || !s.AtMilestone || s.OnTrack() {
		t.Errorf("at %v, milestone %v, on track %v", s.At, s.AtMilestone, s.OnTrack())
	}
	near(t, "baseline", s.BaselineWTE, 100)
	near(t, "projected", s.Projected, 148)
	near(t, "target", s.Target, 160)
	near(t, "gap", s.Gap, -12)
	near(t, "gap %", s.GapPct, -7.5)
	near(t, "growth so far", s.GrowthSoFarPct, 24)
	near(t, "horizon", s.HorizonProjected, 172)
	near(t, "vacancies at the milestone", s.Vacancies, 1000-148)
	if s.LatestActual == nil || s.LatestActual.InPostWTE != 115 {
		t.Fatalf("latest total actual = %+v", s.LatestActual)
	}
	near(t, "actual growth", s.ActualGrowthPct, 15)
	if s2 := Summarise(p, project(t, p, ""), mar2020+500); s2.Today != p.Horizon {
		t.Errorf("today past the horizon = %v", s2.Today)
	}
}

// A plan with no post lines and no cohorts is not "On track": its
// sentence says what to add first. One post line makes it a plan again.
func TestSummaryOfAnEmptyPlan(t *testing.T) {
	p := onePWPLine()
	p.Posts = nil
	p.Trajectory.Milestones = []Milestone{{mar2020 + 48, 60}}
	s := Summarise(p, project(t, p, ""), mar2020)
	if !s.Empty || s.OnTrack() || s.Sentence() != EmptySentence {
		t.Errorf("empty %v, on track %v, sentence %q", s.Empty, s.OnTrack(), s.Sentence())
	}
	p = onePWPLine()
	p.Trajectory.Milestones = []Milestone{{mar2020 + 48, 60}}
	if s := Summarise(p, project(t, p, ""), mar2020); s.Empty || s.Sentence() == EmptySentence {
		t.Errorf("a plan with a post line: empty %v, sentence %q", s.Empty, s.Sentence())
	}
}
