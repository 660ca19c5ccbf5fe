package plan

import (
	"maps"
	"math"
	"slices"
)

// model is a plan (or one of its scenarios) made ready to project: its
// lines sorted as the projection table is, each with the values in force
// and the cohorts that touch it. The projection, the solver and the band
// all step lines through it.
type model struct {
	plan      *Plan
	months    int  // from the baseline to the horizon, both included
	wait      int  // qualifier_wait_months in force
	move      bool // qualifiers_move_between_service_areas in force
	base      float64
	lines     []lineModel
	payFactor []float64
	// pooled and pooledRates are every line's months when the lines pool
	// their qualifiers, stepped together ahead (roll-ups): see stepPooled.
	pooled      [][]stocks
	pooledRates []lineRates
}

// lineModel is one line's inputs, the scenario's overrides applied.
type lineModel struct {
	key                       LineKey
	inPost, headcount, funded float64
	recruitsPerYear           float64
	leaverRatePct             float64
	wtePerHead                float64
	cap                       bool // hires only fill funded vacancies
	changes                   []FundedChange
	cohorts                   []*Cohort // qualify into this line
	drawn                     []*Cohort // their trainees leave this line's posts
	shift                     *Shift    // the band's draw for the line's profession, or nil
	rates                     lineRates
}

// Shift moves a profession's assumptions, as one run of the band draws
// them: each result is kept within its field's range.
type Shift struct {
	LeaverPts, CompletionPts, TakeupPts, RecruitPct float64
}

// newModel prepares the plan, or its named scenario, with each
// profession's assumptions shifted as shifts says (nil: none).
func newModel(p *Plan, scenario string, shifts map[string]Shift) (*model, error) {
	sc, err := scenarioOf(p, scenario)
	if err != nil {
		return nil, err
	}
	return modelOf(p, sc, shifts)
}

// modelOf prepares the plan with the scenario sc (nil: the plan itself),
// which need not be one of the plan's own: the solver tries many.
func modelOf(p *Plan, sc *Scenario, shifts map[string]Shift) (*model, error) {
	m, err := linesOf(p, sc, shifts)
	if err != nil {
		return nil, err
	}
	if sc == nil && shifts == nil {
		m.base = m.trajectoryBase()
	} else {
		m.base = p.TrajectoryBase()
	}
	return m, nil
}

// linesOf is modelOf without the trajectory's base (0), for a caller
// that has it already or does not need it: it is the plan's whatever the
// scenario, and summing it is a tenth of a national solver's time.
func linesOf(p *Plan, sc *Scenario, shifts map[string]Shift) (*model, error) {
	m := &model{plan: p, months: int(p.Horizon-p.Baseline) + 1, wait: p.QualifierWaitMonths, move: p.QualifiersMove}
	if m.months < 2 {
		return nil, errHorizon(p)
	}
	if sc != nil && sc.QualifierWaitMonths != nil {
		m.wait = *sc.QualifierWaitMonths
	}
	if sc != nil && sc.QualifiersMove != nil {
		m.move = *sc.QualifiersMove
	}
	m.payFactor = payFactors(p)
	cohorts := p.Cohorts
	if sc != nil && len(sc.ExtraCohorts) > 0 {
		cohorts = append(append([]Cohort(nil), p.Cohorts...), sc.ExtraCohorts...)
	}
	m.lines = resolveLines(p, sc, cohorts, m.payFactor)
	applyShifts(m.lines, shifts)
	return m, nil
}

// trajectoryBase is trajectory.baseline_wte, else the workforce at the
// baseline summed over the lines in their order, as the total row sums it.
func (m *model) trajectoryBase() float64 {
	if b := m.plan.Trajectory.BaselineWTE; b != nil {
		return *b
	}
	base := 0.0
	for i := range m.lines {
		l := &m.lines[i]
		training := 0.0
		for _, c := range l.cohorts {
			if c.Start <= m.plan.Baseline && c.QualifyMonth() > m.plan.Baseline {
				training += float64(c.Intake)
			}
		}
		// the product converted: fused into the sum by one build and not
		// by another, baselineWorkforce would not be this to the bit
		base += l.rates.workforce(l.inPost, float64(training*l.rates.traineeWTEPerHead))
	}
	return base
}

// TrajectoryBase is the WTE that growth is measured from: the plan's
// trajectory.baseline_wte, else its own workforce at the baseline.
func (p *Plan) TrajectoryBase() float64 {
	if p.Trajectory.BaselineWTE != nil {
		return *p.Trajectory.BaselineWTE
	}
	return baselineWorkforce(p)
}

// baselineWorkforce is the plan's workforce at the baseline summed as
// model.trajectoryBase sums it, to the bit, without resolving the lines
// (the solver asks for it with every scenario it tries). Only post lines
// and lines with trainees at the baseline can add anything: another line
// adds +0, which changes no sum of staff (never -0).
func baselineWorkforce(p *Plan) float64 {
	perHead := map[string]float64{} // salaried trainees' WTE a head, by profession
	for _, prof := range p.Professions {
		perHead[prof.ID] = 0
		if prof.TraineesSalaried {
			perHead[prof.ID] = prof.TraineeWTEPerHead
		}
	}
	type line struct{ inPost, training float64 }
	lines := map[LineKey]*line{}
	at := func(k LineKey) *line {
		l := lines[k]
		if l == nil {
			l = &line{}
			lines[k] = l
		}
		return l
	}
	for i := range p.Posts {
		at(p.Posts[i].Key()).inPost = p.Posts[i].InPostWTE // the last of two alike, as resolveLines
	}
	for i := range p.Cohorts {
		if c := &p.Cohorts[i]; c.Start <= p.Baseline && c.QualifyMonth() > p.Baseline {
			at(c.Key()).training += float64(c.Intake)
		}
	}
	keys := slices.SortedFunc(maps.Keys(lines), LineKey.Compare)
	base := 0.0
	for _, k := range keys {
		l := lines[k]
		rates := lineRates{countTrainees: p.CountSalariedTrainees, traineeWTEPerHead: perHead[k.Profession]}
		base += rates.workforce(l.inPost, float64(l.training*rates.traineeWTEPerHead)) // not fused, as trajectoryBase
	}
	return base
}

// payFactors is (1 + pay award)^k for each month, k the Aprils from the
// month after the baseline to that month (rule 15).
func payFactors(p *Plan) []float64 {
	f := make([]float64, int(p.Horizon-p.Baseline)+1)
	k := 0
	for i := range f {
		if i > 0 && (p.Baseline+Month(i)).MonthNumber() == 4 {
			k++
		}
		f[i] = 1
		if p.PayUpliftPctPerYear != 0 && k > 0 {
			f[i] = math.Pow(1+p.PayUpliftPctPerYear/100, float64(k))
		}
	}
	return f
}

// resolveLines lists the plan's post lines plus every line only cohorts
// name, sorted as the projection table is, each with the most specific
// value in force: the scenario's post override, the plan's post line, the
// scenario's profession override, the plan's profession.
func resolveLines(p *Plan, sc *Scenario, cohorts []Cohort, payFactor []float64) []lineModel {
	keys, byLine := linesAndCohorts(p.Posts, cohorts)
	profs := make(map[string]Profession, len(p.Professions))
	for _, prof := range p.Professions {
		profs[prof.ID] = prof
	}
	posts := make(map[LineKey]*PostLine, len(p.Posts))
	for i := range p.Posts {
		posts[p.Posts[i].Key()] = &p.Posts[i]
	}
	postOv := map[LineKey]*PostOverride{}
	capHires := p.CapHires
	if sc != nil {
		for _, o := range sc.Professions {
			prof := profs[o.Profession]
			setIf(&prof.LeaverRatePct, o.LeaverRatePct)
			setIf(&prof.WTEPerHead, o.WTEPerHead)
			setIf(&prof.CostPerWTE, o.CostPerWTE)
			profs[o.Profession] = prof
		}
		for i := range sc.Posts {
			o := &sc.Posts[i]
			postOv[LineKey{o.Profession, o.ServiceArea}] = o
		}
		if sc.CapHires != nil {
			capHires = *sc.CapHires
		}
	}
	lines := make([]lineModel, len(keys))
	for i, k := range keys {
		prof, ok := profs[k.Profession]
		if !ok || prof.WTEPerHead <= 0 {
			prof.WTEPerHead = 1 // only an invalid plan gets here
		}
		l := lineModel{key: k, leaverRatePct: prof.LeaverRatePct, wtePerHead: prof.WTEPerHead, cap: capHires, cohorts: byLine[i]}
		l.rates = lineRates{costPerWTE: prof.CostPerWTE, countTrainees: p.CountSalariedTrainees, payFactor: payFactor}
		if prof.TraineesSalaried {
			l.rates.traineeWTEPerHead, l.rates.traineeCostPerWTE = prof.TraineeWTEPerHead, prof.TraineeCostPerWTE
		}
		var headcount *float64
		if pl := posts[k]; pl != nil {
			l.inPost, l.funded, l.recruitsPerYear = pl.InPostWTE, pl.FundedWTE, pl.RecruitsWTEPerYear
			setIf(&l.leaverRatePct, pl.LeaverRatePct)
			l.changes = pl.Changes
			headcount = pl.InPostHeadcount
		}
		if o := postOv[k]; o != nil {
			setIf(&l.recruitsPerYear, o.RecruitsWTEPerYear)
			setIf(&l.leaverRatePct, o.LeaverRatePct)
			setIf(&l.funded, o.FundedWTE)
			setIf(&l.inPost, o.InPostWTE)
		}
		l.headcount = l.inPost / l.wtePerHead
		setIf(&l.headcount, headcount)
		lines[i] = l
	}
	addDraws(lines, cohorts)
	return lines
}

// applyShifts moves each line's leaver rate and recruits by its
// profession's shift, kept within their ranges; addEvents shifts the
// completion and take-up of its cohorts.
func applyShifts(lines []lineModel, shifts map[string]Shift) {
	if shifts == nil {
		return
	}
	for i := range lines {
		l := &lines[i]
		s, ok := shifts[l.key.Profession]
		if !ok {
			continue
		}
		l.shift = new(Shift)
		*l.shift = s
		l.leaverRatePct = clamp(l.leaverRatePct+s.LeaverPts, 0, 100)
		l.recruitsPerYear = math.Max(0, l.recruitsPerYear*(1+s.RecruitPct/100))
	}
}

// addDraws gives each line the cohorts whose trainees leave its posts
// (rule 6), in the plan's order.
func addDraws(lines []lineModel, cohorts []Cohort) {
	var index map[LineKey]int
	for i := range cohorts {
		c := &cohorts[i]
		if c.DrawnFrom == nil {
			continue
		}
		if index == nil {
			index = make(map[LineKey]int, len(lines))
			for j := range lines {
				index[lines[j].key] = j
			}
		}
		if j, ok := index[c.DrawnKey()]; ok { // a valid plan always has the line
			lines[j].drawn = append(lines[j].drawn, c)
		}
	}
}

func setIf(dst *float64, v *float64) {
	if v != nil {
		*dst = *v
	}
}

// linesAndCohorts lists the plan's post lines plus every line that only
// cohorts name, sorted as the projection table is, and each line's
// cohorts in the plan's order.
func linesAndCohorts(posts []PostLine, cohorts []Cohort) ([]LineKey, [][]*Cohort) {
	index := make(map[LineKey]int, len(posts))
	var keys []LineKey
	lineOf := func(k LineKey) int {
		i, ok := index[k]
		if !ok {
			i = len(keys)
			index[k] = i
			keys = append(keys, k)
		}
		return i
	}
	for _, l := range posts {
		lineOf(l.Key())
	}
	cohortLine := make([]int, len(cohorts))
	for i := range cohorts {
		if i > 0 && cohorts[i].Key() == cohorts[i-1].Key() {
			cohortLine[i] = cohortLine[i-1] // plans list a line's cohorts together: skip the hashing
			continue
		}
		cohortLine[i] = lineOf(cohorts[i].Key())
	}
	counts := make([]int, len(keys))
	for _, li := range cohortLine {
		counts[li]++
	}
	order := make([]int, len(keys))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return keys[a].Compare(keys[b]) })
	sorted := make([]LineKey, len(keys))
	rank := make([]int, len(keys))
	byLine := make([][]*Cohort, len(keys))
	all := make([]*Cohort, len(cohorts))
	next := 0
	for pos, old := range order { // carve one backing array into each line's part
		sorted[pos], rank[old] = keys[old], pos
		byLine[pos] = all[next : next : next+counts[old]]
		next += counts[old]
	}
	for i := range cohorts {
		r := rank[cohortLine[i]]
		byLine[r] = append(byLine[r], &cohorts[i])
	}
	return sorted, byLine
}

// step runs rules 1 to 14 for one line over len(months) months, leaving
// its stocks and flows in months (which it overwrites), and returns what
// the derived columns need. It steps the line alone: with qualifiers
// moving between service areas (rule 8b) use stepRange, which steps a
// profession's lines together.
func (m *model) step(l *lineModel, months []stocks, queue *waitingList) lineRates {
	clear(months)
	return m.stepZeroed(l, months, queue)
}

// stepZeroed is step on months known to be all zero (freshly made): a
// national projection's 50 MB are not cleared twice.
func (m *model) stepZeroed(l *lineModel, months []stocks, queue *waitingList) lineRates {
	st := lineStep{line: l, months: months, queue: queue}
	rates := m.begin(&st)
	for i := 1; i < len(months); i++ {
		st.hireOwn(i)
		st.finish(i, m.wait)
	}
	return rates
}

// lineStep is one line being stepped month by month: the month's hiring
// is split in two so that a profession's lines can pool their qualifiers
// between them (rule 8b).
type lineStep struct {
	line     *lineModel
	months   []stocks
	queue    *waitingList
	lr       float64 // monthly leaver rate
	offered  float64 // recruits offered a month
	training float64 // people in training, running
	stay     float64 // this month's staff staying, after leavers and moves
	room     float64 // this month's funded room (+Inf with capping off)
}

// begin sets the line's baseline month and events and empties its list.
func (m *model) begin(st *lineStep) lineRates {
	l := st.line
	rates := l.rates
	rates.leaverRate = 1 - math.Pow(1-l.leaverRatePct/100, 1.0/12)
	m.addEvents(l, st.months)
	st.lr, st.offered = rates.leaverRate, l.recruitsPerYear/12
	s := &st.months[0]
	s.inPost, s.headcount, s.funded = l.inPost, l.headcount, l.funded
	s.qualified, s.movedOut = 0, 0
	st.training = s.inTraining
	st.queue.reset()
	return rates
}

// hireOwn runs rules 1 to 8 for month i up to the line's own hiring: its
// waiting qualifiers fill its funded room, oldest first.
func (st *lineStep) hireOwn(i int) {
	prev, s := &st.months[i-1], &st.months[i]
	st.training += s.inTraining
	s.inTraining = st.training
	s.funded = nonNegative(prev.funded + s.funded) // s.funded held the month's changes
	stay := prev.inPost - prev.inPost*st.lr
	if stay < s.movedOut { // s.movedOut held the month's demand: min, written out (the built-in's NaN care is slow)
		s.movedOut = stay
	}
	stay -= s.movedOut
	st.queue.join(s.qualified, i)
	st.stay, st.room = stay, math.Inf(1)
	if st.line.cap {
		st.room = nonNegative(s.funded - stay)
	}
	s.hiredQualified = st.queue.hire(st.room)
}

// finish runs the rest of month i: recruits fill what room is left, those
// who have waited wait months give up (rule 9), and the stocks follow.
func (st *lineStep) finish(i, wait int) {
	prev, s := &st.months[i-1], &st.months[i]
	s.recruited = st.offered
	if st.line.cap { // max(0, min(offered, room - hired)), written out
		if left := st.room - s.hiredQualified; left < s.recruited {
			s.recruited = left
		}
		if !(s.recruited > 0) {
			s.recruited = 0
		}
	}
	s.unplaced, s.waiting = st.queue.giveUp(i - wait)
	s.inPost = st.stay + s.hiredQualified + s.recruited
	w := st.line.wtePerHead
	s.headcount = prev.headcount*(1-st.lr) - s.movedOut/w + (s.hiredQualified+s.recruited)/w
}

// poolQualifiers is rule 8b for month i over one profession's lines, once
// each has done its own hiring: the qualifiers still waiting take the
// room left in the other lines. Either everyone waiting is placed (each
// line's room shared out in proportion) or every free post is filled
// (each list giving in proportion to what it holds).
func poolQualifiers(group []lineStep, left []float64, i int) {
	totalLeft, totalFree := 0.0, 0.0
	for g := range group {
		st := &group[g]
		left[g] = st.queue.sum()
		totalLeft += left[g]
		totalFree += st.room - st.months[i].hiredQualified
	}
	if min(totalLeft, totalFree) <= 0 {
		return
	}
	for g := range group {
		st := &group[g]
		s := &st.months[i]
		free := st.room - s.hiredQualified
		if totalLeft <= totalFree { // everyone waiting finds a post
			s.placedElsewhere = left[g]
			st.queue.reset()
			s.pooledIn = free * totalLeft / totalFree
			s.hiredQualified += s.pooledIn
		} else { // every free post is filled
			s.placedElsewhere = left[g] * totalFree / totalLeft
			st.queue.hire(s.placedElsewhere)
			s.pooledIn = free
			s.hiredQualified += free
		}
	}
}

// pools tells whether the model's lines of one profession pool their
// qualifiers (rule 8b): the switch is on and hires are capped.
func (m *model) pools() bool { return m.move && len(m.lines) > 0 && m.lines[0].cap }

// groupEnd is the end (excluded) of the lines stepped together with line
// i: the rest of its profession's lines when pooling, else i alone.
func (m *model) groupEnd(i int) int {
	if !m.pools() {
		return i + 1
	}
	j := i + 1
	for j < len(m.lines) && m.lines[j].key.Profession == m.lines[i].key.Profession {
		j++
	}
	return j
}

// widestGroup is the most lines stepped together: a profession's lines
// when pooling, else 1.
func (m *model) widestGroup() int {
	w := 1
	for i := 0; i < len(m.lines); {
		end := m.groupEnd(i)
		w = max(w, end-i)
		i = end
	}
	return w
}

// splitAt moves a split of the lines at i forward to the start of a
// profession when pooling, so the two halves can be stepped apart.
func (m *model) splitAt(i int) int {
	if !m.pools() || i <= 0 || i >= len(m.lines) {
		return i
	}
	for i < len(m.lines) && m.lines[i].key.Profession == m.lines[i-1].key.Profession {
		i++
	}
	return i
}

// stepper steps ranges of a model's lines, keeping its lists and working
// space from one range to the next.
type stepper struct {
	m      *model
	queues []waitingList
	steps  []lineStep
	left   []float64
}

// stepRange steps lines from to to (excluded; whole professions when
// pooling) over the months of out(i, k), the months of line i, the k-th of
// the lines stepped with it (0 when lines are stepped alone). zeroed says
// out's months are already zero. done is told each line's rates once the
// line and those stepped with it are done.
func (sp *stepper) stepRange(from, to int, out func(i, k int) []stocks, zeroed bool, done func(i, k int, rates lineRates)) {
	m := sp.m
	for i := from; i < to; {
		end := m.groupEnd(i)
		n := end - i
		if len(sp.queues) < n {
			sp.queues = make([]waitingList, n)
			sp.steps, sp.left = make([]lineStep, n), make([]float64, n)
		}
		if n == 1 && !m.pools() {
			months := out(i, 0)
			if !zeroed {
				clear(months)
			}
			done(i, 0, m.stepZeroed(&m.lines[i], months, &sp.queues[0]))
			i = end
			continue
		}
		sp.stepGroup(i, end, out, zeroed, done)
		i = end
	}
}

// stepGroup steps one profession's lines together, month by month.
func (sp *stepper) stepGroup(from, to int, out func(i, k int) []stocks, zeroed bool, done func(i, k int, rates lineRates)) {
	m := sp.m
	group := sp.steps[:to-from]
	rates := make([]lineRates, len(group))
	months := 0
	for k := range group {
		st := lineStep{line: &m.lines[from+k], months: out(from+k, k), queue: &sp.queues[k]}
		if !zeroed {
			clear(st.months)
		}
		group[k] = st
		rates[k] = m.begin(&group[k])
		months = len(st.months)
	}
	for i := 1; i < months; i++ {
		for k := range group {
			group[k].hireOwn(i)
		}
		poolQualifiers(group, sp.left, i)
		for k := range group {
			group[k].finish(i, m.wait)
		}
	}
	for k := range group {
		done(from+k, k, rates[k])
	}
}

// addEvents puts into months what happens to the line at set months:
// funded changes (rule 1, summed per month first), each cohort's
// qualifiers in the month they qualify (rule 3), its trainees as
// differences (+intake at the start, -intake at the end, so a long course
// costs two additions) and the staff its course draws from the line
// (rule 6). Cohorts qualifying at or before the baseline are already in
// the stock; cohorts starting at or before it move nobody.
func (m *model) addEvents(l *lineModel, months []stocks) {
	n, base := len(months), m.plan.Baseline
	for _, c := range l.changes {
		if i := int(c.Month - base); i >= 1 && i < n {
			months[i].funded += c.FundedWTEDelta
		}
	}
	for _, c := range l.cohorts {
		q := int(c.QualifyMonth() - base)
		if q >= 1 && q < n {
			qc := c
			if l.shift != nil { // the band's draw: a shifted copy
				s := *c
				s.CompletionPct = clamp(c.CompletionPct+l.shift.CompletionPts, 0, 100)
				s.TakeupPct = clamp(c.TakeupPct+l.shift.TakeupPts, 0, 100)
				qc = &s
			}
			months[q].qualified += qc.QualifiedWTE(l.wtePerHead)
		}
		start := int(c.Start - base)
		if q <= 0 || start >= n {
			continue // not training in any projected month
		}
		months[max(start, 0)].inTraining += float64(c.Intake)
		if q < n {
			months[q].inTraining -= float64(c.Intake)
		}
	}
	for _, c := range l.drawn {
		if i := int(c.Start - base); i >= 1 && i < n {
			months[i].movedOut += float64(c.Intake) * c.DrawnFrom.Pct / 100 * l.wtePerHead
		}
	}
}

// waitingList is a line's qualifiers waiting for a post (rule 7): each
// entry an amount of WTE and the month it qualified, oldest first.
type waitingList struct {
	entries []waiting
	head    int
}

type waiting struct {
	wte   float64
	month int
}

func (q *waitingList) reset() { q.entries, q.head = q.entries[:0], 0 }

// join puts this month's qualifiers at the end of the list.
func (q *waitingList) join(wte float64, month int) {
	if wte > 0 {
		q.entries = append(q.entries, waiting{wte, month})
	}
}

func (q *waitingList) sum() float64 {
	t := 0.0
	for _, e := range q.entries[q.head:] {
		t += e.wte
	}
	return t
}

// hire takes up to room WTE from the front of the list (rule 8) and
// returns what it took.
func (q *waitingList) hire(room float64) float64 {
	all := q.sum()
	if all <= room {
		q.reset()
		return all
	}
	left := room
	for left > 0 && q.head < len(q.entries) {
		e := &q.entries[q.head]
		if e.wte > left {
			e.wte -= left
			break
		}
		left -= e.wte
		q.head++
	}
	return room
}

// giveUp removes the entries that qualified at or before month last
// (rule 9) and returns their WTE and the WTE still waiting.
func (q *waitingList) giveUp(last int) (unplaced, waiting float64) {
	for q.head < len(q.entries) && q.entries[q.head].month <= last {
		unplaced += q.entries[q.head].wte
		q.head++
	}
	if q.head == len(q.entries) {
		q.reset()
	}
	return unplaced, q.sum()
}
