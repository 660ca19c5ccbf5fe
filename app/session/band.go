package session

import (
	"context"
	"sync/atomic"
	"time"

	"example.org/psyplan/charts"
	"example.org/psyplan/plan"
)

// Band settings: the command line's defaults, so the window and
// `psyplan band` draw the same band; fewer runs for the workshop's
// what-ifs while a control is moving.
const (
	BandRuns       = plan.DefaultBandRuns
	BandSeed       = 1
	QuickBandRuns  = 200
	progressPoints = 50 // progress reports per band, at most
)

// WhatIfName is the name the workshop's what-if takes as a scenario.
const WhatIfName = "What-if (workshop)"

// bandState is the session's band of the plan (or scenario) shown: made
// off the UI goroutine once the projection has landed, cancelled and
// replaced when the plan or the scenario changes. It never holds the
// projection lock, so edits are projected while a national band is
// still being drawn (the edit cancels it and a new one starts).
type bandState struct {
	seq      atomic.Int64 // the newest band asked for
	cancel   context.CancelFunc
	band     *plan.Band
	of       *plan.Plan // the plan band is of
	scenario string
	running  bool
	changed  []func()             // the band landed, was cancelled or started
	progress func(done, runs int) // runs done of the band being made
	whatIf   atomic.Int64         // the newest what-if band asked for
	solve    atomic.Int64         // the newest question for the solver
	stopWI   context.CancelFunc   // cancels the what-if band being made
	post     func(apply func())   // reports progress on the UI goroutine; nil: not reported
	auto     bool                 // start a band after each projection (only when work is really in the background)
}

// OnBandChange adds a function called when the band starts, lands or stops.
func (s *Session) OnBandChange(fn func()) { s.bands.changed = append(s.bands.changed, fn) }

// OnBandProgress sets the function told how many runs of the band are done.
func (s *Session) OnBandProgress(fn func(done, runs int)) { s.bands.progress = fn }

func (s *Session) bandChanged() {
	for _, fn := range s.bands.changed {
		fn()
	}
}

// Band is the band of the plan and scenario shown as they stand, or nil
// (no uncertainty, still being made, or cancelled).
func (s *Session) Band() *plan.Band {
	if s.plan == nil || s.bands.of != s.plan || s.bands.scenario != s.scenario {
		return nil
	}
	return s.bands.band
}

// BandRunning tells whether a band is being made.
func (s *Session) BandRunning() bool { return s.bands.running }

// HasUncertainty tells whether the open plan has a band to draw.
func (s *Session) HasUncertainty() bool { return s.plan != nil && !s.plan.Uncertainty.Zero() }

// autoBand starts the band after a projection has landed, when work is
// really done in the background: done inline (most tests), a national
// plan's band would hold the caller for seconds after every edit.
//
// It waits bandPause first, and starts only if the plan is still the one
// projected: while a planner types "20000" each key's projection lands
// and the next key replaces it, and a band started and cancelled at every
// key would take the cores the next projection needs.
func (s *Session) autoBand() {
	if !s.bands.auto {
		return
	}
	if !s.HasUncertainty() || s.Band() != nil {
		s.StartBand() // nothing to make: says so at once
		return
	}
	p, scenario := s.plan, s.scenario
	s.run(func() { time.Sleep(bandPause) }, func() {
		if s.plan == p && s.scenario == scenario && s.projOf == p && !s.bands.running {
			s.StartBand()
		}
	})
}

// bandPause is how long the plan must stay as it is before its band is
// made by itself: longer than the gap between keys when typing.
const bandPause = 400 * time.Millisecond

// StartBand makes the band of the plan and scenario shown, off the UI
// goroutine, cancelling one still being made. A band overtaken by a newer
// one, or by CancelBand, is dropped when it lands.
func (s *Session) StartBand() {
	s.stopBand()
	if !s.HasUncertainty() {
		s.bandChanged()
		return
	}
	if s.Band() != nil {
		return // this plan's band is drawn already
	}
	seq, p, scenario := s.bands.seq.Load(), s.plan, s.scenario
	ctx, cancel := context.WithCancel(plan.SpareACore(context.Background())) // the window keeps a core
	s.bands.cancel, s.bands.running = cancel, true
	var b *plan.Band
	var err error
	s.run(func() {
		b, err = plan.MakeBand(ctx, p, scenario, BandRuns, BandSeed, s.bandProgress(seq))
	}, func() {
		if seq != s.bands.seq.Load() {
			return // cancelled or overtaken: its numbers are of another plan
		}
		cancel()
		s.bands.running, s.bands.cancel = false, nil
		if err == nil {
			s.bands.band, s.bands.of, s.bands.scenario = b, p, scenario
		} else {
			s.problem(err)
		}
		s.bandChanged()
	})
	s.bandChanged()
}

// CancelBand stops the band being made; the chart goes on without one.
func (s *Session) CancelBand() {
	if s.bands.running {
		s.stopBand()
		s.bandChanged()
	}
}

// stopBand cancels the band being made and makes any answer still on its
// way stale.
func (s *Session) stopBand() {
	s.bands.seq.Add(1)
	if s.bands.cancel != nil {
		s.bands.cancel()
	}
	s.bands.cancel, s.bands.running = nil, false
}

// bandProgress reports runs done a few dozen times a band, on the UI
// goroutine, while band seq is still the one wanted. Workers call it.
func (s *Session) bandProgress(seq int64) func(int) {
	post, report := s.bands.post, s.bands.progress
	if post == nil || report == nil {
		return nil
	}
	step := max(BandRuns/progressPoints, 1)
	return func(done int) {
		if done%step != 0 && done != BandRuns {
			return
		}
		post(func() { // reports can land after the band itself: then they are of no use
			if seq == s.bands.seq.Load() && s.bands.running {
				report(done, BandRuns)
			}
		})
	}
}

// WhatIfBand makes the band of the plan under the workshop's what-if with
// runs runs, off the UI goroutine, cancelling the one being made; done
// gets it on the UI goroutine unless a newer one was asked for, the plan
// changed or the session closed. With no what-if, the plan's own band
// (when drawn) answers at once.
func (s *Session) WhatIfBand(w plan.WhatIf, runs int, done func(*plan.Band, error)) {
	seq, p := s.bands.whatIf.Add(1), s.plan
	if s.bands.stopWI != nil {
		s.bands.stopWI()
	}
	if p == nil || p.Uncertainty.Zero() {
		return
	}
	if own := &s.bands; w.None() && own.of == p && own.scenario == "" && own.band != nil {
		done(own.band, nil)
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.bands.stopWI = cancel
	var b *plan.Band
	var err error
	s.run(func() {
		trial, name := p, ""
		if !w.None() {
			trial = p.Clone()
			name = trial.UniqueScenarioName(WhatIfName)
			trial.Scenarios = append(trial.Scenarios, w.Scenario(trial, name))
		}
		b, err = plan.MakeBand(ctx, trial, name, runs, BandSeed, nil)
	}, func() {
		if seq != s.bands.whatIf.Load() || p != s.plan {
			return
		}
		cancel()
		done(b, err)
	})
}

// Solve answers the question off the UI goroutine (a national plan takes
// a few tenths of a second); done gets the answer on the UI goroutine
// unless the plan changed or a newer question was asked meanwhile.
func (s *Session) Solve(q plan.Question, done func(plan.Answer, error)) {
	seq, p := s.bands.solve.Add(1), s.plan
	if p == nil {
		return
	}
	var a plan.Answer
	var err error
	s.run(func() { a, err = plan.Solve(p, q) }, func() {
		if seq != s.bands.solve.Load() || p != s.plan {
			return
		}
		done(a, err)
	})
}

// SolveAndProject answers the question and projects its solved scenario,
// for the workshop's answer slide: done gets the answer and the growth
// chart's input (the solved scenario against the plan) on the UI goroutine,
// unless the plan changed or a newer question was asked meanwhile.
func (s *Session) SolveAndProject(q plan.Question, today plan.Month, done func(plan.Answer, charts.Input, error)) {
	seq, p := s.bands.solve.Add(1), s.plan
	if p == nil {
		return
	}
	var a plan.Answer
	var in charts.Input
	var err error
	s.run(func() {
		if a, err = plan.Solve(p, q); err != nil {
			return
		}
		in, err = answerInput(p, a, today)
	}, func() {
		if seq != s.bands.solve.Load() || p != s.plan {
			return
		}
		done(a, in, err)
	})
}

// answerInput is the growth chart of the answer's solved scenario against
// the plan (or its base scenario); just the plan when nothing needs to rise.
func answerInput(p *plan.Plan, a plan.Answer, today plan.Month) (charts.Input, error) {
	own, err := plan.Project(p, a.Scenario)
	if err != nil || !a.Reachable || a.Pct == 0 {
		return charts.Input{Plan: p, Projection: own, Today: today}, err
	}
	trial := p.Clone()
	solved := a.Solved
	solved.Name = trial.UniqueScenarioName(a.ScenarioName())
	trial.Scenarios = append(trial.Scenarios, solved)
	pr, err := plan.Project(trial, solved.Name)
	return charts.Input{Plan: trial, Projection: pr, Today: today, Compare: []*plan.Projection{own}}, err
}
