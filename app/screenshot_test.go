package app

import (
	"testing"
	"time"
)

// The screenshot run's exit code is the one it hands over; a run that
// never hands one over (the window closed first) fails.
func TestScreenshotsExitCode(t *testing.T) {
	for _, want := range []int{0, 1} {
		code := make(chan int, 1)
		go func() { time.Sleep(20 * time.Millisecond); code <- want }()
		if got := screenshotsCode(code, 5*time.Second); got != want {
			t.Errorf("handed %d, exit %d", want, got)
		}
	}
	if got := screenshotsCode(make(chan int), 10*time.Millisecond); got != 1 {
		t.Errorf("no code handed over, exit %d", got)
	}
}
