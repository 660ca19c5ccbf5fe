package exchange

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"example.org/psyplan/plan"
)

// Leeds and Hull, March to June 2020, CBT only, nobody leaves. Leeds:
// 10 WTE and 1 recruit a month, 13 in June against 13 (30 %). Hull: 10
// WTE, nobody joins, 10 against 13. Together in June: 23 against 26.
func leedsAndHull(t *testing.T) *plan.RollupProjection {
	t.Helper()
	ics := func(name string, perYear float64) *plan.Plan {
		return &plan.Plan{Name: name, Baseline: plan.MonthOf(2020, 3), Horizon: plan.MonthOf(2020, 6),
			Trajectory: plan.Trajectory{Interpolation: plan.Linear,
				Milestones: []plan.Milestone{{Month: plan.MonthOf(2020, 6), GrowthPct: 30}}},
			Professions: []plan.Profession{{ID: "cbt", Name: "CBT", WTEPerHead: 1, CostPerWTE: 12000}},
			Posts: []plan.PostLine{{Profession: "cbt", ServiceArea: "Adult", InPostWTE: 10, FundedWTE: 10,
				RecruitsWTEPerYear: perYear}},
		}
	}
	rp, err := plan.ProjectRollup([]plan.RollupMember{{Name: "Leeds", Plan: ics("Leeds", 12)}, {Name: "Hull", Plan: ics("Hull", 0)}})
	if err != nil {
		t.Fatal(err)
	}
	return rp
}

// The roll-up's workbook: the headline and each plan's gap, most behind
// first, and the region by month, as worked by hand.
func TestRollupWorkbook(t *testing.T) {
	ex := RollupExport{Name: "Humber", Format: "xlsx", Projection: leedsAndHull(t), Today: plan.MonthOf(2020, 4)}
	write, err := ex.writer()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Roll-up", excelize.Options{RawCellValue: true})
	want := map[int][]string{2: {"Workforce (WTE)", "23"}, 3: {"Trajectory (WTE)", "26"}, 4: {"Gap (WTE)", "-3"},
		7: {"Hull", "10", "13", "-3"}, 8: {"Leeds", "13", "13", "0"}}
	for i, w := range want {
		if len(rows) <= i || len(rows[i]) < len(w) || strings.Join(rows[i][:len(w)], "|") != strings.Join(w, "|") {
			t.Errorf("Roll-up row %d: %q, want %q", i+1, rows[min(i, len(rows)-1)], w)
		}
	}
	months, _ := f.GetRows("By month", excelize.Options{RawCellValue: true})
	if len(months) != 5 || strings.Join(months[4][:5], "|") != "2020-06|23|23|26|-3" {
		t.Errorf("By month: %q", months)
	}
}

// Every format writes; an unknown one, or a roll-up not added up, is
// refused naming what is wrong.
func TestRollupExportFormats(t *testing.T) {
	rp := leedsAndHull(t)
	for _, f := range RollupFormats {
		for _, c := range []string{RollupChartGrowth, RollupChartGaps} {
			ex := RollupExport{Name: "Humber", Format: f.Name, Chart: c, Projection: rp, Width: 800, Height: 450}
			write, err := ex.writer()
			var buf bytes.Buffer
			if err == nil {
				err = write(&buf)
			}
			if err != nil || buf.Len() == 0 {
				t.Errorf("%s %s: %v", f.Name, c, err)
			}
		}
	}
	if _, err := (RollupExport{Name: "Humber", Format: "json", Projection: rp}).writer(); err == nil || !strings.Contains(err.Error(), `"json"`) {
		t.Errorf("json: %v", err)
	}
	if _, err := (RollupExport{Name: "Humber", Format: "png", Chart: "pie", Projection: rp}).writer(); err == nil || !strings.Contains(err.Error(), `"pie"`) {
		t.Errorf("pie: %v", err)
	}
	if _, err := (RollupExport{Name: "Humber", Format: "csv"}).writer(); err == nil || !strings.Contains(err.Error(), "Humber") {
		t.Errorf("no projection: %v", err)
	}
}

// A roll-up's workbook holds the region's demand (its plans' ALL/ALL rows
// summed) and budget (blank in a year a plan has none for).
func TestRollupWorkbookHasDemandAndBudget(t *testing.T) {
	a, _ := DefaultPlan()
	b, _ := DefaultPlan()
	b.Name = "Second"
	a.Budget = []plan.BudgetYear{{Year: 2024, GBP: 2e9}, {Year: 2025, GBP: 2e9}}
	b.Budget = []plan.BudgetYear{{Year: 2024, GBP: 1e9}}
	members := []plan.RollupMember{{Name: a.Name, Plan: a}, {Name: b.Name, Plan: b}}
	rp, err := plan.ProjectRollup(members)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := (RollupExport{Name: "Both", Format: "xlsx", Projection: rp, Members: members}).workbook(&buf); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	demand, _ := f.GetRows("Demand")
	one, _ := plan.Project(a, "")
	dt, _ := plan.MakeDemand(a, one)
	// Mar 2020 (row 2): twice the default plan's people and shortfall
	if len(demand) != 1+rp.Months() || demand[1][0] != "2020-03" || demand[1][1] != num(2*dt.Overall(0).PeoplePerYear) {
		t.Errorf("demand rows %d, first %v", len(demand), demand[1])
	}
	budget, _ := f.GetRows("Budget")
	var y2024, y2025 []string
	for _, r := range budget {
		switch r[0] {
		case "2024/25":
			y2024 = r
		case "2025/26":
			y2025 = r
		}
	}
	if len(y2024) < 5 || y2024[3] != "3000000000" || len(y2025) > 3 {
		t.Errorf("2024/25 %v, 2025/26 %v", y2024, y2025)
	}
}

func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// A roll-up's exports refuse what a plan's refuse, saying what to change
// and writing nothing: an emoji the report's font cannot print, and in
// every format a name no plan could have.
func TestRollupExportRefusesNamesAPlanExportRefuses(t *testing.T) {
	rp := leedsAndHull(t)
	dir := t.TempDir()
	refuse := func(name, format, want string) {
		t.Helper()
		path := filepath.Join(dir, "out."+format)
		err := RollupExport{Name: name, Format: format, Projection: rp}.Write(path)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q as %s: %v, want an error saying %q", name, format, err, want)
		}
		if _, statErr := os.Stat(path); statErr == nil {
			t.Errorf("%q as %s: a file was written", name, format)
		}
	}
	refuse("Humber 😀", "pdf", "cannot print")
	for _, f := range RollupFormats {
		refuse("", f.Name, "must not be empty")
		refuse("   ", f.Name, "white space")
		refuse("Humber\nand Hull", f.Name, "control character")
		refuse(strings.Repeat("a", plan.MaxNameLen+1), f.Name, "characters long")
		refuse("Humber \xff", f.Name, "UTF-8")
	}
	// the workbook has no font: an emoji is written as typed
	var buf bytes.Buffer
	if err := (RollupExport{Name: "Humber 😀", Projection: rp}).workbook(&buf); err != nil {
		t.Errorf("workbook of Humber 😀: %v", err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if name, _ := f.GetCellValue("Roll-up", "B1"); name != "Humber 😀" {
		t.Errorf("the workbook's name cell reads %q", name)
	}
}
