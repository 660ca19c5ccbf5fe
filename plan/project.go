package plan

import (
	"fmt"
	"sync"
)

// Row is one post line (or the total) in one month. Stocks are as at the
// end of the month; flows are what happened during it. WTE unless noted.
// The flows add up: InPost = last month's InPost - Leavers - MovedOut +
// HiredQualified + Recruited.
type Row struct {
	InPost         float64
	Headcount      float64 // people
	Funded         float64
	Vacancies      float64
	Leavers        float64
	MovedOut       float64 // staff in post who left to start a training course
	Qualified      float64 // qualifiers' WTE this month, placed or not
	HiredQualified float64 // qualifiers hired this month (this month's or waiting, own or from other service areas)
	// PlacedElsewhere is this line's waiting qualifiers who took a post in
	// another service area of their profession this month (rule 8b).
	PlacedElsewhere float64
	// PooledIn is the part of HiredQualified that came from other service
	// areas' lists (rule 8b). It is not a column of the table.
	PooledIn   float64
	Recruited  float64 // recruits hired from outside the plan's own training
	Unplaced   float64 // qualifiers lost to the plan this month (gave up waiting)
	Waiting    float64 // qualifiers still waiting for a post at the month's end
	InTraining float64 // people
	TraineeWTE float64 // salaried trainees' WTE
	Workforce  float64 // what the trajectory measures: in post, plus salaried trainees if counted
	PayCost    float64 // pounds in the month
}

// Add adds every column of r: totals are sums, vacancies included.
func (t *Row) Add(r Row) {
	t.InPost += r.InPost
	t.Headcount += r.Headcount
	t.Funded += r.Funded
	t.Vacancies += r.Vacancies
	t.Leavers += r.Leavers
	t.MovedOut += r.MovedOut
	t.Qualified += r.Qualified
	t.HiredQualified += r.HiredQualified
	t.PlacedElsewhere += r.PlacedElsewhere
	t.PooledIn += r.PooledIn
	t.Recruited += r.Recruited
	t.Unplaced += r.Unplaced
	t.Waiting += r.Waiting
	t.InTraining += r.InTraining
	t.TraineeWTE += r.TraineeWTE
	t.Workforce += r.Workforce
	t.PayCost += r.PayCost
}

// Line is the projection of one post line. It keeps the stocks and flows
// the engine works out month by month, and derives the rest (vacancies,
// leavers, trainee WTE, workforce, pay cost) when read, with the same
// arithmetic: a national plan's projection is then a third smaller.
type Line struct {
	Key    LineKey
	months []stocks // months[i] is month Baseline+i
	rows   []Row    // instead of months: a line summed from others (a roll-up's)
	lineRates
}

// lineRates is what a line's derived columns need besides its stocks.
type lineRates struct {
	leaverRate        float64 // monthly
	costPerWTE        float64
	traineeWTEPerHead float64 // 0 unless the profession's trainees are salaried
	traineeCostPerWTE float64
	countTrainees     bool      // salaried trainees count in the workforce
	payFactor         []float64 // (1 + pay award)^Aprils so far, per month; shared by the lines
}

// stocks is one line's month as the engine leaves it.
type stocks struct {
	inPost, headcount, funded, movedOut, qualified, hiredQualified,
	placedElsewhere, pooledIn, recruited, unplaced, waiting, inTraining float64
}

// Row is the line's month of index i (0 is the baseline).
func (l *Line) Row(i int) Row {
	if l.rows != nil {
		return l.rows[i]
	}
	s := &l.months[i]
	r := Row{InPost: s.inPost, Headcount: s.headcount, Funded: s.funded, MovedOut: s.movedOut,
		Qualified: s.qualified, HiredQualified: s.hiredQualified, PlacedElsewhere: s.placedElsewhere, PooledIn: s.pooledIn, Recruited: s.recruited,
		Unplaced: s.unplaced, Waiting: s.waiting, InTraining: s.inTraining}
	r.Vacancies = nonNegative(s.funded - s.inPost)
	if i > 0 {
		r.Leavers = l.months[i-1].inPost * l.leaverRate
	}
	r.TraineeWTE = s.inTraining * l.traineeWTEPerHead
	r.Workforce = l.workforce(s.inPost, r.TraineeWTE)
	r.PayCost = l.payCost(i, s.inPost, r.TraineeWTE)
	return r
}

func (l *lineRates) workforce(inPost, traineeWTE float64) float64 {
	if l.countTrainees {
		return inPost + traineeWTE
	}
	return inPost
}

// Rows is every month of the line.
func (l *Line) Rows() []Row {
	out := make([]Row, max(len(l.months), len(l.rows)))
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
	Gap      []float64 // total workforce minus target: negative is behind
	// ByProfession is set when each of Lines is a profession's lines
	// summed (ProjectByProfession): its Key has no service area.
	ByProfession bool
}

// Months is the number of months from the baseline to the horizon, both included.
func (pj *Projection) Months() int { return int(pj.Horizon-pj.Baseline) + 1 }

// Month is the calendar month of index i.
func (pj *Projection) Month(i int) Month { return pj.Baseline + Month(i) }

// Index is the index of month m, or -1 outside the projection.
func (pj *Projection) Index(m Month) int {
	if m < pj.Baseline || m > pj.Horizon {
		return -1
	}
	return int(m - pj.Baseline)
}

// Project runs the model of docs/model.md for the plan, or for the named
// scenario of it ("" for the plan itself).
func Project(p *Plan, scenario string) (*Projection, error) {
	m, err := newModel(p, scenario, nil)
	if err != nil {
		return nil, err
	}
	if err := m.checkSize(); err != nil {
		return nil, err
	}
	return m.project(scenario), nil
}

// ProjectByProfession is Project with each profession's lines summed
// into one line (its key's service area empty): what the board paper
// reads. The totals, target and gap are Project's to the bit, and each
// profession's rows are its lines' rows added in line order, as a reader
// adding up Project's lines by profession gets them. No line's months are
// kept: a national projection's are 60 MB of fresh memory, most of the
// time it takes.
func ProjectByProfession(p *Plan, scenario string) (*Projection, error) {
	m, err := newModel(p, scenario, nil)
	if err != nil {
		return nil, err
	}
	if err := m.checkSize(); err != nil { // refused as Project refuses it, whatever is kept
		return nil, err
	}
	return m.byProfession(scenario), nil
}

// byProfession steps the lines on one core, in line order: a profession's
// lines are together, as Lines is sorted.
func (m *model) byProfession(scenario string) *Projection {
	n := m.months
	pj := &Projection{Scenario: scenario, Baseline: m.plan.Baseline, Horizon: m.plan.Horizon, Total: make([]Row, n), ByProfession: true}
	m.stepLines(0, len(m.lines), n-1, func(li int, months []stocks, r *lineRates) {
		l := Line{months: months, lineRates: *r}
		l.addTo(pj.Total)
		prof := m.lines[li].key.Profession
		if k := len(pj.Lines); k == 0 || pj.Lines[k-1].Key.Profession != prof {
			pj.Lines = append(pj.Lines, Line{Key: LineKey{Profession: prof}, rows: make([]Row, n)})
		}
		l.addTo(pj.Lines[len(pj.Lines)-1].rows)
	})
	pj.Target, pj.Gap = m.targets(pj.Total)
	return pj
}

// MaxLineMonths is the most post-line months one projection holds (about
// 100 bytes each): the national plan to 2070 holds 2 million; ten times
// that would take more memory than a laptop should give one output.
const MaxLineMonths = 12_000_000

// checkSize refuses, before anything is allocated for it, a projection
// too large to hold, naming its size.
func (m *model) checkSize() error {
	if n := len(m.lines) * m.months; n > MaxLineMonths {
		return fmt.Errorf("the plan is too large to project at once: %s post lines over %s months is %s line-months, and PsyPlan projects up to %s (shorten the horizon or split the plan)",
			Num(float64(len(m.lines))), Num(float64(m.months)), Num(float64(n)), Num(MaxLineMonths))
	}
	return nil
}

// project steps every line of the model, two cores sharing the lines of a
// big plan, and sums the totals.
func (m *model) project(scenario string) *Projection {
	p := m.plan
	n := m.months
	pj := &Projection{Scenario: scenario, Baseline: p.Baseline, Horizon: p.Horizon}
	pj.Lines = make([]Line, len(m.lines))
	pj.Total = make([]Row, n)
	project := func(from, to int, total []Row) {
		months := make([]stocks, (to-from)*n) // made (and so zeroed) on the core that fills it
		sp := stepper{m: m}
		out := func(i, _ int) []stocks {
			j := i - from
			pj.Lines[i] = Line{Key: m.lines[i].key, months: months[j*n : (j+1)*n : (j+1)*n]}
			return pj.Lines[i].months
		}
		sp.stepRange(from, to, out, true, func(i, _ int, rates lineRates) {
			pj.Lines[i].lineRates = rates
			if total != nil {
				pj.Lines[i].addTo(total)
			}
		})
	}
	// Professions are independent (lines too, unless qualifiers move
	// between service areas), so a big plan's second half is projected on
	// another core. The totals are still summed in line order, so they
	// come out the same to the last bit however the work is split.
	half := m.secondHalf(n)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); project(half, len(m.lines), nil) }()
	project(0, half, pj.Total)
	wg.Wait()
	for i := half; i < len(m.lines); i++ {
		pj.Lines[i].addTo(pj.Total)
	}
	pj.Target, pj.Gap = m.targets(pj.Total)
	return pj
}

// addTo adds every month of the line into the totals.
// It adds each column as Row works it out, to the same bits, without
// making the rows: a national projection adds 600,000 of them.
func (l *Line) addTo(total []Row) {
	if l.rows != nil {
		for i := range total {
			total[i].Add(l.rows[i])
		}
		return
	}
	for i := range total {
		s, t := &l.months[i], &total[i]
		t.InPost += s.inPost
		t.Headcount += s.headcount
		t.Funded += s.funded
		t.Vacancies += nonNegative(s.funded - s.inPost)
		if i > 0 {
			t.Leavers += l.months[i-1].inPost * l.leaverRate
		}
		t.MovedOut += s.movedOut
		t.Qualified += s.qualified
		t.HiredQualified += s.hiredQualified
		t.PlacedElsewhere += s.placedElsewhere
		t.PooledIn += s.pooledIn
		t.Recruited += s.recruited
		t.Unplaced += s.unplaced
		t.Waiting += s.waiting
		t.InTraining += s.inTraining
		traineeWTE := s.inTraining * l.traineeWTEPerHead
		t.TraineeWTE += traineeWTE
		t.Workforce += l.workforce(s.inPost, traineeWTE)
		t.PayCost += l.payCost(i, s.inPost, traineeWTE)
	}
}

// targets returns the trajectory's target and the gap for every month.
// The base is always the plan's own, so every scenario is measured
// against the same target.
func (m *model) targets(total []Row) (target, gap []float64) {
	target = make([]float64, len(total))
	gap = make([]float64, len(total))
	for i := range total {
		target[i] = m.base * (1 + GrowthAt(m.plan, m.plan.Baseline+Month(i))/100)
		gap[i] = total[i].Workforce - target[i]
	}
	return target, gap
}

func nonNegative(x float64) float64 {
	if x < 0 {
		return 0
	}
	return x
}

func errHorizon(p *Plan) error {
	return fmt.Errorf("the horizon %s is not after the baseline %s", p.Horizon, p.Baseline)
}

// scenarioOf finds the named scenario ("" is the plan itself: nil).
func scenarioOf(p *Plan, name string) (*Scenario, error) {
	if name == "" {
		return nil, nil
	}
	if sc := p.Scenario(name); sc != nil {
		return sc, nil
	}
	return nil, fmt.Errorf("the plan has no scenario %q", name)
}

// payCost is a line's pay cost in month i: one month of its staff in post
// and its salaried trainees at the month's pay. Rows, totals and the
// solver's extra cost all take it from here, so they agree to the bit.
//
// The products are converted explicitly so that no compiler fuses one
// into the sum (arm64 does, and amd64 at GOAMD64=v3): fused or not would
// then depend on how each caller's arguments were made.
func (r *lineRates) payCost(i int, inPost, traineeWTE float64) float64 {
	return (float64(inPost*r.costPerWTE) + float64(traineeWTE*r.traineeCostPerWTE)) * r.payFactor[i] / 12
}

// payCostByMonth is the total pay cost of each month, the same to the bit
// as the projection's Total[i].PayCost, keeping no line's months: the
// solver's extra pay cost needs this column only, and two whole national
// projections are 120 MB of memory to be fetched and cleared.
func (m *model) payCostByMonth() []float64 {
	n := m.months
	perLine := make([]float64, len(m.lines)*n)
	m.eachLine(n-1, func(li int, months []stocks, r *lineRates) {
		own := perLine[li*n : (li+1)*n]
		for i := range own {
			own[i] = r.payCost(i, months[i].inPost, months[i].inTraining*r.traineeWTEPerHead)
		}
	})
	pay := make([]float64, n)
	for li := range m.lines { // in line order, as Project sums them
		for i := range pay {
			pay[i] += perLine[li*n+i]
		}
	}
	return pay
}

// projectionAt is the projection of month index i alone (its baseline
// and horizon both that month): each line's row and the total, target
// and gap then, the same to the bit as Project's, without keeping every
// line's months.
func (m *model) projectionAt(i int) *Projection {
	pj := m.monthAlone(i)
	m.eachLine(i, func(li int, months []stocks, r *lineRates) {
		l := Line{months: months, lineRates: *r}
		pj.Lines[li].rows = []Row{l.Row(i)}
	})
	m.sumAlone(pj)
	return pj
}

// totalsOf is the projection's totals, target and gap every month with
// no line's months, and the projection of each month index of points
// alone (as projectionAt): what the side by side reads of a scenario. The
// lines are stepped on one core, keeping only those being stepped, and
// added in line order, so every figure is Project's to the bit.
func (m *model) totalsOf(scenario string, points []int) (*Projection, []*Projection) {
	n := m.months
	pj := &Projection{Scenario: scenario, Baseline: m.plan.Baseline, Horizon: m.plan.Horizon, Total: make([]Row, n)}
	at := make([]*Projection, len(points))
	for j, i := range points {
		at[j] = m.monthAlone(i)
	}
	m.stepLines(0, len(m.lines), n-1, func(li int, months []stocks, r *lineRates) {
		l := Line{months: months, lineRates: *r}
		l.addTo(pj.Total)
		for j, i := range points {
			at[j].Lines[li].rows = []Row{l.Row(i)}
		}
	})
	pj.Target, pj.Gap = m.targets(pj.Total)
	for _, a := range at {
		m.sumAlone(a)
	}
	return pj, at
}

// monthAlone is the frame of a projection of month index i alone: its
// lines' keys, their rows to be filled in.
func (m *model) monthAlone(i int) *Projection {
	at := m.plan.Baseline + Month(i)
	pj := &Projection{Baseline: at, Horizon: at, Lines: make([]Line, len(m.lines))}
	for li := range pj.Lines {
		pj.Lines[li].Key = m.lines[li].key
	}
	return pj
}

// sumAlone adds up a projection of one month alone, in line order, and
// its target and gap, as Project does.
func (m *model) sumAlone(pj *Projection) {
	pj.Total = make([]Row, 1)
	for li := range pj.Lines {
		pj.Total[0].Add(pj.Lines[li].rows[0])
	}
	pj.Target = []float64{m.base * (1 + GrowthAt(m.plan, pj.Baseline)/100)}
	pj.Gap = []float64{pj.Total[0].Workforce - pj.Target[0]}
}

// eachLine steps every line through month index last, keeping only the
// lines being stepped: visit gets each line's months 0 to last and its
// rates, and may keep nothing of the months. A big plan's lines are split
// over two cores (whole professions when they pool), so visit writes only
// what is line li's own.
func (m *model) eachLine(last int, visit func(li int, months []stocks, r *lineRates)) {
	half := m.secondHalf(last + 1)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); m.stepLines(half, len(m.lines), last, visit) }()
	m.stepLines(0, half, last, visit)
	wg.Wait()
}

// stepLines steps lines from to to (excluded) through month index last
// on this goroutine, in working space of a profession's lines.
func (m *model) stepLines(from, to, last int, visit func(li int, months []stocks, r *lineRates)) {
	n := last + 1
	scratch := make([]stocks, n*m.widestGroup())
	sp := stepper{m: m}
	out := func(_, k int) []stocks { return scratch[k*n : (k+1)*n : (k+1)*n] }
	sp.stepRange(from, to, out, false, func(li, k int, rates lineRates) { visit(li, out(li, k), &rates) })
}

// secondHalf is where a plan's lines are split over two cores when n
// months of them are stepped: at a profession's start when they pool; a
// small plan is not split (its second half is empty).
func (m *model) secondHalf(n int) int {
	if len(m.lines)*n < 50_000 {
		return len(m.lines)
	}
	return m.splitAt(len(m.lines) / 2)
}
