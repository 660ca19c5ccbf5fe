package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"example.org/psyplan/app/session"
	"example.org/psyplan/app/session/sessiontest"
	"example.org/psyplan/exchange"
	"example.org/psyplan/plan"
	"example.org/psyplan/plan/plantest"
)

// nationalUI is a window on the national-scale synthetic plan, saving in
// the background as the application does.
func nationalUI(tb testing.TB) *UI {
	tb.Helper()
	return nationalWindow(tb, plantest.National(), session.Inline)
}

// nationalDeferredUI is a window on plan p (national-scale) with
// projections made in the background too, answered when the test settles
// them.
func nationalDeferredUI(tb testing.TB, p *plan.Plan) (*UI, *sessiontest.Deferred) {
	tb.Helper()
	d := &sessiontest.Deferred{}
	ui := nationalWindow(tb, p, d.Run)
	d.Settle()
	return ui, d
}

func nationalWindow(tb testing.TB, p *plan.Plan, run session.Runner) *UI {
	a := test.NewTempApp(tb)
	lib, err := exchange.OpenLibrary(context.Background(), filepath.Join(tb.TempDir(), "library.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { lib.Close() })
	id, err := lib.CreatePlan(context.Background(), p)
	if err != nil {
		tb.Fatal(err)
	}
	ui := New(a, lib, run, true)
	ui.win.Resize(fyne.NewSize(1440, 900))
	ui.openPlan(id)
	tb.Cleanup(ui.session.Flush)
	return ui
}

// Target: an edit to a redrawn growth chart in 100 ms or less.
func BenchmarkEditToRedrawnChartNational(b *testing.B) {
	ui := nationalUI(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		err := ui.session.Edit("bench", func(p *plan.Plan) error {
			p.Posts[0].RecruitsWTEPerYear = float64(i % 7)
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
		ui.overview.chart.Draw(1150, 480) // the overview's chart at its size in a 1440 x 900 window
	}
}

// Target: switching to the national plan in 300 ms or less.
func BenchmarkOpenNationalPlan(b *testing.B) {
	ui := nationalUI(b)
	id := ui.session.ID()
	other, err := ui.lib.CreatePlan(context.Background(), ltpPlan("Small"))
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		ui.openPlan(other)
		b.StartTimer()
		ui.openPlan(id)
		ui.overview.chart.Draw(1150, 480)
	}
}

// The posts table of 3,360 lines scrolls by reusing its cells, not by
// making one per row.
func TestPostsTableReusesCellsWhenScrolled(t *testing.T) {
	ui := nationalUI(t)
	showTab(t, ui, "Posts")
	ui.posts.table.Resize(fyne.NewSize(1100, 500))
	ui.posts.table.ScrollTo(tableCell(1)) // the first screenful of cells is made here
	ui.posts.table.Refresh()
	made := ui.posts.made
	for _, row := range []int{500, 1500, 3359, 10, 2000, 2500, 3000} {
		ui.posts.table.ScrollTo(tableCell(row))
		ui.posts.table.Refresh()
	}
	// A screen holds about 14 rows of 9 cells (made), and the table reuses
	// them as it scrolls. Fyne keeps spare cells in a sync.Pool, which a
	// garbage collection may empty, so a few screenfuls more may be made;
	// a table that built its rows would make 30,240.
	for i := 0; i < 20; i++ {
		ui.posts.table.ScrollTo(tableCell((i * 997) % 3360))
		ui.posts.table.Refresh()
	}
	if all := 3360 * len(ui.posts.def.columns); ui.posts.made > all/10 {
		t.Errorf("scrolling made %d cells in all (%d for the first screen) of the table's %d", ui.posts.made, made, all)
	}
	if n, _ := ui.posts.size(); n != 3360 {
		t.Errorf("%d rows", n)
	}
}

func tableCell(row int) widget.TableCellID { return widget.TableCellID{Row: row, Col: 0} }

// Target: 1,000 edits of the national plan of model version 3 (demand,
// qualifiers moving, uncertainty: a post's and a cohort's field in turn,
// each saved, as a planner typing) keep the window under 600 MB. Every
// tenth edit the answers land and the chart is drawn, as when typing
// pauses; every hundredth the band of 1,000 runs is made too (a national
// band takes seconds: the planner has stopped to look).
// It reports the resident size (the figure a task manager shows) the
// window keeps once the last edit is saved and drawn (kept-MB: the
// target), the largest seen when the answers land (rss-MB), the
// process's high-water mark (hwm-MB, between answers too) and the heap in
// use after a collection at the end (live-MB).
func BenchmarkThousandEditsNationalMemory(b *testing.B) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	boundMemory() // as the window does
	for n := 0; n < b.N; n++ {
		ui, d := nationalDeferredUI(b, plantest.NationalV3())
		peak := residentMB()
		for i := 0; i < 1000; i++ {
			err := ui.session.Edit(fmt.Sprint("field ", i%2), func(p *plan.Plan) error {
				if i%2 == 0 {
					p.Posts[0].RecruitsWTEPerYear = float64(i % 50)
				} else { // a cohort: every cohort of the plan is copied for the undo step
					p.Cohorts[0].Intake = 10 + i%50
				}
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
			if i%10 == 9 {
				if i%100 == 99 {
					d.Settle() // the pause ends: the band is made
				} else {
					settleButBand(ui, d)
				}
				ui.overview.chart.Draw(1150, 480)
				peak = max(peak, residentMB())
			}
		}
		ui.session.Flush()
		d.Settle()
		kept := residentMB()
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		b.ReportMetric(float64(kept), "kept-MB")
		b.ReportMetric(float64(peak), "rss-MB")
		b.ReportMetric(float64(statusMB("VmHWM:")), "hwm-MB")
		b.ReportMetric(float64(ms.HeapInuse>>20), "live-MB")
		if kept >= 600 {
			b.Errorf("the window keeps %d MB", kept)
		}
	}
}

// settleButBand lands answers until the projection of the plan as it
// stands is in, not waiting for the band: its pause is still running when
// typing goes on, and by the time it ends the plan has changed.
func settleButBand(ui *UI, d *sessiontest.Deferred) {
	for ui.session.Current() == nil {
		for _, apply := range d.Landed() {
			apply()
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// residentMB is the process's resident size (VmRSS), 0 where unknown.
func residentMB() int { return statusMB("VmRSS:") }

// statusMB is a size /proc/self/status gives in kB, in MB; 0 where unknown.
func statusMB(field string) int {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) == 3 && f[0] == field {
			kb, _ := strconv.Atoi(f[1])
			return kb >> 10
		}
	}
	return 0
}
