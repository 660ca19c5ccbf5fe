package app

import (
	"reflect"

	"example.org/psyplan/plan"
)

// maxUndo is how many edits back undo goes: each step keeps a plan, and a
// national plan's copy is megabytes, so an evening of edits must not keep
// every one.
const maxUndo = 200

// undoBudget is about how much of the plans' lists (posts, cohorts, …)
// the undo history keeps beyond the plan as it stands. An edit to a
// post of the national plan keeps a third of a megabyte, so 200 of them
// fit; an edit to a cohort keeps all 26,880 cohorts (2.2 MB), so about 70
// of those fit.
const undoBudget = 160 << 20

// history is the undo history: the plan before each edit, newest last,
// at most maxUndo steps and about budget bytes of lists, the oldest
// forgotten first.
type history struct {
	steps  []step
	budget int
}

// step is a plan undo goes back to, and about what it keeps alive: the
// lists it does not share with the plan after it.
type step struct {
	plan  *plan.Plan
	bytes int
}

// push adds p, the plan before next, forgetting the oldest steps beyond
// the bounds (and letting go of them: nothing in the array keeps them).
func (h *history) push(p, next *plan.Plan) {
	h.steps = append(h.steps, step{plan: p, bytes: unsharedBytes(p, next)})
	total := 0
	for _, st := range h.steps {
		total += st.bytes
	}
	drop := 0
	for len(h.steps)-drop > 1 && (len(h.steps)-drop > maxUndo || total > h.budget) {
		total -= h.steps[drop].bytes
		drop++
	}
	if drop > 0 {
		n := copy(h.steps, h.steps[drop:])
		clear(h.steps[n:])
		h.steps = h.steps[:n]
	}
}

// pop takes the newest step off, nil when there is none.
func (h *history) pop() *plan.Plan {
	if len(h.steps) == 0 {
		return nil
	}
	last := h.steps[len(h.steps)-1].plan
	h.steps[len(h.steps)-1] = step{}
	h.steps = h.steps[:len(h.steps)-1]
	return last
}

func (h *history) len() int { return len(h.steps) }

func (h *history) clear() { h.steps = nil }

// unsharedBytes is about the size of p's lists that q does not share (a
// list's elements, not what they point to).
func unsharedBytes(p, q *plan.Plan) int {
	a, b := reflect.ValueOf(p).Elem(), reflect.ValueOf(q).Elem()
	n := 0
	for i := 0; i < a.NumField(); i++ {
		f := a.Field(i)
		if f.Kind() == reflect.Slice && f.Len() > 0 && f.Pointer() != b.Field(i).Pointer() {
			n += f.Len() * int(f.Type().Elem().Size())
		}
	}
	return n
}

// shareUnchanged lets next use prev's lists (posts, cohorts, …) wherever
// the edit left them as they were, so an undo step keeps only the lists
// an edit changed: a national plan's 26,880 cohorts are not copied for an
// edit to a post. Plans are never changed in place (an edit changes a
// Clone), so sharing is safe.
func shareUnchanged(prev, next *plan.Plan) {
	a, b := reflect.ValueOf(prev).Elem(), reflect.ValueOf(next).Elem()
	for i := 0; i < b.NumField(); i++ {
		f, old := b.Field(i), a.Field(i)
		if f.Kind() == reflect.Slice && f.CanSet() && f.Len() == old.Len() && reflect.DeepEqual(old.Interface(), f.Interface()) {
			f.Set(old)
		}
	}
}
