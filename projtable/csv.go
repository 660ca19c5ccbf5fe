// Package projtable writes the projection table of the model contract: one
// row per post line and month, then the month's total row, as CSV or JSON.
package projtable

import (
	"errors"
	"io"
	"math"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"example.org/psyplan/plan"
	"example.org/psyplan/shortest"
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
// back as the same float64. Months are turned into text on every core at
// once (writing the numbers is most of the work) and written in order.
func WriteCSV(w io.Writer, pr *plan.Projection) error {
	if !Finite(pr) {
		return ErrNotFinite
	}
	header := appendRecord(nil, Header)
	names := lineNames(pr)
	per := csvChunkMonths(pr)
	chunks := (pr.Months() + per - 1) / per
	if chunks == 1 {
		return writeAll(w, header, appendMonths(nil, pr, names, 0, pr.Months()))
	}
	// A piece's rows are about 200 bytes each; a buffer that starts the
	// size of a piece is not copied as it grows.
	size := per * (len(pr.Lines) + 1) * 256
	return writeChunks(w, header, chunks, func(buf []byte, c int) []byte {
		if cap(buf) < size {
			buf = make([]byte, 0, size)
		}
		return appendMonths(buf, pr, names, c*per, min((c+1)*per, pr.Months()))
	})
}

// lineNames is each line's profession and service area as the table
// writes them, quoted once rather than on every month's row.
func lineNames(pr *plan.Projection) []string {
	names := make([]string, len(pr.Lines))
	for li := range pr.Lines {
		k := pr.Lines[li].Key
		names[li] = quote(k.Profession) + "," + quote(k.ServiceArea)
	}
	return names
}

// csvChunkMonths is how many months one piece of work formats: about
// 20,000 rows, so a national plan's table is a hundred or so pieces and
// a small plan's is one.
func csvChunkMonths(pr *plan.Projection) int {
	return max(1, 20_000/(len(pr.Lines)+1))
}

// appendMonths appends the rows of months from to to (excluded), names
// being lineNames.
func appendMonths(buf []byte, pr *plan.Projection, names []string, from, to int) []byte {
	total := plan.TotalWord + "," + plan.TotalWord
	memo := newMemo(len(pr.Lines) + 1) // the lines', then the totals'
	defer memos.Put(memo)
	for i := from; i < to; i++ {
		month := pr.Month(i).String()
		for li := range pr.Lines {
			r := pr.Lines[li].Row(i)
			buf = appendRow(buf, month, names[li], &r, memo.line(li))
			buf = append(buf, ",,\n"...)
		}
		buf = appendRow(buf, month, total, &pr.Total[i], memo.line(len(pr.Lines)))
		buf = append(buf, ',')
		buf = appendNum(buf, pr.Target[i])
		buf = append(buf, ',')
		buf = appendNum(buf, pr.Gap[i])
		buf = append(buf, '\n')
	}
	return buf
}

// written is where a figure's text was last written in a piece of the
// table: from at, n bytes.
type written struct {
	bits  uint64
	at, n int
}

// memo is, for each line of a piece and for its totals, where the last
// row's figures were written. A line's figures often stay the same from
// one month to the next (its funded posts, its recruits a year) and its
// workforce is often its staff in post; such a figure's text is copied,
// not worked out again. Turning figures into text is most of the table's time, and the
// text is the same either way.
type memo []written

var memos = sync.Pool{New: func() any { return new(memo) }}

func newMemo(rows int) *memo {
	m := memos.Get().(*memo)
	if cap(*m) < rows*rowColumns {
		*m = make(memo, rows*rowColumns)
	}
	*m = (*m)[:rows*rowColumns]
	clear(*m)
	return m
}

// line is row li's part of the memo.
func (m *memo) line(li int) []written {
	return (*m)[li*rowColumns : (li+1)*rowColumns : (li+1)*rowColumns]
}

// workforceColumn is workforce_wte among Values, and inPostColumn
// in_post_wte, which it equals when trainees do not count.
const (
	inPostColumn    = 0
	workforceColumn = 14
)

// appendRow writes the columns up to pay_cost_gbp, names being the
// profession and service area columns, and last where the row's line (or
// the totals) wrote its figures of the month before in buf (none yet:
// n = 0).
func appendRow(buf []byte, month, names string, r *plan.Row, last []written) []byte {
	buf = append(buf, month...)
	buf = append(buf, ',')
	buf = append(buf, names...)
	for c, x := range Values(r) {
		buf = append(buf, ',')
		if x == 0 && !math.Signbit(x) {
			buf = append(buf, '0')
			continue
		}
		bits := math.Float64bits(x)
		was := &last[c]
		switch {
		case was.n > 0 && was.bits == bits:
		case c == workforceColumn && last[inPostColumn].bits == bits && last[inPostColumn].n > 0:
			*was = last[inPostColumn]
		default:
			at := len(buf)
			buf = appendNum(buf, x)
			*was = written{bits: bits, at: at, n: len(buf) - at}
			continue
		}
		at := len(buf)
		buf = append(buf, buf[was.at:was.at+was.n]...)
		was.at = at
	}
	return buf
}

func writeAll(w io.Writer, parts ...[]byte) error {
	for _, p := range parts {
		if _, err := w.Write(p); err != nil {
			return err
		}
	}
	return nil
}

// writeChunks writes header, then chunks pieces made by format (which
// appends piece c to the buffer it is given), in order. The pieces are
// made on every core, a few ahead of the writing and no more, so memory
// stays a few pieces whatever the table's size.
func writeChunks(w io.Writer, header []byte, chunks int, format func(buf []byte, c int) []byte) error {
	if _, err := w.Write(header); err != nil {
		return err
	}
	ahead := 2 * runtime.GOMAXPROCS(0)
	slots := make([]chan []byte, chunks)
	for c := range slots {
		slots[c] = make(chan []byte, 1)
	}
	free := make(chan []byte, ahead) // written buffers, for the next pieces
	for range ahead {
		free <- nil
	}
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		for c := range chunks {
			var buf []byte
			select {
			case buf = <-free:
			case <-stop:
				return
			}
			go func() { slots[c] <- format(buf[:0], c) }()
		}
	}()
	for c := range chunks {
		buf := <-slots[c]
		if _, err := w.Write(buf); err != nil {
			return err
		}
		free <- buf
	}
	return nil
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

// appendNum writes x as strconv.FormatFloat(x, 'g', -1, 64) does. A
// third of a projection's figures are 0 and many others whole numbers
// under a million (people in training), which it writes as integers
// without the general conversion: the same text, and much quicker.
func appendNum(buf []byte, x float64) []byte {
	if x == 0 && !math.Signbit(x) {
		return append(buf, '0')
	}
	if x != 0 && x > -1e6 && x < 1e6 && x == math.Trunc(x) {
		return strconv.AppendInt(buf, int64(x), 10)
	}
	return shortest.Append(buf, x)
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
