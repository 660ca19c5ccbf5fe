package workbook

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"example.org/psyplan/format"
	"example.org/psyplan/plan"
	"example.org/psyplan/projtable"
)

// Version 3's sheets (demand.md): the access targets on Demand, one row
// per service area and month the target changes; the care they take on
// Demand mix, one row per service area and profession giving it; the
// money for pay on Budget, one row per financial year. Each says how to
// fill it in a note beside its table (a blank column between, so Excel's
// sort leaves the note alone); the reader reads only the table.

var demandNotes = []string{
	"How to fill this sheet",
	"One row for each service area and month its access target changes: the people a year entering treatment from that month on.",
	"Between two months the target changes evenly month by month; before the first month and after the last it stays as it is.",
	"A service area's rows may be in any order, each month once. Spell the service area exactly as on the Posts sheet.",
	"The hours of care each person takes, and which professions give them, are on the sheet Demand mix.",
	"Leave the sheet empty for a plan with no access targets.",
}

var demandMixNotes = []string{
	"How to fill this sheet",
	"One row for each service area and profession giving its care; every service area on the Demand sheet needs rows here.",
	"Hours of care per person: clinical hours, all professions together, of one person's course of care (above 0, at most 1,000).",
	"Give the hours on every row of the service area (the same number) or on one of them, the others blank.",
	"Profession: its id on the Professions sheet, where it needs its clinical hours per WTE a year.",
	"Share of the hours %: the part of the hours that profession gives; a service area's shares add up to 100.",
}

var budgetNotes = []string{
	"How to fill this sheet",
	"One row for each NHS financial year (April to March), written 2024/25: the money available for the year's pay bill, in pounds.",
	"The sheet By financial year sets the projected pay cost against it. Years outside the projection are kept but not shown.",
	"Leave the sheet empty for a plan with no budget.",
}

// notedTable writes a records sheet with notes beside it: notes[0] a
// heading on the header row, the rest one a row below it.
func (w *writer) notedTable(name string, cols []col, data [][]any, notes []string) {
	at := len(cols) + 1 // a blank column between
	header := append(titles(cols), make([]string, at-len(cols))...)
	header = append(header, notes[0])
	w.sheet(name, tableXML(header, max(len(data), len(notes)-1), func(i int) []any {
		row := make([]any, at+1)
		if i < len(data) {
			copy(row, data[i])
		}
		if i+1 < len(notes) {
			row[at] = notes[i+1]
		}
		return row
	}, 22, w.header))
}

// demandSheets writes the sheets Demand and Demand mix.
func (w *writer) demandSheets(p *plan.Plan) {
	var targets, mix [][]any
	for _, d := range p.Demand {
		for _, pt := range d.PeoplePerYear {
			targets = append(targets, []any{d.ServiceArea, pt.Month.String(), pt.People})
		}
		for _, s := range d.Mix {
			mix = append(mix, []any{d.ServiceArea, d.HoursPerPerson, s.Profession, s.SharePct})
		}
	}
	w.notedTable(sheetDemand, demandCols, targets, demandNotes)
	w.notedTable(sheetDemandMix, demandMixCols, mix, demandMixNotes)
}

// budgetSheet writes the sheet Budget.
func (w *writer) budgetSheet(p *plan.Plan) {
	rows := make([][]any, len(p.Budget))
	for i, b := range p.Budget {
		rows[i] = []any{plan.FinancialYearLabel(b.Year), b.GBP}
	}
	w.notedTable(sheetBudget, budgetCols, rows, budgetNotes)
}

// demandProjection writes the demand table by month (the columns of
// projtable.DemandHeader), for a plan with access targets: worked out, so
// not read back.
func (w *writer) demandProjection(p *plan.Plan, pr *plan.Projection) {
	if len(p.Demand) == 0 || w.err != nil {
		return
	}
	dt, err := plan.MakeDemand(p, pr)
	if err != nil {
		w.err = err
		return
	}
	perMonth := len(dt.Months[0]) // the same rows every month
	for _, rows := range dt.Months {
		for _, r := range rows {
			for _, x := range demandValues(&r) {
				if math.IsNaN(x) || math.IsInf(x, 0) {
					w.err = projtable.ErrNotFinite
					return
				}
			}
		}
	}
	w.sheet(sheetDemandProjection, tableXML(projtable.DemandHeader, len(dt.Months)*perMonth, func(i int) []any {
		m, r := i/perMonth, &dt.Months[i/perMonth][i%perMonth]
		v := demandValues(r)
		row := []any{dt.Month(m).String(), r.ServiceArea, r.Profession, v[0], v[1], v[2], v[3], v[4], v[5]}
		if !r.Total() {
			row[8] = nil // a profession row leaves the shortfall empty
		}
		return row
	}, 16, w.header))
}

// demandValues are a demand row's numbers in the header's order.
func demandValues(r *plan.DemandRow) [6]float64 {
	return [6]float64{r.PeoplePerYear, r.NeededWTE, r.AvailableWTE, r.GapWTE, r.CapacityPeople, r.ShortfallPeople}
}

// demandEntry is one service area's rows as read, before they become a
// plan.Demand.
type demandEntry struct {
	area     string
	first    int // its first row on Demand
	points   []readPoint
	months   map[plan.Month]int // a target's month -> its row
	mixFirst int                // its first row on Demand mix, 0 for none
	mix      []readShare
	hours    *float64
	hoursRow int
}

type readPoint struct {
	row int
	pt  plan.PeoplePoint
}

type readShare struct {
	row   int
	share plan.MixShare
}

// demand reads the sheets Demand and Demand mix into the plan's access
// targets, in the order their service areas first appear on Demand.
func (r *reader) demand(p *plan.Plan) {
	var entries []*demandEntry
	byArea := map[string]*demandEntry{}
	r.table(sheetDemand, demandCols, func(c *cells) {
		area := c.text(0)
		if c.blank(0) {
			c.bad(0, "a service area is needed here, as on the Posts sheet")
			return
		}
		e := byArea[area]
		if e == nil {
			e = &demandEntry{area: area, first: c.row, months: map[plan.Month]int{}}
			byArea[area] = e
			entries = append(entries, e)
		}
		m := c.month(1)
		if prev, ok := e.months[m]; ok && m != 0 {
			c.bad(1, "%s has a target from %s on row %d already: give each month once", format.Quote(area), m, prev)
		}
		e.months[m] = c.row
		e.points = append(e.points, readPoint{c.row, plan.PeoplePoint{Month: m, People: c.num(2)}})
	})
	r.table(sheetDemandMix, demandMixCols, func(c *cells) {
		area := c.text(0)
		e := byArea[area]
		switch {
		case c.blank(0):
			c.bad(0, "a service area is needed here, as on the Demand sheet")
			return
		case e == nil:
			c.bad(0, "%s has no access target on the sheet Demand: add its months and people a year there, or clear this row",
				format.Quote(area))
			return
		}
		if e.mixFirst == 0 {
			e.mixFirst = c.row
		}
		if h := c.optNum(1); h != nil {
			if e.hours == nil {
				e.hours, e.hoursRow = h, c.row
			} else if *h != *e.hours {
				c.bad(1, "%s hours, but row %d gives %s for %s: give a service area one number of hours (on every row, or on one)",
					plan.Num(*h), e.hoursRow, plan.Num(*e.hours), format.Quote(area))
			}
		}
		if c.blank(2) {
			c.bad(2, "a profession is needed here: its id, as on the Professions sheet")
		}
		e.mix = append(e.mix, readShare{c.row, plan.MixShare{Profession: c.text(2), SharePct: c.num(3)}})
	})
	for i, e := range entries {
		switch {
		case e.mixFirst == 0:
			r.fail(sheetDemand, e.first, 0, "", "%s has no rows on the sheet Demand mix: give the hours of care per person there, and the professions who give them",
				format.Quote(e.area))
			continue
		case e.hours == nil:
			r.fail(sheetDemandMix, e.mixFirst, 1, "", "the hours of care per person for %s are needed, on this row or another of the service area",
				format.Quote(e.area))
			continue
		}
		r.addDemand(p, fmt.Sprintf("demand[%d]", i), e)
	}
}

// addDemand adds an entry read whole to the plan, remembering where each
// of its values came from; its months may have been in any order.
func (r *reader) addDemand(p *plan.Plan, path string, e *demandEntry) {
	slices.SortStableFunc(e.points, func(a, b readPoint) int { return int(a.pt.Month) - int(b.pt.Month) })
	d := plan.Demand{ServiceArea: e.area, HoursPerPerson: *e.hours}
	r.places[path] = place{sheet: sheetDemand, row: e.first, cols: demandCols}
	for j, pt := range e.points {
		r.places[fmt.Sprintf("%s.people_per_year[%d]", path, j)] = place{sheet: sheetDemand, row: pt.row, cols: demandCols}
		d.PeoplePerYear = append(d.PeoplePerYear, pt.pt)
	}
	r.places[path+".hours_per_person"] = place{sheet: sheetDemandMix, row: e.hoursRow, cols: onlyColumn(demandMixCols, 1)}
	// the shares as a whole (adding up to 100) at the first one
	r.places[path+".mix"] = place{sheet: sheetDemandMix, row: e.mixFirst, cols: onlyColumn(demandMixCols, 3)}
	for k, s := range e.mix {
		r.places[fmt.Sprintf("%s.mix[%d]", path, k)] = place{sheet: sheetDemandMix, row: s.row, cols: demandMixCols}
		d.Mix = append(d.Mix, s.share)
	}
	p.Demand = append(p.Demand, d)
}

// onlyColumn is cols where a message about the record's path itself
// names column i.
func onlyColumn(cols []col, i int) []col {
	out := make([]col, len(cols))
	for k, c := range cols {
		out[k] = col{c.title, "\x00"}
	}
	out[i].field = ""
	return out
}

// budget reads the sheet Budget.
func (r *reader) budget(p *plan.Plan) {
	r.table(sheetBudget, budgetCols, func(c *cells) {
		r.remember(fmt.Sprintf("budget[%d]", len(p.Budget)), c)
		p.Budget = append(p.Budget, plan.BudgetYear{Year: c.financialYear(0), GBP: c.num(1)})
	})
}

// financialYear reads a financial year typed as text, "2024/25".
func (c *cells) financialYear(i int) int {
	v := c.vals[i]
	t := strings.TrimSpace(v.text)
	switch {
	case t == "":
		c.bad(i, "a financial year is needed here, such as 2024/25")
	case v.kind != textCell:
		c.bad(i, "%s is not a financial year: type it as text, such as 2024/25", format.Quote(t))
	default:
		y, err := plan.ParseFinancialYear(t)
		if err != nil {
			c.bad(i, "%v", err)
		}
		return y
	}
	return 0
}
