package projtable

import (
	"bufio"
	"io"
	"math"

	"example.org/psyplan/plan"
)

// BandHeader is the band table's header (answers.md).
var BandHeader = []string{"month", "central_wte", "low_wte", "median_wte", "high_wte", "target_wte", "p_on_track"}

// BandValues is the band's numbers at month index i, in the header's order
// after the month.
func BandValues(b *plan.Band, i int) [6]float64 {
	return [6]float64{b.Central[i], b.Low[i], b.Median[i], b.High[i], b.Target[i], b.OnTrack[i]}
}

// WriteBandCSV writes one row per month, numbers as the projection table
// writes them.
func WriteBandCSV(w io.Writer, b *plan.Band) error {
	return writeBand(w, b, appendRecord(nil, BandHeader), func(buf []byte, month string, v [6]float64) []byte {
		buf = append(buf, month...)
		for _, x := range v {
			buf = appendNum(append(buf, ','), x)
		}
		return append(buf, '\n')
	}, nil)
}

// WriteBandJSON writes the same rows as a JSON array of objects keyed by
// the CSV header.
func WriteBandJSON(w io.Writer, b *plan.Band) error {
	first := true
	return writeBand(w, b, []byte{'['}, func(buf []byte, month string, v [6]float64) []byte {
		if !first {
			buf = append(buf, ',')
		}
		first = false
		buf = append(append(append(buf, "\n{\"month\":\""...), month...), '"')
		for k, x := range v {
			buf = append(append(append(buf, ",\""...), BandHeader[k+1]...), "\":"...)
			buf = appendNum(buf, x)
		}
		return append(buf, '}')
	}, []byte("\n]\n"))
}

func writeBand(w io.Writer, b *plan.Band, head []byte, row func([]byte, string, [6]float64) []byte, tail []byte) error {
	for i := range b.Central {
		for _, x := range BandValues(b, i) {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				return ErrNotFinite
			}
		}
	}
	bw := bufio.NewWriter(w)
	buf := head
	for i := range b.Central {
		buf = row(buf, b.Month(i).String(), BandValues(b, i))
		if len(buf) > 1<<15 {
			if _, err := bw.Write(buf); err != nil {
				return err
			}
			buf = buf[:0]
		}
	}
	if _, err := bw.Write(append(buf, tail...)); err != nil {
		return err
	}
	return bw.Flush()
}
