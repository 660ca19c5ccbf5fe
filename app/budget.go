package app

import (
	"fmt"
	"strings"

	"example.org/psyplan/format"
	"example.org/psyplan/plan"
)

// newBudgetTable is the plan's budget for pay: one row per NHS financial
// year (demand.md's budget[]).
func newBudgetTable(ui *UI) *recordTable {
	return newRecordTable(ui, &records{
		noun: "budget year", list: "budget",
		count: func(p *plan.Plan) int { return len(p.Budget) },
		columns: []column{
			{title: "Financial year", field: "financial_year", width: 130, hint: "for example 2024/25",
				value: func(p *plan.Plan, i int) string { return plan.FinancialYearLabel(p.Budget[i].Year) },
				set: func(p *plan.Plan, i int, t string) error {
					y, err := parseFinancialYear(t)
					p.Budget[i].Year = y
					return err
				}},
			{title: "Budget for pay (£)", field: "gbp", width: 180, hint: "for example 152,000,000",
				value: func(p *plan.Plan, i int) string { return num(p.Budget[i].GBP) },
				show:  func(p *plan.Plan, i int) string { return format.Pounds(p.Budget[i].GBP) },
				set:   setFloat(func(p *plan.Plan, i int) *float64 { return &p.Budget[i].GBP })},
		},
		add: func(p *plan.Plan) error {
			b := plan.BudgetYear{Year: financialYearOf(p.Baseline.Add(1))}
			if n := len(p.Budget); n > 0 {
				b = p.Budget[n-1]
				b.Year++
			}
			p.Budget = append(p.Budget, b)
			return nil
		},
		remove: func(p *plan.Plan, i int) { p.Budget = append(p.Budget[:i], p.Budget[i+1:]...) },
	})
}

// financialYearOf is the NHS financial year (April to March) month m is
// in, named by the year it starts in.
func financialYearOf(m plan.Month) int {
	if m.MonthNumber() >= 4 {
		return m.Year()
	}
	return m.Year() - 1
}

// parseFinancialYear reads "2024/25" (as the plan file writes it),
// "2024-25" or "2024/2025".
func parseFinancialYear(text string) (int, error) {
	t := strings.TrimSpace(text)
	if t == "" {
		return 0, fmt.Errorf("a financial year is needed here, such as 2024/25")
	}
	t = strings.ReplaceAll(t, "-", "/")
	if len(t) == 9 && t[4] == '/' { // 2024/2025
		t = t[:5] + t[7:]
	}
	return plan.ParseFinancialYear(t)
}
