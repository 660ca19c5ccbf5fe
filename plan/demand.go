package plan

import (
	"errors"
	"fmt"
	"math"
	"sort"
)

// This file is demand.md: the people a year the workforce can treat
// against each service area's access target, and the pay bill against
// the budget. Both read a projection and never change it.

// PeopleAt is the access target at month m: the first point's people
// before it, the last point's after it, linear in months in between.
func (d *Demand) PeopleAt(m Month) float64 {
	pts := d.PeoplePerYear
	if len(pts) == 0 {
		return 0
	}
	if m <= pts[0].Month {
		return pts[0].People
	}
	for i := 1; i < len(pts); i++ {
		if m <= pts[i].Month {
			a, b := pts[i-1], pts[i]
			return a.People + float64(m-a.Month)/float64(b.Month-a.Month)*(b.People-a.People)
		}
	}
	return pts[len(pts)-1].People
}

// DemandRow is one row of the demand table: a profession of a service
// area's mix, the service area's row (Profession TotalWord), or the plan's
// row (both TotalWord).
type DemandRow struct {
	ServiceArea     string
	Profession      string
	PeoplePerYear   float64
	NeededWTE       float64
	AvailableWTE    float64
	GapWTE          float64 // available - needed: negative is short
	CapacityPeople  float64 // people a year the staff in post can treat at the mix
	ShortfallPeople float64 // max(0, target - capacity); only on TotalWord rows
}

// Total tells whether the row is a service area's or the plan's total.
func (r *DemandRow) Total() bool { return r.Profession == TotalWord }

// DemandTable is the demand table of a projection: for each month from
// the baseline to the horizon, the rows in the contract's order.
type DemandTable struct {
	Scenario string
	Baseline Month
	Months   [][]DemandRow // Months[i] is month Baseline+i
}

// Month is the calendar month of index i.
func (dt *DemandTable) Month(i int) Month { return dt.Baseline + Month(i) }

// Index is the index of month m, or -1 outside the table.
func (dt *DemandTable) Index(m Month) int {
	if m < dt.Baseline || int(m-dt.Baseline) >= len(dt.Months) {
		return -1
	}
	return int(m - dt.Baseline)
}

// Overall is the plan's row (service area and profession TotalWord) at
// month index i.
func (dt *DemandTable) Overall(i int) DemandRow {
	rows := dt.Months[i]
	return rows[len(rows)-1]
}

// ErrNoDemand is the error for a plan with no access targets.
var ErrNoDemand = fmt.Errorf("the plan has no access targets (demand): add them on the Demand tab, or in the plan file's \"demand\"")

// demandPart is one profession of one entry's mix, ready to work out.
type demandPart struct {
	profession string
	share      float64 // per cent
	hours      float64 // clinical hours per WTE a year
	line       int     // the projection's line, or -1
	perPerson  float64 // the profession's hours of one person's care: hours_per_person x share / 100
}

// MakeDemand works out the demand table of the plan's projection pj (of
// the plan or of one of its scenarios: the demand is always the plan's).
func MakeDemand(p *Plan, pj *Projection) (*DemandTable, error) {
	return makeDemand(p, pj, pj.Baseline, pj.Horizon)
}

// DemandAt is the demand table of month m alone (a table whose only month
// is m): what a sentence or a comparison reads at one month, without
// working out every other.
func DemandAt(p *Plan, pj *Projection, m Month) (*DemandTable, error) {
	if pj.Index(m) < 0 {
		return nil, fmt.Errorf("%s is outside the projection's months %s to %s", m, pj.Baseline, pj.Horizon)
	}
	return makeDemand(p, pj, m, m)
}

// makeDemand works out the demand table's months from to last.
func makeDemand(p *Plan, pj *Projection, from, last Month) (*DemandTable, error) {
	if len(p.Demand) == 0 {
		return nil, ErrNoDemand
	}
	if pj.ByProfession {
		return nil, errors.New("the demand table needs each service area's lines, and this projection has only each profession's sums")
	}
	keys := make([]LineKey, len(pj.Lines))
	for i := range pj.Lines {
		keys[i] = pj.Lines[i].Key
	}
	entries, parts := demandParts(p, keys)
	n := int(last-from) + 1
	dt := &DemandTable{Scenario: pj.Scenario, Baseline: from, Months: make([][]DemandRow, n)}
	rowsPerMonth := len(entries) + 1
	for _, ps := range parts {
		rowsPerMonth += len(ps)
	}
	all := make([]DemandRow, n*rowsPerMonth)
	inPost, col := mixInPost(pj, parts, pj.Index(from), n)
	for k := 0; k < n; k++ {
		rows := all[k*rowsPerMonth : k*rowsPerMonth : (k+1)*rowsPerMonth]
		overall := DemandRow{ServiceArea: TotalWord, Profession: TotalWord}
		i := pj.Index(from + Month(k))
		available := func(li int) float64 { return inPost[col[li]*n+k] }
		for e, d := range entries {
			var area DemandRow
			rows, area = demandRows(rows, d, parts[e], pj.Month(i), available)
			overall.add(area)
		}
		dt.Months[k] = append(rows, overall)
	}
	return dt, nil
}

// mixInPost copies the staff in post of every line a mix names, n months
// from month index first, line by line: read month by month instead, each
// figure is in another part of memory, and waiting for them took most of
// the table's time. inPost[col[line]*n+k] is the line's at month first+k.
func mixInPost(pj *Projection, parts [][]demandPart, first, n int) (inPost []float64, col []int) {
	col = make([]int, len(pj.Lines))
	var lines []int
	for _, ps := range parts {
		for _, pt := range ps {
			if pt.line >= 0 && col[pt.line] == 0 {
				lines = append(lines, pt.line)
				col[pt.line] = len(lines) // one more than its place, for now
			}
		}
	}
	inPost = make([]float64, len(lines)*n)
	for c, li := range lines {
		col[li] = c
		l := &pj.Lines[li]
		for k := range n {
			inPost[c*n+k] = l.inPostAt(first + k)
		}
	}
	return inPost, col
}

// demandParts sorts the entries by service area and each mix by
// profession id, finding each profession's line among the lines keys.
func demandParts(p *Plan, keys []LineKey) ([]*Demand, [][]demandPart) {
	lines := make(map[LineKey]int, len(keys))
	for i, k := range keys {
		lines[k] = i
	}
	entries := make([]*Demand, len(p.Demand))
	for i := range p.Demand {
		entries[i] = &p.Demand[i]
	}
	sort.Slice(entries, func(a, b int) bool { return entries[a].ServiceArea < entries[b].ServiceArea })
	parts := make([][]demandPart, len(entries))
	for k, d := range entries {
		for _, s := range d.Mix {
			part := demandPart{profession: s.Profession, share: s.SharePct, line: -1, perPerson: d.HoursPerPerson * s.SharePct / 100}
			if prof := p.Profession(s.Profession); prof != nil && prof.ClinicalHoursPerWTE != nil {
				part.hours = *prof.ClinicalHoursPerWTE
			}
			if li, ok := lines[LineKey{s.Profession, d.ServiceArea}]; ok {
				part.line = li
			}
			parts[k] = append(parts[k], part)
		}
		sort.Slice(parts[k], func(a, b int) bool { return parts[k][a].profession < parts[k][b].profession })
	}
	return entries, parts
}

// demandRows appends one entry's profession rows and its total row at
// month m (rules 1 to 7 of demand.md), with available(line) the line's
// staff in post then, and returns the total.
func demandRows(rows []DemandRow, d *Demand, parts []demandPart, m Month, available func(line int) float64) ([]DemandRow, DemandRow) {
	people := d.PeopleAt(m)
	hours := people * d.HoursPerPerson // the first product of rule 1, the same for each profession
	area := DemandRow{ServiceArea: d.ServiceArea, Profession: TotalWord, PeoplePerYear: people, CapacityPeople: math.Inf(1)}
	for _, pt := range parts {
		r := DemandRow{ServiceArea: d.ServiceArea, Profession: pt.profession, PeoplePerYear: people}
		r.NeededWTE = hours * pt.share / 100 / pt.hours
		if pt.line >= 0 {
			r.AvailableWTE = available(pt.line)
		}
		r.GapWTE = r.AvailableWTE - r.NeededWTE
		r.CapacityPeople = r.AvailableWTE * pt.hours / pt.perPerson
		area.NeededWTE += r.NeededWTE
		area.AvailableWTE += r.AvailableWTE
		area.GapWTE += r.GapWTE
		area.CapacityPeople = min(area.CapacityPeople, r.CapacityPeople)
		rows = append(rows, r)
	}
	if len(parts) == 0 { // only an invalid plan has an empty mix
		area.CapacityPeople = 0
	}
	area.ShortfallPeople = max(0, people-area.CapacityPeople)
	return append(rows, area), area
}

func (r *DemandRow) add(o DemandRow) {
	r.PeoplePerYear += o.PeoplePerYear
	r.NeededWTE += o.NeededWTE
	r.AvailableWTE += o.AvailableWTE
	r.GapWTE += o.GapWTE
	r.CapacityPeople += o.CapacityPeople
	r.ShortfallPeople += o.ShortfallPeople
}

// inPostAt is the line's staff in post at month index i.
func (l *Line) inPostAt(i int) float64 {
	if l.rows != nil {
		return l.rows[i].InPost
	}
	return l.months[i].inPost
}

// Constraint is the profession that limits the service most at month
// index i: the profession row whose staff can treat the smallest share of
// its service's target (the first in the table's order on a tie), and
// false when no service has a target above 0 then.
func (dt *DemandTable) Constraint(i int) (DemandRow, bool) {
	var best DemandRow
	bestShare, found := 0.0, false
	for _, r := range dt.Months[i] {
		if r.Total() || r.PeoplePerYear <= 0 {
			continue
		}
		if share := r.CapacityPeople / r.PeoplePerYear; !found || share < bestShare {
			best, bestShare, found = r, share, true
		}
	}
	return best, found
}

// DemandYears is the yearly view of the demand table: every figure at
// each financial year's last month inside the projection (they are rates
// and stocks, not flows), for the years of the projection's yearly view.
func (dt *DemandTable) DemandYears(pj *Projection) []DemandYear {
	var out []DemandYear
	for _, y := range pj.TotalYears() {
		if i := dt.Index(y.Last); i >= 0 {
			out = append(out, DemandYear{Start: y.Start, Last: y.Last, Rows: dt.Months[i]})
		}
	}
	return out
}

// DemandYear is one financial year of the demand table.
type DemandYear struct {
	Start int
	Last  Month
	Rows  []DemandRow
}

// BudgetRow is one financial year of the budget table.
type BudgetRow struct {
	Year    int     // the calendar year it starts in
	Months  int     // months after the baseline whose pay cost is summed
	PayCost float64 // pounds over those months
	Budget  *float64
	// Headroom is Budget - PayCost (negative: over budget); nil with no budget.
	Headroom *float64
}

// Label is the year as "2024/25".
func (b BudgetRow) Label() string { return FinancialYearLabel(b.Year) }

// MakeBudget works out the budget table: for every financial year of the
// projection's yearly view, the pay bill against the plan's budget.
func MakeBudget(p *Plan, pj *Projection) []BudgetRow {
	budget := make(map[int]float64, len(p.Budget))
	for _, b := range p.Budget {
		budget[b.Year] = b.GBP
	}
	var out []BudgetRow
	for _, y := range pj.TotalYears() {
		r := BudgetRow{Year: y.Start, PayCost: y.PayCost}
		first := max(MonthOf(y.Start, 4), pj.Baseline+1)
		r.Months = int(y.Last-first) + 1
		if g, ok := budget[y.Start]; ok {
			h := g - y.PayCost
			r.Budget, r.Headroom = &g, &h
		}
		out = append(out, r)
	}
	return out
}
