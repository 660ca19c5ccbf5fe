package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"example.org/psyplan/plan"
)

// Summary is a plan as the library lists it.
type Summary struct {
	ID      int64
	Name    string
	Area    string
	Updated time.Time
}

// ListPlans lists every plan, by name then id.
func (l *Library) ListPlans(ctx context.Context) ([]Summary, error) {
	rows, err := l.db.QueryContext(ctx, "SELECT id, name, area, updated_at FROM plans ORDER BY name, id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Summary
	for rows.Next() {
		var s Summary
		var updated string
		if err := rows.Scan(&s.ID, &s.Name, &s.Area, &updated); err != nil {
			return nil, err
		}
		if s.Updated, err = time.Parse(time.RFC3339, updated); err != nil {
			return nil, fmt.Errorf("plan %d in the library has a damaged change time %q", s.ID, updated)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// CreatePlan stores a valid plan as a new plan of the library and returns
// its id. An invalid plan is refused and nothing is stored.
func (l *Library) CreatePlan(ctx context.Context, p *plan.Plan) (int64, error) {
	if errs := plan.Validate(p); errs != nil {
		return 0, errs
	}
	var id int64
	err := l.tx(ctx, func(tx *sql.Tx) error {
		var err error
		id, err = insertPlan(ctx, tx, p)
		return err
	})
	return id, err
}

// SavePlan replaces plan id with p, in one transaction. An invalid plan is
// refused and the stored one is left as it was.
func (l *Library) SavePlan(ctx context.Context, id int64, p *plan.Plan) error {
	if errs := plan.Validate(p); errs != nil {
		return errs
	}
	return l.tx(ctx, func(tx *sql.Tx) error {
		if err := updatePlanRow(ctx, tx, id, p); err != nil {
			return err
		}
		for _, table := range []string{"professions", "scenarios", "cohorts", "milestones", "actuals"} {
			// post lines go with their profession, scenario rows with their scenario
			if _, err := tx.ExecContext(ctx, "DELETE FROM "+table+" WHERE plan_id = ?", id); err != nil {
				return err
			}
		}
		return insertChildren(ctx, tx, id, p)
	})
}

// DeletePlan removes a plan and everything in it.
func (l *Library) DeletePlan(ctx context.Context, id int64) error {
	return l.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM plans WHERE id = ?", id)
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		if err != nil {
			return err
		}
		if n == 0 {
			return ErrNotFound
		}
		return nil
	})
}

// FindPlan resolves what a planner typed for a plan: an id, else an exact
// name. A name that several plans share is refused with their ids.
func (l *Library) FindPlan(ctx context.Context, ref string) (int64, error) {
	if id, err := strconv.ParseInt(ref, 10, 64); err == nil {
		var found int64
		err := l.db.QueryRowContext(ctx, "SELECT id FROM plans WHERE id = ?", id).Scan(&found)
		if err == nil {
			return found, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return 0, err
		}
	}
	rows, err := l.db.QueryContext(ctx, "SELECT id FROM plans WHERE name = ? ORDER BY id", ref)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var ids []string
	var id int64
	for rows.Next() {
		if err := rows.Scan(&id); err != nil {
			return 0, err
		}
		ids = append(ids, strconv.FormatInt(id, 10))
	}
	if err := rows.Err(); err != nil {
		return 0, err
	}
	switch len(ids) {
	case 0:
		return 0, fmt.Errorf("no plan has the id or name %q (psyplan list shows them)", ref)
	case 1:
		return id, nil
	default:
		return 0, fmt.Errorf("%d plans are named %q (ids %s): give the id instead", len(ids), ref, strings.Join(ids, ", "))
	}
}

func now() string { return time.Now().UTC().Format(time.RFC3339) }

func insertPlan(ctx context.Context, tx *sql.Tx, p *plan.Plan) (int64, error) {
	t := now()
	res, err := tx.ExecContext(ctx, `INSERT INTO plans (name, area, notes, baseline_month, horizon_month, cap_hires,
		interpolation, baseline_wte, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		p.Name, p.Area, p.Notes, p.Baseline.String(), p.Horizon.String(), p.CapHires,
		p.Trajectory.Interpolation, p.Trajectory.BaselineWTE, t, t)
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	return id, insertChildren(ctx, tx, id, p)
}

func updatePlanRow(ctx context.Context, tx *sql.Tx, id int64, p *plan.Plan) error {
	res, err := tx.ExecContext(ctx, `UPDATE plans SET name = ?, area = ?, notes = ?, baseline_month = ?,
		horizon_month = ?, cap_hires = ?, interpolation = ?, baseline_wte = ?, updated_at = ? WHERE id = ?`,
		p.Name, p.Area, p.Notes, p.Baseline.String(), p.Horizon.String(), p.CapHires,
		p.Trajectory.Interpolation, p.Trajectory.BaselineWTE, now(), id)
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return ErrNotFound
	}
	return nil
}
