package zprof

import (
	"os"
	"testing"
	"time"

	"example.org/psyplan/exchange"
	"example.org/psyplan/plan"
	"example.org/psyplan/planfile"
)

func TestProf(t *testing.T) {
	data, _ := os.ReadFile("/tmp/national.psyplan")
	p, err := planfile.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"csv", "xlsx", "pdf"} {
		start := time.Now()
		if err := (exchange.Export{Format: f, Today: plan.MonthOf(2026, 12)}).Write("/tmp/zz."+f, p); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s %v", f, time.Since(start))
	}
	start := time.Now()
	plan.Project(p, "")
	t.Logf("project %v", time.Since(start))
}
