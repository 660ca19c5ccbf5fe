package store

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

// Where the last import or export went is kept in the library: closed
// and opened again, it is still there; the newest wins; a folder that is
// not a full path is refused and the one kept stays.
func TestLastFolderIsRememberedAcrossAReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	lib, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if dir, err := lib.LastFolder(ctx); dir != "" || err != nil {
		t.Fatalf("a new library remembers %q, %v", dir, err)
	}
	exports := filepath.Join(t.TempDir(), "Board papers")
	if err := lib.SetLastFolder(ctx, filepath.Join(t.TempDir(), "Imports")); err != nil {
		t.Fatal(err)
	}
	if err := lib.SetLastFolder(ctx, exports+string(filepath.Separator)); err != nil {
		t.Fatal(err)
	}
	if err := lib.SetLastFolder(ctx, "Documents"); err == nil || !strings.Contains(err.Error(), `"Documents" is not a full path`) {
		t.Errorf("a relative folder: %v", err)
	}
	lib.Close()

	again, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if dir, err := again.LastFolder(ctx); dir != exports || err != nil {
		t.Errorf("after reopening: %q, %v; want %q", dir, err, exports)
	}
	ro, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if err := ro.SetLastFolder(ctx, t.TempDir()); !errors.Is(err, ErrReadOnly) {
		t.Errorf("a read-only library kept a folder: %v", err)
	}
}
