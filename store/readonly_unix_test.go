//go:build unix

package store

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
)

// A library on a read-only folder or file (a shared drive, a colleague's
// copy) can be listed and read; opening it for writing says it is
// read-only, naming it, and nothing in it changes. Permissions do not
// bind root, so as root the checks run in a copy of this test binary as
// the user nobody.
func TestReadOnlyLibrary(t *testing.T) {
	base, err := os.MkdirTemp("", "psyplan-ro-")
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		filepath.Walk(base, func(p string, _ os.FileInfo, _ error) error { return os.Chmod(p, 0o755) })
		os.RemoveAll(base)
	}()
	os.Chmod(base, 0o755)
	binary := ""
	if os.Getuid() == 0 {
		binary = copyTestBinary(t, base)
	}
	cases := []struct {
		name             string
		folderRW, fileRW bool
	}{
		{"read-only folder and file", false, false},
		{"read-only file", true, false},
		{"read-only folder", false, true},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(base, strconv.Itoa(i))
			path := filepath.Join(dir, "library.db")
			lib, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			id, _ := lib.CreatePlan(ctx, v2Plan(t))
			lib.Close()
			os.Chmod(path, mode(c.fileRW, 0o666, 0o444))
			os.Chmod(dir, mode(c.folderRW, 0o777, 0o555))
			before, _ := os.ReadFile(path)
			runAsNobody(t, binary, "readonly", path, id)
			if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
				t.Error("the library changed")
			}
		})
	}
	t.Run("side files left read-only by a read-only opening", func(t *testing.T) {
		dir := filepath.Join(base, "stale")
		os.Mkdir(dir, 0o777)
		os.Chmod(dir, 0o777)
		runAsNobody(t, binary, "stale", filepath.Join(dir, "library.db"), 0)
	})
	t.Run("no library in a read-only folder", func(t *testing.T) {
		dir := filepath.Join(base, "empty")
		os.Mkdir(dir, 0o555)
		os.Chmod(dir, 0o555)
		runAsNobody(t, binary, "missing", filepath.Join(dir, "library.db"), 0)
	})
}

func mode(rw bool, yes, no os.FileMode) os.FileMode {
	if rw {
		return yes
	}
	return no
}

func copyTestBinary(t *testing.T, dir string) string {
	t.Helper()
	src, err := os.Open(os.Args[0])
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dest := filepath.Join(dir, "store.test")
	out, err := os.OpenFile(dest, os.O_CREATE|os.O_WRONLY, 0o755)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, src); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
	return dest
}

// runAsNobody runs the checks named by what, in this process when it is
// not root, else in the copied binary as nobody.
func runAsNobody(t *testing.T, binary, what, path string, id int64) {
	t.Helper()
	if binary == "" {
		readOnlyChecks(t, what, path, id)
		return
	}
	cmd := exec.Command(binary, "-test.run=^TestHelperReadOnlyChecks$", "-test.v")
	cmd.Env = append(os.Environ(), "PSYPLAN_RO_CHECK="+what, "PSYPLAN_RO_DB="+path, fmt.Sprintf("PSYPLAN_RO_ID=%d", id))
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.CombinedOutput()
	if err != nil || !bytes.Contains(out, []byte("--- PASS: TestHelperReadOnlyChecks")) {
		t.Errorf("checks as nobody: %v\n%s", err, out)
	}
}

// TestHelperReadOnlyChecks is not a test: TestReadOnlyLibrary runs it as
// the user nobody.
func TestHelperReadOnlyChecks(t *testing.T) {
	what := os.Getenv("PSYPLAN_RO_CHECK")
	if what == "" {
		t.Skip("run by TestReadOnlyLibrary")
	}
	id, _ := strconv.ParseInt(os.Getenv("PSYPLAN_RO_ID"), 10, 64)
	readOnlyChecks(t, what, os.Getenv("PSYPLAN_RO_DB"), id)
}

func readOnlyChecks(t *testing.T, what, path string, id int64) {
	if what == "stale" {
		staleSideFilesChecks(t, path)
		return
	}
	want := "the library at " + path + " is read-only"
	if what == "missing" {
		want = "cannot make a library at " + path + ": its folder " + filepath.Dir(path) + " is read-only (choose a folder you can write to with --db)"
	}
	lib, err := Open(path)
	if err == nil {
		lib.Close()
	}
	if !errors.Is(err, ErrReadOnly) || err.Error() != want {
		t.Errorf("Open: %v, want %q", err, want)
	}
	if what == "missing" {
		if _, err := OpenForReading(path); err == nil || err.Error() != "there is no library at "+path {
			t.Errorf("OpenForReading: %v", err)
		}
		return
	}
	for name, open := range map[string]func(string) (*Library, error){"OpenReadOnly": OpenReadOnly, "OpenForReading": OpenForReading} {
		lib, err := open(path)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if list, err := lib.ListPlans(ctx); err != nil || len(list) != 1 || list[0].Damaged != "" {
			t.Errorf("%s: list %+v %v", name, list, err)
		}
		if p, err := lib.LoadPlan(ctx, id); err != nil || p.QualifierWaitMonths != 6 {
			t.Errorf("%s: load %v", name, err)
		}
		if err := lib.SetLastPlan(ctx, id); !errors.Is(err, ErrReadOnly) || err.Error() != want {
			t.Errorf("%s: a write said %v", name, err)
		}
		lib.Close()
	}
}

// staleSideFilesChecks: a library read while its file was read-only (so
// SQLite made its -wal and -shm read-only too) is written again, once its
// file is writable, with no one deleting anything by hand.
func staleSideFilesChecks(t *testing.T, path string) {
	lib, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	id, err := lib.CreatePlan(ctx, v2Plan(t))
	lib.Close()
	if err != nil {
		t.Fatal(err)
	}
	os.Chmod(path, 0o444)
	ro, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ro.LoadPlan(ctx, id); err != nil {
		t.Fatal(err)
	}
	ro.Close() // a read-only connection leaves its side files behind, read-only as the file was
	os.Chmod(path, 0o644)
	lib, err = Open(path)
	if err != nil {
		t.Fatalf("the library is writable again but: %v", err)
	}
	defer lib.Close()
	if err := lib.SetLastPlan(ctx, id); err != nil {
		t.Errorf("a write after the read-only opening: %v", err)
	}
}
