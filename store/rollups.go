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

// RollupMember is one plan of a stored roll-up.
type RollupMember struct {
	PlanID   int64
	Scenario string // "" counts the plan itself
}

// Rollup is a stored roll-up: a name and its plans, in the planner's order.
type Rollup struct {
	ID      int64
	Name    string
	Members []RollupMember
	Updated time.Time
}

// ErrRollupNotFound is returned for a roll-up that is not in the library.
var ErrRollupNotFound = errors.New("no such roll-up in the library")

// RollupError is a roll-up refused for what it is (its name, its plans),
// not for the library: the person making it can put it right.
type RollupError struct{ msg string }

func (e *RollupError) Error() string { return e.msg }

func rollupErr(format string, args ...any) error { return &RollupError{fmt.Sprintf(format, args...)} }

// CreateRollup stores a new roll-up and returns its id. A roll-up with no
// name, a name another roll-up has, no plans, a plan or scenario that is
// not in the library, a plan named twice, or plans that share no month is
// refused, naming what is wrong, and nothing is stored.
func (l *Library) CreateRollup(ctx context.Context, name string, members []RollupMember) (int64, error) {
	var id int64
	err := l.write(ctx, func(tx *sql.Tx) error {
		if err := checkRollup(ctx, tx, 0, name, members); err != nil {
			return err
		}
		t := now()
		res, err := tx.ExecContext(ctx, "INSERT INTO rollups (name, created_at, updated_at) VALUES (?, ?, ?)", name, t, t)
		if err != nil {
			return err
		}
		if id, err = res.LastInsertId(); err != nil {
			return err
		}
		return insertMembers(ctx, tx, id, members)
	})
	return id, err
}

// SaveRollup replaces roll-up id's name and plans, checked as
// CreateRollup checks them; when refused the stored one is left as it was.
func (l *Library) SaveRollup(ctx context.Context, id int64, name string, members []RollupMember) error {
	return l.write(ctx, func(tx *sql.Tx) error {
		if err := checkRollup(ctx, tx, id, name, members); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, "UPDATE rollups SET name = ?, updated_at = ? WHERE id = ?", name, now(), id)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return cmpErr(err, ErrRollupNotFound)
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM rollup_members WHERE rollup_id = ?", id); err != nil {
			return err
		}
		return insertMembers(ctx, tx, id, members)
	})
}

func cmpErr(err, otherwise error) error {
	if err != nil {
		return err
	}
	return otherwise
}

func insertMembers(ctx context.Context, tx *sql.Tx, id int64, members []RollupMember) error {
	return each(ctx, tx, "INSERT INTO rollup_members (rollup_id, pos, plan_id, scenario) VALUES (?, ?, ?, ?)",
		len(members), func(i int) []any { return []any{id, i, members[i].PlanID, members[i].Scenario} })
}

// checkRollup refuses a roll-up that could not be projected, naming what
// is wrong; self is the roll-up being saved (0 for a new one).
func checkRollup(ctx context.Context, tx *sql.Tx, self int64, name string, members []RollupMember) error {
	if msg := plan.NameProblem(name); msg != "" {
		return &RollupError{"the roll-up's name " + msg}
	}
	var other int64
	err := tx.QueryRowContext(ctx, "SELECT id FROM rollups WHERE name = ? AND id != ?", name, self).Scan(&other)
	if err == nil {
		return rollupErr("a roll-up named %q is in the library already (id %d): choose another name", name, other)
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if len(members) == 0 {
		return rollupErr("roll-up %q has no plans: give at least one", name)
	}
	seen := map[int64]bool{}
	var spans []string
	var from, to plan.Month
	for i, m := range members {
		if seen[m.PlanID] {
			return rollupErr("plan %d is in roll-up %q twice: a plan counts once", m.PlanID, name)
		}
		seen[m.PlanID] = true
		span, b, h, err := memberMonths(ctx, tx, m)
		if err != nil {
			return err
		}
		spans = append(spans, span)
		if i == 0 {
			from, to = b, h
		}
		from, to = max(from, b), min(to, h)
	}
	if from > to {
		return rollupErr("the plans of roll-up %q share no month, so they cannot be rolled up: %s", name, strings.Join(spans, "; "))
	}
	return nil
}

// memberMonths checks that the member's plan and scenario are in the
// library and gives its months: "Leeds 2020-03 to 2024-03".
func memberMonths(ctx context.Context, tx *sql.Tx, m RollupMember) (string, plan.Month, plan.Month, error) {
	var name, baseline, horizon string
	err := tx.QueryRowContext(ctx, "SELECT name, baseline_month, horizon_month FROM plans WHERE id = ?", m.PlanID).
		Scan(&name, &baseline, &horizon)
	if errors.Is(err, sql.ErrNoRows) {
		return "", 0, 0, rollupErr("no plan has the id %d (psyplan list shows them)", m.PlanID)
	}
	if err != nil {
		return "", 0, 0, err
	}
	if m.Scenario != "" {
		// In the plan's document, without reading the whole plan (or in its
		// rows, for a damaged plan of an older library).
		var has sql.NullBool
		err := tx.QueryRowContext(ctx, `SELECT CASE
			WHEN document IS NULL THEN EXISTS (SELECT 1 FROM scenarios WHERE plan_id = plans.id AND name = ?1)
			WHEN json_valid(document) THEN EXISTS (SELECT 1 FROM json_each(document, '$.scenarios') s
				WHERE json_extract(plans.document, s.fullkey || '.name') = ?1)
			END FROM plans WHERE id = ?2`, m.Scenario, m.PlanID).Scan(&has)
		if err != nil {
			return "", 0, 0, err
		}
		if !has.Valid {
			return "", 0, 0, rollupErr("plan %d %q is damaged (its document is not JSON): rescue it first", m.PlanID, name)
		}
		if !has.Bool {
			return "", 0, 0, rollupErr("plan %d %q has no scenario %q", m.PlanID, name, m.Scenario)
		}
	}
	b, errB := plan.ParseMonth(baseline)
	h, errH := plan.ParseMonth(horizon)
	if errB != nil || errH != nil {
		return "", 0, 0, rollupErr("plan %d %q is damaged (its months are %q to %q): rescue it first", m.PlanID, name, baseline, horizon)
	}
	return fmt.Sprintf("%s %s to %s", name, b, h), b, h, nil
}

// ListRollups lists every roll-up, by name, with its plans.
func (l *Library) ListRollups(ctx context.Context) ([]Rollup, error) {
	return l.rollups(ctx, "SELECT id, name, updated_at FROM rollups ORDER BY name, id")
}

// RollupsHolding lists the roll-ups that hold plan id, by name: deleting
// the plan takes it out of them, so the window asks first and names them.
func (l *Library) RollupsHolding(ctx context.Context, planID int64) ([]Rollup, error) {
	return l.rollups(ctx, `SELECT id, name, updated_at FROM rollups
		WHERE id IN (SELECT rollup_id FROM rollup_members WHERE plan_id = ?) ORDER BY name, id`, planID)
}

// LoadRollup reads roll-up id with its plans.
func (l *Library) LoadRollup(ctx context.Context, id int64) (*Rollup, error) {
	list, err := l.rollups(ctx, "SELECT id, name, updated_at FROM rollups WHERE id = ?", id)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, ErrRollupNotFound
	}
	return &list[0], nil
}

// rollups reads the roll-ups query selects (id, name, updated_at) and
// their members, in one read transaction.
func (l *Library) rollups(ctx context.Context, query string, args ...any) ([]Rollup, error) {
	var out []Rollup
	err := l.tx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, query, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var r Rollup
			var updated string
			if err := rows.Scan(&r.ID, &r.Name, &updated); err != nil {
				return err
			}
			r.Updated, _ = time.Parse(time.RFC3339, updated)
			out = append(out, r)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		for i := range out {
			if out[i].Members, err = members(ctx, tx, out[i].ID); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

func members(ctx context.Context, tx *sql.Tx, id int64) ([]RollupMember, error) {
	rows, err := tx.QueryContext(ctx, "SELECT plan_id, scenario FROM rollup_members WHERE rollup_id = ? ORDER BY pos", id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []RollupMember
	for rows.Next() {
		var m RollupMember
		if err := rows.Scan(&m.PlanID, &m.Scenario); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// DeleteRollup removes a roll-up; its plans stay.
func (l *Library) DeleteRollup(ctx context.Context, id int64) error {
	return l.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM rollups WHERE id = ?", id)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return cmpErr(err, ErrRollupNotFound)
		}
		return nil
	})
}

// FindRollup resolves what a planner typed for a roll-up, as FindPlan
// does for a plan: an id, else its exact name (roll-up names are unique).
func (l *Library) FindRollup(ctx context.Context, ref string) (int64, error) {
	var id int64
	err := sql.ErrNoRows
	if n, perr := strconv.ParseInt(ref, 10, 64); perr == nil {
		err = l.db.QueryRowContext(ctx, "SELECT id FROM rollups WHERE id = ?", n).Scan(&id)
	}
	if errors.Is(err, sql.ErrNoRows) {
		err = l.db.QueryRowContext(ctx, "SELECT id FROM rollups WHERE name = ?", ref).Scan(&id)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("no roll-up has the id or name %q (psyplan rollup list shows them)", ref)
	}
	return id, err
}

// RollupPlans reads the plans of roll-up id as they are now (a roll-up
// is live), ready for plan.ProjectRollup, each named by its plan's name
// (and scenario). A plan that is damaged, or whose scenario has been
// renamed or deleted since, is refused, naming it.
func (l *Library) RollupPlans(ctx context.Context, id int64) (*Rollup, []plan.RollupMember, error) {
	r, err := l.LoadRollup(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	if len(r.Members) == 0 {
		return r, nil, fmt.Errorf("roll-up %q has no plans left (they were deleted)", r.Name)
	}
	out := make([]plan.RollupMember, len(r.Members))
	count := map[string]int{}
	for i, m := range r.Members {
		p, err := l.LoadPlan(ctx, m.PlanID)
		if err != nil {
			return r, nil, fmt.Errorf("roll-up %q: plan %d: %w", r.Name, m.PlanID, err)
		}
		if m.Scenario != "" && p.Scenario(m.Scenario) == nil {
			return r, nil, fmt.Errorf("roll-up %q: plan %d %q has no scenario %q any more (renamed or deleted): change the roll-up",
				r.Name, m.PlanID, p.Name, m.Scenario)
		}
		out[i] = plan.RollupMember{Name: memberName(p.Name, m.Scenario), Plan: p, Scenario: m.Scenario}
		count[out[i].Name]++
	}
	for i := range out { // plans may share a name: the id tells them apart
		if count[out[i].Name] > 1 {
			out[i].Name += fmt.Sprintf(" (plan %d)", r.Members[i].PlanID)
		}
	}
	return r, out, nil
}

// memberName is how a roll-up names its plan: "Leeds", or "Leeds:
// Lower attrition" when it counts by a scenario.
func memberName(planName, scenario string) string {
	if scenario == "" {
		return planName
	}
	return planName + ": " + scenario
}

// each prepares one statement and runs it n times with the arguments args(i).
func each(ctx context.Context, tx *sql.Tx, query string, n int, args func(i int) []any) error {
	if n == 0 {
		return nil
	}
	st, err := tx.PrepareContext(ctx, query)
	if err != nil {
		return err
	}
	defer st.Close()
	for i := 0; i < n; i++ {
		if _, err := st.ExecContext(ctx, args(i)...); err != nil {
			return err
		}
	}
	return nil
}
