package app

import "testing"

// Answers are handed to the UI while the window is open; one asked for
// before it closed but reaching the UI after, or asked for after, is
// dropped rather than drawn on a window that is gone (a projection that
// finished as the planner quit panicked in SetTitle).
func TestAnswersAfterTheWindowClosedAreDropped(t *testing.T) {
	var queued []func()
	run, closed := untilClosed(func(f func()) { queued = append(queued, f) })
	ran := 0
	run(func() { ran++ })
	queued[0]()
	run(func() { ran++ }) // asked for while open
	closed()
	queued[1]() // reaches the UI after the window closed
	run(func() { ran++ })
	queued[2]()
	if ran != 1 {
		t.Errorf("%d answers ran, want only the one that landed while the window was open", ran)
	}
}
