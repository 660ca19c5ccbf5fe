package exchange

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"example.org/psyplan/charts"
	"example.org/psyplan/plan"
	"example.org/psyplan/planfile"
	"example.org/psyplan/projtable"
	"example.org/psyplan/report"
	"example.org/psyplan/workbook"
)

// Format is one kind of export.
type Format struct {
	Name  string // as the command line's --format takes it
	Ext   string // the file ending, with its dot
	Label string // what it is, in a planner's words
}

// Formats are the exports, in the order the window offers them.
var Formats = []Format{
	{"json", planfile.Extension, "Plan file, to share or keep"},
	{"xlsx", ".xlsx", "Workbook for Excel or LibreOffice"},
	{"pdf", ".pdf", "Report for a board paper"},
	{"csv", ".csv", "Projection table"},
	{"png", ".png", "Chart picture"},
	{"svg", ".svg", "Chart picture for slides, any size"},
}

// FormatNames are the formats' names, "json, xlsx, …", for messages.
func FormatNames() string {
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = f.Name
	}
	return strings.Join(names, ", ")
}

// Export is one export of a plan.
type Export struct {
	Format        string        // one of Formats' names
	Scenario      string        // "" for the plan itself
	Chart         string        // png and svg: which chart ("" the growth chart)
	Width, Height int           // png and svg: pixels (0: 1920 x 1080)
	Filter        charts.Filter // png and svg: one profession or service area
	Today         plan.Month    // the month charts mark as now (0: this month)

	// Projection is the plan's projection of Scenario when the caller
	// has it already (the window does); nil projects the plan here.
	Projection *plan.Projection
	// Band is the band of Scenario when the caller has it already; nil
	// works it out here when the export draws it (band.go).
	Band *plan.Band
	// Runs is how many runs a band worked out here takes: 0 for
	// plan.DefaultBandRuns, as the window's; fewer is quicker.
	Runs int
}

// Write writes the export of p to path whole, or not at all.
func (ex Export) Write(path string, p *plan.Plan) error {
	write, err := ex.writer(p)
	if err != nil {
		return err
	}
	return WriteFileAtomic(path, write)
}

// writer prepares everything that can fail before the file is touched.
func (ex Export) writer(p *plan.Plan) (func(io.Writer) error, error) {
	if ex.Format == "json" {
		data, err := planfile.Write(p)
		if err != nil {
			return nil, err
		}
		return func(w io.Writer) error { _, err := w.Write(data); return err }, nil
	}
	if !IsFormat(ex.Format) {
		return nil, fmt.Errorf("PsyPlan does not export %q: choose %s", ex.Format, FormatNames())
	}
	var answer *report.Answer
	if ex.Format == "pdf" {
		// begun now, it is made beside the projection and the band
		answer = report.StartAnswer(p, ex.Scenario)
	}
	pr := ex.Projection
	if pr == nil || pr.Scenario != ex.Scenario {
		var err error
		if pr, err = ex.project(p); err != nil {
			return nil, err
		}
	}
	today := ex.Today
	if today == 0 {
		today = plan.MonthOfTime(time.Now())
	}
	band, err := ex.band(p, pr)
	if err != nil {
		return nil, err
	}
	switch ex.Format {
	case "csv":
		return func(w io.Writer) error { return projtable.WriteCSV(w, pr) }, nil
	case "xlsx":
		growth, err := chartPNG(charts.Input{Plan: p, Projection: pr, Today: today, Band: band}, "growth", 1600, 900)
		if err != nil {
			return nil, err
		}
		return func(w io.Writer) error { return workbook.WriteWithBand(w, p, pr, growth, band) }, nil
	case "pdf":
		return func(w io.Writer) error { return report.WriteWithAnswer(w, p, pr, today, band, answer) }, nil
	}
	return ex.chartWriter(charts.Input{Plan: p, Projection: pr, Today: today, Filter: ex.Filter, Band: band})
}

// project makes the projection the export needs. The board paper reads
// only professions' sums unless it has a demand page, which reads every
// service area's lines.
func (ex Export) project(p *plan.Plan) (*plan.Projection, error) {
	if ex.Format == "pdf" && len(p.Demand) == 0 {
		return plan.ProjectByProfession(p, ex.Scenario)
	}
	return plan.Project(p, ex.Scenario)
}

// chartWriter draws a png or svg chart.
func (ex Export) chartWriter(in charts.Input) (func(io.Writer) error, error) {
	name := ex.Chart
	if name == "" {
		name = "growth"
	}
	w, h := ex.Width, ex.Height
	if w == 0 && h == 0 {
		w, h = 1920, 1080
	}
	c, err := charts.Make(name, in)
	if err != nil {
		return nil, err
	}
	if ex.Format == "svg" {
		return func(out io.Writer) error { return charts.WriteSVG(out, c, w, h) }, nil
	}
	return func(out io.Writer) error { return charts.WritePNG(out, c, w, h) }, nil
}

// IsFormat tells whether name is one of Formats.
func IsFormat(name string) bool {
	for _, f := range Formats {
		if f.Name == name {
			return true
		}
	}
	return false
}

func chartPNG(in charts.Input, name string, w, h int) ([]byte, error) {
	c, err := charts.Make(name, in)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	err = charts.WritePNG(&buf, c, w, h)
	return buf.Bytes(), err
}

// WriteFileAtomic writes a file whole or not at all: into a temporary file
// beside it, renamed over the name only once everything is written, so a
// failed export leaves nothing half-written behind (and an older file of
// that name as it was).
func WriteFileAtomic(path string, write func(io.Writer) error) error {
	mode, err := replaceableMode(path)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	if err := writeAndClose(tmp, write, mode); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	}
	return nil
}

// replaceableMode is the permissions the export gets: those of the file
// it replaces (a private file stays private), else rw-r--r--. A folder or
// a symbolic link in the way is refused, never replaced.
func replaceableMode(path string) (os.FileMode, error) {
	fi, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return 0o644, nil
	case err != nil:
		return 0, fmt.Errorf("cannot write %s: %w", path, unwrapPath(err))
	case fi.IsDir():
		return 0, fmt.Errorf("cannot write %s: it is a folder; choose a file name", path)
	case fi.Mode()&fs.ModeSymlink != 0:
		return 0, fmt.Errorf("cannot write %s: it is a link to another file; PsyPlan does not replace links", path)
	case !fi.Mode().IsRegular():
		return 0, fmt.Errorf("cannot write %s: it is not an ordinary file", path)
	case fi.Mode().Perm()&0o200 == 0:
		// A desktop program does not replace a file its owner made read-only.
		return 0, fmt.Errorf("cannot write %s: the file is read-only; choose another name or make it writable first", path)
	}
	return fi.Mode().Perm(), nil
}

// unwrapPath keeps the reason of a file error, not the temporary file's
// name, which means nothing to the person exporting.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

func writeAndClose(f *os.File, write func(io.Writer) error, mode os.FileMode) error {
	bw := bufio.NewWriterSize(f, 1<<16)
	err := write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = f.Chmod(mode)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
