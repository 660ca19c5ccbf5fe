// Package projtable writes the projection table of the model contract: one
// row per post line and month, then the month's total row, as CSV or JSON.
package projtable

import (
	"bufio"
	"io"
	"math"
	"strconv"

	"example.org/psyplan/plan"
)

// Header is the CSV header, in the contract's order.
var Header = []string{"month", "profession", "service_area", "in_post_wte", "headcount", "funded_wte",
	"vacancy_wte", "leavers_wte", "qualified_wte", "recruited_wte", "unplaced_wte", "in_training",
	"pay_cost_gbp", "target_wte", "gap_wte"}

// WriteCSV writes the projection table: UTF-8, "\n" line ends, fields
// quoted only when they must be, numbers in the shortest text that reads
// back as the same float64.
func WriteCSV(w io.Writer, pr *plan.Projection) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	buf := make([]byte, 0, 512)
	buf = appendRecord(buf, Header)
	for i := 0; i < pr.Months(); i++ {
		month := pr.Month(i).String()
		for li := range pr.Lines {
			l := &pr.Lines[li]
			r := l.Row(i)
			buf = appendRow(buf, month, quote(l.Key.Profession), quote(l.Key.ServiceArea), &r)
			buf = append(buf, ",,\n"...)
			if len(buf) > 1<<15 {
				if _, err := bw.Write(buf); err != nil {
					return err
				}
				buf = buf[:0]
			}
		}
		buf = appendRow(buf, month, plan.TotalWord, plan.TotalWord, &pr.Total[i])
		buf = append(buf, ',')
		buf = appendNum(buf, pr.Target[i])
		buf = append(buf, ',')
		buf = appendNum(buf, pr.Gap[i])
		buf = append(buf, '\n')
	}
	if _, err := bw.Write(buf); err != nil {
		return err
	}
	return bw.Flush()
}

func appendRecord(buf []byte, fields []string) []byte {
	for i, f := range fields {
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = append(buf, quote(f)...)
	}
	return append(buf, '\n')
}

// appendRow writes the first thirteen columns, up to pay_cost_gbp.
func appendRow(buf []byte, month, profession, area string, r *plan.Row) []byte {
	buf = append(buf, month...)
	buf = append(buf, ',')
	buf = append(buf, profession...)
	buf = append(buf, ',')
	buf = append(buf, area...)
	for _, x := range [...]float64{r.InPost, r.Headcount, r.Funded, r.Vacancies, r.Leavers, r.Qualified,
		r.Recruited, r.Unplaced, r.InTraining, r.PayCost} {
		buf = append(buf, ',')
		buf = appendNum(buf, x)
	}
	return buf
}

func appendNum(buf []byte, x float64) []byte {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		x = 0 // the model never makes them; the contract never writes them
	}
	return strconv.AppendFloat(buf, x, 'g', -1, 64)
}

// quote follows RFC 4180: only a field with a comma, a quote or a line
// break is quoted, with its quotes doubled.
func quote(s string) string {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ',', '"', '\n', '\r':
			return quoteAlways(s)
		}
	}
	return s
}

func quoteAlways(s string) string {
	b := make([]byte, 0, len(s)+4)
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' {
			b = append(b, '"')
		}
		b = append(b, s[i])
	}
	return string(append(b, '"'))
}
