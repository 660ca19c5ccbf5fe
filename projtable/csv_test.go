package projtable

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"example.org/psyplan/plan"
)

// One line whose service area needs quoting, 1,000,000 WTE in post (an
// exponent in the shortest form) and a 2-month projection.
func TestCSVQuotingAndNumbers(t *testing.T) {
	p := &plan.Plan{Name: "Q", Baseline: plan.MonthOf(2020, 3), Horizon: plan.MonthOf(2020, 4), CapHires: true,
		Trajectory:  plan.Trajectory{Interpolation: plan.Linear},
		Professions: []plan.Profession{{ID: "cbt", Name: "CBT", WTEPerHead: 1, CostPerWTE: 12}},
		Posts:       []plan.PostLine{{Profession: "cbt", ServiceArea: `Adult, "common"`, InPostWTE: 1e6, FundedWTE: 1e6}},
	}
	if errs := plan.Validate(p); errs != nil {
		t.Fatal(errs)
	}
	pr, _ := plan.Project(p, "")
	var buf bytes.Buffer
	if err := WriteCSV(&buf, pr); err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		"month,profession,service_area,in_post_wte,headcount,funded_wte,vacancy_wte,leavers_wte,moved_out_wte," +
			"qualified_wte,hired_qualified_wte,placed_elsewhere_wte,recruited_wte,unplaced_wte,waiting_wte,in_training,trainee_wte," +
			"workforce_wte,pay_cost_gbp,target_wte,gap_wte",
		// in post, headcount, funded, then twelve columns of 0, workforce, pay cost (1e6 x 12 / 12)
		`2020-03,cbt,"Adult, ""common""",1e+06,1e+06,1e+06,0,0,0,0,0,0,0,0,0,0,0,1e+06,1e+06,,`,
		"2020-03,ALL,ALL,1e+06,1e+06,1e+06,0,0,0,0,0,0,0,0,0,0,0,1e+06,1e+06,1e+06,0",
		`2020-04,cbt,"Adult, ""common""",1e+06,1e+06,1e+06,0,0,0,0,0,0,0,0,0,0,0,1e+06,1e+06,,`,
		"2020-04,ALL,ALL,1e+06,1e+06,1e+06,0,0,0,0,0,0,0,0,0,0,0,1e+06,1e+06,1e+06,0",
		""}, "\n")
	if got := buf.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}

	buf.Reset()
	if err := WriteJSON(&buf, pr); err != nil {
		t.Fatal(err)
	}
	var rows []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &rows); err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	if len(rows) != 4 || rows[0]["service_area"] != `Adult, "common"` || rows[0]["gap_wte"] != nil || rows[1]["target_wte"] != 1e6 {
		t.Errorf("json rows %v", rows)
	}
}

// A scenario named like a formula reaches the compare CSV's header as
// text a spreadsheet will not run: an apostrophe first.
func TestCSVTextIsNeverAFormula(t *testing.T) {
	for in, want := range map[string]string{"=HYPERLINK(\"x\")": "\"'=HYPERLINK(\"\"x\"\")\"", "+1": "'+1", "-2": "'-2", "@a": "'@a",
		"Plan": "Plan", "a=b": "a=b"} {
		if got := quote(in); got != want {
			t.Errorf("quote(%q) = %s, want %s", in, got, want)
		}
	}
}
