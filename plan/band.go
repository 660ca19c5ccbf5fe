package plan

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// Limits of the band's runs (answers.md).
const (
	MaxBandRuns     = 100_000
	DefaultBandRuns = 1_000
)

// Band is how low or high the workforce could plausibly be, month by
// month, given the plan's uncertainty: the 10th, 50th and 90th percentiles
// of the runs, the central projection, the target and the share of runs
// on track.
type Band struct {
	Scenario string
	Runs     int
	Seed     int64
	Baseline Month
	Central  []float64
	Low      []float64
	Median   []float64
	High     []float64
	Target   []float64
	OnTrack  []float64 // share of runs with gap >= 0, 0 to 1
}

// Month is the calendar month of index i.
func (b *Band) Month(i int) Month { return b.Baseline + Month(i) }

// Index is the index of month m, or -1 outside the band.
func (b *Band) Index(m Month) int {
	if m < b.Baseline || int(m-b.Baseline) >= len(b.Central) {
		return -1
	}
	return int(m - b.Baseline)
}

// MakeBand draws runs projections of the plan (or the named scenario),
// each with every profession's assumptions moved by a draw within the
// plan's uncertainty ranges. The same plan, scenario, runs and seed give
// the same band to the last bit on any machine: each run has its own
// generator, seeded by the seed and the run's number, and the runs'
// results are gathered by run number, however the work is shared out.
// progress (may be nil) is told how many runs are done; ctx stops it.
func MakeBand(ctx context.Context, p *Plan, scenario string, runs int, seed int64, progress func(done int)) (*Band, error) {
	if runs < 1 || runs > MaxBandRuns {
		return nil, fmt.Errorf("runs %d is outside 1 to %s", runs, Num(MaxBandRuns))
	}
	central, err := newModel(p, scenario, nil)
	if err != nil {
		return nil, err
	}
	n := central.months
	b := &Band{Scenario: scenario, Runs: runs, Seed: seed, Baseline: p.Baseline, Central: make([]float64, n), Target: make([]float64, n)}
	sp, scratch := central.workScratch(n)
	central.workforce(b.Central, sp, scratch)
	for i := range b.Target {
		b.Target[i] = central.base * (1 + GrowthAt(p, p.Baseline+Month(i))/100)
	}

	if p.Uncertainty.Zero() { // every run is the central projection
		b.sameRuns()
		if progress != nil {
			progress(runs)
		}
		return b, nil
	}
	results := make([]float64, runs*n) // results[r*n+i]: run r, month i
	if err = kernelRuns(ctx, newBandKernel(central), p, seed, runs, results, progress); err != nil {
		return nil, err
	}
	b.percentiles(results, runs, n)
	return b, nil
}

// blockOf is how many runs a worker of the kernel takes at once: up to
// 64 (a national plan's idle lines are then stepped 64 runs a call, not
// 16, an eighth quicker), and small enough that every core gets two
// blocks (the slider's 200 runs on two cores are four blocks of 50, not
// 64, 64, 64 and 8).
func blockOf(runs int) int {
	return max(1, min(64, runs/(2*runtime.GOMAXPROCS(0))))
}

// kernelRuns makes the runs with the band's kernel, each worker taking
// blocks of runs in turn.
func kernelRuns(ctx context.Context, k *bandKernel, p *Plan, seed int64, runs int, results []float64, progress func(int)) error {
	n := k.m.months
	var next, done atomic.Int64
	return inParallel(ctx, func() error {
		kr := &kernelRun{}
		block := blockOf(runs)
		shifts := make([]map[string]Shift, 0, block)
		for {
			from := int(next.Add(int64(block)) - int64(block))
			if from >= runs {
				return nil
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			to := min(from+block, runs)
			shifts = shifts[:0]
			for r := from; r < to; r++ {
				shifts = append(shifts, drawShifts(p, seed, r))
			}
			k.workforceRuns(results[from*n:to*n], shifts, kr)
			if d := int(done.Add(int64(to - from))); progress != nil {
				progress(d)
			}
		}
	})
}

// sameRuns fills the band of runs that are all the central projection:
// every percentile is the central workforce, and a run is on track or
// not as the projection is.
func (b *Band) sameRuns() {
	n := len(b.Central)
	b.Low, b.Median, b.High, b.OnTrack = slices.Clone(b.Central), slices.Clone(b.Central), slices.Clone(b.Central), make([]float64, n)
	for i := range b.OnTrack {
		if b.Central[i]-b.Target[i] >= 0 {
			b.OnTrack[i] = 1
		}
	}
}

type spareCoreKey struct{}

// SpareACore is ctx for a band made beside a window: its workers leave
// one of the machine's cores free (on a two-core laptop, one worker),
// so the window keeps answering keys and drawing while a national band
// is made. The band is the same to the last bit; it takes longer.
func SpareACore(ctx context.Context) context.Context {
	return context.WithValue(ctx, spareCoreKey{}, true)
}

// inParallel runs work on every core and returns the first error.
func inParallel(ctx context.Context, work func() error) error {
	workers := min(runtime.GOMAXPROCS(0), 8)
	if ctx.Value(spareCoreKey{}) != nil {
		workers = max(workers-1, 1)
	}
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() { defer wg.Done(); errs[w] = work() }()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// drawShifts draws run r's shifts: for each profession, in the plan's
// order, four numbers uniform over their whole ranges (leaver rate,
// completion, take-up, recruitment).
func drawShifts(p *Plan, seed int64, r int) map[string]Shift {
	u := p.Uncertainty
	if u.Zero() {
		return nil
	}
	rng := rand.New(rand.NewPCG(uint64(seed), uint64(r)))
	draw := func(width float64) float64 { return (2*rng.Float64() - 1) * width }
	shifts := make(map[string]Shift, len(p.Professions))
	for _, prof := range p.Professions {
		shifts[prof.ID] = Shift{LeaverPts: draw(u.LeaverRatePctPoints), CompletionPts: draw(u.CompletionPctPoints),
			TakeupPts: draw(u.TakeupPctPoints), RecruitPct: draw(u.RecruitmentPct)}
	}
	return shifts
}

// ExtremeShifts is every profession at the worst (or best) end of the
// plan's ranges: leaver rates highest, completion, take-up and recruitment
// lowest (or the other way round). No run of the band falls outside them.
func ExtremeShifts(p *Plan, best bool) map[string]Shift {
	u := p.Uncertainty
	if u.Zero() {
		return nil
	}
	sign := -1.0
	if best {
		sign = 1
	}
	shifts := make(map[string]Shift, len(p.Professions))
	for _, prof := range p.Professions {
		shifts[prof.ID] = Shift{LeaverPts: -sign * u.LeaverRatePctPoints, CompletionPts: sign * u.CompletionPctPoints,
			TakeupPts: sign * u.TakeupPctPoints, RecruitPct: sign * u.RecruitmentPct}
	}
	return shifts
}

// WorkforceWith is the total workforce, month by month, of the plan (or
// the named scenario) with the shifts applied.
func WorkforceWith(p *Plan, scenario string, shifts map[string]Shift) ([]float64, error) {
	m, err := newModel(p, scenario, shifts)
	if err != nil {
		return nil, err
	}
	out := make([]float64, m.months)
	sp, scratch := m.workScratch(m.months)
	m.workforce(out, sp, scratch)
	return out, nil
}

// clone copies the model's lines so a run can shift them.
func (m *model) clone() *model {
	c := *m
	c.lines = slices.Clone(m.lines)
	return &c
}

// shiftFrom sets the lines to the central model's, shifted.
func (m *model) shiftFrom(central *model, shifts map[string]Shift) {
	copy(m.lines, central.lines)
	applyShifts(m.lines, shifts)
}

// workforce steps every line in order over len(total) months, adding its
// workforce into total (which it clears first): the same sums, to the last
// bit, as the projection's total row.
func (m *model) workforce(total []float64, sp *stepper, scratch []stocks) {
	clear(total)
	n := len(total)
	out := func(_, k int) []stocks { return scratch[k*n : (k+1)*n : (k+1)*n] }
	sp.stepRange(0, len(m.lines), out, false, func(li, k int, rates lineRates) {
		months := out(li, k)
		for i := range total {
			s := &months[i]
			total[i] += rates.workforce(s.inPost, s.inTraining*rates.traineeWTEPerHead)
		}
	})
}

// workScratch is the working space workforce needs for n months.
func (m *model) workScratch(n int) (*stepper, []stocks) {
	return &stepper{m: m}, make([]stocks, n*m.widestGroup())
}

// percentiles works out low, median, high (nearest rank: the P-th
// percentile of N values is the one at position ceil(P/100 x N) counting
// from 1, ascending) and the share on track for each month.
func (b *Band) percentiles(results []float64, runs, n int) {
	b.Low, b.Median, b.High, b.OnTrack = make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	month := make([]float64, runs)
	rank := func(pct int) int { return (pct*runs+99)/100 - 1 }
	for i := 0; i < n; i++ {
		onTrack := 0
		for r := 0; r < runs; r++ {
			month[r] = results[r*n+i]
			if month[r]-b.Target[i] >= 0 {
				onTrack++
			}
		}
		slices.Sort(month)
		b.Low[i], b.Median[i], b.High[i] = month[rank(10)], month[rank(50)], month[rank(90)]
		b.OnTrack[i] = float64(onTrack) / float64(runs)
	}
}
