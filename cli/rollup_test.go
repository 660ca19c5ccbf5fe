package cli

import (
	"encoding/csv"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"example.org/psyplan/plan"
	"example.org/psyplan/plan/plantest"
	"example.org/psyplan/planfile"
)

// tinyPlans writes three tiny plans and a bad file into a folder.
//
// North: March to June 2020, 10 CBT WTE in Adult, 1 recruit a month, no
// cap: 10, 11, 12, 13; 30 % growth by June: target 10, 11, 12, 13.
// South: May to August 2020, 20 CBT WTE in Adult and 5 PWP WTE in CYP,
// nobody joins or leaves; 10 % by August on 25 WTE: target 25, 25.83,
// 26.67, 27.5. Its scenario "More PWPs" funds 8 PWP posts and recruits 1
// a month: 5, 6, 7, 8.
func tinyPlans(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	north := &plan.Plan{Name: "North", Baseline: plan.MonthOf(2020, 3), Horizon: plan.MonthOf(2020, 6),
		Trajectory:  plan.Trajectory{Interpolation: plan.Linear, Milestones: []plan.Milestone{{Month: plan.MonthOf(2020, 6), GrowthPct: 30}}},
		Professions: []plan.Profession{{ID: "cbt", Name: "CBT", WTEPerHead: 1, CostPerWTE: 12000}},
		Posts:       []plan.PostLine{{Profession: "cbt", ServiceArea: "Adult", InPostWTE: 10, FundedWTE: 10, RecruitsWTEPerYear: 12}},
	}
	eight, twelve := 8.0, 12.0
	south := &plan.Plan{Name: "South", Baseline: plan.MonthOf(2020, 5), Horizon: plan.MonthOf(2020, 8), CapHires: true,
		Trajectory: plan.Trajectory{Interpolation: plan.Linear, Milestones: []plan.Milestone{{Month: plan.MonthOf(2020, 8), GrowthPct: 10}}},
		Professions: []plan.Profession{{ID: "cbt", Name: "CBT", WTEPerHead: 1, CostPerWTE: 24000},
			{ID: "pwp", Name: "PWP", WTEPerHead: 1, CostPerWTE: 12000}},
		Posts: []plan.PostLine{{Profession: "cbt", ServiceArea: "Adult", InPostWTE: 20, FundedWTE: 20},
			{Profession: "pwp", ServiceArea: "CYP", InPostWTE: 5, FundedWTE: 5}},
		Scenarios: []plan.Scenario{{Name: "More PWPs", Posts: []plan.PostOverride{
			{Profession: "pwp", ServiceArea: "CYP", FundedWTE: &eight, RecruitsWTEPerYear: &twelve}}}},
	}
	later := *north // North a year on: no month in common with it
	later.Name, later.Baseline, later.Horizon = "Later", plan.MonthOf(2021, 3), plan.MonthOf(2021, 6)
	later.Trajectory.Milestones = nil
	for name, p := range map[string]*plan.Plan{"north.psyplan.json": north, "south.psyplan.json": south, "later.psyplan.json": &later} {
		data, err := planfile.Write(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(filepath.Join(dir, "bad.json"), []byte(`{"format": "psyplan-plan"`), 0o644)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not a plan"), 0o644)
	return dir
}

func TestImportAFolder(t *testing.T) {
	dir := tinyPlans(t)
	db := filepath.Join(t.TempDir(), "lib.db")
	r := run("import", "--db", db, dir, "/no/such/plan.json")
	if r.code != 1 || strings.Count(r.stdout, "\nImported") != 2 || !strings.Contains(r.stdout, `Imported "North"`) ||
		!strings.Contains(r.stdout, `Imported "South"`) {
		t.Fatalf("import: %+v", r)
	}
	if !strings.Contains(r.stderr, "2 not imported") || !strings.Contains(r.stderr, filepath.Join(dir, "bad.json")+" was not imported") ||
		!strings.Contains(r.stderr, "/no/such/plan.json was not imported") || strings.Contains(r.stderr, "notes.txt") {
		t.Errorf("refused: %s", r.stderr)
	}
	if r := run("list", "--db", db); strings.Count(r.stdout, "\n") != 4 { // the default plan, Later, North, South
		t.Errorf("list: %s", r.stdout)
	}
	empty := t.TempDir()
	if r := run("import", "--db", db, empty); r.code != 1 || !strings.Contains(r.stderr, "holds no plan file or workbook") {
		t.Errorf("empty folder: %+v", r)
	}
}

func TestRollupCommands(t *testing.T) {
	dir := tinyPlans(t)
	db := filepath.Join(t.TempDir(), "lib.db")
	run("import", "--db", db, filepath.Join(dir, "north.psyplan.json"), filepath.Join(dir, "south.psyplan.json"))
	r := run("rollup", "--db", db, "create", "--name", "Region", "North", "South@More PWPs")
	if r.code != 0 || lastLine(r.stdout) != "1" {
		t.Fatalf("create: %+v", r)
	}
	if r := run("rollup", "list", "--db", db); r.stdout != "1\tRegion\t2 plans\n" {
		t.Errorf("list: %q", r.stdout)
	}
	r = run("rollup", "--db", db, "project", "Region")
	if r.code != 0 {
		t.Fatalf("project: %+v", r)
	}
	wantNotes := "note: North counts nothing from 2020-07 to 2020-08 (its months are 2020-03 to 2020-06).\n" +
		"note: South: More PWPs counts nothing from 2020-03 to 2020-04 (its months are 2020-05 to 2020-08).\n"
	if r.stderr != wantNotes {
		t.Errorf("notes: %q", r.stderr)
	}
	rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// 6 months x (2 lines + the total), and the header
	if len(rows) != 19 {
		t.Fatalf("%d rows", len(rows))
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for _, w := range []struct {
		row                                                     int
		month, profession, area, inPost, workforce, target, gap string
	}{
		{1, "2020-03", "cbt", "Adult", "10", "10", "", ""},
		{2, "2020-03", "pwp", "CYP", "0", "0", "", ""},
		{3, "2020-03", "ALL", "ALL", "10", "10", "10", "0"},
		{7, "2020-05", "cbt", "Adult", "32", "32", "", ""},
		{11, "2020-06", "pwp", "CYP", "6", "6", "", ""},
		{12, "2020-06", "ALL", "ALL", "39", "39", "38.8333333333", "0.1666666667"},
		{18, "2020-08", "ALL", "ALL", "28", "28", "27.5", "0.5"},
	} {
		got := rows[w.row]
		g := []string{got[0], got[1], got[2], got[col["in_post_wte"]], got[col["workforce_wte"]], got[col["target_wte"]], got[col["gap_wte"]]}
		want := []string{w.month, w.profession, w.area, w.inPost, w.workforce, w.target, w.gap}
		for k := range g {
			if !sameCell(g[k], want[k]) {
				t.Errorf("row %d: %q, want %q", w.row, g, want)
				break
			}
		}
	}
	if r := run("rollup", "--db", db, "project", "--format", "json", "1"); r.code != 0 || !strings.HasPrefix(r.stdout, "[\n{\"month\":\"2020-03\"") {
		t.Errorf("json: %+v", r.stdout[:min(60, len(r.stdout))])
	}
	out := filepath.Join(t.TempDir(), "region.csv")
	if r := run("rollup", "--db", db, "export", "--format", "csv", "--out", out, "Region"); r.code != 0 {
		t.Errorf("export: %+v", r)
	}
	if data, _ := os.ReadFile(out); len(rows) == 0 || string(data) != run("rollup", "--db", db, "project", "Region").stdout {
		t.Error("the exported file is not the projection table")
	}
	if r := run("delete", "--db", db, "North"); !strings.Contains(r.stdout, `It was taken out of the roll-up "Region".`) {
		t.Errorf("delete a member: %+v", r)
	}
	if r := run("rollup", "--db", db, "delete", "Region"); r.code != 0 || r.stdout != "Deleted roll-up 1, \"Region\"; its plans stay.\n" {
		t.Errorf("delete: %+v", r)
	}
	if r := run("rollup", "list", "--db", db); r.stdout != "" {
		t.Errorf("list after delete: %q", r.stdout)
	}
}

// Bad arguments exit 2 with a message naming the argument; nothing is stored.
func TestRollupBadArguments(t *testing.T) {
	dir := tinyPlans(t)
	db := filepath.Join(t.TempDir(), "lib.db")
	run("import", "--db", db, dir)
	run("rollup", "--db", db, "create", "--name", "Taken", "North")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"rollup", "create", "North"}, "--name NAME is required"},
		{[]string{"rollup", "create", "--name", "R"}, "rollup create needs its plans"},
		{[]string{"rollup", "create", "--name", "Taken", "South"}, `--name "Taken": a roll-up of that name is in the library already`},
		{[]string{"rollup", "create", "--name", "R", "North", "Nowhere"}, `"Nowhere": no plan has the id or name "Nowhere"`},
		{[]string{"rollup", "create", "--name", "R", "South@Fewer"}, `"South@Fewer": plan 4 "South" has no scenario "Fewer"`},
		{[]string{"rollup", "create", "--name", "R", "North", "Later"}, "share no month, so they cannot be rolled up: North 2020-03 to 2020-06; " +
			"Later 2021-03 to 2021-06"},
		{[]string{"rollup", "frobnicate"}, `"frobnicate" is not a rollup command`},
		{[]string{"rollup", "project", "--format", "xml", "Taken"}, `--format "xml": choose csv or json`},
		{[]string{"rollup", "export", "--format", "json", "--out", "x.json", "Taken"}, `--format "json": a roll-up exports as csv, xlsx, pdf, png or svg`},
		{[]string{"rollup", "export", "--format", "pdf", "--chart", "gaps", "--out", "x.pdf", "Taken"}, "--chart is for a png or svg export"},
		{[]string{"rollup", "project", "Nowhere"}, `no roll-up has the id or name "Nowhere"`},
		{[]string{"rollup", "list", "extra"}, "rollup list takes 0 argument(s), got 1"},
		{[]string{"rollup", "list", "--name", "x"}, "--name is for rollup create only"},
		{[]string{"rollup"}, "takes one argument or more, got none"},
	} {
		r := run(append(c.args, "--db", db)...)
		if r.code != 2 || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%q: exit %d, %s", c.args, r.code, r.stderr)
		}
	}
	if r := run("rollup", "list", "--db", db); r.stdout != "1\tTaken\t1 plans\n" {
		t.Errorf("list: %q", r.stdout)
	}
}

// sameCell compares a cell with a hand-worked figure written to 10
// decimal places (or text exactly).
func sameCell(got, want string) bool {
	g, err1 := strconv.ParseFloat(got, 64)
	w, err2 := strconv.ParseFloat(want, 64)
	if err1 != nil || err2 != nil {
		return got == want
	}
	return math.Abs(g-w) < 1e-9
}

// areaFiles writes the 42 area plans of the national plan as plan files
// in a folder, and returns it with their names.
func areaFiles(b *testing.B) (string, []string) {
	b.Helper()
	dir := b.TempDir()
	var names []string
	for _, p := range plantest.AreaPlans() {
		data, err := planfile.Write(p)
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, p.Name+".psyplan.json"), data, 0o644); err != nil {
			b.Fatal(err)
		}
		names = append(names, p.Name)
	}
	return dir, names
}

// The target: a regional lead imports 42 plan files in one go
// in 5 s or less.
func BenchmarkImport42Files(b *testing.B) {
	dir, _ := areaFiles(b)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db := filepath.Join(b.TempDir(), "lib.db")
		run("list", "--db", db) // the library exists before timing
		b.StartTimer()
		if code := Run([]string{"import", "--db", db, dir}, io.Discard, os.Stderr); code != 0 {
			b.Fatal("import failed")
		}
	}
}

// The roll-up of the 42 areas read from the library, projected and
// written: what opening it asks of the library and the engine.
func BenchmarkRollupProject42(b *testing.B) {
	dir, names := areaFiles(b)
	db := filepath.Join(b.TempDir(), "lib.db")
	run("import", "--db", db, dir)
	if r := run(append([]string{"rollup", "create", "--db", db, "--name", "England"}, names...)...); r.code != 0 {
		b.Fatal(r.stderr)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if code := Run([]string{"rollup", "project", "--db", db, "England"}, io.Discard, os.Stderr); code != 0 {
			b.Fatal("project failed")
		}
	}
}

// A roll-up exports as a workbook, a report and both its charts, each
// file starting as its kind does; an unknown chart is refused.
func TestRollupExportsEveryFormat(t *testing.T) {
	dir := tinyPlans(t)
	db := filepath.Join(t.TempDir(), "lib.db")
	run("import", "--db", db, dir)
	if r := run("rollup", "--db", db, "create", "--name", "Region", "North", "South@More PWPs"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	out := t.TempDir()
	for _, c := range []struct{ format, chart, magic string }{
		{"xlsx", "", "PK"}, {"pdf", "", "%PDF"}, {"png", "gaps", "\x89PNG"}, {"svg", "growth", "<svg"}, {"csv", "", "month,"},
	} {
		path := filepath.Join(out, "region-"+c.chart+"."+c.format)
		args := []string{"rollup", "--db", db, "export", "--format", c.format, "--out", path}
		if c.chart != "" {
			args = append(args, "--chart", c.chart)
		}
		if r := run(append(args, "Region")...); r.code != 0 {
			t.Fatalf("%s: exit %d, %s", c.format, r.code, r.stderr)
		}
		data, err := os.ReadFile(path)
		if err != nil || !strings.HasPrefix(string(data), c.magic) {
			t.Errorf("%s starts %q, want %q (%v)", c.format, string(data[:min(len(data), 8)]), c.magic, err)
		}
	}
	if r := run("rollup", "--db", db, "export", "--format", "png", "--chart", "pie", "--out", filepath.Join(out, "p.png"), "Region"); r.code == 0 ||
		!strings.Contains(r.stderr, `no roll-up chart "pie"`) {
		t.Errorf("chart pie: exit %d, %s", r.code, r.stderr)
	}
}
