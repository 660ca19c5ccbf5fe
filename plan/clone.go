package plan

// Clone returns a deep copy: editing it never changes p. The window edits
// copies, so undo can keep the plan as it was before each edit.
func (p *Plan) Clone() *Plan {
	c := *p
	c.Uncertainty = clonePtr(p.Uncertainty)
	c.Trajectory.BaselineWTE = clonePtr(p.Trajectory.BaselineWTE)
	c.Trajectory.Milestones = cloneSlice(p.Trajectory.Milestones)
	c.Professions = cloneSlice(p.Professions)
	for i := range c.Professions {
		c.Professions[i].ClinicalHoursPerWTE = clonePtr(c.Professions[i].ClinicalHoursPerWTE)
	}
	c.Demand = cloneSlice(p.Demand)
	for i := range c.Demand {
		d := &c.Demand[i]
		d.PeoplePerYear, d.Mix = cloneSlice(d.PeoplePerYear), cloneSlice(d.Mix)
	}
	c.Budget = cloneSlice(p.Budget)
	c.Posts = cloneSlice(p.Posts)
	for i := range c.Posts {
		l := &c.Posts[i]
		l.InPostHeadcount = clonePtr(l.InPostHeadcount)
		l.LeaverRatePct = clonePtr(l.LeaverRatePct)
		l.Changes = cloneSlice(l.Changes)
	}
	c.Cohorts = cloneCohorts(p.Cohorts)
	c.Actuals = cloneSlice(p.Actuals)
	c.Scenarios = cloneSlice(p.Scenarios)
	for i := range c.Scenarios {
		s := &c.Scenarios[i]
		s.CapHires = clonePtr(s.CapHires)
		s.QualifierWaitMonths = clonePtr(s.QualifierWaitMonths)
		s.QualifiersMove = clonePtr(s.QualifiersMove)
		s.ExtraCohorts = cloneCohorts(s.ExtraCohorts)
		s.Professions = cloneSlice(s.Professions)
		for j := range s.Professions {
			o := &s.Professions[j]
			o.LeaverRatePct, o.WTEPerHead, o.CostPerWTE = clonePtr(o.LeaverRatePct), clonePtr(o.WTEPerHead), clonePtr(o.CostPerWTE)
		}
		s.Posts = cloneSlice(s.Posts)
		for j := range s.Posts {
			o := &s.Posts[j]
			o.RecruitsWTEPerYear, o.LeaverRatePct = clonePtr(o.RecruitsWTEPerYear), clonePtr(o.LeaverRatePct)
			o.FundedWTE, o.InPostWTE = clonePtr(o.FundedWTE), clonePtr(o.InPostWTE)
		}
	}
	return &c
}

// cloneCohorts copies cohorts with their own drawn_from.
func cloneCohorts(cs []Cohort) []Cohort {
	c := cloneSlice(cs)
	for i := range c {
		c[i].DrawnFrom = clonePtr(c[i].DrawnFrom)
	}
	return c
}

func clonePtr[T any](v *T) *T {
	if v == nil {
		return nil
	}
	c := *v
	return &c
}

// cloneSlice copies a slice, keeping nil as nil so a copy compares equal.
func cloneSlice[T any](s []T) []T {
	if s == nil {
		return nil
	}
	return append(make([]T, 0, len(s)), s...)
}
