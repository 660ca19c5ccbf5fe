package cli

import (
	"fmt"

	"example.org/psyplan/charts"
	"example.org/psyplan/exchange"
	"example.org/psyplan/plan"
	"example.org/psyplan/projtable"
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
	ex := exchange.Export{Format: c.opts.format, Scenario: c.opts.scenario, Chart: c.opts.chart, Width: c.opts.width, Height: c.opts.height,
		Filter: charts.Filter{Profession: c.opts.profession, ServiceArea: c.opts.serviceArea}}
	if f := ex.Filter.Profession; f != "" && p.Profession(f) == nil {
		return badArg("--profession %q: the plan has no profession with that id", f)
	}
	if !filterMatches(p, ex.Filter) {
		return badArg("--profession %q --service-area %q: no post line or cohort of the plan matches, so the chart would be empty",
			ex.Filter.Profession, ex.Filter.ServiceArea)
	}
	if !exchange.IsFormat(ex.Format) {
		return fmt.Errorf("--format %q: choose %s", ex.Format, exchange.FormatNames())
	}
	if err := ex.Write(c.opts.out, p); err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Wrote %s.\n", c.opts.out)
	return nil
}

// filterMatches tells whether some line of the plan (a post line, or a
// cohort's line) passes the chart filter.
func filterMatches(p *plan.Plan, f charts.Filter) bool {
	if f.Profession == "" && f.ServiceArea == "" {
		return true
	}
	keep := func(k plan.LineKey) bool {
		return (f.Profession == "" || k.Profession == f.Profession) && (f.ServiceArea == "" || k.ServiceArea == f.ServiceArea)
	}
	for _, l := range p.Posts {
		if keep(l.Key()) {
			return true
		}
	}
	for _, c := range p.Cohorts {
		if keep(c.Key()) {
			return true
		}
	}
	return false
}
