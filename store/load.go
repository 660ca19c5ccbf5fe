package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"example.org/psyplan/plan"
)

// DamagedError is a plan in the library that breaks the plan file's rules
// or whose rows cannot be put together: changed by another program, an
// older PsyPlan or a damaged disk. It is never opened as if whole; it can
// be read as far as readable (RescuePlan), exported and deleted.
type DamagedError struct {
	ID       int64
	Name     string
	Problems []string // each names the field, or the table and row
}

// shownProblems caps the problems a message lists.
const shownProblems = 20

func (e *DamagedError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "plan %d (%s) in the library is damaged, so it cannot be opened; it can be exported as far as it can be read, or deleted:",
		e.ID, quoteName(e.Name))
	for i, p := range e.Problems {
		if i == shownProblems {
			fmt.Fprintf(&b, "\n  … and %d more", len(e.Problems)-shownProblems)
			break
		}
		b.WriteString("\n  " + p)
	}
	return b.String()
}

// Summary is the damage in one line, for a list of plans.
func (e *DamagedError) Summary() string {
	if len(e.Problems) == 1 {
		return e.Problems[0]
	}
	return fmt.Sprintf("%s (and %d more problems)", e.Problems[0], len(e.Problems)-1)
}

// quoteName shows a plan's name quoted, with line breaks and control
// characters escaped, so a name cannot forge lines of a message.
func quoteName(s string) string { return fmt.Sprintf("%q", s) }

// LoadPlan reads a whole plan, in one read transaction so that it is
// never half of one change and half of the next. A plan that breaks the
// plan file's rules, or whose rows cannot be put together, is refused
// with a *DamagedError naming every problem.
func (l *Library) LoadPlan(ctx context.Context, id int64) (*plan.Plan, error) {
	p, damage, err := l.RescuePlan(ctx, id)
	if err != nil {
		return nil, err
	}
	if damage != nil {
		return nil, damage
	}
	return p, nil
}

// RescuePlan reads plan id as far as it can be read: the plan with every
// row that could be read (rows that could not are left out), and, when
// the plan is damaged, what is wrong with it (nil when it is sound). err
// is for a plan that is not there or a library that cannot be read.
// Export the plan it gives to rescue what a damaged plan still holds.
func (l *Library) RescuePlan(ctx context.Context, id int64) (*plan.Plan, *DamagedError, error) {
	var p *plan.Plan
	var problems []string
	err := l.tx(ctx, func(tx *sql.Tx) error {
		var err error
		p, problems, err = loadPlan(ctx, tx, id)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	for _, e := range plan.Validate(p) {
		problems = append(problems, e.Error())
	}
	var damage *DamagedError
	if len(problems) > 0 {
		damage = &DamagedError{ID: id, Name: p.Name, Problems: problems}
	}
	l.remember(id, damage)
	return p, damage, nil
}

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

// remember notes what plan id was found to be, for ListPlans.
func (l *Library) remember(id int64, damage *DamagedError) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.checked == nil {
		l.checked = map[int64]string{}
	}
	l.checked[id] = ""
	if damage != nil {
		l.checked[id] = damage.Summary()
	}
}

func (l *Library) forget(id int64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.checked, id)
}

// damage is what ListPlans shows of plan id: "" for a sound plan. A plan
// is read and checked once, then again only after another process (or
// program) has changed the library: SQLite's data_version says so.
func (l *Library) damage(ctx context.Context, id int64) (string, error) {
	l.mu.Lock()
	d, known := l.checked[id]
	l.mu.Unlock()
	if known {
		return d, nil
	}
	_, damage, err := l.RescuePlan(ctx, id)
	if err != nil || damage == nil {
		return "", err
	}
	return damage.Summary(), nil
}

// forgetIfChanged forgets every check when another connection has
// changed the file since the checks were made.
func (l *Library) forgetIfChanged(ctx context.Context) error {
	var v int64
	if err := l.db.QueryRowContext(ctx, "PRAGMA data_version").Scan(&v); err != nil {
		return err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if v != l.dataVersion {
		l.checked, l.dataVersion = nil, v
	}
	return nil
}

// StartPlan is the plan the window opens on start: the plan last opened
// when it is still there and sound, else the first sound plan of the
// list, else 0 (none). It never gives a damaged plan, so a damaged plan
// cannot stop the window from starting; the list marks it instead.
func (l *Library) StartPlan(ctx context.Context) (int64, error) {
	list, err := l.ListPlans(ctx)
	if err != nil {
		return 0, err
	}
	last, _ := l.LastPlan(ctx) // a damaged setting is as good as none
	for _, s := range list {
		if s.ID == last && s.Damaged == "" {
			return last, nil
		}
	}
	for _, s := range list {
		if s.Damaged == "" {
			return s.ID, nil
		}
	}
	return 0, nil
}
