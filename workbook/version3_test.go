package workbook

import (
	"bytes"
	"os"
	"reflect"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"example.org/psyplan/plan"
	"example.org/psyplan/plan/plantest"
	"example.org/psyplan/projtable"
)

const v3File = "../planfile/testdata/good/v3.psyplan" // every version 3 field set

// tinyV3 is a hand-made version 3 plan: two service areas with access
// targets (one of them with no posts), clinical hours on two professions
// of three, a scenario that switches qualifiers moving off and one that
// leaves it alone, and a budget with a year outside the projection.
func tinyV3() *plan.Plan {
	hours, cbtHours := 1000.0, 900.5
	off := false
	return &plan.Plan{Name: "Tiny v3", Baseline: plan.MonthOf(2024, 3), Horizon: plan.MonthOf(2026, 3),
		CapHires: true, QualifiersMove: true,
		Trajectory: plan.Trajectory{Interpolation: plan.Linear},
		Professions: []plan.Profession{
			{ID: "pwp", Name: "PWP", WTEPerHead: 1, CostPerWTE: 40000, TraineeWTEPerHead: 1, ClinicalHoursPerWTE: &hours},
			{ID: "cbt", Name: "CBT", WTEPerHead: 0.9, CostPerWTE: 55000, TraineeWTEPerHead: 1, ClinicalHoursPerWTE: &cbtHours},
			{ID: "cp", Name: "Clinical psychologist", WTEPerHead: 1, CostPerWTE: 70000, TraineeWTEPerHead: 1},
		},
		Posts: []plan.PostLine{
			{Profession: "pwp", ServiceArea: "Adult", InPostWTE: 10, FundedWTE: 12},
			{Profession: "cbt", ServiceArea: "Adult", InPostWTE: 6, FundedWTE: 6},
			{Profession: "cp", ServiceArea: "Adult", InPostWTE: 2, FundedWTE: 2},
		},
		Scenarios: []plan.Scenario{{Name: "Stay put", QualifiersMove: &off}, {Name: "As planned"}},
		Demand: []plan.Demand{
			{ServiceArea: "Adult", HoursPerPerson: 7.5,
				PeoplePerYear: []plan.PeoplePoint{{Month: plan.MonthOf(2024, 4), People: 2000}, {Month: plan.MonthOf(2026, 3), People: 2600.25}},
				Mix:           []plan.MixShare{{Profession: "pwp", SharePct: 1.0 / 3 * 100}, {Profession: "cbt", SharePct: 100 - 1.0/3*100}}},
			{ServiceArea: "Perinatal", HoursPerPerson: 12,
				PeoplePerYear: []plan.PeoplePoint{{Month: plan.MonthOf(2023, 1), People: 150}},
				Mix:           []plan.MixShare{{Profession: "cbt", SharePct: 100}}},
		},
		Budget: []plan.BudgetYear{{Year: 2025, GBP: 1_250_000.5}, {Year: 2024, GBP: 1_200_000}, {Year: 1999, GBP: 0}},
	}
}

func TestVersion3FieldsComeBack(t *testing.T) {
	p := read(t, v3File)
	// the file sets them all; a test that cannot fail is no test
	if !p.QualifiersMove || p.Scenarios[0].QualifiersMove == nil || *p.Scenarios[0].QualifiersMove ||
		p.Scenarios[1].QualifiersMove != nil || p.Professions[1].ClinicalHoursPerWTE == nil ||
		len(p.Demand) != 1 || len(p.Demand[0].Mix) != 2 || len(p.Budget) != 2 {
		t.Fatalf("the version 3 plan file does not set every field: %+v", p)
	}
	for name, p := range map[string]*plan.Plan{"the v3 file": p, "tiny": tinyV3()} {
		if errs := plan.Validate(p); len(errs) > 0 {
			t.Fatalf("%s: %v", name, errs)
		}
		if back := sameBack(t, name, p); !reflect.DeepEqual(p, back) {
			t.Errorf("%s: not deeply equal", name)
		}
	}
	// no demand and no budget come back as none (nil), not as empty lists
	none := tinyV3()
	none.Demand, none.Budget, none.QualifiersMove = nil, nil, false
	none.Professions[0].ClinicalHoursPerWTE = nil
	sameBack(t, "no demand", none)
}

func TestNationalV3ComesBack(t *testing.T) {
	if testing.Short() {
		t.Skip("the national plan's workbook takes seconds")
	}
	p := plantest.NationalV3()
	if back := sameBack(t, "national v3", p); !reflect.DeepEqual(p, back) {
		t.Error("national v3: not deeply equal")
	}
}

// The targets' rows may be in any order: they come back sorted by month.
func TestDemandRowsInAnyOrder(t *testing.T) {
	p := read(t, v3File)
	data := edit(t, book(t, p), sheetDemand, map[string]any{"B2": "2025-03", "C2": 420.5, "B3": "Apr 2021", "C3": "300"})
	back, err := Read(data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back.Demand, p.Demand) {
		t.Errorf("demand %+v, want %+v", back.Demand, p.Demand)
	}
	// the hours once, on one row of the service area, are the area's
	back, err = Read(edit(t, data, sheetDemandMix, map[string]any{"B2": nil}))
	if err != nil || back.Demand[0].HoursPerPerson != 7.5 {
		t.Errorf("hours on one row: %v, %+v", err, back)
	}
}

// The sheets a planner edits, as PsyPlan writes them: each version 3
// value in its cell, and the sheets' notes beside their tables.
func TestVersion3Layout(t *testing.T) {
	data := book(t, read(t, v3File))
	const area = "Adult common mental health problems"
	for _, c := range []struct {
		sheet string
		row   int
		want  []string
	}{
		{sheetSummary, 16, []string{summaryFields[15].title, "yes"}},
		{sheetProfessions, 1, titles(professionCols)},
		{sheetProfessions, 3, []string{"cbt", "CBT therapist (high intensity)", "12", "0.9", "60000", "no", "1", "0", "900"}},
		{sheetDemand, 1, []string{"Service area", "From month", "People a year (access target)", "", demandNotes[0]}},
		{sheetDemand, 2, []string{area, "2021-04", "300", "", demandNotes[1]}},
		{sheetDemand, 3, []string{area, "2025-03", "420.5", "", demandNotes[2]}},
		{sheetDemand, 4, []string{"", "", "", "", demandNotes[3]}},
		{sheetDemandMix, 2, []string{area, "7.5", "pwp", "40", "", demandMixNotes[1]}},
		{sheetDemandMix, 3, []string{area, "7.5", "cbt", "60", "", demandMixNotes[2]}},
		{sheetBudget, 1, []string{"Financial year", "Budget for pay (£)", "", budgetNotes[0]}},
		{sheetBudget, 3, []string{"2021/22", "2.6000005e+06", "", budgetNotes[2]}}, // as Excel stores numbers
	} {
		if got := sheetRow(t, data, c.sheet, c.row); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s row %d: %q\nwant %q", c.sheet, c.row, got, c.want)
		}
	}
	if s := sheetRow(t, data, sheetSummary, 18); s[0] != headlineTitle {
		t.Errorf("Summary row 18 %q", s)
	}
	if s := sheetRow(t, data, sheetScenarios, 2); len(s) != 20 || s[1] != whatScenario || s[19] != "no" {
		t.Errorf("scenario row %q", s)
	}
	if s := sheetRow(t, data, sheetScenarios, 6); len(s) == 20 {
		t.Errorf("the scenario that does not override qualifiers moving: %q", s)
	}
}

// A workbook exported by version 2 (commit af072cd, the plan file v2's
// plan) has no version 3 sheet, column or row, and imports with their
// defaults.
func TestVersion2WorkbookImportsWithDefaults(t *testing.T) {
	data, err := os.ReadFile("testdata/version2-v2.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if h := sheetRow(t, data, sheetProfessions, 1); len(h) != 8 {
		t.Fatalf("the fixture is not a version 2 export: Professions heading %q", h)
	}
	// a planner's notes beside the version 2 tables were never read: still not
	data = edit(t, data, sheetProfessions, map[string]any{"I2": "ask finance"})
	data = edit(t, data, sheetScenarios, map[string]any{"T2": "yes"})
	back, err := Read(data)
	if err != nil {
		t.Fatal(err)
	}
	if want := read(t, v2File); !reflect.DeepEqual(want, back) {
		t.Errorf("version 2 workbook read as\n%+v\nwant\n%+v", back, want)
	}
	// and so does version 1's, still
	old, want := version1Book(t)
	if back, err := Read(old); err != nil || !reflect.DeepEqual(want, back) {
		t.Errorf("version 1 workbook: %v\n%+v", err, back)
	}
}

// A version 3 workbook keeps every version 3 part: a heading cleared, a
// sheet removed, or the setting's row cleared is refused, never read as
// an older workbook that lacks them.
func TestVersion3PartsAllOrNone(t *testing.T) {
	data := book(t, read(t, v3File))
	for _, c := range []struct {
		sheet, cell, want string
	}{
		{sheetProfessions, "I1", `Professions, row 1, column I: the heading must be "Clinical hours per WTE a year (blank: none)"`},
		{sheetScenarios, "T1", `Scenarios, row 1, column T: the heading must be "Qualifiers move to other service areas`},
		{sheetDemand, "B1", `Demand!B1: the heading must be "From month"`},
		{sheetDemandMix, "D1", `'Demand mix'!D1: the heading must be "Share of the hours %"`},
		{sheetBudget, "A1", `Budget!A1: the heading must be "Financial year"`},
	} {
		mustRefuse(t, edit(t, data, c.sheet, map[string]any{c.cell: nil}), c.want)
	}
	mustRefuse(t, edit(t, data, sheetSummary, map[string]any{"A16": nil, "B16": nil}),
		`Summary, row 16, column A: the label must be "Qualifiers move to vacant posts`)
	for _, sheet := range []string{sheetDemand, sheetDemandMix, sheetBudget} {
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if err := f.DeleteSheet(sheet); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if _, err := f.WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		mustRefuse(t, buf.Bytes(), sheet+": the sheet is missing")
	}
}

func TestVersion3BadCells(t *testing.T) {
	data := book(t, read(t, v3File))
	const (
		hoursCol = "Clinical hours per WTE a year (blank: none)"
		moveCol  = "Qualifiers move to other service areas (yes, no or blank: the plan's)"
		area     = `"Adult common mental health problems"`
	)
	for _, c := range []struct {
		sheet string
		cells map[string]any
		want  string
	}{
		// the mix
		{sheetDemandMix, map[string]any{"D3": 55}, "'Demand mix'!D2: the shares add up to 95, not 100"},
		{sheetDemandMix, map[string]any{"D3": "forty"}, `'Demand mix'!D3: "forty" is not a number`},
		{sheetDemandMix, map[string]any{"D3": nil}, `'Demand mix'!D3: a number is needed here`},
		{sheetDemandMix, map[string]any{"D3": 0}, `'Demand mix'!D3: 0 must be above 0`},
		{sheetDemandMix, map[string]any{"C3": "psy"}, `'Demand mix'!C3: "psy" is not a profession of this plan`},
		{sheetDemandMix, map[string]any{"C3": "pwp"}, `'Demand mix'!C3: "pwp" is in the mix twice`},
		{sheetDemandMix, map[string]any{"C3": nil}, `'Demand mix'!C3: a profession is needed here`},
		{sheetDemandMix, map[string]any{"B3": 8}, "'Demand mix'!B3: 8 hours, but row 2 gives 7.5 for " + area},
		{sheetDemandMix, map[string]any{"B2": nil, "B3": nil}, "'Demand mix'!B2: the hours of care per person for " + area + " are needed"},
		{sheetDemandMix, map[string]any{"B2": 1001, "B3": 1001}, "'Demand mix'!B2: 1,001 is above 1,000"},
		{sheetDemandMix, map[string]any{"B2": "lots", "B3": nil}, `'Demand mix'!B2: "lots" is not a number`},
		{sheetDemandMix, map[string]any{"A3": "Perinatal"}, `'Demand mix'!A3: "Perinatal" has no access target on the sheet Demand`},
		{sheetDemandMix, map[string]any{"A2": nil, "A3": nil}, "Demand!A2: " + area + " has no rows on the sheet Demand mix"},
		// the targets
		{sheetDemand, map[string]any{"C2": "lots"}, `Demand!C2: "lots" is not a number`},
		{sheetDemand, map[string]any{"C2": -1}, "Demand!C2: -1 is below 0"},
		{sheetDemand, map[string]any{"C3": 100_000_001}, "Demand!C3: 100,000,001 is above 100,000,000"},
		{sheetDemand, map[string]any{"B2": "April"}, `Demand!B2: "April" is not a month`},
		{sheetDemand, map[string]any{"B2": nil}, `Demand!B2: a month is needed here`},
		{sheetDemand, map[string]any{"B3": "2021-04"}, "Demand!B3: " + area + " has a target from 2021-04 on row 2 already"},
		{sheetDemand, map[string]any{"A2": nil}, "Demand!A2: a service area is needed here"},
		// the budget
		{sheetBudget, map[string]any{"A2": "2024/26"}, `Budget!A2: "2024/26" is not a financial year: the year after 2024 is written 25`},
		{sheetBudget, map[string]any{"A2": "2024-25"}, `Budget!A2: "2024-25" is not a financial year written like 2024/25`},
		{sheetBudget, map[string]any{"A2": 2024}, `Budget!A2: "2024" is not a financial year: type it as text, such as 2024/25`},
		{sheetBudget, map[string]any{"A2": "1898/99"}, `Budget!A2: "1898/99" is outside 1899/00 to 2200/01`},
		{sheetBudget, map[string]any{"A2": nil}, "Budget!A2: a financial year is needed here"},
		{sheetBudget, map[string]any{"A3": "2020/21"}, "Budget!A3: 2020/21 has another budget already"},
		{sheetBudget, map[string]any{"B2": -5}, "Budget!B2: -5 is below 0"},
		{sheetBudget, map[string]any{"B2": "£2m"}, `Budget!B2: "£2m" is not a number`},
		// the other sheets' version 3 cells
		{sheetSummary, map[string]any{"B16": "maybe"}, `Summary, row 16, column B: "maybe": write yes or no`},
		{sheetProfessions, map[string]any{"I3": "lots"}, `Professions, row 3, column ` + hoursCol + `: "lots" is not a number`},
		{sheetProfessions, map[string]any{"I3": 0.5}, `Professions, row 3, column ` + hoursCol + `: 0.5 is below 1`},
		{sheetProfessions, map[string]any{"I3": nil}, `'Demand mix'!C3: CBT therapist (high intensity) has no clinical hours per WTE a year`},
		{sheetScenarios, map[string]any{"T2": "perhaps"}, "Scenarios, row 2, column " + moveCol + `: "perhaps": write yes or no`},
		{sheetScenarios, map[string]any{"T3": "yes"}, "Scenarios, row 3, column " + moveCol + ": a Profession row does not use this column"},
	} {
		mustRefuse(t, edit(t, data, c.sheet, c.cells), c.want)
	}
	// a service area renamed on both sheets is the plan's rules' to refuse
	renamed := map[string]any{"A2": "=1+1", "A3": "=1+1"}
	mustRefuse(t, edit(t, edit(t, data, sheetDemand, renamed), sheetDemandMix, renamed), `Demand!A2: "=1+1" must not begin with =`)
}

// A damaged cell on a version 3 sheet is named as a spreadsheet names it.
func TestVersion3DamageNamesTheCell(t *testing.T) {
	data := book(t, read(t, v3File))
	name := partOf(t, data, sheetDemandMix)
	data = rezip(t, data, map[string]func([]byte) []byte{name: func(b []byte) []byte {
		return bytes.Replace(b, []byte(`<c r="D3"><v>60</v></c>`), []byte(`<c r="D3" t="e"><v>#DIV/0!</v></c>`), 1)
	}})
	mustRefuse(t, data, `'Demand mix'!D3: the cell shows the error "#DIV/0!"`)
	// a formula Excel never worked out
	f, err := excelize.OpenReader(bytes.NewReader(book(t, read(t, v3File))))
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellFormula(sheetBudget, "B4", "B3*1.04")
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	mustRefuse(t, buf.Bytes(), "Budget!B4: the formula has no saved result")
}

// The sheet "Demand projection" is the demand table by month, with the
// figures worked by hand for the v3 plan at its baseline (March 2020):
// the target is 300 people a year (its first point is later), each
// taking 7.5 hours, 40 % of them from PWPs (1,000 hours a WTE) and 60 %
// from CBT therapists (900 hours). PWPs: 300 x 7.5 x 40 % / 1,000 =
// 0.9 WTE needed, 40 in post, who could treat 40 x 1,000 / 3 = 13,333.3
// people. CBT: 1.5 WTE needed, none in post (the line is its cohorts'):
// the service can treat nobody, so 300 people are short.
func TestDemandProjectionSheet(t *testing.T) {
	p := read(t, v3File)
	pr, err := plan.Project(p, "")
	if err != nil {
		t.Fatal(err)
	}
	data := book(t, p)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows(sheetDemandProjection, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+pr.Months()*4 || !reflect.DeepEqual(rows[0], projtable.DemandHeader) {
		t.Fatalf("%d rows, heading %q", len(rows), rows[0])
	}
	const area = "Adult common mental health problems"
	for i, want := range [][]string{
		{"2020-03", area, "cbt", "300", "1.5", "0", "-1.5", "0"}, // shortfall empty
		{"2020-03", area, "pwp", "300", "0.9", "40", "39.1", strconv.FormatFloat(40*1000/3.0, 'g', -1, 64)},
		{"2020-03", area, "ALL", "300", "2.4", "40", "37.6", "0", "300"},
		{"2020-03", "ALL", "ALL", "300", "2.4", "40", "37.6", "0", "300"},
	} {
		if !reflect.DeepEqual(rows[1+i], want) {
			t.Errorf("row %d: %q\nwant %q", 2+i, rows[1+i], want)
		}
	}
	// the last month's rows are the engine's, to the last digit
	dt, err := plan.MakeDemand(p, pr)
	if err != nil {
		t.Fatal(err)
	}
	last := dt.Months[len(dt.Months)-1][3]
	if got := rows[len(rows)-1]; got[0] != p.Horizon.String() || got[5] != strconv.FormatFloat(last.AvailableWTE, 'g', -1, 64) ||
		got[8] != strconv.FormatFloat(last.ShortfallPeople, 'g', -1, 64) {
		t.Errorf("last row %q, engine %+v", got, last)
	}
	// a plan with no demand has no such sheet
	p.Demand = nil
	p.Professions[0].ClinicalHoursPerWTE = nil
	if f, err = excelize.OpenReader(bytes.NewReader(book(t, p))); err != nil {
		t.Fatal(err)
	}
	if i, _ := f.GetSheetIndex(sheetDemandProjection); i >= 0 {
		t.Error("a plan with no demand has a demand projection sheet")
	}
}

// The yearly sheet has the WTE placed in other service areas (the v3
// plan's qualifiers move: its CBT qualifiers have no funded post in their
// own service area, and take the vacant ones in Perinatal), and the pay
// bill against the budget: blank in a year with no budget.
func TestYearlySheetPlacedElsewhereAndBudget(t *testing.T) {
	p := read(t, v3File)
	p.Posts = append(p.Posts, plan.PostLine{Profession: "cbt", ServiceArea: "Perinatal", InPostWTE: 5, FundedWTE: 8})
	pr, err := plan.Project(p, "")
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(book(t, p)))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(sheetYears, excelize.Options{RawCellValue: true})
	years, budget := pr.TotalYears(), plan.MakeBudget(p, pr)
	if rows[0][20] != "Budget for pay (£)" || rows[0][21] != "Headroom (£; negative: over budget)" {
		t.Errorf("heading %q", rows[0])
	}
	placed := 0.0
	for i, y := range years {
		placed += y.PlacedElsewhere
		if rows[1+i][10] != strconv.FormatFloat(y.PlacedElsewhere, 'g', -1, 64) {
			t.Errorf("%s placed elsewhere %q, engine %v", y.Label(), rows[1+i][10], y.PlacedElsewhere)
		}
	}
	if placed == 0 {
		t.Error("nobody was placed in another service area: the test shows nothing")
	}
	// 2020/21: budget £2.5m against its pay cost
	if rows[1][0] != "2020/21" || rows[1][20] != "2.5e+06" || rows[1][21] != strconv.FormatFloat(2500000-years[0].PayCost, 'g', -1, 64) ||
		*budget[0].Headroom != 2500000-years[0].PayCost {
		t.Errorf("2020/21 %q", rows[1])
	}
	if len(rows[3]) > 20 {
		t.Errorf("2022/23 has no budget, yet %q", rows[3][20:])
	}
}
