package report

import (
	"example.org/psyplan/plan"
)

// perPage is how many scenarios fit beside the plan on one page; more go
// on further pages, the plan's column repeated.
const perPage = 4

// comparePage is the board's page: the plan and its scenarios side by
// side (plan.Compare), each scenario with its difference from the plan.
// A plan with no scenarios has no such page.
func (r *writer) comparePage() {
	if len(r.p.Scenarios) == 0 {
		return
	}
	c, err := plan.Compare(r.p, nil)
	if err != nil {
		r.pdf.SetError(err)
		return
	}
	for from := 1; from < len(c.Columns); from += perPage {
		to := min(from+perPage, len(c.Columns))
		r.pdf.AddPage()
		r.heading("The options side by side: the plan and its scenarios")
		r.pdf.SetFont(font, "", 9)
		r.pdf.MultiCell(0, 5, "Each scenario beside the plan, with its difference from the plan (+ more, - less). "+
			"Unplaced qualifiers are counted to "+c.At.Label()+"; pay cost is per NHS financial year.", "", "L", false)
		r.pdf.Ln(2)
		header, rows := comparisonRows(c, from, to)
		widths := []float64{86, 24}
		for len(widths) < len(header) {
			widths = append(widths, (pageW-2*margin-110)/float64(2*perPage))
		}
		r.table(widths, header, rows)
	}
}

// comparisonRows is the table of scenarios from to to (excluded): the
// figure, the plan, then each scenario and its difference.
func comparisonRows(c *plan.Comparison, from, to int) ([]string, [][]string) {
	header := []string{"Figure", c.Columns[0]}
	for k := from; k < to; k++ {
		header = append(header, c.Columns[k], "vs the plan")
	}
	rows := make([][]string, len(c.Rows))
	for i, r := range c.Rows {
		row := []string{r.Label, figure(r.Unit, r.Values[0], false)}
		for k := from; k < to; k++ {
			row = append(row, figure(r.Unit, r.Values[k], false), figure(r.Unit, r.Diffs[k], true))
		}
		rows[i] = row
	}
	return header, rows
}

// figure writes a value in its unit, short enough for a narrow column
// (plan.Figure, short).
func figure(unit string, v float64, diff bool) string { return plan.Figure(unit, v, diff, true) }
