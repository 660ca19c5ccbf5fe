package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"example.org/psyplan/instance"
	"example.org/psyplan/locale"
)

var (
	buildOnce sync.Once
	binary    string
	buildErr  error
)

// built is the program as `make build` makes it, built once per test run.
func built(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the program")
	}
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "psyplan-main-test")
		if err != nil {
			buildErr = err
			return
		}
		binary = filepath.Join(dir, "psyplan")
		out, err := exec.Command("go", "build", "-tags", "migrated_fynedo", "-o", binary, ".").CombinedOutput()
		if err != nil {
			buildErr = &buildError{err, out}
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binary
}

type buildError struct {
	err error
	out []byte
}

func (e *buildError) Error() string { return "go build: " + e.err.Error() + "\n" + string(e.out) }

// runWith runs the built program with exactly env (nothing inherited).
func runWith(t *testing.T, env []string, args ...string) (stdout, stderr string) {
	t.Helper()
	cmd := exec.Command(built(t), args...)
	cmd.Env = append([]string{"HOME=" + t.TempDir(), "PATH=" + os.Getenv("PATH")}, env...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("psyplan %v with %v: %v\n%s", args, env, err, errOut.String())
	}
	return out.String(), errOut.String()
}

// Fyne reads the locale while Go initialises it and logs "Error parsing
// user locale C" for C.UTF-8; PsyPlan must say nothing of the kind.
func TestNoLocaleError(t *testing.T) {
	for _, env := range [][]string{
		{"LANG=C"}, {"LANG=C.UTF-8"}, {"LC_ALL=C.UTF-8", "LANG=en_GB.UTF-8"}, {"LANG=POSIX"}, {},
	} {
		stdout, stderr := runWith(t, env, "--version")
		if stdout != "PsyPlan 0.1.0\n" {
			t.Errorf("with %v: --version printed %q", env, stdout)
		}
		if stderr != "" {
			t.Errorf("with %v: standard error %q, want nothing", env, stderr)
		}
	}
}

// The locale package must be initialised before Fyne's lang package reads
// the locale. Go orders ready packages by import path, so a module path
// that sorts after fyne.io would silently undo it: this test says so.
func TestInitBeforeFyne(t *testing.T) {
	fn := runtime.FuncForPC(reflect.ValueOf(locale.UseBritishIfUnset).Pointer()).Name()
	ours := strings.TrimSuffix(fn, ".UseBritishIfUnset")
	_, stderr := runWith(t, []string{"LANG=C", "GODEBUG=inittrace=1"}, "--version")
	at := func(pkg string) int {
		for i, line := range strings.Split(stderr, "\n") {
			if strings.HasPrefix(line, "init "+pkg+" @") {
				return i
			}
		}
		t.Fatalf("no init of %s in GODEBUG=inittrace output:\n%s", pkg, stderr)
		return -1
	}
	if a, b := at(ours), at("fyne.io/fyne/v2/lang"); a > b {
		t.Errorf("%s is initialised after fyne.io/fyne/v2/lang: Fyne reads LANG=C before PsyPlan sets it", ours)
	}
}

func TestVersion(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"--version"}, &out, &errOut); code != 0 || out.String() != "PsyPlan 0.1.0\n" || errOut.Len() != 0 {
		t.Errorf("--version: exit %d, %q, %q; want 0, \"PsyPlan 0.1.0\\n\", nothing", code, out.String(), errOut.String())
	}
}

// FyneApp.toml is the one source of the name, id, version and the
// fyneDo migration (which must stay on: tests run with migrated_fynedo).
func TestAppMetadata(t *testing.T) {
	m, err := appMetadata()
	if err != nil {
		t.Fatal(err)
	}
	if m.Name != "PsyPlan" || m.ID != "uk.nhs.psyplan" || m.Version != "0.1.0" || m.Build != 1 || !m.Migrations["fyneDo"] {
		t.Errorf("metadata %+v", m)
	}
}

func TestNotACommand(t *testing.T) {
	var out, errOut bytes.Buffer
	code := run([]string{"lsit"}, &out, &errOut)
	if code != 2 || !strings.Contains(errOut.String(), `"lsit" is neither a command nor a plan file`) {
		t.Errorf("exit %d, stderr %q", code, errOut.String())
	}
}

// `psyplan FILE` (a double-click) while a PsyPlan is open on the same
// library hands the file to that window, and ends at once.
func TestFileGoesToTheWindowAlreadyOpen(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "library.db")
	l, err := instance.Listen(db)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	file := filepath.Join(dir, "North ICS.psyplan")
	os.WriteFile(file, []byte("{}"), 0o600)
	var out, errOut bytes.Buffer
	if code := run([]string{"--db", db, file}, &out, &errOut); code != 0 || !strings.Contains(out.String(), "already open") {
		t.Fatalf("exit %d, %q %q", code, out.String(), errOut.String())
	}
	select {
	case got := <-l.Files():
		if got != file {
			t.Errorf("the window got %q", got)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the file never reached the window")
	}
}
