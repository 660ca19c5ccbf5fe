package workbook

import (
	"io"
	"math"

	"example.org/psyplan/plan"
	"example.org/psyplan/projtable"
)

// sheetUncertainty is the band by month: how low or high the workforce
// could plausibly be, and the share of runs on track. The workbook is
// read back without it: the band is worked out, not entered.
const sheetUncertainty = "Uncertainty"

// WriteWithBand is Write with the sheet "Uncertainty", the band by month
// in the columns of `psyplan band` (projtable.BandHeader); a nil band
// writes no such sheet.
func WriteWithBand(out io.Writer, p *plan.Plan, pr *plan.Projection, growthPNG []byte, band *plan.Band) error {
	return write(out, p, pr, growthPNG, band)
}

// bandSheet adds the band's sheet, when there is a band.
func (w *writer) bandSheet(b *plan.Band) {
	if b == nil || w.err != nil {
		return
	}
	for i := range b.Central {
		for _, x := range projtable.BandValues(b, i) {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				w.err = projtable.ErrNotFinite
				return
			}
		}
	}
	w.sheet(sheetUncertainty, tableXML(projtable.BandHeader, len(b.Central), func(i int) []any {
		v := projtable.BandValues(b, i)
		return []any{b.Month(i).String(), v[0], v[1], v[2], v[3], v[4], v[5]}
	}, 14, w.header))
}
