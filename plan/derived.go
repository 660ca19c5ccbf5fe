package plan

import (
	"fmt"

	"example.org/psyplan/format"
)

// This file holds the figures worked out from a plan or its projection
// that more than one screen, chart or report states. Each has its one
// implementation here, so the window, the slides, the charts and the
// report cannot tell a planner two different numbers.

// QualifiedWTE is rule 3 for one cohort: the WTE its qualifiers bring,
// placed or not. The arithmetic is in the order the contract writes it,
// which is the engine's, so the figure agrees with the projection to the
// last bit.
func (c Cohort) QualifiedWTE(wtePerHead float64) float64 {
	return float64(c.Intake) * c.CompletionPct / 100 * c.TakeupPct / 100 * wtePerHead
}

// WTEPerHead is the profession's average WTE per person, as the engine
// uses it: 1 for a profession the plan does not list (only an invalid
// plan has one) or one with no positive figure.
func (p *Plan) WTEPerHead(profession string) float64 {
	if prof := p.Profession(profession); prof != nil && prof.WTEPerHead > 0 {
		return prof.WTEPerHead
	}
	return 1
}

// CohortQualifiedWTE is the WTE the cohort brings into posts when it
// qualifies, with its profession's WTE per head in the plan.
func (p *Plan) CohortQualifiedWTE(c Cohort) float64 {
	return c.QualifiedWTE(p.WTEPerHead(c.Profession))
}

// JudgedAt is the month a projection of the plan to horizon (the plan's,
// or a roll-up's) is judged at: the last milestone at or before the
// horizon, else the horizon itself.
func (p *Plan) JudgedAt(horizon Month) Month {
	at := horizon
	for _, m := range p.Trajectory.Milestones {
		if m.Month <= horizon {
			at = m.Month
		}
	}
	return at
}

// RenameProfession changes a profession's id everywhere the plan uses it
// (its posts, cohorts and the staff they draw from, actuals, and every
// scenario's overrides and extra cohorts), so nothing is left pointing at
// the old id. An id that is malformed, already taken or unknown is
// refused and nothing changes.
func (p *Plan) RenameProfession(old, id string) error {
	if old == id {
		return nil
	}
	prof := p.Profession(old)
	if prof == nil {
		return fmt.Errorf("the plan has no profession %q to rename", old)
	}
	if !professionIDPattern.MatchString(id) {
		return fmt.Errorf("%q must be 1 to 40 lower-case letters, digits, _ or -, starting with a letter or digit", id)
	}
	if p.Profession(id) != nil {
		return fmt.Errorf("%q is used by another profession", id)
	}
	prof.ID = id
	swap := func(s *string) {
		if *s == old {
			*s = id
		}
	}
	for i := range p.Posts {
		swap(&p.Posts[i].Profession)
	}
	renameCohorts(p.Cohorts, swap)
	for i := range p.Actuals {
		swap(&p.Actuals[i].Profession)
	}
	for i := range p.Scenarios {
		s := &p.Scenarios[i]
		renameCohorts(s.ExtraCohorts, swap)
		for k := range s.Professions {
			swap(&s.Professions[k].Profession)
		}
		for k := range s.Posts {
			swap(&s.Posts[k].Profession)
		}
	}
	return nil
}

func renameCohorts(cs []Cohort, swap func(*string)) {
	for i := range cs {
		swap(&cs[i].Profession)
		if cs[i].DrawnFrom != nil {
			swap(&cs[i].DrawnFrom.Profession)
		}
	}
}

// PriceBase says what prices the plan's pay costs are in: "baseline
// prices", or "with 3 % pay awards a year" when pay rises each April.
func (p *Plan) PriceBase() string {
	if p.PayUpliftPctPerYear == 0 {
		return "baseline prices"
	}
	return "with " + format.Fixed(p.PayUpliftPctPerYear, -1) + " % pay awards a year"
}
