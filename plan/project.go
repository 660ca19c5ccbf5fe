package plan

import (
	"fmt"
	"math"
	"sort"
)

// Row is one post line (or the total) in one month. Stocks are as at the
// end of the month; flows are what happened during it. WTE unless noted.
type Row struct {
	InPost     float64
	Headcount  float64 // people
	Funded     float64
	Vacancies  float64
	Leavers    float64
	Qualified  float64 // qualifiers' WTE, placed or not
	Recruited  float64 // hired from outside the plan's own training
	Unplaced   float64 // qualifiers who found no funded post
	InTraining float64 // people
	PayCost    float64 // pounds in the month
}

// Line is the projection of one post line; Rows[i] is month Baseline+i.
type Line struct {
	Key  LineKey
	Rows []Row
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
	keys, index := lineKeys(p.Posts, cohorts)
	inputs := resolveInputs(p, sc, keys)

	pr := &Projection{Scenario: scenario, Baseline: p.Baseline, Horizon: p.Horizon}
	rows := make([]Row, len(keys)*n)
	pr.Lines = make([]Line, len(keys))
	for i, k := range keys {
		pr.Lines[i] = Line{Key: k, Rows: rows[i*n : (i+1)*n : (i+1)*n]}
	}
	addCohorts(pr, cohorts, index, inputs)
	for i := range pr.Lines {
		stepLine(pr.Lines[i].Rows, inputs[i], p.Baseline)
	}
	pr.Total = sumLines(pr.Lines, n)
	pr.Target, pr.Gap = trajectoryTargets(p, pr.Total)
	return pr, nil
}

// lineKeys lists the plan's post lines plus every line that only cohorts
// name, sorted as the projection table is.
func lineKeys(posts []PostLine, cohorts []Cohort) ([]LineKey, map[LineKey]int) {
	seen := make(map[LineKey]bool, len(posts))
	var keys []LineKey
	add := func(k LineKey) {
		if !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	for _, l := range posts {
		add(l.Key())
	}
	for _, c := range cohorts {
		add(c.Key())
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].Less(keys[j]) })
	index := make(map[LineKey]int, len(keys))
	for i, k := range keys {
		index[k] = i
	}
	return keys, index
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
func addCohorts(pr *Projection, cohorts []Cohort, index map[LineKey]int, inputs []lineInputs) {
	n := pr.Months()
	for _, c := range cohorts {
		li := index[c.Key()]
		rows := pr.Lines[li].Rows
		q := int(c.QualifyMonth() - pr.Baseline)
		if q >= 1 && q < n { // at or before the baseline: already in the stock
			rows[q].Qualified += float64(c.Intake) * c.CompletionPct / 100 * c.TakeupPct / 100 * inputs[li].wtePerHead
		}
		start := int(c.Start - pr.Baseline)
		if q <= 0 || start >= n {
			continue // not training in any projected month
		}
		rows[max(start, 0)].InTraining += float64(c.Intake)
		if q < n {
			rows[q].InTraining -= float64(c.Intake)
		}
	}
}

// stepLine runs rules 1 to 12 for one line, month by month.
func stepLine(rows []Row, in lineInputs, baseline Month) {
	l := 1 - math.Pow(1-in.leaverRatePct/100, 1.0/12)
	recruited := in.recruitsPerYear / 12
	w := in.wtePerHead
	deltas := fundedDeltas(in.changes, baseline, len(rows))

	r := &rows[0]
	r.InPost, r.Headcount, r.Funded = in.inPost, in.headcount, in.funded
	r.Vacancies = nonNegative(r.Funded - r.InPost)
	r.Qualified = 0
	r.PayCost = r.InPost * in.costPerWTE / 12
	training := r.InTraining
	for m := 1; m < len(rows); m++ {
		prev, r := &rows[m-1], &rows[m]
		training += r.InTraining
		r.InTraining = training
		r.Funded = nonNegative(prev.Funded + deltas(m))
		r.Leavers = prev.InPost * l
		r.Recruited = recruited
		stay := prev.InPost - r.Leavers
		hiredQ, hiredR := r.Qualified, recruited
		if in.cap {
			room := nonNegative(r.Funded - stay)
			hiredQ = min(r.Qualified, room)
			hiredR = min(recruited, room-hiredQ)
		}
		r.Unplaced = r.Qualified - hiredQ
		r.InPost = stay + hiredQ + hiredR
		r.Headcount = prev.Headcount*(1-l) + (hiredQ+hiredR)/w
		r.Vacancies = nonNegative(r.Funded - r.InPost)
		r.PayCost = r.InPost * in.costPerWTE / 12
	}
}

// fundedDeltas returns the sum of the funded-post changes at month index m.
func fundedDeltas(changes []FundedChange, baseline Month, n int) func(m int) float64 {
	if len(changes) == 0 {
		return func(int) float64 { return 0 }
	}
	d := make([]float64, n)
	for _, c := range changes {
		if i := int(c.Month - baseline); i >= 1 && i < n {
			d[i] += c.FundedWTEDelta
		}
	}
	return func(m int) float64 { return d[m] }
}

func nonNegative(x float64) float64 {
	if x < 0 {
		return 0
	}
	return x
}

// sumLines adds every column over the lines, in line order, per month.
func sumLines(lines []Line, n int) []Row {
	total := make([]Row, n)
	for _, l := range lines {
		for m := range total {
			t, r := &total[m], &l.Rows[m]
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
	}
	return total
}
