package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"
)

// applicationID marks a SQLite file as a PsyPlan library ("PsyP" in the
// file's header), so another program's database is never taken for one.
const applicationID = 0x50737950

// ErrNoPath refuses an empty library path: the command line's --db ""
// must not quietly open the library in the default place.
var ErrNoPath = errors.New("no library given: the library's path is empty")

// readWrite sets the pragmas every connection needs: foreign keys
// enforced, a write-ahead log so readers never block the writer, a wait
// (not an error) when another process is writing, and BEGIN IMMEDIATE so
// two writers queue instead of deadlocking.
const readWrite = "_foreign_keys=on&_journal_mode=WAL&_busy_timeout=1000&_txlock=immediate&_synchronous=NORMAL"

// plain opens a file without changing anything in it: no journal mode,
// no pragma that writes. The file is looked at this way first.
const plain = "_busy_timeout=15000"

// readOnly opens for reading only; SQLite itself refuses any write.
const readOnly = "mode=ro&_foreign_keys=on&_busy_timeout=15000&_txlock=deferred"

func dsn(path, params string) string {
	escaped := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
	return "file:" + escaped + "?" + params
}

// Open opens the library at path, creating it (and its folder) if need
// be, and brings its tables up to date. A library made by an older
// PsyPlan is copied beside itself before it is changed. A file that is
// not a PsyPlan library is refused (ErrNotLibrary) and left unchanged; a
// library that cannot be written is refused with ErrReadOnly (open it
// with OpenReadOnly to read it).
func Open(path string) (*Library, error) {
	return openWith(path, migrationFiles)
}

// OpenForReading opens the library for writing when it can be written
// (so an older library is brought up to date), else for reading only:
// what commands that only read the library need.
func OpenForReading(path string) (*Library, error) {
	lib, err := Open(path)
	if errors.Is(err, ErrReadOnly) {
		return OpenReadOnly(path)
	}
	return lib, err
}

func openWith(path string, migrations []migration) (*Library, error) {
	if err := checkPath(path); err != nil {
		return nil, err
	}
	// SQLite opens a file it may not write for reading and says so only
	// at the first write, and in WAL mode not even then: ask first.
	if f, err := os.OpenFile(path, os.O_RDWR, 0); err == nil {
		f.Close()
	} else if errors.Is(err, fs.ErrPermission) {
		return nil, readOnlyError{path}
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return nil, readOnlyError{path}
		}
		return nil, fmt.Errorf("cannot create the library's folder: %w", err)
	}
	if err := writableSideFiles(path); err != nil {
		return nil, err
	}
	var lib *Library
	err := retryBusy(path, nil, func() error {
		if err := prepare(path); err != nil {
			return err
		}
		var err error
		lib, err = openReadWrite(path, migrations)
		return err
	})
	if err == nil {
		return lib, nil
	}
	if errors.Is(err, ErrReadOnly) || errors.Is(err, ErrNotLibrary) {
		return nil, err
	}
	if !writable(path) {
		if _, statErr := os.Stat(path); errors.Is(statErr, fs.ErrNotExist) {
			return nil, readOnlyFolderError{readOnlyError{path}}
		}
		return nil, readOnlyError{path}
	}
	return nil, fmt.Errorf("cannot open the library %s: %w", path, err)
}

func checkPath(path string) error {
	if path == "" {
		return ErrNoPath
	}
	info, err := os.Stat(path)
	switch {
	case err != nil:
	case info.IsDir():
		return fmt.Errorf("%s is a folder, not a library file", path)
	case !info.Mode().IsRegular():
		return fmt.Errorf("%s is not an ordinary file (a device or a pipe), so it cannot be a library", path)
	}
	return nil
}

// writableSideFiles gives the owner back write permission on the
// library's -wal and -shm files when a read-only opening (of a library
// whose file was read-only then) left them read-only: the library itself
// can be written now, and SQLite would otherwise refuse every write. Files
// of another owner are left alone (SQLite then says the library is
// read-only).
func writableSideFiles(path string) error {
	for _, side := range []string{path + "-wal", path + "-shm"} {
		info, err := os.Stat(side)
		if err != nil || info.Mode().Perm()&0o200 != 0 || !info.Mode().IsRegular() {
			continue
		}
		if f, err := os.OpenFile(path, os.O_RDWR, 0); err != nil {
			continue // the library itself is read-only: so be it
		} else {
			f.Close()
		}
		if err := os.Chmod(side, info.Mode().Perm()|0o200); err != nil && !errors.Is(err, fs.ErrPermission) {
			return fmt.Errorf("cannot make %s writable again: %w", side, err)
		}
	}
	return nil
}

// writable tells whether the library's file (when there is one) and its
// folder can be written: asked only when SQLite has failed, to say why.
func writable(path string) bool {
	if f, err := os.OpenFile(path, os.O_RDWR, 0); err == nil {
		f.Close()
	} else if !errors.Is(err, fs.ErrNotExist) {
		return false
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".psyplan-write-test-*")
	if err != nil {
		return false
	}
	f.Close()
	os.Remove(f.Name())
	return true
}

// prepare looks at the file with a plain connection before anything is
// changed: our own library goes on; an empty or new file is made a
// library (marked as ours, nothing else yet); anything else is refused.
func prepare(path string) error {
	ctx := context.Background()
	db, err := sql.Open("sqlite3", dsn(path, plain))
	if err != nil {
		return err
	}
	defer db.Close()
	conn, err := db.Conn(ctx)
	if err != nil {
		return notDatabase(path, err)
	}
	defer conn.Close()
	kind, err := inspect(ctx, conn, path)
	if err != nil || kind == ours {
		return err
	}
	// Empty: mark it and make the migrations table in one transaction,
	// looking again inside it in case another process got there first.
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		return err
	}
	if err := initialise(ctx, conn, path); err != nil {
		conn.ExecContext(ctx, "ROLLBACK")
		return err
	}
	_, err = conn.ExecContext(ctx, "COMMIT")
	return err
}

func initialise(ctx context.Context, conn *sql.Conn, path string) error {
	kind, err := inspect(ctx, conn, path)
	if err != nil || kind == ours {
		return err
	}
	if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", applicationID)); err != nil {
		return err
	}
	_, err = conn.ExecContext(ctx, `CREATE TABLE schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`)
	return err
}

type fileKind int

const (
	empty fileKind = iota
	ours
)

// inspect tells an empty file from our library, and refuses anything
// else. A library made before the application id was set is known by
// its migrations table naming our first migration.
func inspect(ctx context.Context, conn *sql.Conn, path string) (fileKind, error) {
	var appID int64
	if err := conn.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return empty, notDatabase(path, err)
	}
	if appID == applicationID {
		return ours, nil
	}
	if appID != 0 {
		return empty, notLibraryError{path, fmt.Sprintf("it is another program's database, application id %d", appID)}
	}
	var objects int
	if err := conn.QueryRowContext(ctx, "SELECT COUNT(*) FROM sqlite_master").Scan(&objects); err != nil {
		return empty, notDatabase(path, err)
	}
	if objects == 0 {
		return empty, nil
	}
	var first string
	err := conn.QueryRowContext(ctx, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").Scan(&first)
	if err == nil {
		err = conn.QueryRowContext(ctx, "SELECT name FROM schema_migrations WHERE version = 1").Scan(&first)
	}
	if err == nil && first == migrationFiles[0].name {
		return ours, nil
	}
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return empty, notDatabase(path, err)
	}
	return empty, notLibraryError{path, "it is a SQLite database with tables of another program"}
}

// notDatabase names a file that SQLite cannot read as a database, and
// passes on every other error.
func notDatabase(path string, err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) && se.Code == sqlite3.ErrNotADB {
		return notLibraryError{path, "it is not a SQLite database"}
	}
	if isReadOnly(err) {
		return readOnlyError{path}
	}
	return err
}

func openReadWrite(path string, migrations []migration) (*Library, error) {
	db, err := sql.Open("sqlite3", dsn(path, readWrite))
	if err != nil {
		return nil, err
	}
	// One connection: SQLite has one writer at a time anyway, and a single
	// connection keeps every change in this process strictly in order.
	db.SetMaxOpenConns(1)
	db.SetConnMaxIdleTime(0)
	lib := &Library{db: db, path: path}
	ctx := context.Background()
	err = lib.tx(ctx, func(*sql.Tx) error { return nil }) // can it be written at all?
	if err == nil {
		err = lib.migrate(ctx, migrations)
	}
	if err == nil && len(migrations) >= documentVersion {
		err = lib.convertLegacy(ctx)
	}
	if err == nil {
		err = lib.mark(ctx)
	}
	if err != nil {
		db.Close()
		return nil, lib.readOnlyErr(err)
	}
	return lib, nil
}

// mark sets our application id on a library made before it was set.
func (l *Library) mark(ctx context.Context) error {
	var appID int64
	if err := l.db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil || appID == applicationID {
		return err
	}
	_, err := l.db.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", applicationID))
	return err
}

// OpenReadOnly opens an existing library for reading only: listing,
// loading and exporting plans work, every change is refused with
// ErrReadOnly, and the file is never written. It works on a read-only
// file or folder. A library that an older PsyPlan made must first be
// opened once with Open, which brings it up to date.
func OpenReadOnly(path string) (*Library, error) {
	return openReadOnly(path, migrationFiles)
}

func openReadOnly(path string, migrations []migration) (*Library, error) {
	if err := checkPath(path); err != nil {
		return nil, err
	}
	if _, err := os.Stat(path); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("there is no library at %s", path)
		}
		return nil, fmt.Errorf("cannot open the library %s: %w", path, err)
	}
	lib, err := openRO(path, migrations, readOnly)
	if err != nil && !errors.Is(err, ErrNotLibrary) && !hasWAL(path) {
		// A library in a read-only folder whose shared-memory file cannot
		// be made: with no write-ahead log left to read, the file alone is
		// the whole library and SQLite may read it as it stands.
		lib, err = openRO(path, migrations, readOnly+"&immutable=1")
	}
	if err != nil {
		if errors.Is(err, ErrNotLibrary) || errors.Is(err, ErrReadOnly) {
			return nil, err
		}
		return nil, fmt.Errorf("cannot read the library %s: %w", path, err)
	}
	return lib, nil
}

func hasWAL(path string) bool {
	info, err := os.Stat(path + "-wal")
	return err == nil && info.Size() > 0
}

func openRO(path string, migrations []migration, params string) (*Library, error) {
	db, err := sql.Open("sqlite3", dsn(path, params))
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	lib := &Library{db: db, path: path, readOnly: true}
	if err := lib.checkReadable(migrations); err != nil {
		db.Close()
		return nil, err
	}
	return lib, nil
}

func (l *Library) checkReadable(migrations []migration) error {
	ctx := context.Background()
	conn, err := l.db.Conn(ctx)
	if err != nil {
		return notDatabase(l.path, err)
	}
	kind, err := inspect(ctx, conn, l.path)
	conn.Close()
	if err != nil {
		return err
	}
	if kind == empty {
		return notLibraryError{l.path, "it is empty"}
	}
	v, err := l.SchemaVersion(ctx)
	switch {
	case err != nil:
		return err
	case v > len(migrations):
		return newerError(v, len(migrations))
	case v < len(migrations):
		return fmt.Errorf("the library at %s was made by an older PsyPlan and must be brought up to date before it is read, "+
			"which needs it to be writable: %w", l.path, ErrReadOnly)
	}
	return nil
}

// retryBusy retries fn while SQLite reports the file busy, for at most
// BusyWait. The busy timeout covers short waits, but while two processes
// create the same new library one of them can be told "locked" at once
// (the switch to the write-ahead log is not queued), and another program
// may hold the library for long (a stopped PsyPlan, a backup tool):
// waiting stops then, with a message saying so. waiting (may be nil) is
// told once, when the wait begins.
func retryBusy(path string, waiting func(), fn func() error) error {
	deadline := time.Now().Add(BusyWait)
	told := false
	for {
		err := fn()
		if !isBusy(err) {
			return err
		}
		if time.Now().After(deadline) {
			return busyError{path}
		}
		if !told && waiting != nil {
			waiting()
		}
		told = true
		time.Sleep(50 * time.Millisecond)
	}
}

func isBusy(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && (se.Code == sqlite3.ErrBusy || se.Code == sqlite3.ErrLocked)
}

// BusyWait is how long a change waits for another program that holds the
// library before it is refused. A variable only so tests can shorten it.
var BusyWait = 20 * time.Second

// ErrBusy is matched by the error of a change refused because another
// program held the library for BusyWait: nothing was stored.
var ErrBusy = errors.New("another program is holding the library")

type busyError struct{ path string }

func (e busyError) Error() string {
	return fmt.Sprintf("another program has been writing to the library at %s for %d seconds, so nothing was stored; try again when it has finished (a second PsyPlan window, or a backup or sync tool, may hold it)",
		e.path, int(BusyWait.Seconds()))
}
func (e busyError) Is(target error) bool { return target == ErrBusy }
