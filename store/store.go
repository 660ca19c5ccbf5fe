// Package store keeps plans in a local SQLite library: one file, every
// change one transaction, nothing lost when the program is killed.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"
)

// Library is an open plan library.
type Library struct {
	db   *sql.DB
	path string
}

// ErrNotFound is returned for a plan that is not in the library.
var ErrNotFound = errors.New("no such plan in the library")

// DefaultPath is where the window and the command line keep the library
// unless told otherwise: the user's configuration folder.
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("cannot find a folder for the plan library (%v); give one with --db", err)
	}
	return filepath.Join(dir, "psyplan", "library.db"), nil
}

// dsn sets the pragmas every connection needs: foreign keys enforced, a
// write-ahead log so readers never block the writer, a wait (not an
// error) when another process is writing, and BEGIN IMMEDIATE so two
// writers queue instead of deadlocking.
func dsn(path string) string {
	escaped := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
	return "file:" + escaped + "?_foreign_keys=on&_journal_mode=WAL&_busy_timeout=15000&_txlock=immediate&_synchronous=NORMAL"
}

// Open opens the library at path, creating it (and its folder) if need
// be, and brings its tables up to date. A library made by an older
// PsyPlan is copied beside itself before it is changed.
func Open(path string) (*Library, error) {
	return openWith(path, migrationFiles)
}

func openWith(path string, migrations []migration) (*Library, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("cannot create the library's folder: %w", err)
	}
	db, err := sql.Open("sqlite3", dsn(path))
	if err != nil {
		return nil, err
	}
	// One connection: SQLite has one writer at a time anyway, and a single
	// connection keeps every change in this process strictly in order.
	db.SetMaxOpenConns(1)
	db.SetConnMaxIdleTime(0)
	lib := &Library{db: db, path: path}
	if err := retryBusy(func() error { return lib.migrate(context.Background(), migrations) }); err != nil {
		db.Close()
		return nil, fmt.Errorf("cannot open the library %s: %w", path, err)
	}
	return lib, nil
}

// retryBusy retries fn while SQLite reports the file busy. The busy
// timeout covers ordinary waits, but while two processes create the same
// new library one of them can be told "locked" at once (the switch to the
// write-ahead log is not queued), so opening tries again for a while.
func retryBusy(fn func() error) error {
	var err error
	for try := 0; try < 100; try++ {
		err = fn()
		var se sqlite3.Error
		if !errors.As(err, &se) || (se.Code != sqlite3.ErrBusy && se.Code != sqlite3.ErrLocked) {
			return err
		}
		time.Sleep(50 * time.Millisecond)
	}
	return err
}

// Path is the library's file.
func (l *Library) Path() string { return l.path }

// Close closes the library.
func (l *Library) Close() error { return l.db.Close() }

// tx runs fn in one transaction: all of it is stored, or none.
func (l *Library) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := l.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// IntegrityCheck runs SQLite's own check of the file: "ok" when sound.
func (l *Library) IntegrityCheck(ctx context.Context) (string, error) {
	var res string
	err := l.db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&res)
	return res, err
}
