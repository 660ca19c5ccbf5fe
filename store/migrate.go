package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// migration is one numbered SQL file from migrations/ (0001_plans.sql).
type migration struct {
	version int
	name    string
	sql     string
}

var migrationFiles = mustLoadMigrations(migrationFS)

func mustLoadMigrations(fsys fs.FS) []migration {
	names, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		panic(err)
	}
	var ms []migration
	for _, n := range names {
		base := strings.TrimPrefix(n, "migrations/")
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			panic("migration without a number: " + n)
		}
		body, err := fs.ReadFile(fsys, n)
		if err != nil {
			panic(err)
		}
		ms = append(ms, migration{v, base, string(body)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			panic(fmt.Sprintf("migrations must be numbered 1, 2, 3...: %s", m.name))
		}
	}
	return ms
}

// migrate applies the migrations the library lacks, each in its own
// transaction that also records it, so a library is always at a version
// it can say. The migrations table was made when the file was found
// empty (prepare). Another process may be migrating the same file: each step
// re-reads the version inside its transaction.
func (l *Library) migrate(ctx context.Context, ms []migration) error {
	current, err := l.SchemaVersion(ctx)
	if err != nil {
		return fmt.Errorf("schema version: %w", err)
	}
	if current > len(ms) {
		return newerError(current, len(ms))
	}
	if current == len(ms) {
		return nil
	}
	if current > 0 {
		if err := l.backup(ctx, current); err != nil {
			return fmt.Errorf("cannot save a copy before updating it: %w", err)
		}
	}
	for _, m := range ms[current:] {
		if err := l.tx(ctx, func(tx *sql.Tx) error { return apply(ctx, tx, m) }); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	return nil
}

func apply(ctx context.Context, tx *sql.Tx, m migration) error {
	var have int
	if err := tx.QueryRowContext(ctx, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations").Scan(&have); err != nil {
		return err
	}
	if have >= m.version {
		return nil // another process got there first
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
		m.version, m.name, time.Now().UTC().Format(time.RFC3339))
	return err
}

// SchemaVersion is the number of the library's last migration.
func (l *Library) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := l.db.QueryRowContext(ctx, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations").Scan(&v)
	return v, err
}

// backup writes a consistent copy of the library beside it, named for the
// version it was at, before a migration changes it.
func (l *Library) backup(ctx context.Context, version int) error {
	dest := fmt.Sprintf("%s.v%d-%s.bak", l.path, version, time.Now().UTC().Format("20060102T150405Z"))
	if _, err := os.Stat(dest); err == nil {
		return nil // made a moment ago by another process
	}
	_, err := l.db.ExecContext(ctx, "VACUUM INTO ?", dest)
	return err
}

func newerError(have, know int) error {
	return fmt.Errorf("it was made by a newer PsyPlan (library version %d; this one knows %d): update PsyPlan", have, know)
}
