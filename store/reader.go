package store

import (
	"context"
	"database/sql"

	"example.org/psyplan/plan"
)

// reader loads the parts of one plan, keeping the first error so the
// steps read as a list.
type reader struct {
	ctx context.Context
	tx  *sql.Tx
	err error
	// scenario ids in the plan's order, for their overrides and cohorts
	scenarioIndex map[int64]int
}

func (r *reader) month(s string) plan.Month {
	m, err := plan.ParseMonth(s)
	if err != nil && r.err == nil {
		r.err = err
	}
	return m
}

// query runs a query and calls scan for each row.
func (r *reader) query(scan func(*sql.Rows) error, query string, args ...any) {
	if r.err != nil {
		return
	}
	rows, err := r.tx.QueryContext(r.ctx, query, args...)
	if err != nil {
		r.err = err
		return
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			r.err = err
			return
		}
	}
	r.err = rows.Err()
}

func (r *reader) professions(id int64, p *plan.Plan) {
	r.query(func(rows *sql.Rows) error {
		var pr plan.Profession
		err := rows.Scan(&pr.ID, &pr.Name, &pr.LeaverRatePct, &pr.WTEPerHead, &pr.CostPerWTE)
		p.Professions = append(p.Professions, pr)
		return err
	}, "SELECT id, name, leaver_rate_pct, wte_per_head, cost_per_wte_gbp FROM professions WHERE plan_id = ? ORDER BY pos", id)
}

func (r *reader) posts(id int64, p *plan.Plan) {
	lineIndex := map[int64]int{}
	r.query(func(rows *sql.Rows) error {
		var l plan.PostLine
		var lineID int64
		err := rows.Scan(&lineID, &l.Profession, &l.ServiceArea, &l.InPostWTE, &l.InPostHeadcount, &l.FundedWTE,
			&l.RecruitsWTEPerYear, &l.LeaverRatePct)
		lineIndex[lineID] = len(p.Posts)
		p.Posts = append(p.Posts, l)
		return err
	}, `SELECT id, profession, service_area, in_post_wte, in_post_headcount, funded_wte, recruits_wte_per_year,
		leaver_rate_pct FROM post_lines WHERE plan_id = ? ORDER BY pos`, id)
	r.query(func(rows *sql.Rows) error {
		var lineID int64
		var month string
		var c plan.FundedChange
		err := rows.Scan(&lineID, &month, &c.FundedWTEDelta)
		c.Month = r.month(month)
		l := &p.Posts[lineIndex[lineID]]
		l.Changes = append(l.Changes, c)
		return err
	}, `SELECT c.post_line_id, c.month, c.funded_wte_delta FROM funded_changes c
		JOIN post_lines l ON l.id = c.post_line_id WHERE l.plan_id = ? ORDER BY l.pos, c.pos`, id)
}

func (r *reader) milestones(id int64, p *plan.Plan) {
	r.query(func(rows *sql.Rows) error {
		var month string
		var m plan.Milestone
		err := rows.Scan(&month, &m.GrowthPct)
		m.Month = r.month(month)
		p.Trajectory.Milestones = append(p.Trajectory.Milestones, m)
		return err
	}, "SELECT month, growth_pct FROM milestones WHERE plan_id = ? ORDER BY pos", id)
}

func (r *reader) actuals(id int64, p *plan.Plan) {
	r.query(func(rows *sql.Rows) error {
		var month string
		var prof sql.NullString
		var a plan.Actual
		err := rows.Scan(&month, &prof, &a.InPostWTE)
		a.Month, a.Profession = r.month(month), prof.String
		p.Actuals = append(p.Actuals, a)
		return err
	}, "SELECT month, profession, in_post_wte FROM actuals WHERE plan_id = ? ORDER BY pos", id)
}

func (r *reader) scenarios(id int64, p *plan.Plan) {
	r.scenarioIndex = map[int64]int{}
	r.query(func(rows *sql.Rows) error {
		var sid int64
		var s plan.Scenario
		err := rows.Scan(&sid, &s.Name, &s.CapHires)
		r.scenarioIndex[sid] = len(p.Scenarios)
		p.Scenarios = append(p.Scenarios, s)
		return err
	}, "SELECT id, name, cap_hires FROM scenarios WHERE plan_id = ? ORDER BY pos", id)
	r.query(func(rows *sql.Rows) error {
		var sid int64
		var o plan.ProfessionOverride
		err := rows.Scan(&sid, &o.Profession, &o.LeaverRatePct, &o.WTEPerHead, &o.CostPerWTE)
		s := &p.Scenarios[r.scenarioIndex[sid]]
		s.Professions = append(s.Professions, o)
		return err
	}, `SELECT o.scenario_id, o.profession, o.leaver_rate_pct, o.wte_per_head, o.cost_per_wte_gbp
		FROM scenario_professions o JOIN scenarios s ON s.id = o.scenario_id WHERE s.plan_id = ? ORDER BY s.pos, o.pos`, id)
	r.query(func(rows *sql.Rows) error {
		var sid int64
		var o plan.PostOverride
		err := rows.Scan(&sid, &o.Profession, &o.ServiceArea, &o.RecruitsWTEPerYear, &o.LeaverRatePct, &o.FundedWTE, &o.InPostWTE)
		s := &p.Scenarios[r.scenarioIndex[sid]]
		s.Posts = append(s.Posts, o)
		return err
	}, `SELECT o.scenario_id, o.profession, o.service_area, o.recruits_wte_per_year, o.leaver_rate_pct, o.funded_wte,
		o.in_post_wte FROM scenario_posts o JOIN scenarios s ON s.id = o.scenario_id WHERE s.plan_id = ? ORDER BY s.pos, o.pos`, id)
}

// cohorts reads the plan's cohorts and the scenarios' extra cohorts; it
// runs after scenarios, whose order it needs.
func (r *reader) cohorts(id int64, p *plan.Plan) {
	r.query(func(rows *sql.Rows) error {
		var sid sql.NullInt64
		var start string
		var c plan.Cohort
		err := rows.Scan(&sid, &c.Profession, &c.ServiceArea, &start, &c.DurationMonths, &c.Intake, &c.CompletionPct, &c.TakeupPct)
		c.Start = r.month(start)
		if sid.Valid {
			s := &p.Scenarios[r.scenarioIndex[sid.Int64]]
			s.ExtraCohorts = append(s.ExtraCohorts, c)
		} else {
			p.Cohorts = append(p.Cohorts, c)
		}
		return err
	}, `SELECT scenario_id, profession, service_area, start_month, duration_months, intake, completion_pct, takeup_pct
		FROM cohorts WHERE plan_id = ? ORDER BY scenario_id IS NOT NULL, scenario_id, pos`, id)
}
