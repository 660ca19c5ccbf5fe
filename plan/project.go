package plan

import (
	"fmt"
	"math"
	"sort"
	"sync"
)

// Row is one post line (or the total) in one month. Stocks are as at the
// end of the month; flows are what happened during it. WTE unless noted.
type Row struct {
	InPost         float64
	Headcount      float64 // people
	Funded         float64
	Vacancies      float64
	Leavers        float64
	MovedOut       float64 // staff in post who left to start a training course
	Qualified      float64 // qualifiers' WTE this month, placed or not
	HiredQualified float64 // qualifiers hired this month (this month's or waiting)
	Recruited      float64 // recruits hired from outside the plan's own training
	Unplaced       float64 // qualifiers lost to the plan this month (gave up waiting)
	Waiting        float64 // qualifiers still waiting for a post at the month's end
	InTraining     float64 // people
	TraineeWTE     float64 // salaried trainees' WTE
	Workforce      float64 // what the trajectory measures: in post, plus salaried trainees if counted
	PayCost        float64 // pounds in the month
}

// Add adds every column of r: totals are sums, vacancies included.
func (t *Row) Add(r Row) {
	t.InPost += r.InPost
	t.Headcount += r.Headcount
	t.Funded += r.Funded
	t.Vacancies += r.Vacancies
	t.Leavers += r.Leavers
	t.Qualified += r.Qualified
	t.Recruited += r.Recruited
	t.Unplaced += r.Unplaced
	t.InTraining += r.InTraining
	t.PayCost += r.PayCost
}

// Line is the projection of one post line. It keeps the stocks and the
// qualifiers month by month and works the other columns out when read, with
// the same arithmetic as the engine: a national plan's projection is then a
// third smaller, and faster to make.
type Line struct {
	Key        LineKey
	months     []stocks // months[i] is month Baseline+i
	leaverRate float64  // monthly
	recruited  float64  // WTE offered each month
	costPerWTE float64
}

type stocks struct {
	inPost, headcount, funded, qualified, unplaced, inTraining float64
}

// Row is the line's month of index i (0 is the baseline).
func (l *Line) Row(i int) Row {
	s := &l.months[i]
	r := Row{InPost: s.inPost, Headcount: s.headcount, Funded: s.funded, Qualified: s.qualified,
		Unplaced: s.unplaced, InTraining: s.inTraining}
	r.Vacancies = nonNegative(s.funded - s.inPost)
	r.PayCost = s.inPost * l.costPerWTE / 12
	if i > 0 {
		r.Leavers = l.months[i-1].inPost * l.leaverRate
		r.Recruited = l.recruited
	}
	return r
}

// Rows is every month of the line.
func (l *Line) Rows() []Row {
	out := make([]Row, len(l.months))
	for i := range out {
		out[i] = l.Row(i)
	}
	return out
}

// Projection is the month-by-month workforce of a plan (or of one of its
// scenarios) from the baseline to the horizon, against the trajectory.
type Projection struct {
	Scenario string // "" for the plan itself
	Baseline Month
	Horizon  Month
	Lines    []Line    // sorted by profession id, then service area
	Total    []Row     // sum over the lines, per month
	Target   []float64 // the trajectory's WTE, per month
	Gap      []float64 // total in post minus target: negative is behind
}

// Months is the number of months from the baseline to the horizon, both included.
func (pr *Projection) Months() int { return int(pr.Horizon-pr.Baseline) + 1 }

// Month is the calendar month of index i.
func (pr *Projection) Month(i int) Month { return pr.Baseline + Month(i) }

// Index is the index of month m, or -1 outside the projection.
func (pr *Projection) Index(m Month) int {
	if m < pr.Baseline || m > pr.Horizon {
		return -1
	}
	return int(m - pr.Baseline)
}

// lineInputs is what the projection of one line starts from, with the
// scenario's overrides applied.
type lineInputs struct {
	inPost, headcount, funded float64
	recruitsPerYear           float64
	leaverRatePct             float64
	wtePerHead, costPerWTE    float64
	changes                   []FundedChange
	cap                       bool // hires only fill funded vacancies
}

// Project runs the model of docs/model.md for the plan, or for the named
// scenario of it ("" for the plan itself).
func Project(p *Plan, scenario string) (*Projection, error) {
	var sc *Scenario
	if scenario != "" {
		if sc = p.Scenario(scenario); sc == nil {
			return nil, fmt.Errorf("the plan has no scenario %q", scenario)
		}
	}
	n := int(p.Horizon-p.Baseline) + 1
	if n < 1 {
		return nil, fmt.Errorf("the horizon %s is not after the baseline %s", p.Horizon, p.Baseline)
	}
	cohorts := p.Cohorts
	if sc != nil && len(sc.ExtraCohorts) > 0 {
		cohorts = append(append([]Cohort(nil), p.Cohorts...), sc.ExtraCohorts...)
	}
	keys, byLine := linesAndCohorts(p.Posts, cohorts)
	inputs := resolveInputs(p, sc, keys)

	pr := &Projection{Scenario: scenario, Baseline: p.Baseline, Horizon: p.Horizon}
	months := make([]stocks, len(keys)*n)
	pr.Lines = make([]Line, len(keys))
	pr.Total = make([]Row, n)
	project := func(from, to int, total []Row) {
		for i := from; i < to; i++ {
			l := &pr.Lines[i]
			*l = Line{Key: keys[i], months: months[i*n : (i+1)*n : (i+1)*n]}
			addCohorts(l.months, byLine[i], inputs[i].wtePerHead, p.Baseline)
			stepLine(l, inputs[i], p.Baseline, total)
		}
	}
	// Lines are independent, so a big plan's second half is projected on
	// another core. The totals are still summed in line order, so they
	// come out the same to the last bit however the work is split.
	half := len(keys) / 2
	if len(keys)*n < 50_000 {
		half = len(keys)
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); project(half, len(keys), nil) }()
	project(0, half, pr.Total)
	wg.Wait()
	for i := half; i < len(keys); i++ {
		pr.Lines[i].addTo(pr.Total)
	}
	pr.Target, pr.Gap = trajectoryTargets(p, pr.Total)
	return pr, nil
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
	sort.Slice(order, func(a, b int) bool { return keys[order[a]].Less(keys[order[b]]) })
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

// resolveInputs applies the most specific value in force to each line:
// the scenario's post override, the plan's post line, the scenario's
// profession override, the plan's profession.
func resolveInputs(p *Plan, sc *Scenario, keys []LineKey) []lineInputs {
	profs := make(map[string]Profession, len(p.Professions))
	for _, pr := range p.Professions {
		profs[pr.ID] = pr
	}
	posts := make(map[LineKey]*PostLine, len(p.Posts))
	for i := range p.Posts {
		posts[p.Posts[i].Key()] = &p.Posts[i]
	}
	postOv := map[LineKey]*PostOverride{}
	if sc != nil {
		for _, o := range sc.Professions {
			pr := profs[o.Profession]
			setIf(&pr.LeaverRatePct, o.LeaverRatePct)
			setIf(&pr.WTEPerHead, o.WTEPerHead)
			setIf(&pr.CostPerWTE, o.CostPerWTE)
			profs[o.Profession] = pr
		}
		for i := range sc.Posts {
			o := &sc.Posts[i]
			postOv[LineKey{o.Profession, o.ServiceArea}] = o
		}
	}
	capHires := p.CapHires
	if sc != nil && sc.CapHires != nil {
		capHires = *sc.CapHires
	}
	out := make([]lineInputs, len(keys))
	for i, k := range keys {
		pr, ok := profs[k.Profession]
		if !ok || pr.WTEPerHead <= 0 {
			pr.WTEPerHead = 1 // only an invalid plan gets here
		}
		in := lineInputs{leaverRatePct: pr.LeaverRatePct, wtePerHead: pr.WTEPerHead, costPerWTE: pr.CostPerWTE, cap: capHires}
		var headcount *float64
		if l := posts[k]; l != nil {
			in.inPost, in.funded, in.recruitsPerYear = l.InPostWTE, l.FundedWTE, l.RecruitsWTEPerYear
			setIf(&in.leaverRatePct, l.LeaverRatePct)
			in.changes = l.Changes
			headcount = l.InPostHeadcount
		}
		if o := postOv[k]; o != nil {
			setIf(&in.recruitsPerYear, o.RecruitsWTEPerYear)
			setIf(&in.leaverRatePct, o.LeaverRatePct)
			setIf(&in.funded, o.FundedWTE)
			setIf(&in.inPost, o.InPostWTE)
		}
		in.headcount = in.inPost / in.wtePerHead
		setIf(&in.headcount, headcount)
		out[i] = in
	}
	return out
}

func setIf(dst *float64, v *float64) {
	if v != nil {
		*dst = *v
	}
}

// addCohorts puts each cohort's qualifiers (rule 3) into the month they
// qualify, and its trainees (rule 11) into the months they train. The
// trainees go in as differences (+intake at the start, -intake at the end)
// that stepLine adds up, so a long course costs two additions, not one per
// month.
func addCohorts(months []stocks, cohorts []*Cohort, wtePerHead float64, baseline Month) {
	n := len(months)
	for _, c := range cohorts {
		q := int(c.QualifyMonth() - baseline)
		if q >= 1 && q < n { // at or before the baseline: already in the stock
			months[q].qualified += float64(c.Intake) * c.CompletionPct / 100 * c.TakeupPct / 100 * wtePerHead
		}
		start := int(c.Start - baseline)
		if q <= 0 || start >= n {
			continue // not training in any projected month
		}
		months[max(start, 0)].inTraining += float64(c.Intake)
		if q < n {
			months[q].inTraining -= float64(c.Intake)
		}
	}
}

// stepLine runs rules 1 to 12 for one line, month by month, and adds the
// line's columns into the totals as it goes. Line.Row works out leavers,
// recruits, vacancies and pay cost again from the same numbers.
func stepLine(line *Line, in lineInputs, baseline Month, total []Row) {
	l := 1 - math.Pow(1-in.leaverRatePct/100, 1.0/12)
	recruited := in.recruitsPerYear / 12
	line.leaverRate, line.recruited, line.costPerWTE = l, recruited, in.costPerWTE
	w := in.wtePerHead
	months := line.months
	for _, c := range in.changes { // summed per month first, as rule 1 says
		if i := int(c.Month - baseline); i >= 1 && i < len(months) {
			months[i].funded += c.FundedWTEDelta
		}
	}

	s := &months[0]
	s.inPost, s.headcount, s.funded, s.qualified = in.inPost, in.headcount, in.funded, 0
	training := s.inTraining
	if total != nil {
		addTo(&total[0], s, 0, 0, in.costPerWTE)
	}
	for m := 1; m < len(months); m++ {
		prev, s := &months[m-1], &months[m]
		training += s.inTraining
		s.inTraining = training
		s.funded = nonNegative(prev.funded + s.funded) // s.funded held the month's changes
		stay := prev.inPost - prev.inPost*l
		hiredQ, hiredR := s.qualified, recruited
		if in.cap {
			room := nonNegative(s.funded - stay)
			hiredQ = min(s.qualified, room)
			hiredR = min(recruited, room-hiredQ)
		}
		s.unplaced = s.qualified - hiredQ
		s.inPost = stay + hiredQ + hiredR
		s.headcount = prev.headcount*(1-l) + (hiredQ+hiredR)/w
		if total != nil {
			addTo(&total[m], s, prev.inPost*l, recruited, in.costPerWTE)
		}
	}
}

func nonNegative(x float64) float64 {
	if x < 0 {
		return 0
	}
	return x
}

// addTo adds every month of the line into the totals.
func (l *Line) addTo(total []Row) {
	addTo(&total[0], &l.months[0], 0, 0, l.costPerWTE)
	for m := 1; m < len(total); m++ {
		addTo(&total[m], &l.months[m], l.months[m-1].inPost*l.leaverRate, l.recruited, l.costPerWTE)
	}
}

// addTo adds one line's month into the month's total: the sum over the
// lines in their order, every column summed (vacancies too, not recomputed).
func addTo(t *Row, s *stocks, leavers, recruited, costPerWTE float64) {
	t.InPost += s.inPost
	t.Headcount += s.headcount
	t.Funded += s.funded
	t.Vacancies += nonNegative(s.funded - s.inPost)
	t.Leavers += leavers
	t.Qualified += s.qualified
	t.Recruited += recruited
	t.Unplaced += s.unplaced
	t.InTraining += s.inTraining
	t.PayCost += s.inPost * costPerWTE / 12
}
