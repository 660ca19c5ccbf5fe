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
type Deferred struct {
	mu      sync.Mutex
	working sync.WaitGroup
	applies []func()
}

func (d *Deferred) Run(work, apply func()) {
	d.working.Add(1)
	go func() {
		defer d.working.Done()
		work()
		d.mu.Lock()
		d.applies = append(d.applies, apply)
		d.mu.Unlock()
	}()
}

// Take waits for all work asked for so far and hands over its applies.
func (d *Deferred) Take() []func() {
	d.working.Wait()
	d.mu.Lock()
	defer d.mu.Unlock()
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
