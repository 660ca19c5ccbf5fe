package cli

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
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

func runProject(c *call) error {
	pr, err := c.projection()
	if err != nil {
		return err
	}
	switch c.opts.format {
	case "csv":
		return projtable.WriteCSV(c.stdout, pr)
	case "json":
		return projtable.WriteJSON(c.stdout, pr)
	}
	return fmt.Errorf("--format %q: choose csv or json", c.opts.format)
}

func (c *call) projection() (*plan.Projection, error) {
	_, p, err := c.findPlan(c.args[0])
	if err != nil {
		return nil, err
	}
	return plan.Project(p, c.opts.scenario)
}

func runExport(c *call) error {
	if c.opts.out == "" {
		return fmt.Errorf("--out FILE is required")
	}
	_, p, err := c.findPlan(c.args[0])
	if err != nil {
		return err
	}
	if c.opts.width < 100 || c.opts.height < 100 || c.opts.width > 10000 || c.opts.height > 10000 {
		return fmt.Errorf("--width and --height must be from 100 to 10,000 pixels")
	}
	ex := Export{Format: c.opts.format, Scenario: c.opts.scenario, Chart: c.opts.chart, Width: c.opts.width, Height: c.opts.height,
		Filter: charts.Filter{Profession: c.opts.profession, ServiceArea: c.opts.serviceArea}}
	if f := ex.Filter.Profession; f != "" && p.Profession(f) == nil {
		return fmt.Errorf("--profession %q: the plan has no profession with that id", f)
	}
	if err := ex.Write(c.opts.out, p); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Wrote %s.\n", c.opts.out)
	return nil
}

// Export is one export of a plan, for the command line and the window.
type Export struct {
	Format        string        // json, csv, xlsx, pdf, png or svg
	Scenario      string        // "" for the plan itself
	Chart         string        // png and svg: which chart
	Width, Height int           // png and svg: pixels
	Filter        charts.Filter // png and svg: one profession or service area
	Today         plan.Month
}

// Formats are the export formats.
var Formats = []string{"json", "csv", "xlsx", "pdf", "png", "svg"}

// Write writes the export to path whole, or not at all.
func (ex Export) Write(path string, p *plan.Plan) error {
	if ex.Format == "json" {
		data, err := planfile.Write(p)
		if err != nil {
			return err
		}
		return WriteFileAtomic(path, func(w io.Writer) error { _, err := w.Write(data); return err })
	}
	pr, err := plan.Project(p, ex.Scenario)
	if err != nil {
		return err
	}
	today := ex.Today
	if today == 0 {
		today = plan.MonthOfTime(time.Now())
	}
	var write func(io.Writer) error
	switch ex.Format {
	case "csv":
		write = func(w io.Writer) error { return projtable.WriteCSV(w, pr) }
	case "xlsx":
		growth, err := chartPNG(p, pr, today, "growth", 1600, 900)
		if err != nil {
			return err
		}
		write = func(w io.Writer) error { return workbook.Write(w, p, pr, growth) }
	case "pdf":
		write = func(w io.Writer) error { return report.Write(w, p, pr, today) }
	case "png", "svg":
		name := ex.Chart
		if name == "" {
			name = "growth"
		}
		c, err := charts.Make(name, charts.Input{Plan: p, Projection: pr, Today: today, Filter: ex.Filter})
		if err != nil {
			return err
		}
		write = func(w io.Writer) error {
			if ex.Format == "svg" {
				return charts.WriteSVG(w, c, ex.Width, ex.Height)
			}
			return charts.WritePNG(w, c, ex.Width, ex.Height)
		}
	default:
		return fmt.Errorf("--format %q: choose %s", ex.Format, strings.Join(Formats, ", "))
	}
	return WriteFileAtomic(path, write)
}

func chartPNG(p *plan.Plan, pr *plan.Projection, today plan.Month, name string, w, h int) ([]byte, error) {
	c, err := charts.Make(name, charts.Input{Plan: p, Projection: pr, Today: today})
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	err = charts.WritePNG(&buf, c, w, h)
	return buf.Bytes(), err
}

// WriteFileAtomic writes a file whole or not at all: into a temporary file
// beside it, renamed over the name only once everything is written, so a
// failed export leaves nothing half-written behind.
func WriteFileAtomic(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	bw := bufio.NewWriterSize(tmp, 1<<16)
	if err := write(bw); err != nil {
		tmp.Close()
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := bw.Flush(); err != nil {
		tmp.Close()
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	return nil
}
