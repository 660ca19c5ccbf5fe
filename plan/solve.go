package plan

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"sync"
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
// solved scenario S(p) of answers.md meets the trajectory at By
// (gap >= -1e-9), by bisection: S(p) only grows with p.
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
	gap := func(pct int) (float64, error) {
		m, err := modelOf(p, a.solvedUpTo(p, base, pct, a.By), nil)
		if err != nil {
			return 0, err
		}
		return m.gapAt(by), nil
	}
	meets := func(g float64) bool { return g >= -1e-9 }
	hiGap, err := gap(MaxSolvePct)
	if err != nil {
		return a, err
	}
	if !meets(hiGap) {
		a.Reason = a.whyNot(p, base, hiGap)
		return a, nil
	}
	lo, hi := -1, MaxSolvePct // S(lo) falls short (S(-1) by definition), S(hi) meets
	a.Gap = hiGap
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		g, err := gap(mid)
		if err != nil {
			return a, err
		}
		if meets(g) {
			hi, a.Gap = mid, g
		} else {
			lo = mid
		}
	}
	a.Reachable, a.Pct = true, hi
	a.Solved = *a.solved(p, base, hi)
	if a.Lever == LeverIntake {
		for _, c := range a.Solved.ExtraCohorts[len(extraCohorts(base)):] {
			a.ExtraIntake += c.Intake
		}
	}
	return a, nil
}

// fillDefaults checks the question and fills in what it leaves out.
func (a *Answer) fillDefaults(p *Plan, base *Scenario) error {
	switch a.Lever {
	case "":
		a.Lever = LeverIntake
	case LeverIntake, LeverRecruitment:
	default:
		return fmt.Errorf("the lever %q is not one of %q or %q", a.Lever, LeverIntake, LeverRecruitment)
	}
	if a.By == 0 {
		for _, ms := range p.Trajectory.Milestones {
			if ms.Month > p.Baseline {
				a.By = ms.Month
				break
			}
		}
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

// leverProfessions is every profession the lever can move: with a cohort
// (intake), or with a post line that recruits (recruitment).
func (a *Answer) leverProfessions(p *Plan, base *Scenario) []string {
	has := map[string]bool{}
	if a.Lever == LeverIntake {
		for _, c := range p.Cohorts {
			has[c.Profession] = true
		}
		for _, c := range extraCohorts(base) {
			has[c.Profession] = true
		}
	} else {
		for _, l := range p.Posts {
			if recruitsInForce(l, base) > 0 {
				has[l.Profession] = true
			}
		}
	}
	ids := []string{}
	for _, pr := range p.Professions { // the plan's order, never a map's
		if has[pr.ID] {
			ids = append(ids, pr.ID)
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
	return a.solvedUpTo(p, base, pct, 0)
}

// solvedUpTo is S(pct) without the extra cohorts starting after month
// last (0: none left out): they change nothing up to last, and the solver
// only looks at the gap at By, so it need not project them.
func (a *Answer) solvedUpTo(p *Plan, base *Scenario, pct int, last Month) *Scenario {
	s := Scenario{}
	if base != nil {
		s = *base.cloneScenario()
	}
	s.Name = ""
	chosen := map[string]bool{}
	for _, id := range a.Professions {
		chosen[id] = true
	}
	if a.Lever == LeverIntake {
		baseCohorts := append(append(make([]Cohort, 0, len(p.Cohorts)+len(s.ExtraCohorts)), p.Cohorts...), s.ExtraCohorts...)
		s.ExtraCohorts = append(make([]Cohort, 0, len(baseCohorts)), s.ExtraCohorts...)
		for _, c := range baseCohorts {
			if !chosen[c.Profession] || c.Start < a.From || (last != 0 && c.Start > last) {
				continue
			}
			c.Intake = int(math.Ceil(float64(c.Intake) * float64(pct) / 100))
			c.DrawnFrom = nil // the extra trainees come from outside
			if c.Intake > 0 {
				s.ExtraCohorts = append(s.ExtraCohorts, c)
			}
		}
		return &s
	}
	for _, l := range p.Posts {
		if !chosen[l.Profession] {
			continue
		}
		r := recruitsInForce(l, base) * (1 + float64(pct)/100)
		s.setRecruits(l.Key(), r)
	}
	return &s
}

// setRecruits overrides a post line's recruits, in the line's existing
// override if the scenario has one.
func (s *Scenario) setRecruits(k LineKey, r float64) {
	for i := range s.Posts {
		if s.Posts[i].Profession == k.Profession && s.Posts[i].ServiceArea == k.ServiceArea {
			s.Posts[i].RecruitsWTEPerYear = &r
			return
		}
	}
	s.Posts = append(s.Posts, PostOverride{Profession: k.Profession, ServiceArea: k.ServiceArea, RecruitsWTEPerYear: &r})
}

func (s *Scenario) cloneScenario() *Scenario {
	p := Plan{Scenarios: []Scenario{*s}}
	return &p.Clone().Scenarios[0]
}

// whyNot says in plain words why even the largest rise falls short.
func (a *Answer) whyNot(p *Plan, base *Scenario, gap float64) string {
	who := strings.Join(a.Professions, ", ")
	if len(a.Professions) == 0 {
		return fmt.Sprintf("no profession can be moved by %s in this plan", a.Lever)
	}
	short := fmt.Sprintf("even %d %% more leaves the workforce %s WTE short of the trajectory in %s",
		MaxSolvePct, Num(math.Round(-gap*10)/10), a.By.Label())
	if a.Lever == LeverRecruitment {
		total := 0.0
		for _, l := range p.Posts {
			if contains(a.Professions, l.Profession) {
				total += recruitsInForce(l, base)
			}
		}
		if total == 0 {
			return fmt.Sprintf("no post line of %s recruits from outside, so there is nothing to raise", who)
		}
		return short + " (recruits only fill funded vacancies while capping is on)"
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
		return fmt.Sprintf("no cohort of %s starting from %s qualifies by %s", who, a.From.Label(), a.By.Label())
	}
	return short + " (qualifiers only fill funded vacancies while capping is on)"
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
// up to i and keeping nothing else. A big plan's lines are split over two
// cores; their workforce is still summed in line order.
func (m *model) gapAt(i int) float64 {
	n := i + 1
	vals := make([]float64, len(m.lines))
	work := func(from, to int) {
		scratch := make([]stocks, n*m.widestGroup())
		sp := stepper{m: m}
		out := func(_, k int) []stocks { return scratch[k*n : (k+1)*n : (k+1)*n] }
		sp.stepRange(from, to, out, false, func(li, k int, rates lineRates) {
			s := &out(li, k)[i]
			vals[li] = rates.workforce(s.inPost, s.inTraining*rates.traineeWTEPerHead)
		})
	}
	half := m.splitAt(len(m.lines) / 2)
	if len(m.lines)*n < 50_000 {
		half = len(m.lines)
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); work(half, len(m.lines)) }()
	work(0, half)
	wg.Wait()
	total := 0.0
	for _, v := range vals {
		total += v
	}
	return total - m.base*(1+GrowthAt(m.plan, m.plan.Baseline+Month(i))/100)
}
