package store

import (
	"path/filepath"
	"strings"
	"testing"
)

// A library made by a PsyPlan that knew only the first migration is
// copied beside itself, then brought up to date with its plans intact.
func TestOlderLibraryIsCopiedThenMigrated(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	old, err := openWith(path, migrationFiles[:1])
	if err != nil {
		t.Fatal(err)
	}
	id, err := old.CreatePlan(ctx, smallPlan(t))
	if err != nil {
		t.Fatal(err)
	}
	old.Close()

	lib, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	if v, _ := lib.SchemaVersion(ctx); v != len(migrationFiles) {
		t.Errorf("version %d, want %d", v, len(migrationFiles))
	}
	if _, err := lib.LoadPlan(ctx, id); err != nil {
		t.Errorf("plan lost in migration: %v", err)
	}
	copies, _ := filepath.Glob(path + ".v1-*.bak")
	if len(copies) != 1 {
		t.Fatalf("copies beside the library: %v", copies)
	}
	backup, err := openWith(copies[0], migrationFiles[:1])
	if err != nil {
		t.Fatal(err)
	}
	defer backup.Close()
	if v, _ := backup.SchemaVersion(ctx); v != 1 {
		t.Errorf("the copy is at version %d, want 1", v)
	}
	if _, err := backup.LoadPlan(ctx, id); err != nil {
		t.Errorf("the copy lacks the plan: %v", err)
	}
}

func TestNewLibraryIsNotCopied(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	lib, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	lib.Close()
	if copies, _ := filepath.Glob(path + ".*.bak"); len(copies) != 0 {
		t.Errorf("copies of a new library: %v", copies)
	}
}

func TestNewerLibraryIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	lib, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	lib.Close()
	_, err = openWith(path, migrationFiles[:1])
	if err == nil || !strings.Contains(err.Error(), "newer PsyPlan") {
		t.Fatalf("err = %v", err)
	}
}
