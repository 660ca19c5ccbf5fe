package report

import (
	"fmt"
	"strconv"
	"strings"

	"example.org/psyplan/format"
	"example.org/psyplan/plan"
)

// The pages of demand.md: the people a year each service area's staff can
// treat against its access target, and the pay bill against the budget.

const (
	demandTitle = "Demand and capacity"
	budgetTitle = "Pay bill against the budget"
)

// demandBlock is one service area's table on the page "Demand and
// capacity": a row for each month shown.
type demandBlock struct {
	area string
	rows [][]string
}

var (
	demandWidths = []float64{34, 36, 36, 34, 63, 32, 34}
	demandAligns = "LRRRLRR"
	demandHeader = []string{"When", "People to treat a year", "Staff can treat a year", "Short by (people)",
		"Limited by (scarcest profession)", "It needs (WTE)", "It has in post (WTE)"}
)

// demandMonths are the months the page shows: when the plan is judged
// against its trajectory, and the horizon.
func demandMonths(p *plan.Plan, pr *plan.Projection) []plan.Month {
	at := p.JudgedAt(pr.Horizon)
	if at == pr.Horizon {
		return []plan.Month{at}
	}
	return []plan.Month{at, pr.Horizon}
}

// demandBlocks are the page's tables, one per service area in the demand
// table's order: at each month, the target, the people its staff in post
// can treat at its mix, the people short, and the profession that limits
// it (the one whose staff can treat the fewest) with the WTE it needs and
// has.
func demandBlocks(p *plan.Plan, dt *plan.DemandTable, months []plan.Month) []demandBlock {
	var blocks []demandBlock
	index := map[string]int{}
	for _, m := range months {
		i := dt.Index(m)
		if i < 0 {
			continue
		}
		var limit *plan.DemandRow
		for k := range dt.Months[i] {
			row := &dt.Months[i][k]
			if row.ServiceArea == plan.TotalWord {
				continue
			}
			if !row.Total() {
				if limit == nil || row.CapacityPeople < limit.CapacityPeople {
					limit = row
				}
				continue
			}
			b, ok := index[row.ServiceArea]
			if !ok {
				b = len(blocks)
				index[row.ServiceArea] = b
				blocks = append(blocks, demandBlock{area: row.ServiceArea})
			}
			cells := []string{m.Label(), format.Whole(row.PeoplePerYear), format.Whole(row.CapacityPeople), short(row.ShortfallPeople), "–", "–", "–"}
			if limit != nil {
				cells[4], cells[5], cells[6] = name(p, limit.Profession), format.WTE(limit.NeededWTE), format.WTE(limit.AvailableWTE)
			}
			blocks[b].rows = append(blocks[b].rows, cells)
			limit = nil
		}
	}
	return blocks
}

// short is a shortfall of people a year in words.
func short(x float64) string {
	if x <= 1e-9 {
		return "none"
	}
	return format.Whole(x)
}

// demandSentence says the whole plan's position at month index i.
func demandSentence(dt *plan.DemandTable, i int) string {
	all := dt.Overall(i)
	m := dt.Month(i).Label()
	if all.ShortfallPeople <= 1e-9 {
		return fmt.Sprintf("In %s the staff in post can treat every service area's target: %s people a year in all.",
			m, format.Whole(all.PeoplePerYear))
	}
	return fmt.Sprintf("In %s the service areas must treat %s people a year; %s of them would go untreated where a service area is short.",
		m, format.Whole(all.PeoplePerYear), format.Whole(all.ShortfallPeople))
}

// demandPage is the page "Demand and capacity", for a plan with access
// targets: a table per service area, kept whole on a page.
func (r *writer) demandPage() {
	if len(r.p.Demand) == 0 {
		return
	}
	dt, err := plan.MakeDemand(r.p, r.pr)
	if err != nil {
		r.pdf.SetError(err)
		return
	}
	pdf := r.pdf
	months := demandMonths(r.p, r.pr)
	pdf.AddPage()
	r.heading(demandTitle)
	r.font("", 10)
	when := months[0].Label() + ", when the plan is judged against its trajectory"
	if len(months) > 1 {
		when += ", and at its horizon, " + months[1].Label()
	}
	pdf.MultiCell(0, 5, "The people each service area must treat in a year (its access target) against the people its staff in post "+
		"can treat, given the hours of care each person takes and which professions give them. The profession in shortest supply "+
		"limits the whole service: its WTE needed and in post are shown. Trainees are not counted. At "+when+".", "", "L", false)
	pdf.Ln(1)
	r.font("B", 10)
	var said []string
	short := false
	for _, m := range months {
		said = append(said, demandSentence(dt, dt.Index(m)))
		short = short || dt.Overall(dt.Index(m)).ShortfallPeople > 1e-9
	}
	if short {
		said = append(said, "Spare capacity in one service area cannot treat another's people.")
	}
	pdf.MultiCell(0, 5, strings.Join(said, " "), "", "L", false)
	pdf.Ln(2)
	r.headerRow(demandWidths, demandAligns, demandHeader)
	for _, b := range demandBlocks(r.p, dt, months) {
		r.font("", 9)
		need := 7.0 // a block is kept whole on a page
		for _, row := range b.rows {
			need += r.rowHeight(demandWidths, row, 6)
		}
		if pdf.GetY()+need > pageH-r.bottom() {
			r.continued()
			r.headerRow(demandWidths, demandAligns, demandHeader)
		}
		r.font("B", 9)
		pdf.MultiCell(0, 7, b.area, "", "L", false)
		for _, row := range b.rows {
			r.font("", 9)
			r.tableRow(demandWidths, demandAligns, demandHeader, row)
		}
	}
}

var (
	budgetWidths = []float64{40, 24, 40, 40, 40, 85}
	budgetAligns = "LRRRRL"
	budgetHeader = []string{"Financial year", "Months", "Pay bill", "Budget for pay", "Headroom", ""}
)

// budgetRows are the rows of the page "Pay bill against the budget", and
// which of them are over budget.
func budgetRows(rows []plan.BudgetRow) ([][]string, []bool) {
	out := make([][]string, len(rows))
	over := make([]bool, len(rows))
	for i, b := range rows {
		cells := []string{b.Label(), strconv.Itoa(b.Months), format.PoundsShort(b.PayCost), "no budget", "–", ""}
		if b.Budget != nil {
			cells[3], cells[4] = format.PoundsShort(*b.Budget), format.PoundsShort(*b.Headroom)
			if *b.Headroom < 0 {
				over[i] = true
				cells[5] = "Over budget by " + format.PoundsShort(-*b.Headroom)
			}
		}
		out[i] = cells
	}
	return out, over
}

// budgetSentence says in which years the pay bill is over budget.
func budgetSentence(rows []plan.BudgetRow) string {
	var over []string
	with := 0
	for _, b := range rows {
		if b.Budget == nil {
			continue
		}
		with++
		if *b.Headroom < 0 {
			over = append(over, b.Label())
		}
	}
	switch {
	case with == 0:
		return "The plan gives no budget for the financial years of the projection."
	case len(over) == 0:
		return "The pay bill is within budget in every year with a budget."
	}
	years := strings.Join(over, ", ")
	if n := len(over); n > 1 {
		years = strings.Join(over[:n-1], ", ") + " and " + over[n-1]
	}
	return fmt.Sprintf("The pay bill is over budget in %d of the %d years with a budget: %s.", len(over), with, years)
}

// budgetPage is the page "Pay bill against the budget", for a plan with
// a budget: each financial year's pay bill, budget and headroom, the
// years over budget marked in red.
func (r *writer) budgetPage() {
	if len(r.p.Budget) == 0 {
		return
	}
	pdf := r.pdf
	rows := plan.MakeBudget(r.p, r.pr)
	pdf.AddPage()
	r.heading(budgetTitle)
	r.font("", 10)
	prices := "in baseline prices"
	if r.p.PayUpliftPctPerYear != 0 {
		prices = r.p.PriceBase()
	}
	pdf.MultiCell(0, 5, "The projected pay bill each NHS financial year (April to March) for staff in post and salaried trainees, "+
		prices+", against the money for pay. Headroom is the budget left after the pay bill; a year the "+
		"projection covers only in part counts only its months in the projection.", "", "L", false)
	pdf.Ln(1)
	r.font("B", 10)
	pdf.MultiCell(0, 5, budgetSentence(rows), "", "L", false)
	pdf.Ln(2)
	cells, over := budgetRows(rows)
	r.headerRow(budgetWidths, budgetAligns, budgetHeader)
	for i, row := range cells {
		r.font("", 9)
		if over[i] {
			r.font("B", 9)
			pdf.SetTextColor(180, 0, 0)
		}
		r.tableRow(budgetWidths, budgetAligns, budgetHeader, row)
		pdf.SetTextColor(30, 30, 30)
	}
}
