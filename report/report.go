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
	return write(out, p, pr, today, nil)
}

// uncompressed writes the pages' text as it is, for the tests that read
// where each piece of text went.
var uncompressed = false

func write(out io.Writer, p *plan.Plan, pr *plan.Projection, today plan.Month, band *plan.Band) error {
	if err := checkPrintable(p); err != nil {
		return err
	}
	pdf := newDocument(p.Name)
	in := charts.Input{Plan: p, Projection: pr, Today: today}
	r := &writer{pdf: pdf, p: p, pr: pr, in: in, band: band}
	r.front(today)
	r.answerPage() // answers.go
	r.chartsPage()
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

// newDocument starts an A4 landscape report in the Go fonts, titled, its
// pages numbered in a footer that names it.
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
	pdf.SetFooterFunc(func() {
		pdf.SetY(-11)
		pdf.SetFont(font, "", 8)
		pdf.SetTextColor(90, 90, 90)
		pdf.CellFormat(0, 5, title, "", 0, "L", false, 0, "")
		pdf.CellFormat(0, 5, fmt.Sprintf("Page %d of {nb}", pdf.PageNo()), "", 0, "R", false, 0, "")
	})
	return pdf
}

type writer struct {
	pdf  *fpdf.Fpdf
	p    *plan.Plan
	pr   *plan.Projection
	in   charts.Input
	band *plan.Band // drawn on the answer page; nil for none
}

func (r *writer) heading(text string) {
	r.pdf.SetFont(font, "B", 14)
	r.pdf.SetTextColor(0, 48, 135) // NHS dark blue
	r.pdf.CellFormat(0, 9, text, "", 1, "L", false, 0, "")
	r.pdf.SetTextColor(30, 30, 30)
}

// front is the first page: who, what, the headline and the growth chart.
func (r *writer) front(today plan.Month) {
	pdf, p := r.pdf, r.p
	pdf.AddPage()
	pdf.SetFont(font, "B", 18)
	pdf.SetTextColor(0, 48, 135)
	pdf.MultiCell(0, 8, p.Name, "", "L", false)
	pdf.SetFont(font, "", 10)
	pdf.SetTextColor(60, 60, 60)
	scenario := "the plan itself (no scenario)"
	if r.pr.Scenario != "" {
		scenario = "scenario " + r.pr.Scenario
	}
	area := p.Area
	if area == "" {
		area = "No area given"
	}
	pdf.CellFormat(0, 6, fmt.Sprintf("%s  ·  %s  ·  %s to %s  ·  %s  ·  PsyPlan %s", area, scenario,
		p.Baseline.Label(), p.Horizon.Label(), time.Now().Format("2 January 2006"), Version), "", 1, "L", false, 0, "")
	s := plan.Summarise(p, r.pr, today)
	pdf.Ln(2)
	pdf.SetFont(font, "B", 12)
	pdf.SetTextColor(30, 30, 30)
	pdf.MultiCell(0, 6, s.Sentence(), "", "L", false)
	pdf.Ln(1)
	figures := headline(s)
	w := (pageW - 2*margin) / float64(len(figures))
	y := pdf.GetY()
	for i, f := range figures {
		x := margin + float64(i)*w
		pdf.SetXY(x, y)
		pdf.SetFont(font, "", 8)
		pdf.SetTextColor(90, 90, 90)
		pdf.CellFormat(w, 5, f[0], "", 2, "L", false, 0, "")
		pdf.SetX(x)
		pdf.SetTextColor(30, 30, 30)
		// a national plan's figure may be too wide for its column at 12
		// points: it is set smaller rather than run into the next
		for size := 12.0; size >= 7; size -= 0.5 {
			if pdf.SetFont(font, "B", size); pdf.GetStringWidth(f[1]) <= w-2*pdf.GetCellMargin() {
				break
			}
		}
		pdf.CellFormat(w, 7, r.fit(f[1], w), "", 0, "L", false, 0, "")
	}
	pdf.SetY(y + 14)
	r.chart("growth", margin, pdf.GetY(), pageW-2*margin, pageH-pdf.GetY()-margin-6)
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

// chart draws the named chart into the box, as a PNG at the box's size.
func (r *writer) chart(name string, x, y, w, h float64) {
	c, err := charts.Make(name, r.in)
	if err != nil {
		r.pdf.SetError(err)
		return
	}
	r.place(name, c, x, y, w, h)
}

// place draws chart c into the box under the image name key (a name
// fpdf has seen already would show that image again).
func (r *writer) place(key string, c charts.Chart, x, y, w, h float64) {
	const pxPerMM = 4.5 // about 115 dpi: sharp in print, type large enough on half a page
	var buf bytes.Buffer
	if err := charts.WritePNG(&buf, c, int(w*pxPerMM), int(h*pxPerMM)); err != nil {
		r.pdf.SetError(err)
		return
	}
	opts := fpdf.ImageOptions{ImageType: "PNG"}
	r.pdf.RegisterImageOptionsReader(key, opts, &buf)
	r.pdf.ImageOptions(key, x, y, w, h, false, opts, 0, "")
}

func (r *writer) chartsPage() {
	r.pdf.AddPage()
	r.heading("Which professions carry the expansion, and the training pipeline")
	top := r.pdf.GetY()
	half := (pageW - 2*margin - 6) / 2
	h := pageH - top - margin - 8
	r.chart("professions", margin, top, half, h)
	r.chart("pipeline", margin+half+6, top, half, h)
}

// table writes a header row and rows, the first column left-aligned and
// the others (numbers) right-aligned.
func (r *writer) table(widths []float64, header []string, rows [][]string) {
	aligns := "L" + strings.Repeat("R", len(widths)-1)
	r.headerRow(widths, aligns, header)
	r.pdf.SetFont(font, "", 9)
	for _, row := range rows {
		r.row(widths, aligns, row)
	}
}

// headerRow writes a table's shaded header row; aligns holds each
// column's alignment, L or R.
func (r *writer) headerRow(widths []float64, aligns string, header []string) {
	r.pdf.SetFont(font, "B", 9)
	r.pdf.SetFillColor(232, 238, 244)
	for i, h := range header {
		r.pdf.CellFormat(widths[i], 7, r.fit(h, widths[i]), "B", 0, aligns[i:i+1], true, 0, "")
	}
	r.pdf.Ln(-1)
}

// row writes a table row in the current font.
func (r *writer) row(widths []float64, aligns string, cells []string) {
	for i, c := range cells {
		r.pdf.CellFormat(widths[i], 6, r.fit(c, widths[i]), "", 0, aligns[i:i+1], false, 0, "")
	}
	r.pdf.Ln(-1)
}

// fit shortens text that would run past a cell w wide in the current
// font, ending it with "…", so that it never runs into the next cell.
func (r *writer) fit(text string, w float64) string {
	room := w - 2*r.pdf.GetCellMargin()
	if r.pdf.GetStringWidth(text) <= room {
		return text
	}
	runes := []rune(text)
	for n := len(runes) - 1; n > 0; n-- {
		if short := strings.TrimRight(string(runes[:n]), " ") + "…"; r.pdf.GetStringWidth(short) <= room {
			return short
		}
	}
	return ""
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
	pdf.SetFont(font, "", 10)
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
		pdf.SetFont(font, "", 10)
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
