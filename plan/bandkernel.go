package plan

import "math"

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
}

// bandKernel is a model's lines made ready for the band's runs.
type bandKernel struct {
	m     *model
	lines []kernelLine
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
		k.lines[li] = kl
	}
	return k
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
	clear(totals[:runs*n])
	run.ready(runs, n)
	for li := range k.lines {
		kl := &k.lines[li]
		l := kl.line
		for r, sh := range shifts {
			st := &run.lines[r]
			leaverPct, recruits := l.leaverRatePct, l.recruitsPerYear
			st.shift = nil
			if s, ok := sh[l.key.Profession]; ok {
				st.shiftCopy = s
				st.shift = &st.shiftCopy
				leaverPct = clamp(leaverPct+s.LeaverPts, 0, 100)
				recruits = math.Max(0, recruits*(1+s.RecruitPct/100))
			}
			st.offered = recruits / 12
			st.lr = 1 - math.Pow(1-leaverPct/100, 1.0/12)
			st.qualified = run.qualifiedOf(r, n)
			kl.addQualified(st.qualified, st.shift)
			st.queue.reset()
			st.inPost = l.inPost
			totals[r*n] += kl.workforce(st.inPost, 0)
		}
		k.stepRuns(kl, run.lines[:runs], totals, n)
	}
}

// addQualified is rule 3 for the line's cohorts into q, by month, with the
// run's shift of completion and take-up (nil: none), in
// Cohort.QualifiedWTE's order, without copying the cohort.
func (kl *kernelLine) addQualified(q []float64, shift *Shift) {
	for j, c := range kl.cohorts {
		completion, takeup := c.CompletionPct, c.TakeupPct
		if shift != nil {
			completion = clamp(completion+shift.CompletionPts, 0, 100)
			takeup = clamp(takeup+shift.TakeupPts, 0, 100)
		}
		q[kl.qualify[j]] += float64(c.Intake) * completion / 100 * takeup / 100 * kl.line.wtePerHead
	}
}

// runLine is one run's state of the line being stepped.
type runLine struct {
	inPost, lr, offered float64
	qualified           []float64
	queue               waitingList
	shift               *Shift
	shiftCopy           Shift
}

// stepRuns is rules 2 to 10 for one line and every run of a block, month
// by month, the runs side by side (the same arithmetic as stepLine).
func (k *bandKernel) stepRuns(kl *kernelLine, runs []runLine, totals []float64, n int) {
	capped, wait := kl.line.cap, k.m.wait
	for i := 1; i < n; i++ {
		demand, funded, trainee := kl.demand[i], kl.funded[i], kl.trainee[i]
		for r := range runs {
			st := &runs[r]
			inPost := st.inPost
			stay := inPost - inPost*st.lr
			if demand < stay {
				stay -= demand
			} else {
				stay -= stay
			}
			queue := &st.queue
			if q := st.qualified[i]; q > 0 {
				queue.join(q, i)
				st.qualified[i] = 0
			}
			var hired, recruited float64
			switch {
			case capped:
				room := funded - stay
				if room < 0 {
					room = 0
				}
				if len(queue.entries) > queue.head {
					hired = queue.hire(room)
				}
				recruited = room - hired
				if st.offered < recruited {
					recruited = st.offered
				}
				if !(recruited > 0) {
					recruited = 0
				}
			default:
				hired, recruited = queue.hire(math.Inf(1)), st.offered
			}
			if len(queue.entries) > queue.head {
				queue.giveUp(i - wait)
			}
			inPost = stay + hired + recruited
			st.inPost = inPost
			if kl.counted {
				totals[r*n+i] += inPost + trainee
			} else {
				totals[r*n+i] += inPost
			}
		}
	}
}

// kernelRun is one worker's working space.
type kernelRun struct {
	qualified []float64 // workforce's; a block's runs use space
	queue     waitingList
	lines     []runLine
	space     []float64
}

// ready makes room for a block of runs of n months.
func (kr *kernelRun) ready(runs, n int) {
	if len(kr.lines) < runs {
		kr.lines = make([]runLine, runs)
	}
	if len(kr.space) < runs*n {
		kr.space = make([]float64, runs*n)
	}
}

// qualifiedOf is run r's months of qualifiers: all zero (stepRuns clears
// what it reads).
func (kr *kernelRun) qualifiedOf(r, n int) []float64 { return kr.space[r*n : (r+1)*n : (r+1)*n] }

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
