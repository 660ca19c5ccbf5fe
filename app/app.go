// Package app is PsyPlan's window: the plan library on the left, the open
// plan's views on the right. One file per screen; every screen reads the
// plan from the session and edits it through the session.
package app

import (
	"context"
	"fmt"
	"image/color"
	"os"
	"runtime/debug"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"example.org/psyplan/app/kit"
	"example.org/psyplan/app/session"
	"example.org/psyplan/assets"
	"example.org/psyplan/plan"
	"example.org/psyplan/store"
)

// Options change how the window runs.
type Options struct {
	ScreenshotDir string // visit every view, save a PNG of each, exit
	// Open is a plan file or workbook to open at once (`psyplan FILE`, a
	// double-click): the library's same plan, or asked to be added.
	Open string
	// Files are files other PsyPlans on this library hand over.
	Files <-chan string
	// Notice is said on the status line at start (the last run crashed).
	Notice string
}

// view is one screen of the open plan.
type view struct {
	name    string
	object  fyne.CanvasObject
	refresh func()
	first   func() // selects the first record, so a screenshot shows a filled form
	// planOnly views show the plan and nothing worked out from it: they
	// are not refreshed when only a projection lands (on the national
	// plan, a table's cells took a tenth of the window's time per key).
	planOnly bool
	shown    *plan.Plan // the plan a planOnly view last showed
	// stale is set when the view changed while it was not shown: it is
	// refreshed when its tab is chosen, not on every key typed elsewhere
	// (on the national plan the hidden views took half an edit's time).
	stale bool
}

// UI is the window and everything in it.
type UI struct {
	app     fyne.App
	win     fyne.Window
	lib     *store.Library
	session *session.Session
	run     session.Runner

	library  *libraryView
	tabs     *container.AppTabs
	views    []*view
	title    *widget.Label
	scenario *widget.Select
	undo     *widget.Button
	redo     *widget.Button
	status   *widget.Label

	overview    *overviewView
	posts       *recordTable
	trainees    *recordTable
	presenting  *presenter       // workshop mode, when on
	answers     *answersPanel    // "What does it take?", when last opened
	uncertainty *uncertaintyPart // the Trajectory screen's Uncertainty part
	compare     *compareView     // scenarios side by side (compare.go)
	demand      *demandView      // the Demand screen
	asking      string           // the window's title while a plan from outside is offered
}

// Run opens the window on the plan last opened and returns the exit code
// when it closes.
func Run(a fyne.App, lib *store.Library, opts Options) int {
	boundMemory()
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	var ui *UI
	onUI, windowClosed := untilClosed(fyne.Do)
	run := session.Background(onUI, func(msg string) {
		if ui != nil {
			ui.setStatus(msg)
		}
	})
	ui = New(a, lib, run, true)
	ui.win.Resize(fyne.NewSize(1440, 900))
	ui.openStartPlan()
	ui.acceptOutside(opts.Open, opts.Files)
	if opts.Notice != "" {
		dialog.ShowInformation("PsyPlan closed unexpectedly last time", opts.Notice, ui.win)
	}
	lib.OnWait = func() { // told on the worker that saves, while it waits
		onUI(func() { ui.setStatus("Another program is writing to the library; waiting up to 20 seconds…") })
	}
	var shots chan int
	if opts.ScreenshotDir != "" {
		shots = make(chan int, 1)
		go func() { shots <- ui.screenshots(opts.ScreenshotDir) }()
	}
	ui.win.ShowAndRun()
	windowClosed()
	ui.session.Flush()
	if shots == nil {
		return 0
	}
	return screenshotsCode(shots, 5*time.Second)
}

// memoryLimit is the heap the window asks Go's garbage collector to stay
// within. A national plan's projection allocates about 50 MB each time it
// is made; left to itself the collector lets the heap grow to twice what
// is live and gives little back, so a long editing session grew the
// window past 900 MB with 230 MB in use. At 384 MB the real window on the
// national plan of version 3 keeps 520 MB after 200 edits (590 MB at
// 448 MB), its collector taking 1 % of the time. It is a soft limit: a
// plan that needs more still gets it.
const memoryLimit = 384 << 20

// boundMemory sets memoryLimit, unless GOMEMLIMIT sets a limit already.
func boundMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
}

// untilClosed hands work to the UI goroutine with onUI until closed is
// called. Once the window has closed, Fyne runs such work at once on the
// goroutine that asks, and an answer still arriving (a projection made
// after the last edit) would draw on a window that is gone: it is dropped.
func untilClosed(onUI func(func())) (run func(func()), closed func()) {
	var done atomic.Bool
	run = func(f func()) {
		onUI(func() {
			if !done.Load() {
				f()
			}
		})
	}
	return run, func() { done.Store(true) }
}

// screenshotsCode is the screenshot run's exit code, once it has handed
// it over (it asks the app to quit a moment before). A window closed
// before every view was taken is a failure, not a success.
func screenshotsCode(code <-chan int, limit time.Duration) int {
	select {
	case c := <-code:
		return c
	case <-time.After(limit):
		fmt.Fprintln(os.Stderr, "psyplan --screenshot: the window closed before every view was taken")
		return 1
	}
}

// New builds the window. run and async choose how background work runs:
// session.Background and true in the application, session.Inline and false in tests.
func New(a fyne.App, lib *store.Library, run session.Runner, async bool) *UI {
	a.Settings().SetTheme(plannerTheme{theme.DefaultTheme()})
	ui := &UI{app: a, lib: lib, run: run, session: session.New(lib, run, async)}
	ui.win = a.NewWindow("PsyPlan")
	ui.build()
	ui.session.OnChange(ui.refresh)
	ui.library.reload()
	ui.session.OnSaved(ui.saved)
	ui.session.OnSaving(func() { ui.setStatus("Saving…") })
	ui.session.OnProblem(func(err error) { ui.setStatus("Problem: " + err.Error()) })
	ui.win.SetCloseIntercept(ui.closeWindow)
	ui.shortcuts()
	ui.refresh()
	return ui
}

// closeWindow is what closing the window does: every edit is in the
// library before the window goes, and no answer lands after.
func (ui *UI) closeWindow() {
	ui.session.Close()
	ui.win.Close()
}

func (ui *UI) build() {
	ui.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	ui.title.Truncation = fyne.TextTruncateEllipsis
	ui.scenario = widget.NewSelect(nil, func(choice string) {
		if choice == planItself {
			choice = ""
		}
		ui.session.SetScenario(choice)
	})
	ui.undo = widget.NewButtonWithIcon("Undo", theme.ContentUndoIcon(), func() { ui.session.Undo() })
	ui.redo = widget.NewButtonWithIcon("Redo", theme.ContentRedoIcon(), func() { ui.session.Redo() })
	ui.status = widget.NewLabel("")
	present := widget.NewButtonWithIcon("Present", theme.MediaPlayIcon(), ui.present)
	top := container.NewBorder(nil, nil, nil,
		container.NewHBox(widget.NewLabel("Showing"), container.NewGridWrap(fyne.NewSize(300, ui.scenario.MinSize().Height), ui.scenario),
			ui.undo, ui.redo, present, ui.status), ui.title)

	ui.overview = newOverviewView(ui)
	ui.posts = newPostsTable(ui)
	ui.trainees = newTraineesTable(ui)
	ui.views = []*view{
		{name: "Overview", object: ui.overview.object, refresh: ui.overview.refresh},
		{name: "Posts", object: ui.posts.object, refresh: ui.posts.refresh, first: ui.posts.selectFirst, planOnly: true},
		{name: "Trainees", object: ui.trainees.object, refresh: ui.trainees.refresh, first: ui.trainees.selectFirst, planOnly: true},
		newProfessionsView(ui),
		newDemandView(ui),
		newTrajectoryView(ui),
		newActualsView(ui),
		newScenariosView(ui),
		newCompareView(ui),
		newModelView(),
	}
	ui.tabs = container.NewAppTabs()
	for _, v := range ui.views {
		ui.tabs.Append(container.NewTabItem(v.name, v.object))
	}
	ui.tabs.OnSelected = ui.chosen
	ui.library = newLibraryView(ui)
	split := container.NewHSplit(ui.library.object, container.NewBorder(top, nil, nil, nil, ui.tabs))
	split.Offset = 0.2
	ui.win.SetContent(split)
}

const planItself = "The plan (no scenario)"

// refresh shows the session as it now is, in every view.
func (ui *UI) refresh() {
	p := ui.session.Plan()
	if p == nil {
		ui.title.SetText("No plan open: choose one on the left, or make a new one")
		ui.win.SetTitle("PsyPlan")
	} else {
		ui.title.SetText(p.Name)
		ui.win.SetTitle(p.Name + " - PsyPlan")
	}
	if ui.asking != "" { // a plan from outside is being offered: the title asks
		ui.win.SetTitle(ui.asking)
	}
	ui.refreshScenarioChoice()
	setEnabled(ui.undo, ui.session.CanUndo())
	setEnabled(ui.redo, ui.session.CanRedo())
	for i, v := range ui.views {
		if v.refresh == nil || (v.planOnly && p != nil && v.shown == p) {
			continue
		}
		if ui.tabs.Selected() != ui.tabs.Items[i] {
			v.stale = true
			continue
		}
		ui.refreshView(v)
	}
	ui.library.refresh()
}

// refreshView shows the session in view v.
func (ui *UI) refreshView(v *view) {
	v.shown, v.stale = ui.session.Plan(), false
	v.refresh()
}

// chosen refreshes the view whose tab was chosen if it changed while
// hidden (the side by side, which projects every scenario, is worked
// out only so).
func (ui *UI) chosen(tab *container.TabItem) {
	for i, v := range ui.views {
		if ui.tabs.Items[i] == tab && v.stale {
			ui.refreshView(v)
		}
	}
}

func (ui *UI) refreshScenarioChoice() {
	options := []string{planItself}
	if p := ui.session.Plan(); p != nil {
		for _, s := range p.Scenarios {
			options = append(options, s.Name)
		}
	}
	ui.scenario.Options = options
	want := ui.session.Scenario()
	if want == "" {
		want = planItself
	}
	if ui.scenario.Selected != want {
		ui.scenario.SetSelected(want)
	}
	ui.scenario.Refresh()
}

func (ui *UI) saved(err error) {
	if err != nil {
		ui.setStatus("Not saved: " + err.Error())
		return
	}
	ui.setStatus("Saved ✓")
}

func (ui *UI) setStatus(s string) { ui.status.SetText(s) }

// openStartPlan opens the plan last opened, else the first in the
// library. Whether the last one is still there is read from the library's
// list, which the window shows anyway: no plan is loaded to find out.
func (ui *UI) openStartPlan() {
	ctx := context.Background()
	list, err := ui.lib.ListPlans(ctx)
	if err != nil {
		ui.showError(fmt.Errorf("cannot read the plan library: %w", err))
		return
	}
	if len(list) == 0 {
		return
	}
	id := list[0].ID
	last, err := ui.lib.LastPlan(ctx)
	if err != nil { // the status line would say "Opening…" over it at once
		ui.showError(fmt.Errorf("%w; the first plan of the library is opened instead", err))
	}
	for _, s := range list {
		if s.ID == last && last != 0 {
			id = last
		}
	}
	ui.openPlan(id)
}

func (ui *UI) openPlan(id int64) {
	ui.setStatus("Opening…")
	ui.session.Open(id, func(err error) {
		if err != nil {
			ui.showError(fmt.Errorf("cannot open the plan: %w", err))
			ui.setStatus("")
			return
		}
		ui.library.reload()
		ui.setStatus("Saved ✓")
	})
}

func (ui *UI) showError(err error) {
	kit.ShowError(ui.win, err)
}

// shortcuts: Ctrl+N new plan, Ctrl+O import, Ctrl+E export, Ctrl+Z and
// Ctrl+Y (or Ctrl+Shift+Z) undo and redo, F11 full screen, F5 present.
// They sit on the main menu, which Fyne asks before a focused field, so
// Ctrl+Z undoes the last saved edit wherever the cursor is.
func (ui *UI) shortcuts() {
	ctrl := fyne.KeyModifierShortcutDefault
	item := func(label string, sc fyne.Shortcut, fn func()) *fyne.MenuItem {
		m := fyne.NewMenuItem(label, fn)
		m.Shortcut = sc
		return m
	}
	undo := func() { ui.session.Undo() }
	redo := func() { ui.session.Redo() }
	ui.win.SetMainMenu(fyne.NewMainMenu(
		fyne.NewMenu("Plan",
			item("New plan…", &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: ctrl}, ui.library.newPlan),
			item("Import…", &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: ctrl}, ui.library.importPlan),
			item("Export…", &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: ctrl}, ui.library.exportPlan),
			fyne.NewMenuItem("Present (F5)", ui.present)),
		fyne.NewMenu("Edit",
			item("Undo", &fyne.ShortcutUndo{}, undo),
			item("Redo", &fyne.ShortcutRedo{}, redo),
			item("Redo ", &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: ctrl | fyne.KeyModifierShift}, redo)),
		fyne.NewMenu("View",
			fyne.NewMenuItem("Full screen (F11)", func() { ui.win.SetFullScreen(!ui.win.FullScreen()) })),
		fyne.NewMenu("Help", fyne.NewMenuItem("About PsyPlan", ui.about)),
	))
	ui.win.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ui.presenting != nil && ui.presenting.key(ev.Name) {
			return
		}
		switch ev.Name {
		case fyne.KeyF11:
			ui.win.SetFullScreen(!ui.win.FullScreen())
		case fyne.KeyF5:
			ui.present()
		}
	})
}

// plannerTheme is Fyne's own theme, always light: charts and tables read
// best dark on light, on a laptop and on a projector alike.
type plannerTheme struct{ fyne.Theme }

func (t plannerTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, theme.VariantLight)
}
