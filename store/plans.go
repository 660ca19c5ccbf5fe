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
	"example.org/psyplan/planfile"
)

// PlanEntry is a plan as the library lists it (plan.Summary is a projection's headline figures).
type PlanEntry struct {
	ID      int64
	Name    string
	Area    string
	Updated time.Time // zero when the library's record of it is damaged
	// Damaged is empty for a sound plan; for a damaged one it says what is
	// wrong, in one line (LoadPlan's *DamagedError says it all).
	Damaged string
}

// ListPlans lists every plan, by name then id, each marked when damaged.
// A damaged plan is listed, never an error of the whole list.
func (l *Library) ListPlans(ctx context.Context) ([]PlanEntry, error) {
	if err := l.forgetIfChanged(ctx); err != nil {
		return nil, err
	}
	out, err := l.summaries(ctx)
	if err != nil {
		return nil, err
	}
	kept := out[:0]
	for _, s := range out {
		s.Damaged, err = l.damage(ctx, s.ID)
		if errors.Is(err, ErrNotFound) {
			continue // deleted by another process a moment ago
		}
		if err != nil {
			return nil, err
		}
		kept = append(kept, s)
	}
	return kept, nil
}

func (l *Library) summaries(ctx context.Context) ([]PlanEntry, error) {
	rows, err := l.db.QueryContext(ctx, "SELECT id, name, area, updated_at FROM plans ORDER BY name, id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []PlanEntry
	for rows.Next() {
		var s PlanEntry
		var name, area, updated sql.NullString
		if err := rows.Scan(&s.ID, &name, &area, &updated); err != nil {
			return nil, err
		}
		s.Name, s.Area = name.String, area.String
		s.Updated, _ = time.Parse(time.RFC3339, updated.String) // a bad time is the plan's damage, shown as such
		out = append(out, s)
	}
	return out, rows.Err()
}

// CreatePlan stores a valid plan as a new plan of the library and returns
// its id. An invalid plan is refused and nothing is stored.
func (l *Library) CreatePlan(ctx context.Context, p *plan.Plan) (int64, error) {
	doc, err := document(p)
	if err != nil {
		return 0, err
	}
	var id int64
	err = l.write(ctx, func(tx *sql.Tx) error {
		var err error
		id, err = insertPlan(ctx, tx, p, doc)
		return err
	})
	if err == nil {
		l.remember(id, nil) // checked above, and stored as it is
	}
	return id, err
}

// SavePlan replaces plan id with p, in one transaction. An invalid plan is
// refused and the stored one is left as it was.
func (l *Library) SavePlan(ctx context.Context, id int64, p *plan.Plan) error {
	doc, err := document(p)
	if err != nil {
		return err
	}
	err = l.write(ctx, func(tx *sql.Tx) error {
		if err := updatePlanRow(ctx, tx, id, p, doc); err != nil {
			return err
		}
		return deleteLegacyRows(ctx, tx, id) // a plan of an older library that was damaged, now mended
	})
	if err == nil {
		l.remember(id, nil)
	}
	return err
}

// ErrChanged is the error of SavePlanAt when the plan was changed or
// deleted since it was read: nothing is stored.
var ErrChanged = errors.New("the plan was changed or deleted by another program since it was read, so nothing was stored; try again")

// SavePlanAt is SavePlan only while plan id is still at revision (as
// LoadPlanAt gave it), checked in the same transaction: an answer worked
// out on a plan is never kept in a later version of it, or in a plan
// deleted meanwhile.
func (l *Library) SavePlanAt(ctx context.Context, id, revision int64, p *plan.Plan) error {
	doc, err := document(p)
	if err != nil {
		return err
	}
	err = l.write(ctx, func(tx *sql.Tx) error {
		var now int64
		err := tx.QueryRowContext(ctx, "SELECT revision FROM plans WHERE id = ?", id).Scan(&now)
		if errors.Is(err, sql.ErrNoRows) || (err == nil && now != revision) {
			return ErrChanged
		}
		if err != nil {
			return err
		}
		if err := updatePlanRow(ctx, tx, id, p, doc); err != nil {
			return err
		}
		return deleteLegacyRows(ctx, tx, id)
	})
	if err == nil {
		l.remember(id, nil)
	}
	return err
}

// document is what the library keeps of a plan: its plan file, compact
// (the window saves after every edit, and a national plan is 6 MB so, 9
// laid out). An invalid plan is refused, naming every field at fault.
// Libraries of before kept it laid out (planfile.Write); both read alike.
func document(p *plan.Plan) ([]byte, error) {
	if errs := plan.Validate(p); errs != nil {
		return nil, errs
	}
	return planfile.Compact(p)
}

// DeletePlan removes a plan and everything in it, without reading it,
// so a damaged plan can be deleted too. It takes the plan out of every
// roll-up that held it (the roll-ups stay): RollupsHolding names them,
// for the window to ask first.
func (l *Library) DeletePlan(ctx context.Context, id int64) error {
	defer l.forget(id)
	return l.write(ctx, func(tx *sql.Tx) error {
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
		return 0, &RefError{fmt.Sprintf("no plan has the id or name %q (psyplan list shows them)", ref)}
	case 1:
		return id, nil
	default:
		return 0, &RefError{fmt.Sprintf("%d plans are named %q (ids %s): give the id instead", len(ids), ref, strings.Join(ids, ", "))}
	}
}

// RefError is a plan named by a reference (an id or a name) that names no
// plan, or several: the person asking gave a wrong reference.
type RefError struct{ msg string }

func (e *RefError) Error() string { return e.msg }

// Is makes a reference to no plan match ErrNotFound.
func (e *RefError) Is(target error) bool {
	return target == ErrNotFound && strings.HasPrefix(e.msg, "no plan")
}

func now() string { return time.Now().UTC().Format(time.RFC3339) }

// insertPlan stores a new plan: its document, and the columns that are
// queried without reading it.
func insertPlan(ctx context.Context, tx *sql.Tx, p *plan.Plan, doc []byte) (int64, error) {
	t := now()
	// A new id is above every id ever given, so a deleted plan's id never
	// comes back (an answer or a roll-up naming it cannot find another).
	var id int64
	if err := tx.QueryRowContext(ctx, `UPDATE plan_ids SET last_plan_id = MAX(last_plan_id, COALESCE((SELECT MAX(id) FROM plans), 0)) + 1
		RETURNING last_plan_id`).Scan(&id); err != nil {
		return 0, err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO plans (id, name, area, notes, baseline_month, horizon_month, cap_hires,
		interpolation, baseline_wte, qualifier_wait_months, count_salaried_trainees, pay_uplift_pct_per_year,
		created_at, updated_at, document) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		id, p.Name, p.Area, p.Notes, p.Baseline.String(), p.Horizon.String(), p.CapHires,
		p.Trajectory.Interpolation, p.Trajectory.BaselineWTE, p.QualifierWaitMonths, p.CountSalariedTrainees,
		p.PayUpliftPctPerYear, t, t, string(doc))
	return id, err
}

func updatePlanRow(ctx context.Context, tx *sql.Tx, id int64, p *plan.Plan, doc []byte) error {
	res, err := tx.ExecContext(ctx, `UPDATE plans SET name = ?, area = ?, notes = ?, baseline_month = ?,
		horizon_month = ?, cap_hires = ?, interpolation = ?, baseline_wte = ?, qualifier_wait_months = ?,
		count_salaried_trainees = ?, pay_uplift_pct_per_year = ?, updated_at = ?, document = ?, revision = revision + 1 WHERE id = ?`,
		p.Name, p.Area, p.Notes, p.Baseline.String(), p.Horizon.String(), p.CapHires,
		p.Trajectory.Interpolation, p.Trajectory.BaselineWTE, p.QualifierWaitMonths, p.CountSalariedTrainees,
		p.PayUpliftPctPerYear, now(), string(doc), id)
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

// FindSame is the plan whose document is p's exactly, compact or laid
// out as libraries of before kept it, the lowest id of several; 0 when
// none is: a plan opened from outside that the library already holds.
func (l *Library) FindSame(ctx context.Context, p *plan.Plan) (int64, error) {
	compact, err := planfile.Compact(p)
	if err != nil {
		return 0, err
	}
	var id int64
	err = l.db.QueryRowContext(ctx, "SELECT id FROM plans WHERE document IN (?, ?) ORDER BY id LIMIT 1",
		string(compact), string(planfile.LayOut(compact))).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}
