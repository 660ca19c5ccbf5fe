package app

import (
	"context"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"example.org/psyplan/app/session/sessiontest"
	"example.org/psyplan/exchange"
)

// openDeferredUI opens a window on the library at path with background
// work done as the application does it, answered when the test settles.
func openDeferredUI(t *testing.T, path string) (*UI, *sessiontest.Deferred) {
	t.Helper()
	lib, err := exchange.OpenLibrary(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	d := &sessiontest.Deferred{}
	ui := New(test.NewTempApp(t), lib, d.Run, true)
	ui.win.Resize(fyne.NewSize(1440, 900))
	ui.openStartPlan()
	d.Settle()
	t.Cleanup(func() { ui.session.Flush(); d.Settle() })
	return ui, d
}

// Edit, save, close and reopen with the background really in the
// background: the window shows the old figures until the answer lands,
// says Saving… until the library has the edit, and the reopened window
// has every edit.
func TestEditSaveCloseReopenInTheBackground(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	ui, d := openDeferredUI(t, path)
	if err := ui.library.create(ltpPlan("Background ICS")); err != nil {
		t.Fatal(err)
	}
	if ui.session.Plan().Name == "Background ICS" {
		t.Fatal("the new plan was open before its answer landed")
	}
	d.Settle()
	id := ui.session.ID()
	if ui.session.Plan().Name != "Background ICS" || ui.session.Projection() == nil {
		t.Fatalf("open plan %q", ui.session.Plan().Name)
	}
	_, professions := findTab(t, ui, "Professions")
	test.Tap(button(t, professions.object, "Add profession"))
	test.Tap(button(t, ui.posts.object, "Add post line"))
	d.Settle()

	retype(entry(t, ui.posts, "In post (WTE)"), "40")
	retype(entry(t, ui.posts, "Funded (WTE)"), "50")
	if got := ui.status.Text; got != "Saving…" {
		t.Errorf("status %q before the library has the edit", got)
	}
	if ui.session.Current() != nil {
		t.Error("the projection of the edited plan was there before its answer")
	}
	d.Settle()
	ui.session.Flush()
	d.Settle()
	if got := ui.status.Text; got != "Saved ✓" {
		t.Errorf("status %q after saving", got)
	}
	pr := ui.session.Current()
	if pr == nil || pr.Total[0].InPost != 40 || pr.Total[0].Funded != 50 {
		t.Fatalf("projection of the edited plan: %v", pr)
	}
	if got := overviewOf(t, ui).figures["baseline"].value.Text; got != "40.0 WTE" {
		t.Errorf("baseline figure %q", got)
	}

	retype(entry(t, ui.posts, "Recruits a year"), "6") // its projection is still being made on closing
	ui.closeWindow()                                   // as the window's close button does
	d.Settle()
	if ui.session.Plan() != nil || ui.session.Projection() != nil {
		t.Error("the closed window's session still answers")
	}
	again, _ := openDeferredUI(t, path)
	if again.session.ID() != id {
		t.Fatalf("reopened plan %d, want %d", again.session.ID(), id)
	}
	l := again.session.Plan().Posts[0]
	if l.InPostWTE != 40 || l.FundedWTE != 50 || l.RecruitsWTEPerYear != 6 {
		t.Errorf("reopened post line %+v", l)
	}
}

// Comparing scenarios: the session projects the two other scenarios of
// the default plan, in the background, and lets go of them when off.
func TestCompareIsProjectedByTheSession(t *testing.T) {
	ui, d := openDeferredUI(t, filepath.Join(t.TempDir(), "library.db"))
	ui.session.SetCompare(true)
	if n := len(ui.session.Compared()); n != 0 {
		t.Errorf("%d compared before the answer", n)
	}
	d.Settle()
	others := ui.session.Compared()
	if len(others) != 2 || others[0].Scenario != "Better retention" || others[1].Scenario == "" {
		t.Fatalf("compared %d: %q, %q", len(others), others[0].Scenario, others[len(others)-1].Scenario)
	}
	if n := len(ui.overview.chart.Growth().Others); n != 2 {
		t.Errorf("chart compares %d", n)
	}
	ui.session.SetScenario("Better retention")
	d.Settle()
	if others := ui.session.Compared(); len(others) != 2 || others[0].Scenario != "" {
		t.Errorf("compared with a scenario shown: %d", len(others))
	}
	ui.session.SetCompare(false)
	if ui.session.Compared() != nil {
		t.Error("still holding the compared projections")
	}
}
