// Package report writes a plan as an A4 landscape PDF for a board paper:
// the headline figures, the growth and profession charts, posts and
// trainees by profession, the assumptions and the plan's notes.
package report

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"

	"example.org/psyplan/charts"
	"example.org/psyplan/format"
	"example.org/psyplan/plan"
)

// Version is PsyPlan's version, printed on the report.
var Version = "0.1.0"

const (
	pageW, pageH = 297.0, 210.0 // A4 landscape, mm
	margin       = 14.0
	font         = "Go" // the Go fonts: any Latin, Greek or Cyrillic name prints as typed
)

// Write writes the report of plan p and its projection pr (of the plan or
// a scenario).
func Write(out io.Writer, p *plan.Plan, pr *plan.Projection, today plan.Month) error {
	return write(out, p, pr, today, nil, nil)
}

// uncompressed writes the pages' text as it is, for the tests that read
// where each piece of text went.
var uncompressed = false

// write writes the paper; answer is the page "what it takes"'s answer if
// begun already (nil: begun here).
func write(out io.Writer, p *plan.Plan, pr *plan.Projection, today plan.Month, band *plan.Band, answer *Answer) error {
	if err := checkPrintable(p); err != nil {
		return err
	}
	pdf := newDocument(p.Name)
	in := charts.Input{Plan: p, Projection: pr, Today: today}
	r := &writer{pdf: pdf, name: p.Name, p: p, pr: pr, in: in, band: band}
	pdf.SetFooterFunc(r.footer)
	r.prepare(answer) // work.go: what the pages need, made side by side
	r.front(today)
	r.answerPage() // answers.go
	r.chartsPages()
	r.comparePage() // compare.go
	r.demandPage()  // demand.go
	r.budgetPage()
	r.postsAndTrainees()
	r.assumptions()
	if err := pdf.Error(); err != nil {
		return err
	}
	return pdf.Output(out)
}

// newDocument starts an A4 landscape report in the Go fonts, titled; its
// writer's footer names it and numbers the pages.
func newDocument(title string) *fpdf.Fpdf {
	pdf := fpdf.New("L", "mm", "A4", "")
	pdf.SetCompression(!uncompressed)
	pdf.AddUTF8FontFromBytes(font, "", goregular.TTF)
	pdf.AddUTF8FontFromBytes(font, "B", gobold.TTF)
	pdf.SetMargins(margin, margin, margin)
	pdf.SetAutoPageBreak(true, margin+4)
	pdf.SetTitle(title, true)
	pdf.SetCreator("PsyPlan "+Version, true)
	pdf.AliasNbPages("{nb}")
	return pdf
}

type writer struct {
	pdf   *fpdf.Fpdf
	name  string // the plan's or the roll-up's, in every page's footer
	p     *plan.Plan
	pr    *plan.Projection
	in    charts.Input
	band  *plan.Band // drawn on the front page's chart; nil for none
	title string     // the page's heading, said again when a table goes on to the next page
	style string     // the font's style ("" or "B") and size in points, as font set them
	size  float64
	work  *work // made beside the pages (work.go)
	// again writes what a table's page had above the table and its next
	// page needs again (the options' key); nil for nothing
	again func()
}

// font sets the report's font in style ("" or "B") at size points.
func (r *writer) font(style string, size float64) {
	r.style, r.size = style, size
	r.pdf.SetFont(font, style, size)
}

// headingH is the height of a page's heading: charts placed under it
// are drawn before the page is reached.
const headingH = 9

func (r *writer) heading(text string) {
	r.title = text
	r.font("B", 14)
	r.pdf.SetTextColor(0, 48, 135) // NHS dark blue
	r.pdf.MultiCell(0, headingH, text, "", "L", false)
	r.pdf.SetTextColor(30, 30, 30)
}

// footer is the plan's name and the page number, on every page. A long
// name wraps in smaller type rather than running under the page number.
func (r *writer) footer() {
	pdf := r.pdf
	const numberW = 28
	nameW := pageW - 2*margin - numberW
	pdf.SetTextColor(90, 90, 90)
	r.font("", 8)
	pdf.SetXY(pageW-margin-numberW, pageH-11)
	pdf.CellFormat(numberW, 5, fmt.Sprintf("Page %d of {nb}", pdf.PageNo()), "", 0, "R", false, 0, "")
	lineH := 5.0
	if pdf.GetStringWidth(r.name) > nameW-2*pdf.GetCellMargin() {
		r.font("", 6.5)
		lineH = 3
	}
	pdf.SetXY(margin, pageH-11)
	if lineH < 5 {
		pdf.SetY(pageH - 12.5) // two lines
	}
	pdf.MultiCell(nameW, lineH, r.name, "", "L", false)
}

// front is the first page: who, what, the headline and the growth chart.
func (r *writer) front(today plan.Month) {
	pdf, p := r.pdf, r.p
	pdf.AddPage()
	r.font("B", 18)
	pdf.SetTextColor(0, 48, 135)
	pdf.MultiCell(0, 8, p.Name, "", "L", false)
	r.font("", 10)
	pdf.SetTextColor(60, 60, 60)
	scenario := "the plan itself (no scenario)"
	if r.pr.Scenario != "" {
		scenario = "scenario " + r.pr.Scenario
	}
	pdf.MultiCell(0, 6, strings.Join(subtitle(p, scenario, time.Now()), "  ·  "), "", "L", false)
	s := plan.Summarise(p, r.pr, today)
	pdf.Ln(2)
	r.font("B", 12)
	pdf.SetTextColor(30, 30, 30)
	pdf.MultiCell(0, 6, s.Sentence(), "", "L", false)
	pdf.Ln(1)
	figures := headline(s)
	w := (pageW - 2*margin) / float64(len(figures))
	y := pdf.GetY()
	for i, f := range figures {
		x := margin + float64(i)*w
		pdf.SetXY(x, y)
		r.font("", 8)
		pdf.SetTextColor(90, 90, 90)
		pdf.CellFormat(w, 5, f[0], "", 2, "L", false, 0, "")
		pdf.SetX(x)
		pdf.SetTextColor(30, 30, 30)
		// a national plan's figure may be too wide for its column at 12
		// points: it is set smaller rather than run into the next
		r.font("B", 12)
		pdf.CellFormat(w, 7, r.fit(f[1], w), "", 0, "L", false, 0, "")
	}
	pdf.SetY(y + 14)
	in := r.in
	in.Band = r.band
	title := charts.GrowthTitle(r.p)
	if r.band != nil {
		title += ", with the likely range"
	}
	r.place("growth", charts.GrowthChart(in, title), margin, pdf.GetY(), pageW-2*margin, pageH-pdf.GetY()-margin-6)
}

// subtitle is what the line under the plan's name says: its area (left
// out when the plan gives none), what is projected, its span, the date
// and PsyPlan's version.
func subtitle(p *plan.Plan, scenario string, now time.Time) []string {
	var parts []string
	if area := strings.TrimSpace(p.Area); area != "" {
		parts = append(parts, area)
	}
	return append(parts, scenario, p.Baseline.Label()+" to "+p.Horizon.Label(), now.Format("2 January 2006"), "PsyPlan "+Version)
}

// headline is the front page's figures: a caption and a value each.
func headline(s plan.Summary) [][2]string {
	return [][2]string{
		{"Baseline", format.WTE(s.BaselineWTE) + " WTE"},
		{"Projected, " + s.At.Label(), format.WTE(s.Projected) + " WTE"},
		{"Trajectory target", format.WTE(s.Target) + " WTE"},
		{"Gap", format.WTE(s.Gap) + " WTE (" + format.Percent(s.GapPct) + ")"},
		{"Unplaced qualifiers", format.WTE(s.Unplaced) + " WTE"},
		{"Vacancies, " + s.At.Label(), format.WTE(s.Vacancies) + " WTE"},
	}
}

// place draws chart c into the box under the image name key (a name
// fpdf has seen already would show that image again).
func (r *writer) place(key string, c charts.Chart, x, y, w, h float64) {
	r.placePNG(key, chartPNG(c, w, h), x, y, w, h)
}

// drawing lets one chart be drawn at a time: go-chart loads its font on
// first use without a lock, so two charts drawn at once race.
var drawing sync.Mutex

// chartPNG draws chart c as a PNG for a box w x h mm.
func chartPNG(c charts.Chart, w, h float64) func() ([]byte, error) {
	const pxPerMM = 4.5 // about 115 dpi: sharp in print, type large enough on half a page
	return func() ([]byte, error) {
		drawing.Lock()
		img, _, err := charts.Image(c, int(w*pxPerMM), int(h*pxPerMM))
		drawing.Unlock()
		if err != nil {
			return nil, err
		}
		return encodePNG(img)
	}
}

// placePNG places the PNG that png makes (perhaps already made beside
// the pages) into the box.
func (r *writer) placePNG(key string, png func() ([]byte, error), x, y, w, h float64) {
	data, err := png()
	if err != nil {
		r.pdf.SetError(err)
		return
	}
	opts := fpdf.ImageOptions{ImageType: "PNG"}
	r.pdf.RegisterImageOptionsReader(key, opts, bytes.NewReader(data))
	r.pdf.ImageOptions(key, x, y, w, h, false, opts, 0, "")
}

// chartsPages are the professions' growth and the training pipeline, a
// page each, so their labels and legends have the page's width.
func (r *writer) chartsPages() {
	x, y, w, h := chartBox()
	r.pdf.AddPage()
	r.heading("Which professions carry the expansion")
	r.placePNG("professions", r.work.professions, x, y, w, h)
	r.pdf.AddPage()
	r.heading("The training pipeline")
	r.placePNG("pipeline", r.work.pipeline, x, y, w, pipelineHeight(r.p, h))
}

// chartBox is the box of a chart that has a page to itself, under a
// one-line heading.
func chartBox() (x, y, w, h float64) {
	top := margin + headingH + 1
	return margin, top, pageW - 2*margin, pageH - top - margin - 6
}

// pipelineHeight is the height of the pipeline chart, at most h: the
// charts set their type by their height (at 560 pixels, scale 1), and
// the pipeline labels each financial year ("2020/21") under its bar, so
// a plan of many years gets a lower chart, its labels smaller, rather
// than labels running into each other.
func pipelineHeight(p *plan.Plan, h float64) float64 {
	const pxPerMM = 4.5
	years := float64(p.Horizon.FinancialYearStart() - p.Baseline.FinancialYearStart() + 1)
	// a label takes about 77 pixels at scale 1 with its gap, and the
	// plot about 88 % of the width
	scale := 0.88 * (pageW - 2*margin) * pxPerMM / years / 77
	return min(h, max(0.7, scale)*560/pxPerMM)
}

// table writes a header row and rows, the first column left-aligned and
// the others (numbers) right-aligned.
func (r *writer) table(widths []float64, header []string, rows [][]string) {
	aligns := "L" + strings.Repeat("R", len(widths)-1)
	r.headerRow(widths, aligns, header)
	for _, row := range rows {
		r.font("", 9)
		r.tableRow(widths, aligns, header, row)
	}
}

// tableRow writes a row of a table in the current font, after a new
// page with the table's header again when it would not fit on this one.
func (r *writer) tableRow(widths []float64, aligns string, header, cells []string) {
	if r.pdf.GetY()+r.rowHeight(widths, cells, 6) > pageH-r.bottom() {
		style, size := r.style, r.size
		red, green, blue := r.pdf.GetTextColor()
		r.continued()
		r.headerRow(widths, aligns, header)
		r.font(style, size)
		r.pdf.SetTextColor(red, green, blue)
	}
	r.row(widths, aligns, cells)
}

// continued starts a new page for a table, headed as its page was.
func (r *writer) continued() {
	title := strings.TrimSuffix(r.title, " (continued)")
	r.pdf.AddPage()
	r.heading(title + " (continued)")
	if r.again != nil {
		r.again()
	}
}

// bottom is where text must end: the page's height less the bottom margin.
func (r *writer) bottom() float64 {
	_, b := r.pdf.GetAutoPageBreak()
	return b
}

// headerRow writes a table's shaded header row; aligns holds each
// column's alignment, L or R. A heading too long for its column wraps.
func (r *writer) headerRow(widths []float64, aligns string, header []string) {
	r.font("B", 9)
	r.pdf.SetFillColor(232, 238, 244)
	r.cells(widths, aligns, header, 4.5, 7, true)
}

// row writes a table row in the current font: a cell too long for its
// column wraps onto more lines, never cut short.
func (r *writer) row(widths []float64, aligns string, cells []string) {
	r.cells(widths, aligns, cells, 4.5, 6, false)
}

// rowHeight is how tall row writes cells: 6 mm, more when a cell wraps.
func (r *writer) rowHeight(widths []float64, cells []string, one float64) float64 {
	n := 1
	for i, c := range cells {
		n = max(n, len(r.wrap(c, widths[i])))
	}
	if n == 1 {
		return one
	}
	return one + float64(n-1)*4.5
}

// cells writes one row of cells side by side, each wrapped to its width:
// one line in a row of height one, more lines lineH apart. header rows
// are shaded and ruled below.
func (r *writer) cells(widths []float64, aligns string, cells []string, lineH, one float64, header bool) {
	pdf := r.pdf
	h := r.rowHeight(widths, cells, one)
	x, y := pdf.GetX(), pdf.GetY()
	for i, c := range cells {
		border := ""
		if header {
			border = "B"
			pdf.SetXY(x, y)
			pdf.CellFormat(widths[i], h, "", border, 0, "", true, 0, "")
		}
		lines := r.wrap(c, widths[i])
		top := y + (one-lineH)/2 // a single line sits as a plain cell's would
		if len(lines) == 1 {
			top = y
		}
		for k, line := range lines {
			lh := lineH
			if len(lines) == 1 {
				lh = one
			}
			pdf.SetXY(x, top+float64(k)*lineH)
			size := r.size
			pdf.CellFormat(widths[i], lh, r.fit(line, widths[i]), "", 0, aligns[i:i+1], false, 0, "")
			r.font(r.style, size)
		}
		x += widths[i]
	}
	pdf.SetXY(margin, y+h)
}

// wrap splits text into the lines it takes in a cell w wide in the
// current font, at spaces; a single word too long for the cell is set in
// smaller type by fit rather than cut.
func (r *writer) wrap(text string, w float64) []string {
	room := w - 2*r.pdf.GetCellMargin()
	if text == "" || r.pdf.GetStringWidth(text) <= room {
		return []string{text}
	}
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		if line != "" && r.pdf.GetStringWidth(line+" "+word) > room {
			lines = append(lines, line)
			line = word
			continue
		}
		if line != "" {
			line += " "
		}
		line += word
	}
	return append(lines, line)
}

// fit sets the current font smaller, to 6 points at the least, until text
// fits a cell w wide: a figure is never cut.
func (r *writer) fit(text string, w float64) string {
	for r.size > 6 && r.pdf.GetStringWidth(text) > w-2*r.pdf.GetCellMargin() {
		r.font(r.style, r.size-0.5)
	}
	return text
}

// postsAndTrainees summarises posts and cohorts by profession.
func (r *writer) postsAndTrainees() {
	pdf, p := r.pdf, r.p
	pdf.AddPage()
	at := p.JudgedAt(r.pr.Horizon)
	posts, trainees := professionRows(p, r.pr, at)
	r.heading("Posts by profession")
	r.table([]float64{95, 35, 35, 40, 30, 34}, []string{"Profession", "In post, " + p.Baseline.Label(), "Funded, " + p.Baseline.Label(),
		"Projected, " + at.Label(), "Growth", "Vacancies, " + at.Label()}, posts)
	pdf.Ln(4)
	r.heading("Trainees by profession (every cohort in the plan)")
	r.table([]float64{95, 40, 60}, []string{"Profession", "Intake (people)", "Into posts when qualified (WTE)"}, trainees)
}

// professionRows are the rows of the posts and the trainees tables, by
// profession name: posts at the baseline and in month at, and every
// cohort's intake and the WTE it brings when qualified.
func professionRows(p *plan.Plan, pr *plan.Projection, at plan.Month) (posts, trainees [][]string) {
	i := pr.Index(at)
	type sums struct{ inPost, funded, projected, vacancies, intake, qualified float64 }
	by := map[string]*sums{}
	get := func(id string) *sums {
		if by[id] == nil {
			by[id] = &sums{}
		}
		return by[id]
	}
	for li := range pr.Lines {
		l := &pr.Lines[li]
		s := get(l.Key.Profession)
		b, a := l.Row(0), l.Row(i)
		s.inPost += b.InPost
		s.funded += b.Funded
		s.projected += a.InPost
		s.vacancies += a.Vacancies
	}
	for _, c := range p.Cohorts {
		s := get(c.Profession)
		s.intake += float64(c.Intake)
		s.qualified += p.CohortQualifiedWTE(c)
	}
	ids := make([]string, 0, len(by))
	for id := range by {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(a, b int) bool { return name(p, ids[a]) < name(p, ids[b]) })
	for _, id := range ids {
		s := by[id]
		growth := "–"
		if s.inPost > 0 {
			growth = format.Percent((s.projected - s.inPost) / s.inPost * 100)
		}
		posts = append(posts, []string{name(p, id), format.WTE(s.inPost), format.WTE(s.funded), format.WTE(s.projected), growth, format.WTE(s.vacancies)})
		if s.intake > 0 {
			trainees = append(trainees, []string{name(p, id), format.Whole(s.intake), format.WTE(s.qualified)})
		}
	}
	return posts, trainees
}

func name(p *plan.Plan, id string) string {
	if prof := p.Profession(id); prof != nil {
		return prof.Name
	}
	return id
}

// assumptions lists the professions' rates, the trajectory and the notes.
func (r *writer) assumptions() {
	pdf, p := r.pdf, r.p
	pdf.AddPage()
	r.heading("Assumptions")
	var rows [][]string
	hours := false // a column for clinical hours only when a profession gives any
	for _, prof := range p.Professions {
		hours = hours || prof.ClinicalHoursPerWTE != nil
	}
	for _, prof := range p.Professions {
		row := []string{prof.Name, format.Fixed(prof.LeaverRatePct, -1) + " %", format.Fixed(prof.WTEPerHead, -1), format.Pounds(prof.CostPerWTE)}
		if hours {
			row = append(row, "–")
			if prof.ClinicalHoursPerWTE != nil {
				row[4] = format.Fixed(*prof.ClinicalHoursPerWTE, -1)
			}
		}
		rows = append(rows, row)
	}
	if hours {
		r.table([]float64{100, 36, 32, 45, 56}, []string{"Profession", "Leavers a year", "WTE per head", "Cost per WTE a year",
			"Clinical hours a WTE a year"}, rows)
	} else {
		r.table([]float64{110, 40, 35, 45}, []string{"Profession", "Leavers a year", "WTE per head", "Cost per WTE a year"}, rows)
	}
	pdf.Ln(3)
	r.font("", 10)
	traj := "Trajectory: "
	for i, m := range p.Trajectory.Milestones {
		if i > 0 {
			traj += "; "
		}
		traj += fmt.Sprintf("%s growth by %s", format.Percent(m.GrowthPct), m.Month.Label())
	}
	if len(p.Trajectory.Milestones) == 0 {
		traj += "no milestones"
	}
	traj += fmt.Sprintf(" (%s between them), measured from %s WTE.", p.Trajectory.Interpolation, format.WTE(p.TrajectoryBase()))
	pdf.MultiCell(0, 5.5, traj, "", "L", false)
	capping := "Hires only fill vacancies in funded posts; qualifiers with no funded post are counted as unplaced."
	if !p.CapHires {
		capping = "Everyone qualified or recruited is hired, even above the funded establishment."
	}
	pdf.MultiCell(0, 5.5, capping, "", "L", false)
	if qualifiersMove(p, r.pr.Scenario) {
		pdf.MultiCell(0, 5.5, "Qualifiers with no funded post in the service area they trained for take vacant posts of their "+
			"profession in other service areas.", "", "L", false)
	}
	pdf.MultiCell(0, 5.5, "Pay costs: "+p.PriceBase()+".", "", "L", false)
	if p.Notes != "" {
		pdf.Ln(3)
		r.heading("Notes")
		r.font("", 10)
		pdf.MultiCell(0, 5.5, p.Notes, "", "L", false)
	}
}

// qualifiersMove tells whether qualifiers move between service areas in
// the scenario (the plan itself for "").
func qualifiersMove(p *plan.Plan, scenario string) bool {
	if s := p.Scenario(scenario); s != nil && s.QualifiersMove != nil {
		return *s.QualifiersMove
	}
	return p.QualifiersMove
}
