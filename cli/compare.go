package cli

import (
	"flag"

	"example.org/psyplan/plan"
	"example.org/psyplan/projtable"
)

var compareCommand = command{
	usage: "psyplan compare [--db PATH] [--format csv|json] [--runs N] [--seed S] PLAN",
	args:  1, reads: true, run: runCompare,
	flags: func(fs *flag.FlagSet, o *options) {
		fs.StringVar(&o.format, "format", "csv", "csv or json")
		fs.Var((*decimalInt)(&o.runs), "runs", "the band's runs for the chance of being on track, 1 to 100,000")
		fs.Var((*decimalInt64)(&o.seed), "seed", "the band's random seed")
	},
}

// runCompare writes the plan and its scenarios side by side. When the
// plan has an uncertainty band, each column's band gives the chance of
// being on track at each milestone.
func runCompare(c *call) error {
	if err := c.checkTableRuns(); err != nil {
		return err
	}
	_, p, err := c.findPlan(c.args[0])
	if err != nil {
		return err
	}
	bands, err := plan.CompareBands(c.ctx, p, c.opts.runs, c.opts.seed)
	if err != nil {
		return err
	}
	cmp, err := plan.Compare(p, bands)
	if err != nil {
		return err
	}
	if c.opts.format == "json" {
		return projtable.WriteCompareJSON(c.stdout, cmp)
	}
	return projtable.WriteCompareCSV(c.stdout, cmp)
}
