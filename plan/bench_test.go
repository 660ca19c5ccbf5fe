package plan_test

import (
	"testing"

	"example.org/psyplan/plan"
	"example.org/psyplan/plan/plantest"
)

// The engine alone on the national-scale plan: the target is 20 ms or less.
func BenchmarkProjectNational(b *testing.B) {
	p := plantest.National()
	if errs := plan.Validate(p); errs != nil {
		b.Fatal(errs)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := plan.Project(p, ""); err != nil {
			b.Fatal(err)
		}
	}
}

func TestNationalPlanIsValidAndNationalSized(t *testing.T) {
	p := plantest.National()
	if errs := plan.Validate(p); errs != nil {
		t.Fatal(errs)
	}
	if len(p.Posts) != 3360 || len(p.Cohorts) != 26880 {
		t.Fatalf("posts %d, cohorts %d", len(p.Posts), len(p.Cohorts))
	}
}

// The total row is the sum, in line order, of the line rows as they are
// read, to the last bit, however the engine splits its work.
func TestNationalTotalsAreSumsOfLineRows(t *testing.T) {
	p := plantest.National()
	pr, err := plan.Project(p, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []int{0, 1, 50, pr.Months() - 1} {
		var sum plan.Row
		for i := range pr.Lines {
			r := pr.Lines[i].Row(m)
			sum.InPost += r.InPost
			sum.Vacancies += r.Vacancies
			sum.Leavers += r.Leavers
			sum.Unplaced += r.Unplaced
			sum.PayCost += r.PayCost
			sum.InTraining += r.InTraining
		}
		got := pr.Total[m]
		if sum.InPost != got.InPost || sum.Vacancies != got.Vacancies || sum.Leavers != got.Leavers ||
			sum.Unplaced != got.Unplaced || sum.PayCost != got.PayCost || sum.InTraining != got.InTraining {
			t.Errorf("month %d: total %+v, sum of lines %+v", m, got, sum)
		}
	}
}
