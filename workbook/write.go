package workbook

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"example.org/psyplan/format"
	"example.org/psyplan/plan"
	"example.org/psyplan/projtable"
)

// Write writes the plan and its projection (of the plan or one of its
// scenarios) as a workbook. growthPNG, if given, is the growth chart shown
// on the Summary sheet. Text always goes into string cells, so nothing a
// spreadsheet opens runs as a formula.
func Write(out io.Writer, p *plan.Plan, pr *plan.Projection, growthPNG []byte) error {
	return write(out, p, pr, growthPNG, nil)
}

func write(out io.Writer, p *plan.Plan, pr *plan.Projection, growthPNG []byte, band *plan.Band) error {
	if !projtable.Finite(pr) {
		return projtable.ErrNotFinite
	}
	// excelize writes the Summary and the workbook's parts; the sheets of
	// records it leaves empty, for withSheets. It would spill a large
	// sheet to a temporary file, which a killed export leaves behind: it
	// is given a folder that cannot exist, so it never does.
	f := excelize.NewFile(excelize.Options{TmpDir: noTempFiles})
	defer f.Close()
	w := newWriter(f)
	w.summary(p, pr, growthPNG)
	w.table(sheetPosts, postCols, len(p.Posts), func(i int) []any {
		l := p.Posts[i]
		return []any{l.Profession, l.ServiceArea, l.InPostWTE, opt(l.InPostHeadcount), l.FundedWTE, l.RecruitsWTEPerYear, opt(l.LeaverRatePct)}
	})
	var changes [][]any
	for _, l := range p.Posts {
		for _, c := range l.Changes {
			changes = append(changes, []any{l.Profession, l.ServiceArea, c.Month.String(), c.FundedWTEDelta})
		}
	}
	w.table(sheetChanges, changeCols, len(changes), func(i int) []any { return changes[i] })
	w.table(sheetTrainees, cohortCols, len(p.Cohorts), func(i int) []any { return cohortRow(p.Cohorts[i]) })
	w.table(sheetProfessions, professionCols, len(p.Professions), func(i int) []any {
		prof := p.Professions[i]
		return []any{prof.ID, prof.Name, prof.LeaverRatePct, prof.WTEPerHead, prof.CostPerWTE,
			yesNo(prof.TraineesSalaried), prof.TraineeWTEOrDefault(), prof.TraineeCostPerWTE, opt(prof.ClinicalHoursPerWTE)}
	})
	ms := p.Trajectory.Milestones
	w.table(sheetTrajectory, milestoneCols, len(ms), func(i int) []any { return []any{ms[i].Month.String(), ms[i].GrowthPct} })
	w.table(sheetActuals, actualCols, len(p.Actuals), func(i int) []any {
		a := p.Actuals[i]
		return []any{a.Month.String(), a.Profession, a.InPostWTE}
	})
	rows := scenarioRows(p)
	w.table(sheetScenarios, scenarioCols, len(rows), func(i int) []any { return rows[i] })
	w.demandSheets(p) // demand.go
	w.budgetSheet(p)
	w.sheet(sheetProjection, projectionXML(pr, w.header))
	w.years(p, pr)
	w.demandProjection(p, pr)
	w.bandSheet(band) // uncertainty.go
	w.compareSheet(p) // compare.go
	return w.writeTo(out)
}

// writeTo writes the workbook out, unless anything failed on the way.
func (w *writer) writeTo(out io.Writer) error {
	if w.err != nil {
		return w.err
	}
	var book bytes.Buffer
	if _, err := w.f.WriteTo(&book); err != nil {
		return err
	}
	return withSheets(out, book.Bytes(), w.sheets)
}

// noTempFiles is a folder name no system can create (it holds a NUL).
const noTempFiles = "\x00no temporary files"

type writer struct {
	f      *excelize.File
	header int
	err    error
	sheets map[string]sheetWriter // sheets left empty, written as the file is copied out
}

// newWriter starts a workbook with the header style every export shares.
func newWriter(f *excelize.File) *writer {
	w := &writer{f: f, sheets: map[string]sheetWriter{}}
	w.header, w.err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Color: []string{"E8EEF4"}, Pattern: 1}})
	return w
}

// keep records the first error of the workbook's making: the rest is
// then not written.
func (w *writer) keep(err error) {
	if w.err == nil {
		w.err = err
	}
}

// firstSheet names excelize's first sheet.
func (w *writer) firstSheet(name string) { w.keep(w.f.SetSheetName("Sheet1", name)) }

// style gives the cells from one corner to the other the header style.
func (w *writer) style(sheet, from, to string) { w.keep(w.f.SetCellStyle(sheet, from, to, w.header)) }

// width sets the width of columns from to to, in characters.
func (w *writer) width(sheet, from, to string, chars float64) {
	w.keep(w.f.SetColWidth(sheet, from, to, chars))
}

func opt(x *float64) any {
	if x == nil {
		return nil
	}
	return *x
}

// yesNo is a flag as the sheets write it.
func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func cohortRow(c plan.Cohort) []any {
	return append([]any{c.Profession, c.ServiceArea, c.Start.String(), c.DurationMonths, c.Intake, c.CompletionPct, c.TakeupPct},
		drawnFrom(c)...)
}

// drawnFrom is a cohort's two drawn-from cells, blank when nobody is drawn.
func drawnFrom(c plan.Cohort) []any {
	if c.DrawnFrom == nil {
		return []any{nil, nil}
	}
	return []any{c.DrawnFrom.Profession, c.DrawnFrom.Pct}
}

func scenarioRows(p *plan.Plan) [][]any {
	var rows [][]any
	row := func(s, what, prof, area string, rest ...any) []any {
		r := make([]any, len(scenarioCols))
		r[0], r[1], r[2], r[3] = s, what, prof, area
		copy(r[4:], rest)
		return r
	}
	for _, s := range p.Scenarios {
		var capping any
		if s.CapHires != nil {
			capping = map[bool]string{true: "on", false: "off"}[*s.CapHires]
		}
		var wait any
		if s.QualifierWaitMonths != nil {
			wait = *s.QualifierWaitMonths
		}
		r := row(s.Name, whatScenario, "", "", capping)
		r[scenarioWaitCol] = wait
		if s.QualifiersMove != nil {
			r[scenarioMoveCol] = yesNo(*s.QualifiersMove)
		}
		rows = append(rows, r)
		for _, o := range s.Professions {
			rows = append(rows, row(s.Name, whatProfession, o.Profession, "", nil, opt(o.LeaverRatePct), opt(o.WTEPerHead), opt(o.CostPerWTE)))
		}
		for _, o := range s.Posts {
			rows = append(rows, row(s.Name, whatPostLine, o.Profession, o.ServiceArea, nil, opt(o.LeaverRatePct), nil, nil,
				opt(o.RecruitsWTEPerYear), opt(o.FundedWTE), opt(o.InPostWTE)))
		}
		for _, c := range s.ExtraCohorts {
			rows = append(rows, row(s.Name, whatCohort, c.Profession, c.ServiceArea, nil, nil, nil, nil, nil, nil, nil,
				c.Start.String(), c.DurationMonths, c.Intake, c.CompletionPct, c.TakeupPct, nil, drawnFrom(c)[0], drawnFrom(c)[1]))
		}
	}
	return rows
}

// table writes a sheet of records with a frozen, shaded header row.
func (w *writer) table(name string, cols []col, n int, row func(i int) []any) {
	w.sheet(name, tableXML(titles(cols), n, row, 22, w.header))
}

// sheet adds an empty sheet, to be written by write as the file is copied
// out (excelize would round its numbers).
func (w *writer) sheet(name string, write sheetWriter) {
	if w.err != nil {
		return
	}
	if _, err := w.f.NewSheet(name); err != nil {
		w.err = err
		return
	}
	w.sheets[name] = write
}

// years is the total by NHS financial year, as the model contract says,
// with the pay bill against the plan's budget (demand.md; blank in a year
// with no budget).
func (w *writer) years(p *plan.Plan, pr *plan.Projection) {
	ys := pr.TotalYears()
	budget := plan.MakeBudget(p, pr) // a row for each of ys
	header := append(append([]string{"Financial year", "As at"}, yearTitles[:]...), "Trajectory target (WTE)", "Gap (WTE)",
		"Budget for pay (£)", "Headroom (£; negative: over budget)")
	w.sheet(sheetYears, tableXML(header, len(ys), func(i int) []any {
		y := ys[i]
		row := []any{y.Label(), y.Last.Label()}
		for _, x := range projtable.Values(&y.Row) {
			row = append(row, x)
		}
		return append(row, y.Target, y.Gap, opt(budget[i].Budget), opt(budget[i].Headroom))
	}, 16, w.header))
}

// yearTitles name the projection table's figures (projtable.Values, in
// its order) for people; a test holds them to the same count.
var yearTitles = [...]string{"In post (WTE)", "Headcount", "Funded (WTE)", "Vacancies (WTE)", "Leavers (WTE)",
	"Moved into training (WTE)", "Qualified (WTE)", "Hired qualified (WTE)",
	"Placed in another service area (WTE)", "Recruited (WTE)", "Unplaced (WTE)",
	"Waiting for a post (WTE)", "In training", "Salaried trainees (WTE)", "Workforce (WTE)", "Pay cost (£)"}

// summary is the first sheet: the plan's settings (read back on import),
// the headline figures and the growth chart.
func (w *writer) summary(p *plan.Plan, pr *plan.Projection, growthPNG []byte) {
	w.firstSheet(sheetSummary)
	capping := yesNo(p.CapHires)
	values := append([]any{p.Name, p.Area, p.Notes, p.Baseline.String(), p.Horizon.String(), capping,
		p.Trajectory.Interpolation, opt(p.Trajectory.BaselineWTE),
		p.QualifierWaitMonths, yesNo(p.CountSalariedTrainees), p.PayUpliftPctPerYear}, uncertainty(p.Uncertainty)...)
	values = append(values, yesNo(p.QualifiersMove))
	for i, c := range summaryFields {
		w.cell(sheetSummary, fmt.Sprintf("A%d", i+1), c.title)
		w.cell(sheetSummary, fmt.Sprintf("B%d", i+1), values[i])
	}
	w.style(sheetSummary, "A1", fmt.Sprintf("A%d", len(summaryFields)))
	s := plan.Summarise(p, pr, plan.MonthOfTime(time.Now()))
	start := len(summaryFields) + 2
	figures := [][2]any{
		{headlineTitle, "(worked out by PsyPlan; not read back)"},
		{"Scenario shown", scenarioName(pr)},
		{"Workforce measured against the trajectory", workforceCounts(p)},
		{"Pay costs", priceBase(p)},
		{"Baseline workforce (WTE)", s.BaselineWTE},
		{"Judged at", s.At.Label()},
		{"Projected workforce (WTE)", s.Projected},
		{"Trajectory target (WTE)", s.Target},
		{"Gap (WTE; negative is behind)", s.Gap},
		{"Gap (% of the target)", s.GapPct},
		{"Unplaced qualifiers over the plan (WTE)", s.Unplaced},
		{"Vacancies when judged (WTE)", s.Vacancies},
		{"Exported", time.Now().Format("2 January 2006 15:04") + " by PsyPlan"},
	}
	for i, fig := range figures {
		w.cell(sheetSummary, fmt.Sprintf("A%d", start+i), fig[0])
		w.cell(sheetSummary, fmt.Sprintf("B%d", start+i), fig[1])
	}
	w.style(sheetSummary, fmt.Sprintf("A%d", start), fmt.Sprintf("B%d", start))
	w.width(sheetSummary, "A", "A", 48)
	w.width(sheetSummary, "B", "B", 60)
	if len(growthPNG) > 0 {
		w.keep(w.f.AddPictureFromBytes(sheetSummary, "D2", &excelize.Picture{Extension: ".png", File: growthPNG,
			Format: &excelize.GraphicOptions{AltText: "Projected staff in post against the trajectory", ScaleX: 0.5, ScaleY: 0.5}}))
	}
}

// workforceCounts says what the trajectory measures.
func workforceCounts(p *plan.Plan) string {
	if p.CountSalariedTrainees {
		return "staff in post and salaried trainees"
	}
	return "staff in post"
}

// priceBase says what prices the pay costs are in.
func priceBase(p *plan.Plan) string {
	if p.PayUpliftPctPerYear == 0 {
		return "baseline prices"
	}
	return "with " + format.Percent(p.PayUpliftPctPerYear) + " pay awards a year (each April)"
}

// cell writes a cell written by excelize: text as typed (SetCellValue
// does not escape what looks like Excel's escape), a number to the last
// digit (SetCellValue keeps 15), nil as blank.
func (w *writer) cell(sheet, ref string, v any) {
	f := w.f
	switch v := v.(type) {
	case nil:
	case string:
		w.keep(f.SetCellStr(sheet, ref, escapeXString(v)))
	case float64:
		// with a precision, excelize writes FormatFloat's text as it is
		shortest := strconv.FormatFloat(v, 'f', -1, 64)
		decimals := 0
		if dot := strings.IndexByte(shortest, '.'); dot >= 0 {
			decimals = len(shortest) - dot - 1
		}
		w.keep(f.SetCellFloat(sheet, ref, v, decimals, 64))
	default:
		w.keep(f.SetCellValue(sheet, ref, v))
	}
}

// uncertainty is the Summary's four ranges: blank when the plan has no
// band, written (0s too) when it has one, so nil and all-zero come back
// as they went.
func uncertainty(u *plan.Uncertainty) []any {
	if u == nil {
		return []any{nil, nil, nil, nil}
	}
	return []any{u.LeaverRatePctPoints, u.CompletionPctPoints, u.TakeupPctPoints, u.RecruitmentPct}
}

func scenarioName(pr *plan.Projection) string {
	if pr.Scenario == "" {
		return "The plan (no scenario)"
	}
	return pr.Scenario
}
