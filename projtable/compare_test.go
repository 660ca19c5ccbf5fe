package projtable

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"

	"example.org/psyplan/plan"
)

func twoColumns() *plan.Comparison {
	return &plan.Comparison{Plan: "North", Columns: []string{"Plan", "More, faster"}, Scenarios: []string{"", "More, faster"},
		At: plan.MonthOf(2024, 4), Rows: []plan.ComparisonRow{
			{Measure: "workforce", When: "2024-04", Label: "Workforce, Apr 2024", Unit: "WTE", Values: []float64{100.5, 120}, Diffs: []float64{0, 19.5}},
			{Measure: "pay_cost", When: "2023/24", Label: "Pay cost, 2023/24", Unit: "£", Values: []float64{1e6, 9e5}, Diffs: []float64{0, -1e5}},
		}}
}

func TestCompareCSV(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCompareCSV(&buf, twoColumns()); err != nil {
		t.Fatal(err)
	}
	want := `measure,when,label,unit,Plan,"More, faster","More, faster vs plan"
workforce,2024-04,"Workforce, Apr 2024",WTE,100.5,120,19.5
pay_cost,2023/24,"Pay cost, 2023/24",£,1e+06,900000,-100000
`
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want)
	}
}

func TestCompareJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCompareJSON(&buf, twoColumns()); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Plan    string
		Columns []string
		At      string
		Rows    []struct {
			Measure, When, Label, Unit string
			Values, Differences        []float64
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	if got.Plan != "North" || got.At != "2024-04" || len(got.Columns) != 2 || len(got.Rows) != 2 ||
		got.Rows[1].Unit != "£" || got.Rows[1].Differences[1] != -1e5 || got.Rows[0].Values[0] != 100.5 {
		t.Errorf("%+v", got)
	}
	c := twoColumns()
	c.Rows[0].Diffs[1] = math.Inf(1)
	if err := WriteCompareJSON(&buf, c); err != ErrNotFinite {
		t.Errorf("an infinite difference: %v", err)
	}
}
