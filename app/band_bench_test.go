package app

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"example.org/psyplan/exchange"
	"example.org/psyplan/plan"
	"example.org/psyplan/plan/plantest"
)

// benchWindow opens plan p in a window whose background work runs as the
// application's does (answers held until settled).
func benchWindow(b *testing.B, p *plan.Plan) (*UI, *deferred) {
	b.Helper()
	lib, err := exchange.OpenLibrary(context.Background(), filepath.Join(b.TempDir(), "library.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { lib.Close() })
	d := &deferred{}
	ui := New(test.NewTempApp(b), lib, d.run, true)
	ui.win.Resize(fyne.NewSize(1440, 900))
	if err := ui.library.create(p); err != nil {
		b.Fatal(err)
	}
	d.settle()
	b.Cleanup(func() { ui.session.Flush(); d.settle() })
	return ui, d
}

// The window's band, from asking to drawn: 1,000 runs.
func benchmarkWindowBand(b *testing.B, p *plan.Plan) {
	ui, d := benchWindow(b, p)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ui.session.bands.band = nil // drawn already: ask again
		ui.session.StartBand()
		d.settle()
		if ui.overview.chart.Growth().Likely == nil {
			b.Fatal("no band drawn")
		}
	}
}

func BenchmarkWindowBandICS(b *testing.B) {
	p := plantest.ICS()
	p.Uncertainty = plantest.NationalV2().Uncertainty
	benchmarkWindowBand(b, p)
}

func BenchmarkWindowBandNational(b *testing.B) { benchmarkWindowBand(b, plantest.NationalV2()) }

// While a national band is being made, an edit is projected and drawn
// (the band of the plan before it is cancelled).
func BenchmarkEditDuringNationalBand(b *testing.B) {
	ui, d := benchWindow(b, plantest.NationalV2())
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ui.session.bands.band = nil
		ui.session.StartBand()
		time.Sleep(time.Second) // the band well under way
		start := time.Now()
		if err := ui.session.Edit("", func(p *plan.Plan) error { p.Posts[0].RecruitsWTEPerYear++; return nil }); err != nil {
			b.Fatal(err)
		}
		for ui.session.Current() == nil { // apply what has landed, without waiting for the rest
			d.mu.Lock()
			landed := d.applies
			d.applies = nil
			d.mu.Unlock()
			for _, apply := range landed {
				apply()
			}
			time.Sleep(5 * time.Millisecond)
		}
		b.ReportMetric(float64(time.Since(start).Milliseconds()), "ms-to-projected")
		ui.session.CancelBand()
		d.settle()
	}
}
