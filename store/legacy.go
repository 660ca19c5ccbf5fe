package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"example.org/psyplan/plan"
	"example.org/psyplan/planfile"
)

// Libraries made before migration 5 kept each plan in rows of a dozen
// tables (migrations 1 to 3). Opening such a library converts every sound
// plan to its document (convertLegacy); a damaged one stays in its rows,
// read by the legacy reader (reader.go) to be listed, rescued, exported or
// deleted, until it is deleted or a mended plan is saved over it.

// documentVersion is the migration that gave plans their document.
const documentVersion = 5

// legacyTables are the tables of a plan kept in rows, each with a plan_id;
// their other rows (funded changes, scenario overrides) go with them.
var legacyTables = []string{"plan_uncertainty", "cohorts", "milestones", "actuals", "post_lines", "professions"}

// deleteLegacyRows deletes the rows of plan id that an older library kept.
// A scenario that a damaged plan's cohort points to (across plans, as
// only another program can leave it) is kept, so that deleting it does
// not delete that cohort too: a damaged plan stays as it is.
func deleteLegacyRows(ctx context.Context, tx *sql.Tx, id int64) error {
	for _, table := range legacyTables {
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+table+" WHERE plan_id = ?", id); err != nil {
			return err
		}
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM scenarios WHERE plan_id = ?1
		AND NOT EXISTS (SELECT 1 FROM cohorts c WHERE c.scenario_id = scenarios.id AND c.plan_id != ?1)`, id)
	return err
}

// convertLegacy converts every plan still in rows to its document, one
// transaction per plan: a plan is either converted whole (its document
// written, its rows deleted) or left as it was. A damaged plan is left as
// it was. It runs at every opening for writing, so a conversion cut short
// (the program killed) is finished the next time.
func (l *Library) convertLegacy(ctx context.Context) error {
	var ids []int64
	err := l.tx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, "SELECT id FROM plans WHERE document IS NULL ORDER BY id")
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return err
			}
			ids = append(ids, id)
		}
		return rows.Err()
	})
	if err != nil {
		return err
	}
	for _, id := range ids {
		if err := l.tx(ctx, func(tx *sql.Tx) error { return convertPlan(ctx, tx, id) }); err != nil {
			return fmt.Errorf("converting plan %d to its document: %w", id, err)
		}
	}
	return nil
}

// convertPlan converts plan id when it is still in rows and sound.
func convertPlan(ctx context.Context, tx *sql.Tx, id int64) error {
	var legacy bool
	err := tx.QueryRowContext(ctx, "SELECT document IS NULL FROM plans WHERE id = ?", id).Scan(&legacy)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && !legacy) {
		return nil // deleted or converted by another process a moment ago
	}
	if err != nil {
		return err
	}
	p, problems, err := loadPlan(ctx, tx, id)
	if err != nil {
		return err
	}
	if len(problems) > 0 || plan.Validate(p) != nil {
		return nil // damaged: kept as it is, and shown as such
	}
	doc, err := planfile.Compact(p)
	if err != nil {
		return err
	}
	if _, err := planfile.Read(doc); err != nil {
		return nil // a plan the plan file cannot hold: kept in rows, where it can be read
	}
	if _, err := tx.ExecContext(ctx, "UPDATE plans SET document = ? WHERE id = ?", string(doc), id); err != nil {
		return err
	}
	return deleteLegacyRows(ctx, tx, id)
}

// loadPlan reads a plan kept in rows by an older library, as far as it
// can be read, with the problems of its rows.
func loadPlan(ctx context.Context, tx *sql.Tx, id int64) (*plan.Plan, []string, error) {
	p := &plan.Plan{}
	r := &reader{ctx: ctx, tx: tx, plan: p}
	if !r.planRow(id, p) {
		if r.err != nil {
			return nil, nil, r.err
		}
		return nil, nil, ErrNotFound
	}
	r.uncertainty(id, p)
	r.professions(id, p)
	r.posts(id, p)
	r.milestones(id, p)
	r.actuals(id, p)
	r.scenarios(id, p)
	r.cohorts(id, p)
	return p, r.problems, r.err
}
