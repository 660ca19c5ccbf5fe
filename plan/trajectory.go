package plan

import "math"

// GrowthAt is the trajectory's growth over the baseline (in %) at month m:
// 0 at the baseline, each milestone's growth at its month, interpolated
// between them (linearly, or at a steady compound rate), and held after the
// last milestone.
func GrowthAt(p *Plan, m Month) float64 {
	m0, g0 := p.Baseline, 0.0
	for _, ms := range p.Trajectory.Milestones {
		if m >= ms.Month {
			m0, g0 = ms.Month, ms.GrowthPct
			continue
		}
		if m <= m0 {
			return g0
		}
		f := float64(m-m0) / float64(ms.Month-m0)
		return interpolate(p.Trajectory.Interpolation, g0, ms.GrowthPct, f)
	}
	return g0
}

func interpolate(how string, g0, g1, f float64) float64 {
	if how == Compound {
		return ((1+g0/100)*math.Pow((1+g1/100)/(1+g0/100), f) - 1) * 100
	}
	return g0 + f*(g1-g0)
}

// TargetAt is the trajectory's WTE at month m.
func TargetAt(p *Plan, m Month) float64 { return TargetFrom(p.TrajectoryBase(), p, m) }

// TargetFrom is TargetAt for a caller that has the plan's trajectory base
// (p.TrajectoryBase(), which reads every post line and cohort) already.
func TargetFrom(base float64, p *Plan, m Month) float64 { return base * (1 + GrowthAt(p, m)/100) }
