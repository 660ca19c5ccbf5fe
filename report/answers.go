package report

import (
	"fmt"
	"io"

	"example.org/psyplan/charts"
	"example.org/psyplan/format"
	"example.org/psyplan/plan"
)

// WriteWithBand is Write with the band drawn behind the projected line of
// the growth chart on the page "How sure we are, and what it takes", and
// said in words there. A nil band is no band (the page still gives the
// solver's answer).
func WriteWithBand(out io.Writer, p *plan.Plan, pr *plan.Projection, today plan.Month, band *plan.Band) error {
	return write(out, p, pr, today, band)
}

// answerPage is the band chart and the solver's answer for the plan's
// first milestone: the two questions a board asks of a plan.
func (r *writer) answerPage() {
	r.pdf.AddPage()
	r.heading("How sure we are, and what it takes")
	r.pdf.SetFont(font, "", 11)
	r.pdf.SetTextColor(30, 30, 30)
	for _, line := range answerLines(r.p, r.pr, r.band) {
		r.pdf.MultiCell(0, 6, line, "", "L", false)
		r.pdf.Ln(1)
	}
	top := r.pdf.GetY() + 2
	in := r.in
	in.Band = r.band
	title := charts.GrowthTitle(r.p)
	if r.band != nil {
		title += ", with the likely range"
	}
	r.place("growth-band", charts.GrowthChart(in, title), margin, top, pageW-2*margin, pageH-top-margin-6)
}

// answerLines are the page's sentences: the band at the first milestone
// (or why there is none), then the solver's answer for it.
func answerLines(p *plan.Plan, pr *plan.Projection, b *plan.Band) []string {
	a, err := plan.Solve(p, plan.Question{Scenario: pr.Scenario})
	if err != nil {
		return []string{bandLine(p, b, 0), "What it takes: the solver cannot answer: " + err.Error() + "."}
	}
	return []string{bandLine(p, b, a.By), "What it takes: " + a.Sentence(p)}
}

// bandLine says the band at month m in words.
func bandLine(p *plan.Plan, b *plan.Band, m plan.Month) string {
	if b == nil {
		if p.Uncertainty.Zero() {
			return "How sure: the plan gives no uncertainty ranges, so no likely range is drawn."
		}
		return "How sure: the likely range was not worked out for this report."
	}
	i := b.Index(m)
	if i < 0 {
		i = len(b.Central) - 1
		m = b.Month(i)
	}
	return fmt.Sprintf("How sure: in %s, 8 in 10 of %s runs project between %s and %s WTE (central %s, target %s). %s",
		m.Label(), format.Whole(float64(b.Runs)), format.WTE(b.Low[i]), format.WTE(b.High[i]),
		format.WTE(b.Central[i]), format.WTE(b.Target[i]), b.ChanceSentence(m))
}
