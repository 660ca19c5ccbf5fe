package cli

import (
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// South (see tinyPlans) against its scenario "More PWPs" in August 2020:
// 25 WTE against 28, the target 27.5 for both; pay £45,000 a month
// against £46,000, £47,000, £48,000 from June to August.
func TestCompareCommand(t *testing.T) {
	dir := tinyPlans(t)
	db := filepath.Join(t.TempDir(), "lib.db")
	run("import", "--db", db, filepath.Join(dir, "south.psyplan.json"))
	r := run("compare", "--db", db, "South")
	if r.code != 0 {
		t.Fatalf("compare: %+v", r)
	}
	want := `measure,when,label,unit,Plan,More PWPs,More PWPs vs plan
workforce,2020-08,"Workforce, Aug 2020",WTE,25,28,3
target,2020-08,"Target, Aug 2020",WTE,27.5,27.5,0
gap,2020-08,"Gap to the target, Aug 2020",WTE,-2.5,0.5,3
unplaced_qualifiers,2020-08,Unplaced qualifiers to Aug 2020,WTE,0,0,0
vacancies,2020-08,"Vacancies, Aug 2020",WTE,0,0,0
pay_cost,2020/21,"Pay cost, 2020/21",£,135000,141000,6000
`
	gotRows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	wantRows, _ := csv.NewReader(strings.NewReader(want)).ReadAll()
	if len(gotRows) != len(wantRows) {
		t.Fatalf("got\n%s\nwant\n%s", r.stdout, want)
	}
	for i := range wantRows {
		for k := range wantRows[i] {
			if len(gotRows[i]) != len(wantRows[i]) || !sameCell(gotRows[i][k], wantRows[i][k]) {
				t.Errorf("row %d: %q, want %q", i, gotRows[i], wantRows[i])
				break
			}
		}
	}
	r = run("compare", "--db", db, "--format", "json", "South")
	var got struct {
		Columns []string
		Rows    []struct{ Values, Differences []float64 }
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil || len(got.Rows) != 6 || got.Rows[0].Differences[1] != 3 {
		t.Errorf("json: %v %s", err, r.stdout)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"compare", "--format", "xml", "South"}, `--format "xml": choose csv or json`},
		{[]string{"compare", "--runs", "0", "South"}, "--runs 0: choose 1 to 100,000"},
		{[]string{"compare"}, "takes 1 argument(s), got 0"},
	} {
		if r := run(append(c.args, "--db", db)...); r.code != 2 || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%q: exit %d, %s", c.args, r.code, r.stderr)
		}
	}
}
