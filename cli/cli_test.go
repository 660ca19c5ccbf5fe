package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"example.org/psyplan/exchange"
)

type result struct {
	code           int
	stdout, stderr string
}

func run(args ...string) result {
	var out, errb bytes.Buffer
	code := Run(args, &out, &errb)
	return result{code, out.String(), errb.String()}
}

// lastLine is the id that import prints alone on its last line.
func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}

const small = "../planfile/testdata/good/small.psyplan.json"

func TestImportListProjectExportDelete(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lib.db")
	r := run("import", small, "--db", db) // flags after the file
	if r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	id := lastLine(r.stdout)
	if _, err := strconv.Atoi(id); err != nil {
		t.Fatalf("last line %q is not an id", id)
	}
	r = run("list", "--db", db)
	if !strings.Contains(r.stdout, id+"\tNorth Example ICS: psychological professions 2020-2026\n") {
		t.Errorf("list: %q", r.stdout)
	}
	if !strings.Contains(r.stdout, "\tEngland psychological professions: Long Term Plan and Long Term Workforce Plan, 2020 to 2037 (illustrative)\n") {
		t.Errorf("a new library lacks the default plan: %q", r.stdout)
	}

	r = run("--db", db, "project", "North Example ICS: psychological professions 2020-2026")
	if r.code != 0 {
		t.Fatalf("project by name: %+v", r)
	}
	rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// 2020-03 to 2026-03 is 73 months; 3 lines (pwp and cbt in adult CMH,
	// cbt in perinatal from a cohort only) and a total each.
	if len(rows) != 1+73*4 || rows[4][1] != "ALL" || rows[1][0] != "2020-03" {
		t.Fatalf("%d rows; first %v", len(rows), rows[:5])
	}
	// the contract's header (projection.md, version 3)
	if got := strings.Join(rows[0], ","); got != "month,profession,service_area,in_post_wte,headcount,funded_wte,vacancy_wte,leavers_wte,moved_out_wte,qualified_wte,hired_qualified_wte,placed_elsewhere_wte,recruited_wte,unplaced_wte,waiting_wte,in_training,trainee_wte,workforce_wte,pay_cost_gbp,target_wte,gap_wte" {
		t.Errorf("header %s", got)
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	cell := func(row []string, name string) string { return row[col[name]] }
	// at the baseline: pwp 40 in post, headcount 40/0.9, 45 funded, pay 40 x 42000 / 12
	pwp := rows[3]
	if pwp[1] != "pwp" || cell(pwp, "in_post_wte") != "40" || cell(pwp, "funded_wte") != "45" || cell(pwp, "vacancy_wte") != "5" ||
		cell(pwp, "pay_cost_gbp") != "140000" || cell(pwp, "target_wte") != "" {
		t.Errorf("pwp baseline row %v", pwp)
	}
	if want := strconv.FormatFloat(40/0.9, 'g', -1, 64); cell(pwp, "headcount") != want {
		t.Errorf("headcount %s, want %s", cell(pwp, "headcount"), want)
	}
	if total := rows[4]; cell(total, "in_post_wte") != "52.5" || cell(total, "target_wte") != "52.5" || cell(total, "gap_wte") != "0" {
		t.Errorf("total row %v", total)
	}

	r = run("project", "--format", "json", "--scenario", "Lower attrition", id, "--db", db)
	var js []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &js); err != nil || len(js) != 73*4 {
		t.Fatalf("json: %v, %d rows; %s", err, len(js), r.stderr)
	}
	if js[3]["target_wte"] != 52.5 || js[0]["target_wte"] != nil {
		t.Errorf("json rows %v %v", js[0], js[3])
	}

	out := filepath.Join(t.TempDir(), "again.psyplan.json")
	if r = run("export", "--db", db, "--format", "json", "--out", out, id); r.code != 0 {
		t.Fatalf("export: %+v", r)
	}
	first, _ := os.ReadFile(out)
	r = run("import", "--db", db, out)
	id2 := lastLine(r.stdout)
	out2 := filepath.Join(t.TempDir(), "again2.psyplan.json")
	run("export", "--db", db, "--format", "json", "--out", out2, id2)
	second, _ := os.ReadFile(out2)
	if !bytes.Equal(first, second) || len(first) == 0 {
		t.Error("export, import, export gave a different file")
	}

	// two plans now share the name: refused with both ids
	r = run("project", "--db", db, "North Example ICS: psychological professions 2020-2026")
	if r.code == 0 || !strings.Contains(r.stderr, id+", "+id2) {
		t.Errorf("shared name: %+v", r)
	}
	if r = run("delete", "--db", db, id2); r.code != 0 {
		t.Fatalf("delete: %+v", r)
	}
	if r = run("list", "--db", db); strings.Contains(r.stdout, id2+"\t") {
		t.Errorf("deleted plan still listed: %q", r.stdout)
	}
	csvOut := filepath.Join(t.TempDir(), "p.csv")
	if r = run("export", "--db", db, "--format", "csv", "--out", csvOut, id); r.code != 0 {
		t.Fatalf("csv export: %+v", r)
	}
	if data, _ := os.ReadFile(csvOut); !strings.HasPrefix(string(data), "month,profession") {
		t.Errorf("csv export: %.60s", data)
	}
}

func TestBadImportStoresNothingAndSaysWhy(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lib.db")
	before := run("list", "--db", db).stdout
	r := run("import", "--db", db, "../planfile/testdata/bad/cohort-completion-above-100.json")
	if r.code != 1 || !strings.Contains(r.stderr, "cohorts[1].completion_pct: 140 is above 100") {
		t.Errorf("%+v", r)
	}
	if strings.Contains(r.stderr, "goroutine") || r.stdout != "" {
		t.Errorf("stack trace or output: %+v", r)
	}
	if after := run("list", "--db", db).stdout; after != before {
		t.Errorf("library changed: %q -> %q", before, after)
	}
}

func TestUsageErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "lib.db")
	for _, args := range [][]string{
		{"frobnicate"},
		{"project", "--db", db},
		{"project", "--db", db, "--format", "xml", "1"},
		{"export", "--db", db, "--format", "json", "1"},
		{"project", "--db", db, "--bogus", "1"},
		{"project", "--db", db, "99"},
		{"import", "--db", db, "/no/such/file.json"},
	} {
		r := run(args...)
		if r.code == 0 || r.stderr == "" || strings.Contains(r.stderr, "goroutine") {
			t.Errorf("%v: %+v", args, r)
		}
	}
}

func TestIsCommand(t *testing.T) {
	for args, want := range map[string]bool{
		"":                             false,
		"--db x.db":                    false,
		"--screenshot dir":             false,
		"--db list":                    false,
		"--db x.db list":               true,
		"import f.json":                true,
		"--db x.db export --out f 1":   true,
		"--screenshot shots --db x.db": false,
	} {
		if got := IsCommand(strings.Fields(args)); got != want {
			t.Errorf("IsCommand(%q) = %v", args, got)
		}
	}
}

// Every export format writes a file that starts as its format does, and a
// workbook imports back as a new plan with the same plan file.
func TestExportEveryFormatAndImportTheWorkbook(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "lib.db")
	id := lastLine(run("import", "--db", db, small).stdout)
	magic := map[string]string{"json": "{", "csv": "month,", "xlsx": "PK\x03\x04", "pdf": "%PDF-", "png": "\x89PNG", "svg": "<svg"}
	for _, format := range exchange.Formats {
		f := format.Name
		out := filepath.Join(dir, "plan."+f)
		r := run("export", "--db", db, "--format", f, "--out", out, "--scenario", "Lower attrition", id)
		if r.code != 0 {
			t.Fatalf("%s: %+v", f, r)
		}
		data, _ := os.ReadFile(out)
		if !strings.HasPrefix(string(data), magic[f]) {
			t.Errorf("%s starts %q", f, data[:min(8, len(data))])
		}
	}
	r := run("export", "--db", db, "--format", "png", "--chart", "bridge", "--width", "800", "--height", "450", "--out", filepath.Join(dir, "b.png"), id)
	if r.code != 0 {
		t.Fatalf("bridge: %+v", r)
	}
	if r = run("export", "--db", db, "--format", "png", "--chart", "pie", "--out", filepath.Join(dir, "p.png"), id); r.code == 0 {
		t.Error("exported a chart that does not exist")
	}
	if _, err := os.Stat(filepath.Join(dir, "p.png")); err == nil {
		t.Error("a failed export left a file")
	}
	r = run("import", "--db", db, filepath.Join(dir, "plan.xlsx"))
	if r.code != 0 {
		t.Fatalf("xlsx import: %+v", r)
	}
	again := filepath.Join(dir, "again.json")
	run("export", "--db", db, "--format", "json", "--out", again, lastLine(r.stdout))
	a, _ := os.ReadFile(filepath.Join(dir, "plan.json"))
	b, _ := os.ReadFile(again)
	if string(a) != string(b) {
		t.Error("the workbook did not carry the whole plan")
	}
}
