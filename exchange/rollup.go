package exchange

import (
	"fmt"
	"io"
	"time"

	"example.org/psyplan/charts"
	"example.org/psyplan/plan"
	"example.org/psyplan/projtable"
	"example.org/psyplan/report"
	"example.org/psyplan/workbook"
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
	// every check a workbook makes (the name, added up, finite), for
	// every format; the report's own below
	if err := (workbook.Rollup{Name: ex.Name, Projection: ex.Projection}).Check(); err != nil {
		return nil, err
	}
	rp := ex.Projection
	if ex.Today == 0 {
		ex.Today = plan.MonthOfTime(time.Now())
	}
	switch ex.Format {
	case "csv":
		return func(w io.Writer) error { return projtable.WriteCSV(w, &rp.Projection) }, nil
	case "xlsx":
		return ex.workbook, nil
	case "pdf":
		if err := report.CheckRollup(ex.Name, rp); err != nil {
			return nil, err
		}
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

// workbook writes the roll-up as a workbook (workbook.WriteRollup).
func (ex RollupExport) workbook(out io.Writer) error {
	return workbook.WriteRollup(out, workbook.Rollup{Name: ex.Name, Projection: ex.Projection, Members: ex.Members, Today: ex.Today})
}

// report writes the roll-up as a PDF (report.WriteRollup).
func (ex RollupExport) report(out io.Writer) error {
	return report.WriteRollup(out, ex.Name, ex.Projection, ex.Today, ex.WithTrainees)
}
