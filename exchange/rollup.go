package exchange

import (
	"bytes"
	"fmt"
	"io"
	"time"

	"github.com/go-pdf/fpdf"
	"github.com/xuri/excelize/v2"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"

	"example.org/psyplan/charts"
	"example.org/psyplan/format"
	"example.org/psyplan/plan"
	"example.org/psyplan/projtable"
)

// RollupFormats are the exports of a roll-up, in the order the window
// offers them. A roll-up is no plan, so it has no plan file.
var RollupFormats = []Format{
	{"xlsx", ".xlsx", "Workbook: the region by month and each plan's gap"},
	{"pdf", ".pdf", "Report: the region's growth chart and each plan's gap"},
	{"csv", ".csv", "Projection table, lines summed across the plans"},
	{"png", ".png", "Chart picture"},
	{"svg", ".svg", "Chart picture for slides, any size"},
}

// Roll-up charts, by the names --chart takes.
const (
	RollupChartGrowth = "growth"
	RollupChartGaps   = "gaps"
)

// RollupExport is one export of a roll-up, from its projection.
type RollupExport struct {
	Name          string // the roll-up's name
	Format        string // one of RollupFormats' names
	Chart         string // png and svg: RollupChartGrowth ("") or RollupChartGaps
	Width, Height int    // png and svg: pixels (0: 1920 x 1080)
	Today         plan.Month
	Projection    *plan.RollupProjection
	WithTrainees  bool // some plan counts salaried trainees in its workforce (the legend says so)
	// Members are the roll-up's plans: with them the workbook adds the
	// region's demand (the plans' access targets summed) and budget.
	Members []plan.RollupMember
}

// Write writes the export to path whole, or not at all.
func (ex RollupExport) Write(path string) error {
	write, err := ex.writer()
	if err != nil {
		return err
	}
	return WriteFileAtomic(path, write)
}

func (ex RollupExport) writer() (func(io.Writer) error, error) {
	rp := ex.Projection
	if rp == nil {
		return nil, fmt.Errorf("the roll-up %q has not been added up", ex.Name)
	}
	if !projtable.Finite(&rp.Projection) {
		return nil, projtable.ErrNotFinite
	}
	if ex.Today == 0 {
		ex.Today = plan.MonthOfTime(time.Now())
	}
	switch ex.Format {
	case "csv":
		return func(w io.Writer) error { return projtable.WriteCSV(w, &rp.Projection) }, nil
	case "xlsx":
		return ex.workbook, nil
	case "pdf":
		return ex.report, nil
	case "png", "svg":
		c, err := ex.chart()
		if err != nil {
			return nil, err
		}
		w, h := ex.Width, ex.Height
		if w <= 0 || h <= 0 {
			w, h = 1920, 1080
		}
		if ex.Format == "svg" {
			return func(out io.Writer) error { return charts.WriteSVG(out, c, w, h) }, nil
		}
		return func(out io.Writer) error { return charts.WritePNG(out, c, w, h) }, nil
	}
	return nil, fmt.Errorf("a roll-up does not export as %q: choose xlsx, pdf, csv, png or svg", ex.Format)
}

func (ex RollupExport) chart() (charts.Chart, error) {
	rp := ex.Projection
	switch ex.Chart {
	case "", RollupChartGrowth:
		today := ex.Today
		if rp.Index(today) < 0 {
			today = 0
		}
		return charts.RollupGrowth(ex.Name, rp, today, ex.WithTrainees), nil
	case RollupChartGaps:
		return charts.MemberGapChart(ex.Name, rp, rp.JudgedAt()), nil
	}
	return nil, fmt.Errorf("no roll-up chart %q: choose %s or %s", ex.Chart, RollupChartGrowth, RollupChartGaps)
}

// workbook writes the roll-up as a workbook: the headline and each
// plan's gap, the region by month (with the plans counting nothing in
// that month), and each plan's months.
func (ex RollupExport) workbook(out io.Writer) error {
	rp := ex.Projection
	f := excelize.NewFile(excelize.Options{TmpDir: "\x00no temporary files"})
	defer f.Close()
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Color: []string{"E8EEF4"}, Pattern: 1}})
	s := rp.Summarise(ex.Today)
	const first = "Roll-up"
	f.SetSheetName("Sheet1", first)
	rows := [][]any{
		{"Roll-up", ex.Name},
		{"Judged at", s.At.String()},
		{"Workforce (WTE)", s.Projected},
		{"Trajectory (WTE)", s.Target},
		{"Gap (WTE)", s.Gap},
		{},
		{"Plan (most behind first)", "Workforce (WTE)", "Trajectory (WTE)", "Gap (WTE)", "Gap %"},
	}
	for _, g := range rp.GapsAt(s.At) {
		rows = append(rows, []any{g.Name, g.Workforce, g.Target, g.Gap, g.GapPct})
	}
	rows = append(rows, []any{})
	for _, n := range rp.Notes() {
		rows = append(rows, []any{n})
	}
	if err := putRows(f, first, rows, 7, bold); err != nil {
		return err
	}
	month := [][]any{{"Month", "Workforce (WTE)", "In post (WTE)", "Trajectory (WTE)", "Gap (WTE)", "Plans counting nothing"}}
	for i := range rp.Total {
		absent := ""
		for k, a := range rp.Absent(i) {
			if k > 0 {
				absent += "; "
			}
			absent += a
		}
		month = append(month, []any{rp.Month(i).String(), rp.Total[i].Workforce, rp.Total[i].InPost, rp.Target[i], rp.Gap[i], absent})
	}
	f.NewSheet("By month")
	if err := putRows(f, "By month", month, 1, bold); err != nil {
		return err
	}
	plans := [][]any{{"Plan", "Scenario", "Baseline", "Horizon", "Judged at", "Base (WTE)"}}
	for _, m := range rp.Members {
		plans = append(plans, []any{m.Name, m.Scenario, m.Baseline.String(), m.Horizon.String(), m.JudgedAt.String(), m.Base})
	}
	f.NewSheet("Plans")
	if err := putRows(f, "Plans", plans, 1, bold); err != nil {
		return err
	}
	if err := ex.demandAndBudget(f, bold); err != nil {
		return err
	}
	_, err := f.WriteTo(out)
	return err
}

// demandAndBudget adds the region's demand, month by month (the sum of its
// plans' ALL/ALL demand rows, each plan in its own months), when a plan has
// access targets, and its budget per financial year (blank in a year a
// plan has no budget for), when a plan has one (demand.md).
func (ex RollupExport) demandAndBudget(f *excelize.File, style int) error {
	if ex.Members == nil {
		return nil
	}
	rp := ex.Projection
	demand, err := plan.RollupDemand(ex.Members, rp)
	if err != nil {
		return err
	}
	if demand != nil {
		rows := [][]any{{"Month", "People a year (access targets)", "WTE needed", "WTE in post", "Gap (WTE)", "People a year the staff can treat", "People short"}}
		for i, d := range demand {
			rows = append(rows, []any{rp.Month(i).String(), d.PeoplePerYear, d.NeededWTE, d.AvailableWTE, d.GapWTE, d.CapacityPeople, d.ShortfallPeople})
		}
		if _, err := f.NewSheet("Demand"); err != nil {
			return err
		}
		if err := putRows(f, "Demand", rows, 1, style); err != nil {
			return err
		}
	}
	budgeted := false
	for _, m := range ex.Members {
		budgeted = budgeted || len(m.Plan.Budget) > 0
	}
	if !budgeted {
		return nil
	}
	rows := [][]any{{"Financial year", "Months", "Pay bill (£)", "Budget (£)", "Headroom (£)"}}
	for _, b := range plan.RollupBudget(ex.Members, rp) {
		row := []any{b.Label(), b.Months, b.PayCost, nil, nil}
		if b.Budget != nil {
			row[3], row[4] = *b.Budget, *b.Headroom
		}
		rows = append(rows, row)
	}
	if _, err := f.NewSheet("Budget"); err != nil {
		return err
	}
	return putRows(f, "Budget", rows, 1, style)
}

// putRows writes rows from A1, row header (1-based) in the header style.
func putRows(f *excelize.File, sheet string, rows [][]any, header, style int) error {
	for i, r := range rows {
		if len(r) == 0 {
			continue
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			return err
		}
	}
	end, _ := excelize.CoordinatesToCellName(len(rows[header-1]), header)
	f.SetColWidth(sheet, "A", "A", 36)
	return f.SetCellStyle(sheet, fmt.Sprintf("A%d", header), end, style)
}

// report writes the roll-up as a two-page A4 landscape PDF: the
// region's growth chart with its headline, and each plan's gap.
func (ex RollupExport) report(out io.Writer) error {
	rp := ex.Projection
	pdf := fpdf.New("L", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes("Go", "", goregular.TTF)
	pdf.AddUTF8FontFromBytes("Go", "B", gobold.TTF)
	pdf.SetMargins(14, 14, 14)
	pdf.SetTitle(ex.Name, true)
	s := rp.Summarise(ex.Today)
	page := func(title, text string, key string, c charts.Chart) {
		pdf.AddPage()
		pdf.SetFont("Go", "B", 16)
		pdf.CellFormat(0, 9, title, "", 1, "L", false, 0, "")
		pdf.SetFont("Go", "", 10)
		pdf.MultiCell(0, 5, text, "", "L", false)
		var buf bytes.Buffer
		if err := charts.WritePNG(&buf, c, 1200, 640); err != nil {
			pdf.SetError(err)
			return
		}
		opts := fpdf.ImageOptions{ImageType: "PNG"}
		pdf.RegisterImageOptionsReader(key, opts, &buf)
		pdf.ImageOptions(key, 14, pdf.GetY()+3, 269, 143, false, opts, 0, "")
	}
	headline := fmt.Sprintf("%d plans added together. At %s: workforce %s WTE, trajectory %s WTE, gap %s WTE.",
		len(rp.Members), s.At.Label(), format.Whole(s.Projected), format.Whole(s.Target), format.Whole(s.Gap))
	for _, n := range rp.Notes() {
		headline += "\n" + n
	}
	page(ex.Name+": the region against its trajectory", headline, "growth", charts.RollupGrowth(ex.Name, rp, 0, ex.WithTrainees))
	page(ex.Name+": which plan is behind", "Each plan's workforce against its own trajectory at "+s.At.Label()+", most behind first.",
		"gaps", charts.MemberGapChart(ex.Name, rp, s.At))
	if err := pdf.Error(); err != nil {
		return err
	}
	return pdf.Output(out)
}
