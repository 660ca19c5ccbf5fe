// Package sessiontest holds the session's test runner: background work on
// goroutines of its own, its applies held until the test settles them.
package sessiontest

import (
	"sync"
)

// Deferred runs background work on goroutines of its own, as the
// application does, but holds each apply (the UI side) until the test
// settles them on its own goroutine: so a test sees the window between
// asking and answering, and can hand answers back in any order.
//
// Work is counted under a lock rather than with a sync.WaitGroup: work
// may be asked for from another goroutine (the band's pause ends on a
// timer) while Take waits, which a WaitGroup does not allow.
type Deferred struct {
	mu      sync.Mutex
	idle    sync.Cond
	working int
	applies []func()
}

func (d *Deferred) Run(work, apply func()) {
	d.mu.Lock()
	if d.idle.L == nil { // set once, before anyone can wait on it
		d.idle.L = &d.mu
	}
	d.working++
	d.mu.Unlock()
	go func() {
		defer d.done()
		work()
		d.mu.Lock()
		d.applies = append(d.applies, apply)
		d.mu.Unlock()
	}()
}

func (d *Deferred) done() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.working--
	if d.working == 0 {
		d.idle.Broadcast()
	}
}

// Take waits for all work asked for so far and hands over its applies.
func (d *Deferred) Take() []func() {
	d.mu.Lock()
	defer d.mu.Unlock()
	for d.working > 0 { // then Run has given idle its lock
		d.idle.Wait()
	}
	a := d.applies
	d.applies = nil
	return a
}

// Settle applies every answer, and the answers those lead to, in the
// order the work finished, until nothing is left to do.
func (d *Deferred) Settle() {
	for a := d.Take(); len(a) > 0; a = d.Take() {
		for _, apply := range a {
			apply()
		}
	}
}

// Landed hands over the applies of the work finished so far, without
// waiting for the rest.
func (d *Deferred) Landed() []func() {
	d.mu.Lock()
	defer d.mu.Unlock()
	a := d.applies
	d.applies = nil
	return a
}
