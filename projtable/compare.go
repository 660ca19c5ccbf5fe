package projtable

import (
	"bufio"
	"io"
	"math"

	"example.org/psyplan/plan"
)

// CompareHeader is the scenarios-compared table's header: the row's
// measure, when, label and unit, each column's value, then each
// scenario's difference from the plan ("Lower attrition vs plan").
func CompareHeader(c *plan.Comparison) []string {
	h := append([]string{"measure", "when", "label", "unit"}, c.Columns...)
	for _, col := range c.Columns[1:] {
		h = append(h, col+" vs plan")
	}
	return h
}

// WriteCompareCSV writes the comparison, one row per figure, numbers as
// the projection table writes them.
func WriteCompareCSV(w io.Writer, c *plan.Comparison) error {
	if !compareFinite(c) {
		return ErrNotFinite
	}
	bw := bufio.NewWriter(w)
	buf := appendRecord(nil, CompareHeader(c))
	for _, r := range c.Rows {
		buf = append(buf, r.Measure+","+r.When+","+quote(r.Label)+","+quote(r.Unit)...)
		for _, x := range r.Values {
			buf = appendNum(append(buf, ','), x)
		}
		for _, x := range r.Diffs[1:] {
			buf = appendNum(append(buf, ','), x)
		}
		buf = append(buf, '\n')
	}
	if _, err := bw.Write(buf); err != nil {
		return err
	}
	return bw.Flush()
}

// WriteCompareJSON writes the comparison as one JSON object: the plan,
// the columns, the judged month and the rows, each with its values and
// differences in the columns' order.
func WriteCompareJSON(w io.Writer, c *plan.Comparison) error {
	if !compareFinite(c) {
		return ErrNotFinite
	}
	buf := []byte(`{"plan":`)
	buf = appendJSONString(buf, c.Plan)
	buf = append(buf, `,"columns":[`...)
	for k, col := range c.Columns {
		if k > 0 {
			buf = append(buf, ',')
		}
		buf = appendJSONString(buf, col)
	}
	buf = append(buf, `],"at":"`+c.At.String()+`","rows":[`...)
	for i, r := range c.Rows {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, "\n{\"measure\":\""+r.Measure+"\",\"when\":\""+r.When+"\",\"label\":"...)
		buf = appendJSONString(buf, r.Label)
		buf = append(buf, `,"unit":`...)
		buf = appendJSONString(buf, r.Unit)
		buf = appendNums(append(buf, `,"values":`...), r.Values)
		buf = appendNums(append(buf, `,"differences":`...), r.Diffs)
		buf = append(buf, '}')
	}
	buf = append(buf, "\n]}\n"...)
	_, err := w.Write(buf)
	return err
}

func appendNums(buf []byte, xs []float64) []byte {
	buf = append(buf, '[')
	for k, x := range xs {
		if k > 0 {
			buf = append(buf, ',')
		}
		buf = appendNum(buf, x)
	}
	return append(buf, ']')
}

func compareFinite(c *plan.Comparison) bool {
	for _, r := range c.Rows {
		for k := range r.Values {
			for _, x := range [2]float64{r.Values[k], r.Diffs[k]} {
				if math.IsNaN(x) || math.IsInf(x, 0) {
					return false
				}
			}
		}
	}
	return true
}
