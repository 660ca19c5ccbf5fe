// Package store keeps plans in a local SQLite library: one file, every
// change one transaction, nothing lost when the program is killed. Each
// plan is kept whole as its plan file (package planfile), beside the few
// columns the library lists, finds and rolls plans up by.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/mattn/go-sqlite3"
)

// Library is an open plan library.
type Library struct {
	db       *sql.DB
	path     string
	readOnly bool

	// checked remembers which plans were found sound ("") or damaged (the
	// damage) while the file is unchanged by anyone else (dataVersion),
	// so listing a library does not read every plan every time.
	// OnWait, when set, is told when a change must wait for another
	// program that holds the library (the window's status line, the
	// command line's standard error).
	OnWait func()

	mu          sync.Mutex
	checked     map[int64]string
	dataVersion int64
}

// ErrNotFound is returned for a plan that is not in the library.
var ErrNotFound = errors.New("no such plan in the library")

// ErrReadOnly is matched (errors.Is) by every error saying the library
// cannot be written: its file or folder is read-only, or it was opened
// with OpenReadOnly.
var ErrReadOnly = errors.New("the library is read-only")

// ErrNotLibrary is matched by the error for a file that is not a PsyPlan
// library (another program's database, or not a database at all). Such a
// file is left exactly as it was.
var ErrNotLibrary = errors.New("not a PsyPlan library")

type readOnlyError struct{ path string }

func (e readOnlyError) Error() string        { return fmt.Sprintf("the library at %s is read-only", e.path) }
func (e readOnlyError) Is(target error) bool { return target == ErrReadOnly }

// readOnlyFolderError is a library that does not exist yet in a folder
// that cannot be written: there is no library to be read-only.
type readOnlyFolderError struct{ readOnlyError }

func (e readOnlyFolderError) Error() string {
	return fmt.Sprintf("cannot make a library at %s: its folder %s is read-only (choose a folder you can write to with --db)", e.path, filepath.Dir(e.path))
}

type notLibraryError struct{ path, why string }

func (e notLibraryError) Error() string {
	return fmt.Sprintf("%s is not a PsyPlan library (%s); it was left unchanged", e.path, e.why)
}
func (e notLibraryError) Is(target error) bool { return target == ErrNotLibrary }

// DefaultPath is where the window and the command line keep the library
// unless told otherwise: the user's configuration folder.
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("cannot find a folder for the plan library (%v); give one with --db", err)
	}
	return filepath.Join(dir, "psyplan", "library.db"), nil
}

// Path is the library's file.
func (l *Library) Path() string { return l.path }

// ReadOnly tells whether the library was opened for reading only.
func (l *Library) ReadOnly() bool { return l.readOnly }

// Close closes the library.
func (l *Library) Close() error { return l.db.Close() }

// tx runs fn in one transaction: all of it is stored, or none. Reads use
// it too, so a plan is never read half before and half after a change.
func (l *Library) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := l.db.BeginTx(ctx, nil)
	if err != nil {
		return l.readOnlyErr(err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return l.readOnlyErr(err)
	}
	return l.readOnlyErr(tx.Commit())
}

// write runs fn in one transaction that changes the library; a library
// opened for reading is refused before anything is tried.
func (l *Library) write(ctx context.Context, fn func(*sql.Tx) error) error {
	if l.readOnly {
		return readOnlyError{l.path}
	}
	return retryBusy(l.path, l.OnWait, func() error { return l.tx(ctx, fn) })
}

// readOnlyErr replaces SQLite's "attempt to write a readonly database"
// by a message that names the library.
func (l *Library) readOnlyErr(err error) error {
	if isReadOnly(err) {
		return readOnlyError{l.path}
	}
	var se sqlite3.Error
	if errors.As(err, &se) && se.Code == sqlite3.ErrFull {
		return fmt.Errorf("the disk holding the library at %s is full, so nothing was stored: make room and try again", l.path)
	}
	return err
}

func isReadOnly(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && se.Code == sqlite3.ErrReadonly
}

// IntegrityCheck runs SQLite's own check of the file: "ok" when sound.
func (l *Library) IntegrityCheck(ctx context.Context) (string, error) {
	var res string
	err := l.db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&res)
	return res, err
}
