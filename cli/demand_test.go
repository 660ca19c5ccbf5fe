package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The demand plan of plan/demand_test.go as a version 3 file: 8 PWPs in
// Adult all along (£36,000 a WTE), an Adult access target of 1,000 people
// a year in Mar 2020 rising to 2,000 in May 2020, 10 hours each, 40 % from
// PWPs (1,000 clinical hours) and 60 % from CBT therapists (800 hours, no
// post line); £300,000 for pay in 2020/21.
const demandFile = `{"format": "psyplan-plan", "version": 3, "name": "Demand", "baseline_month": "2020-03",
 "horizon_month": "2022-03",
 "professions": [{"id": "pwp", "name": "PWP", "cost_per_wte_gbp": 36000, "clinical_hours_per_wte_per_year": 1000},
   {"id": "cbt", "name": "CBT", "clinical_hours_per_wte_per_year": 800}],
 "posts": [{"profession": "pwp", "service_area": "Adult", "in_post_wte": 8, "funded_wte": 10}],
 "demand": [{"service_area": "Adult", "people_per_year": [{"month": "2020-03", "people": 1000}, {"month": "2020-05", "people": 2000}],
   "hours_per_person": 10, "mix": [{"profession": "pwp", "share_pct": 40}, {"profession": "cbt", "share_pct": 60}]}],
 "budget": [{"financial_year": "2020/21", "gbp": 300000}]}`

func importFile(t *testing.T, name, content string) (db, id string) {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, name)
	if err := os.WriteFile(file, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	db = filepath.Join(dir, "lib.db")
	r := run("import", "--db", db, file)
	if r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	return db, lastLine(r.stdout)
}

// The demand table worked by hand in Mar 2020 (see plan's
// TestDemandTableByHand): CBT needs 7.5 WTE and has none, PWPs need 4 and
// have 8; the scarcest (CBT) limits the service to 0 people.
func TestDemandCommand(t *testing.T) {
	db, id := importFile(t, "demand.psyplan", demandFile)
	r := run("demand", "--db", db, id)
	if r.code != 0 {
		t.Fatalf("demand: %+v", r)
	}
	lines := strings.Split(r.stdout, "\n")
	want := []string{
		"month,service_area,profession,people_per_year,needed_wte,available_wte,gap_wte,capacity_people,shortfall_people",
		"2020-03,Adult,cbt,1000,7.5,0,-7.5,0,",
		"2020-03,Adult,pwp,1000,4,8,4,2000,",
		"2020-03,Adult,ALL,1000,11.5,8,-3.5,0,1000",
		"2020-03,ALL,ALL,1000,11.5,8,-3.5,0,1000",
		"2020-04,Adult,cbt,1500,11.25,0,-11.25,0,",
	}
	for i, w := range want {
		if lines[i] != w {
			t.Errorf("line %d\n got %s\nwant %s", i, lines[i], w)
		}
	}
	if n := len(lines) - 2; n != 25*4 { // 25 months of 4 rows, the header, the final line break
		t.Errorf("%d rows, want 100", n)
	}
	r = run("demand", "--db", db, "--format", "json", id)
	var rows []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil || len(rows) != 100 {
		t.Fatalf("json: %v, %d rows", err, len(rows))
	}
	if rows[0]["shortfall_people"] != nil || rows[2]["shortfall_people"] != 1000.0 || rows[1]["capacity_people"] != 2000.0 {
		t.Errorf("json rows %v", rows[:3])
	}
}

// 8 WTE at £36,000 a year: £288,000 in each 12-month year; 2020/21 has a
// budget (£12,000 headroom), 2021/22 none (both empty).
func TestBudgetCommand(t *testing.T) {
	db, id := importFile(t, "demand.psyplan", demandFile)
	r := run("budget", "--db", db, id)
	want := "financial_year,months,pay_cost_gbp,budget_gbp,headroom_gbp\n2020/21,12,288000,300000,12000\n2021/22,12,288000,,\n"
	if r.code != 0 || r.stdout != want {
		t.Errorf("budget: %+v\nwant\n%s", r, want)
	}
	r = run("budget", "--db", db, "--format", "json", id)
	var rows []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &rows); err != nil || len(rows) != 2 || rows[1]["budget_gbp"] != nil || rows[0]["headroom_gbp"] != 12000.0 {
		t.Errorf("json %v %v", rows, err)
	}
	if r := run("budget", "--db", db, "--format", "xml", id); r.code != 2 {
		t.Errorf("--format xml: %+v", r)
	}
}

// A plan with no demand: the command says so and exits 1; solve aimed at
// demand refuses it as a bad argument (2).
func TestDemandRefusedWithoutTargets(t *testing.T) {
	db, id := importSolverPlan(t)
	if r := run("demand", "--db", db, id); r.code != 1 || !strings.Contains(r.stderr, "no access targets") {
		t.Errorf("demand: %+v", r)
	}
	if r := run("solve", "--db", db, "--target", "demand", id); r.code != 2 {
		t.Errorf("solve --target demand: %+v", r)
	}
	if r := run("solve", "--db", db, "--target", "people", id); r.code != 2 || !strings.Contains(r.stderr, "--target") {
		t.Errorf("solve --target people: %+v", r)
	}
}

// Aimed at demand: 11 WTE of PWPs are needed for 1,100 people; recruits
// (6 a year) reach it with +50 % by Jul 2020 (plan's TestSolveForTheAccessTarget).
func TestSolveForDemand(t *testing.T) {
	file := `{"format": "psyplan-plan", "version": 3, "name": "D", "baseline_month": "2020-03", "horizon_month": "2022-03",
	 "professions": [{"id": "pwp", "name": "PWP", "clinical_hours_per_wte_per_year": 1000}],
	 "posts": [{"profession": "pwp", "service_area": "Adult", "in_post_wte": 8, "funded_wte": FUNDED, "recruits_wte_per_year": 6}],
	 "demand": [{"service_area": "Adult", "people_per_year": [{"month": "2020-07", "people": 1100}],
	   "hours_per_person": 10, "mix": [{"profession": "pwp", "share_pct": 100}]}]}`
	db, id := importFile(t, "d.psyplan", strings.Replace(file, "FUNDED", "20", 1))
	r := run("solve", "--db", db, "--target", "demand", "--lever", "recruitment", "--format", "json", id)
	var got map[string]any
	if err := json.Unmarshal([]byte(lastLine(r.stdout)), &got); err != nil || r.code != 0 {
		t.Fatalf("solve: %+v %v", r, err)
	}
	if got["target"] != "demand" || got["pct"] != 50.0 || got["by"] != "2020-07" || got["shortfall_people"] != 0.0 ||
		got["scenario"] != "Solved: recruitment +50 % for the access target by Jul 2020" {
		t.Errorf("json %v", got)
	}
	db, id = importFile(t, "d.psyplan", strings.Replace(file, "FUNDED", "10", 1))
	r = run("solve", "--db", db, "--target", "demand", "--lever", "recruitment", id)
	if r.code != 3 || !strings.Contains(r.stdout, "funded posts for PWP in Adult are 10 WTE in Jul 2020; the target needs 11 WTE") {
		t.Errorf("beyond the funded posts: %+v", r)
	}
}

// Already there: +0 % keeps nothing (scenario null), and says what it costs.
func TestSolveAlreadyThereKeepsNothing(t *testing.T) {
	db, id := importFile(t, "s.psyplan", strings.NewReplacer(`"growth_pct": 10`, `"growth_pct": 0`, `"leaver_rate_pct": 5`, `"leaver_rate_pct": 0`).Replace(solverFile))
	r := run("solve", "--db", db, "--format", "json", id)
	var got map[string]any
	if err := json.Unmarshal([]byte(lastLine(r.stdout)), &got); err != nil || r.code != 0 {
		t.Fatalf("solve: %+v %v", r, err)
	}
	if got["pct"] != 0.0 || got["scenario"] != nil || got["extra_pay_cost_gbp"] != 0.0 {
		t.Errorf("json %v", got)
	}
	if r := run("compare", "--db", db, id); strings.Contains(r.stdout, "Solved") {
		t.Errorf("a +0 %% scenario was kept: %s", r.stdout)
	}
}
