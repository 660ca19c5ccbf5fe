package report

import (
	"fmt"
	"strings"

	"example.org/psyplan/plan"
)

// perPage is how many scenarios fit beside the plan on one page; more go
// on further pages, the plan's column repeated.
const perPage = 4

// Column widths of the options page: the figure, the plan, then a value
// and its difference for each scenario.
const (
	figureW = 86.0
	planW   = 24.0
	optionW = (pageW - 2*margin - figureW - planW) / (2 * perPage)
)

// comparePage is the board's page: the plan and its scenarios side by
// side (plan.Compare), each scenario with its difference from the plan.
// A plan with no scenarios has no such page.
func (r *writer) comparePage() {
	c, err := r.work.comparison()
	if err != nil || c == nil {
		r.pdf.SetError(err)
		return
	}
	for from := 1; from < len(c.Columns); from += perPage {
		to := min(from+perPage, len(c.Columns))
		r.pdf.AddPage()
		r.heading("The options side by side: the plan and its scenarios")
		r.font("", 9)
		r.pdf.MultiCell(0, 5, "Each scenario beside the plan, with its difference from the plan (+ more, - less). "+
			"Unplaced qualifiers are counted to "+c.At.Label()+"; pay cost is per NHS financial year.", "", "L", false)
		header, rows := comparisonRows(c, from, to)
		if key := r.optionKey(c, from, to); key != nil {
			for i, k := range key {
				header[2+2*i] = k[0]
			}
			r.pdf.Ln(1)
			r.keyLines(key)
			r.again = func() { r.keyLines(key); r.pdf.Ln(2) }
		}
		r.pdf.Ln(2)
		widths := []float64{figureW, planW}
		for len(widths) < len(header) {
			widths = append(widths, optionW)
		}
		r.table(widths, header, rows)
		r.again = nil
	}
}

// optionKey is the letters that stand for the scenarios from to to
// (excluded) at the head of their columns, with their names, when a name
// is too long for a column's heading on two lines; nil when every name
// fits.
func (r *writer) optionKey(c *plan.Comparison, from, to int) [][2]string {
	r.font("B", 9)
	fits := true
	for k := from; k < to; k++ {
		fits = fits && len(r.wrap(c.Columns[k], optionW)) <= 2
	}
	if fits {
		return nil
	}
	var key [][2]string
	for k := from; k < to; k++ {
		key = append(key, [2]string{optionLetter(k), c.Columns[k]})
	}
	return key
}

// keyLines writes the key of the options' letters, one option a line.
func (r *writer) keyLines(key [][2]string) {
	const letterW = 20
	for _, k := range key {
		r.font("B", 9)
		y := r.pdf.GetY()
		r.pdf.CellFormat(letterW, 5, k[0], "", 0, "L", false, 0, "")
		r.font("", 9)
		r.pdf.SetXY(margin+letterW, y)
		r.pdf.MultiCell(pageW-2*margin-letterW, 5, k[1], "", "L", false)
	}
}

// comparisonRows is the table of scenarios from to to (excluded): the
// figure, the plan, then each scenario and its difference.
func comparisonRows(c *plan.Comparison, from, to int) ([]string, [][]string) {
	header := []string{"Figure", c.Columns[0]}
	for k := from; k < to; k++ {
		header = append(header, strings.TrimSpace(c.Columns[k]), "vs the plan")
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

// optionLetter is the name of column k in a key: Option A for the first
// scenario, on every page, so a letter means one scenario throughout.
func optionLetter(k int) string {
	if k <= 26 {
		return "Option " + string(rune('A'+k-1))
	}
	return fmt.Sprintf("Option %d", k)
}
