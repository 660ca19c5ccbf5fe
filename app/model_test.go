package app

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"example.org/psyplan/plan"
)

// The Model screen asks a fixed least size, so the window does not
// measure its pages of text at every frame, and still shows the text over
// all its room.
func TestModelScreenAsksAFixedLeastSize(t *testing.T) {
	test.NewTempApp(t)
	v := newModelView()
	if got := v.object.MinSize(); got != fyne.NewSize(320, 200) {
		t.Errorf("least size %v, want 320 x 200", got)
	}
	v.object.Resize(fyne.NewSize(900, 600))
	scroll := v.object.(*fyne.Container).Objects[0]
	if scroll.Size() != fyne.NewSize(900, 600) {
		t.Errorf("the text's scroll is %v in a 900 x 600 screen", scroll.Size())
	}
}

// A table of the plan is refreshed when the plan changes, not again when
// the edit's projection lands: its cells show nothing projected.
func TestTablesAreNotRefreshedForAProjection(t *testing.T) {
	ui, d := openDeferredUI(t, filepath.Join(t.TempDir(), "library.db"))
	posts := showTab(t, ui, "Posts")
	refreshes := 0
	inner := posts.refresh
	posts.refresh = func() { refreshes++; inner() }
	if err := ui.session.Edit("", func(p *plan.Plan) error { p.Posts[0].RecruitsWTEPerYear++; return nil }); err != nil {
		t.Fatal(err)
	}
	d.Settle()
	if ui.session.Current() == nil || refreshes != 1 {
		t.Errorf("posts refreshed %d times for one edit and its projection, want 1", refreshes)
	}
}

// A screen not in front is not refreshed as the plan changes (on the
// national plan the hidden screens took half of each key's time), and
// shows the plan as it is when its tab is chosen.
func TestHiddenScreensAreRefreshedWhenShown(t *testing.T) {
	ui, d := openDeferredUI(t, filepath.Join(t.TempDir(), "library.db"))
	posts := showTab(t, ui, "Posts")
	ui.posts.selectRow(0)
	refreshes := 0
	inner := posts.refresh
	posts.refresh = func() { refreshes++; inner() }
	showTab(t, ui, "Overview")
	for i := range 3 {
		if err := ui.session.Edit("", func(p *plan.Plan) error { p.Posts[0].InPostWTE = float64(41 + i); return nil }); err != nil {
			t.Fatal(err)
		}
		d.Settle()
	}
	if refreshes != 0 {
		t.Errorf("the hidden posts screen was refreshed %d times for 3 edits", refreshes)
	}
	showTab(t, ui, "Posts")
	if got := entry(t, ui.posts, "In post (WTE)").Text; refreshes != 1 || got != "43" {
		t.Errorf("shown: refreshed %d times, in post %q, want once and 43", refreshes, got)
	}
	showTab(t, ui, "Overview")
	showTab(t, ui, "Posts")
	if refreshes != 1 {
		t.Errorf("shown again with nothing changed: refreshed %d times", refreshes)
	}
}

// At 1440 x 900 the Trajectory screen's milestones and budget keep the
// room their tables and forms need, scrolling with the settings above
// the Uncertainty part rather than being drawn beneath it.
func TestTrajectoryListsAreNotDrawnUnderUncertainty(t *testing.T) {
	ui, _, _ := newTestUI(t)
	ui.win.Resize(fyne.NewSize(1440, 900))
	v := showTab(t, ui, "Trajectory")
	relayout(ui.win.Content(), ui.win.Canvas().Size())
	page := v.object.(*fyne.Container).Objects[0]
	scroll, ok := page.(*container.Scroll)
	if !ok {
		t.Fatalf("the screen's page is a %T, not a scroll", page)
	}
	content := scroll.Content
	if content.Size().Height < content.MinSize().Height || scroll.Size().Height >= content.MinSize().Height {
		t.Errorf("page %v in a scroll of %v: it should scroll", content.Size(), scroll.Size())
	}
	under := v.object.(*fyne.Container).Objects[1] // the Uncertainty part, at the bottom
	if scroll.Position().Y+scroll.Size().Height > under.Position().Y+0.5 {
		t.Errorf("the page runs to %v, under the Uncertainty part at %v", scroll.Position().Y+scroll.Size().Height, under.Position().Y)
	}
	if got := ui.views[ui.tabs.SelectedIndex()].name; got != "Trajectory" {
		t.Fatalf("showing %q", got)
	}
}
