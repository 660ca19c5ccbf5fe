package workbook

import (
	"bytes"
	"math"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"example.org/psyplan/plan"
	"example.org/psyplan/planfile"
	"example.org/psyplan/planfile/planfiletest"
	"example.org/psyplan/projtable"
)

const (
	v2File = "../planfile/testdata/good/v2.psyplan.json" // every version 2 field set
)

// sameBack exports p, imports the workbook and wants the very same plan.
func sameBack(t *testing.T, name string, p *plan.Plan) *plan.Plan {
	t.Helper()
	back, err := Read(book(t, p))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if !reflect.DeepEqual(p.Clone(), back.Clone()) {
		t.Errorf("%s: the plan read back differs\nwant %+v\ngot  %+v", name, *p, *back)
	}
	want, _ := planfile.Write(p)
	got, _ := planfile.Write(back)
	if !bytes.Equal(want, got) {
		t.Errorf("%s: its plan file differs:\n%s\nvs\n%s", name, want, got)
	}
	return back
}

func TestVersion2FieldsComeBack(t *testing.T) {
	p := read(t, v2File)
	// the file sets them all; a test that cannot fail is no test
	if p.QualifierWaitMonths != 6 || !p.CountSalariedTrainees || p.PayUpliftPctPerYear != 3 || p.Uncertainty == nil ||
		!p.Professions[0].TraineesSalaried || p.Professions[0].TraineeWTEPerHead != 0.8 || p.Cohorts[1].DrawnFrom == nil ||
		*p.Scenarios[0].QualifierWaitMonths != 12 || *p.Scenarios[1].QualifierWaitMonths != 0 ||
		p.Scenarios[0].ExtraCohorts[0].DrawnFrom.Pct != 25.5 {
		t.Fatalf("the version 2 plan file does not set every field: %+v", p)
	}
	sameBack(t, "every v2 field", p)
	sameBack(t, "no v2 field", planfiletest.Small(t))

	// no band (blank cells) and a band of zeros are different plans
	zero := p.Clone()
	zero.Uncertainty = &plan.Uncertainty{}
	if back := sameBack(t, "zero band", zero); back.Uncertainty == nil {
		t.Error("a band of zeros came back as no band")
	}
	none := p.Clone()
	none.Uncertainty = nil
	if back := sameBack(t, "no band", none); back.Uncertainty != nil {
		t.Errorf("no band came back as %+v", back.Uncertainty)
	}
	one := p.Clone()
	one.Uncertainty = &plan.Uncertainty{RecruitmentPct: 25}
	sameBack(t, "one range", one)
}

// A plan built in Go may leave the trainee WTE per head 0 (only salaried
// trainees use it): the workbook writes the plan file's default, 1.
func TestTraineeWTEPerHeadZeroIsWrittenOne(t *testing.T) {
	p := planfiletest.Small(t)
	p.Professions[1].TraineeWTEPerHead = 0
	back, err := Read(book(t, p))
	if err != nil {
		t.Fatal(err)
	}
	if got := back.Professions[1].TraineeWTEPerHead; got != 1 {
		t.Errorf("trainee WTE per head %v, want 1", got)
	}
}

// testdata/version1-small.xlsx was exported by the version before
// version 2 (commit 03fe8db) from the small plan, with its scenario's
// capping off and an extra cohort: no version 2 column or row.
func version1Book(t *testing.T) ([]byte, *plan.Plan) {
	t.Helper()
	data, err := os.ReadFile("testdata/version1-small.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	want := planfiletest.Small(t)
	off := false
	want.Scenarios[0].CapHires = &off
	want.Scenarios[0].ExtraCohorts = []plan.Cohort{{Profession: "cbt", ServiceArea: "Perinatal", Start: plan.MonthOf(2022, 1),
		DurationMonths: 12, Intake: 3, CompletionPct: 90, TakeupPct: 80}}
	return data, want
}

func TestVersion1WorkbookImportsWithDefaults(t *testing.T) {
	data, want := version1Book(t)
	if h := sheetRow(t, data, sheetProfessions, 1); len(h) != 5 {
		t.Fatalf("the fixture is not a version 1 export: Professions heading %q", h)
	}
	// a planner's notes beside the version 1 tables were never read: still not
	data = edit(t, data, sheetProfessions, map[string]any{"F2": "check with finance"})
	data = edit(t, data, sheetTrainees, map[string]any{"H3": "pwp"})
	back, err := Read(data)
	if err != nil {
		t.Fatal(err)
	}
	if back.QualifierWaitMonths != 0 || back.CountSalariedTrainees || back.PayUpliftPctPerYear != 0 || back.Uncertainty != nil ||
		back.Professions[0].TraineeWTEPerHead != 1 || back.Cohorts[1].DrawnFrom != nil {
		t.Errorf("version 2 fields not at their defaults: %+v", back)
	}
	if !reflect.DeepEqual(want, back) {
		t.Errorf("version 1 workbook read as\n%+v\nwant\n%+v", back, want)
	}
}

// A heading over some of version 2's columns but not all is refused.
func TestVersion2HeadingsAllOrNone(t *testing.T) {
	data := book(t, read(t, v2File))
	for _, c := range []struct {
		sheet, cell, want string
	}{
		{sheetProfessions, "F1", `Professions, row 1, column F: the heading must be "Trainees salaried (yes or no)"`},
		{sheetTrainees, "I1", `Trainees, row 1, column I: the heading must be "Drawn from staff in post %"`},
		{sheetScenarios, "Q1", `Scenarios, row 1, column Q: the heading must be "Qualifiers wait`},
	} {
		mustRefuse(t, edit(t, data, c.sheet, map[string]any{c.cell: nil}), c.want)
	}
	// a version 2 workbook (its Summary has version 2's settings) that lost
	// all of a sheet's version 2 headings would lose their values: refused
	mustRefuse(t, edit(t, data, sheetProfessions, map[string]any{"F1": nil, "G1": nil, "H1": nil}),
		`Professions, row 1, column F: the heading must be "Trainees salaried (yes or no)"`)
}

func TestVersion2BadCells(t *testing.T) {
	data := book(t, read(t, v2File))
	const (
		wait    = "Qualifiers wait (months; blank: the plan's)"
		drawn   = "Drawn from staff of (profession; blank: nobody)"
		drawnPc = "Drawn from staff in post %"
	)
	for _, c := range []struct {
		sheet string
		cells map[string]any
		want  string
	}{
		{sheetSummary, map[string]any{"B9": 2.5}, "Summary, row 9, column B: 2.5 is not a whole number"},
		{sheetSummary, map[string]any{"B9": "2.5"}, "Summary, row 9, column B: 2.5 is not a whole number"},
		{sheetSummary, map[string]any{"B9": 25}, "Summary, row 9, column B: 25 is above 24"},
		{sheetSummary, map[string]any{"B9": -1}, "Summary, row 9, column B: -1 is below 0"},
		{sheetSummary, map[string]any{"A9": "Wait"}, `Summary, row 9, column A: the label must be "Qualifiers wait`},
		// a cleared row 9 is not a version 1 workbook: rows 10 on hold settings
		{sheetSummary, map[string]any{"A9": nil, "B9": nil}, `Summary, row 9, column A: the label must be "Qualifiers wait`},
		{sheetSummary, map[string]any{"B10": "sometimes"}, `Summary, row 10, column B: "sometimes": write yes or no`},
		{sheetSummary, map[string]any{"B11": 51}, "Summary, row 11, column B: 51 is above 50"},
		{sheetSummary, map[string]any{"B11": "3%"}, `Summary, row 11, column B: "3%"`},
		{sheetSummary, map[string]any{"B12": 51}, "Summary, row 12, column B: 51 is above 50"},
		{sheetSummary, map[string]any{"B13": -1}, "Summary, row 13, column B: -1 is below 0"},
		{sheetSummary, map[string]any{"B14": 101}, "Summary, row 14, column B: 101 is above 100"},
		{sheetSummary, map[string]any{"B15": "lots"}, `Summary, row 15, column B: "lots" is not a number`},
		{sheetProfessions, map[string]any{"F2": "paid"}, `Professions, row 2, column Trainees salaried (yes or no): "paid": write yes or no`},
		{sheetProfessions, map[string]any{"G2": 0}, "Professions, row 2, column Trainee WTE per head: 0 is below 0.01"},
		{sheetProfessions, map[string]any{"G3": 1.5}, "Professions, row 3, column Trainee WTE per head: 1.5 is above 1"},
		{sheetProfessions, map[string]any{"H2": -5}, "Professions, row 2, column Trainee cost per WTE a year (£): -5 is below 0"},
		{sheetTrainees, map[string]any{"I3": nil}, "Trainees, row 3, column " + drawnPc + `: staff of "pwp" are drawn, so give the share`},
		{sheetTrainees, map[string]any{"H3": nil}, "Trainees, row 3, column " + drawn + ": the share drawn from staff in post is given"},
		{sheetTrainees, map[string]any{"H2": "pwp"}, "Trainees, row 2, column " + drawnPc + `: staff of "pwp" are drawn`},
		{sheetTrainees, map[string]any{"H3": "psy"}, "Trainees, row 3, column " + drawn + `: "psy" is not a profession`},
		{sheetTrainees, map[string]any{"H3": "cbt"}, "Trainees, row 3, column " + drawn + `: cbt in "Adult common mental health problems" is not a post line`},
		{sheetTrainees, map[string]any{"I3": 140}, "Trainees, row 3, column " + drawnPc + ": 140 is above 100"},
		{sheetTrainees, map[string]any{"I3": "half"}, "Trainees, row 3, column " + drawnPc + `: "half" is not a number`},
		{sheetScenarios, map[string]any{"Q2": 2.5}, "Scenarios, row 2, column " + wait + ": 2.5 is not a whole number"},
		{sheetScenarios, map[string]any{"Q6": 25}, "Scenarios, row 6, column " + wait + ": 25 is above 24"},
		{sheetScenarios, map[string]any{"Q3": 6}, "Scenarios, row 3, column " + wait + ": a Profession row does not use this column"},
		{sheetScenarios, map[string]any{"R2": "pwp"}, "Scenarios, row 2, column " + drawn + ": a Scenario row does not use this column"},
		{sheetScenarios, map[string]any{"S5": nil}, "Scenarios, row 5, column " + drawnPc + `: staff of "pwp" are drawn`},
		{sheetScenarios, map[string]any{"S5": 101}, "Scenarios, row 5, column " + drawnPc + ": 101 is above 100"},
		{sheetScenarios, map[string]any{"R5": "nobody"}, "Scenarios, row 5, column " + drawn + `: "nobody" is not a profession`},
	} {
		mustRefuse(t, edit(t, data, c.sheet, c.cells), c.want)
	}
}

// Blank cells in version 2's columns take the plan file's defaults.
func TestVersion2BlankCellsAreDefaults(t *testing.T) {
	data := edit(t, book(t, read(t, v2File)), sheetSummary, map[string]any{"B9": nil, "B10": nil, "B11": nil,
		"B12": nil, "B13": nil, "B14": nil, "B15": nil})
	data = edit(t, data, sheetProfessions, map[string]any{"F2": nil, "G2": nil, "H2": nil})
	data = edit(t, data, sheetTrainees, map[string]any{"H3": nil, "I3": nil})
	data = edit(t, data, sheetScenarios, map[string]any{"Q2": nil})
	p, err := Read(data)
	if err != nil {
		t.Fatal(err)
	}
	pwp := p.Professions[0]
	if p.QualifierWaitMonths != 0 || p.CountSalariedTrainees || p.PayUpliftPctPerYear != 0 || p.Uncertainty != nil ||
		pwp.TraineesSalaried || pwp.TraineeWTEPerHead != 1 || pwp.TraineeCostPerWTE != 0 ||
		p.Cohorts[1].DrawnFrom != nil || p.Scenarios[0].QualifierWaitMonths != nil {
		t.Errorf("blank version 2 cells read as %+v", p)
	}
}

// The Projection sheet has the projection table's columns; the yearly
// sheet its figures by financial year, version 2's included.
func TestVersion2ProjectionAndYears(t *testing.T) {
	p := read(t, v2File)
	pr, err := plan.Project(p, "")
	if err != nil {
		t.Fatal(err)
	}
	data := book(t, p)
	head := sheetRow(t, data, sheetProjection, 1)
	if !reflect.DeepEqual(head, projtable.Header) {
		t.Errorf("projection heading %q", head)
	}
	// row 3 is the baseline's pwp line (after cbt's, made by its cohort):
	// no salaried trainees yet (the first course starts 2020-09), so the
	// workforce is the 40 in post
	if r := sheetRow(t, data, sheetProjection, 3); len(r) < 19 || r[1] != "pwp" || r[3] != "40" || r[16] != "0" || r[17] != "40" {
		t.Errorf("baseline pwp row %q", r)
	}
	if len(yearTitles) != len(projtable.Values(&plan.Row{})) {
		t.Fatalf("%d yearly titles for %d figures", len(yearTitles), len(projtable.Values(&plan.Row{})))
	}
	years := pr.TotalYears()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(sheetYears, excelize.Options{RawCellValue: true})
	// 2020-03 to 2026-03: the baseline's year 2019/20 holds no month after
	// it, so the years are 2020/21 to 2025/26
	if len(rows) != 1+6 || len(years) != 6 || rows[1][0] != "2020/21" || rows[6][0] != "2025/26" {
		t.Fatalf("yearly rows %q", rows)
	}
	if rows[0][7] != "Moved into training (WTE)" || rows[0][10] != "Placed in another service area (WTE)" ||
		rows[0][17] != "Pay cost (£)" || rows[0][19] != "Gap (WTE)" {
		t.Errorf("yearly heading %q", rows[0])
	}
	// 2020/21: cohort 1 (6 CBT trainees, half drawn from PWP at 0.9 WTE a
	// head) starts 2021-01 and moves 6 x 50 % x 0.9 = 2.7 WTE out of posts
	if rows[1][7] != "2.7" || rows[1][7] != plan.Num(years[0].MovedOut) {
		t.Errorf("2020/21 moved out %q, engine %v", rows[1][7], years[0].MovedOut)
	}
	// excelize writes 15 significant digits
	if got, _ := strconv.ParseFloat(rows[6][16], 64); math.Abs(got-years[5].Workforce) > 1e-12*years[5].Workforce {
		t.Errorf("2025/26 workforce %q, want %v", rows[6][16], years[5].Workforce)
	}
}

// sheetRow is one row of a sheet as text (excelize, not PsyPlan's reader).
func sheetRow(t *testing.T, data []byte, sheet string, n int) []string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil || len(rows) < n {
		t.Fatalf("%s: %d rows, %v", sheet, len(rows), err)
	}
	return rows[n-1]
}

// The workbook never holds NaN or infinity: a projection with one is refused.
func TestNonFiniteProjectionIsRefused(t *testing.T) {
	p := planfiletest.Small(t)
	pr, err := plan.Project(p, "")
	if err != nil {
		t.Fatal(err)
	}
	pr.Total[3].PayCost = math.Inf(1)
	var buf bytes.Buffer
	if err := Write(&buf, p, pr, nil); err == nil || !strings.Contains(err.Error(), "not a finite number") {
		t.Errorf("got %v", err)
	}
}

// Numbers come back to the last bit: excelize writes 15 significant
// digits, so PsyPlan writes its numbers itself.
func TestNumbersComeBackExactly(t *testing.T) {
	p := read(t, v2File)
	third := 1.0 / 3
	p.PayUpliftPctPerYear = 0.1 + 0.2 // 0.30000000000000004
	p.Trajectory.BaselineWTE = &third
	p.Uncertainty.RecruitmentPct = 2 * third
	p.Posts[0].InPostWTE = 40 + third
	p.Posts[0].Changes[0].FundedWTEDelta = 1e-7 / 3
	p.Professions[0].TraineeWTEPerHead = 0.7 + 0.1 // 0.7999999999999999
	p.Cohorts[1].DrawnFrom.Pct = 100 * third
	p.Scenarios[0].ExtraCohorts[0].DrawnFrom.Pct = 50 * third
	p.Trajectory.Milestones[0].GrowthPct = 60 + third
	p.Actuals[0].InPostWTE = 52 + third
	sameBack(t, "numbers of 16 and 17 digits", p)
}

// Text on the table sheets comes back as typed, Excel's escape included
// (names hold no control character: the plan's rules refuse them).
func TestTableTextComesBackExactly(t *testing.T) {
	p := read(t, v2File)
	p.Professions[1].Name = "CBT _x000D_ <therapist> & \"high\"  intensity "
	p.Scenarios[1].Name = " _x0041_ "
	sameBack(t, "text", p)
}

// The Summary states what the workforce counts and the price base.
func TestSummaryStatesWorkforceAndPrices(t *testing.T) {
	for file, c := range map[string]struct {
		p    *plan.Plan
		want [2]string
	}{
		v2File:  {read(t, v2File), [2]string{"staff in post and salaried trainees", "with 3 % pay awards a year (each April)"}},
		"small": {planfiletest.Small(t), [2]string{"staff in post", "baseline prices"}},
	} {
		data, want := book(t, c.p), c.want
		counts, prices := sheetRow(t, data, sheetSummary, 20), sheetRow(t, data, sheetSummary, 21)
		if counts[0] != "Workforce measured against the trajectory" || counts[1] != want[0] ||
			prices[0] != "Pay costs" || prices[1] != want[1] {
			t.Errorf("%s: %q, %q", file, counts, prices)
		}
	}
}
