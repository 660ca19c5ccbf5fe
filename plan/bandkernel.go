package plan

import (
	"math"
	"slices"
)

// The band's kernel. A run of the band needs, of each line, only its staff
// in post month by month (and its waiting list): funded posts, the staff
// that courses draw, trainees and their WTE are the same in every run, so
// they are worked out once, and a run steps only what its draw changes.
// Every sum is made in the engine's order, so a run gives the engine's
// workforce to the last bit (TestBandKernelIsTheEngine).

// kernelLine is one line made ready for the band's runs.
type kernelLine struct {
	line    *lineModel
	funded  []float64 // funded posts at each month's end (rule 1)
	demand  []float64 // WTE its courses draw at each month (rule 6)
	trainee []float64 // salaried trainee WTE counted in the workforce, per month (0 when not counted)
	cohorts []*Cohort // those qualifying in the months after the baseline
	qualify []int     // the month index each of those qualifies in
	counted bool      // salaried trainees count in the workforce
	// slotMonth is each month someone qualifies in, ascending, and
	// slot[j] the place in it of cohorts[j]'s month.
	slotMonth []int
	slot      []int
	prof      int // the index of the line's profession in bandKernel.profs, -1 if none
	rateClass int // lines of a class share their leaver rate (and so its monthly rate)
}

// bandKernel is a model's lines made ready for the band's runs.
type bandKernel struct {
	m           *model
	lines       []kernelLine
	profs       []string // the plan's professions, in its order
	rateClasses int
	maxSlots    int // the most months any line has qualifiers in
}

// newBandKernel prepares the model's lines; nil when its lines pool their
// qualifiers (rule 8b), which the kernel does not step: the band then
// steps the engine.
func newBandKernel(m *model) *bandKernel {
	if m.pools() {
		return nil
	}
	k := &bandKernel{m: m, lines: make([]kernelLine, len(m.lines))}
	months := make([]stocks, m.months)
	for li := range m.lines {
		l := &m.lines[li]
		clear(months)
		m.addEvents(l, months)
		kl := kernelLine{line: l, funded: make([]float64, m.months), demand: make([]float64, m.months),
			trainee: make([]float64, m.months), counted: l.rates.countTrainees}
		kl.funded[0] = l.funded
		training := months[0].inTraining
		kl.trainee[0] = training * l.rates.traineeWTEPerHead
		for i := 1; i < m.months; i++ {
			training += months[i].inTraining
			kl.funded[i] = nonNegative(kl.funded[i-1] + months[i].funded)
			kl.demand[i] = months[i].movedOut
			kl.trainee[i] = training * l.rates.traineeWTEPerHead
		}
		for _, c := range l.cohorts {
			if q := int(c.QualifyMonth() - m.plan.Baseline); q >= 1 && q < m.months {
				kl.cohorts, kl.qualify = append(kl.cohorts, c), append(kl.qualify, q)
			}
		}
		kl.slots()
		k.maxSlots = max(k.maxSlots, len(kl.slotMonth))
		k.lines[li] = kl
	}
	k.classify()
	return k
}

// slots lists the months the line's cohorts qualify in, once each.
func (kl *kernelLine) slots() {
	kl.slotMonth = slices.Clone(kl.qualify)
	slices.Sort(kl.slotMonth)
	kl.slotMonth = slices.Compact(kl.slotMonth)
	kl.slot = make([]int, len(kl.qualify))
	for j, q := range kl.qualify {
		kl.slot[j], _ = slices.BinarySearch(kl.slotMonth, q)
	}
}

// classify gives each line its profession's index and its rate class:
// lines of one profession with the same leaver rate have the same
// monthly rate in every run, worked out once.
func (k *bandKernel) classify() {
	prof := map[string]int{}
	for i, pr := range k.m.plan.Professions {
		k.profs = append(k.profs, pr.ID)
		prof[pr.ID] = i
	}
	type rate struct {
		prof int
		pct  float64
	}
	classes := map[rate]int{}
	for li := range k.lines {
		kl := &k.lines[li]
		p, ok := prof[kl.line.key.Profession]
		if !ok {
			kl.prof, kl.rateClass = -1, -1
			continue
		}
		key := rate{p, kl.line.leaverRatePct}
		c, ok := classes[key]
		if !ok {
			c = len(classes)
			classes[key] = c
		}
		kl.prof, kl.rateClass = p, c
	}
	k.rateClasses = len(classes)
}

// workforceRuns is workforce for a block of runs at once, shifts[k] and
// totals[k*n:(k+1)*n] being run k's: each line is stepped for every run
// of the block side by side, month by month. A run's month hangs on its
// month before, a chain of a dozen dependent sums the processor must wait
// through; the runs of a block hang on nothing of each other, so it works
// them out together. Each run's total is still summed in line order.
func (k *bandKernel) workforceRuns(totals []float64, shifts []map[string]Shift, run *kernelRun) {
	n := k.m.months
	runs := len(shifts)
	run.ready(k, shifts, n)
	for li := range k.lines {
		kl := &k.lines[li]
		l := kl.line
		base := kl.workforce(l.inPost, 0)
		qual := run.qual[:len(kl.slotMonth)*runs]
		clear(qual)
		for r := range runs {
			leaverPct, recruits := l.leaverRatePct, l.recruitsPerYear
			var shift *Shift
			if kl.prof >= 0 && run.has[kl.prof*runs+r] {
				shift = &run.shift[kl.prof*runs+r]
				leaverPct = clamp(leaverPct+shift.LeaverPts, 0, 100)
				recruits = math.Max(0, recruits*(1+shift.RecruitPct/100))
			}
			run.offered[r] = recruits / 12
			run.lr[r] = run.leaverRate(kl.rateClass, r, leaverPct)
			kl.addQualifiedTo(qual, runs, r, shift)
			run.queues[r].reset()
			run.inPost[r] = l.inPost
			run.tot[r] += base
		}
		k.stepRuns(kl, run, runs, qual)
	}
	for r := range runs { // month-major to run-major
		for i := range n {
			totals[r*n+i] = run.tot[i*runs+r]
		}
	}
}

// addQualifiedTo is rule 3 for the line's cohorts into run r's column of
// q (a row per month a cohort qualifies in), with the run's shift of
// completion and take-up (nil: none), in Cohort.QualifiedWTE's order,
// without copying the cohort.
func (kl *kernelLine) addQualifiedTo(q []float64, runs, r int, shift *Shift) {
	for j, c := range kl.cohorts {
		completion, takeup := c.CompletionPct, c.TakeupPct
		if shift != nil {
			completion = clampPct(completion + shift.CompletionPts)
			takeup = clampPct(takeup + shift.TakeupPts)
		}
		q[kl.slot[j]*runs+r] += float64(c.Intake) * completion / 100 * takeup / 100 * kl.line.wtePerHead
	}
}

// clampPct is clamp(x, 0, 100), to the bit, written out: math.Min and
// math.Max are calls, and this is done for every cohort of every run.
func clampPct(x float64) float64 {
	switch {
	case x != x: // NaN, as clamp gives it back
		return x
	case x <= 0: // -0 too: math.Max(0, -0) is +0
		return 0
	case x >= 100:
		return 100
	}
	return x
}

// stepRuns is rules 2 to 10 for one line and every run of a block, month
// by month, the runs side by side (the same arithmetic as stepLine). Most
// months nobody qualifies, nobody waits and no course draws staff: then
// each run only loses its leavers and fills its room with recruits, and
// the runs go through a loop that does just that.
func (k *bandKernel) stepRuns(kl *kernelLine, run *kernelRun, runs int, qual []float64) {
	capped, wait, n := kl.line.cap, k.m.wait, k.m.months
	inPost, lr, offered := run.inPost[:runs], run.lr[:runs], run.offered[:runs]
	waiting, slot := 0, 0 // runs with someone waiting; the next month someone qualifies
	for i := 1; i < n; i++ {
		demand, funded := kl.demand[i], kl.funded[i]
		trainee := 0.0
		if kl.counted {
			trainee = kl.trainee[i]
		}
		tot := run.tot[i*runs : (i+1)*runs]
		joins := slot < len(kl.slotMonth) && kl.slotMonth[slot] == i
		if waiting == 0 && !joins && demand == 0 {
			quietMonth(inPost, lr, offered, tot, funded, trainee, capped, kl.counted)
			continue
		}
		var q []float64
		if joins {
			q = qual[slot*runs : (slot+1)*runs]
			slot++
		}
		waiting = 0
		for r := range runs {
			x := inPost[r]
			stay := x - x*lr[r]
			if demand < stay {
				stay -= demand
			} else {
				stay -= stay
			}
			queue := &run.queues[r]
			if q != nil && q[r] > 0 {
				queue.join(q[r], i)
			}
			var hired, recruited float64
			if capped {
				room := funded - stay
				if room < 0 {
					room = 0
				}
				if len(queue.entries) > queue.head {
					hired = queue.hire(room)
				}
				recruited = room - hired
				if offered[r] < recruited {
					recruited = offered[r]
				}
				if !(recruited > 0) {
					recruited = 0
				}
			} else {
				hired, recruited = queue.hire(math.Inf(1)), offered[r]
			}
			if len(queue.entries) > queue.head {
				queue.giveUp(i - wait)
			}
			if len(queue.entries) > queue.head {
				waiting++
			}
			x = stay + hired + recruited
			inPost[r] = x
			if kl.counted {
				tot[r] += x + trainee
			} else {
				tot[r] += x
			}
		}
	}
}

// quietMonth is a month of stepRuns with nobody qualifying or waiting
// and no course drawing staff: the same sums, with hired 0 and no demand
// (stay - 0 is stay, and stay + 0 + recruited is stay + recruited).
func quietMonth(inPost, lr, offered, tot []float64, funded, trainee float64, capped, counted bool) {
	lr, offered, tot = lr[:len(inPost)], offered[:len(inPost)], tot[:len(inPost)]
	for r, x := range inPost {
		stay := x - x*lr[r]
		recruited := offered[r]
		if capped {
			room := funded - stay
			if room < 0 {
				room = 0
			}
			if room < recruited {
				recruited = room
			}
			if !(recruited > 0) {
				recruited = 0
			}
		}
		x = stay + recruited
		inPost[r] = x
		if counted {
			tot[r] += x + trainee
		} else {
			tot[r] += x
		}
	}
}

// kernelRun is one worker's working space for a block of runs.
type kernelRun struct {
	qualified []float64 // workforce's
	queue     waitingList

	queues              []waitingList
	inPost, lr, offered []float64 // each run's, for the line being stepped
	qual                []float64 // the line's qualifiers: a row per month they qualify in, a column per run
	tot                 []float64 // the totals, month-major: tot[i*runs+r]
	shift               []Shift   // shift[p*runs+r]: profession p's in run r
	has                 []bool
	rates               []float64 // rates[c*runs+r]: rate class c's monthly leaver rate in run r
	rateOK              []bool
	runs                int
}

// ready makes room for a block of runs of n months and sorts the block's
// shifts by profession.
func (kr *kernelRun) ready(k *bandKernel, shifts []map[string]Shift, n int) {
	runs := len(shifts)
	kr.runs = runs
	if len(kr.queues) < runs {
		kr.queues = make([]waitingList, runs)
		kr.inPost, kr.lr, kr.offered = make([]float64, runs), make([]float64, runs), make([]float64, runs)
	}
	kr.tot = grow(kr.tot, n*runs)
	clear(kr.tot)
	kr.qual = grow(kr.qual, k.maxSlots*runs)
	kr.shift = growShifts(kr.shift, len(k.profs)*runs)
	kr.has = growBools(kr.has, len(k.profs)*runs)
	for p, id := range k.profs {
		for r, sh := range shifts {
			kr.shift[p*runs+r], kr.has[p*runs+r] = sh[id]
		}
	}
	kr.rates = grow(kr.rates, k.rateClasses*runs)
	kr.rateOK = growBools(kr.rateOK, k.rateClasses*runs)
	clear(kr.rateOK)
}

// leaverRate is rule 2's monthly rate for a leaver rate of pct: worked
// out once per run for the lines that share their profession's rate.
func (kr *kernelRun) leaverRate(class, r int, pct float64) float64 {
	if class < 0 {
		return 1 - math.Pow(1-pct/100, 1.0/12)
	}
	i := class*kr.runs + r
	if !kr.rateOK[i] {
		kr.rates[i], kr.rateOK[i] = 1-math.Pow(1-pct/100, 1.0/12), true
	}
	return kr.rates[i]
}

func grow(s []float64, n int) []float64 {
	if cap(s) < n {
		return make([]float64, n)
	}
	return s[:n]
}

func growShifts(s []Shift, n int) []Shift {
	if cap(s) < n {
		return make([]Shift, n)
	}
	return s[:n]
}

func growBools(s []bool, n int) []bool {
	if cap(s) < n {
		return make([]bool, n)
	}
	return s[:n]
}

// workforce adds up, month by month, the workforce of every line with the
// run's shifts (nil: none) into total, as model.workforce would.
func (k *bandKernel) workforce(total []float64, shifts map[string]Shift, run *kernelRun) {
	clear(total)
	if len(run.qualified) < len(total) {
		run.qualified = make([]float64, len(total))
	}
	for li := range k.lines {
		kl := &k.lines[li]
		l := kl.line
		leaverPct, recruits := l.leaverRatePct, l.recruitsPerYear
		var shift *Shift
		if s, ok := shifts[l.key.Profession]; ok {
			shift = &s
			leaverPct = clamp(leaverPct+s.LeaverPts, 0, 100)
			recruits = math.Max(0, recruits*(1+s.RecruitPct/100))
		}
		k.stepLine(kl, leaverPct, recruits/12, shift, total, run)
	}
}

// stepLine is rules 2 to 10 for one line, as lineStep does them.
func (k *bandKernel) stepLine(kl *kernelLine, leaverPct, offered float64, shift *Shift, total []float64, run *kernelRun) {
	l, q := kl.line, run.qualified
	for j, c := range kl.cohorts {
		completion, takeup := c.CompletionPct, c.TakeupPct
		if shift != nil {
			completion = clamp(completion+shift.CompletionPts, 0, 100)
			takeup = clamp(takeup+shift.TakeupPts, 0, 100)
		}
		// rule 3 in Cohort.QualifiedWTE's order, without copying the cohort
		q[kl.qualify[j]] += float64(c.Intake) * completion / 100 * takeup / 100 * l.wtePerHead
	}
	lr := 1 - math.Pow(1-leaverPct/100, 1.0/12)
	queue := &run.queue
	queue.reset()
	inPost := l.inPost
	total[0] += kl.workforce(inPost, 0)
	wait := k.m.wait
	// min and max are written out: the built-ins' care for NaN costs a
	// third of the loop, and no figure here is NaN.
	for i := 1; i < len(total); i++ {
		stay := inPost - inPost*lr
		if d := kl.demand[i]; d < stay {
			stay -= d
		} else {
			stay -= stay
		}
		if q[i] > 0 {
			queue.join(q[i], i)
			q[i] = 0
		}
		var hired, recruited float64
		if l.cap {
			room := kl.funded[i] - stay
			if room < 0 { // nonNegative, written out
				room = 0
			}
			hired = queue.hire(room)
			recruited = room - hired
			if offered < recruited {
				recruited = offered
			}
			if !(recruited > 0) {
				recruited = 0
			}
		} else {
			hired, recruited = queue.hire(math.Inf(1)), offered
		}
		if len(queue.entries) > queue.head {
			queue.giveUp(i - wait)
		}
		inPost = stay + hired + recruited
		if kl.counted {
			total[i] += inPost + kl.trainee[i]
		} else {
			total[i] += inPost
		}
	}
}

func (kl *kernelLine) workforce(inPost float64, i int) float64 {
	if kl.counted {
		return inPost + kl.trainee[i]
	}
	return inPost
}
