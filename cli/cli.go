// Package cli is PsyPlan's command line: the same binary as the window,
// for scripts and for people who live in a terminal. It needs no display.
// It only reads arguments and prints: files go in and out through
// package exchange, which the window uses too.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"example.org/psyplan/charts"
	"example.org/psyplan/exchange"
	"example.org/psyplan/plan"
	"example.org/psyplan/store"
)

// command is one subcommand: its flags, what it does with the library,
// and its one-line usage.
type command struct {
	usage string
	args  int // positional arguments it takes; -1: one or more
	flags func(fs *flag.FlagSet, o *options)
	run   func(c *call) error
	// reads marks a command that only reads the library: it works on a
	// read-only library too.
	reads bool
}

// options are every flag any command takes.
type options struct {
	db      string
	dbGiven bool // --db was given, even as ""

	scenario      string
	format        string
	out           string
	chart         string
	width, height int
	profession    string
	serviceArea   string
	// solve and band
	by, from, lever, professions, name, target string
	runs                                       int
	seed                                       int64

	set map[string]bool // the flags given, even as ""
}

// call is one run of a command.
type call struct {
	ctx    context.Context
	opts   options
	args   []string
	stdout io.Writer
	stderr io.Writer // notes beside the output (a roll-up's absent plans)
	lib    *store.Library
	made   string // the library's folder, when opening the library made it
	stored string // what the command stored, said if its output then fails
}

var commands = map[string]command{
	"import": {usage: "psyplan import [--db PATH] FILE|FOLDER...", args: -1, run: runImport},
	"list":   {usage: "psyplan list [--db PATH]", run: runList, reads: true},
	"project": {usage: "psyplan project [--db PATH] [--scenario NAME] [--format csv|json] PLAN", args: 1,
		flags: func(fs *flag.FlagSet, o *options) {
			fs.StringVar(&o.scenario, "scenario", "", "the scenario to project (default: the plan itself)")
			fs.StringVar(&o.format, "format", "csv", "csv or json")
		}, run: runProject, reads: true},
	"export": {usage: "psyplan export [--db PATH] --format json|csv|xlsx|pdf|png|svg [--chart NAME] [--width W --height H] [--profession ID] [--service-area NAME] [--scenario NAME] [--runs N] --out FILE PLAN", args: 1,
		flags: func(fs *flag.FlagSet, o *options) {
			fs.StringVar(&o.scenario, "scenario", "", "the scenario to project (default: the plan itself)")
			fs.StringVar(&o.format, "format", "", "json (the plan file), csv (the projection table), xlsx, pdf, png or svg")
			fs.StringVar(&o.out, "out", "", "the file to write")
			fs.StringVar(&o.chart, "chart", "growth", "the chart of a png or svg export: "+charts.Names())
			fs.Var((*decimalInt)(&o.width), "width", "the chart's width in pixels")
			fs.Var((*decimalInt)(&o.height), "height", "the chart's height in pixels")
			fs.StringVar(&o.profession, "profession", "", "a png or svg chart of one profession (its id)")
			fs.StringVar(&o.serviceArea, "service-area", "", "a png or svg chart of one service area")
			fs.Var((*decimalInt)(&o.runs), "runs", "the likely range's runs, for a plan with uncertainty, 1 to 100,000 (default 1,000, as the window's; fewer is quicker)")
		}, run: runExport, reads: true},
	"demand": {usage: "psyplan demand [--db PATH] [--scenario NAME] [--format csv|json] PLAN", args: 1,
		flags: tableFlags, run: runDemand, reads: true},
	"budget": {usage: "psyplan budget [--db PATH] [--scenario NAME] [--format csv|json] PLAN", args: 1,
		flags: tableFlags, run: runBudget, reads: true},
	"solve": {usage: "psyplan solve [--db PATH] [--scenario NAME] [--target trajectory|demand] [--by YYYY-MM] [--lever intake|recruitment|funded] [--professions ID,ID] [--from YYYY-MM] [--name NAME] [--format text|json] PLAN",
		args: 1, flags: solveFlags, run: runSolve},
	"band": {usage: "psyplan band [--db PATH] [--scenario NAME] [--runs N] [--seed S] [--format csv|json] PLAN",
		args: 1, flags: bandFlags, run: runBand, reads: true},
	"delete":          {usage: "psyplan delete [--db PATH] PLAN", args: 1, run: runDelete},
	"restore-default": {usage: "psyplan restore-default [--db PATH]", run: runRestoreDefault},
	"rollup":          rollupCommand,
	"compare":         compareCommand,
}

// IsCommand tells whether args (without the program name) name a
// subcommand; otherwise main opens the window.
func IsCommand(args []string) bool {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--db" || a == "-db" || a == "--screenshot" || a == "-screenshot" {
			i++ // skip the flag's value
			continue
		}
		if strings.HasPrefix(a, "-") {
			continue
		}
		_, ok := commands[a]
		return ok || a == "help"
	}
	return false
}

// Run runs the subcommand in args and returns the exit code: 0 done,
// 1 failed, 2 used wrongly. Errors go to stderr, one plain message.
func Run(args []string, stdout, stderr io.Writer) int {
	name, rest := splitCommand(args)
	if name == "help" || name == "" {
		fmt.Fprint(stdout, Usage())
		return 0
	}
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "psyplan: %q is not a command\n\n%s", name, Usage())
		return 2
	}
	out := &checkedWriter{w: stdout}
	c := &call{ctx: context.Background(), stdout: out, stderr: stderr}
	positional, err := parseFlags(name, cmd, rest, &c.opts)
	if err == nil && c.opts.dbGiven && c.opts.db == "" {
		err = errors.New("--db needs a library file; leave --db out to use your own library")
	}
	if err != nil {
		fmt.Fprintf(stderr, "psyplan %s: %v\nusage: %s\n", name, err, cmd.usage)
		return 2
	}
	c.args = positional
	if err := c.open(cmd.reads); err != nil {
		fmt.Fprintf(stderr, "psyplan: %v\n", err)
		return 1
	}
	if c.made != "" {
		fmt.Fprintf(stderr, "psyplan: made the folder %s for the library\n", c.made)
	}
	defer c.lib.Close()
	err = cmd.run(c)
	if out.err != nil { // whatever the command made of it, say what failed
		err = fmt.Errorf("cannot write the output: %w%s", out.err, c.stored)
	}
	if err != nil {
		code := exitCode(err)
		if code == 2 {
			fmt.Fprintf(stderr, "psyplan %s: %v\nusage: %s\n", name, err, cmd.usage)
		} else if code != 3 {
			fmt.Fprintf(stderr, "psyplan %s: %v\n", name, err)
		}
		return code
	}
	return 0
}

// splitCommand finds the subcommand: the first argument that is not a
// flag (or --db's value); every other argument is the command's.
func splitCommand(args []string) (string, []string) {
	for i := 0; i < len(args); i++ {
		if args[i] == "--db" || args[i] == "-db" {
			i++
			continue
		}
		if !strings.HasPrefix(args[i], "-") {
			rest := append(append([]string(nil), args[:i]...), args[i+1:]...)
			return args[i], rest
		}
	}
	return "", args
}

// parseFlags reads flags wherever they stand, before or after the plan.
func parseFlags(name string, cmd command, args []string, o *options) ([]string, error) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.db, "db", "", "the plan library file")
	o.runs, o.seed, o.width, o.height = plan.DefaultBandRuns, 1, 1920, 1080
	if cmd.flags != nil {
		cmd.flags(fs, o)
	}
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
	o.set = map[string]bool{}
	var empty error
	fs.Visit(func(f *flag.Flag) {
		o.set[f.Name] = true
		o.dbGiven = o.dbGiven || f.Name == "db"
		if f.Name != "db" && strings.TrimSpace(f.Value.String()) == "" && empty == nil {
			empty = fmt.Errorf("--%s needs a value; leave --%s out for the default", f.Name, f.Name)
		}
	})
	if empty != nil {
		return nil, empty
	}
	if cmd.args < 0 && len(positional) == 0 {
		return nil, fmt.Errorf("takes one argument or more, got none")
	}
	if cmd.args >= 0 && len(positional) != cmd.args {
		return nil, fmt.Errorf("takes %d argument(s), got %d", cmd.args, len(positional))
	}
	return positional, nil
}

// decimalInt is a whole-number flag written in decimal only: flag.IntVar
// would read 0x10 as 16 and 010 as 8.
type decimalInt int

func (d *decimalInt) String() string { return strconv.Itoa(int(*d)) }

func (d *decimalInt) Set(s string) error {
	v, err := strconv.ParseInt(s, 10, 0)
	if err != nil {
		return fmt.Errorf("%q is not a whole number written in decimal", s)
	}
	*d = decimalInt(v)
	return nil
}

// decimalInt64 is decimalInt for a 64-bit number (the band's seed).
type decimalInt64 int64

func (d *decimalInt64) String() string { return strconv.FormatInt(int64(*d), 10) }

func (d *decimalInt64) Set(s string) error {
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return fmt.Errorf("%q is not a whole number from -9223372036854775808 to 9223372036854775807 written in decimal", s)
	}
	*d = decimalInt64(v)
	return nil
}

// Usage is the command line's help.
func Usage() string {
	var names []string
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString("PsyPlan: workforce planning for the NHS psychological professions.\n\n")
	b.WriteString("  psyplan [--db PATH]            open the window\n")
	for _, n := range names {
		fmt.Fprintf(&b, "  %s\n", commands[n].usage)
	}
	b.WriteString("\nPLAN is a plan's id or its exact name (psyplan list shows both).\n")
	b.WriteString("--db names the plan library; by default it is library.db in the psyplan folder\nof your configuration folder.\n")
	return b.String()
}

// open opens the library; a command that only reads works on a
// read-only one too.
func (c *call) open(reads bool) error {
	open := exchange.OpenLibrary
	if reads {
		open = exchange.OpenLibraryForReading
	}
	if c.opts.db != "" {
		if dir := filepath.Dir(c.opts.db); !exists(dir) {
			defer func() {
				if exists(dir) {
					c.made = dir
				}
			}()
		}
	}
	lib, err := open(c.ctx, c.opts.db)
	c.lib = lib
	if lib != nil {
		lib.OnWait = func() {
			fmt.Fprintf(c.stderr, "psyplan: another program is writing to the library; waiting up to %d seconds…\n", int(store.BusyWait.Seconds()))
		}
	}
	return err
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// checkedWriter keeps the first error writing to stdout (a full disk, a
// closed pipe), so the command exits non-zero instead of claiming success.
type checkedWriter struct {
	w   io.Writer
	err error
}

func (cw *checkedWriter) Write(b []byte) (int, error) {
	if cw.err != nil {
		return 0, cw.err
	}
	n, err := cw.w.Write(b)
	cw.err = err
	return n, err
}

// findID finds the plan a person named by id or name; a wrong PLAN is a
// bad argument (exit 2).
func (c *call) findID(ref string) (int64, error) {
	id, err := c.lib.FindPlan(c.ctx, ref)
	var refErr *store.RefError
	if errors.As(err, &refErr) {
		return 0, usageError{err}
	}
	return id, err
}

func (c *call) findPlan(ref string) (int64, *plan.Plan, error) {
	id, err := c.findID(ref)
	if err != nil {
		return 0, nil, err
	}
	p, err := c.lib.LoadPlan(c.ctx, id)
	return id, p, err
}

// runImport stores each plan file or workbook named (a folder: every
// one in it), each whole or not at all: the good ones are stored and
// every refused file is listed with its reason.
func runImport(c *call) error {
	files, refused := importFiles(c.args)
	for _, file := range files {
		p, err := exchange.ReadImportFile(file)
		if err != nil {
			err = fmt.Errorf("%s was not imported; nothing was stored:\n%v", file, indent(err.Error()))
		} else if err = c.importPlan(p); err != nil && len(c.args) > 1 {
			err = fmt.Errorf("%s was not imported: %w", file, err)
		}
		if err != nil {
			refused = append(refused, err)
		}
	}
	return refusedFiles(len(c.args) == 1 && len(files) == 1, refused)
}

func (c *call) importPlan(p *plan.Plan) error {
	id, err := c.lib.CreatePlan(c.ctx, p)
	if err != nil {
		return err
	}
	c.stored += fmt.Sprintf("; %q was stored as plan %d", p.Name, id)
	_, err = fmt.Fprintf(c.stdout, "Imported %q: %d professions, %d post lines, %d cohorts, %d scenarios.\n%d\n",
		p.Name, len(p.Professions), len(p.Posts), len(p.Cohorts), len(p.Scenarios), id)
	return err
}

func indent(s string) string { return "  " + strings.ReplaceAll(s, "\n", "\n  ") }

func runList(c *call) error {
	list, err := c.lib.ListPlans(c.ctx)
	if err != nil {
		return err
	}
	for _, s := range list {
		line := fmt.Sprintf("%d\t%s", s.ID, oneLine(s.Name))
		if s.Damaged != "" {
			line += "\t(damaged: " + oneLine(s.Damaged) + ")"
		}
		if _, err := fmt.Fprintln(c.stdout, line); err != nil {
			return err
		}
	}
	return nil
}

// runDelete deletes a plan without loading it, so a damaged plan can go.
func runDelete(c *call) error {
	id, err := c.lib.FindPlan(c.ctx, c.args[0])
	if err != nil {
		return err
	}
	holding, err := c.lib.RollupsHolding(c.ctx, id)
	if err != nil {
		return err
	}
	if err := c.lib.DeletePlan(c.ctx, id); err != nil {
		return err
	}
	_, err = fmt.Fprintf(c.stdout, "Deleted plan %d.\n", id)
	for _, r := range holding {
		fmt.Fprintf(c.stdout, "It was taken out of the roll-up %q.\n", r.Name)
	}
	return err
}

// oneLine escapes line breaks, tabs and other control characters, so a
// name is always one line of the listing and never moves the terminal.
func oneLine(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case unicode.IsControl(r) || r == '\u2028' || r == '\u2029':
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func runRestoreDefault(c *call) error {
	p, err := exchange.DefaultPlan()
	if err != nil {
		return err
	}
	id, err := c.lib.CreatePlan(c.ctx, p)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Added the default plan %q.\n%d\n", p.Name, id)
	return nil
}
