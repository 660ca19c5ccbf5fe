package app

import (
	"sync"
)

// deferred runs background work on goroutines of its own, as the
// application does, but holds each apply (the UI side) until the test
// settles them on its own goroutine: so a test sees the window between
// asking and answering, and can hand answers back in any order.
type deferred struct {
	mu      sync.Mutex
	working sync.WaitGroup
	applies []func()
}

func (d *deferred) run(work, apply func()) {
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
func (d *deferred) take() []func() {
	d.working.Wait()
	d.mu.Lock()
	defer d.mu.Unlock()
	a := d.applies
	d.applies = nil
	return a
}

// settle applies every answer, and the answers those lead to, in the
// order the work finished, until nothing is left to do.
func (d *deferred) settle() {
	for a := d.take(); len(a) > 0; a = d.take() {
		for _, apply := range a {
			apply()
		}
	}
}
