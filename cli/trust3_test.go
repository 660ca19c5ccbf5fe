package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Issue 21's probes of the command line: the exit code scripts rely on
// (2 for a bad argument, naming it) and never a word less than the truth.
func TestBadArgumentsExitTwoNamingTheFlag(t *testing.T) {
	db, id := importSolverPlan(t)
	out := filepath.Join(filepath.Dir(db), "x.csv")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"solve", "--name", strings.Repeat("n", 201), id}, "--name"},
		{[]string{"solve", "--name", "   ", id}, "--name"},
		{[]string{"solve", "--name", "a\x1bb", id}, "--name"},
		{[]string{"solve", "--professions", "pwp,pwp", id}, "named twice"},
		{[]string{"solve", "--by", "", id}, "--by needs a value"},
		{[]string{"solve", "--scenario", "", id}, "--scenario needs a value"},
		{[]string{"band", "--runs", "0x10", id}, "decimal"},
		{[]string{"project", "--format", "xml", id}, "--format"},
		{[]string{"export", "--format", "xml", "--out", out, id}, "--format"},
		{[]string{"export", "--format", "json", "--chart", "posts", "--out", out, id}, "--chart is for png and svg"},
		{[]string{"export", "--format", "csv", "--service-area", "Adult", "--out", out, id}, "--service-area is for png and svg"},
		{[]string{"project", "Nobody's plan"}, "no plan has the id or name"},
		{[]string{"solve", "9999"}, "no plan has the id or name"},
	} {
		r := run(append(c.args, "--db", db)...)
		if r.code != 2 || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%q: exit %d, %q; want 2 saying %q", c.args, r.code, r.stderr, c.want)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a refused export wrote its file")
	}
}

// An answer needing an intake above what a plan can hold is not reachable
// (exit 3, nothing kept) with the reason and the JSON line. 999,000 people
// at 1 % completion and 1 % take-up bring 99.9 WTE; 300 are wanted from
// 100: +101 % (1,008,990 more people) is the first rise that reaches it.
func TestAnswerBeyondThePlansLimits(t *testing.T) {
	file := strings.NewReplacer(`"intake": 5, "completion_pct": 100, "takeup_pct": 100`, `"intake": 999000, "completion_pct": 1, "takeup_pct": 1`,
		`"growth_pct": 10`, `"growth_pct": 200`, `"leaver_rate_pct": 5`, `"leaver_rate_pct": 0`).Replace(solverFile)
	db, id := importFile(t, "big.psyplan", file)
	r := run("solve", "--db", db, "--format", "json", id)
	var got map[string]any
	if err := json.Unmarshal([]byte(lastLine(r.stdout)), &got); err != nil || r.code != 3 {
		t.Fatalf("solve: %+v %v", r, err)
	}
	if got["pct"] != nil || !strings.Contains(got["reason"].(string), "needs an intake of 1,008,990 people on one cohort, more than the 1,000,000 a plan can hold") {
		t.Errorf("json %v", got)
	}
}

// An export never replaces a file its owner made read-only.
func TestExportRefusesAReadOnlyFile(t *testing.T) {
	db, id := importSolverPlan(t)
	keep := filepath.Join(filepath.Dir(db), "keep.csv")
	if err := os.WriteFile(keep, []byte("old"), 0o444); err != nil {
		t.Fatal(err)
	}
	r := run("export", "--db", db, "--format", "csv", "--out", keep, id)
	if r.code != 1 || !strings.Contains(r.stderr, "read-only") {
		t.Errorf("export: %+v", r)
	}
	if b, _ := os.ReadFile(keep); string(b) != "old" {
		t.Error("the read-only file was replaced")
	}
}

// Stored, then the output fails: say what was stored, so a retry does not
// store it twice.
func TestStoredButOutputFailedSaysWhatWasStored(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no /dev/full here")
	}
	defer full.Close()
	db, id := importSolverPlan(t)
	var errb strings.Builder
	code := Run([]string{"solve", "--db", db, id}, full, &errb)
	if code != 1 || !strings.Contains(errb.String(), `the answer was kept as the scenario "Solved: intake +81 % by Apr 2021" of plan`) {
		t.Errorf("solve >/dev/full: exit %d, %q", code, errb.String())
	}
	file := filepath.Join(filepath.Dir(db), "again.psyplan")
	if err := os.WriteFile(file, []byte(solverFile), 0o600); err != nil {
		t.Fatal(err)
	}
	errb.Reset()
	code = Run([]string{"import", "--db", db, file}, full, &errb)
	if code != 1 || !strings.Contains(errb.String(), `"Solver" was stored as plan`) {
		t.Errorf("import >/dev/full: exit %d, %q", code, errb.String())
	}
}

// A library in a folder that does not exist yet: the folder is made, and
// the command says so.
func TestMissingLibraryFolderIsMadeAndSaid(t *testing.T) {
	db := filepath.Join(t.TempDir(), "new", "lib.db")
	r := run("list", "--db", db)
	if r.code != 0 || !strings.Contains(r.stderr, "made the folder "+filepath.Dir(db)) {
		t.Errorf("list: %+v", r)
	}
}

// A named pipe in a folder being imported is refused at once, not waited
// on for ever; the plan files beside it are imported.
func TestImportRefusesANamedPipe(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.psyplan"), 0o600); err != nil {
		t.Skip("no named pipes here")
	}
	if err := os.WriteFile(filepath.Join(dir, "good.psyplan"), []byte(solverFile), 0o600); err != nil {
		t.Fatal(err)
	}
	done := make(chan result, 1)
	go func() { done <- run("import", "--db", filepath.Join(t.TempDir(), "lib.db"), dir) }()
	select {
	case r := <-done:
		if r.code != 1 || !strings.Contains(r.stderr, "pipe.psyplan: it is not an ordinary file") || !strings.Contains(r.stdout, `Imported "Solver"`) {
			t.Errorf("import: %+v", r)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the import waited on the pipe")
	}
}
