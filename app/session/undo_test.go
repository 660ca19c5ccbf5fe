package session

import (
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
