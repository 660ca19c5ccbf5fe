package rollup

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"example.org/psyplan/app/kit/kittest"
	"example.org/psyplan/plan/plantest"
	"example.org/psyplan/planfile"
)

// Pictures of the roll-up screens, for people to look at: set
// PSYPLAN_ROLLUP_SHOTS to a folder. Drawn by Fyne's software painter.
// The plan window's side of roll-ups is in app/rollup_shell_test.go.
func TestRollupScreenshots(t *testing.T) {
	dir := os.Getenv("PSYPLAN_ROLLUP_SHOTS")
	if dir == "" {
		t.Skip("PSYPLAN_ROLLUP_SHOTS not set")
	}
	rv, sh, d := openList(t)
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
	rv.importFolder(files)
	d.Settle()
	shot("rollup-1-import-summary", sh.win.Canvas())
	test.Tap(kittest.Button(t, sh.win.Canvas().Overlays().Top(), "Make the roll-up"))
	d.Settle()
	w := openRollupWindow(t, rv)
	w.win.Resize(fyne.NewSize(1280, 860))
	shot("rollup-2-growth", w.win.Canvas())
	w.win.Content().(*fyne.Container).Objects[0].(interface{ SelectIndex(int) }).SelectIndex(1)
	shot("rollup-3-behind", w.win.Canvas())
	w.win.Close()

	storeICS(t, sh)
	rv.newRollup()
	d.Settle()
	shot("rollup-4-new", sh.win.Canvas())
}
