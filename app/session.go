package app

import (
	"context"
	"fmt"
	"sync"

	"fyne.io/fyne/v2"

	"example.org/psyplan/plan"
	"example.org/psyplan/store"
)

// background runs work off the UI goroutine, then apply on it. Tests use
// inline, which does both at once, so they can check the result at once.
type background func(work, apply func())

// offUI is the window's background: one fyne.Do per piece of work.
func offUI(work, apply func()) {
	go func() {
		work()
		fyne.Do(apply)
	}()
}

func inline(work, apply func()) { work(); apply() }

// Session is the plan open in the window: its edits and their undo
// history, saving, and the projection the views show. Its methods are
// called on the UI goroutine.
type Session struct {
	lib  *store.Library
	run  background
	save *saver

	id       int64
	plan     *plan.Plan // never changed in place: an edit replaces it
	scenario string     // "" shows the plan itself
	undo     []*plan.Plan
	redo     []*plan.Plan
	lastEdit string // the field the last edit changed, to fold typing into one undo step

	projection *plan.Projection
	projSeq    int // the newest projection asked for; older answers are dropped

	changed   []func() // after the plan, the scenario or the projection changes
	onSaving  func()   // an edit is on its way to the library
	onSaved   func(err error)
	onProblem func(err error)
}

func newSession(lib *store.Library, run background, async bool) *Session {
	s := &Session{lib: lib, run: run}
	s.save = newSaver(func(id int64, p *plan.Plan) error { return lib.SavePlan(context.Background(), id, p) }, async)
	s.save.done = func(err error) {
		s.run(func() {}, func() {
			if s.onSaved != nil {
				s.onSaved(err)
			}
		})
	}
	return s
}

// OnChange adds a function called whenever the plan or its projection changes.
func (s *Session) OnChange(fn func()) { s.changed = append(s.changed, fn) }

func (s *Session) notify() {
	for _, fn := range s.changed {
		fn()
	}
}

// Plan is the plan as it stands; callers must not change it.
func (s *Session) Plan() *plan.Plan { return s.plan }

// ID is the open plan's id in the library, 0 when none is open.
func (s *Session) ID() int64 { return s.id }

// Scenario is the scenario the views show ("" for the plan itself).
func (s *Session) Scenario() string { return s.scenario }

// Projection is the latest projection of the plan (and scenario), or nil
// while the first is being made.
func (s *Session) Projection() *plan.Projection { return s.projection }

// Open shows plan id: loaded and projected off the UI goroutine.
func (s *Session) Open(id int64, done func(error)) {
	s.save.Flush()
	var p *plan.Plan
	var pr *plan.Projection
	var err error
	s.run(func() {
		if p, err = s.lib.LoadPlan(context.Background(), id); err == nil {
			pr, err = plan.Project(p, "")
		}
	}, func() {
		if err == nil {
			s.id, s.plan, s.scenario, s.projection = id, p, "", pr
			s.undo, s.redo, s.lastEdit = nil, nil, ""
			s.projSeq++
			s.lib.SetLastPlan(context.Background(), id)
			s.notify()
		}
		if done != nil {
			done(err)
		}
	})
}

// Close forgets the open plan (after it was deleted, say).
func (s *Session) Close() {
	s.save.Flush()
	s.id, s.plan, s.projection, s.undo, s.redo = 0, nil, nil, nil, nil
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
	if key == "" || key != s.lastEdit || len(s.undo) == 0 {
		s.undo = append(s.undo, s.plan)
	}
	s.lastEdit = key
	s.redo = nil
	s.replace(next)
	return nil
}

// replace makes p the plan, saves it and projects it.
func (s *Session) replace(p *plan.Plan) {
	s.plan = p
	if s.scenario != "" && p.Scenario(s.scenario) == nil {
		s.scenario = "" // the scenario shown was deleted or renamed
	}
	if s.onSaving != nil {
		s.onSaving()
	}
	s.save.Save(s.id, p)
	s.reproject()
	s.notify()
}

// Undo goes back one edit; false when there is none.
func (s *Session) Undo() bool {
	if len(s.undo) == 0 {
		return false
	}
	s.redo = append(s.redo, s.plan)
	prev := s.undo[len(s.undo)-1]
	s.undo = s.undo[:len(s.undo)-1]
	s.lastEdit = ""
	s.replace(prev)
	return true
}

// Redo goes forward again after Undo; false when there is nothing to redo.
func (s *Session) Redo() bool {
	if len(s.redo) == 0 {
		return false
	}
	s.undo = append(s.undo, s.plan)
	next := s.redo[len(s.redo)-1]
	s.redo = s.redo[:len(s.redo)-1]
	s.lastEdit = ""
	s.replace(next)
	return true
}

// CanUndo and CanRedo say whether the buttons do anything.
func (s *Session) CanUndo() bool { return len(s.undo) > 0 }
func (s *Session) CanRedo() bool { return len(s.redo) > 0 }

// SetScenario chooses the scenario the views show.
func (s *Session) SetScenario(name string) {
	if s.plan == nil || (name != "" && s.plan.Scenario(name) == nil) || name == s.scenario {
		return
	}
	s.scenario = name
	s.reproject()
	s.notify()
}

// reproject projects the plan off the UI goroutine; a newer edit's
// projection wins over an older one that finishes late.
func (s *Session) reproject() {
	s.projSeq++
	seq, p, scenario := s.projSeq, s.plan, s.scenario
	var pr *plan.Projection
	var err error
	s.run(func() { pr, err = plan.Project(p, scenario) }, func() {
		if seq != s.projSeq {
			return
		}
		if err != nil {
			if s.onProblem != nil {
				s.onProblem(err)
			}
			return
		}
		s.projection = pr
		s.notify()
	})
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
	async   bool // false in tests: Save writes before it returns
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
	s.mu.Lock()
	for s.busy {
		s.idle.Wait()
	}
	s.mu.Unlock()
}
