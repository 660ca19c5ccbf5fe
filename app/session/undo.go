package session

import (
	"bytes"
	"reflect"
	"slices"

	"example.org/psyplan/plan"
	"example.org/psyplan/planfile"
)

// MaxUndo is how many edits back undo goes: each step keeps a plan, and a
// national plan's copy is megabytes, so an evening of edits must not keep
// every one.
const MaxUndo = 200

// undoBudget is about how much of the plans' lists (posts, cohorts, …)
// the undo history keeps beyond the plan as it stands. An edit to a
// post of the national plan keeps a third of a megabyte, so 190 of them
// fit; an edit to a cohort keeps all 26,880 cohorts (2.2 MB; the rest of
// each cohort is shared with the plan after it), so about 30 of those
// fit. At 160 MB a version 3 national plan's window reached 931 MB over
// 1,000 edits.
const undoBudget = 64 << 20

// history is the undo history: the plan before each edit, newest last,
// at most MaxUndo steps and about budget bytes of lists, the oldest
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
	for len(h.steps)-drop > 1 && (len(h.steps)-drop > MaxUndo || total > h.budget) {
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
//
// The post lines and cohorts, the long lists, are compared field by field:
// reflect.DeepEqual took 30 ms over a national plan's 26,880 cohorts, on
// the UI goroutine, at every key typed.
func shareUnchanged(prev, next *plan.Plan) {
	next.Posts = shareElements(prev.Posts, next.Posts, samePostLine)
	next.Cohorts = shareElements(prev.Cohorts, next.Cohorts, sameCohort)
	a, b := reflect.ValueOf(prev).Elem(), reflect.ValueOf(next).Elem()
	for i := 0; i < b.NumField(); i++ {
		f, old := b.Field(i), a.Field(i)
		if f.Kind() != reflect.Slice || !f.CanSet() || f.Len() != old.Len() || f.Pointer() == old.Pointer() {
			continue
		}
		if reflect.DeepEqual(old.Interface(), f.Interface()) {
			f.Set(old)
		}
	}
}

// shareElements is next, or prev when they are the same list. Otherwise
// each element of next that is the same as prev's at its place takes
// prev's, with what it points to (a post line's funded changes, a
// cohort's drawn_from): an undo step then keeps only the list itself,
// the size unsharedBytes counts, not a copy of every element's parts.
func shareElements[E any](prev, next []E, same func(a, b E) bool) []E {
	if slices.EqualFunc(prev, next, same) {
		return prev
	}
	for i := range min(len(prev), len(next)) {
		if same(prev[i], next[i]) {
			next[i] = prev[i]
		}
	}
	return next
}

// samePostLine tells whether two post lines hold the same values. A field
// added to plan.PostLine must be added here (TestSameRecordKnowsEveryField
// fails until it is).
func samePostLine(a, b plan.PostLine) bool {
	return a.Profession == b.Profession && a.ServiceArea == b.ServiceArea && a.InPostWTE == b.InPostWTE &&
		samePtr(a.InPostHeadcount, b.InPostHeadcount) && a.FundedWTE == b.FundedWTE &&
		a.RecruitsWTEPerYear == b.RecruitsWTEPerYear && samePtr(a.LeaverRatePct, b.LeaverRatePct) &&
		slices.Equal(a.Changes, b.Changes)
}

// sameCohort tells whether two cohorts hold the same values (the one
// pointer, drawn_from, by what it points to).
func sameCohort(a, b plan.Cohort) bool {
	da, db := a.DrawnFrom, b.DrawnFrom
	a.DrawnFrom, b.DrawnFrom = nil, nil
	return a == b && samePtr(da, db)
}

func samePtr[T comparable](a, b *T) bool { return a == b || (a != nil && b != nil && *a == *b) }

// keptPlans is how many plans' undo histories are kept besides the open
// one's: switching between a few plans keeps each one's history, and a
// morning of opening plans one after another does not keep them all.
const keptPlans = 8

// keptHistory is the undo history of a plan that was open before: the
// plan as it was left, and its undo and redo steps.
type keptHistory struct {
	left *plan.Plan
	undo history
	redo []*plan.Plan
	when int64 // the order it was left in, to forget the oldest first
}

// keepHistory puts the open plan's undo history aside for when it is
// opened again, and starts the next plan with none.
func (s *Session) keepHistory() {
	if s.id != 0 && s.plan != nil && (s.undo.len() > 0 || len(s.redo) > 0) {
		s.leftCount++
		s.kept[s.id] = keptHistory{left: s.plan, undo: s.undo, redo: s.redo, when: s.leftCount}
		s.forgetOldHistories()
	}
	s.undo = history{budget: undoBudget}
	s.redo, s.lastEdit = nil, ""
}

// forgetOldHistories forgets the histories left longest ago beyond
// keptPlans, and beyond the undo budget, which the kept histories share
// with the open plan's: switching plans never makes undo keep more.
func (s *Session) forgetOldHistories() {
	for len(s.kept) > 0 {
		oldest, bytes := int64(0), s.undo.bytes()
		for id, k := range s.kept {
			bytes += k.undo.bytes()
			if oldest == 0 || k.when < s.kept[oldest].when {
				oldest = id
			}
		}
		if len(s.kept) <= keptPlans && bytes <= undoBudget {
			return
		}
		delete(s.kept, oldest)
	}
}

// restoreHistory gives plan id its history back, when the plan loaded (p)
// is the plan as it was left. same was worked out off the UI goroutine:
// a plan changed meanwhile (by an import, or the command line) starts
// afresh, since its steps would undo what someone else did.
func (s *Session) restoreHistory(id int64, same bool) {
	k, ok := s.kept[id]
	delete(s.kept, id)
	if !ok || !same {
		return
	}
	s.plan, s.undo, s.redo = k.left, k.undo, k.redo
}

// sameDocument tells whether two plans are written as the same plan file.
func sameDocument(a, b *plan.Plan) bool {
	da, errA := planfile.Write(a)
	db, errB := planfile.Write(b)
	return errA == nil && errB == nil && bytes.Equal(da, db)
}

// bytes is about how much the history keeps beyond the plan it undoes to.
func (h *history) bytes() int {
	n := 0
	for _, st := range h.steps {
		n += st.bytes
	}
	return n
}
