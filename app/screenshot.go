package app

import (
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
)

// screenshots visits every view of the open plan, saves each as
// DIR/NN-view.png from the window's canvas, and quits. It runs on its own
// goroutine: each step on the UI goroutine through fyne.DoAndWait.
func (ui *UI) screenshots(dir string) int {
	fail := func(err error) int {
		fmt.Fprintln(os.Stderr, "psyplan --screenshot:", err)
		fyne.Do(ui.app.Quit)
		return 1
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fail(err)
	}
	if !ui.waitForPlan(20 * time.Second) {
		return fail(fmt.Errorf("no plan opened"))
	}
	time.Sleep(1500 * time.Millisecond) // the first frame, fonts and all
	for i, v := range ui.views {
		fyne.DoAndWait(func() { ui.tabs.SelectIndex(i) })
		time.Sleep(700 * time.Millisecond)
		var err error
		fyne.DoAndWait(func() {
			img := ui.win.Canvas().Capture()
			name := filepath.Join(dir, fmt.Sprintf("%02d-%s.png", i+1, strings.ToLower(v.name)))
			var f *os.File
			if f, err = os.Create(name); err != nil {
				return
			}
			defer f.Close()
			err = png.Encode(f, img)
		})
		if err != nil {
			return fail(err)
		}
	}
	fyne.Do(ui.app.Quit)
	return 0
}

// waitForPlan waits until a plan is open and projected.
func (ui *UI) waitForPlan(limit time.Duration) bool {
	for end := time.Now().Add(limit); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
		ready := false
		fyne.DoAndWait(func() { ready = ui.session.Plan() != nil && ui.session.Projection() != nil })
		if ready {
			return true
		}
	}
	return false
}
