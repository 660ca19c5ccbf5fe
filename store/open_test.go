package store

import (
	"bytes"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEmptyPathIsRefused(t *testing.T) {
	for name, open := range map[string]func(string) (*Library, error){"Open": Open, "OpenReadOnly": OpenReadOnly,
		"OpenForReading": OpenForReading} {
		if lib, err := open(""); !errors.Is(err, ErrNoPath) || lib != nil {
			t.Errorf("%s(\"\"): %v", name, err)
		}
	}
}

// foreignDatabase makes another program's SQLite file, in the rollback
// journal mode SQLite starts in, and returns its bytes.
func foreignDatabase(t *testing.T, path string, statements ...string) []byte {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range statements {
		if _, err := db.Exec(s); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// A file that is not a PsyPlan library is refused and left exactly as it
// was: no tables added, its journal mode not switched to WAL.
func TestOtherFilesAreRefusedUnchanged(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{}
	path := filepath.Join(dir, "contacts.db")
	files[path] = foreignDatabase(t, path, "CREATE TABLE contacts (name TEXT)", "INSERT INTO contacts VALUES ('Ann')")
	path = filepath.Join(dir, "marked.db") // no tables yet, but marked by its own program
	files[path] = foreignDatabase(t, path, "PRAGMA application_id = 42")
	path = filepath.Join(dir, "migrations.db") // a table of our name, made by someone else
	files[path] = foreignDatabase(t, path, "CREATE TABLE schema_migrations (version INTEGER, name TEXT)",
		"INSERT INTO schema_migrations VALUES (1, 'init.sql')")
	path = filepath.Join(dir, "notes.txt")
	files[path] = []byte(strings.Repeat("not a database at all\n", 300))
	os.WriteFile(path, files[path], 0o644)

	for path, before := range files {
		for name, open := range map[string]func(string) (*Library, error){"Open": Open, "OpenReadOnly": OpenReadOnly} {
			lib, err := open(path)
			if err == nil {
				lib.Close()
			}
			if !errors.Is(err, ErrNotLibrary) || !strings.Contains(err.Error(), path+" is not a PsyPlan library") ||
				!strings.Contains(err.Error(), "left unchanged") {
				t.Errorf("%s(%s): %v", name, filepath.Base(path), err)
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(before, after) {
				t.Errorf("%s changed %s", name, filepath.Base(path))
			}
			if extra, _ := filepath.Glob(path + "-*"); len(extra) > 0 {
				t.Errorf("%s left %v", name, extra)
			}
		}
	}
	if backups, _ := filepath.Glob(filepath.Join(dir, "*.bak")); len(backups) > 0 {
		t.Errorf("copies made: %v", backups)
	}
}

// An empty file (made by a planner to say where the library goes) becomes
// a library, marked as ours.
func TestEmptyFileBecomesALibrary(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	if err := os.WriteFile(path, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	lib, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	var appID int64
	var mode string
	lib.db.QueryRow("PRAGMA application_id").Scan(&appID)
	lib.db.QueryRow("PRAGMA journal_mode").Scan(&mode)
	if appID != applicationID || mode != "wal" {
		t.Errorf("application id %d, journal %s", appID, mode)
	}
	if _, err := lib.CreatePlan(ctx, v2Plan(t)); err != nil {
		t.Fatal(err)
	}
}

func TestFolderIsRefused(t *testing.T) {
	dir := t.TempDir()
	if _, err := Open(dir); err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("Open(folder): %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) > 0 {
		t.Errorf("files made in the folder: %v", entries)
	}
}

// OpenReadOnly reads a library without writing it, refuses every change
// with a message naming the library, and needs the library to be there.
func TestOpenReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	if _, err := OpenReadOnly(path); err == nil || !strings.Contains(err.Error(), "there is no library at "+path) {
		t.Errorf("no library: %v", err)
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("OpenReadOnly made a file")
	}
	lib, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	id, _ := lib.CreatePlan(ctx, v2Plan(t))
	lib.Close()
	before, _ := os.ReadFile(path)

	ro, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if !ro.ReadOnly() {
		t.Error("not read-only")
	}
	if list, err := ro.ListPlans(ctx); err != nil || len(list) != 1 {
		t.Errorf("list: %v %v", list, err)
	}
	if _, err := ro.LoadPlan(ctx, id); err != nil {
		t.Error(err)
	}
	if got, err := ro.GiveDefaultPlan(ctx, nil); got != 0 || err != nil {
		t.Errorf("default plan given to a read-only library: %d %v", got, err)
	}
	want := "the library at " + path + " is read-only"
	writes := map[string]error{
		"create": func() error { _, err := ro.CreatePlan(ctx, v2Plan(t)); return err }(),
		"save":   ro.SavePlan(ctx, id, v2Plan(t)),
		"delete": ro.DeletePlan(ctx, id),
		"last":   ro.SetLastPlan(ctx, id),
	}
	for name, err := range writes {
		if !errors.Is(err, ErrReadOnly) || err.Error() != want {
			t.Errorf("%s: %v", name, err)
		}
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the library changed")
	}
}

// A library made by an older PsyPlan cannot be read without being brought
// up to date, which reading only must not do.
func TestOpenReadOnlyRefusesAnOlderLibrary(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	oldLibrary(t, path)
	_, err := OpenReadOnly(path)
	if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), "older PsyPlan") {
		t.Errorf("err = %v", err)
	}
}
