package plan

import "math"

// The band's kernel for lines that pool their qualifiers (rule 8b): a
// profession's lines are stepped together month by month, as stepGroup
// steps them, for every run of a block side by side. Each month every
// line hires from its own list (hireOwn), the qualifiers still waiting
// take the room left in the profession's other lines (poolQualifiers),
// then each line recruits, loses those who gave up and counts its staff
// (finish). The sums are the engine's, in its order, so a run gives the
// engine's workforce to the last bit (TestBandKernelPoolsAsTheEngineDoes,
// TestBandKernelIsTheEngineWhenQualifiersMove).

// poolRun is a kernelRun's working space for one profession's lines and a
// block of runs: the slices of lines and runs hold line g's run r at
// g*runs+r.
type poolRun struct {
	queues              []waitingList
	inPost, lr, offered []float64
	stay, room, hired   []float64 // this month's, after the line's own hiring
	left                []float64 // this month's waiting list after the line's own hiring
	qual                []float64 // line g's qualifiers from qualAt[g]: a row per month they qualify in, a column per run
	qualAt              []int
	next                []int     // line g's next month someone qualifies in (an index of its slotMonth)
	waits               []int     // line g's runs with someone waiting at the end of the month before
	busy                []bool    // line g has someone qualifying, waiting or drawn away this month
	totalLeft           []float64 // run r's qualifiers left waiting after the lines' own hiring
	totalFree           []float64 // run r's funded room left after the lines' own hiring
	pooling             []bool    // run r pools this month
}

// poolGroup is a profession's lines that pool their qualifiers, with
// what stepPooled reads of each line every month laid out month by month:
// a month's figures for all the lines are side by side in memory.
type poolGroup struct {
	from, to int       // the lines, k.lines[from:to]
	funded   []float64 // [i*lines+g]: line g's funded posts at month i
	trainee  []float64 // [i*lines+g]: its salaried trainee WTE counted, 0 if none
	event    []bool    // [i*lines+g]: someone qualifies into it or is drawn away from it
}

// groupPools prepares the professions with more than one line when the
// lines pool their qualifiers.
func (k *bandKernel) groupPools() {
	if !k.m.pools() {
		return
	}
	n := k.m.months
	for from := 0; from < len(k.lines); {
		to := k.m.groupEnd(from)
		if to-from > 1 {
			w := to - from
			pg := poolGroup{from: from, to: to, funded: make([]float64, n*w), trainee: make([]float64, n*w), event: make([]bool, n*w)}
			for g, kl := range k.lines[from:to] {
				for i := range n {
					pg.funded[i*w+g], pg.event[i*w+g] = kl.funded[i], kl.demand[i] != 0
					if kl.counted {
						pg.trainee[i*w+g] = kl.trainee[i]
					}
				}
				for _, q := range kl.slotMonth {
					pg.event[q*w+g] = true
				}
			}
			k.groups = append(k.groups, pg)
		}
		from = to
	}
}

// workforceRunsPooled is workforceRuns for lines that pool their
// qualifiers: a profession with one line is stepped as workforceRuns
// steps it (its qualifiers have nowhere else to go), a profession with
// more lines by stepPooled.
func (k *bandKernel) workforceRunsPooled(totals []float64, shifts []map[string]Shift, run *kernelRun) {
	n := k.m.months
	runs := len(shifts)
	run.ready(k, shifts, n)
	next := 0 // the next of k.groups
	for from := 0; from < len(k.lines); {
		to := k.m.groupEnd(from)
		if to-from > 1 {
			k.stepPooled(&k.groups[next], run, runs)
			next++
			from = to
			continue
		}
		kl := &k.lines[from]
		qual := run.qual[:len(kl.slotMonth)*runs]
		clear(qual)
		base := kl.workforce(kl.line.inPost, 0)
		for r := range runs {
			run.lr[r], run.offered[r] = k.startRun(kl, run, runs, r, qual)
			run.queues[r].reset()
			run.inPost[r] = kl.line.inPost
			run.tot[r] += base
		}
		k.stepRuns(kl, run, runs, qual)
		from = to
	}
	for r := range runs { // month-major to run-major
		for i := range n {
			totals[r*n+i] = run.tot[i*runs+r]
		}
	}
}

// startRun is run r's monthly leaver rate and recruits offered a month
// for the line, its profession's shift applied as applyShifts applies it,
// and adds its qualifiers into column r of qual.
func (k *bandKernel) startRun(kl *kernelLine, run *kernelRun, runs, r int, qual []float64) (lr, offered float64) {
	l := kl.line
	leaverPct, recruits := l.leaverRatePct, l.recruitsPerYear
	var shift *Shift
	if kl.prof >= 0 && run.has[kl.prof*runs+r] {
		shift = &run.shift[kl.prof*runs+r]
		leaverPct = clamp(leaverPct+shift.LeaverPts, 0, 100)
		recruits = math.Max(0, recruits*(1+shift.RecruitPct/100))
	}
	kl.addQualifiedTo(qual, runs, r, shift)
	return run.leaverRate(kl.rateClass, r, leaverPct), recruits / 12
}

// ready makes room for the lines and a block of runs and empties their
// qualifiers.
func (pr *poolRun) ready(lines []kernelLine, runs int) {
	size := len(lines) * runs
	if len(pr.queues) < size {
		pr.queues = append(pr.queues, make([]waitingList, size-len(pr.queues))...)
	}
	pr.inPost, pr.lr, pr.offered = grow(pr.inPost, size), grow(pr.lr, size), grow(pr.offered, size)
	pr.stay, pr.room, pr.hired, pr.left = grow(pr.stay, size), grow(pr.room, size), grow(pr.hired, size), grow(pr.left, size)
	pr.qualAt, pr.next, pr.waits, pr.busy = pr.qualAt[:0], pr.next[:0], pr.waits[:0], pr.busy[:0]
	at := 0
	for g := range lines {
		pr.qualAt, pr.next, pr.waits = append(pr.qualAt, at), append(pr.next, 0), append(pr.waits, 0)
		pr.busy = append(pr.busy, false)
		at += len(lines[g].slotMonth) * runs
	}
	pr.qualAt = append(pr.qualAt, at)
	pr.qual = grow(pr.qual, at)
	clear(pr.qual)
	pr.totalLeft, pr.totalFree, pr.pooling = grow(pr.totalLeft, runs), grow(pr.totalFree, runs), growBools(pr.pooling, runs)
}

// stepPooled is stepGroup for one profession's lines (hires capped, as
// pooling needs) and every run of a block, month by month. Most lines
// are idle most months: nobody qualifies, waits or is drawn away, so
// they hire nobody of their own and, unless a run pools, each has a
// quietMonth. A month with no busy line goes through quietMonth alone;
// otherwise the busy lines hire their own first, adding up each run's
// qualifiers left waiting in line order (an idle line adds 0, which
// changes no sum). Runs with someone left add up the room free in every
// line, in line order, and pool if there is any; then each line pools
// (poolQualifiers changes a line's figures from its own and the totals
// only) and finishes.
func (k *bandKernel) stepPooled(pg *poolGroup, run *kernelRun, runs int) {
	lines, w := k.lines[pg.from:pg.to], pg.to-pg.from
	pr := &run.pool
	pr.ready(lines, runs)
	for g := range lines {
		kl := &lines[g]
		qual := pr.qual[pr.qualAt[g]:pr.qualAt[g+1]]
		base := kl.workforce(kl.line.inPost, 0)
		for r := range runs {
			j := g*runs + r
			pr.lr[j], pr.offered[j] = k.startRun(kl, run, runs, r, qual)
			pr.queues[j].reset()
			pr.inPost[j] = kl.line.inPost
			run.tot[r] += base
		}
	}
	for i := 1; i < k.m.months; i++ {
		tot := run.tot[i*runs : (i+1)*runs]
		funded, trainee := pg.funded[i*w:(i+1)*w], pg.trainee[i*w:(i+1)*w]
		busy := pr.mark(pg.event[i*w : (i+1)*w])
		clear(pr.totalLeft)
		for g := range lines {
			if pr.busy[g] {
				pr.hireOwn(&lines[g], g, runs, i)
			}
		}
		pools := busy && pr.free(funded, runs)
		counted, capped := lines[0].counted, lines[0].line.cap // the plan's, the same for every line
		for g := range lines {
			lo, hi := g*runs, (g+1)*runs
			switch {
			case pr.busy[g]:
				if pools {
					pr.pool(g, runs)
				}
				pr.waits[g] = pr.finish(&lines[g], g, runs, i, k.m.wait, tot)
			case pools:
				pr.finishIdle(lo, trainee[g], counted, tot)
			default:
				quietMonth(pr.inPost[lo:hi], pr.lr[lo:hi], pr.offered[lo:hi], tot, funded[g], trainee[g], capped, counted)
			}
		}
	}
}

// mark marks the lines with someone qualifying, waiting or drawn away in
// the month (event: the month's qualifying or drawing, line by line), and
// tells whether there are any.
func (pr *poolRun) mark(event []bool) bool {
	any := false
	for g, e := range event {
		b := e || pr.waits[g] > 0
		pr.busy[g] = b
		any = any || b
	}
	return any
}

// free adds up, for each run with qualifiers left waiting, the room left
// free in every line in line order (an idle line's room, as it hires
// nobody of its own), marks the runs that pool and tells whether any do.
func (pr *poolRun) free(funded []float64, runs int) bool {
	left := false
	for r := range runs {
		left = left || pr.totalLeft[r] > 0
	}
	if !left {
		return false
	}
	clear(pr.totalFree)
	totalFree := pr.totalFree[:runs]
	for g, funded := range funded {
		lo := g * runs
		if pr.busy[g] {
			room, hired := pr.room[lo:lo+runs], pr.hired[lo:lo+runs]
			for r := range totalFree {
				totalFree[r] += room[r] - hired[r]
			}
			continue
		}
		inPost, lr := pr.inPost[lo:lo+runs], pr.lr[lo:lo+runs]
		stay, room := pr.stay[lo:lo+runs], pr.room[lo:lo+runs]
		for r := range totalFree {
			x := inPost[r]
			stay[r] = x - x*lr[r]
			room[r] = funded - stay[r]
			if room[r] < 0 {
				room[r] = 0
			}
			totalFree[r] += room[r] // kept, with stay, for finishIdle
		}
	}
	pools := false
	for r := range runs {
		pr.pooling[r] = min(pr.totalLeft[r], totalFree[r]) > 0
		pools = pools || pr.pooling[r]
	}
	return pools
}

// finishIdle is pool and finish for an idle line (its runs from lo) in
// the month: in runs that pool, its room takes its share of the
// qualifiers waiting, or is filled; recruits fill what room is left.
func (pr *poolRun) finishIdle(lo int, trainee float64, counted bool, tot []float64) {
	runs := len(tot)
	inPost, stays, rooms, offered := pr.inPost[lo:lo+runs], pr.stay[lo:lo+runs], pr.room[lo:lo+runs], pr.offered[lo:lo+runs]
	pooling, left, free := pr.pooling[:runs], pr.totalLeft[:runs], pr.totalFree[:runs]
	tot = tot[:runs]
	for r := range tot {
		stay, room := stays[r], rooms[r] // free worked them out
		hired := 0.0
		if pooling[r] {
			if totalLeft, totalFree := left[r], free[r]; totalLeft <= totalFree {
				hired = room * totalLeft / totalFree
			} else {
				hired = room
			}
		}
		recruited := room - hired
		if offered[r] < recruited {
			recruited = offered[r]
		}
		if !(recruited > 0) {
			recruited = 0
		}
		x := stay + hired + recruited
		inPost[r] = x
		if counted {
			tot[r] += x + trainee
		} else {
			tot[r] += x
		}
	}
}

// hireOwn is lineStep.hireOwn for line g in month i, every run: leavers
// and staff drawn away go, this month's qualifiers join the list and the
// list fills the funded room, oldest first. What is left waiting and the
// qualifiers left waiting go into the run's total.
func (pr *poolRun) hireOwn(kl *kernelLine, g, runs, i int) {
	demand, funded := kl.demand[i], kl.funded[i]
	var q []float64
	if s := pr.next[g]; s < len(kl.slotMonth) && kl.slotMonth[s] == i {
		q = pr.qual[pr.qualAt[g]+s*runs : pr.qualAt[g]+(s+1)*runs]
		pr.next[g]++
	}
	lo := g * runs
	totalLeft := pr.totalLeft[:runs]
	for r := range runs {
		j := lo + r
		x := pr.inPost[j]
		stay := x - x*pr.lr[j]
		if demand < stay {
			stay -= demand
		} else {
			stay -= stay
		}
		queue := &pr.queues[j]
		if q != nil && q[r] > 0 {
			queue.join(q[r], i)
		}
		room := funded - stay
		if room < 0 { // nonNegative, written out
			room = 0
		}
		hired, left := 0.0, 0.0
		if len(queue.entries) > queue.head {
			hired = queue.hire(room)
			if len(queue.entries) > queue.head {
				left = queue.sum()
			}
		}
		pr.stay[j], pr.room[j], pr.hired[j], pr.left[j] = stay, room, hired, left
		totalLeft[r] += left
	}
}

// pool is poolQualifiers for line g in the runs that pool: the
// qualifiers still waiting take the room left in the other lines, all of
// them placed or every free post filled, each share in proportion.
func (pr *poolRun) pool(g, runs int) {
	lo := g * runs
	for r := range runs {
		if !pr.pooling[r] {
			continue
		}
		j := lo + r
		totalLeft, totalFree := pr.totalLeft[r], pr.totalFree[r]
		free := pr.room[j] - pr.hired[j]
		if totalLeft <= totalFree { // everyone waiting finds a post
			pr.queues[j].reset()
			pr.hired[j] += free * totalLeft / totalFree
		} else { // every free post is filled
			pr.queues[j].hire(pr.left[j] * totalFree / totalLeft)
			pr.hired[j] += free
		}
	}
}

// finish is lineStep.finish for line g in month i, every run: recruits
// fill the room left, those who have waited wait months give up, and the
// staff in post (and trainees counted) go into the run's total. It
// returns how many runs still have someone waiting.
func (pr *poolRun) finish(kl *kernelLine, g, runs, i, wait int, tot []float64) int {
	trainee := 0.0
	if kl.counted {
		trainee = kl.trainee[i]
	}
	waiting := 0
	lo := g * runs
	for r := range runs {
		j := lo + r
		hired := pr.hired[j]
		recruited := pr.room[j] - hired
		if pr.offered[j] < recruited {
			recruited = pr.offered[j]
		}
		if !(recruited > 0) {
			recruited = 0
		}
		queue := &pr.queues[j]
		if len(queue.entries) > queue.head {
			queue.giveUp(i - wait)
			if len(queue.entries) > queue.head {
				waiting++
			}
		}
		x := pr.stay[j] + hired + recruited
		pr.inPost[j] = x
		if kl.counted {
			tot[r] += x + trainee
		} else {
			tot[r] += x
		}
	}
	return waiting
}
