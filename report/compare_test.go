package report

import (
	"bytes"
	"reflect"
	"regexp"
	"testing"

	"example.org/psyplan/plan"
	"example.org/psyplan/plan/plantest"
)

// The options page's table is plan.Compare's, worked by hand; the page is
// in the report only when the plan has scenarios.
func TestOptionsSideBySidePage(t *testing.T) {
	p := plantest.York()
	c, err := plan.Compare(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	header, rows := comparisonRows(c, 1, 2)
	if want := []string{"Figure", "Plan", "Faster", "vs the plan"}; !reflect.DeepEqual(header, want) {
		t.Errorf("header %q, want %q", header, want)
	}
	want := [][]string{
		{"Workforce, Jun 2020", "26 WTE", "32 WTE", "+6 WTE"},
		{"Target, Jun 2020", "22 WTE", "22 WTE", "0 WTE"},
		{"Gap to the target, Jun 2020", "4 WTE", "10 WTE", "+6 WTE"},
	}
	for i, w := range want {
		if !reflect.DeepEqual(rows[i], w) {
			t.Errorf("row %d: %q, want %q", i, rows[i], w)
		}
	}
	pages := func(p *plan.Plan) int {
		pr, err := plan.Project(p, "")
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := Write(&buf, p, pr, plan.MonthOf(2020, 4)); err != nil {
			t.Fatal(err)
		}
		return len(regexp.MustCompile(`/Type /Page\b`).FindAll(buf.Bytes(), -1))
	}
	with := pages(p)
	p.Scenarios = nil
	if without := pages(p); with != without+1 {
		t.Errorf("%d pages with a scenario, %d without: want one more", with, without)
	}
}
