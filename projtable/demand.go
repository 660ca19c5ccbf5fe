package projtable

import (
	"bufio"
	"io"
	"math"

	"example.org/psyplan/plan"
)

// DemandHeader is the demand table's CSV header (demand.md).
var DemandHeader = []string{"month", "service_area", "profession", "people_per_year", "needed_wte",
	"available_wte", "gap_wte", "capacity_people", "shortfall_people"}

// BudgetHeader is the budget table's CSV header (demand.md).
var BudgetHeader = []string{"financial_year", "months", "pay_cost_gbp", "budget_gbp", "headroom_gbp"}

// cell is one field of a table: text, a number, or empty (nil in JSON).
type cell struct {
	text    string
	num     float64
	isNum   bool
	isEmpty bool
}

func text(s string) cell     { return cell{text: s} }
func num(x float64) cell     { return cell{num: x, isNum: true} }
func optNum(x *float64) cell { return optional(x != nil, x) }
func empty() cell            { return cell{isEmpty: true} }
func optional(ok bool, x *float64) cell {
	if !ok {
		return empty()
	}
	return num(*x)
}

// table writes rows of cells as CSV or as a JSON array of objects keyed by
// the header; it refuses a figure that is not finite before writing.
type table struct {
	header []string
	rows   func(yield func([]cell) bool)
}

func (t table) finite() bool {
	ok := true
	t.rows(func(r []cell) bool {
		for _, c := range r {
			if c.isNum && (math.IsNaN(c.num) || math.IsInf(c.num, 0)) {
				ok = false
			}
		}
		return ok
	})
	return ok
}

func (t table) writeCSV(w io.Writer) error {
	if !t.finite() {
		return ErrNotFinite
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	buf := appendRecord(make([]byte, 0, 512), t.header)
	t.rows(func(r []cell) bool {
		for i, c := range r {
			if i > 0 {
				buf = append(buf, ',')
			}
			switch {
			case c.isNum:
				buf = appendNum(buf, c.num)
			case !c.isEmpty:
				buf = append(buf, quote(c.text)...)
			}
		}
		buf = append(buf, '\n')
		if len(buf) > 1<<15 {
			bw.Write(buf) // an error sticks in bw: Flush returns it
			buf = buf[:0]
		}
		return true
	})
	bw.Write(buf)
	return bw.Flush()
}

func (t table) writeJSON(w io.Writer) error {
	if !t.finite() {
		return ErrNotFinite
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	buf := append(make([]byte, 0, 1024), '[')
	first := true
	t.rows(func(r []cell) bool {
		if !first {
			buf = append(buf, ',')
		}
		first = false
		buf = append(buf, "\n{"...)
		for i, c := range r {
			if i > 0 {
				buf = append(buf, ',')
			}
			buf = appendJSONString(buf, t.header[i])
			buf = append(buf, ':')
			switch {
			case c.isNum:
				buf = appendNum(buf, c.num)
			case c.isEmpty:
				buf = append(buf, "null"...)
			default:
				buf = appendJSONString(buf, c.text)
			}
		}
		buf = append(buf, '}')
		if len(buf) > 1<<15 {
			bw.Write(buf)
			buf = buf[:0]
		}
		return true
	})
	buf = append(buf, "\n]\n"...)
	bw.Write(buf)
	return bw.Flush()
}

func demandTable(dt *plan.DemandTable) table {
	return table{header: DemandHeader, rows: func(yield func([]cell) bool) {
		r := make([]cell, len(DemandHeader))
		for i, rows := range dt.Months {
			month := dt.Month(i).String()
			for k := range rows {
				d := &rows[k]
				r[0], r[1], r[2] = text(month), text(d.ServiceArea), text(d.Profession)
				r[3], r[4], r[5], r[6], r[7] = num(d.PeoplePerYear), num(d.NeededWTE), num(d.AvailableWTE), num(d.GapWTE), num(d.CapacityPeople)
				r[8] = empty()
				if d.Total() {
					r[8] = num(d.ShortfallPeople)
				}
				if !yield(r) {
					return
				}
			}
		}
	}}
}

func budgetTable(rows []plan.BudgetRow) table {
	return table{header: BudgetHeader, rows: func(yield func([]cell) bool) {
		for _, b := range rows {
			if !yield([]cell{text(b.Label()), num(float64(b.Months)), num(b.PayCost), optNum(b.Budget), optNum(b.Headroom)}) {
				return
			}
		}
	}}
}

// WriteDemandCSV writes the demand table (demand.md): numbers, quoting and
// encoding as the projection table; profession rows leave the shortfall empty.
func WriteDemandCSV(w io.Writer, dt *plan.DemandTable) error { return demandTable(dt).writeCSV(w) }

// WriteDemandJSON writes the demand table as a JSON array of objects
// keyed by the CSV header, empty cells as null.
func WriteDemandJSON(w io.Writer, dt *plan.DemandTable) error { return demandTable(dt).writeJSON(w) }

// WriteBudgetCSV writes the budget table (demand.md): a year with no
// budget leaves budget and headroom empty.
func WriteBudgetCSV(w io.Writer, rows []plan.BudgetRow) error { return budgetTable(rows).writeCSV(w) }

// WriteBudgetJSON writes the budget table as a JSON array of objects.
func WriteBudgetJSON(w io.Writer, rows []plan.BudgetRow) error { return budgetTable(rows).writeJSON(w) }
