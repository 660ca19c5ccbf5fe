package plan

// ProfessionGrowth is one profession's growth of what the trajectory
// measures, from the baseline to a month.
type ProfessionGrowth struct {
	Profession string  // its id
	Base, At   float64 // workforce at the baseline and at the month
	GrowthPct  float64
}

// GrowthByProfession is each profession's growth from the baseline to
// month at, in the plan's order, over the post lines keep keeps (nil:
// all). A profession with no staff in post at the baseline is left out:
// a new role made only of cohorts grows from nothing, or from its own
// trainees when they are counted, and neither is a percentage a planner
// can set against the target.
func GrowthByProfession(p *Plan, pj *Projection, at Month, keep func(LineKey) bool) []ProfessionGrowth {
	i := pj.Index(at)
	if i < 0 {
		return nil
	}
	type sums struct{ inPost, base, at float64 }
	by := map[string]*sums{}
	for li := range pj.Lines {
		l := &pj.Lines[li]
		if keep != nil && !keep(l.Key) {
			continue
		}
		s := by[l.Key.Profession]
		if s == nil {
			s = &sums{}
			by[l.Key.Profession] = s
		}
		first := l.Row(0)
		s.inPost += first.InPost
		s.base += first.Workforce
		s.at += l.Row(i).Workforce
	}
	var out []ProfessionGrowth
	for _, prof := range p.Professions {
		s := by[prof.ID]
		if s == nil || s.inPost <= 0 || s.base <= 0 {
			continue
		}
		out = append(out, ProfessionGrowth{Profession: prof.ID, Base: s.base, At: s.at, GrowthPct: (s.at - s.base) / s.base * 100})
	}
	return out
}

// TraineeWTEOrDefault is the WTE of one salaried trainee. 0 means never set (a
// plan built in Go before the field existed): the default, 1, as the
// plan file and the workbook write it.
func (prof Profession) TraineeWTEOrDefault() float64 {
	if prof.TraineeWTEPerHead == 0 {
		return 1
	}
	return prof.TraineeWTEPerHead
}
