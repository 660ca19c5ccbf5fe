package cli

import (
	"fmt"

	"example.org/psyplan/charts"
	"example.org/psyplan/exchange"
	"example.org/psyplan/plan"
	"example.org/psyplan/projtable"
)

func runProject(c *call) error {
	_, pr, err := c.projectFor()
	if err != nil {
		return err
	}
	if c.opts.format == "json" {
		return projtable.WriteJSON(c.stdout, pr)
	}
	return projtable.WriteCSV(c.stdout, pr)
}

func runExport(c *call) error {
	if c.opts.out == "" {
		return badArg("--out FILE is required")
	}
	if !exchange.IsFormat(c.opts.format) {
		return badArg("--format %q: choose %s", c.opts.format, exchange.FormatNames())
	}
	if c.opts.format != "png" && c.opts.format != "svg" {
		for _, f := range []string{"chart", "width", "height", "profession", "service-area"} {
			if c.opts.set[f] {
				return badArg("--%s is for png and svg charts; a %s export has no chart to choose", f, c.opts.format)
			}
		}
	}
	if c.opts.set["runs"] && (c.opts.runs < 1 || c.opts.runs > plan.MaxBandRuns) {
		return badArg("--runs %d: choose 1 to 100,000", c.opts.runs)
	}
	if c.opts.set["runs"] && (c.opts.format == "json" || c.opts.format == "csv") {
		return badArg("--runs is for the likely range, which a %s export does not draw", c.opts.format)
	}
	if c.opts.width < 100 || c.opts.height < 100 || c.opts.width > 10000 || c.opts.height > 10000 {
		return badArg("--width and --height must be from 100 to 10,000 pixels")
	}
	_, p, err := c.findPlan(c.args[0])
	if err != nil {
		return err
	}
	ex := exchange.Export{Format: c.opts.format, Scenario: c.opts.scenario, Chart: c.opts.chart, Width: c.opts.width, Height: c.opts.height,
		Filter: charts.Filter{Profession: c.opts.profession, ServiceArea: c.opts.serviceArea}, Runs: c.opts.runs}
	if f := ex.Filter.Profession; f != "" && p.Profession(f) == nil {
		return badArg("--profession %q: the plan has no profession with that id", f)
	}
	if !filterMatches(p, ex.Filter) {
		return badArg("--profession %q --service-area %q: no post line or cohort of the plan matches, so the chart would be empty",
			ex.Filter.Profession, ex.Filter.ServiceArea)
	}
	if c.opts.scenario != "" && p.Scenario(c.opts.scenario) == nil {
		return badArg("--scenario %q: the plan has no scenario of that name", c.opts.scenario)
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
