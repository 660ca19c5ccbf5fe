package plan

import (
	"context"
	"fmt"
	"sync/atomic"

	"slices"

	"example.org/psyplan/format"
)

// Units of a comparison's rows.
const (
	UnitWTE     = "WTE"
	UnitPounds  = "£"
	UnitPercent = "%" // a chance; its differences are percentage points
	UnitPeople  = "people"
)

// Measures of a comparison's rows: what a row is, for programs (the
// CSV and JSON of psyplan compare); Label says it for people.
const (
	MeasureWorkforce = "workforce"
	MeasureTarget    = "target"
	MeasureGap       = "gap"
	MeasureChance    = "chance_on_track"
	MeasureUnplaced  = "unplaced_qualifiers"
	MeasureVacancies = "vacancies"
	MeasurePayCost   = "pay_cost"
	MeasureShortfall = "shortfall_people" // people a year short of the access targets
	MeasureHeadroom  = "budget_headroom"  // budget less pay (negative: over budget)
)

// PlanColumn is the first column of a comparison: the plan itself.
const PlanColumn = "Plan"

// Comparison is the plan and its scenarios side by side, as a board
// reads its options: one column each, one row per figure, each with its
// difference from the plan. The window, the workbook's "Scenarios
// compared" sheet, the report's page and psyplan compare all show it.
type Comparison struct {
	Plan      string   // the plan's name
	Columns   []string // PlanColumn, then each scenario's name
	Scenarios []string // what each column projects: "" for the plan, else the scenario
	At        Month    // the month unplaced qualifiers and vacancies are judged at
	Rows      []ComparisonRow
}

// ComparisonRow is one figure for every column.
type ComparisonRow struct {
	Measure string // one of the Measure constants
	When    string // the month (YYYY-MM) or financial year (2023/24) it is at or for
	Label   string // for people: "Workforce, Apr 2024"
	Unit    string // one of the Unit constants
	Values  []float64
	Diffs   []float64 // each value minus the plan's: Diffs[0] is 0
}

// Compare projects the plan and each of its scenarios and puts them side
// by side. bands, when given, is a band per column (in Columns' order),
// and adds the chance of being on track at each milestone; nil leaves
// those rows out. made are projections of p the caller has already (the
// window's, the report's): a column whose scenario one of them is of is
// not projected again.
func Compare(p *Plan, bands []*Band, made ...*Projection) (*Comparison, error) {
	c := &Comparison{Plan: p.Name, Columns: []string{PlanColumn}, Scenarios: []string{""}}
	for _, sc := range p.Scenarios {
		c.Columns = append(c.Columns, sc.Name)
		c.Scenarios = append(c.Scenarios, sc.Name)
	}
	if bands != nil && len(bands) != len(c.Columns) {
		return nil, fmt.Errorf("%d bands for %d columns", len(bands), len(c.Columns))
	}
	for k, b := range bands {
		if b == nil || b.Scenario != c.Scenarios[k] || b.Baseline != p.Baseline {
			return nil, fmt.Errorf("the band of column %q is not of %q", c.Columns[k], c.Columns[k])
		}
	}
	// Each projection is kept only as its totals (and the figures of its
	// demand and budget), and a column not made already is worked out
	// without a whole projection, a column to each core.
	pjs := make([]*Projection, len(c.Columns))
	demand := make([][]DemandRow, len(c.Columns))
	budgets := make([][]BudgetRow, len(c.Columns))
	errs := make([]error, len(c.Columns))
	points := demandPoints(p)
	var next atomic.Int64
	inParallel(context.Background(), func() error {
		for k := int(next.Add(1)) - 1; k < len(c.Scenarios); k = int(next.Add(1)) - 1 {
			pjs[k], demand[k], budgets[k], errs[k] = compareColumn(p, c.Scenarios[k], made, points)
		}
		return nil
	})
	for _, err := range errs { // the first column's error, as when made in turn
		if err != nil {
			return nil, err
		}
	}
	c.At = p.JudgedAt(p.Horizon)
	c.addMilestones(p, pjs, bands)
	c.addAtJudged(pjs)
	c.addPayCost(pjs)
	for j, m := range points {
		c.add(MeasureShortfall, m.String(), "People a year short of the access targets, "+m.Label(), UnitPeople,
			func(k int) float64 { return demand[k][j].ShortfallPeople })
	}
	for y, b := range budgets[0] {
		if b.Budget != nil {
			c.add(MeasureHeadroom, b.Label(), "Budget headroom, "+b.Label(), UnitPounds, func(k int) float64 { return *budgets[k][y].Headroom })
		}
	}
	return c, nil
}

// compareColumn is what the side by side keeps of scenario name: its
// totals, its demand at each of points and its budget.
func compareColumn(p *Plan, name string, made []*Projection, points []Month) (*Projection, []DemandRow, []BudgetRow, error) {
	pj, at, err := columnOf(p, name, made, points)
	if err != nil {
		return nil, nil, nil, err
	}
	var demand []DemandRow
	for j, m := range points {
		dt, err := DemandAt(p, at(j), m)
		if err != nil {
			return nil, nil, nil, err
		}
		demand = append(demand, dt.Overall(0))
	}
	totals := &Projection{Scenario: pj.Scenario, Baseline: pj.Baseline, Horizon: pj.Horizon,
		Total: pj.Total, Target: pj.Target, Gap: pj.Gap}
	return totals, demand, MakeBudget(p, pj), nil
}

// madeOf is the projection of scenario name among made, or nil.
func madeOf(p *Plan, name string, made []*Projection) *Projection {
	for _, pj := range made {
		if pj != nil && pj.Scenario == name && pj.Baseline == p.Baseline && pj.Horizon == p.Horizon {
			return pj
		}
	}
	return nil
}

// columnOf is what the side by side reads of one column: the totals of
// its projection, and at(j), a projection holding the month of points[j]
// for its demand. One made already is used; otherwise only the totals and
// those months are kept (a national scenario's whole projection is 60 MB).
func columnOf(p *Plan, name string, made []*Projection, points []Month) (*Projection, func(j int) *Projection, error) {
	if pj := madeOf(p, name, made); pj != nil {
		return pj, func(int) *Projection { return pj }, nil
	}
	m, err := newModel(p, name, nil)
	if err != nil {
		return nil, nil, err
	}
	if err := m.checkSize(); err != nil {
		return nil, nil, err
	}
	idx := make([]int, len(points))
	for j, pt := range points {
		idx[j] = int(pt - p.Baseline)
	}
	pj, at := m.totalsOf(name, idx)
	return pj, func(j int) *Projection { return at[j] }, nil
}

// demandPoints is every month of an access target's points after the
// baseline and up to the horizon, in order, each once.
func demandPoints(p *Plan) []Month {
	seen := map[Month]bool{}
	var out []Month
	for _, d := range p.Demand {
		for _, pt := range d.PeoplePerYear {
			if pt.Month > p.Baseline && pt.Month <= p.Horizon && !seen[pt.Month] {
				seen[pt.Month] = true
				out = append(out, pt.Month)
			}
		}
	}
	slices.Sort(out)
	return out
}

// Figure writes a comparison's value in its unit for people: WTE to one
// decimal (whole when short), pounds whole (£1.2m when short), people
// whole, chances as 55 % (differences in points), a difference with its
// sign. The window and the report both write figures with it.
func Figure(unit string, v float64, diff, short bool) string {
	write := func(v float64) string {
		return figure(unit, v, diff, short)
	}
	if diff {
		return format.Signed(v, write)
	}
	return write(v)
}

func figure(unit string, v float64, diff, short bool) string {
	var s string
	switch unit {
	case UnitPounds:
		s = format.Pounds(v)
		if short {
			s = format.PoundsShort(v)
		}
	case UnitPercent:
		s = format.Percent(v)
		if diff {
			s = format.Fixed(v, 1) + " points"
			if short {
				s = format.Whole(v) + " pts"
			}
		}
	case UnitPeople: // whole; the row's label says they are people (a report's narrow column has no room for the word)
		s = format.Whole(v)
	default:
		s = format.WTE(v)
		if short {
			s = format.Whole(v) + " WTE"
		}
	}
	return s
}

// CompareBands draws the band of the plan and of each scenario, in the
// order of Compare's columns, when the plan has an uncertainty band;
// nil when it has none (a band of no uncertainty is the projection
// itself, and says nothing about chance).
func CompareBands(ctx context.Context, p *Plan, runs int, seed int64) ([]*Band, error) {
	if p.Uncertainty == nil {
		return nil, nil
	}
	names := []string{""}
	for _, sc := range p.Scenarios {
		names = append(names, sc.Name)
	}
	bands := make([]*Band, len(names))
	for k, name := range names {
		b, err := MakeBand(ctx, p, name, runs, seed, nil)
		if err != nil {
			return nil, err
		}
		bands[k] = b
	}
	return bands, nil
}

// milestonesIn is the plan's milestones after the baseline and up to
// the horizon; with none, the horizon.
func milestonesIn(p *Plan) []Month {
	var out []Month
	for _, m := range p.Trajectory.Milestones {
		if m.Month > p.Baseline && m.Month <= p.Horizon {
			out = append(out, m.Month)
		}
	}
	if out == nil {
		out = []Month{p.Horizon}
	}
	return out
}

// addMilestones adds, at each milestone, the workforce, the target, the
// gap and (with bands) the chance of being on track.
func (c *Comparison) addMilestones(p *Plan, pjs []*Projection, bands []*Band) {
	for _, m := range milestonesIn(p) {
		i := int(m - p.Baseline)
		c.add(MeasureWorkforce, m.String(), "Workforce, "+m.Label(), UnitWTE, func(k int) float64 { return pjs[k].Total[i].Workforce })
		c.add(MeasureTarget, m.String(), "Target, "+m.Label(), UnitWTE, func(k int) float64 { return pjs[k].Target[i] })
		c.add(MeasureGap, m.String(), "Gap to the target, "+m.Label(), UnitWTE, func(k int) float64 { return pjs[k].Gap[i] })
		if bands != nil {
			c.add(MeasureChance, m.String(), "Chance of being on track, "+m.Label(), UnitPercent,
				func(k int) float64 { return bands[k].OnTrack[i] * 100 })
		}
	}
}

// addAtJudged adds the qualifiers lost to the plan from the baseline to
// the judged month, and the vacancies then.
func (c *Comparison) addAtJudged(pjs []*Projection) {
	at := pjs[0].Index(c.At)
	c.add(MeasureUnplaced, c.At.String(), "Unplaced qualifiers to "+c.At.Label(), UnitWTE, func(k int) float64 {
		sum := 0.0
		for i := 1; i <= at; i++ {
			sum += pjs[k].Total[i].Unplaced
		}
		return sum
	})
	c.add(MeasureVacancies, c.At.String(), "Vacancies, "+c.At.Label(), UnitWTE, func(k int) float64 { return pjs[k].Total[at].Vacancies })
}

// addPayCost adds the pay cost of each financial year.
func (c *Comparison) addPayCost(pjs []*Projection) {
	years := make([][]Year, len(pjs))
	for k, pj := range pjs {
		years[k] = pj.TotalYears()
	}
	for y, year := range years[0] {
		c.add(MeasurePayCost, year.Label(), "Pay cost, "+year.Label(), UnitPounds, func(k int) float64 { return years[k][y].PayCost })
	}
}

// add adds a row, each column's value from value(column).
func (c *Comparison) add(measure, when, label, unit string, value func(k int) float64) {
	r := ComparisonRow{Measure: measure, When: when, Label: label, Unit: unit,
		Values: make([]float64, len(c.Columns)), Diffs: make([]float64, len(c.Columns))}
	for k := range r.Values {
		r.Values[k] = value(k)
		r.Diffs[k] = r.Values[k] - r.Values[0]
	}
	c.Rows = append(c.Rows, r)
}
