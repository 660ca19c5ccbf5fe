package plan

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

// RollupMember is one plan of a roll-up (a region's ICS plans, say), with
// the scenario it counts by ("" for the plan itself).
type RollupMember struct {
	Name     string // as the roll-up shows it: the plan's name, say
	Plan     *Plan
	Scenario string
}

// MemberProjection is one member's own figures in a roll-up, over its
// own months: it keeps its own baseline and trajectory.
type MemberProjection struct {
	Name, Scenario    string
	Baseline, Horizon Month
	Workforce         []float64 // its total workforce, month by month from its baseline
	Target            []float64 // its own trajectory's target
	Base              float64   // the WTE its growth is measured from
	JudgedAt          Month     // the month the member's own plan is judged at
	milestones        []Milestone
}

// Covers tells whether the member has month m: it contributes nothing
// outside its baseline to horizon.
func (mp *MemberProjection) Covers(m Month) bool { return m >= mp.Baseline && m <= mp.Horizon }

// RollupProjection is the sum of a roll-up's members' projections, month
// by month over the union of their months: line rows (per profession and
// service area) summed across the plans, the total row the sum of those,
// the target the sum of the members' targets. It is an ordinary
// Projection, so the projection table writes it unchanged.
type RollupProjection struct {
	Projection
	Members []MemberProjection
	// From and To are the months every member covers.
	From, To Month
}

// ProjectRollup projects every member (its plan or scenario) and sums
// them. Plans are never merged: each is projected with its own baseline,
// horizon and assumptions, and counts only in its own months. Members
// that share no month are refused, with the months of each.
func ProjectRollup(members []RollupMember) (*RollupProjection, error) {
	if len(members) == 0 {
		return nil, fmt.Errorf("a roll-up needs at least one plan")
	}
	models := make([]*model, len(members))
	rp := &RollupProjection{Members: make([]MemberProjection, len(members))}
	for k, mb := range members {
		if mb.Plan == nil {
			return nil, fmt.Errorf("%s: no plan", mb.Name)
		}
		m, err := newModel(mb.Plan, mb.Scenario, nil)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", mb.Name, err)
		}
		models[k] = m
		rp.Members[k] = MemberProjection{Name: mb.Name, Scenario: mb.Scenario,
			Baseline: mb.Plan.Baseline, Horizon: mb.Plan.Horizon}
	}
	if err := rp.setMonths(); err != nil {
		return nil, err
	}
	keys, index := rollupLines(models)
	if n := len(keys) * rp.Months(); n > MaxLineMonths {
		return nil, fmt.Errorf("the roll-up is too large to project at once: %s post lines over %s months is %s line-months, and PsyPlan projects up to %s",
			Num(float64(len(keys))), Num(float64(rp.Months())), Num(float64(n)), Num(MaxLineMonths))
	}
	rp.Lines = make([]Line, len(keys))
	for li, k := range keys {
		rp.Lines[li].Key = k
	}
	rp.shareOut(index)
	rp.sumMembers(models, index)
	rp.memberTargets(models)
	rp.sumTargets()
	return rp, nil
}

// setMonths sets the roll-up's months, the union of the members', and
// the months they all cover, refusing members that share none.
func (rp *RollupProjection) setMonths() error {
	first := &rp.Members[0]
	rp.Baseline, rp.Horizon, rp.From, rp.To = first.Baseline, first.Horizon, first.Baseline, first.Horizon
	for _, m := range rp.Members[1:] {
		rp.Baseline, rp.Horizon = min(rp.Baseline, m.Baseline), max(rp.Horizon, m.Horizon)
		rp.From, rp.To = max(rp.From, m.Baseline), min(rp.To, m.Horizon)
	}
	if rp.From <= rp.To {
		return nil
	}
	each := make([]string, len(rp.Members))
	for k, m := range rp.Members {
		each[k] = fmt.Sprintf("%s %s to %s", m.Name, m.Baseline, m.Horizon)
	}
	return fmt.Errorf("the plans share no month, so they cannot be rolled up: %s", strings.Join(each, "; "))
}

// rollupLines is every line of any member, sorted as the projection
// table is, and for each member the roll-up line of each of its lines.
func rollupLines(models []*model) ([]LineKey, [][]int) {
	seen := map[LineKey]int{}
	var keys []LineKey
	for _, m := range models {
		for _, l := range m.lines {
			if _, ok := seen[l.key]; !ok {
				seen[l.key] = 0
				keys = append(keys, l.key)
			}
		}
	}
	sort.Slice(keys, func(a, b int) bool { return keys[a].Less(keys[b]) })
	for i, k := range keys {
		seen[k] = i
	}
	index := make([][]int, len(models))
	for k, m := range models {
		index[k] = make([]int, len(m.lines))
		for li, l := range m.lines {
			index[k][li] = seen[l.key]
		}
	}
	return keys, index
}

// shareOut decides what each roll-up line holds. A line only one member
// has, over all the roll-up's months (every line, when the members are
// the areas of one country with the same months), keeps that member's
// line as the engine leaves it (sumLines gives it its months): nothing
// is copied. Any other line holds rows, which the members' lines are
// added into.
func (rp *RollupProjection) shareOut(index [][]int) {
	n := rp.Months()
	members := make([]int, len(rp.Lines))
	whole := make([]bool, len(rp.Lines))
	for k, lines := range index {
		mp := &rp.Members[k]
		for _, li := range lines {
			members[li]++
			whole[li] = mp.Baseline == rp.Baseline && mp.Horizon == rp.Horizon
		}
	}
	summed := 0
	for li := range rp.Lines {
		if members[li] > 1 || !whole[li] {
			summed++
		}
	}
	rows := make([]Row, summed*n)
	for li := range rp.Lines {
		if members[li] > 1 || !whole[li] {
			rp.Lines[li].rows, rows = rows[:n:n], rows[n:]
		}
	}
}

// sumMembers steps every member's lines into the roll-up's lines, adds
// each member's workforce into its own total, and sums the total row.
// A big roll-up's lines are shared between two workers, the first lines
// to one, the rest to the other, each summing its lines' total in line
// order; the total is the first's plus the second's. Each roll-up line
// is summed by one worker in the members' order, and the split depends
// only on the members: the same bits however it is run.
func (rp *RollupProjection) sumMembers(models []*model, index [][]int) {
	for _, m := range models {
		m.stepPooled()
	}
	lines := len(rp.Lines)
	work, total := make([]int, lines), 0
	for k, m := range models {
		rp.Members[k].Workforce = make([]float64, m.months)
		for _, li := range index[k] {
			work[li] += m.months
			total += m.months
		}
	}
	split := lines // roll-up lines from split on go to the second worker
	if total >= 50_000 {
		done := 0
		for split = 0; split < lines && done < total/2; split++ {
			done += work[split]
		}
	}
	rp.Total = make([]Row, rp.Months())
	tails := make([][]float64, len(models)) // the second worker's lines' workforce, line by line
	var wg sync.WaitGroup
	wg.Add(1)
	second := make([]Row, rp.Months())
	go func() {
		defer wg.Done()
		rp.sumLines(models, index, split, lines, tails)
		for li := split; li < lines; li++ {
			rp.Lines[li].addTo(second)
		}
	}()
	rp.sumLines(models, index, 0, split, nil)
	for li := 0; li < split; li++ {
		rp.Lines[li].addTo(rp.Total)
	}
	wg.Wait()
	if split < lines {
		for i := range rp.Total {
			rp.Total[i].Add(second[i])
		}
	}
	for k := range tails { // after the first lines, in line order, as the member's own total is summed
		wf := rp.Members[k].Workforce
		for t := 0; t < len(tails[k]); t += len(wf) {
			for i := range wf {
				wf[i] += tails[k][t+i]
			}
		}
	}
}

// sumLines steps every member line whose roll-up line is from from to to
// (excluded): a member's lines are sorted as the roll-up's are, so those
// are a run of them. A kept line is stepped in place; any other is
// stepped aside and its rows added in at the member's months. Each
// line's workforce is added to the member's total, or, with tails, kept
// line by line for adding later.
func (rp *RollupProjection) sumLines(models []*model, index [][]int, from, to int, tails [][]float64) {
	if from >= to {
		return
	}
	var queue waitingList
	var scratch []stocks
	for k, m := range models {
		mp := &rp.Members[k]
		first, last := sort.SearchInts(index[k], from), sort.SearchInts(index[k], to)
		if first == last {
			continue
		}
		if cap(scratch) < m.months {
			scratch = make([]stocks, m.months)
		}
		wf := mp.Workforce
		if tails != nil {
			tails[k] = make([]float64, (last-first)*m.months)
		}
		off := int(mp.Baseline - rp.Baseline)
		var kept []stocks // the member's kept lines' months, allocated by the worker that fills them
		for li := first; li < last; li++ {
			if tails != nil {
				wf = tails[k][(li-first)*m.months:]
			}
			dst := &rp.Lines[index[k][li]]
			if dst.rows == nil {
				if kept == nil {
					kept = make([]stocks, (last-li)*m.months)
				}
				dst.months, kept = kept[:m.months:m.months], kept[m.months:]
				dst.lineRates = m.stepLine(li, dst.months, &queue, true) // kept is fresh: already zero
				for i := 0; i < m.months; i++ {
					s := &dst.months[i]
					wf[i] += dst.workforce(s.inPost, s.inTraining*dst.traineeWTEPerHead)
				}
				continue
			}
			line := Line{months: scratch[:m.months]}
			line.lineRates = m.stepLine(li, line.months, &queue, false)
			for i := 0; i < m.months; i++ {
				r := line.Row(i)
				dst.rows[off+i].Add(r)
				wf[i] += r.Workforce
			}
		}
	}
}

// memberTargets sets each member's own target and judged month.
func (rp *RollupProjection) memberTargets(models []*model) {
	for k, m := range models {
		mp := &rp.Members[k]
		mp.Target = make([]float64, m.months)
		for i := range mp.Target {
			mp.Target[i] = m.base * (1 + GrowthAt(m.plan, mp.Baseline+Month(i))/100)
		}
		mp.JudgedAt = m.plan.JudgedAt(mp.Horizon)
		mp.Base, mp.milestones = m.base, m.plan.Trajectory.Milestones
	}
}

// sumTargets sets the roll-up's target, the sum of the targets of the
// members that cover each month, and its gap.
func (rp *RollupProjection) sumTargets() {
	n := rp.Months()
	rp.Target, rp.Gap = make([]float64, n), make([]float64, n)
	for i := range rp.Target {
		m := rp.Month(i)
		for k := range rp.Members {
			mp := &rp.Members[k]
			if mp.Covers(m) {
				rp.Target[i] += mp.Target[m-mp.Baseline]
			}
		}
		rp.Gap[i] = rp.Total[i].Workforce - rp.Target[i]
	}
}

// Absent is the names of the members that contribute nothing at month
// index i (it is outside their baseline to horizon), in the roll-up's
// order; nil when every member counts.
func (rp *RollupProjection) Absent(i int) []string {
	m := rp.Month(i)
	var out []string
	for k := range rp.Members {
		if !rp.Members[k].Covers(m) {
			out = append(out, rp.Members[k].Name)
		}
	}
	return out
}

// Notes says, for each member that does not cover all the roll-up's
// months, where it contributes nothing: "Leeds counts nothing from
// 2020-03 to 2021-02 (its months are 2021-03 to 2030-03)." Empty when
// every member covers every month.
func (rp *RollupProjection) Notes() []string {
	var out []string
	for _, mp := range rp.Members {
		var spans []string
		if mp.Baseline > rp.Baseline {
			spans = append(spans, span(rp.Baseline, mp.Baseline-1))
		}
		if mp.Horizon < rp.Horizon {
			spans = append(spans, span(mp.Horizon+1, rp.Horizon))
		}
		if spans != nil {
			out = append(out, fmt.Sprintf("%s counts nothing %s (its months are %s to %s).",
				mp.Name, strings.Join(spans, " and "), mp.Baseline, mp.Horizon))
		}
	}
	return out
}

func span(from, to Month) string {
	if from == to {
		return "in " + from.String()
	}
	return fmt.Sprintf("from %s to %s", from, to)
}

// JudgedAt is the month the roll-up is judged at: the last of the
// members' own judged months that every member covers, else the last
// month every member covers. It is where the region is held to its
// trajectory and where the members' gaps are compared.
func (rp *RollupProjection) JudgedAt() Month {
	at, found := rp.To, false
	for _, mp := range rp.Members {
		if mp.JudgedAt >= rp.From && mp.JudgedAt <= rp.To && (!found || mp.JudgedAt > at) {
			at, found = mp.JudgedAt, true
		}
	}
	return at
}

// MemberGap is one member's workforce against its own trajectory at a month.
type MemberGap struct {
	Name              string
	Workforce, Target float64
	Gap               float64 // Workforce - Target: negative is behind
	GapPct            float64 // Gap as a share of Target, in per cent
}

// GapsAt is each member's gap at month m, most behind first (ties by
// name, then the roll-up's order): which ICS is behind. Members that do
// not cover m are left out (Absent says which).
func (rp *RollupProjection) GapsAt(m Month) []MemberGap {
	var out []MemberGap
	for k := range rp.Members {
		mp := &rp.Members[k]
		if !mp.Covers(m) {
			continue
		}
		i := m - mp.Baseline
		g := MemberGap{Name: mp.Name, Workforce: mp.Workforce[i], Target: mp.Target[i]}
		g.Gap = g.Workforce - g.Target
		g.GapPct = percentOf(g.Gap, g.Target)
		out = append(out, g)
	}
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].Gap != out[b].Gap {
			return out[a].Gap < out[b].Gap
		}
		return out[a].Name < out[b].Name
	})
	return out
}

// Summarise is the roll-up's headline figures, as Summarise gives a
// plan's, at the month the roll-up is judged at. Growth is measured from
// the sum of the members' own bases. "So far" counts to today kept inside
// the months every member covers, so growth is never measured over a
// month some member is missing from. A roll-up has no census actuals.
func (rp *RollupProjection) Summarise(today Month) Summary {
	base := 0.0
	for _, mp := range rp.Members {
		base += mp.Base
	}
	s := Summary{BaselineWTE: base, At: rp.JudgedAt(), AtMilestone: true}
	for _, mp := range rp.Members {
		s.AtMilestone = s.AtMilestone && hasMilestone(mp.milestones, s.At)
	}
	i, last := rp.Index(s.At), len(rp.Total)-1
	s.GrowthPct = percentOf(rp.Target[i]-base, base)
	s.Projected, s.Target, s.Gap = rp.Total[i].Workforce, rp.Target[i], rp.Gap[i]
	s.GapPct = percentOf(s.Gap, s.Target)
	s.Vacancies = rp.Total[i].Vacancies
	s.HorizonProjected, s.HorizonTarget, s.HorizonGap = rp.Total[last].Workforce, rp.Target[last], rp.Gap[last]
	s.Today = min(max(today, rp.From), rp.To)
	s.GrowthSoFarPct = percentOf(rp.Total[rp.Index(s.Today)].Workforce-base, base)
	for _, r := range rp.Total {
		s.Unplaced += r.Unplaced
	}
	return s
}

func hasMilestone(ms []Milestone, m Month) bool {
	for _, x := range ms {
		if x.Month == m {
			return true
		}
	}
	return false
}

// stepPooled steps every line of a model whose lines pool their
// qualifiers (rule 8b), keeping the months for stepLine: such lines
// cannot be stepped one by one.
func (m *model) stepPooled() {
	if !m.pools() {
		return
	}
	m.pooled = make([][]stocks, len(m.lines))
	m.pooledRates = make([]lineRates, len(m.lines))
	all := make([]stocks, len(m.lines)*m.months)
	sp := stepper{m: m}
	out := func(i, _ int) []stocks {
		m.pooled[i] = all[i*m.months : (i+1)*m.months : (i+1)*m.months]
		return m.pooled[i]
	}
	sp.stepRange(0, len(m.lines), out, true, func(i, _ int, rates lineRates) { m.pooledRates[i] = rates })
}

// stepLine steps line li into months, alone, or copies it from
// stepPooled's months when the lines pool.
func (m *model) stepLine(li int, months []stocks, queue *waitingList, zeroed bool) lineRates {
	if m.pooled != nil {
		copy(months, m.pooled[li])
		return m.pooledRates[li]
	}
	if zeroed {
		return m.stepZeroed(&m.lines[li], months, queue)
	}
	return m.step(&m.lines[li], months, queue)
}
