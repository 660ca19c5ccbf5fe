package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Issue 8's command-line probes: each refused or reported, never quietly wrong.
func TestCommandLineIsNeverQuietlyWrong(t *testing.T) {
	db, id := importSolverPlan(t)
	dir := filepath.Dir(db)

	// A name with a line break and a control character is refused at
	// input (names reach CSV headers, SVG and terminals); the listing
	// still escapes any a library holds (oneLine).
	file := filepath.Join(dir, "odd.psyplan.json")
	odd := strings.Replace(solverFile, `"name": "Solver"`, `"name": "Two\nlines\u001b[31m"`, 1)
	if err := os.WriteFile(file, []byte(odd), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := run("import", "--db", db, file); r.code != 1 || !strings.Contains(r.stderr, "name: must not hold a control character (U+000A)") {
		t.Fatalf("import: %+v", r)
	}
	if got := oneLine("Two\nlines\u001b[31m"); got != `Two\nlines\u001b[31m` {
		t.Errorf("oneLine: %q", got)
	}
	r := run("list", "--db", db)
	if n := strings.Count(r.stdout, "\n"); n != 2 { // the default plan and Solver
		t.Errorf("list has %d lines: %q", n, r.stdout)
	}

	if r := run("list", "--db", ""); r.code != 2 || !strings.Contains(r.stderr, "--db") {
		t.Errorf(`--db "": %+v`, r)
	}
	if r := run("export", "--db", db, "--format", "png", "--service-area", "Nowhere", "--out", filepath.Join(dir, "x.png"), id); r.code != 2 {
		t.Errorf("a filter matching nothing: %+v", r)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.png")); err == nil {
		t.Error("an empty chart was written")
	}
}

func TestWriteErrorsOnStdoutFail(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no /dev/full here")
	}
	defer full.Close()
	db, _ := importSolverPlan(t)
	var errb strings.Builder
	if code := Run([]string{"list", "--db", db}, full, &errb); code == 0 || !strings.Contains(errb.String(), "cannot write the output") {
		t.Errorf("list >/dev/full: exit %d, %q", code, errb.String())
	}
}

func TestExportKeepsPermissionsAndRefusesLinksAndFolders(t *testing.T) {
	db, id := importSolverPlan(t)
	dir := filepath.Dir(db)
	private := filepath.Join(dir, "private.csv")
	if err := os.WriteFile(private, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := run("export", "--db", db, "--format", "csv", "--out", private, id); r.code != 0 {
		t.Fatalf("export: %+v", r)
	}
	if fi, _ := os.Stat(private); fi.Mode().Perm() != 0o600 {
		t.Errorf("a private file became %v", fi.Mode().Perm())
	}
	link := filepath.Join(dir, "link.csv")
	if err := os.Symlink(private, link); err != nil {
		t.Fatal(err)
	}
	if r := run("export", "--db", db, "--format", "csv", "--out", link, id); r.code == 0 || !strings.Contains(r.stderr, "link") {
		t.Errorf("export over a link: %+v", r)
	}
	r := run("export", "--db", db, "--format", "csv", "--out", dir, id)
	if r.code == 0 || !strings.Contains(r.stderr, "folder") || strings.Contains(r.stderr, ".tmp") {
		t.Errorf("export onto a folder: %+v", r)
	}
}

func TestImportRefusesEndlessInput(t *testing.T) {
	db, _ := importSolverPlan(t)
	r := run("import", "--db", db, "/dev/zero")
	if r.code != 1 || !strings.Contains(r.stderr, "not an ordinary file") {
		t.Errorf("import /dev/zero: %+v", r)
	}
}
