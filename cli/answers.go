package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"example.org/psyplan/format"
	"example.org/psyplan/plan"
	"example.org/psyplan/projtable"
)

// usageError is a bad argument: exit status 2, as for a bad flag.
type usageError struct{ error }

func badArg(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// errNotReachable ends solve with exit status 3: nothing saved.
var errNotReachable = errors.New("not reachable")

// exitCode maps a command's error to the exit status.
func exitCode(err error) int {
	var u usageError
	switch {
	case errors.As(err, &u):
		return 2
	case errors.Is(err, errNotReachable):
		return 3
	}
	return 1
}

func solveFlags(fs *flag.FlagSet, o *options) {
	fs.StringVar(&o.scenario, "scenario", "", "the scenario to start from (default: the plan itself)")
	fs.StringVar(&o.target, "target", plan.TargetTrajectory, "what to reach: trajectory or demand (the access targets)")
	fs.StringVar(&o.by, "by", "", "the month to reach it by, YYYY-MM (default: the first milestone; for demand, the last target point)")
	fs.StringVar(&o.lever, "lever", plan.LeverIntake, "intake, recruitment or funded")
	fs.StringVar(&o.professions, "professions", "", "profession ids, comma-separated (default: every one the lever moves)")
	fs.StringVar(&o.from, "from", "", "the first month the lever may change, YYYY-MM (default: the month after the baseline)")
	fs.StringVar(&o.name, "name", "", "the new scenario's name (default: Solved: intake +p % by Mon YYYY)")
	fs.StringVar(&o.format, "format", "text", "text or json")
}

func bandFlags(fs *flag.FlagSet, o *options) {
	fs.StringVar(&o.scenario, "scenario", "", "the scenario to draw around (default: the plan itself)")
	fs.Var((*decimalInt)(&o.runs), "runs", "how many runs, 1 to 100,000")
	fs.Var((*decimalInt64)(&o.seed), "seed", "the random seed, any 64-bit whole number")
	fs.StringVar(&o.format, "format", "csv", "csv or json")
}

// runSolve answers "what does it take?" and keeps the answer as a new
// scenario of the plan.
func runSolve(c *call) error {
	if c.opts.format != "text" && c.opts.format != "json" {
		return badArg("--format %q: choose text or json", c.opts.format)
	}
	id, err := c.findID(c.args[0])
	if err != nil {
		return err
	}
	p, revision, err := c.lib.LoadPlanAt(c.ctx, id)
	if err != nil {
		return err
	}
	q, err := c.question(p)
	if err != nil {
		return err
	}
	a, err := plan.Solve(p, q)
	if err != nil {
		return usageError{err}
	}
	if !a.Reachable {
		c.printAnswer(p, a, "")
		return errNotReachable
	}
	if a.Pct == 0 { // already there: nothing to keep
		return c.printAnswer(p, a, "")
	}
	name := c.opts.name
	if name == "" {
		name = a.ScenarioName()
	}
	if msg := plan.NameProblem(name); msg != "" {
		return badArg("--name: the scenario's name %s", msg)
	}
	if p.Scenario(name) != nil {
		return badArg("--name %q: the plan has a scenario of that name already", name)
	}
	a.Solved.Name = name
	p.Scenarios = append(p.Scenarios, a.Solved)
	if errs := plan.Validate(p); errs != nil {
		return fmt.Errorf("the solved scenario breaks the plan's rules, so nothing was saved:\n%v", errs)
	}
	if err := c.lib.SavePlanAt(c.ctx, id, revision, p); err != nil {
		return err // the plan changed or went while the answer was worked out: nothing kept
	}
	c.stored = fmt.Sprintf("; the answer was kept as the scenario %q of plan %d", name, id)
	return c.printAnswer(p, a, name)
}

// question reads the solver's flags, naming the one at fault.
func (c *call) question(p *plan.Plan) (plan.Question, error) {
	q := plan.Question{Scenario: c.opts.scenario, Lever: c.opts.lever, Target: c.opts.target}
	if q.Lever != plan.LeverIntake && q.Lever != plan.LeverRecruitment && q.Lever != plan.LeverFunded {
		return q, badArg("--lever %q: choose intake, recruitment or funded", q.Lever)
	}
	switch q.Target {
	case plan.TargetTrajectory:
	case plan.TargetDemand:
		if len(p.Demand) == 0 {
			return q, badArg("--target demand: %v", plan.ErrNoDemand)
		}
	default:
		return q, badArg("--target %q: choose trajectory or demand", q.Target)
	}
	if q.Scenario != "" && p.Scenario(q.Scenario) == nil {
		return q, badArg("--scenario %q: the plan has no scenario of that name", q.Scenario)
	}
	for _, f := range []struct {
		flag, value string
		month       *plan.Month
	}{{"--by", c.opts.by, &q.By}, {"--from", c.opts.from, &q.From}} {
		if f.value == "" {
			continue
		}
		m, err := plan.ParseMonth(f.value)
		if err != nil {
			return q, badArg("%s: %v", f.flag, err)
		}
		if m <= p.Baseline || m > p.Horizon {
			return q, badArg("%s %s is outside the plan's months %s to %s", f.flag, m, p.Baseline+1, p.Horizon)
		}
		*f.month = m
	}
	if c.opts.professions != "" {
		for _, id := range strings.Split(c.opts.professions, ",") {
			switch {
			case p.Profession(id) == nil:
				return q, badArg("--professions: %q is not a profession of this plan", id)
			case slices.Contains(q.Professions, id):
				return q, badArg("--professions: %q is named twice", id)
			}
			q.Professions = append(q.Professions, id)
		}
	}
	return q, nil
}

func (c *call) printAnswer(p *plan.Plan, a plan.Answer, scenario string) error {
	if _, err := fmt.Fprintln(c.stdout, a.Sentence(p)); err != nil {
		return err
	}
	if scenario != "" && c.opts.format == "text" {
		if _, err := fmt.Fprintf(c.stdout, "Kept as the scenario %q.\n", scenario); err != nil {
			return err
		}
	}
	if c.opts.format != "json" {
		return nil
	}
	line := map[string]any{"lever": a.Lever, "by": a.By.String()}
	if a.Target == plan.TargetDemand {
		line["target"] = a.Target
	}
	var kept any // null when nothing was kept
	if scenario != "" {
		kept = scenario
	}
	switch {
	case a.Reachable && a.Target == plan.TargetDemand:
		line["pct"], line["extra_intake"], line["scenario"] = a.Pct, a.ExtraIntake, kept
		line["shortfall_people"] = jsonNum(a.Shortfall)
	case a.Reachable:
		line["pct"], line["extra_intake"], line["scenario"] = a.Pct, a.ExtraIntake, kept
		line["gap_wte"], line["extra_pay_cost_gbp"] = jsonNum(a.Gap), jsonNum(a.ExtraPayCost)
	default:
		line["pct"], line["reason"] = nil, a.Reason
	}
	b, err := json.Marshal(line)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(c.stdout, "%s\n", b)
	return err
}

func jsonNum(x float64) json.Number { return json.Number(strconv.FormatFloat(x, 'g', -1, 64)) }

func tableFlags(fs *flag.FlagSet, o *options) {
	fs.StringVar(&o.scenario, "scenario", "", "the scenario to project (default: the plan itself)")
	fs.StringVar(&o.format, "format", "csv", "csv or json")
}

// projectFor finds the plan and projects it, or the --scenario of it,
// after checking --format: demand and budget start so.
func (c *call) projectFor() (*plan.Plan, *plan.Projection, error) {
	if c.opts.format != "csv" && c.opts.format != "json" {
		return nil, nil, badArg("--format %q: choose csv or json", c.opts.format)
	}
	_, p, err := c.findPlan(c.args[0])
	if err != nil {
		return nil, nil, err
	}
	if c.opts.scenario != "" && p.Scenario(c.opts.scenario) == nil {
		return nil, nil, badArg("--scenario %q: the plan has no scenario of that name", c.opts.scenario)
	}
	pj, err := plan.Project(p, c.opts.scenario)
	return p, pj, err
}

// runDemand writes the demand table: the people a year the workforce can
// treat against the access targets (demand.md).
func runDemand(c *call) error {
	p, pj, err := c.projectFor()
	if err != nil {
		return err
	}
	dt, err := plan.MakeDemand(p, pj)
	if err != nil {
		return err
	}
	if c.opts.format == "json" {
		return projtable.WriteDemandJSON(c.stdout, dt)
	}
	return projtable.WriteDemandCSV(c.stdout, dt)
}

// runBudget writes the pay bill against the budget, per financial year.
func runBudget(c *call) error {
	p, pj, err := c.projectFor()
	if err != nil {
		return err
	}
	rows := plan.MakeBudget(p, pj)
	if c.opts.format == "json" {
		return projtable.WriteBudgetJSON(c.stdout, rows)
	}
	return projtable.WriteBudgetCSV(c.stdout, rows)
}

// runBand writes the band around the plan's projection.
func runBand(c *call) error {
	if err := c.checkTableRuns(); err != nil {
		return err
	}
	_, p, err := c.findPlan(c.args[0])
	if err != nil {
		return err
	}
	if c.opts.scenario != "" && p.Scenario(c.opts.scenario) == nil {
		return badArg("--scenario %q: the plan has no scenario of that name", c.opts.scenario)
	}
	b, err := plan.MakeBand(c.ctx, p, c.opts.scenario, c.opts.runs, c.opts.seed, c.bandProgress(c.opts.runs))
	if err != nil {
		return err
	}
	if c.opts.format == "json" {
		return projtable.WriteBandJSON(c.stdout, b)
	}
	return projtable.WriteBandCSV(c.stdout, b)
}

// bandProgress says on a terminal how far a long band has got and about
// how long it has left, at most once a second; nil (silent) when standard
// error is not a terminal, so scripts read only the result.
func (c *call) bandProgress(runs int) func(done int) {
	f, ok := c.stderr.(*os.File)
	if !ok {
		return nil
	}
	if fi, err := f.Stat(); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	var mu sync.Mutex
	start, last := time.Now(), time.Now()
	return func(done int) {
		mu.Lock()
		defer mu.Unlock()
		if time.Since(last) < time.Second && done < runs {
			return
		}
		last = time.Now()
		left := time.Duration(float64(time.Since(start)) / float64(done) * float64(runs-done)).Round(time.Second)
		fmt.Fprintf(f, "\rband: %s of %s runs, about %s left   ", format.Whole(float64(done)), format.Whole(float64(runs)), left)
		if done == runs {
			fmt.Fprintln(f)
		}
	}
}

// checkTableRuns refuses a --format other than csv or json and --runs
// outside 1 to 100,000: band and compare take both.
func (c *call) checkTableRuns() error {
	if c.opts.format != "csv" && c.opts.format != "json" {
		return badArg("--format %q: choose csv or json", c.opts.format)
	}
	if c.opts.runs < 1 || c.opts.runs > plan.MaxBandRuns {
		return badArg("--runs %d: choose 1 to 100,000", c.opts.runs)
	}
	return nil
}
