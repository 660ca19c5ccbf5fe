package exchange

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"example.org/psyplan/charts"
	"example.org/psyplan/plan"
)

// A plan with uncertainty exports its band: on the growth chart (not on
// a profession's, which the band does not describe) and in the workbook.
func TestExportsDrawTheBand(t *testing.T) {
	p, err := DefaultPlan()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	svg := func(ex Export) string {
		path := filepath.Join(dir, "chart.svg")
		if err := ex.Write(path, p); err != nil {
			t.Fatal(err)
		}
		data, _ := os.ReadFile(path)
		return string(data)
	}
	if s := svg(Export{Format: "svg"}); !strings.Contains(s, "Likely range (8 in 10 runs)") || !strings.Contains(s, "the trajectory by Mar 2037") { // the judged month: the last milestone
		t.Error("the growth chart exported has no band")
	}
	if s := svg(Export{Format: "svg", Filter: charts.Filter{Profession: p.Professions[0].ID}}); strings.Contains(s, "Likely range") {
		t.Error("a profession's growth chart drew the whole plan's band")
	}
	path := filepath.Join(dir, "plan.xlsx")
	if err := (Export{Format: "xlsx"}).Write(path, p); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if rows, _ := f.GetRows("Uncertainty"); len(rows) < 2 || rows[0][2] != "low_wte" {
		t.Errorf("workbook's Uncertainty sheet: %v", rows[:min(len(rows), 2)])
	}
	p.Uncertainty = nil
	if s := svg(Export{Format: "svg"}); strings.Contains(s, "Likely range") {
		t.Error("a plan with no uncertainty exported a band")
	}
}

// A band worked out for an export has the runs asked for (the command
// line's --runs, for a quicker band), else the window's 1,000.
func TestExportBandRuns(t *testing.T) {
	p, err := DefaultPlan()
	if err != nil {
		t.Fatal(err)
	}
	ex := Export{Format: "pdf", Runs: 40}
	pr, err := plan.Project(p, "")
	if err != nil {
		t.Fatal(err)
	}
	b, err := ex.band(p, pr)
	if err != nil || b == nil || b.Runs != 40 {
		t.Fatalf("band %v, %v", b, err)
	}
	// the caller's band is used as it is
	ex.Band = b
	ex.Runs = 0
	if got, err := ex.band(p, pr); err != nil || got != b {
		t.Errorf("the caller's band not used: %v, %v", got, err)
	}
}
