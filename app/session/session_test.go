package session

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"example.org/psyplan/app/session/sessiontest"
	"example.org/psyplan/charts"
	"example.org/psyplan/plan"
	"example.org/psyplan/plan/plantest"
	"example.org/psyplan/store"
)

// newLibrary is a library in a temporary folder holding the plans given,
// and their ids in order.
func newLibrary(t testing.TB, plans ...*plan.Plan) (*store.Library, []int64) {
	t.Helper()
	lib, err := store.Open(filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	var ids []int64
	for _, p := range plans {
		id, err := lib.CreatePlan(context.Background(), p)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	return lib, ids
}

// openYork is a session (background work done at once) on the York plan:
// 20 CBT WTE in March 2020, 2 recruits a month, 26 WTE in June.
func openYork(t *testing.T) (*Session, *store.Library, int64) {
	t.Helper()
	lib, ids := newLibrary(t, plantest.York())
	s := New(lib, Inline, false)
	s.Open(ids[0], func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	})
	t.Cleanup(s.Flush)
	return s, lib, ids[0]
}

func lastInPost(pr *plan.Projection) float64 { return pr.Total[len(pr.Total)-1].InPost }

func setRecruits(wte float64) func(*plan.Plan) error {
	return func(p *plan.Plan) error { p.Posts[0].RecruitsWTEPerYear = wte; return nil }
}

// Opening a plan projects it: York ends June 2020 with 26 WTE; an edit to
// 48 recruits a year (4 a month) ends it with 32, and the library has it.
func TestOpenEditProjectSave(t *testing.T) {
	s, lib, id := openYork(t)
	if got := lastInPost(s.Current()); got != 26 {
		t.Fatalf("York ends with %v WTE, want 26", got)
	}
	if err := s.Edit("recruits", setRecruits(48)); err != nil {
		t.Fatal(err)
	}
	if got := lastInPost(s.Current()); got != 32 {
		t.Errorf("after the edit York ends with %v WTE, want 32", got)
	}
	s.Flush()
	stored, err := lib.LoadPlan(context.Background(), id)
	if err != nil || stored.Posts[0].RecruitsWTEPerYear != 48 {
		t.Errorf("library holds %v recruits (%v)", stored.Posts[0].RecruitsWTEPerYear, err)
	}
}

// An edit that breaks a rule is refused, naming it, and changes nothing.
func TestAnInvalidEditChangesNothing(t *testing.T) {
	s, _, _ := openYork(t)
	before := s.Plan()
	err := s.Edit("", func(p *plan.Plan) error { p.Posts[0].InPostWTE = -5; return nil })
	if err == nil || !strings.Contains(err.Error(), "in_post_wte") {
		t.Errorf("error %v, want one naming in_post_wte", err)
	}
	if s.Plan() != before || s.CanUndo() {
		t.Error("the refused edit changed the plan or its history")
	}
}

// Every listener is told: two OnSaved functions both hear of each save,
// and OnSaving comes first.
func TestListenersAreLists(t *testing.T) {
	s, _, _ := openYork(t)
	var heard []string
	s.OnSaving(func() { heard = append(heard, "saving") })
	s.OnSaved(func(err error) { heard = append(heard, "window") })
	s.OnSaved(func(err error) { heard = append(heard, "roll-ups") })
	if err := s.Edit("", setRecruits(30)); err != nil {
		t.Fatal(err)
	}
	s.Flush()
	if want := []string{"saving", "window", "roll-ups"}; !slices.Equal(heard, want) {
		t.Errorf("heard %v, want %v", heard, want)
	}
}

// Typing "120" into one field is one undo step; another field starts a
// new one; redo goes forward again.
func TestUndoFoldsTypingIntoOneStep(t *testing.T) {
	s, _, _ := openYork(t)
	for _, v := range []float64{1, 12, 120} {
		if err := s.Edit("recruits", setRecruits(v)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Edit("in post", func(p *plan.Plan) error { p.Posts[0].InPostWTE = 21; return nil }); err != nil {
		t.Fatal(err)
	}
	s.Undo()
	if p := s.Plan().Posts[0]; p.InPostWTE != 20 || p.RecruitsWTEPerYear != 120 {
		t.Fatalf("one undo: %+v", p)
	}
	s.Undo()
	if got := s.Plan().Posts[0].RecruitsWTEPerYear; got != 24 || s.CanUndo() {
		t.Fatalf("two undos: %v recruits, can undo %v", got, s.CanUndo())
	}
	s.Redo()
	if got := s.Plan().Posts[0].RecruitsWTEPerYear; got != 120 || !s.CanRedo() {
		t.Errorf("redo: %v recruits, can redo %v", got, s.CanRedo())
	}
}

// editYorkThenOpenLeeds is a session that edited York (48 recruits a
// year) and then opened Leeds, a copy of York; ids are York's and Leeds'.
func editYorkThenOpenLeeds(t *testing.T) (*Session, *store.Library, []int64) {
	t.Helper()
	other := plantest.York()
	other.Name = "Leeds"
	lib, ids := newLibrary(t, plantest.York(), other)
	s := New(lib, Inline, false)
	t.Cleanup(s.Flush)
	s.Open(ids[0], nil)
	if err := s.Edit("", setRecruits(48)); err != nil {
		t.Fatal(err)
	}
	s.Open(ids[1], nil)
	return s, lib, ids
}

// Each plan keeps its undo history while the window stays open: edit
// York, open another plan and come back, and undo still goes back.
func TestEachPlanKeepsItsHistory(t *testing.T) {
	s, _, ids := editYorkThenOpenLeeds(t)
	if s.CanUndo() || s.Plan().Name != "Leeds" {
		t.Fatalf("Leeds opened with York's history (%q)", s.Plan().Name)
	}
	if err := s.Edit("", setRecruits(6)); err != nil {
		t.Fatal(err)
	}
	s.Open(ids[0], nil)
	if !s.CanUndo() || !s.Undo() || s.Plan().Posts[0].RecruitsWTEPerYear != 24 {
		t.Fatalf("York's undo lost: %v recruits", s.Plan().Posts[0].RecruitsWTEPerYear)
	}
	if got := lastInPost(s.Current()); got != 26 {
		t.Errorf("undone York ends with %v WTE, want 26", got)
	}
	s.Open(ids[1], nil)
	if !s.Undo() || s.Plan().Posts[0].RecruitsWTEPerYear != 24 || !s.CanRedo() {
		t.Errorf("Leeds' history lost")
	}
}

// A plan changed by someone else while another was open (an import, the
// command line) starts afresh: its old steps would undo their change.
func TestAHistoryOfAPlanChangedMeanwhileIsDropped(t *testing.T) {
	s, lib, ids := editYorkThenOpenLeeds(t)
	s.Flush()
	changed := plantest.York()
	changed.Posts[0].InPostWTE = 40
	if err := lib.SavePlan(context.Background(), ids[0], changed); err != nil {
		t.Fatal(err)
	}
	s.Open(ids[0], nil)
	if s.CanUndo() || s.Plan().Posts[0].InPostWTE != 40 {
		t.Errorf("York changed meanwhile: can undo %v, in post %v", s.CanUndo(), s.Plan().Posts[0].InPostWTE)
	}
}

// The history is bounded: 205 edits keep the last MaxUndo.
func TestUndoIsBounded(t *testing.T) {
	s, _, _ := openYork(t)
	for i := 1; i <= MaxUndo+5; i++ {
		if err := s.Edit("", setRecruits(float64(i))); err != nil {
			t.Fatal(err)
		}
	}
	undone := 0
	for s.Undo() {
		undone++
	}
	if got := s.Plan().Posts[0].RecruitsWTEPerYear; undone != MaxUndo || got != 5 {
		t.Errorf("undid %d edits back to %v recruits", undone, got)
	}
	for s.Redo() {
	}
	if got := s.Plan().Posts[0].RecruitsWTEPerYear; got != MaxUndo+5 {
		t.Errorf("redo back to %v", got)
	}
}

// An edit to a post shares the cohorts with the plan before it (one list,
// not a copy), and undo still gives back the post as it was.
func TestAnEditSharesWhatItLeftAlone(t *testing.T) {
	p := plantest.York()
	p.Cohorts = []plan.Cohort{{Profession: "cbt", ServiceArea: "Adult", Start: plan.MonthOf(2020, 4), DurationMonths: 1, Intake: 2, CompletionPct: 100, TakeupPct: 100}}
	lib, ids := newLibrary(t, p)
	s := New(lib, Inline, false)
	t.Cleanup(s.Flush)
	s.Open(ids[0], nil)
	before := s.Plan()
	if err := s.Edit("", func(p *plan.Plan) error { p.Posts[0].InPostWTE += 7; return nil }); err != nil {
		t.Fatal(err)
	}
	after := s.Plan()
	if &after.Cohorts[0] != &before.Cohorts[0] || &after.Posts[0] == &before.Posts[0] {
		t.Error("cohorts copied, or posts shared")
	}
	s.Undo()
	if s.Plan().Posts[0].InPostWTE != 20 {
		t.Error("undo did not give the post back")
	}
}

// Answers that land out of order: the older one is dropped, so the
// session holds the projection of the plan as it stands.
func TestAnOvertakenProjectionIsDropped(t *testing.T) {
	lib, ids := newLibrary(t, plantest.York())
	d := &sessiontest.Deferred{}
	s := New(lib, d.Run, false)
	s.Open(ids[0], nil)
	d.Settle()
	t.Cleanup(func() { s.Flush(); d.Settle() })
	for _, r := range []float64{12, 48} {
		if err := s.Edit("", setRecruits(r)); err != nil {
			t.Fatal(err)
		}
	}
	answers := d.Take()
	slices.Reverse(answers) // the newest lands first, the older after it
	for _, apply := range answers {
		apply()
	}
	d.Settle()
	if got := s.Current(); got == nil || lastInPost(got) != 32 {
		t.Errorf("shown projection is not of the plan as it stands: %v", got)
	}
}

// After Close nothing is answered: neither the projection of an edit
// made before it, nor a what-if.
func TestNothingIsAnsweredAfterClose(t *testing.T) {
	lib, ids := newLibrary(t, plantest.York())
	d := &sessiontest.Deferred{}
	s := New(lib, d.Run, false)
	s.Open(ids[0], nil)
	d.Settle()
	if err := s.Edit("", setRecruits(30)); err != nil {
		t.Fatal(err)
	}
	answered := false
	s.WhatIf(plan.WhatIf{RecruitFactor: 2}, plan.MonthOf(2020, 4), func(charts.Input) string { return "" },
		func(charts.Input, string, error) { answered = true })
	s.Close()
	d.Settle()
	if s.Plan() != nil || s.Projection() != nil || answered {
		t.Errorf("after Close: plan %v, projection %v, what-if answered %v", s.Plan() != nil, s.Projection() != nil, answered)
	}
}

// A panic in background work becomes a message said on the UI side; the
// apply of the work that panicked is never run.
func TestAPanicInBackgroundWorkIsSaid(t *testing.T) {
	got := make(chan string, 1)
	run := Background(func(f func()) { f() }, func(msg string) { got <- msg })
	run(func() { panic("the projection fell over") }, func() { t.Error("applied after a panic") })
	select {
	case msg := <-got:
		if !strings.Contains(msg, "the projection fell over") || !strings.Contains(msg, "carried on") {
			t.Errorf("message %q", msg)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the panic was never said")
	}
}

// A save that fails is said to OnSaved with the error, so the window can
// say the edit is not in the library.
func TestAFailedSaveIsSaid(t *testing.T) {
	s, lib, _ := openYork(t)
	var saveErr error
	s.OnSaved(func(err error) { saveErr = err })
	lib.Close()
	if err := s.Edit("", setRecruits(30)); err != nil {
		t.Fatal(err)
	}
	s.Flush()
	if saveErr == nil {
		t.Error("a save to a closed library was not said")
	}
}

// While a planner types, no band is started for a plan the next key has
// already replaced; once the plan stays as it is, its band is made.
func TestTypingStartsNoBand(t *testing.T) {
	p := plantest.York()
	p.Uncertainty = plantest.NationalV2().Uncertainty
	lib, ids := newLibrary(t, p)
	d := &sessiontest.Deferred{}
	s := New(lib, d.Run, true)
	t.Cleanup(func() { s.Flush(); d.Settle() })
	s.Open(ids[0], nil)
	for _, apply := range d.Take() { // opened: its band waits a moment
		apply()
	}
	if err := s.Edit("recruits", setRecruits(2)); err != nil { // a key typed meanwhile
		t.Fatal(err)
	}
	for _, apply := range d.Take() { // the pause after opening ends, and the edit's projection lands
		apply()
	}
	if s.BandRunning() {
		t.Fatal("a band was started for the plan before the key")
	}
	if err := s.Edit("recruits", setRecruits(20)); err != nil {
		t.Fatal(err)
	}
	d.Settle()
	if b := s.Band(); b == nil || b.Runs != BandRuns || s.Plan().Posts[0].RecruitsWTEPerYear != 20 {
		t.Errorf("no band of the plan as it stands: %v", b)
	}
}

// heldRunner keeps background work until the test runs it.
type heldRunner struct {
	mu    sync.Mutex
	works []func()
}

func (h *heldRunner) Run(work, apply func()) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.works = append(h.works, func() { work(); apply() })
}

// runAll runs the work held so far, and what it asks for in turn.
func (h *heldRunner) runAll() {
	for {
		h.mu.Lock()
		w := h.works
		h.works = nil
		h.mu.Unlock()
		if len(w) == 0 {
			return
		}
		for _, f := range w {
			f()
		}
	}
}

// The chart first, then the save: an edit is written to the library once
// its projection is made, so the two do not share the cores while the
// planner waits for the chart. (Without a projection it is written after
// a second all the same; that is not waited for here.)
func TestAnEditIsSavedAfterItsProjection(t *testing.T) {
	s, h, recruits := editWithProjectionHeld(t)
	time.Sleep(150 * time.Millisecond)
	if got := recruits(); got != 24 {
		t.Errorf("the library has %v recruits a year while the projection is still to make, want the 24 before the edit", got)
	}
	h.runAll()
	s.Flush()
	if got := recruits(); got != 30 {
		t.Errorf("the library has %v recruits a year after the projection, want 30", got)
	}
	h.runAll()
}

// Someone waiting for the save (switching plans, closing) does not wait
// for the projection too: Flush writes the edit while its projection is
// still to make.
func TestFlushDoesNotWaitForTheProjection(t *testing.T) {
	defer func(was time.Duration) { saveWaitsAtMost = was }(saveWaitsAtMost)
	saveWaitsAtMost = time.Hour
	s, h, recruits := editWithProjectionHeld(t)
	flushed := make(chan struct{})
	go func() { s.Flush(); close(flushed) }()
	select {
	case <-flushed:
	case <-time.After(10 * time.Second):
		t.Fatal("Flush waited for a projection that was never made")
	}
	if got := recruits(); got != 30 {
		t.Errorf("after Flush the library has %v recruits a year, want 30", got)
	}
	h.runAll()
}

// editWithProjectionHeld opens York in a session whose background work
// waits for the test, and sets its recruits to 30 a year: the edit's
// projection is held. recruits reads what the library has.
func editWithProjectionHeld(t *testing.T) (s *Session, h *heldRunner, recruits func() float64) {
	t.Helper()
	lib, ids := newLibrary(t, plantest.York())
	h = &heldRunner{}
	s = New(lib, h.Run, true)
	s.Open(ids[0], nil)
	h.runAll()
	if err := s.Edit("", setRecruits(30)); err != nil {
		t.Fatal(err)
	}
	return s, h, func() float64 {
		p, err := lib.LoadPlan(context.Background(), ids[0])
		if err != nil {
			t.Fatal(err)
		}
		return p.Posts[0].RecruitsWTEPerYear
	}
}
