package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"image"
	"image/png"
	"io"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"example.org/psyplan/assets"
	"example.org/psyplan/plan"
	"example.org/psyplan/plan/plantest"
	"example.org/psyplan/planfile"
	"example.org/psyplan/planfile/planfiletest"
)

func read(t testing.TB, path string) *plan.Plan {
	t.Helper()
	var data []byte
	var err error
	if path == "" {
		data = assets.DefaultPlan
	} else if data, err = os.ReadFile(path); err != nil {
		t.Fatal(err)
	}
	p, err := planfile.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func book(t testing.TB, p *plan.Plan) []byte {
	t.Helper()
	pr, err := plan.Project(p, "")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, p, pr, nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A plan's workbook is the same bytes each time it is written: excelize
// lists the types of parts by extension in a map's order, which the
// workbook puts in order (the same types, none lost).
func TestWorkbookIsTheSameBytesEachTime(t *testing.T) {
	p := read(t, "")
	pr, err := plan.Project(p, "")
	if err != nil {
		t.Fatal(err)
	}
	var chart bytes.Buffer // the growth chart, which brings the types of pictures
	if err := png.Encode(&chart, image.NewRGBA(image.Rect(0, 0, 4, 3))); err != nil {
		t.Fatal(err)
	}
	write := func() []byte {
		var buf bytes.Buffer
		if err := Write(&buf, p, pr, chart.Bytes()); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	first := write()
	for range 4 {
		if !bytes.Equal(write(), first) {
			t.Fatal("two workbooks of one plan differ")
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(first), int64(len(first)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open(contentTypesPart)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := io.ReadAll(rc)
	var types contentTypes
	if err := xml.Unmarshal(data, &types); err != nil {
		t.Fatal(err)
	}
	extensions := map[string]bool{}
	for i, d := range types.Defaults {
		extensions[d.Extension] = true
		if i > 0 && types.Defaults[i-1].Extension > d.Extension {
			t.Errorf("%s before %s", types.Defaults[i-1].Extension, d.Extension)
		}
	}
	if !extensions["rels"] || !extensions["xml"] || !extensions["png"] || len(types.Overrides) < 5 {
		t.Errorf("types %+v: the workbook's own are missing", types)
	}
}

// Export then import loses nothing: the plan file of the plan read back
// is the plan file of the plan written.
func TestWorkbookCarriesTheWholePlan(t *testing.T) {
	for name, p := range map[string]*plan.Plan{"default": read(t, ""), "small": planfiletest.Small(t)} {
		back, err := Read(book(t, p))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		want, _ := planfile.Write(p)
		got, _ := planfile.Write(back)
		if !bytes.Equal(want, got) {
			t.Errorf("%s: the plan read back differs", name)
			if !reflect.DeepEqual(p.Scenarios, back.Scenarios) {
				t.Logf("scenarios %+v\nvs %+v", p.Scenarios, back.Scenarios)
			}
		}
	}
}

// edit changes cells as a planner would in Excel, and saves the workbook.
func edit(t *testing.T, data []byte, sheet string, cells map[string]any) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	for cell, v := range cells {
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestEditedWorkbookImports(t *testing.T) {
	p := planfiletest.Small(t)
	data := edit(t, book(t, p), sheetPosts, map[string]any{"C2": 44.5, "B3": "Perinatal"})
	data = edit(t, data, sheetTrainees, map[string]any{"C2": "Sep 2021", "E2": "15"})
	back, err := Read(data)
	if err != nil {
		t.Fatal(err)
	}
	if back.Posts[0].InPostWTE != 44.5 || back.Posts[1].ServiceArea != "Perinatal" {
		t.Errorf("posts %+v", back.Posts)
	}
	if back.Cohorts[0].Start != plan.MonthOf(2021, 9) || back.Cohorts[0].Intake != 15 {
		t.Errorf("cohort %+v", back.Cohorts[0])
	}
}

func TestBadCellsAreNamedAndNothingIsRead(t *testing.T) {
	p := planfiletest.Small(t)
	for _, c := range []struct {
		sheet string
		cells map[string]any
		want  string
	}{
		{sheetTrainees, map[string]any{"F3": 140}, "Trainees, row 3, column Completion %: 140 is above 100"},
		{sheetPosts, map[string]any{"C2": "forty"}, `Posts, row 2, column In post (WTE): "forty" is not a number`},
		{sheetTrainees, map[string]any{"E2": 12.5}, "Trainees, row 2, column Intake: 12.5 is not a whole number"},
		{sheetPosts, map[string]any{"B3": "=HYPERLINK(1)"}, "Posts, row 3, column Service area: \"=HYPERLINK(1)\" must not begin with"},
		{sheetSummary, map[string]any{"B4": "March"}, `Summary, row 4, column B: "March" is not a month`},
		{sheetScenarios, map[string]any{"B2": "Maybe"}, `Scenarios, row 2, column What: "Maybe"`},
		{sheetPosts, map[string]any{"A1": "Role"}, `Posts, row 1, column A: the heading must be "Profession"`},
	} {
		p2, err := Read(edit(t, book(t, p), c.sheet, c.cells))
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%v: got %v, want %q", c.cells, err, c.want)
		}
		if p2 != nil {
			t.Error("a refused workbook returned a plan")
		}
	}
	if _, err := Read([]byte("not a workbook")); err == nil {
		t.Error("read text as a workbook")
	}
}

// Text that looks like a formula is stored as text, never run.
func TestTextIsNeverAFormula(t *testing.T) {
	p := planfiletest.Small(t)
	p.Name = "=1+2"
	p.Notes = "@SUM(A1)"
	f, err := excelize.OpenReader(bytes.NewReader(book(t, p)))
	if err != nil {
		t.Fatal(err)
	}
	for _, cell := range []string{"B1", "B3"} {
		if formula, _ := f.GetCellFormula(sheetSummary, cell); formula != "" {
			t.Errorf("%s holds a formula %q", cell, formula)
		}
		if typ, _ := f.GetCellType(sheetSummary, cell); typ == excelize.CellTypeFormula {
			t.Errorf("%s is a formula cell", cell)
		}
	}
	if v, _ := f.GetCellValue(sheetSummary, "B1"); v != "=1+2" {
		t.Errorf("name cell %q", v)
	}
}

// Target: the national plan's workbook in 3 s or less.
func BenchmarkWriteNational(b *testing.B) {
	p := plantest.National()
	pr, _ := plan.Project(p, "")
	for i := 0; i < b.N; i++ {
		var buf bytes.Buffer
		if err := Write(&buf, p, pr, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// The Projection sheet holds the projection table, numbers as numbers.
func TestProjectionSheet(t *testing.T) {
	p := planfiletest.Small(t)
	p.Posts[0].ServiceArea = `Adult <common> & "mental" health`
	p.Cohorts[0].ServiceArea = p.Posts[0].ServiceArea
	p.Scenarios[0].Posts[0].ServiceArea = p.Posts[0].ServiceArea
	f, err := excelize.OpenReader(bytes.NewReader(book(t, p)))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.GetRows(sheetProjection)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+73*4 || rows[0][0] != "month" || rows[0][20] != "gap_wte" {
		t.Fatalf("%d rows; header %v", len(rows), rows[0])
	}
	// row 2: cbt, then pwp with the escaped name; row 5 the first total
	if rows[3][1] != "pwp" || rows[3][2] != `Adult <common> & "mental" health` || rows[3][3] != "40" {
		t.Errorf("pwp row %v", rows[3])
	}
	if rows[4][1] != "ALL" || rows[4][19] != "52.5" {
		t.Errorf("total row %v", rows[4])
	}
	if typ, _ := f.GetCellType(sheetProjection, "D4"); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("in post is not a number cell: %v", typ)
	}
	if typ, _ := f.GetCellType(sheetProjection, "C4"); typ != excelize.CellTypeInlineString {
		t.Errorf("service area is not a text cell: %v", typ)
	}
}

// The national plan to 2045 has 1,011,661 projection rows month by month
// (3,360 lines and a total over 301 months): its Projection sheet is
// written by financial year instead (3,361 rows for each of the 25 years 2020/21 to 2044/45),
// saying so, so the workbook stays small enough to import again and no
// sheet passes Excel's 1,048,576 rows.
func TestLongProjectionIsWrittenByYear(t *testing.T) {
	if testing.Short() {
		t.Skip("the national plan to 2045")
	}
	p := plantest.National()
	p.Horizon = plan.MonthOf(2045, 3)
	data := book(t, p)
	if len(data) > MaxFileBytes {
		t.Fatalf("the workbook is %d MB, more than import takes", len(data)>>20)
	}
	if _, err := Read(data); err != nil {
		t.Fatalf("the workbook PsyPlan wrote is refused: %v", err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.Rows(sheetProjection)
	if err != nil {
		t.Fatal(err)
	}
	n, first, last := 0, []string(nil), []string(nil)
	for rows.Next() {
		cols, _ := rows.Columns()
		if n == 0 {
			first = cols
		}
		last = cols
		n++
	}
	if n != 1+3361*25 || !strings.HasPrefix(first[0], "financial_year (by year") {
		t.Fatalf("%d rows, header %v", n, first)
	}
	if last[0] != "2044/45" || last[1] != "ALL" {
		t.Errorf("last row %v", last[:3])
	}
}
