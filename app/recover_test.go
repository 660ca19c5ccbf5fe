package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// A panic in background work becomes a message on the status line; the
// window carries on.
func TestPanicInBackgroundWorkIsSaid(t *testing.T) {
	test.NewTempApp(t)
	got := make(chan string, 1)
	old := caught
	caught = func(msg string) { got <- msg }
	defer func() { caught = old }()
	offUI(func() { panic("the projection fell over") }, func() { t.Error("applied after a panic") })
	select {
	case msg := <-got:
		if !strings.Contains(msg, "the projection fell over") || !strings.Contains(msg, "carried on") {
			t.Errorf("message %q", msg)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the panic was never said")
	}
}
