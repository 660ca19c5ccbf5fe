package plan

import (
	"fmt"

	"example.org/psyplan/format"
)

// Summary is the headline figures of a projection, as the overview and
// workshop slides state them.
type Summary struct {
	BaselineWTE float64 // workforce at the baseline
	// At is the month the plan is judged at: the last milestone inside the
	// projection, else the horizon.
	At          Month
	AtMilestone bool
	GrowthPct   float64 // the trajectory's growth at At
	Projected   float64 // workforce at At: what the trajectory measures
	Target      float64
	Gap         float64 // Projected - Target: negative is behind
	GapPct      float64 // Gap as a share of Target

	HorizonProjected, HorizonTarget, HorizonGap float64

	// Today is the month "so far" counts to: the current month, kept
	// inside the projection.
	Today           Month
	GrowthSoFarPct  float64 // projected growth from the baseline to Today
	LatestActual    *Actual // the latest total census point, if any
	ActualGrowthPct float64 // its growth on the baseline

	Unplaced  float64 // qualifiers who find no funded post, over the whole projection (WTE)
	Vacancies float64 // at At

	// Empty is a plan with no staff to project: no post lines and no
	// cohorts. It is neither on track nor behind; Sentence says what to
	// add first.
	Empty bool
}

// EmptySentence is what Sentence says of an empty plan.
const EmptySentence = "This plan has no staff yet: add post lines on the Posts tab, " +
	"or trainees on the Trainees tab, to see it projected against its trajectory."

// Sentence says in words whether the plan meets its trajectory: "Behind:
// projected 33,980.0 WTE in Apr 2024, 4,532.0 WTE (12 %) behind the 60 %
// trajectory."
func (s Summary) Sentence() string {
	if s.Empty {
		return EmptySentence
	}
	what := "the trajectory"
	if s.AtMilestone {
		what = fmt.Sprintf("the %s trajectory", format.Percent(s.GrowthPct))
	}
	if s.OnTrack() {
		return fmt.Sprintf("On track: projected %s WTE in %s, %s WTE (%s) ahead of %s.",
			format.WTE(s.Projected), s.At.Label(), format.WTE(s.Gap), format.Percent(s.GapPct), what)
	}
	return fmt.Sprintf("Behind: projected %s WTE in %s, %s WTE (%s) behind %s.",
		format.WTE(s.Projected), s.At.Label(), format.WTE(-s.Gap), format.Percent(-s.GapPct), what)
}

// OnTrack tells whether the plan meets its trajectory at At; an empty
// plan does not.
func (s Summary) OnTrack() bool { return !s.Empty && s.Gap >= 0 }

// Summarise works out the headline figures; today is the calendar month
// now (the overview's "so far").
func Summarise(p *Plan, pr *Projection, today Month) Summary {
	last := len(pr.Total) - 1
	s := Summary{BaselineWTE: pr.Total[0].Workforce, At: p.JudgedAt(pr.Horizon),
		Empty: len(p.Posts) == 0 && len(p.Cohorts) == 0}
	for _, m := range p.Trajectory.Milestones {
		s.AtMilestone = s.AtMilestone || m.Month == s.At
	}
	i := pr.Index(s.At)
	s.GrowthPct = GrowthAt(p, s.At)
	s.Projected, s.Target, s.Gap = pr.Total[i].Workforce, pr.Target[i], pr.Gap[i]
	s.GapPct = percentOf(s.Gap, s.Target)
	s.Vacancies = pr.Total[i].Vacancies
	s.HorizonProjected, s.HorizonTarget, s.HorizonGap = pr.Total[last].Workforce, pr.Target[last], pr.Gap[last]

	s.Today = min(max(today, pr.Baseline), pr.Horizon)
	s.GrowthSoFarPct = percentOf(pr.Total[pr.Index(s.Today)].Workforce-s.BaselineWTE, s.BaselineWTE)
	for i := range p.Actuals {
		a := &p.Actuals[i]
		if a.Profession == "" && (s.LatestActual == nil || a.Month >= s.LatestActual.Month) {
			s.LatestActual = a
		}
	}
	if s.LatestActual != nil {
		s.ActualGrowthPct = percentOf(s.LatestActual.InPostWTE-s.BaselineWTE, s.BaselineWTE)
	}
	for _, r := range pr.Total {
		s.Unplaced += r.Unplaced
	}
	return s
}

func percentOf(part, whole float64) float64 {
	if whole == 0 {
		return 0
	}
	return part / whole * 100
}
