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

	"example.org/psyplan/plan/plantest"
	"example.org/psyplan/planfile"
	"example.org/psyplan/store"
)

// Pictures of the roll-up screens, for people to look at: set
// PSYPLAN_ROLLUP_SHOTS to a folder. Drawn by Fyne's software painter.
func TestRollupScreenshots(t *testing.T) {
	dir := os.Getenv("PSYPLAN_ROLLUP_SHOTS")
	if dir == "" {
		t.Skip("PSYPLAN_ROLLUP_SHOTS not set")
	}
	ui, d := openDeferredUI(t, filepath.Join(t.TempDir(), "library.db"))
	shot := func(name string, c fyne.Canvas) {
		f, err := os.Create(filepath.Join(dir, name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, c.Capture()); err != nil {
			t.Fatal(err)
		}
	}
	// a region's plan files, one of them bad
	files := t.TempDir()
	for i, p := range plantest.AreaPlans()[:9] {
		if i == 4 {
			os.WriteFile(filepath.Join(files, "ICS 05.psyplan.json"), []byte(`{"format": "psyplan", "name": "ICS 05", `), 0o600)
			continue
		}
		data, err := planfile.Write(p)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(files, p.Name+planfile.Extension), data, 0o600)
	}
	rv := ui.library.rollups
	rv.importFolder(files)
	d.Settle()
	shot("rollup-1-import-summary", ui.win.Canvas())
	test.Tap(button(t, ui.win.Canvas().Overlays().Top(), "Make the roll-up"))
	d.Settle()
	w := openRollupWindow(t, ui)
	w.win.Resize(fyne.NewSize(1280, 860))
	shot("rollup-2-growth", w.win.Canvas())
	w.win.Content().(*fyne.Container).Objects[0].(interface{ SelectIndex(int) }).SelectIndex(1)
	shot("rollup-3-behind", w.win.Canvas())
	w.win.Close()

	ids := storeICS(t, ui)
	rv.newRollup()
	d.Settle()
	shot("rollup-4-new", ui.win.Canvas())
	ui.win.Canvas().Overlays().Top().Hide()
	ui.win.Canvas().Overlays().Remove(ui.win.Canvas().Overlays().Top())
	rv.create("Humber and York", []store.RollupMember{{PlanID: ids["Hull"]}, {PlanID: ids["York"], Scenario: "Faster"}, {PlanID: ids["Leeds"]}})
	d.Settle()
	ui.library.rollups.open[len(ui.library.rollups.open)-1].win.Close()
	ui.openPlan(ids["York"])
	d.Settle()
	ui.library.delete()
	shot("rollup-5-delete-held", ui.win.Canvas())
	ui.win.Canvas().Overlays().Remove(ui.win.Canvas().Overlays().Top())

	list, _ := ui.lib.ListPlans(context.Background())
	for _, s := range list {
		if strings.HasPrefix(s.Name, "England") {
			ui.openPlan(s.ID)
			d.Settle()
		}
	}
	for _, ti := range ui.tabs.Items {
		if ti.Text == compareName {
			ui.tabs.Select(ti)
		}
	}
	d.Settle()
	shot("rollup-6-side-by-side", ui.win.Canvas())
}
