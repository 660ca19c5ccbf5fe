package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"example.org/psyplan/exchange"
	"example.org/psyplan/plan"
	"example.org/psyplan/projtable"
	"example.org/psyplan/store"
)

var rollupCommand = command{
	usage: "psyplan rollup [--db PATH] create --name NAME PLAN[@SCENARIO]...\n" +
		"  psyplan rollup [--db PATH] list\n" +
		"  psyplan rollup [--db PATH] project [--format csv|json] ROLLUP\n" +
		"  psyplan rollup [--db PATH] export --format csv|xlsx|pdf|png|svg [--chart growth|gaps] --out FILE ROLLUP\n" +
		"  psyplan rollup [--db PATH] delete ROLLUP",
	args: -1, reads: true, run: runRollup,
	flags: func(fs *flag.FlagSet, o *options) {
		fs.StringVar(&o.name, "name", "", "the new roll-up's name")
		fs.StringVar(&o.format, "format", "", "csv or json (project); csv, xlsx, pdf, png or svg (export)")
		fs.StringVar(&o.out, "out", "", "the file to write (export)")
		fs.StringVar(&o.chart, "chart", "", "the chart of a png or svg export: growth (the region against its trajectory) or gaps (each plan's gap)")
	},
}

// runRollup runs one of the roll-up commands: a roll-up is a named list
// of plans (each by itself or by one of its scenarios), projected as
// the sum of their projections.
func runRollup(c *call) error {
	sub, args := c.args[0], c.args[1:]
	if c.opts.name != "" && sub != "create" {
		return badArg("--name is for rollup create only")
	}
	if c.opts.out != "" && sub != "export" {
		return badArg("--out is for rollup export only")
	}
	if c.opts.chart != "" && sub != "export" {
		return badArg("--chart is for rollup export only")
	}
	want := map[string]int{"list": 0, "project": 1, "export": 1, "delete": 1}
	n, ok := want[sub]
	switch {
	case sub == "create":
		return c.createRollup(args)
	case !ok:
		return badArg("%q is not a rollup command: choose create, list, project, export or delete", sub)
	case len(args) != n:
		return badArg("rollup %s takes %d argument(s), got %d", sub, n, len(args))
	case sub == "list":
		return c.listRollups()
	case sub == "delete":
		return c.deleteRollup(args[0])
	}
	return c.projectRollup(sub, args[0])
}

// createRollup stores a roll-up of the plans named, each PLAN (an id or
// exact name) or PLAN@SCENARIO.
func (c *call) createRollup(args []string) error {
	name := c.opts.name
	if strings.TrimSpace(name) == "" {
		return badArg("--name NAME is required: the roll-up's name")
	}
	if len(args) == 0 {
		return badArg("rollup create needs its plans: PLAN or PLAN@SCENARIO, one argument each")
	}
	if _, err := c.lib.FindRollup(c.ctx, name); err == nil {
		return badArg("--name %q: a roll-up of that name is in the library already", name)
	}
	members := make([]store.RollupMember, len(args))
	for i, arg := range args {
		m, err := c.rollupMember(arg)
		if err != nil {
			return err
		}
		members[i] = m
	}
	id, err := c.lib.CreateRollup(c.ctx, name, members)
	var bad *store.RollupError
	if errors.As(err, &bad) {
		return usageError{err} // the roll-up asked for is wrong
	}
	if err != nil {
		return err // the library could not take it: a full disk, say
	}
	_, err = fmt.Fprintf(c.stdout, "Created the roll-up %q of %d plans.\n%d\n", name, len(members), id)
	return err
}

// rollupMember reads PLAN or PLAN@SCENARIO. The whole argument is tried
// as a plan first, so a plan whose name holds an @ can be named; then
// each @ from the last, the plan before it and the scenario after.
func (c *call) rollupMember(arg string) (store.RollupMember, error) {
	id, first := c.lib.FindPlan(c.ctx, arg)
	if first == nil {
		return store.RollupMember{PlanID: id}, nil
	}
	for at := strings.LastIndex(arg, "@"); at >= 0; at = strings.LastIndex(arg[:at], "@") {
		id, err := c.lib.FindPlan(c.ctx, arg[:at])
		if err != nil {
			continue
		}
		scenario := arg[at+1:]
		p, err := c.lib.LoadPlan(c.ctx, id)
		if err != nil {
			return store.RollupMember{}, badArg("%q: %v", arg, err)
		}
		if scenario == "" || p.Scenario(scenario) == nil {
			return store.RollupMember{}, badArg("%q: plan %d %q has no scenario %q", arg, id, p.Name, scenario)
		}
		return store.RollupMember{PlanID: id, Scenario: scenario}, nil
	}
	return store.RollupMember{}, badArg("%q: %v", arg, first)
}

func (c *call) listRollups() error {
	list, err := c.lib.ListRollups(c.ctx)
	if err != nil {
		return err
	}
	for _, r := range list {
		if _, err := fmt.Fprintf(c.stdout, "%d\t%s\t%d plans\n", r.ID, oneLine(r.Name), len(r.Members)); err != nil {
			return err
		}
	}
	return nil
}

func (c *call) findRollup(ref string) (int64, error) {
	id, err := c.lib.FindRollup(c.ctx, ref)
	if err != nil {
		return 0, badArg("%v", err)
	}
	return id, nil
}

func (c *call) deleteRollup(ref string) error {
	id, err := c.findRollup(ref)
	if err != nil {
		return err
	}
	r, err := c.lib.LoadRollup(c.ctx, id)
	if err != nil {
		return err
	}
	if err := c.lib.DeleteRollup(c.ctx, id); err != nil {
		return err
	}
	_, err = fmt.Fprintf(c.stdout, "Deleted roll-up %d, %q; its plans stay.\n", id, r.Name)
	return err
}

// projectRollup writes the roll-up's projection table (project: to the
// output; export: to --out), and says on standard error where a plan
// counts nothing.
func (c *call) projectRollup(sub, ref string) error {
	format := c.opts.format
	if format == "" && sub == "project" {
		format = "csv"
	}
	if sub == "export" {
		if c.opts.out == "" {
			return badArg("--out FILE is required")
		}
		if !isRollupFormat(format) {
			return badArg("--format %q: a roll-up exports as csv, xlsx, pdf, png or svg", format)
		}
		if c.opts.chart != "" && format != "png" && format != "svg" {
			return badArg("--chart is for a png or svg export")
		}
	} else if format != "csv" && format != "json" {
		return badArg("--format %q: choose csv or json", format)
	}
	id, err := c.findRollup(ref)
	if err != nil {
		return err
	}
	r, members, err := c.lib.RollupPlans(c.ctx, id)
	if err != nil {
		return err
	}
	rp, err := plan.ProjectRollup(members)
	if err != nil {
		return err
	}
	for _, note := range rp.Notes() {
		fmt.Fprintln(c.stderr, "note:", note)
	}
	write := func(w io.Writer) error { return projtable.WriteCSV(w, &rp.Projection) }
	if format == "json" {
		write = func(w io.Writer) error { return projtable.WriteJSON(w, &rp.Projection) }
	}
	if sub == "project" {
		return write(c.stdout)
	}
	ex := exchange.RollupExport{Name: r.Name, Format: format, Chart: c.opts.chart, Projection: rp, Members: members}
	for _, m := range members {
		ex.WithTrainees = ex.WithTrainees || m.Plan.CountSalariedTrainees
	}
	if err := ex.Write(c.opts.out); err != nil {
		return err
	}
	_, err = fmt.Fprintf(c.stdout, "Wrote %s.\n", c.opts.out)
	return err
}

func isRollupFormat(name string) bool {
	for _, f := range exchange.RollupFormats {
		if f.Name == name {
			return true
		}
	}
	return false
}
