package workbook

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/xuri/excelize/v2"

	"example.org/psyplan/plan"
	"example.org/psyplan/projtable"
)

// The sheets of a roll-up's workbook. It is never read back.
const (
	sheetRollup      = "Roll-up"
	sheetRollupMonth = "By month"
	sheetRollupPlans = "Plans"
)

// Rollup is a roll-up to write: its name, its projection and, when the
// workbook is to hold the region's demand and budget, its plans.
type Rollup struct {
	Name       string
	Projection *plan.RollupProjection
	Members    []plan.RollupMember // nil: no demand or budget sheets
	Today      plan.Month          // judged at the first milestone from it
}

// Check refuses a roll-up that cannot be written, naming why: no
// projection, a name a plan could not have, a figure not finite.
func (r Rollup) Check() error {
	if msg := plan.NameProblem(r.Name); msg != "" {
		return fmt.Errorf("the roll-up's name %s: change it to export", msg)
	}
	if r.Projection == nil {
		return fmt.Errorf("the roll-up %q has not been added up", r.Name)
	}
	if !projtable.Finite(&r.Projection.Projection) {
		return projtable.ErrNotFinite
	}
	return nil
}

// WriteRollup writes a roll-up as a workbook: the headline and each
// plan's gap, the region by month (with the plans counting nothing in
// that month), each plan's months, and the region's demand and budget
// when its plans have them.
func WriteRollup(out io.Writer, r Rollup) error {
	if err := r.Check(); err != nil {
		return err
	}
	f := excelize.NewFile(excelize.Options{TmpDir: noTempFiles})
	defer f.Close()
	w := newWriter(f)
	rp := r.Projection
	w.rollupHeadline(r)
	header := []string{"Month", "Workforce (WTE)", "In post (WTE)", "Trajectory (WTE)", "Gap (WTE)", "Plans counting nothing"}
	w.sheet(sheetRollupMonth, tableXML(header, len(rp.Total), func(i int) []any {
		return []any{rp.Month(i).String(), rp.Total[i].Workforce, rp.Total[i].InPost, rp.Target[i], rp.Gap[i],
			strings.Join(rp.Absent(i), "; ")}
	}, 18, w.header))
	header = []string{"Plan", "Scenario", "Baseline", "Horizon", "Judged at", "Base (WTE)"}
	w.sheet(sheetRollupPlans, tableXML(header, len(rp.Members), func(i int) []any {
		m := rp.Members[i]
		return []any{m.Name, m.Scenario, m.Baseline.String(), m.Horizon.String(), m.JudgedAt.String(), m.Base}
	}, 18, w.header))
	if r.Members != nil {
		w.rollupDemand(r.Members, rp)
		w.rollupBudget(r.Members, rp)
	}
	return w.writeTo(out)
}

// rollupHeadline is the first sheet: the region against its trajectory,
// then each plan's gap, most behind first, then the notes on months a
// plan does not cover.
func (w *writer) rollupHeadline(r Rollup) {
	rp := r.Projection
	s := rp.Summarise(r.Today)
	w.firstSheet(sheetRollup)
	rows := [][]any{
		{"Roll-up", r.Name},
		{"Judged at", s.At.String()},
		{"Workforce (WTE)", s.Projected},
		{"Trajectory (WTE)", s.Target},
		{"Gap (WTE)", s.Gap},
		{},
		{"Plan (most behind first)", "Workforce (WTE)", "Trajectory (WTE)", "Gap (WTE)", "Gap %"},
	}
	const tableAt = 7 // the row of the plans' header
	for _, g := range rp.GapsAt(s.At) {
		rows = append(rows, []any{g.Name, g.Workforce, g.Target, g.Gap, g.GapPct})
	}
	rows = append(rows, []any{})
	for _, n := range rp.Notes() {
		rows = append(rows, []any{n})
	}
	for i, row := range rows {
		for c, v := range row {
			w.cell(sheetRollup, columnName(c)+fmt.Sprint(i+1), v)
		}
	}
	w.style(sheetRollup, "A1", "A5")
	w.style(sheetRollup, fmt.Sprintf("A%d", tableAt), fmt.Sprintf("E%d", tableAt))
	w.width(sheetRollup, "A", "A", 36)
	w.width(sheetRollup, "B", "E", 18)
}

// rollupDemand is the region's demand, month by month: the sum of its
// plans' ALL/ALL demand rows, each plan in its own months (demand.md).
// None when no plan has access targets.
func (w *writer) rollupDemand(members []plan.RollupMember, rp *plan.RollupProjection) {
	if w.err != nil {
		return
	}
	demand, err := plan.RollupDemand(members, rp)
	if err != nil || demand == nil {
		w.keep(err)
		return
	}
	for _, d := range demand {
		if !finite(d.PeoplePerYear, d.NeededWTE, d.AvailableWTE, d.GapWTE, d.CapacityPeople, d.ShortfallPeople) {
			w.keep(projtable.ErrNotFinite)
			return
		}
	}
	header := []string{"Month", "People a year (access targets)", "WTE needed", "WTE in post", "Gap (WTE)",
		"People a year the staff can treat", "People short"}
	w.sheet(sheetDemand, tableXML(header, len(demand), func(i int) []any {
		d := demand[i]
		return []any{rp.Month(i).String(), d.PeoplePerYear, d.NeededWTE, d.AvailableWTE, d.GapWTE, d.CapacityPeople, d.ShortfallPeople}
	}, 18, w.header))
}

// rollupBudget is the region's pay bill against its budget per financial
// year (blank in a year a plan has no budget for). None when no plan has
// a budget.
func (w *writer) rollupBudget(members []plan.RollupMember, rp *plan.RollupProjection) {
	budgeted := false
	for _, m := range members {
		budgeted = budgeted || len(m.Plan.Budget) > 0
	}
	if !budgeted {
		return
	}
	years := plan.RollupBudget(members, rp)
	for _, b := range years {
		if !finite(b.PayCost) {
			w.keep(projtable.ErrNotFinite)
			return
		}
	}
	header := []string{"Financial year", "Months", "Pay bill (£)", "Budget (£)", "Headroom (£)"}
	w.sheet(sheetBudget, tableXML(header, len(years), func(i int) []any {
		b := years[i]
		return []any{b.Label(), b.Months, b.PayCost, opt(b.Budget), opt(b.Headroom)}
	}, 18, w.header))
}

func finite(xs ...float64) bool {
	for _, x := range xs {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}
