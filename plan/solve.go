package plan

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// The solver's levers (answers.md).
const (
	LeverIntake      = "intake"
	LeverRecruitment = "recruitment"
	LeverFunded      = "funded"
)

// What the solver aims at (demand.md): the trajectory, or the access
// targets of the demand table.
const (
	TargetTrajectory = "trajectory"
	TargetDemand     = "demand"
)

// MaxSolvePct is the largest rise the solver tries.
const MaxSolvePct = 1000

// Question is what the room asks the solver: how much must the lever rise,
// from a month, for the workforce to reach the trajectory by a month?
type Question struct {
	Scenario    string   // the base: "" for the plan itself
	By          Month    // 0: the plan's first milestone after the baseline
	Lever       string   // LeverIntake ("" too), LeverRecruitment or LeverFunded
	Professions []string // nil: every profession the lever can move
	From        Month    // 0: the month after the baseline
	Target      string   // TargetTrajectory ("" too) or TargetDemand
}

// Answer is the solver's answer.
type Answer struct {
	Question            // with every default filled in
	Reachable   bool    // false: not even MaxSolvePct % is enough
	Reason      string  // why not, in plain words, when not reachable
	Pct         int     // the smallest whole-percent rise that meets the trajectory
	ExtraIntake int     // people on the extra cohorts (intake lever)
	Gap         float64 // the gap at By with the rise (TargetTrajectory)
	Shortfall   float64 // people a year short of the access targets at By with the rise (TargetDemand)
	// ExtraPayCost is the pay cost of the solved scenario minus the
	// base's, summed over the months after the baseline (pounds).
	ExtraPayCost float64
	Solved       Scenario // the base with the rise, unnamed
}

// Solve finds the smallest whole percent p in 0 to 1,000 for which the
// solved scenario S(p) of answers.md meets the trajectory at By (gap >=
// -1e-9), or, aimed at demand, leaves no shortfall of people at By
// (demand.md), by bisection: S(p) only grows with p.
func Solve(p *Plan, q Question) (Answer, error) {
	a := Answer{Question: q}
	base, err := scenarioOf(p, q.Scenario)
	if err != nil {
		return a, err
	}
	if err := a.fillDefaults(p, base); err != nil {
		return a, err
	}
	by := int(a.By - p.Baseline)
	trajectoryBase := p.TrajectoryBase() // every solved scenario's
	// solvedModel is the model of S(pct), the base raised by pct %.
	solvedModel := func(pct int) (*model, error) {
		m, err := linesOf(p, a.solved(p, base, pct), nil)
		if err == nil {
			m.base = trajectoryBase
		}
		return m, err
	}
	// miss is how far S(pct) is from the aim at By: minus the gap, or the
	// shortfall of people; it meets the aim at 1e-9 or less.
	miss := func(pct int) (float64, error) {
		m, err := solvedModel(pct)
		if err != nil {
			return 0, err
		}
		return a.missAt(m, by), nil
	}
	meets := func(x float64) bool { return x <= 1e-9 }
	// Already there? The smallest p may be 0 even where more does not
	// always help: with qualifiers moving between service areas, funded
	// posts raised everywhere can send qualifiers to lines that lose more
	// staff, so S(p) is not always monotone (answers.md assumes it is).
	if zero, err := miss(0); err != nil {
		return a, err
	} else if meets(zero) {
		a.Reachable = true
		a.setMiss(zero)
		a.Solved = *a.solved(p, base, 0)
		return a, nil
	}
	most, err := solvedModel(MaxSolvePct) // kept for whyNot
	if err != nil {
		return a, err
	}
	hiMiss := a.missAt(most, by)
	if !meets(hiMiss) {
		a.Reason = a.whyNot(p, base, hiMiss, most)
		return a, nil
	}
	lo, hi := 0, MaxSolvePct // S(lo) falls short, S(hi) meets
	best := hiMiss
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		x, err := miss(mid)
		if err != nil {
			return a, err
		}
		if meets(x) {
			hi, best = mid, x
		} else {
			lo = mid
		}
	}
	a.Reachable, a.Pct = true, hi
	a.setMiss(best)
	a.Solved = *a.solved(p, base, hi)
	if why := a.beyondLimits(); why != "" {
		a.Reachable, a.Reason = false, why
		return a, nil
	}
	if a.Lever == LeverIntake {
		for _, c := range a.Solved.ExtraCohorts[len(extraCohorts(base)):] {
			a.ExtraIntake += c.Intake
		}
	}
	if a.Pct > 0 {
		a.ExtraPayCost, err = a.extraPayCost(p, base)
	}
	return a, err
}

// setMiss records how far the answer is from the aim: the gap, or the
// shortfall of people.
func (a *Answer) setMiss(x float64) {
	if a.Target == TargetDemand {
		a.Shortfall = max(0, x)
	} else {
		a.Gap = -x
	}
}

// beyondLimits says when the solved scenario needs more than a plan can
// hold (an intake, recruits or funded posts above 1,000,000 on one line or
// cohort), so it could not be kept: the answer is then not reachable.
func (a *Answer) beyondLimits() string {
	most := 0.0
	for _, c := range a.Solved.ExtraCohorts {
		most = max(most, float64(c.Intake))
	}
	for _, o := range a.Solved.Posts {
		for _, v := range []*float64{o.RecruitsWTEPerYear, o.FundedWTE} {
			if v != nil {
				most = max(most, *v)
			}
		}
	}
	if most <= MaxWTE {
		return ""
	}
	what := map[string]string{LeverIntake: "an intake of %s people on one cohort",
		LeverRecruitment: "%s WTE of recruits a year on one post line", LeverFunded: "%s funded WTE on one post line"}[a.Lever]
	return fmt.Sprintf("the answer, +%d %%, needs "+what+", more than the %s a plan can hold", a.Pct, Num(math.Ceil(most)), Num(MaxWTE))
}

// missAt is how far the model is from the aim at month index i: minus the
// trajectory's gap, or the people a year short of the access targets.
func (a *Answer) missAt(m *model, i int) float64 {
	inPost, workforce := m.stateAt(i)
	if a.Target != TargetDemand {
		total := 0.0
		for _, v := range workforce {
			total += v
		}
		return -(total - m.base*(1+GrowthAt(m.plan, m.plan.Baseline+Month(i))/100))
	}
	return m.shortfallAt(i, inPost)
}

// shortfallAt is the ALL/ALL row's shortfall_people of the demand table
// at month index i, with each line's staff in post then.
func (m *model) shortfallAt(i int, inPost []float64) float64 {
	keys := make([]LineKey, len(m.lines))
	for li := range m.lines {
		keys[li] = m.lines[li].key
	}
	entries, parts := demandParts(m.plan, keys)
	month := m.plan.Baseline + Month(i)
	rows := make([]DemandRow, 0, 8)
	short := 0.0
	for k, d := range entries {
		var area DemandRow
		rows, area = demandRows(rows[:0], d, parts[k], month, func(li int) float64 { return inPost[li] })
		short += area.ShortfallPeople
	}
	return short
}

// extraPayCost is the pay cost of the answer's solved scenario minus the
// base's, over the months after the baseline (answers.md).
func (a *Answer) extraPayCost(p *Plan, base *Scenario) (float64, error) {
	cost := func(sc *Scenario) (float64, error) {
		m, err := linesOf(p, sc, nil) // pay needs no trajectory
		if err != nil {
			return 0, err
		}
		pay := m.payCostByMonth()
		total := 0.0
		for i := 1; i < len(pay); i++ {
			total += pay[i]
		}
		return total, nil
	}
	with, err := cost(&a.Solved)
	if err != nil {
		return 0, err
	}
	without, err := cost(base)
	return with - without, err
}

// fillDefaults checks the question and fills in what it leaves out.
func (a *Answer) fillDefaults(p *Plan, base *Scenario) error {
	switch a.Lever {
	case "":
		a.Lever = LeverIntake
	case LeverIntake, LeverRecruitment, LeverFunded:
	default:
		return fmt.Errorf("the lever %q is not one of %q, %q or %q", a.Lever, LeverIntake, LeverRecruitment, LeverFunded)
	}
	switch a.Target {
	case "":
		a.Target = TargetTrajectory
	case TargetTrajectory:
	case TargetDemand:
		if len(p.Demand) == 0 {
			return ErrNoDemand
		}
	default:
		return fmt.Errorf("the target %q is not one of %q or %q", a.Target, TargetTrajectory, TargetDemand)
	}
	if a.By == 0 {
		a.By = defaultBy(p, a.Target)
		if a.By == 0 {
			return fmt.Errorf("the plan has no milestone: say by which month the trajectory must be met")
		}
	}
	if a.By <= p.Baseline || a.By > p.Horizon {
		return fmt.Errorf("by %s is outside the plan's months %s to %s", a.By, p.Baseline+1, p.Horizon)
	}
	if a.From == 0 {
		a.From = p.Baseline + 1
	}
	if a.From <= p.Baseline || a.From > p.Horizon {
		return fmt.Errorf("from %s is outside the plan's months %s to %s", a.From, p.Baseline+1, p.Horizon)
	}
	for _, id := range a.Professions {
		if p.Profession(id) == nil {
			return fmt.Errorf("%q is not a profession of this plan", id)
		}
	}
	if a.Professions == nil {
		a.Professions = a.leverProfessions(p, base)
	}
	return nil
}

// defaultBy is the month the solver aims at unless told: the plan's first
// milestone after the baseline (trajectory; 0 when none), or the latest
// point of any access target inside the months after the baseline, else
// the horizon (demand).
func defaultBy(p *Plan, target string) Month {
	if target == TargetDemand {
		by := Month(0)
		for _, d := range p.Demand {
			for _, pt := range d.PeoplePerYear {
				if pt.Month > p.Baseline && pt.Month <= p.Horizon && pt.Month > by {
					by = pt.Month
				}
			}
		}
		if by == 0 {
			by = p.Horizon
		}
		return by
	}
	for _, ms := range p.Trajectory.Milestones {
		if ms.Month > p.Baseline {
			return ms.Month
		}
	}
	return 0
}

// leverProfessions is every profession the lever can move: with a cohort
// (intake), with a post line that recruits (recruitment), or with a post
// line (funded).
func (a *Answer) leverProfessions(p *Plan, base *Scenario) []string {
	has := map[string]bool{}
	switch a.Lever {
	case LeverIntake:
		for _, c := range p.Cohorts {
			has[c.Profession] = true
		}
		for _, c := range extraCohorts(base) {
			has[c.Profession] = true
		}
	case LeverRecruitment:
		for _, l := range p.Posts {
			if recruitsInForce(l, base) > 0 {
				has[l.Profession] = true
			}
		}
	default:
		for _, l := range p.Posts {
			has[l.Profession] = true
		}
	}
	ids := []string{}
	for _, prof := range p.Professions { // the plan's order, never a map's
		if has[prof.ID] {
			ids = append(ids, prof.ID)
		}
	}
	return ids
}

func extraCohorts(sc *Scenario) []Cohort {
	if sc == nil {
		return nil
	}
	return sc.ExtraCohorts
}

// recruitsInForce is the line's recruits per year in the base.
func recruitsInForce(l PostLine, base *Scenario) float64 {
	r := l.RecruitsWTEPerYear
	if base != nil {
		for _, o := range base.Posts {
			if o.Profession == l.Profession && o.ServiceArea == l.ServiceArea {
				setIf(&r, o.RecruitsWTEPerYear)
			}
		}
	}
	return r
}

// solved is S(pct): the base with the lever raised by pct %.
func (a *Answer) solved(p *Plan, base *Scenario, pct int) *Scenario {
	s := Scenario{}
	if base != nil {
		s = *base.cloneScenario()
	}
	s.Name = ""
	chosen := map[string]bool{}
	for _, id := range a.Professions {
		chosen[id] = true
	}
	switch a.Lever {
	case LeverIntake:
		// the plan's cohorts and the base's extra ones are raised, in
		// that order, after the base's extra ones (a rise of 0 adds none)
		own := s.ExtraCohorts
		room := len(own)
		if pct > 0 {
			room += len(p.Cohorts) + len(own)
		}
		s.ExtraCohorts = append(make([]Cohort, 0, room), own...)
		for _, cohorts := range [][]Cohort{p.Cohorts, own} {
			for _, c := range cohorts {
				// only cohorts that qualify by By can help
				if !chosen[c.Profession] || c.Start < a.From || c.QualifyMonth() > a.By {
					continue
				}
				c.Intake = int(math.Ceil(float64(c.Intake) * float64(pct) / 100))
				c.DrawnFrom = nil // the extra trainees come from outside
				if c.Intake > 0 {
					s.ExtraCohorts = append(s.ExtraCohorts, c)
				}
			}
		}
	case LeverRecruitment:
		for _, l := range p.Posts {
			if chosen[l.Profession] {
				s.override(l.Key()).RecruitsWTEPerYear = ptrTo(recruitsInForce(l, base) * (1 + float64(pct)/100))
			}
		}
	default:
		for _, l := range p.Posts {
			if chosen[l.Profession] {
				s.override(l.Key()).FundedWTE = ptrTo(fundedInForce(l, base) * (1 + float64(pct)/100))
			}
		}
	}
	return &s
}

// fundedInForce is the line's baseline funded WTE in the base.
func fundedInForce(l PostLine, base *Scenario) float64 {
	f := l.FundedWTE
	if base != nil {
		for _, o := range base.Posts {
			if o.Profession == l.Profession && o.ServiceArea == l.ServiceArea {
				setIf(&f, o.FundedWTE)
			}
		}
	}
	return f
}

// override is the scenario's override of a post line, made if it has none.
func (s *Scenario) override(k LineKey) *PostOverride {
	for i := range s.Posts {
		if s.Posts[i].Profession == k.Profession && s.Posts[i].ServiceArea == k.ServiceArea {
			return &s.Posts[i]
		}
	}
	s.Posts = append(s.Posts, PostOverride{Profession: k.Profession, ServiceArea: k.ServiceArea})
	return &s.Posts[len(s.Posts)-1]
}

func (s *Scenario) cloneScenario() *Scenario {
	p := Plan{Scenarios: []Scenario{*s}}
	return &p.Clone().Scenarios[0]
}

// whyNot says in plain words why even the largest rise falls short,
// naming what stops it: nothing to raise, no course qualifying in time,
// funded posts (hires are capped at them), or volume.
func (a *Answer) whyNot(p *Plan, base *Scenario, miss float64, most *model) string {
	who := strings.Join(a.Professions, ", ")
	if len(a.Professions) == 0 {
		return fmt.Sprintf("no profession can be moved by %s in this plan", a.Lever)
	}
	if why := a.nothingToRaise(p, base, who); why != "" {
		return why
	}
	// What stops the largest rise is read off its projection at By (its
	// model, S(MaxSolvePct)'s, made once): that month alone, as a whole
	// national projection is 60 MB.
	at := most.projectionAt(int(a.By - p.Baseline))
	if why := a.cappedAt(p, base, at); why != "" {
		return why
	}
	if why := a.noPostLine(p, at); why != "" {
		return why
	}
	if a.Target == TargetDemand {
		return fmt.Sprintf("even %d %% more leaves %s people a year without care in %s",
			MaxSolvePct, Num(math.Round(miss)), a.By.Label())
	}
	return fmt.Sprintf("even %d %% more leaves the workforce %s WTE short of the trajectory in %s",
		MaxSolvePct, Num(math.Round(miss*10)/10), a.By.Label())
}

// nothingToRaise says why the lever has nothing to work on, or "".
func (a *Answer) nothingToRaise(p *Plan, base *Scenario, who string) string {
	switch a.Lever {
	case LeverRecruitment:
		total := 0.0
		for _, l := range p.Posts {
			if contains(a.Professions, l.Profession) {
				total += recruitsInForce(l, base)
			}
		}
		if total == 0 {
			return fmt.Sprintf("no post line of %s recruits from outside, so there is nothing to raise", who)
		}
		return ""
	case LeverFunded:
		if !capsHires(p, base) {
			return "hires are not capped at funded posts in this plan, so more funded posts change nothing"
		}
		return ""
	}
	starts, qualifies := 0, 0
	var durations []int
	for _, c := range append(append([]Cohort(nil), p.Cohorts...), extraCohorts(base)...) {
		if !contains(a.Professions, c.Profession) || c.Start < a.From {
			continue
		}
		starts++
		if c.QualifyMonth() <= a.By {
			qualifies++
		} else if c.Start <= a.By {
			durations = append(durations, c.DurationMonths)
		}
	}
	switch {
	case starts == 0:
		return fmt.Sprintf("no cohort of %s starts from %s, so there is no intake to raise", who, a.From.Label())
	case qualifies == 0 && len(durations) > 0:
		sort.Ints(durations)
		return fmt.Sprintf("courses of %d months starting from %s qualify after %s",
			durations[0], a.From.Label(), a.By.Label())
	case qualifies == 0:
		return fmt.Sprintf("no course of %s starting from %s qualifies by %s", who, a.From.Label(), a.By.Label())
	}
	return ""
}

func capsHires(p *Plan, base *Scenario) bool {
	if base != nil && base.CapHires != nil {
		return *base.CapHires
	}
	return p.CapHires
}

// cappedAt says, for the intake and recruitment levers with hires capped
// at funded posts, when the funded posts are what stops the answer: every
// funded post of the lines that matter is filled at By in S(1000), and
// they fall short of what the aim needs. "" otherwise.
func (a *Answer) cappedAt(p *Plan, base *Scenario, pj *Projection) string {
	if a.Lever == LeverFunded || !capsHires(p, base) {
		return ""
	}
	i := pj.Index(a.By)
	if a.Target == TargetDemand {
		return a.demandCapped(p, pj, i)
	}
	funded, vacant := 0.0, 0.0
	for li := range pj.Lines {
		r := pj.Lines[li].Row(i)
		funded += r.Funded
		if contains(a.Professions, pj.Lines[li].Key.Profession) {
			vacant += r.Vacancies
		}
	}
	if vacant > 0.05 || funded+pj.Total[i].TraineeWTE*boolTo(p.CountSalariedTrainees) >= pj.Target[i] {
		return ""
	}
	return fmt.Sprintf("funded posts are %s WTE in %s against a trajectory of %s WTE, and hires only fill funded posts: raise funded posts (the funded lever)",
		Num(math.Round(funded*10)/10), a.By.Label(), Num(math.Round(pj.Target[i]*10)/10))
}

// demandCapped names the service area and profession whose funded posts,
// all filled, fall furthest short of what the access target needs.
func (a *Answer) demandCapped(p *Plan, pj *Projection, i int) string {
	dt, err := DemandAt(p, pj, a.By)
	if err != nil {
		return ""
	}
	lines := map[LineKey]*Line{}
	for li := range pj.Lines {
		lines[pj.Lines[li].Key] = &pj.Lines[li]
	}
	worst, short := DemandRow{}, 0.0
	var worstFunded float64
	for _, r := range dt.Months[0] {
		if r.Total() || r.GapWTE >= 0 {
			continue
		}
		funded := 0.0
		if l := lines[LineKey{r.Profession, r.ServiceArea}]; l != nil {
			row := l.Row(i)
			if row.Vacancies > 0.05 {
				continue // posts left empty: not the funded posts' fault
			}
			funded = row.Funded
		}
		if gap := r.NeededWTE - funded; gap > short {
			worst, short, worstFunded = r, gap, funded
		}
	}
	if short <= 0 {
		return ""
	}
	return fmt.Sprintf("funded posts for %s in %s are %s WTE in %s; the target needs %s WTE",
		p.professionName(worst.Profession), worst.ServiceArea, Num(math.Round(worstFunded*10)/10), a.By.Label(), Num(math.Round(worst.NeededWTE*10)/10))
}

// noPostLine says, aimed at demand, when a profession of a service's mix
// that falls short has no post line there, so no lever of posts can help:
// "there are no posts of CBT in B to raise; the target needs 4.0 WTE".
func (a *Answer) noPostLine(p *Plan, pj *Projection) string {
	if a.Target != TargetDemand {
		return ""
	}
	dt, err := DemandAt(p, pj, a.By)
	if err != nil {
		return ""
	}
	lines := map[LineKey]bool{}
	for li := range pj.Lines {
		lines[pj.Lines[li].Key] = true
	}
	for _, r := range dt.Months[0] {
		if r.Total() || r.GapWTE >= 0 || lines[LineKey{r.Profession, r.ServiceArea}] {
			continue
		}
		return fmt.Sprintf("there are no posts of %s in %s to raise (no post line); the target needs %s WTE in %s",
			p.professionName(r.Profession), r.ServiceArea, Num(math.Round(r.NeededWTE*10)/10), a.By.Label())
	}
	return ""
}

// professionName is the profession's name, or its id when the plan has none.
func (p *Plan) professionName(id string) string {
	if prof := p.Profession(id); prof != nil {
		return prof.Name
	}
	return id
}

func boolTo(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// gapAt is the total workforce minus the target at month index i, worked
// out to the last bit as Project works it out, but stepping each line only
// up to i.
func (m *model) gapAt(i int) float64 {
	_, workforce := m.stateAt(i)
	total := 0.0
	for _, v := range workforce {
		total += v
	}
	return total - m.base*(1+GrowthAt(m.plan, m.plan.Baseline+Month(i))/100)
}

// stateAt is each line's staff in post and workforce at month index i,
// stepping each line only up to i and keeping nothing else.
func (m *model) stateAt(i int) (inPost, workforce []float64) {
	inPost, workforce = make([]float64, len(m.lines)), make([]float64, len(m.lines))
	m.eachLine(i, func(li int, months []stocks, r *lineRates) {
		s := &months[i]
		inPost[li] = s.inPost
		workforce[li] = r.workforce(s.inPost, s.inTraining*r.traineeWTEPerHead)
	})
	return inPost, workforce
}
