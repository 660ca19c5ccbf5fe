// Package planfiletest gives other packages' tests the plan files kept in
// planfile's testdata. It is not plan/plantest because planfile's own
// tests use plantest, and a helper there that read plan files would
// import planfile from inside planfile's tests: a circle.
package planfiletest

import (
	"os"
	"path/filepath"
	"testing"

	"example.org/psyplan/plan"
	"example.org/psyplan/planfile"
)

// SmallPath is the place of the small plan's file
// (planfile/testdata/good/small.psyplan.json), found from the module's
// root so that a test in any folder reaches it. The small plan: PWPs and
// CBT therapists in one service area, 60 % growth by April 2024.
func SmallPath(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "planfile", "testdata", "good", "small.psyplan.json")
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Fatal("planfiletest: no go.mod above the test's folder")
		}
		dir = up
	}
}

// Small reads the small plan, failing the test if it cannot.
func Small(t testing.TB) *plan.Plan {
	t.Helper()
	data, err := os.ReadFile(SmallPath(t))
	if err != nil {
		t.Fatal(err)
	}
	p, err := planfile.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
