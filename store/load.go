package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"example.org/psyplan/plan"
	"example.org/psyplan/planfile"
)

// DamagedError is a plan in the library that breaks the plan file's rules,
// whose document is not a plan file, or (kept by an older library) whose
// rows cannot be put together: changed by another program, an older
// PsyPlan or a damaged disk. It is never opened as if whole; it can
// be read as far as readable (RescuePlan), exported and deleted.
type DamagedError struct {
	ID       int64
	Name     string
	Problems []string // each names the field, or the table, row and column
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

// LoadPlanAt is LoadPlan with the plan's revision, read in the same
// transaction: SavePlanAt keeps a change only while the plan is still at
// that revision.
func (l *Library) LoadPlanAt(ctx context.Context, id int64) (*plan.Plan, int64, error) {
	var p *plan.Plan
	var rev int64
	var problems []string
	var name string
	err := l.tx(ctx, func(tx *sql.Tx) error {
		var err error
		if p, name, problems, err = readPlan(ctx, tx, id); err != nil {
			return err
		}
		return tx.QueryRowContext(ctx, "SELECT revision FROM plans WHERE id = ?", id).Scan(&rev)
	})
	if err != nil {
		return nil, 0, err
	}
	if len(problems) > 0 {
		return nil, 0, &DamagedError{ID: id, Name: name, Problems: problems}
	}
	return p, rev, nil
}

// RescuePlan reads plan id as far as it can be read: the plan with every
// part that could be read (parts that could not are left out), and, when
// the plan is damaged, what is wrong with it (nil when it is sound). err
// is for a plan that is not there or a library that cannot be read.
// Export the plan it gives to rescue what a damaged plan still holds. A
// plan whose document cannot be read at all gives its name, area and
// months as the library lists them.
func (l *Library) RescuePlan(ctx context.Context, id int64) (*plan.Plan, *DamagedError, error) {
	var p *plan.Plan
	var name string
	var problems []string
	err := l.tx(ctx, func(tx *sql.Tx) error {
		var err error
		p, name, problems, err = readPlan(ctx, tx, id)
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	var damage *DamagedError
	if len(problems) > 0 {
		damage = &DamagedError{ID: id, Name: name, Problems: problems}
	}
	l.remember(id, damage)
	return p, damage, nil
}

// readPlan reads plan id from its document, or from its rows when an
// older library kept it so, with every problem found, and its name for
// messages.
func readPlan(ctx context.Context, tx *sql.Tx, id int64) (p *plan.Plan, name string, problems []string, err error) {
	r := &reader{ctx: ctx, tx: tx}
	var found, legacy bool
	var doc []byte
	cols := make([]*string, len(columnNames)) // as the row has them; nil when not text
	r.rows(func(c *cells) {
		found = true
		c.where, c.every = "plans row", true
		if c.vals[0] == nil {
			legacy = true
			return
		}
		if d := c.text(0); !c.bad {
			doc = []byte(d)
		}
		for i := range cols {
			if s, ok := c.vals[1+i].(string); ok {
				cols[i] = &s
			} else {
				c.text(1 + i) // noted
			}
		}
		checkUpdated(c, 1+len(cols))
	}, "SELECT document, name, area, baseline_month, horizon_month, updated_at FROM plans WHERE id = ?", id)
	switch {
	case r.err != nil:
		return nil, "", nil, r.err
	case !found:
		return nil, "", nil, ErrNotFound
	case legacy:
		p, problems, err := loadPlan(ctx, tx, id)
		if err != nil {
			return nil, "", nil, err
		}
		for _, e := range plan.Validate(p) {
			problems = append(problems, e.Error())
		}
		return p, p.Name, problems, nil
	}
	if doc != nil {
		p, err = planfile.Read(doc)
		if err == nil {
			r.sameAsColumns(p, cols)
		} else {
			p, _ = planfile.Rescue(doc)
			r.documentProblems(err)
		}
	}
	if p == nil {
		p = r.fromColumns(cols)
	}
	name = p.Name
	if name == "" && cols[0] != nil {
		name = *cols[0]
	}
	return p, name, r.problems, nil
}

// columnNames are the columns of plans that repeat what the plan's
// document says, for the library to list, find and roll up plans without
// reading them.
var columnNames = []string{"name", "area", "baseline_month", "horizon_month"}

// sameAsColumns notes every such column that is not what the document
// says, as another program could leave it.
func (r *reader) sameAsColumns(p *plan.Plan, cols []*string) {
	for i, want := range []string{p.Name, p.Area, p.Baseline.String(), p.Horizon.String()} {
		if got := cols[i]; got != nil && *got != want {
			r.problem("plans row: %s is %s, but the plan's document says %s", columnNames[i], shown(*got), shown(want))
		}
	}
}

// documentProblems notes what the plan file reader found wrong with a
// document: each field at fault, or why it is not a plan file at all.
func (r *reader) documentProblems(err error) {
	var errs plan.Errors
	if !errors.As(err, &errs) {
		r.problem("plans row: document is not a plan file: %v", err)
		return
	}
	for i, e := range errs {
		if e.Path == "" && i == 0 { // the whole document: not a plan file
			e.Path = "plans row: document"
		}
		r.problem("%s", e.Error())
	}
}

// fromColumns is what the plans row tells of a plan whose document
// cannot be read at all: its name, area and months.
func (r *reader) fromColumns(cols []*string) *plan.Plan {
	p := &plan.Plan{}
	if cols[0] != nil {
		p.Name = *cols[0]
	}
	if cols[1] != nil {
		p.Area = *cols[1]
	}
	for i, m := range []*plan.Month{&p.Baseline, &p.Horizon} {
		if s := cols[2+i]; s != nil {
			var err error
			if *m, err = plan.ParseMonth(*s); err != nil {
				r.problem("plans row: %s %v", columnNames[2+i], err)
			}
		}
	}
	return p
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
