package session

import (
	"reflect"
	"testing"
	"unsafe"

	"example.org/psyplan/plan"
)

// The history forgets its oldest steps beyond the byte budget: a step
// that changed 100 cohorts keeps 100 cohorts' worth; one that changed a
// post keeps one post's worth.
func TestUndoHistoryKeepsWithinItsBudget(t *testing.T) {
	cohorts := make([]plan.Cohort, 100)
	cohortStep := 100 * int(unsafe.Sizeof(plan.Cohort{}))
	h := history{budget: 3*cohortStep + 100}
	p := &plan.Plan{Cohorts: cohorts, Posts: []plan.PostLine{{}}}
	for i := 0; i < 5; i++ { // five edits to a cohort: each plan has a list of its own
		next := *p
		next.Cohorts = append([]plan.Cohort(nil), p.Cohorts...)
		h.push(p, &next)
		p = &next
	}
	if h.len() != 3 || h.steps[0].bytes != cohortStep {
		t.Fatalf("%d steps kept (first %d bytes), want 3 of %d", h.len(), h.steps[0].bytes, cohortStep)
	}
	for i := 0; i < 10; i++ { // ten edits to the post: the cohorts are shared
		next := *p
		next.Posts = []plan.PostLine{{InPostWTE: float64(i)}}
		h.push(p, &next)
		p = &next
	}
	// ten posts' worth is over the 100 bytes to spare: the oldest cohort step goes
	if post := int(unsafe.Sizeof(plan.PostLine{})); h.len() != 12 || h.steps[1].bytes != cohortStep || h.steps[2].bytes != post {
		t.Errorf("%d steps: %d, %d, %d bytes", h.len(), h.steps[0].bytes, h.steps[1].bytes, h.steps[2].bytes)
	}
	for h.pop() != nil {
	}
	if h.len() != 0 || h.pop() != nil {
		t.Error("pop past the first step")
	}
}

// samePostLine and sameCohort compare field by field: a field added to a
// post line or a cohort must be compared too, or an edit to it alone would
// be shared away and lost. Each field changed alone makes a record differ.
func TestSameRecordKnowsEveryField(t *testing.T) {
	one := 1.0
	line := plan.PostLine{Profession: "cp", ServiceArea: "Adult", InPostWTE: 1, InPostHeadcount: &one, FundedWTE: 1,
		RecruitsWTEPerYear: 1, LeaverRatePct: &one, Changes: []plan.FundedChange{{Month: 1, FundedWTEDelta: 1}}}
	cohort := plan.Cohort{Profession: "cp", ServiceArea: "Adult", Start: 1, DurationMonths: 1, Intake: 1,
		CompletionPct: 1, TakeupPct: 1, DrawnFrom: &plan.DrawnFrom{Profession: "cp", Pct: 1}}
	eachFieldChanged(t, line, func(a, b plan.PostLine) bool { return samePostLine(a, b) })
	eachFieldChanged(t, cohort, func(a, b plan.Cohort) bool { return sameCohort(a, b) })
}

// eachFieldChanged checks that same sees a change to each field of rec
// (every field of rec set to a value other than its zero).
func eachFieldChanged[T any](t *testing.T, rec T, same func(a, b T) bool) {
	t.Helper()
	copyOf := func() T { // a deep enough copy: pointers and slices of its own
		c := rec
		v := reflect.ValueOf(&c).Elem()
		for i := 0; i < v.NumField(); i++ {
			switch f := v.Field(i); f.Kind() {
			case reflect.Pointer:
				p := reflect.New(f.Type().Elem())
				p.Elem().Set(f.Elem())
				f.Set(p)
			case reflect.Slice:
				f.Set(reflect.AppendSlice(reflect.MakeSlice(f.Type(), 0, f.Len()), f))
			}
		}
		return c
	}
	if !same(rec, copyOf()) {
		t.Fatalf("%T: a copy differs", rec)
	}
	v := reflect.ValueOf(rec)
	for i := 0; i < v.NumField(); i++ {
		c := copyOf()
		f := reflect.ValueOf(&c).Elem().Field(i)
		if f.IsZero() {
			t.Fatalf("%T.%s: set it in the test", rec, v.Type().Field(i).Name)
		}
		f.Set(reflect.Zero(f.Type()))
		if same(rec, c) {
			t.Errorf("%T.%s: a change to it alone is not seen", rec, v.Type().Field(i).Name)
		}
	}
}

// An edit to one cohort or one post line keeps a new list, but every
// other element of it is the plan before's, with what it points to: the
// undo step holds the list alone, not a copy of every drawn_from and
// every line's funded changes (17 MB over a national evening).
func TestEditSharesTheElementsItLeftAlone(t *testing.T) {
	prev := &plan.Plan{
		Posts: []plan.PostLine{{Profession: "cp", InPostWTE: 1, Changes: []plan.FundedChange{{Month: 5, FundedWTEDelta: 2}}},
			{Profession: "cp", InPostWTE: 2, Changes: []plan.FundedChange{{Month: 6, FundedWTEDelta: 3}}}},
		Cohorts: []plan.Cohort{{Profession: "cp", Intake: 4, DrawnFrom: &plan.DrawnFrom{Profession: "cp", Pct: 10}},
			{Profession: "cp", Intake: 5, DrawnFrom: &plan.DrawnFrom{Profession: "cp", Pct: 20}}},
	}
	next := prev.Clone()
	next.Posts[0].InPostWTE = 9
	next.Cohorts[1].Intake = 7
	shareUnchanged(prev, next)
	if &next.Posts[0] == &prev.Posts[0] || &next.Cohorts[0] == &prev.Cohorts[0] {
		t.Fatal("the changed lists are shared: the edit would change the plan before it")
	}
	if next.Posts[0].InPostWTE != 9 || prev.Posts[0].InPostWTE != 1 || next.Cohorts[1].Intake != 7 || prev.Cohorts[1].Intake != 5 {
		t.Fatalf("the edit is lost or leaked: posts %v / %v, cohorts %v / %v",
			next.Posts[0].InPostWTE, prev.Posts[0].InPostWTE, next.Cohorts[1].Intake, prev.Cohorts[1].Intake)
	}
	if &next.Posts[1].Changes[0] != &prev.Posts[1].Changes[0] {
		t.Error("the post line left alone has funded changes of its own")
	}
	if next.Cohorts[0].DrawnFrom != prev.Cohorts[0].DrawnFrom {
		t.Error("the cohort left alone has a drawn_from of its own")
	}
}
