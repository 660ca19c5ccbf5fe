package plan

import "testing"

func TestWhatIfScenario(t *testing.T) {
	p := onePWPLine()
	p.Professions[0].LeaverRatePct = 3
	p.Posts[0].RecruitsWTEPerYear = 6
	p.Cohorts = []Cohort{
		{Profession: "pwp", ServiceArea: "Adult", Start: mar2020 + 1, DurationMonths: 12, Intake: 10, CompletionPct: 100, TakeupPct: 100},
		{Profession: "pwp", ServiceArea: "Adult", Start: mar2020 + 13, DurationMonths: 12, Intake: 15, CompletionPct: 100, TakeupPct: 100},
	}
	off := false
	w := WhatIf{LeaverPoints: -5, ExtraIntakePct: 50, RecruitFactor: 2, CapHires: &off, From: mar2020 + 6}
	s := w.Scenario(p, "What if")
	if len(s.Professions) != 1 || *s.Professions[0].LeaverRatePct != 0 { // 3 - 5, kept at 0
		t.Errorf("professions %+v", s.Professions)
	}
	if len(s.Posts) != 1 || *s.Posts[0].RecruitsWTEPerYear != 12 {
		t.Errorf("posts %+v", s.Posts)
	}
	// only the cohort starting from month 6: 50 % of 15 is 7.5, rounded to 8
	if len(s.ExtraCohorts) != 1 || s.ExtraCohorts[0].Intake != 8 || s.ExtraCohorts[0].Start != mar2020+13 {
		t.Errorf("extra cohorts %+v", s.ExtraCohorts)
	}
	if s.CapHires == nil || *s.CapHires {
		t.Error("capping not turned off")
	}
	p.Scenarios = append(p.Scenarios, s)
	if errs := Validate(p); errs != nil {
		t.Errorf("the what-if is not a valid scenario: %v", errs)
	}
	if !(WhatIf{RecruitFactor: 1}).None() || w.None() {
		t.Error("None is wrong")
	}
}
