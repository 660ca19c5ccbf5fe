package workbook

import (
	"math"

	"example.org/psyplan/plan"
	"example.org/psyplan/projtable"
)

// sheetCompared is the plan and its scenarios side by side
// (plan.Compare): a row per figure, a column per option and beside each
// scenario its difference from the plan. Written only when the plan has
// scenarios; read back without it, as it is worked out, not entered.
const sheetCompared = "Scenarios compared"

// compareSheet adds the sheet "Scenarios compared" for a plan with
// scenarios.
func (w *writer) compareSheet(p *plan.Plan) {
	if len(p.Scenarios) == 0 || w.err != nil {
		return
	}
	c, err := plan.Compare(p, nil)
	if err != nil {
		w.err = err
		return
	}
	w.comparison(c)
}

// comparison writes c as the sheet: Figure, Unit, the plan's value, then
// each scenario's value and its difference.
func (w *writer) comparison(c *plan.Comparison) {
	header := []string{"Figure", "Unit", c.Columns[0]}
	for _, name := range c.Columns[1:] {
		header = append(header, name, name+" minus the plan")
	}
	for _, r := range c.Rows {
		for k := range r.Values {
			if math.IsNaN(r.Values[k]) || math.IsInf(r.Values[k], 0) || math.IsNaN(r.Diffs[k]) || math.IsInf(r.Diffs[k], 0) {
				w.err = projtable.ErrNotFinite
				return
			}
		}
	}
	w.sheet(sheetCompared, tableXML(header, len(c.Rows), func(i int) []any {
		r := c.Rows[i]
		row := []any{r.Label, r.Unit, r.Values[0]}
		for k := 1; k < len(r.Values); k++ {
			row = append(row, r.Values[k], r.Diffs[k])
		}
		return row
	}, 18, w.header))
}
