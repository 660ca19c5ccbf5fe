package cli

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The solver's plan of plan/answers_test.go as a file: 100 PWPs, a cohort
// of 5 qualifying in Apr 2021 against 110 wanted then: intake +81 % adds 5.
const solverFile = `{"format": "psyplan-plan", "version": 2, "name": "Solver", "baseline_month": "2020-03",
 "horizon_month": "2022-03", "uncertainty": {"leaver_rate_pct_points": 3, "takeup_pct_points": 10},
 "trajectory": {"milestones": [{"month": "2021-04", "growth_pct": 10}]},
 "professions": [{"id": "pwp", "name": "PWP", "leaver_rate_pct": 5}],
 "posts": [{"profession": "pwp", "service_area": "Adult", "in_post_wte": 100, "funded_wte": 1000}],
 "cohorts": [{"profession": "pwp", "service_area": "Adult", "start_month": "2020-04", "duration_months": 12,
   "intake": 5, "completion_pct": 100, "takeup_pct": 100}]}`

func importSolverPlan(t *testing.T) (db, id string) {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, "solver.psyplan.json")
	if err := os.WriteFile(file, []byte(strings.Replace(solverFile, `"leaver_rate_pct": 5`, `"leaver_rate_pct": 0`, 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	db = filepath.Join(dir, "lib.db")
	r := run("import", "--db", db, file)
	if r.code != 0 {
		t.Fatalf("import: %+v", r)
	}
	return db, lastLine(r.stdout)
}

func TestSolveSavesTheScenarioAndPrintsJSON(t *testing.T) {
	db, id := importSolverPlan(t)
	r := run("solve", "--db", db, "--format", "json", id)
	if r.code != 0 {
		t.Fatalf("solve: %+v", r)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(lastLine(r.stdout)), &got); err != nil {
		t.Fatalf("last line %q: %v", lastLine(r.stdout), err)
	}
	if got["lever"] != "intake" || got["pct"] != 81.0 || got["extra_intake"] != 5.0 || got["by"] != "2021-04" ||
		got["scenario"] != "Solved: intake +81 % by Apr 2021" || math.Abs(got["gap_wte"].(float64)) > 1e-9 {
		t.Errorf("json %v", got)
	}
	if r := run("project", "--db", db, "--scenario", "Solved: intake +81 % by Apr 2021", id); r.code != 0 {
		t.Errorf("the solved scenario was not kept: %+v", r)
	}
	// The same name again is refused, and nothing is saved.
	r = run("solve", "--db", db, id)
	if r.code != 2 || !strings.Contains(r.stderr, "--name") {
		t.Errorf("name taken: %+v", r)
	}
}

func TestSolveRefusals(t *testing.T) {
	db, id := importSolverPlan(t)
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--lever", "hope"}, 2, "--lever"},
		{[]string{"--by", "2030-01"}, 2, "--by"},
		{[]string{"--by", "2020-03"}, 2, "--by"},
		{[]string{"--from", "soon"}, 2, "--from"},
		{[]string{"--professions", "pwp,nope"}, 2, "nope"},
		{[]string{"--scenario", "nope"}, 2, "--scenario"},
		{[]string{"--from", "2020-09"}, 3, ""}, // no cohort to raise: not reachable
	} {
		r := run(append(append([]string{"solve", "--db", db}, c.args...), id)...)
		if r.code != c.code || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: %+v", c.args, r)
		}
	}
	if r := run("project", "--db", db, "--scenario", "Solved: intake +0 % by Apr 2021", id); r.code == 0 {
		t.Error("a refused solve saved a scenario")
	}
}

func TestBandIsSeededAndRefusesBadRuns(t *testing.T) {
	db, id := importSolverPlan(t)
	a := run("band", "--db", db, "--runs", "200", "--seed", "7", id)
	b := run("band", "--db", db, "--runs", "200", "--seed", "7", id)
	if a.code != 0 || a.stdout != b.stdout {
		t.Fatalf("band twice: %+v / %+v", a, b)
	}
	lines := strings.Split(strings.TrimSpace(a.stdout), "\n")
	if lines[0] != "month,central_wte,low_wte,median_wte,high_wte,target_wte,p_on_track" || len(lines) != 1+25 {
		t.Errorf("band table: %q ... (%d lines)", lines[0], len(lines))
	}
	if !strings.HasPrefix(lines[1], "2020-03,100,100,100,100,100,1") {
		t.Errorf("baseline row %q", lines[1])
	}
	for _, bad := range [][]string{{"--runs", "0"}, {"--runs", "100001"}, {"--seed", "1.5"}, {"--format", "xml"}} {
		r := run(append(append([]string{"band", "--db", db}, bad...), id)...)
		if r.code != 2 || !strings.Contains(r.stderr, bad[0]) {
			t.Errorf("%v: %+v", bad, r)
		}
	}
}
