package report

import (
	"fmt"
	"io"

	"golang.org/x/image/font/sfnt"

	"example.org/psyplan/charts"
	"example.org/psyplan/format"
	"example.org/psyplan/plan"
)

// WriteRollup writes roll-up name as a two-page A4 landscape report: the
// region's growth chart with its headline, and each plan's gap. A name
// the report cannot print (a control character, an emoji) is refused
// before anything is written, as a plan's is.
func WriteRollup(out io.Writer, name string, rp *plan.RollupProjection, today plan.Month, withTrainees bool) error {
	if err := CheckRollup(name, rp); err != nil {
		return err
	}
	s := rp.Summarise(today)
	headline := fmt.Sprintf("%d plans added together. At %s: workforce %s WTE, trajectory %s WTE, gap %s WTE.",
		len(rp.Members), s.At.Label(), format.Whole(s.Projected), format.Whole(s.Target), format.Whole(s.Gap))
	for _, n := range rp.Notes() {
		headline += "\n" + n
	}
	r := &writer{pdf: newDocument(name), name: name}
	r.pdf.SetFooterFunc(r.footer)
	r.rollupPage(name+": the region against its trajectory", headline, "growth", charts.RollupGrowth(name, rp, 0, withTrainees))
	r.rollupPage(name+": which plan is behind", "Each plan's workforce against its own trajectory at "+s.At.Label()+", most behind first.",
		"gaps", charts.MemberGapChart(name, rp, s.At))
	if err := r.pdf.Error(); err != nil {
		return err
	}
	return r.pdf.Output(out)
}

// CheckRollup refuses a roll-up whose report cannot be made, naming why:
// not added up, or a name or note (notes name plans) the report cannot
// print.
func CheckRollup(name string, rp *plan.RollupProjection) error {
	if msg := plan.NameProblem(name); msg != "" {
		return fmt.Errorf("the roll-up's name %s: change it to make the report", msg)
	}
	if rp == nil {
		return fmt.Errorf("the roll-up %q has not been added up", name)
	}
	var buf sfnt.Buffer
	if err := checkText(&buf, "the roll-up's name", name); err != nil {
		return err
	}
	for _, n := range rp.Notes() {
		if err := checkText(&buf, "a note on the roll-up's months", n); err != nil {
			return err
		}
	}
	return nil
}

// rollupPage is a page of a roll-up's report: a heading, what it shows,
// and the chart below.
func (r *writer) rollupPage(title, text, key string, c charts.Chart) {
	pdf := r.pdf
	pdf.AddPage()
	r.heading(title)
	pdf.SetFont(font, "", 10)
	pdf.MultiCell(0, 5, text, "", "L", false)
	top := pdf.GetY() + 3
	if pageH-top-margin-8 < 80 { // many notes: the chart on a page of its own
		pdf.AddPage()
		top = pdf.GetY()
	}
	r.place(key, c, margin, top, pageW-2*margin, pageH-top-margin-8)
}
