package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strconv"

	"example.org/psyplan/plan"
)

// Setting keys.
const (
	settingLastPlan   = "last_plan"
	settingSeeded     = "default_plan_given"
	settingLastFolder = "last_folder"
)

func getSetting(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, key string) (string, bool, error) {
	var v string
	err := q.QueryRowContext(ctx, "SELECT value FROM settings WHERE key = ?", key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	return v, err == nil, err
}

func setSetting(ctx context.Context, tx *sql.Tx, key, value string) error {
	_, err := tx.ExecContext(ctx, "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", key, value)
	return err
}

// LastPlan is the plan the window showed last, or 0.
func (l *Library) LastPlan(ctx context.Context) (int64, error) {
	v, ok, err := getSetting(ctx, l.db, settingLastPlan)
	if !ok || err != nil {
		return 0, err
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("the library's last plan %q is not a plan id", v)
	}
	return id, nil
}

// SetLastPlan remembers the plan the window shows, to open it again next time.
func (l *Library) SetLastPlan(ctx context.Context, id int64) error {
	return l.write(ctx, func(tx *sql.Tx) error { return setSetting(ctx, tx, settingLastPlan, strconv.FormatInt(id, 10)) })
}

// LastFolder is the folder the last import or export went to, "" when
// none has yet: the next file dialog starts there.
func (l *Library) LastFolder(ctx context.Context) (string, error) {
	v, _, err := getSetting(ctx, l.db, settingLastFolder)
	return v, err
}

// SetLastFolder remembers the folder of an import or export. It is kept
// in the library, not on the computer, so a library on a shared drive
// opens its dialogs where its planners keep their files.
func (l *Library) SetLastFolder(ctx context.Context, dir string) error {
	if dir == "" || !filepath.IsAbs(dir) {
		return fmt.Errorf("the folder to remember %q is not a full path", dir)
	}
	return l.write(ctx, func(tx *sql.Tx) error { return setSetting(ctx, tx, settingLastFolder, filepath.Clean(dir)) })
}

// GiveDefaultPlan stores the default plan in a library that has never had
// it, once in the library's life, so a planner who deletes it does not see
// it come back. It returns the new plan's id, or 0 when the library had it
// already. load is called only when the plan is needed. A library
// opened for reading only is shown as it is: nothing is given.
func (l *Library) GiveDefaultPlan(ctx context.Context, load func() (*plan.Plan, error)) (int64, error) {
	if l.readOnly {
		return 0, nil
	}
	if _, given, err := getSetting(ctx, l.db, settingSeeded); given || err != nil {
		return 0, err
	}
	p, err := load()
	if err != nil {
		return 0, err
	}
	doc, err := document(p)
	if err != nil {
		return 0, err
	}
	var id int64
	err = l.write(ctx, func(tx *sql.Tx) error {
		if _, given, err := getSetting(ctx, tx, settingSeeded); given || err != nil {
			return err // another process gave it a moment ago
		}
		if id, err = insertPlan(ctx, tx, p, doc); err != nil {
			return err
		}
		return setSetting(ctx, tx, settingSeeded, "yes")
	})
	if err == nil && id != 0 {
		l.remember(id, nil)
	}
	return id, err
}
