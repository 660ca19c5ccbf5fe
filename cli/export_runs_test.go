package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// export --runs asks for a quicker band of fewer runs; a count out of
// range, or --runs on an export that draws no band, is refused and
// nothing is written.
func TestExportRuns(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "lib.db")
	out := filepath.Join(dir, "paper.pdf")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--format", "pdf", "--runs", "0"}, "--runs 0: choose 1 to 100,000"},
		{[]string{"--format", "csv", "--runs", "50"}, "--runs is for the likely range, which a csv export does not draw"},
	} {
		r := run(append(append([]string{"export", "--db", db}, c.args...), "--out", out, "1")...)
		if r.code != 2 || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: %+v, want %q", c.args, r, c.want)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("%v: a file was written", c.args)
		}
	}
	if r := run("export", "--db", db, "--format", "pdf", "--runs", "20", "--out", out, "1"); r.code != 0 {
		t.Errorf("export --runs 20: %+v", r)
	}
}
