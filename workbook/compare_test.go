package workbook

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"

	"example.org/psyplan/plan"
	"example.org/psyplan/plan/plantest"
)

// The sheet "Scenarios compared" is plan.Compare's table: the plan, the
// scenario and its difference, numbers as numbers; the workbook still
// reads back with the scenario. A plan with no scenarios has no sheet.
func TestScenariosComparedSheet(t *testing.T) {
	p := plantest.York()
	pr, err := plan.Project(p, "")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, p, pr, nil); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheetCompared, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"Figure", "Unit", "Plan", "Faster", "Faster minus the plan"},
		{"Workforce, Jun 2020", "WTE", "26", "32", "6"},
		{"Target, Jun 2020", "WTE", "22", "22", "0"},
		{"Gap to the target, Jun 2020", "WTE", "4", "10", "6"},
	}
	for i, w := range want {
		for k := range w {
			if i >= len(rows) || k >= len(rows[i]) || rows[i][k] != w[k] {
				t.Fatalf("row %d: %q, want %q", i, rows[min(i, len(rows)-1)], w)
			}
		}
	}
	back, err := Read(buf.Bytes())
	if err != nil || len(back.Scenarios) != 1 {
		t.Fatalf("read back: %v", err)
	}

	p.Scenarios = nil
	buf.Reset()
	if err := Write(&buf, p, pr, nil); err != nil {
		t.Fatal(err)
	}
	f2, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f2.Close()
	if idx, _ := f2.GetSheetIndex(sheetCompared); idx >= 0 {
		t.Error("a plan with no scenarios has a Scenarios compared sheet")
	}
}
