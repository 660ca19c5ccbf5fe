// Package plan is PsyPlan's domain: a workforce plan of the psychological
// professions (professions, post lines, training cohorts, the expansion
// trajectory, census actuals and scenarios), its validation and the monthly
// projection. It is pure Go: no storage, no files, no user interface.
package plan

import (
	"cmp"
	"fmt"
)

// Interpolation between trajectory milestones.
const (
	Linear   = "linear"
	Compound = "compound"
)

// Plan is one workforce plan, as a planner enters it.
type Plan struct {
	Name     string
	Area     string
	Notes    string
	Baseline Month // stocks are given as at the end of this month
	Horizon  Month // last projected month
	CapHires bool  // joiners only fill vacancies in funded posts
	// QualifierWaitMonths is how long a newly qualified person with no
	// funded post waits for one before being lost to the plan (0 to 24).
	QualifierWaitMonths int
	// CountSalariedTrainees counts salaried trainees in the workforce
	// measured against the trajectory, as NHS censuses count them.
	CountSalariedTrainees bool
	PayUpliftPctPerYear   float64 // pay award each April after the baseline
	// QualifiersMove lets a qualifier with no funded post in the service
	// area they trained for take a vacant post of their profession in
	// another service area (projection.md rule 8b).
	QualifiersMove bool
	Uncertainty    *Uncertainty // nil: no band
	Trajectory     Trajectory
	Professions    []Profession
	Posts          []PostLine
	Cohorts        []Cohort
	Actuals        []Actual
	Scenarios      []Scenario
	Demand         []Demand     // access targets, one per service area
	Budget         []BudgetYear // money for pay, per financial year
}

// Demand is a service area's access target and the care it takes.
type Demand struct {
	ServiceArea    string
	PeoplePerYear  []PeoplePoint // the target from a month on, months increasing
	HoursPerPerson float64       // clinical hours of one person's course of care
	Mix            []MixShare    // who gives those hours; shares add up to 100
}

// PeoplePoint is the access target (people entering treatment a year)
// from a month on.
type PeoplePoint struct {
	Month  Month
	People float64
}

// MixShare is one profession's share of a service's clinical hours.
type MixShare struct {
	Profession string
	SharePct   float64
}

// BudgetYear is the money available for pay in one NHS financial year
// (April to March), named by the year it starts in: 2024 is 2024/25.
type BudgetYear struct {
	Year int
	GBP  float64
}

// Trajectory is the expansion the plan is measured against.
type Trajectory struct {
	Interpolation string   // Linear or Compound
	BaselineWTE   *float64 // nil: the plan's total in post at the baseline
	Milestones    []Milestone
}

// Milestone is growth over the baseline to be reached at a month.
type Milestone struct {
	Month     Month
	GrowthPct float64
}

// Profession is a role and the assumptions that go with it.
type Profession struct {
	ID            string
	Name          string
	LeaverRatePct float64 // share of in-post WTE leaving per year
	WTEPerHead    float64 // average WTE per person
	CostPerWTE    float64 // yearly pay cost of one WTE, in pounds

	TraineesSalaried  bool    // its trainees are paid while training
	TraineeWTEPerHead float64 // WTE of one salaried trainee
	TraineeCostPerWTE float64 // yearly cost of one salaried trainee WTE

	// ClinicalHoursPerWTE is the direct clinical hours one WTE gives in a
	// year; nil: the profession gives none to any demand.
	ClinicalHoursPerWTE *float64
}

// Uncertainty is how far each assumption may plausibly be from the plan's
// value, in either direction: the ranges the band draws from.
type Uncertainty struct {
	LeaverRatePctPoints float64 // leaver rates ± points
	CompletionPctPoints float64 // completion ± points
	TakeupPctPoints     float64 // take-up ± points
	RecruitmentPct      float64 // recruits per year ± per cent
}

// Zero tells whether every range is 0: the band is then the projection.
func (u *Uncertainty) Zero() bool {
	return u == nil || (u.LeaverRatePctPoints == 0 && u.CompletionPctPoints == 0 && u.TakeupPctPoints == 0 && u.RecruitmentPct == 0)
}

// PostLine is the posts of one profession in one service area.
type PostLine struct {
	Profession         string
	ServiceArea        string
	InPostWTE          float64
	InPostHeadcount    *float64 // nil: worked out from WTE per head
	FundedWTE          float64
	RecruitsWTEPerYear float64  // joiners from outside the plan's own training
	LeaverRatePct      *float64 // nil: the profession's rate
	Changes            []FundedChange
}

// FundedChange adds (or removes) funded establishment at a month.
type FundedChange struct {
	Month          Month
	FundedWTEDelta float64
}

// Cohort is a training intake that qualifies into a post line.
type Cohort struct {
	Profession     string
	ServiceArea    string
	Start          Month
	DurationMonths int
	Intake         int // people
	CompletionPct  float64
	TakeupPct      float64
	DrawnFrom      *DrawnFrom // nil: nobody drawn from staff in post
}

// DrawnFrom is the share of a cohort's intake who were staff in post of a
// profession (in the cohort's service area) and leave their posts when the
// course starts: PWPs starting high intensity training, say.
type DrawnFrom struct {
	Profession string
	Pct        float64
}

// DrawnKey is the post line the cohort's trainees leave.
func (c Cohort) DrawnKey() LineKey { return LineKey{c.DrawnFrom.Profession, c.ServiceArea} }

// QualifyMonth is the month the cohort's qualifiers join posts.
func (c Cohort) QualifyMonth() Month { return c.Start + Month(c.DurationMonths) }

// Actual is observed staff in post at a month: the total when Profession
// is empty, else one profession's.
type Actual struct {
	Month      Month
	Profession string
	InPostWTE  float64
}

// Scenario is a named variant of the plan: it overrides the fields it names.
type Scenario struct {
	Name         string
	Professions  []ProfessionOverride
	Posts        []PostOverride
	ExtraCohorts []Cohort
	CapHires     *bool
	// QualifierWaitMonths overrides the plan's wait; nil keeps it.
	QualifierWaitMonths *int
	// QualifiersMove overrides the plan's QualifiersMove; nil keeps it.
	QualifiersMove *bool
}

// ProfessionOverride replaces a profession's assumptions; nil keeps the plan's.
type ProfessionOverride struct {
	Profession    string
	LeaverRatePct *float64
	WTEPerHead    *float64
	CostPerWTE    *float64
}

// PostOverride replaces fields of one post line; nil keeps the plan's.
type PostOverride struct {
	Profession         string
	ServiceArea        string
	RecruitsWTEPerYear *float64
	LeaverRatePct      *float64
	FundedWTE          *float64
	InPostWTE          *float64
}

// LineKey names a post line: a profession in a service area.
type LineKey struct {
	Profession  string
	ServiceArea string
}

// Less orders lines as the projection table does: by profession id, then
// service area, byte-wise.
func (k LineKey) Less(o LineKey) bool { return k.Compare(o) < 0 }

// Compare orders lines as Less does: -1, 0 or +1.
func (k LineKey) Compare(o LineKey) int {
	return cmp.Or(cmp.Compare(k.Profession, o.Profession), cmp.Compare(k.ServiceArea, o.ServiceArea))
}

// Key is the line the post line describes.
func (p PostLine) Key() LineKey { return LineKey{p.Profession, p.ServiceArea} }

// Key is the line the cohort qualifies into.
func (c Cohort) Key() LineKey { return LineKey{c.Profession, c.ServiceArea} }

// Profession returns the profession with the id, or nil.
func (p *Plan) Profession(id string) *Profession {
	for i := range p.Professions {
		if p.Professions[i].ID == id {
			return &p.Professions[i]
		}
	}
	return nil
}

// ScenarioNames are the names of the plan's scenarios, in order.
func (p *Plan) ScenarioNames() []string {
	names := make([]string, len(p.Scenarios))
	for i, s := range p.Scenarios {
		names[i] = s.Name
	}
	return names
}

// UniqueScenarioName is base, or base with the first number from 2 that
// makes it a name no scenario of the plan has.
func (p *Plan) UniqueScenarioName(base string) string {
	name := base
	for n := 2; p.Scenario(name) != nil; n++ {
		name = fmt.Sprintf("%s %d", base, n)
	}
	return name
}

// Scenario returns the scenario with the name, or nil.
func (p *Plan) Scenario(name string) *Scenario {
	for i := range p.Scenarios {
		if p.Scenarios[i].Name == name {
			return &p.Scenarios[i]
		}
	}
	return nil
}
