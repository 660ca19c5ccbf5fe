// Package kittest helps the windows' tests.
package kittest

import "sync"

// Deferred runs background work on goroutines of its own, as the
// application does, but holds each apply (the UI side) until the test
// settles them on its own goroutine: so a test sees the window between
// asking and answering.
type Deferred struct {
	mu      sync.Mutex
	working sync.WaitGroup
	applies []func()
}

// Run is the background runner the window is given.
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

// take waits for all work asked for so far and hands over its applies.
func (d *Deferred) take() []func() {
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
	for a := d.take(); len(a) > 0; a = d.take() {
		for _, apply := range a {
			apply()
		}
	}
}
