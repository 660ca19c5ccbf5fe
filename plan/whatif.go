package plan

import "math"

// WhatIf is the workshop's live controls: changes tried out in front of a
// room, turned into an ordinary scenario to project (and, if the room
// likes it, to keep).
type WhatIf struct {
	LeaverPoints   float64 // leaver rates up (or down) by this many percentage points
	ExtraIntakePct float64 // 0 to 100: more trainees on cohorts starting from From
	RecruitFactor  float64 // recruitment from outside times this (1 leaves it)
	CapHires       *bool   // nil leaves the plan's capping
	From           Month   // the month extra intake starts applying (this month)
}

// None tells whether the controls change nothing.
func (w WhatIf) None() bool {
	return w.LeaverPoints == 0 && w.ExtraIntakePct == 0 && (w.RecruitFactor == 1 || w.RecruitFactor == 0) && w.CapHires == nil
}

// Scenario is the controls as a scenario of p: every profession's leaver
// rate moved (and every post line's own rate, which would otherwise win),
// every post line's recruits scaled, and extra cohorts for the added
// intake of each cohort starting from From.
func (w WhatIf) Scenario(p *Plan, name string) Scenario {
	s := Scenario{Name: name, CapHires: w.CapHires}
	if w.LeaverPoints != 0 {
		for _, prof := range p.Professions {
			s.Professions = append(s.Professions, ProfessionOverride{Profession: prof.ID,
				LeaverRatePct: ptrTo(clamp(prof.LeaverRatePct+w.LeaverPoints, 0, 100))})
		}
	}
	factor := w.RecruitFactor
	if factor == 0 {
		factor = 1
	}
	for _, l := range p.Posts {
		o := PostOverride{Profession: l.Profession, ServiceArea: l.ServiceArea}
		if factor != 1 && l.RecruitsWTEPerYear > 0 {
			o.RecruitsWTEPerYear = ptrTo(min(l.RecruitsWTEPerYear*factor, MaxWTE))
		}
		if w.LeaverPoints != 0 && l.LeaverRatePct != nil {
			o.LeaverRatePct = ptrTo(clamp(*l.LeaverRatePct+w.LeaverPoints, 0, 100))
		}
		if o.RecruitsWTEPerYear != nil || o.LeaverRatePct != nil {
			s.Posts = append(s.Posts, o)
		}
	}
	if w.ExtraIntakePct > 0 {
		for _, c := range p.Cohorts {
			extra := int(math.Round(float64(c.Intake) * w.ExtraIntakePct / 100))
			if c.Start >= w.From && extra > 0 {
				c.Intake = extra
				s.ExtraCohorts = append(s.ExtraCohorts, c)
			}
		}
	}
	return s
}

func ptrTo(v float64) *float64 { return &v }

func clamp(x, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, x)) }
