package session

import (
	"testing"
	"time"

	"example.org/psyplan/app/session/sessiontest"
	"example.org/psyplan/plan"
	"example.org/psyplan/plan/plantest"
)

// benchSession opens plan p with background work done as the window's
// is (answers held until settled).
func benchSession(b *testing.B, p *plan.Plan) (*Session, *sessiontest.Deferred) {
	b.Helper()
	lib, ids := newLibrary(b, p)
	d := &sessiontest.Deferred{}
	s := New(lib, d.Run, true)
	s.Open(ids[0], nil)
	d.Settle()
	b.Cleanup(func() { s.Flush(); d.Settle() })
	return s, d
}

// The session's band, from asking to landed: 1,000 runs.
func benchmarkBand(b *testing.B, p *plan.Plan) {
	s, d := benchSession(b, p)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s.bands.band = nil // drawn already: ask again
		s.StartBand()
		d.Settle()
		if s.Band() == nil || s.Band().Runs != BandRuns {
			b.Fatal("no band made")
		}
	}
}

func BenchmarkBandICS(b *testing.B) {
	p := plantest.ICS()
	p.Uncertainty = plantest.NationalV2().Uncertainty
	benchmarkBand(b, p)
}

func BenchmarkBandNational(b *testing.B) { benchmarkBand(b, plantest.NationalV2()) }

// While a national band is being made, an edit is projected (the band of
// the plan before it is cancelled).
func BenchmarkEditDuringNationalBand(b *testing.B) {
	s, d := benchSession(b, plantest.NationalV2())
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s.bands.band = nil
		s.StartBand()
		time.Sleep(time.Second) // the band well under way
		start := time.Now()
		if err := s.Edit("", func(p *plan.Plan) error { p.Posts[0].RecruitsWTEPerYear++; return nil }); err != nil {
			b.Fatal(err)
		}
		for s.Current() == nil { // apply what has landed, without waiting for the rest
			for _, apply := range d.Landed() {
				apply()
			}
			time.Sleep(5 * time.Millisecond)
		}
		b.ReportMetric(float64(time.Since(start).Milliseconds()), "ms-to-projected")
		s.CancelBand()
		d.Settle()
	}
}
