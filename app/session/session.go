// Package session is the plan open in the window: its edits and undo
// history, saving, and every projection, band and answer the window
// shows, made off the UI goroutine. It does not import Fyne: the window
// hands it a Runner whose applies run on the UI goroutine, so it is tested
// without a window.
package session

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"example.org/psyplan/charts"
	"example.org/psyplan/plan"
	"example.org/psyplan/store"
)

// Runner runs work off the UI goroutine, then apply on it. Most tests use
// Inline, which does both at once, so they can check the result at once;
// the tests of the background itself hold the applies back
// (sessiontest.Deferred).
type Runner func(work, apply func())

// Inline does the work and its apply at once, on the caller's goroutine.
func Inline(work, apply func()) { work(); apply() }

// Background is the window's Runner: each piece of work on a goroutine of
// its own, and its apply handed to onUI (fyne.Do). A panic in the work is
// not a crash: caught is told, on the UI goroutine, what it said, and the
// stack goes to standard error for whoever looks into it.
func Background(onUI func(func()), caught func(msg string)) Runner {
	return func(work, apply func()) {
		go func() {
			defer recoverWork(onUI, caught)
			work()
			onUI(apply)
		}()
	}
}

func recoverWork(onUI func(func()), caught func(msg string)) {
	r := recover()
	if r == nil {
		return
	}
	fmt.Fprintf(os.Stderr, "psyplan: background work failed: %v\n%s", r, debug.Stack())
	msg := fmt.Sprintf("Something went wrong working in the background (%v); PsyPlan carried on, but the figures shown may be out of date: close and open the plan again.", r)
	onUI(func() { caught(msg) })
}

// Session is the plan open in the window: its edits and their undo
// history, saving, and every projection the window shows (the scenario
// shown, the others when comparing, and workshop what-ifs). Projections
// are made off the UI goroutine, one at a time, and each lands with one
// apply; an answer to a request that a newer one (or Close) has overtaken
// is dropped. Its methods are called on the UI goroutine.
type Session struct {
	lib  *store.Library
	run  Runner
	save *saver

	id        int64
	plan      *plan.Plan // never changed in place: an edit replaces it
	scenario  string     // "" shows the plan itself
	undo      history
	redo      []*plan.Plan
	lastEdit  string                // the field the last edit changed, to fold typing into one undo step
	kept      map[int64]keptHistory // the undo history of each plan opened before, while the window stays open
	leftCount int64                 // plans left so far, to order kept histories
	compare   bool                  // project the plan's other scenarios too

	projection *plan.Projection   // of scenario
	projOf     *plan.Plan         // the plan projection is of
	others     []*plan.Projection // the other scenarios' (the plan itself first), when comparing
	own        *plan.Projection   // the plan itself's, kept for what-ifs while the plan is unchanged

	// Sequence numbers: the newest request of each kind. Written on the
	// UI goroutine, read by the work too, so a request overtaken before
	// its turn is never projected at all.
	openSeq, projSeq, whatIfSeq atomic.Int64
	projecting                  sync.Mutex   // one projection at a time: two cores, 30 MB each
	inFlight                    atomic.Int32 // projections asked for and not yet made (or found overtaken)
	bands                       bandState    // the low-high band, made after each projection (band.go)

	changed  []func()          // after the plan, the scenario or the projection changes
	saving   []func()          // an edit is on its way to the library
	saved    []func(err error) // an edit reached the library, or failed to
	problems []func(err error) // background work failed
}

// New is the session of a window on library lib. run and async choose how
// background work runs: Background and true in the application, Inline
// and false in most tests (then saving is done before Edit returns and no
// band is started by itself).
func New(lib *store.Library, run Runner, async bool) *Session {
	s := &Session{lib: lib, run: run, undo: history{budget: undoBudget}, kept: map[int64]keptHistory{}}
	if async { // the band is made, and its progress reported, only when really in the background
		s.bands.post = func(apply func()) { run(func() {}, apply) }
		s.bands.auto = true
	}
	s.save = newSaver(func(id int64, p *plan.Plan) error {
		if async {
			s.awaitProjections(saveWaitsAtMost)
		}
		return lib.SavePlan(context.Background(), id, p)
	}, async)
	s.save.done = func(err error) {
		s.run(func() {}, func() {
			for _, fn := range s.saved {
				fn(err)
			}
		})
	}
	return s
}

// saveWaitsAtMost is how long a save waits for the projections asked for
// before it. Writing a national plan takes a core for 50 ms; while the
// chart's projection needs both, the planner would see the chart late
// for it. Typing without a pause still saves about every second.
var saveWaitsAtMost = time.Second // a variable for the tests

// awaitProjections waits until no projection is being made, or limit has
// passed, or someone waits for the save (Flush): the chart first, then
// the save.
func (s *Session) awaitProjections(limit time.Duration) {
	for waited := time.Duration(0); s.inFlight.Load() > 0 && waited < limit && !s.save.hurry.Load(); waited += 5 * time.Millisecond {
		time.Sleep(5 * time.Millisecond)
	}
}

// OnSaving adds a function called when an edit is on its way to the library.
func (s *Session) OnSaving(fn func()) { s.saving = append(s.saving, fn) }

// OnSaved adds a function called, on the UI goroutine, when an edit has
// been written to the library (err nil) or could not be.
func (s *Session) OnSaved(fn func(err error)) { s.saved = append(s.saved, fn) }

// OnProblem adds a function told what went wrong in background work.
func (s *Session) OnProblem(fn func(err error)) { s.problems = append(s.problems, fn) }

// OnChange adds a function called whenever the plan or its projection changes.
func (s *Session) OnChange(fn func()) { s.changed = append(s.changed, fn) }

func (s *Session) notify() {
	for _, fn := range s.changed {
		fn()
	}
}

func (s *Session) problem(err error) {
	if err == nil {
		return
	}
	for _, fn := range s.problems {
		fn(err)
	}
}

// Plan is the plan as it stands; callers must not change it.
func (s *Session) Plan() *plan.Plan { return s.plan }

// ID is the open plan's id in the library, 0 when none is open.
func (s *Session) ID() int64 { return s.id }

// Scenario is the scenario the views show ("" for the plan itself).
func (s *Session) Scenario() string { return s.scenario }

// Projection is the latest projection of the plan (and scenario), or nil
// while the first is being made. Just after an edit it is still the
// projection of the plan before it, until the new one lands.
func (s *Session) Projection() *plan.Projection { return s.projection }

// Current is the projection of the plan exactly as it stands, or nil
// while that is being made.
func (s *Session) Current() *plan.Projection {
	if s.projOf != s.plan {
		return nil
	}
	return s.projection
}

// Compared are the projections of the scenarios not shown (the plan
// itself first) while comparing is on, as of the latest projection.
func (s *Session) Compared() []*plan.Projection { return s.others }

// SetCompare turns projecting the other scenarios on or off.
func (s *Session) SetCompare(on bool) {
	if on == s.compare {
		return
	}
	s.compare = on
	if !on {
		s.others = nil
		s.notify()
		return
	}
	if s.plan != nil {
		s.reproject()
	}
}

// projections is one answer: everything the window shows of one plan.
type projections struct {
	shown, own *plan.Projection
	others     []*plan.Projection
}

// project makes the projections of p with scenario shown, unless request
// seq has been overtaken by the time its turn comes (then it is stale).
func (s *Session) project(seq int64, p *plan.Plan, scenario string, compare bool) (prs projections, stale bool, err error) {
	s.projecting.Lock()
	defer s.projecting.Unlock()
	if s.overtaken(seq) {
		return prs, true, nil
	}
	if prs.shown, err = plan.Project(p, scenario); err != nil {
		return prs, false, err
	}
	if scenario == "" {
		prs.own = prs.shown
	}
	if !compare {
		return prs, false, nil
	}
	var errs []error
	for _, name := range append([]string{""}, p.ScenarioNames()...) {
		if name == scenario {
			continue
		}
		other, err := plan.Project(p, name)
		if err != nil {
			errs = append(errs, fmt.Errorf("cannot compare %s: %w", ScenarioLabel(name), err))
			continue
		}
		prs.others = append(prs.others, other)
	}
	return prs, false, errors.Join(errs...)
}

// overtaken tells whether a newer projection was asked for since request
// seq. Its answer is then let go at once, not when the UI gets to it: a
// national projection is 60 MB, and typing asks for one after another
// (seven were held at once, 390 MB, in 400 quick edits).
func (s *Session) overtaken(seq int64) bool { return seq != s.projSeq.Load() }

// ScenarioLabel names a scenario, or the plan itself, in a sentence.
func ScenarioLabel(name string) string {
	if name == "" {
		return "the plan itself"
	}
	return fmt.Sprintf("the scenario %q", name)
}

// keep makes answer prs of plan p the session's projections.
func (s *Session) keep(p *plan.Plan, prs projections) {
	if prs.own != nil || s.projOf != p {
		s.own = prs.own // the plan's own projection of an older plan is of no use
	}
	s.projection, s.projOf, s.others = prs.shown, p, prs.others
}

// Open shows plan id: loaded and projected off the UI goroutine. done is
// called with the outcome, unless another Open or a Close came first.
func (s *Session) Open(id int64, done func(error)) {
	s.save.Flush()
	seq, pseq, compare := s.openSeq.Add(1), s.projSeq.Add(1), s.compare
	left := s.kept[id].left
	if id == s.id {
		left = s.plan
	}
	var p *plan.Plan
	var prs projections
	var same bool
	var err, lastErr error
	s.run(func() {
		ctx := context.Background()
		if p, err = s.lib.LoadPlan(ctx, id); err != nil {
			return
		}
		if left != nil && sameDocument(left, p) {
			p, same = left, true // the plan as it was left: its undo steps still apply
		}
		lastErr = s.lib.SetLastPlan(ctx, id)
		prs, _, err = s.project(pseq, p, "", compare)
	}, func() {
		if seq != s.openSeq.Load() {
			return
		}
		if err == nil {
			s.projSeq.Add(1) // what was asked for the plan before is of no use now
			s.keepHistory()
			s.id, s.plan, s.scenario = id, p, ""
			s.keep(p, prs)
			s.restoreHistory(id, same)
			s.whatIfSeq.Add(1)
			s.notify()
			s.autoBand()
		}
		if done != nil {
			done(err)
		}
		if lastErr != nil {
			s.problem(fmt.Errorf("the library could not note the plan to open next time: %w", lastErr))
		}
	})
}

// Close forgets the open plan (after it was deleted, say). Nothing asked
// for before is answered after it.
func (s *Session) Close() {
	s.save.Flush()
	s.openSeq.Add(1)
	s.projSeq.Add(1)
	s.whatIfSeq.Add(1)
	s.keepHistory()
	s.id, s.plan, s.scenario = 0, nil, ""
	s.projection, s.projOf, s.others, s.own = nil, nil, nil, nil
	s.stopBand()
	s.bands.whatIf.Add(1)
	s.notify()
}

// Edit changes the plan: fn edits a copy, which is kept only if it is
// valid; then it is saved and projected. An edit to the same field as
// the one before (key) joins its undo step, so typing "120" is one step.
// The error names every rule the copy breaks, in the plan file's words.
func (s *Session) Edit(key string, fn func(p *plan.Plan) error) error {
	if s.plan == nil {
		return fmt.Errorf("no plan is open")
	}
	next := s.plan.Clone()
	if err := fn(next); err != nil {
		return err
	}
	if errs := plan.Validate(next); errs != nil {
		return errs
	}
	shareUnchanged(s.plan, next)
	if key == "" || key != s.lastEdit || s.undo.len() == 0 {
		s.undo.push(s.plan, next)
		s.forgetOldHistories()
	}
	s.lastEdit = key
	s.redo = nil
	s.replace(next)
	return nil
}

// replace makes p the plan, saves it and projects it.
func (s *Session) replace(p *plan.Plan) {
	s.plan = p
	s.CancelBand() // of the plan before: its work would slow this plan's projection
	if s.scenario != "" && p.Scenario(s.scenario) == nil {
		s.scenario = "" // the scenario shown was deleted or renamed
	}
	for _, fn := range s.saving {
		fn()
	}
	s.reproject() // asked first, so the save waits for it
	s.save.Save(s.id, p)
	s.notify()
}

// Undo goes back one edit; false when there is none.
func (s *Session) Undo() bool {
	prev := s.undo.pop()
	if prev == nil {
		return false
	}
	s.redo = append(s.redo, s.plan)
	s.lastEdit = ""
	s.replace(prev)
	return true
}

// Redo goes forward again after Undo; false when there is nothing to redo.
func (s *Session) Redo() bool {
	if len(s.redo) == 0 {
		return false
	}
	next := s.redo[len(s.redo)-1]
	s.undo.push(s.plan, next)
	s.redo[len(s.redo)-1] = nil
	s.redo = s.redo[:len(s.redo)-1]
	s.lastEdit = ""
	s.replace(next)
	return true
}

// CanUndo and CanRedo say whether the buttons do anything.
func (s *Session) CanUndo() bool { return s.undo.len() > 0 }
func (s *Session) CanRedo() bool { return len(s.redo) > 0 }

// SetScenario chooses the scenario the views show.
func (s *Session) SetScenario(name string) {
	if s.plan == nil || (name != "" && s.plan.Scenario(name) == nil) || name == s.scenario {
		return
	}
	s.scenario = name
	s.CancelBand() // of the scenario before
	s.reproject()
	s.notify()
}

// reproject projects the plan off the UI goroutine; a newer edit's
// projection wins over an older one, which is not made at all if the
// newer one is asked for before its turn.
func (s *Session) reproject() {
	seq, p, scenario, compare := s.projSeq.Add(1), s.plan, s.scenario, s.compare
	var prs projections
	var stale bool
	var err error
	s.inFlight.Add(1)
	s.run(func() {
		defer s.inFlight.Add(-1)
		prs, stale, err = s.project(seq, p, scenario, compare)
		if s.overtaken(seq) {
			prs, stale = projections{}, true
		}
	}, func() {
		if stale || s.overtaken(seq) {
			return
		}
		if prs.shown != nil {
			s.keep(p, prs)
			s.notify()
			s.autoBand()
		}
		s.problem(err)
	})
}

// WhatIf projects the plan under w off the UI goroutine, against the
// plan's own projection (made too, if the session has none of this plan),
// and describe says it in words there too. done gets the chart input
// and the words on the UI goroutine, unless the plan changed, the session
// was closed or a newer what-if was asked for meanwhile.
func (s *Session) WhatIf(w plan.WhatIf, today plan.Month, describe func(charts.Input) string, done func(charts.Input, string, error)) {
	seq, p, own := s.whatIfSeq.Add(1), s.plan, s.own
	if p == nil {
		return
	}
	if s.projOf != p {
		own = nil
	}
	var in charts.Input
	var words string
	var err error
	s.run(func() {
		s.projecting.Lock()
		defer s.projecting.Unlock()
		if seq != s.whatIfSeq.Load() {
			return
		}
		if own == nil {
			if own, err = plan.Project(p, ""); err != nil {
				return
			}
		}
		if in, err = whatIfInput(p, own, w, today); err == nil {
			words = describe(in)
		}
	}, func() {
		if seq != s.whatIfSeq.Load() || p != s.plan {
			return
		}
		if err == nil && s.projOf == p {
			s.own = own
		}
		done(in, words, err)
	})
}

// whatIfInput is the chart input of the plan under the what-if, with the
// plan itself compared when the what-if changes anything.
func whatIfInput(p *plan.Plan, pr *plan.Projection, w plan.WhatIf, today plan.Month) (charts.Input, error) {
	in := charts.Input{Plan: p, Today: today, Projection: pr}
	if w.None() {
		return in, nil
	}
	trial := p.Clone()
	trial.Scenarios = append(trial.Scenarios, w.Scenario(trial, trial.UniqueScenarioName(WhatIfName)))
	wp, err := plan.Project(trial, trial.Scenarios[len(trial.Scenarios)-1].Name)
	in.Plan, in.Projection, in.Compare = trial, wp, []*plan.Projection{pr}
	return in, err
}

// Flush waits until every edit is in the library.
func (s *Session) Flush() { s.save.Flush() }

// saver writes plans to the library on its own goroutine, one at a time,
// and only the newest version of each: ten quick edits to a big plan make
// one or two writes, not ten.
type saver struct {
	mu      sync.Mutex
	idle    *sync.Cond
	pending map[int64]*plan.Plan
	order   []int64
	busy    bool
	async   bool        // false in tests: Save writes before it returns
	hurry   atomic.Bool // Flush is waiting: write without waiting for projections
	write   func(id int64, p *plan.Plan) error
	done    func(err error)
}

func newSaver(write func(int64, *plan.Plan) error, async bool) *saver {
	s := &saver{pending: map[int64]*plan.Plan{}, write: write, async: async}
	s.idle = sync.NewCond(&s.mu)
	return s
}

// Save queues plan p as the newest version of plan id.
func (s *saver) Save(id int64, p *plan.Plan) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, queued := s.pending[id]; !queued {
		s.order = append(s.order, id)
	}
	s.pending[id] = p
	if !s.busy {
		s.busy = true
		if s.async {
			go s.loop()
		} else {
			defer s.loopUnlocked()
		}
	}
}

// loopUnlocked runs the loop after Save's lock is released.
func (s *saver) loopUnlocked() {
	s.mu.Unlock()
	s.loop()
	s.mu.Lock()
}

func (s *saver) loop() {
	for {
		s.mu.Lock()
		if len(s.order) == 0 {
			s.busy = false
			s.idle.Broadcast()
			s.mu.Unlock()
			return
		}
		id := s.order[0]
		s.order = s.order[1:]
		p := s.pending[id]
		delete(s.pending, id)
		s.mu.Unlock()
		err := s.write(id, p)
		if s.done != nil {
			s.done(err)
		}
	}
}

// Flush waits until everything queued is written.
func (s *saver) Flush() {
	s.hurry.Store(true)
	defer s.hurry.Store(false)
	s.mu.Lock()
	for s.busy {
		s.idle.Wait()
	}
	s.mu.Unlock()
}
