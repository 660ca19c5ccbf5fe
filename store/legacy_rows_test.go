package store

import (
	"context"
	"database/sql"
	"testing"

	"example.org/psyplan/plan"
)

// These are the functions with which PsyPlan wrote a plan into rows
// before plans were kept as documents (migration 5), kept to make the
// libraries of older PsyPlans in tests.

// insertLegacyPlan writes a plan as PsyPlan did before migration 5: the
// plans row, no document, and everything in the plan in rows below it.
func insertLegacyPlan(ctx context.Context, tx *sql.Tx, p *plan.Plan) (int64, error) {
	t := now()
	res, err := tx.ExecContext(ctx, `INSERT INTO plans (name, area, notes, baseline_month, horizon_month, cap_hires,
		interpolation, baseline_wte, qualifier_wait_months, count_salaried_trainees, pay_uplift_pct_per_year,
		created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		p.Name, p.Area, p.Notes, p.Baseline.String(), p.Horizon.String(), p.CapHires,
		p.Trajectory.Interpolation, p.Trajectory.BaselineWTE, p.QualifierWaitMonths, p.CountSalariedTrainees,
		p.PayUpliftPctPerYear, t, t)
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	return id, insertChildren(ctx, tx, id, p)
}

// insertChildren writes everything in a plan below the plans row.
func insertChildren(ctx context.Context, tx *sql.Tx, id int64, p *plan.Plan) error {
	steps := []func(context.Context, *sql.Tx, int64, *plan.Plan) error{
		insertUncertainty, insertProfessions, insertPosts, insertMilestones, insertActuals, insertScenarios,
	}
	for _, step := range steps {
		if err := step(ctx, tx, id, p); err != nil {
			return err
		}
	}
	return insertCohorts(ctx, tx, id, nil, p.Cohorts)
}

// insertUncertainty writes the band's ranges; a plan without a band has
// no row, so "no band" and "a band of zeros" stay apart.
func insertUncertainty(ctx context.Context, tx *sql.Tx, id int64, p *plan.Plan) error {
	u := p.Uncertainty
	if u == nil {
		return nil
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO plan_uncertainty (plan_id, leaver_rate_pct_points, completion_pct_points,
		takeup_pct_points, recruitment_pct) VALUES (?, ?, ?, ?, ?)`,
		id, u.LeaverRatePctPoints, u.CompletionPctPoints, u.TakeupPctPoints, u.RecruitmentPct)
	return err
}

func insertProfessions(ctx context.Context, tx *sql.Tx, id int64, p *plan.Plan) error {
	return each(ctx, tx, `INSERT INTO professions (plan_id, pos, id, name, leaver_rate_pct, wte_per_head, cost_per_wte_gbp,
		trainees_salaried, trainee_wte_per_head, trainee_cost_per_wte_gbp)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, len(p.Professions), func(i int) []any {
		pr := p.Professions[i]
		return []any{id, i, pr.ID, pr.Name, pr.LeaverRatePct, pr.WTEPerHead, pr.CostPerWTE,
			pr.TraineesSalaried, pr.TraineeWTEPerHead, pr.TraineeCostPerWTE}
	})
}

func insertPosts(ctx context.Context, tx *sql.Tx, id int64, p *plan.Plan) error {
	if len(p.Posts) == 0 {
		return nil
	}
	st, err := tx.PrepareContext(ctx, `INSERT INTO post_lines (plan_id, pos, profession, service_area, in_post_wte,
		in_post_headcount, funded_wte, recruits_wte_per_year, leaver_rate_pct) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer st.Close()
	ch, err := tx.PrepareContext(ctx, "INSERT INTO funded_changes (post_line_id, pos, month, funded_wte_delta) VALUES (?, ?, ?, ?)")
	if err != nil {
		return err
	}
	defer ch.Close()
	for i, l := range p.Posts {
		res, err := st.ExecContext(ctx, id, i, l.Profession, l.ServiceArea, l.InPostWTE, l.InPostHeadcount,
			l.FundedWTE, l.RecruitsWTEPerYear, l.LeaverRatePct)
		if err != nil {
			return err
		}
		lineID, err := res.LastInsertId()
		if err != nil {
			return err
		}
		for j, c := range l.Changes {
			if _, err := ch.ExecContext(ctx, lineID, j, c.Month.String(), c.FundedWTEDelta); err != nil {
				return err
			}
		}
	}
	return nil
}

func insertCohorts(ctx context.Context, tx *sql.Tx, id int64, scenarioID *int64, cs []plan.Cohort) error {
	return each(ctx, tx, `INSERT INTO cohorts (plan_id, scenario_id, pos, profession, service_area, start_month,
		duration_months, intake, completion_pct, takeup_pct, drawn_from_profession, drawn_from_pct)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, len(cs), func(i int) []any {
		c := cs[i]
		var drawnFrom, drawnPct any // NULL: nobody drawn from staff in post
		if d := c.DrawnFrom; d != nil {
			drawnFrom, drawnPct = d.Profession, d.Pct
		}
		return []any{id, scenarioID, i, c.Profession, c.ServiceArea, c.Start.String(), c.DurationMonths, c.Intake,
			c.CompletionPct, c.TakeupPct, drawnFrom, drawnPct}
	})
}

func insertMilestones(ctx context.Context, tx *sql.Tx, id int64, p *plan.Plan) error {
	ms := p.Trajectory.Milestones
	return each(ctx, tx, "INSERT INTO milestones (plan_id, pos, month, growth_pct) VALUES (?, ?, ?, ?)",
		len(ms), func(i int) []any { return []any{id, i, ms[i].Month.String(), ms[i].GrowthPct} })
}

func insertActuals(ctx context.Context, tx *sql.Tx, id int64, p *plan.Plan) error {
	return each(ctx, tx, "INSERT INTO actuals (plan_id, pos, month, profession, in_post_wte) VALUES (?, ?, ?, ?, ?)",
		len(p.Actuals), func(i int) []any {
			a := p.Actuals[i]
			var prof *string
			if a.Profession != "" {
				prof = &a.Profession
			}
			return []any{id, i, a.Month.String(), prof, a.InPostWTE}
		})
}

func insertScenarios(ctx context.Context, tx *sql.Tx, id int64, p *plan.Plan) error {
	for i, s := range p.Scenarios {
		res, err := tx.ExecContext(ctx, "INSERT INTO scenarios (plan_id, pos, name, cap_hires, qualifier_wait_months) VALUES (?, ?, ?, ?, ?)",
			id, i, s.Name, s.CapHires, s.QualifierWaitMonths)
		if err != nil {
			return err
		}
		sid, err := res.LastInsertId()
		if err != nil {
			return err
		}
		err = each(ctx, tx, `INSERT INTO scenario_professions (scenario_id, pos, profession, leaver_rate_pct, wte_per_head,
			cost_per_wte_gbp) VALUES (?, ?, ?, ?, ?, ?)`, len(s.Professions), func(j int) []any {
			o := s.Professions[j]
			return []any{sid, j, o.Profession, o.LeaverRatePct, o.WTEPerHead, o.CostPerWTE}
		})
		if err != nil {
			return err
		}
		err = each(ctx, tx, `INSERT INTO scenario_posts (scenario_id, pos, profession, service_area, recruits_wte_per_year,
			leaver_rate_pct, funded_wte, in_post_wte) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, len(s.Posts), func(j int) []any {
			o := s.Posts[j]
			return []any{sid, j, o.Profession, o.ServiceArea, o.RecruitsWTEPerYear, o.LeaverRatePct, o.FundedWTE, o.InPostWTE}
		})
		if err != nil {
			return err
		}
		if err := insertCohorts(ctx, tx, id, &sid, s.ExtraCohorts); err != nil {
			return err
		}
	}
	return nil
}

// legacyLibrary makes at path a library as PsyPlan made it before plans
// were kept as documents (migrations 1 to 4), holding plans written with
// the code of then, and then runs on it the statements that damage gives
// for the plans' ids (raw SQL, with foreign keys off, as another program
// could). It returns the plans' ids.
func legacyLibrary(t testing.TB, path string, plans []*plan.Plan, damage func(ids []int64) []string) []int64 {
	t.Helper()
	old, err := openWith(path, migrationFiles[:documentVersion-1])
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	ids := make([]int64, len(plans))
	for i, p := range plans {
		err := old.tx(ctx, func(tx *sql.Tx) error {
			var err error
			ids[i], err = insertLegacyPlan(ctx, tx, p)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if damage != nil {
		rawSQL(t, old, "PRAGMA foreign_keys = OFF")
		rawSQL(t, old, damage(ids)...)
		rawSQL(t, old, "PRAGMA foreign_keys = ON")
	}
	return ids
}
