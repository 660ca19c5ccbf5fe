package app

import (
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/widget"

	"example.org/psyplan/charts"
	"example.org/psyplan/exchange"
)

// screenshots visits every view of the open plan, saves each as
// DIR/NN-view.png from the window's canvas, and quits. It runs on its own
// goroutine: each step on the UI goroutine through fyne.DoAndWait.
func (ui *UI) screenshots(dir string) int {
	start := time.Now()
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
		fyne.DoAndWait(func() {
			ui.tabs.SelectIndex(i)
			if v.first != nil {
				v.first()
			}
		})
		time.Sleep(700 * time.Millisecond)
		var err error
		fyne.DoAndWait(func() {
			err = savePNG(filepath.Join(dir, fmt.Sprintf("%02d-%s.png", i+1, strings.ToLower(v.name))), ui.capture())
		})
		if err != nil {
			return fail(err)
		}
	}
	done := len(ui.views)
	for _, name := range []string{"demand", "demand-wte"} {
		done++
		if err := ui.chartScreenshot(dir, done, name); err != nil {
			return fail(err)
		}
	}
	if err := ui.answersScreenshot(dir, done); err != nil {
		return fail(err)
	}
	if err := ui.slideScreenshots(dir, done+1); err != nil {
		return fail(err)
	}
	if err := ui.formScreenshots(dir, start); err != nil {
		return fail(err)
	}
	fyne.Do(ui.app.Quit)
	return 0
}

// chartScreenshot saves the Overview showing the named chart, then puts
// the chart chosen before back.
func (ui *UI) chartScreenshot(dir string, done int, name string) error {
	var was string
	fyne.DoAndWait(func() {
		ui.tabs.SelectIndex(0)
		was = ui.overview.kindSel.Selected
		for _, k := range charts.Kinds {
			if k.Name == name {
				ui.overview.kindSel.SetSelected(k.Menu)
			}
		}
	})
	time.Sleep(700 * time.Millisecond)
	var err error
	fyne.DoAndWait(func() {
		err = savePNG(filepath.Join(dir, fmt.Sprintf("%02d-chart-%s.png", done, name)), ui.capture())
		ui.overview.kindSel.SetSelected(was)
	})
	return err
}

// answersScreenshot saves the "What does it take?" panel, answered.
func (ui *UI) answersScreenshot(dir string, done int) error {
	var ap *answersPanel
	fyne.DoAndWait(func() {
		ap = newAnswersPanel(ui)
		ap.solve()
	})
	time.Sleep(1500 * time.Millisecond) // a national plan's answer takes a moment
	var err error
	fyne.DoAndWait(func() { // the panel alone: a dialog's overlay is not in the window's capture
		soft := software.NewCanvas()
		soft.SetScale(ui.win.Canvas().Scale())
		soft.SetContent(container.NewPadded(ap.object))
		soft.Resize(fyne.NewSize(760, 460))
		err = savePNG(filepath.Join(dir, fmt.Sprintf("%02d-what-does-it-take.png", done+1)), soft.Capture())
	})
	return err
}

// slideScreenshots saves workshop mode's slides, full screen, one each;
// then each again as a 1280 x 720 projector shows it.
func (ui *UI) slideScreenshots(dir string, done int) error {
	fyne.DoAndWait(ui.present)
	time.Sleep(1500 * time.Millisecond)
	ps := ui.presenting
	n := ps.slideCount()
	for i := range 2 * n {
		name := "answer"
		if k := i % n; k < len(ps.kinds) {
			name = ps.kinds[k].Name
		}
		var err error
		fyne.DoAndWait(func() {
			if i < n {
				err = savePNG(filepath.Join(dir, fmt.Sprintf("%02d-slide-%s.png", done+i+1, name)), ui.capture())
			} else {
				err = savePNG(filepath.Join(dir, fmt.Sprintf("%02d-slide-1280x720-%s.png", done+i+1, name)), ui.captureAt(fyne.NewSize(1280, 720)))
			}
			ps.move(1)
		})
		if err != nil {
			return err
		}
		time.Sleep(700 * time.Millisecond)
	}
	fyne.DoAndWait(ui.leavePresentation)
	return nil
}

func savePNG(name string, img image.Image) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	defer f.Close()
	return png.Encode(f, img)
}

// capture takes the window canvas's picture. Some GL drivers (Mesa under
// Xvfb, as on CI) read back an empty frame; then the same content is drawn
// by Fyne's own software painter at the window's size and scale, and put
// back in the window.
func (ui *UI) capture() image.Image {
	c := ui.win.Canvas()
	if img := c.Capture(); !blank(img) {
		return img
	}
	content, size := c.Content(), c.Size()
	ui.win.SetContent(canvas.NewRectangle(color.White))
	soft := software.NewCanvas()
	soft.SetPadded(false)
	soft.SetScale(c.Scale())
	soft.SetContent(content)
	soft.Resize(size)
	img := soft.Capture()
	soft.SetContent(canvas.NewRectangle(color.White))
	ui.win.SetContent(content)
	return img
}

// captureAt draws the window's content at size (a smaller screen than
// this one) with Fyne's software painter, and puts it back in the window.
func (ui *UI) captureAt(size fyne.Size) image.Image {
	c := ui.win.Canvas()
	content, was := c.Content(), c.Content().Size()
	ui.win.SetContent(canvas.NewRectangle(color.White))
	soft := software.NewCanvas()
	soft.SetPadded(false)
	soft.SetScale(1)
	soft.SetContent(content)
	soft.Resize(size)
	img := soft.Capture()
	soft.SetContent(canvas.NewRectangle(color.White))
	ui.win.SetContent(content)
	content.Resize(was)
	return img
}

// blank tells whether every pixel of img is the same.
func blank(img image.Image) bool {
	b := img.Bounds()
	first := img.At(b.Min.X, b.Min.Y)
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			if img.At(x, y) != first {
				return false
			}
		}
	}
	return true
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

// formScreenshots saves the Posts screen with a post line's funded-post
// changes being edited, then a new blank plan's Overview and settings
// (the plan is made for the pictures and deleted after them).
func (ui *UI) formScreenshots(dir string, since time.Time) error {
	next := func(name string) string { // numbered after this run's others
		return filepath.Join(dir, fmt.Sprintf("%02d-%s.png", savedSince(dir, since)+1, name))
	}
	shoot := func(tab int, name string, before func()) error {
		fyne.DoAndWait(func() {
			ui.tabs.SelectIndex(tab)
			if before != nil {
				before()
			}
		})
		time.Sleep(700 * time.Millisecond)
		var err error
		fyne.DoAndWait(func() { err = savePNG(next(name), ui.capture()) })
		return err
	}
	fyne.DoAndWait(func() { ui.win.Resize(fyne.NewSize(1920, 1080)) }) // as a laptop's full screen, after the slides'
	if err := shoot(1, "funded-post-changes", ui.chooseChangedLine); err != nil {
		return err
	}
	return ui.blankPlanScreenshots(shoot)
}

// chooseChangedLine chooses the first post line with funded-post
// changes, and its first change.
func (ui *UI) chooseChangedLine() {
	p := ui.session.Plan()
	for i, l := range p.Posts {
		if len(l.Changes) > 0 {
			ui.posts.table.Select(widget.TableCellID{Row: i, Col: 0})
			ui.posts.table.ScrollTo(widget.TableCellID{Row: i, Col: 0})
			return
		}
	}
}

// blankPlanScreenshots makes a blank plan as New does (the professions
// listed, nothing else), shoots its Overview and Trajectory screens,
// then opens the plan shown before and deletes the blank one.
func (ui *UI) blankPlanScreenshots(shoot func(tab int, name string, before func()) error) error {
	def, err := exchange.DefaultPlan()
	if err != nil {
		return err
	}
	blank := BlankPlan("New plan")
	blank.Professions = def.Professions
	var was, id int64
	fyne.DoAndWait(func() {
		was = ui.session.ID()
		id, err = ui.lib.CreatePlan(context.Background(), blank)
		if err == nil {
			ui.openPlan(id)
		}
	})
	if err != nil {
		return err
	}
	defer func() {
		fyne.DoAndWait(func() { ui.openPlan(was) })
		ui.waitForID(was, 20*time.Second)
		fyne.DoAndWait(func() {
			if err := ui.lib.DeletePlan(context.Background(), id); err == nil {
				ui.library.reload()
			}
		})
	}()
	if !ui.waitForID(id, 20*time.Second) {
		return fmt.Errorf("the blank plan did not open")
	}
	if err := shoot(0, "blank-plan", nil); err != nil {
		return err
	}
	return shoot(5, "blank-plan-settings", nil)
}

// waitForID waits until plan id is open and projected.
func (ui *UI) waitForID(id int64, limit time.Duration) bool {
	for end := time.Now().Add(limit); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
		ready := false
		fyne.DoAndWait(func() { ready = ui.session.ID() == id && ui.session.Projection() != nil })
		if ready {
			return true
		}
	}
	return false
}

// savedSince counts the pictures in dir written since the run began (a
// folder of an earlier run's may hold more).
func savedSince(dir string, since time.Time) int {
	pngs, _ := filepath.Glob(filepath.Join(dir, "*.png"))
	n := 0
	for _, f := range pngs {
		if fi, err := os.Stat(f); err == nil && !fi.ModTime().Before(since) {
			n++
		}
	}
	return n
}
