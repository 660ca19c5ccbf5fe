// Package projtable writes the projection table of the model contract: one
// row per post line and month, then the month's total row, as CSV or JSON.
package projtable

import (
	"bufio"
	"errors"
	"io"
	"math"
	"strconv"
	"strings"

	"example.org/psyplan/plan"
)

// Header is the CSV header, in the contract's order.
var Header = []string{"month", "profession", "service_area", "in_post_wte", "headcount", "funded_wte",
	"vacancy_wte", "leavers_wte", "moved_out_wte", "qualified_wte", "hired_qualified_wte", "placed_elsewhere_wte", "recruited_wte",
	"unplaced_wte", "waiting_wte", "in_training", "trainee_wte", "workforce_wte", "pay_cost_gbp",
	"target_wte", "gap_wte"}

// rowColumns is how many columns Values gives: from in_post_wte to pay_cost_gbp.
const rowColumns = 16

// Values is a row's numbers in the header's order, from in_post_wte to
// pay_cost_gbp.
func Values(r *plan.Row) [rowColumns]float64 {
	return [rowColumns]float64{r.InPost, r.Headcount, r.Funded, r.Vacancies, r.Leavers, r.MovedOut,
		r.Qualified, r.HiredQualified, r.PlacedElsewhere, r.Recruited, r.Unplaced, r.Waiting, r.InTraining, r.TraineeWTE,
		r.Workforce, r.PayCost}
}

// ErrNotFinite is returned when a figure is NaN or infinite: the contract
// never writes them, and a valid plan never makes them.
var ErrNotFinite = errors.New("the projection has a figure that is not a finite number; nothing was written")

// WriteCSV writes the projection table: UTF-8, "\n" line ends, fields
// quoted only when they must be, numbers in the shortest text that reads
// back as the same float64.
func WriteCSV(w io.Writer, pr *plan.Projection) error {
	if !Finite(pr) {
		return ErrNotFinite
	}
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

// appendRow writes the columns up to pay_cost_gbp.
func appendRow(buf []byte, month, profession, area string, r *plan.Row) []byte {
	buf = append(buf, month...)
	buf = append(buf, ',')
	buf = append(buf, profession...)
	buf = append(buf, ',')
	buf = append(buf, area...)
	for _, x := range Values(r) {
		buf = append(buf, ',')
		buf = appendNum(buf, x)
	}
	return buf
}

// Finite tells whether every figure of the projection is a finite
// number. Totals and gaps are sums of the line figures, so checking them
// checks the lines too: a NaN or infinity anywhere reaches them.
func Finite(pr *plan.Projection) bool {
	for i := range pr.Total {
		for _, x := range Values(&pr.Total[i]) {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				return false
			}
		}
		if math.IsNaN(pr.Gap[i]) || math.IsInf(pr.Gap[i], 0) || math.IsNaN(pr.Target[i]) || math.IsInf(pr.Target[i], 0) {
			return false
		}
	}
	return true
}

func appendNum(buf []byte, x float64) []byte {
	return strconv.AppendFloat(buf, x, 'g', -1, 64)
}

// quote follows RFC 4180: only a field with a comma, a quote or a line
// break is quoted, with its quotes doubled. Text a spreadsheet would run
// as a formula (beginning with =, +, -, @, a tab or a carriage return: a
// scenario named "=HYPERLINK(...)") is written with an apostrophe first,
// as spreadsheets themselves mark text; service areas and ids cannot
// begin so, so the projection table's cells never change.
func quote(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		s = "'" + s
	}
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
