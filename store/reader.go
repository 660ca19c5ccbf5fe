package store

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"strconv"
	"time"

	"example.org/psyplan/plan"
)

// reader loads the plans row of a plan and, for a plan that an older
// library kept in rows (legacy.go), its other rows. It never trusts a
// row: a value of the wrong kind, or a row that points where it must not
// (a cohort of another plan's scenario), is noted as a problem and the
// row left out, so a damaged library gives a message, never a crash. err
// is kept for the library itself failing (a read error), which stops the
// reading.
type reader struct {
	ctx      context.Context
	tx       *sql.Tx
	err      error
	problems []string
	plan     *plan.Plan
	// scenario ids in the plan's order, for their overrides and cohorts
	scenarioIndex map[int64]int
}

func (r *reader) problem(format string, args ...any) {
	r.problems = append(r.problems, fmt.Sprintf(format, args...))
}

// cells is one row as SQLite gave it, read column by column; the first
// value that cannot be read makes the row bad.
type cells struct {
	r     *reader
	where string // the row, for messages: "cohorts row 3"
	cols  []string
	vals  []any
	bad   bool
	every bool // note every bad value, not only the first (a row that cannot be left out)
}

// rows runs query and calls fn with each row's cells.
func (r *reader) rows(fn func(*cells), query string, args ...any) {
	if r.err != nil {
		return
	}
	rows, err := r.tx.QueryContext(r.ctx, query, args...)
	if err != nil {
		r.err = err
		return
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		r.err = err
		return
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			r.err = err
			return
		}
		fn(&cells{r: r, cols: cols, vals: vals})
	}
	r.err = rows.Err()
}

// fail notes what is wrong with column i and marks the row bad.
func (c *cells) fail(i int, format string, args ...any) {
	if !c.bad || c.every {
		c.r.problem("%s: %s %s", c.where, c.cols[i], fmt.Sprintf(format, args...))
	}
	c.bad = true
}

// leftOut notes that a bad row is not in the plan as read.
func (c *cells) leftOut() bool {
	if c.bad {
		c.r.problems[len(c.r.problems)-1] += "; the row is left out"
	}
	return c.bad
}

func shown(v any) string {
	switch x := v.(type) {
	case nil:
		return "empty (NULL)"
	case []byte:
		return strconv.Quote(string(x))
	case string:
		return strconv.Quote(x)
	}
	return fmt.Sprint(v)
}

func (c *cells) text(i int) string {
	switch x := c.vals[i].(type) {
	case string:
		return x
	case []byte:
		return string(x)
	}
	c.fail(i, "is %s, not text", shown(c.vals[i]))
	return ""
}

func (c *cells) optText(i int) *string {
	if c.vals[i] == nil {
		return nil
	}
	s := c.text(i)
	return &s
}

func (c *cells) float(i int) float64 {
	switch x := c.vals[i].(type) {
	case float64:
		return x
	case int64:
		return float64(x)
	}
	c.fail(i, "is %s, not a number", shown(c.vals[i]))
	return 0
}

func (c *cells) optFloat(i int) *float64 {
	if c.vals[i] == nil {
		return nil
	}
	x := c.float(i)
	return &x
}

// whole reads a whole number; anything else (2.5, text) is a problem.
func (c *cells) whole(i int) int {
	switch x := c.vals[i].(type) {
	case int64:
		if x >= math.MinInt32 && x <= math.MaxInt32 {
			return int(x)
		}
	case float64:
		if x == math.Trunc(x) && x >= math.MinInt32 && x <= math.MaxInt32 {
			return int(x)
		}
	}
	c.fail(i, "is %s, not a whole number", shown(c.vals[i]))
	return 0
}

func (c *cells) optWhole(i int) *int {
	if c.vals[i] == nil {
		return nil
	}
	x := c.whole(i)
	return &x
}

func (c *cells) id(i int) int64 {
	if x, ok := c.vals[i].(int64); ok {
		return x
	}
	c.fail(i, "is %s, not a row id", shown(c.vals[i]))
	return 0
}

func (c *cells) optID(i int) (int64, bool) {
	if c.vals[i] == nil {
		return 0, false
	}
	return c.id(i), true
}

func (c *cells) boolean(i int) bool {
	if x, ok := c.vals[i].(int64); ok && (x == 0 || x == 1) {
		return x == 1
	}
	c.fail(i, "is %s, not 0 or 1", shown(c.vals[i]))
	return false
}

func (c *cells) optBool(i int) *bool {
	if c.vals[i] == nil {
		return nil
	}
	b := c.boolean(i)
	return &b
}

func (c *cells) month(i int) plan.Month {
	v, ok := c.vals[i].(string)
	if !ok {
		c.text(i)
		return 0
	}
	m, err := plan.ParseMonth(v)
	if err != nil {
		c.fail(i, "%v", err)
	}
	return m
}

// at names the row by its table and position, read leniently: the
// position itself may be what is damaged.
func (c *cells) at(table string, posCol int) {
	c.where = fmt.Sprintf("%s row %s", table, shown(c.vals[posCol]))
}

// planRow reads the plans row; its values cannot be left out, so a bad
// one stays at its zero value (and plan.Validate names what follows).
func (r *reader) planRow(id int64, p *plan.Plan) (found bool) {
	r.rows(func(c *cells) {
		found = true
		c.where, c.every = "plans row", true
		p.Name, p.Area, p.Notes = c.text(0), c.text(1), c.text(2)
		p.Baseline, p.Horizon, p.CapHires = c.month(3), c.month(4), c.boolean(5)
		p.Trajectory.Interpolation, p.Trajectory.BaselineWTE = c.text(6), c.optFloat(7)
		p.QualifierWaitMonths, p.CountSalariedTrainees, p.PayUpliftPctPerYear = c.whole(8), c.boolean(9), c.float(10)
		checkUpdated(c, 11)
	}, `SELECT name, area, notes, baseline_month, horizon_month, cap_hires, interpolation, baseline_wte,
		qualifier_wait_months, count_salaried_trainees, pay_uplift_pct_per_year, updated_at FROM plans WHERE id = ?`, id)
	return found
}

func (r *reader) uncertainty(id int64, p *plan.Plan) {
	r.rows(func(c *cells) {
		c.where = "plan_uncertainty row"
		u := plan.Uncertainty{LeaverRatePctPoints: c.float(0), CompletionPctPoints: c.float(1),
			TakeupPctPoints: c.float(2), RecruitmentPct: c.float(3)}
		if !c.leftOut() {
			p.Uncertainty = &u
		}
	}, `SELECT leaver_rate_pct_points, completion_pct_points, takeup_pct_points, recruitment_pct
		FROM plan_uncertainty WHERE plan_id = ?`, id)
}

func (r *reader) professions(id int64, p *plan.Plan) {
	r.rows(func(c *cells) {
		c.at("professions", 0)
		prof := plan.Profession{ID: c.text(1), Name: c.text(2), LeaverRatePct: c.float(3), WTEPerHead: c.float(4),
			CostPerWTE: c.float(5), TraineesSalaried: c.boolean(6), TraineeWTEPerHead: c.float(7),
			TraineeCostPerWTE: c.float(8)}
		if !c.leftOut() {
			p.Professions = append(p.Professions, prof)
		}
	}, `SELECT pos, id, name, leaver_rate_pct, wte_per_head, cost_per_wte_gbp, trainees_salaried, trainee_wte_per_head,
		trainee_cost_per_wte_gbp FROM professions WHERE plan_id = ? ORDER BY pos`, id)
}

func (r *reader) posts(id int64, p *plan.Plan) {
	lineIndex := map[int64]int{}
	r.rows(func(c *cells) {
		c.at("post_lines", 0)
		lineID := c.id(1)
		l := plan.PostLine{Profession: c.text(2), ServiceArea: c.text(3), InPostWTE: c.float(4),
			InPostHeadcount: c.optFloat(5), FundedWTE: c.float(6), RecruitsWTEPerYear: c.float(7), LeaverRatePct: c.optFloat(8)}
		if !c.leftOut() {
			lineIndex[lineID] = len(p.Posts)
			p.Posts = append(p.Posts, l)
		}
	}, `SELECT pos, id, profession, service_area, in_post_wte, in_post_headcount, funded_wte, recruits_wte_per_year,
		leaver_rate_pct FROM post_lines WHERE plan_id = ? ORDER BY pos`, id)
	r.rows(func(c *cells) {
		c.where = fmt.Sprintf("funded_changes row %s of post line %s", shown(c.vals[0]), shown(c.vals[1]))
		lineID := c.id(1)
		ch := plan.FundedChange{Month: c.month(2), FundedWTEDelta: c.float(3)}
		if c.leftOut() {
			return
		}
		i, ok := lineIndex[lineID]
		if !ok {
			r.problem("%s: its post line was left out, so the change is left out too", c.where)
			return
		}
		p.Posts[i].Changes = append(p.Posts[i].Changes, ch)
	}, `SELECT c.pos, c.post_line_id, c.month, c.funded_wte_delta FROM funded_changes c
		JOIN post_lines l ON l.id = c.post_line_id WHERE l.plan_id = ? ORDER BY l.pos, c.pos`, id)
}

func (r *reader) milestones(id int64, p *plan.Plan) {
	r.rows(func(c *cells) {
		c.at("milestones", 0)
		m := plan.Milestone{Month: c.month(1), GrowthPct: c.float(2)}
		if !c.leftOut() {
			p.Trajectory.Milestones = append(p.Trajectory.Milestones, m)
		}
	}, "SELECT pos, month, growth_pct FROM milestones WHERE plan_id = ? ORDER BY pos", id)
}

func (r *reader) actuals(id int64, p *plan.Plan) {
	r.rows(func(c *cells) {
		c.at("actuals", 0)
		a := plan.Actual{Month: c.month(1), InPostWTE: c.float(3)}
		if prof := c.optText(2); prof != nil {
			a.Profession = *prof
		}
		if !c.leftOut() {
			p.Actuals = append(p.Actuals, a)
		}
	}, "SELECT pos, month, profession, in_post_wte FROM actuals WHERE plan_id = ? ORDER BY pos", id)
}

func (r *reader) scenarios(id int64, p *plan.Plan) {
	r.scenarioIndex = map[int64]int{}
	r.rows(func(c *cells) {
		c.at("scenarios", 0)
		sid := c.id(1)
		s := plan.Scenario{Name: c.text(2), CapHires: c.optBool(3), QualifierWaitMonths: c.optWhole(4)}
		if !c.leftOut() {
			r.scenarioIndex[sid] = len(p.Scenarios)
			p.Scenarios = append(p.Scenarios, s)
		}
	}, "SELECT pos, id, name, cap_hires, qualifier_wait_months FROM scenarios WHERE plan_id = ? ORDER BY pos", id)
	r.rows(func(c *cells) {
		c.where = fmt.Sprintf("scenario_professions row %s of scenario %s", shown(c.vals[1]), shown(c.vals[0]))
		sid := c.id(0)
		o := plan.ProfessionOverride{Profession: c.text(2), LeaverRatePct: c.optFloat(3), WTEPerHead: c.optFloat(4),
			CostPerWTE: c.optFloat(5)}
		if s := r.scenario(c, sid); s != nil {
			s.Professions = append(s.Professions, o)
		}
	}, `SELECT o.scenario_id, o.pos, o.profession, o.leaver_rate_pct, o.wte_per_head, o.cost_per_wte_gbp
		FROM scenario_professions o JOIN scenarios s ON s.id = o.scenario_id WHERE s.plan_id = ? ORDER BY s.pos, o.pos`, id)
	r.rows(func(c *cells) {
		c.where = fmt.Sprintf("scenario_posts row %s of scenario %s", shown(c.vals[1]), shown(c.vals[0]))
		sid := c.id(0)
		o := plan.PostOverride{Profession: c.text(2), ServiceArea: c.text(3), RecruitsWTEPerYear: c.optFloat(4),
			LeaverRatePct: c.optFloat(5), FundedWTE: c.optFloat(6), InPostWTE: c.optFloat(7)}
		if s := r.scenario(c, sid); s != nil {
			s.Posts = append(s.Posts, o)
		}
	}, `SELECT o.scenario_id, o.pos, o.profession, o.service_area, o.recruits_wte_per_year, o.leaver_rate_pct, o.funded_wte,
		o.in_post_wte FROM scenario_posts o JOIN scenarios s ON s.id = o.scenario_id WHERE s.plan_id = ? ORDER BY s.pos, o.pos`, id)
}

// scenario is the plan's scenario a good row belongs to, or nil (the
// problem noted) when the row is bad or its scenario was left out or
// belongs to another plan.
func (r *reader) scenario(c *cells, sid int64) *plan.Scenario {
	if c.leftOut() {
		return nil
	}
	i, ok := r.scenarioIndex[sid]
	if !ok {
		r.problem("%s: scenario %d is not a scenario of this plan (or was left out); the row is left out", c.where, sid)
		return nil
	}
	return &r.plan.Scenarios[i]
}

// cohorts reads the plan's cohorts and the scenarios' extra cohorts; it
// runs after scenarios, whose order it needs.
func (r *reader) cohorts(id int64, p *plan.Plan) {
	r.rows(func(c *cells) {
		c.at("cohorts", 1)
		if c.vals[0] != nil {
			c.where += " of scenario " + shown(c.vals[0])
		}
		sid, ofScenario := c.optID(0)
		co := plan.Cohort{Profession: c.text(2), ServiceArea: c.text(3), Start: c.month(4), DurationMonths: c.whole(5),
			Intake: c.whole(6), CompletionPct: c.float(7), TakeupPct: c.float(8)}
		drawnFrom, drawnPct := c.optText(9), c.optFloat(10)
		switch {
		case c.bad:
		case (drawnFrom == nil) != (drawnPct == nil):
			c.fail(9, "and drawn_from_pct must both be empty or both be set")
		case drawnFrom != nil:
			co.DrawnFrom = &plan.DrawnFrom{Profession: *drawnFrom, Pct: *drawnPct}
		}
		if !ofScenario {
			if !c.leftOut() {
				p.Cohorts = append(p.Cohorts, co)
			}
			return
		}
		if s := r.scenario(c, sid); s != nil {
			s.ExtraCohorts = append(s.ExtraCohorts, co)
		}
	}, `SELECT scenario_id, pos, profession, service_area, start_month, duration_months, intake, completion_pct, takeup_pct,
		drawn_from_profession, drawn_from_pct
		FROM cohorts WHERE plan_id = ? ORDER BY scenario_id IS NOT NULL, scenario_id, pos`, id)
}

// checkUpdated notes a change time (updated_at, column i) that is not one.
func checkUpdated(c *cells, i int) {
	if updated, ok := c.vals[i].(string); !ok || !isTime(updated) {
		c.fail(i, "is %s, not a time", shown(c.vals[i]))
	}
}

func isTime(s string) bool {
	_, err := time.Parse(time.RFC3339, s)
	return err == nil
}
