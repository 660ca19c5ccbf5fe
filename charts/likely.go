package charts

import (
	chart "github.com/wcharczuk/go-chart/v2"
)

// Likely is the band drawn behind the projected line: how low or high
// the workforce could plausibly be (the 10th and 90th percentiles of the
// band's runs), and the chance of being on track at the judged month in
// words.
type Likely struct {
	Low, High []float64
	Runs      int    // how many runs it is drawn from
	Chance    string // "About 1 in 4 runs reach the trajectory by Apr 2024 (…)."
}

// likely is the input's band as the growth chart draws it, or nil: the
// band is of the whole plan, so a chart of one profession or service
// area, or a band of another length than the projection, has none.
func likely(in Input, months int) *Likely {
	b := in.Band
	if b == nil || !in.Filter.all() || len(b.Low) != months || len(b.High) != months || b.Baseline != in.Projection.Baseline {
		return nil
	}
	return &Likely{Low: b.Low, High: b.High, Runs: b.Runs, Chance: b.ChanceSentence(judgedAt(in))}
}

// legend names the band with what it is, in a planner's words; the
// number of runs (fewer while a workshop control moves) is in the chance
// sentence on the chart.
func (l *Likely) legend() string { return "Likely range (8 in 10 runs)" }

// note writes a sentence inside the plot, near its bottom-left corner,
// where the growth chart's lines (which start well above 0) leave room.
func note(s Size, text string) chart.Renderable {
	return func(r chart.Renderer, box chart.Box, defaults chart.Style) {
		defer r.ResetStyle()
		r.SetFont(defaults.GetFont())
		r.SetFontSize(s.font(12))
		r.SetFontColor(Ink)
		r.Text(text, box.Left+int(16*s.Scale), box.Bottom-int(18*s.Scale*s.Text))
	}
}
