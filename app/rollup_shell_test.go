package app

import (
	"context"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"example.org/psyplan/app/kit/kittest"
	"example.org/psyplan/plan"
	"example.org/psyplan/plan/plantest"
	"example.org/psyplan/store"
)

// overlayText is every label's text on the window's top dialog.
var overlayText = kittest.OverlayText

// storeICS puts plantest.ThreeICS in the window's library and lists them.
func storeICS(t *testing.T, ui *UI) map[string]int64 {
	t.Helper()
	ids := map[string]int64{}
	for _, p := range plantest.ThreeICS() {
		id, err := ui.lib.CreatePlan(context.Background(), p)
		if err != nil {
			t.Fatal(err)
		}
		ids[p.Name] = id
	}
	ui.library.reload()
	return ids
}

// rollupWindowText is every label's text in the open window titled
// title, or "" when none is open.
func rollupWindowText(ui *UI, title string) string {
	var b strings.Builder
	for _, w := range ui.app.Driver().AllWindows() {
		if w.Title() == title {
			kittest.Walk(w.Content(), func(o fyne.CanvasObject) {
				if l, ok := o.(*widget.Label); ok {
					b.WriteString(l.Text + "\n")
				}
			})
		}
	}
	return b.String()
}

// The shell tells the roll-ups of a plan saved after the window's own
// status line is told: its id, once an edit is in the library.
func TestTheShellSaysWhichPlanWasSaved(t *testing.T) {
	ui, _, _ := newTestUI(t)
	id := ui.session.ID()
	var got []int64
	rollupShell{ui}.OnPlanSaved(func(planID int64) { got = append(got, planID) })
	if err := ui.session.Edit("test", func(p *plan.Plan) error { p.Name += " (edited)"; return nil }); err != nil {
		t.Fatal(err)
	}
	ui.session.Flush()
	if len(got) == 0 || got[len(got)-1] != id {
		t.Fatalf("saves said %v, want plan %d", got, id)
	}
	if ui.status.Text != "Saved ✓" {
		t.Errorf("status %q: the window's own hook was lost", ui.status.Text)
	}
}

// Deleting a plan a roll-up holds names the roll-up first; once deleted,
// the open roll-up is added up again without it.
func TestDeletingAHeldPlanNamesTheRollup(t *testing.T) {
	ui, d := openDeferredUI(t, filepath.Join(t.TempDir(), "library.db"))
	ids := storeICS(t, ui)
	rid, err := ui.lib.CreateRollup(context.Background(), "Yorkshire", []store.RollupMember{{PlanID: ids["Leeds"]}, {PlanID: ids["York"]}})
	if err != nil {
		t.Fatal(err)
	}
	ui.library.reload()
	ui.library.rollups.Open(rid)
	d.Settle()
	const title = "Yorkshire (roll-up) - PsyPlan"
	if text := rollupWindowText(ui, title); !strings.Contains(text, "Yorkshire, 2 plans added together") {
		t.Fatalf("the roll-up window says:\n%s", text)
	}
	ui.openPlan(ids["Leeds"])
	d.Settle()
	ui.library.delete()
	if text := overlayText(ui.win); !strings.Contains(text, `It is in 1 roll-up: "Yorkshire"`) {
		t.Fatalf("the question does not name the roll-up:\n%s", text)
	}
	test.Tap(button(t, ui.win.Canvas().Overlays().Top(), "Yes"))
	d.Settle()
	if text := rollupWindowText(ui, title); !strings.Contains(text, "Yorkshire, 1 plan added together") {
		t.Fatalf("after the delete the roll-up window says:\n%s", text)
	}
}

// The side-by-side table shows plan.Compare's figures: York and its
// scenario Faster, worked by hand at June (26 and 32 WTE, +6).
func TestCompareTableIsPlanCompare(t *testing.T) {
	ui, d := openDeferredUI(t, filepath.Join(t.TempDir(), "library.db"))
	ids := storeICS(t, ui)
	ui.openPlan(ids["York"])
	d.Settle()
	for _, ti := range ui.tabs.Items {
		if ti.Text == compareName {
			ui.tabs.Select(ti)
		}
	}
	d.Settle()
	cv := ui.compare
	want, err := plan.Compare(ui.session.Plan(), nil)
	if err != nil {
		t.Fatal(err)
	}
	rows, cols := cv.size()
	if rows != len(want.Rows)+1 || cols != 4 {
		t.Fatalf("table %d x %d, want %d x 4", rows, cols, len(want.Rows)+1)
	}
	if cv.cell(0, 1) != "Plan" || cv.cell(0, 2) != "Faster" || cv.cell(0, 3) != "vs the plan" {
		t.Errorf("header %q %q %q", cv.cell(0, 1), cv.cell(0, 2), cv.cell(0, 3))
	}
	for i, r := range want.Rows {
		if got := cv.cell(i+1, 2); got != compareFigure(r.Unit, r.Values[1], false) {
			t.Errorf("%s: Faster %q, want %v", r.Label, got, r.Values[1])
		}
		if got := cv.cell(i+1, 3); got != compareFigure(r.Unit, r.Diffs[1], true) {
			t.Errorf("%s: difference %q, want %v", r.Label, got, r.Diffs[1])
		}
	}
	if cv.cell(1, 0) != "Workforce, Jun 2020 (WTE)" || cv.cell(1, 1) != "26.0" || cv.cell(1, 2) != "32.0" || cv.cell(1, 3) != "+6.0" {
		t.Errorf("June workforce row: %q %q %q %q", cv.cell(1, 0), cv.cell(1, 1), cv.cell(1, 2), cv.cell(1, 3))
	}
}

// Pictures of the plan window's side of roll-ups: set
// PSYPLAN_ROLLUP_SHOTS to a folder (app/rollup takes the roll-up's own).
func TestRollupScreenshotsOfThePlanWindow(t *testing.T) {
	dir := os.Getenv("PSYPLAN_ROLLUP_SHOTS")
	if dir == "" {
		t.Skip("PSYPLAN_ROLLUP_SHOTS not set")
	}
	ui, d := openDeferredUI(t, filepath.Join(t.TempDir(), "library.db"))
	shot := func(name string) {
		f, err := os.Create(filepath.Join(dir, name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, ui.win.Canvas().Capture()); err != nil {
			t.Fatal(err)
		}
	}
	ids := storeICS(t, ui)
	if _, err := ui.lib.CreateRollup(context.Background(), "Humber and York",
		[]store.RollupMember{{PlanID: ids["Hull"]}, {PlanID: ids["York"], Scenario: "Faster"}, {PlanID: ids["Leeds"]}}); err != nil {
		t.Fatal(err)
	}
	ui.openPlan(ids["York"])
	d.Settle()
	ui.library.delete()
	shot("rollup-5-delete-held")
	ui.win.Canvas().Overlays().Remove(ui.win.Canvas().Overlays().Top())
	for _, ti := range ui.tabs.Items {
		if ti.Text == compareName {
			ui.tabs.Select(ti)
		}
	}
	d.Settle()
	shot("rollup-6-side-by-side")
}
